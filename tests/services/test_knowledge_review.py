"""Knowledge from mentions through the CLI and the services: figures with conflicts, the
review queue on entities, decisions that survive re-extraction, undo."""

import json

from briefbook.cli import main
from briefbook.services.extraction import extract_articles
from briefbook.services.review import decide, list_figures, review_queue, split_mention, undo, unsplit_mention
from briefbook.store.db import open_library

ARTICLE_A = ("青岛与日本经贸往来密切\n\n2019年，青岛与日本进出口贸易总额为76.43亿美元，同比增长2.1%。"
             "青岛市商务局局长王伟表示，日本是青岛第三大贸易伙伴。\n")
ARTICLE_B = ("日企在青岛投资踊跃\n\n据统计，2019年，青岛与日本进出口贸易总额为72.1亿美元。"
             "日本贸易振兴机构青岛代表处首席代表佐藤一郎出席了活动。\n")


def _library(tmp_path, capsys):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(ARTICLE_A, encoding="utf-8")
    b.write_text(ARTICLE_B, encoding="utf-8")
    lib_path = tmp_path / "lib.briefbook"
    assert main(["import", "--library", str(lib_path), str(a), str(b)]) == 0
    capsys.readouterr()
    return lib_path


def _json(capsys, *argv):
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def test_two_articles_with_different_values_for_one_figure_show_a_conflict(tmp_path, capsys):
    lib_path = _library(tmp_path, capsys)
    figures = _json(capsys, "figures", "list", "--library", str(lib_path), "--locale", "zh-Hans", "--json")
    trade = [f for f in figures if f["measure"] == "trade_volume"]
    assert sorted(f["value"] for f in trade) == [7210000000, 7643000000]
    for f in trade:
        assert f["label"] == "贸易额"
        assert f["subject"] == "青岛–日本"
        assert f["period"]["start"] == "2019-01-01" and f["period"]["end"] == "2019-12-31"
        assert f["currency"] == "USD" and f["approx"] == "exact"
        assert len(f["conflicts"]) == 1 and f["conflicts"][0]["value"] != f["value"]
        assert f["sources"][0]["article_id"] != f["conflicts"][0]["sources"][0]
    assert {f["display"] for f in trade} == {"76.43亿美元", "72.1亿美元"}
    growth = next(f for f in figures if f["measure"] == "growth_rate")
    assert growth["qualifies"] == next(f["uuid"] for f in trade if f["value"] == 7643000000)
    assert not growth["conflicts"]
    english = _json(capsys, "figures", "list", "--library", str(lib_path), "--json")
    assert {f["display"] for f in english if f["measure"] == "trade_volume"} == {"USD 7.64 billion", "USD 7.21 billion"}

    queue = _json(capsys, "review", "list", "--library", str(lib_path), "--json")
    assert all({"kind", "status", "mentions"} <= set(r) for r in queue)
    figure_rows = [r for r in queue if r["kind"] == "figure"]
    assert figure_rows[0]["conflicts"]                       # conflicts come first
    assert not any(r.get("measure") == "growth_rate" for r in figure_rows)  # decided with its figure
    entities = _json(capsys, "entities", "list", "--library", str(lib_path), "--json")
    qingdao = [e for e in entities if e["name"] in ("青岛", "青岛市")]
    assert len(qingdao) == 1 and qingdao[0]["mentions"] >= 4 and qingdao[0]["articles"] == [1, 2]


def test_decisions_survive_re_extraction_and_undo_restores_them(tmp_path, capsys):
    lib_path = _library(tmp_path, capsys)
    with open_library(lib_path) as lib:
        trade = next(f for f in list_figures(lib) if f["measure"] == "trade_volume" and f["value"] == 7643000000)
        record = decide(lib, "figure", trade["uuid"], "edited", {"measure": "exports"})
        entity = next(r for r in review_queue(lib, include_decided=True) if r["kind"] == "entity")
        decide(lib, "entity", entity["uuid"], "rejected")
        extract_articles(lib, [1, 2], force=True)
        after = {f["uuid"]: f for f in list_figures(lib)}
        assert after[trade["uuid"]]["measure"] == "exports" and after[trade["uuid"]]["status"] == "edited"
        # the growth rate that qualifies it was decided with it
        growth = next(f for f in after.values() if f["qualifies"] == trade["uuid"])
        assert growth["status"] == "edited"
        rows = {r["uuid"]: r for r in review_queue(lib, include_decided=True)}
        assert rows[entity["uuid"]]["status"] == "rejected"
        undo(lib, record)
        back = {f["uuid"]: f for f in list_figures(lib)}
        assert back[trade["uuid"]]["measure"] == "trade_volume" and back[trade["uuid"]]["status"] == "proposed"


