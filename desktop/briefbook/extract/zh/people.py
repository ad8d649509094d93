"""Chinese names without a title: 姚夏就入选, 凌统骗曹仁, 安德鲁·洛伊·韦伯, 卡斯特罗出现.

A bare family name + given characters is a person only with a cue around it (a verb
of speech or action after it, a role noun or a boundary before it, a 、-list with a
person already found); transliterated foreign names are runs of transliteration
characters (``translit_zh.txt``), joined by "·" or followed by a clear cue.
"""

from __future__ import annotations

import re

from ...core.text import is_han
from ..cjk.names import STOP_AFTER, given_yi
from ..cjk.scan import ORG_STOP, CjkScan, starts_pattern
from ..dictionaries import char_string, word_list

# what follows a bare name in running text (a verb of saying, a particle, punctuation)
CUE_AFTER = word_list("zh/cue_after_name.txt") + ("、", "，", "。", "(", ")", "“", "”", ":", ";", "!", "?", " ")
# verbs of speech and action that follow a bare name (张三|表示, 李四|出席)
CUE_VERB = word_list("zh/cue_verbs.txt")
CUE_VERB_LONG = tuple(v for v in CUE_VERB if len(v) > 1)

CUE_AFTER_STRONG = word_list("zh/cue_after_name_strong.txt")
# the strong cues alone make a run of transliteration characters a name
CUE_BEFORE_STRONG = word_list("zh/cue_before_name_strong.txt")
CUE_BEFORE = CUE_BEFORE_STRONG + word_list("zh/cue_before_name.txt")
# adverbs of degree before a verb or adjective (更加密切, 很快): what follows is no name
DEGREE_BEFORE = set(char_string("zh/degree_adverbs.txt"))
# family-name characters that are far more often ordinary words when no title is near
BARE_SURNAME_STOP = set(char_string("zh/bare_surname_stop_chars.txt"))
# last characters of place names and words for things, not of given names
NOT_LAST_GIVEN = set(char_string("zh/not_last_given_chars.txt"))
PLACE_OR_THING_AFTER = set(char_string("zh/place_or_thing_after_chars.txt"))

# characters that are rarely a given name (they start or end ordinary words)
NOT_GIVEN = set(char_string("zh/not_given_chars.txt"))


def scan_bare_names(scan: CjkScan) -> None:
    """Chinese names without a title: 姚夏就入选, 凌统骗曹仁, 安德鲁·洛伊·韦伯, 卡斯特罗出现."""
    norm, d = scan.norm, scan.d
    n = len(norm)
    if not d.zh_given1:
        return
    used = bytearray(n)
    for spans in (scan.person_spans, list(scan.orgs), list(scan.places), scan.title_spans):
        for a, b in spans:
            used[a:b] = b"\x01" * (b - a)
    common = d.zh_common

    def free(a: int, b: int) -> bool:
        return 0 <= a < b <= n and not any(used[a:b])

    def cue_after(e: int) -> bool:
        return e >= n or not is_han(norm[e]) or norm.startswith(CUE_AFTER, e) or norm.startswith(CUE_VERB, e)

    def cue_before(s: int) -> bool:
        return s == 0 or not is_han(norm[s - 1]) or norm[s - 1] in "、和与及跟同" or \
            (s > 1 and norm[s - 1] in "年月日" and norm[s - 2].isdigit()) or \
            any(norm.endswith(c, 0, s) for c in CUE_BEFORE)

    def add(a: int, b: int, conf: float) -> None:
        scan.add_person(a, b, a, b, None, None, conf)
        used[a:b] = b"\x01" * (b - a)

    # transliterated foreign names: runs of transliteration characters joined by "·"
    tr = d.zh_translit
    _dot_names(scan, used, add)
    i = 0
    while i < n:
        if norm[i] not in tr or (i and norm[i - 1] in tr):
            i += 1
            continue
        j = i
        parts = 0
        while True:
            k = j
            while k < n and norm[k] in tr and k - j < 6:
                k += 1
            if k == j:
                break
            parts += 1
            j = k
            if j + 1 < n and norm[j] in "·・•." and norm[j + 1] in tr:
                j += 1
                continue
            break
        e = j
        if norm[e - 1] in "·・•.":
            e -= 1
        if parts == 1 and e - i >= 3 and e + 1 < n and is_han(norm[e]) and norm[e] not in STOP_AFTER and \
                norm[e] not in PLACE_OR_THING_AFTER and norm[e:e + 2] not in common and \
                (not is_han(norm[e + 1]) or norm[e + 1] in STOP_AFTER):
            e += 1  # 苏格拉底|和, 卢克莱修|(: one more character before a clear boundary
        prev = norm[i - 1] if i else ""
        if is_han(prev) and prev not in STOP_AFTER and prev not in ORG_STOP and \
                not any(te == i for _ts, te in scan.title_spans) and not any(c in "·・" for c in norm[i:e]) and \
                norm[i - 2:i] not in common and norm[i - 3:i] not in common:
            i = max(e, i + 1)
            continue  # 中集|来福士: glued to the word before, part of a company name
        if free(i, e) and not scan.place_at(i) and (
                parts >= 2 or (e - i >= 3 and (norm.startswith(CUE_AFTER_STRONG, e) or
                                               any(norm.endswith(c, 0, i) for c in CUE_BEFORE_STRONG) or
                                               (norm.startswith(CUE_VERB, e) and cue_before(i))))):
            glued = parts < 2 and (norm[i:i + 2] in common or norm[e - 2:e] in common or
                                   norm[e - 1:e + 1] in common or  # 亚齐特|别: 特别 is a word
                                   (i and norm[i - 1] in DEGREE_BEFORE))
            if norm[i:e] not in common and d.places_cjk.get(norm[i:e]) is None and not glued:
                add(i, e, 0.5 if parts < 2 else 0.6)
        i = max(e, i + 1)

    def listed(a: int, b: int) -> bool:
        """the name is in a 、-list or a 和/与-pair with a person already found"""
        left = a > 1 and norm[a - 1] in "、和与及同" and any(pe == a - 1 for _ps, pe in scan.person_spans)
        right = b < n - 1 and norm[b] in "、和与及同" and any(ps == b + 1 for ps, _pe in scan.person_spans)
        return left or right

    # Chinese names: family name + one or two given characters
    for _pass in (0, 1):  # the second pass reads the left member of a pair found later
        _bare_pass(scan, used, add, free, cue_after, cue_before, listed)


