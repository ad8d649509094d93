from __future__ import annotations

import pytest

from briefbook.core.book import ArticleItem, Book, FactItem, Section, SourceRef
from briefbook.export import build_layout
from briefbook.export import layout as L
from briefbook.knowledge.period_words import period_words
from tests.export.sample_book import demo_book


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
    assert all("".join(s.text for s in r[2]).strip() for r in trade.rows)  # every period names its source
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


def _figures_book(loc="en"):
    a = SourceRef("A", publisher="Pa", date="2024-05-22")
    b = SourceRef("B", publisher="Pb", date="2020-07-31")
    facts = [
        FactItem("count", "5年", {"value": 5, "unit": "years"}, source=a, measure="这次是我", as_of="2024-05-22"),
        FactItem("amount", "x", {"value": 6233000000, "currency": "USD"}, source=b, measure="合同外资", as_of="2020"),
        FactItem("count", "y", {"value": 46, "unit": "companies"}, source=a, measure="来自日本", as_of="2024-05-22"),
        FactItem("percentage", "z", {"value": 33.33}, source=b, measure="比重", as_of="2019"),
        FactItem("amount", "t1", {"value": 7643000000, "currency": "USD"}, source=b, measure="Trade", as_of="2019"),
        FactItem("amount", "t2", {"value": 3680000000, "currency": "USD"}, source=b, measure="Trade", as_of="2020"),
        FactItem("count", "c1", {"value": 1000, "unit": "companies", "approx": "more_than"}, source=a,
                 measure="Japanese firms", as_of="2020"),
        FactItem("count", "c2", {"value": 1200, "unit": "companies", "approx": "about"}, source=b,
                 measure="Japanese firms", as_of="2020"),
        FactItem("percentage", "g", {"value": 25}, source=b, measure="Trade", as_of="2020"),
    ]
    return Book("b", locale=loc, sections=[Section("figures", "Key figures", items=facts)])


def test_single_value_figures_share_one_table_newest_first():
    doc, _ = build_layout(_figures_book())
    heads = [h.text for h in _blocks(doc, L.Heading) if h.level == 2]
    # measures with several values keep their own heading; the rest share one
    assert heads == ["Trade", "Japanese firms", "Further figures"]
    tables = _blocks(doc, L.Table)
    single = [t for t in tables if t.header and t.header[0][0].text == "Measure"]
    assert len(single) == 1
    t = single[0]
    assert [c[0].text for c in t.header] == ["Measure", "Value", "Date", "Source"]
    measures = [r[0][0].text for r in t.rows]
    # newest first; the count of years (a trivial unit) after the substantive figures;
    # the percentage under "Trade" is another figure than the amounts under "Trade"
    assert measures == ["来自日本", "合同外资", "Trade", "比重", "这次是我"]
    assert "USD 6.23 billion" in "".join(s.text for s in t.rows[1][1])
    assert any(s.cite for s in t.rows[1][1])
    # a conflict is still shown side by side in the measure's own table
    conflict = next(t for t in tables if t.highlight)
    values = "".join(s.text for s in conflict.rows[min(conflict.highlight)][1])
    assert "more than 1,000 companies" in values and "about 1,200 companies" in values and "≠" in values
    charts = _blocks(doc, L.Chart)
    assert [c.title for c in charts] == ["Trade, by period"]


def test_figures_in_a_profile_use_one_table_too():
    book = _figures_book("de")
    book.sections = [Section("profile", "JETRO", items=book.sections[0].items)]
    doc, _ = build_layout(book)
    single = [t for t in _blocks(doc, L.Table) if t.header and t.header[0][0].text == "Kennzahl"]
    assert len(single) == 1 and len(single[0].rows) == 5


def test_profile_quotes_what_the_articles_say():
    src = SourceRef("Article", publisher="青报观象山", date="2020-07-31")
    quote = "JETRO青岛代表处首席代表表示，青岛是日本企业在华投资的重要城市。" * 5
    items = [ArticleItem("Article", source=src, date="2020-07-31", excerpt=quote),
             ArticleItem("Article", source=src, date="2020-07-31", excerpt=quote)]  # duplicate shown once
    for loc, label, when in (("en", "In the articles", "31 July 2020"), ("de", "Presse", "31. Juli 2020"),
                             ("zh-Hans", "报道摘录", "2020年7月31日")):
        doc, _ = build_layout(Book("b", locale=loc, sections=[Section("profile", "JETRO", items=list(items))]))
        assert label in [h.text for h in _blocks(doc, L.Heading)]
        quotes = [b for b in doc.blocks if isinstance(b, L.Para) and b.style == "quote"]
        assert len(quotes) == 1
        text = "".join(s.text for s in quotes[0].spans)
        assert "JETRO青岛代表处首席代表表示" in text and when in text and "…" in text
        assert len(text) < 160  # a short excerpt, not the whole paragraph
        assert [s.cite for s in quotes[0].spans if s.cite] == [1]


