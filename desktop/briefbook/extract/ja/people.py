"""Japanese people: the Japanese word order "org の name title" (佐々木伸彦理事長,
ベトナム商工省のグエン・ヴァン・タン大臣), and names without a title (鈴木一郎は,
カレル・ゼマンと)."""

from __future__ import annotations

import re
from dataclasses import replace

from ...core.text import is_han, to_simplified_per_char
from ..cjk.scan import CjkScan, is_katakana
from ..dictionaries import char_string, word_list

JA_KATAKANA_NAME = re.compile(r"(?<![\u30a0-\u30ff])[\u30a1-\u30fa\u30fc]{2,}(?:[・=＝][\u30a1-\u30fa\u30fc]{2,}){1,3}"
                              r"(?![\u30a0-\u30ff])")

JA_NAME_AFTER = set("はがのとにをもや、。（(「」")
JA_ORG_AFTER = set(char_string("ja/org_after_chars.txt"))

JA_NOT_NAME_END = set(char_string("ja/not_name_end_chars.txt"))
# honorifics written in kanji right after a name: they end the name (佐藤一郎|氏が)
JA_HONORIFIC_KANJI = ("氏", "様", "殿", "君")
JA_NOT_NAME_WORDS = set(word_list("ja/not_name_words.txt"))


def scan_people(scan: CjkScan) -> None:
    """Japanese word order: 組織の 佐々木伸彦 理事長 / 佐々木伸彦氏."""
    doc, norm, d = scan.doc, scan.norm, scan.d
    for m in re.finditer(r"[\u3400-\u9fff々]{2,12}", norm):
        s, e = m.span()
        run = m.group()
        if run.endswith(JA_HONORIFIC_KANJI) and len(run) >= 3:
            run, e = run[:-1], e - 1  # 佐藤一郎|氏: the honorific follows the name
        title = None
        name_e = e
        # the longest title after a name of two to five characters (石黒憲彦|理事長, not
        # 石黒憲彦理事|長; 吉田憲一郎|会長兼社長)
        # a one-character family name of our list before a whole title (林|官房長官, 菅|首相):
        # the title is not cut to make a longer name (林官房|長官)
        first = 1 if len(run) >= 3 and run[0] in d.surnames_ja and is_title_ja(scan, run[1:]) else 2
        if first == 2 and len(run) >= 3 and (run[0] in d.surnames_ja or run[0] in d.surnames_zh) \
                and _is_deputy_title(scan, run[1:]):
            first = 1  # 張|副省長, 陳|常務副市長: a modifier before a title is no given name (張副|省長)
            title, name_e = run[1:], s + 1
        for k in range(first, min(6, len(run))):
            t = run[k:]
            if title is None and is_title_ja(scan, t):
                title = t
                name_e = s + k
                break
        if title is None and len(run) > 6:
            continue
        if title is not None:
            # 副, 常務, 第一 and the like belong to the title: 王小明|副省長, not 王小明副|省長
            name_e = _title_modifiers_before(scan, s, name_e)
            # a place written between a family name and its title is the title's:
            # 吉村|大阪府知事, 鈴木|静岡県副知事 (the governor of that prefecture)
            q = next((q for q in range(s + (1 if first == 1 else 2), name_e - 1)
                      if scan.place_at(q) in (name_e - q, name_e - q + 1)), None)
            if q is not None:
                name_e = q
            title = norm[name_e:e]
        follows = norm[e:e + 2]
        if title is None and not follows.startswith(("氏", "さん", "様", "首相", "知事", "社長")):
            continue
        name = norm[s:name_e]
        if not ((2 if first == 2 else 1) <= len(name) <= 5):
            continue
        if not (name[:2] in d.surnames_ja or name[:3] in d.surnames_ja or name[0] in d.surnames_ja
                or name[:1] in d.surnames_zh):
            continue
        if name[0] not in d.surnames_ja and to_simplified_per_char(name) in d.zh_common:
            continue  # 海軍|長官, 陸軍|大将: an ordinary word read as a Chinese family and given name
        org = None
        if s >= 2 and norm[s - 1] == "の":
            j = _org_start_before_no(scan, s - 1)
            if j is not None:
                org = doc.text[j:s - 1]
                scan.orgs.setdefault((j, s - 1), norm[j:s - 1])
        scan.add_person(s, e if title else name_e, s, name_e, doc.text[name_e:e] if title else None, org, 0.75)


def is_title_ja(scan: CjkScan, t: str) -> bool:
    """A title word, or titles joined by 兼 (会長兼社長)."""
    d = scan.d

    def one(w: str) -> bool:
        return w in d.titles_ja or w in d.titles_zh

    return one(t) or ("兼" in t and all(one(w) for w in t.split("兼")))


def _title_modifiers_before(scan: CjkScan, s: int, name_e: int) -> int:
    """Move the title's start left over the modifiers written before it (副, 常务副, 第一),
    leaving at least a two-character name."""
    norm, affixes = scan.norm, scan.d.title_affixes_zh
    moved = True
    while moved:
        moved = False
        for k in range(min(4, name_e - s - 2), 0, -1):
            if norm[name_e - k:name_e] in affixes or norm[name_e - k:name_e] in JA_TITLE_MODIFIERS:
                name_e -= k
                moved = True
                break
    return name_e


