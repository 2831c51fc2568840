"""The report of one scan in every format (terminal, text, Markdown, HTML/PDF, JSON, CSV)."""
