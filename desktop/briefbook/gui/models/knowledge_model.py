"""The knowledge review table: one row per entity, figure, event or agreement, as
services.review.review_queue gives them (entities most mentioned first, then figures
with conflicts first, then statements).

The queue is computed whole (it groups every mention), so a "page" is a slice of it;
the rows keep the queue's dicts, with an ``id`` that stays the same for the same
target while the model lives (the base finds rows by id).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from ...core.text import has_cjk
from ...services import review
from ..runtime import i18n
from ..runtime.i18n import N_, _
from .paged_table import Column, PagedTableModel

CONFLICT_BG = QColor("#fde2e1")
STATUS_FG = {"accepted": QColor("#1b7a2f"), "edited": QColor("#1b5e9a"), "rejected": QColor("#a33"),
             "auto": QColor("#666")}
SIGNAL_LABELS = {"dictionary": N_("dictionary"), "tagger": N_("tagger"), "cue": N_("cue"),
                 "articles": N_("several articles"), "mentions": N_("many mentions"),
                 "measure": N_("measure known"), "subject": N_("subject found"), "period": N_("period found"),
                 "sources": N_("several sources")}
KIND_LABELS = {"person": N_("Person"), "organization": N_("Organisation"), "place": N_("Place"),
               "figure": N_("Figure"), "event": N_("Event"), "agreement": N_("Agreement")}
# a statement's argument keys (services/knowledge.py read_statements) as the card shows them
ARG_LABELS = {"person": N_("Person"), "title": N_("Position"), "org": N_("Organisation"),
              "organisation": N_("Organisation"), "as_of": N_("As of"), "name": N_("Name"),
              "date": N_("Date"), "place": N_("Place"), "organiser": N_("Organiser"),
              "participants": N_("Participants"), "parties": N_("Parties"), "subject": N_("Matter"),
              "value": N_("Value"), "parent": N_("Part of")}
# A figure's approximation (knowledge/approximation.py's keys) as the interface says it.
APPROX_LABELS = {"exact": N_("exact"), "about": N_("about"), "more_than": N_("more than"),
                 "less_than": N_("less than"), "at_least": N_("at least"), "up_to": N_("up to")}
STATUS_LABELS = {"proposed": N_("proposed"), "auto": N_("signals agree"), "accepted": N_("accepted"),
                 "edited": N_("edited"), "rejected": N_("rejected")}
_UI_LOCALE = {"zh_CN": "zh-Hans", "de": "de", "en": "en"}


def ui_locale() -> str:
    """The book locale matching the interface language (labels and values are shown in it)."""
    return _UI_LOCALE.get(i18n.current(), "en")


@dataclass(frozen=True)
class KnowledgeFilter:
    include_decided: bool = False
    kinds: tuple[str, ...] = ()  # row kinds (entity, figure, event, agreement); () = every kind
    locale: str = "en"


def row_kind_label(row: dict) -> str:
    return _(KIND_LABELS.get(row.get("entity_kind") or row["kind"], row["kind"]))


def arg_label(key: str) -> str:
    """A statement argument's name in the interface language (an unknown key as it is)."""
    return _(ARG_LABELS[key]) if key in ARG_LABELS else key


def approx_label(key: str | None) -> str:
    """The approximation in the interface language (an unknown key is shown as it is)."""
    key = key or "exact"
    return _(APPROX_LABELS[key]) if key in APPROX_LABELS else key


def period_text(period: dict | None) -> str:
    if not period:
        return _("period unknown")
    start, end = period.get("start"), period.get("end")
    if start and end and start[:4] == end[:4] and start[5:] == "01-01" and end[5:] == "12-31":
        return start[:4]
    if start and end and start[:4] == end[:4] and start[5:] == "01-01" and end[5:] == "06-30":
        return _("H1 {year}").format(year=start[:4])
    if start and end and start[:4] == end[:4] and start[5:] == "07-01" and end[5:] == "12-31":
        return _("H2 {year}").format(year=start[:4])
    if not start:
        return _("as of {date}").format(date=end)
    return f"{start} – {end}" if end and end != start else start


def row_title(row: dict) -> str:
    if row["kind"] == "entity":
        return row["name"]
    if row["kind"] == "figure":
        return row["label"]
    args = row.get("args") or {}
    return args.get("name") or args.get("subject") or args.get("title") or row["kind"]


def arg_text(value) -> str:
    """A statement's argument as text: a list (an agreement's parties, an event's
    participants) joined the way its names are written, not as a Python list."""
    if isinstance(value, list | tuple):
        items = [str(v) for v in value if v]
        return ("、" if items and all(has_cjk(i) for i in items) else ", ").join(items)
    return "" if value is None else str(value)


