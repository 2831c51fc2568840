"""README.md of a new round folder: for the secretary, in plain Dutch (`feedback start`)."""

from __future__ import annotations

from pathlib import Path

from ...files.commandline import command
from ...models import Bank, Round

# Whom to invite, for the groups of the shipped bank; a bank's own groups get their name only.
WHO = {
    "burgemeester": "de burgemeester",
    "wethouders": "de wethouders",
    "directie": "directieleden en managers met wie u samenwerkt",
    "medewerkers": "medewerkers die direct met u werken (bijvoorbeeld uw staf en het secretariaat)",
    "ondernemingsraad": "leden van de ondernemingsraad",
    "partners": "externe partners: collega-secretarissen in de regio, ketenpartners, de accountant",
}


def guide(round_: Round, bank: Bank, folder: Path) -> str:
    raters = bank.raters
    assert raters is not None
    floor = raters.anonymity_floor
    name = round_.subject.get("name", "de secretaris")
    where = f" ({round_.subject['municipality']})" if round_.subject.get("municipality") else ""
    named = [g.name for g in raters.groups.values() if not g.anonymous]
    anonymous = [g.name for g in raters.groups.values() if g.anonymous]
    d = str(folder)
    lines = [
        f"# Feedbackronde {round_.id}: {name}{where}",
        "",
        "In deze ronde vraagt u anderen hoe zij uw gedrag zien, op dezelfde competenties als uw zelfscan. "
        "Het rapport zet uw eigen beeld naast dat van de anderen: waar u meer ziet dan zij (blinde vlekken), "
        "waar zij meer zien dan u (verborgen sterktes) en wat zij als ontwikkelpunt zien.",
        "",
        "## 1. Uw eigen scan",
        "",
        "    " + command("scan", "--round", d, "--rater", "self"),
        "",
        "## 2. Wie nodigt u uit",
        "",
        "| Groep | Wie | Getoond |",
        "|:--|:--|:--|",
    ]
    for gid, group in raters.groups.items():
        shown = "met naam, ook als er één antwoordt" if not group.anonymous else \
            f"anoniem, vanaf {floor} antwoorden"
        lines.append(f"| {group.name} | {WHO.get(gid, group.name.lower())} | {shown} |")
    lines += [
        "",
        f"Nodig per anonieme groep liever {floor + 2} of meer mensen uit dan {floor}: niet iedereen antwoordt, "
        "en een groep met te weinig antwoorden ziet u niet apart terug.",
        "",
        "## 3. Anonimiteit, in gewone woorden",
        "",
        f"- Antwoorden uit de groepen {_join(anonymous)} zijn anoniem. U ziet een groep alleen terug als "
        f"minstens {floor} mensen uit die groep hebben geantwoord.",
        f"- Een kleinere groep telt mee onder 'overige beoordelaars', samen met andere kleine groepen. Is dat "
        f"samen nog minder dan {floor}, dan komt ook de kleinste wel getoonde groep erbij, zodat niemand een "
        "antwoord kan terugrekenen door getallen van elkaar af te trekken.",
        f"- Hebben er in totaal minder dan {floor} mensen uit anonieme groepen geantwoord, dan ziet u van hen "
        "geen enkel getal, ook geen totaal.",
    ]
    if named:
        lines.append(f"- {_join(named)}: deze groep wordt met naam getoond, ook als er maar één persoon "
                     "antwoordt. Dat staat ook in hun vragenlijst.")
    lines += [
        "- Antwoordbestanden krijgen een willekeurige naam en bevatten geen naam van de beoordelaar. Laat de "
        "antwoorden bij voorkeur door uw coach of een vertrouwd derde verzamelen, en vraag niemand wat hij "
        "heeft ingevuld.",
        "",
        "## 4. Hoe anderen antwoorden",
        "",
        "Met ontwikkelscan (de vragen gaan over u, er wordt geen naam gevraagd):",
        "",
        "    " + command("scan", "--round", d, "--rater", "medewerkers"),
        "",
        "Op papier of per e-mail: druk een vragenlijst af, of stuur een antwoordbestand om in te vullen:",
        "",
        "    " + command("feedback", "forms", d, "--rater", "medewerkers", "--format", "md", "-o", "medewerkers.md"),
        "    " + command("feedback", "forms", d, "--rater", "medewerkers", "--format", "yaml", "-o", folder / "m-01.yaml"),
        "",
        "Met een enquêtetool (Microsoft Forms, Google Forms, LimeSurvey, Qualtrics): één enquête voor alle "
        "groepen, die de beoordelaar laat kiezen wie hij is. Hoe u hem bouwt, met de teksten om te plakken, staat in",
        "",
        "    " + command("feedback", "forms", d, "--format", "guide", "-o", "enquete-bouwen.html"),
        "",
        "en de export leest u in zoals gedownload (naam, e-mailadres en tijden van anonieme beoordelaars komen "
        "niet in de ronde):",
        "",
        "    " + command("import-csv", "export.xlsx", "--round", d),
        "",
        "## 5. Wie bewaart de antwoorden",
        "",
        "Uw coach (of een vertrouwd derde), niet u. De antwoordbestanden in deze map zijn de ruwe antwoorden: "
        "wie ze heeft, kan met wat rekenwerk dichter bij één persoon komen dan het rapport toestaat. Geef de "
        "map daarom aan uw coach zodra uw eigen scan erin staat, en houd zelf geen kopie van de antwoorden van "
        "anderen.",
        "",
        "## 6. Wat u ontvangt",
        "",
        "Terwijl de antwoorden binnenkomen, ziet uw coach elke dag alleen aantallen: hoeveel mensen per groep "
        "antwoordden en welke groep al getoond kan worden. Geen scores.",
        "",
        "    " + command("feedback", "status", d),
        "",
        "Als er genoeg antwoorden zijn, geeft uw coach ze vrij (een *release*) en maakt het rapport:",
        "",
        "    " + command("feedback", "release", d),
        "    " + command("feedback", "report", d, "--format", "pdf", "-o", "feedback.pdf"),
        "",
        "U ontvangt dat rapport (pdf, html of md): eerst de samenvatting, dan per competentie uw eigen "
        "score, die van de anderen en het doel, per groep, en de uitspraken waarover u en de anderen het meest "
        "verschillen. Een `-` is een getal dat niet getoond wordt om de anonimiteit te beschermen; 'n.b.' is een "
        "score die er niet is (te weinig vragen beantwoord).",
        "",
        "Een rapport wordt één keer vrijgegeven. Komen er daarna nog antwoorden bij, dan komt er pas een tweede "
        f"release als die zo veel nieuwe antwoorden bevat (minstens {floor} per getal) dat niemand uit het "
        "verschil tussen de twee rapporten één antwoord kan terugrekenen. Uw coach ziet in de status wanneer "
        "dat kan.",
    ]
    return "\n".join(lines) + "\n"


def _join(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " en " + names[-1]