def _bare_pass(scan: CjkScan, used, add, free, cue_after, cue_before, listed) -> None:
    norm, d = scan.norm, scan.d
    n = len(norm)
    common, sur, tr = d.zh_common, d.surnames_zh, d.zh_translit
    starts = starts_pattern(sur)  # a bare name starts with a family name's first character
    i = 0
    while i < n - 1:
        m = starts.search(norm, i, n - 1)
        if m is None:
            break
        i = m.start()
        if used[i]:
            i += 1
            continue
        k = 2 if norm[i:i + 2] in sur else (1 if norm[i] in sur and norm[i] not in BARE_SURNAME_STOP else 0)
        if k and (norm[i:i + 2] in d.surnames_ja or norm[i:i + 3] in d.surnames_ja):
            k = 0  # a Japanese family name (丰臣秀吉): read only next to a title
        if not k or (i and is_han(norm[i - 1]) and norm[i - 1:i + 1] in common):
            i += 1
            continue
        best = None
        for glen in (2, 1):
            e = i + k + glen
            if e > n or not all(is_han(c) for c in norm[i + k:e]):
                continue
            over = []
            if not free(i, e):
                over = _known_over_place(scan, i, e, used, cue_before(i) and cue_after(e))
                if not over:
                    continue
            cand = norm[i:e]
            given = norm[i + k:e]
            if all(c in tr for c in cand) and (e < n and norm[e] in tr or i and norm[i - 1] in tr):
                continue  # a piece of a transliterated name (艾森豪|威尔)
            if (given[-1] in NOT_LAST_GIVEN and not over) or (e < n and norm[e] in PLACE_OR_THING_AFTER):
                continue  # 杜鹃花, 宁武县, 夏道镇
            stopped = any((c in STOP_AFTER or c in NOT_GIVEN) and not (g == 0 and glen == 2 and given_yi(norm, i + k))
                          for g, c in enumerate(given))
            if stopped and glen == 2 and cand in d.zh_known and given[-1] not in STOP_AFTER and \
                    given[-1] not in NOT_GIVEN and cue_before(i) and cue_after(e):
                stopped = False  # 吴三桂: a known name whose middle character often starts a word
            yi = glen == 2 and given_yi(norm, i + k)  # 周一鸣: 周一 is "Monday" only before a word
            if stopped or cand in common or \
                    (norm[i:i + k + 1] in common and not yi) or (e < n and norm[e - 1:e + 1] in common and
                                                   not cue_after(e)):
                continue
            if glen == 2 and (given in common or given[0] == norm[i]) and not norm.startswith(CUE_AFTER_STRONG, e) \
                    and not over:
                continue  # 高|水平, 许|许多多: the "given name" is an ordinary word
            prev = norm[i - 1] if i else ""
            if is_han(prev) and prev not in STOP_AFTER and prev not in ORG_STOP and prev not in "、" and \
                    not any(te == i for _ts, te in scan.title_spans) and not cue_before(i) and \
                    norm[i - 2:i] not in common and norm[i - 3:i] not in common and not listed(i, e):
                continue  # 中集|来福士: glued to the word before
            if (e < n and norm[e] in "·・•") or (i and norm[i - 1] in "·・•"):
                continue  # 但|哈利·华纳: part of a foreign name joined by a dot
            if e < n and norm.startswith(CUE_VERB_LONG, e - 1):
                continue  # 马勒|成为, 克林姆|创作: the last "given" character starts the verb
            known = cand in d.zh_known
            stats = given[0] in d.zh_given1 and (glen == 1 or given[1] in d.zh_given2)
            if glen == 1:
                stats = given in d.zh_given2 or given in d.zh_given1
            loose = all(c in d.zh_given1 or c in d.zh_given2 or c in d.zh_given_rare for c in given)
            after, before = cue_after(e), cue_before(i)
            verb = norm.startswith(CUE_VERB, e)
            if over:
                if known:
                    for p in over:
                        scan.places.pop(p, None)
                    used[i:e] = bytes(e - i)
                    best = (e, 0.55)
            elif known and (after or before or e >= n or norm[e] in STOP_AFTER):
                best = (e, 0.6)
            elif stats and glen == 2 and (after and before or norm.startswith(CUE_AFTER_STRONG, e)):
                best = (e, 0.5)
            elif stats and glen == 1 and norm.startswith(CUE_AFTER_STRONG, e) and before:
                best = (e, 0.45)
            elif loose and glen == 2 and (before and verb or listed(i, e)):
                best = (e, 0.45)
            elif stats and glen == 1 and before and verb:
                best = (e, 0.4)
            if best:
                break
        if best:
            add(i, best[0], best[1])
            i = best[0]
        else:
            i += 1


