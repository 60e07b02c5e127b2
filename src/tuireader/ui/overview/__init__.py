"""The story overview: the coverage matrix and the quote ledger."""
