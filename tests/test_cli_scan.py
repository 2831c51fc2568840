"""`ontwikkelscan scan` through the real CLI with a scripted asker: the file on disk after every step."""

from __future__ import annotations

import datetime as dt
import os
import stat
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from ontwikkelscan.analysis.patterns import pattern_notes
from ontwikkelscan.cli import app
from ontwikkelscan.cli import run as scan_cli
from ontwikkelscan.scan import session as scan_session
from ontwikkelscan.models import Bank, MunicipalityType, Scale
from ontwikkelscan.scan.flow import Item, Move, Reply, order_questions
from ontwikkelscan.scan.resume import Unfinished

runner = CliRunner()
TODAY = dt.date.today()
INTERRUPT = "ctrl-c"
HEAD = {"schema": "ontwikkelscan/answers@1", "rater": "self"}


class FakeAsker:
    """A person following a script. Before every question it reads the answer file, so that
    the tests see what was on disk at each step."""

    def __init__(self, path: Path | None, script: Sequence[Reply | str], *, name: str = "", place: str = "",
                 type_id: str | None = "regie", overwrite: bool | None = None, resume: bool | None = None) -> None:
        self.path, self.script = path, list(script)
        self.name, self.place, self.type_id, self.overwrite = name, place, type_id, overwrite
        self.resume = resume
        self.reviews: list[bool] = []  # the replies to the answer-pattern check, in turn
        self.reviewed: list[tuple[str, ...]] = []
        self.offered: list[tuple[Path, str]] = []
        self.asked: list[tuple[int, str, int | None]] = []
        self.on_disk: list[dict[str, Any]] = []
        self.said: list[str] = []
        self.welcomed: int | None = None
        self.comments: list[str] = []  # the replies to the open questions, in turn ("" skips)
        self.commented: list[tuple[int, int, str]] = []

    def welcome(self, total: int) -> None:
        self.welcomed = total

    def say(self, text: str) -> None:
        self.said.append(text)

    def respondent(self) -> tuple[str, str]:
        if self.name == INTERRUPT:
            raise KeyboardInterrupt
        return self.name, self.place

    def municipality_type(self, types: Sequence[MunicipalityType]) -> str:
        assert self.type_id is not None, "the type was not to be asked"
        return self.type_id

    def confirm_overwrite(self, path: Path) -> bool:
        assert self.overwrite is not None, "overwriting was not to be asked"
        return self.overwrite

    def review_patterns(self, notes: Sequence[str]) -> bool:
        assert self.reviews, f"no answer pattern was to be found: {notes}"
        self.reviewed.append(tuple(notes))
        return self.reviews.pop(0)

    def comment(self, question: str, number: int, total: int) -> str:
        self.commented.append((number, total, question))
        return self.comments.pop(0) if self.comments else ""

    def close(self) -> None:
        self.closed = True

    def offer_resume(self, scan: Unfinished) -> bool:
        assert self.resume is not None, "continuing a scan was not to be offered"
        self.offered.append((scan.path, scan.describe()))
        return self.resume

    def item(self, item: Item) -> Reply:
        assert self.path is not None
        self.on_disk.append(yaml.safe_load(self.path.read_text(encoding="utf-8"))["answers"])
        self.asked.append((item.number, item.question.id, item.previous if item.answered else -1))
        step = self.script.pop(0)
        if step == INTERRUPT:
            raise KeyboardInterrupt
        assert not isinstance(step, str)
        return step


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scan_session, "is_terminal", lambda: True)


def scan(monkeypatch: pytest.MonkeyPatch, asker: FakeAsker | None, *args: str) -> tuple[int, str, str]:
    def make(scale: Scale) -> FakeAsker:
        assert asker is not None, "no questions were to be asked"
        return asker

    monkeypatch.setattr(scan_session, "make_asker", make)
    result = runner.invoke(app, ["scan", *args], env={"NO_COLOR": "1", "COLUMNS": "100"})
    if asker is not None:
        assert asker.script == [], f"the scan stopped early: {result.stderr}"
    return result.exit_code, result.stdout, result.stderr


