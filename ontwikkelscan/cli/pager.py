"""A long report on a terminal goes through a pager, as git does (docs/reports.md, "In de terminal").

Only when stdout is a terminal and the text is taller than the screen; `--no-pager`, a pipe, a
file, `$PAGER` set to "" or "cat" write it as it is. The pager is `$PAGER`, else `less -FRX`
(-F: quit when it fits, -R: keep the colours, -X: leave the text on the screen after quitting);
with `less` and no `$LESS`, LESS=FRX as git sets it. No pager on the computer: the text as it is.
"""

import os
import shutil
import sys

DEFAULT = "less -FRX"


def pager_command() -> list[str] | None:
    """The pager to run, or None for none at all."""
    import shlex

    chosen = os.environ.get("PAGER", DEFAULT).strip()
    if not chosen or chosen == "cat":
        return None
    try:
        command = shlex.split(chosen)
    except ValueError:
        return None
    return command if shutil.which(command[0]) else None


def too_tall(text: str) -> bool:
    return text.count("\n") >= shutil.get_terminal_size((80, 24)).lines


def page(text: str) -> bool:
    """Show `text` through the pager when stdout is a terminal and it does not fit; False when the
    caller should write it itself (not a terminal, short enough, or no pager to be found)."""
    if sys.stdout is None or not sys.stdout.isatty() or not too_tall(text):
        return False
    command = pager_command()
    if command is None:
        return False
    import signal
    import subprocess

    env = dict(os.environ)
    env.setdefault("LESS", "FRX")
    sys.stdout.flush()
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the pager's (as git does)
    try:
        process = subprocess.Popen(command, stdin=subprocess.PIPE, env=env)
    except OSError:
        signal.signal(signal.SIGINT, previous)
        return False
    try:
        assert process.stdin is not None
        process.stdin.write(text.encode(sys.stdout.encoding or "utf-8", "replace"))
        process.stdin.close()
    except BrokenPipeError:  # the reader quit the pager before the end
        pass
    finally:
        process.wait()
        signal.signal(signal.SIGINT, previous)
    return True