def _is_deputy_title(scan: CjkScan, t: str) -> bool:
    """A title with a deputy or rank modifier before it (副省長, 常務副市長, 第一副主任).
    元 and 前 are left out: 秋元, 松前 are family names."""
    for k in range(min(3, len(t) - 1), 0, -1):
        if t[:k] in JA_DEPUTY_MODIFIERS and is_title_ja(scan, t[k:]):
            return True
    return False


JA_DEPUTY_MODIFIERS = {"副", "常務副", "常务副", "常務", "常务", "専務", "第一副", "第一", "筆頭", "首席"}
JA_TITLE_MODIFIERS = {"副", "常務", "専務", "筆頭", "第一", "名誉", "代表", "執行", "首席", "代理", "元", "前"}


def _org_start_before_no(scan: CjkScan, e: int) -> int | None:
    """Start of an organisation that ends at ``e`` before の (ベトナム商工省|の)."""
    norm, d = scan.norm, scan.d
    j = e
    while j > 0 and e - j < 24 and (is_han(norm[j - 1]) or is_katakana(norm[j - 1]) or norm[j - 1] == "・"):
        j -= 1
    if j >= e:
        return None
    for q in range(j, e - 1):
        if norm[q:e] in d.orgs_cjk:
            # a country or place written before a known body is part of its name
            # (中国|外務省 is China's ministry, not Japan's)
            p = next((p for p in range(max(j, q - 8), q) if scan.place_at(p) == q - p), None)
            return q if p is None else p
    if d.org_suffixes_zh.match_ending_at(norm, e, 8):
        return j
    if e - j >= 3 and norm[e - 1] in "省厅" and not scan.place_at_end(e):
        return j  # 経済産業省, ベトナム商工省: a ministry, not a province
    return None


def scan_katakana_people(scan: CjkScan) -> None:
    """Foreign names in katakana with a title after them: (組織の)グエン・ヴァン・タン大臣."""
    doc, norm, d = scan.doc, scan.norm, scan.d
    for m in re.finditer(r"[\u30a1-\u30fa\u30fc]{2,}(?:・[\u30a1-\u30fa\u30fc]{1,}){0,4}", norm):
        s, e = m.span()
        t = 0
        for k in range(6, 1, -1):
            if norm[e:e + k] in d.titles_ja or norm[e:e + k] in d.titles_zh:
                t = k
                break
        if not t or (e + t < len(norm) and is_han(norm[e + t])):
            continue
        if "・" not in m.group() and not (s >= 1 and norm[s - 1] == "の"):
            continue  # a single katakana word before a title is more often a company
        if scan.place_at(s) == e - s:
            continue
        org = None
        if s >= 2 and norm[s - 1] == "の":
            j = _org_start_before_no(scan, s - 1)
            if j is not None:
                org = doc.text[j:s - 1]
                scan.orgs.setdefault((j, s - 1), norm[j:s - 1])
        scan.add_person(s, e + t, s, e, doc.text[e:e + t], org, 0.7)


def scan_bare_names(scan: CjkScan) -> None:
    """Japanese names without a title: 鈴木一郎は, 大久保嘉人のゴール, カレル・ゼマンと."""
    norm, d = scan.norm, scan.d
    n = len(norm)
    used = bytearray(n)
    for spans in (scan.person_spans, list(scan.orgs), list(scan.places)):
        for a, b in spans:
            used[a:b] = b"\x01" * (b - a)
    # katakana names joined by "・" (or "=" as some texts write it): オットー・フランク
    for m in JA_KATAKANA_NAME.finditer(norm):
        a, b = m.span()
        if any(used[a:b]) or scan.place_at(a):
            continue
        words = re.split(r"[・=＝]", m.group())
        if any(w in JA_NOT_NAME_WORDS for w in words) or norm[b:b + 1] in JA_ORG_AFTER:
            continue
        scan.add_person(a, b, a, b, None, None, 0.5)
        used[a:b] = b"\x01" * (b - a)
    # kanji names: a listed family name, one to three given characters, then a particle
    for m in re.finditer(r"[\u3400-\u9fff々]{3,6}", norm):
        a, b = m.span()
        if any(used[a:b]):
            continue
        run = m.group()
        if run.endswith(JA_HONORIFIC_KANJI):
            run, b = run[:-1], b - 1  # 田中|氏は: the honorific is no part of the name
            if len(run) < 2:
                continue
        k = 3 if run[:3] in d.surnames_ja else (2 if run[:2] in d.surnames_ja else 0)
        if not k:
            continue
        after = norm[b:b + 1]
        if after not in JA_NAME_AFTER and not norm.startswith(("さん", "氏", "様", "君", "ら", "監督", "選手"), b):
            continue
        if len(run) - k > 3 or (len(run) == k and not norm.startswith(JA_HONORIFIC_KANJI, b)) or \
                run[-1] in JA_NOT_NAME_END or run in d.orgs_cjk or scan.place_at(a) == len(run):
            continue
        scan.add_person(a, b, a, b, None, None, 0.5)
        used[a:b] = b"\x01" * (b - a)


