"""The statistical tagger's pass for Chinese: its spans join what the rules found.

The pass runs after the rule passes and before ``cjk.emit``.  It hands the tagger
(``extract/tagger``, the character CRF of ``tagger/zh_crf.py``) the text and the
rules' own findings as votes; the tagger's answer is used like this:

- a span the rules found too (same place, same kind) keeps the rules' fact and is
  marked with the signal ``tagger:NAME`` (``value["signals"]``);
- a span on characters no rule claimed becomes a new candidate: a person (with the
  title right before it, if the rules marked one), an organisation or a place;
- a span that crosses what the rules found is dropped: the rules keep their reading,
  except that a sure tagger name replaces a rule place it starts
  with and goes on from (北京 -> 北京大学), and a sure tagger organisation replaces a
  rule organisation that ends with it but began too far left (``_yields``);
- a sure tagger person that holds rule people or places whole replaces them (周鸿 ->
  周鸿经), and a sure tagger organisation replaces a rule one it overlaps whose brackets
  do not pair (台北帝国大学(台湾大学 -> 台北帝国大学) (``_widens``);
- a tagger person without the shape of a Chinese name is taken when the tagger is sure
  and no ordinary word, place or organisation of the text contradicts it
  (``_trusted_person``: 鸟山明, 光绪);
- a rule organisation whose characters the tagger surely reads as no name at all is
  dropped (``_veto``);
- a new person that is a known organisation (伊藤忠) or the start of a longer name of the
  same text (孔铉 of 孔铉佑) is not taken; where the longer name goes on right there, it
  is taken whole (``_longer_name``);
- a tagger person that is a transliterated name loses a linking character before it
  (应|玛丽娜) and a title of rank after it (乔治|王子, ``zh/person_trailing_titles.txt``), and
  then replaces a rule place of the same characters (``_trim_person``, ``_titled_person``);
- a tagger name with a verb of action glued to its end (长城酒店|签署, 海尔公司|签约:
  ``zh/name_trailing_verbs.txt``) is cut before the verb (``_trim_verbs``);
- a new place or organisation that ends with a generic noun (平台, 团, 中心:
  ``zh/generic_name_ends.txt``) after nothing but ordinary words (考察|团,
  国际合作新|平台) is not taken (``_generic``).

With no tagger (model or library missing) the pass does nothing and the rules work
alone.
"""

from __future__ import annotations

import re

from ...core.text import is_han
from ..cjk.scan import CjkScan
from ..dictionaries import word_list
from ..tagger import TaggedSpan, tagger_for, zh_crf
from .people import CUE_VERB_LONG, NOT_LAST_GIVEN

zh_crf.register_all()

KIND_LABEL = {"person": "PER", "organization": "ORG", "place": "LOC"}
# The thresholds were chosen on the UNER dev split and the seed articles together
# (benchmarks/ner_benchmark.py --split tune, benchmarks/score_extract.py): below them
# the tagger's additions cost the seeds more than they gain elsewhere.
# below this marginal (per kind) a new span from the tagger alone is not taken
MIN_SCORE = {"person": 0.7, "organization": 0.8, "place": 0.7}
# a rule place or organisation is replaced by a longer or shorter tagger name above this
YIELD_SCORE = 0.9
# a tagger person of transliteration characters only replaces a shorter rule name
# (艾森豪 -> 艾森豪威尔) above this
WIDEN_FOREIGN = 0.8
# a tagger person whose last character usually ends a place or thing needs this much
SURE = 0.99
# a tagger person without the shape of a Chinese name (鸟山明, 光绪) needs this much
TRUSTED_PERSON = 0.8
# a rule organisation is dropped when the tagger reads its characters as no name this surely
VETO_SCORE = 0.9
VETO_MIN_LEN = 4
PUBLIC_BODY = ("政府", "委员会", "人大", "政协")
# generic nouns that end a name only after a proper-name head (平台, 团, 中心), longest first
# a personal name in Latin letters: capitalised words of letters only
LATIN_NAME = re.compile(r"[A-Z][a-z]{2,}(?:[ ·・][A-Z][a-z]+){0,3}")
GENERIC_ENDS = tuple(sorted(word_list("zh/generic_name_ends.txt"), key=len, reverse=True))
TRAILING_VERBS = tuple(sorted(word_list("zh/name_trailing_verbs.txt"), key=len, reverse=True))
TRAILING_TITLES = tuple(sorted(word_list("zh/person_trailing_titles.txt"), key=len, reverse=True))
# characters that only link a name to the sentence (应|玛丽娜, 由|彼得): not the start of a
# transliterated name
LEADING_LINKS = set("应由被向与和对让把给将从在为同跟及")


