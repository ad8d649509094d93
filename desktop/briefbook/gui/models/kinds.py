"""Fact kinds as the GUI shows them: label and highlight colour for light and dark palettes."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from ..runtime.i18n import N_, _

LABELS = {
    "person": N_("Person"), "organization": N_("Organisation"), "place": N_("Place"),
    "event": N_("Event"), "agreement": N_("Agreement"), "amount": N_("Amount"),
    "percentage": N_("Percentage"), "count": N_("Count"), "date": N_("Date"),
}
STATUS_LABELS = {"proposed": N_("proposed"), "accepted": N_("accepted"), "rejected": N_("rejected"),
                 "edited": N_("edited")}

# Hue per kind, chosen to stay apart for common colour blindness; the lightness
# is picked per palette below so the text on top stays readable.
_HUES = {
    "person": 210, "organization": 30, "place": 140, "event": 280, "agreement": 330,
    "amount": 50, "percentage": 175, "count": 95, "date": 0,
}


def label(kind: str) -> str:
    return _(LABELS.get(kind, kind))


def status_label(status: str) -> str:
    return _(STATUS_LABELS.get(status, status))


def is_dark() -> bool:
    app = QApplication.instance()
    if app is None:
        return False
    return app.palette().color(QPalette.ColorRole.Base).lightness() < 128


def background(kind: str, dark: bool | None = None) -> QColor:
    dark = is_dark() if dark is None else dark
    hue = _HUES.get(kind, 0)
    return QColor.fromHsl(hue, 90, 62) if dark else QColor.fromHsl(hue, 170, 224)


def underline(kind: str, dark: bool | None = None) -> QColor:
    dark = is_dark() if dark is None else dark
    hue = _HUES.get(kind, 0)
    return QColor.fromHsl(hue, 200, 170) if dark else QColor.fromHsl(hue, 200, 90)


NOTE_COLOR_LIGHT = QColor("#fff2a8")
NOTE_COLOR_DARK = QColor("#6b5d10")


def note_background() -> QColor:
    return NOTE_COLOR_DARK if is_dark() else NOTE_COLOR_LIGHT
