"""A counterpart's agreements in the book come from the agreement claims the user accepted
for the trip, not from mentions: one row per claim however many articles report it (each
cited), parties and dates in the book's language, nothing dated after the trip unless the
user chose it for this trip, nothing the user rejected even when its mentions were accepted; the
same trip rule for a profile's figures."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from briefbook.cli import main
from briefbook.export import export_book
from briefbook.services import mention_edits
from briefbook.services.exporting import book_for_export
from briefbook.services.review import decide, list_statements
from briefbook.store import books
from briefbook.store import entities as entity_store
from briefbook.store import facts as fact_store
from briefbook.store.db import open_library

SIGNING = "7月30日，青岛市政府与日本贸易振兴机构签署《经贸合作备忘录》。"
ARTICLES = {
    "a.txt": f"青岛与日本企业合作签约\n\n2020年7月31日 青岛日报\n\n{SIGNING}日本贸易振兴机构理事长佐佐木伸彦出席签约仪式。\n",
    "b.txt": f"日本贸易振兴机构与青岛深化合作\n\n2020年7月31日 大众日报\n\n{SIGNING[:-1]}，双方将共同推动产业合作。\n",
    "c.txt": "烟台与日本企业签约\n\n2024年5月22日 烟台日报\n\n5月21日，烟台市政府与日本贸易振兴机构签署《投资促进合作协议》。\n",
}


@pytest.fixture
def library(tmp_path, capsys):
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    path = tmp_path / "lib.briefbook"
    assert main(["import", "--library", str(path), *(str(tmp_path / n) for n in ARTICLES)]) == 0
    capsys.readouterr()
    return path


def _claim(lib, subject):
    return next(s for s in list_statements(lib) if s["kind"] == "agreement" and s["args"]["subject"] == subject)


def _book(lib, locale):
    trip = books.save_trip(lib, books.TripRow(None, "Tokyo 2020", ["Tokyo"], "2020-11-27", "2020-12-01"))
    jetro = entity_store.find_entities(lib, "organization", "日本贸易振兴机构")[0]
    book_id = books.create_book(lib, "Test", trip, locale=locale, outline=[("profile", "Counterparts")])
    parent = books.sections(lib, book_id)[0]["id"]
    books.add_section(lib, book_id, "profile", "JETRO", parent_id=parent, settings={"entity_id": jetro})
    return trip, book_id


def _agreements(lib, book_id, locale):
    book = book_for_export(lib, book_id, locale=locale)
    return [i for i in book.sections[0].children[0].items if getattr(i, "kind", None) == "agreement"]


def test_the_book_takes_the_agreements_accepted_for_the_trip(library):
    with open_library(library) as lib:
        trip, book_id = _book(lib, "de")
        memo, yantai = _claim(lib, "经贸合作备忘录"), _claim(lib, "投资促进合作协议")
        assert memo["articles"] == [1, 2]  # two articles, one claim
        assert _agreements(lib, book_id, "de") == []  # proposed: not in the book
        decide(lib, "agreement", memo["uuid"], "accepted")
        decide(lib, "agreement", yantai["uuid"], "accepted")
        [row] = _agreements(lib, book_id, "de")  # the 2024 signing is after the trip
        assert row.value["subject"] == "经贸合作备忘录"
        assert row.value["parties"] == ["青岛市政府", "日本贸易振兴机构"]
        assert row.translations["de"]["parties"] == ["Stadtregierung Qingdao", "Japanische Außenhandelsorganisation (JETRO)"]
        assert [s.title for s in (row.source, *row.more_sources)] == ["青岛与日本企业合作签约", "日本贸易振兴机构与青岛深化合作"]
        assert row.value["date_label"] == "Meldung vom 31. Juli 2020"  # the day it was reported, said as such
        # chosen for this trip by the user: it comes in after all
        decide(lib, "agreement", yantai["uuid"], "accepted", {"trip": trip})
        assert [r.value["subject"] for r in _agreements(lib, book_id, "de")] == ["投资促进合作协议", "经贸合作备忘录"]


def test_a_rejected_agreement_stays_out_though_its_mentions_were_accepted(library):
    with open_library(library) as lib:
        _trip, book_id = _book(lib, "en")
        mentions = [f.id for a in (1, 2, 3) for f in fact_store.facts_for_article(lib, a) if f.kind == "agreement"]
        mention_edits.set_mention_status(lib, mentions, "accepted")
        assert _agreements(lib, book_id, "en") == []  # accepted mentions are not an accepted claim
        memo = _claim(lib, "经贸合作备忘录")
        decide(lib, "agreement", memo["uuid"], "accepted")
        assert len(_agreements(lib, book_id, "en")) == 1
        decide(lib, "agreement", memo["uuid"], "rejected")
        assert _agreements(lib, book_id, "en") == []


@pytest.mark.parametrize("locale", ["de", "zh-Hans"])
def test_the_agreement_prints_with_labels_in_the_book_language(library, tmp_path, locale):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed")
    with open_library(library) as lib:
        _trip, book_id = _book(lib, locale)
        decide(lib, "agreement", _claim(lib, "经贸合作备忘录")["uuid"], "accepted")
        pdf = tmp_path / "book.pdf"
        export_book(book_for_export(lib, book_id, locale=locale), pdf, "pdf")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = "".join(text.split())
    if locale == "de":
        assert "Vereinbarung (经贸合作备忘录)" in text and "Parteien: Stadtregierung Qingdao" in text
        assert "Meldung vom 31." in text and "签约方" not in text and "[1][2]" in flat
        assert re.search(r"Datum\s+Vereinbarung\s+Quelle", text)  # the column says what it holds (no event)
    else:
        assert "协议：经贸合作备忘录" in flat and "签约方：" in flat and "2020年7月31日报道" in flat
        assert "[1][2]" in flat  # both reports cited


def test_a_profile_figure_reported_after_the_trip_needs_choosing_for_it(tmp_path, capsys):
    from briefbook.services.review import list_figures

    text = "日本贸易振兴机构在烟台投资\n\n2024年5月22日 烟台日报\n\n2023年，日本贸易振兴机构在烟台举办对接会12场，签约项目46个。\n"
    (tmp_path / "d.txt").write_text(text, encoding="utf-8")
    path = tmp_path / "lib.briefbook"
    assert main(["import", "--library", str(path), str(tmp_path / "d.txt")]) == 0
    capsys.readouterr()
    with open_library(path) as lib:
        trip, book_id = _book(lib, "en")
        figures = [f for f in list_figures(lib) if f["kind"] == "count"]
        assert figures
        for f in figures:
            decide(lib, "figure", f["uuid"], "accepted")

        def shown():
            items = book_for_export(lib, book_id).sections[0].children[0].items
            return sorted(i.value["value"] for i in items if getattr(i, "kind", None) == "count")

        assert shown() == []  # reported in 2024: not this 2020 trip's
        decide(lib, "figure", figures[0]["uuid"], "accepted", {"trip": trip})
        assert shown() == [figures[0]["value"]]
