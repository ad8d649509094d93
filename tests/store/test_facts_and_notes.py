import pytest

from briefbook.core.facts import Fact
from briefbook.services.extraction import extract_articles, extract_library
from briefbook.store import entities, facts, notes
from briefbook.store.search import search
from tests.conftest import seed_id


@pytest.fixture
def extracted(seed_library):
    n = extract_library(seed_library)
    assert n == 5
    return seed_library


def test_extraction_fills_facts_with_exact_spans(extracted):
    lib = extracted
    for article_id, text in lib.query("SELECT id, text FROM articles"):
        for f in facts.facts_for_article(lib, article_id):
            assert text[f.start:f.end] == f.text
            assert f.status == "proposed" and f.extractor_version


def test_rerun_keeps_the_users_review(extracted):
    lib = extracted
    aid = seed_id(lib, "001")
    before = facts.facts_for_article(lib, aid)
    accepted, rejected, edited = before[0], before[1], before[2]
    facts.set_status(lib, [accepted.id], "accepted")
    facts.set_status(lib, [rejected.id], "rejected")
    new_value = dict(edited.value, note_by_user=True)
    facts.update_fact(lib, edited.id, value=new_value)
    mine = facts.add_user_fact(lib, aid, Fact("event", 0, 2, "", {"name": "威海", "date": None, "place": None}))
    with pytest.raises(ValueError, match="already exists"):
        facts.add_user_fact(lib, aid, Fact("event", 0, 2, "", {"name": "威海"}))

    extract_articles(lib, [aid], force=True)
    after = {f.id: f for f in facts.facts_for_article(lib, aid)}
    assert after[accepted.id].status == "accepted"
    assert after[rejected.id].status == "rejected"
    assert after[edited.id].status == "edited" and after[edited.id].value["note_by_user"] is True
    assert after[mine].origin == "user"
    spans = [(f.kind, f.start, f.end) for f in after.values()]
    assert len(spans) == len(set(spans)), "no duplicate facts after a re-run"


def test_status_change_and_undo(extracted):
    lib = extracted
    ids = [f.id for f in facts.review_queue(lib, limit=3)]
    previous = facts.set_status(lib, ids, "accepted")
    assert facts.status_counts(lib)["accepted"] == 3
    facts.restore_statuses(lib, previous)
    assert facts.status_counts(lib)["accepted"] == 0


def test_delete_and_restore_fact_with_its_tags(extracted):
    lib = extracted
    fact = facts.review_queue(lib, limit=1)[0]
    notes.tag_fact(lib, fact.id, "wichtig")
    saved = facts.delete_fact(lib, fact.id)
    assert facts.get_fact(lib, fact.id) is None
    facts.restore_fact(lib, saved)
    assert facts.get_fact(lib, fact.id).text == fact.text
    assert notes.fact_tags(lib, fact.id) == ["wichtig"]


@pytest.mark.parametrize("fact,problem", [
    (Fact("person", 0, 2, "", {"name": ""}), "name"),
    (Fact("amount", 0, 2, "", {"value": "lots", "currency": "USD"}), "number"),
    (Fact("amount", 0, 2, "", {"value": 5, "currency": "dollars"}), "ISO"),
    (Fact("date", 0, 2, "", {"iso": "2020-02-30"}), "YYYY"),
    (Fact("date", 0, 2, "", {"iso": "2020-07", "end_iso": "July"}), "end_iso"),
])
def test_validation_per_kind(fact, problem):
    assert any(problem in p for p in facts.validate_fact(fact))


def test_validation_accepts_good_facts():
    assert facts.validate_fact(Fact("amount", 0, 2, "", {"value": 7.6e9, "currency": "USD"})) == []
    assert facts.validate_fact(Fact("date", 0, 2, "", {"iso": "2020-05", "end_iso": "2020-06-30"})) == []


def test_annotations_and_tags_are_searchable(seed_library):
    lib = seed_library
    aid = seed_id(lib, "004")
    ann_id = notes.add_annotation(lib, notes.Annotation(None, article_id=aid, start=0, end=6, note="Gesprächspartner 重要"))
    assert notes.get_annotation(lib, ann_id).quote == "Dialog"
    assert [h.article_id for h in search(lib, "Gesprächspartner")] == [aid]
    notes.tag_article(lib, aid, "Reise-Tokio")
    assert [h.article_id for h in search(lib, "Reise-Tokio")] == [aid]
    notes.delete_annotation(lib, ann_id)
    assert search(lib, "Gesprächspartner") == []
    with pytest.raises(ValueError):
        notes.add_annotation(lib, notes.Annotation(None, article_id=aid, start=0, end=10**6))


def test_merge_and_unmerge_entities(library):
    a = entities.create_entity(library, "person", "张琳")
    b = entities.create_entity(library, "person", "Zhang Lin")
    assert entities.find_entities(library, "person", "張琳") == [a]
    record = entities.merge_entities(library, a, b)
    assert {al["name"] for al in entities.get_entity(library, a).aliases} == {"张琳", "Zhang Lin"}
    assert [e.id for e in entities.list_entities(library, "person")] == [a]
    entities.unmerge_entities(library, record)
    assert {e.id for e in entities.list_entities(library, "person")} == {a, b}
    assert {al["name"] for al in entities.get_entity(library, b).aliases} == {"Zhang Lin"}
