"""Organisations written in Chinese characters (Chinese and Japanese text).

Known names from ``organizations.txt`` plus any name that ends in an organisation
suffix (集团, 有限公司, 贸促会, 事务所 ...).  The start of such a name is found by
walking back to a boundary (punctuation, a function word such as 的/在/与) and then
trimming leading verbs (考察, 拜访 ...) and generic descriptions
(日本知名养老企业|木下集团): see ``CjkScan.org_ending_at``.  Armed forces and sports
teams named by a place or a state (日本海军, 巴西队, 清军) are read after the Chinese
tagger, on what it left (``scan_forces_and_teams``).
"""

from __future__ import annotations

import re

from ...core.text import is_han
from ..dictionaries import char_string, pairs, word_list
from .names import STOP_AFTER
from .scan import ORG_STOP, CjkScan, starts_pattern

# after an organisation suffix, these characters mean the suffix was part of a word
BAD_CONTINUATION = pairs("cjk/org_suffix_bad_continuation.tsv")
INDUSTRY_SUFFIXES = set(word_list("cjk/org_industry_suffixes.txt"))

# verbs that never stand inside an organisation's name: a candidate is cut after them
ORG_CUT_VERBS = word_list("cjk/org_cut_verbs.txt")

# armed forces and sports teams named by a place (日本|海军, 巴西|队) or a state's one
# character (日|军, 清|军)
FORCE_TEAM_HEADS = sorted(pairs("cjk/org_force_team_heads.txt").items(), key=lambda kv: -len(kv[0]))
FORCE_STATES = set(char_string("cjk/force_state_chars.txt"))
FORCE_TEAM_NOT_AFTER = pairs("cjk/force_team_not_after.tsv")
# besides the stop characters, these may stand right before the place or state (12月|日军,
# 战役中|日本海军, 决赛里|巴西队)
FORCE_BEFORE = set("月年日中里内上下后前间")


def scan_known_orgs(scan: CjkScan) -> None:
    norm, d = scan.norm, scan.d
    i, n = 0, len(norm)
    # only an ASCII capital or a Han character a known organisation starts with can begin one
    starts = starts_pattern(d.orgs_cjk, "A-Z")
    while i < n:
        m = starts.search(norm, i)
        if m is None:
            break
        i = m.start()
        c = norm[i]
        if c.isascii():
            # Latin abbreviations of known organisations (JETRO) as whole words
            if c.isupper() and (i == 0 or not norm[i - 1].isascii() or not norm[i - 1].isalnum()):
                j = i
                while j < n and norm[j].isascii() and (norm[j].isalnum() or norm[j] in "&-"):
                    j += 1
                w = norm[i:j]
                if w in d.orgs_latin and len(w) >= 2:
                    scan.orgs[(i, j)] = d.orgs_latin[w]
                i = max(j, i + 1)
                continue
            i += 1
            continue
        k = d.orgs_cjk.match_at(norm, i) if c in d.orgs_cjk.by_first else 0
        if k:
            e = i + k
            nxt = norm[e] if e < n else ""
            prev = norm[i - 1] if i else ""
            word_after = norm[e:e + 2] in d.zh_common or norm[e:e + 3] in d.zh_common
            if k <= 3 and (is_han(prev) and prev not in ORG_STOP or is_han(nxt) and nxt not in STOP_AFTER
                           and not d.titles_zh.match_at(norm, e) and not d.org_suffixes_zh.match_at(norm, e)
                           and not d.title_affixes_zh.match_at(norm, e)
                           and not (word_after and (not is_han(prev) or prev in ORG_STOP))):
                i += 1
                continue  # 松下|正幸, 变局|中共|开新局: a short name glued into other words
            scan.orgs[(i, e)] = d.orgs_cjk.get(norm[i:e])
        i += 1


