"""The shape of the three file kinds, written once as JSON Schema.

The loader checks files against these schemas (with `check`, below, which knows the
subset of JSON Schema used here), and `ontwikkelscan schema` writes them out for
editors (files/bankschemas.py). The descriptions are Dutch: an editor shows them on hover.
"""

from __future__ import annotations

from typing import Any

from ..models import DEFAULT_FLOOR, MIN_FLOOR

# Every pattern carries its own message (`patternErrorMessage`, which editors such as VS Code
# show too); the checker prints it after the value, so it never guesses from the regex.
ID_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$"
ID_MESSAGE = "is geen geldige id: gebruik kleine letters, cijfers en streepjes, bijv. `bps-1`"
_ID_NAMES = {"pattern": ID_PATTERN, "patternErrorMessage": ID_MESSAGE}
_ID = {"type": "string", **_ID_NAMES,
       "description": "Id in kleine letters, cijfers en streepjes (kebab-case), bijv. `bestuurlijke-sensitiviteit`."}
# Text that is more than white space: minLength counts every character, the pattern asks for a visible one.
_VISIBLE = {"pattern": "\\S", "patternErrorMessage": "is leeg (alleen spaties); vul hier iets in"}
_TEXT = {"type": "string", "minLength": 1, **_VISIBLE}
_POINT_NAMES = {"pattern": "^-?[0-9]+$", "patternErrorMessage": "is geen schaalpunt: gebruik een geheel getal, bijv. `1`"}
_SHA256 = {"type": "string", "pattern": "^[0-9a-f]{64}$", "patternErrorMessage": "is geen sha256 (64 tekens 0-9 en a-f)"}
_TEXT_LIST = {"type": "array", "items": _TEXT}
MAX_COMMENT = 2000  # characters of one open comment (docs/formats.md section 6.3)

COMPETENCIES: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "ontwikkelscan/competencies.schema.json",
    "title": "Ontwikkelscan: competenties en gemeentetypen",
    "description": "De competenties van het profiel en de doelniveaus per type gemeente.",
    "type": "object", "required": ["competencies", "municipality_types"], "additionalProperties": False,
    "properties": {
        "competencies": {
            "type": "array", "minItems": 1,
            "description": "De competenties, in de volgorde waarin het rapport ze toont.",
            "items": {
                "title": "Competentie",
                "type": "object", "required": ["id", "name", "kind", "definition"], "additionalProperties": False,
                "properties": {
                    "id": _ID,
                    "name": {**_TEXT, "description": "Naam zoals het profiel haar noemt."},
                    "kind": {"enum": ["core", "situational"],
                             "description": "`core` voor een kerncompetentie, `situational` voor een situatiegebonden competentie."},
                    "definition": {**_TEXT, "description": "De definitie uit het profiel."},
                    "source": {**_TEXT, "description": "Waar in het profiel deze competentie staat."},
                    "indicators": {**_TEXT_LIST, "description": "Gedragsindicatoren: zo ziet sterk eruit in deze functie."},
                    "tips": {**_TEXT_LIST, "description": "Ontwikkeltips, getoond bij de zwakste competenties in het rapport."},
                },
            },
        },
        "municipality_types": {
            "type": "object", "minProperties": 1,
            "description": "Typen gemeente (regie, ontwikkel, beheer, ...) met hun doelniveaus.",
            "propertyNames": _ID_NAMES,
            "additionalProperties": {
                "type": "object", "required": ["name", "targets"], "additionalProperties": False,
                "properties": {
                    "name": {**_TEXT, "description": "Naam van het type, bijv. `Regiegemeente`."},
                    "description": {**_TEXT, "description": "Wat zo'n gemeente kenmerkt, in één of twee zinnen."},
                    "targets": {
                        "type": "object",
                        "description": "Competentie-id -> doelniveau op de schaal. Zonder doel is een competentie niet vereist voor dit type.",
                        "propertyNames": _ID_NAMES,
                        "additionalProperties": {"type": "number"},
                    },
                    "rationale": {
                        "type": "object",
                        "description": "Competentie-id -> één regel die het doelniveau onderbouwt.",
                        "propertyNames": _ID_NAMES,
                        "additionalProperties": _TEXT,
                    },
                },
            },
        },
        "contexts": {
            "type": "object",
            "description": "Contexten die het doelprofiel inkleuren (een ambtelijke fusie, een onrustige bestuurlijke "
                           "periode, ...). Een gekozen context kan een doel alleen verhogen: het doel wordt het "
                           "hoogste van het type en van elke gekozen context.",
            "propertyNames": _ID_NAMES,
            "additionalProperties": {
                "type": "object",
                "required": ["name", "description", "source", "targets", "rationale"],
                "additionalProperties": False,
                "properties": {
                    "name": {**_TEXT, "description": "Naam van de context, bijv. `Ambtelijke fusie of samenwerkingsorganisatie`."},
                    "description": {**_TEXT, "description": "Wanneer deze context past, in één of twee zinnen."},
                    "source": {**_TEXT, "description": "Welke brontekst, welke passage."},
                    "targets": {
                        "type": "object",
                        "description": "Competentie-id -> doelniveau in deze context. Een competentie die het type niet "
                                       "vereist, wordt vereist zodra een gekozen context haar noemt.",
                        "propertyNames": _ID_NAMES,
                        "additionalProperties": {"type": "number"},
                    },
                    "rationale": {
                        "type": "object",
                        "description": "Competentie-id -> één regel die het doel in deze context onderbouwt; "
                                       "verplicht voor elk doel.",
                        "propertyNames": _ID_NAMES,
                        "additionalProperties": _TEXT,
                    },
                },
            },
        },
    },
}

