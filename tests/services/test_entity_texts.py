"""The user's renderings of an entity and a confirmed reading reach every later book."""

import pytest

from briefbook.core.book import ArticleItem, FactItem
from briefbook.services import entity_texts
from briefbook.services.demo import build_demo_library
from briefbook.services.demo_book import build_demo_book
from briefbook.services.exporting import book_for_export, book_language_check
from briefbook.store import entities as entity_store


def _items(book, kind):
    out = []

    def walk(sections):
        for s in sections:
            out.extend(i for i in s.items if isinstance(i, kind))
            walk(s.children)
    walk(book.sections)
    return out


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    lib = build_demo_library(tmp_path_factory.mktemp("texts") / "demo.briefbook")
    yield lib, build_demo_book(lib, locale="en")
    lib.close()


def _takashima(book):
    return next(f for f in _items(book, FactItem) if f.kind == "person" and "高島" in (f.value.get("name") or ""))


def test_a_confirmed_reading_loses_its_mark_and_a_title_translation_is_reused(demo):
    lib, book_id = demo
    person = entity_store.find_entities(lib, "person", "高島大浩")[0]
    before = _takashima(book_for_export(lib, book_id))
    assert before.translations["en"]["romanised"].endswith("†")

    entity_texts.confirm_reading(lib, person)
    entity_texts.translate(lib, person, "en", "title", "Executive Vice President")
    after = _takashima(book_for_export(lib, book_id))
    assert after.translations["en"]["romanised"] == before.translations["en"]["romanised"].rstrip("†")
    assert after.translations["en"]["title"] == "Executive Vice President"
    # a later book (another locale asked at export) keeps the confirmation; the en title stays en
    de = _takashima(book_for_export(lib, book_id, locale="de"))
    assert not de.translations["de"]["romanised"].endswith("†") and de.translations["de"]["title"] != \
        "Executive Vice President"

    entity_texts.confirm_reading(lib, person, reading="Takashima Hiroshi")
    assert _takashima(book_for_export(lib, book_id)).value["romanised"] == "Takashima Hiroshi"
    entity_texts.confirm_reading(lib, person, confirmed=False)
    with pytest.raises(ValueError):
        entity_texts.confirm_reading(lib, person, reading="高島")


def test_a_translated_quote_is_printed_and_leaves_the_check(demo):
    lib, book_id = demo
    left_out = [i for i in book_language_check(lib, book_id) if i["ref"].startswith("entity:")]
    assert left_out and all(i["original"].startswith(i["text"][:20]) for i in left_out)
    first = left_out[0]
    entity_id = int(first["ref"].split(":")[1])
    entity_texts.translate(lib, entity_id, "en", "quote", "A translated sentence.", original=first["original"])
    book = book_for_export(lib, book_id)
    quotes = [a.excerpt for a in _items(book, ArticleItem)]
    assert "A translated sentence." in quotes
    assert first["original"] not in [i["original"] for i in book_language_check(lib, book_id)]
    with pytest.raises(ValueError):
        entity_texts.translate(lib, entity_id, "en", "quote", "No sentence given.")


def test_profiles_quote_nothing_published_after_the_trip(demo):
    lib, book_id = demo
    book = book_for_export(lib, book_id, locale="zh-Hans")  # nothing left out for a translation here
    dates = [a.source.date for a in _items(book, ArticleItem) if a.source and a.source.date]
    assert dates and max(dates) <= book.trip.end
