"""The prompts of the interactive scan, on questionary: the only module that imports it.

`TerminalAsker` implements scanflow.Asker. Every questionary prompt uses `unsafe_ask`, so
that Ctrl-C reaches the caller as KeyboardInterrupt (questionary's `ask` would swallow it
and return None, which looks like an answer). Tests pass prompt_toolkit pipe input and a
dummy output.

questionary and prompt_toolkit take ~0.1 s to import, more than half of the time to the
first prompt. So the first prompt is drawn as a plain line before they are imported: the
person reads it and starts typing (the quiet terminal keeps the keys, unseen, see
`terminal.quiet_terminal`), and prompt_toolkit draws the same prompt over it with the keys typed so far.
"""

from __future__ import annotations

import os
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from ..models import Context, MunicipalityType, Scale
from ..render.common.console import wrap
from .flow import Item, Move, Reply
from .terminal import quiet_terminal, set_mode, terminal_columns
from .wording import PAUSE, described, first_sentence, welcome_text

if TYPE_CHECKING:
    from prompt_toolkit.input import Input
    from prompt_toolkit.output import Output
    from questionary import Choice

    from .resume import Unfinished

BACK = "← vorige vraag"
ITEM_PROMPT = "Hoe vaak geldt dit voor u?"
OBSERVER_PROMPT = "Hoe vaak ziet u dit?"  # a feedback round: someone else answers about the secretary
ITEM_HINT = "(↑/↓ of cijfertoets, dan Enter)"
LIST_HINT = "(↑/↓, dan Enter)"
STYLE_RULES = [("qmark", "fg:ansicyan"), ("question", "bold"), ("answer", "fg:ansicyan"), ("highlighted", "bold"),
               ("pointer", "fg:ansicyan bold"), ("instruction", "fg:ansibrightblack")]
# The same look for the plain lines printed between questionary's prompts.
ANSI = {"bold": "\033[1m", "dim": "\033[90m", "qmark": "\033[36m", "reset": "\033[0m"}


def _questionary() -> ModuleType:
    import questionary

    return questionary


def item_choices(scale: Scale, item: Item) -> list[Choice]:
    """The scale as '1) label' choices, then n.v.t., back and pause.

    Values are strings because questionary treats a None value as "no default".
    Number keys only move the pointer; Enter still confirms, so a stray key press
    never records an answer.
    """
    Choice = _questionary().Choice  # noqa: N806
    digits = scale.min >= 0 and scale.max <= 9
    choices = [Choice(scale.label(v), value=str(v), shortcut_key=str(v) if digits else True)
               for v in range(scale.min, scale.max + 1)]
    if item.can_skip and scale.not_applicable:
        key = "0" if digits and scale.min > 0 else "n"
        choices.append(Choice(scale.not_applicable, value="skip", shortcut_key=key))
    if item.can_go_back:
        choices.append(Choice(BACK, value="back", shortcut_key="v"))
    choices.append(Choice(PAUSE, value="pause", shortcut_key="p"))
    return choices


def default_for(item: Item) -> str | None:
    """The earlier reply, highlighted when going back or resuming."""
    if not item.answered:
        return None
    return "skip" if item.previous is None else str(item.previous)


def to_reply(value: str) -> Reply:
    if value == "skip":
        return Move.SKIP
    if value == "back":
        return Move.BACK
    if value == "pause":
        return Move.PAUSE
    return int(value)


