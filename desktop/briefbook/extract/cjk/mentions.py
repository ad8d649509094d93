"""The last Chinese-character passes: a person's organisation, and later short mentions.

They run on the facts (after the statistical tagger has added its people and
organisations, in Japanese after its pass over the emitted facts), so they see every
person and organisation of the article whichever pass found it.

``attach_orgs`` fills a person's organisation from the organisation written right
before the title or the name:

- 青岛市商务局|局长|张建国 (organisation, title, name);
- 伊藤忠商事|の|田中|社長 (organisation の name title);
- トヨタ自動車|副社長|の|佐藤一郎 (organisation title の name), which also gives the title.

A chain of titles (市委副书记、市长) keeps no organisation: the chain is the title.
An organisation speaking of itself (由我会党委书记…, 本公司总经理…) is the publishing
organisation: the one named on a source line (信息来源:威海市贸促会), else the
organisation with that kind of name (会, 公司, 局 …) the article names most often.

``link_short_mentions`` marks later mentions by family name (薛会长, 林书记, 李氏,
田中氏, 佐藤社長) as references to the person named in full in the same article
(``refers_to``), including mentions no rule had read as a person yet.
"""

from __future__ import annotations

import re

from ...core.facts import Fact
from ...core.text import is_han
from ..spans import normalise
from .names import STOP_AFTER
from .scan import CjkScan, is_katakana

# what may follow a family name used alone for a person named in full
HONORIFICS_ZH = ("先生", "女士", "氏")
HONORIFICS_JA = ("氏", "さん", "様", "君")


def _name_start(f: Fact) -> int | None:
    name = f.value.get("name") or ""
    if not name:
        return None
    if f.text.endswith(name):
        return f.end - len(name)
    if f.text.startswith(name):
        return f.start
    return None


# the organisation's own word for itself after 我/本 (我会, 本公司, 我行) -> the endings of
# the names it may stand for
SELF_WORDS = {"会": ("会",), "公司": ("公司",), "司": ("公司",), "局": ("局",), "院": ("院",), "行": ("行",),
              "委": ("委", "委员会"), "办": ("办", "办公室"), "厅": ("厅",), "所": ("所",), "中心": ("中心",),
              "校": ("校", "学"), "集团": ("集团",), "协会": ("协会",), "商会": ("商会",)}
# a source line names the publisher right after its label: 信息来源:威海市贸促会
SOURCE_LABEL = re.compile(r"(?:来源|供稿|发布单位|发布机构|主办单位)\s*[:：]?\s*$")


def _self_reference(scan: CjkScan, end: int) -> str | None:
    """The self word (会 of 我会) that ends at ``end``, after 我 or 本."""
    norm = scan.norm
    for w in sorted(SELF_WORDS, key=len, reverse=True):
        s = end - len(w)
        if s >= 1 and norm.startswith(w, s) and norm[s - 1] in "我本":
            return w
    return None


def _publisher(scan: CjkScan, word: str, orgs: list[Fact]) -> Fact | None:
    """The organisation a self word stands for (see the module docstring)."""
    norm = scan.norm
    endings = SELF_WORDS[word]
    cands = [f for f in orgs if norm[f.start:f.end].endswith(endings) and f.end - f.start > len(word) + 1]
    for f in cands:
        if SOURCE_LABEL.search(norm, max(0, f.start - 12), f.start):
            return f
    # the organisation of the kind the article names most often, a shorter form of a
    # longer name counting for it (市企业联合会 of 青岛市企业联合会); a tie is no answer
    names = [normalise(f.value.get("name") or f.text) for f in cands]
    longest = {n for n in names if not any(m != n and m.endswith(n) for m in names)}
    counts = sorted(((sum(1 for m in names if n.endswith(m)), n) for n in longest), reverse=True)
    if not counts or (len(counts) > 1 and counts[0][0] == counts[1][0]):
        return None
    return next(f for f, n in zip(cands, names, strict=True) if n == counts[0][1])


