#!/usr/bin/env python3
"""Count the review decisions the seed articles ask for (target: at most 150).

    python benchmarks/count_review.py

Builds the demo library (the five seed articles: import, extract, link, build
knowledge) in a temporary folder and counts the rows of the review queue that
still need a decision: entities (after linking), figures (growth rates and
shares decided with the figure they qualify), events and agreements.  Rows whose
independent signals agree ("auto") are counted apart: they are accepted without
asking but stay in the lists for the user to overturn.  The mentions (facts) the
old queue asked about one by one are counted for comparison.
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "desktop"))

from briefbook.services.demo import build_demo_library  # noqa: E402
from briefbook.services.review import review_queue  # noqa: E402

TARGET = 150


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        lib = build_demo_library(Path(tmp) / "seeds.briefbook")
        try:
            mentions = lib.scalar("SELECT COUNT(*) FROM facts")
            every = review_queue(lib, include_decided=True)
            todo = [r for r in every if r["status"] == "proposed"]
        finally:
            lib.close()
    kinds = Counter(r.get("entity_kind") or r["kind"] for r in todo)
    auto = Counter(r.get("entity_kind") or r["kind"] for r in every if r["status"] == "auto")
    print(f"mentions (facts):            {mentions}")
    print(f"knowledge rows:              {len(every)}")
    print(f"accepted by agreement:       {sum(auto.values())}  " + ", ".join(f"{k} {v}" for k, v in sorted(auto.items())))
    print(f"review decisions to make:    {len(todo)}  " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    print(f"target:                      <= {TARGET}  ({'met' if len(todo) <= TARGET else 'not met'})")
    print(f"ratio to mentions:           {len(todo) / mentions:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
