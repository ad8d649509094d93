"""The trip form as typed into: dates in the locale's format (ISO accepted), the
calendar opening at a sensible month, names typed into the itinerary's
Counterpart and People cells, and the person picker finding CJK names by
their romanisation."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, QLocale, QPoint, Qt

from briefbook.gui.views.date_edit import NO_DATE, TripDateEdit
from briefbook.gui.views.trip_editor import EntityPicker
from briefbook.services import linking
from briefbook.store import books as book_store
from briefbook.store import entities as ent


@pytest.fixture
def locale_de():
    before = QLocale()
    QLocale.setDefault(QLocale("de_DE"))
    yield
    QLocale.setDefault(before)


def _type(qtbot, box, text):
    box.setFocus()
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return)


def test_iso_and_locale_dates_typed(qtbot, locale_de):
    box = TripDateEdit()
    qtbot.addWidget(box)
    box.show()
    assert box.displayFormat() == "dd.MM.yyyy"
    _type(qtbot, box, "2026-06-01")
    assert box.date() == QDate(2026, 6, 1) and box.text() == "01.06.2026"

    other = TripDateEdit()
    qtbot.addWidget(other)
    other.show()
    _type(qtbot, other, "03.07.2026")
    assert other.date() == QDate(2026, 7, 3)


def test_calendar_opens_at_today_and_end_at_start(qtbot, make_window, library_path):
    window = make_window(library_path)
    view = window.book
    view.new_trip("Qingdao delegation to Tokyo")
    editor = view.trip_editor
    assert editor.start.date() == NO_DATE and editor.end.date() == NO_DATE

    def open_calendar(box):
        box.resize(160, 28)
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(box.width() - 6, box.height() // 2))
        calendar = box.calendarWidget()
        return calendar.yearShown(), calendar.monthShown()

    today = QDate.currentDate()
    assert open_calendar(editor.start) == (today.year(), today.month())
    editor.start.calendarWidget().window().hide()
    _type(qtbot, editor.start, "2027-03-15")
    assert book_store.get_trip(window.ctx.lib, editor.trip.id).start_date == "2027-03-15"
    assert open_calendar(editor.end) == (2027, 3)


def test_typed_counterpart_and_people_are_linked(make_window, library_path):
    window = make_window(library_path)
    lib = window.ctx.lib
    jetro = ent.create_entity(lib.raw, "organization", "日本贸易振兴机构", [("JETRO", "en")])
    ent.create_entity(lib.raw, "organization", "JETRO Osaka")
    xue = ent.create_entity(lib.raw, "person", "薛慶國")
    view = window.book
    trip_id = view.new_trip("Qingdao delegation to Tokyo")
    editor = view.trip_editor
    asked = []
    editor.picker = lambda kind, multiple, selected, query="": asked.append(query) or [jetro]
    editor.add_appointment(time="10:00")

    editor.itinerary.item(0, 4).setText("薛慶國")  # one match: linked at once
    assert book_store.itinerary(lib, trip_id)[0]["people_entity_ids"] == [xue]
    editor.itinerary.item(0, 3).setText("JETRO")  # two matches: the picker opens on what was typed
    assert asked == ["JETRO"]
    assert book_store.itinerary(lib, trip_id)[0]["org_entity_id"] == jetro
    assert editor.itinerary.item(0, 3).text() == "日本贸易振兴机构"

    editor.picker = lambda kind, multiple, selected, query="": None  # cancelled: the user is told
    editor.itinerary.item(0, 3).setText("Nobody Inc")
    assert book_store.itinerary(lib, trip_id)[0]["org_entity_id"] == jetro
    assert "Nobody Inc" in editor.last_message and editor.itinerary.item(0, 3).text() == "日本贸易振兴机构"


@pytest.mark.parametrize("query, expected", [("Xue", "薛慶國"), ("xue qingguo", "薛慶國"), ("Qingguo Xue", "薛慶國"),
                                             ("Hatoyama", "鸠山友纪夫"), ("薛", "薛慶國")])
def test_person_picker_finds_names_by_romanisation(qtbot, make_window, library_path, query, expected):
    window = make_window(library_path)
    lib = window.ctx.lib
    for name in ("薛慶國", "鸠山友纪夫", "Angela Merkel"):
        ent.create_entity(lib.raw, "person", name)
    if query == "Xue":
        linking.index_new_aliases(lib.raw)  # found through the link index as well as without it
    picker = EntityPicker(lib, "person")
    qtbot.addWidget(picker)
    picker.search.setText(query)
    shown = [picker.list.item(i).text() for i in range(picker.list.count())]
    assert shown == [expected]
