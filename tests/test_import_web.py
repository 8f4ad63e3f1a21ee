"""`digest import URL` and `digest import --feed`: drafts from addresses and feeds, served by a local web server."""

from __future__ import annotations

import io
import json

import pytest
from test_feeds_in import ATOM, RSS, json_feed
from test_import import example_tree, files_under, front, run, written
from trees import article

from digest.curate import fetch

SITE = "https://daily.example.org"
ARTICLES = "content/articles/2025/01"


def story(
    title: str, text: str, published: str | None = None, canonical: str | None = None, charset: str | None = "utf-8"
) -> str:
    meta = [
        f'<meta charset="{charset}">' if charset else "",
        f"<title>{title} | The Daily Example</title>",
        '<meta property="og:site_name" content="The Daily Example">',
    ]
    if published:
        meta.append(f'<meta property="article:published_time" content="{published}">')
    if canonical:
        meta.append(f'<link rel="canonical" href="{canonical}">')
    return (
        f'<!DOCTYPE html><html lang="en"><head>{"".join(meta)}</head><body><nav><a href="/">Home</a></nav>'
        f"<main><article><h1>{title}</h1><p>{text}</p></article></main></body></html>"
    )


HOLD_FIRE = story(
    "Armed groups pledge to hold fire while the truce lasts",
    "Two armed groups based in Iraq said on Saturday that they would stop launching drones while the truce "
    "in Gaza holds, in statements read out at a gathering in Baghdad.",
    "2025-01-18T07:45:00+00:00",
    f"{SITE}/news/hold-fire",
)
DOHA = story(
    "Talks resume in Doha on the second phase",
    "Negotiators from Egypt and Qatar met again in Doha on Monday to discuss the second phase of the "
    "ceasefire in Gaza, officials said, after a pause of several days.",
)
CROSSING = story(
    "Rafah crossing reopens for the wounded",
    "Egypt reopened the Rafah crossing on Tuesday for wounded people leaving the Gaza Strip, the first "
    "opening since the truce began, officials at the crossing said.",
    "2025-01-21T12:00:00Z",
)


def outcome(capsys) -> tuple[list[str], list[str]]:
    captured = capsys.readouterr()
    return captured.out.splitlines(), captured.err.splitlines()


def test_an_address_becomes_a_draft_with_its_canonical_address_date_and_site(tmp_path, web, capsys):
    root = example_tree(tmp_path)
    url = web.page("/story?utm_source=feed", HOLD_FIRE)
    assert run(root, "import", url) == 0
    out, err = outcome(capsys)
    path = "content/articles/2025/01/armed-groups-pledge-to-hold-fire-while-the-truce-lasts"
    assert out[:2] == [
        f"wrote {path}.md (draft)",
        f"wrote {path}.source.txt (extracted text, kept for reference and never published)",
    ]
    assert err == []
    fields = front(root / f"{path}.md")
    assert fields["source"] == {"name": "The Daily Example", "url": f"{SITE}/news/hold-fire"}
    assert str(fields["date"]) == "2025-01-18" and fields["draft"] is True
    assert {"iraq", "gaza", "baghdad"} <= set(fields["regions"])
    kept = (root / f"{path}.source.txt").read_text(encoding="utf-8")
    assert kept.startswith(
        f"Extracted by digest import from {url}; kept for reference, never published.\nAddress: {SITE}/news/hold-fire\n"
    )
    assert "Two armed groups based in Iraq" in kept and "Home" not in kept


def test_without_a_canonical_address_the_address_after_redirects_is_the_source(tmp_path, web, capsys):
    root = example_tree(tmp_path)
    final = web.page("/news/doha", DOHA)
    web.redirect("/s/1", "/news/doha")
    assert run(root, "import", web.url("/s/1")) == 0
    [draft, _] = written(capsys.readouterr().out)
    assert front(root / draft)["source"] == {"name": "The Daily Example", "url": final}


