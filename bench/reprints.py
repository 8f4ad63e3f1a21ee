"""How long reprint detection takes on 3,000 articles, and what it finds.

    python bench/reprints.py [ARTICLES] [PAIRS]

Makes ARTICLES synthetic articles (default 3000: 60-word summaries and 10-word titles drawn from a
Zipf-like vocabulary, dated over a year), of which PAIRS (default 30) are edited copies of another
article (a tenth of the words changed, the title lightly reworded, a day or two later). Prints the
CPU time of `digest check`'s all-pairs pass and of one `digest import` lookup, and the pairs found.
"""
from __future__ import annotations

import datetime as dt
import random
import sys
import time

from digest.curate.reprints import Record, ReprintIndex, likely_reprints


def vocabulary(rng: random.Random, size: int = 6000) -> list[str]:
    letters = "abcdefghijklmnoprstuvwyz"
    return ["".join(rng.choice(letters) for _ in range(rng.randint(2, 9))) for _ in range(size)]


def sentence(rng: random.Random, words: list[str], weights: list[float], length: int) -> str:
    return " ".join(rng.choices(words, weights, k=length))


def edited(rng: random.Random, text: str, words: list[str], share: float) -> str:
    tokens = text.split()
    for index in rng.sample(range(len(tokens)), int(len(tokens) * share)):
        tokens[index] = rng.choice(words)
    return " ".join(tokens)


def corpus(count: int, pairs: int, seed: int = 7) -> tuple[list[Record], set[tuple[str, str]]]:
    rng = random.Random(seed)
    words = vocabulary(rng)
    weights = [1 / (rank + 1) for rank in range(len(words))]
    start = dt.date(2025, 1, 1)
    records = [
        Record(
            f"a{i:05d}",
            sentence(rng, words, weights, 10),
            sentence(rng, words, weights, 60),
            start + dt.timedelta(days=rng.randrange(365)),
        )
        for i in range(count - pairs)
    ]
    expected = set()
    for number, original in enumerate(rng.sample(records, pairs)):
        copy = Record(
            f"r{number:05d}", edited(rng, original.title, words, 0.1), edited(rng, original.text, words, 0.1),
            original.day + dt.timedelta(days=rng.randint(0, 2)),
        )
        records.append(copy)
        expected.add((original.key, copy.key))
    return records, expected


def best_of(runs: int, work):
    """The least CPU time of a few runs (CPU time: other processes on the machine do not count)."""
    times, result = [], None
    for _ in range(runs):
        began = time.process_time()
        result = work()
        times.append(time.process_time() - began)
    return min(times), result


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    pairs = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    records, expected = corpus(count, pairs)
    all_pairs, found = best_of(3, lambda: likely_reprints(records))
    found_keys = {tuple(sorted((a.key, b.key))) for a, b, _ in found}
    expected_keys = {tuple(sorted(pair)) for pair in expected}
    index = ReprintIndex()
    for record in records:
        index.add(record)
    probe = Record("probe", records[0].title, records[0].text)
    lookup, _ = best_of(3, lambda: index.similar(probe))
    print(f"{len(records)} articles, {len(expected)} planted reprints")
    print(f"digest check (every pair, indexed): {all_pairs * 1000:.0f} ms")
    print(f"digest import (one article against all): {lookup * 1000:.1f} ms")
    print(
        f"found {len(found_keys)} pairs: {len(found_keys & expected_keys)} planted, "
        f"{len(found_keys - expected_keys)} others"
    )


if __name__ == "__main__":
    main()
