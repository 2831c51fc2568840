"""Renderers: each turns core records into text and returns it; none prints."""
