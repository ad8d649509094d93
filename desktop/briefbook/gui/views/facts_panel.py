"""A table of facts reviewed from the keyboard: J/K next/previous, A accept, R reject,
E edit, Space jump to the span in the reader, Delete delete.  With several rows
selected, A and R act on all of them (one undo step).  Used for one article's facts
and, library-wide, by the review queue."""

from __future__ import annotations

from PySide6 import QtWidgets  # the dialogs' classes, made by PySide6 when first used
from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.facts import KINDS
from ...store import articles as articles_store
from ...store import notes, views
from ..commands.undo_commands import AddAnnotation, DeleteFacts, EditFact, SetFactStatus, TagFact, push
from ..models import fact_model, kinds
from ..models.fact_model import FactModel
from ..runtime.i18n import _, ngettext, shortcut_text


class FactTable(QTableView):
    """Single-letter review keys, fired only while the table has the focus and no
    modifier is held, and never while the user is typing a word into it: a letter
    that is no command ("H" of "Hatoyama") starts typing, and the letters after it
    do nothing until a key that is not a letter (an arrow, Esc, Tab) or a click
    ends it.  Qt's type-ahead search is off (it would jump around while typing).
    ``typing_ignored`` tells the panel to say so in the status bar."""

    key_command = Signal(str)
    typing_ignored = Signal()

    KEYS = {Qt.Key.Key_J: "next", Qt.Key.Key_K: "prev", Qt.Key.Key_A: "accept", Qt.Key.Key_R: "reject",
            Qt.Key.Key_E: "edit", Qt.Key.Key_Space: "jump", Qt.Key.Key_Delete: "delete",
            Qt.Key.Key_U: "reset"}
    _MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                  | Qt.KeyboardModifier.MetaModifier | Qt.KeyboardModifier.ShiftModifier)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.typing = False

    def keyboardSearch(self, search: str) -> None:
        pass  # no type-ahead: letters are review commands

    def keyPressEvent(self, event):
        text = event.text()
        is_letter = len(text) == 1 and text.isalpha()
        if not is_letter:
            self.typing = False
        command = self.KEYS.get(event.key())
        if is_letter and (self.typing or command is None):
            self.typing = True
            self.typing_ignored.emit()
            event.accept()
            return
        if command and not (event.modifiers() & self._MODIFIERS):
            self.key_command.emit(command)
            event.accept()
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event):
        self.typing = False
        super().mousePressEvent(event)

    def focusInEvent(self, event):
        self.typing = False
        super().focusInEvent(event)


