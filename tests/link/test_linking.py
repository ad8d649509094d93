"""Linking facts to entities in a library: certain links, proposals, idempotence."""

from __future__ import annotations

import pytest

from briefbook.core.facts import Fact
from briefbook.services.extraction import extract_articles, extract_library
from briefbook.services.linking import link_article
from briefbook.store import entities as E
from briefbook.store import facts as F
from tests.conftest import seed_id


def _entity_of(lib, article_id, kind, name, role="subject"):
    rows = lib.conn.execute(
        """SELECT fe.entity_id, fe.status, fe.confidence FROM fact_entities fe JOIN facts f ON f.id = fe.fact_id
           WHERE f.article_id = ? AND f.kind = ? AND json_extract(f.value_json, '$.name') = ? AND fe.role = ?""",
        (article_id, kind, name, role)).fetchall()
    assert rows, f"no {kind} fact {name!r} linked in article {article_id}"
    ids = {r[0] for r in rows}
    assert len(ids) == 1
    return rows[0][0], rows[0][1], rows[0][2]


def _live(lib, eid):
    while True:
        nxt = lib.scalar("SELECT merged_into FROM entities WHERE id = ?", (eid,))
        if nxt is None:
            return eid
        eid = nxt


def _proposal(lib, a, b):
    a, b = min(a, b), max(a, b)
    return lib.conn.execute("SELECT confidence, reason, status FROM entity_merge_proposals WHERE entity_a = ? AND entity_b = ?",
                            (a, b)).fetchone()


@pytest.fixture
def linked_seeds(seed_library):
    extract_library(seed_library)
    return seed_library


def test_seed_library_links(linked_seeds):
    lib = linked_seeds
    a000, a001, a002, a003, a004 = (seed_id(lib, p) for p in ("000", "001", "002", "003", "004"))

    # Traditional/Simplified: the same place and organisation, certain
    q0, status, conf = _entity_of(lib, a000, "place", "青島")
    q1, _, _ = _entity_of(lib, a001, "place", "青岛")
    assert q0 == q1 and status == "accepted" and conf >= 0.95

    # dictionary: JETRO (000, 004) = 日本贸易振兴机构 (001, 003) = 日本貿易振興機構 (000)
    j0, status, conf = _entity_of(lib, a000, "organization", "JETRO")
    assert status == "accepted" and conf >= 0.95
    assert _entity_of(lib, a000, "organization", "日本貿易振興機構")[0] == j0
    assert _entity_of(lib, a001, "organization", "日本贸易振兴机构")[0] == j0
    assert _entity_of(lib, a004, "organization", "JETRO")[0] == j0
    names = {a["name"]: a for a in E.get_entity(lib, j0).aliases}
    assert {"JETRO", "日本贸易振兴机构", "日本貿易振興機構", "Japan External Trade Organization"} <= set(names)
    assert names["日本貿易振興機構"]["script"] == "Hant" and names["JETRO"]["script"] == "Latn"

    # a person's org gets the org role: 佐佐木伸彦 理事长 of 日本贸易振兴机构
    assert _entity_of(lib, a001, "person", "佐佐木伸彦", role="org")[0] == j0

    # places across languages
    assert _entity_of(lib, a004, "place", "Tokio")[0] == _entity_of(lib, a000, "place", "東京")[0]
    assert _entity_of(lib, a004, "place", "China")[0] == _entity_of(lib, a000, "place", "中國")[0]

    # pinyin and Japanese readings: proposals with a confidence, not certain links
    for han, latin in [("刘家义", "Liu Jiayi"), ("李干杰", "Li Ganjie"), ("二阶俊博", "Toshihiro Nikai"),
                       ("鸠山友纪夫", "Yukio Hatoyama"), ("佐佐木伸彦", "Sasaki Nobuhiko")]:
        h = _entity_of(lib, a001, "person", han)[0]
        latin_id = _entity_of(lib, a004, "person", latin)[0]
        assert h != latin_id
        prop = _proposal(lib, h, latin_id)
        assert prop is not None, (han, latin)
        assert 0.7 <= prop[0] < 0.95 and prop[1] and prop[2] == "proposed"


