"""The working state of the Chinese-character passes and the helpers they share.

One ``CjkScan`` is made per text; the passes (see ``extract/registry.py``) fill its
``orgs``, ``places``, ``person_spans`` and ``title_spans`` in order, so a later pass
sees what an earlier one found (a name is not read inside a known organisation, an
organisation does not swallow the title of the previous person).  The last pass,
``cjk.emit``, turns what was found into facts.

All matching runs on the normalised text (Simplified, ASCII punctuation), so one
Simplified dictionary entry serves both scripts; names are reported as written.
"""

from __future__ import annotations

import re

from ...core.text import is_han
from .. import dictionaries
from ..base import Doc
from ..dictionaries import char_string, word_list
from .names import read_name_at

# Single characters that never sit inside an organisation name at its left edge.
ORG_STOP = set(char_string("cjk/org_stop_chars.txt")) | set("，。、；：！？,.;:!?\n\t “”\"《》|")
# countries written before the place that opens a foreign body's name (日本|宫城县议会,
# 韩国|京畿道厅): the body is listed without them, the home country's bodies keep theirs
COUNTRY_PREFIXES = ("日本", "中国", "韩国", "德国", "美国", "越南")
HOME_COUNTRY = {"zh-Hans": "中国", "zh-Hant": "中国", "ja": "日本"}
LEAD_VERBS = sorted(word_list("cjk/org_lead_verbs.txt"), key=len, reverse=True)
# two-character words ending in a stop character that sit inside names (共和, 高等, 首都)
STOP_CHAR_WORDS = set(word_list("cjk/org_stop_char_words.txt"))
# at the start of a parenthesis these say how what follows relates to what precedes
# ("formerly", "such as", "that is", "now"); they are no part of a name
PAREN_LEAD = set("原如即今")

GENERIC = sorted(word_list("cjk/org_generic_words.txt"), key=len, reverse=True)
# field words that name what a public body or agency is for (商务, 贸易发展 ...)
DOMAIN_WORDS = set(word_list("cjk/org_domain_words.txt"))
GENERIC_HEADS = word_list("cjk/org_generic_heads.txt")

ADMIN_SUFFIX = char_string("cjk/place_admin_suffixes.txt")
# numerals and measure words of a count before a noun (两|家, 数|个, 这|个)
COUNT_CHARS = set("一二两三四五六七八九十百千几数多")
MEASURE_CHARS = set("个家所座间位名项批些种类支")


def _by_first(words: list[str]) -> dict[str, list[str]]:
    """The words by their first character, each list in the order of ``words`` (so the
    first of them that matches at a position is the first of ``words`` that does)."""
    out: dict[str, list[str]] = {}
    for w in words:
        if w:
            out.setdefault(w[0], []).append(w)
    return out


LEAD_VERBS_BY_FIRST = _by_first(LEAD_VERBS)
GENERIC_BY_FIRST = _by_first(GENERIC)


_STARTS: dict[tuple[int, str], tuple[object, re.Pattern]] = {}


def starts_pattern(lex: dictionaries.Lexicon | set[str], also: str = "") -> re.Pattern:
    """A pattern that finds the next character an entry of ``lex`` (a lexicon or a set
    of words) starts with (Han characters only) or a character of the class body
    ``also``: a pass that does nothing elsewhere jumps from one such character to the
    next.  Kept per list (the lists do not change once loaded)."""
    key = (id(lex), also)
    got = _STARTS.get(key)
    if got is None or got[0] is not lex:
        firsts = lex.by_first if isinstance(lex, dictionaries.Lexicon) else {w[0] for w in lex if w}
        chars = "".join(sorted(re.escape(c) for c in firsts if len(c) == 1 and is_han(c)))
        got = _STARTS[key] = (lex, re.compile(f"[{chars}{also}]" if chars or also else "(?!)"))
    return got[1]


def is_katakana(c: str) -> bool:
    return "\u30a1" <= c <= "\u30fa" or c == "ー"


def _is_word_char(c: str) -> bool:
    return is_han(c) or (c.isascii() and c.isalnum()) or c in "()·・&-" or is_katakana(c)


