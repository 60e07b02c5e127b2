"""tuireader: read one news story across many sources."""

__version__ = "0.1.0"
