"""Disagreements inside a fact: figures and dates, name spellings, quoted words, negation."""
