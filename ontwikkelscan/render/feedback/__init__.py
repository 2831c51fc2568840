"""A feedback (360) round: its report in every format, the raters' forms and the round folder's guide."""