def _known_over_place(scan: CjkScan, s: int, e: int, used: bytearray, cued: bool) -> list:
    """孙|中山: a known three-character name read as a place after its family name; with a
    cue on both sides the name wins (the places returned are dropped when it is taken)."""
    if not cued or e - s != 3 or scan.norm[s:e] not in scan.d.zh_known:
        return []
    inner = [p for p in scan.places if s < p[0] and p[1] <= e]
    if not inner or any(used[x] and not any(a <= x < b for a, b in inner) for x in range(s, e)):
        return []
    return inner


def _dot_names(scan: CjkScan, used: bytearray, add) -> None:
    """安德里亚·皮萨诺, 田纳西·威廉斯, 朱斯廷·苏敏德: parts joined by "·" are one foreign
    name; each part is transliteration characters with at most one other character
    (田, 廉, 敏), and it ends at a function word or punctuation."""
    norm, tr = scan.norm, scan.d.zh_translit
    n = len(norm)
    stop = STOP_AFTER | set("的了是和与及从由为对向把被将给于在也都就自但而")
    common = scan.d.zh_common

    def part_left(e: int) -> int:
        s, other = e, 0
        while s > 0 and e - s < 6 and is_han(norm[s - 1]) and norm[s - 1] not in stop:
            if norm[s - 1] not in tr:
                if other or not (s - 1 == 0 or not is_han(norm[s - 2]) or norm[s - 2] in stop or
                                  norm[s - 2] in tr):
                    break
                other += 1
            s -= 1
        return s

    def part_right(s: int) -> int:
        e, other = s, 0
        while e < n and e - s < 6 and is_han(norm[e]) and (
                norm[e] not in stop or e > s and norm[e] in tr and e + 1 < n and norm[e + 1] in tr):
            # 卡斯|特|罗: a transliteration character between two others is no function word
            if e > s + 1 and norm[e:e + 2] in common and e + 1 < n and norm[e + 1] not in tr:
                break  # 汤玛斯|基于: the character starts the next word
            if norm[e] not in tr:
                if other:
                    break
                nxt = norm[e + 1] if e + 1 < n else ""
                if not (nxt in tr or not is_han(nxt) or nxt in stop) or (e > s and norm[e:e + 2] in common):
                    break  # 克林姆|创作: the character starts the next word
                other += 1
            e += 1
        return e

    for m in re.finditer(r"[·・•]", norm):
        d0 = m.start()
        if d0 == 0 or not is_han(norm[d0 - 1]) or used[d0 - 1]:
            continue
        if d0 > 1 and norm[d0 - 2] in "·・•":
            continue  # handled from the first dot
        s = part_left(d0)
        for w in CUE_BEFORE:
            if len(w) > 1 and norm.startswith(w, s) and d0 - s > len(w):
                s += len(w)  # 哥哥|洛马纳·卢阿卢阿
                break
        if d0 - s < 1 or not any(c in tr for c in norm[s:d0]):
            continue
        e = d0
        parts = 1
        while e < n and norm[e] in "·・•" and e + 1 < n and is_han(norm[e + 1]):
            pe = part_right(e + 1)
            if pe == e + 1:
                break
            e = pe
            parts += 1
        if parts < 2 or any(used[s:e]):
            continue
        share = 2 if norm.startswith(CUE_VERB, e) else 3  # 山姆·华纳|逝世: a verb makes half enough
        if sum(1 for c in norm[s:e] if c in tr) * share < (share - 1) * (e - s - parts + 1):
            continue  # mostly ordinary characters: 日本・山东, not a name
        if scan.place_at(s) == e - s:
            continue
        add(s, e, 0.6)


