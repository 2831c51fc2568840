"""A .zip that holds one export: Google Forms downloads its responses as `Naam.csv.zip`.

The one CSV (or TSV, or Excel's Unicode .txt) inside is read as if it were given itself,
named `archief.zip:naam.csv` in messages. A zip with more than one table, none, or only an
.xlsx says what to do instead; a damaged zip says so. The table may be at most
MAX_TABLE_BYTES unpacked (a zip bomb stops there).
"""

from __future__ import annotations

import io
from pathlib import Path

from ...errors import file_problem

TEXT_MEMBERS = (".csv", ".tsv", ".txt")


def unzip_table(raw: bytes, label: str, limit: int) -> tuple[str, bytes]:
    """(member name, its bytes) of the one table in the zip; InputError otherwise."""
    import zipfile
    import zlib

    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        members = [m for m in archive.infolist() if not m.is_dir() and not _hidden(m.filename)]
        tables = [m for m in members if Path(m.filename).suffix.lower() in TEXT_MEMBERS]
        if any(m.filename == "xl/workbook.xml" for m in members):
            raise file_problem(label, "dit is een Excel-werkmap met een andere naam; hernoem het bestand naar .xlsx")
        if len(tables) != 1:
            names = ", ".join(m.filename for m in members[:5]) or "niets"
            raise file_problem(label, f"dit zip-bestand bevat {len(tables)} CSV-bestanden ({names}); pak het uit "
                                      "en geef het CSV- of .xlsx-bestand dat u bedoelt")
        [member] = tables
        if member.file_size > limit:
            raise file_problem(label, f"{member.filename} in dit zip-bestand is te groot ({member.file_size} bytes; "
                                      f"hoogstens {limit})")
        with archive.open(member) as stream:
            data = stream.read(limit + 1)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, NotImplementedError, EOFError, OSError,
            ValueError) as exc:
        raise file_problem(label, f"geen leesbaar zip-bestand ({exc}); download het opnieuw of pak het uit en geef "
                                  "het CSV-bestand") from None
    if len(data) > limit:
        raise file_problem(label, f"{member.filename} in dit zip-bestand is te groot (hoogstens {limit} bytes)")
    return member.filename, data


def _hidden(name: str) -> bool:
    """macOS adds `__MACOSX/._naam.csv` to a zip it makes; such entries are no export."""
    return any(part.startswith((".", "__MACOSX")) for part in Path(name).parts)
