"""Facts as a table: one article's facts (all of them, in text order) or the library-wide
review queue (keyset-paged, so a million facts never load at once; its total is counted
in the background)."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush

from ...store import views
from ..runtime.i18n import N_, _
from ..runtime.queries import SyncQueries
from . import kinds

STATUS, KIND, TEXT, DETAILS, CONFIDENCE, ARTICLE = range(6)
HEADERS = (N_("Status"), N_("Kind"), N_("Text"), N_("Details"), N_("Conf."), N_("Article"))
_ROOT = QModelIndex()  # the invisible root (a module-level default, not a call per use)
PAGE = 300
PAGE_BUDGET = 0.05  # seconds a page may take on the GUI thread before it moves to the query thread
REFRESH_AT_ONCE = 500  # loaded rows refreshed on the GUI thread; more are read in the background
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
    """Library-wide, the window never waits for more than a page: the first page is read on
    the GUI thread within PAGE_BUDGET (else on the query thread), and the filtered total,
    which means counting up to a million rows, always arrives later (``total_known``)."""

    total_changed = Signal()
    page_loaded = Signal()  # a page that was read in the background has arrived

    def __init__(self, lib, library_wide: bool, parent=None, queries=None):
        super().__init__(parent)
        self.lib = lib
        self.queries = queries if queries is not None else SyncQueries(lib)
        self.library_wide = library_wide
        self.filter = views.FactFilter(statuses=("proposed",) if library_wide else ())
        self.rows: list[dict] = []
        self.total = 0
        self.total_known = True
        self.loading = False  # the first page is being read in the background
        self._fetching = False  # a further page is being read in the background
        self._exhausted = True
        self._key = f"facts-{id(self)}"
        self._refreshes = 0

    def set_filter(self, flt: views.FactFilter) -> None:
        self.filter = flt
        self.reload()

    def _bounded(self, read):
        """``read(lib)`` on the GUI thread if it takes at most PAGE_BUDGET, else None."""
        limit = getattr(self.lib, "time_limit", None)
        if limit is None or self.queries.synchronous:
            return read(self.lib)
        try:
            with limit(PAGE_BUDGET):
                return read(self.lib)
        except sqlite3.OperationalError as err:
            if "interrupt" not in str(err):
                raise
            return None

    def reload(self, keep: int = 0) -> None:
        if not self.library_wide:  # one article's facts: few, read at once
            self.beginResetModel()
            if self.filter.article_id is None:
                self.rows, self.total = [], 0
            else:
                self.total = views.count_facts(self.lib, self.filter)
                self.rows = views.fact_rows(self.lib, self.filter, 100_000)
            self._exhausted = True
            self.total_known, self.loading = True, False
            self.endResetModel()
            return
        flt, limit = self.filter, max(PAGE, keep)
        rows = self._bounded(lambda lib: views.fact_rows(lib, flt, limit))
        self.beginResetModel()
        self._fetching = False
        self.loading = rows is None
        self.rows = rows or []
        self._exhausted = self.loading or len(self.rows) < limit
        self.total_known = not self.loading and self._exhausted  # every match is loaded
        self.total = len(self.rows)
        self.endResetModel()
        if self.loading:  # the count waits for the page: a short last page is the total
            self.queries.submit(self._key + "-page", lambda lib: views.fact_rows(lib, flt, limit),
                                lambda rows: self._page_arrived(flt, limit, rows))
        elif not self.total_known:
            self._count(flt)
        self.total_changed.emit()

    def _count(self, flt) -> None:
        self.queries.submit(self._key + "-count", lambda lib: views.count_facts(lib, flt),
                            lambda n: self._total_arrived(flt, n))

    def _page_arrived(self, flt, limit: int, rows: list[dict]) -> None:
        if flt is not self.filter or not self.loading:
            return
        self.beginResetModel()
        self.rows, self.loading = rows, False
        self._exhausted = len(rows) < limit
        if self._exhausted:
            self.total, self.total_known = len(rows), True
        elif not self.total_known:
            self.total = len(rows)
        self.endResetModel()
        if not self.total_known:
            self._count(flt)
        self.page_loaded.emit()
        self.total_changed.emit()

    def _total_arrived(self, flt, n: int) -> None:
        if flt is not self.filter:
            return
        self.total, self.total_known = max(n, len(self.rows)), True
        self.total_changed.emit()

    def refresh(self) -> None:
        self.reload(keep=len(self.rows))

    def refresh_rows(self, article_ids: list[int]) -> None:
        """Update loaded rows in place (a review step must not move the list under the user).
        A few rows are read at once; many (after a bulk review) in the background."""
        wanted = set(article_ids)
        ids = [row["id"] for row in self.rows if not wanted or row["article_id"] in wanted]
        if not ids:
            return
        if len(ids) <= REFRESH_AT_ONCE:
            self._apply_fresh(views.fact_rows_by_ids(self.lib, ids))
        else:
            self._refreshes += 1  # a key each: a later refresh must not cancel this one
            self.queries.submit(f"{self._key}-refresh-{self._refreshes}",
                                lambda lib: views.fact_rows_by_ids(lib, ids), self._apply_fresh)

    def _apply_fresh(self, fresh: dict[int, dict]) -> None:
        changed = [n for n, row in enumerate(self.rows) if row["id"] in fresh]
        for n in changed:
            self.rows[n] = fresh[self.rows[n]["id"]]
        if changed:
            self.dataChanged.emit(self.index(changed[0], 0), self.index(changed[-1], len(HEADERS) - 1))

    def canFetchMore(self, parent=_ROOT) -> bool:
        return not parent.isValid() and not self._exhausted and not self._fetching

    def fetchMore(self, parent=_ROOT) -> None:
        if parent.isValid() or not self.rows or self._fetching:
            return
        last = self.rows[-1]
        flt, after = self.filter, (last["article_id"], last["start"], last["id"])
        more = self._bounded(lambda lib: views.fact_rows(lib, flt, PAGE, after=after))
        if more is None:  # a sparse filter: read on in the background
            self._fetching = True
            self.queries.submit(self._key + "-more", lambda lib: views.fact_rows(lib, flt, PAGE, after=after),
                                lambda rows: self._more_arrived(flt, last["id"], rows))
            return
        self._append(more)

    def _more_arrived(self, flt, last_id: int, more: list[dict]) -> None:
        self._fetching = False
        if flt is self.filter and self.rows and self.rows[-1]["id"] == last_id:
            self._append(more)

    def _append(self, more: list[dict]) -> None:
        if more:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
            self.rows.extend(more)
            self.endInsertRows()
        self._exhausted = len(more) < PAGE
        if not self.total_known:
            self.total = max(self.total, len(self.rows))
            if self._exhausted:
                self.total_known = True
            self.total_changed.emit()

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
