"""A deterministic synthetic content tree in the contract's shapes, for the benchmark.

`python bench/generate.py N DIR` writes DIR/regions.yml, actors.yml, themes.yml and N articles under
DIR/articles/YYYY/MM/ spread over two years (2023-2024): about 40 regions in a 5-level tree, 300 actors
with Latin and Arabic aliases and member_of / aligned_with / based_in links, 25 themes, actor mentions
skewed as in real coverage (the top actor in about a third of the articles), summaries of 40-80 words
and bodies of 150-400 words. The same N gives the same files, byte for byte.

The names are invented from syllables, so nothing here is real reporting.
"""
from __future__ import annotations

import argparse
import datetime as dt
import functools
import itertools
import random
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from digest.check.aliases import normalise
from digest.site.urls import slugify

SEED = 2025
START = dt.date(2023, 1, 1)
DAYS = 730
THEMES = (
    "Ceasefire", "Hostages and prisoners", "Humanitarian aid", "Reconstruction", "Elections",
    "Sanctions", "Drone strikes", "Border security", "Refugees and displacement", "Oil and gas",
    "Water", "Diplomacy", "Armed factions", "Protests", "Economy", "Cyber operations",
    "Maritime security", "Nuclear programme", "Trials and justice", "Press freedom",
    "Corruption", "Public health", "Education", "Climate and drought", "Religious sites",
)
KINDS = (  # (kind, share of the 300 actors, name patterns; {n} is an invented name)
    ("person", 120, ("{n} al-{m}", "{n} {m}")),
    ("armed-group", 60, ("Kataib {n}", "Liwa {n}", "Harakat {n}", "{n} Brigades")),
    ("political-party", 30, ("{n} Party", "{n} Movement")),
    ("government", 25, ("Government of {r}", "{r} Interior Ministry", "{r} Defence Ministry")),
    ("state", 20, ("Republic of {n}", "Kingdom of {n}", "State of {n}")),
    ("organisation", 30, ("{n} Foundation", "{n} Relief Committee", "{n} Council")),
    ("media", 15, ("{n} News", "{n} Television")),
)
OUTLETS = (
    "The Levant Ledger", "Gulf Wire", "Mesopotamia Daily", "Crescent Post", "Harbour Courier",
    "Desert Dispatch", "Riverside Review", "Northern Herald", "Coastline Report", "Valley Times",
    "Capital Observer", "Frontier Monitor", "Delta Gazette", "Highland Journal", "Oasis Press",
    "Caravan Bulletin", "Citadel News Agency", "Lighthouse Weekly", "Bridge Chronicle", "Market Square",
)
SYLLABLES = (  # Latin spelling, Arabic spelling
    ("ka", "كا"), ("ra", "را"), ("ba", "با"), ("mi", "مي"), ("sa", "سا"), ("la", "لا"), ("na", "نا"),
    ("da", "دا"), ("ha", "ها"), ("qu", "قو"), ("ja", "جا"), ("fa", "فا"), ("za", "زا"), ("wa", "وا"),
    ("ya", "يا"), ("ri", "ري"), ("ni", "ني"), ("di", "دي"), ("bu", "بو"), ("mu", "مو"), ("su", "سو"),
    ("ta", "تا"), ("ki", "كي"), ("lu", "لو"), ("shi", "شي"), ("kha", "خا"), ("ghu", "غو"), ("tha", "ثا"),
)
FUNCTION_WORDS = (
    "the", "of", "and", "to", "in", "a", "on", "that", "for", "with", "by", "as", "at", "from", "its",
    "was", "is", "has", "had", "were", "after", "over", "said", "would", "not", "but", "their", "which",
)
CONTENT_WORDS = (
    "officials", "ceasefire", "talks", "forces", "border", "statement", "attack", "drone", "militia",
    "government", "minister", "parliament", "agreement", "prisoners", "hostages", "aid", "convoy",
    "crossing", "strike", "withdrawal", "negotiations", "mediators", "residents", "displaced", "camp",
    "hospital", "fuel", "electricity", "reconstruction", "sanctions", "envoy", "delegation", "council",
    "security", "checkpoint", "village", "province", "capital", "coalition", "faction", "commander",
    "spokesman", "deadline", "truce", "violations", "shelling", "rocket", "missile", "airport", "port",
    "shipping", "tanker", "pipeline", "budget", "salaries", "protesters", "election", "candidates",
    "court", "verdict", "journalists", "reporters", "broadcast", "refugees", "returnees", "water",
    "drought", "harvest", "prices", "currency", "loan", "investors", "contracts", "exports", "imports",
    "announced", "rejected", "accepted", "warned", "denied", "confirmed", "reported", "claimed",
    "demanded", "suspended", "resumed", "extended", "postponed", "released", "detained", "arrested",
    "killed", "wounded", "evacuated", "delivered", "blocked", "opened", "closed", "signed", "approved",
    "regional", "international", "local", "armed", "political", "military", "humanitarian", "economic",
    "fragile", "temporary", "indirect", "formal", "senior", "former", "northern", "southern", "eastern",
    "western", "several", "dozens", "hundreds", "thousands", "weeks", "months", "days", "night",
    "morning", "yesterday", "earlier", "later", "again", "still", "only", "also", "largely", "publicly",
    "army", "fire", "deal", "road", "city", "oil", "gas", "war", "peace", "vote", "town", "base", "plan",
    "law", "told", "held", "met", "new", "two", "three", "first", "last", "more", "some", "many", "most",
    "other", "since", "while", "when", "week", "year", "men", "women", "police", "talk", "trade", "bank",
)
ARABIC_WORDS = (
    "وقف", "إطلاق", "النار", "المفاوضات", "الحكومة", "الحدود", "المساعدات", "الأسرى", "الفصائل",
    "البرلمان", "الوزير", "بيان", "هجوم", "المدنيين", "الاتفاق", "المرحلة", "الثانية", "الانسحاب",
    "في", "من", "على", "إلى", "عن", "مع", "بعد", "قبل", "قال", "أعلن", "أكد", "نفى",
)
ARABIC_SHARE = 0.05
INVENTED_WORDS = 60_000
"""The rare tail of the vocabulary: invented words ranked after the common ones."""
ZIPF_EXPONENT = 1.15
"""Word frequency falls with rank as in news text (Zipf): the function words make about half the
tokens, a few hundred common words most of the rest, and the tail gives some 40,000 distinct
words at 3,000 articles, about 80,000 at 10,000."""
SUFFIXES = ("", "", "", "s", "ed", "ing", "er", "i", "iya", "un")


