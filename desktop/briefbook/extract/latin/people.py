"""People with their titles in German and English: appositions ("Liu Jiayi, Sekretär
des CPC-Komitees der Provinz Shandong"), a title with an article before the name ("der
ehemalige Premier Yukio Hatoyama") or without one ("Wirtschaftsministerin Nicole
Hoffmann", "JETRO President Kenji Morita")."""

from __future__ import annotations

import re

from .lexical import is_role, is_title_phrase, org_like, org_like_text
from .names import name_at
from .orgs import legal_form, place_modifier
from .people_roles import DEMONYMS_DE, DEMONYMS_EN
from .scan import LatinScan, is_cap
from .words import (
    ADJ_TITLE,
    FIELD_WORDS,
    HONORIFICS,
    NOT_NAME,
)

DEMONYM_WORDS = set(DEMONYMS_EN)
DEMONYM_STEMS = {k.lower() for k in DEMONYMS_DE}
FIELD_LOWER = {w.lower() for w in FIELD_WORDS}


# lower-case words that may stand inside a title after its title word (Minister für
# Wirtschaft und Energie); any other (war, ist, damals) makes the words a clause
_TITLE_LINKS = {"für", "for", "of", "the", "der", "des", "die", "dem", "den", "von", "und", "and", "im", "am", "in",
                "bei", "beim", "zur", "zum", "at", "on", "de", "du", "la"}
# the kind of a place written after its name inside an organisation's chain
# ("Chairman of the People's Committee of Ha Nam province Truong Quoc Huy")
_PLACE_KINDS = {"province", "prefecture"}
_ARTICLE = re.compile(r"^(?:the|der|die|ein|eine|a|an)\s+")
_ADJ_ENDING = re.compile(r"(?:e|en|er|es|em|al|ial|ese)$")


def _title_adjective(w: str) -> bool:
    """An adjective of a title before it: former, stellvertretende, or a country's or
    region's (kanadischen Botschafter, Canadian Ambassador)."""
    return bool(ADJ_TITLE.match(w)) or w in DEMONYM_WORDS or \
        re.sub(r"(?:e|en|er|es|em)$", "", w.lower()) in DEMONYM_STEMS


def _adjective_title(scan: LatinScan, phrase: str) -> bool:
    """An apposition of adjectives and a title ("bayerischer Wirtschaftsminister",
    "the Bavarian economy minister"): the last word or two are a title, the words before
    them adjectives of a title or of a place."""
    ws = _ARTICLE.sub("", phrase).split()
    if len(ws) < 2:
        return False
    d = scan.d
    for k in (2, 1):
        head = " ".join(ws[-k:])
        if len(ws) > k and (head.lower() in d.titles_latin_lower or head in d.titles_latin or
                            k == 1 and is_title_phrase(scan, head)):
            return all(ADJ_TITLE.match(w) or w in DEMONYM_WORDS or w.lower() in FIELD_LOWER or re.sub(r"(?:e|en|er|es|em)$", "", w.lower())
                       in DEMONYM_STEMS for w in ws[:-k])
    return False


def _apposition_title(scan: LatinScan, phrase: str) -> bool:
    d = scan.d
    return phrase.split()[-1] in d.titles_latin or phrase in d.titles_latin or \
        is_title_phrase(scan, phrase) or _adjective_title(scan, phrase)


# a capitalised field phrase (Wirtschaft, Regional Development, the Treasury)
_FIELD = r"(?:the\s+)?[A-ZÄÖÜ][\w\-]*(?:\s+[A-ZÄÖÜ][\w\-]*)*"
_FIELD_TITLE = re.compile(r",\s+((?:[a-zäöü]\w*\s+)?[A-ZÄÖÜa-z][\w\-]*(?:\s(?!(?:für|for|of)\b)[A-Za-zäöü]+){0,2})"
                          r"\s+(?:für|for|of)\s+((?:" + _FIELD + r",\s+)*" + _FIELD + r"(?:\s+(?:und|and|&)\s+"
                          + _FIELD + r")?)(?=\s*(?:,|;|\.|\(|$))")


