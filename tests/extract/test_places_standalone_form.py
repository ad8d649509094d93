"""A place is listed under the form the text uses most on its own: 长春 where the bare
name is at least as frequent, 长春市 where the suffixed one is; uses inside an
organisation's name count for neither (made-up sentences)."""

from __future__ import annotations

from briefbook.extract.pipeline import extract_text


def places(text, lang="zh-Hans"):
    return {f.value["name"] for f in extract_text(text, lang, None) if f.kind == "place"}


def test_the_suffixed_form_wins_when_it_is_more_frequent():
    text = ("长春启动交流周。长春市与金泽市签署协议。长春市代表团访问金泽市。"
            "长春市人民政府外事办公室主任出席。长春市拥有丰富经验。")
    got = places(text)
    assert "长春市" in got and "长春" not in got


def test_the_bare_form_wins_when_it_is_as_frequent():
    got = places("青岛与大阪合作。青岛港口繁忙。青岛市政府代表出席,青岛市与大阪市签约。")
    assert "青岛" in got and "青岛市" not in got


def test_uses_inside_an_organisation_do_not_count():
    got = places("鹿兒島縣與台灣簽約。鹿兒島縣企業來台。鹿兒島產業支援中心理事長出席。", "zh-Hant")
    assert "鹿兒島縣" in got and "鹿兒島" not in got
