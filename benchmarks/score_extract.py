#!/usr/bin/env python3
"""Score the extractor against the hand-made gold facts of the seed articles.

    python benchmarks/score_extract.py [--gold DIR] [--seeds DIR] [-v]   # default: seeds/ and benchmarks/gold/seeds
    python benchmarks/score_extract.py --heldout [-v]      # tests/extract/heldout
    python benchmarks/score_extract.py --gold DIR --texts DIR [-v]

Prints precision / recall / F1 per kind and the title (and org) accuracy of the
people found.  With ``--texts`` the article texts are read as they are (no ingest)
and lang/published come from the gold file; ``--heldout`` is the repo's own
held-out development set (tests/extract/heldout/*.json, texts/*.txt).

Seeds: articles are read with ``briefbook.ingest.read_file`` when that
exists; otherwise the seed text is cleaned here the way the gold README says
(pinyin glosses removed) and lang/published come from the gold file.

Matching (gold has no spans, and lists each distinct surface form once):
- person, organization, place: the name, exactly as written; predictions are
  de-duplicated by name, and short mentions marked ``refers_to`` (a family name
  used again for a person named in full) are left out, as gold lists people once.  Title accuracy = matched people whose title equals gold.
- amount: same value and currency, and one text contains the other.
- percentage, count: same value, and one text contains the other.
- date: one text contains the other, and iso (and range end) are equal.
- event: one name contains the other (quotes ignored); agreement: same on text.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "desktop"))

from briefbook.core.article import Article  # noqa: E402
from briefbook.extract import extract  # noqa: E402

PINYIN = re.compile(r"\(([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]+)\)")
KINDS = ["person", "organization", "place", "amount", "percentage", "count", "date", "event", "agreement"]


def load_article(seed: Path, gold: dict, raw: bool = False) -> Article:
    if raw:
        return Article(text=seed.read_text(encoding="utf-8"), lang=gold.get("lang"), published=gold.get("published"))
    try:
        from briefbook.ingest import read_file  # type: ignore[attr-defined]
    except ImportError:
        read_file = None
    if read_file is not None:
        return read_file(seed)
    text = PINYIN.sub("", seed.read_text(encoding="utf-8"))
    return Article(text=text, lang=gold.get("lang"), published=gold.get("published"))


def _contains(a: str, b: str) -> bool:
    strip = str.maketrans("", "", "“”\"'「」『』")
    a, b = a.translate(strip), b.translate(strip)
    return bool(a) and bool(b) and (a in b or b in a)


def _same(a: str, b: str) -> bool:
    strip = str.maketrans("", "", "“”\"'「」『』")
    return a.translate(strip) == b.translate(strip)


def _greedy(gold: list, pred: list, ok, key=None, pairs: list | None = None) -> tuple[int, list, list]:
    """One-to-one matching; with ``key`` (gold text, prediction text) exact matches pair first
    so that a prediction containing two gold names does not take the wrong one."""
    used = set()
    hits = {}
    if key is not None:
        for gi, g in enumerate(gold):
            gk = key(g, None)
            hit = next((i for i, p in enumerate(pred) if i not in used and ok(g, p) and _same(gk, key(None, p))), None)
            if hit is not None:
                used.add(hit)
                hits[gi] = hit
                if pairs is not None:
                    pairs.append((g, pred[hit]))
    tp = len(hits)
    missed = []
    for gi, g in enumerate(gold):
        if gi in hits:
            continue
        hit = next((i for i, p in enumerate(pred) if i not in used and ok(g, p)), None)
        if hit is None:
            missed.append(g)
        else:
            used.add(hit)
            tp += 1
            if pairs is not None:
                pairs.append((g, pred[hit]))
    extra = [p for i, p in enumerate(pred) if i not in used]
    return tp, missed, extra


def score_file(gold: dict, facts: list) -> dict:
    by = {k: [f for f in facts if f.kind == k] for k in KINDS}
    res = {}

    def dedupe(fs, key):
        seen, out = set(), []
        for f in fs:
            k = key(f)
            if k not in seen:
                seen.add(k)
                out.append(f)
        return out

    # people: one prediction per name, preferring a mention with a title
    people = {}
    for f in by["person"]:
        if f.value.get("refers_to"):
            continue  # a later short mention of a person named in full (gold lists people once)
        n = f.value.get("name")
        if n not in people or (not people[n].value.get("title") and f.value.get("title")):
            people[n] = f
    gp = {p["name"]: p for p in gold["people"]}
    tp = [n for n in people if n in gp]
    res["person"] = (len(tp), [n for n in gp if n not in people], [n for n in people if n not in gp])
    res["_titles"] = [(n, gp[n]["title"], people[n].value.get("title")) for n in tp]
    res["_orgs"] = [(n, gp[n]["org"], people[n].value.get("org")) for n in tp]
    for kind, key in (("organization", "organizations"), ("place", "places")):
        pred = {f.value.get("name") for f in by[kind]}
        g = set(gold[key])
        res[kind] = (len(pred & g), sorted(g - pred), sorted(pred - g))
    amounts = dedupe(by["amount"], lambda f: f.text)
    res["amount"] = _greedy(gold["amounts"], amounts, lambda g, p: _contains(g["text"], p.text)
                            and abs(p.value.get("value", -1) - g["value"]) < 1e-6 * max(1, g["value"])
                            and p.value.get("currency") == g["currency"])
    pcts = dedupe(by["percentage"], lambda f: f.text)
    res["percentage"] = _greedy(gold["percentages"], pcts, lambda g, p: _contains(g["text"], p.text)
                                and abs(p.value.get("value", -1) - g["value"]) < 0.01)
    counts = dedupe(by["count"], lambda f: f.text)
    res["count"] = _greedy(gold["counts"], counts, lambda g, p: _contains(g["text"], p.text)
                           and abs(p.value.get("value", -1) - g["value"]) < 1e-6 * max(1, g["value"]))
    dates = dedupe(by["date"], lambda f: f.text)
    res["date"] = _greedy(gold["dates"], dates, lambda g, p: _contains(g["text"], p.text)
                          and p.value.get("iso") == g["iso"] and p.value.get("end_iso") == g.get("end"))
    # one prediction per event name; quotation marks do not make a different name
    events = dedupe(by["event"], lambda f: (f.value.get("name") or "").translate(str.maketrans("", "", "“”\"'「」『』")))
    res["event"] = _greedy(gold["events"], events, lambda g, p: _contains(g["name"], p.value.get("name") or ""),
                           key=lambda g, p: g["name"] if g else (p.value.get("name") or ""),
                           pairs=(ev_pairs := []))
    res["_events"] = [(g["name"], g.get("date"), p.value.get("date"), g.get("place"), p.value.get("place"))
                      for g, p in ev_pairs]
    agr = dedupe(by["agreement"], lambda f: f.text)
    res["agreement"] = _greedy(gold["agreements"], agr, lambda g, p: _contains(g["text"], p.text),
                               key=lambda g, p: g["text"] if g else p.text)
    return res


def _fmt(x) -> str:
    if hasattr(x, "text"):
        return f"{x.text}={ {k: v for k, v in x.value.items() if v is not None} }"
    return json.dumps(x, ensure_ascii=False) if not isinstance(x, str) else x


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", default=str(ROOT / "benchmarks" / "gold" / "seeds"),
                    help="gold facts (default: benchmarks/gold/seeds)")
    ap.add_argument("--seeds", default=str(ROOT / "seeds"), help="seed articles (default: the repo's seeds/)")
    ap.add_argument("--texts", default=None, help="read texts from DIR as they are (no ingest)")
    ap.add_argument("--heldout", action="store_true", help="score tests/extract/heldout")
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses and extras")
    args = ap.parse_args(argv)
    if args.heldout:
        args.gold = str(ROOT / "tests" / "extract" / "heldout")
        args.texts = str(ROOT / "tests" / "extract" / "heldout" / "texts")
    totals = {k: [0, 0, 0] for k in KINDS}  # tp, gold, pred
    titles = [0, 0]
    orgs = [0, 0]
    ev_meta = [0, 0, 0]  # date right, place right, matched events
    gold_files = sorted(Path(args.gold).glob("*.json"))
    if not gold_files:
        # An empty folder would print 0.000 for every kind and look like a result.
        print(f"no gold files (*.json) in {args.gold}", file=sys.stderr)
        return 2
    for gpath in gold_files:
        gold = json.loads(gpath.read_text(encoding="utf-8"))
        seed = Path(args.texts or args.seeds) / gold["file"]
        art = load_article(seed, gold, raw=bool(args.texts))
        facts = extract(art)
        res = score_file(gold, facts)
        if args.verbose:
            print(f"=== {gold['file']} ({art.lang}, published {art.published})")
        for k in KINDS:
            tp, missed, extra = res[k]
            totals[k][0] += tp
            totals[k][1] += tp + len(missed)
            totals[k][2] += tp + len(extra)
            if args.verbose and (missed or extra):
                print(f"  {k}: missed {[_fmt(m) for m in missed]}")
                print(f"  {k}: extra  {[_fmt(e) for e in extra]}")
        for n, g, p in res["_titles"]:
            titles[0] += g == p
            titles[1] += 1
            if args.verbose and g != p:
                print(f"  title {n}: gold {g!r} got {p!r}")
        for _n, g, p in res["_orgs"]:
            orgs[0] += g == p
            orgs[1] += 1
        for n, gd, pd, gp, pp in res["_events"]:
            ev_meta[0] += gd == pd
            ev_meta[1] += gp == pp
            ev_meta[2] += 1
            if args.verbose and (gd != pd or gp != pp):
                print(f"  event {n}: gold date/place {gd!r}/{gp!r} got {pd!r}/{pp!r}")
    print(f"{'kind':<13}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'gold':>6}{'pred':>6}")
    for k in KINDS:
        tp, ng, npred = totals[k]
        p = tp / npred if npred else (1.0 if not ng else 0.0)
        r = tp / ng if ng else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{k:<13}{p:7.3f}{r:7.3f}{f1:7.3f}{tp:6d}{ng:6d}{npred:6d}")
    if titles[1]:
        print(f"title accuracy (matched people): {titles[0] / titles[1]:.3f} ({titles[0]}/{titles[1]})")
        print(f"org accuracy (matched people):   {orgs[0] / orgs[1]:.3f} ({orgs[0]}/{orgs[1]})")
    if ev_meta[2]:
        print(f"event date / place accuracy (matched events): {ev_meta[0] / ev_meta[2]:.3f} / "
              f"{ev_meta[1] / ev_meta[2]:.3f} (of {ev_meta[2]})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