QUESTIONS: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "ontwikkelscan/questions.schema.json",
    "title": "Ontwikkelscan: vragenbank",
    "description": "De schaal en de vragen van de scan.",
    "type": "object", "required": ["version", "scale", "questions"], "additionalProperties": False,
    "properties": {
        "version": {**_TEXT, "description": "Versie van de vragenbank, door de redacteur gekozen; zet haar tussen aanhalingstekens."},
        "scale": {
            "type": "object", "required": ["min", "max", "labels"], "additionalProperties": False,
            "description": "De antwoordschaal.",
            "properties": {
                "min": {"type": "integer", "description": "Laagste schaalpunt, bijv. 1."},
                "max": {"type": "integer", "description": "Hoogste schaalpunt, bijv. 5."},
                "labels": {
                    "type": "object",
                    "description": "Een label per schaalpunt: `1: \"(bijna) nooit\"`.",
                    "propertyNames": _POINT_NAMES,
                    "additionalProperties": _TEXT,
                },
                "not_applicable": {**_TEXT, "description": "Tekst van de keuze 'weet ik niet / n.v.t.'; weglaten als overslaan niet mag."},
            },
        },
        "questions": {
            "type": "array", "minItems": 1,
            "description": "De vragen; de volgorde is de 'bank'-volgorde van de scan.",
            "items": {
                "title": "Vraag",
                "type": "object", "required": ["id", "competency", "text"], "additionalProperties": False,
                "properties": {
                    "id": {**_ID, "description": "Unieke id van de vraag, bijv. `bps-1`."},
                    "competency": {**_ID, "description": "Id van de competentie die deze vraag meet."},
                    "text": {**_TEXT, "description": "De vraag in de ik-vorm: één waarneembaar gedrag."},
                    "reverse": {"type": "boolean", "description": "`true` als een hoog antwoord op zwak gedrag wijst (omgekeerd gescoord)."},
                    "weight": {"type": "number", "exclusiveMinimum": 0, "maximum": 1000, "description": "Gewicht in de competentiescore; standaard 1."},
                    "role": {"enum": ["organisatie", "bestuur", "samenleving"],
                             "description": "De rol van de secretaris die deze vraag raakt: `organisatie` (leider van de "
                                            "ambtelijke organisatie), `bestuur` (adviseur van college en raad) of "
                                            "`samenleving` (verbinder met de samenleving). Heeft één vraag een rol, dan "
                                            "hebben alle vragen er een."},
                    "contexts": {"type": "array", "minItems": 1, "items": _ID,
                                 "description": "Alleen gevraagd en meegeteld als één van deze contexten (uit "
                                                "competencies.yaml) gekozen is. Weglaten: altijd gevraagd."},
                    "observer": {"type": ["string", "null"], "minLength": 1, **_VISIBLE,
                                 "description": "De tekst voor anderen die feedback geven, zonder onderwerp "
                                                "(\"Geeft medewerkers ruimte om ...\"), of null als anderen dit gedrag "
                                                "niet kunnen zien. Verplicht zodra deze bank `raters` heeft."},
                },
            },
        },
        "retired": {
            "type": "array",
            "description": "Vragen die een eerdere versie van de bank had en die vervallen zijn. Een antwoordbestand "
                           "met zo'n vraag telt mee met een waarschuwing; een andere onbekende vraag-id is een fout.",
            "items": {
                "title": "Vervallen vraag",
                "type": "object", "required": ["id", "since"], "additionalProperties": False,
                "properties": {
                    "id": {**_ID, "description": "De id die de vraag had, bijv. `bes-5`; geen id van een vraag in deze bank."},
                    "since": {**_TEXT, "description": "De versie van de bank waarin de vraag niet meer staat, bijv. `2026.12`."},
                    "text": {**_TEXT, "description": "De tekst die de vraag had, voor wie de bank leest."},
                },
            },
        },
        "raters": {
            "type": "object", "required": ["groups"], "additionalProperties": False,
            "description": "De groepen die feedback geven over de secretaris (een 360-ronde). `self` is altijd "
                           "een eigen groep en staat hier niet.",
            "properties": {
                "anonymity_floor": {"type": "integer", "minimum": MIN_FLOOR,
                                    "description": "Minimaal aantal beoordelaars van anonieme groepen achter elk "
                                                   f"getoond getal; standaard {DEFAULT_FLOOR}, nooit onder {MIN_FLOOR}."},
                "comment_floor": {"type": "integer", "minimum": MIN_FLOOR,
                                  "description": "Minimaal aantal anonieme beoordelaars dat een opmerking schreef "
                                                 "voordat hun opmerkingen (op één lijst) in het rapport staan; "
                                                 "standaard de anonymity_floor, nooit daaronder."},
                "comments": {
                    "type": "array",
                    "description": "Open vragen naast de stellingen, aan het eind van de scan gesteld. In het rapport: "
                                   "letterlijk, de anonieme opmerkingen op één lijst zonder groep.",
                    "items": {
                        "title": "Open vraag",
                        "type": "object", "required": ["id", "text", "observer"], "additionalProperties": False,
                        "properties": {
                            "id": {**_ID, "description": "Unieke id van de open vraag, bijv. `blijven`; geen id van een stelling."},
                            "text": {**_TEXT, "description": "De vraag voor de zelfscan, bijv. `Wat wilt u vooral blijven doen?`."},
                            "observer": {**_TEXT, "description": "De vraag voor anderen, bijv. `Wat moet deze "
                                                                  "secretaris vooral blijven doen?`."},
                        },
                    },
                },
                "groups": {
                    "type": "object", "minProperties": 1,
                    "description": "Groep-id -> naam en of de groep anoniem is.",
                    "propertyNames": _ID_NAMES,
                    "additionalProperties": {
                        "type": "object", "required": ["name"], "additionalProperties": False,
                        "properties": {
                            "name": {**_TEXT, "description": "Naam van de groep in formulieren en rapport, bijv. `Wethouders`."},
                            "anonymous": {"type": "boolean",
                                          "description": "Standaard true: de groep wordt alleen getoond met genoeg "
                                                         "beoordelaars. false: de groep wordt altijd getoond, ook bij één."},
                        },
                    },
                },
            },
        },
    },
    # The rater groups and the statements are in this one file, so the rule "with `raters`, every
    # statement has an `observer`" is a condition of this schema (draft-07 editors know if/then too).
    "if": {"required": ["raters"]},
    "then": {"properties": {"questions": {"items": {"title": "Vraag", "required": ["observer"], "properties": {"observer": {
        "description": "In een bank met `raters` heeft elke vraag er een: de tekst voor anderen, zonder onderwerp "
                       "(\"Geeft ...\"), of `observer: null` als anderen dit gedrag niet kunnen zien."}}}}}},
}