def test_a_canonical_address_that_is_the_home_page_is_not_the_articles(tmp_path, web, capsys):
    root = example_tree(tmp_path)
    url = web.page("/news/doha", DOHA.replace("</head>", f'<link rel="canonical" href="{SITE}/"></head>'))
    assert run(root, "import", url) == 0
    [draft, _] = written(capsys.readouterr().out)
    assert front(root / draft)["source"]["url"] == url


def test_plain_text_at_an_address(tmp_path, web, capsys):
    root = example_tree(tmp_path)
    url = web.page(
        "/wire.txt",
        "Qatar hosts new round of talks\n\nQatar hosted a new round of talks in Doha on Monday.\n",
        "text/plain",
    )
    assert run(root, "import", url) == 0
    [draft, _] = written(capsys.readouterr().out)
    fields = front(root / draft)
    assert fields["title"] == "Qatar hosts new round of talks"
    assert fields["source"] == {"name": "127.0.0.1", "url": url}


ARABIC_TITLE = "النجباء تعلق عملياتها ضد إسرائيل"
ARABIC_TEXT = (
    "أعلنت حركة النجباء وكتائب حزب الله تعليق عملياتها ضد إسرائيل دعماً لوقف إطلاق النار في غزة، "
    "وقالت إن مقاتليها في العراق على أهبة الاستعداد إذا خرق الاحتلال الاتفاق."
)


@pytest.mark.parametrize(
    "header, meta",
    [
        ("text/html; charset=windows-1256", None),  # the header alone
        ("text/html", "windows-1256"),  # the meta tag alone
        ("text/html; charset=windows-1256", "utf-8"),  # the header wins over a wrong meta tag
    ],
)
def test_a_page_in_another_charset_is_read_right(tmp_path, web, capsys, header, meta):
    root = example_tree(tmp_path)
    page = story(ARABIC_TITLE, ARABIC_TEXT, "2025-01-16T10:00:00+03:00", charset=meta).replace('lang="en"', 'lang="ar"')
    url = web.page("/ar/story", page.encode("cp1256"), header)
    assert run(root, "import", url) == 0
    [draft, kept] = written(capsys.readouterr().out)
    fields = front(root / draft)
    assert fields["title"] == ARABIC_TITLE and fields["language"] == "ar"
    assert {"harakat-al-nujaba", "kataib-hezbollah"} <= set(fields["actors"])
    assert ARABIC_TEXT in (root / kept).read_text(encoding="utf-8")


def with_source(title: str, url: str, also: str | None = None, regions: str = "[iraq]", draft: bool = False) -> str:
    extra = f"also_published:\n  - {{name: Reprint, url: '{also}'}}\n" if also else ""
    text = article(title, "2025-01-10", regions, extra + ("draft: true\n" if draft else ""))
    return text.replace("source: The New Arab", f"source: {{name: The Daily Example, url: '{url}'}}")


def test_an_address_the_tree_has_writes_nothing_and_names_the_file_without_fetching(tmp_path, web, capsys):
    url = web.page("/news/doha", DOHA)
    broken_draft = with_source("Talks in Doha", url + "?utm_source=twitter", regions="['TODO: a region']", draft=True)
    root = example_tree(tmp_path, {"2025/01/doha.md": broken_draft})
    before = files_under(root / "content")
    assert run(root, "import", url) == 1
    assert outcome(capsys) == ([], [f"digest: {url}: already in the tree as content/articles/2025/01/doha.md"])
    assert files_under(root / "content") == before and web.hits == []


def test_an_also_published_address_counts_and_so_does_a_canonical_one_found_after_fetching(tmp_path, web, capsys):
    reprint = web.page("/reprint", DOHA)
    moved = web.page("/moved", HOLD_FIRE)
    root = example_tree(
        tmp_path,
        {
            "2025/01/doha.md": with_source("Talks in Doha", f"{SITE}/elsewhere", also=reprint),
            "2025/01/fire.md": with_source("Hold fire", "http://www.daily.example.org/news/hold-fire/"),
        },
    )
    before = files_under(root / "content")
    assert run(root, "import", reprint, moved) == 1
    assert outcome(capsys) == (
        [],
        [
            f"digest: {reprint}: already in the tree as content/articles/2025/01/doha.md",
            f"digest: {moved}: already in the tree as content/articles/2025/01/fire.md",
        ],
    )
    assert files_under(root / "content") == before


