"""The last Chinese-character pass: what the scan found becomes facts."""

from __future__ import annotations

from ...core.text import is_han
from .scan import CjkScan, is_katakana


def _glued_ja(scan: CjkScan, s: int, e: int) -> bool:
    norm = scan.norm
    if e >= len(norm):
        return False
    c = norm[e]
    if not (is_han(c) or is_katakana(c)) or c in "县府都道市区町村州省":
        return False
    if scan.place_at(e) or any(a == e for a, _ in scan.places) or any(a == e for a, _ in scan.orgs):
        return False  # 中国|江苏省: a place followed by a place
    if c in "内外人系产制" or norm.startswith(("政府", "大使", "首相", "知事", "市长", "代表"), e):
        return False  # 県内, 日本人, 日系, 日本産: still about the place
    return True


def _bare_used(scan: CjkScan, bare: str, memo: dict | None = None) -> bool:
    """``_count_bare_used``, kept in ``memo`` (one per emit: the orgs and places it reads
    are final by then) so a place named many times is counted once."""
    if memo is None:
        return _count_bare_used(scan, bare)
    key = ("bare", bare)
    got = memo.get(key)
    if got is None:
        got = memo[key] = _count_bare_used(scan, bare)
    return got


def _count_bare_used(scan: CjkScan, bare: str) -> bool:
    """Whether the text names the place without its suffix (青岛 beside 青岛市) at least as
    often as with it: the place is listed under its most frequent standalone form.  Uses
    inside an organisation's name (长春市人民政府, 鹿儿岛产业支援中心) count for neither."""
    norm = scan.norm
    inside = [*scan.orgs, *((s, e) for s, e in scan.places if e - s > len(bare) + 1)]

    def standalone(i: int, n: int) -> bool:
        return not any(s <= i and i + n <= e and (s, e) != (i, i + n) for s, e in inside)

    bare_n = suffixed_n = 0
    i = norm.find(bare)
    while i != -1:
        e = i + len(bare)
        if i > 0 and is_han(norm[i - 1]) and norm[i - 1] in "省市县州府":
            pass
        elif e < len(norm) and norm[e] in "省市县州府":
            suffixed_n += standalone(i, len(bare) + 1)
        else:
            bare_n += standalone(i, len(bare))
        i = norm.find(bare, i + 1)
    return bare_n > 0 and bare_n >= suffixed_n


def _suffixed_form(scan: CjkScan, s: int, e: int, memo: dict | None = None) -> str | None:
    """长春 where the text says 长春市 more often: the suffixed form, as written (the
    answer for a name is the same at each of its places: kept in ``memo``)."""
    norm = scan.norm
    bare = norm[s:e]
    if e < len(norm) and norm[e] in "省市县":
        return None
    key = ("suffixed", bare)
    if memo is not None and key in memo:
        return memo[key]
    found = None
    i = norm.find(bare)
    while i != -1:
        j = i + len(bare)
        if j < len(norm) and norm[j] in "省市县" and scan.d.places_cjk.get(bare) and not _bare_used(scan, bare, memo):
            found = scan.doc.text[i:j + 1]
            break
        i = norm.find(bare, i + 1)
    if memo is not None:
        memo[key] = found
    return found


def _tagged_value(scan: CjkScan, s: int, e: int, name: str) -> tuple[dict, bool]:
    """The fact's value, with the signal of a statistical tagger that found it too (or alone)."""
    value: dict = {"name": name}
    tagged = scan.tagged.get((s, e))
    if tagged is None:
        return value, False
    value["signals"] = [f"tagger:{tagged[0]}"]
    return value, tagged[1]


def _region_with_area_word(scan: CjkScan, s: int, e: int) -> bool:
    """A region (not a country, province or city) written with 地区 / 地域 after it,
    also with a direction before it (南九州地区)."""
    norm, regions = scan.norm, scan.d.regions_cjk
    bare = norm[s:e]
    return norm.startswith(("地区", "地域"), e) and (
        bare in regions or (len(bare) > 2 and bare[0] in "东南西北" and bare[1:] in regions))


def emit(scan: CjkScan) -> None:
    doc = scan.doc
    person_names = {doc.text[s:e] for s, e in scan.person_spans}
    for (s0, e) in sorted(scan.orgs):
        s = scan.without_country(s0, e)
        name = doc.text[s:e]
        if name in person_names:
            continue
        value, alone = _tagged_value(scan, s, e, name)
        doc.add("organization", s, e, value, 0.55 if alone else 0.7)
    org_spans = list(scan.orgs)
    memo: dict = {}  # the forms' counts, per name (the orgs and places are final here)
    for (s, e), src in sorted(scan.places.items()):
        if any(os_ <= s and e <= oe and (os_, oe) != (s, e) for os_, oe in org_spans):
            continue  # 青岛 inside 青岛市政府 is part of the organisation's name
        if any(ps <= s < pe for ps, pe in scan.person_spans) or doc.in_amount(s, e):
            continue
        if doc.lang == "ja" and src == "gaz" and _glued_ja(scan, s, e):
            continue  # 釧路|工場, 札幌|オリンピック, 日本|映画: part of a longer noun
        if _region_with_area_word(scan, s, e):
            e += 2  # 九州|地区, 关西|地区: the region is named with its word for "area"
        name = doc.text[s:e]
        # 青岛市 / 山东省 are listed under the place's standalone name
        # (the form without the suffix when the text also uses it on its own;
        # 常州市 / 江苏省 stay as written when they are never shortened)
        if src == "gaz" and len(name) > 2 and scan.norm[e - 1] in "省市县" and \
                scan.d.places_cjk.get(scan.norm[s:e - 1]) and _bare_used(scan, scan.norm[s:e - 1], memo):
            name = name[:-1]
        elif src == "gaz":
            name = _suffixed_form(scan, s, e, memo) or name
        value, alone = _tagged_value(scan, s, e, name)
        doc.add("place", s, e, value, 0.55 if alone else 0.75)