ANSWERS: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "ontwikkelscan/answers.schema.json",
    "title": "Ontwikkelscan: antwoordbestand",
    "description": "De antwoorden van één respondent in één scan.",
    "type": "object", "required": ["answers"], "additionalProperties": False,
    "properties": {
        "schema": {"const": "ontwikkelscan/answers@1", "description": "Formaat van dit bestand."},
        "respondent": {
            "type": "object", "additionalProperties": False,
            "description": "Optioneel, vrije tekst.",
            "properties": {"name": {"type": "string", "description": "Naam van de respondent."},
                           "municipality": {"type": "string", "description": "Gemeente."}},
        },
        "date": {"type": "string", "format": "date", "description": "Datum van de scan, JJJJ-MM-DD."},
        "municipality_type": {**_ID, "description": "Type gemeente: regie, ontwikkel of beheer. `--type` gaat voor."},
        "contexts": {"type": "array", "items": _ID,
                     "description": "Gekozen contexten (inkleuring van het doelprofiel). `--context` gaat voor."},
        "rater": {"type": "string", "description": "Wie beoordeelt: `self`, of een beoordelaarsgroep van de vragenbank."},
        "round": {**_ID, "description": "Id van de feedbackronde (uit ronde.yaml) waar dit antwoord bij hoort."},
        "response_id": {"type": "string", "description": "Code van een geïmporteerd antwoord in een ronde (uit het "
                        "antwoord-id van de enquêtetool en de sleutel van de ronde), zodat een nieuwe import het "
                        "herkent; wijst niet naar een persoon."},
        "order_seed": {"type": "integer", "description": "Zaadgetal van de vraagvolgorde, zodat een hervatte scan dezelfde volgorde houdt."},
        "bank": {
            "type": "object", "additionalProperties": False,
            "description": "De vragenbank waarmee gescand is (door `scan` geschreven).",
            "properties": {"version": {"type": "string"}, "sha256": _SHA256},
        },
        "answers": {
            "type": "object",
            "description": "Vraag-id -> antwoord op de schaal, of null voor overgeslagen.",
            "propertyNames": _ID_NAMES,
            "additionalProperties": {"type": ["integer", "null"]},
        },
        "comments": {
            "type": "object",
            "description": "Id van een open vraag (raters.comments in de vragenbank) -> de opmerking, letterlijk. "
                           "Leeg is geen opmerking.",
            "propertyNames": _ID_NAMES,
            "additionalProperties": {"type": ["string", "null"], "maxLength": MAX_COMMENT},
        },
    },
}
_RELEASE = {"type": "object", "required": ["number", "date", "files"], "additionalProperties": False, "properties": {
    "number": {"type": "integer", "minimum": 1}, "date": {"type": "string", "format": "date"}, "files": {"type": "array",
        "items": {"type": "object", "required": ["path", "sha256", "rater"], "additionalProperties": False,
                  "properties": {"path": _TEXT, "sha256": _SHA256, "rater": {"type": "string"}}}}}}
