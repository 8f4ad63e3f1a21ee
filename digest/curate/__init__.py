"""The curator's tools: extraction, clutter, mentions, names, quotes, reprints, new and import."""
