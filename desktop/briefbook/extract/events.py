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
from bisect import bisect_left

from ..core.text import is_han
from . import dictionaries
from .base import Doc
from .cjk.scan import LEAD_VERBS
from .spans import sentence_bounds

EVENT_WORDS = ("交流会", "研讨会", "洽谈会", "博览会", "推介会", "招商会", "说明会", "座谈会", "对接会",
               "发布会", "见面会", "恳谈会", "交易会", "展览会", "展销会", "媒合会", "商谈会", "论坛", "峰会", "大会",
               "年会", "开幕式", "闭幕式", "签约仪式", "授牌仪式", "仪式", "系列活动", "活动", "路演", "沙龙", "展会",
               "会议", "展示会", "フォーラム", "シンポジウム", "セミナー", "サミット", "エキスポ", "フェア")
EVENT_RE = re.compile("|".join(sorted(EVENT_WORDS, key=len, reverse=True)))
EVENT_STOP = set("，。、；：！？,.;:!?\n\t|的了在是和与及由对向把被将给跟让也都就还又并而但我这那此该其各每等以于到为从亦")
GENERIC_EVENT = {"活动", "仪式", "大会", "论坛", "系列活动", "开幕式", "峰会", "招商活动", "交流活动", "相关活动",
                 "分会场活动", "对接活动", "线上活动", "合作活动", "展洽活动", "精准对接展洽活动", "签约仪式", "启动仪式",
                 "会议", "授牌仪式", "闭幕式"}
# an event named only by generic words needs something proper in its name (a quote,
# a number, a place, an organisation) when its head is one of these
WEAK_HEADS = ("活动", "大会", "仪式", "会议", "开幕式", "闭幕式")
GENERIC_EVENT_WORDS = set("相关往来投资经贸招商交流合作对接展洽系列线上线下重大重要各类多次场项一般大型主要专题启动签约授牌")
# verbs inside a candidate: the name starts after them (…副署长李冠志亦出席|签约仪式)
CUT_VERBS = ("出席", "参加", "举办", "举行", "召开", "组织", "收看", "观看", "参与", "主办", "承办", "启动", "开展",
             "开幕", "亮相", "前往", "赴", "率团", "率领", "带领", "访问", "考察", "加大", "办好", "筹办", "推动")
QUOTE_OPEN, QUOTE_CLOSE = "“「『", "”」』"
# function characters that also start content words inside event names
WORD_STARTS = {"对": ("对话", "对接", "对外"), "和": ("和平", "和谐"), "与": ("与会",), "以": ("以色",),
               "为": ("为期",), "发": ("发展", "发布")}
AGREE_RE = re.compile(r"(共同签约|签约|签署了?|签订了?|共同发表|达成(?:了)?(?:一致|共识|合作意向|协议)|一致同意|建立(?:了)?)")
AGREE_NOUNS = ("谅解备忘录", "备忘录", "框架协议", "协议书", "协议", "合同", "协定", "意向书", "合作书", "议定书",
               "声明", "公约", "文件", "框架")


def _back(doc: Doc, e: int, limit: int = 40, head: int | None = None) -> int:
    norm = doc.norm
    s = e if head is None else head  # the event word itself is part of the name (对接会)
    quote = 0
    while s > 0 and e - s < limit:
        c = norm[s - 1]
        if c in QUOTE_CLOSE:
            quote += 1
        elif c in QUOTE_OPEN:
            quote -= 1
            if quote < 0:
                break
        elif quote == 0 and c in WORD_STARTS and norm[s - 1:s + 1] in WORD_STARTS[c]:
            pass  # 对话山东, 对接交流洽谈会: the stop character starts a word here
        elif quote == 0 and (c in EVENT_STOP or doc.taken[s - 1] and not c.isdigit() or "\u3040" <= c <= "\u309f" or
                             not (is_han(c) or c.isalnum() or c in "—-·・()" + QUOTE_OPEN + QUOTE_CLOSE)):
            break
        elif quote == 0 and any(norm.startswith(v, s - len(v)) for v in CUT_VERBS):
            break
        s -= 1
    changed = True
    head_s = head if head is not None else e
    while changed:
        changed = False
        for v in LEAD_VERBS:
            if norm.startswith(v, s) and e - s - len(v) >= 2:
                if any(norm.startswith(w, s) for w in WORD_STARTS.get(v, ())):
                    continue  # 对话山东: not the verb 对
                if all(c in GENERIC_EVENT_WORDS for c in norm[s + len(v):head_s]):
                    break  # 对接|交流洽谈会: without the verb only generic words are left
                s += len(v)
                changed = True
                break
    return s


