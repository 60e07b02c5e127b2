"""Compare two articles side by side: the aligned table, its rows and header, spans to styles."""
