"""Durations in Chinese text: a noun after a number of days is no thing counted, 天内
("within so many days") is a duration, minutes are counted (made-up sentences)."""

from __future__ import annotations

from briefbook.extract import extract_text


def counts(text: str, lang: str = "zh-Hans") -> dict[str, tuple[float, str]]:
    out = {}
    for f in extract_text(text, lang, None):
        assert text[f.start:f.end] == f.text
        if f.kind == "count":
            out[f.text] = (f.value["value"], f.value["unit"])
    return out


def test_a_noun_after_a_number_of_days_is_not_what_is_counted():
    got = counts("市长率团展开为期5天城市交流之旅。")
    assert (5, "days") in got.values() and not any(u == "cities" for _v, u in got.values())


def test_within_so_many_days_and_minutes():
    assert (10, "days") in counts("工程在10天内完工。").values()
    assert (40, "minutes") in counts("会谈持续40分钟。").values()
