"""The article as the rest of the program sees it, independent of storage."""

from __future__ import annotations

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


def display_title(title: str | None, text: str | None, width: int = 40) -> str:
    """The headline, or the start of the first line for articles that have none
    (also registered as the SQL function display_title(title, text))."""
    if title:
        return title
    first = next((line.strip() for line in (text or "").splitlines() if line.strip()), "")
    return first if len(first) <= width else first[:width].rstrip() + "…"
