"""Labels, dates, numbers, money and names for the book's locale (babel).

Book locales are ``en``, ``de``, ``zh-Hans``, ``zh-Hant``, ``ja``.  Money is
written the way each press writes it: "USD 7.64 billion", "7,64 Mrd. USD",
"76.43亿美元", "76.43億米ドル".  In a book that is not Chinese or Japanese, CJK
person names are romanised with the original after them: "Gao Yan (高燕)".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from ..core import ja_reading
from ..core.quantity_words import CJK_CURRENCY, approx_pattern, unit_label
from ..core.text import has_cjk, is_kana

if TYPE_CHECKING:
    from babel import Locale

# babel is imported inside the functions that format: loading its locale data is a
# noticeable part of the desktop app's start-up, which only needs romanise_name here.

BOOK_LOCALES = ("en", "de", "zh-Hans", "zh-Hant", "ja")
_BABEL = {"en": "en_GB", "de": "de_DE", "zh-Hans": "zh_Hans_CN", "zh-Hant": "zh_Hant_TW", "ja": "ja_JP"}

# The fixed labels of the book.  Keys are English identifiers.
LABELS: dict[str, dict[str, str]] = {
    "contents": {"en": "Contents", "de": "Inhalt", "zh-Hans": "目录", "zh-Hant": "目錄", "ja": "目次"},
    "sources": {"en": "Sources", "de": "Quellen", "zh-Hans": "资料来源", "zh-Hant": "資料來源", "ja": "出典"},
    "page_x_of_y": {"en": "Page {page} of {pages}", "de": "Seite {page} von {pages}",
                    "zh-Hans": "第 {page} 页，共 {pages} 页", "zh-Hant": "第 {page} 頁，共 {pages} 頁",
                    "ja": "{page} / {pages} ページ"},
    "prepared_by": {"en": "Prepared by", "de": "Erstellt von", "zh-Hans": "编制", "zh-Hant": "編製", "ja": "作成"},
    "prepared_on": {"en": "Date", "de": "Stand", "zh-Hans": "日期", "zh-Hant": "日期", "ja": "作成日"},
    "trip": {"en": "Trip", "de": "Reise", "zh-Hans": "出访", "zh-Hant": "出訪", "ja": "訪問"},
    "dates": {"en": "Dates", "de": "Zeitraum", "zh-Hans": "日期", "zh-Hant": "日期", "ja": "日程"},
    "destinations": {"en": "Destinations", "de": "Reiseziele", "zh-Hans": "目的地", "zh-Hant": "目的地", "ja": "訪問先"},
    "purpose": {"en": "Purpose", "de": "Zweck", "zh-Hans": "目的", "zh-Hant": "目的", "ja": "目的"},
    "classification": {"en": "Classification", "de": "Einstufung", "zh-Hans": "密级", "zh-Hant": "密級", "ja": "区分"},
    "draft": {"en": "DRAFT", "de": "ENTWURF", "zh-Hans": "草稿", "zh-Hant": "草稿", "ja": "草案"},
    "overview": {"en": "Trip overview", "de": "Reiseüberblick", "zh-Hans": "出访概况", "zh-Hant": "出訪概況", "ja": "訪問概要"},
    "itinerary": {"en": "Itinerary", "de": "Programm", "zh-Hans": "日程安排", "zh-Hant": "日程安排", "ja": "日程"},
    "delegation": {"en": "Delegation", "de": "Delegation", "zh-Hans": "代表团成员", "zh-Hant": "代表團成員", "ja": "代表団"},
    "profile": {"en": "Counterpart", "de": "Gesprächspartner", "zh-Hans": "会见对象", "zh-Hant": "會見對象", "ja": "面会先"},
    "figures": {"en": "Key figures", "de": "Kennzahlen", "zh-Hans": "主要数据", "zh-Hant": "主要數據", "ja": "主要データ"},
    "background": {"en": "Background", "de": "Hintergrund", "zh-Hans": "背景资料", "zh-Hant": "背景資料", "ja": "背景資料"},
    "talking_points": {"en": "Talking points", "de": "Gesprächspunkte", "zh-Hans": "谈话要点", "zh-Hant": "談話要點", "ja": "発言要領"},
    "text": {"en": "Notes", "de": "Anmerkungen", "zh-Hans": "说明", "zh-Hant": "說明", "ja": "メモ"},
    "notes": {"en": "Notes", "de": "Notizen", "zh-Hans": "备注", "zh-Hant": "備註", "ja": "備考"},
    "day": {"en": "Day", "de": "Tag", "zh-Hans": "日期", "zh-Hant": "日期", "ja": "日付"},
    "time": {"en": "Time", "de": "Zeit", "zh-Hans": "时间", "zh-Hant": "時間", "ja": "時間"},
    "place": {"en": "Place", "de": "Ort", "zh-Hans": "地点", "zh-Hant": "地點", "ja": "場所"},
    "counterpart": {"en": "Counterpart", "de": "Gesprächspartner", "zh-Hans": "会见对象", "zh-Hant": "會見對象", "ja": "面会先"},
    "venue": {"en": "Venue", "de": "Ort", "zh-Hans": "地点", "zh-Hant": "地點", "ja": "会場"},
    "participants": {"en": "Our participants", "de": "Teilnehmer (wir)", "zh-Hans": "我方出席",
                     "zh-Hant": "我方出席", "ja": "当方出席者"},
    "document_number": {"en": "Document no.", "de": "Dokument-Nr.", "zh-Hans": "文件编号", "zh-Hant": "文件編號",
                        "ja": "文書番号"},
    "version": {"en": "Version", "de": "Fassung", "zh-Hans": "版本", "zh-Hant": "版本", "ja": "版"},
    "distribution": {"en": "Distribution", "de": "Verteiler", "zh-Hans": "分送", "zh-Hant": "分送", "ja": "配布先"},
    "name": {"en": "Name", "de": "Name", "zh-Hans": "姓名", "zh-Hant": "姓名", "ja": "氏名"},
    "title": {"en": "Title", "de": "Funktion", "zh-Hans": "职务", "zh-Hant": "職務", "ja": "役職"},
    "organisation": {"en": "Organisation", "de": "Organisation", "zh-Hans": "单位", "zh-Hant": "單位", "ja": "所属"},
    "role": {"en": "Role", "de": "Rolle", "zh-Hans": "团内职务", "zh-Hant": "團內職務", "ja": "団内での役割"},
    "people": {"en": "People", "de": "Personen", "zh-Hans": "主要人物", "zh-Hant": "主要人物", "ja": "主要人物"},
    "interactions": {"en": "Past interactions", "de": "Bisherige Kontakte", "zh-Hans": "以往交往", "zh-Hant": "以往交往", "ja": "これまでの交流"},
    "date": {"en": "Date", "de": "Datum", "zh-Hans": "日期", "zh-Hant": "日期", "ja": "日付"},
    "value": {"en": "Value", "de": "Wert", "zh-Hans": "数值", "zh-Hant": "數值", "ja": "数値"},
    "source": {"en": "Source", "de": "Quelle", "zh-Hans": "来源", "zh-Hant": "來源", "ja": "出典"},
    "note": {"en": "Note", "de": "Hinweis", "zh-Hans": "说明", "zh-Hant": "說明", "ja": "注記"},
    "conflict": {"en": "Sources differ", "de": "Quellen weichen ab", "zh-Hans": "来源数据不一致",
                 "zh-Hant": "來源數據不一致", "ja": "出典により数値が異なる"},
    "event": {"en": "Event", "de": "Ereignis", "zh-Hans": "活动", "zh-Hant": "活動", "ja": "行事"},
    "agreement": {"en": "Agreement", "de": "Vereinbarung", "zh-Hans": "协议", "zh-Hant": "協議", "ja": "合意"},
    "parties": {"en": "Parties", "de": "Parteien", "zh-Hans": "签约方", "zh-Hant": "簽約方", "ja": "当事者"},
    "agreement_or_event": {"en": "Agreement or event", "de": "Vereinbarung / Ereignis", "zh-Hans": "协议/活动",
                           "zh-Hant": "協議/活動", "ja": "合意・行事"},
    "parties_unknown": {"en": "not named in the source", "de": "in der Quelle nicht genannt",
                        "zh-Hans": "来源未注明", "zh-Hant": "來源未註明", "ja": "出典に記載なし"},
    "organiser": {"en": "Organiser", "de": "Veranstalter", "zh-Hans": "主办方", "zh-Hant": "主辦方", "ja": "主催"},
    "date_unknown": {"en": "date unknown", "de": "Datum unbekannt", "zh-Hans": "日期不详", "zh-Hant": "日期不詳",
                     "ja": "日付不明"},
    "facts": {"en": "Facts", "de": "Fakten", "zh-Hans": "相关信息", "zh-Hant": "相關資訊", "ja": "関連情報"},
    "chart_caption": {"en": "{measure}, by period", "de": "{measure}, nach Zeitraum", "zh-Hans": "{measure}（按时期）",
                      "zh-Hant": "{measure}（按時期）", "ja": "{measure}（期間別）"},
    "no_content": {"en": "(No content in this book yet.)", "de": "(Dieses Buch hat noch keinen Inhalt.)",
                   "zh-Hans": "（本册尚无内容。）", "zh-Hant": "（本冊尚無內容。）", "ja": "（内容はまだありません。）"},
    "file": {"en": "file", "de": "Datei", "zh-Hans": "文件", "zh-Hant": "檔案", "ja": "ファイル"},
    "measure": {"en": "Measure", "de": "Kennzahl", "zh-Hans": "指标", "zh-Hant": "指標", "ja": "指標"},
    "more_figures": {"en": "Further figures", "de": "Weitere Zahlen", "zh-Hans": "其他数据", "zh-Hant": "其他數據",
                     "ja": "その他のデータ"},
    "in_articles": {"en": "In the articles", "de": "Presse", "zh-Hans": "报道摘录", "zh-Hant": "報道摘錄",
                    "ja": "報道から"},
    "figure": {"en": "Figure", "de": "Abbildung", "zh-Hans": "图", "zh-Hant": "圖", "ja": "図"},
    "current_position": {"en": "Current position", "de": "Derzeitige Funktion", "zh-Hans": "现任职务",
                         "zh-Hant": "現任職務", "ja": "現職"},
    "as_of": {"en": "as of {date}", "de": "Stand {date}", "zh-Hans": "截至{date}", "zh-Hant": "截至{date}",
              "ja": "{date}時点"},
    "title_history": {"en": "Positions held", "de": "Bisherige Funktionen", "zh-Hans": "任职经历",
                      "zh-Hant": "任職經歷", "ja": "経歴"},
    "this_trip": {"en": "Meetings on this trip", "de": "Termine dieser Reise", "zh-Hans": "本次出访会见",
                  "zh-Hant": "本次出訪會見", "ja": "今回の訪問での面会"},
    "reported": {"en": "Agreements and events", "de": "Vereinbarungen und Ereignisse", "zh-Hans": "协议与活动",
                 "zh-Hant": "協議與活動", "ja": "合意・行事"},
    "reading_unverified": {"en": "† reading guessed from the characters, not yet confirmed",
                           "de": "† Lesung aus den Schriftzeichen erschlossen, noch nicht bestätigt",
                           "zh-Hans": "† 读音据字形推测，尚未核实", "zh-Hant": "† 讀音據字形推測，尚未核實",
                           "ja": "† 読みは字形からの推定で未確認"},
    "role_member": {"en": "Delegation member", "de": "Delegationsmitglied", "zh-Hans": "代表团成员",
                    "zh-Hant": "代表團成員", "ja": "代表団員"},
    "role_counterpart": {"en": "Counterpart", "de": "Gesprächspartner", "zh-Hans": "会见对象", "zh-Hant": "會見對象",
                         "ja": "面会先"},
    "role_participant": {"en": "Participant", "de": "Teilnehmer", "zh-Hans": "出席", "zh-Hant": "出席",
                         "ja": "出席"},
}

def normalise_locale(loc: str | None) -> str:
    """Map user spellings (zh_CN, zh-TW, de-DE, ja_JP ...) onto a book locale."""
    if not loc:
        return "en"
    s = loc.replace("_", "-")
    low = s.lower()
    if low.startswith("zh"):
        if any(t in low for t in ("hant", "-tw", "-hk", "-mo")):
            return "zh-Hant"
        return "zh-Hans"
    base = low.split("-")[0]
    return base if base in BOOK_LOCALES else "en"


def is_cjk_locale(loc: str) -> bool:
    return normalise_locale(loc) in ("zh-Hans", "zh-Hant", "ja")


def label(key: str, loc: str, **kw) -> str:
    table = LABELS.get(key)
    if table is None:
        return key
    text = table.get(normalise_locale(loc)) or table["en"]
    return text.format(**kw) if kw else text


@lru_cache(maxsize=8)
def babel_locale(loc: str) -> Locale:
    from babel import Locale

    return Locale.parse(_BABEL[normalise_locale(loc)])


def format_iso_date(iso: str | None, loc: str) -> str:
    """A full or partial ISO date (2020, 2020-05, 2020-07-30) in the locale's long form."""
    if not iso:
        return ""
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", iso.strip())
    if not m:
        return iso
    from babel.dates import format_date as _babel_format_date
    from babel.dates import format_skeleton

    y, mo, d = m.group(1), m.group(2), m.group(3)
    bl = babel_locale(loc)
    try:
        if d:
            return _babel_format_date(date(int(y), int(mo), int(d)), "long", locale=bl)
        if mo:
            return format_skeleton("yMMMM", date(int(y), int(mo), 1), locale=bl)
        return format_skeleton("y", date(int(y), 1, 1), locale=bl)
    except ValueError:
        return iso


