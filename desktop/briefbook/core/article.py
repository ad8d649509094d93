"""The article as the rest of the program sees it, independent of storage."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

LANGUAGES = ("zh-Hans", "zh-Hant", "ja", "de", "en")


@dataclass
class Article:
    """A cleaned article.  ``text`` is what facts point into (code-point offsets)."""

    text: str
    title: str | None = None
    lang: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    published_time: str | None = None  # HH:MM when the page gave one
    source: str | None = None
    author: str | None = None
    url: str | None = None
    path: str | None = None
    original: str = ""  # the decoded text exactly as imported, before cleaning
    raw: bytes | None = None  # the bytes as imported (files only)
    format: str = "text"  # txt, html, docx, pdf, md, paste
    encoding: str | None = None
    sha256: str = ""
    id: int | None = None
    extra: dict = field(default_factory=dict)

    def display_title(self, width: int = 40) -> str:
        return display_title(self.title, self.text, width)


_SENTENCE_END = "。！？!?"
_CLAUSE_END = "，,、；;：:"
# from the first character that is not white space to the end of its line (as str.splitlines ends lines)
_FIRST_LINE = re.compile(r"[^\s][^\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]*")


def display_title(title: str | None, text: str | None, width: int = 40) -> str:
    """The headline, or for an article that has none (a report pasted from its first
    paragraph) the start of its first line: its first sentence when that fits in
    ``width``, else cut after the last clause that does ("為進一步深化青島企業與日本的經貿往來,
    建立務實精準的協同合作機制…"), never inside a word when a clause ends in its second half
    (also registered as the SQL function display_title(title, text))."""
    if title:
        return title
    # the first line that is not blank, found without splitting the whole text into lines
    found = _FIRST_LINE.search(text or "")
    first = found.group().strip() if found else ""
    end = next((i for i, ch in enumerate(first[:width + 1]) if ch in _SENTENCE_END), None)
    if end is not None and end > 0:
        return first[:end] + ("…" if end + 1 < len(first) else "")
    if len(first) <= width:
        return first
    clause = max(first.rfind(ch, 0, width) for ch in _CLAUSE_END)
    if clause < width // 2:  # no clause ends late enough: a space, else the width
        clause = first.rfind(" ", 0, width)
    cut = first[:clause] if clause >= width // 2 else first[:width]
    return cut.rstrip(" ,，、;；:：") + "…"
