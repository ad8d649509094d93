"""The statistical tagger's pass for German and English (after the rules' emit).

The CRF tagger (``extract/tagger/crf.py``) adds the people, organisations and places
the rules missed, replaces rule spans it disagrees with, drops rule organisations
(and German places) it finds nothing at unless a dictionary or a strong cue of the
text supports them, and marks what it agrees with (see ``extract/tagger/combine.py``;
the choices were measured with ``benchmarks/ner_benchmark.py --split tune``: GermEval
dev even half, all F1 0.607 adding only, 0.650 replacing and vetoing).  It also vetoes a rule "person" whose first word is
an ordinary word at the start of a sentence ("Gestern Abend", "Hoffnungsvoll Meyer"):
that word goes unless the tagger reads it as part of a name.
"""

from __future__ import annotations

import re

from ...core.facts import Fact
from ..tagger import TaggedSpan, crf, tagger_for  # noqa: F401  (crf registers the taggers)
from ..tagger.combine import combine
from .lexical import is_role
from .orgs import EXTRA_HEADS, LAST_WORD_HEADS, LIST_NOUNS, genitive_of_place, official_compound, source_site
from .scan import VENUE_HEADS, LatinScan, is_cap
from .words import HONORIFICS, PARTICLES, SAINT, is_org_descriptor, is_relation_noun

# a tagger span is taken when its weakest token's marginal reaches the threshold,
# and replaces the rule facts it overlaps from PREFER on; a veto on places in English
# measured no better (the rules' English places are mostly dictionary names)
THRESHOLDS = {"person": 0.5, "organization": 0.5, "place": 0.5}
_ALL = {"person": 0.5, "organization": 0.5, "place": 0.5}
PREFER: dict[str, dict[str, float]] = {"de": _ALL, "en": _ALL}
VETO: dict[str, tuple[str, ...]] = {"de": ("organization", "place"), "en": ("organization",)}


# the heads of an institution often named after a person (Humboldt-Schule, Goethe-Institut):
# such a compound is a name; other hyphenated heads (Fußball-Liga, VW-Konzern) are words
_INSTITUTION_HEADS = {"Schule", "Gymnasium", "Institut", "Universität", "Hochschule", "Akademie", "Stiftung"}


def _supported(scan: LatinScan):
    """Whether a rule organisation stays though the tagger found none there: it is in
    our dictionary, it is glossed in the text ("Export Development Board (EDB)", and EDB
    used alone later), it is the organisation of a person's title, or its name has an
    organisation's head noun (GmbH, Kammer, Corporation; a German compound of one) with
    more words than the head alone or as one compound of an official body
    (Bundesärztekammer, Landeskriminalamt)."""
    d, text = scan.d, scan.doc.text

    def test(f: Fact) -> bool:
        if f.kind == "place":
            return genitive_of_place(scan, scan.norm[f.start:f.end])  # Kanadas: a listed place's genitive
        if f.kind != "organization":
            return False
        name = scan.norm[f.start:f.end]
        if (f.start, f.end) in scan.listed:
            return True  # listed after a plural noun for its kind ("die Unternehmen A, B und C")
        if name in d.orgs_latin or re.search(rf"\(\s?{re.escape(name)}\s?\)", text) or source_site(name):
            return True
        if re.match(r" ?\(\s?[A-ZÄÖÜ][^()\n]{1,120}\)", text[f.end:f.end + 124]):
            return True  # glossed: Bundesamt für Gesundheit (BAG), or ( BAG ) in tokenised text
        # the organisation of a person's title ("Liu Jiayi, Sekretär des CPC-Komitees der Provinz Shandong")
        # (or given in a relative clause: "Robert Brannekämper, der als Vertreter der CSU-Fraktion ...")
        if any(p.kind == "person" and p.value.get("org") and (p.start <= f.start and f.end <= p.end or
                                                               p.value["org"] == f.text and p.end < f.start)
               for p in scan.doc.facts):
            return True
        # a name that ends in an organisation's head noun or a German compound of one
        # (Robert Bosch GmbH, Industrie- und Handelskammer Region Stuttgart, Statistisches Landesamt)
        words = name.split()
        if len(words) > 1 and words[0] in d.org_prefixes_latin:
            return True  # a club's name after its prefix (Borussia Dortmund, VfL Osnabrück)
        common = d.common_latin.get(scan.doc.lang, set())
        heads = [w for w in words if w in d.org_suffixes_latin or w.rstrip("s") in d.org_suffixes_latin or
                 # a hyphenated head after names (Nordland Service-Center, not "Ähnliche Info-Post")
                 "-" in w and w.rsplit("-", 1)[-1] in d.org_suffixes_latin and
                 not any(x.lower() in common for x in words if x != w) or
                 w in EXTRA_HEADS or w == words[-1] and w in LAST_WORD_HEADS or
                 len(w) > 8 and any(w.lower().endswith((h, h + "s", h + "es")) for h in d.org_compound_heads_de)]
        if len(words) == 1 and "-" in name and name.rsplit("-", 1)[-1] in _INSTITUTION_HEADS and \
                is_cap(name) and name.rsplit("-", 1)[0] not in d.places_latin and \
                not any(p.lower() in c for p in name.split("-")[:-1] for c in d.common_latin.values()):
            return True  # a name joined to its head (Humboldt-Schule, Goethe-Institut), not a word (High-Tech-Zentrum)
        return bool(heads) and (len(words) > 1 or official_compound(scan, name))
    return test


