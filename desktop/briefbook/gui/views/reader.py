"""The reader: an article's cleaned text with its facts highlighted by kind, its notes
marked, a metadata header and a legend; the original text as imported on demand."""

from __future__ import annotations

import html
from pathlib import PurePath

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QColor, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...core.facts import KINDS
from ...store import articles as articles_store
from ...store import facts as facts_store
from ...store import notes
from ..models import kinds
from ..models.spans import OffsetMap
from ..runtime import i18n
from ..runtime.i18n import _
from ..runtime.settings import READER_HIDDEN_KINDS
from .duplicates import DuplicateBar

NOTE = "note"  # the legend entry for notes and highlights
LONG_KINDS = ("event", "agreement")
LONG_SPAN = 25  # characters; a longer highlight is drawn as an underline only


def is_long_span(fact) -> bool:
    return fact.kind in LONG_KINDS or fact.end - fact.start > LONG_SPAN


class ArticleReader(QWidget):
    fact_clicked = Signal(int)
    add_fact_requested = Signal(int, int)  # code-point span
    highlight_requested = Signal(int, int)
    note_requested = Signal(int, int)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.article = None
        self.facts = []
        self.annotations = []
        self.offsets = OffsetMap("")
        self.showing_original = False
        self.selected_fact: int | None = None

        self.header = QLabel()
        self.header.setObjectName("readerHeader")
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.header.setTextFormat(Qt.TextFormat.RichText)

        self.original_button = QToolButton()
        self.original_button.setText(_("Original text"))
        self.original_button.setCheckable(True)
        self.original_button.setToolTip(_("Show the text exactly as imported, before cleaning"))
        self.original_button.toggled.connect(self.set_show_original)

        self.source_button = QToolButton()
        self.source_button.setText(_("Source…"))
        self.source_button.setToolTip(_("The publisher and web address books print for this article"))
        self.source_button.clicked.connect(self.edit_source)

        self.dup_bar = DuplicateBar(ctx)
        self.hidden_kinds = {k for k in ctx.settings.get(READER_HIDDEN_KINDS).split(",") if k}
        self.legend = QLabel()
        self.legend.setObjectName("legend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        self.legend.setToolTip(_("Click a kind to show or hide its highlights"))
        self.legend.linkActivated.connect(lambda kind: self.set_kind_visible(kind, kind in self.hidden_kinds))

        self.text = QTextEdit()
        self.text.setReadOnly(True)
        self.text.setUndoRedoEnabled(False)  # the highlights are no edits to undo (decisions have their own undo)
        self.text.setObjectName("readerText")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.text.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.text.customContextMenuRequested.connect(self._context_menu)
        self.text.document().setDocumentMargin(12)

        self.add_fact_action = QAction(_("Add fact…"), self)
        self.add_fact_action.triggered.connect(lambda: self._emit_for_selection(self.add_fact_requested))
        self.highlight_action = QAction(_("Highlight"), self)
        self.highlight_action.triggered.connect(lambda: self._emit_for_selection(self.highlight_requested))
        self.note_action = QAction(_("Add note…"), self)
        self.note_action.triggered.connect(lambda: self._emit_for_selection(self.note_requested))
        self.text.copyAvailable.connect(self._selection_changed)
        self._selection_changed(False)

        legend_row = QHBoxLayout()
        legend_row.addWidget(self.legend, 1)
        legend_row.addWidget(self.source_button, 0)
        legend_row.addWidget(self.original_button, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.header)
        layout.addWidget(self.dup_bar)
        layout.addLayout(legend_row)
        layout.addWidget(self.text, 1)
        self._render_legend()
        self.show_article(None)

    # -- loading ----------------------------------------------------------------
    def show_article(self, article_id: int | None) -> None:
        lib = self.ctx.lib
        self.article = articles_store.get_article(lib, article_id) if article_id else None
        self.selected_fact = None
        if self.article is None:
            self.facts, self.annotations = [], []
            hint = html.escape(_("Choose an article in the library."))  # (pybabel misses _() inside f-strings)
            self.header.setText(f"<span style='color:gray'>{hint}</span>")
            self.text.clear()
            self.offsets = OffsetMap("")
            self.dup_bar.show_article(None)
            return
        self.facts = facts_store.facts_for_article(lib, article_id)
        self.annotations = [a for a in notes.annotations_for_article(lib, article_id) if a.start is not None]
        self._render_header()
        self.dup_bar.show_article(self.article)
        self._render_text()

    def reload(self) -> None:
        if self.article is not None:
            keep, scroll = self.selected_fact, self.text.verticalScrollBar().value()
            self.show_article(self.article.id)
            self.text.verticalScrollBar().setValue(scroll)
            if keep:
                self.select_fact(keep, scroll_to=False)

    def edit_source(self, values: tuple[str, str] | None = None) -> str | None:
        """Type the article's publisher and URL (``values``: without the dialog); returns
        the error, if the URL is no web address."""
        if self.article is None:
            return None
        asked = values is None
        if values is None:
            from ..dialogs.small import SourceDialog

            dialog = SourceDialog(self.article.source or "", self.article.url or "", self)
            if not dialog.exec():
                return None
            values = dialog.values()
        from ..commands.undo_commands import SetSourceDetails, push

        error = push(self.ctx, SetSourceDetails(self.ctx, self.article.id, *values))
        if error and asked:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self, _("Source of the article"), error)
        self.reload()
        return error

    def _render_header(self) -> None:
        a = self.article
        meta = [a.source, i18n.date_text(a.published), i18n.language_name(a.lang), a.author]
        meta = " · ".join(html.escape(m) for m in meta if m)
        # Publisher and date are in the meta line; then the URL; the imported file's name
        # (never its path) only when nothing else says where the article comes from.
        if a.url:
            where = a.url
        elif a.format == "paste":
            where = _("pasted text")
        elif a.path and not (a.source or a.published):
            where = PurePath(a.path).name
        else:
            where = ""
        where = html.escape(where)
        counts = facts_store.status_counts(self.ctx.lib, a.id)
        facts_line = _("{p} proposed · {a} accepted · {r} rejected").format(
            p=counts["proposed"], a=counts["accepted"] + counts["edited"], r=counts["rejected"])
        self.header.setText(
            f"<div style='font-size:13pt; font-weight:600'>{html.escape(a.display_title(80))}</div>"
            f"<div>{meta}</div><div style='color:gray'>{where}</div><div style='color:gray'>{facts_line}</div>")

    def _render_legend(self) -> None:
        """One link per kind: short kinds as a colour swatch, long ones (events, agreements)
        underlined as in the text; a hidden kind is greyed and struck through."""
        parts = []
        text_color = self.palette().color(self.foregroundRole()).name()
        for kind in (*KINDS, NOTE):
            name = html.escape(_("Note") if kind == NOTE else kinds.label(kind))
            if kind in self.hidden_kinds:
                style = "color:gray; text-decoration:line-through"
            elif kind == NOTE:
                style = f"color:{text_color}; text-decoration:none; background:{kinds.note_background().name()}"
            elif kind in LONG_KINDS:
                style = f"color:{kinds.underline(kind).name()}; text-decoration:underline; font-weight:600"
            else:
                style = f"color:{text_color}; text-decoration:none; background:{kinds.background(kind).name()}"
            parts.append(f"<a href='{kind}' style='{style}'>&nbsp;{name}&nbsp;</a>")
        self.legend.setText(" ".join(parts))

    def kind_visible(self, kind: str) -> bool:
        return kind not in self.hidden_kinds

    def set_kind_visible(self, kind: str, visible: bool) -> None:
        """Show or hide the highlights of one kind ("note" for notes); remembered in settings."""
        if visible:
            self.hidden_kinds.discard(kind)
        else:
            self.hidden_kinds.add(kind)
        self.ctx.settings.set(READER_HIDDEN_KINDS, ",".join(sorted(self.hidden_kinds)))
        self._render_legend()
        if self.article is not None:
            keep = self.selected_fact
            self._render_text()
            if keep:
                self.select_fact(keep, scroll_to=False)

    def _render_text(self) -> None:
        a = self.article
        # setPlainText inserts with the editor's current character format: after a jump
        # into a highlight that would paint the whole reloaded text in the fact's colour.
        self.text.setCurrentCharFormat(QTextCharFormat())
        if self.showing_original:
            self.text.setPlainText(a.original or a.text)
            self.offsets = OffsetMap("")
            return
        self.text.setPlainText(a.text)
        self.offsets = OffsetMap(a.text)
        cursor = QTextCursor(self.text.document())
        # one edit block: the layout is redone once at the end, not after every highlight
        # (a paragraph with thousands of facts would take minutes, laid out again for each)
        cursor.beginEditBlock()
        if NOTE not in self.hidden_kinds:
            for ann in self.annotations:
                fmt = QTextCharFormat()
                fmt.setBackground(kinds.note_background())
                if ann.note:
                    fmt.setToolTip(ann.note)
                self._apply(cursor, ann.start, ann.end, fmt)
        shown = [f for f in self.facts if f.status != "rejected" and f.kind not in self.hidden_kinds]
        # Long spans first, as a coloured underline only; then the short ones (names,
        # figures) as a background on top, so a sentence-long event does not paint
        # the whole paragraph and the names inside it stay distinct.
        for fact in sorted(shown, key=lambda f: not is_long_span(f)):
            fmt = QTextCharFormat()
            if is_long_span(fact):
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(kinds.underline(fact.kind))
            else:
                fmt.setBackground(kinds.background(fact.kind))
            fmt.setToolTip(f"{kinds.label(fact.kind)} · {kinds.status_label(fact.status)}")
            if fact.status in ("accepted", "edited"):
                fmt.setFontWeight(600)
            self._apply(cursor, fact.start, fact.end, fmt)
        cursor.endEditBlock()
        self.text.moveCursor(QTextCursor.MoveOperation.Start)

    def _apply(self, cursor: QTextCursor, start: int, end: int, fmt: QTextCharFormat) -> None:
        cursor.setPosition(self.offsets.to_utf16(start))
        cursor.setPosition(self.offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)

    def set_show_original(self, on: bool) -> None:
        self.showing_original = on
        if self.original_button.isChecked() != on:
            self.original_button.setChecked(on)
        if self.article is not None:
            self._render_text()
        self._selection_changed(False)

    # -- selection and clicks -------------------------------------------------------
    def select_fact(self, fact_id: int, scroll_to: bool = True) -> None:
        fact = next((f for f in self.facts if f.id == fact_id), None)
        self.selected_fact = fact_id if fact else None
        if fact is None or self.showing_original:
            self.text.setExtraSelections([])
            return
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(self.offsets.to_utf16(fact.start))
        cursor.setPosition(self.offsets.to_utf16(fact.end), QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cursor
        fmt = QTextCharFormat()
        fmt.setBackground(kinds.underline(fact.kind))
        fmt.setForeground(QColor("white") if not kinds.is_dark() else QColor("black"))
        fmt.setProperty(QTextFormat.Property.FullWidthSelection, False)
        sel.format = fmt
        self.text.setExtraSelections([sel])
        if scroll_to:
            view_cursor = QTextCursor(self.text.document())
            view_cursor.setPosition(self.offsets.to_utf16(fact.start))
            self.text.setTextCursor(view_cursor)
            self.text.ensureCursorVisible()

    def fact_at(self, codepoint: int):
        hits = [f for f in self.facts if f.start <= codepoint < f.end and f.status != "rejected"
                and f.kind not in self.hidden_kinds]
        return min(hits, key=lambda f: f.end - f.start) if hits else None

    def click_at_codepoint(self, codepoint: int) -> None:
        fact = self.fact_at(codepoint)
        if fact is not None:
            self.select_fact(fact.id, scroll_to=False)
            self.fact_clicked.emit(fact.id)

    def watch_clicks(self) -> None:
        """A click on a highlight selects its fact (the main window starts this after its
        first paint, see first_paint.py)."""
        self.text.viewport().installEventFilter(self)

    def eventFilter(self, obj, event):
        if (obj is self.text.viewport() and event.type() == QEvent.Type.MouseButtonRelease
                and event.button() == Qt.MouseButton.LeftButton and not self.text.textCursor().hasSelection()
                and not self.showing_original and self.article is not None):
            pos = self.text.cursorForPosition(event.position().toPoint()).position()
            self.click_at_codepoint(self.offsets.to_codepoint(pos))
        return super().eventFilter(obj, event)

    def selection_span(self) -> tuple[int, int] | None:
        cursor = self.text.textCursor()
        if not cursor.hasSelection() or self.showing_original or self.article is None:
            return None
        start = self.offsets.to_codepoint(cursor.selectionStart())
        end = self.offsets.to_codepoint(cursor.selectionEnd())
        return (start, end) if end > start else None

    def select_span(self, start: int, end: int) -> None:
        """Select code points [start, end) (used by tests and by 'jump to span')."""
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(self.offsets.to_utf16(start))
        cursor.setPosition(self.offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)
        self._selection_changed(True)

    def _selection_changed(self, has: bool) -> None:
        enabled = bool(has) and not self.showing_original and self.article is not None
        for action in (self.add_fact_action, self.highlight_action, self.note_action):
            action.setEnabled(enabled)

    def _emit_for_selection(self, signal) -> None:
        span = self.selection_span()
        if span:
            signal.emit(*span)

    def _context_menu(self, pos) -> None:
        menu = QMenu(self)
        menu.addAction(self.add_fact_action)
        menu.addAction(self.highlight_action)
        menu.addAction(self.note_action)
        menu.addSeparator()
        copy = menu.addAction(_("Copy"))
        copy.triggered.connect(self.text.copy)
        menu.exec(self.text.viewport().mapToGlobal(pos))
