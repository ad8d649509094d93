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
