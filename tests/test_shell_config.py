"""The plugin's settings: the nav it writes when mkdocs.yml has none, and what it warns about."""

from pathlib import Path

from digest.pipeline import Settings
from digest.shell.config import default_nav, nav_sources, setting_warnings


def settings(**given) -> Settings:
    return Settings(content_dir=Path("content"), templates_dir=Path("templates"), root=Path("."), **given)


def test_settings_with_a_site_url_and_a_known_language_warn_of_nothing():
    assert list(setting_warnings(settings(site_url="https://example.org/digest/", language="ar"))) == []


def test_no_site_url_warns_that_feeds_get_relative_links():
    (warning,) = setting_warnings(settings(site_url=None, language="en"))
    assert warning.startswith("site_url is not set in mkdocs.yml: feed readers need it for absolute links")


def test_a_language_without_catalogue_warns_that_digest_stays_english():
    (warning,) = setting_warnings(settings(site_url="https://example.org/", language="fr"))
    assert warning == ("digest has no catalogue for the language 'fr': its own words stay English "
                       "(README.md, 'Adding a language', says how to add one)")


def test_the_default_nav_is_in_the_site_language_and_lists_the_section_pages():
    nav = default_nav("ar")
    assert list(nav_sources(nav)) == [
        "index.md", "digest/index.md", "regions/index.md", "actors/index.md", "network/index.md", "themes/index.md"
    ]
    assert list(nav[0]) == ["الرئيسية"]