@dataclass(frozen=True)
class Vocabulary:
    """Words ranked by frequency, drawn with Zipf weights."""

    words: tuple[str, ...]
    cumulative: tuple[float, ...]

    @classmethod
    def ranked(cls, common: tuple[str, ...], invented: list[str]) -> Vocabulary:
        words = tuple(dict.fromkeys((*common, *invented)))
        return cls(words, tuple(itertools.accumulate(1 / (rank + 1) ** ZIPF_EXPONENT for rank in range(len(words)))))

    def draw(self, rng: random.Random, k: int) -> list[str]:
        return rng.choices(self.words, cum_weights=self.cumulative, k=k)


def invented_words(script: int, count: int) -> list[str]:
    """count invented words of 2-4 syllables in one script (0 Latin, 1 Arabic), the same every time;
    Latin ones sometimes inflected, so that stemming has something to do."""
    rng = random.Random(SEED + 7 + script)
    words: dict[str, None] = {}
    while len(words) < count:
        word = "".join(rng.choice(SYLLABLES)[script] for _ in range(rng.choice((2, 3, 3, 4))))
        words[word + (rng.choice(SUFFIXES) if script == 0 else "")] = None
    return list(words)


@functools.cache
def latin_words() -> Vocabulary:
    return Vocabulary.ranked(FUNCTION_WORDS + CONTENT_WORDS, invented_words(0, INVENTED_WORDS))