def _occurrences(text: str, word: str):
    """(start, end) of each occurrence of ``word``, left to right, not overlapping (as
    ``re.finditer(re.escape(word), text)``, without a pattern compiled per word)."""
    s = text.find(word)
    while s != -1:
        yield s, s + len(word)
        s = text.find(word, s + len(word))


def scan_repeated_names(scan: CjkScan) -> None:
    """A person's full name written again elsewhere in the same text (王立新 ... 表示王立新
    已 ...) is the same person, where no other name, organisation, place or title holds
    those characters and the name is not glued into a word (the character before or
    after forms an ordinary word with its neighbour in the name)."""
    norm, d = scan.norm, scan.d
    n = len(norm)
    names = {norm[a:b] for a, b in scan.person_spans if b - a >= 2 and all(is_han(c) or c in "·・" for c in norm[a:b])}
    title_end = {e: s for s, e in scan.title_spans}
    for name in sorted(names, key=len, reverse=True):
        for s, e in _occurrences(norm, name):
            claimed = (*scan.person_spans, *scan.orgs, *scan.places, *scan.title_spans)
            if any(a < e and s < b for a, b in claimed) or any(scan.doc.taken[s:e]):
                continue
            if s and (norm[s - 1:s + 1] in d.zh_common or norm[s - 1] in d.zh_translit and name[0] in d.zh_translit):
                continue
            if e < n and (norm[e - 1:e + 1] in d.zh_common or norm[e] in d.zh_translit and name[-1] in d.zh_translit):
                continue
            ts = title_end.get(s)
            scan.add_person(ts if ts is not None else s, e, s, e, scan.doc.text[ts:s] if ts is not None else None,
                            None, 0.5)


LATIN_RUN = re.compile(r"(?<![A-Za-z0-9])[A-Z][a-z]{2,}(?: [A-Z][a-z]+){0,2}(?![A-Za-z0-9])")


def scan_latin_given_names(scan: CjkScan) -> None:
    """A person named in Latin letters in Chinese text (Katherine自杀, 由Tim Cook介绍): one to
    three capitalised words, the first a listed given name, that are no listed place or
    organisation and stand in no organisation or place the rules found."""
    d, text = scan.d, scan.doc.text
    for m in LATIN_RUN.finditer(text):
        s, e = m.span()
        words = m.group().split()
        if words[0] not in d.given_latin or m.group() in d.places_latin or m.group() in d.orgs_latin or \
                any(w in d.orgs_latin or w in d.org_suffixes_latin for w in words):
            continue
        if any(a < e and s < b for a, b in (*scan.person_spans, *scan.orgs, *scan.places)) or any(scan.doc.taken[s:e]):
            continue
        scan.add_person(s, e, s, e, None, None, 0.5)
