"""Command-line mistakes (exit 2) in Dutch: the parser Typer vendors speaks English only."""

import re

from .typer_private import click_errors

_PATTERNS = [
    (re.compile(r"^'?(.*?)'? is not one of (.*)\.$"), "`{0}` is geen keuze; kies uit: {1}"),
    (re.compile(r"^'?(.*?)'? is not a valid (integer|float|boolean)\.?$"), "`{0}` is geen geldige waarde ({1})"),
    (re.compile(r"^Option '(.+)' requires an argument\.$"), "optie {0} heeft een waarde nodig"),
    (re.compile(r"^No such command '(.+?)'\. Did you mean '(.+)'\?$"), "onbekende opdracht `{0}` (bedoelt u `{1}`?)"),
    (re.compile(r"^No such command '(.+)'\.$"), "onbekende opdracht `{0}`"),
    (re.compile(r"^Got unexpected extra argument(?:s|\(s\))? \((.+)\)$"), "onverwacht extra argument: {0}"),
    (re.compile(r"^Option '(.+)' does not take a value\.$"), "optie {0} krijgt geen waarde"),
    (re.compile(r"^Option '(.+)' requires (\d+) arguments\.$"), "optie {0} heeft {1} waarden nodig"),
    (re.compile(r"^'?(.*?)'? is not a valid boolean\. Recognized values: (.*)$"), "`{0}` is geen ja/nee; kies uit: {1}"),
    (re.compile(r"^(.+) is not in the range (.+)\.$"), "{0} ligt niet in het bereik {1}"),
    (re.compile(r"^'?(.*?)'? is not a valid UUID\.$"), "`{0}` is geen geldige UUID"),
    (re.compile(r"^'?(.*?)'? does not match the formats (.+)\.$"), "`{0}` past bij geen van de vormen {1}"),
    (re.compile(r"^Takes (\d+) values but (\d+) given\.$"), "verwacht {0} waarden, gekregen {1}"),
    (re.compile(r"^Argument '?(.+?)'? takes (\d+) values\.$"), "argument {0} verwacht {1} waarden"),
    (re.compile(r"^(\d+) values are required, but (\d+) given\.$"), "verwacht {0} waarden, gekregen {1}"),
    (re.compile(r"^Value must be an iterable\.$"), "verwacht een lijst van waarden"),
    (re.compile(r"^Missing command\.$"), "geef een opdracht"),
]


def dutch_message(exc: click_errors.UsageError) -> str:
    """What was wrong with the command line, in Dutch, with a 'did you mean' where the parser has one."""
    if isinstance(exc, click_errors.NoSuchOption):
        maybe = f" (bedoelt u {' of '.join(exc.possibilities)}?)" if exc.possibilities else ""
        return f"onbekende optie {exc.option_name}{maybe}"
    if isinstance(exc, click_errors.MissingParameter) and exc.param is not None:
        kind = "argument" if exc.param.param_type_name == "argument" else "optie"
        name = exc.param.make_metavar(exc.ctx) if kind == "argument" and exc.ctx else exc.param.opts[0]
        return f"{kind} {name} ontbreekt"
    message = _translate(exc.message)
    if isinstance(exc, click_errors.BadParameter):
        param = exc.param
        hint = exc.param_hint or (param.make_metavar(exc.ctx) if param is not None and exc.ctx is not None
                                  and param.param_type_name == "argument" else param.opts[0]
                                  if param is not None and param.opts else "")
        if isinstance(hint, (list, tuple)):
            hint = " / ".join(hint)
        return f"ongeldige waarde voor {str(hint).strip(chr(39))}: {message}"
    return message


def _translate(message: str) -> str:
    for pattern, dutch in _PATTERNS:
        found = pattern.match(message.strip())
        if found:
            groups = [g.replace("'", "") for g in found.groups()]
            return dutch.format(*groups)
    return message


def help_hint(exc: click_errors.UsageError) -> str:
    path = exc.ctx.command_path if exc.ctx is not None else "ontwikkelscan"
    return f"Hulp: {path} --help"
