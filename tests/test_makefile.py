"""`make scan` as the quick start promises: the way back and the exit codes through make."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FAKE = '#!/bin/sh\necho "via make: $ONTWIKKELSCAN_VIA_MAKE; $*"\nexit "${CODE:-0}"\n'

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def make_scan(tmp_path: Path, code: int, args: str = "") -> subprocess.CompletedProcess[str]:
    """`make scan` with an installed venv whose ontwikkelscan only says how it was called and exits `code`."""
    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    program = tmp_path / ".venv" / "bin" / "ontwikkelscan"
    program.parent.mkdir(parents=True)
    program.write_text(FAKE, encoding="utf-8")
    program.chmod(stat.S_IRWXU)
    (tmp_path / ".venv" / ".installed").write_text("", encoding="utf-8")
    os.utime(tmp_path / "pyproject.toml", (1_000_000, 1_000_000))  # older than the stamp: nothing to install
    env = {**os.environ, "CODE": str(code), "MAKEFLAGS": ""}
    return subprocess.run(["make", "--no-print-directory", "scan", f"ARGS={args}"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize(("code", "made"), [(0, 0), (130, 0), (1, 2), (2, 2)])
def test_ctrl_c_is_no_failure_through_make(tmp_path: Path, code: int, made: int) -> None:
    result = make_scan(tmp_path, code, "--type regie")
    assert result.stdout == "via make: 1; scan --type regie\n"
    assert result.returncode == made
    assert ("Error" in result.stderr) is (made != 0)


@pytest.mark.skipif(os.geteuid() == 0 and shutil.which("setpriv") is None, reason="root needs setpriv to lose its rights")
def test_make_scan_in_a_folder_without_write_permission_says_what_to_do(tmp_path: Path) -> None:
    """Before: pip's "Permission denied" and tail's "cannot open" in English (issue 20)."""
    folder = tmp_path / "gedeeld"
    folder.mkdir()
    shutil.copy(ROOT / "Makefile", folder / "Makefile")
    (folder / "pyproject.toml").write_text("", encoding="utf-8")
    folder.chmod(0o555)
    tmp_path.chmod(0o755)
    as_user = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] if os.geteuid() == 0 else []
    try:
        result = subprocess.run([*as_user, "make", "--no-print-directory", "scan"], cwd=folder,
                                env={**os.environ, "MAKEFLAGS": ""}, capture_output=True, text=True, timeout=60)
    finally:
        folder.chmod(0o755)
    assert result.returncode == 2
    assert result.stdout == (
        f"U kunt in deze map niet schrijven: {folder}\n"
        "ontwikkelscan bewaart hier zijn installatie (.venv) en uw antwoorden (scans/).\n"
        "Kopieer de map naar een eigen plek en start daar opnieuw, bijvoorbeeld:\n"
        f"  cp -r '{folder}' ~/ontwikkelscan && cd ~/ontwikkelscan && make scan\n")
    assert "Permission denied" not in result.stderr and "tail" not in result.stderr
    assert not (folder / ".venv").exists()
