"""Export a book to PDF or DOCX: format, locale, template, draft watermark and
path; the export runs off the main thread with progress and Cancel; afterwards
"Open file", "Show in folder" and a preview of the PDF's first pages (rendered
with poppler's pdftoppm when it is installed; QtPdf is not in PySide6-Essentials)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...store import books as book_store
from ..runtime.i18n import _
from ..runtime.settings import Setting
from .export_check import ExportCheck

EXPORT_DIR = Setting("export/last_dir", str, "")
EXPORT_FORMAT = Setting("export/format", str, "pdf")
PREVIEW_PAGES = 3
PREVIEW_HEIGHT = 300  # pixels: whole pages side by side, legible headings

LOCALES = (("en", "English"), ("de", "Deutsch"), ("zh-Hans", "简体中文"), ("zh-Hant", "繁體中文"), ("ja", "日本語"))


def template_label(name: str) -> str:
    return {"official": _("Official"), "compact": _("Compact")}.get(name, name.title())


def render_preview(pdf: Path, pages: int = PREVIEW_PAGES, dpi: int = 60) -> list[Path]:
    """PNG files of the PDF's first pages, or [] when pdftoppm is not installed."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        return []
    out = Path(tempfile.mkdtemp(prefix="briefbook-preview-"))
    subprocess.run([tool, "-png", "-r", str(dpi), "-f", "1", "-l", str(pages), str(pdf), str(out / "page")],
                   check=True, capture_output=True, timeout=60)
    return sorted(out.glob("page*.png"))


def safe_file_name(title: str) -> str:
    name = "".join(c if c.isalnum() or c in " -_.()" else "_" for c in title).strip(" ._")
    return name or "briefing-book"


