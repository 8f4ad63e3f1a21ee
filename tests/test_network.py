"""Ties between actors: who neighbours whom, the pictures of them, and a layout that never changes."""
from __future__ import annotations

import hashlib
import math
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from itertools import combinations

import pytest
from trees import REPO, article, content_tree, settings_for

from digest.group.index import build_index
from digest.pictures import network
from digest.pictures.network import Tie, neighbourhood, overview, ties
from digest.pipeline import build_site, check

ACTORS = """\
iri: {name: Islamic Resistance in Iraq, kind: armed-group}
nujaba: {name: Harakat al-Nujaba, kind: armed-group, member_of: [iri], aligned_with: [iran]}
kataib: {name: Kata'ib Hezbollah, kind: armed-group, member_of: [iri], aligned_with: [nujaba]}
kaabi: {name: Akram al-Kaabi, kind: person, member_of: [nujaba]}
iran: {name: Iran, kind: state}
israel: {name: Israel, kind: state}
usa: {name: United States, kind: state}
network: {name: Network, kind: media}
"""
ARTICLES = {
    "a1.md": article("One", "2025-01-06", extra="actors: [nujaba, israel, usa]\n"),
    "a2.md": article("Two", "2025-01-07", extra="actors: [nujaba, israel, kataib]\n"),
    "a3.md": article("Three", "2025-01-08", extra="actors: [nujaba, israel]\n"),
    "a4.md": article("Four", "2025-01-09", extra="actors: [nujaba, usa]\n"),
    "a5.md": article("Five", "2025-01-10", extra="actors: [nujaba, network]\n"),
}


@pytest.fixture
def tree(tmp_path):
    return content_tree(tmp_path, ARTICLES, actors=ACTORS)


@pytest.fixture
def site(tree):
    return build_site(settings_for(tree))


def picture(page: str, figure: str) -> ET.Element:
    """The inline SVG of the page's figure with these classes, parsed as XML."""
    start = page.index("<svg", page.index(f'class="{figure}"'))
    return ET.fromstring(page[start: page.index("</svg>", start) + len("</svg>")])


def test_ties_are_affiliations_both_ways_then_articles_together_at_two_or_more(site):
    assert ties(site.index, "nujaba") == (
        Tie("iri", ("member-of",), 0),
        Tie("kaabi", ("member",), 0),
        Tie("iran", ("aligned",), 0),
        Tie("kataib", ("aligned",), 0),  # named together once: not counted
        Tie("israel", (), 3),
        Tie("usa", (), 2),
    )
    assert ties(site.index, "iran") == (Tie("nujaba", ("aligned",), 0),)
    assert ties(site.index, "network") == (), "one shared article is not a tie"
    assert ties(site.index, "israel") == (Tie("nujaba", (), 3),)


def test_actor_picture_has_a_linked_node_per_neighbour_and_weighted_edges(site):
    svg = picture(site.pages["actors/nujaba.md"], "digest-figure digest-network")
    links = [a.get("href") for a in svg.iter("a")]
    assert links == ["../iri/", "../kaabi/", "../iran/", "../kataib/", "../israel/", "../usa/"]
    edges = {e.get("class").split("--")[-1]: [] for e in svg.iter("path")}
    for edge in svg.iter("path"):
        edges[edge.get("class").split("--")[-1]].append(float(edge.get("stroke-width")))
    assert sorted(edges) == ["aligned", "member", "together"]
    assert len(edges["member"]) == 2 and len(edges["aligned"]) == 2
    assert edges["together"][0] > edges["together"][1], "Israel (3 articles) is drawn thicker than the US (2)"
    titles = [a.find("title").text for a in svg.iter("a")]
    assert "Israel: named together in 3 articles" in titles
    assert "Akram al-Kaabi: a member of it" in titles


def test_actor_picture_table_lists_every_tie(site):
    page = site.pages["actors/nujaba.md"]
    table = page[
        page.index("<tbody>", page.index("digest-network")) : page.index("</tbody>", page.index("digest-network"))
    ]
    rows = re.findall(r'<tr><td><a href="\.\./([a-z]+)/">[^<]+</a></td><td>([^<]*)</td><td>(\d*)</td></tr>', table)
    assert rows == [
        ("iri", "group Harakat al-Nujaba belongs to", ""),
        ("kaabi", "member of Harakat al-Nujaba", ""),
        ("iran", "aligned with Harakat al-Nujaba", ""),
        ("kataib", "aligned with Harakat al-Nujaba", ""),
        ("israel", "", "3"),
        ("usa", "", "2"),
    ]


def test_an_actor_without_ties_has_no_picture(site):
    assert neighbourhood(site.index, "network") is None
    assert "digest-network" not in site.pages["actors/network.md"]


