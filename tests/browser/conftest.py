"""The browser fixtures live in browsing.py (a unique module name); pytest finds them through this import."""
from browsing import (  # noqa: F401
    arabic_site_url,
    browser,
    bundle_dir,
    example_site,
    file_page,
    page,
    parted_page,
    parted_site,
    parted_url,
    site_url,
    subpath_page,
    subpath_url,
)
