"""The reader: the article list, the reading pane, the entities panel, spans to styles."""
