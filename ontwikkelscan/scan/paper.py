"""Keying in a paper form (`feedback enter`, issue 19): one key per statement, in the printed form's order.

`Entry` is the pure part: it takes keys and says what they did, so that the tests can drive it. The
terminal part reads single keys (no Enter after a digit) and prints each statement with its number
as its digit lands, so that the coach sees at once where a wrong digit went.

Keys: a scale point (1-5 on the shipped bank), 0 = weet niet / n.v.t., Enter = not filled in on the
paper (skipped), `v` = back one statement. Both n.v.t. and skipped are `null` in the answer file
(docs/formats.md section 2); they differ only on the screen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..models import Question, Scale

SKIPPED, NOT_APPLICABLE = "leeg", "weet niet"
Value = int | str | None  # a scale point, SKIPPED or NOT_APPLICABLE; None: not keyed yet


class Entry:
    """The statements of one paper form in print order, and what was keyed for each."""

    def __init__(self, statements: Sequence[tuple[int, Question]], scale: Scale) -> None:
        self.statements = list(statements)
        self.scale = scale
        self.values: list[Value] = [None] * len(self.statements)
        self.position = 0

    @property
    def done(self) -> bool:
        return self.position >= len(self.statements)

    def key(self, key: str) -> str:
        """Apply one key at the current statement: 'set', 'back', 'ignored' (an unknown key, or back at the first)."""
        if key in ("v", "V"):
            if self.position == 0:
                return "ignored"
            self.position -= 1
            return "back"
        value = self.value_of(key)
        if value is None or self.done:
            return "ignored"
        self.values[self.position] = value
        self.position += 1
        return "set"

    def value_of(self, key: str) -> Value:
        if key in ("\r", "\n"):
            return SKIPPED
        if key == "0" and self.scale.not_applicable and self.scale.min > 0:
            return NOT_APPLICABLE
        if key.isdigit() and self.scale.min <= int(key) <= self.scale.max:
            return int(key)
        return None

    def answers(self) -> dict[str, int | None]:
        """The answer file's `answers:`: every statement of the form, null where skipped or n.v.t."""
        return {q.id: v if isinstance(v, int) else None for (_, q), v in zip(self.statements, self.values, strict=True)}

    def shown(self, index: int) -> str:
        """How a keyed value reads on the screen: '4 vaak', '– weet niet', '· leeg'."""
        value = self.values[index]
        if isinstance(value, int):
            return f"{value} {self.scale.label(value)}"
        return {SKIPPED: "· leeg", NOT_APPLICABLE: "– weet niet"}.get(value or "", "?")

    def overview(self, per_line: int = 10) -> list[str]:
        """All keyed values in rows of ten, for a last look before the file is written."""
        marks = [str(v) if isinstance(v, int) else "-" if v == NOT_APPLICABLE else "." for v in self.values]
        lines = []
        for start in range(0, len(marks), per_line):
            first, last = self.statements[start][0], self.statements[min(start + per_line, len(marks)) - 1][0]
            lines.append(f"{first:>3}-{last:<3} {' '.join(marks[start:start + per_line])}")
        return lines


def line(text: str, width: int) -> str:
    """One screen line: a statement longer than the terminal ends in '…' (its number and value are what count)."""
    return text if len(text) < width else text[:width - 2] + "…"


def run_entry(entry: Entry, read_key: Callable[[], str], say: Callable[[str], None], wording: Callable[[Question], str],
              ) -> None:
    """Ask one key per statement until the last one is keyed; each statement shows with its number as its
    key lands. Ctrl-C reaches the caller (nothing is written then)."""
    while not entry.done:
        number, question = entry.statements[entry.position]
        key = read_key()
        if key == "\x03":
            raise KeyboardInterrupt
        index = entry.position
        what = entry.key(key)
        if what == "set":
            say(f"{number:>3}  {entry.shown(index):<18} {wording(question)}")
        elif what == "back":
            back_number, back_question = entry.statements[entry.position]
            say(f"{back_number:>3}  terug: typ opnieuw   {wording(back_question)}")
        else:
            allowed = f"{entry.scale.min}-{entry.scale.max}" + (", 0 = weet niet" if entry.scale.not_applicable else "")
            say(f"     ({number}: typ {allowed}, Enter = leeg, v = terug)")


class Terminal:
    """The coach's terminal: single keys without Enter and without echo, and whole lines (the comments)."""

    def __init__(self) -> None:
        import sys
        import termios

        self._fd = sys.stdin.fileno()
        self._before = termios.tcgetattr(self._fd)
        self._cbreak()

    def _cbreak(self) -> None:
        import tty

        tty.setcbreak(self._fd)  # Ctrl-C still raises; echo and line editing are off

    def key(self) -> str:
        import os

        return os.read(self._fd, 1).decode("utf-8", "replace")  # one byte: keys typed ahead wait their turn

    def line(self, prompt: str) -> str:
        """A line typed with echo and editing, then back to single keys."""
        self.restore()
        try:
            return input(prompt)
        finally:
            self._cbreak()

    def restore(self) -> None:
        import termios

        termios.tcsetattr(self._fd, termios.TCSADRAIN, self._before)


def correct(entry: Entry, read_key: Callable[[], str], ask: Callable[[str], str], say: Callable[[str], None],
            wording: Callable[[Question], str]) -> None:
    """Show every keyed value; a number typed here is keyed again, Enter ends. Nothing is written before."""
    numbers = {number: index for index, (number, _) in enumerate(entry.statements)}
    while True:
        say("\nIngevoerd (. = leeg, - = weet niet):\n" + "\n".join(entry.overview()))
        reply = ask("Nummer om te verbeteren, of Enter om op te slaan: ").strip()
        if not reply:
            return
        if not reply.isdigit() or int(reply) not in numbers:
            say(f"Geen nummer van dit formulier: {reply} (1-{len(entry.statements)}).")
            continue
        index = numbers[int(reply)]
        number, question = entry.statements[index]
        say(f"{number:>3}  nu {entry.shown(index):<14} {wording(question)}\n     nieuw cijfer:")
        entry.position = index
        while entry.position == index:  # an unknown key or `v` asks again; a value moves on
            if entry.key(read_key()) == "back":
                entry.position = index
        say(f"{number:>3}  {entry.shown(index):<18} {wording(question)}")
        entry.position = len(entry.statements)
