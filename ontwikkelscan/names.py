"""One person, however the name is typed (issue 21 item 5): the key by which names are matched.

`Joost 't Hart`, `Joost ’t Hart` and `joost  'T hart ` are one person: a survey tool, a phone or Word
turns the apostrophe into a curly one, a person types an extra space or another capital. The key is
for matching only; what a report shows is the name as it was written (docs/coach.md, "Personen, geen
bestanden"). Pure and below files/, so that an export's rows (files/survey), the batch's people
(analysis/people.py), compare's pairs and the self-scan of a round all match names the same way.
"""

from __future__ import annotations

import unicodedata

# Apostrophes, quotes and the marks typed for them: straight and curly, modifier letters, accents
# and primes, guillemets and their full-width forms. All become the straight apostrophe.
QUOTES = ("'\"`´‘’‚‛“”„‟′″‵‶ʹʺʻʼʽˈ"
          "＇＂｀«»‹›")
_TO_APOSTROPHE = str.maketrans(dict.fromkeys(QUOTES, "'"))


def name_key(name: str | None) -> str:
    """The matching key of a name: NFKC, every quote look-alike as `'`, case folded, runs of white space
    (the non-breaking space too) as one space, no space at either end. '' for no name.
    `name_key("  Joost ’T hart ")` is `"joost 't hart"`."""
    if not name:
        return ""
    # Quotes before NFKC as well as after: NFKC turns the acute accent ´ into a space and a combining
    # accent, and the full-width apostrophe into a straight one. NFKC again after casefold, as Unicode's
    # caseless matching of compatibility forms asks (casefold can undo a normal form: ß, ﬀ, ...).
    text = unicodedata.normalize("NFKC", name.translate(_TO_APOSTROPHE))
    text = unicodedata.normalize("NFKC", text.casefold()).translate(_TO_APOSTROPHE)
    return " ".join(text.split())
