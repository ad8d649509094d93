"""The trip form: title, destinations, dates, purpose, classification; the
delegation (linked to people and organisations where they exist) and the
itinerary.  Every change is saved at once as an undoable command."""

from __future__ import annotations

import json
import re

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...services.entity_search import find_entities
from ...store import books as book_store
from ...store import entities as ent
from ..commands.book_commands import AddTripRow, DeleteRow, EditTrip, UpdateRow, book_events
from ..commands.undo_commands import push
from ..runtime.i18n import _
from .date_edit import NO_DATE, TripDateEdit

CLASSIFICATIONS = ("", "内部资料", "Nur für den Dienstgebrauch", "Internal", "Confidential", "社外秘")
MEMBER_FIELDS = ("name", "title", "org", "role")
ITINERARY_FIELDS = ("day", "time", "place", "org_entity_id", "people_entity_ids", "purpose", "notes")


def split_destinations(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"[,;，；、\n]", text) if p.strip()]


def _iso(box: TripDateEdit) -> str | None:
    return None if box.date() == NO_DATE else box.date().toString("yyyy-MM-dd")


def _set_iso(box: TripDateEdit, iso: str | None) -> None:
    date = QDate.fromString(iso or "", "yyyy-MM-dd")
    box.blockSignals(True)
    box.setDate(date if date.isValid() else NO_DATE)
    box.blockSignals(False)


class EntityPicker(QDialog):
    """Choose one or more people or organisations from the library's entities."""

    def __init__(self, lib, kind: str, multiple: bool = False, selected=(), parent=None, query: str = ""):
        super().__init__(parent)
        self.lib, self.kind = lib, kind
        self.setWindowTitle(_("Choose an organisation") if kind == "organization" else _("Choose people"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Find a name in any script") if kind == "person"
                                       else _("Find a name"))
        self.search.setText(query)
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multiple
                                   else QAbstractItemView.SelectionMode.SingleSelection)
        self.selected = set(selected)
        self.search.textChanged.connect(self.reload)
        self.list.itemDoubleClicked.connect(lambda _i: self.accept())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        clear = buttons.addButton(_("No link"), QDialogButtonBox.ButtonRole.ResetRole)
        clear.clicked.connect(self._clear)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(420, 460)
        self.reload()

    def reload(self, *_a) -> None:
        self.list.clear()
        for e in find_entities(self.lib, self.kind, self.search.text(), limit=500):
            item = QListWidgetItem(e.name)
            item.setData(Qt.ItemDataRole.UserRole, e.id)
            self.list.addItem(item)
            item.setSelected(e.id in self.selected)

    def _clear(self) -> None:
        self.list.clearSelection()
        self.accept()

    def ids(self) -> list[int]:
        return [i.data(Qt.ItemDataRole.UserRole) for i in self.list.selectedItems()]


class DayDelegate(QStyledItemDelegate):
    """The itinerary's day column: shown in the locale's format, edited with the
    trip's date field (its calendar opens at the trip's start), stored as ISO."""

    def __init__(self, start_date, parent=None):
        super().__init__(parent)
        self.start_date = start_date  # callable -> QDate | None

    def displayText(self, value, locale):
        date = QDate.fromString(str(value or ""), "yyyy-MM-dd")
        return locale.toString(date, QLocale.FormatType.ShortFormat) if date.isValid() else str(value or "")

    def createEditor(self, parent, option, index):
        return TripDateEdit(self.start_date, parent)

    def setEditorData(self, editor, index):
        date = QDate.fromString(index.data() or "", "yyyy-MM-dd")
        editor.setDate(date if date.isValid() else NO_DATE)

    def setModelData(self, editor, model, index):
        model.setData(index, editor.date().toString("yyyy-MM-dd") if editor.is_set() else "")


def _table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(24)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                          | QAbstractItemView.EditTrigger.AnyKeyPressed)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _cell(text, row_id=None, editable=True) -> QTableWidgetItem:
    item = QTableWidgetItem("" if text is None else str(text))
    if row_id is not None:
        item.setData(Qt.ItemDataRole.UserRole, row_id)
    if not editable:
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


