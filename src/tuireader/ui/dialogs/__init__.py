"""Modal screens: entity card, export, help, pick an article."""
