"""How fast hostile and oversized input is refused or built.

    python bench/hostile.py

Prints, for each case, the best CPU time of a few runs:
- a billion-laughs alias bomb (9 levels: 9**9 strings if expanded) and a 12-level one, refused;
- 1,000,000 unclosed '[' (libyaml's composer recursed in C on these until the screen refused them);
- a registry of 10,000 actors: the whole load, and what the event screen in it costs;
- an article with a 5 MB Markdown body: `digest check`, then a full `mkdocs build` of the site.
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from trees import article, content_tree, mkdocs_project, settings_for

from digest.pipeline import check
from digest.read.yaml_lines import YamlProblem, _screen, load
from digest.shell.driver import build


def best(run, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        run()
        times.append(time.process_time() - start)
    return min(times)


def refused(text: str):
    def run():
        try:
            load(text)
        except YamlProblem:
            return
        raise AssertionError("not refused")
    return run


def bomb(levels: int) -> str:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, levels)]
    return "\n".join(lines) + "\n"


def five_mb_body() -> str:
    words = [
        "the",
        "ceasefire",
        "factions",
        "Baghdad",
        "statement",
        "militia",
        "negotiations",
        "drone",
        "border",
        "hostage",
        "exchange",
        "aid",
    ]
    parts, size, n = [], 0, 0
    while size < 5 * 1024 * 1024:
        n += 1
        if n % 20 == 0:
            part = f"## Section {n}"
        elif n % 7 == 0:
            part = "\n".join(
                f"- item {j} **{words[(n + j) % len(words)]}** [link](https://example.org/{n}/{j})" for j in range(5)
            )
        else:
            part = " ".join(words[(n * k) % len(words)] for k in range(80)) + " *emphasis* and `code`."
        parts.append(part)
        size += len(part) + 2
    return "\n\n".join(parts) + "\n"


def main() -> None:
    print(f"billion laughs, 9 levels, refused:   {best(refused(bomb(9))) * 1000:8.2f} ms CPU")
    print(f"billion laughs, 12 levels, refused:  {best(refused(bomb(12))) * 1000:8.2f} ms CPU")
    print(f"1,000,000 '[' refused:               {best(refused('a: ' + '[' * 1_000_000)) * 1000:8.2f} ms CPU")
    registry = "".join(
        f"actor-{i}: {{name: Actor {i}, kind: person, aliases: [A{i}, B{i}], member_of: [actor-{i // 2}]}}\n"
        for i in range(10_000)
    )
    whole = best(lambda: load(registry), 3)
    screen = best(lambda: _screen(registry, 1), 3)
    print(f"10,000-actor registry: load {whole:.2f} s CPU, of which the screen {screen:.2f} s")
    with tempfile.TemporaryDirectory() as folder:
        body = five_mb_body()
        root = content_tree(Path(folder), {"long.md": article("A long read", body=body)})
        settings = settings_for(root)
        print(
            f"5 MB body ({len(body.encode()) / 1e6:.1f} MB): digest check {best(lambda: check(settings), 3):.2f} s CPU"
        )
        config = mkdocs_project(root)
        start, cpu = time.perf_counter(), time.process_time()
        build(config, site_dir=root / "site", strict=True)
        print(
            f"5 MB body: mkdocs build {time.process_time() - cpu:.2f} s CPU, {time.perf_counter() - start:.2f} s wall"
        )


if __name__ == "__main__":
    main()
