"""The evaluation harness: tuireader measured on public corpora and on the real seed articles.

Not part of the package and not part of the test suite; run ``python eval/run.py --help``.
"""
