"""A command the tool prints for the user to copy, quoted for the shell (POSIX sh, bash, zsh).

`command("scan", "--round", Path("ronde Jansen"))` -> `ontwikkelscan scan --round 'ronde Jansen'`:
pasted, it runs. Placeholders in capitals (MAP, EXPORT) need no quotes and get none.
"""

from __future__ import annotations

import shlex
from pathlib import PurePath


def command(*parts: str | PurePath) -> str:
    return " ".join(["ontwikkelscan", *(shlex.quote(str(p)) for p in parts)])
