"""Organisations in German and English: known names (JETRO) and capitalised phrases
around a head noun (Partei, Rat, Council, GmbH) with their genitive/prepositional
tail, club prefixes (FC, VfL), German compounds (Bundesärztekammer), acronyms, and
glosses in parentheses."""

from __future__ import annotations

import re

from ..dictionaries import word_list
from .scan import LatinScan, is_cap
from .words import (
    CONNECT_ORG,
    DETERMINERS,
    MONTHS_DAYS,
    NOT_NAME,
    ORG_COMPOUND_START,
    TAIL_STOPS,
    ZONE_HEADS,
    is_org_descriptor,
)


def scan_gazetteers(scan: LatinScan) -> None:
    toks, d = scan.tokens, scan.d
    n = len(toks)
    i = 0
    while i < n:
        hit = None
        for k in range(min(d.max_latin_words, n - i), 0, -1):
            s, e = toks[i][0], toks[i + k - 1][1]
            phrase = scan.norm[s:e]
            if phrase in d.orgs_latin:
                hit = ("org", s, e, k)
                break
            if phrase in d.places_latin:
                hit = ("place", s, e, k)
                break
        if hit:
            kind, s, e, k = hit
            (scan.orgs if kind == "org" else scan.places)[(s, e)] = scan.norm[s:e]
            i += k
        else:
            if scan.doc.lang == "de" and genitive_of_place(scan, toks[i][2]):
                scan.places[(toks[i][0], toks[i][1])] = toks[i][2]  # Kanadas, Griechenlandes
            i += 1


def genitive_of_place(scan: LatinScan, w: str) -> bool:
    """A German genitive of a listed place (Chinas, Dänemarks, Griechenlandes) that is
    not a listed name itself."""
    places = scan.d.places_latin
    if len(w) < 4 or not is_cap(w) or not w.endswith("s") or w in places or w in scan.d.orgs_latin:
        return False
    return w[:-1] in places and not w[:-1].endswith("s") or w.endswith("es") and w[:-2] in places


# a legal form ends a whole organisation name: "and" after it starts another one
# (Acme Corp and Beta Ltd are two companies; China Road and Bridge Corporation is one)
LEGAL_FORMS = {"GmbH", "AG", "SE", "KG", "KGaA", "eG", "e.V", "Inc", "Corp", "Corporation", "Co", "Ltd", "LLC",
               "PLC", "plc", "Limited", "Group", "Gruppe", "Holding", "Holdings", "SA", "S.A", "NV", "N.V", "BV", "B.V"}


# heads that name an organisation only as the last word of a capitalised name (Bayern
# International, Amnesty International; not Beijing International Airport)
LAST_WORD_HEADS = {"International"}
# "Corp" written without its full stop ends a company's name as "Corp." does
EXTRA_HEADS = {"Corp"}


# "Hangzhou-based", "Munich-headquartered": a place modifier before a name
_PLACE_MODIFIER = re.compile(r"^[A-ZÄÖÜ][\w.]*(?:-[A-ZÄÖÜ][\w.]*)*-(?:based|headquartered)$")


# heads of a diplomatic mission, which names the city or country it sits in as part of its
# name (Consulate General in Shanghai, Botschaft in Peking, Embassy of Japan)
MISSION_HEADS = {"Embassy", "Consulate", "Consulate-General", "Botschaft", "Konsulat", "Konsulats",
                 "Generalkonsulat", "Generalkonsulats"}
_FIELD_CONNECTORS = {"für", "for", "of", "zur", "zum"}


