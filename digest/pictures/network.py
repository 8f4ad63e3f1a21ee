"""Who is tied to whom: the ties between actors, and the geometry of two pictures of them.

A tie is an affiliation from the registry (member_of, aligned_with, in either direction) or being
named together in at least MIN_TOGETHER articles, weighted by how many. One actor's neighbourhood
is computed from its own Index group; the overview of every actor with articles is laid out once
per build with networkx (seeded, nodes and edges in sorted order, coordinates rounded), so the same
content gives the same picture. Knows nothing of URLs, HTML or MkDocs.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import TYPE_CHECKING

from digest.group.index import Index
from digest.pictures.charts import CHAR_WIDTH, fit_text, text_width
from digest.pictures.charts import rounded as _r
from digest.pictures.charts import svg_number as _n
from digest.words import ENGLISH, Words

if TYPE_CHECKING:
    import numpy as np

MIN_TOGETHER = 2
"""Named together once may be chance; twice is a pattern worth drawing."""
AFFILIATIONS = ("member-of", "member", "aligned")

NEIGHBOURHOOD_WIDTH = 460
NEIGHBOURHOOD_LIMIT = 12
"""Neighbours drawn per side; the table under the picture lists every tie."""
LABEL_FONT = 17
"""The largest size (user units) the stylesheet gives labels: on phones, where the picture shrinks."""
LINE_HEIGHT = LABEL_FONT * 1.2
CENTRE_X, SIDE_OFFSET = NEIGHBOURHOOD_WIDTH // 2, 72
CAPTION_SCALE = 0.9
LABEL_WIDTH = CENTRE_X - SIDE_OFFSET - 20
CENTRE_LABEL_WIDTH = 2 * SIDE_OFFSET - 30
HEADINGS_HEIGHT, ROW_PADDING = 30, 10

OVERVIEW_LIMIT = 300
"""Actors in the overview, the most named first: more would be a blot, not a picture (and
networkx's layout of 500 nodes and more needs scipy)."""
OVERVIEW_TIES = 5
"""A named-together tie is drawn when it is among the strongest few of either actor."""
OVERVIEW_FONT = 14
OVERVIEW_SPACING = 95
"""Side of a group's box per square root of its members, in user units."""
OVERVIEW_PAD, OVERVIEW_CELL, OVERVIEW_LABEL_WIDTH = 44, 180, 160
OVERVIEW_MIN_WIDTH, OVERVIEW_MAX_WIDTH = 640, 1400
OVERVIEW_ITERATIONS = 80
OVERVIEW_K = 3.0
"""Spring length, times networkx's default: spreads a dense core."""
OVERVIEW_GAP, OVERVIEW_SPREAD_ROUNDS = 46, 60
LAYOUT_SEED = 20250119


@dataclass(frozen=True)
class Tie:
    other: str
    """Slug of the neighbouring actor."""
    kinds: tuple[str, ...]
    """Its affiliations with the actor, in AFFILIATIONS order: 'member-of' (the actor is a member
    of it), 'member' (it is a member of the actor), 'aligned' (either direction)."""
    together: int
    """Articles that name both; 0 when fewer than MIN_TOGETHER."""

    @property
    def affiliated(self) -> bool:
        return bool(self.kinds)


def ties(index: Index, slug: str) -> tuple[Tie, ...]:
    """Every tie of one actor: affiliations first (by kind, then name), then the most named together."""
    actor = index.registries.actors[slug]
    kinds: dict[str, set[str]] = defaultdict(set)
    for other in actor.member_of:
        kinds[other].add("member-of")
    for other in index.members[slug]:
        kinds[other].add("member")
    for other in (*actor.aligned_with, *index.aligned_by[slug]):
        kinds[other].add("aligned")
    together = Counter(
        other for article in index.by_actor[slug] for other in dict.fromkeys(article.actors) if other != slug
    )
    strong = {other: n for other, n in together.items() if n >= MIN_TOGETHER}
    names = index.registries.actors
    result = [Tie(other, tuple(k for k in AFFILIATIONS if k in kinds[other]), strong.get(other, 0))
              for other in set(kinds) | set(strong) if other != slug]
    return tuple(sorted(result, key=lambda t: (not t.affiliated, AFFILIATIONS.index(t.kinds[0]) if t.kinds else 0,
                                              -t.together, names[t.other].name, t.other)))


@dataclass(frozen=True)
class Node:
    slug: str
    name: str
    lines: tuple[str, ...]
    """The label, wrapped (and if need be shortened) to fit; the full name is `name`."""
    caption: tuple[str, ...]
    """Lines under the name saying how the node is tied to the actor in the middle."""
    description: str
    """Name and tie in words, for the link's accessible name and tooltip."""
    x: float
    y: float
    r: float
    anchor: str
    """SVG text-anchor of the label: 'end' on the outer side of a node left of the centre (right of
    it in a right-to-left picture, where 'end' is the left), 'start' on the other side, 'middle' above it."""
    label_x: float = 0.0
    """Where the label goes: beside the node (a neighbourhood), or its centre above, below or beside it
    (the overview)."""
    label_y: float = 0.0


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    path: str
    """SVG path data."""
    kinds: tuple[str, ...]
    together: int
    width: float

    @property
    def style(self) -> str:
        """How the line is drawn: by the closest affiliation ('member' for either direction,
        'aligned'), else 'together'."""
        if "member-of" in self.kinds or "member" in self.kinds:
            return "member"
        return "aligned" if "aligned" in self.kinds else "together"


@dataclass(frozen=True)
class Neighbourhood:
    width: int
    height: int
    centre: Node
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    ties: tuple[Tie, ...]
    """Every tie, also those the picture leaves out."""
    hidden: int
    """Ties not drawn (beyond NEIGHBOURHOOD_LIMIT on a side)."""
    headings_x: tuple[float, float] = (4, NEIGHBOURHOOD_WIDTH - 4)
    """Where the affiliations' and the named-together column headings start."""


def neighbourhood(index: Index, slug: str, words: Words = ENGLISH) -> Neighbourhood | None:
    """One actor in the middle, its affiliations on the left, the actors named with it on the right
    (the other way round in a right-to-left language, whose readers start on the right).

    Rows are measured at the largest label size (phones), so nothing overlaps at any width."""
    all_ties = ties(index, slug)
    if not all_ties:
        return None
    names = index.registries.actors
    sides = ([t for t in all_ties if t.affiliated], [t for t in all_ties if not t.affiliated])
    shown = [side[:NEIGHBOURHOOD_LIMIT] for side in sides]
    rows = [[_neighbour_label(names[t.other].name, t, words) for t in side] for side in shown]
    heights = [sum(_row_height(*label) for label in side) for side in rows]
    centre_lines = _wrap(names[slug].name, CENTRE_LABEL_WIDTH)
    centre_r = 11
    # the centre's label sits above its node, below the column headings
    top = max(HEADINGS_HEIGHT, HEADINGS_HEIGHT + len(centre_lines) * LINE_HEIGHT + centre_r + 8 - max(heights) / 2)
    centre_y = top + max(heights) / 2
    centre = Node(
        slug,
        names[slug].name,
        centre_lines,
        (),
        names[slug].name,
        CENTRE_X,
        _r(centre_y),
        centre_r,
        "middle",
        CENTRE_X,
        _r(centre_y - centre_r - 8 - (len(centre_lines) - 1) * LINE_HEIGHT),
    )
    nodes, edges = [], []
    outward = 1 if words.direction == "rtl" else -1  # the affiliations' side of the centre: where reading starts
    for side, (side_ties, labels, total) in enumerate(zip(shown, rows, heights, strict=True)):
        away = outward if side == 0 else -outward
        x = CENTRE_X + away * SIDE_OFFSET
        y = top + (max(heights) - total) / 2
        for tie, (lines, caption) in zip(side_ties, labels, strict=True):
            node_y = y + LINE_HEIGHT / 2 + ROW_PADDING / 2
            tie_words = words.gettext(", ").join(_tie_words(tie, words))
            description = words.gettext("%(name)s: %(ties)s", name=names[tie.other].name, ties=tie_words)
            r = _radius(index, tie.other)
            anchor = "end" if side == 0 else "start"
            nodes.append(Node(tie.other, names[tie.other].name, lines, caption, description, x, _r(node_y), r, anchor,
                              _r(x + away * (r + 6))))
            edges.append(
                Edge(
                    slug,
                    tie.other,
                    _curve(CENTRE_X, centre_y, x, node_y),
                    tie.kinds,
                    tie.together,
                    _edge_width(tie.together),
                )
            )
            y += _row_height(lines, caption)
    hidden = sum(len(side) for side in sides) - sum(len(side) for side in shown)
    height = math.ceil(top + max(heights) + 4)
    headings = (4, NEIGHBOURHOOD_WIDTH - 4) if outward < 0 else (NEIGHBOURHOOD_WIDTH - 4, 4)
    return Neighbourhood(NEIGHBOURHOOD_WIDTH, height, centre, tuple(nodes), tuple(edges), all_ties, hidden, headings)


def _neighbour_label(name: str, tie: Tie, words: Words) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The name in lines, and the tie in short words ('member', '3 articles') in lines: what the
    neighbour is to the actor in the middle."""
    _ = words.gettext
    captions = {"member-of": _("its group"), "member": _("member"), "aligned": _("aligned")}
    together = [words.ngettext("%(num)s article", "%(num)s articles", tie.together)] if tie.together else []
    lines: list[str] = []
    for word in [captions[k] for k in tie.kinds] + together:
        joined = f"{lines[-1]} · {word}" if lines else word
        if lines and text_width(joined, LABEL_FONT * CAPTION_SCALE) <= LABEL_WIDTH:
            lines[-1] = joined
        else:
            lines.append(word)
    return _wrap(name, LABEL_WIDTH), tuple(lines)


def _tie_words(tie: Tie, words: Words) -> list[str]:
    _ = words.gettext
    descriptions = {"member-of": _("a group it belongs to"), "member": _("a member of it"),
                    "aligned": _("aligned with it")}
    together = [words.ngettext("named together in %(num)s article", "named together in %(num)s articles", tie.together)]
    return [descriptions[k] for k in tie.kinds] + (together if tie.together else [])


def _row_height(lines: Sequence[str], caption: Sequence[str]) -> float:
    """Name lines, caption lines (a little smaller) and some air."""
    return len(lines) * LINE_HEIGHT + len(caption) * LINE_HEIGHT * CAPTION_SCALE + ROW_PADDING


def _wrap(text: str, width: float, max_lines: int = 3) -> tuple[str, ...]:
    """Words into lines that fit the width at the largest label size; the last line is shortened."""
    per_line = max(4, int(width / (LABEL_FONT * CHAR_WIDTH)))
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= per_line:
            lines[-1] += " " + word
        else:
            lines.append(word)
    if len(lines) > max_lines:
        lines = [*lines[:max_lines - 1], " ".join(lines[max_lines - 1:])]
    return tuple(fit_text(line, LABEL_FONT, width) for line in lines)


def _curve(x1: float, y1: float, x2: float, y2: float) -> str:
    """A curve leaving and reaching its ends horizontally, so that a fan of edges stays apart."""
    bend = (x2 - x1) / 2
    return f"M{_n(x1)} {_n(y1)}C{_n(x1 + bend)} {_n(y1)} {_n(x2 - bend)} {_n(y2)} {_n(x2)} {_n(y2)}"


def _edge_width(together: int) -> float:
    """Thicker with each doubling of the shared articles, up to a limit: lines must not merge into a blot."""
    return _r(1.2 + min(math.log2(together), 5) * 0.75) if together else 1.5


def _radius(index: Index, slug: str) -> float:
    """Area grows with the number of articles naming the actor, within reason."""
    return _r(4 + min(math.sqrt(len(index.by_actor[slug])), 6))


@dataclass(frozen=True)
class Overview:
    width: int
    height: int
    nodes: tuple[Node, ...]
    """Least named first, the drawing order; `lines` is empty where there was no room for a label
    (the node's <title> still names it)."""
    edges: tuple[Edge, ...]
    ties: dict[str, tuple[Tie, ...]]
    """Actor slug -> the ties drawn from it, for the table under the picture."""
    left_out: int
    """Actors with articles beyond OVERVIEW_LIMIT."""


def overview(index: Index, words: Words = ENGLISH) -> Overview | None:
    """Every actor named in an article (up to OVERVIEW_LIMIT) and the ties between them."""
    named = sorted((s for s, arts in index.by_actor.items() if arts), key=lambda s: (-len(index.by_actor[s]), s))
    shown = sorted(named[:OVERVIEW_LIMIT])
    if not shown:
        return None
    edges = _overview_edges(index, set(shown))
    positions, width, height = _layout(shown, edges)
    by_importance = sorted(shown, key=lambda s: (-len(index.by_actor[s]), index.registries.actors[s].name, s))
    nodes = _place_labels(index, by_importance, positions, width, words)
    drawn = [Edge(a, b, f"M{_n(positions[a][0])} {_n(positions[a][1])}L{_n(positions[b][0])} {_n(positions[b][1])}",
                  kinds, together, _edge_width(together))
             for (a, b), (kinds, together) in sorted(edges.items())]
    names = index.registries.actors
    table: dict[str, list[Tie]] = {slug: [] for slug in shown}
    for (a, b), (kinds, together) in sorted(edges.items()):
        table[a].append(Tie(b, kinds, together))
        table[b].append(Tie(a, _reversed(kinds), together))
    ties_by_actor = {s: tuple(sorted(t, key=lambda t: (-t.together, names[t.other].name))) for s, t in table.items()}
    return Overview(width, height, tuple(nodes), tuple(drawn), ties_by_actor,
                    len(named) - len(shown))


def _overview_edges(index: Index, shown: set[str]) -> dict[tuple[str, str], tuple[tuple[str, ...], int]]:
    """(a, b) with a < b -> (a's affiliations with b, articles naming both), for the ties worth drawing."""
    kinds: dict[tuple[str, str], set[str]] = defaultdict(set)
    for slug in sorted(shown):
        actor = index.registries.actors[slug]
        for other in actor.member_of:
            if other in shown and other != slug:
                kinds[_pair(slug, other)].add("member-of" if slug < other else "member")
        for other in actor.aligned_with:
            if other in shown and other != slug:
                kinds[_pair(slug, other)].add("aligned")
    together: Counter[tuple[str, str]] = Counter()
    for article in index.articles:
        named = sorted(s for s in dict.fromkeys(article.actors) if s in shown)
        together.update(combinations(named, 2))
    strongest: dict[str, list[tuple[int, str, tuple[str, str]]]] = defaultdict(list)
    for pair, n in together.items():
        if n >= MIN_TOGETHER:
            for slug in pair:
                strongest[slug].append((-n, pair[0] if pair[1] == slug else pair[1], pair))
    kept = {pair for ranked in strongest.values() for _, _, pair in sorted(ranked)[:OVERVIEW_TIES]}
    pairs = set(kinds) | kept
    return {
        pair: (
            tuple(k for k in AFFILIATIONS if k in kinds[pair]),
            together[pair] if together[pair] >= MIN_TOGETHER else 0,
        )
        for pair in sorted(pairs)
    }


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def _reversed(kinds: tuple[str, ...]) -> tuple[str, ...]:
    """The same affiliations seen from the other end of the edge."""
    swap = {"member-of": "member", "member": "member-of", "aligned": "aligned"}
    return tuple(k for k in AFFILIATIONS if k in {swap[k] for k in kinds})


def _layout(
    shown: list[str], edges: dict[tuple[str, str], tuple[tuple[str, ...], int]]
) -> tuple[dict[str, tuple[float, float]], int, int]:
    """Each group of connected actors by a seeded force layout in a box sized to it, the boxes
    packed in rows, biggest first; actors without ties in a grid underneath."""
    import networkx as nx  # with numpy, which the layout needs: loaded only when there is a network to draw

    graph = _graph(nx, sorted({slug for pair in edges for slug in pair}), edges)
    groups = sorted(
        (sorted(group) for group in nx.connected_components(graph)), key=lambda group: (-len(group), group[0])
    )
    width = int(
        min(
            OVERVIEW_MAX_WIDTH,
            max(OVERVIEW_MIN_WIDTH, OVERVIEW_SPACING * math.sqrt(graph.number_of_nodes() or 1) * 1.4),
        )
    )
    positions: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for group in groups:
        box_width = min(width - 2 * OVERVIEW_PAD, OVERVIEW_SPACING * math.sqrt(len(group)) * 1.3)
        box_height = box_width * 0.7
        if x and x + box_width + 2 * OVERVIEW_PAD > width:
            x, y, row_height = 0.0, y + row_height, 0.0
        layout = nx.spring_layout(
            _graph(nx, group, edges),
            seed=LAYOUT_SEED,
            iterations=OVERVIEW_ITERATIONS,
            method="force",
            k=OVERVIEW_K / math.sqrt(len(group)),
        )
        for slug, (px, py) in _spread(layout, box_width, box_height).items():
            positions[slug] = (_r(x + OVERVIEW_PAD + px), _r(y + OVERVIEW_PAD + py))
        x += box_width + 2 * OVERVIEW_PAD
        row_height = max(row_height, box_height + 2 * OVERVIEW_PAD)
    y += row_height
    loose = [slug for slug in shown if slug not in positions]
    columns = max(1, int((width - 2 * OVERVIEW_PAD) // OVERVIEW_CELL))
    for i, slug in enumerate(loose):
        positions[slug] = (
            _r(OVERVIEW_PAD + (i % columns + 0.5) * OVERVIEW_CELL),
            _r(y + OVERVIEW_PAD + (i // columns) * 44),
        )
    if loose:
        y += OVERVIEW_PAD + math.ceil(len(loose) / columns) * 44
    return positions, width, math.ceil(y + 10)


def _spread(layout: dict, width: float, height: float) -> dict[str, tuple[float, float]]:
    """The layout stretched to fill a box, then nudged until no two nodes sit closer than
    OVERVIEW_GAP (a force layout packs a busy core too tightly to read)."""
    import numpy as np

    slugs = list(layout)
    points = np.array([layout[s] for s in slugs], dtype=float)
    for _ in range(2):
        low, high = points.min(axis=0), points.max(axis=0)
        points = (points - low) / np.where(high > low, high - low, 1) * (width, height)
        for _ in range(OVERVIEW_SPREAD_ROUNDS):
            # the pairs that may overlap, with room to spare; their exact distance (np.hypot) decides,
            # as it would over the whole matrix
            near, other = _close_pairs(points, OVERVIEW_GAP * 1.01)
            pairs = points[near] - points[other]
            distance = np.hypot(pairs[:, 0], pairs[:, 1])
            overlap = np.clip(OVERVIEW_GAP - distance, 0, None)
            pushing = overlap > 0
            if not pushing.any():
                break
            # each node's pushes are added up in the order the sum over the whole matrix adds them
            # ((delta / distance * overlap / 2).sum(axis=1)), so the result is the same to the bit
            push = pairs[pushing] / np.maximum(distance[pushing], 1e-6)[:, None] * (overlap[pushing] / 2)[:, None]
            moves = np.zeros_like(points)
            np.add.at(moves, near[pushing], push)
            points += moves
    return {slug: (float(px), float(py)) for slug, (px, py) in zip(slugs, points, strict=True)}


def _close_pairs(points: np.ndarray, distance: float) -> tuple[np.ndarray, np.ndarray]:
    """(i, j) with i != j of the points at most distance apart, i ascending, then j: a tree of the
    points finds them without measuring every pair."""
    import numpy as np
    import shapely

    dots = shapely.points(points)
    near, other = shapely.STRtree(dots).query(dots, predicate="dwithin", distance=distance)
    apart = near != other
    order = np.lexsort((other[apart], near[apart]))
    return near[apart][order], other[apart][order]


def _graph(nx, nodes: list[str], edges: dict[tuple[str, str], tuple[tuple[str, ...], int]]):
    """A graph with its nodes and edges added in sorted order: the layout depends on that order."""
    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    members = set(nodes)
    graph.add_weighted_edges_from(
        (a, b, 1 + math.log(max(together, 1)) + len(kinds))
        for (a, b), (kinds, together) in sorted(edges.items())
        if a in members and b in members
    )
    return graph


def _place_labels(
    index: Index, by_importance: list[str], positions: dict[str, tuple[float, float]], width: int, words: Words
) -> list[Node]:
    """Label the most named actors first, above, below, right or left of the node, wherever the
    label covers no other label and no node at least as named; else leave it to the node's <title>.
    Returned least named first: drawn in that order, a label lies over the lesser nodes it covers."""
    taken: list[tuple[float, float, float, float, str]] = []
    nodes = []
    for slug in by_importance:
        x, y = positions[slug]
        r = _radius(index, slug)
        taken.append((x - r, y - r, x + r, y + r, slug))
        name = index.registries.actors[slug].name
        count = len(index.by_actor[slug])
        description = words.ngettext("%(name)s: %(num)s article", "%(name)s: %(num)s articles", count, name=name)
        label = fit_text(name, OVERVIEW_FONT, OVERVIEW_LABEL_WIDTH)
        spot = next((spot for spot in _label_spots(positions[slug], r, text_width(label, OVERVIEW_FONT), width)
                     if not any(_overlap(spot[2], b) and b[4] != slug for b in taken)), None)
        if spot is None:
            nodes.append(Node(slug, name, (), (), description, x, y, r, "middle"))
            continue
        taken.append((*spot[2], slug))
        nodes.append(Node(slug, name, (label,), (), description, x, y, r, "middle", spot[0], spot[1]))
    return nodes[::-1]


def _label_spots(
    at: tuple[float, float], r: float, w: float, width: int
) -> Iterator[tuple[float, float, tuple[float, float, float, float]]]:
    """(x, baseline y, box) of a label centred above, below, right and left of a node, kept inside the picture."""
    x, y = at
    h = OVERVIEW_FONT
    for centre, top in (
        (x, y - r - 4 - h),
        (x, y + r + 3),
        (x + r + 4 + w / 2, y - h / 2),
        (x - r - 4 - w / 2, y - h / 2),
    ):
        centre = min(max(centre, w / 2 + 2), width - w / 2 - 2)
        yield centre, _r(top + h * 0.8), (centre - w / 2, top, centre + w / 2, top + h)


def _overlap(a: Sequence[float], b: Sequence[float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
