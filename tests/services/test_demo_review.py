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
