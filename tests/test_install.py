"""A plain (non-editable) install carries the shipped bank inside the package."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_non_editable_install_finds_the_shipped_bank(tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(  # pip and the tools it starts get a home of their own, never the user's
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-cache-dir", "--no-deps", "--no-build-isolation",
         "--target", str(target), str(ROOT)],
        check=True, capture_output=True, timeout=300, env={**os.environ, "HOME": str(tmp_path)},
    )
    assert (target / "ontwikkelscan" / "data" / "questions.yaml").is_file()
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target), "HOME": str(tmp_path)}
    env.pop("ONTWIKKELSCAN_BANK", None)
    example = ROOT / "examples" / "jansen.yaml"
    result = subprocess.run(
        [sys.executable, "-c", "import ontwikkelscan.files.bank as b; print(b.shipped_bank_dir())"],
        cwd=elsewhere, env=env, capture_output=True, text=True, check=True,
    )
    assert Path(result.stdout.strip()) == target / "ontwikkelscan" / "data"
    result = subprocess.run(
        [sys.executable, "-m", "ontwikkelscan", "report", str(example), "--format", "json"],
        cwd=elsewhere, env=env, capture_output=True, text=True,
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert len(json.loads(result.stdout)["competencies"]) == 14
