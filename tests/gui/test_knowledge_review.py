"""The Review tab on knowledge: grouped rows for the seeds, one decision for all of an
entity's mentions (undone exactly, the undone row selected again), keys only on the
table, a conflict between two articles marked and shown side by side, the measure of a
figure chosen and undone."""

from __future__ import annotations

from PySide6.QtCore import Qt

from briefbook.gui.commands.knowledge_commands import subject_mentions
from briefbook.services.extraction import extract_articles
from briefbook.services.review import list_figures

from .conftest import SEEDS

ARTICLE_A = ("青岛与日本经贸往来密切\n\n2019年，青岛与日本进出口贸易总额为76.43亿美元，同比增长2.1%。"
             "青岛市商务局局长王伟表示，日本是青岛第三大贸易伙伴。\n")
ARTICLE_B = ("日企在青岛投资踊跃\n\n据统计，2019年，青岛与日本进出口贸易总额为72.1亿美元。"
             "日本贸易振兴机构青岛代表处首席代表佐藤一郎出席了活动。\n")


def _window(make_window, library_path, paths):
    window = make_window(library_path)
    window.importer.import_paths([str(p) for p in paths])
    lib = window.ctx.lib
    extract_articles(lib, [r[0] for r in lib.query("SELECT id FROM articles ORDER BY id")], force=True)
    review = window.knowledge_review
    window.tabs.setCurrentWidget(review)
    review.reload()
    return window, review


def _statuses(lib, entity_id):
    return [f["status"] for f in sorted(subject_mentions(lib, entity_id), key=lambda f: f["id"])]


def test_seed_rows_are_grouped_and_an_entity_decision_covers_its_mentions(make_window, library_path, qtbot):
    window, review = _window(make_window, library_path, [SEEDS])
    lib = window.ctx.lib
    model = review.model
    mentions = lib.scalar("SELECT COUNT(*) FROM facts")
    assert 0 < model.total < mentions  # one row per entity/figure/statement, not one per mention
    review.show_box.setCurrentIndex(1)  # all rows, decided or not
    while model.canFetchMore():  # a page at a time
        model.fetchMore()
    rows = model.rows
    assert len(rows) == model.total
    entities = [r for r in rows if r["kind"] == "entity"]
    assert entities and len({r["uuid"] for r in rows}) == len(rows)
    assert {"entity", "figure"} <= {r["kind"] for r in rows}
    review.show_box.setCurrentIndex(0)
    # the most mentioned entity still to decide: accept it from the keyboard
    row_n = next(n for n, r in enumerate(model.rows) if r["kind"] == "entity" and r["mentions"] > 1)
    row = model.rows[row_n]
    before = _statuses(lib, row["entity_id"])
    review._select_row(row_n)
    review.table.setFocus()
    qtbot.keyClick(review.table, Qt.Key.Key_A)
    assert len(before) > 1 and _statuses(lib, row["entity_id"]) == ["accepted"] * len(before)
    assert model.row_for_key(("entity", row["uuid"])) is None  # decided: left the queue
    window.ctx.undo.undo()
    assert _statuses(lib, row["entity_id"]) == before
    assert review.current_key() == ("entity", row["uuid"])  # undo selects the row it undid
    assert review.card.row["uuid"] == row["uuid"]
    assert review.card.mention_list.count() == len(before)  # its card lists every mention with its span
    assert all(n in review.card.text.toPlainText() for n in row["names"])
    # typing in a box is not a review key
    qtbot.keyClick(review.card.mention_list, Qt.Key.Key_R)
    assert _statuses(lib, row["entity_id"]) == before
    # bulk: reject every selected row in one undo step
    review.table.selectAll()
    n_selected = len(review.selected_rows())
    review.decide_selected("rejected")
    assert all(s == "rejected" for s in _statuses(lib, row["entity_id"]))
    window.ctx.undo.undo()
    assert _statuses(lib, row["entity_id"]) == before and len(review.selected_rows()) >= 1 and n_selected > 1


