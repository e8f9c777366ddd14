"""Pages: frozen model in, escaped Markdown/HTML out (adds Jinja2 and MarkupSafe)."""
