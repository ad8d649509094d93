"""Amounts of money, percentages and counts (numbers with a unit).

Chinese/Japanese text writes number + large unit + currency or counter
(62.33亿美元, 1000多家日本企业, 近40万人次); German and English write
"7,64 Mrd. Euro", "USD 1.5 billion", "17 Projekten".  Everything is matched on
the normalised text (Simplified, ASCII digits) and reported with original spans.
Malformed numbers (1.2.3) are rejected by ``numbers.parse_digits``; a bare range
such as 2020-2021 has no currency or counter and so never becomes an amount.
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import dictionaries
from .base import Doc
from .numbers import CN_NUM_RE, DIGITS_RE, SCALE_RE, WORD_NUMBERS, clean_value, parse_digits, parse_number

ABOUT_CJK = ("将近", "大约", "接近", "近乎", "约合", "约", "近", "大概", "左右")
MORE_CJK = ("超过", "多达", "逾", "超", "以上", "多", "余")
PREFIX_CJK = r"(?P<pre>将近|大约|接近|约合|超过|多达|约|近|逾|超)?"
NUM_CJK = rf"(?P<num>{DIGITS_RE}|{CN_NUM_RE})"
RANGE_SEP_CJK = r"(?:-|–|—|~|～|〜|至|到)"


def _approx(pre: str | None, post: str | None) -> str:
    if pre:
        return "about" if pre in ABOUT_CJK else "more_than"
    if post:
        return "more_than"
    return "exact"


def _with_approx(value: dict, approx: str) -> dict:
    """An amount's or percentage's value with its approximation (约, rund, more than); an
    exact figure keeps the plain {value, currency} it always had."""
    return {**value, "approx": approx} if approx != "exact" else value


@lru_cache(maxsize=1)
def _cjk_patterns():
    d = dictionaries.get()
    cjk_cur = sorted((w for w in d.currencies.words if not w.isascii()), key=len, reverse=True)
    cjk_cur = [w for w in cjk_cur if w not in ("$", "€", "£", "¥", "￥")]
    cur = "|".join(re.escape(w) for w in cjk_cur)
    amount = re.compile(
        rf"{PREFIX_CJK}(?:(?P<lo>{DIGITS_RE}|{CN_NUM_RE})(?P<loscale>{SCALE_RE})?\s?{RANGE_SEP_CJK}\s?)?{NUM_CJK}(?P<scale>{SCALE_RE})?(?P<tail>(?:\d+(?:\.\d+)?(?:千|百)?(?:亿|万))*)"
        rf"(?P<more>多|余)?(?P<cur>{cur})")
    counters = sorted(d.units.words, key=len, reverse=True)
    cnt = "|".join(re.escape(w) for w in counters)
    count = re.compile(
        rf"(?P<lead>时隔|连续|长达|历时)?{PREFIX_CJK}{NUM_CJK}(?P<scale>{SCALE_RE})?"
        rf"(?P<more>多|余|数)?(?P<counter>{cnt})(?P<more2>多|余)?")
    return amount, count


PCT_CJK = re.compile(
    rf"{PREFIX_CJK}(?:百分之(?P<cnum>{DIGITS_RE}|{CN_NUM_RE})"
    rf"|(?P<den>{DIGITS_RE}|{CN_NUM_RE})分之(?P<nom>{DIGITS_RE}|{CN_NUM_RE})"
    rf"|(?P<num>\d+(?:\.\d+)?)\s?%|(?P<half>一半|半数))")

# 下降1.0个百分点 / 0.5ポイント増: a change of a percentage, in points (shown as points, not as %)
POINTS_CJK = re.compile(rf"{PREFIX_CJK}(?P<num>\d+(?:\.\d+)?|[一二两三四五六七八九十]{{1,3}})\s?(?:个?百分点|ポイント)")
# 两成 / 三成以上 / 3割増: tenths, a percentage (两成 = 20 %).  成 starts many words (成员,
# 成立, 一成不变), so a Chinese tenth must end its word; Japanese 割 after a number is a tenth
# unless it is the verb (割り, 割る, 割れ).
TENTHS_CJK = re.compile(
    rf"{PREFIX_CJK}(?P<num>\d(?:\.\d+)?|10|[一二两三四五六七八九十])(?:(?P<cheng>成)(?=$|[^\u4e00-\u9fff]|以上|左右|多|的|之|增|减"
    r"|上升|下降|提高|降低|来自|用于|集中)|(?P<wari>割)(?![りるれっ]))")
POINTS_LATIN = re.compile(r"(?<![\w.,\-])(?P<num>\d+(?:[.,]\d+)?)\s?(?:percentage points?|Prozentpunkte?n?)(?![\w])")

HARD_STOP = set("，。；：！？,;:!?\n()（）“”\"《》")


def _descending_parts(tail: str, scale: str | None) -> float | None:
    """The sum of the parts after a number's first scale (9414亿9500万 after 1兆); None unless each
    part is smaller than one of the scale before it (1兆2万亿 is no number)."""
    if not scale:
        return None
    total = 0.0
    limit = parse_number("1", scale)
    for num, small, part_scale in re.findall(r"(\d+(?:\.\d+)?)(千|百)?(亿|万)", tail):
        v = parse_number(num, small + part_scale)
        if v is None or limit is None or v >= limit:
            return None
        total += v
        limit = parse_number("1", part_scale)
    return total


def _currency_before(norm: str, s: int, currencies) -> tuple[str, str] | None:
    """The CJK currency word (and its code) that ends right before ``s``, longest first."""
    for n in (4, 3, 2):
        word = norm[max(0, s - n):s]
        if len(word) == n and not word.isascii() and currencies.get(word):
            return word, currencies.get(word)
    return None


def _cjk_amounts(doc: Doc) -> None:
    amount, _ = _cjk_patterns()
    d = dictionaries.get()
    for m in amount.finditer(doc.norm):
        s, e = m.span()
        if not doc.is_free(s, e):
            continue
        # 12.5元/吨-style unit prices and digits glued to letters are not amounts
        if s > 0 and (doc.norm[s - 1].isalnum() and doc.norm[s - 1].isascii()) and not m.group("pre"):
            continue
        v = parse_number(m.group("num"), m.group("scale") or "")
        if v is None:
            continue
        if m.group("tail"):  # 1兆2000亿円 = 1.2e12, 1兆9414亿9500万円: each part below the one before
            tail = _descending_parts(m.group("tail"), m.group("scale"))
            if tail is None:
                continue
            v += tail
        code = d.currencies.get(m.group("cur"))
        pre = m.group("pre")
        if m.group("cur") in ("元", "块", "圆") and not pre:
            # 新台币1兆2000亿元 / 人民币200亿元: a currency word before the number says which 元
            ahead = _currency_before(doc.norm, s, d.currencies)
            if ahead:
                s, code = s - len(ahead[0]), ahead[1]
                about = next((w for w in ABOUT_CJK + MORE_CJK[:3] if doc.norm.endswith(w, 0, s)), None)
                if about:  # 约合人民币3亿元: the approximation stands before the currency
                    s, pre = s - len(about), about
        if m.group("cur") in ("元", "块", "圆") and not m.group("scale") and not m.group("num")[0].isdigit() \
                and (len(m.group("num")) == 1 or doc.lang == "ja"):
            continue  # 一元化, 三元里, 二元論, the surname 四元: no sum of money worth a briefing
        if m.group("cur") in ("元", "块", "圆") and not m.group("scale") and m.group("num").isdigit() \
                and len(m.group("num")) == 4 and e < len(doc.norm) and doc.norm[e] in "年旦月":
            continue  # 2020元旦
        value = _with_approx({"value": clean_value(v), "currency": code}, _approx(pre, m.group("more")))
        if m.group("lo"):
            # 3-5亿元: the lower end takes the scale written after the upper one
            lo = parse_number(m.group("lo"), m.group("loscale") or m.group("scale") or "")
            if lo is None or lo >= v:
                s = m.start("num")
                if m.group("pre"):
                    continue
            else:
                value = {**value, "value": clean_value(lo), "value_end": clean_value(v)}
        doc.add("amount", s, e, value, 0.9, claim=True)


def _points(doc: Doc, pattern: re.Pattern, decimal_comma: bool) -> None:
    for m in pattern.finditer(doc.norm):
        s, e = m.span()
        if not doc.is_free(s, e) or (s > 0 and doc.norm[s - 1].isdigit()):
            continue
        num = m.group("num")
        v = parse_digits(num, decimal_comma) if num[0].isdigit() else parse_number(num)
        if v is None:
            continue
        approx = _approx(m.groupdict().get("pre"), None)
        doc.add("percentage", s, e, _with_approx({"value": clean_value(v), "unit": "percentage_points"}, approx),
                0.9, claim=True)


def _tenths(doc: Doc) -> None:
    norm = doc.norm
    for m in TENTHS_CJK.finditer(norm):
        s, e = m.span()
        before = norm[s - 1] if s > 0 else ""
        if not doc.is_free(s, e) or before and (before.isdigit() or before in ".第一二两三四五六七八九十百千万亿"):
            continue
        if m.group("cheng") and doc.lang == "ja":
            continue  # Japanese 成 after a number is no tenth
        v = parse_number(m.group("num"))
        if v is None or not 0 < v <= 10:
            continue
        doc.add("percentage", s, e, _with_approx({"value": clean_value(v * 10)}, _approx(m.group("pre"), None)),
                0.85, claim=True)


def _cjk_percentages(doc: Doc) -> None:
    _points(doc, POINTS_CJK, False)
    _tenths(doc)
    for m in PCT_CJK.finditer(doc.norm):
        s, e = m.span()
        if not doc.is_free(s, e):
            continue
        if m.group("half"):
            v = 50.0
        elif m.group("num"):
            if s > 0 and (doc.norm[s - 1].isdigit() or doc.norm[s - 1] == "."):
                continue
            v = parse_digits(m.group("num"))
        elif m.group("cnum"):
            v = parse_number(m.group("cnum"))
        else:
            den, nom = parse_number(m.group("den")), parse_number(m.group("nom"))
            v = round(nom / den * 100, 2) if den and nom is not None and nom <= den else None
        if v is None or v > 100000:
            continue
        doc.add("percentage", s, e, _with_approx({"value": clean_value(v)}, _approx(m.group("pre"), None)),
                0.9, claim=True)


def _cjk_counts(doc: Doc) -> None:
    _, count = _cjk_patterns()
    d = dictionaries.get()
    norm = doc.norm
    for m in count.finditer(norm):
        s, e = m.span()
        counter = m.group("counter")
        num = m.group("num")
        if not doc.is_free(s, e):
            continue
        before = norm[s - 1] if s > 0 else ""
        if before == "第" or (before.isdigit() or before == "."):
            continue  # ordinals (第三家) and the tail of a longer number
        after = norm[e] if e < len(norm) else ""
        is_cn = not num[0].isdigit()
        v = parse_number(num, m.group("scale") or "")
        if v is None or v <= 0:
            continue
        if is_cn and num in ("一", "两", "二") and counter not in ("个月", "年", "倍", "场", "座", "家", "方") \
                and not (num != "一" and d.unit_nouns.match_at(norm, e)):
            continue  # 一次, 两国: idiomatic, rarely a figure worth keeping (两个项目 is a count)
        if is_cn and num == "一":
            continue
        if m.group("more") == "数" and (doc.lang != "ja" or not num.isdigit()):
            continue  # 120数名 ("a hundred and twenty-odd") is Japanese
        if counter == "台" and len(num) == 4 and 1900 <= v <= 2100:
            continue  # 2023台日論壇: a year before 台 (Taiwan), not 2023 machines
        if counter in ("日", "月", "年") and v >= 1000:
            continue  # 2024日本企业...: a year glued to a name
        if counter in ("国", "市", "省", "县", "区") and (is_cn or after in "长委政府民"):
            continue  # 两国 / 16市长
        if counter == "方" and (num in ("一", "两", "二") or after in "面式法案位向针"):
            continue  # 四方 as parties only, not 方面/方式
        if counter in ("年", "月", "天", "周") and not _is_duration(norm, m, v):
            continue
        if counter == "个" and after == "月":
            continue  # handled by 个月
        if counter in ("台", "所", "条", "件", "种", "类", "只", "份", "套") and after and after in "湾风阶上下理以件":
            continue
        if counter == "人" and after in "民员士才口大":
            continue
        if counter == "名" and after in "单义称字":
            continue
        if counter == "家" and after in "庭乡长":
            continue
        if counter == "位" and after in "于置数":
            continue
        if counter == "位" and doc.lang == "ja":
            continue  # 4位に躍進: a rank in Japanese (people are 人 / 名)
        if counter == "项" and after == "目":
            continue
        if counter == "次" and after in "数序级":
            continue
        if counter == "批" and after in "准复":
            continue
        unit = d.units.get(counter)
        end = e
        if counter == "周" and after == "年":
            # 30周年: an anniversary, so many years; what follows (系列活动) is not what is counted
            doc.add("count", s, e + 1, {"value": clean_value(v), "unit": "years",
                                        "approx": _approx(m.group("pre"), m.group("more"))}, 0.75, claim=False)
            doc.claim(s, e)
            continue
        # a following noun refines the unit (1000多家日本企业 -> companies)
        j = e
        limit = min(len(norm), e + 24)
        while j < limit and norm[j] not in HARD_STOP and counter not in DURATION_COUNTERS:
            if doc.lang == "ja" and norm[j] in "がはをにとで、":
                break  # a particle ends the phrase: 120名が、日本企業と… counts people, not companies
            n = d.unit_nouns.match_at(norm, j)
            if n:
                unit = d.unit_nouns.get(norm[j:j + n])
                end = j + n
                break
            if counter in ("年", "个月", "月", "天", "倍", "平方米", "次", "人次") or \
                    (len(counter) > 1 and counter.endswith(("月", "所", "国"))):
                break  # durations, measures and counters that are nouns (10カ国の企業) take no noun
            j += 1
        if counter == "年" and norm.startswith("历史", e):
            end = e + 2
        start = s
        if not m.group("lead"):
            # 投资项目2155个: the noun before the number names what is counted
            k = d.unit_nouns.match_ending_at(norm, s, 6)
            # 都市15カ所: the Japanese counter of places takes the noun before it as well
            if k and end == e and (counter in ("个", "家", "项", "座", "名", "所", "件") or counter.endswith(("所", "国"))):
                unit = d.unit_nouns.get(norm[s - k:s]) or unit
                back = s - k
                # take the modifier glued before the noun (投资项目)
                while back > 0 and s - back < 6 and norm[back - 1] not in HARD_STOP and \
                        not norm[back - 1].isdigit() and norm[back - 1] not in "在的了是有和与及、の":
                    back -= 1
                if back > 0 and norm[back - 1:back + 1] in d.zh_common:
                    back = s - k  # 与会|代表: the stop character opens a word, so no modifier is cut out of it
                start = back
        approx = _approx(m.group("pre"), m.group("more") or m.group("more2"))
        doc.add("count", start, end, {"value": clean_value(v), "unit": unit, "approx": approx},
                0.75, claim=False)
        doc.claim(s, e)


# durations take no noun after them: 为期7天|城市外交 is seven days, not seven cities
DURATION_COUNTERS = ("天", "周", "个月", "小时", "分钟")


def _is_duration(norm: str, m: re.Match, v: float) -> bool:
    """年/月/天 after a number: a duration (连续11年, 57年历史) rather than a date."""
    counter = m.group("counter")
    s, e = m.span()
    after = norm[e:e + 2]
    if m.group("lead"):
        return True
    if counter == "年":
        if v >= 1000:
            return False
        if after.startswith(("の间", "ぶり", "间に", "间で")):
            return True  # Japanese: 18年の間, 10年ぶり
        return after.startswith(("历史", "来", "间", "之久", "时间", "多", "的历史")) or bool(
            m.group("pre") or m.group("more") or m.group("more2"))
    if counter == "月":
        return False  # 8月 is a month; 个月 is its own counter
    if counter in ("天", "周"):
        # 天津, 天下 are words; 13天内 ("within 13 days") is still a duration
        return not after.startswith(("津", "下"))
    return True


def extract_cjk(doc: Doc) -> None:
    _cjk_amounts(doc)
    _cjk_percentages(doc)
    _cjk_counts(doc)


# ---------------------------------------------------------------- German / English

SCALES_LATIN = {
    "mrd.": 1e9, "mrd": 1e9, "milliarde": 1e9, "milliarden": 1e9, "mio.": 1e6, "mio": 1e6,
    "million": 1e6, "millionen": 1e6, "millions": 1e6, "tsd.": 1e3, "tausend": 1e3,
    "thousand": 1e3, "billion": 1e9, "billions": 1e9, "bn": 1e9, "mn": 1e6, "m": 1e6,
    "trillion": 1e12, "bio.": 1e12, "billionen": 1e12, "k": 1e3,
}
SCALE_LATIN_RE = (r"(?:Mrd\.?|Milliarden|Milliarde|Mio\.?|Millionen|Million|Tsd\.|Tausend|"
                  r"Billionen|Bio\.|billions?|millions?|trillion|thousand|bn|mn|m|k)")
LNUM = r"\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
APPROX_LATIN = {"rund": "about", "etwa": "about", "ca.": "about", "circa": "about",
                "fast": "about", "knapp": "about", "about": "about",
                "around": "about", "nearly": "about", "almost": "about", "approximately": "about",
                "some": "about", "roughly": "about", "über": "more_than", "mehr als": "more_than",
                "more than": "more_than", "over": "more_than", "über als": "more_than",
                "mindestens": "more_than", "at least": "more_than"}
# case-blind: the word opens a sentence as often as not (Rund 2.000 Firmen, About 2,000 companies)
APPROX_LATIN_RE = (r"(?:(?P<pre>(?i:rund|etwa|ca\.|circa|fast|knapp|über|mehr als|mindestens|about|around|nearly|almost|"
                   r"approximately|roughly|more than|over|at least))\s+)?")


def _latin_value(num: str, lang: str) -> float | None:
    if lang == "de":
        v = parse_digits(num, decimal_comma=True)
        if v is None:
            v = parse_digits(num)
        return v
    v = parse_digits(num)
    if v is None and re.fullmatch(r"\d+,\d{1,2}", num):
        v = parse_digits(num, decimal_comma=True)
    return v


@lru_cache(maxsize=1)
def _latin_patterns():
    d = dictionaries.get()
    words = sorted((w for w in d.currencies.words if w.isascii() or w in "€£¥$"),
                   key=len, reverse=True)
    symbols = [w for w in words if not w[0].isalpha() or w.isupper()]
    cur_all = "|".join(re.escape(w) for w in words)
    pre = "|".join(re.escape(w) for w in symbols)
    before = re.compile(rf"(?<![\w.,\-]){APPROX_LATIN_RE}(?P<cur>{pre})\s?(?P<num>{LNUM})(?:\s?(?P<scale>{SCALE_LATIN_RE})(?![\w]))?")
    after = re.compile(rf"(?<![\w.,\-]){APPROX_LATIN_RE}{RANGE_LATIN}(?P<num>{LNUM})\s?(?:(?P<scale>{SCALE_LATIN_RE})\s?)?(?P<cur>{cur_all})(?![\w])")
    # zwei Milliarden Euro / ten million dollars / a billion dollars: a spelled-out number, only
    # with its scale word (zwei Euro is seldom a figure a briefing keeps)
    spelled = re.compile(rf"(?<![\w.,\-]){APPROX_LATIN_RE}(?P<num>(?i:{NUMWORD}|eine|ein|one|a))\s"
                         rf"(?P<scale>(?i:Milliarden|Milliarde|Millionen|Million|Billionen|billions?|millions?|trillion))\s"
                         rf"(?P<cur>{cur_all})(?![\w])")
    return before, after, spelled


# between 3 and 5 billion / zwischen 3 und 5 Milliarden / 3 bis 5 Mrd. / 3-5 million
RANGE_LATIN = rf"(?:(?P<between>between|zwischen)\s+)?(?:(?P<lo>{LNUM})\s?(?:–|-|bis|to|and|und)\s?)?"
NUMWORD = "|".join(sorted((w for w, v in WORD_NUMBERS.items() if v >= 2), key=len, reverse=True))
COUNT_SCALE = r"(?:(?P<scale>Millionen|Million|Milliarden|Milliarde|Mio\.|Tausend|millions?|billions?|thousand)\s+)?"
# 3,5 Prozent / fünf Prozent / ten percent
PCT_LATIN = re.compile(rf"(?<![\w.,\-]){APPROX_LATIN_RE}(?:(?P<num>{LNUM})\s?(?:%|Prozent|percent|per cent|vH)"
                       rf"|(?P<word>(?i:{NUMWORD}))\s(?:Prozent|percent|per cent))(?![\w])")


def _spelled_value(word: str) -> float | None:
    low = word.lower()
    return 1.0 if low in ("a", "ein", "eine", "one") else (float(WORD_NUMBERS[low]) if low in WORD_NUMBERS else None)
COUNT_DE = re.compile(
    rf"(?<![\w.,\-]){APPROX_LATIN_RE}(?P<num>\d+(?:[.,]\d{{3}})*|(?i:{NUMWORD}))\s+" + COUNT_SCALE +
    r"(?P<adj>(?:[a-zäöüß][\w\-äöüß]*\s+){0,2})(?P<noun>[A-ZÄÖÜ][\w\-äöüß]+)")
COUNT_EN = re.compile(
    rf"(?<![\w.,\-]){APPROX_LATIN_RE}(?P<num>\d+(?:,\d{{3}})*|(?i:{NUMWORD}))\s+" + COUNT_SCALE +
    r"(?P<adj>(?:[a-z][\w\-]*\s+|[A-Z][a-z]+(?:ese|an|ian|ish|ch|i)\s+)?)(?P<noun>[a-z][\w\-]*s|people|children|women|men|staff|personnel)\b")
# a number joined to what it counts: eine 15-köpfige Delegation, a 120-strong delegation,
# a 36-member team, the 3-day visit, zum 30-jährigen Bestehen
HYPHEN_COUNT = re.compile(r"(?<![\w.,\-])(?P<num>\d{1,5})-(?P<what>köpfige[nrms]?|köpfig|strong|member|person|"
                          r"day|week|month|year|tägige[nrms]?|wöchige[nrms]?|monatige[nrms]?|jährige[nrms]?)(?![\w\-])")
_HYPHEN_UNITS = {"köpf": "people", "stro": "people", "memb": "people", "pers": "people", "day": "days",
                 "täg": "days", "week": "weeks", "wöch": "weeks", "mont": "months", "mona": "months",
                 "year": "years", "jähr": "years"}
# the population of a place: "a population of about 1.41 million", "home to nearly 80 million people"
POPULATION = re.compile(r"\b(?:population of|home to)\s+" + APPROX_LATIN_RE +
                        r"(?P<num>\d+(?:[.,]\d+)?)\s(?P<scale>million|billion)(?:\s(?:people|inhabitants|residents))?\b")
DE_UNITS = {"projekt": "projects", "seminar": "seminars", "unternehmen": "companies",
            "firm": "companies", "länder": "countries", "städte": "cities", "jahr": "years",
            "monat": "months", "tag": "days", "woche": "weeks", "mensch": "people",
            "person": "people", "teilnehmer": "participants", "mitarbeiter": "employees",
            "besucher": "visitors", "veranstaltung": "events", "abkommen": "agreements",
            "vertr": "contracts", "aussteller": "exhibitors", "delegation": "delegations"}
# what a briefing counts: a spelled-out number counts only these (digits count any plural noun)
COUNTABLE = set(DE_UNITS.values()) | {
    "companies", "firms", "enterprises", "businesses", "projects", "visitors", "flights", "delegations",
    "cities", "countries", "provinces", "regions", "agreements", "contracts", "deals", "events", "seminars",
    "exhibitors", "participants", "people", "employees", "workers", "jobs", "members", "students", "years",
    "months", "days", "weeks", "hours", "factories", "plants", "branches", "offices", "stores", "ships",
    "vessels", "containers", "routes", "ports", "hotels", "schools", "universities", "hospitals", "banks",
    "investors", "tourists", "passengers", "products", "vehicles", "cars", "trains", "sessions", "forums",
    "meetings", "memoranda", "partnerships", "zones", "parks", "sites", "centres", "centers", "institutes",
}


_BEFORE_A_YEAR = re.compile(r"(?i:\b(?:im|in|seit|bis|ab|von|vor|nach|um|jahr|jahre|jahres|since|until|by|from|before|"
                            r"after|year|of|and|und|to|zum|zur|für|for)|[–\-/])\s*$")


def _count_not_year(text: str, m: re.Match, lang: str) -> bool:
    """Rund 2000 Unternehmen, 2000 companies: a four-digit number before a thing a briefing counts
    is a count, unless a word of time stands before it (im Jahr 2017 Unternehmen…, since 2019 firms)."""
    if m.group("pre"):
        return True
    low = m.group("noun").lower()
    unit = _de_unit(low) if lang == "de" else low
    if unit not in COUNTABLE or unit in ("years", "months", "days", "weeks", "hours") or m.group("adj").strip():
        return False
    return not _BEFORE_A_YEAR.search(text[max(0, m.start() - 12):m.start()])


def _de_unit(low: str) -> str | None:
    """The unit of a German noun from the head of its compound (its last part):
    Städtekooperationsseminare are seminars, Partnerstädte cities, Unternehmensvertreter
    no companies."""
    best = None
    for key, unit in DE_UNITS.items():
        p = low.rfind(key)
        if p >= 0 and len(low) - (p + len(key)) <= 3 and (best is None or p > best[0]):
            best = (p, unit)
    return best[1] if best else None


MONTHS_LATIN = {"januar", "februar", "märz", "april", "mai", "juni", "juli", "august",
                "september", "oktober", "november", "dezember", "january", "february",
                "march", "may", "june", "july", "october", "december", "jan", "feb", "mar",
                "apr", "jun", "jul", "aug", "sep", "sept", "oct", "okt", "nov", "dec", "dez",
                "uhr", "prozent", "percent", "mal", "times", "and", "und", "or", "oder", "of",
                "to", "bis", "the", "der", "die", "das", "a", "an"}


def extract_latin(doc: Doc) -> None:
    d = dictionaries.get()
    before, after, spelled = _latin_patterns()
    lang = doc.lang
    for rx in (before, after, spelled):
        for m in rx.finditer(doc.norm):
            s, e = m.span()
            if not doc.is_free(s, e):
                continue
            v = _latin_value(m.group("num"), lang) if rx is not spelled else _spelled_value(m.group("num"))
            if v is None:
                continue
            scale = m.group("scale")
            if scale:
                key = scale.lower()
                mult = SCALES_LATIN.get(key, 1)
                if key == "billion" and scale == "Billion" and lang == "de":
                    mult = 1e12  # German "Billion" is a million million
                if key in ("m", "k") and rx is after and lang == "de":
                    mult = 1
                v *= mult
            value = _with_approx({"value": clean_value(v), "currency": d.currencies.get(m.group("cur"))},
                                 APPROX_LATIN.get((m.groupdict().get("pre") or "").lower(), "exact"))
            lo_text = m.groupdict().get("lo")
            if lo_text:
                lo = _latin_value(lo_text, lang)
                if lo is not None and scale:
                    lo *= v / (_latin_value(m.group("num"), lang) or 1)  # the scale after the upper end
                if lo is None or lo >= v or (m.group("between") is None and re.search(r"and|und", m.group(0))):
                    s = m.start("num")  # "3 and 5 million": two figures, not a range
                else:
                    value = {**value, "value": clean_value(lo), "value_end": clean_value(v)}
            elif m.groupdict().get("between"):
                s = m.start("num")
            doc.add("amount", s, e, value, 0.85, claim=True)
    _points(doc, POINTS_LATIN, lang == "de")
    for m in PCT_LATIN.finditer(doc.norm):
        s, e = m.span()
        if not doc.is_free(s, e):
            continue
        v = _latin_value(m.group("num"), lang) if m.group("num") else _spelled_value(m.group("word"))
        if v is None:
            continue
        doc.add("percentage", s, e,
                _with_approx({"value": clean_value(v)}, APPROX_LATIN.get((m.group("pre") or "").lower(), "exact")),
                0.9, claim=True)
    for m in HYPHEN_COUNT.finditer(doc.norm):
        s, e = m.span()
        what = m.group("what")
        unit = next((u for k, u in _HYPHEN_UNITS.items() if what.startswith(k)), None)
        if unit is None or not doc.is_free(s, e) or int(m.group("num")) < 2 and unit == "people":
            continue
        doc.add("count", s, e, {"value": clean_value(float(m.group("num"))), "unit": unit, "approx": "exact"}, 0.6)
        doc.claim(s, e)
    if lang == "en":
        for m in POPULATION.finditer(doc.norm):
            s, e = m.start("num") if not m.group("pre") else m.start("pre"), m.end()
            if not doc.is_free(m.start("num"), e):
                continue
            v = _latin_value(m.group("num"), lang)
            if v is None:
                continue
            doc.add("count", s, e, {"value": clean_value(v * SCALES_LATIN[m.group("scale")]), "unit": "people",
                                    "approx": APPROX_LATIN.get((m.group("pre") or "").lower(), "exact")}, 0.6)
            doc.claim(s, e)
    for m in (COUNT_DE if lang == "de" else COUNT_EN).finditer(doc.norm):
        s, e = m.span()
        if not doc.is_free(s, e):
            continue
        num = m.group("num")
        noun = m.group("noun")
        if noun.lower() in MONTHS_LATIN or m.group("adj").strip().lower() in MONTHS_LATIN:
            continue
        if num.isdigit() and 1800 <= int(num) <= 2100 and len(num) == 4 and not _count_not_year(doc.norm, m, lang):
            continue  # a year
        if num[0].isdigit() and e < len(doc.norm) and doc.norm[m.start("num") + len(num):][:1] == ".":
            continue  # "30." is an ordinal/date
        if lang == "de" and not noun[0].isupper():
            continue  # German counted things are nouns
        if lang != "de" and noun[0].isupper() and not m.group("adj"):
            continue  # "2 Qingdao" - a name, not a counted noun
        v = WORD_NUMBERS.get(num.lower())
        if v is None:
            v = parse_digits(num.replace(".", ",") if lang == "de" else num)
        if not v or v < 2 and not num.isdigit():
            continue
        if m.group("scale"):
            v *= SCALES_LATIN.get(m.group("scale").lower(), 1)
        elif not num[0].isdigit() and re.search(r"(?i:\b(?:the|die|der|den|these|those|both))\s+$", doc.norm[max(0, s - 8):s]):
            continue  # "the two regions", "die zwei Seiten": the parties spoken of, not a figure
        low = noun.lower()
        unit = _de_unit(low) if lang == "de" else low
        if not num[0].isdigit() and (unit or low) not in COUNTABLE:
            # a spelled-out number before a noun that is no countable thing names the
            # parties of a talk ("two sides", "zwei Seiten"), not a figure: a written-out
            # count is taken only for things a briefing counts (companies, projects, flights)
            continue
        unit = unit or low
        doc.add("count", s, e, {"value": clean_value(v), "unit": unit,
                                "approx": APPROX_LATIN.get((m.group("pre") or "").lower(), "exact")},
                0.6)
        doc.claim(m.start("num"), m.start("num") + len(num))
