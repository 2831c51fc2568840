"""Survey-tool exports for a bank, built in each tool's documented layout (not typed by hand).

Every builder takes the bank and a list of `Person`s and writes the file a coach would
download: Microsoft Forms (.xlsx), Google Forms (CSV), LimeSurvey (CSV, codes or full
headings and answers), Qualtrics (CSV, three header rows, labels or recode values).
`answer_yaml` writes the same answers as an answer file, to compare the scores with.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
from pathlib import Path
from typing import NamedTuple

from ontwikkelscan.models import Bank

TITLE = "Hoe vaak doet u het volgende?"
TYPE_QUESTION = "Welk type gemeente is uw gemeente?"


class Person(NamedTuple):
    name: str
    email: str
    municipality: str
    mtype: str  # the bank's type id
    when: dt.datetime
    answers: dict[str, int | None]  # question id -> value; None: "weet ik niet"
    rid: str = ""


def people(bank: Bank, count: int = 4, seed: int = 7) -> list[Person]:
    rng = random.Random(seed)
    names = ["Anna de Vries", "Bram Jansen", "Carla Öztürk", "Dirk van den Berg", "Eva Bakker", "Frits Smit"]
    types = list(bank.types)
    out = []
    for i in range(count):
        answers = {q.id: (None if rng.random() < 0.08 else rng.randint(bank.scale.min, bank.scale.max))
                   for q in bank.questions}
        name = names[i % len(names)] + ("" if i < len(names) else f" {i}")
        out.append(Person(name, f"p{i}@gemeente.nl", f"Gemeente {i}", types[i % len(types)],
                          dt.datetime(2026, 11, 7, 8, 29, 44) + dt.timedelta(days=i, minutes=i), answers, str(i + 1)))
    return out


def _label(bank: Bank, value: int | None) -> str:
    return bank.scale.not_applicable or "" if value is None else bank.scale.labels.get(value, str(value))


def _matrices(bank: Bank) -> list[list[str]]:
    """Question ids per competency: a questionnaire built in bank order, one matrix per competency."""
    return [[q.id for q in bank.items[c.id]] for c in bank.competencies]


def _csv(rows: list[list[str]], **kwargs: object) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, **kwargs).writerows(rows)  # type: ignore[arg-type]
    return buffer.getvalue()


def ms_forms_xlsx(path: Path, bank: Bank, persons: list[Person]) -> Path:
    """ID, Start time, Completion time, Email, Name, Last modified time, then one column per question
    (a Likert question gives one column per statement, headed by the statement)."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(["ID", "Start time", "Completion time", "Email", "Name", "Last modified time",
                  TYPE_QUESTION, *(q.text for q in bank.questions)])
    for i, p in enumerate(persons, start=1):
        sheet.append([i, p.when - dt.timedelta(minutes=12), p.when, p.email, p.name, None,
                      bank.types[p.mtype].name, *(_label(bank, p.answers[q.id]) for q in bank.questions)])
    book.save(path)
    return path


def google_forms_csv(path: Path, bank: Bank, persons: list[Person]) -> Path:
    """Tijdstempel, E-mailadres, the questions; a multiple-choice grid is `Title [row]`."""
    header = ["Tijdstempel", "E-mailadres", "Naam", "Gemeente", TYPE_QUESTION,
              *(f"{TITLE} [{q.text}]" for q in bank.questions)]
    rows = [header] + [[p.when.strftime("%Y/%m/%d %-I:%M:%S %p") + " CET", p.email, p.name, p.municipality,
                        bank.types[p.mtype].name, *(_label(bank, p.answers[q.id]) for q in bank.questions)]
                       for p in persons]
    path.write_text(_csv(rows, lineterminator="\r\n"), encoding="utf-8")
    return path


def limesurvey_csv(path: Path, bank: Bank, persons: list[Person], *, codes: bool) -> Path:
    """Quote-all, CRLF, a blank line at the end. Codes: `id, submitdate, ...` and `G01Q01[SQ001]` with
    answer codes A1..A5 (A6: weet ik niet); full: `Response ID, Date submitted, ...`, `Title [statement]`
    and the answers' texts."""
    matrices = _matrices(bank)
    if codes:
        meta = ["id", "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp", "G00Q01", "G00Q02",
                "G00Q03"]
        questions = [f"G{g + 1:02d}Q01[SQ{s + 1:03d}]" for g, ids in enumerate(matrices) for s in range(len(ids))]
    else:
        meta = ["Response ID", "Date submitted", "Last page", "Start language", "Seed", "Date started",
                "Date last action", "Wat is uw naam?", "In welke gemeente werkt u?", TYPE_QUESTION]
        questions = [f"{TITLE} [{q}]" for ids in matrices for q in (bank.question_index[i].text for i in ids)]
    order = [i for ids in matrices for i in ids]
    type_codes = {t: f"T{n + 1}" for n, t in enumerate(bank.types)}
    rows = [meta + questions]
    for p in persons:
        stamp = p.when.strftime("%Y-%m-%d %H:%M:%S")
        head = [p.rid, stamp, "16", "nl", "12345", stamp, stamp, p.name, p.municipality,
                type_codes[p.mtype] if codes else bank.types[p.mtype].name]
        if codes:
            cells = ["A6" if p.answers[i] is None else f"A{p.answers[i]}" for i in order]
        else:
            cells = [_label(bank, p.answers[i]) for i in order]
        rows.append(head + cells)
    path.write_bytes((_csv(rows, quoting=csv.QUOTE_ALL, lineterminator="\r\n") + "\r\n").encode("utf-8"))
    return path


