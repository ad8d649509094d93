from briefbook.ingest.clean import clean_text, strip_pinyin


def test_pinyin_readings_removed_real_parentheses_kept():
    text = "在考察日本貿易振興機(jī)構(gòu)(JETRO)、日本科學(xué)技術(shù)中心(JST)時，中國(中国)代表(文/姚墨笛)"
    assert strip_pinyin(text) == "在考察日本貿易振興機構(JETRO)、日本科學技術中心(JST)時，中國(中国)代表(文/姚墨笛)"


def test_pinyin_needs_a_han_character_before_it():
    assert strip_pinyin("the value (a) and (jīng)") == "the value (a) and (jīng)"


def test_boilerplate_lines_dropped_story_kept():
    raw = "\n".join([
        "打开APP", "小贴士", "2步打开 观海新闻客户端", "  • 点击右上角“…” 按钮", "当前位置:首页 >> 贸促要闻",
        "贸促要闻", "领衔鲁日合作,青岛进入佳境!", "", "2020-07-31 12:18 青报观象山",
        "7月30日上午,主题研讨会举行。", "0", "最热评论", "来说两句吧...", "打印本页 关闭窗口", "分享到: 新浪微博 微信",
        "template 'mobile_v5/common/wake'",
    ])
    cleaned = clean_text(raw)
    assert cleaned.splitlines() == ["领衔鲁日合作,青岛进入佳境!", "", "2020-07-31 12:18 青报观象山",
                                    "7月30日上午,主题研讨会举行。"]


def test_junk_fullwidth_and_spaces():
    raw = "金额????为１２３亿元\u00a0，\u200b日期２０２０年�"
    assert clean_text(raw) == "金额为123亿元 ，日期2020年"


def test_long_lines_are_never_boilerplate():
    sentence = "分享到" + "这是一段很长的正文内容" * 10
    assert clean_text(sentence) == sentence


def test_seed_000_has_no_pinyin_noise(seeds):
    raw = (seeds / "000_3ebfe10b21f1d64b.txt").read_text(encoding="utf-8")
    cleaned = clean_text(raw)
    assert "(jīng)" not in cleaned and "經貿" in cleaned
    assert "(JETRO)" in cleaned and "(文/姚墨笛)" in cleaned


def test_seed_002_loses_its_app_banner_and_comment_box(seeds):
    cleaned = clean_text((seeds / "002_c320e77e199fd4ca.txt").read_text(encoding="utf-8"))
    for junk in ("打开APP", "小贴士", "点击右上角", "来说两句吧", "最热评论", "template"):
        assert junk not in cleaned
    assert cleaned.startswith("领衔鲁日合作,青岛进入佳境!")
    assert "作者 | 杨光" in cleaned
