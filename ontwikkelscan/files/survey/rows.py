"""A survey table -> one answer sheet per response, with every problem named by row and column.

Per file, in this order: an InputError for the whole file when its header cannot be used
(no question found, a column that looks like an unknown question id, a question twice);
else one `Notice` for unknown columns and one for the bank's questions missing from the
file; then per data row an AnswerSheet or an InputError; at the end one Notice for the rows
skipped (not finished, a test response, nothing answered). Rows are numbered as a
spreadsheet shows them: the (first) header is row 1.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

from ...errors import InputError, Problem, file_problem
from ...models import NO_DATE, AnswerSheet, Bank
from ...names import name_key
from ..commandline import command
from ..comments import attach_comments, comment_problem
from .columns import COMMENT, SUBMIT_DATE, Column, column_name, header_names, is_personal, match_columns, norm
from .notice import Notice
from .status import StatusCheck, no_submit_date
from .values import Cells, date_order, iso_date, municipality_type, rater_group

if TYPE_CHECKING:
    from .mapping import Code, ColumnMap
    from .tables import Table


Row = tuple[int, AnswerSheet | InputError | Notice]
PERSONAL = "persoonsgegevens"  # the reason of the Notice that names the identifying columns
_NOBODY = frozenset({"anonymous", "anoniem", "anonymous user"})  # Microsoft Forms without sign-in
_UNFINISHED = frozenset({"0", "false", "onwaar", "niet waar", "nee", "no"})
_CODE = re.compile(r"[A-Za-z]{1,3}\d{1,3}|\d+")


def table_sheets(table: Table, file: str, bank: Bank, mapping: ColumnMap | None = None,
                 asked: frozenset[str] | None = None, *, observer: bool = False) -> Iterator[Row]:
    for message in table.warnings:
        yield 0, Notice(file, message.removeprefix(f"{file}: "))
    if not table.headers or not any(any(h) for h in table.headers):
        yield 0, file_problem(file, "het bestand is leeg; verwacht een kopregel met vragen of vraag-id's")
        return
    matched = match_columns(table.headers, bank, mapping.columns if mapping else None, observer=observer)
    problems = [Problem(file, 1, i + 1, _where(1, i, table.headers[i][0] or "leeg"), message)
                for i, message in matched.errors]
    if not problems and len(matched.missing) == len(bank.questions):
        problems.append(Problem(file, 1, None, "rij 1", "geen enkele kolom is een vraag van de vragenbank (geen "
                                f"vraag-id, geen vraagtekst); maak een koppeling met "
                                f"`{command('import-csv', file, '--write-columns', 'KOPPELING.yaml')}` en geef die "
                                "met --columns"))
    if problems:
        yield 0, InputError(problems)
        return
    if matched.retired:
        yield 0, Notice(file, f"{len(matched.retired)} kolom(men) overgeslagen ({', '.join(f'`{q}`' for q in matched.retired)}): "
                              "die vragen horen bij een eerdere versie van de vragenbank en tellen niet mee in uw scores")
    if matched.unknown:
        names = ", ".join(f"{column_name(c.position)} ({_short(c.header)})" for c in matched.unknown)
        yield 0, Notice(file, f"{len(matched.unknown)} kolom(men) niet gebruikt: {names}")
    # a question for a context (docs/formats.md section 7) is asked only where that context applies: not missing
    missing = [q for q in matched.missing if (asked is None or q in asked) and not bank.question_index[q].contexts]
    if missing:
        shown = ", ".join(missing[:12]) + (f" en nog {len(missing) - 12}" if len(missing) > 12 else "")
        yield 0, Notice(file, f"{len(missing)} vraag/vragen van de vragenbank staan niet in het bestand "
                              f"(tellen als niet beantwoord): {shown}")
    personal = [c for c in matched.columns if is_personal(c, table.headers[c.position])]
    if observer and personal:
        names = ", ".join(f"{column_name(c.position)} ({_short(c.header)})" for c in personal)
        yield 0, Notice(file, f"{len(personal)} kolom(men) met persoonsgegevens niet overgenomen (anonieme "
                              f"beoordelaars): {names}", reason=PERSONAL)
    yield from ((0, Notice(file, message)) for message in no_submit_date(table.headers))
    if mapping:  # a column set to null (or another target) that the import would use to leave rows out
        from .mapping import switched_off

        yield from ((0, Notice(file, message)) for message in switched_off(table.headers, bank, matched, observer))
    own = {c.position: codes for c in matched.columns
           if mapping and (codes := mapping.codes_for(table.headers[c.position])) is not None}
    reader = _RowReader(file, bank, matched.columns, Cells(bank, mapping.values if mapping else None),
                        mapping.types if mapping else {}, own)
    for column in reader.meta.get("date", ()):  # day or month first: once per column, not per row
        reader.month_first[column.position] = date_order(
            cells[column.position] for _, cells in table.rows if column.position < len(cells))
    skipped: dict[str, list[int]] = {}
    items: list[tuple[int, AnswerSheet | InputError]] = []
    for number, cells in table.rows:
        item = reader.sheet(number, cells)
        if item == REPEATED:
            continue  # refused like the first row with this column's problem; said once below
        if isinstance(item, str):
            skipped.setdefault(item, []).append(number)
        else:
            items.append((number, item))
    # one respondent twice in this export: a double submission, or a corrected response (survey/repeats.py)
    from .repeats import latest

    cells_of = dict(table.rows)
    good = [(n, item) for n, item in items if isinstance(item, AnswerSheet)]
    counted, repeats = latest(file, good, lambda n: reader.who(cells_of[n]), lambda n: reader.moment(cells_of[n]))
    kept = {n for n, _ in counted}
    yield from ((n, item) for n, item in items if n in kept or isinstance(item, InputError))
    repeated = [reader.bad_problem(found, mapping is not None) for found in reader.bad.values() if len(found) > 1]
    if repeated:  # the same bad cell in many rows and columns: said once, with the fix
        yield repeated[0].line or 0, Repeated(repeated, len(reader.quiet))
    yield from ((0, notice) for notice in repeats)
    yield from ((0, Notice(file, message)) for message in reader.status.messages())
    for reason, numbers in skipped.items():
        listed = ", ".join(map(str, numbers[:10])) + (" ..." if len(numbers) > 10 else "")
        yield 0, Notice(file, f"{len(numbers)} rij(en) overgeslagen: {reason} (rij {listed})", len(numbers), reason)


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:39] + "…"


def _where(row: int, index: int, column: str) -> str:
    return f"rij {row}, kolom {column_name(index)} ({_short(column)})"


REPEATED = "repeated"  # a row refused for a problem that an earlier row of the same column has


class Repeated(InputError):
    """The rows after the first with a cell that is no answer, per column; `rows`: the rows refused only for it."""

    def __init__(self, problems: list[Problem], rows: int) -> None:
        super().__init__(problems)
        self.rows = rows


class _RowReader:
    def __init__(self, file: str, bank: Bank, columns: list[Column], cells: Cells, types: Mapping[str, str],
                 own: Mapping[int, Mapping[str, Code]]) -> None:
        self.file, self.bank, self.cells, self.types = file, bank, cells, types
        # codes given for one column (--columns `values:` per column) win over the general ones
        self.own_cells = {p: Cells(bank, {**cells.codes, **{k: v for k, v in codes.items() if not isinstance(v, str)}})
                          for p, codes in own.items()}
        self.own_types = {p: {**types, **{k: v for k, v in codes.items() if isinstance(v, str)}}
                          for p, codes in own.items()}
        self.bad: dict[str, list[tuple[int, Column, str]]] = {}  # message -> (row, column, cell) of cells that are no answer
        self.mapped = bool(own) or bool(cells.codes) or bool(types)  # a --columns file gave codes
        self.quiet: set[int] = set()  # rows refused only for cells whose column had that problem before
        self.questions = [c for c in columns if c.question]
        self.comments = [c for c in columns if c.role.startswith(COMMENT)]
        self.meta: dict[str, list[Column]] = {}
        for c in columns:
            if not c.question and c.role:
                self.meta.setdefault(c.role, []).append(c)
        self.width = len(columns)
        self.month_first: dict[int, bool] = {}
        self.status = StatusCheck(self.meta.get("status", ()))

    def _first(self, role: str, cells: list[str]) -> tuple[str, Column] | None:
        for column in self.meta.get(role, ()):
            text = cells[column.position].strip() if column.position < len(cells) else ""
            if text and text.casefold() not in _NOBODY:
                return text, column
        return None

    def sheet(self, row: int, cells: list[str]) -> AnswerSheet | InputError | str:
        """The row's sheet, its errors, or why it is skipped (str)."""
        file = self.file
        finished = self._first("finished", cells)
        if finished and finished[0].casefold() in _UNFINISHED or self._not_submitted(cells):
            return "niet afgerond"
        status = self.status.reason(row, cells)  # Status, or Qualtrics' DistributionChannel (survey/status.py)
        if status:
            return status
        problems: list[Problem] = []
        if len(cells) > self.width and any(c.strip() for c in cells[self.width:]):
            problems.append(Problem(file, row, self.width + 1, f"rij {row}", f"rij heeft {len(cells)} cellen, de "
                                    f"kopregel {self.width}; staat er een scheidingsteken te veel?"))
        answers: dict[str, int | None] = {}
        bad = False
        for column in self.questions:
            text = cells[column.position] if column.position < len(cells) else ""
            value = self.own_cells.get(column.position, self.cells).value(text)
            if isinstance(value, str):
                bad = self._bad(row, column, text.strip(), value, problems) or bad
            else:
                answers[column.role] = value
        comments = {c.role.removeprefix(COMMENT): (cells[c.position] if c.position < len(cells) else "")
                    for c in self.comments}
        if (not problems and not bad and all(v is None for v in answers.values())
                and not any(t.strip() for t in comments.values())):
            return "geen enkele vraag beantwoord"
        for column in self.comments:
            problem = comment_problem(column.role.removeprefix(COMMENT), comments[column.role.removeprefix(COMMENT)],
                                      self.bank)
            if problem:
                problems.append(self._problem(row, column, problem))
        date = mtype = None
        found = self._first("date", cells)
        if found:
            date = iso_date(found[0], self.month_first.get(found[1].position, False))
            if date == NO_DATE:
                date = None
            elif date is None:
                problems.append(self._problem(row, found[1], f"`{found[0]}` is geen datum; schrijf JJJJ-MM-DD of "
                                              "DD-MM-JJJJ (een tijd erachter mag)"))
        found = self._first("municipality_type", cells)
        if found:
            mtype = self.own_types.get(found[1].position, self.types).get(found[0]) or municipality_type(found[0], self.bank)
            if mtype is None:
                from ..answers import unknown_type

                names = ", ".join(f"{t.name}" for t in self.bank.types.values())
                message = f"{unknown_type(found[0], self.bank)} (of {names})"
                bad = self._bad(row, found[1], found[0], message, problems) or bad
        rater = "self"
        found = self._first("rater", cells)
        if "rater" in self.meta:
            groups = self.bank.raters.groups if self.bank.raters else {}
            code = self.own_types.get(found[1].position, {}).get(found[0]) if found else None
            rater = code if code in groups else rater_group(found[0], self.bank) if found else None  # type: ignore
            if rater is None:
                problems.append(self._problem(row, self.meta["rater"][0], self._no_group(found[0] if found else "")))
        if problems:
            return InputError(problems)
        if bad:
            self.quiet.add(row)
            return REPEATED
        respondent = {}
        name = self._name(cells)
        if name:
            respondent["name"] = name
        found = self._first("municipality", cells)
        if found:
            respondent["municipality"] = found[0]
        rid = self._first("response_id", cells)
        sheet = AnswerSheet(source=f"{file}:{row}", answers=MappingProxyType(answers),
                            respondent=MappingProxyType(respondent), date=date, municipality_type=mtype,
                            response_id=rid[0] if rid else None, rater=rater)
        return attach_comments(sheet, comments, self.bank) if comments else sheet

    def _bad(self, row: int, column: Column, text: str, message: str, problems: list[Problem]) -> bool:
        """A cell that is no answer. The first with this message is a problem of its row; True for a later one
        (in any column), said once for all by `bad_problem`."""
        earlier = self.bad.setdefault(message, [])
        earlier.append((row, column, text))
        if len(earlier) == 1:
            if _CODE.fullmatch(text) and (self.mapped or not column.question):  # a code: the way to read it
                message += (f"; vul `{text}` aan onder `values:` in de koppeling" if self.mapped else
                            "; een code van de type-vraag? maak een koppeling met "
                            f"`{command('import-csv', self.file, '--write-columns', 'KOPPELING.yaml')}` en geef die "
                            "met --columns")
            problems.append(self._problem(row, column, message))
            return False
        return True

    def bad_problem(self, found: list[tuple[int, Column, str]], mapped: bool) -> Problem:
        """The cells after the first with the same problem: how many, in which columns and rows, and the fix."""
        later = found[1:]
        row, first, text = later[0]
        columns = list(dict.fromkeys(c.position for _, c, _ in later))
        named = ", ".join(column_name(p) for p in columns[:8]) + (" ..." if len(columns) > 8 else "")
        rows = list(dict.fromkeys(r for r, _, _ in later))
        listed = ", ".join(map(str, rows[:10])) + (" ..." if len(rows) > 10 else "")
        message = (f"nog {len(later)} cel(len) met `{text}`, dat hier geen antwoord is (kolom {named}; rij {listed})")
        if _CODE.fullmatch(text):
            one = f"`{_short(first.header)}:`" if len(columns) == 1 else "de kolomkop"
            message += (f"; vul `{text}` aan onder `values:` in uw koppeling (voor één kolom alleen: onder `values:` "
                        f"{one} met de codes eronder)" if mapped else
                        "; is het een code? maak een koppeling met "
                        f"`{command('import-csv', self.file, '--write-columns', 'KOPPELING.yaml')}` en geef die met "
                        "--columns")
        return Problem(self.file, row, first.position + 1, _where(row, first.position, first.header), message)

    def _no_group(self, value: str) -> str:
        groups = self.bank.raters.groups.values() if self.bank.raters else ()
        allowed = ", ".join(g.name for g in groups)
        found = f"`{value}` is geen beoordelaarsgroep van de vragenbank" if value else "geen groep ingevuld"
        hint = ("; een code? exporteer met de teksten van de keuzes, of vertaal de codes in de koppeling "
                "(--columns, values: per kolom, bijv. `A1: burgemeester`)") if value and len(value) <= 4 else ""
        return f"{found}; toegestaan: {allowed}{hint}"

    def who(self, cells: list[str]) -> tuple[str, str] | None:
        """The respondent of a row within this export: its response id, else e-mail, else name."""
        for kind, role in (("id", "response_id"), ("email", "email")):
            found = self._first(role, cells)
            if found and (kind == "id" or "@" in found[0]):
                return kind, found[0].casefold()
        name = self._name(cells)
        return ("name", name_key(name)) if name else None

    def moment(self, cells: list[str]) -> dt.datetime | None:
        from .repeats import moment

        found = self._first("date", cells)
        return moment(found[0]) if found and iso_date(found[0]) != NO_DATE else None

    def _not_submitted(self, cells: list[str]) -> bool:
        """LimeSurvey leaves `submitdate` empty for a response that was started but not sent in."""
        return any(any(norm(h) in SUBMIT_DATE for h in header_names((c.header,)))
                   and not (cells[c.position].strip() if c.position < len(cells) else "")
                   for c in self.meta.get("date", ()))

    def _name(self, cells: list[str]) -> str | None:
        found = self._first("respondent", cells)
        if found:
            return found[0]
        parts = [f[0] for f in (self._first("given_name", cells), self._first("family_name", cells)) if f]
        if parts:
            return " ".join(parts)
        email = self._first("email", cells)
        return email[0] if email and "@" in email[0] else None

    def _problem(self, row: int, column: Column, message: str) -> Problem:
        return Problem(self.file, row, column.position + 1, _where(row, column.position, column.header), message)