def _field_list_end(scan: LatinScan, k: int) -> int | None:
    """After the first field of a body named by its fields ("Ministry of Economy", "Ministerium
    für Wirtschaft"), the last token of the rest of the list: ", Trade and Industry",
    ", Arbeit und Energie" (one or two capitalised words an item, an "and"/"und" before the
    last); None when no such list follows or an item is a place, an organisation or a name."""
    toks, d = scan.tokens, scan.d
    n_tok = len(toks)
    q = k
    items = 0
    while q + 1 < n_tok:
        g = scan.gap(toks[q][1], toks[q + 1][0])
        last = g == " " and toks[q + 1][2] in ("and", "und", "&")
        if g != ", " and not last:
            return None
        m = q + 2 if last else q + 1
        if m >= n_tok or scan.gap(toks[m - 1][1], toks[m][0]) != " " and last:
            return None
        # one or two words an item (Regional Development, soziale Angelegenheiten)
        end = m
        if not is_cap(toks[m][2]) and m + 1 < n_tok and is_cap(toks[m + 1][2]) and \
                scan.gap(toks[m][1], toks[m + 1][0]) == " " and toks[m][2] not in CONNECT_ORG:
            end = m + 1
        elif end + 1 < n_tok and is_cap(toks[end + 1][2]) and scan.gap(toks[end][1], toks[end + 1][0]) == " ":
            end += 1
        words = [t[2] for t in toks[m:end + 1]]
        if not is_cap(words[-1]) or any(w in d.places_latin or w in d.orgs_latin or w in NOT_NAME or
                                        w in MONTHS_DAYS or w in d.given_latin for w in words):
            return None
        items += 1
        q = end
        if last:
            return q if items >= 2 else None
    return None


def place_modifier(w: str) -> bool:
    return bool(_PLACE_MODIFIER.match(w))


def town_adjective(scan: LatinScan, w: str) -> bool:
    """A German town's adjective (Kieler, Berliner): the town the gazetteer knows plus -er."""
    return scan.doc.lang == "de" and w.endswith("er") and len(w) > 4 and w[:-2] in scan.d.places_latin


def legal_form(w: str) -> bool:
    return w.rstrip(".") in LEGAL_FORMS