def test_the_picture_shows_a_limited_number_and_says_so(site, monkeypatch):
    monkeypatch.setattr(network, "NEIGHBOURHOOD_LIMIT", 1)
    hood = neighbourhood(site.index, "nujaba")
    assert [n.slug for n in hood.nodes] == ["iri", "israel"]
    assert hood.hidden == 4 and len(hood.ties) == 6


def test_overview_has_every_actor_with_articles_and_only_ties_worth_drawing(site):
    result = overview(site.index)
    assert sorted(n.slug for n in result.nodes) == ["israel", "kataib", "network", "nujaba", "usa"]
    assert {(e.source, e.target): (e.style, e.together) for e in result.edges} == {
        ("kataib", "nujaba"): ("aligned", 0),
        ("israel", "nujaba"): ("together", 3),
        ("nujaba", "usa"): ("together", 2),
    }
    assert result.ties["nujaba"][0] == Tie("israel", (), 3)
    assert result.ties["kataib"] == (Tie("nujaba", ("aligned",), 0),)
    svg = picture(site.pages["network/index.md"], "digest-figure digest-network digest-network--overview")
    assert sorted(a.get("href") for a in svg.iter("a")) == [
        f"../actors/{s}/" for s in ("israel", "kataib", "network", "nujaba", "usa")
    ]
    assert len(list(svg.iter("path"))) == 3
    for node in result.nodes:
        assert 0 <= node.x <= result.width and 0 <= node.y <= result.height


def test_overview_keeps_the_most_named_actors(site, monkeypatch):
    monkeypatch.setattr(network, "OVERVIEW_LIMIT", 2)
    result = overview(site.index)
    assert sorted(n.slug for n in result.nodes) == ["israel", "nujaba"]
    assert result.left_out == 3


def test_network_page_cannot_meet_an_actor_called_network(site):
    assert "network/index.md" in site.pages and "actors/network.md" in site.pages
    assert "<h1>Actor network</h1>" in site.pages["network/index.md"]
    assert "<h1>Network</h1>" in site.pages["actors/network.md"]


SITE_HASH = """
import hashlib, sys
from pathlib import Path
from digest.pipeline import Settings, build_site
root = Path(sys.argv[1])
site = build_site(Settings(content_dir=root / "content", templates_dir=Path(sys.argv[2]), root=root))
page, pages = site.pages["network/index.md"].encode(), repr(site.pages).encode()
print(hashlib.sha256(page).hexdigest(), hashlib.sha256(pages).hexdigest())
"""


def test_same_content_gives_the_same_pictures_whatever_the_hash_seed(tree):
    outputs = set()
    for seed in ("0", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run([sys.executable, "-c", SITE_HASH, str(tree), str(REPO / "templates" / "pages")],
                                capture_output=True, text=True, env=env, check=True)
        outputs.add(result.stdout)
    assert len(outputs) == 1, outputs


OVERVIEW_GAP = 46
"""User units between the centres of any two nodes of the overview (its largest node is 20 across)."""
ROUNDING = 2 * 0.05 * 2**0.5
"""What rounding both nodes' coordinates to a tenth of a unit may take off a distance."""


def test_overview_of_hundreds_of_actors_keeps_every_two_nodes_a_gap_apart(tmp_path):
    actors = "".join(
        f"a{i}: {{name: Actor {i}, kind: armed-group{', member_of: [a' + str(i % 7) + ']' if i > 7 else ''}}}\n"
        for i in range(300)
    )
    articles = {
        f"x{i}.md": article(
            f"X{i}", "2025-01-06", extra=f"actors: [a{i % 300}, a{(i * 7 + 1) % 300}, a{(i * 13 + 5) % 300}]\n"
        )
        for i in range(600)
    }
    content, _ = check(settings_for(content_tree(tmp_path, articles, actors=actors)))
    index = build_index(content)
    result = overview(index)
    assert len(result.nodes) == 300
    closest = min((math.dist((a.x, a.y), (b.x, b.y)), a.slug, b.slug) for a, b in combinations(result.nodes, 2))
    assert closest[0] >= OVERVIEW_GAP - ROUNDING, closest
    labelled = [n for n in result.nodes if n.lines]
    assert labelled, "the most named actors get labels"
    digest = hashlib.sha256(repr(overview(index)).encode()).hexdigest()
    assert digest == hashlib.sha256(repr(result).encode()).hexdigest()


def test_close_pairs_are_those_of_every_pair_measured_in_row_order():
    import numpy as np

    grid = np.array([(x, y) for x in range(6) for y in range(5)], dtype=float)
    points = np.vstack((grid, grid[:4], np.random.default_rng(7).uniform(0, 6, (40, 2))))  # some coincide
    apart = np.hypot(*(points[:, None, :] - points[None, :, :]).transpose(2, 0, 1))
    np.fill_diagonal(apart, np.inf)
    near, other = network._close_pairs(points, 2.0)
    expected = np.nonzero(apart <= 2.0)
    assert near.tolist() == expected[0].tolist() and other.tolist() == expected[1].tolist()
