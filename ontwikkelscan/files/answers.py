"""Read and write answer files (docs/formats.md section 2)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..errors import InputError, Problem, ScanError
from ..models import ANSWERS_SCHEMA, NO_DATE, AnswerSheet, Bank, Question
from . import canonical, schemas
from .comments import cleaned, comment_problem, comment_questions
from .fsio import write_private
from .schemacheck import check, did_you_mean, is_date
from .yamlio import Doc, describe, load_file, parse, read_bytes

# The answers themselves are checked below, against the bank's ids and scale, so that a
# message can say what is allowed; the schema checks everything around them.
_OUTER = {**schemas.ANSWERS, "properties": {**schemas.ANSWERS["properties"], "answers": {"type": "object"},
                                             "comments": {"type": "object"}}}


def read_answers(path: Path, bank: Bank, label: str | None = None) -> AnswerSheet:
    return parse_answer_text(read_bytes(path, label), label or str(path), bank)


def parse_answer_text(raw: bytes, file: str, bank: Bank) -> AnswerSheet:
    # A file as we write it is read by the fast reader; any other by the YAML loader (files/canonical.py)
    return parse_answers(canonical.parse(raw, file) or parse(raw, file), bank)


def read_resumable(path: Path, bank: Bank, *, force: bool) -> tuple[AnswerSheet, tuple[str, ...]]:
    """An answer file to continue a scan with, and the ids of the answers left out.

    A scan begun with another version of the bank may hold answers to questions this bank does
    not know (and that are not `retired`). Then the version is the message (a ScanError, as the
    scan gives for any other version: see other_version_message), not a list of unknown ids; with
    `force` those answers are left out.
    """
    doc = load_file(path)
    made_with = other_bank_version(doc, bank)
    answers = doc.data.get("answers") if isinstance(doc.data, dict) else None
    dropped = tuple(str(q) for q in answers if q not in bank.question_index and q not in bank.retired) \
        if made_with is not None and isinstance(answers, dict) else ()
    if dropped and not force:
        raise ScanError(other_version_message(path, made_with, bank))
    return parse_answers(doc, bank, drop=dropped), dropped


def other_version_message(path: Path, made_with: str | None, bank: Bank) -> str:
    return (f"{path} is begonnen met vragenbank {made_with}; dit is {bank.version}. Maak de scan af met die bank "
            "(--bank MAP), of ga toch verder met --force")


def other_bank_version(doc: Doc, bank: Bank) -> str | None:
    """The bank version the file names, when it is not this bank's."""
    info = doc.data.get("bank") if isinstance(doc.data, dict) else None
    version = info.get("version") if isinstance(info, dict) else None
    return str(version) if version is not None and str(version) != bank.version else None


def parse_answers(doc: Doc, bank: Bank, *, drop: tuple[str, ...] = ()) -> AnswerSheet:
    """Validate a parsed answer file against the bank; InputError lists every problem. The ids in
    `drop` (answers to questions of another bank version) are left out without a word."""
    problems: list[Problem] = list(doc.problems)
    data = doc.data
    if not isinstance(data, dict):
        problems.append(doc.problem((), "dit is geen antwoordbestand: verwacht een blok met minstens `answers:`"))
        raise InputError(problems)
    problems.extend(check(doc, _OUTER))
    answers = data.get("answers")
    values: dict[str, int | None] = {}
    retired: tuple[str, ...] = ()
    if isinstance(answers, dict):
        # Answers to statements an earlier version of the bank had are skipped (a warning, see
        # analysis/sheets.py), so that an old file still scores; any other unknown id is an error
        # (unless `drop` names it: a resumed scan of another version, with --force).
        retired = tuple(qid for qid in answers if qid in bank.retired)
        kept = {k: v for k, v in answers.items() if k not in bank.retired and k not in drop}
        values = _answers(doc, kept, bank, problems, other_bank_version(doc, bank))
    mtype = data.get("municipality_type")
    if isinstance(mtype, str) and mtype not in bank.types:
        problems.append(doc.problem(("municipality_type",), unknown_type(mtype, bank)))
    contexts = data.get("contexts")
    for i, xid in enumerate(contexts if isinstance(contexts, list) else ()):
        if isinstance(xid, str) and xid not in bank.contexts:
            problems.append(doc.problem(("contexts", i), unknown_context(xid, bank)))
    rater = data.get("rater")
    if isinstance(rater, str) and rater != "self" and rater not in (bank.raters.groups if bank.raters else {}):
        problems.append(doc.problem(("rater",), unknown_rater(rater, bank)))
    comments = data.get("comments")
    for cid, value in comments.items() if isinstance(comments, dict) else ():
        problem = comment_problem(cid, value, bank)
        if problem is not None:
            problems.append(doc.problem(("comments", cid), problem, at_key=isinstance(value, str) or value is None))
    if problems:
        raise InputError(problems)
    respondent = data.get("respondent") or {}
    bank_info = data.get("bank") or {}
    date = data.get("date")
    date = date.isoformat() if isinstance(date, dt.date) else date
    return AnswerSheet(
        source=doc.file,
        answers=MappingProxyType(values),
        respondent=MappingProxyType({k: respondent[k] for k in ("name", "municipality") if respondent.get(k)}),
        date=None if date == NO_DATE else date,
        municipality_type=mtype,
        rater=data.get("rater", "self"),
        bank_version=bank_info.get("version"),
        bank_sha256=bank_info.get("sha256"),
        order_seed=data.get("order_seed"),
        contexts=tuple(dict.fromkeys(contexts)) if isinstance(contexts, list) else None,
        round=data.get("round"),
        response_id=data.get("response_id"),
        retired=retired,
        comments=MappingProxyType(cleaned(comments) if isinstance(comments, dict) else {}),
        placeholder_date=date == NO_DATE,
    )


