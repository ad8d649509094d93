"""Places written in Chinese characters or katakana: gazetteer names (with an optional
省/市/县 suffix), katakana place words (デラウェア州) in Japanese text, and zones and
parks named after a place (中国(山东)自贸试验区, 青岛国际经济合作区).
"""

from __future__ import annotations

import re

from ...core.text import is_han
from ..dictionaries import word_list
from .names import STOP_AFTER
from .scan import CjkScan, is_katakana, starts_pattern

PLACE_SUFFIX_ZONES = word_list("cjk/place_zone_suffixes.txt")
# an unlisted town or city (伊佐市, 余市町): two characters and 市/町 right after a verb of
# travel or 的/在/与, and before a boundary or a word that goes with a town
UNLISTED_TOWN = re.compile(r"(?:前往|参访|访问|拜访|位在|位于|抵达|来自|的|在|与|赴|访)"
                           r"([\u4e00-\u9fff]{2}[市町])"
                           r"(?=[，。、,.;：:（(\s]|友好|市长|町长|议会|市政府|政府|的|和|与|及|进行|交流|签|缔|结|$)")
JA_KANA_PLACE = re.compile(r"[\u30a1-\u30fa\u30fc]{2,}(?:・[\u30a1-\u30fa\u30fc]{2,}){0,3}"
                           r"(?:" + "|".join(word_list("ja/kana_place_suffixes.txt")) + ")"
                           r"(?=[はがのとにをもやへでから、。・\s)）」]|$)")


def scan_places(scan: CjkScan) -> None:
    norm = scan.norm
    n = len(norm)
    i = 0
    # a place starts at katakana or at a Han character a listed place starts with
    starts = starts_pattern(scan.d.places_cjk, "\u30a1-\u30fa\u30fc")
    while i < n:
        m = starts.search(norm, i)
        if m is None:
            break
        i = m.start()
        c = norm[i]
        if is_katakana(c):
            # a katakana place is a whole katakana word (ハノイ, not ハノイ|ール)
            if i and (is_katakana(norm[i - 1]) or norm[i - 1] == "・"):
                i += 1
                continue
            m = JA_KANA_PLACE.match(norm, i)
            if m and scan.doc.lang == "ja" and not any(a <= i < b for a, b in scan.orgs):
                scan.places[(i, m.end())] = "kana"  # デラウェア州, ジャワ島, フェラーラ地方
                i = m.end()
                continue
            k = scan.place_at(i)
            if k and not (i + k < n and is_katakana(norm[i + k])):
                scan.places[(i, i + k)] = "gaz"
                i += k
                continue
            i += 1
            continue
        if not is_han(c):
            i += 1
            continue
        # zones and parks: 中国(山东)自贸试验区, 青岛国际经济合作区, 上合示范区
        k = scan.place_at(i)
        if k:
            scan.places[(i, i + k)] = "gaz"
            i += k
            continue
        i += 1
    if scan.doc.lang in ("zh-Hans", "zh-Hant"):
        _unlisted_towns(scan)
    for suf in PLACE_SUFFIX_ZONES:
        start = 0
        while True:
            p = norm.find(suf, start)
            if p == -1:
                break
            start = p + 1
            e = p + len(suf)
            if any(s <= p and e <= oe for (s, oe) in scan.orgs):
                continue
            s = scan.org_ending_at(e, len(suf))
            if s is None or e - s <= len(suf):
                continue
            if not scan.anchor_at(s) and not norm.startswith(("上合", "中日", "鲁日"), s):
                continue
            scan.places[(s, e)] = "zone"


def _unlisted_towns(scan: CjkScan) -> None:
    """伊佐市, 余市町: a town no list holds, read where the words around it make it a place;
    an ordinary word (城市, 超市, 全市, 两市) or a character that starts the next word is none."""
    norm, common = scan.norm, scan.d.zh_common
    for m in UNLISTED_TOWN.finditer(norm):
        s, e = m.span(1)
        stem = norm[s:e - 1]
        if norm[s:e] in common or norm[s + 1:e] in common or stem in common and stem[-1] in "城都" or \
                any(c in STOP_AFTER or c in "一二三四五六七八九十两各本全该此每某" for c in stem) or \
                any(a < e and s < b for a, b in scan.places) or any(a < e and s < b for a, b in scan.orgs):
            continue
        scan.places[(s, e)] = "town"
