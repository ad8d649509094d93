"""The parties of an agreement: the sides the sentence says signed it, not every name in it.

A sentence that reports a signing names other organisations too (the host of the
ceremony, the witnesses, those given an award just before, the companies of a
second signing in the same sentence).  The parties are read from the grammar of the
clause with the signing verb:

    Chinese   the coordinated names just before the verb, the subject of 签署/签约/
              签订/发表/达成: "A与B签署", "A、B和C共同签约", "A与B、C等4家机构共同发表";
              a locative "在X" between them is not a party ("A在北京与B签署")
    English   "between A and B", "signed by A and B", the subject before the verb
              ("A and B signed"), the counterpart after "with" ("A signed … with B")
    German    "zwischen A und B", "unterzeichnet von A", the subject before the verb
              ("A und B unterzeichneten") or, in a clause that starts otherwise, just
              after it ("Am Montag unterzeichneten A und B"), and "mit B"
    Japanese  the names marked as participants by は/が/と/との間で ("AとBは…に署名")

``signing_parties`` takes the article text, the agreement's span and the name mentions
(start, end, name) of the article; it returns the parties in the order the sentence
names them, or [] when the sentence names no signing side ("双方签署了…").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable

from ..core.text import is_han, is_kana

Name = tuple[int, int, str]

_SENTENCE_END = "。！？!?\n；;"
_ZH_CLAUSE_END = _SENTENCE_END + "，,：:"
_ZH_VERB = re.compile(r"共同签约|签约|签署|签订|签下|缔结|结为|建立|共同发表|联合发表|发表|达成|一致同意|签")
_ZH_LOCATIVE_BEFORE = ("在", "于", "赴", "到", "来自", "位于")
_ZH_TO_VERB_STOP = re.compile(r"[、，,；;。和与及同跟]|的(?!代表|负责人)")
_BRACKETS = re.compile(r"[（(][^（）()]{0,12}[）)]")

_LATIN_VERB = re.compile(
    r"\b(?:signed|sign|signs|signing|inked|concluded|agreed|unterzeichnete[nt]?|unterzeichnet|unterzeichnen"
    r"|unterschrieben|unterschrieb|schlossen|abgeschlossen|vereinbarten|vereinbart|besiegelten|besiegelt)\b")
_LATIN_JOIN = re.compile(r"^(?:,\s*|\s+and\s+|,\s*and\s+|\s+und\s+|,\s*und\s+|\s+sowie\s+|\s*&\s*)"
                        r"(?:the\s+|die\s+|der\s+|das\s+|den\s+|dem\s+)?$", re.IGNORECASE)
_LATIN_GAP_WORDS = re.compile(
    r"^(?:\s*(?:have|has|had|will|would|jointly|also|today|yesterday|formally|officially|recently|on\s+\w+day"
    r"|haben|hat|hatten|heute|gestern|gemeinsam|offiziell|auch|nun|am\s+\w+tag|\(\w+\)))*\s*$", re.IGNORECASE)
_LATIN_BETWEEN = re.compile(r"\b(?:between|zwischen)\s+(?:the\s+|dem\s+|der\s+|den\s+)?", re.IGNORECASE)
_LATIN_BY = re.compile(r"\b(?:signed|concluded|unterzeichnet|unterschrieben|abgeschlossen)\s+(?:by|von)\s+"
                       r"(?:the\s+|dem\s+|der\s+)?")
_LATIN_WITH = re.compile(r"\b(?:with|mit)\s+(?:the\s+|dem\s+|der\s+|den\s+)?")
_LATIN_OBJECT = re.compile(r"\b(?:of|in|at|from|by|for|to|des|von|aus|bei|für|zu|zum|zur)\s+(?:the\s+)?$", re.IGNORECASE)
_LATIN_LOCATIVE = re.compile(r"\b(?:in|at|aus|nach|im|bei)\s+(?:the\s+|der\s+|dem\s+)?$")
_LATIN_ARTICLE = re.compile(r"^(?:the\s+|die\s+|der\s+|das\s+|dem\s+|den\s+)?$", re.IGNORECASE)

_JA_VERB = re.compile(r"署名|締結|調印|合意|交わ|結ん")
_JA_JOIN = re.compile(r"^(?:と|、|及び|および|・|や)$")
_JA_ROLE = re.compile(r"^(?:は|が|と(?!の)|との間で|の間で|も|とは|とが)")


class NameIndex:
    """The name mentions of a text sorted by where they start, so that the names of one
    sentence are found without going through every name of the text (a long text has
    thousands of agreements and a hundred thousand names)."""

    def __init__(self, names: Iterable[Name]):
        self.names = sorted(set(names))
        self.starts = [n[0] for n in self.names]

    def within(self, lo: int, hi: int) -> list[Name]:
        return [n for n in self.names[bisect_left(self.starts, lo):bisect_left(self.starts, hi)]
                if n[1] <= hi and n[1] > n[0]]


def signing_parties(text: str, start: int, end: int, names: Iterable[Name] | NameIndex,
                    lang: str | None = None) -> list[str]:
    """The signing sides of the agreement at ``text[start:end]`` (see the module docstring)."""
    s_lo, s_hi = _sentence(text, start, end)
    index = names if isinstance(names, NameIndex) else NameIndex(names)
    inside = sorted(index.within(s_lo, s_hi), key=lambda n: (n[0], -n[1]))
    outer = [n for n in inside if not any(o != n and o[0] <= n[0] and n[1] <= o[1] for o in inside)]
    if not outer:
        return []
    sentence = text[s_lo:s_hi]
    kana = any(is_kana(c) for c in sentence)
    if lang in ("zh", "zh-Hans", "zh-Hant") or (lang is None and any(is_han(c) for c in sentence) and not kana):
        parties = _chinese(text, start, end, s_lo, s_hi, outer)
    elif lang == "ja" or (lang is None and kana):
        parties = _japanese(text, start, end, s_lo, s_hi, outer)
    else:
        parties = _latin(text, start, end, s_lo, s_hi, outer)
    return list(dict.fromkeys(parties))


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around the span ("。", "！", a line, or a full stop before a space)."""
    lo = start
    while lo > 0 and start - lo < 400 and text[lo - 1] not in _SENTENCE_END and \
            not (text[lo - 1].isspace() and text[lo - 2:lo - 1] == "."):
        lo -= 1
    hi = end
    while hi < len(text) and hi - end < 400 and text[hi] not in _SENTENCE_END and \
            not (text[hi] == "." and (hi + 1 >= len(text) or text[hi + 1].isspace())):
        hi += 1
    return lo, hi


