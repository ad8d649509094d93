"""Number words and digits -> float, for amounts, percentages and counts.

Handles Arabic digits with thousands separators (1,234.5 / German 1.234,5),
Chinese numerals (四十, 两, 一百二十, 三千五百万), and the large units 万, 亿,
万亿/兆 that Chinese and Japanese put after numbers (1.2万亿 = 1.2e12).
"""

from __future__ import annotations

import re

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9, "壹": 1, "贰": 2, "叁": 3, "肆": 4,
             "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9}
CN_SMALL = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CN_LARGE = {"万": 10_000, "亿": 100_000_000, "兆": 1_000_000_000_000}
CN_NUM_CHARS = "".join(CN_DIGITS) + "".join(CN_SMALL)

# A run of digits as written in CJK text: 62.33, 1,000, 1.2 (no second dot)
DIGITS_RE = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
CN_NUM_RE = f"[{CN_NUM_CHARS}]+"
# number + optional large units (万亿, 亿, 万, 千万 ...)
SCALE_RE = r"(?:万亿|千亿|百亿|十亿|千万|百万|十万|亿|万|兆|千|百)"


def parse_cn_integer(s: str) -> int | None:
    """四十 -> 40, 一百二十 -> 120, 两 -> 2, 三千五百万 -> 35000000; None if not a numeral."""
    if not s or any(c not in CN_DIGITS and c not in CN_SMALL and c not in CN_LARGE for c in s):
        return None
    if all(c in CN_DIGITS for c in s) and len(s) > 1:
        # digit-by-digit form: 二〇二〇
        return int("".join(str(CN_DIGITS[c]) for c in s))
    total = 0
    section = 0
    digit = None
    for c in s:
        if c in CN_DIGITS:
            digit = CN_DIGITS[c]
        elif c in CN_SMALL:
            section += (digit if digit is not None else 1) * CN_SMALL[c]
            digit = None
        else:  # 万 / 亿 / 兆
            section += digit or 0
            total = (total + section) * CN_LARGE[c] if total and CN_LARGE[c] > 10_000 else total + section * CN_LARGE[c]
            section = 0
            digit = None
    return total + section + (digit or 0)


def parse_digits(s: str, decimal_comma: bool = False) -> float | None:
    """'1,234.5' -> 1234.5; with decimal_comma '1.234,5' -> 1234.5 and '7,64' -> 7.64.

    Returns None for malformed numbers like '1.2.3' so they never become values.
    """
    s = s.strip()
    if not s:
        return None
    if decimal_comma:
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?", s):
            return float(s.replace(".", "").replace(",", "."))
        return None
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?", s):
        return float(s.replace(",", ""))
    return None


def scale_value(scale: str) -> float:
    """万亿 -> 1e12, 亿 -> 1e8, 千万 -> 1e7 ..."""
    value = 1.0
    for c in scale:
        value *= CN_LARGE.get(c) or CN_SMALL.get(c) or 1
    return value


def parse_number(num: str, scale: str = "", decimal_comma: bool = False) -> float | None:
    """Digits or a Chinese numeral, times an optional large-unit scale."""
    v = parse_digits(num, decimal_comma)
    if v is None:
        iv = parse_cn_integer(num)
        if iv is None:
            return None
        v = float(iv)
    return v * scale_value(scale) if scale else v


def clean_value(v: float) -> float | int:
    """Integers as int (6233000000), others rounded to stop float noise (7.64)."""
    r = round(v, 6)
    if abs(r - round(r)) < 1e-9:
        return int(round(r))
    return r


WORD_NUMBERS = {
    # German
    "ein": 1, "eine": 1, "einen": 1, "einem": 1, "einer": 1, "eins": 1, "zwei": 2,
    "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9,
    "zehn": 10, "elf": 11, "zwölf": 12, "zwanzig": 20, "dreißig": 30, "vierzig": 40,
    "fünfzig": 50, "hundert": 100, "tausend": 1000, "dutzend": 12,
    # English
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
    "dozen": 12,
}