def _field_title(scan: LatinScan, ne: int) -> tuple[str, int] | None:
    """An apposition whose title names its fields after für/for/of, often as a list
    (", Bayerischer Staatsminister für Wirtschaft, Landesentwicklung und Energie,",
    ", Minister of Economic Affairs, Regional Development and Energy,"): the title and
    the end of the apposition.  The fields are part of the title, no organisation."""
    m = _FIELD_TITLE.match(scan.norm, ne)
    if not m or not _apposition_title(scan, m.group(1)):
        return None
    items = re.split(r",\s+|\s+(?:und|and|&)\s+", m.group(2))
    d = scan.d
    if len(items) == 1 and scan.norm[m.end(1):m.start(2)].strip() == "of":
        return None  # President of Acme Corp: a single field after "of" may be an organisation
    if any(it in d.orgs_latin or it in d.places_latin or legal_form(it.split()[-1]) for it in items):
        return None  # President of Acme Corp and Beta Ltd
    if any(w in d.titles_latin or is_title_phrase(scan, w) for it in items for w in it.split()):
        return None  # ", Minister für Bildung, Präsident ...": a second apposition begins
    fs, fe = m.start(2), m.end(2)
    for k in [k for k in scan.orgs if fs <= k[0] and k[1] <= fe]:
        scan.orgs.pop(k)
    title = _ARTICLE.sub("", scan.doc.text[m.start(1):fe])
    return title, fe


# lowercase words a name's phrase after of/des holds (governor of Japan's Shizuoka prefecture,
# Abgeordneten des Bayerischen Landtags); any other lowercase word ends the phrase: the
# sentence goes on ("… province led a delegation", "… Landtags sowie von …", "… on Aug 27")
_PHRASE_WORDS = {"of", "the", "and", "for", "province", "prefecture", "city", "state", "county", "region",
                 "district", "municipality", "government", "committee", "people's", "people’s",
                 "der", "des", "die", "dem", "den", "für", "und", "von", "zu", "zur", "zum"}
_DE_ADJ_END = ("en", "er", "es", "em")


def _noun_phrase(phrase: str) -> str:
    """The phrase up to the first word that cannot stand in a name's noun phrase."""
    words = [(w.start(), w.group()) for w in re.finditer(r"\S+", phrase)]
    for k, (at, t) in enumerate(words[1:], 1):
        if t[0].isupper() or t[0].isdigit() or t.lower() in _PHRASE_WORDS:
            continue
        if t.isalpha() and t.endswith(_DE_ADJ_END) and k + 1 < len(words) and words[k + 1][1][0].isupper():
            continue  # der chinesischen Provinz: an adjective before its noun
        return phrase[:at].rstrip()
    return phrase


_CAPTION_POSITION = re.compile(r" \((?:left|right|centre|center|front|back|second left|second right|"
                               r"\d(?:st|nd|rd|th) (?:left|right)|[LR]|links|rechts|Mitte)\)(?=,)")
_LIST_GOES_ON = re.compile(r"\s+(?:sowie|und|and|or|oder)\s")


def _list_item_after_title(scan: LatinScan, i: int, phrase_end: int) -> bool:
    """"von Landtagspräsidentin Anna Roth, Abgeordneten des Landtags sowie von …": a name
    with its title right before it, then a phrase the list goes on after (sowie, und), is
    an item of a list, and the phrase its next item, no apposition."""
    if i == 0 or not _LIST_GOES_ON.match(scan.norm, phrase_end):
        return False
    prev = scan.tokens[i - 1]
    return scan.gap(prev[1], scan.tokens[i][0]) == " " and (
        prev[2] in scan.d.titles_latin or is_title_phrase(scan, prev[2]))