def test_empty_sections_are_left_out_and_reported():
    src = SourceRef("Qingdao news", publisher="Guanhai", date="2020-07-31", path="/home/user/seeds/001.txt")
    book = Book("B", locale="en", sections=[
        Section("overview", "Empty overview"),  # no trip, no items
        Section("figures", "Key figures", items=[FactItem("percentage", "2.1%", {"value": 2.1}, source=src,
                                                          measure="Growth")]),
        Section("text", "Parent", children=[Section("text", "Empty child")]),
        Section("sources", "Sources"),
    ])
    doc, _ = build_layout(book)
    heads = [h.text for h in _blocks(doc, L.Heading)]
    assert heads == ["Key figures", "Sources"]
    assert [h.number for h in _blocks(doc, L.Heading)] == ["1", "2"]
    assert doc.omitted == ["Empty overview", "Empty child", "Parent"]
    # no heading is directly followed by another level-1 heading or the end: no page with only a heading
    for a, b in zip(doc.blocks, doc.blocks[1:] + [None], strict=False):
        if isinstance(a, L.Heading):
            assert b is not None and not isinstance(b, L.PageBreak)


def test_a_sources_section_with_nothing_cited_is_left_out():
    book = Book("B", locale="en", sections=[Section("text", "Notes", items=[]), Section("sources", "Sources")])
    doc, _ = build_layout(book)
    assert not _blocks(doc, L.Heading) and doc.omitted == ["Notes", "Sources"]


def test_sources_never_print_a_local_path():
    with_url = SourceRef("A", publisher="P", date="2020-01-02", url="https://example.org/a", path="/tmp/a.html")
    no_url = SourceRef("B title", publisher="Q", date="2021-03-04", path="/home/user/seeds/002.txt")
    bare = SourceRef("C title", path="C:\\Users\\x\\c.docx")
    items = [FactItem("percentage", f"{i}%", {"value": i}, source=s, measure=f"M{i}")
             for i, s in enumerate((with_url, no_url, bare), 1)]
    doc, _ = build_layout(Book("B", locale="en", sections=[Section("figures", "F", items=items)]))
    texts = ["".join(sp.text for sp in b.spans) for b in doc.blocks if isinstance(b, L.Para)]
    texts += [e.short for e in doc.sources] + [e.brief for e in doc.sources]
    assert not any("/tmp/" in t or "seeds/" in t or "Users" in t or ".txt" in t for t in texts)
    by_title = {e.spans[0].text: e for e in doc.sources}
    assert "https://example.org/a" in by_title["A"].short
    assert "Q" in by_title["B title"].short and "2021" in by_title["B title"].short
    assert by_title["C title"].short == "C title"


@pytest.mark.parametrize(("loc", "title", "expected"), [
    ("zh-Hans", "领衔鲁日合作，青岛进入佳境！", "领衔鲁日合作，青岛进入佳境！青报观象山, 2020年7月31日"),
    ("en", "Qingdao takes the lead!", "Qingdao takes the lead! Guanhai, 31 July 2020"),
    ("en", "Qingdao and Japan", "Qingdao and Japan. Guanhai, 31 July 2020"),
])
def test_a_source_title_that_ends_a_sentence_takes_no_second_stop(loc, title, expected):
    src = SourceRef(title, publisher="青报观象山" if loc != "en" else "Guanhai", date="2020-07-31")
    items = [FactItem("percentage", "2%", {"value": 2}, source=src, measure="M")]
    doc, _ = build_layout(Book("B", locale=loc, sections=[Section("figures", "F", items=items)]))
    assert doc.sources[0].short == expected


def test_programme_has_start_end_venue_and_participants_columns():
    from briefbook.core.book import ItineraryItem, Trip

    trip = Trip("T", itinerary=[
        ItineraryItem("2020-11-30", "14:00", "Tokyo", "JETRO", ["佐々木伸彦"], "Talks", end="15:30",
                      venue="JETRO Headquarters", address="Akasaka, Minato-ku", participants=["Zhao Hao"]),
        ItineraryItem("2020-11-30", "16:30-17:30", "Tokyo", "Suntory", [], "Visit"),
    ])
    doc, _ = build_layout(Book("B", trip=trip, locale="en", sections=[Section("itinerary", "Programme")]))
    table = _blocks(doc, L.Table)[0]
    assert [c[0].text for c in table.header] == ["Day", "Time", "Venue", "Counterpart", "Our participants",
                                                 "Purpose"]
    first, second = (["".join(s.text for s in cell) for cell in row] for row in table.rows)
    assert first[1] == "14:00–15:30" and second[1] == "16:30–17:30"
    assert first[2] == "JETRO Headquarters\nTokyo\nAkasaka, Minato-ku" and second[2] == "Tokyo"
    assert first[4] == "Zhao\u00a0Hao" and second[0] == ""  # the day once
    # without participants anywhere, no empty column
    trip.itinerary[0].participants = []
    doc, _ = build_layout(Book("B", trip=trip, locale="en", sections=[Section("itinerary", "Programme")]))
    assert "Our participants" not in [c[0].text for c in _blocks(doc, L.Table)[0].header]


