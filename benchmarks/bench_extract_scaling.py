#!/usr/bin/env python3
"""How extraction time grows with the length of a text.

    python benchmarks/bench_extract_scaling.py

Extracts 1k, 10k and 100k repeated lines ("Qingdao", "青岛") and
about 1 MB of ordinary text (the seed articles repeated, with and without line
breaks), and prints the time per character of each size against the 1k anchor of
the same kind measured in this run.  A linear extractor prints ratios near 1; a
quadratic one near 10 and 100.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "desktop"))

LINES = [("Qingdao", "en"), ("青岛", "zh-Hans")]
SIZES = (1_000, 10_000, 100_000)


def timed(text: str, lang: str) -> tuple[float, int]:
    from briefbook.extract import extract_text

    t0 = time.perf_counter()
    n = len(extract_text(text, lang, "2020-07-31"))
    return time.perf_counter() - t0, n


def report(label: str, anchor: tuple[float, int], runs: list[tuple[int, float, int]]) -> None:
    a_chars, a_sec = anchor
    per_anchor = a_sec / a_chars
    for chars, sec, facts in runs:
        ratio = (sec / chars) / per_anchor if per_anchor else float("nan")
        print(f"  {label:<28} {chars:>10,} chars {sec:8.2f}s {facts:>8,} facts  "
              f"per-char cost x{ratio:.2f} of the smallest")


def main() -> int:
    from briefbook.extract import warm_up

    warm_up()
    worst = 0.0
    for line, lang in LINES:
        runs = []
        for n in SIZES:
            text = (line + "\n") * n
            sec, facts = timed(text, lang)
            runs.append((len(text), sec, facts))
        print(f"{line[:40]!r} repeated ({lang}):")
        report("lines", (runs[0][0], runs[0][1]), runs)
        worst = max(worst, (runs[-1][1] / runs[-1][0]) / (runs[0][1] / runs[0][0]))
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    if not seeds:
        print("error: no seed articles in seeds/", file=sys.stderr)
        return 2
    for path in seeds:
        body = path.read_text(encoding="utf-8")
        lang = "de" if path.name.startswith("004") else "zh-Hans"
        for joined, label in ((body, "ordinary text"), (body.replace("\n", " "), "one line")):
            small = joined
            big = joined * max(1, 1_000_000 // len(joined.encode("utf-8")))
            runs = []
            for text in (small, big):
                sec, facts = timed(text, lang)
                runs.append((len(text), sec, facts))
            print(f"{path.name} ({lang}), {label}, x1 and ~1 MB:")
            report(label, (runs[0][0], runs[0][1]), runs)
            worst = max(worst, (runs[-1][1] / runs[-1][0]) / (runs[0][1] / runs[0][0]))
    print(f"worst per-character cost ratio, largest vs smallest: x{worst:.2f} (linear ≈ 1)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