class FactReviewView(QWidget):
    jump_requested = Signal(int, int)  # fact id, article id
    current_fact_changed = Signal(int)  # fact id (0 = none)

    def __init__(self, ctx, library_wide: bool, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.model = FactModel(ctx.lib, library_wide, self, queries=ctx.queries)
        self.model.total_changed.connect(self._show_counts)
        self.model.page_loaded.connect(self._page_loaded)
        self._counts: dict[str, int] | None = None
        self.last_message = ""
        self.table = FactTable()
        self.table.setObjectName("reviewTable" if library_wide else "factsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.reset_columns()
        self.table.key_command.connect(self.run_command)
        self.table.typing_ignored.connect(lambda: self._status(_(
            "Typing in the fact list does nothing: letters are review keys (A accept, R reject). "
            "Press an arrow key to use them again.")))
        self.table.doubleClicked.connect(lambda _i: self.run_command("jump"))
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.counts = QLabel()
        self.counts.setObjectName("counts")
        hint = QLabel(_("J/K next/previous · A accept · R reject · E edit · Space show in text · {key} undo").format(
            key=shortcut_text(QKeySequence.StandardKey.Undo)))
        hint.setObjectName("hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.counts)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        ctx.events.facts_changed.connect(self._facts_changed)
        self.update_counts()

    def reset_columns(self) -> None:
        """Column widths from the texts they hold: the status labels in the UI language
        (vorgeschlagen, not vorgeschl…), a narrow confidence; the text takes the room left."""
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        status = max(metrics.horizontalAdvance(f"○ {kinds.status_label(s)}")
                     for s in ("proposed", "accepted", "edited", "rejected")) + 18
        kind = max(metrics.horizontalAdvance(kinds.label(k)) for k in KINDS) + 18
        conf = max(metrics.horizontalAdvance("0.00"), header.fontMetrics().horizontalAdvance(
            self.model.headerData(fact_model.CONFIDENCE, Qt.Orientation.Horizontal) or "")) + 18
        wide = self.model.library_wide
        for col, width in ((fact_model.STATUS, status), (fact_model.KIND, kind), (fact_model.TEXT, 300 if wide else 150),
                           (fact_model.DETAILS, 360 if wide else 200), (fact_model.CONFIDENCE, conf)):
            self.table.setColumnWidth(col, width)
        if not wide:  # one article's facts: the confidence is the last column; the text stretches instead
            header.setStretchLastSection(False)
            header.setSectionResizeMode(fact_model.TEXT, QHeaderView.ResizeMode.Stretch)
            header.setSectionResizeMode(fact_model.DETAILS, QHeaderView.ResizeMode.Stretch)

    # -- loading ------------------------------------------------------------------
    def set_filter(self, flt: views.FactFilter) -> None:
        self.model.set_filter(flt)
        self.update_counts()
        if self.model.rowCount():
            self.set_current_row(0)

    def _facts_changed(self, article_ids: list) -> None:
        flt = self.model.filter
        if flt.article_id is not None and article_ids and flt.article_id not in article_ids:
            return
        current = self.current_fact_id()
        if self.model.library_wide:
            self.model.refresh_rows(article_ids)
        else:
            self.model.refresh()
        if current is not None:
            row = self.model.row_of(current)
            if row is not None and not self.table.selectionModel().isRowSelected(row):
                self.set_current_row(row, select=False)
        self.update_counts()

    def refresh_keeping_current(self) -> None:
        """Read the rows again (new facts appear), keeping the current fact if it is still shown."""
        current = self.current_fact_id()
        self.model.refresh()
        row = self.model.row_of(current) if current is not None else None
        if row is not None:
            self.set_current_row(row)
        elif self.model.rowCount():
            self.set_current_row(0)
        self.update_counts()

    def _page_loaded(self) -> None:
        if self.model.rowCount() and self.current_row() < 0:
            self.set_current_row(0)

    def update_counts(self) -> None:
        flt = self.model.filter
        if not self.model.library_wide:
            self._counts = views.fact_counts(self.ctx.lib, flt.article_id) if flt.article_id is not None else None
            self._show_counts()
            return
        # the whole library's counts read every fact's status: in the background
        self.ctx.queries.submit(f"review-counts-{id(self)}", views.fact_counts, self._counts_arrived)
        self._show_counts()

    def _counts_arrived(self, counts: dict[str, int]) -> None:
        self._counts = counts
        self._show_counts()

    def _show_counts(self) -> None:
        m = self.model
        shown = ""
        if m.library_wide:
            if m.loading:
                shown = _("searching…")
            elif m.total_known:
                shown = _("{n} shown").format(n=m.total)
            else:
                shown = _("{n} shown").format(n=f"≥ {m.total}")
        c = self._counts
        text = "" if c is None else _("Proposed {p} · Accepted {a} · Rejected {r}").format(
            p=c["proposed"], a=c["accepted"], r=c["rejected"])
        if shown:
            text = f"{text}   ({shown})" if text else f"({shown})"
        self.counts.setText(text)

    # -- current row and selection ----------------------------------------------------
    def current_row(self) -> int:
        return self.table.currentIndex().row()

    def current_fact_id(self) -> int | None:
        fact = self.model.fact(self.current_row())
        return fact["id"] if fact else None

    def selected_fact_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        ids = [self.model.rows[r]["id"] for r in rows if r < len(self.model.rows)]
        if not ids and self.current_fact_id() is not None:
            ids = [self.current_fact_id()]
        return ids

    def set_current_row(self, row: int, select: bool = True) -> None:
        while row >= self.model.rowCount() and self.model.canFetchMore():
            self.model.fetchMore()
        if not (0 <= row < self.model.rowCount()):
            return
        index = self.model.index(row, fact_model.TEXT)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(index, flags if select else QItemSelectionModel.SelectionFlag.NoUpdate)
        self.table.scrollTo(index)

    def select_fact(self, fact_id: int) -> None:
        row = self.model.row_of(fact_id)
        if row is not None:
            self.set_current_row(row)

    def _current_changed(self, current, _previous) -> None:
        fact = self.model.fact(current.row())
        self.current_fact_changed.emit(fact["id"] if fact else 0)

    # -- commands ------------------------------------------------------------------------
    def run_command(self, command: str) -> None:
        row = self.current_row()
        if command == "next":
            self.set_current_row(row + 1 if row >= 0 else 0)
        elif command == "prev":
            self.set_current_row(max(0, row - 1))
        elif command in ("accept", "reject", "reset"):
            ids = self.selected_fact_ids()
            if not ids:
                return
            status = {"accept": "accepted", "reject": "rejected", "reset": "proposed"}[command]
            self._push(SetFactStatus(self.ctx, ids, status))
            undo = shortcut_text(QKeySequence.StandardKey.Undo)
            done = {"accepted": ngettext("Accepted {n} fact", "Accepted {n} facts", len(ids)),
                    "rejected": ngettext("Rejected {n} fact", "Rejected {n} facts", len(ids)),
                    "proposed": ngettext("{n} fact back to proposed", "{n} facts back to proposed", len(ids))}[status]
            self._status(done.format(n=len(ids)) + " — " + _("{key} undoes it").format(key=undo))
            if len(ids) == 1:
                self.set_current_row(row + 1 if row + 1 < self.model.rowCount() or self.model.canFetchMore() else row)
        elif command == "edit":
            self.edit_current()
        elif command == "jump":
            fact = self.model.fact(row)
            if fact:
                self.jump_requested.emit(fact["id"], fact["article_id"])
        elif command == "delete":
            ids = self.selected_fact_ids()
            if ids:
                self._push(DeleteFacts(self.ctx, ids))

    def edit_current(self, dialog_hook=None) -> None:
        fact = self.model.fact(self.current_row())
        if fact is None:
            return
        from ..dialogs.fact_editor import FactEditor

        article = articles_store.get_article(self.ctx.lib, fact["article_id"])
        editor = FactEditor(article.text, fact["start"], fact["end"], fact["kind"], fact["value"], self)
        if dialog_hook:
            dialog_hook(editor)
        if editor.exec() == FactEditor.DialogCode.Accepted:
            self._push(EditFact(self.ctx, fact["id"], value=editor.value(), kind=editor.kind))

    def _status(self, text: str) -> None:
        self.last_message = text
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(text, 6000)

    def _push(self, command) -> None:
        error = push(self.ctx, command)
        if error:
            QtWidgets.QMessageBox.warning(self, _("Not saved"), error)

    def _context_menu(self, pos) -> None:
        menu = QMenu(self)
        for label, command, key in ((_("Accept"), "accept", "A"), (_("Reject"), "reject", "R"),
                                    (_("Back to proposed"), "reset", "U"), (_("Edit…"), "edit", "E"),
                                    (_("Show in text"), "jump", "Space"), (_("Delete"), "delete", "Del")):
            action = QAction(label, menu)
            action.setShortcut(QKeySequence(key))
            action.triggered.connect(lambda _c=False, c=command: self.run_command(c))
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(_("Add note…"), self.add_note_to_current)
        menu.addAction(_("Tag…"), self.tag_current)
        if self.table.actions():  # added by other views, e.g. "Add to book section…"
            menu.addSeparator()
            menu.addActions(self.table.actions())
        menu.exec(self.table.viewport().mapToGlobal(pos))

    def add_note_to_current(self) -> None:
        fact = self.model.fact(self.current_row())
        if fact is None:
            return
        text, ok = QtWidgets.QInputDialog.getMultiLineText(self, _("Note on fact"), fact["text"])
        if ok and text.strip():
            self._push(AddAnnotation(self.ctx, notes.Annotation(None, fact_id=fact["id"], note=text.strip())))

    def tag_current(self) -> None:
        ids = self.selected_fact_ids()
        if not ids:
            return
        name, ok = QtWidgets.QInputDialog.getText(self, _("Tag facts"), _("Tag:"))
        if ok and name.strip():
            self.ctx.undo.beginMacro(_("Tag {name}").format(name=name.strip()))
            for fid in ids:
                push(self.ctx, TagFact(self.ctx, fid, name.strip()))
            self.ctx.undo.endMacro()
