"""Headline, publication date, publisher and author from an article's own text.

Pages put these in a few recurring shapes: a label line (发布时间:2020-07-31 16:53
信息来源:威海市贸促会), a timestamp with the publisher beside it (2020-07-31 12:18
青报观象山 / 烟海e家 2024-05-22 22:36), and bylines (作者 | 杨光, (文/姚墨笛),
记者 高少帅).  Only the first lines are searched for timestamps, so dates inside
the story are not taken for the publication date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..core.text import is_cjk
from .dateline import find_dateline

_HEAD_LINES = 12

_DATE = r"(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?"
_TIME = r"(?:\s*(?P<time>\d{1,2}:\d{2})(?::\d{2})?)?"
_LABELLED_DATE = re.compile(r"(?:发布时间|發佈時間|发布日期|發布時間|时间|時間|日期|发表时间|更新时间|投稿日|公開日|更新日|掲載日)\s*[:：]?\s*" + _DATE + _TIME)
_STAMP = re.compile(_DATE + _TIME)

_SOURCE = re.compile(r"(?:信息来源|信息來源|来源|來源|出处|出處|稿源|Quelle|Source|出典)\s*[:：]\s*(?P<src>[^\s|｜:：]{2,40})")
_AUTHOR_PATTERNS = (
    re.compile(r"(?:作者|撰文|文)\s*[|｜:：/]\s*(?P<who>[\u4e00-\u9fff·]{2,4}(?:[、,，][\u4e00-\u9fff·]{2,4})*)"),
    re.compile(r"[(（]文\s*/\s*(?P<who>[^)）]{2,12})[)）]"),
    re.compile(r"(?:记者|記者|通讯员|通訊員)\s*[:：]?\s*(?P<who>[\u4e00-\u9fff]{2,4}(?:\s+[\u4e00-\u9fff]{2,4})*)"),
    re.compile(r"^(?:Von|By)\s+(?P<who>[A-ZÄÖÜ][\w.\-]+(?:\s+[A-ZÄÖÜ][\w.\-]+){0,3})\s*$", re.MULTILINE),
)
_SENTENCE_END = re.compile(r"[。！？!?；;]$|[.]$")


@dataclass
class Metadata:
    title: str | None = None
    published: str | None = None
    published_time: str | None = None
    source: str | None = None
    author: str | None = None


def _iso(y: str, m: str, d: str) -> str | None:
    try:
        return date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


def extract_metadata(text: str, published_year: int | None = None, reference: date | None = None) -> Metadata:
    """``published_year`` (from the document's own metadata) and ``reference`` (the
    file's or the import's date) give the year of a dateline that states none."""
    meta = Metadata()
    lines = [line for line in text.split("\n") if line.strip()]
    head = lines[:_HEAD_LINES]
    meta.title = _title(lines)
    _find_date(text, head, meta, published_year, reference)
    m = _SOURCE.search("\n".join(head))
    if m:
        meta.source = m.group("src")
    if not meta.author:
        meta.author = _author(text)
    return meta


def _find_date(text: str, head: list[str], meta: Metadata, published_year: int | None,
               reference: date | None) -> None:
    m = _LABELLED_DATE.search(text)
    if m:
        meta.published = _iso(m["y"], m["m"], m["d"])
        meta.published_time = m["time"]
        return
    for line in head:
        m = _STAMP.search(line)
        if m and (m["time"] or len(line) < 40):
            iso = _iso(m["y"], m["m"], m["d"])
            if not iso:
                continue
            meta.published, meta.published_time = iso, m["time"]
            # The publisher stands beside a bare timestamp: "2020-07-31 12:18 青报观象山".
            rest = (line[: m.start()] + " " + line[m.end():]).strip(" |·-—")
            if rest and len(rest) <= 30 and not _SENTENCE_END.search(rest) and not meta.source:
                meta.source = rest.split()[0] if " " in rest and len(rest.split()) > 2 else rest
            return
    # German and English datelines, Chinese wire datelines, bracketed date lines
    found = find_dateline(text, published_year, reference)
    if found:
        meta.published, meta.published_time = found


def _title(lines: list[str]) -> str | None:
    """The headline: the first line, when it reads like one (short, not a sentence)."""
    for line in lines[:3]:
        line = line.strip()
        if _STAMP.search(line) or _SOURCE.search(line):
            continue
        cjk = sum(map(is_cjk, line))
        limit = 60 if cjk > len(line) / 3 else 200
        if len(line) <= limit and not re.search(r"[。]$", line):
            return line
        return None
    return None


def _author(text: str) -> str | None:
    tail = text[-600:]
    for pattern in _AUTHOR_PATTERNS:
        m = pattern.search(tail) or pattern.search(text[:600])
        if m:
            return re.sub(r"\s+", " ", m.group("who")).strip()
    return None
