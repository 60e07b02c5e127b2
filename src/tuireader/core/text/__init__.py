"""Text as every offset indexes it: normalisation, paragraphs, quote marks, sentences, tokens, lemmas, numbers,
dates, quantities; the core's one definition of words, month names and abbreviations."""
