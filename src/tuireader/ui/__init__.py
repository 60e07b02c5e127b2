"""The Textual app on top of tuireader.core."""