def attach_orgs(scan: CjkScan) -> None:
    doc = scan.doc
    text = doc.text
    org_by_end: dict[int, Fact] = {}
    orgs = [f for f in doc.facts if f.kind == "organization"]
    for f in orgs:
        if f.end not in org_by_end or f.start < org_by_end[f.end].start:
            org_by_end[f.end] = f
    title_by_end = {e: s for s, e in scan.title_spans}
    for f in doc.facts:
        if f.kind != "person" or f.value.get("org") or f.value.get("refers_to"):
            continue
        ns = _name_start(f)
        if ns is None:
            continue
        title = f.value.get("title") or ""
        if not title and doc.lang == "ja" and (k := _ja_title_after(scan, ns + len(f.value["name"]))):
            # a person another pass added without the title written after it (吉田憲一郎|会長兼社長)
            ne = ns + len(f.value["name"])
            title = f.value["title"] = text[ne:ne + k]
        if "、" in title:
            continue  # a chain of titles is the title, with no one organisation
        org = None
        if title and text.startswith(title, ns - len(title)):
            org = org_by_end.get(ns - len(title))  # 青岛市商务局|局长|张建国
            if org is None and (word := _self_reference(scan, ns - len(title))):
                org = _publisher(scan, word, orgs)  # 由我会|党委书记|薛庆国
        elif ns == f.start and ns >= 2 and text[ns - 1] == "の":
            ts = title_by_end.get(ns - 1)
            if ts is not None and not title and (chain_s := _title_chain_start(scan, ts, title_by_end)) < ts:
                f.value["title"] = text[chain_s:ns - 1]  # 省委員会副書記、省長|の|景俊海: the chain, no one org
            elif ts is not None and not title:
                org = org_by_end.get(ts)  # トヨタ自動車|副社長|の|佐藤一郎
                f.value["title"] = text[ts:ns - 1]
            elif title:
                org = org_by_end.get(ns - 1)  # 伊藤忠商事|の|田中|社長
        if org is not None and org.value.get("name") != f.value.get("name"):
            f.value["org"] = org.text


def _title_chain_start(scan: CjkScan, ts: int, title_by_end: dict[int, int]) -> int:
    """Start of the titles joined by 、 that end with the title at ``ts`` (副書記、省長), with
    the kanji of the body before the first of them (省委員会副書記); ``ts`` when none is joined."""
    norm = scan.norm
    s = ts
    while s >= 2 and norm[s - 1] == "、" and (s - 1) in title_by_end:
        s = title_by_end[s - 1]
    if s == ts:
        return ts
    while s > 0 and ts - s < 16 and is_han(norm[s - 1]) and norm[s - 1] not in "のはがとや":
        s -= 1
    return s


def _ja_title_after(scan: CjkScan, e: int) -> int:
    """Length of the Japanese title (or titles joined by 兼) right at ``e``, 0 if none;
    a title glued to more kanji (社長室) is none."""
    norm, d = scan.norm, scan.d
    j = e
    while True:
        k = max(d.titles_ja.match_at(norm, j), d.titles_zh.match_at(norm, j))
        if not k:
            return 0 if j == e else j - 1 - e
        j += k
        if j < len(norm) and norm[j] == "兼":
            j += 1
            continue
        if j < len(norm) and is_han(norm[j]):
            return 0
        return j - e


def _family_name(scan: CjkScan, name: str, lang: str) -> str:
    """The family name of a full name written in Chinese characters ('' if none is clear)."""
    d = scan.d
    if len(name) < 2 or not all(is_han(c) for c in name):
        return ""
    if lang == "ja":
        for k in (3, 2):
            if len(name) > k and name[:k] in d.surnames_ja:
                return name[:k]
        if len(name) <= 3 and name[:2] not in d.surnames_ja and name[:3] not in d.surnames_ja \
                and (name[0] in d.surnames_zh or name[0] in d.surnames_ja):
            return name[0]  # a Chinese name in a Japanese text: 張雷, later 張副省長
        return ""
    if len(name) >= 3 and name[:2] in d.surnames_zh:
        return name[:2]
    return name[0] if name[0] in d.surnames_zh and len(name) <= 3 else ""