def test_a_conflict_is_first_marked_and_shown_side_by_side(make_window, library_path, tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(ARTICLE_A, encoding="utf-8")
    b.write_text(ARTICLE_B, encoding="utf-8")
    window, review = _window(make_window, library_path, [a, b])
    review.kind_box.setCurrentIndex(2)  # figures
    first = review.model.rows[0]
    assert first["measure"] == "trade_volume" and first["conflicts"]
    index = review.model.index(0, 3)
    assert "≠" in review.model.data(index)
    assert review.model.data(index, Qt.ItemDataRole.BackgroundRole) is not None
    review._select_row(0)
    card = review.card.text.toPlainText()
    assert "Conflict" in card and "USD 7.64 billion" in card and "USD 7.21 billion" in card
    assert "青岛与日本经贸往来密切" in card and "日企在青岛投资踊跃" in card  # sources by title
    # each side with the sentence that gives its value, in its own column
    assert "进出口贸易总额为76.43亿美元" in card and "进出口贸易总额为72.1亿美元" in card
    html = review.card.text.toHtml()
    assert html.index("USD 7.64 billion") < html.index("76.43亿美元") < html.index("USD 7.21 billion") \
        < html.index("72.1亿美元") or html.index("USD 7.21 billion") < html.index("72.1亿美元") \
        < html.index("USD 7.64 billion") < html.index("76.43亿美元")
    # choose another measure for it, then undo
    uuid = first["uuid"]
    review.card._decide_measure("exports")
    assert next(f for f in list_figures(window.ctx.lib) if f["uuid"] == uuid)["measure"] == "exports"
    window.ctx.undo.undo()
    back = next(f for f in list_figures(window.ctx.lib) if f["uuid"] == uuid)
    assert back["measure"] == "trade_volume" and back["status"] == "proposed"
    assert review.current_key() == ("figure", uuid)


def test_a_conflict_is_one_row_a_value_is_picked_and_a_new_measure_undone(make_window, library_path, tmp_path,
                                                                          monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from briefbook.services.knowledge import vocabulary

    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(ARTICLE_A, encoding="utf-8")
    b.write_text(ARTICLE_B, encoding="utf-8")
    window, review = _window(make_window, library_path, [a, b])
    lib = window.ctx.lib
    review.kind_box.setCurrentIndex(2)  # figures
    trade = [r for r in review.model.rows if r["measure"] == "trade_volume"]
    assert len(trade) == 1 and len(trade[0]["alternatives"]) == 2
    review._select_row(0)
    card = review.card
    assert card.conflict_bar.isVisibleTo(card) and card.pick_box.count() == 2
    card.pick_box.setCurrentIndex(1)
    kept = card.pick_box.currentData()
    card.pick_current_value()
    status = {f["uuid"]: f["status"] for f in list_figures(lib)}
    assert status[kept] == "accepted" and sorted(status[m["uuid"]] for m in trade[0]["members"]) == ["accepted", "rejected"]
    window.ctx.undo.undo()
    assert {list_figures(lib)[0]["status"]} | {f["status"] for f in list_figures(lib)} == {"proposed"}
    # a new measure, chosen for the figure; undo takes it out of the vocabulary
    review._select_row(0)
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kw: ("Bilateral trade", True))
    key = review.card.new_measure()
    assert vocabulary(lib).get(key) is not None
    assert next(f for f in list_figures(lib) if f["uuid"] == trade[0]["uuid"])["measure"] == key
    window.ctx.undo.undo()
    assert vocabulary(lib).get(key) is None
    assert next(f for f in list_figures(lib) if f["uuid"] == trade[0]["uuid"])["measure"] == "trade_volume"


def test_a_grouped_row_lists_and_decides_the_mentions_of_every_member(make_window, library_path, qtbot):
    window, review = _window(make_window, library_path, [SEEDS])
    lib = window.ctx.lib
    model = review.model
    while model.canFetchMore():
        model.fetchMore()
    n, row = next((n, r) for n, r in enumerate(model.rows)
                  if r["kind"] == "entity" and len({m["entity_id"] for m in r.get("members") or ()}) > 1)
    members = [m["entity_id"] for m in row["members"]]
    before = {e: _statuses(lib, e) for e in members}
    review._select_row(n)
    assert review.card.mention_list.count() == sum(len(v) for v in before.values())
    review.table.setFocus()
    qtbot.keyClick(review.table, Qt.Key.Key_A)
    assert all(set(_statuses(lib, e)) == {"accepted"} for e in members)
    window.ctx.undo.undo()
    assert {e: _statuses(lib, e) for e in members} == before