class ExportDialog(QDialog):
    entity_requested = Signal(int)  # a finding of the check before export asks to show this entity
    jump_requested = Signal(object)  # ... or to open where it is fixed (a target dict: kind, id, within, field)

    def __init__(self, ctx, book_id: int, parent=None):
        super().__init__(parent)
        self.ctx, self.book_id = ctx, book_id
        self.book = book_store.get_book(ctx.lib, book_id)
        self.handle = None
        self.result_path: Path | None = None
        self.preview_files: list[Path] = []
        self.error: str | None = None
        self._running = False
        self.setObjectName("exportDialog")
        self.setWindowTitle(_("Export “{title}”").format(title=self.book["title"]))

        self.pdf = QRadioButton(_("PDF — to print and read on a tablet"))
        self.docx = QRadioButton(_("Word (DOCX) — for further editing"))
        group = QButtonGroup(self)
        for b in (self.pdf, self.docx):
            group.addButton(b)
            b.toggled.connect(self._format_changed)
        # locale_box: the same combo, typed (the name locale hides QWidget.locale())
        self.locale = self.locale_box = QComboBox()
        for code, name in LOCALES:
            self.locale.addItem(name, code)
        self.locale.setCurrentIndex(max(0, self.locale.findData(self.book["locale"])))
        self.template = QComboBox()
        from ...services.exporting import available_templates  # the writers load on first use

        for name in available_templates():
            self.template.addItem(template_label(name), name)
        self.template.setCurrentIndex(max(0, self.template.findData(self.book["template"])))
        self.draft = QCheckBox(_("Draft watermark on every page"))
        self.draft.setChecked(bool(self.book["draft"]))
        self.path = QLineEdit()
        self.path.setObjectName("exportPath")
        self.path.setMinimumWidth(380)
        browse = QPushButton(_("Choose…"))
        browse.clicked.connect(self.choose_path)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        formats = QVBoxLayout()
        formats.setSpacing(2)
        formats.addWidget(self.pdf)
        formats.addWidget(self.docx)

        form = QFormLayout()
        form.addRow(_("Format:"), formats)
        form.addRow(_("Language of labels and dates:"), self.locale)
        form.addRow(_("Template:"), self.template)
        form.addRow("", self.draft)
        form.addRow(_("Save as:"), path_row)
        settings_box = QGroupBox(_("Export settings"))
        settings_box.setLayout(form)

        self.check = ExportCheck(ctx, book_id)
        self.check.entity_requested.connect(self.entity_requested)
        self.check.jump_requested.connect(self.jump_requested)
        self.locale_box.currentIndexChanged.connect(self.refresh_check)
        self.template.currentIndexChanged.connect(self.refresh_check)

        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.status = QLabel(_("Ready."))
        self.status.setObjectName("exportStatus")
        self.status.setWordWrap(True)
        self.open_button = QPushButton(_("Open file"))
        self.folder_button = QPushButton(_("Show in folder"))
        self.open_button.clicked.connect(lambda: self._open(self.result_path))
        self.folder_button.clicked.connect(lambda: self._open(self.result_path.parent if self.result_path else None))
        after = QHBoxLayout()
        after.addWidget(self.status, 1)
        after.addWidget(self.open_button)
        after.addWidget(self.folder_button)

        self.pages = QWidget()
        self.pages_layout = QHBoxLayout(self.pages)
        self.pages_layout.setContentsMargins(6, 6, 6, 6)
        self.pages_layout.setSpacing(10)
        self.preview_note = QLabel(_("A preview of the first pages appears here after a PDF export."))
        self.preview_note.setObjectName("hint")
        self.pages_layout.addWidget(self.preview_note)
        self.pages_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("exportPreview")
        scroll.setWidget(self.pages)
        scroll.setWidgetResizable(True)
        scroll.setMinimumHeight(PREVIEW_HEIGHT + 36)
        preview_box = QGroupBox(_("Preview"))
        QVBoxLayout(preview_box).addWidget(scroll)

        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(_("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(_("Cancel export"), QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button.clicked.connect(self.cancel_export)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(settings_box)
        layout.addWidget(self.check, 2)
        layout.addWidget(self.progress)
        layout.addLayout(after)
        layout.addWidget(preview_box, 1)
        layout.addWidget(self.buttons)
        fmt = ctx.settings.get(EXPORT_FORMAT)
        (self.docx if fmt == "docx" else self.pdf).setChecked(True)
        self._set_running(False)
        self._show_done(False)
        self.refresh_check()
        self.resize(860, 960)

    # -- choices -----------------------------------------------------------------------
    def refresh_check(self, *_a) -> None:
        """The check before export, for the locale and template now chosen."""
        self.check.refresh(self.locale_box.currentData(), self.template.currentData())

    @property
    def fmt(self) -> str:
        return "docx" if self.docx.isChecked() else "pdf"

    def _default_path(self) -> str:
        folder = self.ctx.settings.get(EXPORT_DIR) or str(Path.home())
        return str(Path(folder) / f"{safe_file_name(self.book['title'])}.{self.fmt}")

    def _format_changed(self, *_a) -> None:
        text = self.path.text().strip()
        if not text:
            self.path.setText(self._default_path())
        else:
            self.path.setText(str(Path(text).with_suffix("." + self.fmt)))
        self.draft.setEnabled(True)

    def choose_path(self) -> None:
        filters = _("PDF document") + " (*.pdf)" if self.fmt == "pdf" else _("Word document") + " (*.docx)"
        path, _f = QFileDialog.getSaveFileName(self, _("Export book"), self.path.text() or self._default_path(), filters)
        if path:
            if not path.lower().endswith("." + self.fmt):
                path += "." + self.fmt
            self.path.setText(path)

    # -- running ---------------------------------------------------------------------------------
    def _set_running(self, running: bool) -> None:
        self.export_button.setEnabled(not running)
        self.cancel_button.setVisible(running)
        self.close_button.setEnabled(not running)
        self.progress.setVisible(True)

    def _show_done(self, done: bool) -> None:
        self.open_button.setVisible(done)
        self.folder_button.setVisible(done)

    def start_export(self) -> None:
        text = self.path.text().strip()
        if not text:
            self.choose_path()
            text = self.path.text().strip()
            if not text:
                return
        target = Path(text).expanduser()
        if target.suffix.lower() != "." + self.fmt:
            target = target.with_suffix("." + self.fmt)
            self.path.setText(str(target))
        self.ctx.settings.set(EXPORT_DIR, str(target.parent))
        self.ctx.settings.set(EXPORT_FORMAT, self.fmt)
        self.result_path, self.error = None, None
        self._show_done(False)
        self._clear_preview(_("Exporting…"))
        self.progress.setValue(0)
        self.status.setText(_("Exporting…"))
        self._set_running(True)
        lib, book_id, fmt = self.ctx.lib, self.book_id, self.fmt
        locale, template, draft = self.locale.currentData(), self.template.currentData(), self.draft.isChecked()

        def job(progress, token):
            from ...services.assembling import assemble_book
            from ...services.exporting import ExportCancelled, export_book, localise_book

            book = localise_book(replace(assemble_book(lib, book_id), locale=locale, template=template, draft=draft))
            try:
                path = export_book(book, target, fmt=fmt, progress=lambda f, m: progress(int(f * 1000), 1000, m),
                                   cancel=lambda: token.cancelled)
            except ExportCancelled:
                return {"cancelled": True}
            previews = []
            if fmt == "pdf":
                try:
                    previews = render_preview(path)
                except (OSError, subprocess.SubprocessError):
                    previews = []
            return {"path": path, "previews": previews}

        self._running = True
        handle = self.ctx.executor.submit(_("Export"), job, on_result=self._done, on_error=self._failed,
                                          on_progress=self._progressed)
        self.handle = handle if self._running else None  # a synchronous executor has finished already

    def cancel_export(self) -> None:
        if self.handle is not None:
            self.handle.cancel()
            self.status.setText(_("Cancelling…"))

    def _progressed(self, done: int, total: int, message: str) -> None:
        self.progress.setValue(done)

    def _done(self, result) -> None:
        self.handle, self._running = None, False
        self._set_running(False)
        if not result or result.get("cancelled"):
            self.progress.setValue(0)
            self.status.setText(_("Export cancelled; no file was written."))
            self._clear_preview(_("No preview."))
            return
        self.result_path = Path(result["path"])
        self.progress.setValue(1000)
        size = self.result_path.stat().st_size / 1024
        self.status.setText(_("Saved {name} ({size} KB).").format(name=self.result_path.name, size=f"{size:,.0f}"))
        self._show_done(True)
        self.show_preview(result.get("previews") or [])

    def _failed(self, message: str) -> None:
        self.handle, self._running = None, False
        self._set_running(False)
        self.progress.setValue(0)
        self.error = message
        self.status.setText("<span style='color:#b71c1c'><b>{}</b> {}</span>".format(
            _("Export failed:"), _escape(message)))
        self._clear_preview(_("No preview."))

    # -- after ------------------------------------------------------------------------------------
    def _clear_preview(self, note: str) -> None:
        while self.pages_layout.count():
            item = self.pages_layout.takeAt(0)
            if item.widget() is not None and item.widget() is not self.preview_note:
                item.widget().deleteLater()
        self.preview_note.setText(note)
        self.pages_layout.addWidget(self.preview_note)
        self.pages_layout.addStretch(1)

    def show_preview(self, files: list[Path]) -> None:
        self.preview_files = files
        if not files:
            note = (_("Preview needs poppler's pdftoppm, which is not installed.") if self.fmt == "pdf"
                    and shutil.which("pdftoppm") is None else _("Preview is shown for PDF exports."))
            self._clear_preview(note)
            return
        while self.pages_layout.count():
            item = self.pages_layout.takeAt(0)
            if item.widget() is not None and item.widget() is not self.preview_note:
                item.widget().deleteLater()
        self.preview_note.setText("")
        for f in files:
            page = QLabel()
            page.setObjectName("previewPage")
            pixmap = QPixmap(str(f))
            if pixmap.height() > PREVIEW_HEIGHT:
                pixmap = pixmap.scaledToHeight(PREVIEW_HEIGHT, Qt.TransformationMode.SmoothTransformation)
            page.setPixmap(pixmap)
            page.setStyleSheet("QLabel#previewPage { border: 1px solid #9aa0a6; background: white; }")
            self.pages_layout.addWidget(page)
        self.pages_layout.addStretch(1)

    def _open(self, path: Path | None) -> None:
        if path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def reject(self) -> None:
        if self.handle is not None:
            self.cancel_export()
            return
        super().reject()


def _escape(text: str) -> str:
    import html

    return html.escape(text)
