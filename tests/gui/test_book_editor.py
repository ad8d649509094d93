"""The Book tab: a trip and a book made through the widgets, the outline model's
drag and drop, include/exclude, undo, and facts dropped into a section."""

from __future__ import annotations

from PySide6.QtCore import QDate, QModelIndex, Qt

from briefbook.gui.models import book_mime
from briefbook.gui.models.book_outline import TITLE
from briefbook.services.assembling import assemble_book
from briefbook.store import books as book_store
from briefbook.store import entities as ent
from briefbook.store.facts import set_status

from .conftest import SEEDS, add_facts


def _trip_and_book(window, locale="en"):
    view = window.book
    trip_id = view.new_trip("Qingdao delegation to Tokyo")
    editor = view.trip_editor
    editor.destinations.setText("Tokyo, Osaka")
    editor.destinations.editingFinished.emit()
    editor.start.setDate(QDate(2026, 12, 1))
    editor.end.setDate(QDate(2026, 12, 5))
    editor.purpose.setPlainText("Deepen trade ties")
    editor.save()
    editor.classification.setCurrentIndex(editor.classification.findData("内部资料"))
    editor.classification.activated.emit(editor.classification.currentIndex())
    book_id = view.new_book({"title": "Tokyo briefing", "locale": locale, "template": "official",
                             "prepared_by": "Asia desk", "draft": True})
    return trip_id, book_id


def _top_titles(model) -> list[str]:
    return [model.index(r, TITLE).data() for r in range(model.rowCount())]


def test_trip_form_members_itinerary_and_book(make_window, library_path):
    window = make_window(library_path)
    lib = window.ctx.lib
    jetro = ent.create_entity(lib.raw, "organization", "日本贸易振兴机构", [("JETRO", "en")])
    gao = ent.create_entity(lib.raw, "person", "高燕")
    trip_id, book_id = _trip_and_book(window)
    trip = book_store.get_trip(lib, trip_id)
    assert (trip.title, trip.destinations, trip.start_date, trip.end_date) == (
        "Qingdao delegation to Tokyo", ["Tokyo", "Osaka"], "2026-12-01", "2026-12-05")
    assert trip.purpose == "Deepen trade ties" and trip.classification == "内部资料"

    editor = window.book.trip_editor
    editor.picker = lambda kind, multiple, selected: [gao] if kind == "person" else [jetro]
    editor.add_member()
    editor.members.setCurrentCell(0, 0)
    editor.link_member()
    editor.members.item(0, 1).setText("President")  # an edit in the table is saved at once
    editor.members.item(0, 3).setText("Head of delegation")
    members = book_store.members(lib, trip_id)
    assert members[0]["name"] == "高燕" and members[0]["entity_id"] == gao
    assert members[0]["title"] == "President" and members[0]["role"] == "Head of delegation"

    editor.add_appointment(time="10:00", place="Tokyo")
    editor.itinerary.setCurrentCell(0, 0)
    editor.choose_counterpart()
    editor.choose_people()
    editor.itinerary.item(0, 5).setText("Talks")
    item = book_store.itinerary(lib, trip_id)[0]
    assert item["day"] == "2026-12-01" and item["org_entity_id"] == jetro and item["people_entity_ids"] == [gao]
    assert item["purpose"] == "Talks"
    assert "日本贸易振兴机构" in editor.itinerary.item(0, 3).text()

    book = book_store.get_book(lib, book_id)
    assert (book["title"], book["trip_id"], book["prepared_by"], book["draft"]) == ("Tokyo briefing", trip_id,
                                                                                    "Asia desk", 1)
    assert _top_titles(window.book.outline.model)[:3] == ["Cover", "Trip overview", "Itinerary"]
    assembled = assemble_book(lib, book_id)
    assert assembled.trip.members[0].name == "高燕" and assembled.trip.itinerary[0].counterpart_org

    # undo takes back the last edits, one by one
    window.undo_action.trigger()
    assert book_store.itinerary(lib, trip_id)[0]["purpose"] in ("", None)