ROUND: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "ontwikkelscan/round.schema.json",
    "title": "Ontwikkelscan: feedbackronde (ronde.yaml)",
    "description": "Eén feedbackronde over één secretaris: wie, welk type gemeente, welke vragenbank.",
    "type": "object", "required": ["schema", "id", "subject", "municipality_type"], "additionalProperties": False,
    "properties": {
        "schema": {"const": "ontwikkelscan/round@1", "description": "Formaat van dit bestand."},
        "id": {**_ID, "description": "Id van de ronde; elk antwoordbestand van de ronde draagt haar als `round:`."},
        "subject": {
            "type": "object", "required": ["name"], "additionalProperties": False,
            "description": "Over wie de feedback gaat.",
            "properties": {"name": {**_TEXT, "description": "Naam van de secretaris, bijv. `A. Jansen`."},
                           "municipality": {"type": "string", "description": "Gemeente."}},
        },
        "municipality_type": {**_ID, "description": "Type gemeente: regie, ontwikkel of beheer."},
        "contexts": {"type": "array", "items": _ID, "description": "Gekozen contexten (inkleuring van het doelprofiel)."},
        "bank": {
            "type": "object", "additionalProperties": False,
            "description": "De vragenbank van de ronde (door `feedback start` geschreven).",
            "properties": {"version": {"type": "string"}, "sha256": _SHA256},
        },
        "releases": {"type": "array", "items": _RELEASE, "description": "Door `feedback release` geschreven."},
    },
}

ALL = {"competencies": COMPETENCIES, "questions": QUESTIONS, "answers": ANSWERS, "round": ROUND}
