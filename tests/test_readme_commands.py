"""Every command of the README works as printed, in a fresh shell after `make scan` (issue 20).

The quick start tells to activate the environment once (`. .venv/bin/activate`); after that each
`ontwikkelscan ...` line of the README's ```sh blocks is typed as it stands, in README order, in a
folder that holds what a user has after cloning (examples/, data/). A line whose input files only
the user has (their own scans/, an export from a survey tool) or that needs a terminal (the
interactive scan, or a round's report before anyone answered) is left out; every other line must
exit 0.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from ontwikkelscan.cli.pdf import find_browser

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = Path(sys.executable).parent


def commands() -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), flags=re.S)
    lines = [re.sub(r"\s+#.*$", "", line).strip() for block in blocks for line in block.splitlines()]
    return [line for line in lines if line.startswith(("ontwikkelscan ", "cp "))]


def needs_the_users_own_files(command: str, folder: Path) -> bool:
    """An input of the user's own: a scans/ folder, a survey export, a file no earlier line made."""
    words = shlex.split(command)
    if words[:2] == ["ontwikkelscan", "scan"] or words[1:3] == ["feedback", "enter"]:
        return True  # interactive: tests/test_tmux_scan.py drives it in a terminal
    if "pdf" in words and find_browser() is None:
        return True  # a PDF needs a Chromium-family browser (tests/render/test_browser.py says so when it skips)
    if words[1:3] in (["feedback", "report"], ["feedback", "release"]) or (
            words[1] == "plan" and (folder / words[2] / "ronde.yaml").exists()):
        return True  # the answers of a round come from its raters (tests/test_cli_feedback.py has them)
    outputs = {words[i + 1] for i, w in enumerate(words[:-1]) if w in ("-o", "--output", "--out")}
    inputs = [w for w in words[2:] if not w.startswith("-") and w not in outputs
              and re.search(r"(\.(ya?ml|csv|xlsx|tsv|txt)|/)$", w)]
    return any(not (folder / w).exists() and not any(folder.glob(w)) for w in inputs)


def test_the_readme_commands_run_as_printed_after_activating(tmp_path: Path) -> None:
    folder = tmp_path / "ontwikkelscan"
    folder.mkdir()
    for name in ("examples", "data"):
        shutil.copytree(ROOT / name, folder / name)
    path = os.pathsep.join(p for p in os.environ.get("PATH", "").split(os.pathsep) if Path(p) != VENV_BIN)
    env = {**os.environ, "PATH": path, "ONTWIKKELSCAN_VIA_MAKE": ""}
    env.pop("VIRTUAL_ENV", None)
    ran = []
    for command in commands():
        if needs_the_users_own_files(command, folder):
            continue
        script = f". {shlex.quote(str(VENV_BIN / 'activate'))}\n{command}\n"
        done = subprocess.run(["bash", "-c", script], cwd=folder, env=env, capture_output=True, text=True,
                              timeout=120, stdin=subprocess.DEVNULL)
        assert done.returncode == 0, f"{command}\n{done.stderr}"
        ran.append(command)
    assert len(ran) >= 20, ran  # most of the README runs on what comes with the project
