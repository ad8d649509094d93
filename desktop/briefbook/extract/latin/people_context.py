"""People known by their context rather than by a name list: after an honorific or
role word, around a verb of saying, a given name alone, one rare capitalised word in
a German clause position, lists with a person, and later mentions by family name."""

from __future__ import annotations

from .lexical import is_common, is_namey, is_role
from .names import cap_run
from .scan import LatinScan, is_cap
from .words import (
    AFTER_SAY,
    ARTICLES,
    DE_AUX,
    DETERMINERS,
    HONORIFICS,
    MONTH_ABBR,
    MONTHS_DAYS,
    PARTICLES,
    SAINT,
    SAY_VERBS,
)


def scan_people_context(scan: LatinScan) -> None:
    """Names known by their context: after an honorific or role word, or a verb of saying."""
    toks = scan.tokens
    n_tok = len(toks)
    for i in range(n_tok - 1):
        w = toks[i][2]
        if scan.gap(toks[i][1], toks[i + 1][0]) not in (" ", ". ") and not (w.endswith(".")
                                                                           and scan.gap(toks[i][1], toks[i + 1][0]) == " "):
            continue
        j = i + 1
        run_end = next((e for e, s in scan.honorific_end.items() if s == toks[i][0]), None)
        if run_end is not None:
            # "YBhg. Tan Sri Ong Ka Ting", "H.E. Zhu": the name after a run of styles of address
            while j < n_tok and toks[j][0] < run_end:
                j += 1
            n = cap_run(scan, j)
            if n:
                scan.add_person(j, n, None, 0.6)
            continue
        if (w in HONORIFICS or is_role(scan, w)) and w not in SAINT:
            # "Herr Dr. Müller", "Bundeskanzlerin Angela Merkel", "Trainer Klopp"
            while j < n_tok and toks[j][2] in HONORIFICS:
                j += 1
            n = cap_run(scan, j)
            if not n:
                continue
            if n == 1 and not (w in HONORIFICS or w[:1].isupper()) and scan.doc.lang == "en" and \
                    not scan.at_boundary_after(j + 1):
                continue
            ts = toks[scan.title_start(i)][0]
            if w not in HONORIFICS and (ps := scan.place_before(ts)) is not None:
                ts = ps  # a title after only a place keeps it (Tainan Mayor Huang)
            title = None if w in HONORIFICS else scan.doc.text[ts:toks[i][1]]
            scan.add_person(j, n, title, 0.6)
        elif w in SAY_VERBS and w[:1].islower():
            # "..., sagte Petkovic ." / "said Smith"; one ordinary word is no one ("laut Land", "laut Bericht")
            n = cap_run(scan, j)
            if n == 1 and not is_namey(scan, toks[j][2]):
                continue
            if n and scan.at_boundary_after(j + n):
                scan.add_person(j, n, None, 0.55)
    # "Schmidt sagte", "Anna Smith said": two capitalised words before a verb of saying
    for i in range(1, n_tok):
        if toks[i][2] not in AFTER_SAY:
            continue
        for n in (3, 2):
            j = i - n
            if j < 0:
                continue
            if cap_run(scan, j, n) == n and (j == 0 or not is_cap(toks[j - 1][2]) or
                                              scan.gap(toks[j - 1][1], toks[j][0]) != " "):
                if toks[j][2] in DETERMINERS:
                    continue
                scan.add_person(j, n, None, 0.5)
                break


def scan_given_alone(scan: LatinScan) -> None:
    """A given name standing alone ("Daren ,", "with Anil .", "brachte Mathilde am") is a
    person when it is not also an ordinary word (Will, Mark, Grant, Frank; by the
    wordfreq list) or a place, and no capitalised word stands next to it."""
    toks, d = scan.tokens, scan.d
    if not d.common_latin.get(scan.doc.lang):
        return
    n_tok = len(toks)
    for i, (s, e, w) in enumerate(toks):
        if w not in d.given_latin or w.isupper() or w in d.places_latin or w in d.orgs_latin or \
                w in MONTHS_DAYS or w in MONTH_ABBR or is_common(scan, w, foreign=True):
            continue
        if i and toks[i - 1][2] in ARTICLES | SAINT:
            continue  # der Roman, St. Peter
        if scan.doc.lang == "de" and i > 1 and toks[i - 1][2][:1].islower() and \
                toks[i - 1][2].endswith(("e", "en", "er", "es", "em")) and toks[i - 2][2] in ARTICLES:
            continue  # der erste Roman: an adjective between article and noun
        if i and is_cap(toks[i - 1][2]) and scan.gap(toks[i - 1][1], s) in (" ", "-") or \
                i + 1 < n_tok and scan.gap(e, toks[i + 1][0]) in (" ", "-", "'", "’") and is_cap(toks[i + 1][2]):
            continue
        if i + 1 < n_tok and scan.gap(e, toks[i + 1][0]) in ("-", "'", "’", "@", ".", "/"):
            continue
        if any(a <= s < b for a, b in list(scan.orgs) + list(scan.places)):
            continue
        scan.add_person(i, 1, None, 0.45)


