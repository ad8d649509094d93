"""A query with more matches than the ranking window ranks the newest matches first:
every page of that order holds each match once, the window's part in bm25 order,
the rest after it in bm25 order, and the library view pages the same way."""

import sys
from pathlib import Path

import pytest

from briefbook.core.searchtext import build_fts_query
from briefbook.ingest import read_pasted
from briefbook.store import search as ranking
from briefbook.store import views
from briefbook.store.articles import add_article
from briefbook.store.search import search

ROOT = Path(__file__).resolve().parents[2]
WINDOW = 30
RANK_SQL = """SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? AND rowid {op} ?
              ORDER BY bm25(articles_fts, 8.0, 1.0, 2.0), rowid"""


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from synthetic import ArticleGenerator

    from briefbook.store.db import open_library

    lib = open_library(tmp_path_factory.mktemp("win") / "win.briefbook")
    gen = ArticleGenerator(seed=9, target_rate=0.05)
    for i in range(300):
        add_article(lib, read_pasted(gen.article(i)[1]))
    yield lib
    lib.close()


@pytest.fixture
def small_window(monkeypatch):
    monkeypatch.setattr(ranking, "RANK_WINDOW", WINDOW)


def _matches(lib, query):
    fts = build_fts_query(query)
    return [r[0] for r in lib.conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? "
                                           "ORDER BY rowid DESC", (fts,))]


def _expected_order(lib, query):
    fts = build_fts_query(query)
    newest = _matches(lib, query)
    floor = newest[WINDOW - 1]
    first = [r[0] for r in lib.conn.execute(RANK_SQL.format(op=">="), (fts, floor))]
    rest = [r[0] for r in lib.conn.execute(RANK_SQL.format(op="<"), (fts, floor))]
    return first + rest


@pytest.mark.parametrize("query", ["威海", "合作 企业", '"经贸合作"'])
def test_pages_cover_every_match_once_in_window_order(library, small_window, query):
    matches = _matches(library, query)
    assert len(matches) > 2 * WINDOW, "the query must have more matches than the window for this test"
    expected = _expected_order(library, query)
    # Pages of 15 straddle the window's edge (40) and go past it.
    paged = []
    for offset in range(0, len(matches) + 15, 15):
        paged += [h.article_id for h in search(library, query, limit=15, offset=offset, snippets=False)]
    assert paged == expected
    assert sorted(paged) == sorted(matches)
    # The first page is the window's best, and all of it comes from the newest matches.
    assert set(paged[:WINDOW]) == set(matches[:WINDOW])


def test_a_query_within_the_window_is_ranked_over_all_matches(library, monkeypatch):
    query = "高燕"
    fts = build_fts_query(query)
    matches = _matches(library, query)
    assert len(matches) > 1
    # Exactly as many matches as the window holds: no window applies.
    monkeypatch.setattr(ranking, "RANK_WINDOW", len(matches))
    exact = [r[0] for r in library.conn.execute(
        "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 8.0, 1.0, 2.0), rowid",
        (fts,))]
    assert [h.article_id for h in search(library, query, limit=50, snippets=False)] == exact


@pytest.mark.parametrize("lang", [None, "zh-Hans"])
def test_the_library_view_pages_in_the_same_order(library, small_window, lang):
    query = "威海"
    flt = views.ArticleFilter(query=query, lang=lang)
    total = views.count_articles(library, flt)
    assert total > WINDOW + 15
    paged = []
    for offset in range(0, total + 15, 15):
        paged += [row["id"] for row in views.article_rows(library, flt, limit=15, offset=offset)]
    assert len(paged) == total == len(set(paged))
    if lang is None:
        assert paged == _expected_order(library, query)
    newest = sorted(paged, reverse=True)[:WINDOW]
    assert set(paged[:WINDOW]) == set(newest)
    assert all(row["snippet"] for row in views.article_rows(library, flt, limit=5))
