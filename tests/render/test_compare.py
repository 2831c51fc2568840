"""`compare --format html|md`: then, now and the target, for two scans and for a group."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from ontwikkelscan.cli import app

from .test_report_html import assert_self_contained

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    jansen = EXAMPLES / "jansen.yaml"
    result = runner.invoke(app, ["compare", str(jansen), str(jansen), *args])
    # the same file twice: the warning says so (tests/test_compare.py); the rendering is what is tested here
    same = (f"waarschuwing: {jansen} en {jansen} zijn hetzelfde bestand; de vergelijking kan geen verandering laten "
            "zien. Bedoelde u een andere scan?\n")
    assert result.stderr.startswith(same)
    return result.exit_code, result.stdout, result.stderr.removeprefix(same)


def test_compare_markdown_of_one_person() -> None:
    code, out, err = run("--format", "md")
    assert (code, err) == (0, "")
    assert out.startswith("# Ontwikkelscan: voortgang · A. Jansen\n\n- **Gemeente:** Gemeente Voorbeeldrecht\n")
    assert "| Competentie | Toen | Nu | Verandering | Status toen | Status nu |" in out
    assert re.search(r"\n\| Netwerkvaardigheid \| (\d,\d) \| \1 \| 0,0 = \| ontwikkelpunt \| ontwikkelpunt \|\n", out)
    assert out.endswith("0 omhoog (↑), 0 omlaag (↓), 14 gelijk (=).\n")


def test_compare_html_is_self_contained_with_three_series() -> None:
    code, out, err = run("--format", "html")
    assert (code, err) == (0, "")
    parsed = assert_self_contained(out)
    text = "".join(parsed.text)
    assert "Ontwikkelscan: voortgang · A. Jansen" in text and "Spinnenweb: toen, nu en het doel" in text
    assert out.count('class="series"') == 3 and 'id="voortgang-0-desc"' in out