def scan_people(scan: LatinScan) -> None:
    toks, d, norm, text = scan.tokens, scan.d, scan.norm, scan.doc.text
    # the gazetteer's places of several words, by start: "Johor Bahru", "Kuala Lumpur" read
    # as two rare words are a city, no one's name
    place_end = {s: e for s, e in scan.places if " " in norm[s:e]}
    i = 0
    while i < len(toks):
        n = name_at(scan, i)
        if not n:
            i += 1
            continue
        ns, ne = toks[i][0], scan.name_end(toks[i + n - 1][1])
        if place_end.get(ns, -1) >= ne or any(a <= ns and ne <= b for a, b in scan.listed):
            i += n  # (or a name listed after "die Unternehmen": a company's)
            continue
        if i + n < len(toks) and toks[i + n][2] in _PLACE_KINDS and scan.gap(ne, toks[i + n][0]) == " ":
            i += n  # "Quang Ninh province": a place's name
            continue
        title = org = None
        start, end = ns, ne
        # a photo caption's position between the name and its apposition: "Li Ming (left), governor of …"
        ae = pos.end() if (pos := _CAPTION_POSITION.match(norm, ne)) else ne
        # apposition after: ", Sekretär des CPC-Komitees der Provinz Shandong,"
        m = re.match(r",\s+((?:[a-zäöü]\w*\s+(?!(?:des|der|von|of|from|at|in|und|and|für|for)\b))?[A-ZÄÖÜa-z][\w\-]*"
                     r"(?:\s(?!(?:des|der|von|of|from|at|im|beim|am|in|bei|und|and|für|for|to)\b)[A-Za-zäöü]+(?:['’]s)?){0,3})"
                     r"(?:\s+(des|der|von|of|from|at|im|beim|am|in|bei|to)\s+"
                     r"([^,;.()]+?))?(?=\s*(?:,|;|\.|\(|\sund\s|\sand\s|$))",
                     norm[ae:ae + 160])
        if (field := _field_title(scan, ae)) is not None:
            title, end = field  # , Bayerischer Staatsminister für Wirtschaft, Landesentwicklung und Energie,
        elif m and _apposition_title(scan, m.group(1)) and \
                m.group(1).split()[0] not in ("und", "and", "or", "oder", "sowie") and \
                not _list_item_after_title(scan, i, ae + m.end(1) if not m.group(3) else
                                           ae + m.start(3) + len(_noun_phrase(m.group(3)))):
            # (", und dem Generalkonsul …, Name": the next person of a list, no apposition)
            title, org_text = _ARTICLE.sub("", m.group(1)), m.group(3)  # the Bavarian economy minister
            end = ae + m.end()
            if org_text:
                # (a possessive ends the phrase: "Zhu Xiaodan, Governor of Guangdong Province’s visit")
                org_text = re.sub(r"['’]s$", "", _noun_phrase(org_text))
                os_ = ae + m.start(3)
                oe = os_ + len(org_text)
                end = min(end, oe)
                if norm.startswith(("the ", "The "), os_):
                    os_ += 4
                pm = re.match(r"\S+\s", norm[os_:oe])
                if pm and place_modifier(pm.group().strip()):
                    os_ += pm.end()  # "of Hangzhou-based Alibaba Group": the place is no part of the name
                # an organisation read before (Bundesministerium für Wirtschaft und Energie)
                known = [k for k in scan.orgs if k[0] == os_ and k[1] >= oe - 1]
                if known:
                    oe = max(k[1] for k in known)
                    end = oe
                if known or org_like(scan, os_, oe):
                    org = text[os_:oe]
                    scan.orgs.setdefault((os_, oe), org)
                else:
                    title = _ARTICLE.sub("", text[ae + m.start(1):oe])  # (, the Governor of Malacca)
        elif (tb := _title_before(scan, ns)) is not None:
            start, title, org = tb
        elif (to := _title_of_org_before(scan, ns)) is not None:
            start, title, org = to
        else:
            # title before: "der ehemalige Premier Yukio Hatoyama", "Der Generalsekretär der
            # Liberaldemokratischen Partei Japans, Toshihiro Nikai"
            before = norm[max(0, ns - 160):ns]
            bm = _BEFORE_NAME.search(before)
            if bm and bm.group(1).strip():
                phrase = bm.group(1).strip()
                if (longer := _long_title_before(scan, before)):
                    # the words from after the clause before the name, up to twelve, when they hold a
                    # title: a longer organisation chain ("mit dem Vizepräsidenten des Ständigen
                    # Ausschusses des Volkskongresses der Provinz Shandong, Limin Cai")
                    bm, before = longer
                    phrase = bm.group(1).strip()
                ws = phrase.split()
                ti = next((x for x in range(len(ws)) if ws[x] in d.titles_latin), None)
                if ti is None:
                    ti = next((x for x in range(len(ws) - 1, -1, -1) if is_title_phrase(scan, ws[x])), None)
                if ti is not None and ti > 0 and not all(_title_adjective(x) or x in d.titles_latin
                                                         for x in ws[:ti]):
                    # start the phrase at the title (… mit Vietnams Vizeminister für Industrie)
                    k = ti
                    while k > 0 and (_title_adjective(ws[k - 1]) or ws[k - 1] in d.titles_latin or
                                     re.sub(r"['’]s$", "", ws[k - 1]) in d.places_latin and
                                     ws[k - 1][-2:] in ("'s", "’s")):
                        k -= 1  # Canada's Minister …: a title after only a place keeps it
                    cut = len(" ".join(ws[:k])) + (1 if k else 0)
                    phrase = phrase[cut:]
                    bm_start = bm.start(1) + cut
                    ws = ws[k:]
                    ti -= k
                else:
                    bm_start = bm.start(1)
                if ti is not None:
                    pstart = ns - len(before) + bm_start
                    after_title = " ".join(ws[ti + 1:])
                    title_words = ws[:ti + 1]
                    mm = re.match(r"(des|der|von|of)\s+(?:the\s+)?(.+)$", after_title)
                    if mm and org_like_text(scan, mm.group(2)):
                        title = " ".join(title_words)
                        os_ = pstart + phrase.index(mm.group(2), len(" ".join(title_words)))
                        org = text[os_:os_ + len(mm.group(2))]
                        scan.orgs.setdefault((os_, os_ + len(org)), org)
                    else:
                        title = phrase
                    # (an inflected adjective before a noun is of the chain: des chinesischen Rats)
                    clause = any(x[:1].islower() and x not in _TITLE_LINKS and x not in _PLACE_KINDS and
                                 not (_ADJ_ENDING.search(x) and y[:1].isupper())
                                 for x, y in zip(ws[ti + 1:], [*ws[ti + 2:], ""], strict=True))
                    if not clause and all(_title_adjective(x) or x in d.titles_latin or is_title_phrase(scan, x) or
                                          x[-2:] in ("'s", "’s") for x in title_words):
                        start = pstart
                    else:
                        title = None
        if title:
            title = title.strip()
        scan.people.append((ns, ne))
        scan.doc.add("person", start, end, {"name": text[ns:ne], "title": title, "org": org},
                     0.8 if title else 0.6)
        i += n