def scan_orgs(scan: LatinScan) -> None:
    toks, d = scan.tokens, scan.d
    heads = d.org_suffixes_latin
    for i, (_s, _e, w) in enumerate(toks):
        base = w.split("-")[-1]
        low = w.lower()
        compound = len(w) > 8 and any(low.endswith(h) or low.endswith(h + "s") or low.endswith(h + "es")
                                      for h in d.org_compound_heads_de if len(low) > len(h) + 3)
        if not is_cap(w) or not (w in heads or base in heads or base.rstrip("s") in heads or compound
                                 or w in EXTRA_HEADS or w in LAST_WORD_HEADS):
            continue
        if i + 1 < len(toks) and scan.gap(toks[i][1], toks[i + 1][0]) == " " and \
                f"{w} {toks[i + 1][2]}" in d.titles_latin:
            continue  # "the Jiangsu Party Secretary": the head word opens a title, no organisation
        if w in LAST_WORD_HEADS and (i == 0 or not is_cap(toks[i - 1][2]) or i + 1 < len(toks)
                                     and (is_cap(toks[i + 1][2]) or toks[i + 1][2] in CONNECT_ORG)
                                     and scan.gap(toks[i][1], toks[i + 1][0]) == " "):
            continue
        # left: capitalised words and capitalised adjectives directly before; also across
        # "and"/"und" between capitalised words (China Road and Bridge Corporation) and
        # an elided compound (Industrie- und Handelskammer)
        j = i
        while j > 0:
            pw = toks[j - 1][2]
            if j < i and is_org_descriptor(pw):
                break  # "die Firma Century Media": what kind of organisation follows, no part of its name
            if place_modifier(pw):
                where = pw.rsplit("-", 1)[0]
                if where in d.places_latin:
                    scan.places.setdefault((toks[j - 1][0], toks[j - 1][0] + len(where)), where)
                break  # "Hangzhou-based Alibaba Group": where it sits, no part of its name
            if (j < i or "-" in w) and town_adjective(scan, pw):
                break  # "die Kieler Humboldt-Schule": where it is, no part of a name that has its own
            if is_cap(pw) and pw not in DETERMINERS and scan.gap(toks[j - 1][1], toks[j][0]) == " " \
                    and pw not in NOT_NAME and pw not in MONTHS_DAYS:
                j -= 1
                continue
            if len(pw) == 1 and pw.isupper() and scan.gap(toks[j - 1][1], toks[j][0]) == "." and \
                    re.fullmatch(r"[A-Z]\.", toks[j][2]):
                j -= 1  # the U.S. Consulate General: a dotted abbreviation is one word
                continue
            if pw in ("and", "und", "&") and j >= 2 and scan.gap(toks[j - 1][1], toks[j][0]) == " " and \
                    scan.gap(toks[j - 2][1], toks[j - 1][0]) == " " and is_cap(toks[j - 2][2]) and \
                    toks[j - 2][2] not in DETERMINERS and toks[j - 2][2] not in NOT_NAME and \
                    not legal_form(toks[j - 2][2]) and \
                    (toks[j - 2][2].endswith("-") or j - 2 > 0 and is_cap(toks[j - 3][2]) and
                     scan.gap(toks[j - 3][1], toks[j - 2][0]) == " " or
                     scan.doc.lang == "en" and toks[j - 2][2] not in d.places_latin):
                j -= 2
                continue
            break
        # right: "des chinesischen Rats zur internationalen Wirtschaftsförderung Shandong"
        k = i
        fields = False  # a field after für/for/of read (Ministry of Economy)
        while k + 1 < len(toks):
            m = k + 1
            if toks[k][2].endswith("Universität") and toks[m][2] == "zu" and m + 1 < len(toks) and \
                    toks[m + 1][2] in d.places_latin and scan.gap(toks[k][1], toks[m][0]) == " ":
                k = m + 1  # Christian-Albrechts-Universität zu Kiel, Universität zu Köln
                continue
            if toks[k][2] == "Consulate" and toks[m][2] == "General" and scan.gap(toks[k][1], toks[m][0]) == " ":
                k = m
                continue
            if fields and scan.gap(toks[k][1], toks[m][0]) == ", " and (end := _field_list_end(scan, k)):
                k = end  # Ministry of Economy, Trade and Industry; Ministerium für Wirtschaft, Arbeit und Energie
                break
            if toks[m][2] not in CONNECT_ORG or scan.gap(toks[k][1], toks[m][0]) != " ":
                # a name after the head: Bank Mandiri, Handelskammer Region Stuttgart
                if scan.doc.lang == "de" and scan.gap(toks[k][1], toks[m][0]) == " " and \
                        toks[m][2].endswith("s") and toks[m][2][:-1] in d.places_latin:
                    k = m  # Liberaldemokratische Partei Japans: a country in the genitive
                    continue
                if scan.gap(toks[k][1], toks[m][0]) == " " and is_cap(toks[m][2]) and \
                        (toks[k][2] in ("Bank", "Gruppe", "Group", "Holding", "Holdings") and k == i or
                         toks[m][2] == "Region") and toks[m][2] not in NOT_NAME and \
                        toks[m][2] not in MONTHS_DAYS and toks[m][2] not in heads:
                    k = m
                    if toks[m][2] == "Region" and m + 1 < len(toks) and is_cap(toks[m + 1][2]) and \
                            scan.gap(toks[m][1], toks[m + 1][0]) == " ":
                        k = m + 1
                    continue
                break
            if toks[m][2] in ("and", "und", "&") and legal_form(toks[k][2]):
                break
            if toks[m][2] in ("and", "und") and k == i and j == i:
                break  # "Polizei und SA", "Bund und Länder": a bare head noun, then another name
            # English "in" and a city is where a body sits (the Ministry of Economic Affairs in
            # Chengdu); a country or region may be of its name (Evangelical Church in Germany)
            # (a bare "Botschaft" may be a message: "die Botschaft in Peking" only with a word before)
            mission = toks[m][2] == "in" and toks[i][2] in MISSION_HEADS and m + 1 < len(toks) and \
                toks[m + 1][2] in d.places_latin and (j < i or toks[i][2] != "Botschaft")
            if toks[m][2] in ("on",) or toks[m][2] == "in" and scan.doc.lang == "en" and not mission and \
                    m + 1 < len(toks) and toks[m + 1][2] in d.places_latin and \
                    (k == i or toks[m + 1][2] not in d.major_places_latin):
                break
            # German "in" joins a country or region (Evangelische Kirche in Deutschland), not
            # where a body sits or what it does (das Auswärtige Amt in Berlin, der Rat in Tervuren)
            if toks[m][2] == "in" and scan.doc.lang == "de" and not mission and \
                    not (m + 1 < len(toks) and toks[m + 1][2] in d.major_places_latin):
                break
            q = m + 1
            while q < len(toks) and not is_cap(toks[q][2]) and toks[q][2] not in CONNECT_ORG \
                    and scan.gap(toks[q - 1][1], toks[q][0]) == " " and q - m <= 2 \
                    and toks[m][2] not in ("and", "und"):
                q += 1
            # a possessive or indefinite article after the connector makes it an ordinary
            # phrase (Nachrichten für seine Anleger, Organisation von einem Ausflug)
            if any(toks[r][2] in TAIL_STOPS for r in range(m + 1, q)):
                break
            if q >= len(toks) or not is_cap(toks[q][2]) or scan.gap(toks[q - 1][1], toks[q][0]) != " ":
                break
            if toks[q][2] in MONTHS_DAYS:
                break
            if toks[m][2] == "von" and genitive_of_place(scan, toks[q][2]):
                break  # "des Volkskongresses von Bayerns Partnerprovinz": the genitive owns what follows
            while q + 1 < len(toks) and is_cap(toks[q + 1][2]) and scan.gap(toks[q][1], toks[q + 1][0]) == " " \
                    and toks[q + 1][2] not in NOT_NAME and toks[q + 1][2] not in MONTHS_DAYS:
                q += 1
            k = q
            fields = fields or toks[m][2] in _FIELD_CONNECTORS
            # "of Ha Nam province", "of Hyogo prefecture": the place's kind is of the name
            if k + 1 < len(toks) and toks[k + 1][2] in ("province", "prefecture") and \
                    scan.gap(toks[k][1], toks[k + 1][0]) == " " and toks[m][2] == "of":
                k += 1
        if j == i and k == i and "-" not in w:
            continue  # a bare head noun (das Untergremium) is a reference, not a name
        if j == i and k > i and _ordinary_phrase(scan, i, k):
            continue  # "Bewegung der Kulisse", "Amt des Stadtsyndicus": ordinary words, no name
        s0, e0 = toks[j][0], toks[k][1]
        if any(ps <= s0 < pe for ps, pe in scan.people):
            continue
        scan.orgs[(s0, e0)] = scan.norm[s0:e0]
        if w in ZONE_HEADS:
            scan.places[(s0, e0)] = scan.norm[s0:e0]


