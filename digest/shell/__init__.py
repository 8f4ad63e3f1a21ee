"""The shells around the core: the only code that imports mkdocs, and the only code that writes files."""
