"""Open comments in the round report (docs/formats.md section 6.3): who is shown where, the floor, the order, and hostile
text escaped in every format."""

from __future__ import annotations

import json

from ontwikkelscan.analysis.comments import comment_blocks
from ontwikkelscan.analysis.feedback import feedback
from ontwikkelscan.files.comments import attach_comments
from ontwikkelscan.models import AnswerSheet
from ontwikkelscan.render.feedback.htmlout import render_feedback_html
from ontwikkelscan.render.feedback.jsonout import render_feedback_json
from ontwikkelscan.render.feedback.markdown import render_feedback_md
from ontwikkelscan.render.feedback.text import render_feedback_table
from ontwikkelscan.render.formats import PLAIN

from .roundkit import ROUND, rater_bank, uniform

BANK = rater_bank(3)
HOSTILE = ("<script>alert(1)</script> [bold red]luid[/bold red] **vet** | kolom | # kop\n"
           "\x1b[31mrood\x07 \u202eesrever\u202c " + "x" * 120)


def rater(group: str, source: str, **comments: str) -> AnswerSheet:
    return attach_comments(uniform(group, 4, source=source), comments, BANK)


def round_sheets(anonymous_writers: int) -> list[AnswerSheet]:
    texts = ["Zeer goed bereikbaar.", "beter plannen.", HOSTILE, "Altijd rustig."][:anonymous_writers]
    groups = ["medewerkers", "wethouders", "directie", "medewerkers"]
    return [rater("self", "s.yaml", blijven="Mijn rust."),
            rater("burgemeester", "b.yaml", blijven="Het overleg op maandag."),
            *[rater(g, f"a{i}.yaml", blijven=t) for i, (g, t) in enumerate(zip(groups, texts))],
            *[rater("directie", f"x{i}.yaml") for i in range(3)]]


def test_below_the_floor_the_pool_is_held_back_and_counted() -> None:
    blocks = comment_blocks(BANK, round_sheets(2))
    assert [(b.question.id, b.own, b.named, b.pooled, b.anonymous) for b in blocks] == [
        ("blijven", "Mijn rust.", (("burgemeester", ("Het overleg op maandag.",)),), None, 2),
        ("anders", None, (), (), 0)]
    text = render_feedback_table(feedback(BANK, ROUND, round_sheets(2), BANK.types["regie"]), PLAIN)
    tail = text[text.index("\nOpmerkingen\n"):]
    assert tail.splitlines() == [
        "", "Opmerkingen",
        "  Letterlijk zoals geschreven. De opmerkingen van anonieme beoordelaars staan",
        "  samen op één lijst, zonder groep, op volgorde van de tekst.", "",
        "  Wat moet zij blijven doen?", "    Zelf", "      • Mijn rust.", "    Burgemeester",
        "      • Het overleg op maandag.",
        "    2 opmerkingen van anonieme beoordelaars, achtergehouden: die worden pas",
        "    getoond als minstens 3 anonieme beoordelaars iets bij deze vraag schreven.", "",
        "  Wat kan zij anders doen?", "    Geen opmerkingen."]
    assert "Zeer goed" not in text and "beter plannen" not in text
    data = json.loads(render_feedback_json(feedback(BANK, ROUND, round_sheets(2), BANK.types["regie"])))
    assert data["comments"][0]["anonymous"] == {"n": 2, "comments": None, "held_back": True}
    assert "Zeer goed" not in json.dumps(data)


def test_at_the_floor_all_anonymous_comments_pool_sorted_by_text_without_groups() -> None:
    blocks = comment_blocks(BANK, round_sheets(4))
    assert blocks[0].pooled == (HOSTILE, "Altijd rustig.", "beter plannen.",
                                "Zeer goed bereikbaar.")
    report = feedback(BANK, ROUND, round_sheets(4), BANK.types["regie"])
    data = json.loads(render_feedback_json(report))["comments"]
    assert data[0] == {"id": "blijven", "text": "Wat wilt u blijven doen?", "observer": "Wat moet zij blijven doen?",
                       "self": "Mijn rust.", "groups": {"burgemeester": ["Het overleg op maandag."]},
                       "anonymous": {"n": 4, "comments": [HOSTILE, "Altijd rustig.", "beter plannen.",
                                                          "Zeer goed bereikbaar."], "held_back": False}}
    text = render_feedback_table(report, PLAIN)
    assert "Medewerkers\n" not in text[text.index("\nOpmerkingen\n"):]  # never split by group


def test_hostile_text_is_escaped_and_wrapped_in_every_format() -> None:
    report = feedback(BANK, ROUND, round_sheets(4), BANK.types["regie"])
    text = render_feedback_table(report, PLAIN)
    assert all(len(line) <= 80 for line in text.splitlines())
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    tail = text[text.index("\nOpmerkingen\n"):]
    assert ("      • <script>alert(1)</script> [bold red]luid[/bold red] **vet** | kolom | #\n        kop\n"
            "        \\x1b[31mrood\\x07 \\u202eesrever\\u202c\n"
            f"        {'x' * 72}\n        {'x' * 48}\n      • Altijd rustig.\n") in tail  # a long word is cut
    md = render_feedback_md(report)
    assert ("- \\<script>alert(1)\\</script> \\[bold red\\]luid\\[/bold red\\] \\*\\*vet\\*\\* \\| kolom \\| # kop  \n"
            "  \\\\x1b\\[31mrood\\\\x07 \\\\u202eesrever\\\\u202c " + "x" * 120 + "\n- Altijd rustig.\n") in md
    assert "\x1b" not in md
    html = render_feedback_html(report)
    assert ('<li class="comment">&lt;script&gt;alert(1)&lt;/script&gt; [bold red]luid[/bold red] **vet** | kolom | '
            "# kop<br>\\x1b[31mrood\\x07 \\u202eesrever\\u202c " + "x" * 120 + "</li>") in html
    assert "<script>" not in html and "\x1b" not in html
    assert '<p class="sub">Anonieme beoordelaars (samen)</p>' in html
