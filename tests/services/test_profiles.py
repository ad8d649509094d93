"""Profiles in a book, from a library built here: a person's positions come from the title
statements the user accepted, with their dates and sources; the trips listed are the ones
that involve the person; a press snippet prints once in the book; an organisation's
description is a whole sentence."""

from briefbook.core.article import Article
from briefbook.core.facts import Fact
from briefbook.export import build_layout
from briefbook.export import layout as L
from briefbook.services.exporting import book_for_export
from briefbook.services.knowledge import build_article_knowledge
from briefbook.store import books as book_store
from briefbook.store import entities as ent
from briefbook.store import facts as fact_store
from briefbook.store import knowledge as K
from briefbook.store.articles import add_article

DESCRIPTION = ("青岛市商务局是负责全市商务工作的市政府工作部门，主管国内外贸易和国际经济合作，推动青岛与日本、韩国等国家和地区"
               "的经贸往来，并承担招商引资、口岸管理和会展业发展的具体工作，每年组织企业赴日本和韩国开展经贸洽谈活动。")
ARTICLES = (  # (date, text): the person's title changes between reports
    ("2019-05-10", "青岛市商务局副局长王伟出席会议。"),
    ("2020-06-01", "青岛市商务局局长王伟会见了客人。王伟表示，双方合作前景广阔，愿意深化交流。" + DESCRIPTION),
    ("2020-06-02", "青岛市商务局局长王伟会见了客人。"),  # the same sentence in another paper
    ("2020-06-20", "青岛市商务局党组书记王伟主持会议。"),  # the user rejects this title statement
    ("2020-06-25", "青岛市商务局巡视员王伟参加活动。"),  # a proposal nobody accepted
)


def _article(lib, n, date, text):
    return add_article(lib, Article(text=text, title=f"报道{n}", lang="zh-Hans", published=date,
                                    source=f"报社{n}", sha256=f"profile-test-{n}")).article_id


def _library(lib):
    wang = ent.create_entity(lib, "person", "王伟")
    bureau = ent.create_entity(lib, "organization", "青岛市商务局")
    other = ent.create_entity(lib, "person", "李强")
    titles = ("副局长", "局长", "局长", "党组书记", "巡视员")
    for n, ((date, text), title) in enumerate(zip(ARTICLES, titles, strict=True), 1):
        aid = _article(lib, n, date, text)
        status = "proposed" if title == "巡视员" else "accepted"
        for at, _ in enumerate(text.split("王伟")[:-1]):
            start = [i for i in range(len(text)) if text.startswith("王伟", i)][at]
            value = {"name": "王伟", "title": title, "org": "青岛市商务局"} if at == 0 else {"name": "王伟"}
            fid = fact_store.add_user_fact(lib, aid, Fact("person", start, start + 2, "", value))
            if status != "accepted":
                fact_store.set_status(lib, [fid], status)
            ent.link_fact(lib, fid, wang)
        for at in [i for i in range(len(text)) if text.startswith("青岛市商务局", i)]:
            fid = fact_store.add_user_fact(lib, aid, Fact("organization", at, at + 6, "", {"name": "青岛市商务局"}))
            ent.link_fact(lib, fid, bureau)
        build_article_knowledge(lib, aid)
    secretary = next(s for s in K.statement_rows(lib, ("holds_title",)) if s["args"]["title"] == "党组书记")
    K.decide(lib, "statement", secretary["uuid"], "rejected")

    trip = book_store.save_trip(lib, book_store.TripRow(None, "赴东京考察", ["东京"], "2020-07-01", "2020-07-03"))
    book_store.add_itinerary_item(lib, trip, "2020-07-02", "10:00", "东京", org_entity_id=bureau,
                                  people_entity_ids=[wang], purpose="会谈", venue="市政厅")
    member_trip = book_store.save_trip(lib, book_store.TripRow(None, "赴大阪考察", ["大阪"], "2019-03-01", "2019-03-04"))
    book_store.add_member(lib, member_trip, "王伟", "副局长", entity_id=wang)
    participant_trip = book_store.save_trip(lib, book_store.TripRow(None, "赴首尔考察", ["首尔"], "2018-09-01",
                                                                    "2018-09-02"))
    book_store.add_itinerary_item(lib, participant_trip, "2018-09-01", "09:00", "首尔", purpose="座谈",
                                  participants="王伟\n张三")
    unrelated = book_store.save_trip(lib, book_store.TripRow(None, "赴名古屋考察", ["名古屋"], "2019-06-01",
                                                             "2019-06-02"))
    book_store.add_member(lib, unrelated, "李强", "处长", entity_id=other)
    book_store.add_itinerary_item(lib, unrelated, "2019-06-01", "09:00", "名古屋", purpose="参观",
                                  people_entity_ids=[other], participants="李强")
    later = book_store.save_trip(lib, book_store.TripRow(None, "赴福冈考察", ["福冈"], "2024-05-01", "2024-05-02"))
    book_store.add_member(lib, later, "王伟", "局长", entity_id=wang)

    book = book_store.create_book(lib, "赴东京考察", trip, locale="zh-Hans")
    parent = book_store.add_section(lib, book, "profile", "会见对象")
    book_store.add_section(lib, book, "profile", "青岛市商务局", parent_id=parent, settings={"entity_id": bureau})
    book_store.add_section(lib, book, "profile", "王伟", parent_id=parent, settings={"entity_id": wang})
    return book