def format_date_range(start: str | None, end: str | None, loc: str) -> str:
    a, b = format_iso_date(start, loc), format_iso_date(end, loc)
    if a and b and a != b:
        return f"{a} – {b}"
    return a or b


def format_number(value: float | int, loc: str, decimals: int | None = None) -> str:
    from babel.numbers import format_decimal

    bl = babel_locale(loc)
    if decimals is None:
        return format_decimal(value, locale=bl, group_separator=True)
    fmt = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=fmt, locale=bl)


def format_money(value: float | int, currency: str | None, loc: str) -> str:
    """7643000000 USD -> en "USD 7.64 billion", de "7,64 Mrd. USD", zh "76.43亿美元"."""
    from babel.numbers import format_compact_decimal, format_decimal

    loc = normalise_locale(loc)
    bl = babel_locale(loc)
    cur = (currency or "").upper() or None
    cjk = loc in ("zh-Hans", "zh-Hant", "ja")
    threshold = 10_000 if cjk else 1_000_000
    if abs(value) >= threshold:
        fmt_type: Literal["long", "short"] = "long" if loc == "en" else "short"
        number = format_compact_decimal(value, format_type=fmt_type, locale=bl, fraction_digits=2)
    else:
        number = format_decimal(value, locale=bl)
    if not cur:
        return number
    if cjk:
        name = _cjk_currency_name(cur, loc)
        return f"{number}{name}"
    if loc == "de":
        return f"{number} {cur}"
    return f"{cur} {number}"


