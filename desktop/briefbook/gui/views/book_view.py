"""The Book tab: trips and their books on the left; the trip form and the
outline editor on the right; export.  ``attach(window)`` adds the tab, the Book
menu, dragging from the library/review/entities views and their
"Add to book section…" action to the main window."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStyle,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...store import books as book_store
from ..commands.book_commands import AddItems, DeleteBook, NewBook, NewTrip, UpdateRow, book_events
from ..commands.undo_commands import push
from ..dialogs.export_dialog import LOCALES, ExportDialog, template_label
from ..models.book_outline import kind_label
from ..runtime import i18n
from ..runtime.i18n import _, ngettext
from .outline_editor import OutlineEditor


class BookDialog(QDialog):
    """A new book for a trip, or the settings of an existing one."""

    def __init__(self, book: dict | None = None, default_title: str = "", parent=None):
        super().__init__(parent)
        self.setWindowTitle(_("New book") if book is None else _("Book settings"))
        book = book or {"title": default_title, "locale": "en", "template": "official", "prepared_by": "",
                        "draft": 1}
        self.title = QLineEdit(book["title"])
        self.locale = QComboBox()
        for code, name in LOCALES:
            self.locale.addItem(name, code)
        self.locale.setCurrentIndex(max(0, self.locale.findData(book["locale"])))
        self.template = QComboBox()
        from ...services.exporting import available_templates  # the writers load on first use

        for name in available_templates():
            self.template.addItem(template_label(name), name)
        self.template.setCurrentIndex(max(0, self.template.findData(book["template"])))
        self.prepared_by = QLineEdit(book["prepared_by"] or "")
        self.prepared_by.setPlaceholderText(_("e.g. Asia desk, Trade Promotion Council"))
        self.draft = QCheckBox(_("Draft (watermark on every page)"))
        self.draft.setChecked(bool(book["draft"]))
        form = QFormLayout()
        form.addRow(_("Title:"), self.title)
        form.addRow(_("Language:"), self.locale)
        form.addRow(_("Template:"), self.template)
        form.addRow(_("Prepared by:"), self.prepared_by)
        form.addRow("", self.draft)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(440, 0)

    def values(self) -> dict:
        return {"title": self.title.text().strip(), "locale": self.locale.currentData(),
                "template": self.template.currentData(), "prepared_by": self.prepared_by.text().strip(),
                "draft": self.draft.isChecked()}


class SectionChooser(QDialog):
    """"Add to book section…": the keyboard way to place items in a section."""

    def __init__(self, lib, book_id: int | None, count: int, parent=None):
        super().__init__(parent)
        self.lib = lib
        self.setWindowTitle(_("Add to book section"))
        self.books = QComboBox()
        for b in book_store.list_books(lib):
            self.books.addItem(b["title"], b["id"])
        if book_id is not None:
            self.books.setCurrentIndex(max(0, self.books.findData(book_id)))
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.books.currentIndexChanged.connect(self._fill)
        self.tree.itemDoubleClicked.connect(lambda *_a: self.accept())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(ngettext("Place {n} selected item in:", "Place {n} selected items in:", count).format(n=count)))
        layout.addWidget(self.books)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(380, 420)
        self._fill()

    def _fill(self, *_a) -> None:
        self.tree.clear()
        book_id = self.books.currentData()
        if book_id is None:
            return
        nodes: dict[int, QTreeWidgetItem] = {}
        for s in book_store.sections(self.lib, book_id):
            parent = nodes.get(s["parent_id"])
            item = QTreeWidgetItem([f"{s['title']}  ·  {kind_label(s['kind'])}"])
            item.setData(0, Qt.ItemDataRole.UserRole, s["id"])
            (parent.addChild(item) if parent else self.tree.addTopLevelItem(item))
            nodes[s["id"]] = item
        self.tree.expandAll()
        if self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))

    def section_id(self) -> int | None:
        item = self.tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item else None


class BookView(QWidget):
    entity_requested = Signal(int)  # the export dialog's check asks to show an entity

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("bookView")
        SP = QStyle.StandardPixmap

        self.trips = QListWidget()
        self.trips.setObjectName("tripList")
        self.books = QListWidget()
        self.books.setObjectName("bookList")
        self.trips.currentItemChanged.connect(lambda *_a: self._trip_selected())
        self.books.currentItemChanged.connect(lambda *_a: self._book_selected())
        self.books.itemDoubleClicked.connect(lambda _i: self.export())
        new_trip = QPushButton(self.style().standardIcon(SP.SP_FileDialogNewFolder), _("New trip"))
        new_trip.clicked.connect(lambda: self.new_trip())
        self.new_book_button = QPushButton(self.style().standardIcon(SP.SP_FileIcon), _("New book…"))
        self.new_book_button.clicked.connect(lambda: self.new_book())
        self.settings_button = QPushButton(_("Settings…"))
        self.settings_button.clicked.connect(self.book_settings)
        self.delete_book_button = QPushButton(self.style().standardIcon(SP.SP_TrashIcon), "")
        self.delete_book_button.setToolTip(_("Delete book"))
        self.delete_book_button.clicked.connect(lambda: self.delete_book())
        self.export_button = QPushButton(self.style().standardIcon(SP.SP_DialogSaveButton), _("Export…"))
        self.export_button.setObjectName("exportButton")
        self.export_button.clicked.connect(lambda: self.export())

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.setSpacing(4)
        trips_head = QHBoxLayout()
        label = QLabel(_("Trips"))
        label.setObjectName("subheading")
        trips_head.addWidget(label)
        trips_head.addStretch(1)
        trips_head.addWidget(new_trip)
        ll.addLayout(trips_head)
        ll.addWidget(self.trips, 2)
        books_head = QHBoxLayout()
        label = QLabel(_("Books for this trip"))
        label.setObjectName("subheading")
        books_head.addWidget(label)
        books_head.addStretch(1)
        books_head.addWidget(self.new_book_button)
        ll.addLayout(books_head)
        ll.addWidget(self.books, 2)
        book_buttons = QHBoxLayout()
        book_buttons.addWidget(self.export_button, 1)
        book_buttons.addWidget(self.settings_button)
        book_buttons.addWidget(self.delete_book_button)
        ll.addLayout(book_buttons)

        from .trip_editor import TripEditor

        self.trip_editor = TripEditor(ctx)
        self.outline = OutlineEditor(ctx)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("bookTabs")
        self.tabs.addTab(self.trip_editor, _("Trip and delegation"))
        self.tabs.addTab(self.outline, _("Book outline"))
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setSizes([260, 1160])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.splitter)
        ev = book_events(ctx)
        ev.trips_changed.connect(self._trips_changed)
        ev.books_changed.connect(self.reload_books)
        self.reload_trips()

    # -- lists ---------------------------------------------------------------------------
    def trip_id(self) -> int | None:
        item = self.trips.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def book_id(self) -> int | None:
        item = self.books.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _trips_changed(self, trip_id: int) -> None:
        if trip_id == 0:
            self.reload_trips()
        else:
            for n in range(self.trips.count()):
                item = self.trips.item(n)
                if item.data(Qt.ItemDataRole.UserRole) == trip_id:
                    trip = book_store.get_trip(self.ctx.lib, trip_id)
                    if trip:
                        item.setText(self._trip_label(trip))

    @staticmethod
    def _trip_label(trip) -> str:
        dates = " – ".join(d for d in (trip.start_date, trip.end_date) if d)
        return f"{trip.title}\n{dates}" if dates else trip.title

    def reload_trips(self, select: int | None = None) -> None:
        keep = select or self.trip_id()
        self.trips.blockSignals(True)
        self.trips.clear()
        for trip in book_store.list_trips(self.ctx.lib):
            item = QListWidgetItem(self._trip_label(trip))
            item.setData(Qt.ItemDataRole.UserRole, trip.id)
            self.trips.addItem(item)
        self.trips.blockSignals(False)
        self.select_trip(keep if keep is not None else self._first(self.trips))

    @staticmethod
    def _first(widget: QListWidget):
        return widget.item(0).data(Qt.ItemDataRole.UserRole) if widget.count() else None

    def select_trip(self, trip_id: int | None) -> None:
        for n in range(self.trips.count()):
            if self.trips.item(n).data(Qt.ItemDataRole.UserRole) == trip_id:
                self.trips.setCurrentRow(n)
                self._trip_selected()
                return
        self.trips.setCurrentRow(-1)
        self._trip_selected()

    def _trip_selected(self) -> None:
        trip_id = self.trip_id()
        self.trip_editor.set_trip(trip_id)
        self.new_book_button.setEnabled(trip_id is not None)
        self.reload_books()

    def reload_books(self, select: int | None = None) -> None:
        keep = select or self.book_id()
        trip_id = self.trip_id()
        self.books.blockSignals(True)
        self.books.clear()
        for b in book_store.list_books(self.ctx.lib):
            if b["trip_id"] != trip_id:
                continue
            lang = i18n.language_name(b["locale"])
            item = QListWidgetItem(f"{b['title']}\n{lang} · {template_label(b['template'])}"
                                   + (" · " + _("draft") if b["draft"] else ""))
            item.setData(Qt.ItemDataRole.UserRole, b["id"])
            self.books.addItem(item)
        self.books.blockSignals(False)
        ids = [self.books.item(n).data(Qt.ItemDataRole.UserRole) for n in range(self.books.count())]
        self.books.setCurrentRow(ids.index(keep) if keep in ids else (0 if ids else -1))
        self._book_selected()

    def _book_selected(self) -> None:
        book_id = self.book_id()
        if book_id != self.outline.model.book_id:
            self.outline.set_book(book_id)
        for w in (self.export_button, self.settings_button, self.delete_book_button):
            w.setEnabled(book_id is not None)

    # -- actions -------------------------------------------------------------------------------
    def _push(self, command) -> bool:
        error = push(self.ctx, command)
        if error:
            QMessageBox.warning(self, _("Not saved"), error)
        return error is None

    def new_trip(self, title: str | None = None) -> int | None:
        command = NewTrip(self.ctx, book_store.TripRow(None, title or _("New trip")))
        if not self._push(command):
            return None
        self.reload_trips(select=command.trip_id)
        self.tabs.setCurrentWidget(self.trip_editor)
        self.trip_editor.title.setFocus()
        self.trip_editor.title.selectAll()
        return command.trip_id

    def new_book(self, values: dict | None = None) -> int | None:
        trip_id = self.trip_id()
        if trip_id is None:
            return None
        if values is None:
            trip = book_store.get_trip(self.ctx.lib, trip_id)
            dialog = BookDialog(None, trip.title if trip else "", self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            values = dialog.values()
        command = NewBook(self.ctx, trip_id=trip_id, outline=book_store.default_outline(values["locale"]), **values)
        if not self._push(command):
            return None
        self.reload_books(select=command.book_id)
        self.tabs.setCurrentWidget(self.outline)
        return command.book_id

    def book_settings(self, values: dict | None = None) -> None:
        book_id = self.book_id()
        if book_id is None:
            return
        if values is None:
            dialog = BookDialog(book_store.get_book(self.ctx.lib, book_id), parent=self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            values = dialog.values()
        values["draft"] = int(values["draft"])
        self._push(UpdateRow(self.ctx, "books", book_id, _("Book settings"), **values))

    def delete_book(self, confirm: bool = True) -> None:
        book_id = self.book_id()
        if book_id is None:
            return
        if confirm and QMessageBox.question(self, _("Delete book"), _(
                "Delete this book and its outline? (Ctrl+Z brings it back.)")) != QMessageBox.StandardButton.Yes:
            return
        self._push(DeleteBook(self.ctx, book_id))

    def export(self) -> ExportDialog | None:
        book_id = self.book_id()
        if book_id is None:
            return None
        self.outline.panel.commit_text()
        dialog = ExportDialog(self.ctx, book_id, self)
        dialog.entity_requested.connect(self.entity_requested)
        dialog.jump_requested.connect(self.jump_to)
        dialog.show()
        return dialog

    def jump_to(self, target: dict) -> bool:
        """Open where a finding of the check before export is fixed: a section (its text) or a
        placed item in the outline; a delegation member, programme item or the trip's purpose
        in the trip form.  True when it was found."""
        kind, row_id, within = target.get("kind"), target.get("id"), target.get("within")
        if kind in ("section", "item"):
            section_id = row_id if kind == "section" else within
            self.tabs.setCurrentWidget(self.outline)
            self.outline.select_section(section_id)
            if self.outline.current_section_id() != section_id:
                return False
            return self.outline.panel.select_item(row_id) if kind == "item" else self.outline.panel.focus_text()
        if kind in ("member", "itinerary", "trip"):
            trip_id = row_id if kind == "trip" else within
            if self.trip_id() != trip_id:
                self.select_trip(trip_id)
            self.tabs.setCurrentWidget(self.trip_editor)
            return self.trip_editor.show_row(kind, row_id, target.get("field") or "")
        return False

    def add_items(self, kind: str, ids: list[int], section_id: int | None = None) -> bool:
        """Place items in a section: the given one, or one the user picks."""
        ids = [i for i in ids if i is not None]
        if not ids:
            return False
        if section_id is None:
            if not book_store.list_books(self.ctx.lib):
                QMessageBox.information(self, _("Add to book section"), _("Create a trip and a book first."))
                return False
            chooser = SectionChooser(self.ctx.lib, self.book_id(), len(ids), self)
            if chooser.exec() != QDialog.DialogCode.Accepted or chooser.section_id() is None:
                return False
            section_id = chooser.section_id()
        return self._push(AddItems(self.ctx, section_id, kind, ids))
