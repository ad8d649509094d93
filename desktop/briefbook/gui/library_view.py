"""The library panel: search box, filters and the lazily fetched article table.
While searching, the title cell shows the matching passage with the hits marked."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QRegularExpression, QSize, QTimer, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QRegularExpressionValidator, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
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

from ..store import notes, views
from . import kinds
from .i18n import _
from .library_model import (
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

_ISO_PREFIX = QRegularExpression(r"^\d{0,4}(-\d{0,2}(-\d{0,2})?)?$")


def snippet_html(title: str, snippet: str, spans: list[tuple[int, int]], mark: str) -> str:
    parts, pos = [], 0
    for start, end in sorted(spans):
        if start < pos:
            continue
        parts.append(html.escape(snippet[pos:start]))
        parts.append(f"<span style='background:{mark}; font-weight:600'>{html.escape(snippet[start:end])}</span>")
        pos = end
    parts.append(html.escape(snippet[pos:]))
    return f"<div>{html.escape(title)}</div><div style='color:gray'>{''.join(parts)}</div>"


class SnippetDelegate(QStyledItemDelegate):
    def paint(self, painter, option, index):
        data = index.data(SnippetRole)
        if not data:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        doc = QTextDocument()
        doc.setDefaultFont(opt.font)
        doc.setDocumentMargin(2)
        doc.setHtml(snippet_html(opt.text, data[0], data[1], kinds.note_background().name()))
        doc.setTextWidth(opt.rect.width())
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        painter.save()
        painter.translate(opt.rect.topLeft())
        painter.setClipRect(opt.rect.translated(-opt.rect.topLeft()))
        ctx = QAbstractTextDocumentLayout.PaintContext()
        if opt.state & QStyle.StateFlag.State_Selected:
            ctx.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(QPalette.ColorRole.HighlightedText))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(self, option, index):
        size = super().sizeHint(option, index)
        if index.data(SnippetRole):
            return QSize(size.width(), size.height() * 2 + 4)
        return size


class LibraryPanel(QWidget):
    article_selected = Signal(int)  # 0 = none

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.model = LibraryModel(ctx.lib, self)

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
        for box, first, values in ((self.lang_box, _("All languages"), views.languages(lib)),
                                   (self.source_box, _("All sources"), views.sources(lib)),
                                   (self.tag_box, _("All tags"), notes.all_tags(lib))):
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(first, None)
            for value in values:
                box.addItem(value, value)
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
        self.table.verticalHeader().setDefaultSectionSize(44 if flt.query else 22)
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
        for aid in article_ids:
            self.model.refresh_article(aid)

    def _update_count(self) -> None:
        self.count_label.setText(_("{n} articles").format(n=self.model.total))

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
