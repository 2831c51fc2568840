"""Writes of personal data: atomic, owner-only, and never destroying what is at the path."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from ontwikkelscan.errors import InputError
from ontwikkelscan.files.fsio import write_private


def test_new_and_replaced_files_are_owner_only(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "a.yaml"
    write_private(target, "één\n")
    assert target.read_text(encoding="utf-8") == "één\n" and stat.S_IMODE(target.stat().st_mode) == 0o600
    target.chmod(0o644)
    write_private(target, "twee\n")
    assert target.read_text() == "twee\n" and stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in target.parent.iterdir()] == ["a.yaml"]  # no temporary file left behind


def test_a_link_is_followed_not_replaced(tmp_path: Path) -> None:
    real = tmp_path / "echt.json"
    real.write_text("oud")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    write_private(link, "nieuw")
    assert link.is_symlink() and real.read_text() == "nieuw"


def test_a_pipe_is_written_into_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pijp"
    os.mkfifo(fifo)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text()))
    reader.start()
    write_private(fifo, "rapport\n")
    reader.join(timeout=5)
    assert received == ["rapport\n"] and stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_full_device_is_an_error_and_stays_a_device() -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    with pytest.raises(InputError, match=r"^/dev/full: kan hier niet schrijven \(de schijf is vol\)$"):
        write_private(Path("/dev/full"), "x")
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="dit is een map; geef een bestandsnaam"):
        write_private(tmp_path, "x")