def test_traditional_person_names_share_an_entity(library):
    a = _article(library, "市政府副秘書長張琳出席。")
    b = _article(library, "副秘书长张琳出席。")
    _fact(library, a, "person", "張琳")
    _fact(library, b, "person", "张琳")
    link_article(library, a)
    link_article(library, b)
    ea, status, conf = _entity_of(library, a, "person", "張琳")
    eb, status_b, conf_b = _entity_of(library, b, "person", "张琳")
    assert ea == eb and status_b == "accepted" and conf_b >= 0.95
    assert {al["name"] for al in E.get_entity(library, ea).aliases} == {"張琳", "张琳"}


def test_idempotent_and_respects_the_user(linked_seeds):
    lib = linked_seeds
    counts = [lib.scalar(f"SELECT count(*) FROM {t}") for t in ("entities", "aliases", "fact_entities", "entity_merge_proposals")]
    ids = [r[0] for r in lib.conn.execute("SELECT id FROM articles")]
    for aid in ids:
        assert link_article(lib, aid) == {"links": 0, "entities": 0, "proposals": 0}
    assert counts == [lib.scalar(f"SELECT count(*) FROM {t}") for t in ("entities", "aliases", "fact_entities", "entity_merge_proposals")]

    # a rejected proposal is not made again; an accepted merge stays merged
    props = E.merge_proposals(lib)
    E.set_proposal_status(lib, props[0]["id"], "rejected")
    E.merge_entities(lib, props[1]["entity_a"], props[1]["entity_b"])
    extract_articles(lib, ids, force=True)
    assert lib.scalar("SELECT status FROM entity_merge_proposals WHERE id = ?", (props[0]["id"],)) == "rejected"
    assert lib.scalar("SELECT merged_into FROM entities WHERE id = ?", (props[1]["entity_b"],)) == props[1]["entity_a"]


def test_merged_entities_keep_receiving_links(library):
    a = _article(library, "刘家义出席。")
    b = _article(library, "Liu Jiayi nahm teil.")
    c = _article(library, "Liu Jiayi sprach.")
    _fact(library, a, "person", "刘家义")
    _fact(library, b, "person", "Liu Jiayi")
    _fact(library, c, "person", "Liu Jiayi")
    link_article(library, a)
    link_article(library, b)
    (prop,) = E.merge_proposals(library)
    assert prop["reason"].startswith("pinyin") and prop["confidence"] == pytest.approx(0.85)
    E.merge_entities(library, prop["entity_a"], prop["entity_b"])
    link_article(library, c)
    assert _live(library, _entity_of(library, c, "person", "Liu Jiayi")[0]) == prop["entity_a"]
    assert _entity_of(library, c, "person", "Liu Jiayi")[0] == prop["entity_a"]


def test_rejected_facts_and_empty_names_are_skipped(library):
    a = _article(library, "二阶俊博出席。")
    fid = _fact(library, a, "person", "二阶俊博")
    F.set_status(library, [fid], "rejected")
    assert link_article(library, a)["links"] == 0
    assert link_article(library, 9999) == {"links": 0, "entities": 0, "proposals": 0}


def test_person_org_role_and_suffix_proposal(library):
    a = _article(library, "歐力士集團社長井上亮。")
    _fact(library, a, "person", "井上亮", org="歐力士集團")
    b = _article(library, "三得利株式會社和三得利。")
    _fact(library, b, "organization", "三得利株式會社")
    _fact(library, b, "organization", "Example Holdings", start=9)
    c = _article(library, "Example GmbH")
    _fact(library, c, "organization", "Example")
    for x in (a, b, c):
        link_article(library, x)
    org, status, conf = _entity_of(library, a, "person", "井上亮", role="org")
    assert "ORIX" in {al["name"] for al in E.get_entity(library, org).aliases} and status == "accepted"
    ex = _entity_of(library, b, "organization", "Example Holdings")[0]
    plain = _entity_of(library, c, "organization", "Example")[0]
    prop = _proposal(library, ex, plain)
    assert prop is not None and prop[0] == pytest.approx(0.7)


