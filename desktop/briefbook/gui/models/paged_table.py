"""A table of store rows fetched a page at a time: the base of the library and fact tables.

A subclass says which columns it shows (``Column``: header, value, alignment, sort
key and any further roles) and how to read a page and count the matches; the base
keeps the rows (each a dict with an ``id``, found again by id without a scan), asks
for the next page when the view scrolls to the end (canFetchMore/fetchMore), and
keeps ``total`` honest: a short page means every match is loaded, otherwise the
count runs on the query thread and ``total_known`` stays False until it arrives.

A page is read on the GUI thread; with a ``page_budget`` (seconds) a page that takes
longer is read on the query thread instead (``loading`` while the first one is).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal

from ..runtime.i18n import _
from ..runtime.queries import SyncQueries

_ROOT = QModelIndex()  # the invisible root (a module-level default, not a call per use)
IdRole = Qt.ItemDataRole.UserRole  # the row's id (an article id, a fact id)
SortKeyRole = Qt.ItemDataRole.UserRole + 10  # what a proxy model or a header sort compares


@dataclass(frozen=True)
class Column:
    """One column: its header (marked with N_, translated when shown), its text, its
    alignment, the key it sorts by (its text unless given) and any further roles
    (tooltip, colours, fonts, icons) as functions of the row."""

    header: str
    value: Callable[[dict], Any]
    align: Qt.AlignmentFlag | None = None
    sort_key: Callable[[dict], Any] | None = None
    roles: dict[int, Callable[[dict], Any]] = field(default_factory=dict)

    def data(self, row: dict, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            return self.value(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(self.align) if self.align is not None else None
        if role == SortKeyRole:
            return (self.sort_key or self.value)(row)
        read = self.roles.get(role)
        return read(row) if read is not None else None


class PagedTableModel(QAbstractTableModel):
    total_changed = Signal()
    page_loaded = Signal()  # a page that was read in the background has arrived

    page_size = 200
    page_budget: float | None = None  # None: every page is read on the GUI thread
    key_prefix = "rows"  # names this model's jobs on the query thread

    def __init__(self, lib, flt, parent=None, queries=None):
        super().__init__(parent)
        self.lib = lib
        self.queries = queries if queries is not None else SyncQueries(lib)
        self.filter = flt
        self.rows: list[dict] = []
        self._row_of: dict[int, int] = {}  # row id -> position in self.rows
        self.total = 0
        self.total_known = True
        self.loading = False  # the first page is being read in the background
        self._fetching = False  # a further page is being read in the background
        self._exhausted = True
        self._key = f"{self.key_prefix}-{id(self)}"

    # -- what a subclass says ----------------------------------------------------------
    def columns(self) -> tuple[Column, ...]:
        raise NotImplementedError

    def page_reader(self, flt, limit: int, last: dict | None, offset: int) -> Callable[[Any], list[dict]]:
        """``read(lib)`` for up to ``limit`` rows after ``last`` (the ``offset``-th row is next)."""
        raise NotImplementedError

    def counter(self, flt) -> Callable[[Any], int]:
        """``count(lib)``: how many rows match ``flt``."""
        raise NotImplementedError

    # -- loading --------------------------------------------------------------------------
    def set_filter(self, flt) -> None:
        self.filter = flt
        self.reload()

    def _bounded(self, read):
        """``read(lib)`` on the GUI thread if it takes at most ``page_budget``, else None."""
        limit = getattr(self.lib, "time_limit", None)
        if self.page_budget is None or limit is None or self.queries.synchronous:
            return read(self.lib)
        try:
            with limit(self.page_budget):
                return read(self.lib)
        except sqlite3.OperationalError as err:
            if "interrupt" not in str(err):
                raise
            return None

    def _set_rows(self, rows: list[dict]) -> None:
        self.rows = rows
        self._row_of = {row["id"]: n for n, row in enumerate(rows)}

    def reload(self, keep: int = 0) -> None:
        """Reload from the library, keeping at least ``keep`` rows loaded (a refresh keeps the scroll)."""
        flt, limit = self.filter, max(self.page_size, keep)
        read = self.page_reader(flt, limit, None, 0)
        rows = self._bounded(read)
        self.beginResetModel()
        self._fetching = False
        self.loading = rows is None
        self._set_rows(rows or [])
        self._exhausted = self.loading or len(self.rows) < limit
        self.total_known = not self.loading and self._exhausted  # every match is loaded
        self.total = len(self.rows)
        self.endResetModel()
        if self.loading:  # the count waits for the page: a short last page is the total
            self.queries.submit(self._key + "-page", read, lambda rows: self._page_arrived(flt, limit, rows))
        elif not self.total_known:
            self._count(flt)
        self.total_changed.emit()

    def _count(self, flt) -> None:
        self.queries.submit(self._key + "-count", self.counter(flt), lambda n: self._total_arrived(flt, n))

    def _page_arrived(self, flt, limit: int, rows: list[dict]) -> None:
        if flt is not self.filter or not self.loading:
            return
        self.beginResetModel()
        self._set_rows(rows)
        self.loading = False
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

    def replace_rows(self, fresh: dict[int, dict]) -> None:
        """Put re-read rows (by id) in place of the loaded ones; rows not loaded are ignored."""
        changed = sorted(self._row_of[row_id] for row_id in fresh if row_id in self._row_of)
        for n in changed:
            self.rows[n] = fresh[self.rows[n]["id"]]
        if changed:
            self.dataChanged.emit(self.index(changed[0], 0), self.index(changed[-1], self.columnCount() - 1))

    def canFetchMore(self, parent=_ROOT) -> bool:
        return not parent.isValid() and not self._exhausted and not self._fetching

    def fetchMore(self, parent=_ROOT) -> None:
        if parent.isValid() or not self.rows or self._fetching:
            return
        last = self.rows[-1]
        flt, read = self.filter, self.page_reader(self.filter, self.page_size, last, len(self.rows))
        more = self._bounded(read)
        if more is None:  # a sparse filter: read on in the background
            self._fetching = True
            self.queries.submit(self._key + "-more", read, lambda rows: self._more_arrived(flt, last["id"], rows))
            return
        self._append(more)

    def _more_arrived(self, flt, last_id: int, more: list[dict]) -> None:
        self._fetching = False
        if flt is self.filter and self.rows and self.rows[-1]["id"] == last_id:
            self._append(more)

    def _append(self, more: list[dict]) -> None:
        if more:
            start = len(self.rows)
            self.beginInsertRows(QModelIndex(), start, start + len(more) - 1)
            self.rows.extend(more)
            self._row_of.update((row["id"], start + n) for n, row in enumerate(more))
            self.endInsertRows()
        self._exhausted = len(more) < self.page_size
        if self._exhausted or not self.total_known:
            self.total = len(self.rows) if self._exhausted else max(self.total, len(self.rows))
            self.total_known = self.total_known or self._exhausted
            self.total_changed.emit()

    # -- rows by id -------------------------------------------------------------------------
    def row_of(self, row_id: int) -> int | None:
        return self._row_of.get(row_id)

    def row_id(self, row: int) -> int | None:
        return self.rows[row]["id"] if 0 <= row < len(self.rows) else None

    # -- Qt model API ---------------------------------------------------------------------
    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns())

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(self.columns()[section].header)
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == IdRole:
            return row["id"]
        return self.columns()[index.column()].data(row, role)
