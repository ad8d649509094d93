"""The library table: articles matching the current filter, fetched a page at a time."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from ...store import views
from ..runtime import i18n
from ..runtime.i18n import N_, _
from . import kinds
from .paged_table import Column, IdRole, PagedTableModel

# Source and tags last: on a laptop the title and the review counts stay in view.
TITLE, DATE, LANG, PROPOSED, ACCEPTED, DUPLICATE, SOURCE, TAGS = range(8)
ArticleIdRole = IdRole
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


def _duplicate_mark(row: dict) -> str:
    if row["duplicate_of"] and row["duplicate_status"] != "dismissed":
        return "≈" if row["duplicate_status"] == "suspected" else "="
    return ""


def _duplicate_tip(row: dict) -> str | None:
    if not row["duplicate_of"]:
        return None
    return {"suspected": _("Possibly the same text as article {id}: open it to compare and decide"),
            "confirmed": _("Marked as a duplicate of article {id}"),
            "dismissed": _("Not a duplicate of article {id} (your verdict)")}.get(
        row["duplicate_status"] or "", _("Nearly the same text as article {id}")).format(id=row["duplicate_of"])


def _title_tip(row: dict) -> str:
    if row["duplicate_status"] == "suspected":
        return _("Possibly the same text as article {id}: open it to compare and decide").format(
            id=row["duplicate_of"])
    return (row.get("snippet") or row["title"] or "") + (f"\n{row['path']}" if row.get("path") else "")


def _suspected(row: dict) -> bool:
    return row["duplicate_status"] == "suspected"


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


def _count(key: str):
    return lambda row: row[key] or ""


CENTER = Qt.AlignmentFlag.AlignCenter
_ROLE = Qt.ItemDataRole
# In the order of TITLE, DATE, ... above.
COLUMNS = (
    Column(N_("Title"), lambda row: row["title"] or _("(untitled)"), roles={
        _ROLE.ToolTipRole: _title_tip,
        # in the title too: the Dup. column is often scrolled out of view
        _ROLE.DecorationRole: lambda row: duplicate_icon() if _suspected(row) else None,
        SnippetRole: lambda row: (row["snippet"], row["spans"]) if "snippet" in row else None}),
    Column(N_("Date"), lambda row: i18n.date_text(row["published"]), sort_key=lambda row: row["published"] or ""),
    Column(N_("Lang."), lambda row: i18n.language_name(row["lang"]), align=CENTER,
           roles={_ROLE.ToolTipRole: lambda row: i18n.language_name(row["lang"])}),
    Column(N_("Proposed"), _count("proposed"), align=CENTER, sort_key=lambda row: row["proposed"] or 0),
    Column(N_("Accepted"), _count("accepted"), align=CENTER, sort_key=lambda row: row["accepted"] or 0),
    Column(N_("Dup."), _duplicate_mark, align=CENTER, roles={
        _ROLE.ToolTipRole: _duplicate_tip,
        # amber: waits for a verdict
        _ROLE.ForegroundRole: lambda row: (QColor("#ffc94d") if kinds.is_dark() else QColor("#a05a00"))
        if _suspected(row) else None,
        _ROLE.FontRole: lambda row: _bold() if _suspected(row) else None}),
    Column(N_("Source"), lambda row: row["source"] or ""),
    Column(N_("Tags"), lambda row: row["tags"] or ""),
)
HEADERS = tuple(column.header for column in COLUMNS)


class LibraryModel(PagedTableModel):
    key_prefix = "articles"

    def __init__(self, lib, parent=None, queries=None):
        super().__init__(lib, views.ArticleFilter(), parent, queries)

    def columns(self) -> tuple[Column, ...]:
        return COLUMNS

    def page_reader(self, flt, limit: int, last: dict | None, offset: int):
        return lambda lib: views.article_rows(lib, flt, limit, offset)

    def counter(self, flt):
        return lambda lib: views.count_articles(lib, flt)

    def refresh_articles(self, article_ids) -> None:
        """Re-read the loaded rows of these articles."""
        fresh = {}
        for article_id in article_ids:
            if self.row_of(article_id) is not None:
                row = views.article_row(self.lib, article_id, self.filter.query)
                if row is not None:
                    fresh[article_id] = row
        self.replace_rows(fresh)

    def article_id(self, row: int) -> int | None:
        return self.row_id(row)
