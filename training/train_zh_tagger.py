#!/usr/bin/env python3
"""Train the Chinese character CRF (people, organisations, places) shipped in
resources/models/zh/.

    python training/train_zh_tagger.py --data ../shared/benchmarks [--c1 0.1 --c2 0.01 --minfreq 2]
                                       [--out resources/models/zh/zh_ner.crfsuite] [--eval-only]

Trains on the UNER Chinese GSDSIMP *training* split only
(``zh_uner_gsdsimp/zh_gsdsimp-ud-train.iob2``, CC BY-SA 4.0); prints exact-span
precision/recall/F1 of the tagger alone on the dev split (for choosing the settings;
the test split is left for benchmarks/ner_benchmark.py).  The features come from
``briefbook.extract.tagger.zh_crf.features`` (characters and the dictionaries of
resources/dict), so retrain after changing either.  Needs python-crfsuite (a
dependency of the app).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "desktop"))

import pycrfsuite  # noqa: E402

from briefbook.extract import dictionaries, registry  # noqa: E402
from briefbook.extract.pipeline import extract_text  # noqa: E402
from briefbook.extract.spans import normalise  # noqa: E402
from briefbook.extract.tagger.zh_crf import char_labels, decode, features  # noqa: E402


def read_iob2(path: Path) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """Sentences as (text, [(start, end, label)]); tokens are joined without spaces."""
    out = []
    toks: list[tuple[str, str]] = []

    def flush() -> None:
        if not toks:
            return
        text, spans, cur = "", [], None
        for tok, tag in toks:
            s, e = len(text), len(text) + len(tok)
            text += tok
            if tag.startswith("B-") or (tag.startswith("I-") and (cur is None or cur[2] != tag[2:])):
                if cur:
                    spans.append(tuple(cur))
                cur = [s, e, tag[2:]]
            elif tag.startswith("I-") and cur:
                cur[1] = e
            else:
                if cur:
                    spans.append(tuple(cur))
                cur = None
        if cur:
            spans.append(tuple(cur))
        out.append((text, [s for s in spans if s[2] in ("PER", "ORG", "LOC")]))
        toks.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            flush()
        elif not line.startswith("#"):
            cols = line.split("\t")
            if len(cols) >= 3:
                toks.append((cols[1], cols[2]))
    flush()
    return out


def rule_votes(text: str) -> list[tuple[int, int, str]]:
    """What the rules found in ``text`` just before the tagger's pass would run: the
    same ``scan_state`` the extractor hands the tagger."""
    from briefbook.extract.zh import tagged

    got: list = []
    passes = registry.CJK_PASSES["zh-Hans"]
    k = passes.index(tagged.scan_tagged)
    passes[k] = lambda scan: got.extend(tagged.rule_spans(scan))
    try:
        extract_text(text, "zh-Hans", None)
    finally:
        passes[k] = tagged.scan_tagged
    return got


def evaluate(model: Path, data) -> None:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    d = dictionaries.get()
    tp, fp, fn = defaultdict(int), defaultdict(int), defaultdict(int)
    size = 0
    t0 = time.perf_counter()
    for text, gold in data:
        norm = normalise(text)
        size += len(text.encode("utf-8"))
        pred = {(s, e, lab) for s, e, lab, _ in decode(tagger.tag(features(norm, d, rule_votes(text))))}
        gold_set = set(gold)
        for p in pred:
            (tp if p in gold_set else fp)[p[2]] += 1
        for g in gold_set - pred:
            fn[g[2]] += 1
    dt = time.perf_counter() - t0
    for lab in ("PER", "ORG", "LOC"):
        p = tp[lab] / (tp[lab] + fp[lab]) if tp[lab] + fp[lab] else 0.0
        r = tp[lab] / (tp[lab] + fn[lab]) if tp[lab] + fn[lab] else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"   {lab}: P {p:.3f}  R {r:.3f}  F1 {f1:.3f}   (tp {tp[lab]}, fp {fp[lab]}, fn {fn[lab]})")
    print(f"   tagging speed (features + CRF): {size / 1024 / dt:.0f} KB/s")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "benchmarks"),
                    help="folder holding zh_uner_gsdsimp/ (the public benchmark data)")
    ap.add_argument("--out", default=str(ROOT / "resources" / "models" / "zh" / "zh_ner.crfsuite"))
    ap.add_argument("--c1", type=float, default=0.1, help="L1 regularisation")
    ap.add_argument("--c2", type=float, default=0.01, help="L2 regularisation")
    ap.add_argument("--minfreq", type=float, default=2, help="drop features seen fewer times")
    ap.add_argument("--iterations", type=int, default=300)
    ap.add_argument("--eval-only", action="store_true", help="only score the existing model on dev")
    args = ap.parse_args(argv)
    base = Path(args.data) / "zh_uner_gsdsimp"
    out = Path(args.out)
    if not args.eval_only:
        train = read_iob2(base / "zh_gsdsimp-ud-train.iob2")
        d = dictionaries.get()
        trainer = pycrfsuite.Trainer(verbose=False)
        for text, spans in train:
            norm = normalise(text)
            trainer.append(features(norm, d, rule_votes(text)), char_labels(norm, spans))
        trainer.set_params({"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations,
                            "feature.minfreq": args.minfreq, "feature.possible_transitions": True})
        t0 = time.perf_counter()
        out.parent.mkdir(parents=True, exist_ok=True)
        trainer.train(str(out))
        print(f"trained on {len(train)} sentences in {time.perf_counter() - t0:.0f}s -> {out} "
              f"({out.stat().st_size / 1e6:.1f} MB)")
    print("dev split, tagger alone (exact spans):")
    evaluate(out, read_iob2(base / "zh_gsdsimp-ud-dev.iob2"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
