"""A running total beside a figure of a period is the total as of the period's end, on
constructed sentences; the same word alone, or with its own period, keeps that period."""

import pytest

from briefbook.extract import extract_text
from briefbook.knowledge.conflicts import rivals
from briefbook.knowledge.figures import read_figures


def _read(text, lang, published="2021-04-10"):
    return read_figures(text, lang, published, extract_text(text, lang, published))


def _period(figs, part):
    fig = next(f for f in figs if part in f.text)
    return (fig.period.start, fig.period.end, fig.period.kind) if fig.period else None


@pytest.mark.parametrize(("text", "lang", "total"), [
    ("2021年1-3月，德国在济南新设投资项目8个，累计投资项目120个。", "zh-Hans", "120个"),
    ("2021年1-3月，德国在济南新设投资项目8个。德国累计在济南投资项目120个。", "zh-Hans", "120个"),
    ("In den ersten drei Monaten 2021 entstanden in Jinan 8 deutsche Projekte, insgesamt sind es 120 Projekte.",
     "de", "120"),
    ("In the first quarter of 2021 German firms started 8 projects in Jinan, bringing the total to 120 projects.",
     "en", "120"),
])
def test_a_running_total_is_as_of_the_end_of_the_period_beside_it(text, lang, total):
    figs = _read(text, lang)
    assert _period(figs, "8") == ("2021-01-01", "2021-03-31", "quarter")
    assert _period(figs, total) == (None, "2021-03-31", "as_of")
    rows = [{"measure": f.measure, "subject": f.subject.display() if f.subject else None,
             "period_start": f.period.start if f.period else None, "period_end": f.period.end if f.period else None,
             "unit": f.unit, "currency": f.currency, "value": f.value} for f in figs]
    assert rivals(rows) == {}


def test_a_cumulative_word_alone_keeps_its_period():
    figs = _read("2021年1-5月，济南累计进出口200亿元。", "zh-Hans")
    assert _period(figs, "200亿元") == ("2021-01-01", "2021-05-31", "months")


def test_a_total_whose_clause_names_its_period_keeps_it():
    figs = _read("Die Exporte nach Polen stiegen auf 5 Milliarden Euro. Insgesamt erreichten die Exporte "
                 "im ersten Quartal 2021 dann 90 Milliarden Euro, die Exporte nach Polen im ersten Quartal 2021 "
                 "4 Milliarden Euro.", "de")
    assert _period(figs, "90 Milliarden") == ("2021-01-01", "2021-03-31", "quarter")
