"""One module per command: the file name is the command's name (import_csv.py is `import-csv`).

The list of commands is these file names (see cli/__init__.py); nothing else lists them."""