def _ordinary_phrase(scan: LatinScan, i: int, k: int) -> bool:
    """Whether the tail of a head noun (tokens i..k) is all ordinary words of the
    language, none a name, place or another organisation's head (Untergremium des
    chinesischen Rats ... Shandong is a name; Organisation der Spiele is not)."""
    d = scan.d
    common = d.common_latin.get(scan.doc.lang)
    if not common:
        return False
    for x in range(i, k + 1):
        w = scan.tokens[x][2]
        if w in ("für", "zur", "zum", "for", "of"):
            return False  # an official body's field (Ministerium für Umwelt, Amt für Statistik)
        if not is_cap(w):
            continue
        low = w.lower()
        if x > i and (w in d.org_suffixes_latin or w.rstrip("s") in d.org_suffixes_latin or
                      any(low.endswith(h) for h in d.org_compound_heads_de if len(low) > len(h) + 3)):
            return False
        if w in d.places_latin or w in d.orgs_latin or w.isupper() or "-" in w:
            return False
        if x > i and not (low in common or scan.doc.lang == "de" and low.endswith("s") and low[:-1] in common):
            return False  # (the head itself is an organisation's word: Organisation, Amt)
    return True


def scan_more_orgs(scan: LatinScan) -> None:
    toks, d = scan.tokens, scan.d
    n_tok = len(toks)
    # shouting text (ALL CAPS) makes every word look like an acronym
    shouting = sum(1 for t in toks if t[2].isupper() and len(t[2]) > 1) > 0.15 * n_tok
    shorts: set[str] = set()  # a club's name without its prefix (Bayern Munich of FC Bayern Munich)
    for i, (s, e, w) in enumerate(toks):
        if (s, e) in scan.orgs or any(os_ <= s < oe for os_, oe in scan.orgs):
            continue
        # "FC Bayern München", "VfL Osnabrück", "1. FC Köln"
        if w in d.org_prefixes_latin and i + 1 < n_tok and is_cap(toks[i + 1][2]) and \
                scan.gap(e, toks[i + 1][0]) == " ":
            k = i + 1
            while k + 1 < n_tok and k - i < 3 and is_cap(toks[k + 1][2]) and \
                    scan.gap(toks[k][1], toks[k + 1][0]) in (" ", "-") and toks[k + 1][2] not in NOT_NAME:
                k += 1
            s0 = s
            m = re.search(r"\b1\. $", scan.norm[max(0, s - 3):s])
            if m:
                s0 = s - 3
            scan.orgs[(s0, toks[k][1])] = scan.norm[s0:toks[k][1]]
            short = scan.norm[toks[i + 1][0]:toks[k][1]]
            if " " in short and short not in d.places_latin:
                shorts.add(short)
            continue
        # German compounds: Bundesärztekammer, Landeskriminalamt, Staatsanwaltschaft
        if official_compound(scan, w):
            scan.orgs[(s, e)] = w
            continue
        # acronyms: CDU, DHB, EMI (not units, codes or Roman numerals)
        if w.isupper() and len(w) > 3 and w.title() in d.places_latin:
            scan.places[(s, e)] = w  # SYDNEY, a dateline
            continue
        if not shouting and 2 <= len(w) <= 6 and w.isupper() and w.isalpha() and w not in d.acronym_stop and \
                w not in d.places_latin and w not in d.orgs_latin and not any(ps <= s < pe for ps, pe in scan.people):
            if not (i and toks[i - 1][2].isupper() and scan.gap(toks[i - 1][1], s) == " ") and \
                    not (i + 1 < n_tok and toks[i + 1][2].isupper() and scan.gap(e, toks[i + 1][0]) == " "):
                scan.orgs[(s, e)] = w
    # the club named again without its prefix is the club, no place ("a player for Bayern Munich")
    for short in shorts:
        for o in re.finditer(rf"(?<![\w\-]){re.escape(short)}(?![\w\-])", scan.norm):
            if not any(os_ <= o.start() < oe for os_, oe in scan.orgs):
                scan.orgs[o.span()] = short
                scan.places.pop(o.span(), None)


