"""The briefing book as the exporter receives it: plain data, no Qt, no SQLite.

The store maps its rows to these classes; ``briefbook.export`` turns a ``Book``
into DOCX and PDF.  Everything here is a value: the exporter never writes back.

Rich text is kept deliberately small (paragraphs of bold/italic runs and bullet
lists) because that is all the outline editor offers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SECTION_KINDS = ("cover", "overview", "itinerary", "delegation", "profile", "figures",
                 "background", "talking_points", "text", "notes", "sources")

# Fact kinds that carry a number and belong in a key-figures table or chart.
NUMERIC_KINDS = ("amount", "percentage", "count")


@dataclass(frozen=True)
class SourceRef:
    """Where a fact or excerpt comes from; one entry of the Sources list."""

    title: str
    publisher: str | None = None
    date: str | None = None  # ISO date (YYYY, YYYY-MM or YYYY-MM-DD)
    url: str | None = None
    path: str | None = None  # the imported file, when there is no URL
    lang: str | None = None  # language of the article (zh-Hans, ja, ...)


@dataclass
class Run:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass
class Paragraph:
    runs: list[Run] = field(default_factory=list)

    @classmethod
    def plain(cls, text: str) -> Paragraph:
        return cls([Run(text)])


@dataclass
class BulletList:
    items: list[list[Run]] = field(default_factory=list)
    numbered: bool = False

    @classmethod
    def plain(cls, *texts: str, numbered: bool = False) -> BulletList:
        return cls([[Run(t)] for t in texts], numbered=numbered)


Block = Paragraph | BulletList


@dataclass
class TextItem:
    """Free rich text the user wrote (talking points, notes, descriptions)."""

    blocks: list[Block] = field(default_factory=list)
    ref: str | None = None  # "item:7" for a text block the user placed; None for the section's own text


@dataclass
class FactItem:
    """A checked fact placed in the book.

    ``value`` holds the kind-specific fields of ``core.facts.KIND_FIELDS``
    (person: name/title/org; amount: value/currency; count: value/unit/approx;
    event: name/date/place; agreement: parties ...).  ``measure`` names what a
    number measures ("Qingdao-Japan trade volume") and ``as_of`` the period it
    refers to (ISO date or just a year); key figures are grouped by them.
    ``translations`` maps a locale ("en", "de", ...) to value fields shown
    instead in a book of that locale (e.g. a person's title in German).
    """

    kind: str
    text: str
    value: dict = field(default_factory=dict)
    source: SourceRef | None = None
    measure: str | None = None
    as_of: str | None = None
    note: str | None = None
    lang: str | None = None  # language the fact was written in, when not the source's
    translations: dict[str, dict] = field(default_factory=dict)
    ref: str | None = None  # where the check's jump fixes it: "item:7" (placed), "entity:12" (a profile's)
    more_sources: list[SourceRef] = field(default_factory=list)  # a claim several articles make: the others


@dataclass
class ArticleItem:
    """An article shown as background: its title, where from, and an excerpt."""

    title: str
    source: SourceRef | None = None
    date: str | None = None
    excerpt: str = ""
    summary: str | None = None  # the user's summary or translation, printed in the book's language
    ref: str | None = None  # what a check's "jump to fix" opens: "entity:12" for a profile's quote
    role: str = ""  # "description": an organisation's best sentence, printed whole as its description


@dataclass
class Interaction:
    """A trip of the library that involves a profile's person or organisation: as a
    delegation member, a programme item's counterpart or one of our participants."""

    trip: str  # the trip's title
    start: str | None = None  # the trip's dates (ISO)
    end: str | None = None
    role: str = ""  # member | counterpart | participant
    day: str | None = None  # the programme item's date and times, when it is one
    time: str = ""
    venue: str = ""
    purpose: str = ""
    current: bool = False  # the book's own trip: a meeting of this trip, not an earlier interaction


Item = FactItem | ArticleItem | TextItem | Interaction


@dataclass
class Section:
    kind: str
    title: str = ""
    included: bool = True
    items: list[Item] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)
    about: str = ""  # a profile's entity kind: "person" or "organization"
    section_id: int | None = None  # the library's section row, for a check's jump


@dataclass
class DelegationMember:
    name: str
    title: str = ""
    org: str = ""
    role: str = ""  # role in the delegation: head, member, interpreter ...
    row_id: int | None = None  # the library's row, for the check's jump


@dataclass
class ItineraryItem:
    day: str  # ISO date
    time: str = ""  # "09:30" or "09:30-11:00"
    place: str = ""
    counterpart_org: str = ""
    counterpart_people: list[str] = field(default_factory=list)
    purpose: str = ""
    notes: str = ""
    end: str = ""  # end time "11:00", when ``time`` is only the start
    venue: str = ""  # building or room
    address: str = ""
    participants: list[str] = field(default_factory=list)  # our delegation members who attend
    row_id: int | None = None  # the library's row, for the check's jump


@dataclass
class Trip:
    title: str
    destinations: list[str] = field(default_factory=list)
    start: str | None = None  # ISO date
    end: str | None = None
    purpose: str = ""
    classification: str = ""  # e.g. 内部资料 / Nur für den Dienstgebrauch / Internal
    members: list[DelegationMember] = field(default_factory=list)
    itinerary: list[ItineraryItem] = field(default_factory=list)
    trip_id: int | None = None  # the library's trip, for the check's jump


@dataclass
class Book:
    title: str
    trip: Trip | None = None
    locale: str = "en"  # en, de, zh-Hans, zh-Hant, ja
    template: str = "official"  # a name under resources/templates/
    prepared_by: str = ""
    prepared_on: str | None = None  # ISO date
    draft: bool = False  # print a DRAFT watermark on every page
    subtitle: str = ""
    sections: list[Section] = field(default_factory=list)
    # document control, printed on the cover when given
    document_number: str = ""
    version: str = ""
    distribution: list[str] = field(default_factory=list)
