"""Tests of render/, one file per kind of report (and common/, the registry)."""
