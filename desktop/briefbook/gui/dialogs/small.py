"""Small dialogs: import report, preferences, welcome, an article's source."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..models.import_reasons import failure_reason, warning_text
from ..runtime import i18n
from ..runtime.i18n import _, ngettext
from ..runtime.settings import EXTRACT_AFTER_IMPORT, LANGUAGE, READER_FONT_SIZE

_STATUS = {"imported": "✓", "near_duplicate": "≈", "duplicate": "=", "failed": "✗", "skipped": "–"}


def status_text(status: str) -> str:
    return {"imported": _("imported"), "near_duplicate": _("imported, near-duplicate"),
            "duplicate": _("already in the library"), "failed": _("failed"), "skipped": _("skipped")}.get(status, status)


def _outcome_reason(outcome) -> str:
    """Why a file was not simply imported, in the UI language (the import service words
    its reasons in English; a failure's reason is worded from its code)."""
    if outcome.status == "duplicate":
        return _("the same text is already in the library") if outcome.path == "(pasted text)" \
            else _("the same file is already in the library")
    if outcome.status == "near_duplicate" and outcome.duplicate_of:
        return _("nearly the same text as article {n}; kept and flagged").format(n=outcome.duplicate_of)
    if outcome.status == "failed":
        return failure_reason(getattr(outcome, "reason_code", None), getattr(outcome, "reason_params", None),
                              outcome.reason or "")
    if getattr(outcome, "warning", None):  # imported, but its text should be checked
        return warning_text(getattr(outcome, "warning_codes", None), outcome.warning)
    return outcome.reason or ""


class ImportReportDialog(QDialog):
    def __init__(self, report, parent=None):
        super().__init__(parent)
        self.setWindowTitle(_("Import report"))
        self.report = report
        near = len(report.by_status("near_duplicate"))
        summary = _("{i} imported, {d} already in the library, {f} failed").format(
            i=len(report.imported), d=len(report.duplicates), f=len(report.failures))
        if near:
            summary += " · " + ngettext("{n} flagged as a near-duplicate", "{n} flagged as near-duplicates",
                                        near).format(n=near)
        warned = sum(1 for o in report.outcomes if getattr(o, "warning", None) and o.status != "failed")
        if warned:
            summary += " · " + ngettext("{n} to check (see the reasons)", "{n} to check (see the reasons)",
                                        warned).format(n=warned)
        if report.cancelled:
            summary += " — " + _("cancelled")
        label = QLabel(summary)
        label.setObjectName("reportSummary")
        self.table = QTableWidget(len(report.outcomes), 3)
        self.table.setObjectName("reportTable")
        self.table.setHorizontalHeaderLabels([_("File"), _("Result"), _("Reason")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        order = {"failed": 0, "near_duplicate": 1, "duplicate": 2, "imported": 3}
        # failures first, then what was imported but should be checked
        for n, o in enumerate(sorted(report.outcomes, key=lambda o: (order.get(o.status, 9),
                                                                     not getattr(o, "warning", None)))):
            name = QTableWidgetItem(Path(o.path).name)
            name.setToolTip(o.path)
            self.table.setItem(n, 0, name)
            mark = "⚠" if getattr(o, "warning", None) and o.status != "failed" else _STATUS.get(o.status, "")
            self.table.setItem(n, 1, QTableWidgetItem(f"{mark} {status_text(o.status)}"))
            reason = QTableWidgetItem(_outcome_reason(o))
            reason.setToolTip(reason.text())
            self.table.setItem(n, 2, reason)
        self.table.setColumnWidth(0, 240)
        self.table.setColumnWidth(1, 170)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(760, 360)


class PreferencesDialog(QDialog):
    def __init__(self, settings, parent=None, library_path: Path | None = None, readonly: bool = False):
        super().__init__(parent)
        self.settings = settings
        self.library_path = Path(library_path) if library_path else None
        self.setWindowTitle(_("Preferences"))
        self.language = QComboBox()
        self.language.addItem(_("System default"), "")
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.get(LANGUAGE))))
        self.font_size = QSpinBox()
        self.font_size.setRange(8, 24)
        self.font_size.setValue(settings.get(READER_FONT_SIZE))
        self.extract = QCheckBox(_("Extract facts after each import"))
        self.extract.setChecked(settings.get(EXTRACT_AFTER_IMPORT))
        note = QLabel(_("A new language applies the next time Briefbook starts."))
        note.setObjectName("hint")
        form = QFormLayout()
        form.addRow(_("Language"), self.language)
        form.addRow(_("Reader text size"), self.font_size)
        form.addRow("", self.extract)
        self.backups = self.backup_space = None
        if self.library_path is not None:  # backups are per library: the count lives beside its backups
            from ...store import backup

            self.backups = QSpinBox()
            self.backups.setObjectName("backupCount")
            self.backups.setRange(1, 100)
            self.backups.setValue(backup.backup_count(self.library_path))
            self.backups.setEnabled(not readonly)
            count, used = backup.space_used(self.library_path)
            self.backup_space = QLabel(ngettext(
                "{count} backup takes {used:.1f} MB (the library: {size:.1f} MB). The newest are kept, "
                "never more than {ratio}× the library's size.",
                "{count} backups take {used:.1f} MB (the library: {size:.1f} MB). The newest are kept, "
                "never more than {ratio}× the library's size.", count).format(
                    count=count, used=used / 1e6, size=backup.library_size(self.library_path) / 1e6,
                    ratio=backup.BUDGET_RATIO))
            self.backup_space.setObjectName("backupSpace")
            self.backup_space.setWordWrap(True)
            form.addRow(_("Backups to keep"), self.backups)
            form.addRow("", self.backup_space)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def save(self) -> None:
        self.settings.set(LANGUAGE, self.language.currentData())
        self.settings.set(READER_FONT_SIZE, self.font_size.value())
        self.settings.set(EXTRACT_AFTER_IMPORT, self.extract.isChecked())
        self.settings.sync()
        if self.backups is not None and self.backups.isEnabled():
            from ...store.backup import set_backup_count

            set_backup_count(self.library_path, self.backups.value())


