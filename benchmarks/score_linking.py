"""Score entity linking on the cross-lingual pairs of the seed gold.

    .venv/bin/python benchmarks/score_linking.py [--gold DIR (default: benchmarks/gold/seeds)] [-v]

Imports the repo's seeds/ into a temporary library, extracts and links them, then
for every cross_lingual pair {a, b, b_file} of the gold (pairs are listed both
ways; each unordered pair is counted once) reports whether a's and b's facts
ended in one entity (certain), in two entities with a merge proposal between
them (proposed, with its confidence), or neither (missed).  A name the
extractor did not produce as a fact is looked up among the aliases, then among
facts whose name contains it or is contained in it ("Liberaldemokratischen
Partei" for "Liberaldemokratischen Partei Japans"), and counts as "not
extracted" when none is found.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "desktop"))

from briefbook.link.keys import match_key  # noqa: E402
from briefbook.paths import seeds_dir  # noqa: E402
from briefbook.services.extraction import extract_library  # noqa: E402
from briefbook.services.importing import import_paths  # noqa: E402
from briefbook.store.db import open_library  # noqa: E402


def _kind_of(gold: dict, name: str) -> str:
    if any(p["name"] == name for p in gold.get("people", [])):
        return "person"
    if name in gold.get("organizations", []):
        return "organization"
    if name in gold.get("places", []):
        return "place"
    if any(e["name"] == name for e in gold.get("events", [])):
        return "event"
    return "other"


def _live(lib, eid: int) -> int:
    seen = set()
    while eid not in seen:
        seen.add(eid)
        nxt = lib.scalar("SELECT merged_into FROM entities WHERE id = ?", (eid,))
        if nxt is None:
            return eid
        eid = nxt
    return eid


def _entities(lib, article_id: int, name: str) -> tuple[set[int], str]:
    key = match_key(name)
    exact, partial = set(), set()
    for fid, value_json, text in lib.conn.execute(
            "SELECT id, value_json, text FROM facts WHERE article_id = ? AND kind IN ('person','organization','place')",
            (article_id,)):
        fkey = match_key(json.loads(value_json or "{}").get("name") or text)
        if fkey == key or (len(fkey) >= 4 and len(key) >= 4 and (fkey in key or key in fkey)):
            target = exact if fkey == key else partial
            target.update(r[0] for r in lib.conn.execute(
                "SELECT entity_id FROM fact_entities WHERE fact_id = ? AND role = 'subject'", (fid,)))
    if exact:
        return {_live(lib, i) for i in exact}, "fact"
    ids = {r[0] for r in lib.conn.execute("SELECT entity_id FROM aliases WHERE match_key = ?", (key,))}
    if ids:
        return {_live(lib, i) for i in ids}, "alias"
    return {_live(lib, i) for i in partial}, "partial fact" if partial else "none"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", type=Path, default=REPO / "benchmarks" / "gold" / "seeds")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()

    golds = {p.name.replace(".json", ".txt"): json.loads(p.read_text(encoding="utf-8"))
             for p in sorted(args.gold.glob("*.json"))}
    if not golds:
        print(f"no gold files (*.json) in {args.gold}", file=sys.stderr)
        return 2
    tmp = Path(tempfile.mkdtemp())
    lib = open_library(tmp / "score.briefbook")
    import_paths(lib, [seeds_dir()])
    extract_library(lib)
    article_of = {Path(p).name: i for i, p in lib.conn.execute("SELECT id, path FROM articles")}

    seen = set()
    results: Counter = Counter()
    by_kind: dict[str, Counter] = {}
    lines = []
    for fname, gold in golds.items():
        for pair in gold.get("cross_lingual", []):
            key = frozenset({(fname, pair["a"]), (pair["b_file"], pair["b"])})
            if key in seen:
                continue
            seen.add(key)
            kind = _kind_of(gold, pair["a"])
            ea, how_a = _entities(lib, article_of[fname], pair["a"])
            eb, how_b = _entities(lib, article_of[pair["b_file"]], pair["b"])
            conf = None
            if not ea or not eb:
                outcome = "not extracted"
            elif ea & eb:
                outcome = "certain"
            else:
                confs = [r[0] for r in lib.conn.execute(
                    f"""SELECT confidence FROM entity_merge_proposals WHERE status = 'proposed'
                        AND entity_a IN ({','.join('?' * len(ea))}) AND entity_b IN ({','.join('?' * len(eb))})
                        UNION ALL
                        SELECT confidence FROM entity_merge_proposals WHERE status = 'proposed'
                        AND entity_b IN ({','.join('?' * len(ea))}) AND entity_a IN ({','.join('?' * len(eb))})""",
                    (*ea, *eb, *ea, *eb))]
                if confs:
                    outcome, conf = "proposed", max(confs)
                else:
                    outcome = "missed"
            results[outcome] += 1
            by_kind.setdefault(kind, Counter())[outcome] += 1
            note = f" ({conf:.2f})" if conf is not None else ""
            via = "" if how_a == how_b == "fact" else f" [a via {how_a}, b via {how_b}]"
            lines.append(f"{outcome:13} {kind:12} {fname[:3]} {pair['a']}  <->  {pair['b_file'][:3]} {pair['b']}{note}{via}")

    total = sum(results.values())
    if args.verbose:
        print("\n".join(sorted(lines)))
        print()
    print(f"cross-lingual pairs (unordered): {total}")
    for outcome in ("certain", "proposed", "missed", "not extracted"):
        print(f"  {outcome:14} {results[outcome]:3}")
    print("by kind:")
    for kind, c in sorted(by_kind.items()):
        print(f"  {kind:12} " + "  ".join(f"{o} {c[o]}" for o in ("certain", "proposed", "missed", "not extracted")))
    lib.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
