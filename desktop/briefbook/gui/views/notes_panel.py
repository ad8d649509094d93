"""Notes and tags of the current article: highlights with notes on spans, notes on the
article and its facts, and the article's tags."""

from __future__ import annotations

from PySide6 import QtWidgets  # the dialogs' classes, made by PySide6 when first used
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...store import articles as articles_store
from ...store import notes
from ..commands.undo_commands import AddAnnotation, DeleteAnnotation, EditNote, TagArticle, push
from ..runtime.i18n import _


class NotesPanel(QWidget):
    span_requested = Signal(int, int)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.article_id: int | None = None
        self.tags_label = QLabel()
        self.tags_label.setObjectName("tags")
        self.tags_label.setWordWrap(True)
        self.tag_edit = QLineEdit()
        self.tag_edit.setPlaceholderText(_("Add a tag and press Enter"))
        self.tag_edit.returnPressed.connect(lambda: self.add_tag(self.tag_edit.text()))
        remove_tag = QPushButton(_("Remove tag…"))
        remove_tag.clicked.connect(self.remove_tag)
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("notesTable")
        self.table.setHorizontalHeaderLabels([_("Passage"), _("Note")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(0, 160)
        self.table.setWordWrap(True)
        self.table.cellDoubleClicked.connect(lambda row, _c: self.edit_note(row))
        self.table.currentCellChanged.connect(lambda row, *_a: self._jump(row))
        article_note = QPushButton(_("Note on article…"))
        article_note.clicked.connect(lambda: self.add_article_note())
        edit = QPushButton(_("Edit…"))
        edit.clicked.connect(lambda: self.edit_note(self.table.currentRow()))
        delete = QPushButton(_("Delete"))
        delete.clicked.connect(self.delete_current)
        tag_row = QHBoxLayout()
        tag_row.addWidget(self.tag_edit, 1)
        tag_row.addWidget(remove_tag)
        buttons = QHBoxLayout()
        buttons.addWidget(article_note)
        buttons.addStretch(1)
        buttons.addWidget(edit)
        buttons.addWidget(delete)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tags_label)
        layout.addLayout(tag_row)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        ctx.events.annotations_changed.connect(lambda aid: self.reload() if aid in (0, self.article_id) else None)
        ctx.events.articles_changed.connect(self.reload)
        self.annotations: list[notes.Annotation] = []

    def show_article(self, article_id: int | None) -> None:
        self.article_id = article_id
        self.reload()

    def reload(self) -> None:
        lib = self.ctx.lib
        if not self.article_id or not articles_store.article_exists(lib, self.article_id):
            self.annotations = []
            self.table.setRowCount(0)
            self.tags_label.setText("")
            return
        tags = notes.article_tags(lib, self.article_id)
        self.tags_label.setText(_("Tags: {tags}").format(tags=", ".join(tags) if tags else "—"))
        self.annotations = notes.annotations_for_article(lib, self.article_id)
        self.table.setRowCount(len(self.annotations))
        for n, a in enumerate(self.annotations):
            passage = a.quote or (_("(fact)") if a.fact_id else _("(article)"))
            item = QTableWidgetItem(passage)
            item.setData(Qt.ItemDataRole.UserRole, a.id)
            self.table.setItem(n, 0, item)
            self.table.setItem(n, 1, QTableWidgetItem(a.note))
        self.table.resizeRowsToContents()

    def _push(self, command) -> None:
        error = push(self.ctx, command)
        if error:
            QtWidgets.QMessageBox.warning(self, _("Not saved"), error)

    def add_tag(self, name: str) -> None:
        name = name.strip()
        if self.article_id and name:
            self._push(TagArticle(self.ctx, self.article_id, name))
            self.tag_edit.clear()

    def remove_tag(self) -> None:
        if not self.article_id:
            return
        tags = notes.article_tags(self.ctx.lib, self.article_id)
        if not tags:
            return
        name, ok = QtWidgets.QInputDialog.getItem(self, _("Remove tag"), _("Tag:"), tags, 0, False)
        if ok:
            self._push(TagArticle(self.ctx, self.article_id, name, remove=True))

    def add_article_note(self, text: str | None = None) -> None:
        if not self.article_id:
            return
        if text is None:
            text, ok = QtWidgets.QInputDialog.getMultiLineText(self, _("Note"), _("Note on this article:"))
            if not ok:
                return
        if text.strip():
            self._push(AddAnnotation(self.ctx, notes.Annotation(None, article_id=self.article_id, note=text.strip())))

    def edit_note(self, row: int, text: str | None = None) -> None:
        if not (0 <= row < len(self.annotations)):
            return
        ann = self.annotations[row]
        if text is None:
            text, ok = QtWidgets.QInputDialog.getMultiLineText(self, _("Edit note"), ann.quote or "", ann.note)
            if not ok:
                return
        self._push(EditNote(self.ctx, ann.id, text, self.article_id or 0))

    def delete_current(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.annotations):
            self._push(DeleteAnnotation(self.ctx, self.annotations[row].id))

    def _jump(self, row: int) -> None:
        if 0 <= row < len(self.annotations) and self.annotations[row].start is not None:
            a = self.annotations[row]
            self.span_requested.emit(a.start, a.end)