def rule_spans(scan: CjkScan) -> list[tuple[int, int, str]]:
    """What the rules have found so far, as ``(start, end, label)`` votes for the tagger."""
    out = [(s, e, "PER") for s, e in scan.person_spans]
    out += [(s, e, "TIT") for s, e in scan.title_spans]
    out += [(s, e, "ORG") for s, e in scan.orgs]
    out += [(s, e, "LOC") for s, e in scan.places
            if not any(os_ <= s and e <= oe and (os_, oe) != (s, e) for os_, oe in scan.orgs)]
    return out


def _name_like(text: str) -> bool:
    return len(text) >= 2 and all(is_han(c) or c in "·・" for c in text) and is_han(text[0]) and is_han(text[-1])


def _person_like(scan: CjkScan, name: str, score: float) -> bool:
    """The shape of a personal name: family name + one or two given characters (not an
    ordinary word nor starting with one, 杜鹃|花; unless the tagger is sure, not ending
    like a place or a thing), a transliterated name, or parts joined by a dot."""
    d = scan.d
    if "·" in name or "・" in name:
        return True
    if sum(c in d.zh_translit for c in name) * 3 >= len(name) * 2 and name not in d.zh_common:
        # 拿破仑, 彭德格斯特: mostly transliteration characters; not 塞纳|河 unless sure
        return name[-1] not in NOT_LAST_GIVEN or score >= SURE
    k = 2 if name[:2] in d.surnames_zh else (1 if name[0] in d.surnames_zh else 0)
    given = name[k:]
    return bool(k) and 1 <= len(given) <= 2 and name not in d.zh_common and name[:k + 1] not in d.zh_common and \
        (given[-1] not in NOT_LAST_GIVEN or score >= SURE)


def _trusted_person(scan: CjkScan, name: str, score: float) -> bool:
    """A name the tagger is sure of though it has not the shape ``_person_like`` checks
    (鸟山明, 蒋介石, 光绪, 拿破仑): taken unless an ordinary word or a place lies inside it
    (刘曜|顺利, 严光|拜访) or the text names an organisation with it (佐藤|制药株式会社)."""
    if score < TRUSTED_PERSON or (name[-1] in NOT_LAST_GIVEN and score < SURE):
        return False  # 杜鹃|花: ending like a place or a thing needs the tagger surer still
    d = scan.d
    n = len(name)
    if any(name[i:j] in d.zh_common or name[i:j] in d.places_cjk for i in range(n) for j in range(i + 2, n + 1)):
        return False
    return not any(name in scan.norm[a:b] for a, b in scan.orgs)


def _signal(value: dict, name: str) -> None:
    signals = value.setdefault("signals", [])
    if f"tagger:{name}" not in signals:
        signals.append(f"tagger:{name}")


