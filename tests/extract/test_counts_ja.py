"""Japanese counters: カ所 (sites), カ月 (a duration), カ国 (countries), 位 (a rank, no count)."""

from briefbook.extract import extract_text


def _counts(text):
    return [(f.text, (f.value or {}).get("unit"), (f.value or {}).get("value"))
            for f in extract_text(text, "ja", "2022-07-31") if f.kind == "count"]


def test_sites_take_the_noun_before_them():
    assert _counts("工場は3か所ある。") == [("3か所", "sites", 3)]
    assert _counts("全国の都市15カ所で開かれた。") == [("都市15カ所", "cities", 15)]


def test_months_are_a_duration_and_take_no_noun():
    assert _counts("輸出は6カ月連続で増えた。") == [("6カ月", "months", 6)]


def test_countries_are_not_the_companies_after_them():
    assert _counts("10カ国の企業が参加した。") == [("10カ国", "countries", 10)]


def test_a_place_in_a_ranking_is_no_count():
    assert _counts("青島は全国で4位に躍進した。") == []
