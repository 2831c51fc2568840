"""bench/floor.py's figure line (what `make bench` prints); no timing here."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_a_figure_is_its_ratio_goal_verdict_and_both_times() -> None:
    spec = importlib.util.spec_from_file_location("floor", ROOT / "bench" / "floor.py")
    assert spec is not None and spec.loader is not None
    floor = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(floor)
    fast = floor.Figure("report one.yaml", 0.071, "import typer, rich, yaml", 0.115, 0.8)
    assert fast.line() == " 0.62x  goal <= 0.80x  ok        report one.yaml: 71 ms against import typer, rich, yaml 115 ms"
    slow = floor.Figure("batch", 12.5, "parse", 10.0, 1.0)
    assert slow.line() == " 1.25x  goal <= 1.00x  TOO SLOW  batch: 12.5 s against parse 10.0 s"
