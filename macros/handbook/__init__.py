"""The ML hiring handbook: content model, validation and rendering (plain Python, no MkDocs)."""
