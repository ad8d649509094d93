"""The places and organisations a figure's subject is chosen from (knowledge/figures.py).

From the article's place and organisation facts, and a few names the facts do not give:

    山东省青岛市 / 广东省 + 深圳市     the city is the place; the province only says where it is
    ASEAN / 欧盟                      a group of countries is a side of a figure as a country is
    日本“国际客厅”                    a place and a quoted name are one name when the glossary knows
                                      it; otherwise the place only qualifies the quoted phrase
    全国 / 我国 / 我國                the country of the article (China; Taiwan in a Traditional
                                      article that names Taiwan)
    我市 / 我省                       the city or province the article names most often
    Chinese exports / Japan's         a country's adjective before a measure word, and country
                                      names the facts missed (German and English)

Pure logic over the text and the facts; no store, no Qt.
"""

from __future__ import annotations

import re

from .glossary import default_glossary
from .subject_cues import Mention as _Mention
from .subject_cues import adjective_mentions, country_mentions, is_bloc

__all__ = ["figure_mentions"]


def _by_position(mentions: list[_Mention]) -> list[_Mention]:
    """the longest name at a position first (青岛片区 before 青岛)"""
    return sorted(mentions, key=lambda m: (m.start, -m.end))


def figure_mentions(text: str, lang: str, facts: list[dict], is_measure_word) -> list[_Mention]:
    """``facts`` are fact dicts; ``is_measure_word(word)`` says whether a Latin word names a measure."""
    cjk = lang in ("zh-Hans", "zh-Hant", "ja")
    mentions = _by_position([_Mention(f["start"], f["end"], _city_of(f.get("name") or f["text"], f["kind"]),
                                      "place" if f["kind"] == "organization" and is_bloc(f.get("name") or f["text"])
                                      else f["kind"])
                             for f in facts if f.get("kind") in ("place", "organization")])
    mentions = _extend_quoted(_without_city_provinces(mentions), text)

    def free(m: re.Match) -> bool:
        return not any(x.start < m.end() and m.start() < x.end for x in mentions)

    if lang == "zh-Hans":  # 全国新设立外商投资企业…: the country of a Simplified statistics release
        mentions = _by_position(mentions + [_Mention(m.start(), m.end(), "中国", "place")
                                            for m in re.finditer("全国", text) if free(m)])
    if lang in ("zh-Hans", "zh-Hant"):  # 我国对日本出口: the country the article is written in
        home = _home_country(lang, mentions)
        mentions = _by_position(mentions + [_Mention(m.start(), m.end(), home, "place")
                                            for m in re.finditer("我国|我國", text) if free(m)])
    if lang in ("zh-Hans", "zh-Hant"):  # 我市组织205家企业: the city the article is about
        for word, suffix in (("我市", "市"), ("我省", "省")):
            local = _home_place(text, mentions, suffix) if word in text else None
            if local is not None:
                mentions = _by_position(mentions + [_Mention(m.start(), m.end(), local, "place")
                                                    for m in re.finditer(word, text) if free(m)])
    if not cjk:  # Chinese exports, die deutschen Exporte: the country of the adjective
        mentions = mentions + adjective_mentions(text, lang, is_measure_word)
        mentions = _by_position(mentions + country_mentions(text, lang, mentions))
    return mentions


# 山东省青岛市, 愛知県名古屋市: the province only says where the city is; the city is the place
_PROVINCE_CITY = re.compile(r"^[^\W\d]{2,4}?(?:省|県|自治区)(?P<city>[^\W\d]{2,5}?[市县縣区區])$")


def _city_of(name: str, kind: str) -> str:
    m = _PROVINCE_CITY.match(name) if kind == "place" else None
    return m.group("city") if m else name


def _without_city_provinces(mentions: list[_Mention]) -> list[_Mention]:
    """广东省 + 深圳市 read as two names: the city is the place, the province before it goes."""
    cities = {m.start for m in mentions if m.kind == "place" and m.name.endswith(("市", "县", "縣"))}
    return [m for m in mentions if not (m.kind == "place" and m.name.endswith(("省", "県", "自治区"))
                                        and m.end in cities)]


def _extend_quoted(mentions: list[_Mention], text: str) -> list[_Mention]:
    """日本“国际客厅”: a name followed at once by a short quoted name is one name when the
    glossary knows it as a place or organisation.  Otherwise the place only qualifies the
    quoted noun (日本“超级市场”, 日本“烟台行”活动) and is no side of a figure: it is dropped
    from the subject's candidates, and the quoted noun never becomes one."""
    glossary = default_glossary()
    out = []
    for m in mentions:
        q = re.match(r"[“「\"]([^”」\"]{1,10})[”」\"]", text[m.end:m.end + 14])
        if q is None or m.kind != "place":
            out.append(m)
        elif glossary.find(m.name + q.group(), "places") or glossary.find(m.name + q.group(), "organisations"):
            out.append(_Mention(m.start, m.end + q.end(), m.name + q.group(), m.kind))
    return out


def _home_place(text: str, mentions: list[_Mention], suffix: str) -> str | None:
    """The city (市) or province (省) the article names most often with that suffix (as a place
    or at the head of an organisation's name), or None
    when two are named as often (我市 then says nothing we can tell)."""
    counts: dict[str, int] = {}
    for m in mentions:
        name = None
        if m.kind == "place" and (m.name.endswith(suffix) or text[m.end:m.end + 1] == suffix):
            name = m.name.removesuffix(suffix)
        elif m.kind == "organization":  # 威海市贸促会: an organisation of the city
            own = re.match(rf"([\u4e00-\u9fff]{{2,3}}?){suffix}", m.name)
            name = own.group(1) if own else None
        if name:
            counts[name] = counts.get(name, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


_TAIWAN = ("台灣", "台湾", "臺灣", "中華民國", "台北", "臺北")


def _home_country(lang: str, mentions: list[_Mention]) -> str:
    """我国 in Simplified text is China; 我國 in Traditional text that names Taiwan (a Taipei
    dateline, 台灣) is Taiwan, as the article writes it."""
    if lang == "zh-Hant":
        taiwan = next((m.name for m in mentions if m.kind == "place" and m.name.startswith(_TAIWAN)), None)
        if taiwan is not None:
            return "台灣" if taiwan.startswith(("台北", "臺北")) else taiwan
    return "中国" if lang == "zh-Hans" else "中國"