_BEFORE = (r"(?:\b(?:der|die|den|dem|des|the|Der|Die|The|von|vom|von der|mit|with|by|bei|beim|zum|zur|und|and)\s+|^|,\s+|\.\s+)"
           r"((?:[\w\-äöüß’']+\s+){0,%d}?(?:[\w\-äöüß]+(?=,\s*$))?)(,\s*)?$")
_BEFORE_NAME = re.compile(_BEFORE % 7)
_LONG_BEFORE_NAME = re.compile(_BEFORE % 11)


def _long_title_before(scan: LatinScan, before: str) -> tuple[re.Match, str] | None:
    """Up to twelve words before a name that hold a title, starting after the last word
    of the clause before them (a lower-case word that is no title link or adjective):
    the match and the text it was made on (the end of ``before``)."""
    last = 0
    # an inflected adjective before a noun stays (des chinesischen Rats, the provincial People's Congress)
    # (the "s" of a possessive is no word: the People's Committee)
    for m in re.finditer(r"(?<![’'])\b([a-zäöü][\w\-]*)\s(?![A-ZÄÖÜ])|(?<![’'])\b([a-zäöü][\w\-]*)\s(?=[A-ZÄÖÜ])",
                         before):
        w = m.group(1) or m.group(2)
        if w in _TITLE_LINKS or w in _PLACE_KINDS or ADJ_TITLE.match(w) or m.group(2) and _ADJ_ENDING.search(w):
            continue
        last = m.end()
    last = max(last, before.rfind("\n") + 1)  # a line break ends the clause (a headline before)
    rest = before[last:]
    bm = _LONG_BEFORE_NAME.search(rest)
    if not bm or not any(w in scan.d.titles_latin or is_title_phrase(scan, w) for w in bm.group(1).split()):
        return None
    return bm, rest


# the of/des between a title and the organisation it heads ("der Vorsitzende des", "the chairman of the")
_OF_BEFORE = re.compile(r"\s+(?:des|der|von|of|of\s+the)\s+$")


