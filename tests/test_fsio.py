"""Writes of personal data: atomic, owner-only, and never destroying what is at the path."""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import textwrap
import threading
from pathlib import Path
from typing import Any

import pytest

from ontwikkelscan.errors import InputError
from ontwikkelscan.files import fsio
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


# Failure injection: whatever goes wrong before the rename, the old content survives, no
# temporary file is left, and the new data never sat in a file others could read.

def _old_file(tmp_path: Path) -> Path:
    target = tmp_path / "antwoorden.yaml"
    target.write_text("oud\n")
    target.chmod(0o600)
    return target


def _leftovers(target: Path) -> list[str]:
    return sorted(p.name for p in target.parent.iterdir() if p != target)


def test_a_failing_rename_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = _old_file(tmp_path)

    def refuse(src: object, dst: object) -> None:
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(fsio.os, "replace", refuse)
    with pytest.raises(InputError) as exc:
        write_private(target, "nieuw\n")
    assert str(exc.value) == f"{target}: kan het bestand niet schrijven (Invalid cross-device link)"
    assert target.read_text() == "oud\n" and _leftovers(target) == []


class _FullDisk:
    """A file object whose write fails as on a full disk, after the real file was opened."""

    def __init__(self, handle: Any) -> None:
        self.handle = handle

    def __enter__(self) -> _FullDisk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.handle.close()

    def write(self, data: bytes) -> int:
        self.handle.write(data[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")


def test_a_full_disk_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = _old_file(tmp_path)
    real_fdopen = os.fdopen
    monkeypatch.setattr(fsio.os, "fdopen", lambda fd, mode: _FullDisk(real_fdopen(fd, mode)))
    with pytest.raises(InputError) as exc:
        write_private(target, "nieuw en veel langer\n")
    assert str(exc.value) == f"{target}: kan het bestand niet schrijven (de schijf is vol)"
    assert target.read_text() == "oud\n" and _leftovers(target) == []


@pytest.mark.parametrize("interruption", [KeyboardInterrupt, SystemExit])
def test_an_interruption_before_the_rename_keeps_the_old_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, interruption: type[BaseException]) -> None:
    target = _old_file(tmp_path)
    written: list[str] = []

    def interrupted(fd: int) -> None:  # the data is written, the rename has not happened yet
        written.extend(_leftovers(target))
        raise interruption

    monkeypatch.setattr(fsio.os, "fsync", interrupted)
    with pytest.raises(interruption):
        write_private(target, "nieuw\n")
    assert len(written) == 1 and written[0].startswith(".antwoorden.yaml.") and written[0].endswith(".tmp")
    assert target.read_text() == "oud\n" and _leftovers(target) == []


def test_killed_before_the_rename_the_old_file_survives(tmp_path: Path) -> None:
    target = _old_file(tmp_path)
    code = textwrap.dedent(f"""
        import os, signal
        from pathlib import Path
        from ontwikkelscan.files import fsio
        fsio.os.replace = lambda src, dst: os.kill(os.getpid(), signal.SIGKILL)
        fsio.write_private(Path({str(target)!r}), "nieuw\\n")
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == -signal.SIGKILL
    assert target.read_text() == "oud\n"
    # Nothing can clean up after SIGKILL: the half-done write is a hidden, owner-only temp file.
    (left,) = _leftovers(target)
    assert left.startswith(".antwoorden.yaml.") and left.endswith(".tmp")
    assert stat.S_IMODE((tmp_path / left).stat().st_mode) == 0o600
    assert (tmp_path / left).read_text() == "nieuw\n"


def test_the_file_is_owner_only_from_the_moment_it_exists(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "nieuw.yaml"
    modes: list[tuple[str, int]] = []
    real_fdopen = os.fdopen

    def watching(fd: int, mode: str) -> Any:  # the first thing done with the new file
        (created,) = _leftovers(target) if target.parent.exists() else ()
        modes.append((created, stat.S_IMODE(os.fstat(fd).st_mode)))
        return real_fdopen(fd, mode)

    monkeypatch.setattr(fsio.os, "fdopen", watching)
    old_umask = os.umask(0)  # even a umask that lets everything through
    try:
        write_private(target, "geheim\n")
    finally:
        os.umask(old_umask)
    assert [mode for _, mode in modes] == [0o600]
    assert modes[0][0].startswith(".nieuw.yaml.")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600 and target.read_text() == "geheim\n"


def test_ctrl_c_at_the_rename_keeps_the_old_file_and_is_not_swallowed(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    target = _old_file(tmp_path)

    def interrupted(src: object, dst: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(fsio.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_private(target, "nieuw\n")
    assert target.read_text() == "oud\n" and _leftovers(target) == []


def test_folders_on_the_way_are_created(tmp_path: Path) -> None:
    target = tmp_path / "ronde" / "2027" / "zelf.yaml"
    write_private(target, "nieuw\n")
    assert target.read_text() == "nieuw\n" and stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_file_in_the_way_of_a_folder_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "bezet").write_text("een bestand\n")
    with pytest.raises(InputError) as exc:
        write_private(tmp_path / "bezet" / "zelf.yaml", "nieuw\n")
    assert str(exc.value).startswith(f"{tmp_path / 'bezet' / 'zelf.yaml'}: kan hier niet schrijven (")


def test_the_data_then_the_rename_are_made_durable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """fsync of the file once all data is in it (flushed), then of the folder after the rename, whose
    descriptor is closed again."""
    target = tmp_path / "zelf.yaml"
    synced: list[tuple[str, int]] = []
    real_fsync = os.fsync

    def record(fd: int) -> None:
        info = os.fstat(fd)
        synced.append(("map" if stat.S_ISDIR(info.st_mode) else "bestand", info.st_size if stat.S_ISREG(info.st_mode)
                       else int(target.exists())))
        real_fsync(fd)

    monkeypatch.setattr(fsio.os, "fsync", record)
    before = len(os.listdir("/proc/self/fd"))
    write_private(target, "nieuw\n")
    assert synced == [("bestand", 6), ("map", 1)]
    assert len(os.listdir("/proc/self/fd")) == before


def test_slug() -> None:
    assert fsio.slug("Ans de Vries-Ölçer") == "ans-de-vries-olcer"
    assert fsio.slug("A" * 39 + " B" + "c" * 30) == "a" * 39  # 40 characters, then no dash at the end
    assert fsio.slug("Ab" * 30) == "ab" * 20


def test_writes_on_threads_are_the_files_write_private_writes(tmp_path: Path) -> None:
    writes = fsio.Writes()
    for i in range(40):
        writes.write(tmp_path / f"{i}.yaml", f"nummer {i}\n", i)
    writes.write(tmp_path / "3.yaml", "later\n", "again")  # the second write to a path comes after the first
    assert writes.close() == []
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{i}.yaml" for i in range(40))  # no temp files
    assert (tmp_path / "7.yaml").read_text() == "nummer 7\n" and (tmp_path / "3.yaml").read_text() == "later\n"
    assert {stat.S_IMODE(p.stat().st_mode) for p in tmp_path.iterdir()} == {0o600}


def test_a_write_that_fails_on_a_thread_comes_back_with_its_tag(tmp_path: Path) -> None:
    (tmp_path / "bestand").write_text("geen map")
    writes = fsio.Writes()
    writes.write(tmp_path / "goed.yaml", "ja\n", "goed")
    writes.write(tmp_path / "bestand" / "fout.yaml", "nee\n", "fout")
    writes.wait(tmp_path / "bestand" / "fout.yaml")  # waiting does not raise: the failure is kept for close()
    [(tag, problem)] = writes.close()
    assert tag == "fout"
    assert problem.problems[0].file == str(tmp_path / "bestand" / "fout.yaml")
    assert problem.problems[0].message.startswith("kan hier niet schrijven (")
    assert (tmp_path / "goed.yaml").read_text() == "ja\n"


def test_writes_stopped_early_drop_what_has_not_begun_and_leave_no_temp_file(tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    gate, started = threading.Event(), threading.Semaphore(0)
    real = fsio.write_private

    def slow(path: Path, text: str) -> None:
        started.release()
        gate.wait(5)
        real(path, text)

    monkeypatch.setattr(fsio, "write_private", slow)
    monkeypatch.setattr(fsio.Writes, "THREADS", 2)
    writes = fsio.Writes()
    for i in range(10):
        writes.write(tmp_path / f"{i}.yaml", "x\n")
    assert started.acquire(timeout=5) and started.acquire(timeout=5)  # both threads have begun a write
    threading.Timer(0.2, gate.set).start()
    assert writes.close(finish=False) == []
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == ["0.yaml", "1.yaml"]  # the two under way finished; the eight queued were dropped
