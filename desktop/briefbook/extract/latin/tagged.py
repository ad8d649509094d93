"""The statistical tagger's pass for German and English (after the rules' emit).

The CRF tagger (``extract/tagger/crf.py``) adds the people, organisations and places
the rules missed, replaces rule spans it disagrees with, drops rule organisations
(and German places) it finds nothing at, and marks what it agrees with (see
``extract/tagger/combine.py``; the choices were measured with
``benchmarks/ner_benchmark.py``).  It also vetoes a rule "person" whose first word is
an ordinary word at the start of a sentence ("Gestern Abend", "Hoffnungsvoll Meyer"):
that word goes unless the tagger reads it as part of a name.
"""

from __future__ import annotations

from ..tagger import TaggedSpan, crf, tagger_for  # noqa: F401  (crf registers the taggers)
from ..tagger.combine import combine
from .scan import LatinScan
from .words import SAINT

# a tagger span is taken when its weakest token's marginal reaches the threshold,
# and replaces the rule facts it overlaps from PREFER on
THRESHOLDS = {"person": 0.5, "organization": 0.5, "place": 0.5}
PREFER: dict[str, dict[str, float]] = {}
VETO: dict[str, tuple[str, ...]] = {}


def _sentence_initial_common(scan: LatinScan, spans: list[TaggedSpan]) -> None:
    doc = scan.doc
    common = scan.d.common_latin.get(doc.lang, set())
    starts = {s: i for i, (s, _, _) in enumerate(scan.tokens)}
    tagged_people = [(t.start, t.end) for t in spans if t.kind == "person"]
    kept = []
    for f in doc.facts:
        i = starts.get(f.start)
        if f.kind == "person" and i is not None and scan.sentence_initial(i):
            word = scan.tokens[i][2]
            if word.lower() in common and word not in scan.d.given_latin and \
                    not any(s <= f.start < e for s, e in tagged_people):
                continue  # the tagger's own people were added by combine (or come from it)
        kept.append(f)
    doc.facts[:] = kept


def scan_tagged(scan: LatinScan) -> None:
    doc = scan.doc
    tagger = tagger_for(doc.lang)
    if tagger is None:
        return
    spans = tagger.tag(doc.text)

    def accept(t: TaggedSpan) -> bool:
        if t.kind == "person":  # "St. Peter", "Sankt Georg": a church or a place, not a person
            before = doc.text[max(0, t.start - 8):t.start].split()
            if before and (before[-1] in SAINT or before[-1].rstrip(".") in SAINT):
                return False
        return doc.text[t.start].isupper() or doc.text[t.start].isdigit()

    if doc.lang == "de":
        _sentence_initial_common(scan, spans)
    combine(doc, tagger, spans, THRESHOLDS, accept, PREFER.get(doc.lang), VETO.get(doc.lang, ()))