# "name・title" as Japanese copy of Chinese news writes it: 李明・山東省副省長,
# 王平・山東省政府副秘書長, 趙一・市長 (the title may open with its place or organisation)
_NAME_DOT_TITLE = re.compile(r"(?<![\u3400-\u9fff々])([\u3400-\u9fff々]{2,5})・([\u3400-\u9fff々]{2,20})")
_AFTER_DOT_TITLE = set("、。らとのがはも及や(（")


def _dot_title(scan: CjkScan, m: re.Match) -> tuple[int, int, tuple[int, int] | None] | None:
    """(title start, title end, organisation span) of the title after "name・", or None."""
    norm, d = scan.norm, scan.d
    name = m.group(1)
    if scan.place_at(m.start(1)) >= 2 or name in d.orgs_cjk or is_title_ja(scan, name):
        return None  # 山東・山口 (two places), 会長・社長 (two titles)
    plain = to_simplified_per_char(name)
    if plain in d.zh_common or plain[:2] in d.zh_common or name[-1] in JA_NOT_NAME_END:
        return None  # 主演・監督, 政治家・貴族院議員: an ordinary word before the dot
    # the longest title that ends the run (山東省副省長 -> 副省長, 省長 -> 省長)
    t0, te = m.start(2), m.end(2)
    q = next((q for q in range(t0, te - 1) if is_title_ja(scan, norm[q:te])), None)
    if q is None:
        return None
    ts = _title_modifiers_before(scan, t0, q) if q - t0 >= 2 else q
    if ts == t0:
        return t0, te, None
    whole_place = scan.place_at(t0) == ts - t0
    is_org = norm[t0:ts] in d.orgs_cjk or bool(d.org_suffixes_zh.match_ending_at(norm, ts, 8)) or \
        norm[ts - 1] in "省厅庁局部会"
    if whole_place or not is_org:
        return t0, te, None  # 山東省|副省長, 日本駐青島|総領事: the place stays in the title
    return ts, te, (t0, ts)


def _read_titled_names(scan: CjkScan, pattern: re.Pattern, cut_orgs_across: bool) -> None:
    """People whose name (group 1, of a listed family name) stands before a run that ends in
    their title (group 2): the title, with the place before it, or the organisation before it
    as the person's.  ``cut_orgs_across``: an organisation read across the name's end
    (王平・山東省政府) is only the part after it."""
    doc, norm, d = scan.doc, scan.norm, scan.d
    for m in pattern.finditer(norm):
        name = m.group(1)
        if not (name[0] in d.surnames_zh or name[:2] in d.surnames_ja or name[0] in d.surnames_ja):
            continue
        got = _dot_title(scan, m)
        if got is None:
            continue
        title_s, te, org = got
        if org:
            scan.orgs.setdefault(org, norm[org[0]:org[1]])
        if cut_orgs_across:
            for (os_, oe) in list(scan.orgs):
                if os_ < m.end(1) < oe:
                    del scan.orgs[(os_, oe)]
        scan.add_person(m.start(1), te, m.start(1), m.end(1), doc.text[title_s:te],
                        doc.text[org[0]:org[1]] if org else None, 0.8)


def scan_name_dot_title(scan: CjkScan) -> None:
    """Names of a listed family name followed by "・" and their title (才一・福建省副省長)."""
    _read_titled_names(scan, _NAME_DOT_TITLE, cut_orgs_across=True)


# "name(reading)title" as Japanese copy of Taiwanese and Chinese news writes a Chinese name
# with its reading in kana: 周春米(しゅうしゅんまい)県長, 黄敏恵(こうびんけい)市長
_NAME_READING_TITLE = re.compile(r"(?<![\u3400-\u9fff々])([\u3400-\u9fff々]{2,4})[(（][ぁ-ゖァ-ヺー・ ]{2,16}[)）]"
                                 r"([\u3400-\u9fff々]{2,20})")


def scan_name_reading_title(scan: CjkScan) -> None:
    """A name of a listed family name, its reading in brackets and its title."""
    _read_titled_names(scan, _NAME_READING_TITLE, cut_orgs_across=False)


def attach_dot_titles(scan: CjkScan) -> None:
    """The title after "name・" for people found without one (a family name no list
    holds, 平木場一郎・日本駐青島総領事, read by the tagger): only people already found."""
    doc, norm = scan.doc, scan.norm
    for i, f in enumerate(doc.facts):
        if f.kind != "person" or f.value.get("title") or norm[f.end:f.end + 1] != "・":
            continue
        m = _NAME_DOT_TITLE.match(norm, f.start)
        if m is None or m.end(1) != f.end:
            continue
        after = norm[m.end(2):m.end(2) + 1]
        if after and after not in _AFTER_DOT_TITLE:
            continue
        got = _dot_title(scan, m)
        if got is None:
            continue
        title_s, te, org = got
        doc.facts[i] = replace(f, value={**f.value, "title": doc.text[title_s:te],
                                         "org": doc.text[org[0]:org[1]] if org else None})