def _sentence_date(doc: Doc, s: int, e: int) -> str | None:
    """The day-precise date of the sentence, else its month or year."""
    best = None
    for f in doc.facts:
        if f.kind == "date" and s <= f.start < e and f.value.get("iso"):
            iso = f.value["iso"]
            if best is None or len(iso) > len(best):
                best = iso
    return best


PLACE_AFTER = re.compile(r"在([^，。；在]{2,30}?)(?:等地)?(?:同步)?(?:隆重)?(?:举行|举办|召开|开幕|开展|开幕式)")


def _event_place(doc: Doc, name_s: int, name_e: int, ss: int, se: int) -> str | None:
    norm = doc.norm
    pm = PLACE_AFTER.search(norm, name_e, se)
    if pm and pm.start() - name_e <= 2:
        return doc.text[pm.start(1):pm.end(1)]
    # 在胡志明市举办「…展」/ 東京で「…フォーラム」を開催 / 上海で開かれる…博覧会
    pm = None
    for m in re.finditer(r"在([^，。；在]{2,20}?)(?:举行|举办|召开)", norm[ss:name_s]):
        pm = m
    if pm:
        return doc.text[ss + pm.start(1):ss + pm.end(1)]
    places = [f for f in doc.facts if f.kind == "place" and ss <= f.start and f.end <= se
              and not (name_s <= f.start < name_e)]
    for f in places:
        if norm[f.end:f.end + 1] == "で":
            return f.text
    return None


def _events_cjk(doc: Doc) -> None:
    norm = doc.norm
    seen = set()
    for m in EVENT_RE.finditer(norm):
        e = m.end()
        if e < len(norm) and norm[e] in QUOTE_CLOSE:
            e += 1
        if e < len(norm) and is_han(norm[e]) and norm[e] not in "在于上举已将由是的和与及、开现，。等中后前期间":
            continue  # 会议室, 活动中心: the event word is part of something else
        if m.group() == "会议" and norm[m.start() - 1:m.start()] in ("商", "所", "工"):
            continue  # 商工会议所
        s = _back(doc, m.end(), head=m.start())
        name_s, name_e = s, m.end()
        inner = EVENT_RE.search(norm, max(name_s, m.start() - 4), m.start()) if m.group() == "活动" else None
        if inner and inner.end() == m.start():
            name_e = m.start()  # …主题研讨会活动: the activity is the seminar
            if (name_s, name_e) in seen:
                continue
        if norm[name_s] in QUOTE_OPEN and norm.find(QUOTE_CLOSE[QUOTE_OPEN.index(norm[name_s])], name_s) == name_e:
            name_s += 1
        if name_s < len(norm) and norm[name_s] in QUOTE_OPEN and norm[name_e - 1] in QUOTE_CLOSE:
            name_s, name_e = name_s + 1, name_e - 1
        name = doc.text[name_s:name_e]
        plain = "".join(c for c in norm[name_s:name_e] if c not in QUOTE_OPEN + QUOTE_CLOSE)
        if len(plain) < 4 or plain in GENERIC_EVENT or plain.startswith(("此次", "本次", "该", "这", "上述", "各类", "相关")):
            continue
        if m.group() == "会议" and len(plain) < 6:
            continue
        if plain.endswith(WEAK_HEADS) and not _proper(doc, name_s, name_e, m.start()):
            continue  # 相关活动, 投资经贸活动, 招商大会: no name of its own
        if (name_s, name_e) in seen:
            continue
        seen.add((name_s, name_e))
        ss, se = sentence_bounds(norm, name_s)
        date = _sentence_date(doc, ss, se)
        place = _event_place(doc, name_s, name_e, ss, se)
        doc.add("event", name_s, name_e, {"name": name, "date": date, "place": place}, 0.6)
    _quoted_events_cjk(doc, seen)


