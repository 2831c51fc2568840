"""Which column of an export is which question of the bank, or which metadata field.

A column matches, in this order:
1. the `--columns` mapping, on any of its headers (exactly, or ignoring case and punctuation);
2. a question id (`bps-1`), also with `_` for `-` (`bps_1`, as Qualtrics writes export tags), or the id of
   an open question (`blijven`, docs/formats.md section 6.3);
3. a metadata field the survey tools write (ID, completion time, e-mail, response id ...) or
   one of ours (respondent, municipality, municipality_type, date, response_id);
4. the question's text: the header is the text, or contains it as tools write grids and
   matrices (`Title [statement]`, `Title - statement`), ignoring case, spaces, punctuation and HTML;
   for raters (`observer`) also the observer text, which is what their survey shows; the same for the
   open questions (role COMMENT + id);
5. for raters, the question that asks their group (`Ik ben`, `Groep`): role `rater`;
6. a question about the person: name, municipality, type of municipality.
Anything else is unknown: a warning, unless it looks like a question id (then an error:
a typo would silently lose answers).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from ...models import Bank
from ..comments import comment_questions

# Fields an export can fill. Ours (in --columns and plain CSV) first; the rest are the tools'.
FIELDS = ("respondent", "municipality", "municipality_type", "date", "response_id", "rater")
# What a --columns line may point at: our fields, and the tools' metadata that the import uses
# (previews, unfinished responses, e-mail, names), so that a written mapping reads back as it was.
TARGETS = (*FIELDS, "email", "given_name", "family_name", "finished", "status")
IGNORE = "ignore"
COMMENT = "comment:"  # the role of an open question's column: COMMENT + its id

_TAG = re.compile(r"<[^>]*>")
_GROUP_TITLE = re.compile(r"\s*(?:<[^>]*>\s*)*ik ben\s*[:.(\-\u2013\u2026]", re.IGNORECASE)  # "Ik ben: ...", "Ik ben (kies)"
_NOT_WORD = re.compile(r"[\W_]+")


def norm(text: str) -> str:
    """'<p>Ik stem ... af.</p>' -> 'ik stem ... af': lower case, words only, single spaces."""
    if "<" in text:
        import html

        text = html.unescape(_TAG.sub(" ", text))
    return _NOT_WORD.sub(" ", text.casefold()).strip()


def _names(*names: str) -> frozenset[str]:
    return frozenset(norm(n) for n in names)


# Metadata headers per role, as the tools write them (English and Dutch interfaces).
# Sources: the tools' documented export layouts (see docs/coach.md).
META: dict[str, frozenset[str]] = {
    "respondent": _names("respondent", "name", "naam", "full name", "volledige naam", "uw naam", "wat is uw naam"),
    "municipality": _names("municipality", "gemeente", "uw gemeente", "organisatie", "organization"),
    "municipality_type": _names("municipality_type", "type gemeente", "gemeentetype", "soort gemeente",
                                "type", "profiel", "doelprofiel"),
    "date": _names("date", "datum", "completion time", "tijd van voltooien", "voltooiingstijd", "tijdstip voltooid",
                   "tijdstip van voltooiing", "eindtijd", "datum ingestuurd", "datum ingezonden", "submitted",
                   "timestamp", "tijdstempel", "submitdate", "date submitted", "datum verstuurd", "datum ingediend",
                   "recordeddate", "recorded date", "enddate", "end date",
                   # Qualtrics in Dutch
                   "einddatum", "opgenomen datum", "vastgelegde datum", "registratiedatum"),
    "response_id": _names("response_id", "id", "response id", "responseid", "antwoord id", "respons id",
                          "reactie id", "id van antwoord"),
    "email": _names("email", "e mail", "email address", "e mailadres", "emailadres", "recipientemail",
                    "recipient email", "e mail ontvanger", "e mailadres ontvanger"),
    "given_name": _names("recipientfirstname", "recipient first name", "firstname", "first name", "voornaam",
                         "uw voornaam", "voornaam ontvanger"),
    "family_name": _names("recipientlastname", "recipient last name", "lastname", "last name", "surname",
                          "achternaam", "uw achternaam", "achternaam ontvanger"),
    "finished": _names("finished", "voltooid", "afgerond"),
    "status": _names("status", "response type", "antwoordtype", "type antwoord", "reactietype", "type reactie",
                     # Qualtrics also marks a preview in its distribution channel (`preview`, `test`)
                     "distributionchannel", "distribution channel", "distributiekanaal"),
    IGNORE: _names(
        # Microsoft Forms
        "start time", "begintijd", "starttijd", "last modified time", "tijdstip laatst gewijzigd", "laatst gewijzigd",
        "tijdstip van laatste wijziging",
        "tijd van laatste wijziging", "total points", "quiz feedback", "punten", "totaal aantal punten",
        # Google Forms
        "score", "totale score",
        # LimeSurvey
        "lastpage", "last page", "laatste pagina", "startlanguage", "start language", "starttaal", "seed",
        "startdate", "date started", "datum gestart", "startdatum", "datestamp", "date last action",
        "datum laatste actie", "ipaddr", "ip address", "ip adres", "refurl", "referrer url", "verwijzende url",
        "token", "toegangscode", "interviewtime", "total time", "totale tijd",
        # Qualtrics
        "ipaddress", "progress", "voortgang", "duration in seconds", "duur in seconden", "begindatum",
        "gebruikerstaal", "locatie breedtegraad", "locatie lengtegraad",
        "externe gegevensreferentie", "externe referentie", "externalreference", "external data reference",
        "externaldatareference", "locationlatitude", "location latitude", "locationlongitude", "location longitude",
        "userlanguage", "user language", "q recaptchascore",
        "q relevantidduplicate", "q relevantidduplicatescore", "q relevantidfraudscore", "q relevantidlaststartdate",
    ),
}
# timings (LimeSurvey) and a quiz's points and feedback per question (Microsoft Forms: "Points - <question>")
_IGNORE_PREFIXES = ("grouptime", "group time", "groep tijd", "questiontime", "vraagtijd", "points ", "punten ",
                    "feedback ")
# What identifies a rater: never written into the file of an anonymous rater (docs/formats.md section 6). The roles
# above that hold a person's data, and the metadata of the tools that point at one (IP address, location,
# access token, the link they came from, their times).
PERSONAL_ROLES = frozenset({"respondent", "email", "given_name", "family_name", "municipality", "date"})
PERSONAL = _names(
    "start time", "begintijd", "starttijd", "last modified time", "tijdstip laatst gewijzigd", "laatst gewijzigd",
    "tijdstip van laatste wijziging", "tijd van laatste wijziging", "startdate", "date started", "datum gestart",
    "startdatum", "datestamp", "date last action", "datum laatste actie", "ipaddr", "ip address", "ip adres",
    "ipaddress", "refurl", "referrer url", "verwijzende url", "token", "toegangscode", "externalreference",
    "external data reference", "externaldatareference", "locationlatitude", "location latitude",
    "locationlongitude", "location longitude", "q relevantidlaststartdate",
    # Qualtrics in Dutch
    "begindatum", "locatie breedtegraad", "locatie lengtegraad", "externe gegevensreferentie", "externe referentie")
# The question that asks a rater's group, in one survey for all groups. GROUP_QUESTION is the guide's.
GROUP_QUESTION = "Ik ben"
_GROUP_HEADERS = _names(GROUP_QUESTION, "ik ben een", "wie bent u", "rater", "rater group", "i am")
_GROUP_WORDS = frozenset({"groep", "beoordelaarsgroep", "rol", "hoedanigheid"})  # "Tot welke groep ..."
# A question about the person: the first match wins (type before municipality).
_ABOUT = (("municipality_type", ("type gemeente", "soort gemeente", "gemeentetype")),
          ("respondent", ("uw naam", "naam", "your name")),
          ("municipality", ("gemeente", "municipality")))


class Column(NamedTuple):
    position: int  # 0-based column number
    header: str  # the header shown in messages (the most readable one)
    role: str  # a question id, a field (several columns may fill one: the first non-empty counts), IGNORE, ""
    question: bool = False


class Matched(NamedTuple):
    columns: list[Column]
    errors: list[tuple[int, str]]  # (column index, message in Dutch)
    unknown: list[Column]
    missing: list[str]  # question ids of the bank that no column holds
    retired: list[str]  # ids of statements an earlier bank version had (`retired:`): skipped, with a warning


# LimeSurvey's submit date: empty for a response that was started but not sent in
SUBMIT_DATE = frozenset({"submitdate", "date submitted", "datum verstuurd", "datum ingestuurd"})
_CODE_TEXT = re.compile(r"([A-Za-z][\w-]*(?:\[[\w-]+\])*)\.\s?(\S.*)", re.DOTALL)  # "id. Response ID"


def header_names(alternatives: tuple[str, ...]) -> tuple[str, ...]:
    """A column's headers, and for LimeSurvey's "code & text" headings (`submitdate. Date submitted`,
    `G01Q01[SQ001]. Title [statement]`) also the code and the text apart."""
    out = list(alternatives)
    for header in alternatives:
        split = _CODE_TEXT.fullmatch(header.strip())
        if split:
            out += [split.group(1), split.group(2)]
    return tuple(out)


def match_columns(headers: Sequence[tuple[str, ...]], bank: Bank, mapping: Mapping[str, str | None] | None = None,
                  *, observer: bool = False) -> Matched:
    """The role of every column; `observer`: the rows are raters' answers (observer texts, a group column)."""
    texts = [(norm(q.text), q.id) for q in bank.questions]
    if observer:
        texts += [(norm(q.observer), q.id) for q in bank.questions if q.observer]
    for comment in comment_questions(bank):  # docs/formats.md section 6.3: an open question's column holds its comments
        texts += [(norm(t), COMMENT + comment.id) for t in (comment.text, *([comment.observer] if observer else []))]
    texts.sort(key=lambda t: -len(t[0]))
    mapped = {norm(k): v for k, v in (mapping or {}).items()}
    columns: list[Column] = []
    errors: list[tuple[int, str]] = []
    unknown: list[Column] = []
    seen: dict[str, int] = {}
    retired: list[str] = []
    for index, alternatives in enumerate(headers):
        shown = next((h for h in reversed(alternatives) if h), "") if len(alternatives) > 1 else alternatives[0]
        role = _role(header_names(alternatives), bank, texts, mapping or {}, mapped, observer)
        question = role in bank.question_index
        column = Column(index, shown or alternatives[0], role or "", question)
        if role is None:
            if not any(alternatives):
                column = column._replace(role=IGNORE)
            elif old := [h.strip().casefold().replace("_", "-") for h in alternatives
                         if h.strip().casefold().replace("_", "-") in bank.retired]:
                column = column._replace(role=IGNORE)
                retired.append(old[0])
            elif any(looks_like_id(h, bank) for h in alternatives):
                errors.append((index, _unknown_id(alternatives, bank)))
            else:
                unknown.append(column)
        elif (question or role.startswith(COMMENT)) and role in seen:
            errors.append((index, f"kolom `{column.header}` is ook vraag `{role}`, net als kolom "
                                  f"{column_name(seen[role])}; laat er één over of wijs ze toe met --columns"))
        seen.setdefault(column.role, index)
        columns.append(column)
    found = {c.role for c in columns if c.question}
    missing = [q.id for q in bank.questions if q.id not in found]
    return Matched(columns, errors, unknown, missing, retired)


