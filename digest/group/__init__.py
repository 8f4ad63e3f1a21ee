"""Grouping: the index by region, actor, theme and ISO week; relations; trends. Knows no pages."""
