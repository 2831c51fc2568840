"""What a bank's editor reads: competencies, profiles, the bank overview, validation, item analysis."""
