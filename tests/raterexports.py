"""Rater surveys as the four tools export them, built from the guide's texts (issue 19).

`guide_texts` reads the paste blocks back from `feedback forms ROUND --format guide`; each builder
then writes the file a coach downloads for a survey built from them: Microsoft Forms (.xlsx, Dutch
interface), Google Forms (CSV, grid titles `Title [statement]`), LimeSurvey (CSV, full headings and
answers) and Qualtrics (CSV, three header rows). With `group` the guide's group question is in it.
Every identifying cell (name, e-mail, IP address, location, token ...) holds a value unique to the
row, listed in `Rater.identifying()`, so that a test can look for each of them in every written file.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import random
import re
from pathlib import Path
from typing import NamedTuple

from ontwikkelscan.models import Bank
from tests.surveyexports import QUALTRICS_META, _csv


class Rater(NamedTuple):
    group: str  # the bank's group id
    group_answer: str  # what the rater chose at `Ik ben`
    answers: dict[str, int | None]  # question id -> value; None: "weet ik niet"
    number: int
    comments: tuple[str, str] = ("", "")  # the answers to the two open questions (blijven, anders); "": none

    @property
    def name(self) -> str:
        return f"Persoon Nummer{self.number} Achternaamvan{self.number}"

    @property
    def email(self) -> str:
        return f"persoon.nummer{self.number}@voorbeeldrecht.nl"

    @property
    def when(self) -> dt.datetime:
        return dt.datetime(2027, 3, 2, 9, 0, 0) + dt.timedelta(days=self.number % 3, minutes=17 * self.number)

    @property
    def ip(self) -> str:
        return f"192.0.2.{100 + self.number}"

    @property
    def rid(self) -> str:
        return f"R_{self.number}qX7kLm{self.number}Zp"

    def identifying(self) -> list[str]:
        """Values that point at this rater, as they appear in the exports."""
        first, last = self.name.rsplit(" ", 1)
        return [self.name, first, last, self.email, self.ip, self.rid, f"52.09{self.number:02d}",
                f"5.12{self.number:02d}", f"tok{self.number}en{self.number}", f"https://intranet.example/r{self.number}",
                f"EXT-{self.number}-REF", self.when.strftime("%Y-%m-%d %H:%M:%S"), self.when.strftime("%H:%M")]


# Open comments as raters write them: commas, quotes, a line break, a semicolon
_COMMENTS = ["Blijf het college zo helder adviseren, ook als het schuurt.",
             'De "open deur" op vrijdag werkt goed; houd die vast.',
             "Meer zichtbaar zijn op de werkvloer.\nEn vaker terugkoppelen wat het college besloot.",
             "Sneller knopen doorhakken in het MT, zeker bij budgetkeuzes",
             "Minder vergaderen, meer lopen"]


def raters(bank: Bank, spec: list[tuple[str, str]], seed: int = 19) -> list[Rater]:
    """One rater per (group id, answer to `Ik ben`); answers at random over the observer statements."""
    rng = random.Random(seed)
    asked = [q.id for q in bank.questions if q.observer and not q.contexts]
    out = []
    for number, (group, answer) in enumerate(spec, start=1):
        answers = {qid: (None if rng.random() < 0.05 else rng.randint(bank.scale.min, bank.scale.max)) for qid in asked}
        comments = (_COMMENTS[number % len(_COMMENTS)] if number % 3 else "",
                    _COMMENTS[(number * 2) % len(_COMMENTS)] if number % 4 else "")
        out.append(Rater(group, answer, answers, number, comments))
    return out


class Texts(NamedTuple):
    """What the guide (`feedback forms --format guide`) says to paste, read back from its Markdown."""

    group_question: str | None
    groups: list[str]
    scale: list[str]  # the labels low to high, then "weet ik niet"
    matrices: list[tuple[str, list[tuple[str, str]]]]  # (title, [(question id, statement)])
    comments: list[str]


_BLOCK = re.compile(r"\*\*(.+?)\*\*\n\n```text\n(.*?)\n```", re.DOTALL)


def guide_texts(markdown: str, bank: Bank) -> Texts:
    """The paste blocks of the guide by their labels; a statement's id found from its text in the bank."""
    ids = {q.observer: q.id for q in bank.questions if q.observer} | {q.text: q.id for q in bank.questions}
    group_question, groups, scale, matrices, comments = None, [], [], [], []
    for label, body in _BLOCK.findall(markdown):
        lines = body.split("\n")
        if label.startswith("Vraag `") and "van" not in label.split("`")[0]:
            group_question, groups = label.split("`")[1], lines
        elif label.startswith("De schaal"):
            scale = lines
        elif re.match(r"Vraag \d+ van \d+: `", label):
            matrices.append((label.split("`")[1], [(ids[line], line) for line in lines]))
        elif label.startswith("Open vragen"):
            comments = lines
    return Texts(group_question, groups, scale, matrices, comments)


def _label(texts: Texts, value: int | None) -> str:
    return texts.scale[-1] if value is None else texts.scale[value - 1]


def forms_xlsx(path: Path, texts: Texts, people: list[Rater], *, group: bool = True) -> Path:
    """Microsoft Forms in Dutch: Id, Begintijd, Tijd van voltooien, E-mail, Naam, Tijdstip van laatste
    wijziging, then the questions; a Likert question gives one column per statement."""
    import openpyxl

    statements = [(qid, text) for _, rows in texts.matrices for qid, text in rows]
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Blad1"
    sheet.append(["Id", "Begintijd", "Tijd van voltooien", "E-mail", "Naam", "Tijdstip van laatste wijziging",
                  *([texts.group_question] if group else []), *(text for _, text in statements), *texts.comments])
    for p in people:
        sheet.append([p.number, p.when - dt.timedelta(minutes=11), p.when, p.email, p.name, p.when,
                      *([p.group_answer] if group else []), *(_label(texts, p.answers[q]) for q, _ in statements),
                      *(c or None for c in p.comments[:len(texts.comments)])])
    book.save(path)
    return path


