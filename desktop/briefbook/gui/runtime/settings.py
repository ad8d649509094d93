"""Every setting declared once, with its type and default (as Vorta and Picard do)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any


LANGUAGE = Setting("ui/language", str, "")  # "" = from the system locale
MAIN_GEOMETRY = Setting("window/geometry", QByteArray, QByteArray())
MAIN_STATE = Setting("window/state", QByteArray, QByteArray())
LIBRARY_SPLITTER = Setting("window/library_splitter", QByteArray, QByteArray())
REVIEW_SPLITTER = Setting("window/review_splitter", QByteArray, QByteArray())
ENTITY_SPLITTER = Setting("window/entity_splitter", QByteArray, QByteArray())
LIBRARY_HEADER = Setting("window/library_header", QByteArray, QByteArray())
CURRENT_TAB = Setting("window/current_tab", int, 0)
LAST_IMPORT_DIR = Setting("import/last_dir", str, "")
EXTRACT_AFTER_IMPORT = Setting("import/extract_after", bool, True)
WELCOME_SHOWN = Setting("ui/welcome_shown", bool, False)
READER_FONT_SIZE = Setting("reader/font_size", int, 11)
READER_HIDDEN_KINDS = Setting("reader/hidden_kinds", str, "")  # comma-separated kinds (and "note")
RECENT_LIBRARIES = Setting("library/recent", str, "")  # newline-separated paths, newest first


class Settings:
    """Typed access to QSettings; ``path`` gives an ini file (tests use a temporary one)."""

    def __init__(self, path: str | None = None):
        if path:
            self.qsettings = QSettings(path, QSettings.Format.IniFormat)
        else:
            self.qsettings = QSettings("Briefbook", "Briefbook")

    def get(self, setting: Setting):
        value = self.qsettings.value(setting.key, setting.default)
        if value is None:
            return setting.default
        if setting.type is bool and isinstance(value, str):
            return value.lower() in ("1", "true", "yes")
        if setting.type in (int, str):
            try:
                return setting.type(value)
            except (TypeError, ValueError):
                return setting.default
        return value

    def set(self, setting: Setting, value) -> None:
        self.qsettings.setValue(setting.key, value)

    def sync(self) -> None:
        self.qsettings.sync()