def _proper(doc: Doc, s: int, e: int, head: int) -> bool:
    """Does the event name before its head word hold something of its own?"""
    norm = doc.norm
    body = norm[s:head]
    if any(c in QUOTE_OPEN + QUOTE_CLOSE or c.isdigit() for c in body) or "第" in body:
        return True
    if all(c in GENERIC_EVENT_WORDS for c in body):
        return False
    for f in doc.facts:
        if f.kind in ("place", "organization") and s <= f.start < head:
            return True
    if any(w in body for w in ("中日", "日中", "中韩", "中德", "中欧", "国际", "中国", "东盟", "亚洲", "世界", "全球")):
        return True
    return sum(1 for c in body if c not in GENERIC_EVENT_WORDS) >= 3


QUOTED = re.compile(r"[“「『]([^”」』“「『]{3,40})[”」』]")
SHOW_END = ("展", "节", "周", "赛", "日", "月", "季")


def _quoted_events_cjk(doc: Doc, seen: set) -> None:
    """「2026臺灣形象展」: a quoted title that ends in an exhibition/festival word, right
    after a verb of holding (举办/举行/参加/出席/开幕)."""
    norm = doc.norm
    for m in QUOTED.finditer(norm):
        inner = m.group(1)
        if not inner.endswith(SHOW_END):
            continue
        before = norm[max(0, m.start() - 4):m.start()]
        if not any(v in before for v in ("举办", "举行", "参加", "出席", "召开", "主办", "参观", "开幕", "亮相")):
            continue
        s, e = m.span(1)
        if any(a <= s < b for a, b in seen):
            continue
        seen.add((s, e))
        ss, se = sentence_bounds(norm, s)
        doc.add("event", s, e, {"name": doc.text[s:e], "date": _sentence_date(doc, ss, se),
                                "place": _event_place(doc, s, e, ss, se)}, 0.55)


# who witnesses a signing is no party to it: the names from the phrase to the clause's
# end (or to the verb: Im Beisein von Markus Söder unterzeichneten A und B ...)
WITNESS_LATIN = re.compile(r"\b(?:in the presence of|witnessed by|in front of|im Beisein (?:von|des|der)|"
                           r"in (?:Anwesenheit|Gegenwart) (?:von|des|der)|unter (?:Anwesenheit|den Augen) (?:von|des|der))"
                           r"\s", re.IGNORECASE)
# ... and the names from the clause's start (or its 在) to the phrase: 在周乃翔省长见证下
WITNESS_CJK = re.compile(r"见证|の?立ち?会いの?(?:もと|下)|の?立ち?会いで|出席の(?:もと|下)")
# where it is signed is no party either: a venue (at the Grand Hotel, 在慕尼黑希尔顿酒店)
VENUE_ENDS_LATIN = ("Hotel", "Hall", "Palace", "Halle", "Saal", "Rathaus", "Residenz")
VENUE_ENDS_CJK = ("酒店", "饭店", "宾馆", "大厦", "会议中心", "会展中心", "展览中心", "礼堂", "大会堂", "ホテル", "会館",
                  "会議場")


def _not_parties(doc: Doc, ss: int, se: int, verb: int) -> list[tuple[int, int]]:
    """Stretches of the sentence [ss, se) whose names witness the signing at ``verb``."""
    out = []
    if doc.lang in ("de", "en"):
        for m in WITNESS_LATIN.finditer(doc.text, ss, se):
            e = m.end()
            while e < se and doc.text[e] not in ",;:" and (e != verb or e < m.end()):
                e += 1
            out.append((m.start(), e))
        return out
    norm = doc.norm
    for m in WITNESS_CJK.finditer(norm, ss, se):
        b = m.start()
        while b > ss and norm[b - 1] not in "，,；;、：:" and norm[b - 1] != "在":
            b -= 1
        out.append((b, m.start()))
    return out


def _is_venue(doc: Doc, f) -> bool:
    name = f.value.get("name") or ""
    if doc.lang in ("de", "en"):
        if name.split()[-1:] and name.split()[-1] in VENUE_ENDS_LATIN:
            return True
        return re.search(r"\b(?:at|at the|im)\s+$", doc.text[max(0, f.start - 8):f.start]) is not None \
            and f.kind == "place"
    if name.endswith(VENUE_ENDS_CJK):
        return True
    before = doc.norm[f.start - 1] if f.start else ""
    after = doc.norm[f.end:f.end + 4]
    return before in ("在", "于") or (doc.lang == "ja" and after.startswith(("で", "において", "にて")))