# a ministry named by its field (Wirtschaftsministerium, Innenministerium) is a body
# whatever the field's word
_MINISTRY = ("ministerium", "ministeriums")


def official_compound(scan: LatinScan, w: str) -> bool:
    """One German compound that names a public body: a start for its level or kind and
    an organisation's head (Bundesärztekammer, Provinzregierung, Staatskanzlei), or a
    ministry (Wirtschaftsministerium)."""
    if not is_cap(w) or len(w) <= 8:
        return False
    low = w.lower()
    # (in the genitive too: des Provinzvolkskongresses, des Landesamtes)
    return w.startswith(ORG_COMPOUND_START) and any(low.endswith((h, h + "s", h + "es"))
                                                    for h in scan.d.org_compound_heads_de) or \
        scan.doc.lang == "de" and low.endswith(_MINISTRY) and len(low) > 14


def scan_parties(scan: LatinScan) -> None:
    """A party in brackets right after a German person's name ("Mona Neubaur (Grüne)",
    "Horst Seehofer (CSU)") is an organisation, whatever its word: one to three
    capitalised words that are no place, title or number."""
    if scan.doc.lang != "de":
        return
    d = scan.d
    for _s, e in scan.people:
        m = re.match(r" \(([A-ZÄÖÜ][\w\-/]*(?: [A-ZÄÖÜ0-9][\w\-/]*){0,2})\)", scan.norm[e:e + 40])
        if not m:
            continue
        word = m.group(1)
        if word in d.places_latin or word in d.titles_latin or word in d.role_words_latin or \
                any(c.isdigit() for c in word.split()[0]):
            continue
        a, b = e + m.start(1), e + m.end(1)
        if not any(os_ < b and a < oe for os_, oe in scan.orgs):
            scan.orgs[(a, b)] = word