def _role(alternatives: tuple[str, ...], bank: Bank, texts: list[tuple[str, str]],
          mapping: Mapping[str, str | None], mapped: Mapping[str, str | None], observer: bool) -> str | None:
    for header in alternatives:
        if header in mapping:
            return mapping[header] or IGNORE
        key = norm(header)
        if key and key in mapped:
            return mapped[key] or IGNORE
    comments = {c.id for c in comment_questions(bank)}
    for header in alternatives:
        qid = question_id(header, bank)
        if qid:
            return qid
        if header.strip().casefold() in comments:
            return COMMENT + header.strip().casefold()
    for header in alternatives:
        key = norm(header)
        for role, names in META.items():
            if key in names:
                return role
        if key.startswith(_IGNORE_PREFIXES):
            return IGNORE
    for header in alternatives:
        key = f" {norm(header)} "
        for text, qid in texts:  # longest text first: a text inside another one loses
            if text and f" {text} " in key:
                return qid
    if observer and any(is_group_question(h) for h in alternatives):
        return "rater"
    for header in alternatives:
        key = f" {norm(header)} "
        if key.count(" ") > 9:  # a long question about something else that happens to say "gemeente"
            continue
        for role, words in _ABOUT:
            if any(f" {w} " in key for w in words):
                return role
    return None


