"""A generator of realistic synthetic articles for benchmarks (mixed languages).

Sentences come from the seed articles (Chinese, German) plus a few Japanese and
English ones written for this purpose; each article gets a headline, a
timestamp line with a publisher, random people's names and figures, so search
and import see text shaped like the real thing.  Deterministic per seed.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_JA = [
    "日本貿易振興機構の理事長は、東京で記者会見を行い、山東省との経済協力について話した。",
    "青島市の代表団は大阪を訪れ、現地企業との商談会に参加した。",
    "両国の貿易額は前年比で増加し、投資も堅調に推移している。",
    "関係者によると、新たな協力協定が来月にも署名される見通しだ。",
    "会議には約二百社の企業が参加し、環境技術や医療分野での連携を議論した。",
    "市長は記者団に対し、日本企業の誘致を一層強化する考えを示した。",
]
_EN = [
    "The Japan External Trade Organization said trade with Shandong grew steadily this year.",
    "A delegation from Qingdao visited Tokyo to meet investors and business associations.",
    "Officials signed a memorandum of understanding on green hydrogen cooperation.",
    "More than 200 companies took part in the online matchmaking sessions.",
    "The governor said the province would further open its free trade zone to foreign firms.",
    "Bilateral trade reached USD 6.2 billion in the first half of the year, up 2.1 percent.",
]
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞宇浩然文博思远志国庆建新海波燕琳"
_GERMAN_NAMES = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann", "Koch"]
_PUBLISHERS = ["青岛日报", "大众日报", "烟台晚报", "威海新闻网", "観海新聞", "Deutsche Welle", "China Daily", "日本経済新聞"]


def _sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[。！？!?])|(?<=\.)\s+", text)
    return [p.strip() for p in parts if len(p.strip()) > 12]


def _load_pools() -> dict[str, list[str]]:
    from briefbook.core.chinese import to_traditional
    from briefbook.ingest.clean import clean_text

    pools: dict[str, list[str]] = {"zh-Hans": [], "de": []}
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = clean_text(path.read_text(encoding="utf-8"))
        key = "de" if path.name.startswith("004") else "zh-Hans"
        if path.name.startswith("000"):
            continue
        pools[key].extend(_sentences(text))
    pools["zh-Hant"] = [to_traditional(s) for s in pools["zh-Hans"]]
    pools["ja"] = list(_JA)
    pools["en"] = list(_EN)
    return pools


class ArticleGenerator:
    LANG_WEIGHTS = {"zh-Hans": 50, "zh-Hant": 10, "ja": 10, "de": 15, "en": 15}

    def __init__(self, seed: int = 1, target_name: str = "高燕", target_rate: float = 0.002):
        self.rng = random.Random(seed)
        self.pools = _load_pools()
        self.target_name = target_name
        self.target_rate = target_rate
        self.langs = list(self.LANG_WEIGHTS)
        self.weights = list(self.LANG_WEIGHTS.values())

    def _name(self, lang: str) -> str:
        if lang in ("de", "en"):
            return self.rng.choice(_GERMAN_NAMES)
        return self.rng.choice(_SURNAMES) + "".join(self.rng.choices(_GIVEN, k=self.rng.choice((1, 2))))

    def article(self, index: int) -> tuple[str, str]:
        """(language, text) of article ``index``; about 2.5 KB of text."""
        rng = self.rng
        lang = rng.choices(self.langs, self.weights)[0]
        pool = self.pools[lang]
        body: list[str] = []
        size = 0
        while size < 2400:
            sentence = rng.choice(pool)
            if lang.startswith("zh") or lang == "ja":
                sentence = sentence.replace("高燕", self._name(lang)).replace("刘家义", self._name(lang))
                if rng.random() < 0.3:
                    sentence = f"{self._name(lang)}表示，" + sentence
            body.append(sentence)
            size += len(sentence.encode("utf-8"))
        if rng.random() < self.target_rate * 3 and lang.startswith("zh"):
            body.insert(rng.randrange(len(body)), f"中国贸促会会长{self.target_name}出席活动并致辞。")
        title = body[0][:30].rstrip("，,。.") + f" ({index})"
        year = rng.randint(2015, 2025)
        stamp = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"
        header = f"{title}\n\n{stamp} {rng.choice(_PUBLISHERS)}\n\n"
        joiner = "" if lang.startswith("zh") or lang == "ja" else " "
        paragraphs = [joiner.join(body[i:i + 4]) for i in range(0, len(body), 4)]
        return lang, header + "\n\n".join(paragraphs)

    def write_files(self, folder: Path, count: int, start: int = 0) -> list[Path]:
        folder.mkdir(parents=True, exist_ok=True)
        paths = []
        for i in range(start, start + count):
            _, text = self.article(i)
            path = folder / f"article_{i:06d}.txt"
            path.write_text(text, encoding="utf-8")
            paths.append(path)
        return paths
