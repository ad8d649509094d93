"""The library-wide review queue: facts filtered by status, kind, confidence and text,
reviewed from the keyboard, with bulk accept/reject of everything the filter shows."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..core.facts import KINDS
from ..store import views
from . import kinds
from .facts_panel import FactReviewView
from .i18n import _
from .undo_commands import SetFactStatus, push

STATUS_CHOICES = ((("proposed",), "proposed"), (("accepted", "edited"), "accepted"), (("rejected",), "rejected"),
                  ((), "all"))


class ReviewQueue(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.status_box = QComboBox()
        labels = {"proposed": _("Proposed"), "accepted": _("Accepted"), "rejected": _("Rejected"), "all": _("All")}
        for statuses, key in STATUS_CHOICES:
            self.status_box.addItem(labels[key], statuses)
        self.kind_box = QComboBox()
        self.kind_box.addItem(_("All kinds"), None)
        for k in KINDS:
            self.kind_box.addItem(kinds.label(k), k)
        self.min_conf = QDoubleSpinBox()
        self.min_conf.setRange(0.0, 1.0)
        self.min_conf.setSingleStep(0.05)
        self.min_conf.setDecimals(2)
        self.min_conf.setPrefix("≥ ")
        self.min_conf.setToolTip(_("Minimum confidence"))
        self.text_filter = QLineEdit()
        self.text_filter.setPlaceholderText(_("Filter by text"))
        self.text_filter.setClearButtonEnabled(True)
        self.accept_all = QPushButton(_("Accept all shown…"))
        self.reject_all = QPushButton(_("Reject all shown…"))
        self.accept_all.clicked.connect(lambda: self.bulk("accepted"))
        self.reject_all.clicked.connect(lambda: self.bulk("rejected"))
        for w in (self.status_box, self.kind_box):
            w.currentIndexChanged.connect(self.apply_filter)
        self.min_conf.valueChanged.connect(self.apply_filter)
        self.text_filter.returnPressed.connect(self.apply_filter)
        self.text_filter.textChanged.connect(lambda t: self.apply_filter() if not t else None)

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for label, w in ((_("Status"), self.status_box), (_("Kind"), self.kind_box), (_("Confidence"), self.min_conf)):
            bar.addWidget(QLabel(label))
            bar.addWidget(w)
        bar.addWidget(self.text_filter, 1)
        bar.addWidget(self.accept_all)
        bar.addWidget(self.reject_all)

        self.view = FactReviewView(ctx, library_wide=True)
        self.preview = QLabel()
        self.preview.setObjectName("contextPreview")
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.RichText)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.preview.setMinimumHeight(60)
        self.view.current_fact_changed.connect(self.show_context)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        # No refresh on articles_changed: new articles bring no facts until extraction,
        # which emits facts_changed; recounting 200,000 facts after every import would stall.

    def current_filter(self) -> views.FactFilter:
        kind = self.kind_box.currentData()
        conf = self.min_conf.value()
        return views.FactFilter(statuses=tuple(self.status_box.currentData() or ()), kinds=(kind,) if kind else (),
                                min_confidence=conf if conf > 0 else None, text=self.text_filter.text())

    def apply_filter(self, *_args) -> None:
        self.view.set_filter(self.current_filter())

    def reload(self) -> None:
        self.apply_filter()

    def bulk(self, status: str, confirm: bool = True) -> int:
        ids = views.fact_ids(self.ctx.lib, self.current_filter())
        if not ids:
            return 0
        if confirm:
            verb = _("Accept") if status == "accepted" else _("Reject")
            answer = QMessageBox.question(self, verb, _("{verb} all {n} facts shown? (Ctrl+Z undoes it.)").format(
                verb=verb, n=len(ids)))
            if answer != QMessageBox.StandardButton.Yes:
                return 0
        push(self.ctx, SetFactStatus(self.ctx, ids, status))
        return len(ids)

    def show_context(self, fact_id: int) -> None:
        fact = views.fact_row(self.ctx.lib, fact_id) if fact_id else None
        if fact is None:
            self.preview.setText("")
            return
        text = self.ctx.lib.scalar("SELECT text FROM articles WHERE id = ?", (fact["article_id"],)) or ""
        start, end = fact["start"], fact["end"]
        lo, hi = max(0, start - 80), min(len(text), end + 80)
        bg = kinds.background(fact["kind"]).name()
        body = (html.escape(text[lo:start]) + f"<span style='background:{bg}; font-weight:600'>"
                + html.escape(text[start:end]) + "</span>" + html.escape(text[end:hi]))
        title = html.escape(fact["article_title"] or "")
        self.preview.setText(f"<div style='color:gray'>{title} · {fact['published'] or ''}</div>"
                             f"<div>{'…' if lo else ''}{body.replace(chr(10), ' ')}{'…' if hi < len(text) else ''}</div>")
