"""Text as every offset indexes it: normalisation, paragraphs, sentences, lemmas, numbers, dates, quantities."""
