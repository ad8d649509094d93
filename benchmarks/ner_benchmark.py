#!/usr/bin/env python3
"""PER/ORG/LOC precision, recall and F1 of the rule extractor on public NER sets.

    python benchmarks/ner_benchmark.py [--data ../shared/benchmarks] [--limit N] [--lang zh,de,ja,en]

Sets (see the data folder's README): zh UNER GSDSIMP test, GermEval 2014 dev (outer
column; OTH, *deriv and *part dropped), stockmark ja ner-wikipedia, the records the
ja tagger was not trained on (index % 5 == 4) (人名 -> PER;
法人名, 政治的組織名, その他の組織名 -> ORG; 地名 -> LOC; 施設名 scored separately
as FAC vs our places), UNER EWT en test.  Matching is exact on character spans; a
person fact is scored on the span of its name (not of its title).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "desktop"))

from briefbook.extract import extract_text  # noqa: E402

KIND_LABEL = {"person": "PER", "organization": "ORG", "place": "LOC"}


def read_iob(path: Path, sep: str, tag_col: int, join: str):
    """Sentences as (text, {(start, end, label)}) from a token-per-line IOB file."""
    out = []
    toks: list[tuple[str, str]] = []

    def flush():
        if not toks:
            return
        text, spans, pos = "", set(), []
        for i, (tok, _) in enumerate(toks):
            if i and join:
                text += join
            pos.append((len(text), len(text) + len(tok)))
            text += tok
        cur = None
        for i, (_, tag) in enumerate(toks):
            if tag.startswith("B-") or (tag.startswith("I-") and (cur is None or cur[2] != tag[2:])):
                if cur:
                    spans.add(cur)
                cur = (pos[i][0], pos[i][1], tag[2:])
            elif tag.startswith("I-") and cur:
                cur = (cur[0], pos[i][1], cur[2])
            else:
                if cur:
                    spans.add(cur)
                cur = None
        if cur:
            spans.add(cur)
        out.append((text, {s for s in spans if s[2] in ("PER", "ORG", "LOC")}))
        toks.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            flush()
            continue
        if line.startswith("#"):
            continue
        cols = line.split(sep)
        if len(cols) <= tag_col:
            continue
        toks.append((cols[1], cols[tag_col]))
    flush()
    return out


def read_stockmark(path: Path, held_out_only: bool = True):
    """The held-out records (index % 5 == 4; the others train the ja tagger, see
    training/train_crf.py), or every record."""
    mapping = {"人名": "PER", "法人名": "ORG", "政治的組織名": "ORG", "その他の組織名": "ORG", "地名": "LOC",
               "施設名": "FAC"}
    out = []
    for i, rec in enumerate(json.loads(path.read_text(encoding="utf-8"))):
        if held_out_only and i % 5 != 4:
            continue
        spans = {(e["span"][0], e["span"][1], mapping[e["type"]]) for e in rec["entities"] if e["type"] in mapping}
        out.append((rec["text"], spans))
    return out


def predicted(text: str, lang: str) -> set:
    out = set()
    for f in extract_text(text, lang, None):
        label = KIND_LABEL.get(f.kind)
        if not label:
            continue
        s, e = f.start, f.end
        if f.kind == "person":
            name = f.value.get("name") or f.text
            k = f.text.rfind(name) if f.text.endswith(name) else f.text.find(name)
            if k >= 0:
                s, e = f.start + k, f.start + k + len(name)
        out.add((s, e, label))
    return out


def score(name: str, data: list, lang: str, show: int = 0, show_label: str = "PER") -> None:
    tp, fp, fn = defaultdict(int), defaultdict(int), defaultdict(int)
    shown = [0, 0]
    t0 = time.perf_counter()
    for text, gold in data:
        pred = predicted(text, lang)
        gold_core = {g for g in gold if g[2] != "FAC"}
        for p in pred:
            if p in gold_core:
                tp[p[2]] += 1
            elif p[2] == "LOC" and (p[0], p[1], "FAC") in gold:
                tp["FAC~LOC"] += 1
            else:
                fp[p[2]] += 1
                if show and p[2] == show_label and shown[0] < show:
                    shown[0] += 1
                    print(f"   FP {show_label} {text[p[0]:p[1]]!r} in {text[max(0, p[0] - 12):p[1] + 12]!r}")
        for g in gold_core:
            if g not in pred:
                fn[g[2]] += 1
                if show and g[2] == show_label and shown[1] < show:
                    shown[1] += 1
                    print(f"   FN {show_label} {text[g[0]:g[1]]!r} in {text[max(0, g[0] - 12):g[1] + 12]!r}")
    dt = time.perf_counter() - t0
    print(f"== {name} ({lang}): {len(data)} sentences, {dt:.1f}s")
    tot = [0, 0, 0]
    for lab in ("PER", "ORG", "LOC"):
        t, f_, n = tp[lab], fp[lab], fn[lab]
        tot[0] += t
        tot[1] += f_
        tot[2] += n
        p = t / (t + f_) if t + f_ else 0.0
        r = t / (t + n) if t + n else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"   {lab}: P {p:.3f}  R {r:.3f}  F1 {f1:.3f}   (tp {t}, fp {f_}, fn {n})")
    t, f_, n = tot
    p = t / (t + f_) if t + f_ else 0.0
    r = t / (t + n) if t + n else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"   all: P {p:.3f}  R {r:.3f}  F1 {f1:.3f}")
    if tp["FAC~LOC"]:
        print(f"   (places that gold tags as facility 施設名: {tp['FAC~LOC']}, not counted)")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "benchmarks"))
    ap.add_argument("--limit", type=int, default=0, help="only the first N sentences per set")
    ap.add_argument("--lang", default="zh,de,ja,en")
    ap.add_argument("--show", type=int, default=0, help="print N false positives and N misses of --label")
    ap.add_argument("--label", default="PER", choices=["PER", "ORG", "LOC"])
    ap.add_argument("--split", default="report", choices=["report", "tune", "check"],
                    help="report: the sets above; tune: zh/en dev splits and the even GermEval sentences "
                         "(develop rules here); check: zh/en test and the odd GermEval sentences")
    ap.add_argument("--rules-only", action="store_true", help="without the statistical taggers")
    args = ap.parse_args(argv)
    if args.rules_only:
        from briefbook.extract.tagger import crf, register  # noqa: F401  (crf registers its taggers first)

        for lang in ("zh-Hans", "zh-Hant", "ja", "de", "en"):
            register(lang, lambda: None)
    base = Path(args.data)
    if not base.is_dir():
        # The public test sets are not shipped in the repository; say so rather than fail on a file.
        print(f"ner_benchmark: no benchmark data at {base} (the public NER sets, see --data); nothing scored",
              file=sys.stderr)
        return 2
    langs = args.lang.split(",")
    sets = []
    ud = "dev" if args.split == "tune" else "test"
    half = {"report": slice(None), "tune": slice(0, None, 2), "check": slice(1, None, 2)}[args.split]
    if "zh" in langs:
        sets.append((f"zh UNER GSDSIMP {ud}", "zh-Hans",
                     lambda: read_iob(base / "zh_uner_gsdsimp" / f"zh_gsdsimp-ud-{ud}.iob2", "\t", 2, "")))
    if "de" in langs:
        sets.append((f"GermEval 2014 dev{'' if args.split == 'report' else ' ' + args.split + ' half'}", "de",
                     lambda: read_iob(base / "de_germeval2014" / "NER-de-dev.tsv", "\t", 2, " ")[half]))
    if "ja" in langs:
        sets.append(("stockmark ner-wikipedia held-out (records i % 5 == 4)", "ja",
                     lambda: read_stockmark(base / "ja_stockmark_ner_wikipedia" / "ner.json")))
    if "en" in langs:
        sets.append((f"UNER EWT {ud}", "en",
                     lambda: read_iob(base / "en_uner_ewt" / f"en_ewt-ud-{ud}.iob2", "\t", 2, " ")))
    for name, lang, loader in sets:
        data = loader()
        if args.limit:
            data = data[: args.limit]
        score(name, data, lang, args.show, args.label)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
