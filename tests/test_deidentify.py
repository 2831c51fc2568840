"""De-identification as a property (issue 19 item 3): whatever an export holds in the columns that
point at a person, none of it reaches the answer file of an anonymous rater, and the tool's response
id only as its HMAC under the round's key."""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ontwikkelscan.files.answers import dump_answers
from ontwikkelscan.files.survey.keys import KEY_FILE
from ontwikkelscan.files.survey.roundimport import RoundImport
from ontwikkelscan.files.survey.rows import table_sheets
from ontwikkelscan.files.survey.tables import parse_text_table
from ontwikkelscan.models import AnswerSheet
from tests.conftest import bank_outside_a_test
from tests.roundkit import ROUND

BANK = bank_outside_a_test()
OBSERVED = [q for q in BANK.questions if q.observer and not q.contexts][:3]
# Every personal column the tools write, as the Dutch and English interfaces head them
PERSONAL = ["Id", "Begintijd", "Tijd van voltooien", "E-mail", "Naam", "Tijdstip van laatste wijziging", "Tijdstempel",
            "E-mailadres", "IP-adres", "Verwijzende URL", "Token", "Datum gestart", "RecipientFirstName",
            "RecipientLastName", "RecipientEmail", "ExternalReference", "LocationLatitude", "LocationLongitude",
            "IPAddress", "StartDate", "Wat is uw naam?", "Gemeente"]
# Upper-case letters only: an answer file holds none, so a value found in it came from the export
VALUE = st.text(alphabet="ABCDEFGHJKLMNPQRSTUVWXYZ", min_size=8, max_size=20)
GROUPS = ["Wethouders", "Medewerkers", "Directie en management", "Ondernemingsraad", "Externe partners"]


DATED = [PERSONAL.index("Tijd van voltooien"), PERSONAL.index("Tijdstempel")]  # read as dates: they must be dates


def _dated(values: list[str]) -> list[str]:
    """The row's values with a date and time in the columns that are read as dates, made from the row's first
    value so that every row has its own."""
    number = sum(ord(c) for c in values[0])
    stamp = f"2027-03-{1 + number % 28:02d} {number % 24:02d}:{number % 60:02d}:{(number * 7) % 60:02d}"
    return [stamp if i in DATED else v for i, v in enumerate(values)]


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(rows=st.lists(st.tuples(st.lists(VALUE, min_size=len(PERSONAL), max_size=len(PERSONAL)),
                               st.sampled_from(GROUPS), st.lists(st.integers(1, 5), min_size=3, max_size=3)),
                     min_size=1, max_size=5, unique_by=lambda r: r[0][0]))
def test_no_personal_value_reaches_an_anonymous_raters_file(rows: list[tuple[list[str], str, list[int]]]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([*PERSONAL, "Ik ben", *(q.observer for q in OBSERVED)])
    for values, group, answers in rows:
        writer.writerow([*_dated(values), group, *answers])
    table = parse_text_table(buffer.getvalue(), [], "export.csv")
    with tempfile.TemporaryDirectory() as name:
        intake = RoundImport(Path(name), ROUND, BANK, None, Path("export.csv"))
        sheets = [item for _, item in table_sheets(table, "export.csv", BANK, observer=True)
                  if isinstance(item, AnswerSheet)]
        assert len(sheets) == len({values[0] for values, _, _ in rows})  # the Id column: one response each
        texts = [dump_answers(intake.prepare(sheet), BANK) for sheet in sheets]
        key = (Path(name) / KEY_FILE).read_text(encoding="ascii")
    for text in texts:
        for values, _, _ in rows:
            for value in _dated(values):
                assert value not in text and value not in key
        assert "respondent" not in text and "date:" not in text
