"""A delegation member typed without an organisation takes the one accepted for their
person entity, rendered in the book's language through the glossary."""

from briefbook.cli import main
from briefbook.core.facts import Fact
from briefbook.services.exporting import book_for_export
from briefbook.store import books as book_store
from briefbook.store import entities as ent
from briefbook.store import facts as fact_store
from briefbook.store.db import open_library

TEXT = "青岛市企业联合会党委书记薛庆国会见了张琳。"


def _person_fact(lib, name, org, status):
    start = TEXT.index(name)
    fid = fact_store.add_user_fact(lib, 1, Fact("person", start, start + len(name), "",
                                                {"name": name, "title": "党委书记", "org": org}))
    if status != "accepted":
        fact_store.set_status(lib, [fid], status)
    eid = ent.find_entities(lib, "person", name)
    eid = eid[0] if eid else ent.create_entity(lib, "person", name)
    ent.link_fact(lib, fid, eid)
    return eid


def test_a_member_without_organisation_takes_the_accepted_one_of_their_entity(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    path = tmp_path / "lib.briefbook"
    assert main(["import", "--library", str(path), str(article)]) == 0
    capsys.readouterr()
    with open_library(path) as lib:
        xue = _person_fact(lib, "薛庆国", "青岛市企业联合会", "accepted")
        _person_fact(lib, "张琳", "青岛市政府", "rejected")  # a rejected organisation is nobody's
        trip = book_store.save_trip(lib, book_store.TripRow(None, "Reise"))
        book_store.add_member(lib, trip, "薛庆国", "党委书记", entity_id=xue)
        book_store.add_member(lib, trip, "张琳", "党委书记")
        book_store.add_member(lib, trip, "某人", "党委书记", "市国资委")  # a typed organisation stays
        book_id = book_store.create_book(lib, "Reise", trip, locale="de")
        members = book_for_export(lib, book_id).trip.members
        assert [m.org for m in members] == ["Unternehmensverband Qingdao", "",
                                            "städtische Kommission für Staatsvermögen"]
        # found by name when the member is not linked to an entity
        book_store.update_row(lib, "delegation_members", book_store.members(lib, trip)[0]["id"], entity_id=None)
        assert book_for_export(lib, book_id).trip.members[0].org == "Unternehmensverband Qingdao"
        # in the zh-Hans book, in its script
        assert book_for_export(lib, book_id, locale="zh-Hans").trip.members[0].org == "青岛市企业联合会"
