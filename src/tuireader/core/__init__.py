"""The pure analysis core: text in, dataclasses with character spans out.

Nothing in this package may import textual or rich (tests/core/test_import_hygiene.py).
"""