def limesurvey_mapping(bank: Bank) -> str:
    """The `--columns` file a coach writes for a code export (the type question's codes are its own)."""
    matrices = _matrices(bank)
    lines = ["columns:", "  id: response_id", "  submitdate: date", "  G00Q01: respondent", "  G00Q02: municipality",
             "  G00Q03: municipality_type"]
    lines += [f'  "G{g + 1:02d}Q01[SQ{s + 1:03d}]": {qid}' for g, ids in enumerate(matrices) for s, qid in enumerate(ids)]
    lines += ["values:"] + [f"  A{v}: {v}" for v in range(bank.scale.min, bank.scale.max + 1)] + ["  A6: null"]
    lines += [f"  T{n + 1}: {t}" for n, t in enumerate(bank.types)]
    return "\n".join(lines) + "\n"


# Qualtrics' metadata columns: field name, text, ImportId
QUALTRICS_META = [("StartDate", "Start Date", "startDate"), ("EndDate", "End Date", "endDate"),
                  ("Status", "Response Type", "status"), ("IPAddress", "IP Address", "ipAddress"),
                  ("Progress", "Progress", "progress"), ("Duration (in seconds)", "Duration (in seconds)", "duration"),
                  ("Finished", "Finished", "finished"), ("RecordedDate", "Recorded Date", "recordedDate"),
                  ("ResponseId", "Response ID", "_recordId"),
                  ("RecipientLastName", "Recipient Last Name", "recipientLastName"),
                  ("RecipientFirstName", "Recipient First Name", "recipientFirstName"),
                  ("RecipientEmail", "Recipient Email", "recipientEmail"),
                  ("ExternalReference", "External Data Reference", "externalDataReference"),
                  ("LocationLatitude", "Location Latitude", "locationLatitude"),
                  ("LocationLongitude", "Location Longitude", "locationLongitude"),
                  ("DistributionChannel", "Distribution Channel", "distributionChannel"),
                  ("UserLanguage", "User Language", "userLanguage")]


def qualtrics_csv(path: Path, bank: Bank, persons: list[Person], *, recode: bool = False) -> Path:
    """Row 1 field names (StartDate ... Q1, Q2_1), row 2 texts (`Title - statement`), row 3 ImportIds;
    answers as choice text, or as recode values (1-5, and 6 for weet ik niet) with `recode`."""
    matrices = _matrices(bank)
    meta = [*QUALTRICS_META, ("Q1", TYPE_QUESTION, "QID1")]
    questions = [(f"Q{g + 2}_{s + 1}", f"{TITLE} - {bank.question_index[qid].text}", f"QID{g + 2}_{s + 1}")
                 for g, ids in enumerate(matrices) for s, qid in enumerate(ids)]
    order = [i for ids in matrices for i in ids]
    columns = meta + questions
    rows = [[c[0] for c in columns], [c[1] for c in columns],
            [json.dumps({"ImportId": c[2]}, separators=(",", ":")) for c in columns]]
    for p in persons:
        stamp = p.when.strftime("%Y-%m-%d %H:%M:%S")
        first, _, last = p.name.partition(" ")
        head = [stamp, stamp, "IP Address", "10.0.0.1", "100", "600", "True", stamp, f"R_{p.rid}xYz{p.rid}Ab", last,
                first, p.email, "", "52.1", "5.1", "email", "NL", bank.types[p.mtype].name]
        if recode:
            cells = ["6" if p.answers[i] is None else str(p.answers[i]) for i in order]
        else:
            cells = [_label(bank, p.answers[i]) for i in order]
        rows.append(head + cells)
    path.write_text(_csv(rows, lineterminator="\r\n"), encoding="utf-8")
    return path


def answer_yaml(path: Path, bank: Bank, person: Person) -> Path:
    answers = "\n".join(f"  {k}: {'null' if v is None else v}" for k, v in person.answers.items())
    path.write_text(f"schema: ontwikkelscan/answers@1\nrespondent: {{name: \"{person.name}\"}}\n"
                    f"date: {person.when.date().isoformat()}\nmunicipality_type: {person.mtype}\n"
                    f"answers:\n{answers}\n", encoding="utf-8")
    return path
