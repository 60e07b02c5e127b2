"""Everything that reads the outside world: files and folders, web pages, feeds, loading in batches."""
