"""A complete sample book built in code: a Qingdao delegation to Tokyo.

Facts and excerpts are taken from the seed articles (seeds/000-004) with their
sources, so the exporter is tested without a library or the extractor.  A test
fixture: it is not shipped in the product (the app's demo book is built from
the demo library by services/demo_book.py).
One entry is marked as an illustrative demo value to show how conflicting
figures are presented.
"""

from __future__ import annotations

from briefbook.core.book import (
    ArticleItem,
    Book,
    BulletList,
    DelegationMember,
    FactItem,
    ItineraryItem,
    Paragraph,
    Run,
    Section,
    SourceRef,
    TextItem,
    Trip,
)
from briefbook.core.text import to_traditional
from briefbook.export.locale import normalise_locale

S000 = SourceRef("青島市企業聯合會赴日本東京開展經貿考察", publisher="青島市企業聯合會",
                 url="https://m.myzjcamt.com/contents/29/605.html", lang="zh-Hant")
S001 = SourceRef("威海组织收看“对话山东-日本•山东产业合作交流会”主题研讨会活动", publisher="威海市贸促会",
                 date="2020-07-31", path="seeds/001_d130a965e8ac6871.txt", lang="zh-Hans")
S002 = SourceRef("领衔鲁日合作，青岛进入佳境！", publisher="青报观象山（观海新闻）", date="2020-07-31",
                 url="https://m.guanhai.com.cn/p/2632.html", lang="zh-Hans")
S003 = SourceRef("市长领衔，“链”上发力！“卷”招商，烟台是认真的", publisher="烟海e家", date="2024-05-22",
                 path="seeds/003_a60aaf39c10ac6d6.txt", lang="zh-Hans")
S004 = SourceRef("Dialog mit Shandong – das Seminar zu „Japan-Shandong industrielle Kooperation und Austausch“ "
                 "setzt neue Zeichen", publisher="CCPIT Shandong Sub-Council", date="2020-07",
                 path="seeds/004_b7272f056d0ba307.txt", lang="de")
DEMO_NOTE = SourceRef("Demo entry (illustrative value, not from an article)", publisher="Briefbook sample",
                      date="2020-12-01")


def _t(loc: str, en: str, de: str, zh: str, ja: str | None = None) -> str:
    """Pick the user's own text for the book's locale (zh-Hant via OpenCC)."""
    if loc == "de":
        return de
    if loc == "zh-Hans":
        return zh
    if loc == "zh-Hant":
        return to_traditional(zh)
    if loc == "ja":
        return ja or to_traditional(zh)
    return en


def _tr(en: dict, de: dict) -> dict[str, dict]:
    return {"en": en, "de": de}