def scan_tagged(scan: CjkScan) -> None:
    doc = scan.doc
    tagger = tagger_for(doc.lang)
    if tagger is None:
        return
    votes = rule_spans(scan)
    tag_with_votes = getattr(tagger, "tag_with_votes", None)
    outside: dict = {}
    spans: list[TaggedSpan] = tag_with_votes(doc.text, votes, outside) if tag_with_votes else tagger.tag(doc.text)
    spans = [_trim_verbs(scan.norm, sp) for sp in spans]
    spans = [_trim_person(scan, sp) for sp in spans]
    _veto(scan, outside)
    if not spans:
        return
    votes = rule_spans(scan)
    n = len(scan.norm)
    used = bytearray(doc.taken)
    for s, e, _lab in votes:
        used[s:e] = b"\x01" * (e - s)
    found = {(s, e): lab for s, e, lab in votes}
    title_end = {e: s for s, e in scan.title_spans}
    names = {scan.norm[a:b] for a, b in scan.person_spans}
    inherited: dict[int, tuple] = {}
    names |= {scan.norm[sp.start:sp.end] for sp in spans if sp.kind == "person" and sp.score >= MIN_SCORE["person"]}
    for sp in spans:
        s, e = sp.start, sp.end
        if not (0 <= s < e <= n):
            continue
        label = KIND_LABEL[sp.kind]
        if found.get((s, e)) == label:
            _agree(scan, s, e, sp.kind, tagger.name)
            continue
        # a person named in Latin letters in Chinese text (Klaus, Katherine) is taken as tagged
        latin = sp.kind == "person" and LATIN_NAME.fullmatch(doc.text[s:e]) is not None
        if sp.score < MIN_SCORE[sp.kind] or not (latin or _name_like(scan.norm[s:e])):
            continue
        if sp.kind == "person":
            if not latin:
                if not (_person_like(scan, scan.norm[s:e], sp.score) or _trusted_person(scan, scan.norm[s:e], sp.score)) \
                        or scan.norm[s:e] in scan.d.orgs_cjk:
                    continue
                e = _longer_name(scan, s, e, names, used)
                if not e:
                    continue
        elif _generic(scan, scan.norm[s:e]):
            continue
        if any(used[s:e]):
            if not (_yields(scan, sp) or _widens(scan, sp, inherited) or _titled_person(scan, s, e, sp.score)):
                continue
        conf = round(0.35 + 0.3 * sp.score, 2)
        if sp.kind == "person":
            ts = title_end.get(s)
            title = doc.text[ts:s] if ts is not None else None
            org = None
            if s in inherited:  # the rule name it widens keeps its title: 美国总统|艾森豪威尔
                ts, title, org = inherited.pop(s)
            before = len(doc.facts)
            scan.add_person(ts if ts is not None else s, e, s, e, title, org, conf)
            for f in doc.facts[before:]:
                _signal(f.value, tagger.name)
        elif sp.kind == "organization":
            scan.orgs[(s, e)] = scan.norm[s:e]
            scan.tagged[(s, e)] = (tagger.name, True)
        else:
            scan.places[(s, e)] = "tagger"
            scan.tagged[(s, e)] = (tagger.name, True)
        used[s:e] = b"\x01" * (e - s)


def _trim_verbs(norm: str, sp: TaggedSpan) -> TaggedSpan:
    """The span without a verb of action glued to its end (长城酒店|签署, 王明|表示);
    at least two characters of the name stay."""
    e = sp.end
    changed = True
    while changed:
        changed = False
        for v in TRAILING_VERBS:
            if norm.endswith(v, sp.start, e) and e - len(v) - sp.start >= 2:
                e -= len(v)
                changed = True
                break
    return sp if e == sp.end else TaggedSpan(sp.start, e, sp.kind, sp.score)


def _trim_person(scan: CjkScan, sp: TaggedSpan) -> TaggedSpan:
    """A tagger person that is a transliterated name with a linking character before
    it (应|玛丽娜) or a title of rank after it (乔治|王子) without them."""
    if sp.kind != "person":
        return sp
    norm, tr = scan.norm, scan.d.zh_translit
    s, e = sp.start, sp.end

    def foreign(a: int, b: int) -> bool:
        return b - a >= 2 and all(c in tr or c in "·・" for c in norm[a:b])

    for t in TRAILING_TITLES:
        if norm.endswith(t, s, e) and foreign(s + (norm[s] in LEADING_LINKS), e - len(t)):
            e -= len(t)
            break
    if norm[s] in LEADING_LINKS and norm[s] not in tr and foreign(s + 1, e):
        s += 1
    e = _name_before_word(scan, s, e)
    if e - s >= 3 and e < len(norm) and (scan.d.titles_zh.match_at(norm, e - 1) >= 2 or
                                         norm.startswith(TRAILING_TITLES, e - 1)):
        e -= 1  # 夏洛莱伯|爵: the last character starts the title after the name
    return sp if (s, e) == (sp.start, sp.end) else TaggedSpan(s, e, sp.kind, sp.score)


