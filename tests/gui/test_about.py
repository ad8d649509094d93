"""Help ▸ About shows the third-party notices."""

from __future__ import annotations

from briefbook.gui.dialogs.about import AboutDialog, NoticesDialog


def test_about_opens_the_notices(qtbot, tmp_path):
    about = AboutDialog(tmp_path / "library.briefbook")
    qtbot.addWidget(about)
    about.notices_button.click()
    assert about.notices is not None
    qtbot.addWidget(about.notices)
    shown = about.notices.browser.toPlainText()
    assert "CC BY-SA 4.0" in shown and "WenQuanYi Micro Hei" in shown and "GeoNames" in shown


def test_missing_notices_say_so(qtbot, tmp_path):
    dialog = NoticesDialog(path=tmp_path / "nowhere.md")
    qtbot.addWidget(dialog)
    assert "missing" in dialog.browser.toPlainText()
