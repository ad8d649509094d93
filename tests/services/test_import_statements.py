"""How many SQL statements importing and extracting articles costs the calling process.

Every statement the library runs for an import goes through the one process that
writes, so their number bounds the import's speed however many workers extract.  The
count is taken with SQLite's trace callback over 20 articles cut from the seeds; the
statements that depend on timing (the commits of the half-second batches and what
SQLite runs inside them: lines starting with "--") are left out, so the count is the
same on every run.
"""

from __future__ import annotations

from briefbook.services.extraction import extract_articles
from briefbook.services.importing import import_paths
from briefbook.store.extraction_queue import queued_articles

# 20 articles: each seed cut into four runs of lines
PIECES_PER_SEED = 4
# Per article, for storing it, its facts, their links and its figures: about 200.  It
# was 450 with a savepoint around every inner store call and a statement per row
# (facts, links, keys, near-duplicate bands).
MAX_STATEMENTS_PER_ARTICLE = 250
TIMING = ("BEGIN", "COMMIT", "ROLLBACK", "PRAGMA", "--")


def write_articles(seeds, folder) -> int:
    folder.mkdir()
    n = 0
    for seed in sorted(seeds.glob("*.txt")):
        lines = [ln for ln in seed.read_text(encoding="utf-8").splitlines() if ln.strip()]
        for k in range(PIECES_PER_SEED):
            part = lines[k * len(lines) // PIECES_PER_SEED:(k + 1) * len(lines) // PIECES_PER_SEED]
            if part:
                (folder / f"{seed.stem}_{k}.txt").write_text("\n".join(part) + "\n", encoding="utf-8")
                n += 1
    return n


def test_import_and_extraction_stay_within_their_statements(library, seeds, tmp_path):
    count = write_articles(seeds, tmp_path / "in")
    assert count == 20
    statements: list[str] = []
    library.conn.set_trace_callback(statements.append)
    try:
        report = import_paths(library, [tmp_path / "in"], queue_extraction=True, batch_seconds=3600)
        extracted = extract_articles(library, queued_articles(library), workers=0)
    finally:
        library.conn.set_trace_callback(None)
    assert len(report.imported) == extracted == 20
    assert library.scalar("SELECT count(*) FROM facts") > 20 * 10  # the articles did give facts
    counted = [s for s in statements if not s.lstrip().upper().startswith(TIMING)]
    assert len(counted) <= MAX_STATEMENTS_PER_ARTICLE * 20, len(counted) / 20
