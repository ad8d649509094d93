"""core/text.py: one set of script classes, one OpenCC per direction, one language detector."""

from __future__ import annotations

import re
import threading

import pytest

from briefbook.core import text
from briefbook.core.text import (
    CJK,
    HAN,
    chinese_script,
    converter,
    count_scripts,
    detect_language,
    has_cjk,
    is_cjk,
    is_cjk_punct,
    is_han,
    is_hangul,
    is_kana,
    is_latin,
    is_shinjitai,
    simplified_char,
    to_simplified,
    to_traditional,
)


@pytest.mark.parametrize("ch", ["一", "龥", "㐀", "丽", "𠀀", "𪚥", "𠮷", "\U00030000", "々", "〇"])
def test_han_includes_extensions_compatibility_and_astral(ch):
    assert is_han(ch) and is_cjk(ch)
    assert not is_kana(ch) and not is_latin(ch) and not is_cjk_punct(ch)


@pytest.mark.parametrize("ch", ["あ", "ん", "ア", "ヶ", "ー", "ㇰ", "ｱ", "ﾝ", "\U0001b001"])
def test_kana(ch):
    assert is_kana(ch) and is_cjk(ch) and not is_han(ch)


@pytest.mark.parametrize("ch", ["，", "。", "、", "「", "」", "（", "）", "！", "？", "：", "；", "～", "・", "〜", "｡", "《", "》"])
def test_full_width_and_cjk_punctuation(ch):
    assert is_cjk_punct(ch)
    assert not is_cjk(ch) and not is_latin(ch)


@pytest.mark.parametrize("ch", ["　", "a", ",", "々", "ー", "ａ", "5", "漢"])
def test_not_cjk_punctuation(ch):
    assert not is_cjk_punct(ch)


def test_latin_and_hangul():
    for ch in "aZéßḿǚＡｚ":
        assert is_latin(ch), ch
    for ch in "5_Жα漢":
        assert not is_latin(ch), ch
    assert is_hangul("한") and not is_cjk("한")
    assert not is_han("") and not is_han("漢字")  # one character at a time


def test_regex_classes_agree_with_the_predicates():
    han_re, cjk_re = re.compile(f"[{HAN}]"), re.compile(f"[{CJK}]")
    sample = "漢字𠀀𪚥丽々〇あア・ー，abc한〆"
    assert [bool(han_re.fullmatch(c)) for c in sample] == [is_han(c) for c in sample]
    assert [bool(cjk_re.fullmatch(c)) for c in sample] == [is_cjk(c) for c in sample]


def test_count_scripts():
    counts = count_scripts("Ab é 漢字𠀀 かなー・ 한글 ЖЖ 12_")
    assert counts == (3, 3, 2, 3, 2)
    assert has_cjk("Gao Yan (高燕)") and has_cjk("ユニクロ") and not has_cjk("Gao Yan") and not has_cjk("")


def test_conversion_and_one_converter_per_direction():
    assert to_simplified("張琳與經濟") == "张琳与经济"
    assert to_traditional("张琳与经济") == "張琳與經濟"
    assert converter("t2s") is converter("t2s")
    assert simplified_char("經") == "经" and simplified_char("a") == "a"
    with pytest.raises(ValueError):
        converter("no-such-config")


def test_converter_made_once_under_concurrent_first_use(monkeypatch):
    monkeypatch.setattr(text, "_CONVERTERS", {})
    seen = []
    barrier = threading.Barrier(8)

    def ask():
        barrier.wait()
        seen.append(converter("s2t"))

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(seen) == 8 and len({id(c) for c in seen}) == 1


def test_shinjitai():
    for ch in "発県歳経駅":
        assert is_shinjitai(ch), ch
    # Simplified, Traditional, shared, and mere glyph variants are not Japanese-only.
    for ch in "发發县縣研国國人a":
        assert not is_shinjitai(ch), ch


def test_chinese_script_keeps_phrases_whole():
    assert chinese_script("經濟貿易合作") == "zh-Hant"
    assert chinese_script("经济贸易合作") == "zh-Hans"
    # 里 is Simplified for 裏 but also Traditional (公里): the phrase decides.
    assert chinese_script("總面積24平方公里") == "zh-Hant"


@pytest.mark.parametrize(("sample", "lang"), [
    ("青岛市企业联合会赴日本东京开展经贸考察，双方签署了合作协议。", "zh-Hans"),
    ("青島市企業聯合會赴日本東京開展經貿考察，雙方簽署了合作協議。", "zh-Hant"),
    ("同年、三井物産株式会社へ入社。", "ja"),           # one kana particle
    ("3歳以下無料。", "ja"),                           # kanji only, told by its shinjitai
    ("愛知県経済団体連合会", "ja"),
    ("中国国际贸易促进委员会会长高燕会见日本经济团体联合会代表团", "zh-Hans"),
    ("Mandrakesoft、Lycoris、Conectivaの合併で設立された。", "ja"),  # Latin names in Japanese prose
    ("Der Untergremium des chinesischen Rats zur internationalen Wirtschaftsförderung.", "de"),
    ("Selten ist er dreiteilig.", "de"),
    ("The delegation met the mayor of Qingdao and signed three agreements.", "en"),
    ("Debra Perlingiere", "en"),   # a name: no German evidence
    ("Hi.", "en"),
    ("Gao Yan (高燕), chair of the China Council for the Promotion of International Trade", "en"),
    ("한국무역협회 회장이 칭다오를 방문했다", "ko"),
])
def test_detect_language(sample, lang):
    assert detect_language(sample) == lang


def test_detect_language_without_letters():
    assert detect_language("12:30 — 2020/07/31 ???") is None
    assert detect_language("", default="en") == "en"


def test_a_chinese_article_quoting_a_japanese_place_stays_chinese():
    article = "据悉，代表团访问了爱知县。" + "双方就经贸合作、人才交流等议题进行了深入交流。" * 20 + "愛知県"
    assert detect_language(article) == "zh-Hans"


def test_detect_language_on_the_seeds(seeds):
    found = {p.name[:3]: detect_language(p.read_text(encoding="utf-8")) for p in sorted(seeds.glob("*.txt"))}
    assert found == {"000": "zh-Hant", "001": "zh-Hans", "002": "zh-Hans", "003": "zh-Hans", "004": "de"}


def test_per_char_simplification_keeps_the_length():
    sample = "經濟 ABC 乾隆 𠀀"
    same = text.to_simplified_per_char(sample)
    assert len(same) == len(sample) and same.startswith("经济 ABC")


def test_display_title_is_the_first_line_that_is_not_blank():
    from briefbook.core.article import display_title

    assert display_title(None, "\n \u3000\n  为进一步深化合作。后来\n第二行") == "为进一步深化合作…"
    assert display_title(None, "\r\n\x0c Kurz\u2028Zweite Zeile") == "Kurz"
    assert display_title(None, "  \n\t ") == "" and display_title(None, None) == ""
    assert display_title("Titel", "Text") == "Titel"