def load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def header(bank: Bank, **extra: Any) -> dict[str, Any]:
    return {**HEAD, "date": TODAY, "municipality_type": "regie",
            "bank": {"version": bank.version, "sha256": bank.sha256}, **extra}


def summary_of(path: Path, bank: Bank) -> str:
    """What the end of a scan prints on stdout: who and the summary, at the runner's 100 columns."""
    from ontwikkelscan.analysis.scoring import score
    from ontwikkelscan.files.answers import read_answers
    from ontwikkelscan.render.report.text import render_summary

    sheet = read_answers(path, bank)
    return render_summary(score(bank, sheet, bank.types[sheet.municipality_type or "regie"]), 100)


def resume_hint(path: Path, bank_dir: Path) -> str:
    return f"Verder gaan: ontwikkelscan scan --resume {path} --bank {bank_dir}\n"


@pytest.mark.usefixtures("terminal")
def test_a_whole_scan_in_bank_order(monkeypatch: pytest.MonkeyPatch, bank_dir: Path, bank: Bank,
                                    tmp_path: Path) -> None:
    out = tmp_path / "jansen.yaml"
    asker = FakeAsker(out, [4, Move.SKIP, 1, Move.BACK, 2, 3, 3, 3, 3, 3, 3, 5], name="A. Jansen",
                      place="Proef", type_id=None)
    code, stdout, stderr = scan(monkeypatch, asker, "--bank", str(bank_dir), "--out", str(out),
                                "--order", "bank", "--type", "regie")
    assert code == 0, stderr
    assert asker.welcomed == 10
    assert asker.said == [f"Uw antwoorden worden bewaard in een bestand dat alleen u kunt lezen:\n  {out}", ""]
    assert asker.asked == [(1, "a-1", -1), (2, "a-2", -1), (3, "a-3", -1), (4, "a-4", -1), (3, "a-3", 1),
                           (4, "a-4", -1), (5, "b-1", -1), (6, "b-2", -1), (7, "b-3", -1), (8, "g-1", -1),
                           (9, "g-2", -1), (10, "g-3", -1)]
    assert asker.on_disk == [{}, {"a-1": 4}, {"a-1": 4, "a-2": None}, {"a-1": 4, "a-2": None, "a-3": 1},
                             {"a-1": 4, "a-2": None, "a-3": 1}, {"a-1": 4, "a-2": None, "a-3": 2},
                             {"a-1": 4, "a-2": None, "a-3": 2, "a-4": 3},
                             {"a-1": 4, "a-2": None, "a-3": 2, "a-4": 3, "b-1": 3},
                             {"a-1": 4, "a-2": None, "a-3": 2, "a-4": 3, "b-1": 3, "b-2": 3},
                             {"a-1": 4, "a-2": None, "a-3": 2, "a-4": 3, "b-1": 3, "b-2": 3, "b-3": 3},
                             {"a-1": 4, "a-2": None, "a-3": 2, "a-4": 3, "b-1": 3, "b-2": 3, "b-3": 3, "g-1": 3},
                             {"a-1": 4, "a-2": None, "a-3": 2, "a-4": 3, "b-1": 3, "b-2": 3, "b-3": 3, "g-1": 3,
                              "g-2": 3}]
    assert load(out) == header(bank, respondent={"name": "A. Jansen", "municipality": "Proef"}, answers={
        "a-1": 4, "a-2": None, "a-3": 2, "a-4": 3, "b-1": 3, "b-2": 3, "b-3": 3, "g-1": 3, "g-2": 3, "g-3": 5})
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    # The summary on the screen; the whole report (what `report --format html` makes) next to the answers.
    assert stdout == summary_of(out, bank)
    assert stdout.startswith("Ontwikkelscan · A. Jansen · Proef\nRegiegemeente · scan van ")
    html = tmp_path / "jansen.html"
    report = runner.invoke(app, ["report", str(out), "--bank", str(bank_dir), "--format", "html"])
    assert html.read_text(encoding="utf-8") == report.stdout
    assert stat.S_IMODE(html.stat().st_mode) == 0o600
    assert stderr == (f"\nHet volledige rapport (tabel, wat nu, uitleg) staat in: {html}\n"
                      f"\nUw antwoorden staan in {out}\nHet rapport later opnieuw bekijken:\n"
                      f"  ontwikkelscan report {out} --bank {bank_dir}\n")


