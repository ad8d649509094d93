"""A date field for the trip form: the locale's date format (four-digit years),
ISO dates typed in are accepted too, "not set" is a real empty state that
typing replaces, and the calendar opens at a sensible month (today, or the date
given by ``reference``: the end date opens at the start date) instead of the
minimum date that stands for "not set"."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDateEdit

from ..runtime.i18n import _

NO_DATE = QDate(2000, 1, 1)
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_PARTIAL = re.compile(r"\s*[\d./\-年月日 ]{0,12}\s*")


def locale_date_format(locale: QLocale | None = None) -> str:
    """The locale's short date format with the year spelt out in four digits."""
    fmt = (locale or QLocale()).dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in fmt:
        fmt = re.sub(r"y+", "yyyy", fmt)
    return fmt


def parse_iso(text: str) -> QDate | None:
    m = _ISO.match(text or "")
    if not m:
        return None
    date = QDate(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return date if date.isValid() else None


class TripDateEdit(QDateEdit):
    def __init__(self, reference: Callable[[], QDate | None] | None = None, parent=None):
        super().__init__(parent)
        self.reference = reference
        self.setKeyboardTracking(False)  # a date half typed (2027-03-1) is not saved; Return or leaving saves
        self.setCalendarPopup(True)
        self.setDisplayFormat(locale_date_format(self.locale()))
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText(_("not set"))
        self.setDate(NO_DATE)
        self.setToolTip(_("Type a date ({example}) or choose one from the calendar").format(
            example=QDate.currentDate().toString(self.displayFormat())))

    def is_set(self) -> bool:
        return self.date() != NO_DATE

    def opening_date(self) -> QDate:
        """The month the calendar shows first."""
        if self.is_set():
            return self.date()
        ref = self.reference() if self.reference else None
        return ref if ref is not None and ref.isValid() and ref != NO_DATE else QDate.currentDate()

    # -- typing ---------------------------------------------------------------------------
    def _without_special(self, text: str) -> str:
        special = self.specialValueText()
        if special and text != special and special in text:
            text = text.replace(special, "")
        return text

    def parse(self, text: str) -> QDate | None:
        """A date typed in the locale's format or as ISO (2026-06-01), else None."""
        text = self._without_special(text).strip()
        date = parse_iso(text)
        if date is None:
            date = QDate.fromString(text, self.displayFormat())
        return date if date.isValid() and date >= NO_DATE else None

    def validate(self, text: str, pos: int):
        stripped = self._without_special(text)
        if text == self.specialValueText():
            return QValidator.State.Acceptable, text, pos
        if self.parse(stripped) is not None:
            return QValidator.State.Acceptable, stripped, min(pos, len(stripped))
        if _PARTIAL.fullmatch(stripped):
            # a date being typed, in the locale's format or as ISO; "not set" dropped
            return QValidator.State.Intermediate, stripped, pos if stripped == text else len(stripped)
        return QValidator.State.Invalid, text, pos

    def fixup(self, text: str) -> str:
        date = self.parse(text)
        return date.toString(self.displayFormat()) if date is not None else text

    def dateTimeFromText(self, text: str):
        if not self._without_special(text).strip():
            return NO_DATE.startOfDay()  # an emptied field is "not set"
        date = self.parse(text)
        if date is not None:
            return date.startOfDay()
        return super().dateTimeFromText(text)

    def focusInEvent(self, event):
        super().focusInEvent(event)
        if not self.is_set():
            self.lineEdit().selectAll()  # typing replaces "not set"

    def keyPressEvent(self, event):
        typed = event.text()
        if typed and typed.isprintable() and not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier \
                & ~Qt.KeyboardModifier.KeypadModifier:
            # Typed text goes into the field as typed: QDateTimeEdit would take a
            # separator as "next section" and drop it (2026-06-01 became 20260601).
            line = self.lineEdit()
            if line.text() == self.specialValueText():
                line.clear()
            line.insert(typed)
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event):
        date = self.parse(self.lineEdit().text())
        if date is not None and date != self.date():
            self.setDate(date)
        super().focusOutEvent(event)

    # -- the calendar ---------------------------------------------------------------------
    def mousePressEvent(self, event):
        super().mousePressEvent(event)  # opens the popup, set to date() = the "not set" minimum
        self.show_opening_page()

    def show_opening_page(self) -> None:
        calendar = self.calendarWidget()
        if calendar is not None and not self.is_set():
            start = self.opening_date()
            calendar.setCurrentPage(start.year(), start.month())
