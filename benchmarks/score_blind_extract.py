#!/usr/bin/env python3
"""Score the extractor on the blind extraction set (benchmarks/blind_extract).

    python benchmarks/score_blind_extract.py [-v]
    python benchmarks/score_blind_extract.py --set benchmarks/dev_extract [-v]

Runs from a fresh clone with no arguments.  ``--set DIR`` scores another set laid out
the same way (``DIR/gold/*.json``, ``DIR/texts/``), e.g. the development set of real
articles that may be tuned on; the scoring is the same.  Uses the matching of
``score_extract.py`` (same ``score_file``) and prints precision / recall / F1 per
kind over the whole set, the title and organisation accuracy of the matched people,
F1 per kind for each language, and how often the article's own date the importer reads
from the text (``ingest.dateline``) is the gold's ``published``.

The blind set is kept apart: only run this to report its figures, never tune on its texts.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from score_extract import _fmt, extract, load_article, score_file  # noqa: E402

from briefbook.ingest.dateline import find_dateline  # noqa: E402

SET = HERE / "blind_extract"
KINDS = ["person", "organization", "place", "amount", "percentage", "count", "date", "event", "agreement"]
LANGS = ["zh-Hans", "zh-Hant", "ja", "de", "en"]


def _prf(tp: int, ng: int, npred: int) -> tuple[float, float, float]:
    p = tp / npred if npred else (1.0 if not ng else 0.0)
    r = tp / ng if ng else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f1


def run(gold_dir: Path, texts_dir: Path, verbose: bool = False) -> dict:
    """Totals per language: {lang: {kind: [tp, gold, pred]}, '_titles': [ok, n], '_orgs': [ok, n]}."""
    out: dict = {}
    for gpath in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gpath.read_text(encoding="utf-8"))
        art = load_article(texts_dir / gold["file"], gold, raw=True)
        res = score_file(gold, extract(art))
        t = out.setdefault(gold["lang"], {k: [0, 0, 0] for k in KINDS} | {"_titles": [0, 0], "_orgs": [0, 0],
                                                                          "_dated": [0, 0]})
        # the article's own date as the importer reads it from the text (dateline, page line)
        found = find_dateline(art.text or "")
        t["_dated"][0] += (found[0] if found else None) == gold["published"]
        t["_dated"][1] += 1
        if verbose:
            print(f"=== {gold['file']} ({gold['lang']}, published {gold['published']})")
        for k in KINDS:
            tp, missed, extra = res[k]
            t[k][0] += tp
            t[k][1] += tp + len(missed)
            t[k][2] += tp + len(extra)
            if verbose and (missed or extra):
                print(f"  {k}: missed {[_fmt(m) for m in missed]}")
                print(f"  {k}: extra  {[_fmt(e) for e in extra]}")
        for key in ("_titles", "_orgs"):
            for n, g, p in res[key]:
                t[key][0] += g == p
                t[key][1] += 1
                if verbose and g != p:
                    print(f"  {key[1:-1]} {n}: gold {g!r} got {p!r}")
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", default=str(SET), help="set folder with gold/ and texts/ (default: the blind set)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses and extras")
    args = ap.parse_args(argv)
    folder = Path(args.set)
    n_gold = sum(1 for _ in (folder / "gold").glob("*.json"))
    if not n_gold:
        print(f"no gold files (*.json) in {folder / 'gold'}", file=sys.stderr)
        return 2
    per = run(folder / "gold", folder / "texts", args.verbose)
    total = {k: [sum(per[lg][k][i] for lg in per) for i in range(3)] for k in KINDS}
    label = "blind extraction set" if folder.resolve() == SET.resolve() else f"extraction set {folder.name}"
    print(f"{label}: {n_gold} articles")
    print(f"{'kind':<13}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'gold':>6}{'pred':>6}")
    for k in KINDS:
        p, r, f1 = _prf(*total[k])
        print(f"{k:<13}{p:7.3f}{r:7.3f}{f1:7.3f}{total[k][0]:6d}{total[k][1]:6d}{total[k][2]:6d}")
    for key, label in (("_titles", "title"), ("_orgs", "org")):
        ok = sum(per[lg][key][0] for lg in per)
        n = sum(per[lg][key][1] for lg in per)
        if n:
            print(f"{label} accuracy (matched people): {ok / n:.3f} ({ok}/{n})")
    dated = [sum(per[lg]["_dated"][i] for lg in per) for i in range(2)]
    print(f"article date read from the text (= gold published, or none where gold has none): "
          f"{dated[0] / dated[1]:.3f} ({dated[0]}/{dated[1]})")
    langs = [lg for lg in LANGS if lg in per] + sorted(lg for lg in per if lg not in LANGS)
    print("\nF1 per language (gold items in brackets)")
    print(f"{'kind':<13}" + "".join(f"{lg:>14}" for lg in langs))
    for k in KINDS + ["_titles", "_orgs"]:
        cells = []
        for lg in langs:
            if k.startswith("_"):
                ok, n = per[lg][k]
                cells.append(f"{ok / n:.2f} ({n})" if n else "-")
            else:
                tp, ng, npred = per[lg][k]
                cells.append(f"{_prf(tp, ng, npred)[2]:.2f} ({ng})" if ng or npred else "-")
        name = {"_titles": "title acc", "_orgs": "org acc"}.get(k, k)
        print(f"{name:<13}" + "".join(f"{c:>14}" for c in cells))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
