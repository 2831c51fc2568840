"""`feedback forms ROUND --format guide`: how the coach builds the rater survey in Microsoft Forms, Google
Forms, LimeSurvey or Qualtrics, with the exact texts to paste (survey.py) and the download to choose.

The guide is a list of blocks, written as Markdown or as one HTML page; what import-csv needs from the
survey (the texts as headings, the scale labels as answers, the group question) is in the steps, so
that an export of a survey built this way goes in with no edit.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from ...files.commandline import command as shell_command
from ..formats import PLAIN, Options
from .forms import Form
from .survey import Survey, survey


class Block(NamedTuple):
    kind: str  # h1 | h2 | h3 | p | steps | paste | code
    text: str = ""
    lines: tuple[str, ...] = ()


def _blocks(form: Form) -> list[Block]:
    s = survey(form)
    folder = str(Path(form.round.source).parent) if form.round.source else "RONDEMAP"
    n = len(s.matrices)
    out = [Block("h1", f"De enquête voor {s.group} bouwen: ronde {form.round.id}"),
           Block("p", f"Voor de coach. Deze gids zegt per enquêtetool hoe u de vragenlijst voor {s.group} maakt, "
                      "met de teksten om te plakken, en welke download u kiest. Neem de teksten letterlijk over "
                      "(een punt of hoofdletter meer of minder maakt niet uit): daaraan herkent "
                      "`ontwikkelscan import-csv` de kolommen, zodat de export er zonder bewerking in gaat."),
           Block("h2", "1. De teksten (voor elke tool dezelfde)"),
           Block("paste", "Titel:", (s.title,)),
           Block("paste", "Inleiding (de beschrijving van de enquête):", s.intro)]
    if s.group_question:
        out += [Block("paste", f"Vraag `{s.group_question}` (één keuze, verplicht); de keuzes:", s.groups),
                Block("p", "Eén enquête dient zo alle groepen: elke rij komt in de groep die de beoordelaar kiest. "
                           "Laat de namen van de groepen zoals ze hier staan.")]
    out.append(Block("paste", "De schaal: de kolommen van elke matrix, in deze volgorde:", s.scale))
    out.append(Block("p", f"Per competentie één matrix ({n} in totaal), met de naam van de competentie als titel "
                          "en de uitspraken in deze volgorde als rijen."))
    for number, matrix in enumerate(s.matrices, 1):
        out.append(Block("paste", f"Vraag {number} van {n}: `{matrix.title}`; de uitspraken (de rijen):",
                         matrix.statements))
    if s.comments:
        out.append(Block("paste", "Open vragen (lang antwoord, niet verplicht), elke regel een eigen vraag:",
                         s.comments))
    for title, steps in _tools(s, n):
        out += [Block("h2", title), Block("steps", lines=tuple(steps))]
    rater = ("--rater", form.rater) if form.rater is not None else ()
    command = shell_command("import-csv", "EXPORT", "--round", folder, *rater)
    out += [Block("h2", "6. Inlezen"),
            Block("p", "Lees de download in zoals hij is, ook als er later meer antwoorden bij komen (wat al is "
                       "ingelezen, wordt overgeslagen):"),
            Block("code", lines=(command,)),
            Block("p", "Naam, e-mailadres, IP-adres, locatie, tijden en het antwoord-id van de tool komen niet in "
                       "de antwoordbestanden van anonieme beoordelaars; één waarschuwing noemt de kolommen die zijn "
                       "weggelaten. Bewaar de export niet in de rondemap en verwijder hem na het inlezen.")]
    return out


def _tools(s: Survey, n: int) -> list[tuple[str, list[str]]]:
    anonymous = s.group != "de secretaris zelf"
    scale = len(s.scale)
    group = s.group_question
    forms = ["Ga naar forms.office.com: **Nieuw formulier**. Plak de **Titel** en, onder de titel, de **Inleiding**.",
             "**…** → **Instellingen**: kies **Iedereen kan antwoorden**, of binnen uw organisatie met **Naam "
             "vastleggen** uit" + (" (zo komt er geen naam of e-mailadres in de export)." if anonymous else "."),
             *([f"**Nieuwe vraag** → **Keuze**: vraag `{group}`, de keuzes zoals hierboven, **Verplicht** aan."]
               if group else []),
             f"Per competentie (vraag 1 tot en met {n}): **Nieuwe vraag** → **⌄** → **Likert**. Plak de naam als "
             f"vraag, de {scale} schaalpunten als **Opties** en de uitspraken als **Uitspraken**, één per regel. "
             "Laat **Verplicht** uit: een beoordelaar mag een uitspraak overslaan.",
             *(["Per open vraag: **Nieuwe vraag** → **Tekst**, **Lang antwoord** aan."] if s.comments else []),
             "**Verzamelen van antwoorden** (of **Verzenden**): kopieer de koppeling voor de uitnodiging.",
             "Download: **Antwoorden** → **Openen in Excel**. Het .xlsx-bestand gaat er zo in."]
    google = ["Ga naar forms.google.com: **Leeg formulier**. Plak de **Titel** en de **Inleiding** als "
              "formulierbeschrijving.",
              "**Instellingen** → **Antwoorden**: **E-mailadressen verzamelen** op **Niet verzamelen**, **Beperken "
              "tot 1 reactie** uit (dat vraagt om in te loggen) en **Antwoorden bewerken na verzenden** uit.",
              *([f"Vraag van het type **Meerkeuze**: `{group}`, de keuzes zoals hierboven, **Verplicht** aan."]
                if group else []),
              f"Per competentie (vraag 1 tot en met {n}): een vraag van het type **Raster met meerkeuzevragen**. "
              "Plak de naam als vraag, de uitspraken als **Rijen** en de schaalpunten als **Kolommen**. Laat "
              "**Een reactie vereisen in elke rij** uit.",
              *(["Per open vraag: een vraag van het type **Alinea**."] if s.comments else []),
              "**Verzenden** → de koppeling.",
              "Download: **Antwoorden** → **⋮** → **Antwoorden downloaden (.csv)** (pak het zip-bestand uit), of "
              "in de gekoppelde Sheet **Bestand** → **Downloaden** → **.csv**."]
    lime = ["**Enquête maken**: plak de **Titel** als enquêtetitel en de **Inleiding** als **Welkomsttekst**.",
            "**Deelnemersinstellingen**: **Geanonimiseerde antwoorden** aan. **Meldingen & gegevens**: "
            "**Datumstempel**, **IP-adres opslaan**, **Verwijzende URL opslaan** en **Tijden opslaan** uit.",
            *([f"Een vraag van het type **Lijst (radio)**: `{group}`, de keuzes als antwoordopties, **Verplicht** "
               "aan."] if group else []),
            f"Per competentie (vraag 1 tot en met {n}): een vraag van het type **Array**. Plak de naam als "
            "vraagtekst, de uitspraken als **subvragen** en de schaalpunten als **antwoordopties** (in deze "
            "volgorde, `weet ik niet` als laatste).",
            *(["Per open vraag: een vraag van het type **Lange vrije tekst**."] if s.comments else []),
            "**Activeren** en de link van de enquête delen.",
            "Download: **Antwoorden** → **Exporteren** → **Antwoorden exporteren**: formaat **CSV**, koppen "
            "**Volledige vraagtekst**, antwoorden **Volledige antwoorden**. (Met vraag- en antwoordcodes kan ook; "
            "dan eerst `import-csv EXPORT --write-columns koppeling.yaml`, zie docs/coach.md.)"]
    qualtrics = ["**Create a new project** → **Survey**. Plak de **Inleiding** in een vraag **Text / Graphic** "
                 "bovenaan en gebruik de **Titel** als naam van de enquête.",
                 "**Survey options** → **Security**: **Anonymize responses** aan (dan geen IP-adres en locatie).",
                 *([f"Een vraag **Multiple choice**: `{group}`, de keuzes zoals hierboven, **Force response** aan."]
                   if group else []),
                 f"Per competentie (vraag 1 tot en met {n}): een **Matrix table** (Likert, single answer). Plak de "
                 f"naam als vraagtekst, de uitspraken als **statements** en de {scale} schaalpunten als **scale "
                 "points**.",
                 *(["Per open vraag: een vraag **Text entry**, **Essay text box**."] if s.comments else []),
                 "**Distributions** → **Anonymous link**.",
                 "Download: **Data & Analysis** → **Export & Import** → **Export data** → **CSV**, met **Use choice "
                 "text** (niet \"Use numeric values\")."]
    return [("2. Microsoft Forms", forms), ("3. Google Forms", google), ("4. LimeSurvey", lime),
            ("5. Qualtrics", qualtrics)]


def render_guide_md(form: Form, options: Options = PLAIN) -> str:
    out: list[str] = []
    for block in _blocks(form):
        if block.kind in ("h1", "h2", "h3"):
            out += ["#" * int(block.kind[1]) + " " + block.text, ""]
        elif block.kind == "p":
            out += [block.text, ""]
        elif block.kind == "steps":
            out += [f"{i}. {step}" for i, step in enumerate(block.lines, 1)] + [""]
        else:  # paste, code: verbatim, one line each, as they are pasted
            if block.text:
                out += [f"**{block.text}**", ""]
            out += ["```text" if block.kind == "paste" else "```sh", *block.lines, "```", ""]
    return "\n".join(out).rstrip("\n") + "\n"


_MARK = re.compile(r"\*\*(.+?)\*\*|`(.+?)`")


def _inline(text: str) -> str:
    from ..common.page import esc

    parts, last = [], 0
    for match in _MARK.finditer(text):
        parts.append(esc(text[last:match.start()]))
        bold, code = match.groups()
        parts.append(f"<strong>{esc(bold)}</strong>" if bold is not None else f"<code>{esc(code)}</code>")
        last = match.end()
    return "".join(parts) + esc(text[last:])


def render_guide_html(form: Form, options: Options = PLAIN) -> str:
    from ..common.page import esc, page

    body: list[str] = []
    title = ""
    for block in _blocks(form):
        if block.kind in ("h1", "h2", "h3"):
            title = title or block.text
            body.append(f"<{block.kind}>{_inline(block.text)}</{block.kind}>")
        elif block.kind == "p":
            body.append(f"<p>{_inline(block.text)}</p>")
        elif block.kind == "steps":
            body.append("<ol>" + "".join(f"<li>{_inline(step)}</li>" for step in block.lines) + "</ol>")
        else:
            label = f"<h3>{_inline(block.text)}</h3>" if block.text else ""
            body.append(f'<div class="keep">{label}<pre class="paste">{esc(chr(10).join(block.lines))}</pre></div>')
    return page(title, "\n".join(body))
