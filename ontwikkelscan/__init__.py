"""ontwikkelscan: competency development scan for Dutch municipal secretaries."""

__version__ = "0.1.0"
