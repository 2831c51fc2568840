"""The draft development plan (POP) from one scan: Markdown and HTML."""