def _parties(doc: Doc, ss: int, se: int, lo: int, hi: int, kinds=("organization", "person", "place"),
             verb: int | None = None) -> list[str]:
    """The names of the sentence [ss, se) between ``lo`` and ``hi`` that sign at ``verb``:
    not its witnesses (in the presence of, 见证下, 立ち会い) nor its venue."""
    parties = []
    skip = _not_parties(doc, ss, se, hi if verb is None else verb)
    for f in doc.facts:
        if f.kind in kinds and ss <= f.start and f.end <= se and lo <= f.start < hi and not f.value.get("refers_to"):
            if any(a <= f.start < b for a, b in skip) or _is_venue(doc, f):
                continue
            nm = f.value.get("name")
            if nm and nm not in parties:
                parties.append(nm)
    return parties


AGREE_BACK_STOP = set("，。、；：！？,.;:!?\n\t|了在是和与及由对向把被将给也都就还又并而但这那此该其各每等以于到为从亦")


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
            elif verb in ("签约", "共同签约") and (norm.startswith("仪式", obj_s) or obj_s >= j):
                # 相关项目的签约(仪式), 四方合作签约: what is signed stands before the verb
                b = m.start()
                while b > ss and m.start() - b < 20 and norm[b - 1] not in AGREE_BACK_STOP and \
                        not any(norm.startswith(v, b - len(v)) for v in CUT_VERBS + ("进行",)):
                    b -= 1
                if m.start() - b < 2:
                    continue
                s, e = b, m.end()
            else:
                obj = norm[s:e]
                if any(doc.taken[s:e]) and not any(n in obj for n in AGREE_NOUNS):
                    continue  # 签约项目46个: a count of signed projects, not an agreement
                # end the object at its agreement noun (签署了《…备忘录》，…)
                for n in AGREE_NOUNS:
                    k = obj.rfind(n)
                    if k != -1:
                        e = s + k + len(n)
                        break
                if norm[s] in "《" and e < len(norm) and norm[e] == "》":
                    s += 1
                elif norm[s] in "《" and norm[e - 1] == "》":
                    s, e = s + 1, e - 1
        if e - s < 2:
            continue
        doc.add("agreement", s, e, {"parties": _parties(doc, ss, se, ss, m.start())}, 0.5)


JA_AGREE = re.compile(r"(協定|覚書|契約|合意書|議定書|協約|基本合意|パートナーシップ協定|協力協定|枠組み)(?:書)?(?:に|を)"
                      r"(?:署名|締結|調印|交わ|結ん)")
JA_CONSENT = re.compile(r"(?:こと|方向)?で(?:合意|一致)")
JA_BACK_STOP = set("、。，,；;！？!?\n「」はがも")


def _agreements_ja(doc: Doc) -> None:
    text = doc.text
    for m in JA_AGREE.finditer(text):
        e = m.end(1)
        b = m.start(1)
        ss, se = sentence_bounds(doc.norm, b)
        # 東京で|協定に署名: where it is signed is not part of what is signed
        while b > ss and e - b < 40 and text[b - 1] not in JA_BACK_STOP and text[b - 1] not in "をで":
            b -= 1
        doc.add("agreement", b, e, {"parties": _parties(doc, ss, se, ss, m.start())}, 0.5)
    for m in JA_CONSENT.finditer(text):
        e = m.end()
        ss, se = sentence_bounds(doc.norm, m.start())
        b = m.start()
        while b > ss and e - b < 60 and text[b - 1] not in "、。，,；;！？!?\nはが":
            b -= 1
        if m.start() - b < 4:
            continue
        doc.add("agreement", b, e, {"parties": _parties(doc, ss, se, ss, b, ("organization", "person"))}, 0.45)


LATIN_AGREE_VERB = re.compile(
    r"\b(?:signed|sign|signs|inked|concluded|unterzeichnete[nt]?|unterzeichnet|unterschrieben|unterschrieb"
    r"|schlossen|abgeschlossen|vereinbarten|vereinbart|besiegelten|agreed on)\b")
