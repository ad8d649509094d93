"""The statistical tagger's pass for Japanese (after the rules' emit).

The CRF tagger (``extract/tagger/crf.py``) adds the people, organisations and places
the rules missed, replaces rule spans it disagrees with (unless the rule's name is
the longer one), drops rule facts it finds nothing at (a later short mention of a
person named in full stays), and marks the ones it agrees with (see
``extract/tagger/combine.py``).  Measured on the held-out stockmark records with
``benchmarks/ner_benchmark.py --lang ja``: this beats adding the tagger's spans
where the rules found nothing (PER 0.68 / ORG 0.68 / LOC 0.75 against 0.65 / 0.60 / 0.63).
"""

from __future__ import annotations

from dataclasses import replace

from ..cjk.scan import CjkScan
from ..tagger import TaggedSpan, crf, tagger_for  # noqa: F401  (crf registers the taggers)
from ..tagger.combine import combine

# a tagger span is taken when its weakest character's marginal reaches the threshold,
# and replaces the rule facts it overlaps from PREFER on; a rule fact of a VETO kind
# the tagger finds nothing of that kind at is dropped (measured: on the held-out
# stockmark records this raises every kind's F1)
THRESHOLDS = {"person": 0.5, "organization": 0.5, "place": 0.5}
PREFER = {"person": 0.5, "organization": 0.5, "place": 0.5}
VETO = ("person", "organization", "place")


def _without_title(scan: CjkScan, t: TaggedSpan) -> TaggedSpan:
    """A tagged person that ends in a title (高橋大臣) is the name before it (高橋)."""
    if t.kind != "person":
        return t
    n = scan.d.titles_ja.match_ending_at(scan.norm[:t.end], t.end, max_len=min(8, t.end - t.start - 1))
    return replace(t, end=t.end - n) if n else t


def scan_tagged(scan: CjkScan) -> None:
    doc = scan.doc
    tagger = tagger_for(doc.lang)
    if tagger is None:
        return
    spans = [_without_title(scan, t) for t in tagger.tag(doc.text)]

    def accept(t: TaggedSpan) -> bool:
        # Latin-script names (JETRO) are left to the Latin passes that run after these
        if doc.text[t.start:t.end].isascii():
            return False
        return t.end - t.start >= 2 or t.kind == "place"

    combine(doc, tagger, spans, THRESHOLDS, accept, PREFER, VETO)