def demo_book(locale: str = "en", template: str = "official", draft: bool = False) -> Book:
    loc = normalise_locale(locale)

    def t(en, de, zh, ja=None):
        return _t(loc, en, de, zh, ja)

    trip = Trip(
        title=t("Qingdao economic and trade delegation to Tokyo", "Wirtschafts- und Handelsdelegation Qingdao in Tokio",
                "青岛市经贸代表团访问东京", "青島市経済貿易代表団 東京訪問"),
        destinations=[t("Tokyo, Japan", "Tokio, Japan", "日本东京", "東京")],
        start="2026-12-07", end="2026-12-11",
        purpose=t("Follow up the 2020 Shandong–Japan dialogue; investment, finance leasing, health drinks, "
                  "pharmaceutical distribution and elderly care.",
                  "Nachbereitung des Shandong-Japan-Dialogs 2020; Investitionen, Finanzierungsleasing, "
                  "Gesundheitsgetränke, Pharmavertrieb und Altenpflege.",
                  "落实2020年“对话山东”成果，围绕产业投资、融资租赁、健康饮品、医药流通和高端养老开展对接。",
                  "2020年「山東との対話」の成果を踏まえ、投資・リース・健康飲料・医薬品流通・介護分野で協力を協議する。"),
        classification=t("Internal", "Nur für den Dienstgebrauch", "内部资料", "取扱注意"),
        members=[
            DelegationMember("薛庆国", t("Party Secretary", "Parteisekretär", "党委书记", "党委書記"),
                             t("Qingdao Enterprise Confederation", "Unternehmerverband Qingdao", "青岛市企业联合会",
                               "青島市企業連合会"), t("Head of delegation", "Delegationsleiter", "团长", "団長")),
            DelegationMember("张琳", t("Deputy Secretary-General of the Municipal Government",
                                       "Stellv. Generalsekretär der Stadtregierung", "市政府副秘书长", "市政府副秘書長"),
                             t("Qingdao Investment Promotion Office", "Investitionsförderbüro Qingdao",
                               "青岛市投资促进局", "青島市投資促進局"), t("Deputy head", "Stellv. Leiter", "副团长", "副団長")),
            DelegationMember("吕光辉", t("Director", "Direktor", "主任", "主任"),
                             t("Qingdao Investment Promotion Centre", "Investitionsförderzentrum Qingdao",
                               "青岛市招商促进中心", "青島市招商促進センター"), t("Member", "Mitglied", "团员", "団員")),
            DelegationMember("王达", t("Chairman", "Vorstandsvorsitzender", "董事长", "董事長"),
                             t("Qingdao Beverage Group", "Qingdao Beverage Group", "青岛饮料集团", "青島飲料集団"),
                             t("Member", "Mitglied", "团员", "団員")),
            DelegationMember("管学锋", t("General Manager", "Geschäftsführer", "总经理", "総経理"),
                             t("Qingdao Ocean Development Group", "Qingdao Ocean Development Group", "青岛海发集团",
                               "青島海発集団"), t("Member", "Mitglied", "团员", "団員")),
        ],
        itinerary=[
            ItineraryItem("2026-12-07", "14:00", t("Haneda Airport", "Flughafen Haneda", "羽田机场", "羽田空港"),
                          purpose=t("Arrival; internal briefing at the hotel", "Ankunft; interne Vorbesprechung im Hotel",
                                    "抵达；在酒店召开内部预备会", "到着、ホテルで事前打合せ")),
            ItineraryItem("2026-12-08", "10:00-11:30", t("JETRO headquarters, Minato-ku", "JETRO-Zentrale, Minato-ku",
                                                        "日本贸易振兴机构总部（港区）", "ジェトロ本部（港区）"),
                          t("JETRO", "JETRO", "日本贸易振兴机构", "日本貿易振興機構"), ["高島大浩"],
                          t("Cooperation mechanism between business associations", "Kooperationsmechanismus der Verbände",
                            "商协会合作机制", "経済団体間の協力メカニズム"),
                          t("Gift exchange; bring the 2020 seminar summary", "Gastgeschenke; Zusammenfassung des Seminars 2020 mitbringen",
                            "互赠礼品；携带2020年研讨会纪要", "記念品交換")),
            ItineraryItem("2026-12-08", "15:00-16:30", t("ORIX Group, Hamamatsucho", "ORIX-Gruppe, Hamamatsucho",
                                                        "欧力士集团（浜松町）", "オリックス（浜松町）"),
                          t("ORIX Group", "ORIX-Gruppe", "欧力士集团", "オリックス"), [],
                          t("Industrial investment, finance leasing", "Industrieinvestitionen, Finanzierungsleasing",
                            "产业投资、融资租赁", "産業投資・リース")),
            ItineraryItem("2026-12-09", "10:00-11:30", t("Suntory, Odaiba", "Suntory, Odaiba", "三得利（台场）", "サントリー（お台場）"),
                          t("Suntory Holdings", "Suntory Holdings", "三得利集团", "サントリーホールディングス"), [],
                          t("Health drinks; third-country markets", "Gesundheitsgetränke; Drittmärkte",
                            "健康饮品；共同开拓第三方市场", "健康飲料・第三国市場")),
            ItineraryItem("2026-12-10", "14:00-15:30", t("Alfresa, Chiyoda-ku", "Alfresa, Chiyoda-ku",
                                                        "阿尔弗雷萨集团（千代田区）", "アルフレッサ（千代田区）"),
                          t("Alfresa Holdings", "Alfresa Holdings", "阿尔弗雷萨集团", "アルフレッサ ホールディングス"), [],
                          t("Cross-border e-commerce for medical products", "Grenzüberschreitender Onlinehandel mit Medizinprodukten",
                            "医疗产品跨境电商合作", "医療製品の越境EC")),
            ItineraryItem("2026-12-11", "11:00", t("Haneda Airport", "Flughafen Haneda", "羽田机场", "羽田空港"),
                          purpose=t("Departure", "Abreise", "返程", "帰国")),
        ],
    )

    def person(name, title, org, src, en=None, de=None, lang=None):
        tr = _tr(en or {}, de or {}) if (en or de) else {}
        return FactItem("person", f"{org}{title}{name}", {"name": name, "title": title, "org": org}, source=src,
                        translations=tr, lang=lang)

    jetro_people = [
        person("佐佐木伸彦", "理事长", "日本贸易振兴机构", S001,
               {"title": "Chairman and CEO", "org": "JETRO"}, {"title": "Präsident", "org": "JETRO"}, lang="ja"),
        person("高島大浩", "理事", "日本贸易振兴机构", S000,
               {"title": "Executive Vice President", "org": "JETRO"}, {"title": "Vorstandsmitglied", "org": "JETRO"},
               lang="ja"),
    ]
    jetro_events = [
        FactItem("event", "对话山东—日本・山东产业合作交流会主题研讨会",
                 {"name": t("“Dialogue with Shandong – Japan·Shandong industrial cooperation” seminar, co-hosted by JETRO",
                            "Seminar „Dialog mit Shandong – Japan·Shandong industrielle Kooperation“, Mitveranstalter JETRO",
                            "“对话山东—日本·山东产业合作交流会”主题研讨会（日本贸易振兴机构共同主办）",
                            "「山東との対話―日本・山東産業協力交流会」（ジェトロ共催）"),
                  "date": "2020-07-30", "place": t("Jinan / Tokyo / Osaka (video link)", "Jinan / Tokio / Osaka (Video)",
                                                   "济南、北京、东京、大阪视频连线", "済南・東京・大阪（オンライン）")},
                 source=S001),
        FactItem("agreement", "烟台市政府与日中经济协会、日本贸易振兴机构、大阪产业局、爱知产业振兴机构等4家机构共同发表中日友好(烟台)倡议",
                 {"parties": ["烟台市政府", "日中经济协会", "日本贸易振兴机构", "大阪产业局", "爱知产业振兴机构"]},
                 source=S003, as_of="2024-05-20"),
        FactItem("event", "2024日本企业烟台行",
                 {"name": t("Japanese companies' visit to Yantai (JETRO Qingdao office co-organiser)",
                            "Besuch japanischer Unternehmen in Yantai (JETRO-Büro Qingdao als Mitveranstalter)",
                            "日本企业“烟台行”活动（日本贸易振兴机构青岛事务所协办）",
                            "日本企業「煙台行」（ジェトロ青島事務所協力）"),
                  "date": "2024-05-20", "place": t("Yantai", "Yantai", "烟台", "煙台")}, source=S003),
    ]
    company = t("Companies", "Unternehmen", "家企业")

    def figure(kind, text, value, src, measure, as_of, note=None):
        return FactItem(kind, text, value, source=src, measure=measure, as_of=as_of, note=note)

    m_trade = t("Qingdao–Japan trade volume", "Handelsvolumen Qingdao–Japan", "青岛对日进出口总额", "青島・日本間の貿易額")
    m_inv_c = t("Japanese investment in Qingdao, contracted (cumulative)", "Japanische Investitionen in Qingdao, vertraglich (kumuliert)",
                "日本在青投资合同外资（累计）", "日本の対青島投資・契約額（累計）")
    m_inv_a = t("Japanese investment in Qingdao, paid in (cumulative)", "Japanische Investitionen in Qingdao, eingezahlt (kumuliert)",
                "日本在青投资实际到账外资（累计）", "日本の対青島投資・実行額（累計）")
    m_proj = t("Japanese investment projects in Qingdao (cumulative)", "Japanische Investitionsprojekte in Qingdao (kumuliert)",
               "日本在青投资项目（累计）", "日本の対青島投資案件（累計）")
    m_firms = t("Japanese companies based in Qingdao", "Japanische Unternehmen mit Sitz in Qingdao",
                "常驻青岛的日本企业", "青島に拠点を置く日本企業")
    m_growth = t("Growth of Qingdao–Japan trade", "Wachstum des Handels Qingdao–Japan", "青岛对日贸易同比增长", "青島・日本間貿易の伸び率")
    figures = [
        figure("amount", "2019年,青岛与日本进出口贸易总额为76.43亿美元", {"value": 7643000000, "currency": "USD"}, S002,
               m_trade, "2019"),
        figure("amount", "今年上半年……青岛与日本进出口贸易总额依然达到36.8亿美元", {"value": 3680000000, "currency": "USD"}, S002,
               m_trade, "2020-06",
               t("First half of 2020 only", "Nur erstes Halbjahr 2020", "仅2020年上半年", "2020年上半期のみ")),
        figure("amount", "76.43亿美元，同比增长2.1%", {"value": 7486000000, "currency": "USD"}, S002, m_trade, "2018",
               t("Derived: 2019 value ÷ 1.021", "Abgeleitet: Wert 2019 ÷ 1,021", "推算：2019年数值÷1.021", "推計値")),
        figure("percentage", "同比增长2.1%", {"value": 2.1}, S002, m_growth, "2019"),
        figure("amount", "合同外资62.33亿美元", {"value": 6233000000, "currency": "USD"}, S002, m_inv_c, "2020-05"),
        figure("amount", "实际到账外资59.67亿美元", {"value": 5967000000, "currency": "USD"}, S002, m_inv_a, "2020-05"),
        figure("count", "日本累计在青投资项目2155个", {"value": 2155, "unit": "projects", "approx": "exact"}, S002, m_proj,
               "2020-05"),
        figure("count", "有1000多家日本企业……常驻青岛", {"value": 1000, "unit": "companies", "approx": "more_than"}, S002,
               m_firms, "2020"),
        figure("count", "1200", {"value": 1200, "unit": "companies", "approx": "about"}, DEMO_NOTE, m_firms, "2020",
               t("Illustrative conflicting value", "Illustrativer abweichender Wert", "示例：与其他来源不一致的数值", "例示用の値")),
    ]
    del company

    def para(*runs):
        return Paragraph([Run(*r) if isinstance(r, tuple) else Run(r) for r in runs])

    sections = [
        Section("cover"),
        Section("overview", items=[TextItem([para(t(
            "The delegation follows up the Qingdao Enterprise Confederation's earlier visit to Tokyo and the 2020 "
            "“Dialogue with Shandong” seminar. Japan is Qingdao's third-largest trading partner and third-largest "
            "source of foreign investment.",
            "Die Delegation knüpft an den früheren Besuch des Unternehmerverbands Qingdao in Tokio und an das "
            "Seminar „Dialog mit Shandong“ 2020 an. Japan ist Qingdaos drittgrößter Handelspartner und drittgrößte "
            "Quelle ausländischer Investitionen.",
            "本次出访是青岛市企业联合会此前赴东京考察和2020年“对话山东”研讨会的后续。日本是青岛第三大贸易伙伴和第三大外资来源地。",
            "今回の訪問は、青島市企業連合会の東京視察と2020年「山東との対話」セミナーのフォローアップである。"
            "日本は青島にとって第3位の貿易相手国・外資供給源である。"))])]),
        Section("itinerary"),
        Section("delegation"),
        Section("profile", t("JETRO – Japan External Trade Organization", "JETRO – Japan External Trade Organization",
                             "日本贸易振兴机构（JETRO）", "日本貿易振興機構（ジェトロ）"),
                items=[TextItem([para(t("Co-host of the 2020 Shandong–Japan seminar; runs an office in Qingdao.",
                                        "Mitveranstalter des Shandong-Japan-Seminars 2020; unterhält ein Büro in Qingdao.",
                                        "2020年鲁日研讨会共同主办方，在青岛设有事务所。",
                                        "2020年山東・日本セミナーの共催者。青島に事務所を置く。"))])]
                + jetro_people + jetro_events),
        Section("profile", t("ORIX Group", "ORIX-Gruppe", "欧力士集团（ORIX）", "オリックス"),
                items=[TextItem([para(t("Japan's largest non-bank financial institution and integrated financial services group.",
                                        "Größtes Nichtbanken-Finanzinstitut und größter integrierter Finanzdienstleister Japans.",
                                        "日本最大的非银行金融机构和最大的综合金融服务集团。",
                                        "日本最大のノンバンク金融機関・総合金融サービスグループ。"))]),
                       FactItem("event", "欧力士集团于2020年11月在青岛设立了中国产业投资总部",
                                {"name": t("ORIX set up its China industrial investment headquarters in Qingdao",
                                           "ORIX gründet seine China-Zentrale für Industrieinvestitionen in Qingdao",
                                           "欧力士集团在青岛设立中国产业投资总部", "オリックスが青島に中国産業投資本部を設立"),
                                 "date": "2020-11", "place": t("Qingdao", "Qingdao", "青岛", "青島")}, source=S000)]),
        Section("profile", t("Suntory Holdings", "Suntory Holdings", "三得利集团（Suntory）", "サントリーホールディングス"),
                items=[TextItem([para(t("International group with many product lines; the delegation seeks cooperation "
                                        "on health drinks and joint third-country markets.",
                                        "Internationaler Mischkonzern; die Delegation sucht Kooperation bei "
                                        "Gesundheitsgetränken und gemeinsamen Drittmärkten.",
                                        "国际化、多品种、多领域经营的大型跨国集团；希望在健康饮品领域务实合作，共同开拓第三方国际市场。",
                                        "国際的な多角経営グループ。健康飲料分野と第三国市場での協力を求める。"))]),
                       FactItem("count", "经营区域跨越四十多个国家和地区",
                                {"value": 40, "unit": "countries", "approx": "more_than"}, source=S000,
                                measure=t("Countries and regions of operation", "Länder und Regionen mit Geschäftstätigkeit",
                                          "经营国家和地区", "事業展開国・地域"))]),
        Section("profile", t("Alfresa Holdings", "Alfresa Holdings", "阿尔弗雷萨集团（Alfresa）", "アルフレッサ ホールディングス"),
                items=[TextItem([para(t("Major Japanese producer and distributor of medical and health products.",
                                        "Bedeutender japanischer Hersteller und Großhändler von Medizin- und Gesundheitsprodukten.",
                                        "日本最重要的医疗健康产品生产销售大型企业集团。",
                                        "日本を代表する医療・健康製品の製造販売グループ。"))]),
                       FactItem("count", "在日本销售合作单位约5万多家",
                                {"value": 50000, "unit": "partners", "approx": "more_than"}, source=S000,
                                measure=t("Sales partners in Japan", "Vertriebspartner in Japan", "在日本销售合作单位",
                                          "国内の販売取引先"))]),
        Section("figures", items=figures),
        Section("background", items=[
            ArticleItem(S002.title, S002, S002.date,
                        "日本是青岛市第三大贸易伙伴。2019年,青岛与日本进出口贸易总额为76.43亿美元,同比增长2.1%,"
                        "占山东省对日贸易的比重超过三分之一。",
                        t("Qingdao's trade and investment ties with Japan before and during the pandemic.",
                          "Handels- und Investitionsbeziehungen Qingdaos zu Japan vor und während der Pandemie.",
                          "疫情前后青岛与日本的经贸往来。", "コロナ前後の青島と日本の経済関係。")),
            ArticleItem(S000.title, S000, None,
                        "歐力士集團作為日本最大的非銀行金融機構和最大的綜合金融服務集團,于2020年11月在青島設立了中國產業投資總部。",
                        t("The Qingdao Enterprise Confederation's earlier visit to Tokyo (JETRO, ORIX, Suntory, Alfresa).",
                          "Der frühere Besuch des Unternehmerverbands Qingdao in Tokio (JETRO, ORIX, Suntory, Alfresa).",
                          "青岛市企业联合会此前赴东京考察（日本贸易振兴机构、欧力士、三得利、阿尔弗雷萨）。",
                          "青島市企業連合会による東京視察（ジェトロ、オリックス、サントリー、アルフレッサ）。")),
            ArticleItem(S004.title, S004, None,
                        "Es hat auch zum freudigen Beschluss einer Reihe von Wirtschafts- und Handelskooperationen "
                        "geführt, wobei man sich bei 17 Projekten einigen konnte.",
                        t("German report on the 30 July 2020 seminar.", "Deutscher Bericht über das Seminar am 30. Juli 2020.",
                          "关于2020年7月30日研讨会的德文报道。", "2020年7月30日のセミナーに関するドイツ語記事。")),
        ]),
        Section("talking_points", items=[TextItem([BulletList([
            [Run(t("Thank JETRO ", "Dank an JETRO ", "感谢日本贸易振兴机构", "ジェトロに"), bold=True),
             Run(t("for co-hosting the 2020 dialogue and for its Qingdao office's support in Yantai (2024).",
                   "für die Mitveranstaltung des Dialogs 2020 und die Unterstützung ihres Büros in Qingdao (Yantai 2024).",
                   "共同主办2020年“对话山东”活动，以及青岛事务所对2024年烟台活动的支持。",
                   "2020年の対話共催と2024年煙台での青島事務所の協力に謝意を表する。"))],
            [Run(t("Propose a mutual-visit mechanism", "Vorschlag: Mechanismus gegenseitiger Besuche",
                   "提议建立互访机制", "相互訪問メカニズムを提案")),
             Run(t(" and a regular entrepreneurs' day in Qingdao.", " und ein regelmäßiger Unternehmertag in Qingdao.",
                   "和企业家活动日机制。", "、青島での定期的な企業家交流日。"), italic=True)],
            [Run(t("ORIX: next steps for projects around the Qingdao headquarters.",
                   "ORIX: nächste Schritte für Projekte rund um die Zentrale in Qingdao.",
                   "欧力士：推进围绕青岛总部的合作项目。", "オリックス：青島本部関連案件の次のステップ。"))],
            [Run(t("Alfresa: cross-border e-commerce for prescription drugs, health products and devices.",
                   "Alfresa: grenzüberschreitender Onlinehandel mit Arzneimitteln, Gesundheitsprodukten und Geräten.",
                   "阿尔弗雷萨：处方药品、保健产品、医疗器械跨境电商合作。", "アルフレッサ：医薬品・健康製品・医療機器の越境EC。"))],
        ])])]),
        Section("sources"),
    ]
    title = t("Briefing book: Qingdao delegation to Tokyo", "Mappe: Delegation Qingdao in Tokio",
              "青岛市经贸代表团访日参阅材料", "青島市代表団 東京訪問 参考資料")
    return Book(title=title, trip=trip, locale=loc, template=template,
                prepared_by=t("Qingdao Municipal Foreign Affairs Office", "Auslandsamt der Stadt Qingdao",
                              "青岛市人民政府外事办公室", "青島市人民政府外事弁公室"),
                prepared_on="2026-11-22", draft=draft, sections=sections,
                document_number="QD-TYO-2020-001", version="1.0",
                distribution=[t("Head of delegation", "Delegationsleitung", "团长", "団長"),
                              t("File", "Akte", "存档", "保存")])
