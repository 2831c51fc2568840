"""More export layouts of the tools, as their export code and documentation write them (issue 21 item 4),
in the style of tests/surveyexports.py, and the scores of a person worked out by hand (docs/formats.md section 3).

- LimeSurvey "Question code & question text" headings: `code. text` (the export screen's default
  separator is ". "), with the answers as codes or as full text; a survey without date stamps
  writes 1980-01-01 00:00:00 as the submit date; a response that was not sent in has no submit
  date; a survey built from `ontwikkelscan template` asks the 89 statements without a context.
- Qualtrics with "Use numeric values": Status 0 (IP Address) or 1 (Survey Preview), Finished 1/0,
  the type question's choice numbers 1-3 and the scale's 1-5 (6: weet ik niet); and a Dutch
  account, where the second header row and the metadata values are Dutch.
- Google Forms' download: `Naam.csv.zip` holding `Naam.csv`.
"""

from __future__ import annotations

import csv
import json
import math
import zipfile
from pathlib import Path

from ontwikkelscan.models import Bank
from tests.surveyexports import TITLE, TYPE_QUESTION, Person, _csv, _label, google_forms_csv

LIME_META = [("id", "Response ID"), ("submitdate", "Date submitted"), ("lastpage", "Last page"),
             ("startlanguage", "Start language"), ("seed", "Seed"), ("startdate", "Date started"),
             ("datestamp", "Date last action"), ("G00Q01", "Wat is uw naam?"), ("G00Q02", "In welke gemeente werkt u?"),
             ("G00Q03", TYPE_QUESTION)]


def asked(bank: Bank, template: bool) -> list[list[str]]:
    """Question ids per competency, in bank order; `template`: only those asked without a context (89)."""
    return [[q.id for q in bank.items[c.id] if not (template and q.contexts)] for c in bank.competencies]


def limesurvey(path: Path, bank: Bank, persons: list[Person], *, headings: str = "codetext", codes: bool = False,
               template: bool = False, datestamps: bool = True, unsent: tuple[int, ...] = (),
               code: str = "A{}") -> Path:
    """headings: code | text | codetext. `unsent`: the indexes of persons who never pressed submit (no
    submitdate, lastpage 1). Without `datestamps` LimeSurvey has no startdate/datestamp columns and the
    submit date of a sent response is 1980-01-01 00:00:00. `code`: the scale's answer codes (1-5, and 6 for
    weet ik niet), `A{}` or LimeSurvey's default `AO{:02d}`; the type question's codes are always AO01-AO03."""
    matrices = asked(bank, template)
    meta = [m for m in LIME_META if datestamps or m[0] not in ("startdate", "datestamp")]
    questions = [(f"G{g + 1:02d}Q01[SQ{s + 1:03d}]", f"{TITLE} [{bank.question_index[qid].text}]")
                 for g, ids in enumerate(matrices) for s, qid in enumerate(ids)]
    head = {"code": lambda c, t: c, "text": lambda c, t: t, "codetext": lambda c, t: f"{c}. {t}"}[headings]
    rows = [[head(c, t) for c, t in meta + questions]]
    order = [i for ids in matrices for i in ids]
    type_codes = {t: f"AO{n + 1:02d}" for n, t in enumerate(bank.types)}
    for n, p in enumerate(persons):
        stamp = p.when.strftime("%Y-%m-%d %H:%M:%S") if datestamps else "1980-01-01 00:00:00"
        values = {"id": p.rid, "submitdate": "" if n in unsent else stamp, "lastpage": "1" if n in unsent else "16",
                  "startlanguage": "nl", "seed": "12345", "startdate": stamp, "datestamp": stamp, "G00Q01": p.name,
                  "G00Q02": p.municipality, "G00Q03": type_codes[p.mtype] if codes else bank.types[p.mtype].name}
        cells = [code.format(6 if p.answers[i] is None else p.answers[i]) if codes else _label(bank, p.answers[i])
                 for i in order]
        rows.append([values[c] for c, _ in meta] + cells)
    path.write_bytes((_csv(rows, quoting=csv.QUOTE_ALL, lineterminator="\r\n") + "\r\n").encode("utf-8"))
    return path


QUALTRICS_META = [("StartDate", "Start Date", "Begindatum", "startDate"), ("EndDate", "End Date", "Einddatum", "endDate"),
                  ("Status", "Response Type", "Antwoordtype", "status"), ("IPAddress", "IP Address", "IP-adres", "ipAddress"),
                  ("Progress", "Progress", "Voortgang", "progress"),
                  ("Duration (in seconds)", "Duration (in seconds)", "Duur (in seconden)", "duration"),
                  ("Finished", "Finished", "Voltooid", "finished"),
                  ("RecordedDate", "Recorded Date", "Opgenomen datum", "recordedDate"),
                  ("ResponseId", "Response ID", "Antwoord-ID", "_recordId"),
                  ("RecipientLastName", "Recipient Last Name", "Achternaam ontvanger", "recipientLastName"),
                  ("RecipientFirstName", "Recipient First Name", "Voornaam ontvanger", "recipientFirstName"),
                  ("RecipientEmail", "Recipient Email", "E-mail ontvanger", "recipientEmail"),
                  ("DistributionChannel", "Distribution Channel", "Distributiekanaal", "distributionChannel"),
                  ("UserLanguage", "User Language", "Gebruikerstaal", "userLanguage")]


