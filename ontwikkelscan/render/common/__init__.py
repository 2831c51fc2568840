"""What every kind of report shares: the terminal, Dutch labels and numbers, tables that fit,
the HTML page and its radar, the Markdown and CSV helpers. Imports nothing at package import."""
