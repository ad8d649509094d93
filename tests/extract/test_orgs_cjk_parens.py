"""Chinese organisation names and parentheses: a name may hold a pair of parentheses
but never half of one."""

from __future__ import annotations

from briefbook.extract import extract_text


def orgs(text, lang="zh-Hans"):
    out = set()
    for f in extract_text(text, lang, None):
        assert text[f.start:f.end] == f.text
        if f.kind == "organization":
            out.add(f.text)
    return out


def test_a_name_does_not_start_inside_an_open_parenthesis():
    got = orgs("校务委员会任命李方训（原金陵大学校长）为第二副校长。")
    assert "金陵大学" in got
    assert not any("（" in o or "(" in o for o in got)


def test_a_name_does_not_reach_back_over_a_closing_parenthesis():
    got = orgs("（本报讯）中国人民银行今天发布公告。")
    assert "中国人民银行" in got
    assert not any("）" in o or ")" in o for o in got)


def test_a_pair_of_parentheses_inside_a_name_stays():
    assert "瑞穗银行(中国)有限公司青岛分行" in orgs("瑞穗银行(中国)有限公司青岛分行今天开业。")