def _cjk_currency_name(cur: str, loc: str) -> str:
    fixed = CJK_CURRENCY.get((cur, loc))
    if fixed:
        return fixed
    from babel.numbers import get_currency_name

    try:
        return get_currency_name(cur, locale=babel_locale(loc))
    except Exception:  # unknown code: show it as given
        return cur


def format_percent_value(value: float, loc: str) -> str:
    from decimal import Decimal

    from babel.numbers import format_percent

    return format_percent(Decimal(str(value)) / 100, locale=babel_locale(loc), decimal_quantization=False)


def format_count(value: float | int, unit: str | None, approx: str | None, loc: str) -> str:
    from babel.numbers import format_compact_decimal, format_decimal

    loc = normalise_locale(loc)
    cjk = loc in ("zh-Hans", "zh-Hant", "ja")
    if cjk and abs(value) < 10_000:
        n = format_decimal(value, locale=babel_locale(loc), group_separator=False)
    elif cjk:
        n = format_compact_decimal(value, format_type="short", locale=babel_locale(loc), fraction_digits=2)
    else:
        n = format_number(value, loc)
    approx_fmt = approx_pattern(approx, loc)
    u = ""
    if unit:
        u = unit_label(unit, loc) or ("" if cjk else unit.replace("_", " "))
    if loc == "ja":  # 1,000社以上: the qualifier follows the counter
        return approx_fmt.format(n=n + u)
    n = approx_fmt.format(n=n)
    if u:
        return f"{n}{'' if cjk or u.startswith('-') else ' '}{u}"
    return n


