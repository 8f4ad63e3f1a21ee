"""The browser fixtures live in browsing.py (a unique module name); pytest finds them through this import."""
from browsing import browser, example_site, page, site_url  # noqa: F401
