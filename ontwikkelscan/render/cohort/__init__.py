"""The cohort summary for coaches in every format."""