def test_book_in_german_gets_german_section_titles(make_window, library_path):
    window = make_window(library_path)
    _trip, book_id = _trip_and_book(window, locale="de")
    assert _top_titles(window.book.outline.model)[:2] == ["Deckblatt", "Reiseüberblick"]


def test_reorder_by_drag_and_drop_exclude_and_undo(make_window, library_path):
    window = make_window(library_path)
    lib = window.ctx.lib
    _trip, book_id = _trip_and_book(window)
    model = window.book.outline.model
    before = _top_titles(model)
    # drag "Key figures" (row 5) before "Itinerary" (row 2)
    source = model.index(5, TITLE)
    mime = model.mimeData([source])
    assert mime.hasFormat(book_mime.SECTION_MIME)
    assert model.canDropMimeData(mime, Qt.DropAction.MoveAction, 2, 0, QModelIndex())
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, 2, 0, QModelIndex())
    after = _top_titles(model)
    assert after[2] == "Key figures" and after[3] == "Itinerary" and sorted(after) == sorted(before)
    assert [s.title for s in assemble_book(lib, book_id).sections][2] == "Key figures"
    # downwards: "Cover" to the end
    mime = model.mimeData([model.index(0, TITLE)])
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, QModelIndex())
    assert _top_titles(model)[-1] == "Cover"
    # into another section, as a child; never into itself
    profile_row = _top_titles(model).index("Counterparts")
    profile = model.index(profile_row, TITLE)
    mime = model.mimeData([model.index(0, TITLE)])  # "Trip overview"
    assert not model.canDropMimeData(model.mimeData([profile]), Qt.DropAction.MoveAction, -1, 0, profile)
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, model.index(profile_row - 1, TITLE))
    window.undo_action.trigger()
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert _top_titles(model) == before

    # exclude with the checkbox; undo brings it back
    row = _top_titles(model).index("Background")
    index = model.index(row, TITLE)
    assert model.setData(index, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert model.index(row, TITLE).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert not [s for s in assemble_book(lib, book_id).sections if s.title == "Background"][0].included
    window.undo_action.trigger()
    assert model.index(row, TITLE).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    window.redo_action.trigger()
    assert model.index(row, TITLE).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked

    # rename inline; an empty title is refused
    assert model.setData(model.index(0, TITLE), "Overview of the visit")
    assert model.index(0, TITLE).data() == "Overview of the visit"
    assert not model.setData(model.index(0, TITLE), "  ")


def test_add_remove_sections_and_edit_text_with_undo(make_window, library_path):
    window = make_window(library_path)
    lib = window.ctx.lib
    _trip, book_id = _trip_and_book(window)
    outline = window.book.outline
    n = len(book_store.sections(lib, book_id))
    outline.select_section(book_store.sections(lib, book_id)[0]["id"])
    sid = outline.add_section("talking_points", title="Our asks")
    assert outline.current_section_id() == sid
    assert _top_titles(outline.model)[1] == "Our asks"
    child = outline.add_section("profile", child=True)
    assert book_store.sections(lib, book_id)[-1]["parent_id"] == sid
    outline.select_section(sid)
    editor = outline.panel.text
    editor.edit.setPlainText("Invite JETRO to the expo")
    editor.edit.selectAll()
    editor.toggle_bold()
    editor.toggle_bullets()
    outline.panel.commit_text()
    body = [s for s in book_store.sections(lib, book_id) if s["id"] == sid][0]["body"]
    assert "**Invite JETRO to the expo**" in body and body.lstrip().startswith(("-", "*"))
    section = [s for s in assemble_book(lib, book_id).sections if s.title == "Our asks"][0]
    assert section.items[0].blocks[0].items[0][0].bold
    # removing the section removes its subsection too; undo brings both back with the text
    outline.select_section(sid)
    outline.remove_section()
    assert len(book_store.sections(lib, book_id)) == n
    window.undo_action.trigger()
    ids = {s["id"] for s in book_store.sections(lib, book_id)}
    assert {sid, child} <= ids
    assert [s for s in book_store.sections(lib, book_id) if s["id"] == sid][0]["body"] == body
    # keyboard reordering
    outline.select_section(sid)
    outline.move(1)
    assert _top_titles(outline.model)[2] == "Our asks"


def test_drop_fact_article_entity_into_section(make_window, library_path):
    window = make_window(library_path)
    lib = window.ctx.lib
    window.importer.import_paths([str(SEEDS)])
    aid = lib.scalar("SELECT id FROM articles WHERE text LIKE '%高燕%' ORDER BY id")
    fact_ids = add_facts(lib, aid)
    set_status(lib, fact_ids[:1], "accepted")
    _trip, book_id = _trip_and_book(window)
    model = window.book.outline.model
    row = _top_titles(model).index("Talking points")
    target = model.index(row, TITLE)
    mime = book_mime.encode_items("fact", fact_ids[:2])
    assert model.canDropMimeData(mime, Qt.DropAction.CopyAction, -1, 0, target)
    assert not model.canDropMimeData(mime, Qt.DropAction.CopyAction, 0, 0, QModelIndex())
    assert model.dropMimeData(mime, Qt.DropAction.CopyAction, -1, 0, target)
    sid = model.section_id(target)
    assert [(i["item_kind"], i["item_id"]) for i in book_store.items(lib, sid)] == [("fact", f) for f in fact_ids[:2]]
    # only the accepted fact reaches the book
    section = [s for s in assemble_book(lib, book_id).sections if s.title == "Talking points"][0]
    assert [i.text for i in section.items] == [lib.scalar("SELECT text FROM facts WHERE id = ?", (fact_ids[0],))]
    assert model.index(row, 2).data() == "2"
    # the same facts again: nothing added twice
    assert not model.dropMimeData(mime, Qt.DropAction.CopyAction, -1, 0, target)
    window.undo_action.trigger()
    assert book_store.items(lib, sid) == []

    # articles from the library and entities from the entities view: the drag sources' payloads
    window.library.select_row(0)
    sources = {s.kind: s for s in window.book_drag_sources}
    article_mime = sources["article"].mime()
    assert book_mime.decode_items(article_mime) == ("article", window.library.selected_article_ids())
    background = model.index(_top_titles(model).index("Background"), TITLE)
    assert model.dropMimeData(article_mime, Qt.DropAction.CopyAction, -1, 0, background)
    assert book_store.items(lib, model.section_id(background))[0]["item_kind"] == "article"

    # the keyboard way: "Add to book section…" with the section given
    eid = ent.create_entity(lib.raw, "organization", "JETRO")
    assert window.book.add_items("entity", [eid], model.section_id(target))
    window.book.outline.select_section(model.section_id(target))
    labels = [window.book.outline.panel.items.topLevelItem(i).text(1)
              for i in range(window.book.outline.panel.items.topLevelItemCount())]
    assert labels == ["JETRO"]
    assert any(a.text().startswith("Add to book section") for a in window.library.table.actions())


def test_new_book_and_delete_are_undoable(make_window, library_path):
    window = make_window(library_path)
    lib = window.ctx.lib
    _trip, book_id = _trip_and_book(window)
    n_sections = len(book_store.sections(lib, book_id))
    window.book.delete_book(confirm=False)
    assert book_store.get_book(lib, book_id) is None
    window.undo_action.trigger()
    assert book_store.get_book(lib, book_id)["title"] == "Tokyo briefing"
    assert len(book_store.sections(lib, book_id)) == n_sections
    assert window.book.book_id() == book_id
    window.book.book_settings({"title": "Tokyo briefing (final)", "locale": "de", "template": "compact",
                               "prepared_by": "Desk", "draft": False})
    book = book_store.get_book(lib, book_id)
    assert (book["title"], book["locale"], book["template"], book["draft"]) == ("Tokyo briefing (final)", "de",
                                                                                "compact", 0)
    window.undo_action.trigger()
    assert book_store.get_book(lib, book_id)["locale"] == "en"
