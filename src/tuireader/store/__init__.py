"""The analysis cache: one SQLite file and its compact codec."""
