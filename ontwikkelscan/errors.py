"""The one small exception family. Messages are for people, in Dutch; only the CLI prints them."""

from __future__ import annotations

from typing import NamedTuple


class Problem(NamedTuple):
    """One thing wrong with an input file: where, which rule, what was found, how to fix it."""

    file: str
    line: int | None
    column: int | None
    path: str
    message: str
    severity: str = "error"  # "error" | "warning"
    source: str = ""  # the line of the file, where showing it helps (a YAML syntax error): shown with a caret

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line or 0, self.column or 0, self.path)

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        label = "waarschuwing: " if self.severity == "warning" else ""
        path = f" {self.path}:" if self.path else ""
        return f"{where}:{path} {label}{self.message}"


class Warned(NamedTuple):
    """A warning that each of many inputs can give (a file, a row, a column). Alone it is said as `text`;
    many of one `kind` are said once, with their count and the first examples (render/common/perkind.py)."""

    text: str  # the warning in full: alone, and each one with --verbose
    kind: str = ""  # what many of this kind say together, "{n}" standing for their count; "": the text is its kind
    example: str = ""  # how this one is named among the examples (a file, a row, a code)


class ScanError(Exception):
    """Base of every error meant for the user; `exit_code` follows docs/formats.md section 5."""

    exit_code = 1


class InputError(ScanError):
    """An input file failed validation; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        self.problems = tuple(sorted(problems, key=lambda p: p.sort_key))
        super().__init__("\n".join(str(p) for p in self.problems))


class UsageError(ScanError):
    """The command line asks for something impossible (exit 2)."""

    exit_code = 2


class OptionError(UsageError):
    """An option's value that the bank does not know, such as `--type x` (exit 2); the CLI names the
    option and the help, as for any other wrong command line."""

    def __init__(self, option: str, message: str) -> None:
        super().__init__(message)
        self.option = option


def file_problem(file: str, message: str) -> InputError:
    """An error about a whole file (cannot be read, too large), without a line."""
    return InputError([Problem(file, None, None, "", message)])


_OS_REASONS = {
    "ENOENT": "bestaat niet",
    "EACCES": "geen toegang",
    "EPERM": "geen toestemming",
    "EEXIST": "een deel van het pad is een bestand, geen map",
    "ENOTDIR": "een deel van het pad is een bestand, geen map",
    "EISDIR": "dit is een map, geen bestand",
    "ENOSPC": "de schijf is vol",
    "EROFS": "alleen-lezen bestandssysteem",
    "ENAMETOOLONG": "de naam is te lang",
}


def os_reason(exc: OSError) -> str:
    """Why the system refused, in Dutch where we know the reason (the system's text otherwise)."""
    import errno

    name = errno.errorcode.get(exc.errno or 0, "")
    return _OS_REASONS.get(name, exc.strerror or str(exc))
