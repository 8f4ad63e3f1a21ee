"""Reading an outlet's feed: RSS 2.0, Atom and JSON Feed give the same items, oldest first."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from digest.curate.feeds_in import FeedFailed, Item, read_feed, since

UTC = dt.UTC

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>The Daily Example</title><link>{base}/</link><description>News</description>
<item><title>Talks resume in Doha</title><link>{base}/news/doha</link>
  <pubDate>Mon, 20 Jan 2025 09:00:00 +0300</pubDate></item>
<item><title>Factions pledge to hold fire</title><link>{base}/news/hold-fire</link>
  <pubDate>Sat, 18 Jan 2025 07:45:00 GMT</pubDate></item>
<item><title>Crossing reopens</title><link>{base}/news/crossing</link>
  <pubDate>Tue, 21 Jan 2025 12:00:00 GMT</pubDate></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>The Daily Example</title><id>urn:example:feed</id>
<updated>2025-01-21T12:00:00Z</updated>
<entry><title>Talks resume in Doha</title><id>urn:example:1</id><link rel="alternate" href="{base}/news/doha"/>
<published>2025-01-20T09:00:00+03:00</published><updated>2025-01-20T09:00:00+03:00</updated></entry>
<entry><title>Factions pledge to hold fire</title><id>urn:example:2</id><link href="{base}/news/hold-fire"/>
<updated>2025-01-18T07:45:00Z</updated></entry>
<entry><title>Crossing reopens</title><id>urn:example:3</id><link href="{base}/news/crossing"/>
<published>2025-01-21T12:00:00Z</published><updated>2025-01-21T12:00:00Z</updated></entry>
</feed>
"""


def json_feed(base: str) -> str:
    return json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": "The Daily Example",
            "items": [
                {
                    "id": "1",
                    "url": f"{base}/news/doha",
                    "title": "Talks resume in Doha",
                    "date_published": "2025-01-20T09:00:00+03:00",
                },
                {
                    "id": "2",
                    "url": f"{base}/news/hold-fire",
                    "title": "Factions pledge to hold fire",
                    "date_modified": "2025-01-18T07:45:00Z",
                },
                {
                    "id": "3",
                    "url": f"{base}/news/crossing",
                    "title": "Crossing reopens",
                    "date_published": "2025-01-21T12:00:00Z",
                },
            ],
        }
    )


FEEDS = {"rss": lambda base: RSS.format(base=base), "atom": lambda base: ATOM.format(base=base), "json": json_feed}
TYPES = {"rss": "application/rss+xml", "atom": "application/atom+xml", "json": "application/feed+json"}
BASE = "https://daily.example.org"
OLDEST_FIRST = [
    Item(2, f"{BASE}/news/hold-fire", "Factions pledge to hold fire", dt.datetime(2025, 1, 18, 7, 45, tzinfo=UTC)),
    Item(1, f"{BASE}/news/doha", "Talks resume in Doha", dt.datetime(2025, 1, 20, 6, 0, tzinfo=UTC)),
    Item(3, f"{BASE}/news/crossing", "Crossing reopens", dt.datetime(2025, 1, 21, 12, 0, tzinfo=UTC)),
]


@pytest.mark.parametrize("kind", FEEDS)
def test_each_format_gives_the_items_oldest_first_in_utc(kind):
    assert read_feed(FEEDS[kind](BASE).encode()) == OLDEST_FIRST


@pytest.mark.parametrize("kind", FEEDS)
def test_the_served_type_is_understood(kind):
    assert read_feed(FEEDS[kind](BASE).encode(), TYPES[kind], f"{BASE}/feed") == OLDEST_FIRST


def test_since_keeps_that_day_and_later_and_says_how_many_were_older():
    assert since(OLDEST_FIRST, dt.date(2025, 1, 20)) == (OLDEST_FIRST[1:], 1)


def test_undated_items_come_last_in_the_feeds_order_and_since_keeps_them():
    feed = RSS.format(base=BASE).replace("<pubDate>Mon, 20 Jan 2025 09:00:00 +0300</pubDate>", "")
    items = read_feed(feed.encode())
    assert [item.position for item in items] == [2, 3, 1]
    assert items[-1].published is None
    assert [item.position for item in since(items, dt.date(2025, 1, 21))[0]] == [3, 1]


def test_relative_links_are_read_against_the_feeds_address():
    feed = RSS.format(base="")
    assert read_feed(feed.encode(), "application/rss+xml", f"{BASE}/feed.xml")[0].url == f"{BASE}/news/hold-fire"
    document = json.loads(json_feed(""))
    assert (
        read_feed(json.dumps(document).encode(), "application/json", f"{BASE}/feed.json")[0].url
        == f"{BASE}/news/hold-fire"
    )


def test_an_rss_guid_that_is_an_address_stands_for_a_missing_link():
    item = f"<item><title>A</title><guid>{BASE}/a</guid></item>"
    feed = f"<rss version='2.0'><channel><title>T</title>{item}</channel></rss>"
    assert read_feed(feed.encode()) == [Item(1, f"{BASE}/a", "A", None)]


def test_an_item_without_an_address_is_named_by_its_place():
    feed = "<rss version='2.0'><channel><title>T</title><item><title>Only a title</title></item><item/></channel></rss>"
    assert [item.label for item in read_feed(feed.encode())] == ["item 1 (Only a title)", "item 2"]
    document = {
        "version": "https://jsonfeed.org/version/1",
        "items": [{"id": "x", "title": "No url", "url": "mailto:a@b.c"}],
    }
    assert [item.label for item in read_feed(json.dumps(document).encode())] == ["item 1 (No url)"]


def test_a_feed_with_no_items_is_read():
    assert read_feed(b"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><title>T</title></feed>") == []
    assert read_feed(b'{"version": "https://jsonfeed.org/version/1.1", "items": []}') == []


def test_a_feed_with_an_xml_error_is_still_read_when_its_items_are():
    feed = RSS.format(base=BASE).replace("Talks resume in Doha", "Talks &nbsp; resume").replace("</channel></rss>", "")
    assert [item.url for item in read_feed(feed.encode())] == [item.url for item in OLDEST_FIRST]


@pytest.mark.parametrize(
    "data, message",
    [
        (b"<rss><channel><item><title>cut", "the feed is malformed XML: no element found"),
        (
            b"<html><body><p>The outlet's home page</p></body></html>",
            "not an RSS, Atom or JSON Feed feed: it is a web page; give the address of the outlet's feed",
        ),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "not an RSS, Atom or JSON Feed feed"),
        (b'{"version": "https://jsonfeed.org/version/1.1", "items": [', "not a JSON Feed: line 1: Expecting value"),
        (
            b'{"title": "an API answer"}',
            "JSON, but not a JSON Feed: it has no 'version' starting with https://jsonfeed.org/version/",
        ),
        (b'{"version": "https://jsonfeed.org/version/1.1", "items": {}}', "not a JSON Feed: 'items' is not a list"),
        (
            b'{"version": "https://jsonfeed.org/version/1.1", "title": "\xe9"}',
            "not a JSON Feed: a JSON Feed is UTF-8, and this is not",
        ),
    ],
)
def test_what_is_not_a_feed_says_why(data, message):
    with pytest.raises(FeedFailed) as caught:
        read_feed(data)
    assert str(caught.value) == message