def link_short_mentions(scan: CjkScan) -> None:
    doc, norm = scan.doc, scan.norm
    people = [f for f in doc.facts if f.kind == "person" and not f.value.get("refers_to")]
    # family name -> the full names that carry it, in the order of their first mention
    # (the family names are matched Simplified, 張建國 as 张建国; the full name is kept as written)
    full: dict[str, list[tuple[int, str]]] = {}
    for f in sorted(people, key=lambda x: x.start):
        written = f.value.get("name") or ""
        name = normalise(written)
        fam = _family_name(scan, name, doc.lang)
        if fam and len(name) > len(fam):
            entries = full.setdefault(fam, [])
            if written not in (n for _s, n in entries):
                entries.append((f.start, written))
    if not full:
        return

    def target(fam: str, at: int) -> str | None:
        """The full name a family name at ``at`` refers to: the one person of the article
        with it, or the nearest named before when several share it."""
        names = full.get(fam) or []
        if len({n for _s, n in names}) == 1:
            return names[0][1]
        before = [n for s, n in names if s < at]
        return before[-1] if before else None

    # person facts already read that are a family name alone (田中社長), or with an
    # honorific read as a given name (李氏)
    for f in people:
        name = normalise(f.value.get("name") or "")
        for h in HONORIFICS_ZH if doc.lang != "ja" else HONORIFICS_JA:
            if name.endswith(h) and name[:-len(h)] in full:
                name = name[:-len(h)]
                f.value["name"] = f.value["name"][:len(name)]
                break
        if name in full and (t := target(name, f.start)) and t != f.value.get("name"):
            f.value["refers_to"] = t
            f.confidence = min(f.confidence, 0.5)
    # mentions no pass has read yet: family name + title or honorific (薛会长, 李氏)
    claimed = bytearray(len(norm))
    for f in doc.facts:
        if f.kind in ("person", "organization", "place"):
            claimed[f.start:f.end] = b"\x01" * (f.end - f.start)
    honorifics = HONORIFICS_JA if doc.lang == "ja" else HONORIFICS_ZH
    titles = scan.d.titles_ja if doc.lang == "ja" else scan.d.titles_zh
    for fam in full:
        i = norm.find(fam)
        while i != -1:
            e = i + len(fam)
            k = _title_or_honorific(scan, e, titles, honorifics)
            if k and not any(claimed[i:e + k]) and _starts_word(norm, i, doc.lang) and (t := target(fam, i)):
                word = doc.text[e:e + k]
                title = None if word in honorifics else word
                doc.add("person", i, e + k, {"name": doc.text[i:e], "title": title, "org": None, "refers_to": t},
                        0.5)
                claimed[i:e + k] = b"\x01" * k
            i = norm.find(fam, i + 1)


def _title_or_honorific(scan: CjkScan, e: int, titles, honorifics: tuple[str, ...]) -> int:
    """Length of the title word (with its modifiers: 副会长) or honorific right at ``e``."""
    norm = scan.norm
    for h in honorifics:
        if norm.startswith(h, e):
            return len(h)
    j = e
    while (k := scan.d.title_affixes_zh.match_at(norm, j)) and j - e < 6:
        j += k  # 副, 常务副, 第一: modifiers before the title word
    t = titles.match_at(norm, j)
    if not t:
        return 0
    end = j + t
    if end < len(norm) and norm[end] in "会处团馆室部局厅组级委":
        return 0  # 理事会, 代表处: the "title" starts an organisation's name
    return end - e


def _starts_word(norm: str, i: int, lang: str) -> bool:
    """The family name starts a word: after punctuation, a particle or the text's start."""
    if i == 0:
        return True
    c = norm[i - 1]
    if lang == "ja":
        return not (is_han(c) or is_katakana(c))
    return not is_han(c) or c in STOP_AFTER or c in "由对向和与同据"
