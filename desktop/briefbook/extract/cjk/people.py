"""People named with a title, in Chinese characters (Chinese and Japanese text).

"[org][title][name]" (中国贸促会会长高燕), chained titles (省委副书记、省长李干杰: the
whole chain is the title, org None), lists after one title (市领导张海波、闫剑波),
titles after the name (习近平主席) and bylines (记者 高少帅 衣玉林).
"""

from __future__ import annotations

import re

from ...core.text import is_han
from ..dictionaries import word_list
from .names import STOP_AFTER, read_name_at, read_name_before
from .orgs import ORG_CUT_VERBS
from .scan import ADMIN_SUFFIX, CjkScan

# 文 and 图 (text / photo by) stand only before "/"
_ROLES = word_list("cjk/byline_roles.txt")
BYLINE = re.compile(
    r"(?:(?<=^)|(?<=[\s(|]))(?P<role>" + "|".join(_ROLES + ("文", "图")) + ")"
    r"\s*(?:[|:/]\s*|\s+)(?P<names>[\u3400-\u9fff]{2,4}(?:[ \t、]+(?!(?:" + "|".join(_ROLES) + ")"
    r"\s*[|:/\s])[\u3400-\u9fff]{2,4}){0,4})"
    r"(?=$|[\s)|]|\n)", re.M)

BYLINE_ROLES = set(_ROLES)
_GLOSS = re.compile(r"\([A-Za-z][A-Za-z0-9&\-]{1,9}\)")
# the last character of a body that a 长 title may share with it (办事处|处长, 劳动部|部长)
GLUED_BODY_CHARS = set("处部局厅科室课署")
# a role glued to its name inside the credit brackets: (记者郑汝可 通讯员吴名), 长江日报讯(记者宋磊 …)
# and in the bracketed credit of Taiwanese papers, before the place: 【记者陈明/台北报导】
BYLINE_GLUED = re.compile(r"(?<=[(\s【\[])(?P<role>" + "|".join(_ROLES) + r")(?=[\u3400-\u9fff]{2,3}[\s)/])")
# what a byline names when it names no one: 作者:佚名 ("anonymous"), 本报 ("this paper")
NOT_BYLINE_NAMES = {"佚名", "匿名", "本报", "本网", "本台", "本刊"}


# verbs that open with 会 after a title (副市长|会见): not the 会 of a body (理事|会)
MEETING_VERBS = ("会见", "会晤", "会谈", "会同", "会面", "会商")


def find_titles(scan: CjkScan) -> list[tuple[int, int, int]]:
    """(start, end, core_start) of every title word with its modifiers (read once per
    text: they depend on the text alone)."""
    got = scan.memo.get("titles")
    if got is None:
        got = scan.memo["titles"] = _find_titles(scan)
    return list(got)  # type: ignore[call-overload]


def _find_titles(scan: CjkScan) -> list[tuple[int, int, int]]:
    norm, d = scan.norm, scan.d
    out = []
    i, n = 0, len(norm)
    # a title or its modifier starts only at a character that starts an entry: testing
    # that first saves two dictionary look-ups at almost every character
    starts = d.title_affixes_zh.by_first.keys() | d.titles_zh.by_first.keys()
    while i < n:
        if norm[i] not in starts or not is_han(norm[i]):
            i += 1
            continue
        j = i
        while True:
            k = d.title_affixes_zh.match_at(norm, j)
            if not k:
                break
            if d.titles_zh.match_at(norm, j + k):
                j += k
                continue
            # an affix that is itself followed by another affix (二级 + 巡视员)
            k2 = d.title_affixes_zh.match_at(norm, j + k)
            if k2 and d.titles_zh.match_at(norm, j + k + k2):
                j += k
                continue
            break
        t = d.titles_zh.match_at(norm, j)
        if t:
            end = j + t
            nxt = norm[end] if end < n else ""
            if nxt and nxt in "会处团馆室部局厅组级委" and not norm.startswith(MEETING_VERBS, end):
                i += 1
                continue  # 理事会, 代表处, 大使馆: part of an organisation name
            out.append((i, end, j))
            i = end
            continue
        i += 1
    return out


