"""Facts across articles: sentence similarity, alignment, figures as evidence, word diffs."""
