"""Named entities: recognition in each article, name forms, resolution across articles, gazetteers."""