def google_csv(path: Path, texts: Texts, people: list[Rater], *, group: bool = True) -> Path:
    """Tijdstempel, E-mailadres, then the questions; a grid is `Title [row]`."""
    grid = [(f"{title} [{text}]", qid) for title, rows in texts.matrices for qid, text in rows]
    header = ["Tijdstempel", "E-mailadres", "Naam", *([texts.group_question] if group else []), *(h for h, _ in grid),
              *texts.comments]
    rows = [header] + [[p.when.strftime("%Y/%m/%d %-I:%M:%S %p") + " CET", p.email, p.name,
                        *([p.group_answer] if group else []), *(_label(texts, p.answers[q]) for _, q in grid),
                        *p.comments[:len(texts.comments)]]
                       for p in people]
    path.write_text(_csv(rows, lineterminator="\r\n"), encoding="utf-8")
    return path


def limesurvey_csv(path: Path, texts: Texts, people: list[Rater], *, group: bool = True) -> Path:
    """Full headings and answers: Response ID, Date submitted, ..., IP address, Referrer URL, Token,
    `Title [statement]`; quote-all, CRLF, a blank line at the end."""
    grid = [(f"{title} [{text}]", qid) for title, rows in texts.matrices for qid, text in rows]
    meta = ["Response ID", "Date submitted", "Last page", "Start language", "Seed", "Token", "Date started",
            "Date last action", "IP address", "Referrer URL"]
    rows = [meta + ([texts.group_question] if group else []) + [h for h, _ in grid] + texts.comments]
    for p in people:
        stamp = p.when.strftime("%Y-%m-%d %H:%M:%S")
        rows.append([str(p.number), stamp, "15", "nl", "98765", f"tok{p.number}en{p.number}", stamp, stamp, p.ip,
                     f"https://intranet.example/r{p.number}", *([p.group_answer] if group else []),
                     *(_label(texts, p.answers[q]) for _, q in grid), *p.comments[:len(texts.comments)]])
    path.write_bytes((_csv(rows, quoting=csv.QUOTE_ALL, lineterminator="\r\n") + "\r\n").encode("utf-8"))
    return path


def qualtrics_csv(path: Path, texts: Texts, people: list[Rater], *, group: bool = True) -> Path:
    """Row 1 field names, row 2 `Title - statement`, row 3 ImportIds; recipient fields and location filled."""
    meta = list(QUALTRICS_META)
    if group:
        meta.append(("Q1", texts.group_question, "QID1"))
    questions = [(f"Q{g + 2}_{s + 1}", f"{title} - {text}", f"QID{g + 2}_{s + 1}", qid)
                 for g, (title, rows) in enumerate(texts.matrices) for s, (qid, text) in enumerate(rows)]
    last = len(texts.matrices) + 2
    columns = meta + [q[:3] for q in questions] + [(f"Q{last + i}", text, f"QID{last + i}_TEXT")
                                                   for i, text in enumerate(texts.comments)]
    rows = [[c[0] for c in columns], [c[1] for c in columns],
            [json.dumps({"ImportId": c[2]}, separators=(",", ":")) for c in columns]]
    for p in people:
        stamp = p.when.strftime("%Y-%m-%d %H:%M:%S")
        first, last = p.name.rsplit(" ", 1)
        rows.append([stamp, stamp, "IP Address", p.ip, "100", "600", "True", stamp, p.rid, last, first, p.email,
                     f"EXT-{p.number}-REF", f"52.09{p.number:02d}", f"5.12{p.number:02d}", "email", "NL",
                     *([p.group_answer] if group else []), *(_label(texts, p.answers[q[3]]) for q in questions),
                     *p.comments[:len(texts.comments)]])
    path.write_text(_csv(rows, lineterminator="\r\n"), encoding="utf-8")
    return path


BUILDERS = {"forms.xlsx": forms_xlsx, "google.csv": google_csv, "limesurvey.csv": limesurvey_csv,
            "qualtrics.csv": qualtrics_csv}


def limesurvey_codes_csv(path: Path, texts: Texts, people: list[Rater]) -> Path:
    """Question and answer codes (`G01Q01[SQ001]`, A1 ... A6): a survey per group, without its group question."""
    codes = [(f"G{g + 1:02d}Q01[SQ{s + 1:03d}]", qid) for g, (_, rows) in enumerate(texts.matrices)
             for s, (qid, _) in enumerate(rows)]
    rows = [["id", "submitdate", "lastpage", "startlanguage", "seed", "token", "ipaddr", "refurl", *(c for c, _ in codes)]]
    for p in people:
        rows.append([str(p.number), p.when.strftime("%Y-%m-%d %H:%M:%S"), "15", "nl", "98765", f"tok{p.number}en{p.number}",
                     p.ip, f"https://intranet.example/r{p.number}",
                     *("A6" if p.answers[q] is None else f"A{p.answers[q]}" for _, q in codes)])
    path.write_bytes((_csv(rows, quoting=csv.QUOTE_ALL, lineterminator="\r\n") + "\r\n").encode("utf-8"))
    return path
