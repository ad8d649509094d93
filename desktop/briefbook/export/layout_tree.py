"""The layout tree: the format-neutral nodes a book becomes (layout.py builds them; the
DOCX and PDF writers render them)."""

from __future__ import annotations

from dataclasses import dataclass, field

# --- nodes -------------------------------------------------------------------


@dataclass
class Span:
    text: str
    bold: bool = False
    italic: bool = False
    cite: int | None = None  # a citation: rendered as [n], pointing to Sources entry n
    link: str | None = None  # external URL


@dataclass
class Para:
    spans: list[Span]
    style: str = "body"  # body, small, muted, quote, caption, source, item_title
    bullet: str | None = None  # None, "•" or "1." ...
    anchor: str | None = None


@dataclass
class Heading:
    level: int  # 1..3
    number: str  # "2.1" or ""
    text: str
    anchor: str


@dataclass
class Table:
    header: list[list[Span]]
    rows: list[list[list[Span]]]
    widths: list[float]  # fractions of the text width
    kind: str = "grid"  # grid or keyvalue (no header row)
    highlight: set[int] = field(default_factory=set)  # row indexes drawn as conflicting


@dataclass
class ChartPoint:
    label: str  # x label, e.g. "2019"
    value: float
    display: str  # formatted value for the data label


@dataclass
class Chart:
    title: str
    points: list[ChartPoint]
    unit: str = ""


@dataclass
class PageBreak:
    pass


@dataclass
class Toc:
    title: str


@dataclass
class Cover:
    title: str
    subtitle: str
    lines: list[tuple[str, str]]  # (label, value)
    classification: str
    prepared: str
    control: list[tuple[str, str]] = field(default_factory=list)  # document control: number, version, date, distribution


@dataclass
class SourceEntry:
    number: int
    spans: list[Span]
    short: str  # one-line form for DOCX footnotes
    brief: str = ""  # the short citation once the full one has been given: publisher or title, date


Block = Para | Heading | Table | Chart | PageBreak | Toc


@dataclass
class Document:
    title: str
    locale: str
    template: str
    draft: bool
    classification: str
    cover: Cover
    blocks: list[Block]
    sources: list[SourceEntry]
    labels: dict[str, str]  # page_x_of_y (with {page}/{pages}), contents, draft
    heading_count: int = 0
    omitted: list[str] = field(default_factory=list)  # titles of sections left out because they were empty


