"""The analysis shown outside the app: the report (Markdown, HTML, JSON), the analysis JSON, the CLI summary."""