def _text(blocks) -> list[str]:
    out = []
    for b in blocks:
        if isinstance(b, L.Para):
            out.append("".join(s.text for s in b.spans))
        elif isinstance(b, L.Table):
            out += ["".join(s.text for s in cell) for row in b.rows for cell in row]
        elif isinstance(b, L.Heading):
            out.append(f"# {b.text}")
    return [x.replace("\u2060", "") for x in out]


def _profile(doc, title) -> list[str]:
    """The printed lines of one profile (its heading to the next profile's)."""
    start = next(i for i, b in enumerate(doc.blocks) if isinstance(b, L.Heading) and b.text == title)
    level = doc.blocks[start].level
    end = next((i for i in range(start + 1, len(doc.blocks)) if isinstance(doc.blocks[i], L.Heading)
                and doc.blocks[i].level <= level), len(doc.blocks))
    return _text(doc.blocks[start + 1:end])


def test_person_profile_from_accepted_title_statements_and_involved_trips(library):
    book_id = _library(library)
    doc, _ = build_layout(book_for_export(library, book_id))
    person = _profile(doc, "王伟")
    joined = "\n".join(person)
    # the current position as of the newest accepted report, with its sources
    current = next(x for x in person if x.startswith("现任职务"))
    assert "局长、青岛市商务局" in current and "2020年6月" in current and "[" in current
    # positions held: the accepted ones with their dates; never a rejected or an unaccepted title
    assert "副局长" in joined and "2019年5月10日" in joined
    assert "党组书记" not in joined and "巡视员" not in joined
    # this trip's meeting, and the earlier trips that involve the person
    assert "# 本次出访会见" in person and "市政厅" in joined
    assert "# 以往交往" in person
    assert "赴大阪考察" in joined and "赴首尔考察" in joined
    assert "赴名古屋考察" not in joined  # a trip that does not involve him
    assert "赴福冈考察" not in joined  # a trip after this one
    # what only he said is quoted in his profile
    assert any("合作前景广阔" in x for x in person)


def test_a_press_snippet_prints_once_in_the_book(library):
    book_id = _library(library)
    doc, _ = build_layout(book_for_export(library, book_id))
    lines = _text(doc.blocks)
    met = [x for x in lines if "局长王伟会见了客人" in x]
    assert len(met) == 1  # two papers, two profiles: printed once
    organisation, person = _profile(doc, "青岛市商务局"), _profile(doc, "王伟")
    assert any("局长王伟会见了客人" in x for x in organisation + person)
    quotes = [x for x in organisation + person if x.startswith("“")]
    assert len(quotes) >= 2 and len(quotes) == len(set(quotes))


def test_organisation_description_is_a_whole_sentence(library):
    book_id = _library(library)
    doc, _ = build_layout(book_for_export(library, book_id))
    organisation = _profile(doc, "青岛市商务局")
    assert organisation[0].startswith(DESCRIPTION) and "…" not in organisation[0]
    # its people: one row per person, with the newest title the user accepted (not the rejected 党组书记)
    assert organisation.count("王伟") == 1 and "党组书记" not in organisation and "局长" in organisation
    # the meeting of this trip, without the role an organisation always has
    assert "# 本次出访会见" in organisation and "市政厅" in organisation
