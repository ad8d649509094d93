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