def _without_titles(scan: LatinScan, spans: list[TaggedSpan]) -> list[TaggedSpan]:
    """A tagged person that opens with a title or honorific ("Abwehrchef Barletta",
    "Senator Warnock") is the name after it: the title is the rules' to read."""
    words = {s: (e, w) for s, e, w in scan.tokens}
    out = []
    for t in spans:
        s = t.start
        if t.kind == "person" and scan.honorific_end:
            # "YBhg. Tan Sri Ong Ka Ting": past the run of styles of address; a span that is
            # only styles ("Tan Sri hosted a dinner") is no one
            run = next((e for e, rs in scan.honorific_end.items() if rs <= s < e), None)
            if run is not None:
                if run >= t.end:
                    continue
                s = run
        while t.kind == "person" and s in words:
            e, w = words[s]
            nxt = scan.doc.text.find(" ", e, t.end)
            if nxt < 0 or not (w in HONORIFICS or is_role(scan, w)) or w in scan.d.given_latin:
                break
            s = nxt + 1
        out.append(t if s == t.start else TaggedSpan(s, t.end, t.kind, t.score))
    return out


def _without_relation_nouns(scan: LatinScan, spans: list[TaggedSpan]) -> list[TaggedSpan]:
    """A tagged place or organisation that opens with a noun relating a place to another,
    perhaps after the other place's genitive ("Bayerns Partnerprovinz Shandong", "Partnerprovinz
    Shandong", "Landeshauptstadt München"), is the place named after that noun; a tagged
    organisation that opens with a noun for its kind ("Spartensender Swiss Music Radio",
    "Firma Century Media") is the name after that noun."""
    toks, places = scan.tokens, scan.d.places_latin
    starts = {s: i for i, (s, _, _) in enumerate(toks)}
    out = []
    for t in spans:
        i = starts.get(t.start)
        if t.kind not in ("place", "organization") or i is None:
            out.append(t)
            continue
        k = i
        # the other place's genitive before the noun (Bayerns, Chinas)
        while k < len(toks) and toks[k][1] < t.end and toks[k][2].endswith("s") and toks[k][2][:-1] in places:
            k += 1
        if k + 1 < len(toks) and toks[k + 1][1] <= t.end and is_relation_noun(toks[k][2]) and \
                is_cap(toks[k + 1][2]) and scan.gap(toks[k][1], toks[k + 1][0]) == " ":
            out.append(TaggedSpan(toks[k + 1][0], t.end, "place", t.score))
        elif t.kind == "organization" and i + 1 < len(toks) and toks[i + 1][1] <= t.end and \
                (is_org_descriptor(toks[i][2]) or toks[i][2] in LIST_NOUNS) and is_cap(toks[i + 1][2]) and \
                scan.gap(toks[i][1], toks[i + 1][0]) == " ":  # (or a plural: "Universitäten Tokyo Denki University")
            out.append(TaggedSpan(toks[i + 1][0], t.end, t.kind, t.score))  # Spartensender Swiss Music Radio
        else:
            out.append(t)
    return out


