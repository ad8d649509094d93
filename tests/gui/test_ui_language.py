"""The UI in Chinese and German: Qt's standard buttons and key names translated,
language names instead of codes, plural forms, merge reasons, and a walk over
the main window's tabs and the trip editor and picker that fails on any visible
English text of ours (or of Qt's standard buttons) left untranslated."""

from __future__ import annotations

import pytest
from babel.messages.pofile import read_po
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QMenu,
    QWidget,
)

from briefbook.gui.models.reasons import reason_text
from briefbook.gui.runtime import i18n
from briefbook.gui.views.trip_editor import EntityPicker
from briefbook.paths import resource

from .visible import visible_texts

QT_ENGLISH = {"Cancel", "&Cancel", "Close", "&Close", "Yes", "&Yes", "No", "&No", "Apply", "&Apply"}


@pytest.fixture(params=["zh_CN", "de"])
def language(request):
    i18n.install(request.param)
    yield request.param
    i18n.install("en")


def _english_msgids(lang: str) -> set[str]:
    """Our English texts whose translation differs (an identical one, e.g. a name, is fine)."""
    catalog = read_po(open(resource("translations", lang, "LC_MESSAGES", "briefbook.po"), "rb"))
    out = set()
    for m in catalog:
        ids = m.id if isinstance(m.id, tuple) else (m.id,)
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        for mid in ids:
            if mid and "{" not in mid and mid not in strings:
                out.add(mid)
                out.add(mid.replace("&&", "&"))
    return out


def _visible_texts(root: QWidget) -> list[str]:
    return [t.strip() for t in visible_texts(root)]


def _untranslated(texts: list[str], english: set[str]) -> list[str]:
    return sorted({t for t in texts if t in english or t in QT_ENGLISH})


def test_standard_buttons_language_names_plurals_reasons(qtbot, language):
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                           | QDialogButtonBox.StandardButton.Close)
    qtbot.addWidget(box)
    texts = [b.text() for b in box.buttons()]
    assert not set(texts) & QT_ENGLISH, texts
    if language == "zh_CN":
        assert "OK" not in texts and "&OK" not in texts, texts  # German says OK too
    assert i18n.language_name("zh-Hans") not in ("zh-Hans", "Chinese (Simplified)")
    assert i18n.language_name("en") == {"zh_CN": "英语", "de": "Englisch"}[language]
    one = i18n.ngettext("{n} article", "{n} articles", 1).format(n=1)
    assert one == {"zh_CN": "1 篇文章", "de": "1 Artikel"}[language]
    reason = reason_text("pinyin: 刘家义 is read as Liu Jiayi")
    assert "pinyin:" not in reason and "刘家义" in reason and "Liu Jiayi" in reason
    homonym = reason_text("王建国: named with 济南大学 here, with 青岛市商务局 elsewhere")
    assert homonym == {"zh_CN": "王建国：此处与济南大学一同出现，别处与青岛市商务局一同出现",
                       "de": "王建国: hier mit 济南大学 genannt, anderswo mit 青岛市商务局"}[language]
    undo = i18n.shortcut_text("Ctrl+Z")
    assert undo == {"zh_CN": "Ctrl+Z", "de": "Strg+Z"}[language]


def test_no_english_left_in_the_windows(qtbot, make_window, library_path, language):
    window = make_window(library_path)
    english = _english_msgids(language)
    found = []
    for n in range(window.tabs.count()):
        window.tabs.setCurrentIndex(n)
        found += _untranslated(_visible_texts(window), english)
    for menu in window.menuBar().findChildren(QMenu):
        found += _untranslated([a.text() for a in menu.actions()], english)
    window.book.new_trip("Qingdao delegation to Tokyo")
    found += _untranslated(_visible_texts(window.book.trip_editor), english)
    picker = EntityPicker(window.ctx.lib, "person")
    qtbot.addWidget(picker)
    found += _untranslated(_visible_texts(picker), english)
    assert not found, f"{language}: untranslated {sorted(set(found))}"
    # the hint bar names the undo key as the menus do
    hint = [t for t in _visible_texts(window.facts) if "J/K" in t][0]
    assert window.undo_action.shortcut().toString(window.undo_action.shortcut().SequenceFormat.NativeText) in hint


def test_units_and_the_named_undo_in_the_ui_language(qtbot, make_window, library_path, language):
    from PySide6.QtGui import QUndoCommand

    from briefbook.gui.models.fact_model import describe

    assert describe("count", {"value": 46, "unit": "companies"}) == {"zh_CN": "46家企业", "de": "46 Unternehmen"}[language]
    assert describe("count", {"value": 1, "unit": "people"}) == {"zh_CN": "1人", "de": "1 Person"}[language]
    assert describe("count", {"value": 3, "unit": "fold"}) == {"zh_CN": "3倍", "de": "3-fach"}[language]
    window = make_window(library_path)
    assert window.undo_action.text() == i18n._("&Undo") and not window.undo_action.isEnabled()
    window.ctx.undo.push(QUndoCommand(i18n._("Accept")))
    expected = {"zh_CN": "撤销接受(&U)", "de": "Annehmen &rückgängig machen"}[language]
    assert window.undo_action.text() == expected and window.undo_action.isEnabled()
    window.ctx.undo.undo()
    assert window.redo_action.text() == {"zh_CN": "重做接受(&R)", "de": "Annehmen &wiederholen"}[language]

