"""UI language through gettext catalogs compiled with babel.

One mechanism for the whole program: the same babel toolchain formats the book's
dates and numbers, the catalogs are plain .po files translators know, and
``_()`` works in any module without a QObject (Qt Linguist's ``tr()`` needs one
and a second tool chain).  Catalogs: resources/translations/<lang>/LC_MESSAGES/
briefbook.po, compiled to .mo with ``pybabel compile -d resources/translations -D briefbook``.
The language is read at start; a change in Preferences applies on the next start.
"""

from __future__ import annotations

import gettext
import re

from ...paths import resource

DOMAIN = "briefbook"
# code -> name of the language in itself
LANGUAGES = {"en": "English", "zh_CN": "简体中文", "de": "Deutsch"}

_translation: gettext.NullTranslations = gettext.NullTranslations()
_current = "en"
_qt_translators: list = []  # Qt's own catalogs (standard buttons, shortcuts' key names)


def _(message: str) -> str:
    return _translation.gettext(message)


def N_(message: str) -> str:
    """Marks a string for extraction; translate it with _() where it is shown."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translation.ngettext(singular, plural, n)


def match_language(locale_name: str) -> str:
    """The UI language for a locale name such as zh_CN, zh_TW, de_AT, en_US."""
    name = (locale_name or "").replace("-", "_")
    if name.startswith("zh"):
        return "zh_CN"
    if name.startswith("de"):
        return "de"
    return "en"


def install(language: str) -> str:
    global _translation, _current
    language = language if language in LANGUAGES else "en"
    _current = language
    if language == "en":
        _translation = gettext.NullTranslations()
    else:
        _translation = gettext.translation(DOMAIN, localedir=str(resource("translations")),
                                           languages=[language], fallback=True)
    _install_qt(language)
    return language


def _install_qt(language: str) -> None:
    """Qt's qtbase catalog (shipped with PySide6) translates the standard buttons (OK,
    Cancel, Close) and the key names of shortcuts (Strg+Z); QLocale's default gives
    dates and numbers in the UI language."""
    from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

    QLocale.setDefault(QLocale("en_US" if language == "en" else language))
    app = QCoreApplication.instance()
    if app is None:
        return
    for old in _qt_translators:
        app.removeTranslator(old)
    _qt_translators.clear()
    if language == "en":
        return
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(f"qtbase_{language}", folder):
        app.installTranslator(translator)
        _qt_translators.append(translator)


# The CLDR names (as babel gives them) of the languages Briefbook reads and writes, in each
# UI language: the library's language filter shows them at start, and loading babel's
# locale data for them would add about 70 ms to every start.  Other codes ask babel.
_LANGUAGE_NAMES = {
    "en": {"zh-Hans": "Chinese (Simplified)", "zh-Hant": "Chinese (Traditional)", "ja": "Japanese",
           "de": "German", "en": "English"},
    "de": {"zh-Hans": "Chinesisch (Vereinfacht)", "zh-Hant": "Chinesisch (Traditionell)", "ja": "Japanisch",
           "de": "Deutsch", "en": "Englisch"},
    "zh_CN": {"zh-Hans": "中文 (简体)", "zh-Hant": "中文 (繁体)", "ja": "日语", "de": "德语", "en": "英语"},
}


def language_name(code: str | None) -> str:
    """An article's or a book's language (zh-Hans, de, ja) named in the UI language."""
    if not code:
        return ""
    known = _LANGUAGE_NAMES.get(_current, {}).get(code)
    if known:
        return known
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(code.replace("-", "_")).get_display_name(Locale.parse(_current)) or code
    except (UnknownLocaleError, ValueError):
        return code


def shortcut_text(sequence) -> str:
    """A key sequence as the menus show it (Strg+Z in German): the platform's native text."""
    from PySide6.QtGui import QKeySequence

    seq = sequence if isinstance(sequence, QKeySequence) else QKeySequence(sequence)
    return seq.toString(QKeySequence.SequenceFormat.NativeText)


def current() -> str:
    return _current


_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def date_text(iso: str | None) -> str:
    """An ISO date (2020-07-15, 2020-07 or 2020, a time after it ignored) as the UI
    language writes it: 15.07.2020, 7/15/2020, 2020/7/15; a month as "Juli 2020" or
    "2020年7月". The year always has four digits (Qt's short formats have two, and
    articles span decades); text that is no ISO date is shown as it is."""
    match = _ISO_DATE.match(iso or "")
    if not match:
        return iso or ""
    from PySide6.QtCore import QDate, QLocale

    year, month, day = (int(g) if g else 0 for g in match.groups())
    if not month:
        return str(year)
    locale = QLocale()
    if not day:
        pattern = "yyyy年M月" if _current.startswith("zh") else "MMMM yyyy"
        return locale.toString(QDate(year, month, 1), pattern)
    date = QDate(year, month, day)
    if not date.isValid():
        return iso or ""
    pattern = locale.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in pattern:
        pattern = pattern.replace("yy", "yyyy")
    return locale.toString(date, pattern)
