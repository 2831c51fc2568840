"""The shape of the package (STYLE): a pure core, UI libraries at the edges, no network."""

from __future__ import annotations

import ast
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