def test_a_mention_can_be_split_off_its_entity_and_put_back(tmp_path, capsys):
    lib_path = _library(tmp_path, capsys)
    with open_library(lib_path) as lib:
        entity = max((r for r in review_queue(lib, include_decided=True) if r["kind"] == "entity"),
                     key=lambda r: r["mentions"])
        fact_id = lib.scalar("SELECT fact_id FROM fact_entities WHERE entity_id = ? ORDER BY fact_id LIMIT 1",
                             (entity["id"],))
        record = split_mention(lib, fact_id, entity["id"])
        rows = {r["id"]: r for r in review_queue(lib, include_decided=True) if r["kind"] == "entity"}
        assert rows[entity["id"]]["mentions"] == entity["mentions"] - 1
        assert rows[record["to"]]["mentions"] == 1
        unsplit_mention(lib, record)
        rows = {r["id"]: r for r in review_queue(lib, include_decided=True) if r["kind"] == "entity"}
        assert rows[entity["id"]]["mentions"] == entity["mentions"] and record["to"] not in rows


def test_a_conflict_is_one_review_row_and_picking_a_value_rejects_the_other(tmp_path, capsys):
    from briefbook.services.review import decide_rows, pick_value

    lib_path = _library(tmp_path, capsys)
    with open_library(lib_path) as lib:
        trade = [r for r in review_queue(lib) if r["kind"] == "figure" and r["measure"] == "trade_volume"]
        assert len(trade) == 1  # the two values are one row, side by side
        row = trade[0]
        assert row["conflict"] and sorted(a["value"] for a in row["alternatives"]) == [7210000000, 7643000000]
        assert row["articles"] == [1, 2] and len(row["members"]) == 2
        # each side keeps the span of its own sentence, so a card or a book can quote both
        from briefbook.store.articles import article_text

        said = {a["value"]: [article_text(lib, s["article_id"])[s["start"]:s["end"]] for s in a["sources"]]
                for a in row["alternatives"]}
        assert said == {7643000000: ["76.43亿美元"], 7210000000: ["72.1亿美元"]}
        rivals = {f["value"]: f["conflicts"][0]["spans"] for f in list_figures(lib) if f["measure"] == "trade_volume"}
        assert [article_text(lib, s["article_id"])[s["start"]:s["end"]] for s in rivals[7643000000]] == ["72.1亿美元"]
        # its confidence is the agreement of independent signals, not one number per kind
        assert row["signals"] == ["measure", "subject", "period"] and 0.7 < row["confidence"] < 1
        unknown = [f for f in list_figures(lib) if f["measure"] == "unknown"]
        assert all("measure" not in f["signals"] and f["confidence"] < row["confidence"] for f in unknown)
        # accepting keeps both values, as conflicting
        record = decide_rows(lib, [row], "accepted")
        assert {f["status"] for f in list_figures(lib) if f["measure"] == "trade_volume"} == {"accepted"}
        undo(lib, record)
        keep = next(a["uuid"] for a in row["alternatives"] if a["value"] == 7643000000)
        record = pick_value(lib, row, keep)
        status = {f["uuid"]: f["status"] for f in list_figures(lib)}
        assert status[keep] == "accepted" and [status[m["uuid"]] for m in row["members"] if m["uuid"] != keep] == ["rejected"]
        rows = [r for r in review_queue(lib, include_decided=True) if r.get("measure") == "trade_volume"]
        assert len(rows) == 1 and rows[0]["status"] == "accepted" and rows[0]["chosen"] == keep
        assert not [r for r in review_queue(lib) if r.get("measure") == "trade_volume"]  # decided
        undo(lib, record)
        assert {f["status"] for f in list_figures(lib) if f["measure"] == "trade_volume"} == {"proposed"}