LATIN_AGREE_NOUN = re.compile(
    r"\b(?:[A-Za-zäöüß\-]*(?:[Aa]greement|[Mm]emorandum of [Uu]nderstanding|MoU|MOU|[Cc]ontract|[Dd]eal|[Ll]etter of [Ii]ntent"
    r"|[Pp]artnership|[Aa]bkommen|[Vv]ereinbarung|[Aa]bsichtserklärung|[Ee]rklärung|[Vv]ertrag|[Mm]emorandum|[Pp]artnerschaft"
    r"|[Kk]ooperationsvertrag|[Aa]ccord))\b")


def _agreements_latin(doc: Doc) -> None:
    text = doc.text
    for v in LATIN_AGREE_VERB.finditer(text):
        ss, se = sentence_bounds(doc.norm, v.start())
        ls, le = latin_sentence(text, v.start())  # a full stop ends it too
        ss, se = max(ss, ls), min(se, le)
        # the agreement noun in the same clause: after the verb (signed a … agreement) or,
        # in German verb-final clauses, before it (… eine Vereinbarung unterzeichnet)
        after = None
        for n in LATIN_AGREE_NOUN.finditer(text, v.end(), min(se, v.end() + 160)):
            if re.search(r"[,;.]", text[v.end():n.start()]) and not re.search(r"\d[.,]\d", text[v.end():n.start()]):
                break
            after = n
            break
        if after is None:
            continue
        # start after the article: "a new cooperation agreement", "eine strategische Partnerschaft"
        gap = text[v.end():after.start()]
        arts = list(re.finditer(r"\b(?:a|an|the|its|their|ein|eine|einen|einer|die|das|den|der|dabei|zudem|auch)\s+", gap))
        s = v.end() + (arts[-1].end() if arts else 0)
        while s < after.start() and text[s] == " ":
            s += 1
        # the object runs to the end of the clause (… über Kredite in Höhe von 120 Millionen US-Dollar …)
        e = after.end()
        j = e
        while j < se and text[j] not in ";,!?\n" and not (text[j] == "." and (j + 1 >= len(text) or text[j + 1] in " \n")):
            j += 1
        tail = text[e:j]
        cut = re.search(r"\s(?:on|in|at|with|during|to|unterzeichnet|vereinbart|geschlossen|abgeschlossen)\b", tail)
        if cut and doc.lang == "en":
            tail = tail[:cut.start()]
        elif cut and cut.group().strip() in ("unterzeichnet", "vereinbart", "geschlossen", "abgeschlossen"):
            tail = tail[:cut.start()]
        e = e + len(tail.rstrip())
        if e - s < 3:
            continue
        doc.add("agreement", s, e, {"parties": _parties(doc, ss, se, ss, se, ("organization", "person"), v.start())},
                0.5)


LATIN_EVENT = re.compile(r"(?:Seminar|Konferenz|Forum|Messe|Gipfel|conference|seminar|forum|summit|fair)s?\s+[\"„“,']([^\"“”']{6,120})[\"“”']")
LATIN_COMPOUND = re.compile(r"\b(?:[a-zäöü][\w\-]*\s+)?[\w\-]+(?:seminare?|konferenz(?:en)?|forum|messe|gipfel)\b")


LATIN_HEADS = ("Expo", "Forum", "Summit", "Fair", "Conference", "Exhibition", "Congress", "Symposium", "Dialogue",
               "Week", "Roadshow", "Messe", "Konferenz", "Gipfel", "Kongress", "Symposium", "Ausstellung", "Tage",
               "Tag", "Dialog", "Woche", "Seminar")
LATIN_NAMED = re.compile(
    r"\b(?:[A-Z][\w\-]*|\d{4})(?:\s+(?:(?:and|of|for|on|und|für|der|des|&)\s+)?(?:[A-Z][\w\-]*|\d{4})){0,15}\s+"
    r"(?:" + "|".join(LATIN_HEADS) + r")\b(?:\s\d{4})?")
# a/the Kenya investment forum: a capitalised word, lowercase words, a lowercase head
LATIN_LOWER = re.compile(r"\b(?:a|an|the)\s+((?:[A-Z][\w\-]+\s+){1,15}(?:[a-z][\w\-]+\s+){0,2}"
                         r"(?:forum|summit|expo|fair|conference|exhibition|roadshow|symposium))\b")
ARTICLES = {"The", "A", "An", "Der", "Die", "Das", "Den", "Dem", "Ein", "Eine", "At", "In", "On", "During", "Am", "Im",
            "Beim", "Zum", "Zur", "Auf"}