# -- helpers -----------------------------------------------------------------------

def _article(lib, text):
    import hashlib

    from briefbook.store.db import now_iso

    with lib.transaction() as conn:
        return conn.execute(
            "INSERT INTO articles (title, lang, imported_at, sha256, format, original, text) VALUES (?,?,?,?,?,?,?)",
            ("t", None, now_iso(), hashlib.sha256(text.encode() + str(id(text)).encode()).hexdigest(), "txt", text, text),
        ).lastrowid


def _fact(lib, article_id, kind, name, org=None, start=0):
    value = {"name": name}
    if kind == "person":
        value.update(title=None, org=org)
    fact = Fact(kind=kind, start=start, end=start + 1, text="", value=value, status="accepted")
    return F.add_user_fact(lib, article_id, fact)


def test_local_short_forms_stay_per_article_and_are_proposed(library):
    a = _article(library, "青岛市政府和市政府。")
    _fact(library, a, "place", "青岛")
    _fact(library, a, "organization", "市政府", start=2)
    b = _article(library, "威海市政府。市政府。")
    _fact(library, b, "place", "威海")
    _fact(library, b, "organization", "市政府", start=2)
    c = _article(library, "青岛市政府")
    _fact(library, c, "organization", "青岛市政府")
    for x in (a, b, c):
        link_article(library, x)
    short_a = _entity_of(library, a, "organization", "市政府")[0]
    short_b = _entity_of(library, b, "organization", "市政府")[0]
    full = _entity_of(library, c, "organization", "青岛市政府")[0]
    assert short_a != short_b  # a city government is not every city's government
    prop = _proposal(library, short_a, full)
    assert prop is not None and prop[0] == pytest.approx(0.6) and "青岛" in prop[1]
    assert _proposal(library, short_b, full) is None


def test_one_name_with_organisations_that_cannot_be_one_is_two_people(library):
    a = _article(library, "青岛市商务局局长王建国会见日本客人。")
    _fact(library, a, "person", "王建国", org="青岛市商务局")
    b = _article(library, "济南大学校长王建国出席开幕式。")
    _fact(library, b, "person", "王建国", org="济南大学")
    c = _article(library, "市商务局局长王建国介绍。王建国说。")  # the Qingdao bureau's short form
    _fact(library, c, "person", "王建国", org="市商务局")
    _fact(library, c, "person", "王建国", start=12)
    d = _article(library, "王建国校长致辞。济南大学校长王建国。")  # named with the university later on
    _fact(library, d, "person", "王建国")
    _fact(library, d, "person", "王建国", org="济南大学", start=8)
    for x in (a, b, c, d):
        link_article(library, x)
    qingdao = _entity_of(library, a, "person", "王建国")[0]
    jinan, status, conf = _entity_of(library, b, "person", "王建国")
    assert qingdao != jinan and status == "accepted" and conf == pytest.approx(1.0)
    prop = _proposal(library, qingdao, jinan)
    assert prop is not None and prop[0] == pytest.approx(0.5) and prop[2] == "proposed"
    assert "济南大学" in prop[1] and "青岛市商务局" in prop[1]
    assert _entity_of(library, c, "person", "王建国") == (qingdao, "accepted", pytest.approx(0.97))
    assert _entity_of(library, d, "person", "王建国") == (jinan, "accepted", pytest.approx(0.97))


