"""The one registry of output formats: (report kind, format) -> renderer.

Adding a format is one renderer module and one line in `FORMATS`; the command's `--format`
choices and their help follow from the registry, and `--csv-dialect` from `Format.csv`.

The contract for a renderer:

- It is a function `render(data, options: Options) -> str` in a module of this package,
  named in `FORMATS` as "module:function" (relative to `ontwikkelscan.render`). The module
  is imported only when its format is chosen, so that an unused format costs no start-up:
  import heavy libraries inside that module, never here.
- It returns the whole document as text and prints nothing; the CLI writes it (stdout,
  or an owner-only file with `--output`). A `binary=True` format (docx) returns bytes instead;
  the CLI writes those only to a file that `--output` names (cli/documents.py).
- `data` per kind (all records from models.py and analysis/):
    report         Iterable[Report]: every scan of the run, in input order. A batch passes a
                   generator: render each report as it comes and keep the text, not the
                   reports (thousands of live objects slow Python's garbage collector).
    cohort         analysis.cohort.Cohort
    compare        analysis.compare.CompareSet (two single scans: CompareSet.single)
    items          analysis.itemstats.ItemAnalysis (the bank is `options.bank`)
    competencies, profiles, bank    models.Bank
    feedback       analysis.feedback.FeedbackReport (a round, docs/formats.md section 6)
    forms          render.feedback.forms.Form (the questions of one rater group)
    status         analysis.roundstatus.RoundStatus (`feedback status`: counts only)
  Later kinds (plan) add their line here and say their data type above.
- `options` (`Options` below) says where the text goes: `width` and `color` for a terminal
  (`terminal` is true when stdout is one and there is no `--output`), `dialect` for CSV
  ("standard" or "excel-nl", see common/csvout.py), `bank` where the data does not carry it.

One document per scan: a format with `per_scan=True` (html, pdf, docx) makes one self-contained
document for one scan. The CLI (cli/documents.py) calls its renderer once per report (a
one-element list) and, with several scans, writes each into the `--output` folder as
`<name of the input>.<extension>`; the registry only declares it.

This module imports only the standard library: every command loads it.
"""

from __future__ import annotations

import importlib
from enum import Enum
from typing import Any, NamedTuple


class Options(NamedTuple):
    width: int = 100
    color: bool = False
    terminal: bool = False
    dialect: str = "standard"
    bank: Any = None  # models.Bank where the data does not carry it (items)
    shape: str = "long"  # report CSV: long (a row per respondent and competency) or wide (a row per respondent)


PLAIN = Options()  # plain text, 100 columns: for pipes, files and tests


class Format(NamedTuple):
    kind: str
    name: str
    target: str  # "module:function" in ontwikkelscan.render
    help: str  # Dutch, for the --format help
    csv: bool = False  # the command offers --csv-dialect
    per_scan: bool = False  # one document per scan (see the module docstring)
    binary: bool = False  # the renderer returns bytes (docx): written only to a file named with --output
    extension: str = "txt"