_DOMAIN = r"[a-z0-9][a-z0-9\-]*(?:\.[a-z0-9\-]+)*\.[a-z]{2,6}"
# a web site credited as a source: "[Photo/zjol.com.cn]", "(Quelle: example.de)", or a
# page line that opens with the site's name ("ezhejiang.gov.cn| Updated: ...")
_SOURCE_SITE = re.compile(r"[\[(](?:Photo|Foto|Source|Quelle|Bild|Image)\s*[/:]\s*(" + _DOMAIN + r")\s*[\])]|"
                          r"^(" + _DOMAIN + r")\s*\|", re.M)


def source_site(name: str) -> bool:
    """A name that is a web site's (read by ``scan_source_sites`` only where credited)."""
    return bool(re.fullmatch(_DOMAIN, name))


def scan_source_sites(scan: LatinScan) -> None:
    """A web site named as the source of a photo or of the page is an organisation
    (the publisher); a web address elsewhere in the text is none."""
    for m in _SOURCE_SITE.finditer(scan.norm):
        g = 1 if m.group(1) else 2
        a, b = m.span(g)
        for k in [k for k in scan.orgs if a <= k[0] and k[1] <= b]:
            scan.orgs.pop(k)
        for k in [k for k in scan.places if a <= k[0] and k[1] <= b]:
            scan.places.pop(k)
        scan.orgs[(a, b)] = m.group(g)


def resolve_glosses(scan: LatinScan) -> None:
    """"Australian Trade and Investment Commission (Austrade)": the word in parentheses
    is a gloss of the organisation before it, not an organisation of its own; where it
    is used on its own elsewhere ("Austrade chief executive") it is one."""
    norm = scan.norm
    for m in re.finditer(r"\(([A-ZÄÖÜ][\w\-&]{1,24})\)", norm):
        a, b = m.span(1)
        before: list = [k for k in scan.orgs if k[1] in (m.start(), m.start() - 1) and k[0] < m.start()] or \
            [f for f in scan.doc.facts if f.kind == "organization" and f.end == m.start()]
        if not before and (long := _spelt_by_acronym(scan, m.start(), m.group(1))):
            scan.orgs[long] = norm[long[0]:long[1]]
            before = [long]
        if not before:
            continue
        scan.glosses.add((a, b))
        scan.orgs.pop((a, b), None)
        scan.places.pop((a, b), None)
        word = m.group(1)
        for o in re.finditer(rf"(?<![\w(\-]){re.escape(word)}(?![\w)\-])", norm):
            s, e = o.span()
            if any(os_ <= s < oe for os_, oe in scan.orgs) or any(ps <= s < pe for ps, pe in scan.people):
                continue
            scan.orgs[(s, e)] = word


_ACRONYM_LINKS = {"und", "and", "of", "für", "for", "der", "des", "the", "&"}


def _spelt_by_acronym(scan: LatinScan, paren: int, acronym: str) -> tuple[int, int] | None:
    """"Wirtschafts- und Technologieförderung Schleswig-Holstein (WTSH)": the capitalised
    words right before the parentheses whose initials (of each part of a hyphenated word)
    spell the acronym are the organisation it stands for."""
    if not (3 <= len(acronym) <= 8 and acronym.isupper() and acronym.isalpha()):
        return None
    toks = scan.tokens
    k = next((x for x in range(len(toks) - 1, -1, -1) if toks[x][1] <= paren), None)
    if k is None or scan.norm[toks[k][1]:paren].strip():
        return None
    end, initials, first = toks[k][1], "", None
    while k >= 0 and len(initials) < len(acronym):
        w = toks[k][2]
        if w in _ACRONYM_LINKS and initials:
            k -= 1
            continue
        if not is_cap(w) or w in DETERMINERS or w in NOT_NAME:
            return None
        initials = "".join(part[0] for part in w.split("-") if part).upper() + initials
        first = k
        if k and scan.gap(toks[k - 1][1], toks[k][0]) not in (" ", ", "):
            break
        k -= 1
    if initials != acronym or first is None or toks[first][2] in _ACRONYM_LINKS:
        return None
    words = [t for t in toks[first:] if t[1] <= end and t[2] not in _ACRONYM_LINKS]
    if all(any(ps <= t[0] and t[1] <= pe for ps, pe in scan.places) or t[2] in scan.d.places_latin for t in words):
        return None  # United States of America (USA): a place's short form
    return toks[first][0], end


