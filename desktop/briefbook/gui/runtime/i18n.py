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

from ...paths import resource

DOMAIN = "briefbook"
# code -> name of the language in itself
LANGUAGES = {"en": "English", "zh_CN": "简体中文", "de": "Deutsch"}

_translation: gettext.NullTranslations = gettext.NullTranslations()
_current = "en"


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
    return language


def current() -> str:
    return _current
