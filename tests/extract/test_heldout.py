"""The held-out gold is well-formed: every gold string occurs verbatim in its text."""

import json
from pathlib import Path

import pytest

HERE = Path(__file__).parent / "heldout"
FILES = sorted(HERE.glob("*.json")) + sorted((Path(__file__).parent / "heldout2").glob("*.json"))


def test_ten_passages_two_per_language():
    langs = [json.loads(p.read_text(encoding="utf-8"))["lang"] for p in sorted(HERE.glob("*.json"))]
    assert sorted(langs) == sorted(["zh-Hans", "zh-Hant", "ja", "de", "en"] * 2)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_gold_strings_are_in_text(path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = (path.parent / "texts" / gold["file"]).read_text(encoding="utf-8")
    strings = list(gold["organizations"]) + list(gold["places"])
    for p in gold["people"]:
        strings += [p["name"]] + [x for x in (p["title"], p["org"]) if x]
    for key in ("amounts", "percentages", "counts", "dates"):
        strings += [x["text"] for x in gold[key]]
    for e in gold["events"]:
        strings += [e["name"]] + ([e["place"]] if e["place"] else [])
    for a in gold["agreements"]:
        strings += [a["text"]] + a["parties"]
    for s in strings:
        assert s in text, s
