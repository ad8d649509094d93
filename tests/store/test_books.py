from briefbook.core.book import ArticleItem, FactItem, TextItem
from briefbook.core.richtext import parse_blocks
from briefbook.services import review
from briefbook.services.assembling import assemble_book, derive_as_of, derive_measure
from briefbook.services.extraction import extract_library
from briefbook.services.review import list_figures
from briefbook.store import books, facts


def test_markdown_subset():
    blocks = parse_blocks("Intro with **bold** and *italic*.\n\n- first\n- second\n\n1. one\n2. two")
    para, bullets, numbered = blocks
    assert [(r.text, r.bold, r.italic) for r in para.runs] == [
        ("Intro with ", False, False), ("bold", True, False), (" and ", False, False), ("italic", False, True),
        (".", False, False)]
    assert not bullets.numbered and [r[0].text for r in bullets.items] == ["first", "second"]
    assert numbered.numbered and len(numbered.items) == 2


def test_measure_and_period_from_the_sentence():
    text = "2019年，青岛与日本进出口总额达到62.33亿美元。"
    start = text.index("62.33")
    assert derive_measure(text, start, start + 8) == "青岛与日本进出口总额"
    pct = "同比增长2.1%"
    text2 = text.replace("。", "，" + pct + "。")
    p = text2.index("2.1%")
    assert derive_measure(text2, p, p + 4) == "青岛与日本进出口总额 增长"
    assert derive_as_of(text, start, start + 8, "2020-07-31") == "2019"
    assert derive_as_of("今年上半年增长2.1%。", 7, 11, "2020-07-31") == "2020"


def test_outline_moves_and_undo_records(library):
    book_id = books.create_book(library, "Reise")
    rows = books.sections(library, book_id)
    assert [r["kind"] for r in rows][:3] == ["cover", "overview", "itinerary"]
    sources = rows[-1]["id"]
    old = books.move_section(library, sources, None, 1)
    assert books.sections(library, book_id)[0]["id"] == sources
    books.move_section(library, sources, *old)
    assert books.sections(library, book_id)[-1]["id"] == sources
    saved = books.delete_row(library, "sections", sources)
    assert len(books.sections(library, book_id)) == len(rows) - 1
    books.restore_row(library, "sections", saved)
    assert len(books.sections(library, book_id)) == len(rows)


def test_only_checked_facts_reach_the_book(seed_library):
    lib = seed_library
    extract_library(lib)
    book_id = books.create_book(lib, "Test", outline=[("figures", "Key figures"), ("background", "Background")])
    figures, background = books.sections(lib, book_id)
    queue = [f for f in facts.review_queue(lib, kinds=["amount"], limit=10)]
    assert len(queue) >= 2
    facts.set_status(lib, [queue[0].id], "accepted")  # an accepted mention is not yet a key figure
    amounts = [f for f in list_figures(lib) if f["kind"] == "amount" and not f["conflicts"] and f["sources"]]
    review.decide(lib, "figure", amounts[0]["uuid"], "accepted")
    review.decide(lib, "figure", amounts[1]["uuid"], "rejected")
    aid = queue[0].article_id
    books.add_item(lib, background["id"], "article", aid)
    books.add_item(lib, background["id"], "text", payload={"text": "- **wichtig**"})
    book = assemble_book(lib, book_id)
    fig_items = book.sections[0].items
    assert {i.text for i in fig_items} == {amounts[0]["display"]}
    assert len(fig_items) == len({s["article_id"] for s in amounts[0]["sources"]})  # one per source, all cited
    assert isinstance(fig_items[0], FactItem) and fig_items[0].source.title
    assert fig_items[0].measure.startswith(amounts[0]["label"])
    bg = book.sections[1].items
    assert isinstance(bg[0], ArticleItem) and bg[0].excerpt
    assert isinstance(bg[1], TextItem) and bg[1].blocks[0].items[0][0].bold


def test_demo_book(seed_library):
    from briefbook.services.demo_book import build_demo_book

    lib = seed_library
    extract_library(lib)
    book = assemble_book(lib, build_demo_book(lib, locale="de"))
    kinds = [s.kind for s in book.sections]
    assert kinds == ["cover", "overview", "itinerary", "delegation", "profile", "figures", "background",
                     "talking_points", "sources"]
    assert book.trip.members and book.trip.members[0].role == "Delegationsleiter"
    assert [s.title for s in book.sections[4].children][0].startswith("JETRO")
    assert any(i.kind == "amount" for i in book.sections[5].items)
    assert book.trip.classification == "Nur für den Dienstgebrauch"