def _title_of_org_before(scan: LatinScan, ns: int) -> tuple[int, str, str] | None:
    """"der Vorsitzende des Ausschusses für Wirtschaft, Arbeit und Soziales, Anna Li": a
    title, then the organisation it heads (one the organisation pass read, whose commas
    end no apposition), then the name.  Returns (start, title, org)."""
    norm, text, d = scan.norm, scan.doc.text, scan.d
    if norm[max(0, ns - 2):ns] != ", ":
        return None
    org = next(((os_, oe) for os_, oe in scan.orgs if oe == ns - 2), None)
    if org is None:
        return None
    of = _OF_BEFORE.search(norm, max(0, org[0] - 80), org[0])
    if not of:
        return None
    words = [(m.start(), m.group()) for m in re.finditer(r"[\w\-äöüß]+", norm[max(0, of.start() - 60):of.start()])]
    base = max(0, of.start() - 60)
    if not words or norm[base + words[-1][0] + len(words[-1][1]):of.start()].strip():
        return None
    head = words[-1][1]
    if not (head in d.titles_latin or head.lower() in d.titles_latin_lower or is_title_phrase(scan, head) or
            is_role(scan, head)):
        return None
    k = len(words) - 1
    while k > 0 and (ADJ_TITLE.match(words[k - 1][1]) or words[k - 1][1] in d.titles_latin):
        k -= 1  # stellvertretende Vorsitzende, vice chairman
    start = base + words[k][0]
    return start, text[start:of.start()], text[org[0]:org[1]]


def _title_before(scan: LatinScan, ns: int) -> tuple[int, str, str | None] | None:
    """A title written directly before the name, without an article: "Vizegouverneur
    Zhang Wei", "Wirtschaftsministerin Nicole Hoffmann", "JETRO President Kenji Morita",
    "Austrade chief executive Sarah Mitchell", "New South Wales Premier David Collins".
    Returns (start, title, org)."""
    toks, d, text = scan.tokens, scan.d, scan.doc.text
    idx = next((x for x, t in enumerate(toks) if t[0] == ns), None)
    if not idx:
        return None
    # the title: one to three words ending right before the name
    best = None
    for k in (3, 2, 1):
        a = idx - k
        if a < 0 or any(scan.gap(toks[x][1], toks[x + 1][0]) != " " for x in range(a, idx)):
            continue
        phrase = scan.norm[toks[a][0]:toks[idx - 1][1]]
        if phrase.lower() in d.titles_latin_lower or phrase in d.titles_latin or \
                (k == 1 and is_cap(phrase) and is_role(scan, phrase) and phrase not in HONORIFICS):
            best = a
            break
    if best is None:
        # Cabinet Secretary for Trade Grace Wanjiru: a title with its field before the name
        for a in range(idx - 2, max(-1, idx - 7), -1):
            w = toks[a][2]
            if not (w in d.titles_latin or w.lower() in d.titles_latin_lower):
                continue
            rest = [t[2] for t in toks[a + 1:idx]]
            if rest and rest[0] in ("for", "of", "für") and all(is_cap(x) or x in ("and", "und") for x in rest[1:]) \
                    and all(scan.gap(toks[x][1], toks[x + 1][0]) == " " for x in range(a, idx)):
                best = a
                while best > 0 and best > a - 2 and scan.gap(toks[best - 1][1], toks[best][0]) == " " and \
                        is_cap(toks[best - 1][2]) and toks[best - 1][2] not in NOT_NAME and \
                        toks[best - 1][2] not in d.places_latin and toks[best - 1][2] not in d.orgs_latin:
                    best -= 1  # Kenyan Cabinet Secretary
                break
    if best is None:
        return None
    a = best
    while a > 0 and (ADJ_TITLE.match(toks[a - 1][2]) or toks[a - 1][2] in FIELD_WORDS) and \
            scan.gap(toks[a - 1][1], toks[a][0]) == " ":
        a -= 1  # Trade Minister, Foreign Trade Minister
    a = scan.title_start(a)  # Agrar- und Umweltminister, Bayerns Wirtschaftsminister
    start = toks[a][0]
    title_s = start
    org = None
    # an organisation or a place written right before the title
    for (os_, oe) in scan.orgs:
        if oe == start - 1 and scan.norm[oe] == " ":
            org = text[os_:oe]
            start = os_
            break
    if org is None and (ps := scan.place_before(start)) is not None:
        title_s = start = ps  # Tainan Mayor, Iwate Prefecture Governor
    return start, text[title_s:toks[idx - 1][1]], org