@pytest.mark.usefixtures("terminal")
@pytest.mark.parametrize("at", [0, 5, 9])
def test_ctrl_c_saves_and_says_how_to_resume(monkeypatch: pytest.MonkeyPatch, bank_dir: Path, bank: Bank,
                                             tmp_path: Path, at: int) -> None:
    out = tmp_path / "x.yaml"
    asker = FakeAsker(out, [2] * at + [INTERRUPT])
    code, stdout, stderr = scan(monkeypatch, asker, "--bank", str(bank_dir), "--out", str(out), "--order", "bank")
    assert code == 130
    assert stdout == ""
    saved = {0: "Er is nog geen vraag beantwoord; uw gegevens zijn bewaard", 5: "Uw 5 antwoorden zijn bewaard",
             9: "Uw 9 antwoorden zijn bewaard"}[at]
    assert stderr == f"\nOnderbroken. {saved} in {out}.\n" + resume_hint(out, bank_dir)
    expected = {q.id: 2 for q in bank.questions[:at]}
    assert asker.on_disk[-1] == expected
    assert load(out) == header(bank, answers=expected)


@pytest.mark.usefixtures("terminal")
def test_ctrl_c_before_the_first_question_saves_nothing(monkeypatch: pytest.MonkeyPatch, bank_dir: Path,
                                                        tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, stderr = scan(monkeypatch, FakeAsker(None, [], name=INTERRUPT), "--bank", str(bank_dir))
    assert code == 130
    assert stderr == "\nOnderbroken. Er was nog niets beantwoord, dus er is niets bewaard.\n"
    assert not (tmp_path / "scans").exists()


@pytest.mark.usefixtures("terminal")
def test_pause_then_resume_keeps_answers_and_mixed_order(monkeypatch: pytest.MonkeyPatch, bank_dir: Path,
                                                         bank: Bank, tmp_path: Path) -> None:
    out = tmp_path / "x.yaml"
    first = FakeAsker(out, [1, Move.SKIP, 5, Move.PAUSE])
    code, stdout, stderr = scan(monkeypatch, first, "--bank", str(bank_dir), "--out", str(out))
    assert code == 0
    assert stdout == ""
    assert stderr == (f"Gepauzeerd na 3 van de 10 vragen. Uw 3 antwoorden zijn bewaard in {out}.\n"
                      + resume_hint(out, bank_dir))
    saved = load(out)
    seed = saved.pop("order_seed")
    assert isinstance(seed, int) and seed > 0
    order = [qid for _, qid, _ in first.asked]
    assert saved == header(bank, answers={order[0]: 1, order[1]: None, order[2]: 5})

    second = FakeAsker(out, [Move.BACK, 4, 3, 3, 3, 3, 3, 3, 3], type_id=None)
    code, stdout, stderr = scan(monkeypatch, second, "--bank", str(bank_dir), "--resume", str(out))
    assert code == 0, stderr
    assert second.said == [f"Welkom terug. U had 3 van de 10 vragen beantwoord en gaat verder waar u was.\n"
                           f"Uw antwoorden worden bewaard in:\n  {out}", ""]
    assert second.asked[:3] == [(4, order[3], -1), (3, order[2], 5), (4, order[3], -1)]
    every = [qid for _, qid, _ in first.asked[:3] + second.asked[2:]]
    assert sorted(every) == sorted(q.id for q in bank.questions)
    assert second.on_disk[0] == {order[0]: 1, order[1]: None, order[2]: 5}
    assert load(out) == header(bank, order_seed=seed, answers={
        q.id: {order[0]: 1, order[1]: None, order[2]: 4}.get(q.id, 3) for q in bank.questions})
    assert stdout.startswith("Ontwikkelscan\nRegiegemeente") and "Samenvatting" in stdout  # the summary


def test_resuming_a_finished_scan_shows_its_report(monkeypatch: pytest.MonkeyPatch, bank_dir: Path,
                                                   bank: Bank, write: Any) -> None:
    # No terminal is needed: nothing is asked.
    done = write("done.yaml", "schema: ontwikkelscan/answers@1\nmunicipality_type: beheer\nanswers:\n"
                 + "".join(f"  {q.id}: 4\n" for q in bank.questions))
    before = done.read_bytes()
    code, stdout, stderr = scan(monkeypatch, None, "--bank", str(bank_dir), "--resume", str(done))
    assert code == 0
    assert stdout == summary_of(done, bank)
    assert stderr.startswith(f"Deze scan is al helemaal ingevuld ({done}).\n")
    assert done.with_suffix(".html").is_file()
    assert done.read_bytes() == before


@pytest.mark.usefixtures("terminal")
def test_resume_asks_the_type_when_the_file_has_none(monkeypatch: pytest.MonkeyPatch, bank_dir: Path,
                                                     bank: Bank, write: Any) -> None:
    part = write("part.yaml", "schema: ontwikkelscan/answers@1\nanswers: {a-1: 2}\n")
    asker = FakeAsker(part, [INTERRUPT], type_id="beheer")
    code, _, stderr = scan(monkeypatch, asker, "--bank", str(bank_dir), "--resume", str(part))
    assert code == 130
    assert asker.asked == [(2, "a-2", -1)]  # no seed in the file: bank order
    assert load(part) == {**HEAD, "municipality_type": "beheer",
                          "bank": {"version": bank.version, "sha256": bank.sha256}, "answers": {"a-1": 2}}
    assert stderr.endswith(f"Onderbroken. Uw antwoord is bewaard in {part}.\n" + resume_hint(part, bank_dir))


@pytest.mark.usefixtures("terminal")
def test_existing_out_is_kept_when_the_person_says_no(monkeypatch: pytest.MonkeyPatch, bank_dir: Path,
                                                      write: Any) -> None:
    old = write("old.yaml", "answers: {}\n")
    code, stdout, stderr = scan(monkeypatch, FakeAsker(old, [], overwrite=False), "--bank", str(bank_dir),
                                "--out", str(old))
    assert code == 1
    assert stderr == (f"{old} is niet overschreven. Kies een ander bestand met --out, of ga verder met "
                      f"ontwikkelscan scan --resume {old} --bank {bank_dir}\n")
    assert old.read_text(encoding="utf-8") == "answers: {}\n"


@pytest.mark.usefixtures("terminal")
@pytest.mark.parametrize(("flag", "overwrite"), [((), True), (("--force",), None)])
def test_existing_out_is_overwritten_when_confirmed_or_forced(monkeypatch: pytest.MonkeyPatch, bank_dir: Path,
                                                              bank: Bank, write: Any, flag: tuple[str, ...],
                                                              overwrite: bool | None) -> None:
    old = write("old.yaml", "answers: {a-1: 5}\n")
    asker = FakeAsker(old, [INTERRUPT], overwrite=overwrite)
    code, _, _ = scan(monkeypatch, asker, "--bank", str(bank_dir), "--out", str(old), "--order", "bank", *flag)
    assert code == 130
    assert asker.on_disk == [{}]
    assert load(old) == header(bank, answers={})


def test_existing_out_is_refused_without_a_terminal(monkeypatch: pytest.MonkeyPatch, bank_dir: Path,
                                                    write: Any) -> None:
    old = write("old.yaml", "answers: {}\n")
    code, stdout, stderr = scan(monkeypatch, None, "--bank", str(bank_dir), "--out", str(old))
    assert (code, stdout, stderr) == (2, "", scan_session.NO_TERMINAL + "\n")
    assert old.read_text(encoding="utf-8") == "answers: {}\n"


def test_no_terminal_says_so_in_dutch(monkeypatch: pytest.MonkeyPatch, bank_dir: Path, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    code, stdout, stderr = scan(monkeypatch, None, "--bank", str(bank_dir))
    assert code == 2
    assert stdout == ""
    assert stderr == (
        "De scan stelt zijn vragen in een terminalvenster en heeft daarom een terminal nodig "
        "(invoer of uitvoer is nu omgeleid).\n"
        "Zonder terminal: maak een antwoordbestand met `ontwikkelscan template`, vul het in "
        "en scoor het met `ontwikkelscan report BESTAND`.\n")
    assert not (tmp_path / "scans").exists()


@pytest.mark.usefixtures("terminal")
def test_default_file_name_and_private_folder(monkeypatch: pytest.MonkeyPatch, bank_dir: Path,
                                              tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    for _ in range(2):
        asker = FakeAsker(None, [], name="Ans de Vries", place="Ede")
        asker.path = tmp_path / "scans" / f"ontwikkelscan-{TODAY}-ans-de-vries{'' if _ == 0 else '-2'}.yaml"
        asker.script = [3, Move.PAUSE]
        asker.resume = None if _ == 0 else False  # the second run offers the first, and is told no
        code, _, stderr = scan(monkeypatch, asker, "--bank", str(bank_dir))
        assert code == 0, stderr
        assert load(asker.path)["respondent"] == {"name": "Ans de Vries", "municipality": "Ede"}
    assert stat.S_IMODE((tmp_path / "scans").stat().st_mode) == 0o700
    assert sorted(p.name for p in (tmp_path / "scans").iterdir()) == [
        f"ontwikkelscan-{TODAY}-ans-de-vries-2.yaml", f"ontwikkelscan-{TODAY}-ans-de-vries.yaml"]


def test_out_and_resume_together_is_wrong_use(monkeypatch: pytest.MonkeyPatch, bank_dir: Path,
                                              tmp_path: Path) -> None:
    code, _, stderr = scan(monkeypatch, None, "--out", "a.yaml", "--resume", "b.yaml")
    assert (code, stderr) == (2, "fout: gebruik --out voor een nieuwe scan of --resume om verder te gaan, "
                                 "niet allebei\n")


def test_a_broken_resume_file_is_invalid_input(monkeypatch: pytest.MonkeyPatch, bank_dir: Path, write: Any) -> None:
    bad = write("bad.yaml", "answers: {a-1: 9}\n")
    code, _, stderr = scan(monkeypatch, None, "--bank", str(bank_dir), "--resume", str(bad))
    assert code == 1
    assert stderr == (f"{bad}:1:16: answers.a-1: antwoord 9 valt buiten de schaal; toegestaan: een geheel getal "
                      "van 1 tot en met 5, of null (overgeslagen)\n")


def test_report_does_not_import_questionary(tmp_path: Path) -> None:
    import subprocess
    import sys

    code = ("import sys; from ontwikkelscan.cli import app; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('questionary', 'prompt_toolkit')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout == "[]\n"


def test_ctrl_c_while_loading_the_bank(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(option: Path | None) -> Bank:
        raise KeyboardInterrupt

    monkeypatch.setattr(scan_cli, "load", interrupted)
    code, stdout, stderr = scan(monkeypatch, None)
    assert (code, stdout, stderr) == (130, "", "\nOnderbroken. Er is niets veranderd.\n")


@pytest.mark.usefixtures("terminal")
def test_order_option_does_not_change_a_resumed_order(monkeypatch: pytest.MonkeyPatch, bank_dir: Path,
                                                      bank: Bank, write: Any) -> None:
    part = write("part.yaml", "schema: ontwikkelscan/answers@1\nmunicipality_type: regie\norder_seed: 7\n"
                 "answers: {}\n")
    asker = FakeAsker(part, [Move.PAUSE])
    code, _, stderr = scan(monkeypatch, asker, "--bank", str(bank_dir), "--resume", str(part), "--order", "bank")
    assert code == 0
    assert stderr.startswith(f"waarschuwing: --order bank geldt niet bij --resume: de volgorde van {part} blijft\n")
    assert asker.asked == [(1, order_questions(bank, 7)[0].id, -1)]
    assert order_questions(bank, 7) != bank.questions


def test_ctrl_c_during_a_save_waits_for_the_save(monkeypatch: pytest.MonkeyPatch, bank: Bank,
                                                 tmp_path: Path) -> None:
    import os
    import signal

    real_write = scan_session.write_sheet

    def write_then_ctrl_c(path: Path, sheet: Any, bank: Bank) -> None:
        os.kill(os.getpid(), signal.SIGINT)  # arrives while the file is being written
        real_write(path, sheet, bank)
        assert sheet.answers == {"a-1": 2}  # the write finished before the interrupt

    plan = scan_session.Plan(bank, bank.types["regie"], scan_session.Order.bank, False, None)
    sheet = scan_session.AnswerSheet(source="", answers={}, municipality_type="regie")
    monkeypatch.setattr(scan_session, "write_sheet", write_then_ctrl_c)
    out = tmp_path / "scans" / "x.yaml"
    with pytest.raises(KeyboardInterrupt):
        plan._save_as(out, sheet, {"a-1": 2})
    assert plan.path == out and plan.sheet is not None and plan.sheet.answers == {"a-1": 2}
    assert load(out)["answers"] == {"a-1": 2}
    assert [p.name for p in out.parent.iterdir()] == ["x.yaml"]  # no temporary file left
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


@pytest.mark.usefixtures("terminal")
def test_resume_with_another_bank_version_is_refused_unless_forced(monkeypatch: pytest.MonkeyPatch, bank_dir: Path,
                                                                   write: Any) -> None:
    old = write("oud.yaml", "municipality_type: regie\nbank: {version: \"t0\"}\nanswers: {a-1: 3}\n")
    code, _, stderr = scan(monkeypatch, None, "--bank", str(bank_dir), "--resume", str(old))
    assert code == 1
    assert stderr == (f"waarschuwing: {old} is gemaakt met vragenbank t0; u scoort met t1\n"
                      f"fout: {old} is begonnen met vragenbank t0; dit is t1. Maak de scan af met die bank "
                      "(--bank MAP), of ga toch verder met --force\n")
    assert "t0" in old.read_text()  # nothing rewritten


@pytest.mark.usefixtures("terminal")
def test_resume_of_a_version_with_other_questions_says_so_and_force_leaves_them_out(
        monkeypatch: pytest.MonkeyPatch, bank_dir: Path, write: Any) -> None:
    """A scan begun with bank 2026.11 and resumed with 2026.12: the version is the message, not the ids."""
    old = write("oud.yaml", "municipality_type: regie\nbank: {version: \"t0\"}\nanswers: {a-1: 3, gone-1: 4}\n")
    code, _, stderr = scan(monkeypatch, None, "--bank", str(bank_dir), "--resume", str(old))
    assert code == 1
    assert stderr == (f"fout: {old} is begonnen met vragenbank t0; dit is t1. Maak de scan af met die bank "
                      "(--bank MAP), of ga toch verder met --force\n")  # not: unknown question id gone-1
    asker = FakeAsker(old, [3, 4, 2, 3, 4, 2, 3, 4, 5])
    code, _, stderr = scan(monkeypatch, asker, "--bank", str(bank_dir), "--resume", str(old), "--force")
    assert code == 0
    assert stderr.startswith("waarschuwing: 1 antwoord(en) weggelaten: vragenbank t1 kent deze vragen niet meer "
                             f"(gone-1)\nwaarschuwing: {old} is gemaakt met vragenbank t0; u scoort met t1\n")
    assert [qid for _, qid, _ in asker.asked][0] == "a-2"
    saved = load(old)
    assert saved["bank"]["version"] == "t1" and "gone-1" not in saved["answers"] and saved["answers"]["a-1"] == 3


def started(tmp_path: Path, bank: Bank, name: str, answered: int, mtime: int, **extra: str) -> Path:
    """An unfinished scan in tmp_path/scans, saved at `mtime`, with the first `answered` questions."""
    folder = tmp_path / "scans"
    folder.mkdir(exist_ok=True)
    path = folder / f"{name}.yaml"
    lines = "".join(f"  {q.id}: 3\n" for q in bank.questions[:answered])
    head = "".join(f"{k}: {v}\n" for k, v in extra.items())
    path.write_text(f"schema: ontwikkelscan/answers@1\nrespondent:\n  name: {name}\ndate: 2026-11-2{answered}\n"
                    f"municipality_type: regie\n{head}answers:\n{lines}", encoding="utf-8")
    os.utime(path, (mtime, mtime))
    return path


@pytest.mark.usefixtures("terminal")
def test_a_new_scan_offers_the_most_recent_unfinished_one(monkeypatch: pytest.MonkeyPatch, bank_dir: Path,
                                                          bank: Bank, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    started(tmp_path, bank, "oud", 2, 1_000_000)
    recent = started(tmp_path, bank, "recent", 3, 2_000_000)
    started(tmp_path, bank, "klaar", 10, 3_000_000)  # finished: not offered
    (tmp_path / "scans" / "kapot.yaml").write_text("answers: [", encoding="utf-8")  # unreadable: not offered
    asker = FakeAsker(recent, [5, Move.PAUSE], resume=True)
    code, _, stderr = scan(monkeypatch, asker, "--bank", str(bank_dir))
    assert code == 0, stderr
    relative = Path("scans") / "recent.yaml"
    assert asker.offered == [(relative, "recent, begonnen op 23 november 2026, 3 van de 10 vragen beantwoord")]
    assert asker.asked == [(4, "a-4", -1), (5, "b-1", -1)]
    assert asker.said == ["Welkom terug. U had 3 van de 10 vragen beantwoord en gaat verder waar u was.", ""]
    assert load(recent)["answers"] == {"a-1": 3, "a-2": 3, "a-3": 3, "a-4": 5}
    assert stderr == (f"Gepauzeerd na 4 van de 10 vragen. Uw 4 antwoorden zijn bewaard in {relative}.\n"
                      f"Verder gaan: ontwikkelscan scan --resume {relative} --bank {bank_dir}\n")


@pytest.mark.usefixtures("terminal")
def test_resume_latest_and_the_way_back_through_make(monkeypatch: pytest.MonkeyPatch, bank_dir: Path,
                                                     bank: Bank, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ONTWIKKELSCAN_VIA_MAKE", "1")
    monkeypatch.setenv("ONTWIKKELSCAN_BANK", str(bank_dir))  # the bank without --bank, as for `make scan`
    started(tmp_path, bank, "oud", 2, 1_000_000)
    recent = started(tmp_path, bank, "recent", 3, 2_000_000)
    asker = FakeAsker(recent, [5, INTERRUPT])
    code, _, stderr = scan(monkeypatch, asker, "--resume", "latest")
    assert code == 130
    relative = Path("scans") / "recent.yaml"
    assert stderr == f"\nOnderbroken. Uw 4 antwoorden zijn bewaard in {relative}.\nVerder gaan: make scan\n"
    # Finishing it: the report command works from where make was started.
    asker = FakeAsker(recent, [4] * 6, resume=True)
    code, _, stderr = scan(monkeypatch, asker)
    assert code == 0, stderr
    assert stderr.endswith(f"Het rapport later opnieuw bekijken:\n  .venv/bin/ontwikkelscan report {relative}\n")


def test_resume_latest_without_unfinished_scans(monkeypatch: pytest.MonkeyPatch, bank_dir: Path,
                                                tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, stderr = scan(monkeypatch, None, "--bank", str(bank_dir), "--resume", "latest")
    assert (code, stderr) == (2, "fout: --resume latest: er is geen onafgemaakte scan in scans/; "
                                 "begin een nieuwe scan zonder --resume\n")


@pytest.mark.usefixtures("terminal")
def test_a_straight_lined_scan_is_told_and_can_go_back(monkeypatch: pytest.MonkeyPatch, bank_dir: Path,
                                                       bank: Bank, tmp_path: Path) -> None:
    out = tmp_path / "recht.yaml"
    # Ten times "altijd"; back to the questions, eight kept, a-2 and b-3 (reverse-keyed) become 2:
    # no pattern is left, and the report follows without asking again.
    asker = FakeAsker(out, [5] * 10 + [5, 2, 5, 5, 5, 5, 2, 5, 5, 5], type_id=None)
    asker.reviews = [True]
    code, stdout, stderr = scan(monkeypatch, asker, "--bank", str(bank_dir), "--out", str(out), "--order", "bank",
                                "--type", "regie")
    assert code == 0, stderr
    assert asker.reviewed == [tuple(pattern_notes(bank, {q.id: 5 for q in bank.questions}))]
    assert [number for number, _, _ in asker.asked] == [*range(1, 11), *range(1, 11)]
    assert asker.asked[10] == (1, "a-1", 5)  # the saved answer is ready
    assert load(out)["answers"] == {**{q.id: 5 for q in bank.questions}, "a-2": 2, "b-3": 2}
    assert "Let op" not in stdout


@pytest.mark.usefixtures("terminal")
def test_a_pattern_kept_is_noted_in_the_report(monkeypatch: pytest.MonkeyPatch, bank_dir: Path,
                                               tmp_path: Path) -> None:
    out = tmp_path / "recht.yaml"
    asker = FakeAsker(out, [3] * 10, type_id=None)
    asker.reviews = [False]
    code, stdout, stderr = scan(monkeypatch, asker, "--bank", str(bank_dir), "--out", str(out), "--order", "bank",
                                "--type", "regie")
    assert code == 0, stderr
    assert asker.reviewed == [("Bij 10 van de 10 beantwoorde stellingen is hetzelfde antwoord gegeven "
                               "(\"regelmatig\"). Daardoor zeggen de verschillen tussen de competenties weinig; "
                               "lees de scores met voorzichtigheid.",)]
    assert "Let op\n  • Bij 10 van de 10 beantwoorde stellingen" in stdout


@pytest.mark.parametrize(("via_make", "path", "bank_option", "command"), [
    (False, "scans/a b.yaml", None, "ontwikkelscan scan --resume 'scans/a b.yaml'"),
    (True, "scans/a.yaml", None, "make scan"),
    (True, "elders/a.yaml", None, "make scan ARGS='--resume elders/a.yaml'"),
    (True, "scans/a.yaml", "mijn bank", "make scan ARGS='--resume scans/a.yaml --bank '\"'\"'mijn bank'\"'\"''"),
])
def test_the_way_back_works_where_the_user_is(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, via_make: bool,
                                              path: str, bank_option: str | None, command: str) -> None:
    from ontwikkelscan.scan.resume import resume_command

    monkeypatch.chdir(tmp_path)
    (tmp_path / "scans").mkdir()
    if via_make:
        monkeypatch.setenv("ONTWIKKELSCAN_VIA_MAKE", "1")
    else:
        monkeypatch.delenv("ONTWIKKELSCAN_VIA_MAKE", raising=False)
    bank = Path(bank_option) if bank_option else None
    assert resume_command(Path(path), bank, Path("scans")) == command
