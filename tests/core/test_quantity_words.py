"""One table of units, approximations and fractions for review, CLI and book: every unit
the extractor or the measure vocabulary can give a count is labelled in every locale."""

import pytest

from briefbook.core.quantity_words import APPROX, FRACTION_WORDS, LOCALES, UNITS, unit_label
from briefbook.export.locale import format_count
from briefbook.extract import dictionaries
from briefbook.extract.quantities import COUNTABLE, DE_UNITS
from briefbook.knowledge.display import format_value
from briefbook.knowledge.measures import default_vocabulary


def _produced_units() -> set[str]:
    d = dictionaries.get()
    units = set(d.units.words.values()) | set(d.unit_nouns.words.values())
    units |= set(DE_UNITS.values()) | COUNTABLE
    units |= {u for m in default_vocabulary().measures for u in m.units}
    return {u for u in units if u}


def test_every_unit_the_extractor_or_a_measure_gives_has_a_label_in_every_locale():
    produced = _produced_units()
    assert {"companies", "TEU", "tonnes", "hectares", "sets", "flights", "containers"} <= produced | set(UNITS)
    missing = sorted(u for u in produced if u not in UNITS)
    assert missing == []
    for unit, labels in UNITS.items():
        assert set(labels) == set(LOCALES), unit
        assert all(label.strip() for label in labels.values()), unit


def test_the_same_words_in_review_and_in_the_book():
    for loc in LOCALES:
        for unit in ("companies", "visitors", "TEU", "square_metres", "vehicles", "sets"):
            shown = format_value("count", 12, unit=unit, approx="more_than", locale=loc)
            assert unit_label(unit, loc) in shown
            assert unit_label(unit, loc) in format_count(12, unit, "more_than", loc)
    assert format_value("count", 1000, unit="companies", approx="more_than", locale="zh-Hans") == "超过1000家企业"
    assert format_count(1000, "companies", "more_than", "zh-Hans") == "超过1000家企业"
    assert format_value("count", 50000, unit="tonnes", approx="about", locale="de").startswith("etwa ")


@pytest.mark.parametrize("table", [APPROX, FRACTION_WORDS])
def test_approximation_and_fraction_words_cover_every_locale(table):
    for key, labels in table.items():
        assert set(labels) == set(LOCALES), key


def test_an_unknown_unit_has_no_label():
    assert unit_label("widgets", "de") is None
    assert unit_label(None, "en") is None