def mark_titles(scan: CjkScan) -> None:
    """Every title word first, so the organisation passes never swallow one."""
    scan.title_spans = [(s, e) for s, e, _ in find_titles(scan)]


LOCAL_HEAD_SUFFIX = "市县町村区乡镇"
# what may stand before a town named without a listed place: the text's start, punctuation, a function word
_BEFORE_TOWN = set("在由与和及的是、，,。 ")


def _local_place_before(scan: CjkScan, ts: int, te: int) -> int | None:
    """Start of a local place that no list holds, written between a listed place and the
    title of its head (日本|金崎町|副町长, 富山县|黑部市|市长): two or three characters and the
    suffix the title repeats."""
    norm = scan.norm
    c = norm[ts - 1] if ts > 0 else ""
    if not c or c not in LOCAL_HEAD_SUFFIX or norm[te - 1] != "长" or c not in norm[ts:te - 1]:
        return None
    for k in (2, 3):
        q = ts - 1 - k
        if q < 0 or not all(is_han(x) for x in norm[q:ts - 1]) or norm[q] in _BEFORE_TOWN:
            continue
        # after a listed place (日本|金崎町), or alone where the title repeats the town's
        # suffix at once (魚池鄉|鄉長, 員林鎮|鎮長: Taiwanese townships' heads)
        alone = norm[ts] == c and (q == 0 or not is_han(norm[q - 1]) or norm[q - 1] in _BEFORE_TOWN or norm[q - 1] in "省县")
        k_listed = scan.place_at(q)  # 員林|鎮|鎮長: a listed name and the suffix the title repeats
        if (alone or (q > 0 and scan.place_at_end(q))) and (not k_listed or q + k_listed == ts - 1) and \
                not any(a < ts and q < b for a, b in scan.orgs):
            return q
    return None


# verbs after "name + title" (王明副主任|会见了…) that show the title closes a person
TITLE_AFTER_VERBS = tuple(v for v in word_list("zh/cue_verbs.txt") if len(v) > 1)
# "our office / our association" before a name: 我办王明副主任 (the body the page speaks for)
OWN_BODY = ("我办", "我会", "我局", "我委", "我厅", "我处", "我院", "我馆")


def _name_after_org(scan: CjkScan, ts: int) -> tuple[int, tuple[int, int] | None]:
    """A name glued to the organisation before it and to its title after it
    (驻日本代表处|谢明|大使, 我办|王明|副主任): (length of the name, the organisation's span)."""
    norm, d = scan.norm, scan.d
    for n in (3, 2):
        s = ts - n
        if s < 2:
            continue
        got = read_name_at(norm[s:ts], 0, d.surnames_zh, d.surnames_ja)
        if not got or got[0] != n or got[1] == "unknown":
            continue
        if norm.endswith(OWN_BODY, 0, s):
            return n, None
        for (os_, oe) in scan.orgs:
            if oe == s:
                return n, (os_, oe)
        k = d.org_suffixes_zh.match_ending_at(norm, s, 8)
        start = scan.org_ending_at(s, k) if k else None
        if start is not None and s - start >= 2:
            return n, (start, s)
    return 0, None


