"""The small reads and reversible writes the GUI uses instead of its own SQL."""

from __future__ import annotations

import hashlib

import pytest

from briefbook.core.article import Article
from briefbook.store import articles, books, entities
from briefbook.store.db import uses_wal


def _article(lib, text: str, title: str | None = None) -> int:
    art = Article(text=text, title=title, sha256=hashlib.sha256(text.encode()).hexdigest())
    return articles.add_article(lib, art).article_id


def test_article_reads(library):
    first = _article(library, "Erster Text.", "Eins")
    second = _article(library, "Zweiter Text.")
    assert articles.article_ids(library) == [first, second]
    assert articles.article_exists(library, first) and not articles.article_exists(library, second + 1)
    assert articles.article_title(library, first) == "Eins" and articles.article_title(library, second) is None
    assert articles.article_text(library, second) == "Zweiter Text."
    assert articles.duplicate_state(library, first) == {
        "duplicate_of": None, "duplicate_score": None, "duplicate_status": None}
    assert articles.duplicate_state(library, second + 1) is None
    assert articles.count_articles(library) == 2


def test_duplicate_verdict_returns_what_undoes_it(library):
    aid = _article(library, "Ein Text.")
    old = articles.set_duplicate_status(library, aid, "suspected")
    assert old is None
    assert articles.set_duplicate_status(library, aid, "confirmed") == "suspected"
    assert articles.duplicate_state(library, aid)["duplicate_status"] == "confirmed"
    articles.set_duplicate_status(library, aid, "suspected")  # undo with what it returned
    assert articles.duplicate_state(library, aid)["duplicate_status"] == "suspected"
    with pytest.raises(KeyError):
        articles.set_duplicate_status(library, aid + 1, "confirmed")


def test_owners_rows_and_item_counts(library):
    trip = books.save_trip(library, books.TripRow(None, "Reise"))
    member = books.add_member(library, trip, "Frau A", entity_id=None)
    item = books.add_itinerary_item(library, trip, "2024-05-01", people_entity_ids=[3, 4])
    book = books.create_book(library, "Mappe", trip_id=trip)
    first, second = [r["id"] for r in books.sections(library, book)][:2]
    books.add_item(library, first, "text", payload={"text": "a"})
    books.add_item(library, first, "text", payload={"text": "b"})
    entry = books.add_item(library, second, "text", payload={"text": "c"})
    assert books.row_owner(library, "delegation_members", member) == (trip, 0)
    assert books.row_owner(library, "itinerary_items", item) == (trip, 0)
    assert books.row_owner(library, "sections", first) == (0, book)
    assert books.row_owner(library, "section_items", entry) == (0, book)
    assert books.row_owner(library, "books", book) == (0, book)
    assert books.row_owner(library, "books", book + 1) == (0, 0)
    assert books.item_counts(library, book) == {first: 2, second: 1}
    assert books.trip_row(library, "delegation_members", member)["name"] == "Frau A"
    assert books.trip_row(library, "itinerary_items", item)["people_entity_ids"] == "[3, 4]"
    assert books.trip_row(library, "itinerary_items", item + 1) is None
    with pytest.raises(ValueError):
        books.trip_row(library, "books", book)


def test_entity_reads(library):
    keep = entities.create_entity(library, "person", "Li Wei")
    other = entities.create_entity(library, "person", "李伟")
    assert entities.canonical_name(library, keep) == "Li Wei" and entities.canonical_name(library, 999) is None
    assert entities.merged_into(library, other) is None
    record = entities.merge_entities(library, keep, other)
    assert entities.merged_into(library, other) == keep
    entities.unmerge_entities(library, record)
    assert entities.merged_into(library, other) is None


def test_a_new_library_uses_wal(library):
    assert uses_wal(library)


def test_fact_rows_work_out_an_article_title_once_per_article_not_per_fact(library):
    from briefbook.core.article import display_title
    from briefbook.core.facts import Fact
    from briefbook.store import facts as F
    from briefbook.store import views

    text = "青岛市与日本经贸合作不断深化。" * 200
    untitled = _article(library, text)
    titled = _article(library, "Qingdao und Japan.", "Handel")
    for aid, body in ((untitled, text), (titled, "Qingdao und Japan.")):
        F.save_extracted(library, aid, [Fact(kind="place", start=s, end=s + 2, text=body[s:s + 2], value={})
                                        for s in range(0, min(len(body), 3000), 15)], "test")
    calls = []

    def counted(title, body):
        calls.append(title)
        return display_title(title, body)

    library.conn.create_function("display_title", 2, counted, deterministic=True)
    rows = views.fact_rows(library, views.FactFilter(), 10_000)
    assert len(rows) == 200 + 2 and len(calls) == 2  # one per article, not one per fact
    assert {r["article_title"] for r in rows if r["article_id"] == untitled} == {"青岛市与日本经贸合作不断深化…"}
    assert {r["article_title"] for r in rows if r["article_id"] == titled} == {"Handel"}
    one = views.fact_row(library, rows[0]["id"])
    again = views.fact_rows_by_ids(library, [rows[0]["id"], rows[-1]["id"]])
    assert one["article_title"] == rows[0]["article_title"]
    assert again[rows[-1]["id"]]["article_title"] == "Handel"
