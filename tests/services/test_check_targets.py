"""The check before export: each finding has a stable code with its parameters (a face words
it in its own language) and a target that names the row to open, also for findings that
are not about an entity (section titles, free text, programme items, the trip)."""

from briefbook.core.article import Article
from briefbook.core.facts import Fact
from briefbook.services.exporting import book_language_check
from briefbook.services.language import IssueCode
from briefbook.store import books as book_store
from briefbook.store import entities as ent
from briefbook.store import facts as fact_store
from briefbook.store.articles import add_article

TEXT = "青岛市商务局表示，双方将深化合作。"


def _book(lib):
    aid = add_article(lib, Article(text=TEXT, title="报道", lang="zh-Hans", published="2020-06-01", source="报社",
                                   sha256="check-targets")).article_id
    bureau = ent.create_entity(lib, "organization", "青岛市商务局")
    fid = fact_store.add_user_fact(lib, aid, Fact("organization", 0, 6, "", {"name": "青岛市商务局"}))
    ent.link_fact(lib, fid, bureau)
    trip = book_store.save_trip(lib, book_store.TripRow(None, "Reise", ["Tokio"], "2020-07-01", "2020-07-03",
                                                        "深化合作"))
    member = book_store.add_member(lib, trip, "Wang Wei", "处长", "Handelsamt")
    appointment = book_store.add_itinerary_item(lib, trip, "2020-07-02", "10:00", "Tokio", purpose="会谈")
    book = book_store.create_book(lib, "Reise", trip, locale="de")
    titled = book_store.add_section(lib, book, "text", "背景")  # a title not in the book's language
    body = book_store.add_section(lib, book, "notes", "Notizen", body="这是中文笔记。")
    placed = book_store.add_section(lib, book, "text", "Hinweise")
    text_item = book_store.add_item(lib, placed, "text", payload={"text": "请注意安全。"})
    profile = book_store.add_section(lib, book, "profile", "Handelsamt", settings={"entity_id": bureau})
    return {"trip": trip, "member": member, "appointment": appointment, "titled": titled, "body": body,
            "placed": placed, "text_item": text_item, "profile": profile, "bureau": bureau, "book": book}


def test_every_finding_has_a_stable_code_and_a_target(library):
    ids = _book(library)
    findings = book_language_check(library, ids["book"])
    assert findings and all(f["target"] for f in findings)
    assert {f["code"] for f in findings} <= {c.value for c in IssueCode}
    by_code: dict[str, list[dict]] = {}
    for f in findings:
        by_code.setdefault(f["code"], []).append(f)

    def target(code, **kw):
        return [f["target"] for f in by_code[code] if all(f["target"].get(k) == v for k, v in kw.items())]

    assert target("section_title_untranslated", kind="section", id=ids["titled"])
    assert target("text_untranslated", kind="section", id=ids["body"])  # the section's own text
    assert target("text_untranslated", kind="item", id=ids["text_item"], within=ids["placed"])
    member = by_code["member_untranslated"][0]
    assert member["target"] == {"kind": "member", "id": ids["member"], "within": ids["trip"], "field": "title"}
    assert member["params"] == {"field": "title"} and member["text"] == "处长"
    programme = by_code["programme_untranslated"][0]
    assert programme["target"] == {"kind": "itinerary", "id": ids["appointment"], "within": ids["trip"],
                                   "field": "purpose"}
    assert by_code["trip_purpose_untranslated"][0]["target"] == {"kind": "trip", "id": ids["trip"], "within": None,
                                                                  "field": "purpose"}
    quote = by_code["quote_untranslated"][0]  # a profile's press snippet: its entity takes the translation
    assert quote["target"]["kind"] == "entity" and quote["target"]["id"] == ids["bureau"]
    assert quote["original"].startswith("青岛市商务局表示")
    # the command line's words stay: a ref and an English sentence per finding
    assert all(f["ref"] == f"{f['target']['kind']}:{f['target']['id']}" and f["fix"] for f in findings)