class WelcomeDialog(QDialog):
    def __init__(self, library_path, parent=None):
        super().__init__(parent)
        self.setWindowTitle(_("Welcome to Briefbook"))
        text = QLabel(_(
            "<h3>Welcome to Briefbook</h3>"
            "<p>This library holds five sample articles (Chinese, German) with the facts the program "
            "found in them, so you can try everything at once. Your work is saved as you go.</p>"
            "<p><b>What to do next</b></p><ol>"
            "<li>Bring in your own articles: <b>File → Import files</b>, drag files or folders onto the "
            "window, or copy text and press <b>Ctrl+Shift+V</b>.</li>"
            "<li>Open an article: its facts are coloured by kind. Check them in the <b>Review</b> tab: "
            "<b>J/K</b> move, <b>A</b> accepts, <b>R</b> rejects, <b>Ctrl+Z</b> undoes.</li>"
            "<li>Merge people and organisations written in different scripts in the <b>Entities</b> tab.</li>"
            "</ol><p style='color:gray'>Library file: {path}</p>").format(path=library_path))
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)


class SourceDialog(QDialog):
    """The publisher and web address books print for an article (Sources list)."""

    def __init__(self, publisher: str, url: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(_("Source of the article"))
        self.publisher = QLineEdit(publisher)
        self.url = QLineEdit(url)
        self.url.setPlaceholderText("https://")
        form = QFormLayout()
        form.addRow(_("Publisher"), self.publisher)
        form.addRow(_("URL"), self.url)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("The publisher and web address books print for this article")))
        layout.addLayout(form)
        layout.addWidget(buttons)

    def values(self) -> tuple[str, str]:
        return self.publisher.text().strip(), self.url.text().strip()
