"""The library panel: search box, filters and the lazily fetched article table.
While searching, the title cell shows the matching passage with the hits marked."""

from __future__ import annotations

import re

from PySide6.QtCore import QRect, QRegularExpression, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPalette, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...store import notes, views
from ..models import kinds
from ..models.library_model import (
    ACCEPTED,
    DATE,
    DUPLICATE,
    LANG,
    PROPOSED,
    SOURCE,
    TAGS,
    TITLE,
    LibraryModel,
    SnippetRole,
)
from ..runtime import i18n
from ..runtime.i18n import _, ngettext

_ISO_PREFIX = QRegularExpression(r"^\d{0,4}(-\d{0,2}(-\d{0,2})?)?$")


def trim_snippet(snippet: str, spans: list[tuple[int, int]], lead: int = 12) -> tuple[str, list[tuple[int, int]]]:
    """Cut the text before the first hit down to ``lead`` characters, so that in a
    narrow column the hit, not the run-up to it, is what stays in view."""
    if not spans:
        return snippet, []
    first = min(s for s, _e in spans)
    if first <= lead + 1:
        return snippet, list(spans)
    cut = first - lead
    return "…" + snippet[cut:], [(s - cut + 1, e - cut + 1) for s, e in spans if s >= cut]


def snippet_segments(snippet: str, spans: list[tuple[int, int]]) -> list[tuple[str, bool]]:
    """The snippet as (text, is_hit) pieces, overlapping spans skipped."""
    parts, pos = [], 0
    for start, end in sorted(spans):
        if start < pos:
            continue
        if start > pos:
            parts.append((snippet[pos:start], False))
        parts.append((snippet[start:end], True))
        pos = end
    if pos < len(snippet):
        parts.append((snippet[pos:], False))
    return parts


def mark_colors(dark: bool) -> tuple[QColor, QColor]:
    """(background, text) of a search hit: fixed pairs, so the hit stays readable on a
    selected (blue) row as well as on the plain light or dark base."""
    return (QColor("#8a6d00"), QColor("#ffffff")) if dark else (QColor("#ffe066"), QColor("#1a1a1a"))


class SnippetDelegate(QStyledItemDelegate):
    """While searching: the title on one elided line, below it the matching passage with
    the hits marked (one line, elided).  Without a search: the plain title."""

    PAD = 3

    def paint(self, painter, option, index):
        data = index.data(SnippetRole)
        if not data:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        title = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)

        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        pal = opt.palette
        text_color = pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = QColor(text_color)
        muted.setAlphaF(0.82 if selected else 0.68)
        rect = opt.rect.adjusted(self.PAD + 1, self.PAD - 1, -self.PAD, -self.PAD + 1)
        if not opt.icon.isNull():  # the near-duplicate badge, drawn by the style at the left
            rect.setLeft(rect.left() + opt.decorationSize.width() + 4)
        fm = QFontMetrics(opt.font)
        line = fm.height()

        painter.save()
        painter.setClipRect(opt.rect)
        title_font = QFont(opt.font)
        title_font.setWeight(QFont.Weight.DemiBold)
        tfm = QFontMetrics(title_font)
        painter.setFont(title_font)
        painter.setPen(text_color)
        painter.drawText(QRect(rect.left(), rect.top(), rect.width(), line),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         tfm.elidedText(title, Qt.TextElideMode.ElideRight, rect.width()))

        snippet, spans = trim_snippet(data[0], data[1])
        mark_bg, mark_fg = mark_colors(kinds.is_dark())
        hit_font = QFont(opt.font)
        hit_font.setWeight(QFont.Weight.DemiBold)
        hfm = QFontMetrics(hit_font)
        x, y, right = rect.left(), rect.top() + line + 2, rect.right()
        for text, hit in snippet_segments(snippet, spans):
            metrics = hfm if hit else fm
            room = right - x
            if room <= metrics.horizontalAdvance("…"):
                break
            shown = text if metrics.horizontalAdvance(text) <= room else metrics.elidedText(
                text, Qt.TextElideMode.ElideRight, room)
            width = metrics.horizontalAdvance(shown)
            box = QRect(x, y, width, line)
            if hit:
                painter.fillRect(box.adjusted(-1, 0, 1, 0), mark_bg)
                painter.setFont(hit_font)
                painter.setPen(mark_fg)
            else:
                painter.setFont(opt.font)
                painter.setPen(muted)
            painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), shown)
            x += width
            if shown != text:
                break
        painter.restore()

    def sizeHint(self, option, index):
        size = super().sizeHint(option, index)
        if index.data(SnippetRole):
            return QSize(size.width(), snippet_row_height(option.font))
        return size


def snippet_row_height(font) -> int:
    return 2 * QFontMetrics(font).height() + 2 + 2 * SnippetDelegate.PAD