def _verb_near(pattern: re.Pattern, text: str, start: int, end: int, lo: int, hi: int) -> re.Match | None:
    """The signing verb of the agreement: just before its span (the span is the verb's
    object), else inside it (…项目签约), else the first one after it."""
    before = list(pattern.finditer(text, lo, start))
    if before and start - before[-1].end() <= 6:
        return before[-1]
    within = list(pattern.finditer(text, start, end))
    if within:
        return within[-1]
    if before:  # a verb-final or verb-second clause: "A und B unterzeichneten im Rathaus eine …"
        return before[-1]
    return pattern.search(text, end, min(hi, end + 80))


def _chain_back(text: str, names: list[Name], last: int, joins: re.Pattern,
                governed: re.Pattern | None = None) -> list[str]:
    """The names coordinated with ``names[last]``, walking back while the text between two
    names is a coordinator.  A name that ``governed`` says is the object of a preposition
    ("the mayor of Qingdao, Siemens and …") ends the chain."""
    chain = [names[last][2]]
    i = last
    while i > 0:
        prev, cur = names[i - 1], names[i]
        gap = _BRACKETS.sub("", text[prev[1]:cur[0]])
        if governed is not None and governed.search(text[max(0, prev[0] - 12):prev[0]]):
            break
        if not joins.match(gap):
            break
        chain.insert(0, prev[2])
        i -= 1
    return chain


