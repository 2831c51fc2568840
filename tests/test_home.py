"""No test touches the real home folder or the real cache, and no run leaves a temporary folder behind.

The proof: the suite's key paths run again in a subprocess whose HOME is an empty, read-only
folder (no XDG_CACHE_HOME, no ONTWIKKELSCAN_CACHE_DIR) and whose TMPDIR is an empty folder
of its own; afterwards both are still empty.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Key paths: loading and caching banks (also at import time), scoring, reading answers,
# every CLI command that writes (scan, report --output), the atomic writes.
# A module-scoped fixture that runs the CLI (test_survey_exports.py) and banks loaded at import time too.
SUBSET = ["test_bankcache.py", "test_scoring.py", "test_loading_errors.py", "test_cli_report.py",
          "test_cli_scan.py", "test_fsio.py", "test_cli_batch.py", "test_survey_exports.py", "test_survey_parts.py"]


def test_key_paths_pass_under_an_empty_read_only_home(tmp_path: Path) -> None:
    home, tmp, basetemp = tmp_path / "home", tmp_path / "tmp", tmp_path / "basetemp"
    home.mkdir()
    tmp.mkdir()
    env = {k: v for k, v in os.environ.items()
           if k not in ("XDG_CACHE_HOME", "ONTWIKKELSCAN_CACHE_DIR", "COV_CORE_SOURCE", "COV_CORE_CONFIG",
                        "COV_CORE_DATAFILE")}
    env.update(HOME=str(home), TMPDIR=str(tmp), PYTHONDONTWRITEBYTECODE="1")
    home.chmod(0o500)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "no:cov", "-x",
             f"--basetemp={basetemp}", *(f"tests/{name}" for name in SUBSET)],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
        )
    finally:
        home.chmod(0o700)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert " passed" in result.stdout and "failed" not in result.stdout
    assert sorted(p.name for p in home.rglob("*")) == []  # also as root, who may write into a 0500 folder
    assert sorted(p.name for p in tmp.rglob("*")) == []  # no temporary folder left behind