def test_the_same_address_twice_in_one_run_is_imported_once(tmp_path, web, capsys):
    root = example_tree(tmp_path)
    url = web.page("/news/doha", DOHA)
    assert run(root, "import", url, url) == 1
    out, err = outcome(capsys)
    assert len(written("\n".join(out))) == 2
    assert err == [
        f"digest: {url}: already in the tree as content/articles/{written(chr(10).join(out))[0].split('/', 2)[2]}"
    ]


@pytest.fixture
def hostile(web, monkeypatch):
    """Every way an address can fail, with limits small enough for a test."""
    monkeypatch.setattr(fetch, "LIMITS", fetch.Limits(read=0.3, total=2, size=100_000))
    web.page("/slow", DOHA, delay=1)
    web.page("/huge", "<p>" + "x" * 200_000 + "</p>")
    web.page("/image", b"\x89PNG\r\n\x1a\n", "image/png")
    web.page("/gone", DOHA, status=404)
    web.page("/error", DOHA, status=500)
    web.page("/empty", "<html><head><title>Nothing</title></head><body></body></html>")
    web.redirect("/loop", "/loop")
    return web


@pytest.mark.parametrize(
    "path, message",
    [
        ("/slow", "the server did not answer within 0.3 s"),
        ("/huge", "the answer is larger than 0.1 MB"),
        ("/image", "the answer is image/png, not an HTML page or plain text"),
        ("/gone", "the server answered 404 Not Found"),
        ("/error", "the server answered 500 Internal Server Error"),
        ("/empty", "no article text found in the page"),
        ("/loop", "redirect loop: {url} -> {url}"),
    ],
)
def test_each_failure_is_one_line_exit_1_and_nothing_written(tmp_path, hostile, capsys, path, message):
    root = example_tree(tmp_path)
    before = files_under(root / "content")
    url = hostile.url(path)
    assert run(root, "import", url) == 1
    assert outcome(capsys) == ([], [f"digest: {url}: {message.format(url=url)}"])
    assert files_under(root / "content") == before


def test_refused_schemes_and_unreachable_hosts(tmp_path, capsys):
    root = example_tree(tmp_path)
    assert run(root, "import", "ftp://files.example/story", "http://127.0.0.1:9/story") == 1
    assert outcome(capsys) == (
        [],
        [
            "digest: ftp://files.example/story: only http:// and https:// addresses are fetched",
            "digest: http://127.0.0.1:9/story: 127.0.0.1 refused the connection",
        ],
    )


def serve_outlet(web, kind: str) -> str:
    """The three stories at their addresses, and the outlet's feed of them in one of the three formats."""
    web.page("/news/hold-fire", HOLD_FIRE.replace(f"{SITE}/news/hold-fire", web.url("/news/hold-fire")))
    web.page("/news/doha", DOHA)
    web.page("/news/crossing", CROSSING)
    base = web.url("")
    feed = {"rss": RSS.format(base=base), "atom": ATOM.format(base=base), "json": json_feed(base)}[kind]
    types = {"rss": "application/rss+xml", "atom": "application/atom+xml", "json": "application/feed+json"}
    return web.page(f"/feed.{kind}", feed, types[kind])


