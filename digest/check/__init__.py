"""Checking: typed fields, registries, articles, alias resolution, placeholders. Every check runs."""
