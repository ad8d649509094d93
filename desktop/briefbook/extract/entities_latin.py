"""People, organisations and places in German and English text.

Names are capitalised word sequences recognised by a given-name list, or as
romanised Chinese (Liu Jiayi: every word splits into pinyin syllables) or Japanese
(Toshihiro Nikai: every word splits into kana syllables).  Titles come from
appositions ("Liu Jiayi, Sekretär des CPC-Komitees der Provinz Shandong") or
stand before the name ("der ehemalige Premier Yukio Hatoyama").  Organisations are
known names (JETRO) or capitalised phrases around a head noun (Partei, Rat,
Council, GmbH) with their genitive/prepositional tail.
"""

from __future__ import annotations

import re

from . import dictionaries
from .base import Doc

WORD = re.compile(r"[A-ZÄÖÜa-zäöüß][\w’'\-]*(?:\.(?=\s[A-Z]))?")
PINYIN = re.compile(
    r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|uan|ian|iao|uai|uei|"
    r"ai|ei|ao|ou|an|en|in|un|ia|ie|ua|uo|ue|ui|iu|er|a|o|e|i|u|v|ü|n))+")
ROMAJI = re.compile(r"(?:(?:ky|sh|ch|ts|ny|hy|my|ry|gy|by|py|[kgsztdnhbpmyrwfj])?(?:[aiueo]|ou|uu|ei)|n)+")
CONNECT_ORG = {"der", "des", "für", "zur", "zum", "von", "of", "for", "the", "and", "und", "on", "in"}
DETERMINERS = {"der", "die", "das", "den", "dem", "des", "the", "Der", "Die", "Das", "The"}
ADJ_TITLE = re.compile(r"^(?:ehemalig|stellvertretend|japanisch|chinesisch|deutsch|amtierend|früher|neu|"
                       r"former|deputy|vice|acting|chinese|japanese|german|then|new)\w*$", re.I)
ZONE_HEADS = {"Park", "Zone", "Area", "Industriepark", "Freihandelszone", "Sonderwirtschaftszone"}
NOT_NAME = {"Die", "Der", "Das", "The", "In", "An", "Am", "Im", "Es", "Er", "Sie", "Wir", "Ich", "Und",
            "Mit", "Von", "Zu", "Bei", "Auf", "Für", "Als", "Auch", "Wie", "So", "This", "That", "It",
            "He", "She", "We", "They", "A", "And", "But", "For", "On", "At", "Of", "To", "By", "Mr",
            "Mrs", "Ms", "Dr", "Herr", "Frau", "Prof"}


def _romanised(w: str) -> bool:
    low = w.lower()
    if not low.isascii() or len(low) < 2:
        return False
    return bool(PINYIN.fullmatch(low)) or bool(ROMAJI.fullmatch(low))


def _is_cap(w: str) -> bool:
    return w[:1].isupper()