def scan_titled_people(scan: CjkScan) -> None:
    doc, norm, d = scan.doc, scan.norm, scan.d
    zh_s, ja_s = d.surnames_zh, d.surnames_ja
    titles = find_titles(scan)
    scan.title_spans = [(s, e) for s, e, _ in titles]
    title_by_end = {e: (s, c) for s, e, c in titles}
    org_of_person_ending: dict[int, str] = {}  # a titled person's organisation, by the name's end
    for ts, te, core in titles:
        preceded = ts > 0 and (any(oe == ts for (_, oe) in scan.orgs) or scan.place_at_end(ts)
                               or norm[ts - 1] == "、")
        got = read_name_at(norm, te, zh_s, ja_s, allow_unknown=preceded)
        if got and any(s <= te < e for (s, e) in scan.orgs):
            got = None  # the "name" is the start of an organisation
        if got:
            nlen, kind = got
            org_s = scan.org_ending_at(ts, 0) if ts > 0 else None
            org = None
            title_s = ts
            # a known organisation or a suffix organisation right before the title
            for (os_, oe) in scan.orgs:
                # (a gloss in brackets may stand between: …推动办公室(TJPO)执行长张启裕)
                if (oe == ts or _GLOSS.fullmatch(norm, oe, ts)) and (org is None or os_ < org[0]):
                    org = (os_, oe)
            if org is None and org_s is not None and org_s < ts:
                cand = norm[org_s:ts]
                cut = max((k + len(v) for v in ORG_CUT_VERBS for k in [norm.rfind(v, org_s, ts)] if k != -1),
                          default=org_s)
                if cut > org_s and ts - cut >= 2:
                    org_s, cand = cut, norm[cut:ts]  # 郑文灿率领|经济部次长林全能: a person and a verb are no part
                if scan.d.org_suffixes_zh.match_ending_at(norm, ts, 8) or cand in scan.d.orgs_cjk:
                    org = (org_s, ts)
                    # the body a title names (工业局|局长连锦漳) is an organisation of the text too
                    if not any(a < ts and org_s < b for a, b in scan.orgs):
                        scan.orgs[org] = cand
            # place-only prefix (中国驻日本大使, 日本前首相, 北海道知事) joins the title
            if org is None:
                p = ts
                while p > 0:
                    moved = False
                    for q in range(max(0, p - 8), p):
                        k = scan.place_at(q)
                        if k and (q + k == p or q + k == p + 1 and p == ts and norm[p] in ADMIN_SUFFIX
                                  and norm[q + k - 1] == norm[p]):
                            p = q  # 北海道|知事, 珠海|市长 (the place's 市 starts the title)
                            moved = True
                            break
                    if not moved and p == ts and (lq := _local_place_before(scan, ts, te)) is not None:
                        p = lq  # 日本|金崎町|副町长, 富山县|黑部市|市长: a town or city no list holds
                        moved = True
                    if not moved and p >= 1 and norm[p - 1] == "驻":
                        p -= 1
                        moved = True
                    if not moved:
                        break
                if p < ts:
                    title_s = p
                elif te - ts == 2 and norm[ts] in GLUED_BODY_CHARS and norm[ts + 1] == "长" and \
                        is_han(norm[ts - 1]) and norm[ts - 1] != norm[ts] and norm[ts - 1] not in "省市县区町村都道府州":
                    # 驻大阪办事|处长, 劳动|部长: the body's last character opens the title;
                    # the body and its 长 stay whole as the title (no organisation of its own);
                    # after a town or city's suffix (白崎町|部长) there is no such body
                    body_s = scan.org_ending_at(ts + 1, 1)
                    near = [(q, q + k) for q in range(max(0, ts - 12), ts) if (k := scan.place_at(q))]
                    if body_s is None:  # 札幌|分|处长: a place and a one-character office
                        body_s = next((a for (a, b) in near if b == ts - 1), None)
                    if body_s is not None and ts - body_s >= 2:
                        # 和歌山县商工…: a place the walk cut at a stop character is whole
                        title_s = next((a for (a, b) in near if a < body_s < b), body_s)

            # chained titles: 省委副书记、省长 / 市政府副秘书长、市投促办第一副主任
            chain_s = org[0] if org else title_s
            chained = False
            while chain_s > 0 and norm[chain_s - 1] == "、" and (chain_s - 1) in title_by_end:
                prev_s, _ = title_by_end[chain_s - 1]
                po = scan.org_ending_at(prev_s, 0) if prev_s > 0 else None
                pst = prev_s
                for (os_, oe) in scan.orgs:
                    if oe == prev_s:
                        pst = min(pst, os_)
                if po is not None and po < prev_s and pst == prev_s:
                    pst = po
                chain_s = pst
                chained = True
            if chained:
                title_s, org = chain_s, None
            title_text = doc.text[title_s:te]
            org_text = doc.text[scan.without_country(*org):org[1]] if org else None
            if org is None and title_s == ts and ts > 0 and norm[ts - 1] == "、":
                # a list of one body's people: 协会会长王明、副会长李强 (李强 is the body's too);
                # after a person with a place in the title (日本某市副市长甲、议长乙) none is
                org_text = org_of_person_ending.get(ts - 1)
            start = org[0] if org else title_s
            name_s, name_e = te, te + nlen
            conf = 0.9 if kind != "unknown" else 0.55
            scan.add_person(start, name_e, name_s, name_e, title_text, org_text, conf)
            if org_text:
                org_of_person_ending[name_e] = org_text
            # a list after one title: 市领导张海波、闫剑波、张宏伟
            p = name_e
            while p < len(norm) - 2 and norm[p] == "、":
                nxt = read_name_at(norm, p + 1, zh_s, ja_s)
                if not nxt or any(os_ == p + 1 for os_, _ in scan.orgs):
                    break  # 铃木直道、关西经济联合会…: the list goes on with an organisation
                ne = p + 1 + nxt[0]
                after = norm[ne] if ne < len(norm) else ""
                if after and after not in "、等，。 " and d.titles_zh.match_at(norm, ne) == 0 \
                        and after not in STOP_AFTER:
                    break
                if any(s <= ne - 1 < e for s, e, _ in titles):
                    break
                scan.add_person(p + 1, ne, p + 1, ne, title_text, org_text, 0.8)
                if org_text:
                    org_of_person_ending[ne] = org_text
                p = ne
            continue
        # title after the name: 习近平主席, 安倍晋三首相
        # (the modifiers 副, 常务副, 第一 stay with the title: 王刚|副市长, never 王刚副|市长)
        if norm[ts:te] in d.titles_after_zh or norm[core:te] in d.titles_after_zh:
            if doc.lang == "ja":
                if ts > 2 and norm[ts - 1:te] in d.titles_ja:
                    ts -= 1  # 小池|都知事, 吉村|府知事: the prefecture's 都 or 府 opens the title
                # a place between the family name and the title is the title's (吉村|大阪府知事)
                ps = next((q for q in range(max(2, ts - 8), ts - 1) if scan.place_at(q) in (ts - q, ts - q + 1)
                           and read_name_before(norm, q, zh_s, ja_s, d.zh_common)), None)
                if ps is not None:
                    ts = ps
            after = norm[te] if te < len(norm) else ""
            k = read_name_before(norm, ts, zh_s, ja_s, d.zh_common)
            org_before = None
            if not k:
                k, org_before = _name_after_org(scan, ts)
            if after and is_han(after) and after not in STOP_AFTER and after not in "多亲":
                # 习近平总书记赋予…: a verb may follow when the name starts a sentence, or
                # a verb of meeting or speaking follows (王明副主任|会见, 李华会长|表示)
                if not (k == 3 and (ts - k == 0 or norm[ts - k - 1] in "\n。！？!?;；")) and \
                        not (k and norm.startswith(TITLE_AFTER_VERBS, te)):
                    continue
            if k and doc.lang == "ja" and ts - k > 0 and norm[ts - k - 1] == "の":
                continue  # 外務省の高橋誠一大臣: read with its organisation by scan_people_ja
            if k:
                org_text = doc.text[org_before[0]:org_before[1]] if org_before else None
                scan.add_person(org_before[0] if org_before else ts - k, te, ts - k, ts, doc.text[ts:te],
                                org_text, 0.8)
    # bylines: 作者 | 杨光, 记者 高少帅 衣玉林, (文/姚墨笛)
    for m in BYLINE.finditer(norm):
        role = m.group("role")
        title = None if role in ("文", "图") else doc.text[m.start("role"):m.end("role")]
        if role in ("文", "图") and norm[m.end("role"):m.end("role") + 1] != "/":
            continue
        for nm in re.finditer(r"[\u3400-\u9fff]{2,4}", m.group("names")):
            if nm.group() in BYLINE_ROLES:
                break
            if nm.group() in NOT_BYLINE_NAMES:
                continue
            s = m.start("names") + nm.start()
            e = s + len(nm.group())
            scan.add_person(s, e, s, e, title, None, 0.7)
    for m in BYLINE_GLUED.finditer(norm):
        s = m.end("role")
        got = read_name_at(norm, s, zh_s, ja_s)
        if not got or got[1] == "unknown" or (s + got[0] < len(norm) and norm[s + got[0]] not in " \t)/"):
            continue
        if any(ps <= s < pe for ps, pe in scan.person_spans):
            continue
        scan.add_person(m.start("role"), s + got[0], s, s + got[0], doc.text[m.start("role"):s], None, 0.7)
