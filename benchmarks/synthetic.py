"""A generator of realistic synthetic articles for benchmarks (mixed languages).

Real news differs from article to article in almost every sentence, so the
generator never copies a sentence whole: each sentence is built from clauses
(taken from the seed articles, split at commas, and from templates written for
this purpose) with their names, places, organisations, dates and figures drawn
afresh.  Two generated articles share hardly any 5-character run beyond common
phrases, as two real articles would, so near-duplicate flags stay close to 0.

The vocabulary is shaped like a regional trade-news corpus: a few words are
common (威海 is the home city of about a quarter of the Chinese articles,
经贸合作 a frequent phrase), most are rare (people's names are drawn from
surnames x given names), and a chosen name (高燕) occurs in a small share.
Deterministic per seed: ``article(i)`` depends only on the seed and ``i``.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞宇浩然文博思远志国庆建新海波燕琳晓东春雷晨阳立辉永成家俊嘉怡佳欣子涵梓轩"
# Weighted: the first cities are far more common, as in a regional news corpus.
_CITIES = [("威海", 19), ("青岛", 20), ("烟台", 12), ("济南", 10), ("潍坊", 6), ("日照", 5), ("淄博", 4),
           ("临沂", 4), ("东营", 3), ("泰安", 3), ("德州", 2), ("聊城", 2), ("滨州", 2), ("枣庄", 1)]
_ABROAD = ["东京", "大阪", "名古屋", "福冈", "横滨", "京都", "札幌", "神户", "首尔", "釜山", "汉堡", "慕尼黑",
           "法兰克福", "杜塞尔多夫", "新加坡", "曼谷", "悉尼", "温哥华"]
_ORG_HEADS = ["贸促会", "商务局", "发改委", "外事办公室", "工商联", "海关", "港务集团", "投资促进中心", "高新区管委会",
              "经济技术开发区", "自贸试验区片区", "中小企业协会", "进出口商会", "国际商会", "科技局", "文化和旅游局"]
_TITLES = ["会长", "副会长", "局长", "副局长", "主任", "副主任", "市长", "副市长", "书记", "理事长", "总经理", "董事长",
           "秘书长", "处长", "总领事", "首席代表"]
_FIELDS = ["新能源汽车", "海洋经济", "跨境电商", "医疗器械", "精细化工", "现代农业", "冷链物流", "氢能", "半导体材料",
           "生物医药", "智能制造", "文化旅游", "服务贸易", "数字经济", "绿色低碳", "港口航运", "食品加工", "纺织服装",
           "机械装备", "预制菜", "渔业", "金融服务", "人工智能", "工业互联网"]
_ZH_VERBS = ["签署了合作协议", "举行了工作会谈", "召开了专题推介会", "开展了线上洽谈", "达成了多项共识", "共同启动了合作项目",
             "考察了重点企业", "出席了开幕式并致辞", "听取了工作汇报", "交换了意见", "走访了园区企业", "举办了对接活动"]
_ZH_TEMPLATES = [
    "{date}，{city}{org}{title}{name}{verb}",
    "{name}表示，{city}将进一步深化与{abroad}在{field}领域的{coop}",
    "{year}年，{city}与{abroad}进出口贸易总额为{amount}亿美元，同比增长{pct}%",
    "截至{year}年{month}月底，{abroad}累计在{city}投资项目{count}个，合同外资{amount}亿美元",
    "{city}{org}组织{count}家企业参加{abroad}{field}展览会",
    "双方围绕{field}、{field2}等议题进行了深入交流",
    "{abroad}客商{name2}介绍了企业在{city}的发展情况",
    "活动吸引了来自{abroad}、{abroad2}的{count}余名客商参加",
    "{city}{field}产业园今年前{month}个月完成投资{amount}亿元",
    "据{city}{org}统计，全市{field}企业已达{count}家",
    "{name}指出，要以{field}为突破口，推动{coop}提质增效",
    "会上，{city}与{abroad}的{count}个项目现场签约，总投资{amount}亿元",
]
_JA_TEMPLATES = [
    "{abroad}の{org}は{date}、{city}市の代表団と{field}分野の協力について会談した",
    "{name}氏は記者会見で、{city}との経済交流を一層強化する考えを示した",
    "両地域の貿易額は{year}年に{amount}億ドルとなり、前年比{pct}%増加した",
    "会議には約{count}社の企業が参加し、{field}や{field2}での連携を議論した",
    "関係者によると、新たな協力協定が{month}月にも署名される見通しだ",
    "{city}市の企業{count}社が{abroad}で開かれた商談会に参加した",
    "{name}理事長は、{field}分野の投資が堅調に推移していると述べた",
    "{abroad}に本社を置く{count}社のうち、{city}に拠点を持つ企業は{pct}%に達した",
    "{year}年{month}月には、{city}と{abroad}を結ぶ定期便が週{count}便に増える",
    "{org}の{name}部長は、{field2}の人材交流も進めたいと語った",
    "{city}の港では{year}年、{field}関連の貨物が{amount}万トン取り扱われた",
    "視察団は{day}日、{abroad}の{field}工場を訪れ、生産ラインを見学した",
]
_JA_ORGS = ["日本貿易振興機構", "商工会議所", "経済同友会", "県庁", "市役所", "日中経済協会", "銀行協会", "港湾局"]
_DE_TEMPLATES = [
    "Die {org} aus {abroad} vereinbarte am {day}. {month_de} mit Vertretern aus {city_en} eine engere Zusammenarbeit im Bereich {field_de}.",
    "Nach Angaben von {name_de} stieg das Handelsvolumen {year} um {pct} Prozent auf {amount} Milliarden US-Dollar.",
    "Rund {count} Unternehmen nahmen an den Gesprächen über {field_de} und {field_de2} teil.",
    "{name_de}, Geschäftsführer der {org}, sprach von einem wichtigen Signal für den Standort {abroad}.",
    "Die Delegation aus {city_en} besuchte in {abroad} mehrere Betriebe aus dem Bereich {field_de}.",
    "Bis Ende {year} sollen in {city_en} weitere {count} Projekte mit einem Volumen von {amount} Millionen Euro entstehen.",
    "Im Hafen von {city_en} wurden im {month_de} {year} rund {amount} Tausend Container umgeschlagen, {pct} Prozent mehr als im Vorjahr.",
    "{name_de} kündigte an, dass die {org} im {month_de} ein Büro in {city_en} eröffnen werde.",
    "Für {field_de} wollen beide Seiten bis {year} gemeinsame Standards erarbeiten.",
    "Auf der Messe in {abroad} stellten {count} Aussteller Lösungen für {field_de} vor.",
    "Die Zahl der Direktflüge zwischen {city_en} und {abroad} soll auf {count} pro Woche steigen.",
    "Laut {org} investierten Firmen aus {abroad} im Jahr {year} etwa {amount} Millionen Euro in {field_de}.",
    "{name_de} betonte, der Austausch über {field_de2} sei für die {org} ebenso wichtig.",
]
_EN_TEMPLATES = [
    "The {org} of {abroad} signed a memorandum with {city_en} on {field_en} cooperation on {month_en} {day}.",
    "{name_de} said trade between the two sides rose {pct} percent to USD {amount} billion in {year}.",
    "More than {count} companies joined the matchmaking sessions on {field_en} and {field_en2}.",
    "A delegation from {city_en} visited {abroad} to meet investors in {field_en}.",
    "Officials expect {count} new projects worth USD {amount} million in {city_en} by {year}.",
    "{name_de}, head of the {org}, called the agreement a milestone for {field_en} in the region.",
    "Container traffic at the port of {city_en} rose {pct} percent in {month_en} {year}.",
    "The {org} plans to open an office in {city_en} in {month_en}, {name_de} told reporters.",
    "Firms from {abroad} invested about USD {amount} million in {field_en} last year, according to the {org}.",
    "Direct flights between {city_en} and {abroad} will increase to {count} a week.",
    "Both sides agreed to work on common standards for {field_en2} by {year}.",
]
_DE_ORGS = ["Industrie- und Handelskammer", "Wirtschaftsförderung", "Handelskammer", "Außenhandelskammer", "Hafenbehörde",
            "Investitionsagentur", "Chamber of Commerce", "Trade Development Council"]
_DE_NAMES = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann", "Koch",
             "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hartmann"]
_DE_GIVEN = ["Anna", "Thomas", "Julia", "Michael", "Katrin", "Stefan", "Laura", "Jan", "Sabine", "Markus", "Emily", "John"]
_DE_FIELDS = ["Elektromobilität", "Wasserstoff", "Medizintechnik", "Logistik", "Maschinenbau", "Halbleiter",
              "Lebensmitteltechnik", "Hafenwirtschaft", "Umwelttechnik", "Digitalisierung", "Chemie", "Tourismus"]
_EN_FIELDS = ["electric vehicles", "hydrogen", "medical devices", "cold-chain logistics", "machinery", "semiconductors",
              "food processing", "port logistics", "green energy", "e-commerce", "biomedicine", "tourism"]
_CITIES_EN = ["Weihai", "Qingdao", "Yantai", "Jinan", "Weifang", "Rizhao", "Zibo", "Linyi"]
_MONTHS_DE = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
              "November", "Dezember"]
_MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December"]
_PUBLISHERS = ["青岛日报", "大众日报", "烟台晚报", "威海新闻网", "観海新聞", "Deutsche Welle", "China Daily", "日本経済新聞"]
_SLOT = re.compile(r"\{(\w+)\}")


def _clauses(text: str, min_len: int) -> list[str]:
    """The seed text cut into clauses (at sentence ends and commas)."""
    parts = re.split(r"[。！？!?；;，,]|(?<=\.)\s+", text)
    return [p.strip() for p in parts if len(p.strip()) >= min_len and "\n" not in p.strip()]


def _load_seed_clauses() -> dict[str, list[str]]:
    from briefbook.ingest.clean import clean_text

    pools: dict[str, list[str]] = {"zh": [], "de": []}
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = clean_text(path.read_text(encoding="utf-8"))
        if path.name.startswith("004"):
            pools["de"].extend(s for s in re.split(r"(?<=\.)\s+", text) if len(s) > 40)
        elif not path.name.startswith("000"):
            pools["zh"].extend(_clauses(text, 6))
    return pools


class ArticleGenerator:
    LANG_WEIGHTS = {"zh-Hans": 50, "zh-Hant": 10, "ja": 10, "de": 15, "en": 15}

    def __init__(self, seed: int = 1, target_name: str = "高燕", target_rate: float = 0.002):
        self.seed = seed
        self.pools = _load_seed_clauses()
        self.target_name = target_name
        self.target_rate = target_rate
        self.langs = list(self.LANG_WEIGHTS)
        self.weights = list(self.LANG_WEIGHTS.values())
        self.cities = [c for c, _ in _CITIES]
        self.city_weights = [w for _, w in _CITIES]

    # -- slots ------------------------------------------------------------------------------
    def _zh_name(self, rng: random.Random) -> str:
        return rng.choice(_SURNAMES) + "".join(rng.choices(_GIVEN, k=rng.choice((1, 2, 2))))

    def _fill(self, rng: random.Random, template: str, home: str) -> str:
        values: dict[str, str] = {}

        def slot(m: re.Match) -> str:
            key = m.group(1)
            if key in values:
                return values[key]
            base = key.rstrip("2")
            if base == "city":
                # Mostly the article's own city; another one now and then, any of them alike.
                v = home if rng.random() < 0.95 else rng.choice(self.cities)
            elif base == "abroad":
                v = rng.choice(_ABROAD)
            elif base == "org":
                v = rng.choice(_JA_ORGS if template in _JA_TEMPLATES else
                               _DE_ORGS if template in _DE_TEMPLATES or template in _EN_TEMPLATES else _ORG_HEADS)
            elif base == "title":
                v = rng.choice(_TITLES)
            elif base == "name":
                v = self._zh_name(rng)
            elif base == "name_de":
                v = f"{rng.choice(_DE_GIVEN)} {rng.choice(_DE_NAMES)}"
            elif base == "coop":
                v = rng.choice(("经贸合作", "务实合作", "交流合作", "产业合作", "投资合作", "互利合作"))
            elif base == "verb":
                v = rng.choice(_ZH_VERBS)
            elif base == "field":
                v = rng.choice(_FIELDS)
            elif base == "field_de":
                v = rng.choice(_DE_FIELDS)
            elif base == "field_en":
                v = rng.choice(_EN_FIELDS)
            elif base == "city_en":
                v = rng.choice(_CITIES_EN)
            elif base == "date":
                v = f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日"
            elif base == "year":
                v = str(rng.randint(2012, 2025))
            elif base == "month":
                v = str(rng.randint(1, 12))
            elif base == "day":
                v = str(rng.randint(1, 28))
            elif base == "month_de":
                v = rng.choice(_MONTHS_DE)
            elif base == "month_en":
                v = rng.choice(_MONTHS_EN)
            elif base == "amount":
                v = f"{rng.uniform(0.5, 400):.2f}"
            elif base == "pct":
                v = f"{rng.uniform(0.1, 35):.1f}"
            else:  # count
                v = str(rng.choice((rng.randint(3, 60), rng.randint(60, 3000))))
            values[key] = v
            return v

        return _SLOT.sub(slot, template)

    def _zh_sentence(self, rng: random.Random, home: str) -> str:
        clauses = []
        for _ in range(rng.choice((1, 2, 2, 3))):
            if rng.random() < 0.5 and self.pools["zh"]:
                clause = rng.choice(self.pools["zh"])
                clause = re.sub(r"\d+(\.\d+)?", lambda _m: str(rng.randint(2, 999)), clause)
                clause = clause.replace("高燕", self._zh_name(rng)).replace("刘家义", self._zh_name(rng))
                clause = clause.replace("青岛", home) if rng.random() < 0.5 else clause
            else:
                clause = self._fill(rng, rng.choice(_ZH_TEMPLATES), home)
            clauses.append(clause)
        if rng.random() < 0.25:
            clauses.insert(0, f"{self._zh_name(rng)}表示")
        return "，".join(clauses) + "。"

    def article(self, index: int) -> tuple[str, str]:
        """(language, text) of article ``index``; about 2.5 KB of text."""
        rng = random.Random(self.seed * 1_000_003 + index)
        lang = rng.choices(self.langs, self.weights)[0]
        home = rng.choices(self.cities, self.city_weights)[0]
        body: list[str] = []
        size = 0
        while size < 2400:
            if lang.startswith("zh"):
                sentence = self._zh_sentence(rng, home)
            elif lang == "ja":
                parts = [self._fill(rng, t, home) for t in rng.sample(_JA_TEMPLATES, rng.choice((1, 2)))]
                sentence = "が、".join(parts) + "。" if len(parts) == 2 and rng.random() < 0.3 else "。".join(parts) + "。"
            elif lang == "de":
                if rng.random() < 0.15 and self.pools["de"]:
                    sentence = re.sub(r"\d+", lambda _m: str(rng.randint(2, 99)), rng.choice(self.pools["de"]))
                else:
                    sentence = self._fill(rng, rng.choice(_DE_TEMPLATES), home)
            else:
                sentence = self._fill(rng, rng.choice(_EN_TEMPLATES), home)
            body.append(sentence)
            size += len(sentence.encode("utf-8"))
        if lang.startswith("zh") and rng.random() < self.target_rate * 3:
            body.insert(rng.randrange(len(body)), f"中国贸促会会长{self.target_name}出席活动并致辞。")
        title = body[0][:30].rstrip("，,。.") + f" ({index})"
        year = rng.randint(2015, 2025)
        stamp = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"
        header = f"{title}\n\n{stamp} {rng.choice(_PUBLISHERS)}\n\n"
        joiner = "" if lang.startswith("zh") or lang == "ja" else " "
        paragraphs = [joiner.join(body[i:i + 4]) for i in range(0, len(body), 4)]
        text = header + "\n\n".join(paragraphs)
        if lang == "zh-Hant":
            from briefbook.core.text import to_traditional

            text = to_traditional(text)
        return lang, text

    def write_files(self, folder: Path, count: int, start: int = 0) -> list[Path]:
        folder.mkdir(parents=True, exist_ok=True)
        paths = []
        for i in range(start, start + count):
            _, text = self.article(i)
            path = folder / f"article_{i:06d}.txt"
            path.write_text(text, encoding="utf-8")
            paths.append(path)
        return paths
