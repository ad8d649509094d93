"""The library-wide review queue: facts filtered by status, kind, confidence and text,
reviewed from the keyboard, with bulk accept/reject of everything the filter shows."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer
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

from ...core.facts import KINDS
from ...store import articles as articles_store
from ...store import views
from ..commands.undo_commands import BulkFactStatus, SetFactStatus, push
from ..models import kinds
from ..runtime import i18n
from ..runtime.i18n import _, ngettext
from .facts_panel import FactReviewView

BULK_AT_ONCE = 2000  # facts a bulk review writes on the GUI thread; more go to the background worker
TEXT_DELAY_MS = 300  # typing in the text filter applies it after this pause

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
        # Typing filters after a pause (each keystroke would start a scan of every fact's text);
        # Enter or clearing the box applies at once.
        self._text_timer = QTimer(self, singleShot=True, interval=TEXT_DELAY_MS)
        self._text_timer.timeout.connect(self.apply_filter)
        self.text_filter.returnPressed.connect(self.apply_filter)
        self.text_filter.textChanged.connect(lambda t: self._text_timer.start() if t else self.apply_filter())

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
        self.splitter.setChildrenCollapsible(False)
        self.view.setMinimumHeight(180)
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
        self._text_timer.stop()
        flt = self.current_filter()
        if flt != self.view.model.filter:
            self.view.set_filter(flt)

    def reload(self) -> None:
        self._text_timer.stop()
        self.view.set_filter(self.current_filter())

    def bulk(self, status: str, confirm: bool = True) -> int:
        """Accept or reject every fact the table shows (its filter, not only the loaded rows).
        A few thousand are written at once; more by the background worker, with progress."""
        model = self.view.model
        flt = model.filter
        n = model.total if model.total_known else model._bounded(lambda lib: views.count_facts(lib, flt))
        if n is None:
            self._status_message(_("Still counting the facts shown; try again in a moment."))
            return 0
        if not n:
            return 0
        if confirm:
            verb = _("Accept") if status == "accepted" else _("Reject")
            answer = QMessageBox.question(self, verb, ngettext("{verb} the {n} fact shown? (Ctrl+Z undoes it.)",
                                                               "{verb} all {n} facts shown? (Ctrl+Z undoes it.)", n).format(
                verb=verb, n=n))
            if answer != QMessageBox.StandardButton.Yes:
                return 0
        if n <= BULK_AT_ONCE:
            ids = views.fact_ids(self.ctx.lib, flt)
            push(self.ctx, SetFactStatus(self.ctx, ids, status))
            return len(ids)
        window = self.window()
        progress = getattr(window, "progress", None)

        def track(handle, title):
            progress.track(handle, title)
            progress.cancel_button.setEnabled(False)  # one transaction: it completes or fails whole

        push(self.ctx, BulkFactStatus(self.ctx, flt, status, n, track=track if progress is not None else None))
        return n

    def _status_message(self, text: str) -> None:
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(text, 5000)

    def show_context(self, fact_id: int) -> None:
        fact = views.fact_row(self.ctx.lib, fact_id) if fact_id else None
        if fact is None:
            self.preview.setText("")
            return
        text = articles_store.article_text(self.ctx.lib, fact["article_id"]) or ""
        start, end = fact["start"], fact["end"]
        lo, hi = max(0, start - 80), min(len(text), end + 80)
        bg = kinds.background(fact["kind"]).name()
        body = (html.escape(text[lo:start]) + f"<span style='background:{bg}; font-weight:600'>"
                + html.escape(text[start:end]) + "</span>" + html.escape(text[end:hi]))
        title = html.escape(fact["article_title"] or "")
        self.preview.setText(f"<div style='color:gray'>{title} · {i18n.date_text(fact['published'])}</div>"
                             f"<div>{'…' if lo else ''}{body.replace(chr(10), ' ')}{'…' if hi < len(text) else ''}</div>")
