#!/usr/bin/env python3
"""Everything an import computes from its articles, in one JSON file: to show that a
change made for speed changes no fact, figure or link.

    python benchmarks/extract_snapshot.py                      # print the digest of the snapshot
    python benchmarks/extract_snapshot.py --out before.json    # ... and write it
    python benchmarks/extract_snapshot.py --compare before.json after.json

The snapshot holds, for the seed articles, the development set (benchmarks/dev_extract,
its texts as stored and as read by ingest) and 1,000 generated articles
(benchmarks/synthetic.py): what the extraction workers hand the storing process (the
facts, the figures read from them, the romanised keys of their names).  With
``--library N`` (default 300) it also imports N generated articles and the seeds into a
new library, as ``briefbook import`` does, and holds every row of its tables but the
clock times and generated uuids.  Same digest before and after: same output.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import sqlite3
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "desktop"))

from synthetic import ArticleGenerator  # noqa: E402

from briefbook.ingest import read_file  # noqa: E402
from briefbook.services.extraction import _extract_one, import_and_extract  # noqa: E402
from briefbook.store.db import open_library  # noqa: E402

_CLOCK_OR_RANDOM = {"uuid", "path"}  # besides every *_at column: differ from run to run


def _plain(o):
    if dataclasses.is_dataclass(o) and not isinstance(o, type):
        return {k: _plain(v) for k, v in dataclasses.asdict(o).items()}
    if isinstance(o, dict):
        return [[_plain(k), _plain(v)] for k, v in sorted(o.items(), key=lambda kv: repr(kv[0]))]
    if isinstance(o, list | tuple):
        return [_plain(x) for x in o]
    if isinstance(o, set | frozenset):
        return sorted(_plain(x) for x in o)
    return o


def _worker_output(text: str, lang: str | None, published: str | None) -> dict:
    _id, facts, _version, read, keys = _extract_one((0, text, lang, published, None))
    return {"facts": _plain(facts), "read": _plain(read), "keys": _plain(keys)}


def _library_rows(path: Path) -> dict:
    con = sqlite3.connect(path)
    out = {}
    for (table,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                "AND name NOT LIKE '%fts%' AND name NOT LIKE 'sqlite%'"):
        cols = [r[1] for r in con.execute(f'PRAGMA table_info("{table}")')]
        keep = [c for c in cols if c not in _CLOCK_OR_RANDOM and not c.endswith("_at")]
        if keep:
            quoted = ",".join(f'"{c}"' for c in keep)
            rows = con.execute(f'SELECT {quoted} FROM "{table}"').fetchall()
            out["library/" + table] = {"columns": keep, "rows": sorted(repr(r) for r in rows)}
    con.close()
    return out


def snapshot(generated: int, library: int) -> dict:
    out: dict = {}
    for p in sorted((ROOT / "seeds").glob("*.txt")):
        a = read_file(p)
        out["seed/" + p.name] = _worker_output(a.text, a.lang, a.published)
    dev = ROOT / "benchmarks" / "dev_extract"
    for p in sorted((dev / "texts").glob("*.txt")):
        gold = json.loads((dev / "gold" / (p.stem + ".json")).read_text(encoding="utf-8"))
        out["dev/" + p.name] = _worker_output(p.read_text(encoding="utf-8"), gold.get("lang"), gold.get("published"))
        a = read_file(p)
        out["dev-read/" + p.name] = _worker_output(a.text, a.lang, a.published)
    gen = ArticleGenerator(seed=7)
    with tempfile.TemporaryDirectory(prefix="briefbook-snapshot-") as tmp:
        work = Path(tmp)
        for p in gen.write_files(work / "generated", generated):
            a = read_file(p)
            out["generated/" + p.name] = _worker_output(a.text, a.lang, a.published)
        if library:
            lib = open_library(work / "lib.briefbook")
            folder = gen.write_files(work / "imported", library, start=50_000)[0].parent
            import_and_extract(lib, [folder, ROOT / "seeds"])
            lib.close()
            out.update(_library_rows(work / "lib.briefbook"))
    return out


def compare(a: dict, b: dict) -> int:
    differing = [k for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k)]
    for k in differing[:20]:
        print(f"differs: {k}")
    print(f"{len(a)} and {len(b)} entries, {len(differing)} differ")
    return 1 if differing else 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", help="write the snapshot to this file")
    ap.add_argument("--generated", type=int, default=1000, help="generated articles extracted (default 1,000)")
    ap.add_argument("--library", type=int, default=300, help="generated articles imported into a library (0: none)")
    ap.add_argument("--compare", nargs=2, metavar=("BEFORE", "AFTER"), help="compare two snapshot files")
    args = ap.parse_args(argv)
    if args.compare:
        a, b = (json.loads(Path(p).read_text(encoding="utf-8")) for p in args.compare)
        return compare(a, b)
    data = json.dumps(snapshot(args.generated, args.library), ensure_ascii=False, sort_keys=True)
    if args.out:
        Path(args.out).write_text(data, encoding="utf-8")
    print(f"snapshot digest {hashlib.sha256(data.encode('utf-8')).hexdigest()[:16]} "
          f"({len(json.loads(data))} entries)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
