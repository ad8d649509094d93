"""The mention-edit use cases (services/mention_edits.py): each store write reads the
knowledge of the articles it touched again, says which figures and statements changed,
and its undo brings back the very same claims (same uuids, the user's decisions on them)."""

from briefbook.services import mention_edits as edits
from briefbook.services.review import decide, list_figures, review_queue
from briefbook.store import facts as facts_store
from briefbook.store import knowledge as K
from briefbook.store.db import open_library
from tests.services.test_knowledge_review import _library  # the same two articles, imported by the CLI


def _figures(lib) -> dict[str, dict]:
    return {f["uuid"]: f for f in list_figures(lib)}


def _trade(lib, value):
    return next(f for f in list_figures(lib) if f["measure"] == "trade_volume" and f["value"] == value)


def _source_fact(lib, figure_uuid):
    return lib.scalar("SELECT fact_id FROM figure_sources WHERE figure_id = (SELECT id FROM figures WHERE uuid = ?)",
                      (figure_uuid,))


def _title_statement(lib, person):
    return [s for s in K.statement_rows(lib, ("holds_title",)) if s["args"]["person"] == person
            and any(x["statement_id"] == s["id"] for srcs in [K.statement_sources(lib).get(s["id"], [])] for x in srcs)]


def test_editing_a_mention_changes_its_figure_and_undo_puts_it_back(tmp_path, capsys):
    with open_library(_library(tmp_path, capsys)) as lib:
        trade = _trade(lib, 7210000000)
        fact_id = _source_fact(lib, trade["uuid"])
        fact = facts_store.get_fact(lib, fact_id)
        edit = edits.edit_mention(lib, fact_id, value=dict(fact.value, value=7300000000.0))
        assert edit.articles == [fact.article_id]
        assert trade["uuid"] in edit.knowledge["figures"]["changed"]
        assert _figures(lib)[trade["uuid"]]["value"] == 7300000000
        redo = edits.undo(lib, edit)
        assert _figures(lib)[trade["uuid"]]["value"] == 7210000000
        assert facts_store.get_fact(lib, fact_id).value == fact.value
        edits.undo(lib, redo)
        assert _figures(lib)[trade["uuid"]]["value"] == 7300000000


def test_rejecting_a_mention_removes_its_figure_and_undo_brings_the_same_one_back(tmp_path, capsys):
    with open_library(_library(tmp_path, capsys)) as lib:
        trade = _trade(lib, 7643000000)
        growth = next(f for f in list_figures(lib) if f["qualifies"] == trade["uuid"])
        fact_id = _source_fact(lib, trade["uuid"])
        edit = edits.set_mention_status(lib, [fact_id], "rejected")
        assert trade["uuid"] in edit.knowledge["figures"]["removed"]
        assert trade["uuid"] not in _figures(lib)
        # the conflict with the other article's value is gone with it
        other = _trade(lib, 7210000000)
        assert other["conflicts"] == []
        edits.undo(lib, edit)
        back = _figures(lib)
        assert back[trade["uuid"]]["value"] == 7643000000        # the same claim, not a new uuid
        assert back[growth["uuid"]]["qualifies"] == trade["uuid"]
        assert [c["uuid"] for c in back[other["uuid"]]["conflicts"]] == [trade["uuid"]]
        assert facts_store.get_fact(lib, fact_id).status == "proposed"


def test_accepting_mentions_reads_nothing_again(tmp_path, capsys):
    with open_library(_library(tmp_path, capsys)) as lib:
        ids = [f.id for f in facts_store.facts_for_article(lib, 1)]
        edit = edits.set_mention_status(lib, ids, "accepted")
        assert edit.articles == [] and edit.changed_figures == []
        edits.undo(lib, edit)
        assert {f.status for f in facts_store.facts_for_article(lib, 1)} == {"proposed"}


def test_deleting_an_article_and_undo_bring_back_its_figures_and_the_users_decisions(tmp_path, capsys):
    with open_library(_library(tmp_path, capsys)) as lib:
        trade = _trade(lib, 7643000000)
        article = lib.scalar("SELECT article_id FROM figure_sources WHERE figure_id = "
                             "(SELECT id FROM figures WHERE uuid = ?)", (trade["uuid"],))
        decide(lib, "figure", trade["uuid"], "rejected")
        decision = K.decision_for(lib, "figure", trade["uuid"])
        of_article = {u for u, f in _figures(lib).items() if {s["article_id"] for s in f["sources"]} == {article}}
        statements = {s["uuid"] for s in K.statement_rows(lib)
                      if {x["article_id"] for x in K.statement_sources(lib).get(s["id"], [])} == {article}}
        assert trade["uuid"] in of_article and len(of_article) >= 2 and statements

        edit = edits.delete_article(lib, article)
        assert not of_article & set(_figures(lib))
        assert of_article <= set(edit.knowledge["figures"]["removed"])
        edits.undo(lib, edit)
        back = _figures(lib)
        assert of_article <= set(back)                             # the same figures, same uuids
        assert back[trade["uuid"]]["status"] == "rejected"
        assert K.decision_for(lib, "figure", trade["uuid"]) == decision  # the decision itself, not a new one
        assert statements <= {s["uuid"] for s in K.statement_rows(lib)}
        assert all(K.statement_sources(lib).get(s["id"]) for s in K.statement_rows(lib) if s["uuid"] in statements)


