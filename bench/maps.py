"""CPU time the maps take in one build: `python bench/maps.py [N]` generates N articles (default 3,000)
and times reading the country shapes, matching the regions and drawing the overview and every locator map."""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from generate import generate  # noqa: E402

from digest.group.index import build_index  # noqa: E402
from digest.pipeline import Settings, check  # noqa: E402


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    with tempfile.TemporaryDirectory(dir="/dev/shm" if Path("/dev/shm").is_dir() else None) as folder:
        root = Path(folder)
        generate(root / "content", n)
        content, _ = check(Settings(root / "content", BENCH.parent / "templates" / "pages", root))
    index = build_index(content)
    start = time.process_time()
    from digest.pictures.geography import world
    from digest.pictures.maps import Atlas

    world()
    read = time.process_time()
    atlas = Atlas(index)
    maps = [atlas.overview()] + [atlas.locator(slug) for slug in index.registries.regions]
    done = time.process_time()
    drawn = sum(m is not None for m in maps)
    print(f"N={n}: shapes read and projected {read - start:.2f} s CPU; {len(atlas.places)} of "
          f"{len(index.registries.regions)} regions placed, {drawn} maps drawn {done - read:.2f} s CPU; "
          f"maps in all {done - start:.2f} s CPU")


if __name__ == "__main__":
    main()
