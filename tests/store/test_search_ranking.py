"""The ranked page is taken from the full-text index before joining to articles:
the same hits, in the same order, with the same scores as joining first."""

import sys
from pathlib import Path

import pytest

from briefbook.core.searchtext import build_fts_query
from briefbook.ingest import read_pasted
from briefbook.store.articles import add_article
from briefbook.store.search import search

ROOT = Path(__file__).resolve().parents[2]

# The query search() ran before: every match joined to its article, then ranked
# (ties broken by id, as the ranked page does, so that the order is defined).
JOIN_FIRST_SQL = """
    SELECT a.id, bm25(articles_fts, 8.0, 1.0, 2.0) AS rank
    FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
    WHERE articles_fts MATCH ? ORDER BY rank, a.id LIMIT ? OFFSET ?"""

QUERIES = ["高燕", "威海", "合作 企业", '"经贸合作"', "Zusammenarbeit", "張琳", "青岛 -威海", "威海 OR Weihai", "投资"]


@pytest.fixture(scope="module")
def generated_library(tmp_path_factory):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from synthetic import ArticleGenerator

    from briefbook.store.db import open_library

    lib = open_library(tmp_path_factory.mktemp("gen") / "gen.briefbook")
    gen = ArticleGenerator(seed=4, target_rate=0.05)
    for i in range(400):
        add_article(lib, read_pasted(gen.article(i)[1]))
    yield lib
    lib.close()


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize(("limit", "offset"), [(20, 0), (20, 20), (50, 7)])
def test_ranked_page_equals_join_first(generated_library, query, limit, offset):
    lib = generated_library
    expected = lib.conn.execute(JOIN_FIRST_SQL, (build_fts_query(query), limit, offset)).fetchall()
    hits = search(lib, query, limit=limit, offset=offset, snippets=False)
    assert [(h.article_id, h.rank) for h in hits] == [tuple(r) for r in expected]


def test_generated_queries_find_something(generated_library):
    # The comparison above means nothing on empty pages: the common queries do match.
    for query in ("威海", "合作 企业", '"经贸合作"', "高燕"):
        assert len(search(generated_library, query, limit=20, snippets=False)) > 0, query


def test_snippets_come_from_each_hit_s_own_text(generated_library):
    for hit in search(generated_library, "高燕", limit=20):
        s, e = hit.spans[0]
        assert hit.snippet[s:e] == "高燕"
