"""A statement's arguments read as text in the review table and card: an agreement's
parties joined as names are written ("甲公司、乙集团", "Siemens, BASF"), not a Python list."""

from briefbook.gui.models.knowledge_model import arg_text, row_details


def test_parties_read_as_a_list_of_names():
    row = {"kind": "agreement", "args": {"parties": ["烟台市政府", "日中经济协会"], "date": "2024-05-22",
                                         "subject": "中日友好倡议", "value": None}}
    assert row_details(row) == "烟台市政府、日中经济协会 · 2024-05-22 · 中日友好倡议"
    assert arg_text(["Siemens", "BASF"]) == "Siemens, BASF"
    assert arg_text(None) == "" and arg_text([]) == ""
    assert "[" not in row_details(dict(row, args={"parties": ["Daimler", "BAIC"]}))


def test_argument_keys_are_labels_in_the_interface_language():
    from briefbook.gui.models.knowledge_model import ARG_LABELS, arg_label
    from briefbook.gui.runtime import i18n

    keys = ("person", "title", "org", "as_of", "name", "date", "place", "organiser", "participants",
            "parties", "subject", "value", "organisation", "parent")
    assert set(keys) <= set(ARG_LABELS)  # every key services/knowledge.py writes
    try:
        i18n.install("de")
        assert [arg_label(k) for k in ("parties", "subject", "organisation")] == \
            ["Vertragsparteien", "Gegenstand", "Organisation"]
        i18n.install("zh_CN")
        assert [arg_label(k) for k in ("title", "parties", "place")] == ["职务", "签署方", "地点"]
        assert all(arg_label(k) != k for k in keys)
    finally:
        i18n.install("en")
    assert arg_label("holder_of_something_new") == "holder_of_something_new"


def test_a_figures_approximation_is_said_in_the_interface_language():
    from briefbook.gui.models.knowledge_model import APPROX_LABELS, approx_label, row_details
    from briefbook.gui.runtime import i18n
    from briefbook.knowledge.approximation import APPROX

    assert set(APPROX) == set(APPROX_LABELS)  # every key the figures layer writes
    row = {"kind": "figure", "subject": "青岛–日本", "approx": "more_than",
           "period": {"start": "2019-01-01", "end": "2019-12-31"}}
    try:
        i18n.install("de")
        assert approx_label(None) == "genau" and approx_label("up_to") == "bis zu"
        assert row_details(row) == "青岛–日本 · 2019 · mehr als"
        i18n.install("zh_CN")
        assert [approx_label(k) for k in ("about", "at_least")] == ["约", "至少"]
    finally:
        i18n.install("en")
    assert approx_label("more_than") == "more than"


def test_an_entity_row_says_what_the_entity_is_in_its_value_column():
    from briefbook.gui.models.knowledge_model import row_value
    from briefbook.gui.runtime import i18n

    person = {"kind": "entity", "entity_kind": "person", "name": "薛慶國", "names": ["薛慶國"],
              "title": "黨委書記", "org": "青島市企業聯合會"}
    org = {"kind": "entity", "entity_kind": "organization", "name": "青島市企業聯合會", "names": ["青島市企業聯合會"],
           "within": {"place": "青島"}}
    place = {"kind": "entity", "entity_kind": "place", "name": "青岛", "names": ["青岛", "青島", "Qingdao", "Tsingtau"]}
    assert row_value(person) == "黨委書記 — 青島市企業聯合會"
    assert row_details(person) == ""  # said once: the title is the value, not a detail
    assert row_value(org) == "in 青島" and row_value(dict(org, within={})) == ""
    assert row_value(place) == "Qingdao" and row_details(place) == "青島 · Tsingtau"
    try:
        i18n.install("de")
        assert row_value(dict(org, within={"parent": "青島市政府"})) == "Teil von 青島市政府"
        i18n.install("zh_CN")
        assert row_value(org) == "位于青島"
    finally:
        i18n.install("en")


def test_an_untitled_article_is_named_by_its_opening_clause():
    from briefbook.core.article import display_title

    lead = "為進一步深化青島企業與日本的經貿往來,建立務實精準的協同合作機制,11月27日至12月1日,由市政府相關部門組成的考察團"
    assert display_title(None, "\n" + lead + "\n第二段") == "為進一步深化青島企業與日本的經貿往來,建立務實精準的協同合作機制…"
    assert display_title(None, "Am Montag trafen sich die Vertreter der Stadt Qingdao in Tokio zu Gesprächen") == \
        "Am Montag trafen sich die Vertreter der…"
    assert display_title(None, "青岛代表团访问东京。随后前往大阪") == "青岛代表团访问东京…"
    assert display_title(None, "Kurz") == "Kurz" and display_title("Titel", lead) == "Titel"
