"""Facts: what the extractor proposes and the user checks.

A fact points into ``Article.text`` with code-point offsets (``text[start:end]``),
never Qt's UTF-16 units.  ``value`` holds the kind-specific normalised fields of
the extraction contract (name/title/org, value/currency, iso/end_iso, ...).
"""

from __future__ import annotations

from dataclasses import dataclass, field

KINDS = ("person", "organization", "place", "event", "agreement",
         "amount", "percentage", "count", "date")
STATUSES = ("proposed", "accepted", "rejected", "edited")

# The fields each kind carries in ``value``; the editor and the contract use them.
KIND_FIELDS: dict[str, tuple[str, ...]] = {
    "person": ("name", "title", "org"),
    "organization": ("name",),
    "place": ("name",),
    "event": ("name", "date", "place"),
    "agreement": ("parties",),
    "amount": ("value", "currency"),
    "percentage": ("value",),
    "count": ("value", "unit", "approx"),
    "date": ("iso", "end_iso"),
}


@dataclass
class Fact:
    kind: str
    start: int
    end: int
    text: str
    value: dict = field(default_factory=dict)
    confidence: float = 0.5
    extractor_version: str | None = None
    status: str = "proposed"
    id: int | None = None
    article_id: int | None = None
    origin: str = "extractor"  # extractor | user

    def to_contract(self) -> dict:
        """The flat JSON shape of DESIGN.md's extraction contract."""
        out = {"kind": self.kind, "text": self.text, "start": self.start, "end": self.end}
        out.update(self.value)
        out["confidence"] = round(self.confidence, 3)
        return out