def scan_suffix_orgs(scan: CjkScan) -> None:
    norm, d = scan.norm, scan.d
    n = len(norm)
    ends: dict[int, int] = {}  # end of a suffix -> its longest length
    for i in range(n):
        c = norm[i]
        if c not in d.org_suffixes_zh.by_first:
            continue
        k = d.org_suffixes_zh.match_at(norm, i)
        if not k:
            continue
        suf = norm[i:i + k]
        e = i + k
        # extend over a trailing branch: 瑞穗银行(中国)有限公司|青岛分行 is handled
        # by the longer suffix match starting later, so just record every end
        nxt = norm[e] if e < n else ""
        bad = BAD_CONTINUATION.get(suf) or BAD_CONTINUATION.get(suf[-1:], "")
        if nxt and nxt in bad and not norm.startswith(("会长", "部长", "局长", "处长", "行长", "社长", "院长", "所长", "委员"), e - 1):
            continue
        if suf in d.weak_org_suffixes_zh and k == 1:
            # weak one-character suffixes (部, 司, 处 ...) need a listed or local name
            pass
        if any(ts < e < te for ts, te in scan.title_spans):
            continue  # 商务厅|厅长, 商务部副|部长: the suffix is the start of a title
        if any(ts <= i and e == te for ts, te in scan.title_spans):
            continue  # 市委|常委: the suffix ends a title word (the organisation ends before it)
        prev = norm[i - 1] if i else ""
        if suf in ("署", "部") and prev in "签部":
            continue  # 签署, 部署: verbs
        if suf == "局" and prev in "大变迷布格结时全当僵开新骗饭":
            continue
        if suf == "部" and prev in "干内外全局头面胸腹背脚底顶中东西南北俱总":
            continue
        if suf in d.weak_org_suffixes_zh and nxt and nxt in "市县町村":
            continue  # 黑部|市: the end of a place's name
        if suf in INDUSTRY_SUFFIXES and nxt and is_han(nxt) and nxt not in STOP_AFTER \
                and not d.titles_zh.match_at(norm, e) and not d.org_suffixes_zh.match_at(norm, e):
            continue  # 烟台能源|投资..., 科技|创新: the word goes on
        ends[e] = max(ends.get(e, 0), k)
    for e, k in sorted(ends.items()):
        s = scan.org_ending_at(e, k)
        if s is None:
            continue
        suf = norm[e - k:e]
        if suf in d.weak_org_suffixes_zh and k == 1 and not scan.anchor_at(s):
            continue
        if suf in INDUSTRY_SUFFIXES and not scan.anchor_at(s) and not (s and norm[s - 1] in "、，,"):
            continue
        cut = max((k2 + len(v) for v in ORG_CUT_VERBS for k2 in [norm.rfind(v, s + 1, e)] if k2 != -1),
                  default=s)
        if cut > s:
            # 周骏彦出任|南京国民政府: a person and a verb are no part of the name; what is
            # left is trimmed before it is judged (持有|单位|江苏银行: a generic head goes too)
            counted = scan.past_count(scan.trim_left(cut, e), e, k)
            if counted is None or e - counted < 2 or e - counted <= k and norm[counted:e] not in d.orgs_cjk or scan.generic_only(counted, e, k):
                continue  # 已经有一些|大学: a bare suffix after the cut is no name
            cut = counted
            s = cut
        if norm[s] in "两双各" and norm[s + 1:s + 2] in ("市", "国", "省", "县", "地", "区"):
            continue  # 两市政府, 两国地方政府: the governments of both, no one body
        if norm[s] == "应" and norm.startswith(("邀请", "的邀请"), e) and e - s > 3:
            s += 1  # 应|湖北省友协邀请: "at the invitation of", not 应急管理局
        scan.orgs.setdefault((s, e), norm[s:e])
    # 伊藤忠(中国), 丸红(青岛): a subsidiary named by its parent and a place
    for (s, e) in list(scan.orgs):
        m = re.match(r"\(([\u4e00-\u9fff]{2,3})\)", norm[e:e + 6])
        if m and scan.place_at(e + 1) == len(m.group(1)) and not d.org_suffixes_zh.match_at(norm, e + m.end()):
            scan.orgs[(s, e + m.end())] = norm[s:e + m.end()]
    # an organisation mention strictly inside a longer one is part of its name
    # (日本贸易振兴机构|青岛事务所); the parent is listed where it stands alone
    spans = sorted(scan.orgs, key=lambda x: (x[0], -x[1]))
    keep = {}
    for s, e in spans:
        if any(s2 <= s and e <= e2 and (s2, e2) != (s, e) for (s2, e2) in spans):
            continue
        keep[(s, e)] = scan.orgs[(s, e)]
    scan.orgs = keep