def qualtrics(path: Path, bank: Bank, persons: list[Person], *, numeric: bool = True, dutch: bool = False,
              preview: tuple[int, ...] = (), unfinished: tuple[int, ...] = (),
              status: dict[int, str] | None = None) -> Path:
    """Three header rows; a type question Q1 (choices in bank order) and one matrix per competency.
    `status`: the Status cell of some persons (by index), as written (`8`, `Spam`, `Imported`)."""
    matrices = asked(bank, False)
    label = 2 if dutch else 1
    columns = [(m[0], m[label], m[3]) for m in QUALTRICS_META] + [("Q1", TYPE_QUESTION, "QID1")]
    columns += [(f"Q{g + 2}_{s + 1}", f"{TITLE} - {bank.question_index[qid].text}", f"QID{g + 2}_{s + 1}")
                for g, ids in enumerate(matrices) for s, qid in enumerate(ids)]
    rows = [[c[0] for c in columns], [c[1] for c in columns],
            [json.dumps({"ImportId": c[2]}, separators=(",", ":")) for c in columns]]
    order = [i for ids in matrices for i in ids]
    types = list(bank.types)
    words = {(True, False): ("0", "1", "1", "0"), (True, True): ("0", "1", "1", "0"),
             (False, False): ("IP Address", "Survey Preview", "True", "False"),
             (False, True): ("IP-adres", "Enquêtevoorbeeld", "Waar", "Onwaar")}[(numeric, dutch)]
    for n, p in enumerate(persons):
        stamp = p.when.strftime("%Y-%m-%d %H:%M:%S")
        first, _, last = p.name.partition(" ")
        kind = (status or {}).get(n, words[1] if n in preview else words[0])
        head = [stamp, stamp, kind, "10.0.0.1", "40" if n in unfinished else "100",
                "600", words[3] if n in unfinished else words[2], stamp, f"R_{p.rid}qX{p.rid}", last, first, p.email,
                "preview" if n in preview else "email", "NL",
                str(types.index(p.mtype) + 1) if numeric else bank.types[p.mtype].name]
        if numeric:
            cells = ["6" if p.answers[i] is None else str(p.answers[i]) for i in order]
        else:
            cells = [_label(bank, p.answers[i]) for i in order]
        rows.append(head + cells)
    path.write_text(_csv(rows, lineterminator="\r\n"), encoding="utf-8")
    return path


def google_forms_zip(path: Path, bank: Bank, persons: list[Person]) -> Path:
    """`Zelfscan.csv.zip` as Google Forms downloads it: one CSV inside, named as the form."""
    inner = google_forms_csv(path.with_name("inner.csv"), bank, persons)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(inner, path.name.removesuffix(".zip"))
    inner.unlink()
    return path


def invoke(*args: str) -> tuple[int, str, str]:
    from typer.testing import CliRunner

    from ontwikkelscan.cli import app

    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def scores(stdout: str) -> dict[str, dict[str, float | None]]:
    """The scores per respondent of a JSON Lines report."""
    return {r["respondent"]["name"]: {c["id"]: c["score"] for c in r["competencies"]}
            for r in map(json.loads, stdout.splitlines())}


def by_hand(bank: Bank, answers: dict[str, int | None]) -> dict[str, float | None]:
    """docs/formats.md section 3 rules 1-4 over the statements asked without a context."""
    out: dict[str, float | None] = {}
    for competency in bank.competencies:
        items = [q for q in bank.questions if q.competency == competency.id and not q.contexts]
        given = [(q, v) for q in items if (v := answers.get(q.id)) is not None]
        if len(given) < math.ceil(len(items) / 2):
            out[competency.id] = None
            continue
        values = [(bank.scale.min + bank.scale.max - v if q.reverse else v, q.weight) for q, v in given]
        out[competency.id] = sum(s * w for s, w in values) / sum(w for _, w in values)
    return out


def close(a: dict[str, dict[str, float | None]], b: dict[str, dict[str, float | None]]) -> bool:
    """The same people with the same scores (within 1e-9)."""
    def same(x: float | None, y: float | None) -> bool:
        return x is None and y is None or x is not None and y is not None and abs(x - y) < 1e-9

    return a.keys() == b.keys() and all(a[k].keys() == b[k].keys() and all(same(a[k][c], b[k][c]) for c in a[k])
                                        for k in a)
