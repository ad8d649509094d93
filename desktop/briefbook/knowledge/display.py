"""A figure's value in a book locale: money, percentages, fractions and counts with
their approximation ("more than one third", "mehr als ein Drittel", "超过三分之一",
"3分の1超"; never "33.33 %").  babel does the numbers."""

from __future__ import annotations

from decimal import Decimal
from functools import cache

from babel import Locale
from babel.numbers import format_compact_decimal, format_decimal, format_percent, get_currency_name

_BABEL = {"en": "en", "de": "de", "zh-Hans": "zh_Hans_CN", "zh-Hant": "zh_Hant_TW", "ja": "ja"}
CJK = ("zh-Hans", "zh-Hant", "ja")

_APPROX = {
    "about": {"en": "about {n}", "de": "etwa {n}", "zh-Hans": "约{n}", "zh-Hant": "約{n}", "ja": "約{n}"},
    "more_than": {"en": "more than {n}", "de": "mehr als {n}", "zh-Hans": "超过{n}", "zh-Hant": "超過{n}", "ja": "{n}超"},
    "less_than": {"en": "less than {n}", "de": "weniger als {n}", "zh-Hans": "不到{n}", "zh-Hant": "不到{n}",
                  "ja": "{n}未満"},
    "at_least": {"en": "at least {n}", "de": "mindestens {n}", "zh-Hans": "至少{n}", "zh-Hant": "至少{n}",
                 "ja": "{n}以上"},
    "up_to": {"en": "up to {n}", "de": "bis zu {n}", "zh-Hans": "最多{n}", "zh-Hant": "最多{n}", "ja": "最大{n}"},
}
_FRACTION_WORDS = {
    "1/2": {"en": "one half", "de": "die Hälfte", "zh-Hans": "二分之一", "zh-Hant": "二分之一", "ja": "2分の1"},
    "1/3": {"en": "one third", "de": "ein Drittel", "zh-Hans": "三分之一", "zh-Hant": "三分之一", "ja": "3分の1"},
    "2/3": {"en": "two thirds", "de": "zwei Drittel", "zh-Hans": "三分之二", "zh-Hant": "三分之二", "ja": "3分の2"},
    "1/4": {"en": "one quarter", "de": "ein Viertel", "zh-Hans": "四分之一", "zh-Hant": "四分之一", "ja": "4分の1"},
    "3/4": {"en": "three quarters", "de": "drei Viertel", "zh-Hans": "四分之三", "zh-Hant": "四分之三", "ja": "4分の3"},
    "1/5": {"en": "one fifth", "de": "ein Fünftel", "zh-Hans": "五分之一", "zh-Hant": "五分之一", "ja": "5分の1"},
    "1/10": {"en": "one tenth", "de": "ein Zehntel", "zh-Hans": "十分之一", "zh-Hant": "十分之一", "ja": "10分の1"},
}
_UNITS = {
    "companies": {"en": "companies", "de": "Unternehmen", "zh-Hans": "家企业", "zh-Hant": "家企業", "ja": "社"},
    "projects": {"en": "projects", "de": "Projekte", "zh-Hans": "个项目", "zh-Hant": "個項目", "ja": "件"},
    "person_trips": {"en": "person-trips", "de": "Personenfahrten", "zh-Hans": "人次", "zh-Hant": "人次", "ja": "人"},
    "visitors": {"en": "visitors", "de": "Besucher", "zh-Hans": "人次", "zh-Hant": "人次", "ja": "人"},
    "people": {"en": "people", "de": "Personen", "zh-Hans": "人", "zh-Hant": "人", "ja": "人"},
    "flights": {"en": "flights", "de": "Flüge", "zh-Hans": "架次航班", "zh-Hant": "架次航班", "ja": "便"},
    "cities": {"en": "cities", "de": "Städte", "zh-Hans": "座城市", "zh-Hant": "座城市", "ja": "都市"},
    "years": {"en": "years", "de": "Jahre", "zh-Hans": "年", "zh-Hant": "年", "ja": "年"},
    "months": {"en": "months", "de": "Monate", "zh-Hans": "个月", "zh-Hant": "個月", "ja": "か月"},
    "organisations": {"en": "organisations", "de": "Organisationen", "zh-Hans": "家机构", "zh-Hant": "家機構",
                      "ja": "機関"},
    "events": {"en": "events", "de": "Veranstaltungen", "zh-Hans": "场活动", "zh-Hant": "場活動", "ja": "件"},
    "seminars": {"en": "seminars", "de": "Seminare", "zh-Hans": "场研讨会", "zh-Hant": "場研討會", "ja": "件"},
    "square_metres": {"en": "m²", "de": "m²", "zh-Hans": "平方米", "zh-Hant": "平方米", "ja": "平方メートル"},
    "fold": {"en": "-fold", "de": "-fach", "zh-Hans": "倍", "zh-Hant": "倍", "ja": "倍"},
}
_CJK_CURRENCY = {("CNY", "zh-Hans"): "元", ("CNY", "zh-Hant"): "元", ("CNY", "ja"): "人民元",
                 ("USD", "zh-Hans"): "美元", ("USD", "zh-Hant"): "美元", ("USD", "ja"): "ドル",
                 ("JPY", "zh-Hans"): "日元", ("JPY", "zh-Hant"): "日圓", ("JPY", "ja"): "円",
                 ("EUR", "zh-Hans"): "欧元", ("EUR", "zh-Hant"): "歐元", ("EUR", "ja"): "ユーロ"}


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
        name = _CJK_CURRENCY.get((cur, loc))
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
    if kind == "percentage" and fraction and fraction in _FRACTION_WORDS:
        n = _FRACTION_WORDS[fraction][loc]
    elif kind == "percentage":
        n = format_percent(Decimal(str(value)) / 100, locale=_locale(loc), decimal_quantization=False)
    elif kind == "amount":
        n = _money(float(value), currency, loc)
    else:
        n = format_decimal(value, locale=_locale(loc), group_separator=loc not in CJK) \
            if loc in CJK and abs(value) < 10_000 else _number(float(value), loc)
        u = _UNITS.get(unit or "", {}).get(loc)
        if u:
            n = f"{n}{u}" if loc in CJK or u.startswith("-") else f"{n} {u}"
    pattern = _APPROX.get(approx or "exact", {}).get(loc, "{n}")
    return pattern.format(n=n)
