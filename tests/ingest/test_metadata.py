import pytest

from briefbook.ingest import read_file
from briefbook.ingest.metadata import extract_metadata


@pytest.mark.parametrize("prefix,title,published,time,source,author,lang", [
    ("000", None, None, None, None, "姚墨笛", "zh-Hant"),
    ("001", "威海组织收看“对话山东-日本•山东产业合作交流会”主题研讨会活动", "2020-07-31", "16:53", "威海市贸促会", None, "zh-Hans"),
    ("002", "领衔鲁日合作,青岛进入佳境!", "2020-07-31", "12:18", "青报观象山", "杨光", "zh-Hans"),
    ("003", "市长领衔,“链”上发力!“卷”招商,烟台是认真的", "2024-05-22", "22:36", "烟海e家", "高少帅 衣玉林", "zh-Hans"),
    ("004", "Dialog mit Shandong - das Seminar zu ,Japan-Shandong industrielle Kooperation und Austausch' setzt neue Zeichen", None, None, None, None, "de"),
])
def test_seed_metadata(seeds, prefix, title, published, time, source, author, lang):
    path = next(seeds.glob(f"{prefix}_*.txt"))
    art = read_file(path)
    assert (art.title, art.published, art.published_time, art.source, art.author, art.lang) == (
        title, published, time, source, author, lang)


def test_labelled_and_byline_patterns():
    meta = extract_metadata("标题一行\n发布日期：2023年5月6日 09:30  来源：青岛日报\n正文。\n(记者 王小明)")
    assert meta.published == "2023-05-06" and meta.published_time == "09:30"
    assert meta.source == "青岛日报"
    assert meta.author == "王小明"


def test_invalid_dates_are_ignored():
    meta = extract_metadata("标题\n2020-13-45 10:00 某报\n正文")
    assert meta.published is None


def test_dates_inside_the_story_are_not_the_publication_date():
    body = "标题\n" + "\n".join(f"第{i}段正文。" for i in range(20)) + "\n2019-05-01 12:00 会议举行"
    assert extract_metadata(body).published is None


def test_language_detection_for_japanese_and_english(tmp_path):
    ja = tmp_path / "ja.txt"
    ja.write_text("日本貿易振興機構の理事長は、東京で記者会見を行い、山東省との経済協力について話した。", encoding="utf-8")
    en = tmp_path / "en.txt"
    en.write_text("The Japan External Trade Organization said trade with Qingdao grew by two percent this year.", encoding="utf-8")
    assert read_file(ja).lang == "ja"
    assert read_file(en).lang == "en"