def test_document_control_block_on_the_cover():
    book = Book("B", locale="de", prepared_on="2020-11-20", document_number="QD-1", version="2.0",
                distribution=["Delegationsleitung", "Akte"],
                sections=[Section("text", "T", items=[])])
    doc, _ = build_layout(book)
    assert doc.cover.control == [("Dokument-Nr.", "QD-1"), ("Fassung", "2.0"), ("Stand", "20. November 2020"),
                                 ("Verteiler", "Delegationsleitung\nAkte")]
    assert build_layout(Book("B", locale="de"))[0].cover.control == []


def test_cjk_books_set_full_width_punctuation():
    from briefbook.core.book import Paragraph, TextItem

    items = [TextItem([Paragraph.plain("青岛,日本;合作:共赢!会见日本贸易振兴机构(JETRO),时间10:00")])]
    for loc in ("zh-Hans", "ja"):
        doc, _ = build_layout(Book("B", locale=loc, sections=[Section("notes", "备注", items=items)]))
        text = "".join(s.text for b in _blocks(doc, L.Para) for s in b.spans)
        assert text == "青岛，日本；合作：共赢！会见日本贸易振兴机构（JETRO），时间10:00"
    doc, _ = build_layout(Book("B", locale="en", sections=[Section("notes", "Notes", items=items)]))
    assert "青岛,日本" in "".join(s.text for b in _blocks(doc, L.Para) for s in b.spans)


@pytest.mark.parametrize("loc, year, half", [
    ("de", "2019", "1. Halbjahr 2020"), ("en", "2019", "H1 2020"),
    ("zh-Hans", "2019年", "2020年上半年"), ("ja", "2019年", "2020年上半期"),
])
def test_chart_labels_say_the_period_as_the_table_does(loc, year, half):
    # a full year and a half-year, labelled by the period formatter the figure tables use
    src = SourceRef("S", publisher="P", date="2020-07-31")
    facts = [FactItem("amount", "t", {"value": v, "currency": "USD", "period_label": period_words(s, e, loc)},
                      source=src, measure="Trade", as_of=e)
             for v, s, e in ((7643000000, "2019-01-01", "2019-12-31"), (3680000000, "2020-01-01", "2020-06-30"))]
    doc, _ = build_layout(Book("b", locale=loc, sections=[Section("figures", "F", items=facts)]))
    table = next(t for t in _blocks(doc, L.Table) if len(t.rows) == 2)
    chart = _blocks(doc, L.Chart)[0]
    assert [p.label for p in chart.points] == [year, half]  # oldest left
    assert [p.label for p in chart.points] == [r[0][0].text for r in reversed(table.rows)]


def test_delegation_role_column_holds_its_longest_word():
    from briefbook.export.layout_split import (
        CELL_PADDING_PT,
        NARROWEST_TEXT_PT,
        fit_longest_word,
        word_width_pt,
    )

    doc, _ = build_layout(demo_book("de"))
    table = next(b for b in doc.blocks if isinstance(b, L.Table) and any(
        "Delegationsleiter" in "".join(s.text for s in c) for r in b.rows for c in r))
    room = table.widths[4] * NARROWEST_TEXT_PT - CELL_PADDING_PT
    assert room >= word_width_pt("Delegationsleiter")
    assert abs(sum(table.widths) - 1.0) < 1e-9
    # short roles leave the widths alone; a word longer than the cap is hyphenated instead
    widths = [0.06, 0.24, 0.26, 0.28, 0.16]
    assert fit_longest_word(widths, 4, ["Head of delegation", "団長"]) == widths
    wide = fit_longest_word(widths, 4, ["Wirtschaftsförderungsbeauftragter"])
    assert wide[4] == 0.3 and abs(sum(wide) - 1.0) < 1e-9 and wide[0] == 0.06


def test_figures_of_one_label_and_day_conflict_only_within_one_claim():
    src = SourceRef("A", publisher="Pa", date="2021-04-10")
    facts = [FactItem("count", "120", {"value": 120, "unit": "projects", "claim": "total"}, source=src,
                      measure="Projects", as_of="2021-03-31"),
             FactItem("count", "8", {"value": 8, "unit": "projects", "claim": "q1"}, source=src,
                      measure="Projects", as_of="2021-03-31"),
             FactItem("count", "9", {"value": 9, "unit": "projects", "claim": "q1"}, source=src,
                      measure="Projects", as_of="2021-03-31")]
    doc, _ = build_layout(Book("b", locale="en", sections=[Section("figures", "Key figures", items=facts)]))
    table = next(t for t in _blocks(doc, L.Table) if len(t.rows) == 2)
    rows = ["".join(s.text for s in r[1]) for r in table.rows]
    assert any("120" in r and "≠" not in r for r in rows)  # the running total is a row of its own
    assert any("8" in r and "≠" in r and "9" in r for r in rows)  # the true rivals side by side
    assert len(table.highlight) == 1
    assert not _blocks(doc, L.Chart)  # two rows ending on one day are no time series