class Ctx:
    def __init__(self, doc: Doc):
        self.doc = doc
        self.norm = doc.norm
        self.d = dictionaries.get()
        self.tokens = [(m.start(), m.end(), m.group()) for m in WORD.finditer(doc.norm)]
        self.orgs: dict[tuple[int, int], str] = {}
        self.places: dict[tuple[int, int], str] = {}
        self.people: list[tuple[int, int]] = []

    def gap(self, a: int, b: int) -> str:
        return self.norm[a:b]

    def scan_gazetteers(self) -> None:
        toks, d = self.tokens, self.d
        n = len(toks)
        i = 0
        while i < n:
            hit = None
            for k in range(min(d.max_latin_words, n - i), 0, -1):
                s, e = toks[i][0], toks[i + k - 1][1]
                phrase = self.norm[s:e]
                if phrase in d.orgs_latin:
                    hit = ("org", s, e, k)
                    break
                if phrase in d.places_latin:
                    hit = ("place", s, e, k)
                    break
            if hit:
                kind, s, e, k = hit
                (self.orgs if kind == "org" else self.places)[(s, e)] = self.norm[s:e]
                i += k
            else:
                i += 1

    def scan_orgs(self) -> None:
        toks, d = self.tokens, self.d
        heads = d.org_suffixes_latin
        for i, (_s, _e, w) in enumerate(toks):
            base = w.split("-")[-1]
            if not _is_cap(w) or not (w in heads or base in heads or base.rstrip("s") in heads):
                continue
            # left: capitalised words and capitalised adjectives directly before
            j = i
            while j > 0 and _is_cap(toks[j - 1][2]) and toks[j - 1][2] not in DETERMINERS \
                    and self.gap(toks[j - 1][1], toks[j][0]) == " " and toks[j - 1][2] not in NOT_NAME:
                j -= 1
            # right: "des chinesischen Rats zur internationalen Wirtschaftsförderung Shandong"
            k = i
            while k + 1 < len(toks):
                m = k + 1
                if toks[m][2] not in CONNECT_ORG or self.gap(toks[k][1], toks[m][0]) != " ":
                    break
                q = m + 1
                while q < len(toks) and not _is_cap(toks[q][2]) and toks[q][2] not in CONNECT_ORG \
                        and self.gap(toks[q - 1][1], toks[q][0]) == " " and q - m <= 2:
                    q += 1
                if q >= len(toks) or not _is_cap(toks[q][2]) or self.gap(toks[q - 1][1], toks[q][0]) != " ":
                    break
                while q + 1 < len(toks) and _is_cap(toks[q + 1][2]) and self.gap(toks[q][1], toks[q + 1][0]) == " " \
                        and toks[q + 1][2] not in NOT_NAME:
                    q += 1
                k = q
            if j == i and k == i and "-" not in w:
                continue  # a bare head noun (das Untergremium) is a reference, not a name
            s0, e0 = toks[j][0], toks[k][1]
            if any(ps <= s0 < pe for ps, pe in self.people):
                continue
            self.orgs[(s0, e0)] = self.norm[s0:e0]
            if w in ZONE_HEADS:
                self.places[(s0, e0)] = self.norm[s0:e0]

    def scan_zones(self) -> None:
        for m in re.finditer(r"(?:[A-Z][\w\-]+ ){1,6}(?:Park|Zone|Area)\b", self.norm):
            self.places[m.span()] = m.group()

    def name_at(self, i: int) -> int:
        """Number of tokens of a personal name starting at token ``i`` (0 if none)."""
        toks, d = self.tokens, self.d
        if i >= len(toks):
            return 0
        w = toks[i][2]
        if not _is_cap(w) or w in NOT_NAME or w.isupper():
            return 0
        k = i
        while k + 1 < len(toks) and k - i < 3 and _is_cap(toks[k + 1][2]) and \
                self.gap(toks[k][1], toks[k + 1][0]) == " " and toks[k + 1][2] not in NOT_NAME \
                and not toks[k + 1][2].isupper():
            k += 1
        n = k - i + 1
        if n < 2:
            return 0
        words = [t[2] for t in toks[i:i + n]]
        if any(self.norm[toks[i][0]:toks[i + m][1]] in d.places_latin or words[m] in d.places_latin
               or words[m] in d.orgs_latin or words[m] in d.org_suffixes_latin for m in range(n)):
            # stop the name before a place or organisation word
            cut = next((m for m in range(n) if words[m] in d.places_latin or words[m] in d.orgs_latin
                        or words[m] in d.org_suffixes_latin), n)
            n = cut
            words = words[:n]
            if n < 2:
                return 0
        if words[0] in d.given_latin:
            return min(n, 3)
        if all(_romanised(x) for x in words[:2]) and self.doc.lang in ("de", "en"):
            return 2
        return 0

    def scan_people(self) -> None:
        toks, d, norm, text = self.tokens, self.d, self.norm, self.doc.text
        i = 0
        while i < len(toks):
            n = self.name_at(i)
            if not n:
                i += 1
                continue
            ns, ne = toks[i][0], toks[i + n - 1][1]
            title = org = None
            start, end = ns, ne
            # apposition after: ", Sekretär des CPC-Komitees der Provinz Shandong,"
            m = re.match(r",\s+((?:[a-zäöü]\w*\s+)?[A-ZÄÖÜ][\w\-]*)(?:\s+(des|der|von|of|from|at)\s+([^,;.()]+?))?(?=\s*(?:,|;|\.|\(|\sund\s|\sand\s|$))",
                         norm[ne:ne + 160])
            if m and (m.group(1).split()[-1] in d.titles_latin or m.group(1) in d.titles_latin):
                title, org_text = m.group(1), m.group(3)
                end = ne + m.end()
                if org_text:
                    os_ = ne + m.start(3)
                    oe = os_ + len(org_text)
                    if self._org_like(os_, oe):
                        org = text[os_:oe]
                        self.orgs.setdefault((os_, oe), org)
                    else:
                        title = text[ne + m.start(1):oe]
            else:
                # title before: "der ehemalige Premier Yukio Hatoyama", "Der Generalsekretär der
                # Liberaldemokratischen Partei Japans, Toshihiro Nikai"
                before = norm[max(0, ns - 160):ns]
                bm = re.search(r"(?:\b(?:der|die|den|dem|des|the|Der|Die|The|von|von der)\s+|^|,\s+|\.\s+)"
                               r"((?:[\w\-äöüß]+\s+){0,7}?)(,\s*)?$", before)
                if bm and bm.group(1).strip():
                    phrase = bm.group(1).strip()
                    ws = phrase.split()
                    ti = next((x for x in range(len(ws)) if ws[x] in d.titles_latin), None)
                    if ti is not None:
                        pstart = ns - len(before) + bm.start(1)
                        after_title = " ".join(ws[ti + 1:])
                        title_words = ws[:ti + 1]
                        mm = re.match(r"(des|der|von|of)\s+(.+)$", after_title)
                        if mm and self._org_like_text(mm.group(2)):
                            title = " ".join(title_words)
                            os_ = pstart + phrase.index(mm.group(2), len(" ".join(title_words)))
                            org = text[os_:os_ + len(mm.group(2))]
                            self.orgs.setdefault((os_, os_ + len(org)), org)
                        else:
                            title = phrase
                        if all(ADJ_TITLE.match(x) or x in d.titles_latin for x in title_words):
                            start = pstart
                        else:
                            title = None
            if title:
                title = title.strip()
            self.people.append((ns, ne))
            self.doc.add("person", start, end, {"name": text[ns:ne], "title": title, "org": org},
                         0.8 if title else 0.6)
            i += n

    def _org_like(self, s: int, e: int) -> bool:
        return self._org_like_text(self.norm[s:e])

    def _org_like_text(self, t: str) -> bool:
        d = self.d
        if t in d.orgs_latin:
            return True
        words = re.findall(r"[\w\-]+", t)
        return any(w in d.org_suffixes_latin or w.split("-")[-1] in d.org_suffixes_latin
                   or w.split("-")[-1].rstrip("s") in d.org_suffixes_latin for w in words)

    def emit(self) -> None:
        doc = self.doc
        for (s, e) in sorted(self.orgs):
            if any(s2 <= s and e <= e2 and (s2, e2) != (s, e) for (s2, e2) in self.orgs):
                continue
            if (s, e) in self.places:
                continue
            doc.add("organization", s, e, {"name": doc.text[s:e]}, 0.65)
        for (s, e) in sorted(self.places):
            if any(s2 <= s and e <= e2 and (s2, e2) != (s, e) for (s2, e2) in list(self.orgs) + list(self.places)):
                continue
            if any(ps <= s < pe for ps, pe in self.people):
                continue
            doc.add("place", s, e, {"name": doc.text[s:e]}, 0.7)


def extract(doc: Doc) -> None:
    ctx = Ctx(doc)
    if not ctx.tokens:
        return
    ctx.scan_gazetteers()
    ctx.scan_orgs()
    ctx.scan_zones()
    ctx.scan_people()
    ctx.emit()
