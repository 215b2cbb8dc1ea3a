"""Views derived from a :class:`~factalign.report.Report`: tables, text, Markdown, HTML."""
