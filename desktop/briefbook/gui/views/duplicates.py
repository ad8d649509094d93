"""Near-duplicates in the reader: a bar above an article the import flagged as nearly
the same text as an earlier one, with Compare (both texts side by side, the
differing paragraphs marked), Keep both and Mark as duplicate.  Verdicts are
undoable (SetDuplicateStatus)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextEdit,
)

from ...store import articles as articles_store
from ..commands.undo_commands import SetDuplicateStatus, push
from ..models import kinds
from ..runtime import i18n
from ..runtime.i18n import _


def bar_colors(dark: bool) -> tuple[str, str, str]:
    """(background, border, text) of the bar: amber, readable in light and dark palettes."""
    return ("#4a3b12", "#8a6d00", "#f3e6bf") if dark else ("#fff4d6", "#e0b44c", "#3d2e00")


def diff_lines(a: str, b: str) -> tuple[set[int], set[int]]:
    """Indexes of the lines (paragraphs) of ``a`` and of ``b`` that the other text lacks."""
    import difflib  # only when two texts are compared, not at every start

    la, lb = a.split("\n"), b.split("\n")
    only_a, only_b = set(), set()
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, la, lb, autojunk=False).get_opcodes():
        if tag != "equal":
            only_a.update(range(i1, i2))
            only_b.update(range(j1, j2))
    return {i for i in only_a if la[i].strip()}, {j for j in only_b if lb[j].strip()}


class DuplicateBar(QFrame):
    """Shown above a suspected (or confirmed) near-duplicate."""

    verdict_given = Signal(int, str)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("duplicateBar")
        self.article = None
        self.other_id: int | None = None
        self.label = QLabel()
        self.label.setObjectName("duplicateText")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.compare_button = QPushButton(_("Compare"))
        self.keep_button = QPushButton(_("Keep both"))
        self.mark_button = QPushButton(_("Mark as duplicate"))
        self.compare_button.setToolTip(_("Show both texts side by side"))
        self.keep_button.setToolTip(_("They are different articles: remove the marker (Ctrl+Z undoes)"))
        self.mark_button.setToolTip(_("This article repeats the other one (Ctrl+Z undoes)"))
        self.compare_button.clicked.connect(self.compare)
        self.keep_button.clicked.connect(lambda: self.give_verdict("dismissed"))
        self.mark_button.clicked.connect(lambda: self.give_verdict("confirmed"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 6, 4)
        layout.addWidget(self.label, 1)
        for button in (self.compare_button, self.keep_button, self.mark_button):
            layout.addWidget(button)
        self.dialog: CompareDialog | None = None
        ctx.events.articles_changed.connect(self.refresh)
        self.hide()

    def _style(self) -> None:
        bg, border, fg = bar_colors(kinds.is_dark())
        self.setStyleSheet(f"QFrame#duplicateBar {{ background: {bg}; border: 1px solid {border}; border-radius: 3px; }}"
                           f" QLabel#duplicateText {{ color: {fg}; }}")

    def show_article(self, article) -> None:
        self.article = article
        self.refresh()

    def refresh(self) -> None:
        if self.article is None:
            self.hide()
            return
        state = articles_store.duplicate_state(self.ctx.lib, self.article.id)
        if state is None or not state["duplicate_of"] or state["duplicate_status"] not in ("suspected", "confirmed"):
            self.other_id = None
            self.hide()
            return
        self.other_id, score, status = state["duplicate_of"], state["duplicate_score"], state["duplicate_status"]
        title = articles_store.shown_title(self.ctx.lib, self.other_id) or _("(untitled)")
        label = _("article {n}").format(n=self.other_id)
        other = f"<b>{html.escape(label)}</b> «{html.escape(title[:60])}»"
        if status == "suspected":
            text = _("Possible duplicate of {other} (similarity {score}%)").format(
                other=other, score=round((score or 0) * 100))
        else:
            text = _("Marked as a duplicate of {other}").format(other=other)
        self.label.setText(text)
        self.keep_button.setText(_("Keep both") if status == "suspected" else _("Not a duplicate"))
        self.mark_button.setVisible(status == "suspected")
        self._style()
        self.show()

    def give_verdict(self, status: str) -> None:
        if self.article is None:
            return
        push(self.ctx, SetDuplicateStatus(self.ctx, self.article.id, status))
        self.verdict_given.emit(self.article.id, status)

    def compare(self, modal: bool = False) -> CompareDialog | None:
        if self.article is None or not self.other_id:
            return None
        other = articles_store.get_article(self.ctx.lib, self.other_id)
        if other is None:
            return None
        self.dialog = CompareDialog(other, articles_store.get_article(self.ctx.lib, self.article.id), self)
        self.dialog.keep_requested.connect(lambda: self.give_verdict("dismissed"))
        self.dialog.mark_requested.connect(lambda: self.give_verdict("confirmed"))
        if modal:
            self.dialog.exec()
        else:
            self.dialog.show()
        return self.dialog


class CompareDialog(QDialog):
    """Two articles side by side; paragraphs found in only one of them are marked."""

    keep_requested = Signal()
    mark_requested = Signal()

    def __init__(self, first, second, parent=None):
        super().__init__(parent)
        self.setWindowTitle(_("Compare articles {a} and {b}").format(a=first.id, b=second.id))
        self.left = self._pane(first)
        self.right = self._pane(second)
        only_left, only_right = diff_lines(first.text, second.text)
        self.only_left, self.only_right = only_left, only_right
        self._mark(self.left[1], only_left)
        self._mark(self.right[1], only_right)
        self.summary = QLabel(_("Paragraphs only in the first: {a} · only in the second: {b} (marked). The rest is the same.")
                              .format(a=len(only_left), b=len(only_right)))
        self.summary.setObjectName("hint")
        left_bar, right_bar = self.left[1].verticalScrollBar(), self.right[1].verticalScrollBar()
        left_bar.valueChanged.connect(lambda v: _follow(left_bar, right_bar, v))
        right_bar.valueChanged.connect(lambda v: _follow(right_bar, left_bar, v))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        keep = buttons.addButton(_("Keep both"), QDialogButtonBox.ButtonRole.ActionRole)
        mark = buttons.addButton(_("Mark as duplicate"), QDialogButtonBox.ButtonRole.ActionRole)
        keep.clicked.connect(lambda: (self.keep_requested.emit(), self.accept()))
        mark.clicked.connect(lambda: (self.mark_requested.emit(), self.accept()))
        buttons.rejected.connect(self.reject)
        grid = QGridLayout(self)
        grid.addWidget(self.left[0], 0, 0)
        grid.addWidget(self.right[0], 0, 1)
        grid.addWidget(self.left[1], 1, 0)
        grid.addWidget(self.right[1], 1, 1)
        grid.addWidget(self.summary, 2, 0, 1, 2)
        grid.addWidget(buttons, 3, 0, 1, 2)
        grid.setRowStretch(1, 1)
        self.resize(1100, 700)

    @staticmethod
    def _pane(article) -> tuple[QLabel, QTextEdit]:
        meta = " · ".join(html.escape(m) for m in (article.source, i18n.date_text(article.published), i18n.language_name(article.lang)) if m)
        label = _("Article {n}").format(n=article.id)
        head = QLabel(f"<b>{html.escape(label)}: "
                      f"{html.escape(article.title or _('(untitled)'))}</b><br><span style='color:gray'>{meta}</span>")
        head.setWordWrap(True)
        head.setTextFormat(Qt.TextFormat.RichText)
        text = QTextEdit()
        text.setReadOnly(True)
        text.setPlainText(article.text)
        return head, text

    @staticmethod
    def _mark(edit: QTextEdit, lines: set[int]) -> None:
        fmt = QTextCharFormat()
        fmt.setBackground(QColor("#5a4a14") if kinds.is_dark() else QColor("#fff0b3"))
        doc = edit.document()
        for n in lines:
            block = doc.findBlockByNumber(n)
            if block.isValid():
                cursor = QTextCursor(block)
                cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(fmt)

    def texts(self) -> tuple[str, str]:
        return self.left[1].toPlainText(), self.right[1].toPlainText()


def _follow(source, target, value: int) -> None:
    """Scroll the other text to the same relative place."""
    if source.maximum() and target.maximum():
        wanted = round(value / source.maximum() * target.maximum())
        if abs(target.value() - wanted) > 1:
            target.blockSignals(True)
            target.setValue(wanted)
            target.blockSignals(False)
