#!/usr/bin/env python3
"""Score figure semantics (measure, subject, period, approximation) against gold.

    python benchmarks/score_figures.py            # the five seed articles
    python benchmarks/score_figures.py --blind    # the blind set (benchmarks/blind_figures/)
    python benchmarks/score_figures.py --dev      # the dev set (benchmarks/dev_figures/)
    python benchmarks/score_figures.py -v         # also list every miss

Gold (``benchmarks/gold/figures_seeds.json``, ``benchmarks/blind_figures/gold.json``,
``benchmarks/dev_figures/gold.json``)
lists every amount, percentage and count of each article, written by reading the
sentences.  A gold figure is found when a figure's span overlaps the gold text;
then each field is compared: measure key; subject after normalisation (Simplified
script, no 市/省 suffix, no quotes, case folded; "A–B" and "B–A" are the same);
period start and end; approx; value (where the gold gives one: money in units of
its currency, equal to a millionth).  A gold figure the extractor did not find counts
as wrong in every field.
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
from briefbook.core.text import to_simplified  # noqa: E402
from briefbook.extract import extract  # noqa: E402
from briefbook.knowledge.figures import read_figures  # noqa: E402

FIELDS = ("found", "measure", "subject", "period", "approx", "qualifies", "value")


def _load_seed(path: Path) -> Article:
    from briefbook.ingest import read_file

    return read_file(path)


def _norm_name(name: str) -> str:
    s = to_simplified(name).lower()
    s = re.sub(r"[“”\"'「」『』\s]", "", s)
    return re.sub(r"(市|省|市政府)$", lambda m: "市政府" if m.group() == "市政府" else "", s)


def norm_subject(subject: str | None) -> str | None:
    if not subject:
        return None
    if " ← " in subject:
        a, b = subject.split(" ← ", 1)
        return f"{_norm_name(a)}<-{_norm_name(b)}"
    if " → " in subject:
        a, b = subject.split(" → ", 1)
        return f"{_norm_name(a)}->{_norm_name(b)}"
    if "–" in subject:
        return "–".join(sorted(_norm_name(x) for x in subject.split("–")))
    if ", " in subject:
        return ",".join(sorted(_norm_name(x) for x in subject.split(", ")))
    return _norm_name(subject)


def score(articles: list[tuple[Article, list[dict]]], verbose: bool) -> dict[str, float]:
    right = dict.fromkeys(FIELDS, 0)
    total = dict.fromkeys(FIELDS, 0)
    for article, gold in articles:
        facts = extract(article)
        figs = read_figures(article.text, article.lang, article.published, facts)
        if verbose:
            print(f"-- {article.lang} {article.published}")
        for g in gold:
            at = article.text.find(g["text"])
            span = (at, at + len(g["text"]))
            fig = next((f for f in figs if f.start < span[1] and span[0] < f.end), None)
            got = {}
            if fig is not None:
                parent = figs[fig.qualifies].text if fig.qualifies is not None else None
                got = {"found": True, "measure": fig.measure,
                       "subject": norm_subject(fig.subject.display()) if fig.subject else None,
                       "period": fig.period.as_dict() if fig.period else None, "approx": fig.approx,
                       "qualifies": parent, "value": fig.value}
            want = {"found": True, "measure": g["measure"], "subject": norm_subject(g["subject"]),
                    "period": g["period"], "approx": g["approx"], "qualifies": g.get("qualifies"),
                    "value": g.get("value")}
            for key in FIELDS:
                if key == "value" and "value" not in g:
                    continue
                total[key] += 1
                w, v = want[key], got.get(key)
                if key == "period":
                    ok = (w is None and v is None) or (w is not None and v is not None and
                                                      (w["start"], w["end"]) == (v["start"], v["end"]))
                elif key == "value":
                    ok = v is not None and abs(float(v) - float(w)) <= 1e-6 * max(1.0, abs(float(w)))
                elif key == "qualifies":
                    ok = (w is None and v is None) or (w is not None and v is not None and (w in v or v in w))
                else:
                    ok = w == v
                right[key] += ok
                if not ok and verbose and fig is not None:
                    print(f"  {key:9} {g['text'][:24]:26} want {w}  got {v}   {fig.cues if key != 'found' else ''}")
                elif not ok and verbose and key == "found":
                    print(f"  not found {g['text']}")
    return {k: right[k] / total[k] for k in FIELDS if total[k]} | {"n": total["found"]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--blind", action="store_true", help="score the blind set instead of the seeds")
    parser.add_argument("--dev", action="store_true", help="score the dev set (benchmarks/dev_figures/)")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    articles = []
    if args.blind or args.dev:
        folder = ROOT / "benchmarks" / ("blind_figures" if args.blind else "dev_figures")
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        for item in gold["articles"]:
            text = (folder / item["file"]).read_text(encoding="utf-8")
            body = text.split("\n---\n", 1)[1] if "\n---\n" in text else text
            articles.append((Article(text=body, lang=item["lang"], published=item["published"]), item["figures"]))
    else:
        gold = json.loads((ROOT / "benchmarks" / "gold" / "figures_seeds.json").read_text(encoding="utf-8"))
        by_file: dict[str, list[dict]] = {}
        for g in gold["figures"]:
            by_file.setdefault(g["file"], []).append(g)
        for name, figs in sorted(by_file.items()):
            articles.append((_load_seed(ROOT / "seeds" / name), figs))
    result = score(articles, args.verbose)
    print(f"figures: {result['n']}")
    for key in FIELDS:
        if key in result:
            print(f"{key:10} {result[key]:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