def test_one_name_without_an_organisation_to_tell_apart_stays_one_person(library):
    a = _article(library, "王建国会见日本客人。")
    _fact(library, a, "person", "王建国")
    b = _article(library, "济南大学校长王建国出席开幕式。")
    _fact(library, b, "person", "王建国", org="济南大学")
    c = _article(library, "山东大学校长王建国出席开幕式。")
    _fact(library, c, "person", "王建国", org="山东大学")
    for x in (a, b, c):
        link_article(library, x)
    first = _entity_of(library, a, "person", "王建国")[0]
    assert _entity_of(library, b, "person", "王建国")[0] == first  # nothing said it is someone else
    # the person is now known with 济南大学: someone of 山东大学 is another (proposed to merge)
    other = _entity_of(library, c, "person", "王建国")[0]
    assert other != first and _proposal(library, first, other) is not None


def test_a_short_mention_links_to_the_full_name_it_refers_to_without_becoming_its_alias(library):
    a = _article(library, "Landtagsvizepräsident Reinhold Bocklet begrüßte die Gäste. Bocklet sagte …")
    _fact(library, a, "person", "Reinhold Bocklet")
    short = F.add_user_fact(library, a, Fact(kind="person", start=60, end=67, text="Bocklet", status="accepted",
                                             value={"name": "Bocklet", "title": None, "org": None,
                                                    "refers_to": "Reinhold Bocklet"}))
    b = _article(library, "Anna Bocklet aus Kiel.")
    _fact(library, b, "person", "Bocklet")  # another article's bare surname: nobody said it is him
    for x in (a, b):
        link_article(library, x)
    full = _entity_of(library, a, "person", "Reinhold Bocklet")[0]
    linked = library.scalar("SELECT entity_id FROM fact_entities WHERE fact_id = ? AND role = 'subject'", (short,))
    assert linked == full
    assert "Bocklet" not in {al["name"] for al in E.get_entity(library, full).aliases}
    assert _entity_of(library, b, "person", "Bocklet")[0] != full


def test_the_genitive_of_a_listed_place_is_that_place(library):
    a = _article(library, "Chinas Handel mit Bayern wächst. China und Bayerns Partnerprovinz.")
    _fact(library, a, "place", "Chinas")
    _fact(library, a, "place", "China", start=30)
    _fact(library, a, "place", "Bayerns", start=40)
    link_article(library, a)
    assert _entity_of(library, a, "place", "Chinas")[0] == _entity_of(library, a, "place", "China")[0]
    bayern = E.get_entity(library, _entity_of(library, a, "place", "Bayerns")[0])
    assert "Bavaria" in {al["name"] for al in bayern.aliases}


def _german_article(lib, text):
    a = _article(lib, text)
    with lib.transaction() as conn:
        conn.execute("UPDATE articles SET lang = 'de' WHERE id = ?", (a,))
    return a


def test_inflected_adjectives_of_one_german_organisation_are_one_entity_named_in_the_nominative(library):
    a = _german_article(library, "Der Bayerische Landtag tagte. Im Bayerischen Landtag sprach sie. Die Abgeordneten "
                                 "des Bayerischen Landtags und die Bayerische Staatsregierung.")
    for k, name in enumerate(("Bayerische Landtag", "Bayerischen Landtag", "Bayerischen Landtags",
                              "Bayerische Staatsregierung")):
        _fact(library, a, "organization", name, start=10 * k)
    b = _german_article(library, "Bayerischer Landtag, Pressemitteilung.")
    _fact(library, b, "organization", "Bayerischer Landtag")
    for x in (a, b):
        link_article(library, x)
    landtag, status, conf = _entity_of(library, a, "organization", "Bayerische Landtag")
    assert status == "accepted" and conf >= 0.95
    assert _entity_of(library, a, "organization", "Bayerischen Landtag")[0] == landtag
    assert _entity_of(library, a, "organization", "Bayerischen Landtags")[0] == landtag
    assert _entity_of(library, b, "organization", "Bayerischer Landtag")[0] == landtag
    assert E.get_entity(library, landtag).name == "Bayerischer Landtag"
    government = _entity_of(library, a, "organization", "Bayerische Staatsregierung")[0]
    assert government != landtag and E.get_entity(library, government).name == "Bayerische Staatsregierung"
