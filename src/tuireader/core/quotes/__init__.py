"""Quotations: the text around quoted passages (``text.quote_marks`` finds them), speakers, references."""