_TABLE = "tabel in het Nederlands"
FORMATS: tuple[Format, ...] = (
    Format("report", "table", "report.text:render_table_report", "leesbaar rapport"),
    Format("report", "json", "report.jsonout:render_json_report", "rapport volgens docs/formats.md, sectie 4 (een lijst "
           "bij meer respondenten)", extension="json"),
    Format("report", "jsonl", "report.jsonout:render_jsonl_report", "één JSON-object per regel", extension="jsonl"),
    Format("report", "csv", "report.csvout:render_csv_report", "één rij per respondent en competentie", csv=True,
           extension="csv"),
    Format("report", "md", "report.markdown:render_markdown_report", "Markdown voor Teams en chat (voor Word: docx)",
           extension="md"),
    Format("report", "html", "report.htmlout:render_html_report", "één HTML-bestand per scan, om te lezen en "
           "op A4 af te drukken", per_scan=True, extension="html"),
    Format("report", "pdf", "report.htmlout:render_html_report", "PDF per scan (via Chromium, Chrome of Edge "
           "op deze computer)", per_scan=True, extension="pdf"),
    Format("report", "docx", "report.docxout:render_docx_report", "Word-document per scan, om te bewerken "
           "(met --output)", per_scan=True, binary=True, extension="docx"),
    Format("plan", "md", "plan.markdown:render_plan_md", "Markdown om zelf verder te bewerken", extension="md"),
    Format("plan", "html", "plan.htmlout:render_plan_html", "HTML in de stijl van het rapport, om af te drukken",
           extension="html"),
    Format("plan", "docx", "plan.docxout:render_plan_docx", "Word-document om verder te schrijven, met vakken om "
           "in te vullen (met --output)", binary=True, extension="docx"),
    Format("cohort", "table", "cohort.terminal:render_cohort_table", _TABLE),
    Format("cohort", "json", "cohort.jsonout:render_cohort_json", "voor verdere verwerking", extension="json"),
    Format("cohort", "csv", "cohort.csvout:render_cohort_csv", "één rij per competentie", csv=True, extension="csv"),
    Format("cohort", "md", "cohort.markdown:render_cohort_md", "Markdown om te delen", extension="md"),
    Format("cohort", "html", "cohort.htmlout:render_cohort_html", "HTML met spinnenweb en statusverdeling, om af "
           "te drukken", extension="html"),
    Format("compare", "table", "compare.terminal:render_set_table", _TABLE),
    Format("compare", "json", "compare.jsonout:render_set_json", "voor verdere verwerking", extension="json"),
    Format("compare", "csv", "compare.csvout:render_set_csv", "één rij per respondent en competentie", csv=True,
           extension="csv"),
    Format("compare", "md", "compare.markdown:render_compare_md", "Markdown om te delen", extension="md"),
    Format("compare", "html", "compare.htmlout:render_compare_html", "HTML met spinnenweb van toen, nu en het doel",
           extension="html"),
    Format("items", "table", "bank.items:render_table", "leesbaar"),
    Format("items", "json", "bank.items:render_json", "voor verdere analyse (decimale punt)", extension="json"),
    Format("items", "csv", "bank.items:render_csv", "één rij per vraag", csv=True, extension="csv"),
    Format("competencies", "table", "bank.terminal:render_competencies", _TABLE),
    Format("profiles", "table", "bank.terminal:render_profiles", _TABLE),
    Format("bank", "table", "bank.text:render_bank", "overzicht als tekst"),
    Format("feedback", "table", "feedback.text:render_feedback_table", "leesbaar rapport"),
    Format("feedback", "json", "feedback.jsonout:render_feedback_json", "rapport volgens docs/formats.md, sectie 6",
           extension="json"),
    Format("feedback", "md", "feedback.markdown:render_feedback_md", "Markdown", extension="md"),
    Format("feedback", "html", "feedback.htmlout:render_feedback_html", "één HTML-bestand met spinnenweb, om te "
           "lezen en op A4 af te drukken", extension="html"),
    Format("feedback", "pdf", "feedback.htmlout:render_feedback_html", "PDF (via Chromium, Chrome of Edge op deze "
           "computer)", extension="pdf"),
    Format("feedback", "csv", "feedback.csvout:render_feedback_csv", "één rij per competentie", csv=True,
           extension="csv"),
    Format("status", "table", "feedback.status:render_status_table", _TABLE),
    Format("status", "json", "feedback.status:render_status_json", "voor scripts (alleen aantallen)",
           extension="json"),
    Format("forms", "yaml", "feedback.forms:render_form_yaml", "antwoordbestand om in te vullen (één groep)",
           extension="yaml"),
    Format("forms", "csv", "feedback.forms:render_form_csv", "kolomkoppen voor een enquêtetool", csv=True,
           extension="csv"),
    Format("forms", "html", "feedback.paper:render_form_html", "formulier om af te drukken (A4, hokjes om aan te "
           "kruisen, nummers voor feedback enter)", extension="html"),
    Format("forms", "pdf", "feedback.paper:render_form_html", "hetzelfde formulier als PDF (via Chromium, Chrome of "
           "Edge op deze computer)", extension="pdf"),
    Format("forms", "md", "feedback.forms:render_form_md", "vragenlijst in Markdown (zelfde nummers)", extension="md"),
    Format("forms", "guide", "feedback.toolguide:render_guide_md", "handleiding per enquêtetool met de teksten om "
           "te plakken (Markdown; HTML met -o GIDS.html)", extension="md"),
    Format("forms", "guide-html", "feedback.toolguide:render_guide_html", "dezelfde handleiding als HTML-pagina",
           extension="html"),
)


def formats(kind: str) -> dict[str, Format]:
    """The formats of a report kind, in registry order."""
    found = {f.name: f for f in FORMATS if f.kind == kind}
    if not found:
        raise KeyError(f"no formats registered for report kind {kind!r}")
    return found


def render(kind: str, name: str, data: Any, options: Options = PLAIN) -> str:
    """Render `data` of `kind` in format `name`; imports the renderer's module only now."""
    module, function = formats(kind)[name].target.split(":")
    renderer = getattr(importlib.import_module(f"{__package__}.{module}"), function)
    text: str = renderer(data, options)
    return text


def choices(kind: str) -> type[Enum]:
    """The --format choices of a kind as the str Enum that Typer wants."""
    enum: type[Enum] = Enum(f"{kind.title()}Format", {name: name for name in formats(kind)}, type=str)  # type: ignore[misc]
    return enum


def help_text(kind: str) -> str:
    """The --format help: every format with what it gives, in Dutch."""
    return "; ".join(f"{f.name}: {f.help}" for f in formats(kind).values()) + "."
