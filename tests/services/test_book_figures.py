"""The book's key figures come from accepted figures: label in the book's locale, period
in words, approximation in words, every source cited; two articles that disagree on one
figure show both values as a conflict (in the assembled book and the exported PDF)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from briefbook.cli import main
from briefbook.export import export_book
from briefbook.knowledge.period_words import period_words
from briefbook.services.assembling import assemble_book
from briefbook.services.exporting import book_for_export
from briefbook.services.review import decide, list_figures
from briefbook.store import books
from briefbook.store.db import open_library

ARTICLE_A = ("青岛与日本经贸往来密切\n\n2019年，青岛与日本进出口贸易总额为76.43亿美元，同比增长2.1%。"
             "青岛市商务局局长王伟表示，日本是青岛第三大贸易伙伴。\n")
ARTICLE_B = ("日企在青岛投资踊跃\n\n据统计，2019年，青岛与日本进出口贸易总额为72.1亿美元。"
             "日本贸易振兴机构青岛代表处首席代表佐藤一郎出席了活动。\n")


@pytest.mark.parametrize(("start", "end", "loc", "words"), [
    ("2020-01-01", "2020-06-30", "en", "H1 2020"),
    ("2020-01-01", "2020-06-30", "zh-Hans", "2020年上半年"),
    ("2020-01-01", "2020-06-30", "de", "1. Halbjahr 2020"),
    ("2019-01-01", "2019-12-31", "en", "2019"),
    ("2021-01-01", "2021-03-31", "en", "Q1 2021"),
    ("2020-01-01", "2020-05-31", "zh-Hans", "2020年1-5月"),
    (None, "2020-05-31", "zh-Hans", "截至2020年5月31日"),
    (None, None, "en", "period unknown"),
])
def test_period_in_words(start, end, loc, words):
    assert period_words(start, end, loc) == words


@pytest.mark.parametrize(("day", "loc", "words"), [
    ("2020-07-31", "en", "reported 31 Jul 2020"), ("2020-07-31", "de", "Meldung vom 31. Juli 2020"),
    ("2020-07-31", "zh-Hans", "2020年7月31日报道"), ("2020-07-31", "ja", "2020年7月31日報道"),
    (None, "en", "period unknown"),
])
def test_a_figure_without_a_period_is_dated_by_its_report(day, loc, words):
    from briefbook.knowledge.period_words import reported_words

    assert reported_words(day, loc) == words


def _conflicting_library(tmp_path, capsys):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(ARTICLE_A, encoding="utf-8")
    b.write_text(ARTICLE_B, encoding="utf-8")
    path = tmp_path / "lib.briefbook"
    assert main(["import", "--library", str(path), str(a), str(b)]) == 0
    capsys.readouterr()
    return path


@pytest.mark.parametrize("locale", ["zh-Hans", "en"])
def test_a_conflict_reaches_the_book_as_both_values(tmp_path, capsys, locale):
    with open_library(_conflicting_library(tmp_path, capsys)) as lib:
        trade = [f for f in list_figures(lib, locale) if f["measure"] == "trade_volume"]
        assert len(trade) == 2
        decide(lib, "figure", trade[0]["uuid"], "accepted")  # the other value comes with it
        book_id = books.create_book(lib, "Test", locale=locale, outline=[("figures", "Key figures")])
        every = assemble_book(lib, book_id).sections[0].items
        items = [i for i in every if i.kind == "amount"]
        assert [i.value["display"] for i in every if i.kind == "percentage"] == ["2.1%"]  # decided with it
        assert sorted(i.value["display"] for i in items) == sorted(f["display"] for f in trade)
        assert {i.measure for i in items} == {f"{trade[0]['label']} · {trade[0]['subject']}"}
        assert {i.value["period_label"] for i in items} == {"2019年" if locale == "zh-Hans" else "2019"}
        assert {i.source.title for i in items} == {"青岛与日本经贸往来密切", "日企在青岛投资踊跃"}
        # each side keeps the sentence that gives its value in its article
        said = {i.value["display"]: i.value["excerpt"] for i in items}
        assert said[next(f["display"] for f in trade if f["value"] == 7643000000)] == \
            "2019年，青岛与日本进出口贸易总额为76.43亿美元，同比增长2.1%"
        assert said[next(f["display"] for f in trade if f["value"] == 7210000000)] == \
            "据统计，2019年，青岛与日本进出口贸易总额为72.1亿美元"
        if shutil.which("pdftotext") is None:
            return
        pdf = tmp_path / "book.pdf"
        export_book(book_for_export(lib, book_id), pdf, "pdf")  # as the export writes it: localised
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        flat = "".join(text.split())  # a value may wrap inside its table cell
        for f in trade:
            assert "".join(f["display"].split()) in flat
        assert "≠" in text
        if locale == "zh-Hans":  # both sentences printed with their values
            assert "进出口贸易总额为76.43亿美元" in flat and "进出口贸易总额为72.1亿美元" in flat
        else:  # an English reader cannot read them: left out, as untranslated quotes are
            assert "76.43亿美元" not in flat and "72.1亿美元" not in flat


def test_an_unaccepted_figure_stays_out_of_the_book(tmp_path, capsys):
    with open_library(_conflicting_library(tmp_path, capsys)) as lib:
        book_id = books.create_book(lib, "Test", outline=[("figures", "Key figures")])
        assert assemble_book(lib, book_id).sections[0].items == []
        trade = [f for f in list_figures(lib) if f["measure"] == "trade_volume"]
        decide(lib, "figure", trade[0]["uuid"], "accepted")
        decide(lib, "figure", trade[1]["uuid"], "rejected")  # a rejected value does not come along
        items = assemble_book(lib, book_id).sections[0].items
        assert [i.value["display"] for i in items if i.kind == "amount"] == [trade[0]["display"]]


RUNNING_TOTAL = ("德企在济南投资持续增长\n\n截至2021年3月底，德国累计在济南投资项目120个。"
                 "2021年1-3月，德国在济南新设投资项目8个。\n")


def test_a_running_total_and_a_month_range_ending_on_one_day_are_no_conflict(tmp_path, capsys):
    src = tmp_path / "total.txt"
    src.write_text(RUNNING_TOTAL, encoding="utf-8")
    path = tmp_path / "lib.briefbook"
    assert main(["import", "--library", str(path), str(src)]) == 0
    capsys.readouterr()
    with open_library(path) as lib:
        projects = [f for f in list_figures(lib, "en") if f["value"] in (120, 8)]
        assert len(projects) == 2 and not any(f["conflicts"] for f in projects)
        assert {f["period"]["end"] for f in projects} == {"2021-03-31"}  # both end on one day
        for f in projects:
            decide(lib, "figure", f["uuid"], "accepted")
        book_id = books.create_book(lib, "Test", locale="en", outline=[("figures", "Key figures")])
        items = [i for i in assemble_book(lib, book_id).sections[0].items if i.value.get("value") in (120, 8)]
        assert len(items) == 2
        assert items[0].value["claim"] != items[1].value["claim"]
        from briefbook.export import build_layout
        from briefbook.export import layout as L

        doc, _ = build_layout(book_for_export(lib, book_id))
        assert not any(b.highlight for b in doc.blocks if isinstance(b, L.Table))


def test_rivals_of_rivals_share_one_claim():
    from briefbook.services.book_figures import _claims

    figures = [{"uuid": "c", "conflicts": [{"uuid": "a"}]}, {"uuid": "b", "conflicts": [{"uuid": "a"}]},
               {"uuid": "a", "conflicts": [{"uuid": "b"}, {"uuid": "c"}]}, {"uuid": "d", "conflicts": []}]
    assert _claims(figures) == {"a": "a", "b": "a", "c": "a", "d": "d"}