LATIN_SENT_END = re.compile(r"(?:(?<=[A-Za-zäöüßÄÖÜ][a-zäöüß]{3})|(?<=\d{4})|(?<=[)\"“”']))\.\s+(?=[A-ZÄÖÜ\"„“])|[!?]\s+|\n")


def latin_sentence(text: str, pos: int) -> tuple[int, int]:
    """Sentence around ``pos`` in German/English text (a full stop after a word of four or
    more letters, so "Mrd. Euro" and "30. Juli" do not end it)."""
    lo, hi = max(0, pos - 600), min(len(text), pos + 600)
    ss, se = lo, hi
    for m in LATIN_SENT_END.finditer(text, lo, hi):
        if m.end() <= pos:
            ss = m.end()
        elif m.start() >= pos:
            se = m.start()
            break
    return ss, se


def _latin_event_meta(doc: Doc, s: int, e: int) -> tuple[str | None, str | None]:
    ss, se = latin_sentence(doc.text, s)
    date = _sentence_date(doc, ss, se)
    place = None
    best = 9
    for f in doc.facts:
        if f.kind == "place" and ss <= f.start and f.end <= se and not (s <= f.start < e):
            pre = doc.text[max(ss, f.start - 5):f.start]
            rank = 0 if pre.endswith((" in ", "In ")) else 1 if pre.endswith((" to ", "nach ", " at ")) else 9
            if rank < best:
                best, place = rank, f.value.get("name")
                # a list of places: in Jinan, Tokio und Osaka
                end = f.end
                while True:
                    nxt = next((g for g in doc.facts if g.kind == "place" and g.start > end and
                                re.fullmatch(r",\s*|\s+(?:und|and|sowie)\s+|,\s+(?:und|and)\s+",
                                             doc.text[end:g.start])), None)
                    if nxt is None:
                        break
                    end = nxt.end
                if end > f.end:
                    place = doc.text[f.start:end]
    return date, place


def _events_latin(doc: Doc) -> None:
    # the events kept so far never overlap, so sorted by start their ends are sorted
    # too and only the last one starting before ``e`` can reach past ``s``
    seen_starts: list[int] = []
    seen_ends: list[int] = []

    def add(s: int, e: int, conf: float) -> None:
        i = bisect_left(seen_starts, e)
        if i > 0 and seen_ends[i - 1] > s:
            return
        seen_starts.insert(i, s)
        seen_ends.insert(i, e)
        date, place = _latin_event_meta(doc, s, e)
        doc.add("event", s, e, {"name": doc.text[s:e], "date": date, "place": place}, conf)

    for m in LATIN_EVENT.finditer(doc.norm):
        add(*m.span(1), 0.5)
    for m in LATIN_NAMED.finditer(doc.text):
        s, e = m.span()
        words = doc.text[s:e].split()
        while words and words[0] in ARTICLES:
            s += len(words[0]) + 1
            words = words[1:]
        if len(words) < 2:
            continue
        if doc.text[s:e] in dictionaries.get().orgs_latin:
            continue  # a known organisation (World Economic Forum)
        add(s, e, 0.5)
    for m in LATIN_LOWER.finditer(doc.text):
        add(*m.span(1), 0.4)
    for m in LATIN_COMPOUND.finditer(doc.norm):
        s, e = m.span()
        words = doc.text[s:e].split()
        if len(words) == 2 and words[0][0].islower() and words[0].lower() not in ("der", "die", "das", "zwei", "drei", "vier", "the", "two"):
            pass
        elif len(words) == 2:
            s = s + len(words[0]) + 1
        # Deutsch-Chinesischen Wirtschaftsforum: a capitalised adjective before the compound
        pm = re.search(r"\b[A-ZÄÖÜ][\w\-]*(?:en|er|es|e)\s+$", doc.text[max(0, s - 40):s])
        if pm and pm.group().strip() not in ARTICLES:
            s = s - len(pm.group())
        if e - s < 8:
            continue
        add(s, e, 0.4)


def extract(doc: Doc) -> None:
    if doc.lang in ("zh-Hans", "zh-Hant", "ja"):
        _events_cjk(doc)
        if doc.lang == "ja":
            _agreements_ja(doc)
        else:
            _agreements_cjk(doc)
    else:
        _events_latin(doc)
        _agreements_latin(doc)