def is_group_question(header: str) -> bool:
    """`Ik ben`, `Ik ben: burgemeester / wethouder / ...`, `Uw groep`, `Wat is uw rol?`: the question that asks a
    rater's group (a short one; the statements and the comment questions are matched before)."""
    words = norm(header).split()
    return (" ".join(words) in _GROUP_HEADERS or bool(_GROUP_TITLE.match(header))
            or len(words) <= 10 and not _GROUP_WORDS.isdisjoint(words))


def is_personal(column: Column, alternatives: tuple[str, ...]) -> bool:
    """A column that holds or points at a person (name, e-mail, times, IP address, location ...)."""
    return column.role in PERSONAL_ROLES or column.role == IGNORE and any(norm(h) in PERSONAL
                                                                         for h in header_names(alternatives))


def question_id(header: str, bank: Bank) -> str | None:
    """`bps-1`, `BPS-1`, `bps_1` -> 'bps-1'; None when the header is no question id of the bank."""
    text = header.strip()
    if text in bank.question_index:
        return text
    candidate = text.casefold().replace("_", "-")
    return candidate if candidate in bank.question_index else None


_ID_SHAPE = re.compile(r"[a-z]+[-_ ]?\d{1,3}")


def looks_like_id(header: str, bank: Bank) -> bool:
    """`bps-9`, `bsp-1`: the shape of the bank's ids, with a known prefix or close to an id."""
    text = header.strip().casefold()
    if not _ID_SHAPE.fullmatch(text):
        return False
    import difflib

    prefixes = {qid.rsplit("-", 1)[0] for qid in bank.question_index}
    prefix = re.split(r"[-_ ]?\d", text, maxsplit=1)[0]
    return prefix in prefixes or bool(difflib.get_close_matches(text.replace("_", "-"), list(bank.question_index),
                                                                n=1, cutoff=0.75))


def _unknown_id(alternatives: tuple[str, ...], bank: Bank) -> str:
    from ..schemacheck import did_you_mean

    header = next(h for h in alternatives if looks_like_id(h, bank))
    hint = did_you_mean(header.strip().casefold().replace("_", "-"), bank.question_index)
    return (f"kolom `{header}` lijkt een vraag-id, maar vragenbank {bank.version} kent hem niet{hint}; "
            "verbeter de kop of wijs hem toe met --columns")


def column_name(index: int) -> str:
    """0 -> 'A', 26 -> 'AA': the column as a spreadsheet labels it."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name
