"""The working state of one extraction run and the fact constructor."""

from __future__ import annotations

from dataclasses import dataclass, field

from briefbook.core.facts import Fact

EXTRACTOR_VERSION = "rules-20"  # raised when what is found changes: the library re-extracts older articles on demand


@dataclass
class Doc:
    text: str  # the cleaned article text; facts point into it
    norm: str  # same-length normalised copy used for matching
    lang: str
    published: str | None
    facts: list[Fact] = field(default_factory=list)
    # character positions already claimed by a number-like fact (amount, date ...),
    # so a later rule does not read the same digits again as a count
    taken: bytearray = field(default=None)  # type: ignore[assignment]

    def __post_init__(self):
        if self.taken is None:
            self.taken = bytearray(len(self.text))

    def is_free(self, start: int, end: int) -> bool:
        return not any(self.taken[start:end])

    def in_amount(self, start: int, end: int) -> bool:
        """Whether [start, end) lies inside an amount already found: the US of "US dollars",
        the 美 of 美元 and the Hong Kong of "Hong Kong dollars" name a currency, not a place."""
        return any(f.kind == "amount" and f.start <= start and end <= f.end for f in self.facts)

    def claim(self, start: int, end: int) -> None:
        self.taken[start:end] = b"\x01" * (end - start)

    def add(self, kind: str, start: int, end: int, value: dict, confidence: float,
            claim: bool = False) -> Fact | None:
        if start < 0 or end > len(self.text):
            return None  # a rule read past the text: never emit a wrong span
        # trim whitespace at the edges so spans look like what a reader would mark
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        if start >= end or start < 0 or end > len(self.text):
            return None
        f = Fact(kind=kind, start=start, end=end, text=self.text[start:end], value=value,
                 confidence=confidence, extractor_version=EXTRACTOR_VERSION)
        self.facts.append(f)
        if claim:
            self.claim(start, end)
        return f