def scan_forces_and_teams(scan: CjkScan) -> None:
    """An armed force or a sports team named by the place right before its head: 日本海军,
    湖北军, 巴西队, 天津队; a state's one character before 军 (日军, 美军, 清军) after a
    boundary.  Not where the head goes on into another word (美|军事, 中国|队员) or the span
    crosses a name already found."""
    norm = scan.norm
    n = len(norm)
    taken = scan.doc.taken
    claimed = [*scan.orgs, *scan.person_spans, *scan.title_spans]
    for i in range(1, n):
        for head, kind in FORCE_TEAM_HEADS:
            if not norm.startswith(head, i):
                continue
            e = i + len(head)
            if e < n and norm[e] in FORCE_TEAM_NOT_AFTER.get(head[-1], ""):
                break
            s = next((q for q in range(max(0, i - 8), i - 1) if scan.place_at(q) == i - q), None)
            if s is None and kind == "force" and head.startswith("军") and norm[i - 1] in FORCE_STATES and \
                    norm[i - 2:i] not in scan.d.zh_common and \
                    (i == 1 or not is_han(norm[i - 2]) or norm[i - 2] in ORG_STOP or norm[i - 2] in FORCE_BEFORE):
                s = i - 1  # 日军, not 说明|军队
            if s is not None and s > 0 and is_han(norm[s - 1]) and norm[s - 1] not in ORG_STOP and \
                    norm[s - 1] not in FORCE_BEFORE:
                break  # 盛港|榜鹅队: the place is only the end of a longer name
            if s is None or any(taken[s:e]) or any(a < e and s < b for a, b in claimed):
                break
            scan.orgs[(s, e)] = norm[s:e]
            claimed.append((s, e))
            break


_ABBREVIATION = re.compile(r"\(([A-Z][A-Z0-9&\-]{1,7})\)")


def scan_abbreviation_uses(scan: CjkScan) -> None:
    """台日产业合作推动办公室(TJPO)…由TJPO…: a Latin abbreviation given in parentheses after
    an organisation names it wherever the text uses it on its own."""
    norm, d = scan.norm, scan.d
    for m in _ABBREVIATION.finditer(norm):
        p = m.start()
        if not (any(oe == p for (_os, oe) in scan.orgs) or d.org_suffixes_zh.match_ending_at(norm, p, 8)):
            continue
        word = m.group(1)
        for use in re.finditer(r"(?<![A-Za-z0-9(])" + re.escape(word) + r"(?![A-Za-z0-9])", norm):
            a, b = use.span()
            if not any(os_ < b and a < oe for (os_, oe) in scan.orgs) and not scan.doc.taken[a]:
                scan.orgs[(a, b)] = word


def drop_glosses(scan: CjkScan) -> None:
    """日本科学技术国际交流中心(JST): a Latin abbreviation in parentheses right after an
    organisation is a gloss, listed only where the text also uses it on its own."""
    norm = scan.norm
    for (s, e) in list(scan.orgs):
        if not (s > 0 and e < len(norm) and norm[s - 1] == "(" and norm[e] == ")" and norm[s:e].isascii()):
            continue
        if not any(oe == s - 1 for (_os, oe) in scan.orgs):
            continue
        word = norm[s:e]
        elsewhere = any(norm[m.start() - 1:m.start()] != "(" for m in re.finditer(re.escape(word), norm)
                        if m.start() != s)
        if not elsewhere:
            del scan.orgs[(s, e)]


