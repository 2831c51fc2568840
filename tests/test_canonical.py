"""The fast reader of answer files as we write them (files/canonical.py) against the YAML loader.

Its promise: for any bytes it either declines (None) or gives exactly the Doc that
files/yamlio.py gives: the same data, raw texts, problems and, through `locate`, positions.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from ontwikkelscan.errors import InputError
from ontwikkelscan.files import canonical, yamlio
from ontwikkelscan.files.answers import dump_answers, parse_answer_text
from ontwikkelscan.files.bank import load_bank
from ontwikkelscan.models import AnswerSheet

BANK = load_bank()
IDS = [q.id for q in BANK.questions]


def same_as_yaml(raw: bytes) -> canonical.Doc | None:
    """canonical.parse(raw), after checking that it agrees with yamlio.parse where it does not decline."""
    fast = canonical.parse(raw, "x.yaml")
    if fast is None:
        return None
    full = yamlio.parse(raw, "x.yaml")  # raises where the file is no valid YAML: then fast must have declined
    assert (fast.data, fast.plain, fast.problems) == (full.data, full.plain, full.problems)
    assert type(fast.data) is dict and all(type(k) is str for k in fast.data)
    fast.problem(("answers",), "x")  # positions: parsed again, and then the same
    assert (fast.marks, fast.key_marks) == (full.marks, full.key_marks)
    return fast


texts = st.text(st.characters(codec="utf-8"), max_size=30)
sheets = st.builds(
    lambda answers, name, town, date, mtype, contexts, rater, round_, rid, seed: AnswerSheet(
        source="", answers=answers, respondent={"name": name, "municipality": town}, date=date,
        municipality_type=mtype, contexts=contexts, rater=rater, round=round_,
        response_id=rid if round_ else None, order_seed=seed),
    st.dictionaries(st.sampled_from(IDS), st.one_of(st.none(), st.integers(1, 5)), max_size=len(IDS)),
    texts, texts, st.one_of(st.none(), st.dates().map(str), texts),
    st.one_of(st.none(), st.sampled_from(list(BANK.types))),
    st.one_of(st.none(), st.lists(st.sampled_from(list(BANK.contexts)), unique=True).map(tuple)),
    st.one_of(st.just("self"), texts), st.one_of(st.none(), st.from_regex(r"[a-z0-9-]{1,12}", fullmatch=True)),
    texts, st.one_of(st.none(), st.integers(0, 2**40)))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(sheets)
def test_a_written_file_reads_as_yaml_reads_it(sheet: AnswerSheet) -> None:
    same_as_yaml(dump_answers(sheet, BANK).encode())


@settings(max_examples=100)
@given(st.dictionaries(st.sampled_from(IDS), st.one_of(st.none(), st.integers(1, 5)), min_size=1),
       st.from_regex(r"[A-Za-z][A-Za-z .'-]{0,30}", fullmatch=True), st.dates())
def test_an_ordinary_file_takes_the_fast_way(answers: dict[str, int | None], name: str, date: object) -> None:
    sheet = AnswerSheet(source="", answers=answers, respondent={"name": name}, date=str(date), municipality_type="regie",
                        contexts=("ambtelijke-fusie",), order_seed=7)
    assert same_as_yaml(dump_answers(sheet, BANK).encode()) is not None


EDITS = ["", " ", "  ", ":", ": ", "-", "#", "'", '"', "\\", "\t", "\r", "\n", "[", "]", "{", "}", ",", "&a", "*a",
         "!", "|", ">", "%", "@", "`", "0", "012", "no", "null", "~", "1e3", "2026-13-45", "\u2028", "\x85", "\ufeff"]


@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_an_edited_file_is_read_the_same_or_left_to_yaml(data: st.DataObject) -> None:
    sheet = AnswerSheet(source="", answers={"bps-1": 3, "bps-2": None, "com-1": 5}, respondent={"name": "Joost ’t Hart"},
                        date="2026-11-28", municipality_type="regie", contexts=("ambtelijke-fusie",))
    text = dump_answers(sheet, BANK)
    for _ in range(data.draw(st.integers(1, 3))):
        at = data.draw(st.integers(0, len(text)))
        cut = data.draw(st.integers(0, 3))
        text = text[:at] + data.draw(st.sampled_from(EDITS)) + text[at + cut:]
    raw = text.encode()
    try:
        yamlio.parse(raw, "x.yaml")
    except InputError:
        assert canonical.parse(raw, "x.yaml") is None
        return
    same_as_yaml(raw)


@settings(max_examples=300)
@given(st.binary(max_size=200) | st.text(max_size=200).map(str.encode))
def test_any_bytes_never_crash_it(raw: bytes) -> None:
    try:
        yamlio.parse(raw, "x.yaml")
    except InputError:
        assume(False)
    same_as_yaml(raw)


HEAD = "schema: ontwikkelscan/answers@1\nrater: \"self\"\nanswers:\n"


@pytest.mark.parametrize("line", [
    "  no: 3",            # YAML 1.1 reads the key as false
    "  bps-1: 012",       # and this as 10
    "  bps-1: 0x4",
    "  bps-1: 1e3",       # a number to our loader, text to YAML 1.1
    "  bps-1: ~",
    "  bps-1: Null",
    "  bps-1: 3 # mooi",  # a comment
    "  bps-1: 3 ",        # trailing space
    "  bps-1:  3",
    "   bps-1: 3",
    "  bps-1: 3\r",
    "  bps-1: 3\n  bps-1: 4",  # a duplicate
    "  bps-1: '3'",
    "  bps-1: [3]",
])
def test_what_it_leaves_to_yaml(line: str) -> None:
    assert canonical.parse(f"{HEAD}{line}\n".encode(), "x.yaml") is None


@pytest.mark.parametrize("text", [
    "schema: ontwikkelscan/answers@1\nrespondent:\nanswers:\n  bps-1: 3\n",  # a block with nothing in it is null
    "schema: ontwikkelscan/answers@1\nanswers:\n",
    "schema: ontwikkelscan/answers@1\n  bps-1: 3\n",  # indented under a value
    "date: 2026-13-45\nanswers: {}\n",   # no date: YAML keeps the text
    "date: 2026-11\nanswers: {}\n",
    "sha256: 1234567890123456789012345678901234567890123456789012345678901234\n",  # all digits: a number
    "sha256: 12345678901234567890123456789012e4567890123456789012345678901234\n",  # our loader: a number
    "schema: ontwikkelscan/answers@1\nanswers: {}",  # no line end at the end
    "\ufeffanswers: {}\n",
    "",
])
def test_shapes_it_leaves_to_yaml(text: str) -> None:
    assert canonical.parse(text.encode(), "x.yaml") is None


def test_values_as_yaml_reads_them() -> None:
    text = (HEAD + "  bps-1: 3\n  bps-2: null\n  bps-3: 0\ndate: 2026-11-28\ncontexts: [ambtelijke-fusie, krimp]\n"
            "sha256: 8897a004de2cf9d85c80fa7d0b69a5ef1f06b1094261730498c732962e73a088\n"
            'respondent:\n  name: "Joost \\"de\\" Vries \\u00e9\\n"\n')
    doc = same_as_yaml(text.encode())
    assert doc is not None
    assert doc.data["answers"] == {"bps-1": 3, "bps-2": None, "bps-3": 0}
    assert doc.data["contexts"] == ["ambtelijke-fusie", "krimp"]
    assert doc.data["respondent"] == {"name": 'Joost "de" Vries é\n'}
    assert doc.plain == {("answers", "bps-2"): "null", ("date",): "2026-11-28"}


def test_a_mistake_in_a_fast_file_is_placed_at_its_line() -> None:
    sheet = AnswerSheet(source="", answers={"bps-1": 3, "bps-2": 4}, date="2026-11-28", municipality_type="regie")
    text = dump_answers(sheet, BANK).replace("bps-2: 4", "bps-2: 9")
    assert canonical.parse(text.encode(), "x.yaml") is not None
    with pytest.raises(InputError) as caught:
        parse_answer_text(text.encode(), "x.yaml", BANK)
    line = text.splitlines().index("  bps-2: 9") + 1
    assert [(p.line, p.column, p.path) for p in caught.value.problems] == [(line, 10, "answers.bps-2")]


def test_whole_line_comments_are_no_reason_to_leave_it_to_yaml() -> None:
    from pathlib import Path

    example = (Path(__file__).resolve().parents[1] / "examples" / "jansen.yaml").read_bytes()
    assert example.startswith(b"# ") and same_as_yaml(example) is not None
    annotated = f"# boven\n{HEAD}  # bij de antwoorden\n  bps-1: 3\n   # dieper ingesprongen\n  bps-2: 4\n"
    doc = same_as_yaml(annotated.encode())
    assert doc is not None and doc.data["answers"] == {"bps-1": 3, "bps-2": 4}
    template = dump_answers(AnswerSheet(source="", answers={}, rater="self"), BANK, with_questions=True)
    same_as_yaml(template.encode())  # its comments block has a comment after the key: yamlio's, and the same