@pytest.mark.parametrize("kind", ["rss", "atom", "json"])
def test_a_feed_imports_the_items_the_tree_lacks_oldest_first(tmp_path, web, capsys, kind):
    feed = serve_outlet(web, kind)
    root = example_tree(tmp_path, {"2025/01/crossing.md": with_source("Crossing", web.url("/news/crossing"))})
    assert run(root, "import", "--feed", feed) == 0
    out, err = outcome(capsys)
    assert out == [
        f"{web.url('/news/hold-fire')}: wrote {ARTICLES}/armed-groups-pledge-to-hold-fire-while-the-truce-lasts.md",
        f"{web.url('/news/doha')}: wrote content/articles/2025/01/talks-resume-in-doha-on-the-second-phase.md",
        f"{web.url('/news/crossing')}: already in the tree as content/articles/2025/01/crossing.md",
        "3 items: 2 written, 1 already in the tree, 0 likely reprints, 0 failed",
    ]
    assert err == [] and "/news/crossing" not in web.hits
    doha = front(root / "content/articles/2025/01/talks-resume-in-doha-on-the-second-phase.md")
    assert str(doha["date"]) == "2025-01-20"  # the page has no date: the feed's, in UTC
    assert (root / "content/articles/2025/01/talks-resume-in-doha-on-the-second-phase.source.txt").is_file()
    capsys.readouterr()
    assert run(root, "import", "--feed", feed) == 0
    assert outcome(capsys)[0][-1] == "3 items: 0 written, 3 already in the tree, 0 likely reprints, 0 failed"


def test_since_and_limit_narrow_the_feed_and_the_next_run_goes_on(tmp_path, web, capsys):
    feed = serve_outlet(web, "rss")
    root = example_tree(tmp_path)
    assert run(root, "import", "--feed", feed, "--since", "2025-01-19", "--limit", "1") == 0
    out, _ = outcome(capsys)
    assert out == [
        f"{web.url('/news/doha')}: wrote content/articles/2025/01/talks-resume-in-doha-on-the-second-phase.md",
        "1 item: 1 written, 0 already in the tree, 0 likely reprints, 0 failed; "
        "1 published before 2025-01-19 left out; 1 more left for the next run (--limit 1)",
    ]
    assert run(root, "import", "--feed", feed, "--since", "2025-01-19", "--limit", "1") == 0
    assert outcome(capsys)[0] == [
        f"{web.url('/news/doha')}: already in the tree as {ARTICLES}/talks-resume-in-doha-on-the-second-phase.md",
        f"{web.url('/news/crossing')}: wrote content/articles/2025/01/rafah-crossing-reopens-for-the-wounded.md",
        "2 items: 1 written, 1 already in the tree, 0 likely reprints, 0 failed; "
        "1 published before 2025-01-19 left out",
    ]


def test_a_failing_item_does_not_stop_the_others_and_the_exit_status_is_1(tmp_path, web, capsys):
    feed = serve_outlet(web, "json")
    web.page("/news/doha", DOHA, status=500)
    root = example_tree(tmp_path)
    assert run(root, "import", "--feed", feed) == 1
    out, _ = outcome(capsys)
    assert out[1] == f"{web.url('/news/doha')}: failed: the server answered 500 Internal Server Error"
    assert out[-1] == "3 items: 2 written, 0 already in the tree, 0 likely reprints, 1 failed"
    assert len(list((root / "content/articles/2025/01").glob("*.md"))) == 2


def test_a_likely_reprint_from_a_feed_is_not_written(tmp_path, web, capsys):
    feed = serve_outlet(web, "atom")
    existing = article("Talks resume in Doha on the phase two", "2025-01-20", "[gaza]")
    root = example_tree(tmp_path, {"2025/01/talks.md": existing})
    assert run(root, "import", "--feed", feed) == 0
    out, _ = outcome(capsys)
    assert out[1] == (
        f"{web.url('/news/doha')}: looks like a reprint of {ARTICLES}/talks.md (the titles are 86% alike); "
        "not written: if it is the same report, add it to that article's also_published, else import it alone "
        f"with digest import {web.url('/news/doha')}"
    )
    assert out[-1] == "3 items: 2 written, 0 already in the tree, 1 likely reprint, 0 failed"
    assert not (root / "content/articles/2025/01/talks-resume-in-doha-on-the-second-phase.md").exists()