# The news source a report names where it states who wrote it: the wire dateline
# (中央社台北26日电, 【大纪元2月26日报导】, 中新社长春8月1日电, 中央社记者王明台北28日电), the
# paper's own lead-in (长江日报讯), a source label (文章来源:华夏经纬网) and the Japanese
# credit (「京华时报」が伝えた, 「人民网日本语版」より, 国际商报が伝えた), and a closing line
# that is nothing but the paper's name in brackets ((工商时报)).
_WIRE = re.compile(r"(?:^|(?<=[\n(【\[]))(?P<head>[\u4e00-\u9fff]{2,12}?)(?:\d{1,2}月)?\d{1,2}日(?:电|报导|报道)")
_LEAD_IN = re.compile(r"(?:^|(?<=\n))(?P<org>[\u4e00-\u9fff]{2,8})讯(?=[(\s])")
_LABEL = re.compile(r"(?:文章来源|来源|稿源)\s?:\s?(?P<org>[\u4e00-\u9fffA-Za-z0-9.]{2,16})")
_JA_CREDIT = re.compile(r"「(?P<q>[^」\n]{2,16})」(?:が传えた|が伝えた|より)|(?<=[。、\n])(?P<bare>[\u4e00-\u9fff]{2,8})(?:が传えた|が伝えた)")
_CLOSING = re.compile(r"(?:^|(?<=\n))\((?P<org>[\u4e00-\u9fff]{2,8})\)\s*(?=\n|$)")
_NOT_SOURCE = ("记者", "编辑", "文", "图", "摄", "完", "通讯员")


def _head_source(scan: CjkScan, s: int, head: str) -> tuple[int, int] | None:
    """The agency at the start of a dateline's head: before 记者 NAME, or before the place."""
    k = head.find("记者")
    if k >= 2:
        return s, s + k
    for cut in range(2, len(head)):
        if scan.place_at(s + cut) == len(head) - cut:
            return s, s + cut
    return (s, s + len(head)) if 2 <= len(head) <= 6 and not scan.place_at(s) else None


def _wire_reporter(scan: CjkScan, agency: tuple[int, int], k: int, head_end: int) -> None:
    """中央社记者赖于榛台北28日电: the reporter between 记者 and the place, with the agency."""
    if k < agency[1]:
        return
    ns = k + 2
    ne = next((q for q in range(ns + 2, min(ns + 4, head_end) + 1) if scan.place_at(q) == head_end - q), None)
    if ne is None or scan.norm[ns] not in scan.d.surnames_zh:
        return  # the slot says it is a name; its first character must still be a family name
    text = scan.doc.text
    scan.add_person(k, ne, ns, ne, text[k:ns], text[agency[0]:agency[1]], 0.7)


def scan_source_orgs(scan: CjkScan) -> None:
    norm = scan.norm
    spans: list[tuple[int, int]] = []
    for m in _WIRE.finditer(norm):
        hs, head = m.start("head"), m.group("head")
        sp = _head_source(scan, hs, head)
        if sp:
            spans.append(sp)
            _wire_reporter(scan, sp, hs + head.find("记者"), hs + len(head))
    for rx, group in ((_LEAD_IN, "org"), (_LABEL, "org"), (_CLOSING, "org"), (_JA_CREDIT, "q"), (_JA_CREDIT, "bare")):
        for m in rx.finditer(norm):
            if m.group(group) and not m.group(group).startswith(_NOT_SOURCE):
                spans.append(m.span(group))
    for s, e in spans:
        if any(ps < e and s < pe for ps, pe in scan.person_spans):
            continue
        for o in [o for o in scan.orgs if o[0] < e and s < o[1]]:
            del scan.orgs[o]  # 长江日报讯, 中新社长春: the source ends where the dateline goes on
        scan.orgs[(s, e)] = norm[s:e]
        scan.sources.add((s, e))


# companies named in a list after the word for them: 台湾厂商光宝、云达、群创等 (…等 closes it)
_COMPANY_LIST = re.compile(r"(?:厂商|企业|公司|业者|品牌)(?P<items>[\u4e00-\u9fff]{2,6}(?:、[\u4e00-\u9fff]{2,6}){1,9})等")


def scan_listed_companies(scan: CjkScan) -> None:
    norm = scan.norm
    for m in _COMPANY_LIST.finditer(norm):
        at = m.start("items")
        items = m.group("items").split("、")
        spans = []
        for it in items:
            spans.append((at, at + len(it)))
            at += len(it) + 1
        if any(scan.place_at(a) == b - a for a, b in spans):
            continue  # 企业北京、上海等: places, not companies
        for a, b in spans:
            if not any(oa < b and a < ob for oa, ob in scan.orgs) and \
                    not any(pa < b and a < pb for pa, pb in scan.person_spans):
                scan.orgs[(a, b)] = norm[a:b]
