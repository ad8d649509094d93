"""The library table: articles matching the current filter, fetched a page at a time."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from ...store import views
from ..runtime.i18n import N_, _
from ..runtime.queries import SyncQueries
from . import kinds

# Source and tags last: on a laptop the title and the review counts stay in view.
TITLE, DATE, LANG, PROPOSED, ACCEPTED, DUPLICATE, SOURCE, TAGS = range(8)
HEADERS = (N_("Title"), N_("Date"), N_("Lang."), N_("Proposed"), N_("Accepted"), N_("Dup."),
           N_("Source"), N_("Tags"))
_ROOT = QModelIndex()  # the invisible root (a module-level default, not a call per use)
PAGE = 200
ArticleIdRole = Qt.ItemDataRole.UserRole
SnippetRole = Qt.ItemDataRole.UserRole + 1  # (snippet, spans) when searching


_ICONS: dict[bool, QIcon] = {}


def duplicate_icon() -> QIcon:
    """An amber '≈' badge for a suspected near-duplicate (one per palette, made once)."""
    dark = kinds.is_dark()
    if dark not in _ICONS:
        pixmap = QPixmap(16, 16)
        pixmap.fill(QColor(0, 0, 0, 0))
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#d99a00") if dark else QColor("#c77700"))
        painter.drawRoundedRect(1, 2, 14, 12, 3, 3)
        font = QFont()
        font.setPixelSize(12)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(pixmap.rect(), int(Qt.AlignmentFlag.AlignCenter), "≈")
        painter.end()
        _ICONS[dark] = QIcon(pixmap)
    return _ICONS[dark]


class LibraryModel(QAbstractTableModel):
    total_changed = Signal()

    def __init__(self, lib, parent=None, queries=None):
        super().__init__(parent)
        self.lib = lib
        self.queries = queries if queries is not None else SyncQueries(lib)
        self.filter = views.ArticleFilter()
        self.rows: list[dict] = []
        self.total = 0
        self.total_known = True
        self._exhausted = True

    # -- loading --------------------------------------------------------------
    def set_filter(self, flt: views.ArticleFilter) -> None:
        self.filter = flt
        self.reload()

    def reload(self, keep: int = 0) -> None:
        """Reload from the library, keeping at least ``keep`` rows loaded (a refresh keeps the scroll).
        The total (a count over up to every article) arrives from the query thread."""
        flt, limit = self.filter, max(PAGE, keep)
        self.beginResetModel()
        self.rows = views.article_rows(self.lib, flt, limit, 0)
        self._exhausted = len(self.rows) < limit
        self.total, self.total_known = len(self.rows), self._exhausted
        self.endResetModel()
        if not self.total_known:
            self.queries.submit(f"articles-count-{id(self)}", lambda lib: views.count_articles(lib, flt),
                                lambda n: self._total_arrived(flt, n))
        self.total_changed.emit()

    def _total_arrived(self, flt, n: int) -> None:
        if flt is self.filter:
            self.total, self.total_known = max(n, len(self.rows)), True
            self.total_changed.emit()

    def refresh(self) -> None:
        self.reload(keep=len(self.rows))

    def refresh_articles(self, article_ids) -> None:
        """Re-read the loaded rows of these articles (one pass over the loaded rows)."""
        wanted = set(article_ids)
        for n, row in enumerate(self.rows):
            if row["id"] in wanted:
                fresh = views.article_row(self.lib, row["id"], self.filter.query)
                if fresh is not None:
                    self.rows[n] = fresh
                    self.dataChanged.emit(self.index(n, 0), self.index(n, len(HEADERS) - 1))

    def canFetchMore(self, parent=_ROOT) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent=_ROOT) -> None:
        if parent.isValid():
            return
        more = views.article_rows(self.lib, self.filter, PAGE, len(self.rows))
        self._exhausted = len(more) < PAGE
        if more:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
            self.rows.extend(more)
            self.endInsertRows()
        if self._exhausted or not self.total_known:
            self.total = max(self.total, len(self.rows)) if not self._exhausted else len(self.rows)
            self.total_known = self.total_known or self._exhausted
            self.total_changed.emit()

    # -- Qt model API -----------------------------------------------------------
    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(HEADERS[section])
        return None

    def article_id(self, row: int) -> int | None:
        return self.rows[row]["id"] if 0 <= row < len(self.rows) else None

    def row_of(self, article_id: int) -> int | None:
        for n, row in enumerate(self.rows):
            if row["id"] == article_id:
                return n
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == TITLE:
                return row["title"] or _("(untitled)")
            if col == SOURCE:
                return row["source"] or ""
            if col == DATE:
                return row["published"] or ""
            if col == LANG:
                return row["lang"] or ""
            if col == PROPOSED:
                return row["proposed"] or ""
            if col == ACCEPTED:
                return row["accepted"] or ""
            if col == TAGS:
                return row["tags"] or ""
            if col == DUPLICATE:
                if row["duplicate_of"] and row["duplicate_status"] != "dismissed":
                    return "≈" if row["duplicate_status"] == "suspected" else "="
                return ""
        elif role == Qt.ItemDataRole.ToolTipRole:
            if col == DUPLICATE and row["duplicate_of"]:
                return {"suspected": _("Possibly the same text as article {id}: open it to compare and decide"),
                        "confirmed": _("Marked as a duplicate of article {id}"),
                        "dismissed": _("Not a duplicate of article {id} (your verdict)")}.get(
                    row["duplicate_status"] or "", _("Nearly the same text as article {id}")).format(
                    id=row["duplicate_of"])
            if col == TITLE and row["duplicate_status"] == "suspected":
                return _("Possibly the same text as article {id}: open it to compare and decide").format(
                    id=row["duplicate_of"])
            if col == TITLE:
                return (row.get("snippet") or row["title"] or "") + (f"\n{row['path']}" if row.get("path") else "")
        elif role == Qt.ItemDataRole.DecorationRole and col == TITLE and row["duplicate_status"] == "suspected":
            return duplicate_icon()  # in the title too: the Dup. column is often scrolled out of view
        elif role == Qt.ItemDataRole.ForegroundRole and col == DUPLICATE and row["duplicate_status"] == "suspected":
            return QColor("#ffc94d") if kinds.is_dark() else QColor("#a05a00")  # amber: waits for a verdict
        elif role == Qt.ItemDataRole.FontRole and col == DUPLICATE and row["duplicate_status"] == "suspected":
            font = QFont()
            font.setBold(True)
            return font
        elif role == Qt.ItemDataRole.TextAlignmentRole and col in (PROPOSED, ACCEPTED, DUPLICATE, LANG):
            return int(Qt.AlignmentFlag.AlignCenter)
        elif role == ArticleIdRole:
            return row["id"]
        elif role == SnippetRole and col == TITLE:
            if "snippet" in row:
                return row["snippet"], row["spans"]
            return None
        return None