def test_a_feed_from_a_file(tmp_path, web, capsys):
    serve_outlet(web, "rss")
    source = tmp_path / "saved-feed.json"
    source.write_text(json_feed(web.url("")), encoding="utf-8")
    root = example_tree(tmp_path)
    assert run(root, "import", "--feed", str(source), "--limit", "2") == 0
    assert outcome(capsys)[0][-1] == (
        "2 items: 2 written, 0 already in the tree, 0 likely reprints, 0 failed; "
        "1 more left for the next run (--limit 2)"
    )


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_progress_line_while_fetching_on_a_terminal_only(tmp_path, web, capsys, monkeypatch):
    feed = serve_outlet(web, "rss")
    root = example_tree(tmp_path)
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    assert run(root, "import", "--feed", feed) == 0
    shown = terminal.getvalue()
    assert shown == "".join(
        f"\r[{n}/3] fetching {web.url(path)}\r\x1b[K"
        for n, path in enumerate(["/news/hold-fire", "/news/doha", "/news/crossing"], start=1)
    )
    assert "\r" not in capsys.readouterr().out


@pytest.mark.parametrize(
    "kind, body, message",
    [
        ("broken", b"<rss version='2.0'><channel><item><title>cut", "the feed is malformed XML: no element found"),
        (
            "page",
            HOLD_FIRE.encode(),
            "not an RSS, Atom or JSON Feed feed: it is a web page; give the address of the outlet's feed",
        ),
        (
            "json",
            json.dumps({"items": []}).encode(),
            "JSON, but not a JSON Feed: it has no 'version' starting with https://jsonfeed.org/version/",
        ),
    ],
)
def test_a_feed_that_cannot_be_read_is_one_line_and_writes_nothing(tmp_path, web, capsys, kind, body, message):
    url = web.page(f"/feed-{kind}", body, "application/json" if kind == "json" else "text/xml")
    root = example_tree(tmp_path)
    before = files_under(root / "content")
    assert run(root, "import", "--feed", url) == 1
    assert outcome(capsys) == ([], [f"digest: {url}: {message}"])
    assert files_under(root / "content") == before


def test_a_feed_that_cannot_be_fetched(tmp_path, web, capsys):
    root = example_tree(tmp_path)
    url = web.url("/no-feed")
    assert run(root, "import", "--feed", url) == 1
    assert outcome(capsys) == ([], [f"digest: {url}: the server answered 404 Not Found"])
    image = web.page("/feed.png", b"\x89PNG", "image/png")
    assert run(root, "import", "--feed", image) == 1
    assert outcome(capsys) == ([], [f"digest: {image}: the answer is image/png, not a feed (RSS, Atom or JSON Feed)"])


@pytest.mark.parametrize(
    "args, message",
    [
        (
            ["--feed", "feed.xml", "story.html"],
            "digest: give files or addresses to import, or --feed URL_OR_FILE, not both",
        ),
        ([], "digest: nothing to import: give files or addresses, or --feed URL_OR_FILE"),
        (
            ["--since", "2025-01-01", "story.html"],
            "digest: --since and --limit choose among a feed's items: use them with --feed",
        ),
    ],
)
def test_options_that_do_not_go_together(tmp_path, capsys, args, message):
    root = example_tree(tmp_path)
    assert run(root, "import", *args) == 1
    assert outcome(capsys) == ([], [message])


@pytest.mark.parametrize(
    "args, message",
    [
        (["--since", "last week"], "argument --since: expected a date YYYY-MM-DD, got 'last week'"),
        (["--limit", "0"], "argument --limit: expected a whole number of items, 1 or more, got '0'"),
    ],
)
def test_since_and_limit_say_what_they_expect(tmp_path, capsys, args, message):
    root = example_tree(tmp_path)
    with pytest.raises(SystemExit) as stopped:
        run(root, "import", "--feed", "feed.xml", *args)
    assert stopped.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == f"digest import: error: {message}"