LIST_NOUNS = set(word_list("latin/org_list_nouns.txt"))
_LIST_LEADS = {"wie", "including", "like", "namely", "etwa", "darunter", "insbesondere"}
_ITEM_LINKS = {"of", "for", "der", "des", "für", "&"}


def _list_item(scan: LatinScan, k: int) -> int | None:
    """The last token of one listed name starting at token ``k`` (capitalised words, with
    of/für and & between them: "Tokyo University of Science", "DMG Mori"), or None."""
    toks = scan.tokens
    w = toks[k][2]
    if not is_cap(w) or w in NOT_NAME or w in DETERMINERS or w in MONTHS_DAYS:
        return None
    end = k
    while end + 1 < len(toks) and end - k < 5 and scan.gap(toks[end][1], toks[end + 1][0]) == " ":
        nxt = toks[end + 1][2]
        if is_cap(nxt) and nxt not in NOT_NAME and nxt not in MONTHS_DAYS:
            end += 1
        elif nxt in _ITEM_LINKS and end + 2 < len(toks) and is_cap(toks[end + 2][2]) and \
                scan.gap(toks[end + 1][1], toks[end + 2][0]) == " ":
            end += 2
        else:
            break
    return end


def scan_listed_orgs(scan: LatinScan) -> None:
    """Names listed after a plural noun for a kind of organisation ("die Unternehmen
    Meidensha, DMG Mori, Nidec und Olympus", "companies such as Acme, Beta and Gamma",
    "die Universitäten Tokyo Denki University, die Meiji University und ...") are
    organisations, whatever their words: two or more names joined by commas and a last
    "und"/"and", none of them a place.  The plural noun is no part of the first name."""
    toks, d = scan.tokens, scan.d
    n_tok = len(toks)
    for i, (_s, e0, w) in enumerate(toks):
        if w not in LIST_NOUNS and w[:1].lower() + w[1:] not in LIST_NOUNS or i + 1 >= n_tok:
            continue
        k = i + 1
        if toks[k][2] in _LIST_LEADS and scan.gap(e0, toks[k][0]) == " ":
            k += 1
        elif toks[k][2] == "such" and k + 1 < n_tok and toks[k + 1][2] == "as":
            k += 2
        if k >= n_tok or scan.gap(toks[k - 1][1], toks[k][0]) != " ":
            continue
        items: list[tuple[int, int]] = []
        closed = False
        while k < n_tok:
            if toks[k][2] in ("die", "der", "das", "the") and k + 1 < n_tok and items:
                k += 1  # ", die Meiji University"
            end = _list_item(scan, k)
            if end is None:
                break
            items.append((k, end))
            if closed:
                break
            if end + 1 >= n_tok:
                break
            g = scan.gap(toks[end][1], toks[end + 1][0])
            if g == ", ":
                k = end + 1
            elif g == " " and toks[end + 1][2] in ("und", "and", "sowie", "&") and end + 2 < n_tok and \
                    scan.gap(toks[end + 1][1], toks[end + 2][0]) == " ":
                k = end + 2
                closed = True
            else:
                break
        if not closed or len(items) < 2 or \
                scan.norm[toks[items[-1][0]][0]:toks[items[-1][1]][1]] in d.places_latin:
            continue
        spans = [(toks[a][0], toks[b][1]) for a, b in items]
        if any(scan.norm[a:b] in d.places_latin or scan.norm[a:b] in d.given_latin for a, b in spans) or \
                any(ps < b and a < pe for a, b in spans for ps, pe in scan.people):
            continue  # "Firmen wie Bayern und Sachsen": places; a person's name: no company list
        for a, b in spans:
            for key in [key for key in scan.orgs if key[0] < b and a < key[1] and key != (a, b)]:
                del scan.orgs[key]  # "Universitäten Tokyo Denki University": the plural is no part of it
            scan.orgs[(a, b)] = scan.norm[a:b]
            scan.listed.add((a, b))
