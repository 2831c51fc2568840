"""The shape of the package (STYLE): a pure core, UI libraries at the edges, no network.

Every rule is a function of the package's root folder that returns its violations, and walks the
folders recursively: a module in a nested folder (files/survey/, render/feedback/) is held to the
rules of its layer. Each rule is run twice: on the package (no violations) and on a copy with one
violation planted in a nested module (exactly that one is found), so that a rule that stops looking
fails a test.
"""

from __future__ import annotations

import ast
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "ontwikkelscan"
TERMINAL = {"rich", "typer", "questionary", "prompt_toolkit", "click"}
NETWORK = {"socket", "urllib", "http", "ssl", "requests", "httpx", "ftplib", "smtplib"}
MAX_LINES = 320
# models <- files <- analysis <- render <- scan <- cli: a module may import its own layer and those to its left
LAYERS = {"errors": 0, "models": 0, "rules": 0, "names": 0, "files": 1, "analysis": 2, "render": 3, "scan": 4, "cli": 5, "entry": 6,
          "__main__": 6, "__init__": 0}


def modules(root: Path, under: str = "") -> list[Path]:
    """Every module below `root / under`, at any depth, in a stable order."""
    return sorted(p for p in (root / under).rglob("*.py") if "__pycache__" not in p.parts)


def name(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def imported(path: Path) -> set[str]:
    """Top-level names of every module `path` imports, lazily or not (relative imports are the package's own)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def package_imports(root: Path, path: Path) -> set[str]:
    """Every module of the package that `path` imports, lazily or not, as an absolute dotted name."""
    here = ["ontwikkelscan", *path.relative_to(root).with_suffix("").parts][:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[:len(here) - node.level + 1]
                dotted = ".".join([*base, *([node.module] if node.module else [])])
            else:
                dotted = node.module or ""
            if dotted.startswith("ontwikkelscan"):
                found |= {dotted} if node.module else {f"{dotted}.{alias.name}" for alias in node.names}
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("ontwikkelscan")}
    return found


def layer(module: str) -> int:
    """The layer of a dotted module name inside the package, such as 'ontwikkelscan.render.report.text'."""
    parts = module.split(".")[1:] or ["__init__"]
    return LAYERS.get(parts[0], 0)  # a name from the package itself (__version__)


def core(root: Path) -> list[Path]:
    """The pure core: models, errors and rules, files/ and analysis/ at any depth, and the scan's state machine."""
    return [root / "errors.py", root / "models.py", root / "rules.py", root / "names.py", *modules(root, "files"),
            *modules(root, "analysis"), root / "scan" / "flow.py"]


# The rules: each returns what breaks it, as "module: what"

def core_knows_no_terminal(root: Path) -> list[str]:
    return [f"{name(root, p)}: {sorted(imported(p) & TERMINAL)}" for p in core(root) if imported(p) & TERMINAL]


def only_questionnaire_imports_questionary(root: Path) -> list[str]:
    return [name(root, p) for p in modules(root) if imported(p) & {"questionary", "prompt_toolkit"}
            and name(root, p) != "scan/questionnaire.py"]


def renderers_do_not_use_the_cli(root: Path) -> list[str]:
    cli = {"typer", "click", "questionary", "prompt_toolkit"}
    wrong = [f"{name(root, p)}: {sorted(imported(p) & cli)}" for p in modules(root, "render") if imported(p) & cli]
    return wrong + [f"{name(root, p)}: {m}" for p in modules(root, "render") for m in sorted(package_imports(root, p))
                    if layer(m) > LAYERS["render"]]


def render_kinds_import_only_themselves_and_common(root: Path) -> list[str]:
    """render/<kind>/ imports its own kind, render/common/ and render/formats.py; what two kinds share is common."""
    wrong = []
    for path in modules(root, "render"):
        parts = path.relative_to(root / "render").parts
        if len(parts) < 2 or parts[0] == "common":
            continue
        allowed = (f"ontwikkelscan.render.{parts[0]}", "ontwikkelscan.render.common", "ontwikkelscan.render.formats")
        wrong += [f"{name(root, path)}: {m}" for m in sorted(package_imports(root, path))
                  if m.startswith("ontwikkelscan.render") and not any(m == a or m.startswith(a + ".") for a in allowed)]
    return wrong


def package_inits_import_nothing(root: Path) -> list[str]:
    """Start-up: importing a package costs nothing, so a run loads only the modules it uses (cli/ is the app)."""
    return [name(root, p) for p in modules(root) if p.name == "__init__.py" and name(root, p) != "cli/__init__.py"
            and any(isinstance(n, (ast.Import, ast.ImportFrom)) for n in ast.walk(ast.parse(p.read_text("utf-8"))))]


def no_network_anywhere(root: Path) -> list[str]:
    return [f"{name(root, p)}: {sorted(imported(p) & NETWORK)}" for p in modules(root) if imported(p) & NETWORK]


def no_module_is_a_monolith(root: Path) -> list[str]:
    sizes = {name(root, p): len(p.read_text(encoding="utf-8").splitlines()) for p in modules(root)}
    return [f"{module}: {n} lines" for module, n in sizes.items() if n > MAX_LINES]


def imports_point_one_way(root: Path) -> list[str]:
    wrong = []
    for path in modules(root):
        own = "ontwikkelscan." + ".".join(path.relative_to(root).with_suffix("").parts)
        wrong += [f"{own} imports {target}" for target in sorted(package_imports(root, path)) if layer(target) > layer(own)]
    return wrong


def command_modules_do_not_import_each_other(root: Path) -> list[str]:
    """A command module that others import from is a service hiding in the face (STYLE): move it down."""
    return [f"{name(root, p)}: {m}" for p in modules(root, "cli/commands") for m in sorted(package_imports(root, p))
            if m.startswith("ontwikkelscan.cli.commands")]


def only_the_adapter_imports_typers_private_modules(root: Path) -> list[str]:
    private = re.compile(r"^\s*(from|import) typer\._|\._extract_default|\._get_default_string", re.MULTILINE)
    return [name(root, p) for p in modules(root) if private.search(p.read_text(encoding="utf-8"))
            and name(root, p) != "cli/typer_private.py"]


# Each rule with a violation to plant in a nested module: (module, text appended to it)
RULES: dict[Callable[[Path], list[str]], tuple[str, str]] = {
    core_knows_no_terminal: ("files/survey/values.py", "import typer\n"),
    only_questionnaire_imports_questionary: ("render/feedback/view.py", "def ask():\n    import questionary\n"),
    renderers_do_not_use_the_cli: ("render/common/termtable.py", "from typer import Exit\n"),
    render_kinds_import_only_themselves_and_common: ("render/cohort/view.py", "from ..report.balance import TOLERANCE\n"),
    package_inits_import_nothing: ("render/report/__init__.py", "from .text import render_text\n"),
    no_network_anywhere: ("files/survey/values.py", "def fetch():\n    import urllib.request\n"),
    no_module_is_a_monolith: ("files/survey/values.py", "\n" * MAX_LINES),
    imports_point_one_way: ("files/survey/values.py", "from ...render.common.view import nl\n"),
    command_modules_do_not_import_each_other: ("cli/commands/report.py", "from .cohort import cohort\n"),
    only_the_adapter_imports_typers_private_modules: ("files/survey/values.py", "from typer._types import x\n"),
}


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.__name__)
def test_the_package_keeps_the_rule(rule: Callable[[Path], list[str]]) -> None:
    assert rule(PACKAGE) == []


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("package") / "ontwikkelscan"
    shutil.copytree(PACKAGE, target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.__name__)
