"""Facts as a table: one article's facts (all of them, in text order) or the library-wide
review queue (keyset-paged, so a million facts never load at once; its total is counted
in the background)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush

from ...store import views
from ..runtime import i18n
from ..runtime.i18n import N_, _
from . import kinds
from .paged_table import Column, IdRole, PagedTableModel
from .units import count_text

STATUS, KIND, TEXT, DETAILS, CONFIDENCE, ARTICLE = range(6)
REFRESH_AT_ONCE = 500  # loaded rows refreshed on the GUI thread; more are read in the background
FactIdRole = IdRole
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
        return f"{approx}{count_text(value.get('value', ''), value.get('unit'))}".strip()
    if kind == "date":
        return (value.get("iso") or "") + (f" – {value['end_iso']}" if value.get("end_iso") else "")
    if kind == "agreement":
        return " / ".join(value.get("parties") or [])
    if kind == "event":
        return " · ".join(str(value[k]) for k in ("name", "date", "place") if value.get(k))
    return str(value.get("name") or "")


def _status_colour(row: dict):
    color = {"accepted": "#2e7d32", "edited": "#2e7d32", "rejected": "#b71c1c"}.get(row["status"])
    return QBrush(color) if color and not kinds.is_dark() else None


def _fact_tip(row: dict) -> str:
    return f"{row['text']}\n{describe(row['kind'], row['value'])}"


def _article(row: dict) -> str:
    title = row["article_title"] or _("(untitled)")
    return f"{i18n.date_text(row['published'])}  {title}".strip()


_ROLE = Qt.ItemDataRole
# In the order of STATUS, KIND, ... above; one article's table leaves out the last (Article).
COLUMNS = (
    Column(N_("Status"), lambda row: f"{_STATUS_MARK.get(row['status'], '')} {kinds.status_label(row['status'])}",
           sort_key=lambda row: row["status"], roles={_ROLE.ForegroundRole: _status_colour}),
    Column(N_("Kind"), lambda row: kinds.label(row["kind"]), sort_key=lambda row: row["kind"],
           roles={_ROLE.BackgroundRole: lambda row: QBrush(kinds.background(row["kind"]))}),
    Column(N_("Text"), lambda row: row["text"].replace("\n", " "), roles={_ROLE.ToolTipRole: _fact_tip}),
    Column(N_("Details"), lambda row: describe(row["kind"], row["value"]), roles={_ROLE.ToolTipRole: _fact_tip}),
    Column(N_("Conf."), lambda row: f"{row['confidence']:.2f}" if row["confidence"] is not None else "",
           align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
           sort_key=lambda row: row["confidence"] if row["confidence"] is not None else -1.0),
    Column(N_("Article"), _article, sort_key=lambda row: (row["published"] or "", row["article_title"] or "")),
)
HEADERS = tuple(column.header for column in COLUMNS)


class FactModel(PagedTableModel):
    """Library-wide, the window never waits for more than a page: the first page is read on
    the GUI thread within ``page_budget`` (else on the query thread), and the filtered total,
    which means counting up to a million rows, always arrives later (``total_known``).
    One article's facts are few: they are read at once, in text order."""

    page_size = 300
    page_budget = 0.05  # seconds a page may take on the GUI thread before it moves to the query thread
    key_prefix = "facts"

    def __init__(self, lib, library_wide: bool, parent=None, queries=None):
        super().__init__(lib, views.FactFilter(statuses=("proposed",) if library_wide else ()), parent, queries)
        self.library_wide = library_wide
        self._refreshes = 0

    def columns(self) -> tuple[Column, ...]:
        return COLUMNS if self.library_wide else COLUMNS[:-1]

    def page_reader(self, flt, limit: int, last: dict | None, offset: int):
        after = (last["article_id"], last["start"], last["id"]) if last is not None else None
        return lambda lib: views.fact_rows(lib, flt, limit, after=after)

    def counter(self, flt):
        return lambda lib: views.count_facts(lib, flt)

    def reload(self, keep: int = 0) -> None:
        if self.library_wide:
            super().reload(keep)
            return
        self.beginResetModel()
        if self.filter.article_id is None:
            self._set_rows([])
            self.total = 0
        else:
            self.total = views.count_facts(self.lib, self.filter)
            self._set_rows(views.fact_rows(self.lib, self.filter, 100_000))
        self._exhausted = True
        self.total_known, self.loading = True, False
        self.endResetModel()

    def refresh_rows(self, article_ids: list[int]) -> None:
        """Update loaded rows in place (a review step must not move the list under the user).
        A few rows are read at once; many (after a bulk review) in the background."""
        wanted = set(article_ids)
        ids = [row["id"] for row in self.rows if not wanted or row["article_id"] in wanted]
        if not ids:
            return
        if len(ids) <= REFRESH_AT_ONCE:
            self.replace_rows(views.fact_rows_by_ids(self.lib, ids))
        else:
            self._refreshes += 1  # a key each: a later refresh must not cancel this one
            self.queries.submit(f"{self._key}-refresh-{self._refreshes}",
                                lambda lib: views.fact_rows_by_ids(lib, ids), self.replace_rows)

    def fact(self, row: int) -> dict | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None