def format_fact_value(kind: str, value: dict, loc: str) -> str:
    """The display form of a numeric fact's value, or '' if it has none (a figure from
    the knowledge layer comes formatted for the book's locale, approximation included)."""
    if value.get("display"):
        return str(value["display"])
    v = value.get("value")
    if v is None:
        return ""
    try:
        num = float(v)
    except (TypeError, ValueError):
        return str(v)
    if num.is_integer():
        num = int(num)
    if kind == "amount":
        return format_money(num, value.get("currency"), loc)
    if kind == "percentage":
        return format_percent_value(num, loc)
    if kind == "count":
        return format_count(num, value.get("unit"), value.get("approx"), loc)
    return format_number(num, loc)


# --- names -----------------------------------------------------------------

_COMPOUND_SURNAMES = {"欧阳", "歐陽", "司马", "司馬", "诸葛", "諸葛", "上官", "东方", "東方", "皇甫",
                      "令狐", "慕容", "司徒", "公孙", "公孫", "夏侯", "尉迟", "尉遲", "长孙", "長孫"}


@lru_cache(maxsize=4096)
def romanise_name(name: str, lang: str | None = None) -> str:
    """高燕 -> "Gao Yan"; 佐佐木伸彦 -> "Sasaki Nobuhiko" (family name first, as the
    press writes East Asian names).  Returns '' when the name has no CJK."""
    if not has_cjk(name):
        return ""
    japanese = any(map(is_kana, name)) or (lang or "").startswith("ja")
    if japanese:
        parts = ja_reading.name_romaji(name)
        return " ".join(p.capitalize() for p in parts if p) if parts else ""
    from pypinyin import Style, lazy_pinyin

    n = 2 if name[:2] in _COMPOUND_SURNAMES and len(name) > 2 else 1
    family = "".join(lazy_pinyin(name[:n], style=Style.NORMAL, errors="default", v_to_u=True))
    given = "".join(lazy_pinyin(name[n:], style=Style.NORMAL, errors="default", v_to_u=True))
    out = family.capitalize()
    if given:
        out += " " + given.capitalize()
    return out


