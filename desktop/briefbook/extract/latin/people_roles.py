"""The organisation of a person's title in German and English, where the title says
it without an organisation's name.

- A country's or region's adjective before a government office ("Bavarian Economy
  Minister Hubert Aiwanger", "der bayerische Wirtschaftsminister Hubert Aiwanger",
  "Japanese Prime Minister"): the adjective joins the title; a place is no
  organisation, so the organisation stays null.
- A possessive apposition or title ("Hubert Aiwanger, Bavaria's economy minister,",
  "Bavaria's economy minister Hubert Aiwanger", "SoftBank's chief executive"): the
  owner joins the title, and is the organisation unless it is a place or country.

As everywhere in the rules, a title keeps the place written in or before it (珠海市长,
"Canada's Minister of Trade", "japanische Botschafter in China"), and a title after only
a place or country has no organisation (the seeds' convention: `Gouverneur der Provinz
Shandong`, `日本前首相`); an organisation named in the title is told apart, not cut out.
- A title with "der/des/of" and a capitalised name that is no place, for other than
  government offices ("Geschäftsführerin der Bayern International, Anna Weber",
  "managing director of Bayern International"): the name is the organisation (and
  one of the text's organisations).  A government office keeps its whole phrase as
  the title ("Gouverneur der Provinz Shandong", "Minister of Foreign Affairs").

Runs after ``people.scan_people`` has read names with their titles.
"""

from __future__ import annotations

import re

from ..dictionaries import pairs, word_list
from .lexical import is_role, is_title_phrase, org_like_text
from .scan import LatinScan
from .words import is_relation_noun

DEMONYMS_EN = pairs("en/demonyms.tsv")
DEMONYMS_DE = pairs("de/demonyms.tsv")
_DEMONYM_PLACES = set(DEMONYMS_EN.values()) | set(DEMONYMS_DE.values())
GOVERNMENT = tuple(word_list("latin/government_titles.txt"))
_DE_ENDING = re.compile(r"(?:e|en|er|es|em)$")
_POSSESSIVE = re.compile(
    r",\s+(?P<owner>[A-ZÄÖÜ][\w\-]+(?:\s[A-ZÄÖÜ][\w\-]+){0,2})['’]s\s+"
    r"(?P<title>(?:[a-z][\w\-]*\s+){0,3}[a-z][\w\-]*)(?=\s*(?:,|;|\.|$))")
_OWNER_BEFORE = re.compile(r"(?P<owner>[A-ZÄÖÜ][\w\-]+(?:\s[A-ZÄÖÜ][\w\-]+){0,2})['’]s\s+"
                           r"(?P<words>(?:[a-z][\w\-]*\s+){0,2})$")
_OWNER_IN = re.compile(r"(?P<owner>[A-ZÄÖÜ][\w\-]+(?:\s[A-ZÄÖÜ][\w\-]+){0,2})['’]s\s")
# a relative clause that gives the person's role ("Robert Brannekämper, der als Vertreter der
# CSU-Fraktion ...", "Jane Roe, who as chair of the Rotary Club ...", "..., who is the president of ...")
_RELATIVE = re.compile(
    r",\s+(?:(?:der|die)\s+(?:(?:seit|bis|damals|heute|nun|jetzt|auch|ebenfalls)\s+(?:\d{4}\s+)?)?als|"
    r"who\s+(?:as|is|was|has\s+been|serves\s+as|served\s+as))\s+(?:the\s+|a\s+|an\s+)?"
    r"(?P<title>(?:[\w\-]+\s+){0,2}?[\w\-]+)\s+(?:der|des|von|vom|of|of\s+the|at|at\s+the)\s+"
    r"(?P<org>[A-ZÄÖÜ][\w\-&]*(?:\s(?:der|des|of|the|für|for|und|and|&)?\s?[A-ZÄÖÜ][\w\-&]*)*)")
_TITLE_OF = re.compile(r"^(?P<title>.+?)\s+(?:der|des|of|of the|von der|vom)\s+"
                       r"(?P<org>[A-ZÄÖÜ][\w\-&]*(?:\s(?:[A-ZÄÖÜ][\w\-&]*|&|and|und|für|for|of|der|des|the)"
                       r"(?=\s[A-ZÄÖÜ&]|\s(?:and|und|für|for|of|der|des|the)\s|$))*)$")


def is_government(title: str) -> bool:
    """Whether a word of the title names a government office (Wirtschaftsminister,
    Gouverneur der Provinz Shandong, Secretary of State)."""
    return any(w.lower().endswith(GOVERNMENT) for w in title.split())


