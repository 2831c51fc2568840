"""Survey-tool exports as answer sheets (issue 13): Microsoft Forms, Google Forms, LimeSurvey,
Qualtrics and plain CSV, taken as downloaded.

- tables.py   bytes -> rows of text: encodings, CSV dialects, .xlsx, Qualtrics' three header rows
- columns.py  which column is which question or metadata field (text, ids, `--columns` mapping)
- values.py   a cell's text -> a scale value, a municipality type, a date
- mapping.py  the `--columns` file: read it, and write a best guess to start from
- rows.py     a table -> answer sheets, skipped rows and warnings, per row

All pure: nothing prints; warnings travel as `Notice` items next to the sheets.
"""