def _without_trailing_people(scan: LatinScan, spans: list[TaggedSpan]) -> list[TaggedSpan]:
    """A tagged organisation or place run together with the name of a person the rules
    read right after it ("Chairman of the People's Committee of Ha Nam province Truong
    Quoc Huy") ends before that name: the person stays a person."""
    people = {e: s for s, e in scan.people}
    out = []
    for t in spans:
        s = people.get(t.end)
        if t.kind in ("organization", "place") and s is not None and t.start < s and \
                scan.doc.text[t.start:s].strip() and scan.doc.text[s - 1] == " ":
            cut = len(scan.doc.text[t.start:s].rstrip(" ,"))
            out.append(TaggedSpan(t.start, t.start + cut, t.kind, t.score))
        else:
            out.append(t)
    return out


def _sentence_initial_common(scan: LatinScan, spans: list[TaggedSpan]) -> None:
    doc = scan.doc
    common = scan.d.common_latin.get(doc.lang, set())
    starts = {s: i for i, (s, _, _) in enumerate(scan.tokens)}
    tagged_people = [(t.start, t.end) for t in spans if t.kind == "person"]
    kept = []
    for f in doc.facts:
        # the name's first word: a title before it ("Staatssekretär Gerd Krämer") is no name
        i = starts.get(f.start + max(0, f.text.rfind(f.value.get("name") or f.text))) if f.kind == "person" else None
        if f.kind == "person" and i is not None and scan.sentence_initial(i):
            word = scan.tokens[i][2]
            if word.lower() in common and word not in scan.d.given_latin and \
                    not any(s <= f.start < e for s, e in tagged_people):
                continue  # the tagger's own people were added by combine (or come from it)
        kept.append(f)
    doc.facts[:] = kept


# a possessive followed by another word inside a span ("Japan’s Hyogo", "Bavaria's Aiwanger")
_POSSESSIVE_INSIDE = re.compile(r"\w['’]s\s+\w")


def scan_tagged(scan: LatinScan) -> None:
    doc = scan.doc
    tagger = tagger_for(doc.lang)
    if tagger is None:
        return
    spans = _without_relation_nouns(scan, _without_titles(scan, tagger.tag(doc.text)))
    spans = _without_trailing_people(scan, spans)
    # a zone the rules read by its head is one name: "Dong Van" and "Industrial Park" tagged
    # inside "Dong Van 3 Industrial Park" do not split it
    spans = [t for t in spans if not any(a <= t.start and t.end <= b and (a, b) != (t.start, t.end)
                                         for a, b in scan.zones)]

    def accept(t: TaggedSpan) -> bool:
        if (t.start, t.end) in scan.glosses:
            return False  # "… Schleswig-Holstein (WTSH)": the short form glosses the name before it
        if t.kind == "place" and doc.text[t.start:t.end].rsplit(" ", 1)[-1] in VENUE_HEADS:
            return False  # "the Shangri-La Hotel": a venue, no place
        if t.kind == "person":  # "St. Peter", "Sankt Georg": a church or a place, not a person
            before = doc.text[max(0, t.start - 8):t.start].split()
            if before and (before[-1] in SAINT or before[-1].rstrip(".") in SAINT):
                return False
            if _POSSESSIVE_INSIDE.search(doc.text, t.start, t.end):
                return False  # "Japan’s Hyogo": an owner and what it owns, no one's name
        if doc.text[t.start].isupper() or doc.text[t.start].isdigit():
            return True
        # a name that opens with its lower-case particle (al-Qaeda, von der Leyen)
        words = re.findall(r"[^\W\d_]+", doc.text[t.start:t.end])
        return len(words) > 1 and words[0] in PARTICLES and any(w[:1].isupper() for w in words[1:])

    if doc.lang == "de":
        _sentence_initial_common(scan, spans)
    combine(doc, tagger, spans, THRESHOLDS, accept, PREFER.get(doc.lang), VETO.get(doc.lang, ()),
            _supported(scan), keep_titled=True)