def romanise_japanese(text: str) -> str:
    """A Japanese place or organisation in Hepburn, one word per dictionary word
    (トヨタ自動車 -> "Toyota Jidosha"); '' when part of it cannot be read."""
    words = ja_reading.reading_romaji(text)
    return " ".join(w.capitalize() for w in words) if words and all(words) else ""


def display_name(name: str, loc: str, lang: str | None = None, romanised: str | None = None) -> str:
    """In a CJK book a name stays as written; elsewhere: "Gao Yan (高燕)"."""
    if is_cjk_locale(loc) or not has_cjk(name):
        return name
    rom = romanised or romanise_name(name, lang)
    return f"{rom} ({name})" if rom else name


@dataclass(frozen=True)
class Localiser:
    """The locale bundled with its functions, handed to the layout builder."""

    loc: str

    def label(self, key: str, **kw) -> str:
        return label(key, self.loc, **kw)

    def date(self, iso: str | None) -> str:
        return format_iso_date(iso, self.loc)

    def date_range(self, a: str | None, b: str | None) -> str:
        return format_date_range(a, b, self.loc)

    def money(self, value, currency) -> str:
        return format_money(value, currency, self.loc)

    def number(self, value, decimals=None) -> str:
        return format_number(value, self.loc, decimals)

    def fact_value(self, kind: str, value: dict) -> str:
        return format_fact_value(kind, value, self.loc)

    def name(self, name: str, lang: str | None = None, romanised: str | None = None) -> str:
        return display_name(name, self.loc, lang, romanised)

    @property
    def cjk(self) -> bool:
        return is_cjk_locale(self.loc)


