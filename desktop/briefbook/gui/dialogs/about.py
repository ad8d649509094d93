"""Help ▸ About: what Briefbook is, the library in use, and the third-party notices."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QTextBrowser, QVBoxLayout

from ...paths import notices_path
from ..runtime.i18n import _


def read_notices(path: Path | None = None) -> str:
    path = path or notices_path()
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return _("The third-party notices are missing from this installation ({path}).").format(path=path)


class NoticesDialog(QDialog):
    """THIRD-PARTY-NOTICES.md as shipped, rendered (it is Markdown)."""

    def __init__(self, parent=None, path: Path | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Third-party notices"))
        self.resize(820, 640)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)  # offline: addresses are shown, not followed
        self.browser.setMarkdown(read_notices(path))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)


class AboutDialog(QDialog):
    def __init__(self, library_path, parent=None):
        super().__init__(parent)
        self.setWindowTitle(_("About Briefbook"))
        text = QLabel(_(
            "<b>Briefbook</b><br>Briefing books for delegation trips, made from news articles.<br>"
            "Library: {path}").format(path=library_path))
        text.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.notices_button = QPushButton(_("Third-party notices…"))
        buttons.addButton(self.notices_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.notices_button.clicked.connect(self.show_notices)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.notices: NoticesDialog | None = None

    def show_notices(self) -> None:
        self.notices = NoticesDialog(self)
        self.notices.show()
