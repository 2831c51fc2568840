"""A real `ontwikkelscan scan` in a terminal, driven through tmux as a person would (tests/tmux_scan.sh):
answers, going back, Ctrl-C and the resume hint, resume, the answer-pattern check, finish, kill -9.
Skipped, with the reason in the summary, where tmux is not installed; CI installs it (.ci/run)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(shutil.which("tmux") is None,
                    reason="tmux is not installed: the scan in a real terminal is not tested here "
                           "(apt-get install tmux; CI installs it)")
def test_a_real_scan_in_tmux() -> None:
    # A short temporary folder: the script looks for the answer file's path on one screen line.
    with tempfile.TemporaryDirectory(prefix="ts", dir="/tmp" if os.path.isdir("/tmp") else None) as short:
        env = {**os.environ, "TMPDIR": short, "PYTHON": sys.executable,
               "ONTWIKKELSCAN_BIN": str(Path(sys.executable).with_name("ontwikkelscan"))}
        env.pop("TMUX", None)  # also when pytest itself runs inside tmux
        result = subprocess.run(["bash", str(ROOT / "tests" / "tmux_scan.sh")], cwd=ROOT, env=env,
                                capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert result.stdout.startswith("tmux_scan: ok ("), result.stdout