def test_a_planted_violation_in_a_nested_module_is_found(rule: Callable[[Path], list[str]], copy: Path) -> None:
    module, text = RULES[rule]
    path = copy / module
    original = path.read_text(encoding="utf-8")
    path.write_text(original + text, encoding="utf-8")
    try:
        found = rule(copy)
    finally:
        path.write_text(original, encoding="utf-8")
    dotted = "ontwikkelscan." + module.removesuffix(".py").replace("/", ".")
    assert len(found) == 1, found
    assert found[0].startswith((module, dotted + " ")), found


def test_the_core_reaches_nested_folders() -> None:
    assert {"files/survey/values.py", "scan/flow.py", "models.py"} <= {name(PACKAGE, p) for p in core(PACKAGE)}


def test_the_layer_check_sees_a_wrong_import() -> None:
    assert layer("ontwikkelscan.cli.base") > layer("ontwikkelscan.render.report.text") > layer("ontwikkelscan.files.bank")
    assert package_imports(PACKAGE, PACKAGE / "render" / "report" / "text.py") >= {"ontwikkelscan.models",
                                                                                  "ontwikkelscan.render.formats"}
    assert "ontwikkelscan.analysis.batch" in package_imports(PACKAGE, PACKAGE / "cli" / "progress.py")


def test_every_command_printed_for_copying_is_quoted_for_the_shell() -> None:
    """A command in a message or document with a value filled in (`ontwikkelscan scan --round {folder}`) goes
    through files/commandline.command(), which quotes `ronde Jansen` so that a pasted command runs."""
    import ast

    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                text = "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
                if re.search(r"ontwikkelscan [a-z-]+[^`)\n]*\{\}", text):
                    found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}: {text}")
    assert found == []
