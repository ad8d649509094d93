"""Import from the GUI: files, folders, drops and pasted text run on the background
worker with progress and Cancel; the report follows, then extraction of the new
articles with its own progress.  Files and folders go the way ``briefbook import``
goes (services.extraction.import_and_extract): storing and extracting are one job in
one pool of worker processes, and the report shows while the extraction runs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from ..runtime import i18n
from ..runtime.i18n import _, ngettext
from ..runtime.settings import EXTRACT_AFTER_IMPORT

if TYPE_CHECKING:
    from ...services.importing import ImportReport


class ProgressArea(QWidget):
    """Status-bar progress for the running job, with Cancel; hidden when idle."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(220)
        self.bar.setMaximumHeight(16)
        self.cancel_button = QPushButton(_("Cancel"))
        self.cancel_button.clicked.connect(self._cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self.handle = None
        self.hide()

    def track(self, handle, title: str) -> None:
        self.handle = handle
        self.label.setText(title)
        self.bar.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        handle.progressed.connect(self._progress)
        handle.finished.connect(self._finished)
        self.show()

    def _progress(self, done: int, total: int, _message: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.bar.setFormat(f"{done} / {total}")

    def _cancel(self) -> None:
        if self.handle is not None:
            self.handle.cancel()
            self.cancel_button.setEnabled(False)
            self.label.setText(_("Stopping…"))

    def _finished(self) -> None:
        self.handle = None
        self.hide()

    def retitle(self, title: str) -> None:
        """The running job went on to its next step (an import to its extraction)."""
        if self.handle is not None:
            self.label.setText(title)


class ImportController(QObject):
    report_ready = Signal(object)  # ImportReport
    extraction_done = Signal(int)
    demo_ready = Signal()  # the demo library was built (or its building cancelled)
    # from the background job, between storing the files and extracting them (queued to this thread)
    _files_stored = Signal(object, bool)

    def __init__(self, ctx, progress: ProgressArea, parent_widget, show_dialogs: bool = True):
        super().__init__(parent_widget)
        self.ctx = ctx
        self.progress = progress
        self.parent_widget = parent_widget
        self.show_dialogs = show_dialogs
        self.last_report: ImportReport | None = None
        self.last_error: str | None = None
        self.dialog = None
        self._files_stored.connect(self._stored)

    # -- entry points ----------------------------------------------------------------------
    def import_paths(self, paths: list[str]) -> None:
        lib = self.ctx.lib
        paths = [str(p) for p in paths]
        queue = bool(self.ctx.settings.get(EXTRACT_AFTER_IMPORT))

        def job(progress, cancel):  # the importer (and the readers it loads) only when needed
            from ...services.extraction import import_and_extract

            # as briefbook import: storing and extracting in one job and one pool of workers
            return import_and_extract(lib, paths, progress=progress, cancel=cancel, batch_seconds=0.1,
                                      extract=queue, on_imported=lambda r: self._files_stored.emit(r, queue))

        self._run(_("Importing"), job, self._paths_done)

    def import_text(self, text: str, title: str | None = None) -> None:
        lib = self.ctx.lib
        queue = bool(self.ctx.settings.get(EXTRACT_AFTER_IMPORT))

        def job(progress, cancel):
            from ...services.importing import ImportReport, import_pasted

            outcome = import_pasted(lib, text, title, queue_extraction=queue)
            return ImportReport([outcome])

        self._run(_("Importing pasted text"), job, self._imported)

    def extract(self, article_ids: list[int] | None = None, force: bool = False) -> None:
        lib = self.ctx.lib

        def job(progress, cancel):
            from ...services.extraction import extract_articles
            from ...store.articles import article_ids as article_ids_of

            ids = article_ids
            if ids is None:
                ids = article_ids_of(lib)
            return extract_articles(lib, ids, progress=progress, cancel=cancel, force=force)

        self._run(_("Extracting facts"), job, self._extracted)

    def finish_queue(self) -> None:
        """Extract what imports queued, including what an interrupted import left."""
        lib = self.ctx.lib

        def job(progress, cancel):
            from ...services.extraction import finish_queue

            return finish_queue(lib, progress=progress, cancel=cancel)

        self._run(_("Extracting facts"), job, self._extracted)

    def build_demo(self) -> None:
        """First run: fill the new, empty library with the demo articles, trip and book."""
        lib = self.ctx.lib
        locale = {"zh_CN": "zh-Hans", "de": "de"}.get(i18n.current(), "en")  # the demo book in the UI's language

        def job(progress, cancel):
            from ...services.demo import fill_demo_library

            return fill_demo_library(lib, progress=progress, cancel=cancel, locale=locale)

        self._run(_("Building the demo library"), job, self._demo_built)

    def _demo_built(self, _count) -> None:
        self.ctx.events.articles_changed.emit()
        self.ctx.events.facts_changed.emit([])
        self.ctx.events.entities_changed.emit()
        self.extraction_done.emit(_count or 0)
        self.demo_ready.emit()

    def resume(self) -> None:
        """On opening a library: finish the extraction an interrupted import left queued."""
        from ...store.extraction_queue import queued_articles

        if not self.ctx.lib.readonly and queued_articles(self.ctx.lib):
            self.finish_queue()

    # -- plumbing -------------------------------------------------------------------------
    def _run(self, title: str, job, on_result) -> None:
        self.last_error = None
        handle = self.ctx.executor.submit(title, job, on_result=on_result, on_error=self._failed)
        if not self.ctx.executor.synchronous:
            # Signals from the worker are queued to this thread, so connecting now misses none.
            self.progress.track(handle, title)

    def _failed(self, message: str) -> None:
        self.last_error = message
        window = self.parent_widget.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(_("Failed: {message}").format(message=message), 15000)

    def _stored(self, report: ImportReport, extracting: bool) -> None:
        """The files are stored; the same job extracts them next (``extracting``)."""
        self._show_report(report)
        if extracting and not report.stopped and not report.cancelled:
            self.progress.retitle(_("Extracting facts"))

    def _paths_done(self, result) -> None:
        if result is None:  # cancelled before the files were stored
            return
        report, extracted = result
        if extracted is not None and (extracted or report.imported or report.resumed):
            self._extracted(extracted)

    def _imported(self, report: ImportReport | None) -> None:
        if report is None:
            return
        self._show_report(report)
        new_ids = [o.article_id for o in report.imported if o.article_id]
        if (new_ids or report.resumed) and self.ctx.settings.get(EXTRACT_AFTER_IMPORT):
            self.finish_queue()

    def _show_report(self, report: ImportReport) -> None:
        self.last_report = report
        self.ctx.events.articles_changed.emit()
        self.report_ready.emit(report)
        if self.show_dialogs and report.outcomes:
            from ..dialogs.small import ImportReportDialog

            self.dialog = ImportReportDialog(report, self.parent_widget)
            self.dialog.show()

    def _extracted(self, count) -> None:
        self.ctx.events.facts_changed.emit([])
        self.ctx.events.entities_changed.emit()
        self.ctx.events.articles_changed.emit()
        self.extraction_done.emit(count or 0)
        window = self.parent_widget.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(ngettext("Facts extracted from {n} article", "Facts extracted from {n} articles",
                                                        count or 0).format(n=count or 0), 8000)