def _name_before_word(scan: CjkScan, s: int, e: int) -> int:
    """The end of a Chinese name the tagger ran on into the words after it (刘明|顺利,
    严光|拜访...): a family name and one or two given characters, then an ordinary word of
    two or more characters or a verb of speech or action."""
    norm, d = scan.norm, scan.d
    if e - s < 4 or "·" in norm[s:e] or "・" in norm[s:e]:
        return e
    k = 2 if norm[s:s + 2] in d.surnames_zh else (1 if norm[s] in d.surnames_zh else 0)
    if not k:
        return e
    for ne in (s + k + 2, s + k + 1):
        if ne >= e or norm[s:ne] in d.zh_common:
            continue
        rest = norm[ne:e]
        if norm.startswith(CUE_VERB_LONG, ne) or any(rest[:j] in d.zh_common for j in range(2, len(rest) + 1)):
            return ne
    return e


def _titled_person(scan: CjkScan, s: int, e: int, score: float) -> bool:
    """A sure tagger person that the rules read as a place, right before a title of rank
    (乔治|王子: 乔治 is also a town): the title makes it the person; the place goes."""
    if score < YIELD_SCORE or (s, e) not in scan.places or not scan.norm.startswith(TRAILING_TITLES, e):
        return False
    if any(scan.doc.taken[s:e]) or any(a < e and s < b for a, b in (*scan.orgs, *scan.person_spans)):
        return False
    scan.places.pop((s, e))
    return True


def _veto(scan: CjkScan, outside: dict) -> None:
    """A rule organisation the tagger is sure is no name at all is dropped (a
    description read as a name: 一所大学, 数个铁路公司)."""
    for key, p in outside.items():
        if p < VETO_SCORE:
            continue
        # places: no gain on the dev split, a loss on the seeds; listed organisations,
        # short ones and governments (市政府, 省委, 特区政府: public bodies a news reader
        # wants, which the tagger's Wikipedia data seldom marks) stay
        name = scan.norm[key[0]:key[1]]
        if key in scan.orgs and key[1] - key[0] >= VETO_MIN_LEN and name not in scan.d.orgs_cjk and \
                not name.endswith(PUBLIC_BODY):
            scan.orgs.pop(key, None)


def _agree(scan: CjkScan, s: int, e: int, kind: str, name: str) -> None:
    if kind == "person":
        for f in scan.doc.facts:
            if f.kind == "person" and f.start <= s and e <= f.end and f.value.get("name") == scan.doc.text[s:e]:
                _signal(f.value, name)
    else:
        scan.tagged[(s, e)] = (name, False)


def _yields(scan: CjkScan, sp: TaggedSpan) -> bool:
    """A sure tagger name that begins with one rule place and goes on (and crosses
    nothing else the rules claimed) replaces it: 北京 read as a place in 北京大学, the
    tagger's organisation 北京大学.  A sure tagger organisation that ends a rule
    organisation replaces it when the rules began too far left."""
    if sp.score < YIELD_SCORE or sp.kind == "person":
        return False
    s, e = sp.start, sp.end
    if sp.kind == "organization":
        longer = [k for k in scan.orgs if k[0] < s and k[1] == e]
        if longer and not any(scan.doc.taken[s:e]):
            # 许多时间来比较|加拿大地质调查局: the rules' start went too far left
            for k in longer:
                scan.orgs.pop(k, None)
                scan.tagged.pop(k, None)
            return True
    inner_p = [k for k in scan.places if s <= k[0] and k[1] <= e]
    inner_o = [k for k in scan.orgs if s <= k[0] and k[1] <= e]
    if not inner_p and not inner_o:
        return False
    if any(a < e and s < b for a, b in scan.person_spans) or any(a < e and s < b for a, b in scan.title_spans):
        return False
    if any(scan.doc.taken[s:e]):
        return False
    crossing = [k for k in (*scan.places, *scan.orgs) if k[0] < e and s < k[1] and not (s <= k[0] and k[1] <= e)]
    if crossing or (s, e) in scan.orgs or (s, e) in scan.places:
        return False
    if inner_o or len(inner_p) != 1 or inner_p[0][0] != s:
        # 日本|东京 stays two places; 拜访|三得利集团 keeps the rules' start;
        # 香港特区政府|财政司 stays the rules' organisation
        return False
    for k in inner_p:
        scan.places.pop(k, None)
    for k in inner_o:
        scan.orgs.pop(k, None)
    return True


