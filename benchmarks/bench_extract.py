#!/usr/bin/env python3
"""Extractor throughput and cold start.

    python benchmarks/bench_extract.py [--seconds 5] [--seeds DIR]

Cold start: a fresh interpreter imports briefbook.extract and runs one extraction
(dictionary loading and the Chinese tagger's model included; target <= 1.5 s).
Throughput: Chinese seed text (cleaned) extracted repeatedly in this process, in KB
(UTF-8) per second on one core, with the statistical tagger and, as the anchor in the
same run, with the rules alone; also German.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "desktop"))
PINYIN = re.compile(r"\(([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]+)\)")


def cold_start() -> float:
    code = ("import time; t=time.perf_counter(); from briefbook.extract import extract_text; "
            "extract_text('省委书记刘家义，中国贸促会会长高燕出席。', 'zh-Hans', '2020-07-31'); "
            "print(time.perf_counter()-t)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(ROOT / "desktop"), "PATH": "/usr/bin:/bin"})
    return float(out.stdout.strip().splitlines()[-1])


def throughput(texts: list[tuple[str, str, str | None]], seconds: float) -> float:
    from briefbook.extract import extract_text

    size = sum(len(t.encode("utf-8")) for t, _, _ in texts)
    done = 0
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        for t, lang, pub in texts:
            extract_text(t, lang, pub)
        done += size
    return done / 1024 / (time.perf_counter() - t0)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seeds", default=str(ROOT / "seeds"), help="folder of seed articles (default: the repo's seeds/)")
    ap.add_argument("--seconds", type=float, default=5.0)
    args = ap.parse_args(argv)
    seeds = sorted(Path(args.seeds).glob("*.txt"))
    if len(seeds) < 5:
        # A throughput over nothing would print 0 KB/s and look like a result.
        print(f"error: expected the five seed articles in {args.seeds}, found {len(seeds)}", file=sys.stderr)
        return 2
    runs = [cold_start() for _ in range(5)]
    print(f"cold start (import + dictionaries + tagger model + first extraction): median {sorted(runs)[2]:.3f}s "
          f"(min {min(runs):.3f}s, max {max(runs):.3f}s, 5 runs)")
    zh = [(PINYIN.sub("", p.read_text(encoding="utf-8")), "zh-Hans" if i else "zh-Hant", "2020-07-31")
          for i, p in enumerate(seeds[:4])]
    de = [(p.read_text(encoding="utf-8"), "de", None) for p in seeds[4:5]]
    from briefbook.extract import warm_up

    warm_up()
    from briefbook.extract import tagger as taggers

    with_tagger = throughput(zh, args.seconds)
    names = {lang: getattr(taggers.tagger_for(lang), "name", None) for lang in ("zh-Hans", "zh-Hant")}
    saved = dict(taggers._LOADED)
    taggers._LOADED.update({"zh-Hans": None, "zh-Hant": None})  # the anchor: the rules alone
    rules_alone = throughput(zh, args.seconds)
    taggers._LOADED.update(saved)
    print(f"throughput, Chinese seeds: {with_tagger:.0f} KB/s per core with the tagger ({names['zh-Hans']}); "
          f"rules alone {rules_alone:.0f} KB/s (ratio {with_tagger / rules_alone:.2f}; target >= 100 KB/s)")
    if de:
        print(f"throughput, German seed:   {throughput(de, args.seconds / 2):.0f} KB/s per core")
    big = "".join(t for t, _, _ in zh) * 40
    t0 = time.perf_counter()
    from briefbook.extract import extract_text

    n = len(extract_text(big.replace("\n", ""), "zh-Hans", "2020-07-31"))
    dt = time.perf_counter() - t0
    print(f"one line of {len(big.encode()) / 1e6:.1f} MB: {dt:.1f}s, {n} facts")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