def _chinese(text: str, start: int, end: int, lo: int, hi: int, names: list[Name]) -> list[str]:
    verb = _verb_near(_ZH_VERB, text, start, end, lo, hi)
    if verb is None:
        return []
    clause = max(lo, max(text.rfind(c, lo, verb.start()) for c in _ZH_CLAUSE_END) + 1)
    subject = [n for n in names if clause <= n[0] and n[1] <= verb.start()
               and not text[max(clause, n[0] - 2):n[0]].endswith(_ZH_LOCATIVE_BEFORE)]
    if not subject:
        return []
    to_verb = _BRACKETS.sub("", text[subject[-1][1]:verb.start()])
    # "A、B等10多家协会、机构共同签约": a category after 等 stands for the list, whatever its words
    if len(to_verb) > 20 or _ZH_TO_VERB_STOP.search(re.sub(r"^等\d*多?[个家座方所名位]?[^，,；;。]{0,12}$", "", to_verb)):
        return []
    ends = {n[1]: n for n in subject}
    chain = [subject[-1][2]]
    pos = subject[-1][0]
    if kind := re.search(r"等\d*多?[个家座方所名位]?$", text[clause:pos]):
        chain, pos = [], clause + kind.start()  # "A、B等4个机构": the category noun names no one
    while pos > clause:  # walk back over the coordinated subject: A、B和C / A在X与B
        while pos in ends and chain:  # "日本宫崎": a place before a name says where it is
            pos = ends[pos][0]
        head = text[clause:pos]
        join = re.search(r"(?:、|以及|和|与|及|同|跟)$", head) if chain else re.search(r"$", head)
        if join is None:
            break
        cut = pos - len(join.group())
        cut -= len(m.group()) if (m := re.search(r"[（(][^（）()]{0,12}[）)]$", text[clause:cut])) else 0
        if join.group() in "与和同跟" and (loc := re.search(r"(?:在|于)[^，,、；;。]{1,14}$", text[clause:cut])) \
                and clause + loc.start() in ends:
            cut = clause + loc.start()  # "A在北京与B": the place is where, not who
        if cut in ends:
            chain.insert(0, ends[cut][2])
            pos = ends[cut][0]
            continue
        # a list item the tagger did not take for a name: "A、中国国际经济咨询、B共同签约"
        k = max(text.rfind(c, clause, cut) for c in "、，,")
        item = text[max(k + 1, clause):cut]
        if (chain and join.group() != "、") or not 2 <= len(item) <= 16 or re.search(r"[的了在是为将对与和]", item):
            break
        chain.insert(0, item)
        pos = max(k + 1, clause)
    return chain


def _latin_chain_forward(text: str, names: list[Name], first: int) -> list[str]:
    chain = [names[first][2]]
    i = first
    while i + 1 < len(names):
        gap = text[names[i][1]:names[i + 1][0]]
        if not _LATIN_JOIN.match(gap):
            break
        chain.append(names[i + 1][2])
        i += 1
    return chain


def _after(text: str, names: list[Name], pos: int, hi: int) -> int | None:
    """The index of the name that starts right at ``pos`` (after an article), if any."""
    for i, n in enumerate(names):
        if pos <= n[0] < hi and _LATIN_ARTICLE.match(text[pos:n[0]]):
            return i
    return None


def _latin(text: str, start: int, end: int, lo: int, hi: int, names: list[Name]) -> list[str]:
    names = [n for n in names if not _LATIN_LOCATIVE.search(text[max(lo, n[0] - 12):n[0]])]
    if not names:
        return []
    for m in _LATIN_BETWEEN.finditer(text, lo, hi):
        i = _after(text, names, m.end(), hi)
        if i is not None:
            return _latin_chain_forward(text, names, i)
    for m in _LATIN_BY.finditer(text, lo, hi):
        i = _after(text, names, m.end(), hi)
        if i is not None:
            return _latin_chain_forward(text, names, i)
    verb = _verb_near(_LATIN_VERB, text, start, end, lo, hi)
    if verb is None:
        return []
    clause = max(lo, max(text.rfind(c, lo, verb.start()) for c in ";:") + 1)
    parties: list[str] = []
    before = [i for i, n in enumerate(names) if clause <= n[0] and n[1] <= verb.start()
              and not _LATIN_OBJECT.search(text[max(lo, n[0] - 12):n[0]])]  # "in Anwesenheit von Audi" is no subject
    if before and _LATIN_GAP_WORDS.match(_BRACKETS.sub("", text[names[before[-1]][1]:verb.start()])):
        parties = _chain_back(text, names, before[-1], _LATIN_JOIN, governed=_LATIN_OBJECT)
    else:  # German verb-second: "Am Montag unterzeichneten A und B …"
        i = _after(text, names, verb.end() + 1, hi)
        if i is not None and text[verb.end():verb.end() + 1].isspace():
            parties = _latin_chain_forward(text, names, i)
    if parties:
        for m in _LATIN_WITH.finditer(text, verb.start() if before else lo, hi):
            i = _after(text, names, m.end(), hi)
            if i is not None:
                parties += _latin_chain_forward(text, names, i)
                break
    return parties


def _japanese(text: str, start: int, end: int, lo: int, hi: int, names: list[Name]) -> list[str]:
    verb = _verb_near(_JA_VERB, text, start, end, lo, hi)
    if verb is None:
        return []
    before = [n for n in names if lo <= n[0] and n[1] <= verb.start()]
    parties: list[str] = []
    i = 0
    while i < len(before):
        j = i  # a chain of names joined by と/、/及び
        while j + 1 < len(before) and _JA_JOIN.match(_BRACKETS.sub("", text[before[j][1]:before[j + 1][0]])):
            j += 1
        follows = text[before[j][1]:before[j][1] + 5]
        if _JA_ROLE.match(follows):
            parties += [n[2] for n in before[i:j + 1]]
        i = j + 1
    return parties
