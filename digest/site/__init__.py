"""The site's pages and files: URLs, page catalogue, rendering, bodies, feeds, data. Writes nothing."""
