from briefbook.knowledge.conflicts import conflict_key, rivals


def fig(value, measure="exports", subject="中国 → 日本", period=("2020-01-01", "2020-12-31"), **kw):
    return {"measure": measure, "subject": subject, "period_start": period[0] if period else None,
            "period_end": period[1] if period else None, "unit": None, "currency": "USD", "value": value, **kw}


def test_another_value_for_the_same_claim_is_a_rival():
    figs = [fig(5e9), fig(5.1e9), fig(5e9)]
    assert rivals(figs) == {0: [1], 1: [0, 2], 2: [1]}


def test_a_figure_without_measure_subject_or_period_has_no_rival():
    assert conflict_key(fig(1, measure="unknown")) is None
    assert conflict_key(fig(1, subject=None)) is None
    assert conflict_key(fig(1, period=None)) is None
    assert rivals([fig(1, period=None), fig(2, period=None)]) == {}


def test_rates_of_different_measures_units_or_periods_are_no_rivals():
    rate = {"measure": "growth_rate", "unit": "percent", "currency": None}
    figs = [fig(12.5, **rate, qualified="exports"), fig(25.0, **rate, qualified="number_of_projects"),
            fig(1.5, **dict(rate, unit="percentage_points"), qualified="exports"),
            fig(9.0, **rate, qualified="exports", period=("2020-01-01", "2020-05-31")),
            fig(11.0, **rate, qualified="exports")]
    assert rivals(figs) == {0: [4], 4: [0]}


def test_counts_of_different_things_are_no_rivals():
    count = {"measure": "number_of_projects", "currency": None}
    assert rivals([fig(15, **count, scope="重点项目"), fig(40, **count, scope="外资项目")]) == {}
    assert rivals([fig(15, **count, scope="重点项目"), fig(40, **count, scope="重点项目")]) == {0: [1], 1: [0]}
