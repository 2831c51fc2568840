"""Shared fixtures: small banks written to tmp_path, so tests never depend on the shipped content."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from ontwikkelscan.files.bank import load_bank
from ontwikkelscan.models import Bank

COMPETENCIES = """\
competencies:
  - id: alpha
    name: Alfa
    kind: core
    definition: "Eerste kerncompetentie."
    tips: ["Tip A1", "Tip A2"]
  - id: beta
    name: Bèta
    kind: core
    definition: "Tweede kerncompetentie."
  - id: gamma
    name: Gamma
    kind: situational
    definition: "Een situatiegebonden competentie."
municipality_types:
  regie:
    name: Regiegemeente
    targets: {alpha: 4, beta: 3, gamma: 4}
  beheer:
    name: Beheergemeente
    targets: {alpha: 3, beta: 4}
"""

QUESTIONS = """\
version: "t1"
scale:
  min: 1
  max: 5
  labels: {1: "nooit", 2: "soms", 3: "regelmatig", 4: "vaak", 5: "altijd"}
  not_applicable: "weet ik niet / n.v.t."
questions:
  - {id: a-1, competency: alpha, text: "Ik doe A1."}
  - {id: a-2, competency: alpha, text: "Ik doe A2.", reverse: true}
  - {id: a-3, competency: alpha, text: "Ik doe A3.", weight: 2}
  - {id: a-4, competency: alpha, text: "Ik doe A4."}
  - {id: b-1, competency: beta, text: "Ik doe B1."}
  - {id: b-2, competency: beta, text: "Ik doe B2."}
  - {id: b-3, competency: beta, text: "Ik doe B3.", reverse: true}
  - {id: g-1, competency: gamma, text: "Ik doe G1."}
  - {id: g-2, competency: gamma, text: "Ik doe G2."}
  - {id: g-3, competency: gamma, text: "Ik doe G3."}
"""

BankMaker = Callable[..., Path]

# No test is timed (speed is measured in bench/): Hypothesis' per-example deadline would fail a test on
# a busy machine. Settings given on a test still win.
settings.register_profile("ontwikkelscan", deadline=None)
settings.load_profile("ontwikkelscan")


def fixture_bank() -> Bank:
    """The fixture bank outside a test function: hypothesis tests cannot use function-scoped fixtures."""
    return bank_outside_a_test(COMPETENCIES, QUESTIONS)


def bank_outside_a_test(competencies: str | None = None, questions: str | None = None) -> Bank:
    """Load a bank at import time, before the cache fixture is in place: from its two texts (in a
    temporary folder that is removed again), or the shipped bank when none are given. The cache is
    switched off for this load: it must never reach the user's cache."""
    import os
    import tempfile

    saved = os.environ.get("ONTWIKKELSCAN_CACHE_DIR")
    os.environ["ONTWIKKELSCAN_CACHE_DIR"] = ""
    try:
        if competencies is None or questions is None:
            return load_bank(None)
        with tempfile.TemporaryDirectory(prefix="ontwikkelscan-bank-") as name:
            folder = Path(name)
            (folder / "competencies.yaml").write_text(competencies, encoding="utf-8")
            (folder / "questions.yaml").write_text(questions, encoding="utf-8")
            return load_bank(folder)
    finally:
        if saved is None:
            del os.environ["ONTWIKKELSCAN_CACHE_DIR"]
        else:
            os.environ["ONTWIKKELSCAN_CACHE_DIR"] = saved


@pytest.fixture
def make_bank(tmp_path: Path) -> BankMaker:
    """Write a bank folder; pass `competencies=` / `questions=` YAML text to change a file."""

    def make(competencies: str = COMPETENCIES, questions: str = QUESTIONS, name: str = "bank") -> Path:
        folder = tmp_path / name
        folder.mkdir(exist_ok=True)
        (folder / "competencies.yaml").write_text(textwrap.dedent(competencies), encoding="utf-8")
        (folder / "questions.yaml").write_text(textwrap.dedent(questions), encoding="utf-8")
        return folder

    return make


@pytest.fixture
def bank_dir(make_bank: BankMaker) -> Path:
    return make_bank()


@pytest.fixture
def bank(bank_dir: Path) -> Bank:
    return load_bank(bank_dir)


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str], Path]:
    """Write a text file (dedented) under tmp_path and return its path."""

    def write_file(name: str, text: str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write_file


@pytest.fixture(autouse=True, scope="session")
def _session_bank_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Module- and session-scoped fixtures run before the per-test cache below: they get this one."""
    folder = tmp_path_factory.mktemp("session-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ONTWIKKELSCAN_CACHE_DIR", str(folder))
        patch.setenv("ONTWIKKELSCAN_STATE_DIR", str(tmp_path_factory.mktemp("session-state")))
        yield folder


@pytest.fixture(autouse=True)
def _private_bank_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test starts with an empty bank cache of its own, never the user's."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("ONTWIKKELSCAN_CACHE_DIR", str(folder))
    monkeypatch.setenv("ONTWIKKELSCAN_STATE_DIR", str(tmp_path_factory.mktemp("state")))  # crash logs
    return folder
