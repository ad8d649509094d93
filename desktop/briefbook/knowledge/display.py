"""A figure's value in a book locale: money, percentages, fractions and counts with
their approximation ("more than one third", "mehr als ein Drittel", "超过三分之一",
"3分の1超"; never "33.33 %").  babel does the numbers."""

from __future__ import annotations

from decimal import Decimal
from functools import cache

from babel import Locale
from babel.numbers import format_compact_decimal, format_decimal, format_percent, get_currency_name

from briefbook.core.quantity_words import CJK_CURRENCY, FRACTION_WORDS, approx_pattern, unit_label

_BABEL = {"en": "en", "de": "de", "zh-Hans": "zh_Hans_CN", "zh-Hant": "zh_Hant_TW", "ja": "ja"}
CJK = ("zh-Hans", "zh-Hant", "ja")


def book_locale(loc: str | None) -> str:
    low = (loc or "en").replace("_", "-").lower()
    if low.startswith("zh"):
        return "zh-Hant" if any(t in low for t in ("hant", "tw", "hk", "mo")) else "zh-Hans"
    base = low.split("-")[0]
    return base if base in _BABEL else "en"


@cache
def _locale(loc: str) -> Locale:
    return Locale.parse(_BABEL[loc])


def _number(value: float, loc: str) -> str:
    bl = _locale(loc)
    big = 10_000 if loc in CJK else 1_000_000
    if abs(value) >= big:
        return format_compact_decimal(value, format_type="long" if loc == "en" else "short", locale=bl,
                                      fraction_digits=2)
    return format_decimal(value, locale=bl)


def _money(value: float, currency: str | None, loc: str) -> str:
    n = _number(value, loc)
    cur = (currency or "").upper()
    if not cur:
        return n
    if loc in CJK:
        name = CJK_CURRENCY.get((cur, loc))
        if name is None:
            try:
                name = get_currency_name(cur, locale=_locale(loc))
            except Exception:  # an unknown code is shown as written
                name = cur
        return f"{n}{name}"
    return f"{n} {cur}" if loc == "de" else f"{cur} {n}"


def format_value(kind: str, value: float | None, *, unit: str | None = None, currency: str | None = None,
                 approx: str | None = "exact", fraction: str | None = None, locale: str = "en") -> str:
    """The display form of a figure's value in ``locale`` (en, de, zh-Hans, zh-Hant, ja)."""
    loc = book_locale(locale)
    if value is None:
        return ""
    if kind == "percentage" and fraction and fraction in FRACTION_WORDS:
        n = FRACTION_WORDS[fraction][loc]
    elif kind == "percentage" and unit == "percentage_points":  # 1.0个百分点 is points, not 1.0 %
        points = unit_label(unit, loc) or ""
        if value == 1 and loc in ("en", "de"):
            points = points.removesuffix("s").removesuffix("e")  # 1 percentage point, 1 Prozentpunkt
        n = format_decimal(value, locale=_locale(loc))
        n = f"{n}{points}" if loc in CJK else f"{n} {points}"
    elif kind == "percentage":
        n = format_percent(Decimal(str(value)) / 100, locale=_locale(loc), decimal_quantization=False)
    elif kind == "amount":
        n = _money(float(value), currency, loc)
    else:
        n = format_decimal(value, locale=_locale(loc), group_separator=loc not in CJK) \
            if loc in CJK and abs(value) < 10_000 else _number(float(value), loc)
        u = unit_label(unit, loc) or (unit.replace("_", " ") if unit and loc == "en" else None)
        if u:
            n = f"{n}{u}" if loc in CJK or u.startswith("-") else f"{n} {u}"
    return approx_pattern(approx, loc).format(n=n)