class LibraryPanel(QWidget):
    article_selected = Signal(int)  # 0 = none

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.model = LibraryModel(ctx.lib, self, queries=ctx.queries)
        self.model.total_changed.connect(self._update_count)

        self.search = QLineEdit()
        self.search.setObjectName("searchBox")
        self.search.setPlaceholderText(_("Search titles, text, notes and tags (e.g. 高燕, JETRO)"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self.apply_filter)

        self.lang_box = QComboBox()
        self.source_box = QComboBox()
        self.source_box.setMinimumContentsLength(10)
        self.source_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.tag_box = QComboBox()
        self.date_from = QLineEdit()
        self.date_to = QLineEdit()
        for box, tip in ((self.date_from, _("from (YYYY-MM-DD)")), (self.date_to, _("to (YYYY-MM-DD)"))):
            box.setPlaceholderText(tip)
            box.setValidator(QRegularExpressionValidator(_ISO_PREFIX, box))
            box.setMinimumWidth(118)
            box.editingFinished.connect(self.apply_filter)
        self.unreviewed = QCheckBox(_("Unreviewed facts"))
        self.unreviewed.setToolTip(_("Only articles with facts still to review"))
        self.unreviewed.toggled.connect(self.apply_filter)
        for box in (self.lang_box, self.source_box, self.tag_box):
            box.currentIndexChanged.connect(self.apply_filter)

        self.table = QTableView()
        self.table.setObjectName("libraryTable")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(TITLE, SnippetDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(22)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in ((TITLE, 270), (SOURCE, 110), (DATE, 80), (LANG, 52), (PROPOSED, 62), (ACCEPTED, 62),
                           (TAGS, 90), (DUPLICATE, 36)):
            self.table.setColumnWidth(col, width)
        # the language column shows names ("中文 (简体)", "Deutsch"), not codes: room for them
        self.table.setColumnWidth(LANG, min(130, 16 + max(self.table.fontMetrics().horizontalAdvance(
            i18n.language_name(code)) for code in ("zh-Hans", "zh-Hant", "ja", "de", "en"))))
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.count_label = QLabel()
        self.count_label.setObjectName("hint")

        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(4)
        grid.setVerticalSpacing(3)
        grid.addWidget(self.search, 0, 0, 1, 3)
        grid.addWidget(self.lang_box, 1, 0)
        grid.addWidget(self.source_box, 1, 1)
        grid.addWidget(self.tag_box, 1, 2)
        grid.addWidget(self.date_from, 2, 0)
        grid.addWidget(self.date_to, 2, 1)
        grid.addWidget(self.unreviewed, 2, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(grid)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

        ctx.events.articles_changed.connect(self.refresh)
        ctx.events.facts_changed.connect(self._facts_changed)
        self.fill_filter_choices()
        self.apply_filter()

    # -- filters -----------------------------------------------------------------------
    def fill_filter_choices(self) -> None:
        lib = self.ctx.lib
        self._fill_box(self.lang_box, _("All languages"), views.languages(lib))
        self._fill_box(self.tag_box, _("All tags"), notes.all_tags(lib))
        # The sources are ranked over every article (a scan of the library, about 5 ms per
        # 10,000 articles): on the query thread, so the window does not wait for them; the
        # box is as wide whatever it holds (AdjustToMinimumContentsLengthWithIcon).
        if not self.source_box.count():
            self._fill_box(self.source_box, _("All sources"), [])
        self.ctx.queries.submit("library-sources", views.sources,
                                lambda values: self._fill_box(self.source_box, _("All sources"), values))

    def _fill_box(self, box: QComboBox, first: str, values: list[str]) -> None:
        current = box.currentData()
        box.blockSignals(True)
        box.clear()
        box.addItem(first, None)
        for value in values:
            box.addItem(i18n.language_name(value) if box is self.lang_box else value, value)
        index = box.findData(current) if current else 0
        box.setCurrentIndex(max(0, index))
        box.blockSignals(False)

    def current_filter(self) -> views.ArticleFilter:
        def iso(box):
            text = box.text().strip()
            return text if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text) else None

        return views.ArticleFilter(query=self.search.text().strip(), lang=self.lang_box.currentData(),
                                   source=self.source_box.currentData(), tag=self.tag_box.currentData(),
                                   date_from=iso(self.date_from), date_to=iso(self.date_to),
                                   unreviewed=self.unreviewed.isChecked())

    def apply_filter(self, *_args) -> None:
        keep = self.current_article_id()
        flt = self.current_filter()
        self.model.set_filter(flt)
        self.table.verticalHeader().setDefaultSectionSize(
            snippet_row_height(self.table.font()) if flt.query else 22)
        self._update_count()
        if keep is not None:
            self.select_article(keep, emit=False)

    def refresh(self) -> None:
        keep = self.current_article_id()
        self.fill_filter_choices()
        self.model.refresh()
        self._update_count()
        if keep is not None:
            self.select_article(keep, emit=False)

    def _facts_changed(self, article_ids: list) -> None:
        if not article_ids:
            self.model.refresh()
        else:
            self.model.refresh_articles(article_ids)

    def _update_count(self) -> None:
        n = self.model.total if self.model.total_known else f"≥ {self.model.total}"
        self.count_label.setText(ngettext("{n} article", "{n} articles", n).format(n=n))

    # -- selection -------------------------------------------------------------------------
    def current_article_id(self) -> int | None:
        return self.model.article_id(self.table.currentIndex().row())

    def selected_article_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        ids = [self.model.article_id(r) for r in rows]
        return [i for i in ids if i is not None] or ([self.current_article_id()] if self.current_article_id() else [])

    def select_article(self, article_id: int, emit: bool = True) -> bool:
        row = self.model.row_of(article_id)
        while row is None and self.model.canFetchMore():
            self.model.fetchMore()
            row = self.model.row_of(article_id)
        if row is None:
            return False
        if not emit:
            self.table.selectionModel().blockSignals(True)
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        if not emit:
            self.table.selectionModel().blockSignals(False)
        return True

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def _current_changed(self, current, _previous) -> None:
        self.article_selected.emit(self.model.article_id(current.row()) or 0)
