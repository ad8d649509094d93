"""The book's outline: a tree model over its sections (rename inline, include with
the checkbox, reorder by drag and drop, drop facts/articles/entities onto a
section), and the editor around it.  Every edit is an undoable command."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QFont, QPalette
from PySide6.QtWidgets import QApplication

from ...store import books as book_store
from ..commands.book_commands import AddItems, MoveSection, UpdateRow, book_events
from ..commands.undo_commands import push
from ..runtime.i18n import N_, _
from . import book_mime

TITLE, KIND, ITEMS = range(3)
_ROOT = QModelIndex()

KIND_LABELS = {
    "cover": N_("Cover"), "overview": N_("Trip overview"), "itinerary": N_("Itinerary"),
    "delegation": N_("Delegation"), "profile": N_("Counterpart profile"), "figures": N_("Key figures"),
    "background": N_("Background"), "talking_points": N_("Talking points"), "text": N_("Free text"),
    "notes": N_("Notes and annotations"), "sources": N_("Sources"),
}


def kind_label(kind: str) -> str:
    return _(KIND_LABELS.get(kind, kind))


class OutlineModel(QAbstractItemModel):
    """Sections of one book; an index's internal id is the section id."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.book_id: int | None = None
        self.rows: dict[int, dict] = {}
        self.children: dict[int | None, list[int]] = {None: []}
        self.counts: dict[int, int] = {}
        self.last_error: str | None = None
        book_events(ctx).outline_changed.connect(self._outline_changed)

    # -- loading ----------------------------------------------------------------------
    def set_book(self, book_id: int | None) -> None:
        self.book_id = book_id
        self.reload(force=True)

    def _outline_changed(self, book_id: int) -> None:
        if book_id == self.book_id:
            self.reload()

    def reload(self, force: bool = False) -> None:
        rows: dict[int, dict] = {}
        children: dict[int | None, list[int]] = {None: []}
        counts: dict[int, int] = {}
        if self.book_id is not None:
            for r in book_store.sections(self.ctx.lib, self.book_id):
                rows[r["id"]] = r
            for r in sorted(rows.values(), key=lambda r: (r["position"], r["id"])):
                parent = r["parent_id"] if r["parent_id"] in rows else None
                children.setdefault(parent, []).append(r["id"])
            counts = book_store.item_counts(self.ctx.lib, self.book_id)
        if not force and children == self.children and rows.keys() == self.rows.keys():
            # same shape: refresh in place, so the tree keeps its expansion, selection and editors
            self.rows, self.counts = rows, counts
            for ids in children.values():
                if ids:
                    first = self.createIndex(0, 0, ids[0])
                    self.dataChanged.emit(first, self.createIndex(len(ids) - 1, ITEMS, ids[-1]))
            return
        self.beginResetModel()
        self.rows, self.children, self.counts = rows, children, counts
        self.endResetModel()

    # -- structure ----------------------------------------------------------------------
    def section_id(self, index: QModelIndex) -> int | None:
        return index.internalId() if index.isValid() else None

    def section(self, section_id: int | None) -> dict | None:
        return self.rows.get(section_id)

    def index_of(self, section_id: int, column: int = 0) -> QModelIndex:
        row = self.rows.get(section_id)
        if row is None:
            return QModelIndex()
        parent = row["parent_id"] if row["parent_id"] in self.rows else None
        return self.createIndex(self.children[parent].index(section_id), column, section_id)

    def index(self, row, column, parent=_ROOT):
        ids = self.children.get(self.section_id(parent), [])
        if 0 <= row < len(ids) and 0 <= column < 3:
            return self.createIndex(row, column, ids[row])
        return QModelIndex()

    def parent(self, index=_ROOT):
        if not index.isValid():
            return QModelIndex()
        row = self.rows.get(index.internalId())
        if row is None or row["parent_id"] not in self.rows:
            return QModelIndex()
        return self.index_of(row["parent_id"])

    def rowCount(self, parent=_ROOT):
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.children.get(self.section_id(parent), []))

    def columnCount(self, parent=_ROOT):
        return 3

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (_("Section"), _("Kind"), _("Items"))[section]
        return None

    def _excluded(self, section_id: int) -> bool:
        row = self.rows.get(section_id)
        while row is not None:
            if not row["included"]:
                return True
            row = self.rows.get(row["parent_id"])
        return False

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows.get(index.internalId())
        if row is None:
            return None
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == TITLE:
                return row["title"]
            if col == KIND:
                return kind_label(row["kind"])
            n = self.counts.get(row["id"], 0)
            return str(n) if n else ("¶" if row["body"] else "")
        if role == Qt.ItemDataRole.CheckStateRole and col == TITLE:
            return Qt.CheckState.Checked if row["included"] else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole and self._excluded(row["id"]):
            return QBrush(QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        if role == Qt.ItemDataRole.FontRole and col == TITLE and self._excluded(row["id"]):
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if self._excluded(row["id"]):
                return _("Left out of the exported book")
            return _("Drag to reorder; drop facts, articles or entities here")
        if role == Qt.ItemDataRole.TextAlignmentRole and col == ITEMS:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
                 | Qt.ItemFlag.ItemIsDropEnabled)
        if index.column() == TITLE:
            flags |= Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable
        return flags

    # -- edits ---------------------------------------------------------------------------------
    def _push(self, command) -> bool:
        self.last_error = push(self.ctx, command)
        return self.last_error is None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        sid = self.section_id(index)
        if sid is None or index.column() != TITLE:
            return False
        row = self.rows[sid]
        if role == Qt.ItemDataRole.EditRole:
            title = str(value).strip()
            if not title or title == row["title"]:
                return False
            return self._push(UpdateRow(self.ctx, "sections", sid, _("Rename section"), title=title))
        if role == Qt.ItemDataRole.CheckStateRole:
            included = int(Qt.CheckState(value) == Qt.CheckState.Checked) if not isinstance(value, bool) else int(value)
            if included == row["included"]:
                return False
            text = _("Include section") if included else _("Exclude section")
            return self._push(UpdateRow(self.ctx, "sections", sid, text, included=included))
        return False

    # -- drag and drop --------------------------------------------------------------------------
    def supportedDropActions(self):
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self):
        return Qt.DropAction.MoveAction

    def mimeTypes(self):
        return [book_mime.SECTION_MIME, book_mime.ITEMS_MIME]

    def mimeData(self, indexes):
        ids = list(dict.fromkeys(self.section_id(i) for i in indexes if i.isValid()))
        return book_mime.encode_sections(ids)

    def _is_within(self, section_id: int, ancestor: int | None) -> bool:
        while ancestor is not None:
            if ancestor == section_id:
                return True
            ancestor = self.rows[ancestor]["parent_id"] if ancestor in self.rows else None
        return False

    def move_target(self, section_id: int, parent_id: int | None, row: int) -> int | None:
        """The store position for ``section_id`` dropped before ``row`` under ``parent_id``
        (row -1: at the end), or None when the drop would change nothing or is impossible."""
        if section_id not in self.rows or self._is_within(section_id, parent_id):
            return None
        siblings = self.children.get(parent_id, [])
        current = self.rows[section_id]
        same = current["parent_id"] == parent_id
        if row < 0 or row > len(siblings):
            row = len(siblings)
        if same:
            own = siblings.index(section_id)
            if row in (own, own + 1):
                return None
        if row < len(siblings):
            target = self.rows[siblings[row]]["position"]
        else:
            target = max((self.rows[s]["position"] for s in siblings), default=0) + 1
        if same and target > current["position"]:
            target -= 1  # the store closes the gap the section leaves before opening the new one
        return target

    def canDropMimeData(self, data, action, row, column, parent):
        if self.book_id is None:
            return False
        items = book_mime.decode_items(data)
        if items is not None:
            return parent.isValid() and row < 0
        ids = book_mime.decode_sections(data)
        parent_id = self.section_id(parent)
        return bool(ids) and all(self.move_target(s, parent_id, row) is not None for s in ids)

    def dropMimeData(self, data, action, row, column, parent):
        if action == Qt.DropAction.IgnoreAction:
            return True
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        items = book_mime.decode_items(data)
        if items is not None:
            kind, ids = items
            return self._push(AddItems(self.ctx, self.section_id(parent), kind, ids))
        parent_id = self.section_id(parent)
        (section_id,) = book_mime.decode_sections(data)[:1]
        position = self.move_target(section_id, parent_id, row)
        return self._push(MoveSection(self.ctx, section_id, parent_id, position))

    def move_by(self, section_id: int, step: int) -> bool:
        """Move a section one place up (-1) or down (+1) among its siblings (the keyboard way)."""
        row = self.rows.get(section_id)
        if row is None:
            return False
        parent = row["parent_id"] if row["parent_id"] in self.rows else None
        own = self.children[parent].index(section_id)
        target_row = own - 1 if step < 0 else own + 2
        if target_row < 0 or target_row > len(self.children[parent]):
            return False
        position = self.move_target(section_id, parent, target_row)
        return position is not None and self._push(MoveSection(self.ctx, section_id, parent, position))