def _widens(scan: CjkScan, sp: TaggedSpan, inherited: dict | None = None) -> bool:
    """A sure tagger person that holds rule people or places whole (周鸿|经, 叶甫|根尼·普鲁申科,
    石|青阳) replaces them: the rules cut a name they did not know short (a transliterated
name needs less of the tagger's confidence, ``WIDEN_FOREIGN``).  A sure tagger
    organisation replaces a rule organisation it overlaps whose brackets do not pair
    (台北帝国大学(台湾大学, )任山东大学: the rules ran across a parenthesis)."""
    s, e = sp.start, sp.end
    foreign = sp.kind == "person" and all(c in scan.d.zh_translit or c in "·・" for c in scan.norm[s:e])
    if sp.score < (WIDEN_FOREIGN if foreign else YIELD_SCORE) or any(scan.doc.taken[s:e]):
        return False
    if any(a < e and s < b for a, b in scan.title_spans):
        return False
    people = [k for k in scan.person_spans if k[0] < e and s < k[1]]
    places = [k for k in scan.places if k[0] < e and s < k[1]]
    orgs = [k for k in scan.orgs if k[0] < e and s < k[1]]
    if sp.kind == "person":
        inside = all(s <= a and b <= e and (a, b) != (s, e) for a, b in (*people, *places))
        if orgs or not inside or not (people or places):
            return False
        for a, b in people:
            scan.person_spans.remove((a, b))
            name = scan.doc.text[a:b]
            for f in scan.doc.facts:
                if f.kind == "person" and f.end == b and f.value.get("name") == name and a == s and \
                        inherited is not None:
                    inherited[s] = (f.start, f.value.get("title"), f.value.get("org"))  # 美国总统|艾森豪
            scan.doc.facts = [f for f in scan.doc.facts
                              if not (f.kind == "person" and f.end == b and f.value.get("name") == name)]
        for k in places:
            scan.places.pop(k, None)
        return True
    if sp.kind != "organization" or people or not orgs:
        return False
    if not all(_unpaired(scan.norm[a:b]) for a, b in orgs) or not all(s <= a and b <= e for a, b in places):
        return False
    for k in places:
        scan.places.pop(k, None)
    for k in orgs:
        scan.orgs.pop(k, None)
        scan.tagged.pop(k, None)
    return True


def _unpaired(name: str) -> bool:
    depth = 0
    for c in name:
        if c in "(（":
            depth += 1
        elif c in ")）":
            depth -= 1
            if depth < 0:
                return True
    return depth != 0


def _longer_name(scan: CjkScan, s: int, e: int, names: set[str], used: bytearray) -> int:
    """The end of the tagger person at ``s..e``, or 0 when it is the start of a longer
    name of the same text (a name cut short, 孔铉 of 孔铉佑).  Where that longer name
    goes on right here on characters no rule claimed, it is taken whole."""
    name = scan.norm[s:e]
    longer = sorted((m for m in names if len(m) > len(name) and m.startswith(name)), key=len, reverse=True)
    for m in longer:
        end = s + len(m)
        if scan.norm[s:end] == m and not any(used[e:end]):
            return end
    return 0 if longer else e


def _generic(scan: CjkScan, name: str) -> bool:
    """A generic noun after nothing but ordinary words (考察|团, 承载|平台,
    国际合作新|平台): no name for a tagger place or organisation."""
    # an ordinary word alone is not enough: the common-word list holds 美军, 火星, 汾河
    for end in GENERIC_ENDS:
        if name.endswith(end):
            return _ordinary(scan, name[:-len(end)])
    return False


def _ordinary(scan: CjkScan, text: str) -> bool:
    """Whether ``text`` splits into ordinary words (no known place or organisation) with
    at most one single character among them (新|平台, 国际|合作|新)."""
    d = scan.d
    n = len(text)
    singles = [0] + [n + 1] * n  # fewest single characters needed for text[:j]
    for j in range(1, n + 1):
        for i in range(max(0, j - 8), j):
            w = text[i:j]
            if j - i == 1:
                cost = 1
            elif w in d.zh_common and w not in d.places_cjk and w not in d.orgs_cjk:
                cost = 0
            else:
                continue
            singles[j] = min(singles[j], singles[i] + cost)
    return singles[n] <= 1
