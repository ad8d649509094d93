"""Registers the fonts shipped in resources/fonts so CJK text renders on a machine
without CJK system fonts (Qt would draw empty boxes)."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from ...paths import resource

log = logging.getLogger(__name__)
FONT_SUFFIXES = (".ttf", ".ttc", ".otf")
_registered: list[str] = []


def register_fonts() -> list[str]:
    """Register every font file found; returns the families.  Never fails: a missing or
    broken font folder leaves the system fonts in use."""
    if _registered:
        return list(_registered)
    folder = resource("fonts")
    try:
        files = sorted(p for p in folder.iterdir() if p.suffix.lower() in FONT_SUFFIXES)
    except OSError:
        log.warning("no font folder at %s; using system fonts", folder)
        return []
    for path in files:
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("could not load font %s", path)
            continue
        for family in QFontDatabase.applicationFontFamilies(font_id):
            if family not in _registered:
                _registered.append(family)
    return list(_registered)


def cjk_family(families: list[str]) -> str | None:
    for family in families:
        if QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(family):
            return family
    return None


def apply_app_font(app: QApplication, families: list[str]) -> None:
    """Keep the platform's UI font for Latin text and put the shipped CJK font right
    behind it, so CJK never falls through to a font without the glyphs."""
    font = QFont(app.font())
    cjk = cjk_family(families)
    chain = [font.family()]
    if cjk:
        chain.append(cjk)
    font.setFamilies(chain)
    app.setFont(font)
