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