def test_rejecting_an_entity_rejects_its_mentions_and_drops_its_title_statement_until_undo(tmp_path, capsys):
    with open_library(_library(tmp_path, capsys)) as lib:
        before = _title_statement(lib, "王伟")
        assert len(before) == 1
        row = next(r for r in review_queue(lib, include_decided=True) if r["kind"] == "entity" and r["name"] == "王伟")
        edit = edits.decide_rows(lib, [row], "rejected")
        assert before[0]["uuid"] in edit.knowledge["statements"]["removed"]
        assert _title_statement(lib, "王伟") == []
        assert K.decision_for(lib, "entity", row["uuid"])["status"] == "rejected"
        redo = edits.undo(lib, edit)
        assert [s["uuid"] for s in _title_statement(lib, "王伟")] == [before[0]["uuid"]]
        assert K.decision_for(lib, "entity", row["uuid"]) is None
        edits.undo(lib, redo)
        assert K.decision_for(lib, "entity", row["uuid"])["status"] == "rejected"
        assert _title_statement(lib, "王伟") == []


def test_a_merge_re_reads_the_title_statement_onto_the_kept_entity(tmp_path, capsys):
    from briefbook.store import entities as ent

    with open_library(_library(tmp_path, capsys)) as lib:
        st = _title_statement(lib, "王伟")[0]
        kept = ent.create_entity(lib, "person", "Wang Wei", [("Wang Wei", "en")])
        edit = edits.merge_entities(lib, kept, st["entity_id"])
        assert st["uuid"] in edit.knowledge["statements"]["changed"]
        after = _title_statement(lib, "王伟")[0]
        assert after["uuid"] == st["uuid"] and after["entity_id"] == kept
        edits.undo(lib, edit)
        assert _title_statement(lib, "王伟")[0]["entity_id"] == st["entity_id"]


def test_a_deleted_mention_comes_back_with_its_figure(tmp_path, capsys):
    with open_library(_library(tmp_path, capsys)) as lib:
        trade = _trade(lib, 7210000000)
        fact_id = _source_fact(lib, trade["uuid"])
        edit = edits.delete_mentions(lib, [fact_id])
        assert trade["uuid"] in edit.changed_figures and trade["uuid"] not in _figures(lib)
        edits.undo(lib, edit)
        assert _figures(lib)[trade["uuid"]]["value"] == 7210000000
        assert _source_fact(lib, trade["uuid"]) == fact_id


def test_a_claim_dropped_with_its_mention_is_the_same_claim_when_read_again(tmp_path, capsys):
    with open_library(_library(tmp_path, capsys)) as lib:
        trade = _trade(lib, 7643000000)
        fact_id = _source_fact(lib, trade["uuid"])
        # decided and taken back: no decision, but the claim has a recorded history
        undo_record = K.decide(lib, "figure", trade["uuid"], "accepted")
        K.undo_decision(lib, undo_record)
        rejected = edits.set_mention_status(lib, [fact_id], "rejected")
        assert trade["uuid"] in rejected.knowledge["figures"]["removed"]
        reset = edits.set_mention_status(lib, [fact_id], "proposed")
        again = _trade(lib, 7643000000)
        assert again["uuid"] == trade["uuid"]                        # retired, then read again
        assert [c["new"]["status"] if c["new"] else None for c in K.changes_for(lib, "figure", trade["uuid"])] \
            == ["accepted", None]
        edits.undo(lib, reset)
        assert trade["uuid"] not in _figures(lib)
        edits.undo(lib, rejected)
        assert _trade(lib, 7643000000)["uuid"] == trade["uuid"]
        assert lib.scalar("SELECT count(*) FROM retired_claims WHERE uuid = ?", (trade["uuid"],)) == 0


def test_a_decided_claim_keeps_its_decision_through_reject_and_reset_and_their_undo(tmp_path, capsys):
    with open_library(_library(tmp_path, capsys)) as lib:
        trade = _trade(lib, 7643000000)
        fact_id = _source_fact(lib, trade["uuid"])
        decide(lib, "figure", trade["uuid"], "accepted")
        rejected = edits.set_mention_status(lib, [fact_id], "rejected")
        reset = edits.set_mention_status(lib, [fact_id], "proposed")
        again = _trade(lib, 7643000000)
        assert again["uuid"] == trade["uuid"] and again["status"] == "accepted"
        edits.undo(lib, reset)
        edits.undo(lib, rejected)
        assert _trade(lib, 7643000000)["status"] == "accepted"
