"""Events (named or organised activities) and agreements.

Chinese: a name ending in an event word (交流会, 研讨会, 峰会, 签约仪式, 系列活动 ...),
walked back to a boundary like an organisation name; its date is the day-precise
date of the same sentence, its place what follows 在 before 举行/举办.
Agreements: what is signed (签约/签署/签订), jointly issued (共同发表) or agreed
(达成/一致同意/建立...关系), with the organisations and people of the clause
before the verb as parties.  German/English: quoted titles after Seminar/Konferenz/
conference and compound nouns ending in -seminar(e)/-konferenz/-forum.
"""

from __future__ import annotations

import re

from .base import Doc
from .entities_cjk import LEAD_VERBS
from .spans import is_cjk, sentence_bounds

EVENT_WORDS = ("交流会", "研讨会", "洽谈会", "博览会", "推介会", "招商会", "说明会", "座谈会", "对接会",
               "发布会", "见面会", "恳谈会", "交易会", "展览会", "论坛", "峰会", "大会", "年会", "开幕式",
               "闭幕式", "签约仪式", "授牌仪式", "仪式", "系列活动", "活动", "路演", "沙龙", "展会")
EVENT_RE = re.compile("|".join(sorted(EVENT_WORDS, key=len, reverse=True)))
EVENT_STOP = set("，。、；：！？,.;:!?\n\t|的了在是和与及由对向把被将给跟让也都就还又并而但我这那此该其各每等以于到为从")
GENERIC_EVENT = {"活动", "仪式", "大会", "论坛", "系列活动", "开幕式", "峰会", "招商活动", "交流活动", "相关活动",
                 "分会场活动", "对接活动", "线上活动", "合作活动", "展洽活动", "精准对接展洽活动"}
AGREE_RE = re.compile(r"(共同签约|签约|签署了?|签订了?|共同发表|达成(?:了)?(?:一致|共识|合作意向|协议)|一致同意|建立(?:了)?)")


def _back(doc: Doc, e: int, limit: int = 40) -> int:
    norm = doc.norm
    s = e
    quote = 0
    while s > 0 and e - s < limit:
        c = norm[s - 1]
        if c in "”":
            quote += 1
        elif c == "“":
            quote -= 1
            if quote < 0:
                break
        elif quote == 0 and (c in EVENT_STOP or not (is_cjk(c) or c.isalnum() or c in "—-·・()“”")):
            break
        s -= 1
    changed = True
    while changed:
        changed = False
        for v in LEAD_VERBS:
            if norm.startswith(v, s) and e - s - len(v) >= 2:
                s += len(v)
                changed = True
                break
    return s


def _sentence_date(doc: Doc, s: int, e: int) -> str | None:
    for f in doc.facts:
        if f.kind == "date" and s <= f.start < e and f.value.get("iso") and len(f.value["iso"]) == 10:
            return f.value["iso"]
    return None


def _events_cjk(doc: Doc) -> None:
    norm = doc.norm
    seen = set()
    for m in EVENT_RE.finditer(norm):
        e = m.end()
        if e < len(norm) and norm[e] in "”" :
            e += 1
        if e < len(norm) and is_cjk(norm[e]) and norm[e] not in "在于上举已将由是的和与及、开现，。等中后前期间":
            continue  # 会议室, 活动中心: the event word is part of something else
        s = _back(doc, m.end())
        name_s, name_e = s, m.end()
        if norm[name_s] == "“" and norm[name_e - 1:name_e + 1] != "”" and norm.find("”", name_s) == name_e:
            name_s += 1
        if name_s < len(norm) and norm[name_s] == "“" and norm[name_e - 1] == "”":
            name_s, name_e = name_s + 1, name_e - 1
        name = doc.text[name_s:name_e]
        plain = name.strip("“”")
        if len(plain) < 4 or plain in GENERIC_EVENT or plain.startswith(("此次", "本次", "该", "这", "上述", "各类", "相关")):
            continue
        if (name_s, name_e) in seen:
            continue
        seen.add((name_s, name_e))
        ss, se = sentence_bounds(norm, name_s)
        date = _sentence_date(doc, ss, se)
        place = None
        pm = re.search(r"在([^，。；在]{2,30}?)(?:等地)?(?:同步)?(?:举行|举办|召开)", norm[name_e:se])
        if pm:
            place = doc.text[name_e + pm.start(1):name_e + pm.end(1)]
        doc.add("event", name_s, name_e, {"name": name, "date": date, "place": place}, 0.6)


def _agreements_cjk(doc: Doc) -> None:
    norm = doc.norm
    for m in AGREE_RE.finditer(norm):
        ss, se = sentence_bounds(norm, m.start())
        verb = m.group(1)
        obj_s = m.end()
        j = obj_s
        while j < se and norm[j] not in "，。；,;!?！？":
            j += 1
        if verb.startswith("达成") or verb == "一致同意":
            if verb == "一致同意":
                s, e = obj_s, j
            else:
                s, e = m.start(), m.end()
        else:
            s, e = obj_s, j
            if verb.startswith("建立"):
                if not norm[obj_s:j].endswith("关系"):
                    continue
                s = m.start() if norm[obj_s:j].startswith(("战略", "合作")) else obj_s
        if e - s < 2:
            continue
        parties = []
        for f in doc.facts:
            if f.kind in ("organization", "person", "place") and ss <= f.start < m.start():
                nm = f.value.get("name")
                if nm and nm not in parties:
                    parties.append(nm)
        doc.add("agreement", s, e, {"parties": parties}, 0.5)


LATIN_EVENT = re.compile(r"(?:Seminar|Konferenz|Forum|Messe|Gipfel|conference|seminar|forum|summit|fair)s?\s+[\"„“,']([^\"“”']{6,120})[\"“”']")
LATIN_COMPOUND = re.compile(r"\b(?:[a-zäöü][\w\-]*\s+)?[\w\-]+(?:seminare?|konferenz(?:en)?|forum|messe|gipfel)\b")


def _events_latin(doc: Doc) -> None:
    for m in LATIN_EVENT.finditer(doc.norm):
        s, e = m.span(1)
        doc.add("event", s, e, {"name": doc.text[s:e], "date": None, "place": None}, 0.5)
    for m in LATIN_COMPOUND.finditer(doc.norm):
        s, e = m.span()
        words = doc.text[s:e].split()
        if len(words) == 2 and words[0][0].islower() and words[0].lower() not in ("der", "die", "das", "zwei", "drei", "vier", "the", "two"):
            pass
        elif len(words) == 2:
            s = s + len(words[0]) + 1
        if e - s < 8:
            continue
        doc.add("event", s, e, {"name": doc.text[s:e], "date": None, "place": None}, 0.4)


def extract(doc: Doc) -> None:
    if doc.lang in ("zh-Hans", "zh-Hant", "ja"):
        _events_cjk(doc)
        _agreements_cjk(doc)
    else:
        _events_latin(doc)
