"""Japanese organisations: 株式会社 names, company and body names that end in an
industry word or 社 before a particle, Latin acronyms (IBM, NHK) and JR-style prefixes."""

from __future__ import annotations

import re

from ...core.text import is_han
from ..cjk.scan import CjkScan, is_katakana
from ..dictionaries import word_list

JA_ORG_END = re.compile("|".join(word_list("ja/org_endings.txt")))
JA_PARTICLE = set("はがのとにをもやへでから、。・)）」』 \n")

JA_NOT_ORG_BODY = set(word_list("ja/not_org_body.txt"))


def scan_kabushiki(scan: CjkScan) -> None:
    """株式会社日立製作所: a company named after 株式会社 (the name runs to a particle)."""
    norm = scan.norm
    for m in re.finditer(r"株式会社|有限会社|合同会社", norm):
        s, e = m.span()
        scan.orgs.pop((s, e), None)  # the bare 株式会社 read as a listed suffix
        if any(a <= s < b for a, b in scan.orgs):
            continue  # トヨタ自動車株式会社: the suffix form, already read
        j = e
        while j < len(norm) and j - e < 16 and (is_han(norm[j]) or is_katakana(norm[j]) or norm[j] in "・&"):
            j += 1
        if j - e < 2 or scan.d.titles_ja.get(norm[e:j]) is not None:
            continue
        for k in range(j - 1, e + 1, -1):
            if norm[k:j] in scan.d.titles_ja or norm[k:j] in scan.d.titles_zh:
                j = k  # 株式会社日立製作所|社長
                break
        scan.orgs[(s, j)] = norm[s:j]


def scan_orgs(scan: CjkScan) -> None:
    """Japanese company and body names that end in an industry word or 社 and stand
    before a particle: 日本製紙の, 美的集団による, フェンダー社の, JR貨物の, IBMと."""
    norm, d = scan.norm, scan.d
    n = len(norm)
    for m in JA_ORG_END.finditer(norm):
        e = m.end()
        if e < n and not (norm[e] in JA_PARTICLE or not (is_han(norm[e]) or is_katakana(norm[e]) or
                                                          norm[e].isalnum())):
            continue  # 釧路工場: the word goes on
        suf = m.group()
        s = m.start()
        while s > 0 and m.start() - s < 12 and (
                is_han(norm[s - 1]) or is_katakana(norm[s - 1]) or norm[s - 1] == "&" or
                norm[s - 1] == "・" and s >= 2 and is_katakana(norm[s - 2]) and is_katakana(norm[s]) or
                norm[s - 1].isascii() and norm[s - 1].isalnum()):
            s -= 1
        if s >= m.start() or any(a < e and s < b for a, b in scan.orgs):
            continue
        body = norm[s:m.start()]
        if suf == "社" and (not all(is_katakana(c) or c.isascii() or c == "・" for c in body) or
                           not any(is_katakana(c) or c.isalpha() for c in body)):
            continue  # 本社, 神社, 同社, 200社: an ordinary word or a count
        if body in JA_NOT_ORG_BODY or scan.place_at(s) == len(body) and suf in ("社",):
            continue
        if len(body) < 2 and not body.isascii():
            continue
        scan.orgs[(s, e)] = norm[s:e]
    # Latin acronyms (IBM, NHK) and JR-style prefixes (JR貨物) in Japanese text
    for m in re.finditer(r"(?<![A-Za-z0-9])([A-Z][A-Z0-9&]{1,5})(?![A-Za-z0-9])([\u4e00-\u9fff]{2})?", norm):
        w = m.group(1)
        if w in d.acronym_stop or w in d.places_latin or any(a <= m.start() < b for a, b in scan.orgs):
            continue
        nxt = norm[m.end(1):m.end(1) + 1]
        if m.group(2) and w in ("JR", "JA", "NTT", "KDDI"):
            scan.orgs[(m.start(), m.end())] = m.group()
            continue
        if nxt and not (nxt in JA_PARTICLE or nxt in "・、。)）」") or norm[m.end(1):m.end(1) + 2].strip() == "" and \
                m.end(1) + 1 < len(norm) and norm[m.end(1) + 1].isascii() and norm[m.end(1) + 1].isalnum():
            continue  # BMW JAPAN, YAPPA 3D: part of a Latin-script name
        scan.orgs[(m.start(), m.end(1))] = w