def demonym_place(word: str) -> str | None:
    """The place a country's or region's adjective names (Bavarian, bayerische)."""
    if word in DEMONYMS_EN:
        return DEMONYMS_EN[word]
    low = word.lower()
    for stem in (low, _DE_ENDING.sub("", low)):
        for key, place in DEMONYMS_DE.items():
            if key.lower() == stem:
                return place
    return None


def _org_of_owner(scan: LatinScan, owner: str) -> str | None:
    """The organisation a possessive's owner names: none when the owner is a place or
    country (Bavaria's, Japan's, China's), the owner otherwise (SoftBank's)."""
    d = scan.d
    if owner in d.places_latin or owner in _DEMONYM_PLACES or owner in scan.places.values():
        return None
    return owner


def scan_title_orgs(scan: LatinScan) -> None:
    doc, text, d = scan.doc, scan.doc.text, scan.d
    for f in doc.facts:
        if f.kind != "person" or f.value.get("org"):
            continue
        title = f.value.get("title")
        name = f.value.get("name") or f.text
        if not title:
            # "Hubert Aiwanger, Bavaria's economy minister,"
            if not f.text.endswith(name):
                continue
            m = _POSSESSIVE.match(text, f.end)
            if m and is_title_phrase(scan, m["title"]) or m and m["title"].split()[-1] in d.titles_latin_lower:
                f.value["title"], f.value["org"] = text[m.start("owner"):m.end("title")], _org_of_owner(scan, m["owner"])
                f.end = m.end("title")
                f.text = text[f.start:f.end]
                continue
            _relative_role(scan, f)
            continue
        # "Bavaria's economy minister Hubert Aiwanger": the owner before the title
        owner = _OWNER_BEFORE.search(text, max(0, f.start - 80), f.start)
        if owner and f.text.startswith(title):
            f.start = owner.start()
            f.text = text[f.start:f.end]
            f.value["title"] = text[f.start:f.start + len(owner.group(0)) + len(title)]
            f.value["org"] = _org_of_owner(scan, owner["owner"])
            continue
        mine = _OWNER_IN.match(title)  # Canada's Minister of International Trade
        if mine and (mine["owner"] in d.titles_latin or mine["owner"].lower() in d.titles_latin_lower):
            continue  # "Prime Minister’s Special Envoy": the owner is an office, no organisation
        if mine:
            f.value["org"] = _org_of_owner(scan, mine["owner"])
            continue
        words = title.split()
        if is_government(title):
            # the adjective in the title (Japanese Prime Minister) or right before it joins the
            # title; the place it names is no organisation, so the organisation stays null
            if not (len(words) > 1 and demonym_place(words[0])):
                before = re.search(r"([\w\-]+)\s+$", text[max(0, f.start - 40):f.start])
                if before and demonym_place(before.group(1)):
                    f.start -= len(before.group(0))
                    f.text = text[f.start:f.end]
                    f.value["title"] = before.group(0) + title
            continue
        m = _TITLE_OF.match(title)
        # a bare word for a kind of place (der Region, der Provinz) names no body: it stays in the title
        if m and m["org"] not in d.places_latin and not is_relation_noun(m["org"]):
            at = f.text.find(m["org"], len(m["title"]))
            if at < 0:
                continue
            f.value["title"], f.value["org"] = m["title"], m["org"]
            s = f.start + at
            scan.orgs.setdefault((s, s + len(m["org"])), m["org"])


def _relative_role(scan: LatinScan, f) -> None:
    """"Robert Brannekämper, der als Vertreter der CSU-Fraktion an dem Gespräch teilnahm":
    the role and organisation a relative clause gives a person named without a title.
    The person's span stays the name; the organisation is one of the text's."""
    m = _RELATIVE.match(scan.norm, f.end)
    if not m:
        return
    title, org = m["title"], m["org"]
    words = title.split()
    if not (is_title_phrase(scan, title) or is_role(scan, words[-1]) or title.lower() in scan.d.titles_latin_lower):
        return
    os_, oe = m.span("org")
    known = [k[1] for k in scan.orgs if k[0] == os_ and k[1] <= oe + 40]  # read before (Bayern International)
    if known:
        oe = max(known)
    elif org not in scan.d.orgs_latin and not org_like_text(scan, org):
        return
    f.value["title"], f.value["org"] = scan.doc.text[m.start("title"):m.end("title")], scan.doc.text[os_:oe]
    scan.orgs.setdefault((os_, oe), f.value["org"])
