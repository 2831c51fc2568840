"""Three respondents for the small test bank, with their scores worked out by hand (see test_cohort.py)."""

R1 = """\
schema: ontwikkelscan/answers@1
respondent: {name: "R. Een", municipality: "Gemeente A"}
date: 2026-01-10
municipality_type: regie
answers: {a-1: 4, a-2: 2, a-3: 4, a-4: 4, b-1: 3, b-2: 3, b-3: 3, g-1: 5, g-2: 5, g-3: null}
"""
R2 = """\
schema: ontwikkelscan/answers@1
respondent: {name: "R. Twee", municipality: "Gemeente B"}
date: 2025-06-01
municipality_type: regie
answers: {a-1: 2, a-2: 4, a-3: 2, a-4: 2, b-1: 4, b-2: 4, b-3: 1, g-1: 3}
"""
R3 = """\
schema: ontwikkelscan/answers@1
municipality_type: beheer
answers: {a-1: 3, a-2: 3, a-3: 3, a-4: 3, b-1: 2, b-2: 2, b-3: 4, g-1: 3, g-2: 3, g-3: 3}
"""
