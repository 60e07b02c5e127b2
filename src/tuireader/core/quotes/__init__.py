"""Quotations: quote marks, the text around them, speakers and references back to them."""
