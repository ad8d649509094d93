from __future__ import annotations

from briefbook.core.book import Book, FactItem, Section, SourceRef
from briefbook.export import build_layout
from briefbook.export import layout as L
from briefbook.export.sample import demo_book


def _blocks(doc, kind):
    return [b for b in doc.blocks if isinstance(b, kind)]


def test_headings_are_numbered_and_sources_come_last():
    doc, _ = build_layout(demo_book("en"))
    heads = _blocks(doc, L.Heading)
    top = [h for h in heads if h.level == 1]
    assert [h.number for h in top] == [str(i) for i in range(1, len(top) + 1)]
    assert top[-1].text == "Sources"
    subs = [h.number for h in heads if h.level == 2]
    assert "4.1" in subs and "8.1" in subs
    assert isinstance(doc.blocks[0], L.Toc)
    assert len({h.anchor for h in heads}) == len(heads)


def test_every_citation_points_to_a_sources_entry():
    doc, _ = build_layout(demo_book("de"))
    cites = set()
    for b in doc.blocks:
        spans = []
        if isinstance(b, L.Para):
            spans = b.spans
        elif isinstance(b, L.Table):
            spans = [s for row in b.rows for cell in row for s in cell]
        cites |= {s.cite for s in spans if s.cite is not None}
    assert cites == set(range(1, len(doc.sources) + 1))
    entries = [b for b in doc.blocks if isinstance(b, L.Para) and b.style == "source"]
    assert [e.anchor for e in entries] == [f"src{n}" for n in range(1, len(doc.sources) + 1)]
    assert any("guanhai.com.cn" in e.short for e in doc.sources)


def test_figures_newest_first_conflicts_side_by_side_and_chart():
    doc, _ = build_layout(demo_book("en"))
    tables = _blocks(doc, L.Table)
    trade = next(t for t in tables if t.rows and t.rows[0][0][0].text == "June 2020")
    periods = [r[0][0].text for r in trade.rows]
    assert periods == ["June 2020", "2019", "2018"]
    conflict = next(t for t in tables if t.highlight)
    row = conflict.rows[min(conflict.highlight)]
    values = "".join(s.text for s in row[1])
    assert "more than 1,000 companies" in values and "about 1,200 companies" in values and "≠" in values
    assert "Sources differ" in "".join(s.text for s in row[3])
    charts = _blocks(doc, L.Chart)
    assert charts and [p.label for p in charts[0].points] == ["2018", "2019", "Jun 2020"]
    assert charts[0].points[1].display == "USD 7.64 billion"


def test_no_chart_for_a_single_value_and_citation_numbers_are_shared():
    src = SourceRef("A", publisher="P", date="2020-01-01")
    facts = [FactItem("amount", "x", {"value": 5, "currency": "USD"}, source=src, measure="M", as_of="2020"),
             FactItem("percentage", "y", {"value": 3}, source=src, measure="N", as_of="2020")]
    doc, _ = build_layout(Book("b", sections=[Section("figures", items=facts)]))
    assert not _blocks(doc, L.Chart)
    assert len(doc.sources) == 1
    assert _blocks(doc, L.Heading)[-1].text == "Sources"  # added even without a sources section


def test_excluded_sections_are_left_out():
    book = demo_book("en")
    for s in book.sections:
        if s.kind == "itinerary":
            s.included = False
    doc, _ = build_layout(book)
    assert "Itinerary" not in [h.text for h in _blocks(doc, L.Heading)]


def test_split_long_cells_keeps_all_text():
    t = L.Table([[L.Span("h")]], [[[L.Span("字" * 5000)]]], [0.5])
    out = L.split_long_cells(t)
    assert len(out.rows) > 1
    assert "".join(s.text for r in out.rows for s in r[0]) == "字" * 5000
