"""Facts as a table: one article's facts (all of them, in text order) or the library-wide
review queue (keyset-paged, so 200,000 facts never load at once)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush

from ..store import views
from . import kinds
from .i18n import N_, _

STATUS, KIND, TEXT, DETAILS, CONFIDENCE, ARTICLE = range(6)
HEADERS = (N_("Status"), N_("Kind"), N_("Text"), N_("Details"), N_("Conf."), N_("Article"))
_ROOT = QModelIndex()  # the invisible root (a module-level default, not a call per use)
PAGE = 300
FactIdRole = Qt.ItemDataRole.UserRole
_STATUS_MARK = {"proposed": "○", "accepted": "✓", "edited": "✎", "rejected": "✗"}


def describe(kind: str, value: dict) -> str:
    """The normalised value of a fact in one line."""
    if kind == "person":
        return " · ".join(str(value[k]) for k in ("name", "title", "org") if value.get(k))
    if kind == "amount":
        v = value.get("value")
        return f"{v:,.0f} {value.get('currency') or ''}".strip() if isinstance(v, int | float) else ""
    if kind == "percentage":
        return f"{value.get('value')} %" if value.get("value") is not None else ""
    if kind == "count":
        approx = {"more_than": "> ", "about": "≈ ", "less_than": "< "}.get(value.get("approx") or "", "")
        return f"{approx}{value.get('value', '')} {value.get('unit') or ''}".strip()
    if kind == "date":
        return (value.get("iso") or "") + (f" – {value['end_iso']}" if value.get("end_iso") else "")
    if kind == "agreement":
        return " / ".join(value.get("parties") or [])
    if kind == "event":
        return " · ".join(str(value[k]) for k in ("name", "date", "place") if value.get(k))
    return str(value.get("name") or "")


class FactModel(QAbstractTableModel):
    def __init__(self, lib, library_wide: bool, parent=None):
        super().__init__(parent)
        self.lib = lib
        self.library_wide = library_wide
        self.filter = views.FactFilter(statuses=("proposed",) if library_wide else ())
        self.rows: list[dict] = []
        self.total = 0
        self._exhausted = True

    def set_filter(self, flt: views.FactFilter) -> None:
        self.filter = flt
        self.reload()

    def reload(self, keep: int = 0) -> None:
        self.beginResetModel()
        if not self.library_wide and self.filter.article_id is None:
            self.rows, self.total = [], 0
        else:
            self.total = views.count_facts(self.lib, self.filter)
            limit = max(PAGE, keep) if self.library_wide else 100_000
            self.rows = views.fact_rows(self.lib, self.filter, limit)
        self._exhausted = len(self.rows) >= self.total
        self.endResetModel()

    def refresh(self) -> None:
        self.reload(keep=len(self.rows))

    def refresh_rows(self, article_ids: list[int]) -> None:
        """Update loaded rows in place (a review step must not move the list under the user)."""
        wanted = set(article_ids)
        for n, row in enumerate(self.rows):
            if not wanted or row["article_id"] in wanted:
                fresh = views.fact_row(self.lib, row["id"])
                if fresh is not None:
                    self.rows[n] = fresh
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(HEADERS) - 1))

    def canFetchMore(self, parent=_ROOT) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent=_ROOT) -> None:
        if parent.isValid() or not self.rows:
            return
        last = self.rows[-1]
        more = views.fact_rows(self.lib, self.filter, PAGE, after=(last["article_id"], last["start"], last["id"]))
        if not more:
            self._exhausted = True
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()
        self._exhausted = len(more) < PAGE

    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=_ROOT) -> int:
        if parent.isValid():
            return 0
        return len(HEADERS) if self.library_wide else len(HEADERS) - 1

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(HEADERS[section])
        return None

    def fact(self, row: int) -> dict | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, fact_id: int) -> int | None:
        for n, row in enumerate(self.rows):
            if row["id"] == fact_id:
                return n
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == STATUS:
                return f"{_STATUS_MARK.get(row['status'], '')} {kinds.status_label(row['status'])}"
            if col == KIND:
                return kinds.label(row["kind"])
            if col == TEXT:
                return row["text"].replace("\n", " ")
            if col == DETAILS:
                return describe(row["kind"], row["value"])
            if col == CONFIDENCE:
                return f"{row['confidence']:.2f}" if row["confidence"] is not None else ""
            if col == ARTICLE:
                title = row["article_title"] or _("(untitled)")
                return f"{row['published'] or ''}  {title}".strip()
        elif role == Qt.ItemDataRole.BackgroundRole and col == KIND:
            return QBrush(kinds.background(row["kind"]))
        elif role == Qt.ItemDataRole.ForegroundRole and col == STATUS:
            color = {"accepted": "#2e7d32", "edited": "#2e7d32", "rejected": "#b71c1c"}.get(row["status"])
            return QBrush(color) if color and not kinds.is_dark() else None
        elif role == Qt.ItemDataRole.ToolTipRole and col in (TEXT, DETAILS):
            return f"{row['text']}\n{describe(row['kind'], row['value'])}"
        elif role == Qt.ItemDataRole.TextAlignmentRole and col == CONFIDENCE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        elif role == FactIdRole:
            return row["id"]
        return None