@functools.cache
def arabic_words() -> Vocabulary:
    return Vocabulary.ranked(ARABIC_WORDS, invented_words(1, INVENTED_WORDS // 10))


@dataclass(frozen=True)
class Entry:
    slug: str
    name: str
    arabic: str


class Names:
    """Invented names, unique within a registry after the alias table's normalisation."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.taken: set[str] = set()

    def fresh(self, syllables: int) -> tuple[str, str]:
        """A (Latin, Arabic) invented word never given before."""
        while True:
            parts = [self.rng.choice(SYLLABLES) for _ in range(syllables)]
            latin = "".join(p[0] for p in parts).capitalize()
            if latin.lower() not in self.taken:
                self.taken.add(latin.lower())
                return latin, "".join(p[1] for p in parts)


COUNTRIES = {"IQ": (33.3, 44.4), "SY": (34.8, 38.9), "LB": (33.9, 35.9), "JO": (31.2, 36.5), "IL": (31.4, 34.9),
             "PS": (31.9, 35.2), "SA": (24.0, 45.0), "YE": (15.6, 48.0), "IR": (32.4, 53.7), "EG": (26.8, 30.8)}
"""The ten countries' ISO codes, each with a point inside it, so that the maps are drawn as for real coverage."""


def place(slug: str, near: tuple[float, float], spread: float) -> list[float]:
    """Coordinates near a point, the same for the same slug: a generator of its own, so that the rest
    of the content stays as it was."""
    offsets = random.Random(slug)
    return [round(near[0] + offsets.uniform(-spread, spread), 2), round(near[1] + offsets.uniform(-spread, spread), 2)]


def regions(rng: random.Random, names: Names) -> tuple[dict, list[tuple[Entry, int]]]:
    """40 regions in 5 levels: a root, 4 sub-regions, 10 countries (with ISO codes), 15 provinces and
    10 cities (with coordinates)."""
    document: dict = {"middle-east": {"name": "Middle East", "aliases": ["Near East", "الشرق الأوسط"]}}
    entries = [(Entry("middle-east", "Middle East", "الشرق الأوسط"), 1)]
    parents = {2: ["middle-east"]}
    codes = iter(COUNTRIES)
    points: dict[str, tuple[float, float]] = {}
    for level, count in ((2, 4), (3, 10), (4, 15), (5, 10)):
        parents.setdefault(level + 1, [])
        for i in range(count):
            latin, arabic = names.fresh(3 if level < 5 else 2)
            name = latin if level != 2 else f"{latin} Basin"
            slug = slugify(name)
            parent = parents[level][i % len(parents[level])]
            document[slug] = {"name": name, "parent": parent, "aliases": [arabic]}
            if level <= 3:
                document[slug]["description"] = sentence(rng, 10, 18)
            if level == 3:
                document[slug]["iso"] = code = next(codes)
                points[slug] = COUNTRIES[code]
            elif level > 3:
                document[slug]["coordinates"] = place(slug, points[parent], 1.0 if level == 4 else 0.3)
                points[slug] = tuple(document[slug]["coordinates"])
            entries.append((Entry(slug, name, arabic), level))
            parents[level + 1].append(slug)
    return document, entries


def actors(rng: random.Random, names: Names, region_entries: list[Entry]) -> tuple[dict, list[Entry]]:
    document: dict = {}
    entries: list[Entry] = []
    persons: list[str] = []
    groups: list[str] = []
    for kind, count, patterns in KINDS:
        for _ in range(count):
            first, first_ar = names.fresh(2)
            last, last_ar = names.fresh(3)
            region = rng.choice(region_entries)
            name = rng.choice(patterns).format(n=first, m=last, r=region.name)
            if kind == "government" and normalise(name) in {normalise(e.name) for e in entries}:
                name = f"{first} Authority"
            slug = slugify(name)
            arabic = f"{first_ar} {last_ar}" if kind == "person" else first_ar
            aliases = [arabic, first if kind != "person" else f"{first[0]}. {last}"]
            fields: dict = {"name": name, "kind": kind, "aliases": aliases}
            if kind in ("person", "armed-group") and groups and rng.random() < 0.6:
                fields["member_of"] = sorted(set(rng.sample(groups, k=min(len(groups), rng.randint(1, 2)))))
            if kind != "person" and entries and rng.random() < 0.5:
                fields["aligned_with"] = sorted({rng.choice(entries).slug for _ in range(rng.randint(1, 3))})
            if rng.random() < 0.8:
                fields["based_in"] = region.slug
            if rng.random() < 0.5:
                fields["description"] = sentence(rng, 12, 30)
            document[slug] = fields
            entries.append(Entry(slug, name, arabic))
            (persons if kind == "person" else groups).append(slug)
    order = list(range(len(entries)))
    rng.shuffle(order)  # mentions are ranked independently of kind
    return document, [entries[i] for i in order]


def themes(rng: random.Random) -> tuple[dict, list[Entry]]:
    document = {}
    for name in THEMES:
        document[slugify(name.replace(" and ", " "))] = {"name": name, "description": sentence(rng, 8, 16)}
    return document, [Entry(slug, value["name"], "") for slug, value in document.items()]


def zipf(rng: random.Random, items: list, exponent: float, k: int) -> list:
    """k distinct items, the first items far more likely than the last."""
    weights = [1 / (rank + 1) ** exponent for rank in range(len(items))]
    chosen: dict = {}
    while len(chosen) < k:
        chosen[rng.choices(items, weights)[0]] = None
    return list(chosen)


def sentence(rng: random.Random, low: int, high: int, names: list[str] = ()) -> str:
    """An invented English-looking sentence of low..high words, sometimes naming one of names."""
    words = latin_words().draw(rng, rng.randint(low, high))
    if names:
        words.insert(rng.randrange(1, len(words)), rng.choice(names))
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, words: int, names: list[str]) -> str:
    """Sentences of exactly `words` words in all, some naming one of names."""
    sentences, count = [], 0
    while count < words:
        sentences.append(sentence(rng, 8, 22, names if rng.random() < 0.3 else ()))
        count += len(sentences[-1].split())
    return " ".join(" ".join(sentences).split()[:words]).rstrip(".") + "."


def body(rng: random.Random, names: list[str]) -> str:
    """150-400 words of curator notes in a few paragraphs, sometimes a list, a link or emphasis."""
    total, extras = rng.randint(150, 400), []
    if rng.random() < 0.25:
        extras.append("\n".join(f"- {sentence(rng, 5, 10)}" for _ in range(rng.randint(2, 4))))
    if rng.random() < 0.2:
        extras.append(f"See also [the full statement](https://example.org/statements/{rng.randint(1, 99999)}).")
    total -= sum(len(extra.split()) for extra in extras)
    parts = []
    while total > 0:
        size = min(total, rng.randint(40, 110))
        text = paragraph(rng, size, names)
        if rng.random() < 0.2:
            text = text.replace(" the ", " **the** ", 1)
        parts.append(text)
        total -= size
    return "\n\n".join(parts[:1] + extras[:1] + parts[1:] + extras[1:]) + "\n"


def articles(
    rng: random.Random, n: int, region_levels: list[tuple[Entry, int]], actor_list: list[Entry], theme_list: list[Entry]
):
    """(relative path, text) of n articles, oldest first, evenly spread over two years."""
    places = [e for e, level in region_levels if level >= 3]
    rng.shuffle(places)
    people = list(actor_list)
    slugs: set[str] = set()
    for i in range(n):
        when = START + dt.timedelta(days=i * DAYS // n)
        named_regions = zipf(rng, places, 0.8, rng.choice((1, 1, 2, 2, 3)))
        named_actors = top_actor_first(rng, people) if rng.random() < 0.9 else []
        named_themes = zipf(rng, theme_list, 0.7, rng.randint(1, 3))
        mentions = [e.name for e in named_actors + named_regions]
        arabic = rng.random() < ARABIC_SHARE
        title = (" ".join(arabic_words().draw(rng, rng.randint(5, 9))) if arabic
                 else sentence(rng, 5, 9, mentions[:2]).rstrip("."))
        slug = unique_slug(slugify(" ".join(title.split()[:7])) if not arabic else f"arabic-report-{i}", slugs)
        front = front_matter(rng, title, when, named_regions, named_actors, named_themes, mentions, arabic, i)
        text = (
            "---\n"
            + yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=100)
            + "---\n"
            + body(rng, mentions)
        )
        yield f"articles/{when:%Y/%m}/{slug}.md", text


def top_actor_first(rng: random.Random, people: list[Entry]) -> list[Entry]:
    """1-5 actors; the most covered actor lands in about a third of the articles."""
    return zipf(rng, people, 1.05, rng.choice((1, 1, 2, 2, 3, 3, 4, 5)))


def unique_slug(slug: str, taken: set[str]) -> str:
    slug = slug or "report"
    candidate, number = slug, 2
    while candidate in taken:
        candidate, number = f"{slug}-{number}", number + 1
    taken.add(candidate)
    return candidate


def front_matter(rng, title, when, named_regions, named_actors, named_themes, mentions, arabic, i) -> dict:
    outlet = rng.choice(OUTLETS)
    front: dict = {"title": title}
    if rng.random() < 0.1:
        front["date"] = f"{when.isoformat()}T{rng.randint(6, 22):02d}:{rng.choice((0, 15, 30, 45)):02d}:00+03:00"
    else:
        front["date"] = when
    front["source"] = (
        {"name": outlet, "url": f"https://example.org/{slugify(outlet)}/{i}"} if rng.random() < 0.8 else outlet
    )
    # references by slug, name or Arabic alias, as curators write them
    front["regions"] = [rng.choice((e.slug, e.name, e.arabic)) for e in named_regions]
    if named_actors:
        front["actors"] = [rng.choice((e.slug, e.slug, e.name, e.arabic)) for e in named_actors]
    front["themes"] = [e.slug for e in named_themes]
    words = rng.randint(40, 80)
    front["summary"] = " ".join(arabic_words().draw(rng, words)) + "." if arabic else paragraph(rng, words, mentions)
    if arabic:
        front["language"] = "ar"
    if named_actors and rng.random() < 0.3:
        speaker = rng.choice(named_actors)
        front["quotes"] = [{"speaker": rng.choice((speaker.name, speaker.arabic)), "text": sentence(rng, 8, 20)}]
    if rng.random() < 0.1:
        front["also_published"] = [{"name": rng.choice(OUTLETS), "url": f"https://example.org/reprint/{i}"}]
    if rng.random() < 0.01:
        front["draft"] = True
    return front


def generate(root: Path, n: int) -> None:
    """Write a content tree of n articles under root (which must not hold one yet)."""
    rng = random.Random(SEED)
    names = Names(rng)
    region_doc, region_levels = regions(rng, names)
    actor_doc, actor_list = actors(rng, Names(random.Random(SEED + 1)), [e for e, _ in region_levels])
    theme_doc, theme_list = themes(rng)
    root.mkdir(parents=True, exist_ok=True)
    for name, document in (("regions", region_doc), ("actors", actor_doc), ("themes", theme_doc)):
        text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=100)
        (root / f"{name}.yml").write_text(text, encoding="utf-8")
    for relative, text in articles(random.Random(SEED + n), n, region_levels, actor_list, theme_list):
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a synthetic digest content tree.")
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("dir", type=Path, help="the content folder to create")
    args = parser.parse_args(argv)
    if args.dir.exists() and any(args.dir.iterdir()):
        parser.error(f"{args.dir} is not empty")
    generate(args.dir, args.n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