def test_undo_of_a_new_measure_removes_it_from_the_vocabulary(tmp_path, capsys):
    from briefbook.services.knowledge import add_user_measure, undo_user_measure, vocabulary

    lib_path = _library(tmp_path, capsys)
    with open_library(lib_path) as lib:
        labels = {"en": "Port throughput", "de": "Hafenumschlag"}
        record = add_user_measure(lib, "user_port_throughput", ["amount"], labels)
        assert vocabulary(lib).get("user_port_throughput") is not None
        undo_user_measure(lib, record)
        assert vocabulary(lib).get("user_port_throughput") is None
        # changing a measure and undoing it gives the old labels back
        add_user_measure(lib, "user_port_throughput", ["amount"], labels)
        record = add_user_measure(lib, "user_port_throughput", ["amount"], {"en": "Throughput"})
        undo_user_measure(lib, record)
        assert vocabulary(lib).get("user_port_throughput").label("de") == "Hafenumschlag"


def test_statements_follow_their_mentions_through_a_merge_and_re_extraction(tmp_path, capsys):
    from briefbook.services.review import follow_mentions
    from briefbook.store import entities as ent
    from briefbook.store import knowledge as K

    lib_path = _library(tmp_path, capsys)
    with open_library(lib_path) as lib:
        def title_statement():
            rows = [s for s in K.statement_rows(lib, ("holds_title",)) if s["args"]["person"] == "王伟"]
            assert len(rows) == 1
            return rows[0]

        before = title_statement()
        decide(lib, "statement", before["uuid"], "accepted")
        person = before["entity_id"]
        kept = ent.create_entity(lib, "person", "Wang Wei", [("Wang Wei", "en")])
        ent.merge_entities(lib, kept, person)
        # the statement is the kept entity's now: its name and its title follow
        st = title_statement()
        follow_mentions(lib, [st], K.statement_sources(lib))
        assert st["args"]["person"] == "Wang Wei" and st["written"]["person"] == "王伟"
        assert st["entities"][0] == lib.scalar("SELECT uuid FROM entities WHERE id = ?", (kept,))
        titles = [r for r in review_queue(lib, include_decided=True) if r["kind"] == "entity" and r["id"] == kept]
        assert titles and titles[0]["title"] == "局长"
        # re-extraction links the new mentions to the kept entity: the key changes, the claim stays
        extract_articles(lib, [1, 2], force=True)
        after = title_statement()
        assert after["uuid"] == before["uuid"]
        assert K.decision_for(lib, "statement", before["uuid"])["status"] == "accepted"


def test_an_edited_mention_is_read_again_and_its_figure_keeps_uuid_and_decision(tmp_path, capsys):
    from briefbook.services.knowledge import refresh_articles
    from briefbook.store import facts as facts_store

    lib_path = _library(tmp_path, capsys)
    with open_library(lib_path) as lib:
        trade = next(f for f in list_figures(lib) if f["measure"] == "trade_volume" and f["value"] == 7210000000)
        decide(lib, "figure", trade["uuid"], "accepted")
        fact_id = trade["sources"] and lib.scalar("SELECT fact_id FROM figure_sources WHERE figure_id = "
                                                  "(SELECT id FROM figures WHERE uuid = ?)", (trade["uuid"],))
        fact = facts_store.get_fact(lib, fact_id)
        facts_store.update_fact(lib, fact_id, value=dict(fact.value, value=7300000000.0))  # the user corrects it
        assert refresh_articles(lib, [fact.article_id]) == 1
        after = {f["uuid"]: f for f in list_figures(lib)}
        assert after[trade["uuid"]]["value"] == 7300000000 and after[trade["uuid"]]["status"] == "accepted"
        assert [c["value"] for c in after[trade["uuid"]]["conflicts"]] == [7643000000]
        # corrected to the other article's value: one figure with two sources, no ghost conflict left
        facts_store.update_fact(lib, fact_id, value=dict(fact.value, value=7643000000.0))
        refresh_articles(lib, [fact.article_id])
        trade_rows = [r for r in review_queue(lib, include_decided=True) if r.get("measure") == "trade_volume"]
        assert len(trade_rows) == 1 and not trade_rows[0].get("conflict") and trade_rows[0]["articles"] == [1, 2]
