"""digest: curated Markdown notes about a region in, a searchable MkDocs Material site out."""
