"""The shape of the package (STYLE): a pure core, UI libraries at the edges, no network."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "ontwikkelscan"
CORE = ["errors.py", "models.py", *(str(p.relative_to(PACKAGE)) for sub in ("files", "analysis") for p in (PACKAGE / sub).glob("*.py")),
        "scan/flow.py"]
NETWORK = {"socket", "urllib", "http", "ssl", "requests", "httpx", "ftplib", "smtplib"}


def imported(path: Path) -> set[str]:
    """Top-level names of every module `path` imports, lazily or not."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("module", CORE)
def test_core_knows_no_terminal(module: str) -> None:
    assert imported(PACKAGE / module) & {"rich", "typer", "questionary", "prompt_toolkit", "click"} == set()


def test_only_questionnaire_imports_questionary() -> None:
    users = sorted(str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py")
                   if imported(p) & {"questionary", "prompt_toolkit"})
    assert users == ["scan/questionnaire.py"]


def test_renderers_do_not_use_the_cli() -> None:
    for path in (PACKAGE / "render").glob("*.py"):
        assert imported(path) & {"typer", "questionary"} == set(), path.name


def test_no_network_anywhere() -> None:
    for path in PACKAGE.rglob("*.py"):
        assert imported(path) & NETWORK == set(), path.name


def test_no_module_is_a_monolith() -> None:
    sizes = {str(p.relative_to(PACKAGE)): len(p.read_text(encoding="utf-8").splitlines()) for p in PACKAGE.rglob("*.py")}
    assert {name: n for name, n in sizes.items() if n > 320} == {}


# models <- files <- analysis <- render <- scan <- cli: a module may import its own layer and those to its left
LAYERS = {"errors": 0, "models": 0, "files": 1, "analysis": 2, "render": 3, "scan": 4, "cli": 5, "entry": 6,
          "__main__": 6, "__init__": 0}


def layer(module: str) -> int:
    """The layer of a dotted module name inside the package, such as 'ontwikkelscan.render.report.text'."""
    parts = module.split(".")[1:] or ["__init__"]
    return LAYERS.get(parts[0], 0)  # a name from the package itself (__version__)


def package_imports(path: Path) -> set[str]:
    """Every module of the package that `path` imports, lazily or not, as an absolute dotted name."""
    here = ["ontwikkelscan", *path.relative_to(PACKAGE).with_suffix("").parts][:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[:len(here) - node.level + 1]
                name = ".".join([*base, *([node.module] if node.module else [])])
            else:
                name = node.module or ""
            if name.startswith("ontwikkelscan"):
                found |= {name} if node.module else {f"{name}.{alias.name}" for alias in node.names}
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("ontwikkelscan")}
    return found


def test_imports_point_one_way() -> None:
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        own = "ontwikkelscan." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
        for target in package_imports(path):
            if layer(target) > layer(own):
                wrong.append(f"{own} imports {target}")
    assert wrong == []


def test_the_layer_check_sees_a_wrong_import() -> None:
    assert layer("ontwikkelscan.cli.base") > layer("ontwikkelscan.render.report.text") > layer("ontwikkelscan.files.bank")
    assert package_imports(PACKAGE / "render" / "report" / "text.py") >= {"ontwikkelscan.models", "ontwikkelscan.render.formats"}
    assert "ontwikkelscan.analysis.batch" in package_imports(PACKAGE / "cli" / "progress.py")


def test_command_modules_do_not_import_each_other() -> None:
    """A command module that others import from is a service hiding in the face (STYLE): move it down."""
    for path in (PACKAGE / "cli" / "commands").glob("*.py"):
        assert {m for m in package_imports(path) if m.startswith("ontwikkelscan.cli.commands")} == set(), path.name


def test_only_the_adapter_imports_typers_private_modules() -> None:
    users = sorted(str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py")
                   if re.search(r"^\s*(from|import) typer\._|\._extract_default|\._get_default_string",
                                p.read_text(encoding="utf-8"), re.MULTILINE))
    assert users == ["cli/typer_private.py"]