def unknown_type(value: str, bank: Bank) -> str:
    """The message for a municipality type the bank does not know (answer files and CSV rows)."""
    return f"onbekend type gemeente `{value}`{did_you_mean(value, bank.types)}; kies uit: {', '.join(bank.types)}"


def unknown_rater(value: str, bank: Bank) -> str:
    """The message for a rater that is neither `self` nor one of the bank's rater groups (docs/formats.md section 6)."""
    groups = list(bank.raters.groups) if bank.raters else []
    allowed = ", ".join(["self", *groups]) if groups else "self (deze vragenbank heeft geen beoordelaarsgroepen)"
    return f"onbekende beoordelaar `{value}`{did_you_mean(value, ['self', *groups])}; kies uit: {allowed}"


def unknown_context(value: str, bank: Bank) -> str:
    """The message for a context the bank does not know (answer files, rounds, --context)."""
    allowed = ", ".join(bank.contexts) or "(deze vragenbank heeft geen contexten)"
    return f"onbekende context `{value}`{did_you_mean(value, bank.contexts)}; kies uit: {allowed}"


def _answers(doc: Doc, answers: dict[Any, Any], bank: Bank, out: list[Problem],
             made_with: str | None = None) -> dict[str, int | None]:
    low, high = bank.scale.min, bank.scale.max
    allowed = f"toegestaan: een geheel getal van {low} tot en met {high}, of null (overgeslagen)"
    values: dict[str, int | None] = {}
    index = bank.question_index
    # the answers whose raw text YAML read as something else (`012`), and nulls: checked one by one below
    odd = {path[1] for path in doc.plain if len(path) == 2 and path[0] == "answers"}
    for qid, value in answers.items():
        if type(value) is int and low <= value <= high and qid in index and qid not in odd:
            values[qid] = value  # the common case, first (a batch checks 100 answers per file)
            continue
        path = ("answers", qid)
        if qid not in index:
            out.append(doc.problem(path, f"onbekende vraag-id `{qid}`{did_you_mean(qid, bank.question_index)}; "
                                   f"deze vragenbank ({bank.version}) kent die vraag niet"
                                   + (f"; het bestand is gemaakt met vragenbank {made_with}: gebruik die bank "
                                      "(--bank MAP)" if made_with else ""), at_key=True))
        elif value is None:
            values[qid] = None
        elif isinstance(value, bool) or not isinstance(value, int):
            raw = doc.plain.get(path)
            shown = raw if raw is not None else (value if isinstance(value, (str, float)) else None)
            found = f"`{shown}`" if shown is not None else f"({describe(value)})"
            out.append(doc.problem(path, f"antwoord {found} is geen geheel getal; {allowed}"))
        elif path in doc.plain:  # 012, 0x4, 1_0: YAML 1.1 reads them as numbers nobody typed
            out.append(doc.problem(path, f"antwoord `{doc.plain[path]}` is geen gewoon geheel getal; {allowed}"))
        elif not low <= value <= high:
            out.append(doc.problem(path, f"antwoord {value} valt buiten de schaal; {allowed}"))
        else:
            values[qid] = value
    return values


