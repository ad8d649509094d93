"""The words a figure's value is shown with in every book locale: count units,
approximations, fractions and CJK currency names.

One table for every user: the knowledge layer (figures in review and the CLI) and
the book's export format values with these same words, so a figure reads the
same everywhere.  Book locales are en, de, zh-Hans, zh-Hant, ja.

A count unit is the name the extractor gives a count ("companies" for 家 / 社 /
Unternehmen / companies); its CJK label is the counter and noun written after the
number (5家企业, 5社), its en/de label the plural noun after it (5 companies).
"""

from __future__ import annotations

LOCALES = ("en", "de", "zh-Hans", "zh-Hant", "ja")

# unit -> (en, de, zh-Hans, zh-Hant, ja)
_UNIT_ROWS: dict[str, tuple[str, str, str, str, str]] = {
    # companies and organisations
    "companies": ("companies", "Unternehmen", "家企业", "家企業", "社"),
    "firms": ("firms", "Firmen", "家企业", "家企業", "社"),
    "enterprises": ("enterprises", "Unternehmen", "家企业", "家企業", "社"),
    "businesses": ("businesses", "Betriebe", "家企业", "家企業", "社"),
    "partners": ("partners", "Partner", "家合作单位", "家合作單位", "社"),
    "member_units": ("member organisations", "Mitgliedsorganisationen", "家会员单位", "家會員單位", "会員"),
    "members": ("members", "Mitglieder", "名会员", "名會員", "会員"),
    "organisations": ("organisations", "Organisationen", "家机构", "家機構", "団体"),
    "institutions": ("institutions", "Einrichtungen", "所机构", "所機構", "機関"),
    "associations": ("associations", "Verbände", "家协会", "家協會", "団体"),
    "agencies": ("agencies", "Behörden", "家机构", "家機構", "機関"),
    "departments": ("departments", "Behörden", "个部门", "個部門", "部門"),
    "departments_and_units": ("departments and units", "Behörden und Stellen", "个部门和单位", "個部門和單位",
                              "部門・機関"),
    "units": ("units", "Einheiten", "个", "個", "件"),  # 台 (machines) and 单位 (work units) alike
    "industries": ("industries", "Branchen", "个产业", "個產業", "産業"),
    "sectors": ("sectors", "Branchen", "个行业", "個行業", "業種"),
    "banks": ("banks", "Banken", "家银行", "家銀行", "行"),
    "investors": ("investors", "Investoren", "名投资者", "名投資者", "投資家"),
    "exhibitors": ("exhibitors", "Aussteller", "家展商", "家展商", "出展者"),
    "booths": ("booths", "Stände", "个展位", "個展位", "ブース"),
    # projects, agreements, events
    "projects": ("projects", "Projekte", "个项目", "個項目", "件"),
    "agreements": ("agreements", "Abkommen", "份协议", "份協議", "件"),
    "contracts": ("contracts", "Verträge", "份合同", "份合同", "件"),
    "deals": ("deals", "Abschlüsse", "项交易", "項交易", "件"),
    "memoranda": ("memoranda", "Absichtserklärungen", "份备忘录", "份備忘錄", "件"),
    "partnerships": ("partnerships", "Partnerschaften", "项合作", "項合作", "件"),
    "events": ("events", "Veranstaltungen", "场活动", "場活動", "件"),
    "seminars": ("seminars", "Seminare", "场研讨会", "場研討會", "件"),
    "meetings": ("meetings", "Treffen", "场会议", "場會議", "回"),
    "conferences": ("conferences", "Konferenzen", "场会议", "場會議", "回"),
    "forums": ("forums", "Foren", "场论坛", "場論壇", "回"),
    "activities": ("activities", "Aktivitäten", "项活动", "項活動", "件"),
    "sessions": ("sessions", "Ausgaben", "届", "屆", "回"),
    "issues": ("issues", "Ausgaben", "期", "期", "号"),
    "batches": ("batches", "Gruppen", "批", "批", "陣"),
    "parties": ("parties", "Parteien", "方", "方", "者"),
    "delegations": ("delegations", "Delegationen", "个代表团", "個代表團", "団"),
    "visits": ("visits", "Besuche", "次访问", "次訪問", "回"),
    "receptions": ("receptions", "Empfänge", "次会见", "次會見", "回"),
    "times": ("times", "Mal", "次", "次", "回"),
    # people
    "people": ("people", "Personen", "人", "人", "人"),
    "persons": ("persons", "Personen", "人", "人", "人"),
    "residents": ("residents", "Einwohner", "名居民", "名居民", "人"),
    "person_trips": ("person-trips", "Personenfahrten", "人次", "人次", "人"),
    "person_visits": ("visits", "Besuche", "人次", "人次", "人"),
    "visitors": ("visitors", "Besucher", "人次", "人次", "人"),
    "tourists": ("tourists", "Touristen", "人次游客", "人次遊客", "人"),
    "passengers": ("passengers", "Fahrgäste", "人次旅客", "人次旅客", "人"),
    "participants": ("participants", "Teilnehmer", "名参会者", "名參會者", "人"),
    "employees": ("employees", "Beschäftigte", "名员工", "名員工", "人"),
    "workers": ("workers", "Arbeitskräfte", "名工人", "名工人", "人"),
    "jobs": ("jobs", "Arbeitsplätze", "个就业岗位", "個就業崗位", "人分の雇用"),
    "students": ("students", "Studierende", "名学生", "名學生", "人"),
    "households": ("households", "Haushalte", "户", "戶", "世帯"),
    # places
    "cities": ("cities", "Städte", "座城市", "座城市", "都市"),
    "countries": ("countries", "Länder", "个国家", "個國家", "か国"),
    "countries_and_regions": ("countries and regions", "Länder und Regionen", "个国家和地区", "個國家和地區",
                              "か国・地域"),
    "regions": ("regions", "Regionen", "个地区", "個地區", "地域"),
    "provinces": ("provinces", "Provinzen", "个省", "個省", "省"),
    "counties": ("counties", "Kreise", "个县", "個縣", "県"),
    "districts": ("districts", "Bezirke", "个区", "個區", "区"),
    "zones": ("zones", "Zonen", "个园区", "個園區", "区域"),
    "parks": ("parks", "Parks", "个园区", "個園區", "団地"),
    "sites": ("sites", "Standorte", "个地点", "個地點", "拠点"),
    "ports": ("ports", "Häfen", "个港口", "個港口", "港"),
    "routes": ("routes", "Linien", "条航线", "條航線", "路線"),
    # buildings and facilities
    "factories": ("factories", "Fabriken", "家工厂", "家工廠", "工場"),
    "plants": ("plants", "Werke", "家工厂", "家工廠", "工場"),
    "branches": ("branches", "Niederlassungen", "家分支机构", "家分支機構", "拠点"),
    "offices": ("offices", "Büros", "个办事处", "個辦事處", "事務所"),
    "stores": ("stores", "Geschäfte", "家门店", "家門店", "店舗"),
    "hotels": ("hotels", "Hotels", "家酒店", "家酒店", "ホテル"),
    "schools": ("schools", "Schulen", "所学校", "所學校", "校"),
    "universities": ("universities", "Hochschulen", "所高校", "所高校", "大学"),
    "hospitals": ("hospitals", "Krankenhäuser", "家医院", "家醫院", "病院"),
    "centres": ("centres", "Zentren", "个中心", "個中心", "センター"),
    "centers": ("centres", "Zentren", "个中心", "個中心", "センター"),
    "institutes": ("institutes", "Institute", "家研究所", "家研究所", "研究所"),
    # things and transport
    "items": ("items", "Stück", "个", "個", "件"),
    "products": ("products", "Produkte", "款产品", "款產品", "品目"),
    "kinds": ("kinds", "Arten", "种", "種", "種類"),
    "sets": ("sets", "Sätze", "套", "套", "セット"),
    "vehicles": ("vehicles", "Fahrzeuge", "辆", "輛", "台"),
    "cars": ("cars", "Autos", "辆汽车", "輛汽車", "台"),
    "trains": ("trains", "Züge", "列", "列", "本"),
    "ships": ("ships", "Schiffe", "艘", "艘", "隻"),
    "vessels": ("vessels", "Schiffe", "艘船舶", "艘船舶", "隻"),
    "flights": ("flights", "Flüge", "架次航班", "架次航班", "便"),
    "containers": ("containers", "Container", "个集装箱", "個貨櫃", "個のコンテナ"),
    "TEU": ("TEU", "TEU", "标箱", "標準箱", "TEU"),
    # measures of size
    "tonnes": ("tonnes", "Tonnen", "吨", "噸", "トン"),
    "square_metres": ("m²", "m²", "平方米", "平方公尺", "平方メートル"),
    "square_meters": ("m²", "m²", "平方米", "平方公尺", "平方メートル"),
    "square_kilometres": ("km²", "km²", "平方公里", "平方公里", "平方キロメートル"),
    "hectares": ("hectares", "Hektar", "公顷", "公頃", "ヘクタール"),
    "mu": ("mu", "Mu", "亩", "畝", "ムー"),
    "kilometres": ("km", "km", "公里", "公里", "キロメートル"),
    "metres": ("m", "m", "米", "公尺", "メートル"),
    "kilowatts": ("kW", "kW", "千瓦", "千瓦", "キロワット"),
    "megawatts": ("MW", "MW", "兆瓦", "百萬瓦", "メガワット"),
    # time
    "years": ("years", "Jahre", "年", "年", "年"),
    "months": ("months", "Monate", "个月", "個月", "か月"),
    "weeks": ("weeks", "Wochen", "周", "週", "週間"),
    "days": ("days", "Tage", "天", "天", "日"),
    "hours": ("hours", "Stunden", "小时", "小時", "時間"),
    "minutes": ("minutes", "Minuten", "分钟", "分鐘", "分"),
    "fold": ("-fold", "-fach", "倍", "倍", "倍"),
    # a change of a percentage (下降1.0个百分点)
    "percentage_points": ("percentage points", "Prozentpunkte", "个百分点", "個百分點", "ポイント"),
}

