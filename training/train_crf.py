#!/usr/bin/env python3
"""Train the CRF taggers for people, organisations and places (de, en, ja).

    python training/train_crf.py --lang de --data PATH/TO/benchmarks [--out resources/models]

PATH/TO/benchmarks is the folder of public NER sets described in
resources/models/README.md (GermEval 2014, UNER English-EWT, stockmark ner-wikipedia).
Needs python-crfsuite (a dependency of Briefbook).  The model is written to
resources/models/LANG/crf.crfsuite and its held-out score printed.

Training data:
- de: GermEval 2014 test split (NER-de-test.tsv); outer column; PER, ORG, LOC and OTH
  learnt, *deriv and *part read as outside.  Scored on GermEval 2014 dev.
- en: UNER English-EWT dev (en_ewt-ud-dev.iob2); scored on UNER English-EWT test.
- ja: stockmark ner-wikipedia ner.json, records whose 0-based index i has i % 5 != 4;
  records with i % 5 == 4 are held out for scoring.  人名 -> PER; 法人名, 政治的組織名,
  その他の組織名 -> ORG; 地名 -> LOC; 施設名 -> FAC (learnt, used as a place only by
  the extractor's choice); 製品名 and イベント名 -> outside.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "desktop"))

import pycrfsuite  # noqa: E402

from briefbook.extract.tagger import crf_features as F  # noqa: E402

JA_MAP = {"人名": "PER", "法人名": "ORG", "政治的組織名": "ORG", "その他の組織名": "ORG", "地名": "LOC",
          "施設名": "FAC"}
JA_HOLDOUT = 5  # every 5th record (index % 5 == 4) is held out


def read_tokens(path: Path, tag_col: int, keep: set[str]) -> list[tuple[list[str], list[str]]]:
    """Sentences of a token-per-line file as (words, BIO labels) over the labels in ``keep``."""
    out, words, tags = [], [], []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            if words:
                out.append((words, tags))
            words, tags = [], []
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        tag = cols[tag_col]
        if tag != "O" and tag[2:] not in keep:
            tag = "O"
        if tag.startswith("I-") and (not tags or tags[-1][2:] != tag[2:]):
            tag = "B-" + tag[2:]
        words.append(cols[1])
        tags.append(tag)
    return out


def ja_records(path: Path, held_out: bool) -> list[tuple[str, list[str]]]:
    out = []
    for i, rec in enumerate(json.loads(path.read_text(encoding="utf-8"))):
        if (i % JA_HOLDOUT == JA_HOLDOUT - 1) != held_out:
            continue
        text = rec["text"]
        tags = ["O"] * len(text)
        for e in sorted(rec["entities"], key=lambda e: (e["span"][0], -e["span"][1])):
            lab = JA_MAP.get(e["type"])
            s, t = e["span"]
            if not lab or any(x != "O" for x in tags[s:t]):
                continue
            tags[s] = "B-" + lab
            for j in range(s + 1, t):
                tags[j] = "I-" + lab
        out.append((text, tags))
    return out


def spans(tags: list[str]) -> set[tuple[int, int, str]]:
    out, cur = set(), None
    for i, t in enumerate(tags + ["O"]):
        if cur and not (t.startswith("I-") and t[2:] == cur[2]):
            out.add((cur[0], i, cur[2]))
            cur = None
        if t.startswith("B-") or (t.startswith("I-") and cur is None):
            cur = (i, i, t[2:])
    return out


def evaluate(tagger: pycrfsuite.Tagger, data: list[tuple[list[list[str]], list[str]]]) -> None:
    tp: dict[str, int] = {}
    fp: dict[str, int] = {}
    fn: dict[str, int] = {}
    for feats, gold in data:
        pred = spans(tagger.tag(feats))
        g = spans(gold)
        for s in pred:
            d = tp if s in g else fp
            d[s[2]] = d.get(s[2], 0) + 1
        for s in g - pred:
            fn[s[2]] = fn.get(s[2], 0) + 1
    for lab in ("PER", "ORG", "LOC", "FAC"):
        t, f, n = tp.get(lab, 0), fp.get(lab, 0), fn.get(lab, 0)
        if t + f + n == 0:
            continue
        p = t / (t + f) if t + f else 0.0
        r = t / (t + n) if t + n else 0.0
        print(f"   {lab}: P {p:.3f} R {r:.3f} F1 {2 * p * r / (p + r) if p + r else 0.0:.3f} (tp {t} fp {f} fn {n})")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lang", required=True, choices=["de", "en", "ja"])
    ap.add_argument("--data", required=True, help="folder holding de_germeval2014/, en_uner_ewt/, ja_stockmark_ner_wikipedia/")
    ap.add_argument("--out", default=str(ROOT / "resources" / "models"))
    ap.add_argument("--c1", type=float, default=0.1)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--iterations", type=int, default=150)
    args = ap.parse_args(argv)
    base = Path(args.data)
    if args.lang == "ja":
        gaz = F.JaGazetteer()
        train = [(F.ja_features(t, gaz), y) for t, y in ja_records(base / "ja_stockmark_ner_wikipedia" / "ner.json", False)]
        test = [(F.ja_features(t, gaz), y) for t, y in ja_records(base / "ja_stockmark_ner_wikipedia" / "ner.json", True)]
    else:
        lg = F.LatinGazetteer(args.lang)
        if args.lang == "de":
            keep = {"PER", "ORG", "LOC", "OTH"}
            tr = read_tokens(base / "de_germeval2014" / "NER-de-test.tsv", 2, keep)
            te = read_tokens(base / "de_germeval2014" / "NER-de-dev.tsv", 2, keep)
        else:
            keep = {"PER", "ORG", "LOC"}
            tr = read_tokens(base / "en_uner_ewt" / "en_ewt-ud-dev.iob2", 2, keep)
            te = read_tokens(base / "en_uner_ewt" / "en_ewt-ud-test.iob2", 2, keep)
        train = [(F.latin_features(w, lg), y) for w, y in tr]
        test = [(F.latin_features(w, lg), y) for w, y in te]
    print(f"{args.lang}: {len(train)} training units, {len(test)} held out")
    trainer = pycrfsuite.Trainer(verbose=False)
    for x, y in train:
        trainer.append(x, y)
    trainer.set_params({"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations,
                        "feature.possible_transitions": True, "feature.minfreq": 1})
    out = Path(args.out) / args.lang
    out.mkdir(parents=True, exist_ok=True)
    model = out / "crf.crfsuite"
    t0 = time.perf_counter()
    trainer.train(str(model))
    print(f"trained in {time.perf_counter() - t0:.0f}s -> {model} ({model.stat().st_size / 1e6:.1f} MB)")
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    print("held-out score (tagger alone, exact spans):")
    evaluate(tagger, test)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