def _date(text: str) -> str:
    """An ISO date plain, as docs/formats.md section 2 writes it; anything else quoted, so that it reads back as written."""
    # is_date, not fromisoformat alone: that also takes week dates (2026-W48-7) and would rewrite them
    return text if is_date(text) else _quote(text)


def _quote(text: str) -> str:
    import json  # only when writing: reading should not pay for it
    # A JSON string is a valid YAML double-quoted scalar, and never read as another type. What YAML
    # may not hold as it is (control characters, DEL, C1, U+2028/2029 that YAML folds, BOM) is escaped.
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(text, ensure_ascii=False))


_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


def dump_answers(sheet: AnswerSheet, bank: Bank, *, with_questions: bool = False,
                 questions: tuple[Question, ...] | None = None) -> str:
    """The answer file's YAML text, answers in bank order.

    With `with_questions` (a template), every question of the bank (or of `questions`) is
    listed, with its text and the scale above it as comments, for people who fill the file
    in by hand; an observer's template (a rater other than self) shows the observer texts.
    """
    lines = [f"schema: {ANSWERS_SCHEMA}"]
    respondent = {k: v for k, v in sheet.respondent.items() if v}
    if respondent:
        lines.append("respondent:")
        lines += [f"  {key}: {_quote(value)}" for key, value in respondent.items()]
    if sheet.date:
        lines.append(f"date: {_date(sheet.date)}")
    if sheet.municipality_type:
        lines.append(f"municipality_type: {sheet.municipality_type}")
    if sheet.contexts is not None:
        lines.append(f"contexts: [{', '.join(sheet.contexts)}]")
    lines.append(f"rater: {_quote(sheet.rater)}")
    if sheet.round:
        lines.append(f"round: {sheet.round}")
        if sheet.response_id:  # in a round always the opaque id of an import (files/survey/keys.py)
            lines.append(f"response_id: {_quote(sheet.response_id)}")
    if sheet.order_seed is not None:
        lines.append(f"order_seed: {sheet.order_seed}")
    lines += ["bank:", f"  version: {_quote(bank.version)}", f"  sha256: {bank.sha256}"]
    asked = bank.questions if questions is None else questions
    listed = asked if with_questions else [q for q in bank.questions if q.id in sheet.answers]
    # A scan stopped before its first answer must still be a valid, resumable file.
    lines.append("answers:" if listed else "answers: {}")
    scale = ", ".join(f"{k} = {v}" for k, v in sorted(bank.scale.labels.items()))
    if bank.scale.not_applicable:
        scale += f", null = {bank.scale.not_applicable}"
    # A missing id means "not yet answered" (a scan resumes there); null means skipped.
    for question in listed:
        if with_questions:
            lines.append(f"  # {question.observer if sheet.rater != 'self' and question.observer else question.text}")
            lines.append(f"  #   ({scale})")
        value = sheet.answers.get(question.id)
        lines.append(f"  {question.id}: {'null' if value is None else value}")
    return "\n".join(lines + _comment_lines(sheet, bank, with_questions)) + "\n"


def _comment_lines(sheet: AnswerSheet, bank: Bank, with_questions: bool) -> list[str]:
    """The `comments:` block (docs/formats.md section 6.3): the texts written, in bank order; a template lists
    every open question with its wording above an empty text."""
    from .comments import wording

    if with_questions and comment_questions(bank):
        lines = ["comments:  # open vragen: schrijf tussen de aanhalingstekens; leeg laten mag"]
        for question in comment_questions(bank):
            lines += [f"  # {wording(question, sheet.rater)}", f"  {question.id}: {_quote(sheet.comments.get(question.id, ''))}"]
        return lines
    written = [(c.id, sheet.comments[c.id]) for c in comment_questions(bank) if sheet.comments.get(c.id)]
    return ["comments:", *(f"  {cid}: {_quote(text)}" for cid, text in written)] if written else []


def write_answers(path: Path, sheet: AnswerSheet, bank: Bank) -> None:
    write_private(path, dump_answers(sheet, bank))