UNITS: dict[str, dict[str, str]] = {unit: dict(zip(LOCALES, row, strict=True)) for unit, row in _UNIT_ROWS.items()}

APPROX: dict[str, dict[str, str]] = {
    "about": {"en": "about {n}", "de": "etwa {n}", "zh-Hans": "约{n}", "zh-Hant": "約{n}", "ja": "約{n}"},
    "nearly": {"en": "nearly {n}", "de": "knapp {n}", "zh-Hans": "近{n}", "zh-Hant": "近{n}", "ja": "{n}近く"},
    "more_than": {"en": "more than {n}", "de": "mehr als {n}", "zh-Hans": "超过{n}", "zh-Hant": "超過{n}", "ja": "{n}超"},
    "less_than": {"en": "less than {n}", "de": "weniger als {n}", "zh-Hans": "不到{n}", "zh-Hant": "不到{n}",
                  "ja": "{n}未満"},
    "at_least": {"en": "at least {n}", "de": "mindestens {n}", "zh-Hans": "至少{n}", "zh-Hant": "至少{n}",
                 "ja": "{n}以上"},
    "up_to": {"en": "up to {n}", "de": "bis zu {n}", "zh-Hans": "最多{n}", "zh-Hant": "最多{n}", "ja": "最大{n}"},
}

