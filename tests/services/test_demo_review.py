"""The demo library holds a trip and a book built from facts reviewed as an officer would."""

from briefbook.services.demo import build_demo_library
from briefbook.services.demo_book import JUNK_ORGANISATIONS, demo_book_id
from briefbook.store import books as book_store
from briefbook.store.articles import article_with_path_prefix
from briefbook.store.facts import facts_for_article


def test_demo_library_has_a_reviewed_book(tmp_path):
    lib = build_demo_library(tmp_path / "demo.briefbook", with_book=True)
    try:
        book_id = demo_book_id(lib)
        assert book_id is not None and book_store.get_book(lib, book_id)["trip_id"]
        statuses = {}
        for prefix in ("000", "001", "002", "003"):
            aid = article_with_path_prefix(lib, f"{prefix}_")
            for f in facts_for_article(lib, aid):
                statuses.setdefault(f.status, []).append((prefix, f))
        rejected = statuses.get("rejected", [])
        assert rejected and statuses.get("accepted")  # not everything accepted
        assert not statuses.get("proposed")  # everything decided
        # junk organisation names and the Yantai 2024 figures are turned down, counterparts kept
        assert all(f.value.get("name") not in JUNK_ORGANISATIONS
                   for _, f in statuses["accepted"] if f.kind == "organization")
        assert not [f for p, f in statuses["accepted"] if p == "003" and f.kind in ("amount", "count", "percentage")]
        assert any("JETRO" in (f.value.get("org") or "") or "日本貿易振興機構" in (f.value.get("org") or "")
                   for _, f in statuses["accepted"] if f.kind == "person")
    finally:
        lib.close()


def test_demo_background_is_written_in_the_readers_language(tmp_path):
    from briefbook.core.text import has_cjk
    from briefbook.services.demo_book import build_demo_book

    lib = build_demo_library(tmp_path / "demo.briefbook")
    try:
        for locale, cjk in (("de", False), ("zh-Hans", True)):
            book_id = build_demo_book(lib, locale=locale)
            background = next(s for s in book_store.sections(lib, book_id) if s["kind"] == "background")
            items = book_store.items(lib, background["id"])
            assert items
            if cjk:
                assert {i["item_kind"] for i in items} == {"article"}
            else:
                assert [i["item_kind"] for i in items] == ["text"] and not has_cjk(items[0]["payload"]["text"])
            assert book_store.get_book(lib, book_id)["title"] == ("青岛经贸代表团赴东京考察" if cjk
                                                                    else "Delegationsreise Qingdao – Tokio")
    finally:
        lib.close()