# The one protective marking a briefing book for a delegation carries, as each
# locale's offices print it.  A trip's classification typed in any of these forms
# (or a common short form) is printed in the book's locale; anything else is
# printed as typed, since an office may use its own scheme.
_RESTRICTED_MARKING = {
    "de": "VS – NUR FÜR DEN DIENSTGEBRAUCH",
    "en": "OFFICIAL – SENSITIVE",
    "zh-Hans": "内部资料",
    "zh-Hant": "內部資料",
    "ja": "取扱注意",
}
_RESTRICTED_FORMS = frozenset({
    "nurfürdendienstgebrauch", "vsnurfürdendienstgebrauch", "vsnfd", "nfd", "internal", "restricted",
    "officialsensitive", "officialuseonly", "forofficialuseonly", "内部资料", "內部資料", "内部", "取扱注意",
    "取り扱い注意", "取扱い注意",
})


def classification_marking(classification: str, loc: str) -> str:
    """The marking printed at the top and bottom of every page for ``classification``."""
    text = (classification or "").strip()
    key = "".join(ch for ch in text.casefold() if ch.isalnum())
    if key in _RESTRICTED_FORMS:
        return _RESTRICTED_MARKING.get(normalise_locale(loc), text)
    return text


_CJK_CLASS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef"
_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？"}


def fullwidth_punctuation(text: str) -> str:
    """ASCII , ; : ! ? between CJK characters, and parentheses next to or around CJK
    text, in their full-width forms, as a Chinese or Japanese text sets them
    (10:00, 2.1% and Latin text keep theirs)."""
    if not text or not has_cjk(text):
        return text
    parens, punct_between_cjk = _fullwidth_patterns()
    text = parens.sub(lambda m: "（" + (m.group(1) if m.group(1) is not None else m.group(2)) + "）", text)
    return punct_between_cjk.sub(lambda m: _FULL_WIDTH[m.group(1) or m.group(2)], text)


@lru_cache(maxsize=1)
def _fullwidth_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(parentheses next to or around CJK text, , ; : ! ? between CJK characters),
    compiled on the first CJK text: a German or English book, and the app's start,
    need neither."""
    return (re.compile(rf"(?:(?<=[{_CJK_CLASS}])\s*\(([^()\n]*)\)|\(([^()\n]*[{_CJK_CLASS}][^()\n]*)\))"),
            re.compile(rf"(?:(?<=[{_CJK_CLASS}0-9%])\s*([,;:])\s*(?=[{_CJK_CLASS}])"
                       rf"|(?<=[{_CJK_CLASS}])([!?]))"))