FRACTION_WORDS: dict[str, dict[str, str]] = {
    "1/2": {"en": "one half", "de": "die Hälfte", "zh-Hans": "二分之一", "zh-Hant": "二分之一", "ja": "2分の1"},
    "1/3": {"en": "one third", "de": "ein Drittel", "zh-Hans": "三分之一", "zh-Hant": "三分之一", "ja": "3分の1"},
    "2/3": {"en": "two thirds", "de": "zwei Drittel", "zh-Hans": "三分之二", "zh-Hant": "三分之二", "ja": "3分の2"},
    "1/4": {"en": "one quarter", "de": "ein Viertel", "zh-Hans": "四分之一", "zh-Hant": "四分之一", "ja": "4分の1"},
    "3/4": {"en": "three quarters", "de": "drei Viertel", "zh-Hans": "四分之三", "zh-Hant": "四分之三", "ja": "4分の3"},
    "1/5": {"en": "one fifth", "de": "ein Fünftel", "zh-Hans": "五分之一", "zh-Hant": "五分之一", "ja": "5分の1"},
    "2/5": {"en": "two fifths", "de": "zwei Fünftel", "zh-Hans": "五分之二", "zh-Hant": "五分之二", "ja": "5分の2"},
    "1/10": {"en": "one tenth", "de": "ein Zehntel", "zh-Hans": "十分之一", "zh-Hant": "十分之一", "ja": "10分の1"},
}

# CJK names of the currencies Chinese and Japanese text writes its own way (babel has the rest)
CJK_CURRENCY: dict[tuple[str, str], str] = {
    ("CNY", "zh-Hans"): "元", ("CNY", "zh-Hant"): "元", ("CNY", "ja"): "人民元",
    ("USD", "zh-Hans"): "美元", ("USD", "zh-Hant"): "美元",
    ("JPY", "zh-Hans"): "日元", ("JPY", "zh-Hant"): "日圓", ("JPY", "ja"): "円",
    ("EUR", "zh-Hans"): "欧元", ("EUR", "zh-Hant"): "歐元", ("EUR", "ja"): "ユーロ",
}


def unit_label(unit: str | None, loc: str) -> str | None:
    """The words after a count's number for ``unit`` in book locale ``loc``; None for a unit
    the table does not know (the caller decides what to show)."""
    row = UNITS.get(unit or "")
    return row.get(loc) if row else None


def approx_pattern(approx: str | None, loc: str) -> str:
    """The pattern ("more than {n}", "超过{n}", "{n}超") for an approximation; "{n}" for exact."""
    return APPROX.get(approx or "exact", {}).get(loc, "{n}")