class TerminalAsker:
    """scanflow.Asker on a terminal (or, in tests, on a pipe input and a dummy output)."""

    def __init__(self, scale: Scale, *, input: Input | None = None,  # noqa: A002
                 output: Output | None = None) -> None:
        self.scale = scale
        self.item_prompt = ITEM_PROMPT
        self._io: dict[str, Any] = {k: v for k, v in (("input", input), ("output", output)) if v is not None}
        self._color = "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"
        self._style: Any = None
        # Between two prompts the terminal neither echoes keys nor turns Ctrl-C into a signal:
        # keys typed ahead wait, unseen, for the next prompt, and Ctrl-C reaches it as a key
        # (a signal would also reach `make`, which would print its own error line).
        self._saved_mode = None if self._io else quiet_terminal()

    def welcome(self, total: int) -> None:
        title, _, rest = welcome_text(total).partition("\n")
        self._print(title, "bold")
        self._print(rest, "")

    def say(self, text: str) -> None:
        self._print(text, "")

    def respondent(self) -> tuple[str, str]:
        self.say("\nNaam en gemeente zijn niet nodig; ze komen alleen in uw antwoordbestand en rapport.")
        return self._line("Uw naam (Enter = overslaan):"), self._line("Uw gemeente (Enter = overslaan):")

    def municipality_type(self, types: Sequence[MunicipalityType]) -> str:
        intro = "Het rapport vergelijkt uw scores met het doelprofiel van uw type gemeente:"
        options = [(t.id, t.name, first_sentence(t.description) if t.description else "") for t in types]
        return self.choose_one(intro, "Type gemeente:", options)

    def contexts(self, contexts: Sequence[Context]) -> tuple[str, ...]:
        """None, one or more contexts (docs/formats.md section 7), one choice at a time; 'geen' ends the list.

        Every round offers all contexts under the same numbers, the chosen ones marked: a digit typed
        twice ("1 Enter 1 Enter") chooses the same context again, never the next one in line. The
        explanation stands right above the menu, where an 80x24 screen still shows it."""
        chosen: list[str] = []
        explanation = ("Een context kleurt het doelprofiel in: een doel gaat dan omhoog, nooit omlaag. "
                       "Past een van deze situaties nu bij uw gemeente? Geen is ook een goed antwoord.")
        while len(chosen) < len(contexts):
            options = [(c.id, f"{c.name} (gekozen)" if c.id in chosen else c.name,
                        "" if chosen else first_sentence(c.description)) for c in contexts]
            options.append(("-", "Geen (verder)" if chosen else "Geen", ""))
            names = ", ".join(c.name for c in contexts if c.id in chosen)
            intro = f"{explanation}\nGekozen: {names}. Nog een context?" if chosen else explanation
            pick = self.choose_one(intro, "Context:", options, intro_last=True)
            if pick == "-":  # a context id is kebab-case: never "-"
                break
            if pick not in chosen:
                chosen.append(pick)
        return tuple(chosen)

    def choose_one(self, intro: str, message: str, options: Sequence[tuple[str, str, str]], *,
                   intro_last: bool = False) -> str:
        """One of a few described options (id, name, description): the descriptions in full
        above the list, the list itself names only, chosen with a digit or the arrows and Enter.
        Enter alone chooses nothing. `intro_last` puts the intro between the descriptions and the list."""
        Choice = self._q().Choice  # noqa: N806
        # The described block ends at the last option with a description ("Geen" needs none); numbers stay.
        described_upto = max((n for n, (_, _, text) in enumerate(options, start=1) if text), default=0)
        descriptions = [(name, text) for _, name, text in options[:described_upto]]
        if not intro_last:
            self.say(f"\n{intro}\n")
        if descriptions:
            self._print(described(descriptions, self._width() - 1), "")
        if intro_last:
            self.say(f"\n{intro}")
        digits = len(options) <= 9
        choices = [Choice(name, value=oid, shortcut_key=str(n) if digits else True)
                   for n, (oid, name, _) in enumerate(options, start=1)]
        hint = f"(cijfer 1-{len(options)} of ↑/↓, dan Enter)" if digits else LIST_HINT
        return self._select(message, choices, instruction=hint, use_shortcuts=digits, use_jk_keys=False,
                            require_choice=True)

    def confirm_overwrite(self, path: Path) -> bool:
        Choice = self._q().Choice  # noqa: N806
        choices = [Choice("Nee, stoppen (het bestand blijft zoals het is)", value="no"),
                   Choice("Ja, overschrijven (de antwoorden in dat bestand gaan verloren)", value="yes")]
        self.say(f"Dit bestand bestaat al:\n  {path}")  # on a line of its own: the prompt would break the name
        return self._select("Overschrijven?", choices, default="no") == "yes"

    def offer_resume(self, scan: Unfinished) -> bool:
        Choice = self._q().Choice  # noqa: N806
        self.say(f"\nU heeft een scan die nog niet af is: {scan.describe()}.\n  {scan.path}")
        choices = [Choice("Ja, verdergaan waar u was", value="resume"),
                   Choice("Nee, een nieuwe scan beginnen", value="new")]
        return self._select("Verdergaan met die scan?", choices, default="resume") == "resume"

    def review_patterns(self, notes: Sequence[str]) -> bool:
        Choice = self._q().Choice  # noqa: N806
        self.say("\nVoordat u het rapport ziet: in uw antwoorden zit een patroon dat de scores moeilijk "
                 "leesbaar maakt.")
        self.say("\n".join(f"  • {note}" for note in notes))
        self.say("\nWilt u uw antwoorden nog eens nalopen? U begint dan bij vraag 1; bij elke vraag staat uw "
                 "antwoord klaar, Enter houdt het. Het rapport noemt het patroon ook.")
        choices = [Choice("Het rapport tonen", value="report"), Choice("Terug naar de vragen", value="back")]
        return self._select("Wat wilt u doen?", choices, default="report") == "back"

    def item(self, item: Item) -> Reply:
        width = min(self._width(), 100) - 4
        self._print(f"\nVraag {item.number} van {item.total}", "dim")
        self._print(textwrap.fill(item.question.text, width=width, initial_indent="  ", subsequent_indent="  "),
                    "bold")
        answer = self._select(self.item_prompt, item_choices(self.scale, item), default=default_for(item),
                              instruction=ITEM_HINT, use_shortcuts=True, use_jk_keys=False,
                              require_choice=not item.answered)
        return to_reply(answer)

    def comment(self, question: str, number: int, total: int) -> str:
        from .comments import ask_comment
        return ask_comment(self._line, self._print, question, number, total)

    def _q(self) -> ModuleType:
        return _questionary()

    def _select(self, message: str, choices: list[Choice], *, require_choice: bool = False, **options: Any) -> str:
        """A list prompt. With `require_choice` no choice is pointed at first and Enter does
        nothing until one is (a digit or an arrow), so that a stray Enter records nothing."""
        questionary = self._q()
        options.setdefault("instruction", LIST_HINT)
        question = questionary.select(message, choices=choices, qmark="›", style=self._styled(), **options,
                                      **self._io)
        if require_choice:
            _point_at_nothing(question.application)
        return str(question.unsafe_ask())

    def _line(self, label: str) -> str:
        """A free-text answer (prompt_toolkit, like the lists: Ctrl-C is a key, not a signal)."""
        if "questionary" not in sys.modules and not self._io:  # the first prompt: on screen before the import
            qmark, bold, reset = (ANSI["qmark"], ANSI["bold"], ANSI["reset"]) if self._color else ("", "", "")
            sys.stdout.write(f"{qmark}›{reset} {bold}{label}{reset} ")
            sys.stdout.flush()
            self._q()
            sys.stdout.write("\r")  # prompt_toolkit draws from where the cursor is: the same prompt, over it
        answer = self._q().text(label, qmark="›", style=self._styled(), **self._io).unsafe_ask()
        return str(answer).strip()

    def _styled(self) -> Any:
        if self._style is None:
            self._style = self._q().Style(STYLE_RULES)
        return self._style

    def close(self) -> None:
        """The terminal as it was before the scan."""
        if self._saved_mode is not None:
            set_mode(self._saved_mode)
            self._saved_mode = None

    def _width(self) -> int:
        output = self._io.get("output")
        columns = output.get_size().columns if output is not None else terminal_columns()
        return max(40, columns)

    def _print(self, text: str, style: str) -> None:
        if "output" in self._io:
            return  # tests: nothing to show on a dummy output
        text = wrap(text, self._width())
        if self._color and style:
            text = f"{ANSI[style]}{text}{ANSI['reset']}"
        sys.stdout.write(text + "\n")
        sys.stdout.flush()


def _point_at_nothing(app: Any) -> None:
    """Start a questionary select with no choice pointed at; Enter waits for a digit or an arrow."""
    from prompt_toolkit.filters import Condition
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
    from questionary.prompts.common import InquirerControl

    control = next(w.content for w in app.layout.find_all_windows() if isinstance(w.content, InquirerControl))
    control.pointed_at = -1
    unpointed = Condition(lambda: control.pointed_at < 0)
    keys = KeyBindings()

    @keys.add("enter", filter=unpointed, eager=True)
    def _wait(event: Any) -> None:
        """Nothing chosen yet: Enter records nothing."""

    @keys.add("down", filter=unpointed, eager=True)
    def _first(event: Any) -> None:
        control.pointed_at = 0

    @keys.add("up", filter=unpointed, eager=True)
    def _last(event: Any) -> None:
        control.pointed_at = control.choice_count - 1

    app.key_bindings = merge_key_bindings([app.key_bindings, keys])
