"""Time the core (read, validate + resolve, index, catalogue, render) once, in this fresh process; print JSON.

The catalogue is the pages there are, each with its context and pictures (site/pages.py).

`python bench/core.py PROJECT/mkdocs.yml` runs digest.pipeline.build_site as the plugin would. The
stages are timed by wrapping the functions the pipeline calls, so a stage added to the pipeline
later (feeds, trends) is still in the total and shows as "other".
"""
from __future__ import annotations

import functools
import json
import sys
import time
from pathlib import Path

STAGES = (("read", "read_content"), ("validate", "validated"), ("index", "build_index"))


def timed(spent: dict[str, float], stage: str, function):
    """function, adding its wall time to spent[stage] and its CPU time to spent[stage + ' cpu']."""
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        start, start_cpu = time.perf_counter(), time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent[stage] = spent.get(stage, 0.0) + time.perf_counter() - start
            spent[stage + " cpu"] = spent.get(stage + " cpu", 0.0) + time.process_time() - start_cpu

    return wrapper


def measure(config_file: Path) -> dict[str, float]:
    from digest import pipeline
    from digest.shell.driver import load_settings

    settings = load_settings(config_file)
    spent: dict[str, float] = {}
    for stage, name in STAGES:
        setattr(pipeline, name, timed(spent, stage, getattr(pipeline, name)))
    specs = pipeline.page_specs  # a generator: timed as the pipeline consumes it
    pipeline.page_specs = timed(spent, "catalogue", lambda *args: list(specs(*args)))
    pipeline.Renderer.render = timed(spent, "render", pipeline.Renderer.render)
    site = timed(spent, "total", pipeline.build_site)(settings)
    for suffix in ("", " cpu"):
        spent["other" + suffix] = spent["total" + suffix] - sum(
            spent.get(s + suffix, 0.0) for s in ("read", "validate", "index", "catalogue", "render")
        )
    spent["pages"] = len(site.pages)
    spent["articles"] = len(site.index.articles)
    return spent


if __name__ == "__main__":
    print(json.dumps(measure(Path(sys.argv[1]))))