class TripEditor(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.trip: book_store.TripRow | None = None
        self.picker = None  # tests set a callable (kind, multiple, selected[, query]) -> ids | None
        self.last_message = ""

        self.title = QLineEdit()
        self.title.setObjectName("tripTitle")
        self.title.setPlaceholderText(_("e.g. Qingdao delegation to Tokyo"))
        self.destinations = QLineEdit()
        self.destinations.setPlaceholderText(_("Cities or countries, separated by commas"))
        self.start = TripDateEdit()
        self.start.setObjectName("tripStart")
        self.end = TripDateEdit(reference=lambda: self.start.date() if self.start.is_set() else None)
        self.end.setObjectName("tripEnd")
        self.purpose = QPlainTextEdit()
        self.purpose.setPlaceholderText(_("What the trip is meant to achieve"))
        self.purpose.setFixedHeight(64)
        self.purpose.setTabChangesFocus(True)
        self.classification = QComboBox()
        self.classification.setEditable(True)
        self.classification.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for text in CLASSIFICATIONS:
            self.classification.addItem(text or _("(none)"), text)
        self.classification.setToolTip(_("Printed on the cover and in the header of every page"))
        for box in (self.title, self.destinations):
            box.editingFinished.connect(self.save)
        self.classification.lineEdit().editingFinished.connect(self.save)
        self.classification.activated.connect(lambda _i: self.save())
        for box in (self.start, self.end):
            box.dateChanged.connect(lambda _d: self.save())
        self.purpose.installEventFilter(self)

        dates = QHBoxLayout()
        dates.addWidget(self.start)
        dates.addWidget(QLabel("–"))
        dates.addWidget(self.end)
        dates.addStretch(1)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(_("Title:"), self.title)
        form.addRow(_("Destinations:"), self.destinations)
        form.addRow(_("Dates:"), dates)
        form.addRow(_("Purpose:"), self.purpose)
        form.addRow(_("Classification:"), self.classification)
        trip_box = QGroupBox(_("Trip"))
        trip_box.setLayout(form)

        # -- delegation ----------------------------------------------------------------------
        self.members = _table([_("Name"), _("Title"), _("Organisation"), _("Role in delegation"), _("Linked to")],
                              "membersTable")
        for col, width in enumerate((150, 170, 220, 150)):
            self.members.setColumnWidth(col, width)
        self.members.cellChanged.connect(self._member_edited)
        member_buttons = self._buttons(((_("Add member"), self.add_member), (_("Remove"), self.remove_member),
                                        (_("Link to person…"), self.link_member)))
        members_box = QGroupBox(_("Delegation"))
        ml = QVBoxLayout(members_box)
        ml.addWidget(self.members)
        ml.addLayout(member_buttons)

        # -- itinerary -----------------------------------------------------------------------
        self.itinerary = _table([_("Day"), _("Time"), _("Place"), _("Counterpart"), _("People"), _("Purpose"),
                                 _("Notes")], "itineraryTable")
        for col, width in enumerate((96, 90, 120, 200, 160, 150)):
            self.itinerary.setColumnWidth(col, width)
        self.itinerary.setItemDelegateForColumn(0, DayDelegate(self._start_qdate, self.itinerary))
        self.itinerary.cellChanged.connect(self._itinerary_edited)
        # a double click opens the picker in the Counterpart and People columns, the editor elsewhere
        self.itinerary.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                                       | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.itinerary.cellDoubleClicked.connect(self._itinerary_double_clicked)
        it_buttons = self._buttons(((_("Add appointment"), self.add_appointment),
                                    (_("Remove"), self.remove_appointment),
                                    (_("Counterpart…"), self.choose_counterpart), (_("People…"), self.choose_people)))
        it_box = QGroupBox(_("Itinerary"))
        il = QVBoxLayout(it_box)
        il.addWidget(self.itinerary)
        il.addLayout(it_buttons)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(trip_box)
        layout.addWidget(members_box, 1)
        layout.addWidget(it_box, 1)
        book_events(ctx).trips_changed.connect(self._trip_changed)
        self.setEnabled(False)

    def _start_qdate(self) -> QDate | None:
        return self.start.date() if self.start.is_set() else None

    def _buttons(self, specs) -> QHBoxLayout:
        row = QHBoxLayout()
        for label, slot in specs:
            button = QPushButton(label)
            button.clicked.connect(lambda _c=False, s=slot: s())
            row.addWidget(button)
        row.addStretch(1)
        return row

    def eventFilter(self, obj, event):
        from PySide6.QtCore import QEvent

        if obj is self.purpose and event.type() == QEvent.Type.FocusOut:
            self.save()
        return False

    # -- loading --------------------------------------------------------------------------------
    def set_trip(self, trip_id: int | None) -> None:
        self.trip = book_store.get_trip(self.ctx.lib, trip_id) if trip_id else None
        self.setEnabled(self.trip is not None)
        self._fill_form()
        self._fill_members()
        self._fill_itinerary()

    def _trip_changed(self, trip_id: int) -> None:
        if self.trip is not None and trip_id == self.trip.id:
            self.set_trip(trip_id)

    def _fill_form(self) -> None:
        t = self.trip or book_store.TripRow(None, "")
        for box, text in ((self.title, t.title), (self.destinations, ", ".join(t.destinations))):
            if box.text() != text:
                box.setText(text)
        _set_iso(self.start, t.start_date)
        _set_iso(self.end, t.end_date)
        if self.purpose.toPlainText() != t.purpose:
            self.purpose.setPlainText(t.purpose)
        self.classification.blockSignals(True)
        index = self.classification.findData(t.classification)
        if index >= 0:
            self.classification.setCurrentIndex(index)
        else:
            self.classification.setEditText(t.classification)
        self.classification.blockSignals(False)

    def _entity_name(self, entity_id) -> str:
        if not entity_id:
            return ""
        return ent.canonical_name(self.ctx.lib, entity_id) or ""

    def _fill_members(self) -> None:
        rows = book_store.members(self.ctx.lib, self.trip.id) if self.trip else []
        self.members.blockSignals(True)
        self.members.setRowCount(len(rows))
        for n, m in enumerate(rows):
            for col, key in enumerate(MEMBER_FIELDS):
                self.members.setItem(n, col, _cell(m[key], m["id"]))
            linked = self._entity_name(m["entity_id"])
            self.members.setItem(n, 4, _cell(linked, m["id"], editable=False))
        self.members.blockSignals(False)

    def _fill_itinerary(self) -> None:
        rows = book_store.itinerary(self.ctx.lib, self.trip.id) if self.trip else []
        self.itinerary.blockSignals(True)
        self.itinerary.setRowCount(len(rows))
        for n, i in enumerate(rows):
            people = "、".join(filter(None, (self._entity_name(p) for p in i["people_entity_ids"])))
            values = (i["day"], i["time"], i["place"], self._entity_name(i["org_entity_id"]), people, i["purpose"],
                      i["notes"])
            for col, value in enumerate(values):
                self.itinerary.setItem(n, col, _cell(value, i["id"]))
        self.itinerary.blockSignals(False)

    # -- edits ----------------------------------------------------------------------------------
    def _push(self, command) -> bool:
        error = push(self.ctx, command)
        if error:
            QMessageBox.warning(self, _("Not saved"), error)
        return error is None

    def form_values(self) -> book_store.TripRow:
        return book_store.TripRow(self.trip.id if self.trip else None, self.title.text().strip(),
                                  split_destinations(self.destinations.text()), _iso(self.start), _iso(self.end),
                                  self.purpose.toPlainText().strip(), self.classification.currentText().strip()
                                  if self.classification.currentText() != _("(none)") else "")

    def save(self) -> bool:
        """Save the form when it differs from the stored trip."""
        if self.trip is None:
            return False
        values = self.form_values()
        if values == self.trip:
            return False
        if not values.title:
            self.title.setText(self.trip.title)
            return False
        ok = self._push(EditTrip(self.ctx, values))
        if ok:
            self.trip = values
        return ok

    def _member_edited(self, row: int, col: int) -> None:
        item = self.members.item(row, col)
        if item is None or col >= len(MEMBER_FIELDS):
            return
        value = item.text().strip()
        if col == 0 and not value:
            self._fill_members()
            return
        self._push(UpdateRow(self.ctx, "delegation_members", item.data(Qt.ItemDataRole.UserRole),
                             _("Edit delegation member"), **{MEMBER_FIELDS[col]: value}))

    def _itinerary_edited(self, row: int, col: int) -> None:
        item = self.itinerary.item(row, col)
        if item is None:
            return
        if col in (3, 4):
            self._link_typed(item, "organization" if col == 3 else "person")
            return
        field = {0: "day", 1: "time", 2: "place", 5: "purpose", 6: "notes"}[col]
        self._push(UpdateRow(self.ctx, "itinerary_items", item.data(Qt.ItemDataRole.UserRole), _("Edit itinerary"),
                             **{field: item.text().strip()}))

    def _link_typed(self, item: QTableWidgetItem, kind: str) -> None:
        """A name typed into the Counterpart or People cell links the appointment to
        the organisation or people it names: at once when the name finds exactly one
        entity, else through the picker opened on what was typed."""
        rid = item.data(Qt.ItemDataRole.UserRole)
        text = item.text().strip()
        row = book_store.trip_row(self.ctx.lib, "itinerary_items", rid) or {}
        if kind == "organization":
            names = [text] if text else []
            current = [row["org_entity_id"]] if row.get("org_entity_id") else []
        else:
            names = split_destinations(text)
            current = json.loads(row.get("people_entity_ids") or "[]")
        if [self._entity_name(e) for e in current] == names:
            return
        ids: list[int] | None = []
        unresolved = []
        for name in names:
            found = find_entities(self.ctx.lib, kind, name, limit=2)
            exact = [e for e in found if e.name == name]
            if len(exact) == 1 or len(found) == 1:
                ids.append((exact or found)[0].id)
            else:
                unresolved.append(name)
        if unresolved:
            picked = self._pick(kind, kind == "person", ids, query=unresolved[0])
            ids = None if picked is None else list(dict.fromkeys(ids + picked))
        if ids is None or (names and not ids):
            self._fill_itinerary()  # nothing chosen: say so instead of dropping the text quietly
            self._tell(_("No organisation or person named “{name}” was chosen; the appointment is unchanged.")
                       .format(name=text))
            return
        if kind == "organization":
            self._push(UpdateRow(self.ctx, "itinerary_items", rid, _("Choose counterpart"),
                                 org_entity_id=ids[0] if ids else None))
        else:
            self._push(UpdateRow(self.ctx, "itinerary_items", rid, _("Choose people"), people_entity_ids=ids))

    def _tell(self, message: str) -> None:
        self.last_message = message
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(message, 8000)

    def show_row(self, kind: str, row_id: int, field: str = "") -> bool:
        """Select a delegation member or programme item (``kind`` member | itinerary) at the
        cell of ``field``, or (``kind`` trip) put the cursor in the purpose: where the check
        before export says a text is not yet in the book's language."""
        if kind == "trip":
            self.purpose.setFocus()
            return self.trip is not None and self.trip.id == row_id
        table, columns = ((self.members, {"title": 1, "organisation": 2, "role": 3}) if kind == "member" else
                          (self.itinerary, {"place": 2, "counterpart": 3, "purpose": 5, "notes": 6}))
        for row in range(table.rowCount()):
            cell = table.item(row, 0)
            if cell is not None and cell.data(Qt.ItemDataRole.UserRole) == row_id:
                table.setCurrentCell(row, columns.get(field, 0))
                table.setFocus()
                return True
        return False

    def _row_id(self, table: QTableWidget) -> int | None:
        row = table.currentRow()
        item = table.item(row, 0) if row >= 0 else None
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def add_member(self, name: str | None = None, **fields) -> None:
        if self.trip is None:
            return
        self._push(AddTripRow(self.ctx, "delegation_members", self.trip.id, name=name or _("New member"), **fields))
        self.members.setCurrentCell(self.members.rowCount() - 1, 0)

    def remove_member(self) -> None:
        rid = self._row_id(self.members)
        if rid is not None:
            self._push(DeleteRow(self.ctx, "delegation_members", rid, _("Remove delegation member")))

    def _pick(self, kind: str, multiple: bool, selected=(), query: str = "") -> list[int] | None:
        if self.picker is not None:
            return self.picker(kind, multiple, selected, query) if query else self.picker(kind, multiple, selected)
        dialog = EntityPicker(self.ctx.lib, kind, multiple, selected, self, query=query)
        return dialog.ids() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def link_member(self) -> None:
        rid = self._row_id(self.members)
        if rid is None:
            return
        member = book_store.trip_row(self.ctx.lib, "delegation_members", rid) or {}
        current = member.get("entity_id")
        ids = self._pick("person", False, [current] if current else [])
        if ids is None:
            return
        fields = {"entity_id": ids[0] if ids else None}
        name = member.get("name")
        if ids and (not name or name == _("New member")):
            fields["name"] = self._entity_name(ids[0])
        self._push(UpdateRow(self.ctx, "delegation_members", rid, _("Link delegation member"), **fields))

    def add_appointment(self, **fields) -> None:
        if self.trip is None:
            return
        day = fields.pop("day", None) or self.trip.start_date or QDate.currentDate().toString("yyyy-MM-dd")
        self._push(AddTripRow(self.ctx, "itinerary_items", self.trip.id, day=day, **fields))

    def remove_appointment(self) -> None:
        rid = self._row_id(self.itinerary)
        if rid is not None:
            self._push(DeleteRow(self.ctx, "itinerary_items", rid, _("Remove appointment")))

    def choose_counterpart(self) -> None:
        rid = self._row_id(self.itinerary)
        if rid is None:
            return
        current = (book_store.trip_row(self.ctx.lib, "itinerary_items", rid) or {}).get("org_entity_id")
        ids = self._pick("organization", False, [current] if current else [])
        if ids is not None:
            self._push(UpdateRow(self.ctx, "itinerary_items", rid, _("Choose counterpart"),
                                 org_entity_id=ids[0] if ids else None))

    def choose_people(self) -> None:
        rid = self._row_id(self.itinerary)
        if rid is None:
            return
        item = book_store.trip_row(self.ctx.lib, "itinerary_items", rid) or {}
        current = json.loads(item.get("people_entity_ids") or "[]")
        ids = self._pick("person", True, current)
        if ids is not None:
            self._push(UpdateRow(self.ctx, "itinerary_items", rid, _("Choose people"), people_entity_ids=ids))

    def _itinerary_double_clicked(self, row: int, col: int) -> None:
        if col == 3:
            self.choose_counterpart()
        elif col == 4:
            self.choose_people()
        elif self.itinerary.item(row, col) is not None:
            self.itinerary.editItem(self.itinerary.item(row, col))
