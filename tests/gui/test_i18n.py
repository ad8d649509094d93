"""The catalogs: complete, placeholders intact, compiled, and used by the widgets."""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po

from briefbook.gui.runtime import i18n
from briefbook.paths import resource


@pytest.mark.parametrize("lang", ["zh_CN", "de"])
def test_catalog_complete_with_placeholders(lang):
    folder = resource("translations", lang, "LC_MESSAGES")
    assert (folder / "briefbook.mo").exists()
    catalog = read_po(open(folder / "briefbook.po", "rb"))
    template = read_po(open(resource("translations", "briefbook.pot"), "rb"))
    for message in template:
        if not message.id:
            continue
        translated = catalog.get(message.id)
        strings = translated.string if translated is not None and isinstance(translated.string, tuple) \
            else (translated.string if translated is not None else "",)
        assert translated is not None and all(strings), f"{lang}: untranslated {message.id!r}"
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        for string in strings:  # every plural form keeps the placeholders
            assert set(re.findall(r"\{\w+\}", ids[-1])) == set(re.findall(r"\{\w+\}", string)), message.id


def test_language_from_locale_and_switch():
    assert i18n.match_language("zh_TW") == "zh_CN"
    assert i18n.match_language("de_AT") == "de"
    assert i18n.match_language("ja_JP") == "en"
    try:
        i18n.install("de")
        assert i18n._("&Undo") == "&Rückgängig"
        i18n.install("zh_CN")
        assert i18n._("Library") == "资料库"
    finally:
        i18n.install("en")
    assert i18n._("Library") == "Library"


def test_the_language_names_shown_without_babel_are_babels():
    """i18n keeps the CLDR names of the five languages so the start need not load babel's data."""
    from babel import Locale

    from briefbook.gui.runtime import i18n

    for ui, names in i18n._LANGUAGE_NAMES.items():
        for code, name in names.items():
            assert Locale.parse(code.replace("-", "_")).get_display_name(Locale.parse(ui)) == name, (ui, code)


def test_the_template_holds_every_string_of_the_source():
    """A string added to the GUI without updating the catalogs fails here (the completeness
    test above reads the template, which would not know the new string).  The source is read
    with ast, which also sees _() inside f-strings (pybabel on Python 3.11 does not: such a
    text needs an N_() mark elsewhere to reach the catalogs)."""
    import ast

    from briefbook.paths import app_home

    found = set()
    for path in (app_home() / "desktop" / "briefbook" / "gui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.args:
                literal = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
                if node.func.id in ("_", "N_") and len(literal) == 1 and len(node.args) == 1:
                    found.add(literal[0])
                elif node.func.id == "ngettext" and len(literal) == 2:
                    found.add(tuple(literal))
    template = {m.id for m in read_po(open(resource("translations", "briefbook.pot"), "rb")) if m.id}
    missing = {m for m in found if m not in template}
    assert len(found) > 300 and not missing, (
        f"not in briefbook.pot (run pybabel extract/update, translate, compile): {sorted(missing, key=str)}")


@pytest.mark.parametrize("lang, day, month", [
    ("en", "7/15/2020", "July 2020"), ("de", "15.07.2020", "Juli 2020"), ("zh_CN", "2020/7/15", "2020年7月")])
def test_dates_are_written_as_the_ui_language_writes_them(lang, day, month):
    try:
        i18n.install(lang)
        assert i18n.date_text("2020-07-15") == day
        assert i18n.date_text("2020-07-15T08:30:00") == day  # a time after the date is not shown
        assert i18n.date_text("2020-07") == month
        assert i18n.date_text("2020") == "2020"
        assert i18n.date_text(None) == "" and i18n.date_text("im Sommer") == "im Sommer"
        assert i18n.date_text("2020-02-31") == "2020-02-31"  # no such day: shown as it is
    finally:
        i18n.install("en")
