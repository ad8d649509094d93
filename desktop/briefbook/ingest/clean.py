"""Raw article text -> the cleaned text that facts point into.

Everything here is line- or character-level and deterministic: the same input
always gives the same cleaned text, so offsets stay valid.  The original text is
kept by the caller; cleaning never has to be undone.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..core.text import HAN
from ..paths import resource

# A parenthesised pinyin syllable glued right after a Han character by a broken
# converter: 經(jīng)貿(mào).  Lowercase Latin letters with tone marks only, so real
# parentheses such as (JETRO), (JST), (中国) or (文/姚墨笛) stay.
_PINYIN = re.compile(
    f"(?<=[{HAN}])" r"[(（]([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,6})[)）]"
)
# Runs of question marks or replacement characters left by a wrong encoding.
_JUNK = re.compile(r"[?？\ufffd]{3,}|\ufffd+")
_ZERO_WIDTH = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_ODD_SPACE = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\t\f\v]")
_BULLET = re.compile(r"^[•·●▪◦‣\-–*]\s+")
_FULLWIDTH = str.maketrans({chr(0xFF10 + i): str(i) for i in range(10)}
                           | {chr(0xFF21 + i): chr(0x41 + i) for i in range(26)}
                           | {chr(0xFF41 + i): chr(0x61 + i) for i in range(26)})
# Inline page furniture inside a metadata line: 浏览次数:123  字号:[大 中 小]
_INLINE_FURNITURE = re.compile(r"浏览次数[:：]\s*\d*|字号[:：]\s*\[[大中小\s]*\]")
_BREADCRUMB = re.compile(r"^(当前位置|您的位置|您现在的位置)[:：]")


@lru_cache(maxsize=1)
def boilerplate_patterns() -> tuple[re.Pattern, ...]:
    """The user-extendable list in resources/ingest/boilerplate.txt."""
    patterns = []
    path = resource("ingest", "boilerplate.txt")
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            patterns.append(re.compile(line, re.IGNORECASE))
    return tuple(patterns)


def strip_pinyin(text: str) -> str:
    return _PINYIN.sub("", text)


def is_boilerplate(line: str) -> bool:
    if len(line) > 80:
        return False
    return any(p.search(line) for p in boilerplate_patterns())


def normalise_chars(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ZERO_WIDTH.sub("", text)
    text = _ODD_SPACE.sub(" ", text)
    text = text.translate(_FULLWIDTH)
    return _JUNK.sub("", text)


def clean_text(text: str) -> str:
    """Return the cleaned article text (see the module docstring)."""
    text = strip_pinyin(normalise_chars(text))
    lines = [line.strip() for line in text.split("\n")]
    crumbs = _breadcrumb_parts(lines)
    kept: list[str] = []
    for line in lines:
        bare = _BULLET.sub("", line).replace("\u3000", " ").strip()
        if not bare:
            if kept and kept[-1] != "":
                kept.append("")
            continue
        if is_boilerplate(bare) or bare in crumbs or _is_lone_number(bare):
            continue
        bare = _INLINE_FURNITURE.sub(" ", bare)
        bare = re.sub(r" {2,}", " ", bare).strip()
        if bare:
            kept.append(bare)
    while kept and kept[-1] == "":
        kept.pop()
    return "\n".join(kept)


def _breadcrumb_parts(lines: list[str]) -> set[str]:
    """Section labels named in a breadcrumb line, which also appear alone as page furniture."""
    parts: set[str] = set()
    for line in lines:
        if _BREADCRUMB.match(line):
            tail = _BREADCRUMB.sub("", line)
            parts.update(p.strip() for p in re.split(r">>|>|»|/|＞", tail) if p.strip())
    parts.discard("首页")
    return {p for p in parts if len(p) <= 12}


def _is_lone_number(line: str) -> bool:
    # Comment counters ("0") and section numerals ("1", "2") standing alone.
    return line.isdigit() and len(line) <= 3
