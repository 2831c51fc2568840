"""The pager for a long report on a terminal (cli/pager.py): when it runs, which one, and never
in a pipe (which is how every other test, and CI, sees the commands)."""

from __future__ import annotations

import io
import os
import shlex
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ontwikkelscan.cli import app
from ontwikkelscan.cli import pager


class FakeTerminal(io.StringIO):
    encoding = "utf-8"

    def isatty(self) -> bool:
        return True


def on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> FakeTerminal:
    """stdout a terminal of 5 lines; set in the test itself (pytest's capture resets sys.stdout after fixtures)."""
    screen = FakeTerminal()
    monkeypatch.setattr(sys, "stdout", screen)
    monkeypatch.setattr(pager.shutil, "get_terminal_size", lambda fallback=(80, 24): os.terminal_size((80, 5)))
    return screen


def recorder(target: Path) -> str:
    """A $PAGER that writes what it is given, and its LESS, into `target`."""
    code = (f"import os, sys; open({str(target)!r}, 'wb').write(os.environ.get('LESS', '').encode() + b'|' "
            "+ sys.stdin.buffer.read())")
    return f"{shlex.quote(sys.executable)} -c {shlex.quote(code)}"


def test_a_long_text_on_a_terminal_goes_through_the_pager(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = on_a_terminal(monkeypatch)
    monkeypatch.setenv("PAGER", recorder(tmp_path / "seen"))
    monkeypatch.delenv("LESS", raising=False)
    text = "".join(f"regel {n} · één\n" for n in range(10))
    assert pager.page(text) is True
    assert (tmp_path / "seen").read_bytes() == ("FRX|" + text).encode("utf-8")  # LESS as git sets it
    assert terminal.getvalue() == ""


@pytest.mark.parametrize("lines", [1, 4])
def test_a_text_that_fits_is_not_paged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lines: int) -> None:
    on_a_terminal(monkeypatch)
    monkeypatch.setenv("PAGER", recorder(tmp_path / "seen"))
    assert pager.page("x\n" * lines) is False
    assert not (tmp_path / "seen").exists()


def test_no_terminal_no_pager(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    monkeypatch.setenv("PAGER", recorder(tmp_path / "seen"))
    assert pager.page("x\n" * 100) is False


@pytest.mark.parametrize(("value", "command"), [
    ("", None), ("cat", None), ("geen-pager-met-deze-naam", None), ("'open", None),
    (None, ["less", "-FRX"]), ("less -S", ["less", "-S"]),
])
def test_which_pager(monkeypatch: pytest.MonkeyPatch, value: str | None, command: list[str] | None) -> None:
    if value is None:
        monkeypatch.delenv("PAGER", raising=False)
    else:
        monkeypatch.setenv("PAGER", value)
    monkeypatch.setattr(pager.shutil, "which", lambda name: f"/usr/bin/{name}" if name == "less" else None)
    assert pager.pager_command() == command


def test_no_pager_is_an_option_of_report() -> None:
    example = str(Path(__file__).parents[1] / "examples" / "jansen.yaml")
    plain = CliRunner().invoke(app, ["report", example])
    unpaged = CliRunner().invoke(app, ["report", example, "--no-pager"])
    assert (plain.exit_code, unpaged.exit_code) == (0, 0)
    assert unpaged.stdout == plain.stdout and plain.stdout.startswith("Ontwikkelscan · A. Jansen")
