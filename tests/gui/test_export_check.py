"""The check before export in the export dialog, on the demo library: the sections the
book leaves out because they are empty and the language check's findings are listed as
the services report them, worded by their codes; a finding about an entity shows that
entity, one about a section, a placed item, a member or the programme opens its editor;
a quote's translation typed in place leaves the list, and the book still exports."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from briefbook.gui.dialogs import export_check as ec
from briefbook.services.demo import build_demo_library
from briefbook.services.demo_book import demo_book_id
from briefbook.services.exporting import book_for_export, book_language_check, left_out_sections
from briefbook.services.language import IssueCode
from briefbook.store import books as book_store

EMPTY_TITLE = "Talking points for the dinner"
CHINESE_TITLE = "晚宴要点"


@pytest.fixture
def demo_window(make_window, library_path):
    lib = build_demo_library(library_path, with_book=True)
    book_id = demo_book_id(lib)
    book_store.add_section(lib, book_id, "talking_points", EMPTY_TITLE)  # no body: an empty section
    notes = book_store.add_section(lib, book_id, "notes", CHINESE_TITLE)  # a title not in the book's language
    book_store.add_item(lib, notes, "text", payload={"text": "请提前到达。"})  # text the user wrote in Chinese
    book_store.update_row(lib, "books", book_id, locale="de")
    trip_id = book_store.get_book(lib, book_id)["trip_id"]
    lib.close()
    window = make_window(library_path)
    window.book.reload_trips(select=trip_id)
    assert window.book.book_id() == book_id
    return window, book_id


def _rows(dialog) -> list[tuple[str, str, str, dict | None]]:
    tree = dialog.check.tree
    out = []
    for g in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(g)
        for c in range(group.childCount()):
            item = group.child(c)
            out.append((item.text(0), item.text(1), item.text(2), item.data(0, ec.FINDING)))
    return out


def test_the_export_dialog_lists_left_out_sections_and_findings(demo_window, tmp_path):
    window, book_id = demo_window
    lib = window.ctx.lib
    left_out = left_out_sections(book_for_export(lib, book_id, locale="de"))
    findings = book_language_check(lib, book_id, "de")
    assert EMPTY_TITLE in left_out and findings  # what the services report, the demo's own data

    dialog = window.book.export()
    assert dialog.locale.currentData() == "de"
    rows = _rows(dialog)
    assert [r[0] for r in rows if r[3] is None] == left_out
    assert [(r[0], r[1]) for r in rows if r[3] is not None] == [(f["where"], f["text"]) for f in findings]
    # the fix is a message of the UI, not the check's English sentence
    assert all(r[2] != r[3]["fix"] for r in rows if r[3] is not None)

    # double-clicking a finding about an entity shows it in the Entities tab
    entity_row = next(n for n, r in enumerate(rows) if r[3] and ec.entity_of(r[3]))
    entity_id = ec.entity_of(rows[entity_row][3])
    group = dialog.check.tree.topLevelItem(dialog.check.tree.topLevelItemCount() - 1)
    item = group.child(entity_row - len(left_out))
    dialog.check.tree.setCurrentItem(item)
    dialog.check.tree.itemDoubleClicked.emit(item, 0)
    assert window.tabs.currentWidget() is window.entities and window.entities.entity_id == entity_id

    # a quote's translation typed in place: the finding leaves the list, the others stay
    quote = item.data(0, ec.FINDING)
    assert quote["original"] and dialog.check.translate_current("Eine Übersetzung des Zitats.")
    after = book_language_check(lib, book_id, "de")
    assert quote not in after and len(after) < len(findings)
    assert len([r for r in _rows(dialog) if r[3] is not None]) == len(after)

    # the list informs, it does not block: the book exports
    dialog.pdf.setChecked(True)
    dialog.path.setText(str(tmp_path / "book.pdf"))
    dialog.start_export()
    assert dialog.error is None, dialog.error
    assert (tmp_path / "book.pdf").read_bytes()[:5] == b"%PDF-"
    dialog.close()


def test_the_check_follows_the_chosen_locale(demo_window):
    window, book_id = demo_window
    dialog = window.book.export()
    dialog.locale.setCurrentIndex(dialog.locale.findData("zh-Hans"))
    findings = book_language_check(window.ctx.lib, book_id, "zh-Hans")
    assert [r[1] for r in _rows(dialog) if r[3] is not None] == [f["text"] for f in findings]
    dialog.close()


def test_every_code_of_the_check_has_a_message():
    assert set(ec._FIXES) == {c.value for c in IssueCode}
    assert ec.where_label({"where": "Delegation", "target": {"kind": "member", "id": 1}}) == "Delegation"
    assert ec.fix_message({"code": "a_newer_code", "fix": "as the check wrote it"}) == "as the check wrote it"


def _finding(dialog, code: str, kind: str):
    tree = dialog.check.tree
    group = tree.topLevelItem(tree.topLevelItemCount() - 1)
    for c in range(group.childCount()):
        item = group.child(c)
        finding = item.data(0, ec.FINDING)
        if finding and finding["code"] == code and finding["target"]["kind"] == kind:
            return item, finding
    raise AssertionError(f"no {code} finding about a {kind}")


def test_a_finding_opens_where_it_is_fixed(demo_window):
    window, book_id = demo_window
    lib = window.ctx.lib
    trip_id = book_store.get_book(lib, book_id)["trip_id"]
    member = book_store.members(lib, trip_id)[1]
    book_store.update_row(lib, "delegation_members", member["id"], title="处长")
    window.book.trip_editor.set_trip(trip_id)
    dialog = window.book.export()
    book = window.book

    item, finding = _finding(dialog, "section_title_untranslated", "section")
    assert item.text(2) == "Give the section a title in the book's language."
    dialog.check.tree.itemDoubleClicked.emit(item, 0)
    assert book.tabs.currentWidget() is book.outline
    assert book.outline.current_section_id() == finding["target"]["id"]

    item, finding = _finding(dialog, "text_untranslated", "item")
    book.tabs.setCurrentWidget(book.trip_editor)
    dialog.check.tree.itemDoubleClicked.emit(item, 0)
    assert book.tabs.currentWidget() is book.outline
    assert book.outline.current_section_id() == finding["target"]["within"]
    selected = book.outline.panel.items.currentItem()
    assert selected is not None and selected.data(0, Qt.ItemDataRole.UserRole) == finding["target"]["id"]

    item, finding = _finding(dialog, "member_untranslated", "member")
    assert item.text(0) == "Delegation" and finding["text"] == "处长"
    dialog.check.tree.itemDoubleClicked.emit(item, 0)
    assert book.tabs.currentWidget() is book.trip_editor
    table = book.trip_editor.members
    assert table.item(table.currentRow(), 0).data(Qt.ItemDataRole.UserRole) == member["id"]
    assert table.currentColumn() == 1  # the title's cell
    dialog.close()