def row_details(row: dict) -> str:
    if row["kind"] == "entity":  # its other names; what it is says the Value column (not twice)
        value = entity_value(row)
        return " · ".join(n for n in row["names"] if n not in (row["name"], value))
    if row["kind"] == "figure":
        return " · ".join(p for p in (row.get("subject") or _("subject unknown"), period_text(row.get("period")),
                                      approx_label(row["approx"]) if row.get("approx") not in (None, "exact") else "") if p)
    args = row.get("args") or {}
    return " · ".join(arg_text(v) for k, v in args.items() if v and k not in ("name",))[:200]


def entity_value(row: dict) -> str:
    """What an entity is, for its row: a person's best title and organisation, where an
    organisation is and what it is part of, a place's name in Latin letters."""
    kind = row.get("entity_kind")
    if kind == "person":
        return " — ".join(p for p in (row.get("title"), row.get("org")) if p)
    if kind == "organization":
        within = row.get("within") or {}
        parts = [_("in {place}").format(place=within["place"])] if within.get("place") else []
        parts += [_("part of {parent}").format(parent=within["parent"])] if within.get("parent") else []
        return " · ".join(parts)
    return next((n for n in row.get("names") or () if n.isascii() and n != row.get("name")), "")


def row_value(row: dict) -> str:
    if row["kind"] == "entity":
        return entity_value(row)
    if row["kind"] == "agreement":
        return arg_text((row.get("args") or {}).get("value"))
    if row["kind"] != "figure":
        return ""
    if row["conflicts"]:
        others = " | ".join(c["display"] for c in row["conflicts"])
        return f"{row['display']}  ≠  {others}"
    return row["display"]


def row_signals(row: dict) -> str:
    if row["kind"] in ("entity", "figure"):
        return ", ".join(_(SIGNAL_LABELS[s]) for s in row.get("signals") or ()) or _("no signal")
    return ""


def row_key(row: dict) -> tuple[str, str]:
    return row["kind"], row["uuid"]


class KnowledgeModel(PagedTableModel):
    key_prefix = "knowledge"

    def __init__(self, lib, flt: KnowledgeFilter | None = None, parent=None, queries=None):
        super().__init__(lib, flt or KnowledgeFilter(), parent, queries)
        self._ids: dict[tuple[str, str], int] = {}
        self._queue: list[dict] | None = None
        self._columns = (
            Column(N_("Kind"), row_kind_label),
            Column(N_("Name / measure"), row_title, roles={Qt.ItemDataRole.ToolTipRole: row_title}),
            Column(N_("Details"), row_details, roles={Qt.ItemDataRole.ToolTipRole: row_details}),
            Column(N_("Value"), row_value, roles={Qt.ItemDataRole.ToolTipRole: row_value}),
            Column(N_("Mentions"), lambda r: r.get("mentions", 0), align=Qt.AlignmentFlag.AlignRight),
            Column(N_("Articles"), lambda r: len(r.get("articles") or {s["article_id"] for s in r.get("sources", [])}),
                   align=Qt.AlignmentFlag.AlignRight),
            Column(N_("Signals"), row_signals),
            Column(N_("Status"), lambda r: _(STATUS_LABELS.get(r["status"], r["status"])),
                   roles={Qt.ItemDataRole.ForegroundRole: lambda r: QBrush(STATUS_FG[r["status"]])
                          if r["status"] in STATUS_FG else None}),
        )

    def columns(self):
        return self._columns

    def _id_for(self, row: dict) -> int:
        return self._ids.setdefault(row_key(row), len(self._ids) + 1)

    def _read_queue(self, lib, flt: KnowledgeFilter) -> list[dict]:
        rows = review.review_queue(lib, flt.locale, include_decided=flt.include_decided)
        if flt.kinds:
            rows = [r for r in rows if r["kind"] in flt.kinds]
        for r in rows:
            if r["kind"] == "entity":
                r["entity_id"] = r["id"]  # the entity's own id; "id" becomes the table's row id
            r["id"] = self._id_for(r)
        return rows

    def reload(self, keep: int = 0) -> None:
        self._queue = None  # the queue is read again: decisions and extraction change it
        super().reload(keep)

    def page_reader(self, flt, limit, last, offset):
        def read(lib):
            if self._queue is None:
                self._queue = self._read_queue(lib, flt)
            return self._queue[offset:offset + limit]
        return read

    def counter(self, flt):
        return lambda lib: len(self._queue if self._queue is not None else self._read_queue(lib, flt))

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid() and role == Qt.ItemDataRole.BackgroundRole:
            row = self.rows[index.row()]
            if row["kind"] == "figure" and row["conflicts"]:
                return QBrush(CONFLICT_BG)
        return super().data(index, role)

    def row_for_key(self, key: tuple[str, str]) -> int | None:
        row_id = self._ids.get(key)
        return self.row_of(row_id) if row_id is not None else None

    def row_dict(self, row: int) -> dict | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None