def scan_single_names(scan: LatinScan) -> None:
    """One capitalised word that is not an ordinary word, place or organisation, read
    as a person by its position: before a verb of saying ("Griffin told", "Ramelow
    erklärte"); in German right before or after a finite auxiliary at the start of a
    clause ("Beck ist wieder ...", "zuvor musste Halmich ..."); or listed with a person
    ("Rumsfeld, Wolfowitz und Feith")."""
    toks, d = scan.tokens, scan.d
    if not d.common_latin.get(scan.doc.lang):
        return
    n_tok = len(toks)
    de = scan.doc.lang == "de"

    def alone(i: int) -> bool:
        s, e, w = toks[i]
        if not w.isalpha() or not is_namey(scan, w) or not scan.free_for_person(s, e) or \
                any(a <= s < b for a, b in scan.places):
            return False
        if i and (is_cap(toks[i - 1][2]) and scan.gap(toks[i - 1][1], s) in (" ", "-") or
                  toks[i - 1][2] in ARTICLES | SAINT):
            return False
        if i + 1 < n_tok and is_cap(toks[i + 1][2]) and scan.gap(e, toks[i + 1][0]) in (" ", "-"):
            return False
        return not (i + 1 < n_tok and scan.gap(e, toks[i + 1][0]) in ("-", "'", "’", "@", ".", "/"))

    for i in range(n_tok):
        if not is_cap(toks[i][2]) or not alone(i):
            continue
        nxt = toks[i + 1][2] if i + 1 < n_tok and scan.gap(toks[i][1], toks[i + 1][0]) == " " else ""
        prev = toks[i - 1][2] if i and scan.gap(toks[i - 1][1], toks[i][0]) == " " else ""
        if nxt in AFTER_SAY:
            scan.add_person(i, 1, None, 0.5)
        elif de and nxt in DE_AUX and scan.sentence_initial(i):
            scan.add_person(i, 1, None, 0.45)
        elif de and prev in DE_AUX | {"sich"} and (i + 1 >= n_tok or not is_cap(toks[i + 1][2])) and \
                (prev != "sich" or i > 1 and toks[i - 2][2] in DE_AUX):
            scan.add_person(i, 1, None, 0.45)
    # lists: a name-like word joined by "," / "und" / "and" to a person is one too
    changed = True
    while changed:
        changed = False
        spans = sorted(scan.people)
        for i in range(n_tok):
            s, e, w = toks[i]
            if not is_cap(w) or not alone(i):
                continue
            right = i + 2 < n_tok and scan.gap(e, toks[i + 1][0]) in (" ",) and toks[i + 1][2] in ("und", "and", "or",
                                                                                                   "oder") \
                and any(ps == toks[i + 2][0] for ps, _ in spans) or \
                i + 1 < n_tok and scan.gap(e, toks[i + 1][0]) == ", " and any(ps == toks[i + 1][0] for ps, _ in spans)
            left = i > 1 and scan.gap(toks[i - 1][1], s) == " " and toks[i - 1][2] in ("und", "and", "or", "oder") \
                and any(pe == toks[i - 2][1] for _, pe in spans) or \
                i > 0 and scan.gap(toks[i - 1][1], s) == ", " and any(pe == toks[i - 1][1] for _, pe in spans)
            if right or left:
                scan.add_person(i, 1, None, 0.45)
                changed = True
                spans = sorted(scan.people)


def scan_mentions(scan: LatinScan) -> None:
    """Later mentions of a person by family name alone ("Merkel sagte")."""
    toks = scan.tokens
    surnames = {}
    for s, e in scan.people:
        words = scan.norm[s:e].split()
        while len(words) > 2 and words[-1].rstrip(".") in ("Jr", "Sr", "II", "III", "IV"):
            words.pop()  # Edmund G. Brown Jr.: "Brown" later
        last = words[-1].rstrip(",")
        if len(last) >= 3 and is_cap(last) and last not in PARTICLES:
            surnames[last] = True
    if not surnames:
        return
    for i, (s, e, w) in enumerate(toks):
        base = w[:-1] if w.endswith("s") and w[:-1] in surnames else w
        if base in surnames and scan.free_for_person(s, e):
            if scan.doc.lang != "de" and i + 1 < len(toks) and is_cap(toks[i + 1][2]) and \
                    scan.gap(e, toks[i + 1][0]) == " ":
                continue
            if i and is_cap(toks[i - 1][2]) and scan.gap(toks[i - 1][1], s) == " ":
                continue
            scan.people.append((s, s + len(base)))
            scan.doc.add("person", s, s + len(base), {"name": scan.doc.text[s:s + len(base)], "title": None,
                                                        "org": None}, 0.5)