class CjkScan:
    """What the passes over one text have found so far; the shared span helpers."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.norm = doc.norm
        self.d = dictionaries.get()
        self.orgs: dict[tuple[int, int], str] = {}
        self.places: dict[tuple[int, int], str] = {}
        self.person_spans: list[tuple[int, int]] = []
        self.title_spans: list[tuple[int, int]] = []
        # spans a statistical tagger found too or alone: span -> (tagger name, found alone)
        self.tagged: dict[tuple[int, int], tuple[str, bool]] = {}
        # news sources named by a dateline or credit line (中央社台北26日电): sure, whatever a tagger reads
        self.sources: set[tuple[int, int]] = set()
        # what depends on the text alone (its title words), worked out once for all passes
        self.memo: dict[str, object] = {}
        self._place_at: dict[int, int] = {}

    # ----------------------------------------------------------------- helpers
    def place_at(self, i: int) -> int:
        """Length of a gazetteer place (with an optional 省/市/县 suffix) at ``i``
        (remembered per position: the passes ask about the same positions many times)."""
        got = self._place_at.get(i)
        if got is None:
            got = self._place_at[i] = self._find_place_at(i)
        return got

    def _find_place_at(self, i: int) -> int:
        places = self.d.places_cjk
        if i >= len(self.norm) or self.norm[i] not in places.by_first:
            return 0
        n = places.match_at(self.norm, i)
        if n and i + n < len(self.norm) and self.norm[i + n] in ADMIN_SUFFIX and \
                self.norm[i + n - 1] not in ADMIN_SUFFIX and \
                self.norm[i:i + n + 1] not in self.d.places_cjk:
            n += 1
        return n

    def place_at_end(self, e: int) -> bool:
        return any(self.place_at(q) == e - q for q in range(max(0, e - 8), e))

    def anchor_at(self, i: int) -> bool:
        norm = self.norm
        if self.place_at(i) or self.d.orgs_cjk.match_at(norm, i):
            return True
        return norm.startswith(("市", "省", "区", "县", "国家", "全国", "中国", "中日", "日中", "中韩",
                                "中德", "中欧", "国际", "亚洲"), i)

    def trim_left(self, s: int, e: int) -> int:
        """Drop leading verbs and generic descriptions from a name candidate."""
        norm = self.norm
        changed = True
        while changed and s < e:
            changed = False
            for v in LEAD_VERBS_BY_FIRST.get(norm[s], ()):
                if norm.startswith(v, s) and e - s - len(v) >= 2 and not self.anchor_at(s):
                    s += len(v)
                    changed = True
                    break
        # a generic head noun inside the candidate starts the real name after it:
        # 日本知名养老企业|木下集团, 在青日本企业代表|瑞穗银行
        for head in GENERIC_HEADS:
            k = norm.rfind(head, s, e)
            while k != -1:
                after = k + len(head)
                if e - after >= 3 and self.d.org_suffixes_zh.match_at(norm, after, e) != e - after \
                        and self.generic_only(s, after, 0, places_too=True):
                    s = after
                    # 我市企业|学习借鉴|三得利集团: verbs after the head go too
                    changed = True
                    while changed and s < e:
                        changed = False
                        for v in LEAD_VERBS_BY_FIRST.get(norm[s], ()):
                            if norm.startswith(v, s) and e - s - len(v) >= 2 and not self.anchor_at(s):
                                s += len(v)
                                changed = True
                                break
                    break
                k = norm.rfind(head, s, k)
        # a known organisation inside an unanchored candidate is the real start
        # (黄河流域可达|上合组织); a place or known name in front is kept (日本|自民党)
        if not self.anchor_at(s):
            for q in range(s + 1, e - 1):
                k = self.d.orgs_cjk.match_at(norm, q, e)
                if k and q + k == e:
                    s = q
                    break
        return s

    def past_count(self, s: int, e: int, suffix_len: int) -> int | None:
        """The start after a count or a measure word that opens a candidate (这|个联盟,
        两家|青岛港口集团, 数个|铁路公司): a name never begins with one; None when only
        the suffix is left after it (两所|大学, 一|部).  A known name (一汽集团) keeps its start."""
        norm = self.norm
        if self.d.orgs_cjk.match_at(norm, s, e):
            return s
        k = s
        while k < e and norm[k] in COUNT_CHARS:
            k += 1
        if k < e - 1 and norm[k] in MEASURE_CHARS and (k > s or norm[k] in "个些"):
            k += 1
        if k > s and e - k <= suffix_len:
            return None
        return k if k > s and norm[k - 1] in MEASURE_CHARS else s

    def generic_only(self, s: int, e: int, suffix_len: int, places_too: bool = False) -> bool:
        """True when the name before its suffix is only generic words (大型跨国|集团)."""
        i, end = s, e - suffix_len
        generic_seen = False
        place_seen = False
        descriptor_seen = False
        domain = []
        words: list[str] = []
        while i < end:
            for g in GENERIC_BY_FIRST.get(self.norm[i], ()):
                if self.norm.startswith(g, i) and i + len(g) <= end:
                    i += len(g)
                    generic_seen = True
                    words.append(g)
                    if g in DOMAIN_WORDS:
                        domain.append(g)
                    else:
                        descriptor_seen = True
                    break
            else:
                k = self.place_at(i) if places_too or generic_seen else 0
                if k and i + k <= end:
                    i += k
                    place_seen = True
                    words.append("")
                    continue
                if self.norm[i] in "市省" and places_too:
                    i += 1
                    continue
                return False
        if place_seen and domain and not descriptor_seen and suffix_len and \
                self.norm[e - suffix_len:e] not in GENERIC_HEADS:
            return False  # 香港|贸易发展|局, 沙特|投资|部: a place's body for a field is a name
        if suffix_len and len(words) >= 2 and words[-1] == "国际" and words[-2] == "":
            return False  # 巴伐利亚|国际|公司 (Bayern International): a place's "International" is a name
        return generic_seen

    def org_ending_at(self, e: int, suffix_len: int, floor: int = 0) -> int | None:
        """Start of the organisation name that ends at ``e``; None if none looks real."""
        norm = self.norm
        s = e - suffix_len
        hit_boundary = False
        taken = self.doc.taken
        # parentheses walked over that are not yet closed on the left: a name holds a
        # pair (瑞穗银行(中国)有限公司) but never half of one (李方训(原|金陵大学, 产生(如|古巴...)
        open_right: list[int] = []
        while s > floor and e - s < 30:
            c = norm[s - 1]
            if s >= 2 and norm[s - 2:s] in STOP_CHAR_WORDS and not taken[s - 2] and not taken[s - 1]:
                s -= 2  # 共和|国, 高等|法院: a stop character ("and", "etc.") ending a word of the name
                continue
            if c in ORG_STOP or not _is_word_char(c) or taken[s - 1]:
                hit_boundary = True
                break
            if c == "(" and not open_right:
                hit_boundary = True
                break
            if c == ")":
                open_right.append(s - 1)
            elif c == "(":
                open_right.pop()
            s -= 1
        else:
            hit_boundary = True
        if open_right:
            s = open_right[0] + 1  # 新华社报道)|中国人民银行: the name starts after the closing mark
        if s > 0 and norm[s - 1] == "(" and norm[s:s + 1] in PAREN_LEAD and e - s - 1 >= 3:
            s += 1  # (原|金陵大学校长), (如|古巴国务委员会...): "formerly", "such as"
        # a known name cut by a stop character (大和房屋|工业株式会社: 和 is also "and")
        for (ks, ke) in self.orgs:
            if ks < s < ke < e and ke - ks >= 3 and self.norm[ks:ke] in self.d.orgs_cjk:
                s = ks
                hit_boundary = True
                break
        # a place cut by a stop character (和歌山县厅: 和 is also "and") is whole
        if s > floor and norm[s - 1] in ORG_STOP and not taken[s - 1]:
            for q in range(max(floor, s - 3), s):
                k = self.place_at(q)
                if k and s < q + k <= e - suffix_len:
                    s = q
                    break
        # never swallow a title that belongs to the previous person (会长|高燕|中国...)
        for ts, te in self.title_spans:
            if s <= ts < e - suffix_len and te <= e - suffix_len:
                s = te
                # 议长|伊藤雅章|率|政府…: the title's person and the verb "lead" are no part
                got = read_name_at(norm, s, self.d.surnames_zh, self.d.surnames_ja)
                # (率领 is cut where the names are judged: 王小明率领|经济部次长)
                if got and s + got[0] < e - suffix_len and norm[s + got[0]] == "率" and norm[s + got[0] + 1] != "领":
                    s += got[0] + 1
        for _ps, pe in self.person_spans:
            if s < pe <= e - suffix_len:
                s = pe
        # the walk stopped at a stop character that opens a word (同|时, 此|行): the
        # word's tail is no part of the name (同时|感谢…, 此行|协同…)
        while 0 < s < e - 3 and norm[s - 1] in ORG_STOP and norm[s - 1:s + 1] in self.d.zh_common and \
                not self.anchor_at(s):
            s += 1
        s = self.trim_left(s, e)
        if s < e - 3 and norm[s] == "有" and (s == 0 or norm[s - 1] in ORG_STOP) and self.place_at(s + 1):
            s += 1  # 并|有|日本某县议会: "there were" before a place opens no name (有色金属 stays)
        counted = self.past_count(s, e, suffix_len)
        if counted is None:
            return None
        s = counted
        if e - s < 2 or e - s <= suffix_len and norm[s:e] not in self.d.orgs_cjk:
            # a bare suffix (集团, 委员会) is not a name; short forms like 省委 and
            # 发改委 are, when they are listed or are two characters with a local prefix
            listed = (s > 0 and norm[s - 1] == "、") or (e < len(norm) and norm[e] == "、")
            if not (e - s == suffix_len == 2 and norm[s] in "省市区县") and \
                    not (listed and e - s >= 3 and floor == 0 and suffix_len):
                if norm[s:e] not in self.d.orgs_cjk:
                    return None
        if s > 0 and norm[s - 1] == "我" and norm[s] == "国" and e - s > 3:
            s += 1  # 我国|驻日本代表处: "our country's" opens no name
        elif s > 0 and norm[s - 1] in "我本贵该其":
            return None  # 我会, 本公司: a reference, not a name
        if norm.startswith("商协会", e - 3) and norm[s:e] not in self.d.orgs_cjk:
            return None  # 日本商协会, 双方商协会: chambers and associations as a group
        if suffix_len and norm[s:e] not in self.d.orgs_cjk and (
                self.generic_only(s, e, suffix_len, places_too=True) or self.generic_only(s, e, suffix_len)):
            return None
        if not hit_boundary and not self.anchor_at(s):
            return None
        return s

    def without_country(self, s: int, e: int) -> int:
        """Start of the organisation ``s``–``e`` without a foreign country written before a
        place of that country (日本|宫城县国际经济振兴协会); ``s`` where none is."""
        norm = self.norm
        for c in COUNTRY_PREFIXES:
            if not norm.startswith(c, s) or c == HOME_COUNTRY.get(self.doc.lang):
                continue
            q = s + len(c)
            k = self.place_at(q)
            # only a place of the country's own divisions (宫城县, 札幌市), not another
            # country or region (日本|台湾交流协会, 日本|亚洲通讯社 keep theirs)
            if k and q + k < e - 1 and norm[q + k - 1] in "县府都道市町村区" and \
                    not norm.startswith(COUNTRY_PREFIXES, q):
                return q
        return s

    def add_person(self, s, e, ns, ne, title, org, conf) -> None:
        norm, tr = self.norm, self.d.zh_translit
        n = len(norm)
        while e == ne and ne + 1 < n and norm[ne] in "·・" and norm[ne + 1] in tr and \
                all(c in tr for c in norm[ns:ne]):
            k = ne + 1  # 主席菲德尔|·卡斯特罗: the rest of a foreign name after a title
            while k < n and k - ne <= 6 and norm[k] in tr:
                k += 1
            ne = e = k
        if any(ps == ns and pe == ne for ps, pe in self.person_spans):
            return
        self.person_spans.append((ns, ne))
        self.doc.add("person", s, e, {"name": self.doc.text[ns:ne], "title": title or None, "org": org},
                     conf)
