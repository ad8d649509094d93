"""The sample briefing book built from the demo library: a Qingdao delegation to Tokyo.

The seed articles give the people, counterparts and figures.  A real user checks
every fact; for the demo, ``review_as_officer`` decides on the user's behalf
(marked changed_by='demo') as a careful desk officer would: the people, counterparts
and figures of the Qingdao–Japan reports are accepted; bylines (reporters, editors),
organisation names that are not organisations, and the figures of the 2024 Yantai
report (another city, another year) are rejected.  So the book shows what a checked
library produces, and the review queue still shows what was turned down.
"""

from __future__ import annotations

from ..core.text import to_simplified
from ..knowledge.glossary import in_script
from ..store import books as book_store
from ..store import entities as entity_store
from ..store import facts as fact_store
from ..store.articles import article_with_path_prefix
from ..store.book_sources import subject_entity
from ..store.db import Library
from . import mention_edits, review

# Counterparts: (display name per locale, names to look for in the library, kind)
COUNTERPARTS = (
    ({"en": "JETRO – Japan External Trade Organization", "de": "JETRO – Japanische Außenhandelsorganisation",
      "zh": "日本贸易振兴机构（JETRO）", "ja": "日本貿易振興機構（ジェトロ）"}, ["JETRO", "日本貿易振興機構", "日本贸易振兴机构"]),
    ({"en": "ORIX Group", "de": "ORIX-Gruppe", "zh": "欧力士集团（ORIX）", "ja": "オリックス"}, ["歐力士集團", "欧力士集团", "ORIX"]),
    ({"en": "Suntory", "de": "Suntory", "zh": "三得利集团（Suntory）", "ja": "サントリー"}, ["三得利集團", "三得利株式會社", "三得利", "Suntory"]),
    ({"en": "Alfresa Holdings", "de": "Alfresa Holdings", "zh": "阿尔弗雷萨集团（Alfresa）",
      "ja": "アルフレッサ ホールディングス"}, ["阿爾弗雷薩集團", "Alfresa"]),
)

_TEXT = {
    "title": {"en": "Qingdao Delegation to Tokyo", "de": "Delegationsreise Qingdao – Tokio", "zh": "青岛经贸代表团赴东京考察",
              "ja": "青島市経済貿易代表団 東京訪問"},
    "purpose": {
        "en": "Deepen business ties between Qingdao enterprises and Japan; set up regular exchange mechanisms with "
              "Japanese business associations; follow up investment projects.",
        "de": "Die Wirtschaftsbeziehungen zwischen Unternehmen aus Qingdao und Japan vertiefen, regelmäßigen Austausch "
              "mit japanischen Wirtschaftsverbänden vereinbaren, Investitionsprojekte weiterverfolgen.",
        "zh": "深化青岛企业与日本的经贸往来，建立与日本商协会的常态化交流机制，推进有关投资合作项目。",
        "ja": "青島企業と日本との経済・貿易関係を深め、日本の経済団体との定期的な交流の仕組みを設け、投資協力案件を進める。",
    },
    "background": {
        "en": "Japan is Qingdao's third-largest source of foreign investment and its third-largest trading partner. "
              "In July 2020 the Shandong Provincial Government, CCPIT and JETRO held the seminar “Dialogue Shandong – "
              "Japan” on industrial cooperation by video link between Jinan, Beijing, Tokyo and Osaka.\n\n"
              "In Tokyo the Qingdao delegation led by Party Secretary Xue Qingguo visited JETRO, the Japan International "
              "Science and Technology Exchange Center and the Tokyo Chamber of Commerce and Industry, and met ORIX, "
              "Suntory, Daiwa House Industry, the Kinoshita Group, Alfresa and Sato Pharmaceutical. ORIX, Japan's "
              "largest non-bank financial group, set up its China industrial investment headquarters in Qingdao in "
              "November 2020.",
        "de": "Japan ist für Qingdao der drittgrößte Investor und der drittgrößte Handelspartner. Im Juli 2020 "
              "veranstalteten die Provinzregierung Shandong, der CCPIT und JETRO per Videoschaltung zwischen Jinan, "
              "Peking, Tokio und Osaka das Seminar „Dialog Shandong – Japan“ zur industriellen Zusammenarbeit.\n\n"
              "In Tokio besuchte die Delegation aus Qingdao unter Leitung von Parteisekretär Xue Qingguo JETRO, das "
              "Japanische Zentrum für internationalen Austausch in Wissenschaft und Technik und die Industrie- und "
              "Handelskammer Tokio und traf ORIX, Suntory, Daiwa House Industry, die Kinoshita-Gruppe, Alfresa und "
              "Sato Pharmaceutical. ORIX, Japans größter Finanzkonzern außerhalb des Bankensektors, richtete im "
              "November 2020 in Qingdao seine Zentrale für Industrieinvestitionen in China ein.",
    },
    "classification": {"en": "Internal", "de": "Nur für den Dienstgebrauch", "zh": "内部资料", "ja": "取扱注意"},
    "talking": {
        "en": "- Japan is Qingdao's third-largest source of foreign investment and third-largest trading partner.\n"
              "- Propose a **mutual visit mechanism** between business associations, with a yearly entrepreneurs' day.\n"
              "- Invite counterparts to the China–Japan–Korea industry expo and the multinational leaders' summit in Qingdao.\n"
              "- Follow up the projects agreed in principle; ask for a named contact person on each side.",
        "de": "- Japan ist für Qingdao drittgrößter Investor und drittgrößter Handelspartner.\n"
              "- Einen **regelmäßigen Besuchsaustausch** der Wirtschaftsverbände vorschlagen, mit einem jährlichen Unternehmertag.\n"
              "- Zur China-Japan-Korea-Industriemesse und zum Gipfel multinationaler Unternehmen in Qingdao einladen.\n"
              "- Grundsätzlich vereinbarte Projekte weiterverfolgen; auf beiden Seiten feste Ansprechpartner benennen.",
        "zh": "- 日本是青岛第三大外资来源地和第三大贸易伙伴。\n"
              "- 提议建立商协会**互访机制**，设立双方企业家活动日。\n"
              "- 邀请对方参加中日韩产业博览会和跨国公司领导人青岛峰会。\n"
              "- 跟进已达成意向的项目，双方各指定联系人。",
        "ja": "- 日本は青島にとって第3位の外資の出所であり、第3位の貿易相手である。\n"
              "- 経済団体間の**相互訪問の仕組み**と、年1回の企業家交流日を提案する。\n"
              "- 青島での日中韓産業博覧会と多国籍企業指導者サミットへの参加を招請する。\n"
              "- 原則合意した案件をフォローし、双方に担当窓口を置くよう求める。",
    },
}

# The officer's one-paragraph description of each counterpart (COUNTERPARTS' order), written
# from the seed articles in the reader's language: the articles' own sentences are
# Chinese, and a profile of quotes the delegation cannot read would be empty in en/de/ja.
PROFILES = (
    {"en": "Japan's government-related organisation for trade and investment promotion. In July 2020 it co-hosted "
           "the seminar “Dialogue Shandong – Japan” with the Shandong Provincial Government and CCPIT; its Qingdao "
           "office is the delegation's working contact.",
     "de": "Japans staatsnahe Organisation zur Förderung von Handel und Investitionen. Im Juli 2020 veranstaltete sie "
           "mit der Provinzregierung Shandong und dem CCPIT das Seminar „Dialog Shandong – Japan“; ihr Büro in "
           "Qingdao ist der Arbeitskontakt der Delegation.",
     "zh": "日本政府背景的贸易投资促进机构。2020年7月与山东省人民政府、中国贸促会共同主办“对话山东—日本”研讨会；"
           "其青岛代表处是代表团的日常联系渠道。",
     "ja": "日本の貿易・投資促進を担う政府系機関。2020年7月、山東省人民政府・中国国際貿易促進委員会と共に"
           "セミナー「山東との対話―日本」を主催した。青島事務所が代表団の実務窓口である。"},
    {"en": "Japan's largest non-bank financial group and a full-range financial services provider. In November 2020 "
           "ORIX set up its China industrial investment headquarters in Qingdao.",
     "de": "Japans größter Finanzkonzern außerhalb des Bankensektors mit umfassenden Finanzdienstleistungen. Im "
           "November 2020 richtete ORIX in Qingdao seine Zentrale für Industrieinvestitionen in China ein.",
     "zh": "日本最大的非银行金融机构和综合金融服务集团，2020年11月在青岛设立中国产业投资总部。",
     "ja": "日本最大のノンバンク系総合金融サービスグループ。2020年11月、青島に中国産業投資本部を設立した。"},
    {"en": "A multinational beverage and food group active in more than 40 countries and regions. Qingdao seeks "
           "cooperation in health drinks and access to international sales channels.",
     "de": "Ein multinationaler Getränke- und Lebensmittelkonzern, tätig in mehr als 40 Ländern und Regionen. Qingdao "
           "sucht die Zusammenarbeit bei Gesundheitsgetränken und den Zugang zu internationalen Vertriebswegen.",
     "zh": "跨国饮料食品集团，经营区域跨越四十多个国家和地区。青岛希望在健康饮品领域深化合作、拓展国际营销渠道。",
     "ja": "40以上の国・地域で事業を展開する多国籍の飲料・食品グループ。青島は健康飲料分野での協力と国際販路の開拓を求めている。"},
    {"en": "One of Japan's leading manufacturers and distributors of pharmaceutical and health products, with some "
           "50,000 sales partners in Japan. Qingdao proposes cross-border e-commerce in prescription drugs, health "
           "products and medical devices.",
     "de": "Einer der führenden Hersteller und Großhändler von Arzneimitteln und Gesundheitsprodukten in Japan mit rund "
           "50.000 Vertriebspartnern. Qingdao schlägt grenzüberschreitenden Onlinehandel mit verschreibungspflichtigen "
           "Arzneimitteln, Gesundheitsprodukten und Medizintechnik vor.",
     "zh": "日本重要的医疗健康产品生产销售企业集团，在日本约有5万多家销售合作单位。青岛提议围绕处方药品、保健产品、"
           "医疗器械等开展跨境电商合作。",
     "ja": "日本を代表する医薬品・ヘルスケア製品の製造・卸売グループで、国内の取引先は約5万。青島は処方薬・"
           "健康製品・医療機器の越境EC協力を提案している。"},
)


def _pick(table: dict, locale: str) -> str:
    """The text for ``locale``: its own, else the Chinese one in the locale's script, else English."""
    if locale in table:
        return table[locale]
    if locale.startswith("zh") or locale == "ja":
        return in_script(table["zh"], locale)
    return table["en"]


def _seed_article(lib: Library, prefix: str) -> int | None:
    return article_with_path_prefix(lib, f"{prefix}_")


# What an officer turns down in the seed articles: words the extractor took for
# organisations ("the living room", "governments at home and abroad") and bylines.
JUNK_ORGANISATIONS = frozenset({"客厅", "国际客厅", "中外政府", "经贸中心", "市领导", "鲁日地方政府",
                                "日本地方政府驻华机构"})
BYLINE_TITLES = frozenset({"记者", "編輯", "编辑", "作者", "策划", "策劃", "記者"})
OFF_TRIP_ARTICLES = ("003",)  # Yantai, 2024: figures and events of another city and year
NUMERIC = ("amount", "percentage", "count")
# Organisations the extractor cannot give and an officer fills in (name: organisation, title):
# "由我会党委书记薛庆国带队" -- "our association" is the article's publisher; a chained title
# ("市政府副秘书长、市投促办第一副主任") holds its organisation in the title.
MISSED_ORGANISATIONS = {"薛庆国": ("青島市企業聯合會", None), "张琳": ("青島市政府", "副秘書長、市投促辦第一副主任")}


# Sources the pasted text does not name and an officer types in from where it was found
# (seeds/README.md): the delegation report is the association's own ("我会"), the German
# text the CCPIT Shandong sub-council's.  No date is typed that the page does not give.
SOURCE_DETAILS = {"000": ("青島市企業聯合會", "https://m.myzjcamt.com/contents/29/605.html"),
                  "004": ("CCPIT Shandong", None)}


def type_source_details(lib: Library) -> None:
    from .trips import set_source

    for prefix, (publisher, url) in SOURCE_DETAILS.items():
        article = _seed_article(lib, prefix)
        if article is not None:
            set_source(lib, article, publisher, url)


def review_as_officer(lib: Library, prefixes=("000", "001", "002", "003")) -> dict[str, int]:
    """Decide the extractor's proposals in the given seed articles as a careful officer
    would; returns how many were accepted and rejected."""
    rejected: list[int] = []
    ids = [a for p in prefixes if (a := _seed_article(lib, p)) is not None]
    off_trip = {a for p in OFF_TRIP_ARTICLES if (a := _seed_article(lib, p)) is not None}
    for aid in ids:
        for fact in fact_store.facts_for_article(lib, aid, statuses=["proposed"]):
            v = fact.value
            if ((fact.kind == "organization" and (v.get("name") or fact.text) in JUNK_ORGANISATIONS)
                    or (fact.kind == "person" and (v.get("title") or "") in BYLINE_TITLES)
                    or (fact.kind in (*NUMERIC, "event", "agreement") and aid in off_trip)):
                rejected.append(fact.id)
    # through mention_edits: the figures and statements of the rejected mentions go with them
    mention_edits.set_mention_status(lib, rejected, "rejected", by="demo")
    proposed = [f.id for aid in ids for f in fact_store.facts_for_article(lib, aid, statuses=["proposed"])
                if f.id is not None]
    accepted = mention_edits.set_mention_status(lib, proposed, "accepted", by="demo").inverse["previous"].get("proposed", [])
    # agreements are knowledge: decided as claims (the book reads those decisions); the events
    # are left for the user to decide in the demo's review queue
    on_trip = set(ids) - off_trip
    claims = [s["uuid"] for s in review.list_statements(lib) if s["kind"] == "agreement" and s["status"] == "proposed"
              and on_trip & set(s["articles"])]
    review.decide_many(lib, "statement", claims, "accepted", by="demo")
    for aid in ids:
        for fact in fact_store.facts_for_article(lib, aid, statuses=["accepted"]):
            fill = MISSED_ORGANISATIONS.get(to_simplified(fact.value.get("name") or ""))
            if (fact.id is not None and fact.kind == "person" and fill and fact.value.get("title")
                    and not fact.value.get("org")):
                org, title = fill
                mention_edits.edit_mention(lib, fact.id, value={**fact.value, "org": org,
                                                                "title": title or fact.value["title"]}, by="demo")
    return {"accepted": len(accepted), "rejected": len(rejected)}


def accept_seed_facts(lib: Library, prefixes=("000", "001", "002", "003")) -> int:
    """The demo's review (kept under its old name): the number of facts accepted."""
    return review_as_officer(lib, prefixes)["accepted"]


def demo_book_id(lib: Library) -> int | None:
    """The book the demo library was built with (its first), or None."""
    books = book_store.list_books(lib)
    return min(b["id"] for b in books) if books else None


def accept_seed_figures(lib: Library, trip_id: int, prefixes=("000", "001", "002", "003")) -> int:
    """Accept, for the demo trip, the figures of those seed articles whose measure is known
    (the book's key figures are accepted figures; the seeds are about Qingdao and Shandong,
    not the trip's Tokyo, so they are chosen into the trip explicitly).  The off-trip
    articles (Yantai, 2024) are never chosen: an officer does not put another city's
    figures of four years later into this trip's book."""
    ids = {a for p in prefixes if p not in OFF_TRIP_ARTICLES and (a := _seed_article(lib, p)) is not None}
    uuids = [f["uuid"] for f in review.list_figures(lib) if f["measure"] != "unknown" and f["status"] == "proposed"
             and not f["qualifies"] and ids & {s["article_id"] for s in f["sources"]}]
    review.decide_many(lib, "figure", uuids, "accepted", {"trip": trip_id}, by="demo")
    return len(uuids)


# JETRO's chairman, whom the delegation meets: the 2020 report names him 佐佐木伸彦, the German
# report "Sasaki Nobuhiko"; an officer merges the two entities into one person.
CHAIRMAN = {"en": "Sasaki Nobuhiko", "de": "Sasaki Nobuhiko", "zh": "佐佐木伸彦", "ja": "佐々木伸彦"}


def _counterpart_person(lib: Library) -> int | None:
    found = entity_store.find_entities(lib, "person", "佐佐木伸彦")
    if not found:
        return None
    keep = found[0]
    for other in entity_store.find_entities(lib, "person", "Sasaki Nobuhiko"):
        if other != keep:
            mention_edits.merge_entities(lib, keep, other)  # the statements follow the merge
    return keep


def _entity_for(lib: Library, names: list[str]) -> int:
    for name in names:
        found = entity_store.find_entities(lib, "organization", name)
        if found:
            return found[0]
    return entity_store.create_entity(lib, "organization", names[0], [(n, None) for n in names[1:]], origin="demo")


_ROLES = ({"en": "Head of delegation", "de": "Delegationsleiter", "zh": "团长", "ja": "団長"},
          {"en": "Deputy head of delegation", "de": "Stellv. Delegationsleiter", "zh": "副团长", "ja": "副団長"},
          {"en": "Member", "de": "Delegationsmitglied", "zh": "团员", "ja": "団員"})


def build_demo_book(lib: Library, locale: str = "en", template: str = "official") -> int:
    """Create the demo trip and book in ``lib`` (its seed articles already imported and extracted)."""
    accept_seed_facts(lib)
    type_source_details(lib)
    loc = "zh" if locale.startswith("zh") or locale == "ja" else locale
    trip_id = book_store.save_trip(lib, book_store.TripRow(
        None, _pick(_TEXT["title"], locale), ["Tokyo"] if loc != "zh" else ["东京"], "2020-11-27", "2020-12-01",
        _pick(_TEXT["purpose"], locale), _pick(_TEXT["classification"], locale)))
    accept_seed_figures(lib, trip_id)

    # The delegation: the people the 000 report lists, in its order, with their titles.
    a000 = _seed_article(lib, "000")
    if a000:
        seen = set()
        for fact in fact_store.facts_for_article(lib, a000, statuses=["accepted", "edited"]):
            if fact.kind != "person":
                continue
            v = fact.value
            name = v.get("name")
            if not name or name in seen or not v.get("title") or len(seen) >= 9:
                continue
            seen.add(name)
            # every member has a role: the report names the head first, his deputy second
            role = _pick(_ROLES[min(len(seen), len(_ROLES)) - 1], locale)
            book_store.add_member(lib, trip_id, name, v.get("title") or "", v.get("org") or "", role,
                                  entity_id=subject_entity(lib, fact.id) if fact.id is not None else None)

    counterpart_ids = [_entity_for(lib, names) for _, names in COUNTERPARTS]
    chairman = _counterpart_person(lib)
    tokyo = _pick({"en": "Tokyo", "de": "Tokio", "zh": "东京", "ja": "東京"}, locale)
    schedule = (("2020-11-27", "10:00", "11:30"), ("2020-11-30", "14:00", "15:30"), ("2020-11-30", "16:30", "17:30"),
                ("2020-12-01", "10:00", "11:00"))
    venues = ({"en": "JETRO Headquarters", "de": "JETRO-Zentrale", "zh": "日本贸易振兴机构总部", "ja": "ジェトロ本部"},
              {"en": "ORIX head office", "de": "ORIX-Hauptsitz", "zh": "欧力士集团总部", "ja": "オリックス本社"},
              {"en": "Suntory head office", "de": "Suntory-Hauptsitz", "zh": "三得利集团总部", "ja": "サントリー本社"},
              {"en": "Alfresa Holdings head office", "de": "Alfresa-Hauptsitz", "zh": "阿尔弗雷萨集团总部",
               "ja": "アルフレッサ本社"})
    purposes = {"en": "Visit and talks", "de": "Besuch und Gespräch", "zh": "拜访会谈", "ja": "表敬訪問・会談"}
    for n, ((day, start, end), venue, eid) in enumerate(zip(schedule, venues, counterpart_ids, strict=True)):
        people = [chairman] if n == 0 and chairman is not None else []  # JETRO's chairman receives the delegation
        book_store.add_itinerary_item(lib, trip_id, day, start, tokyo, org_entity_id=eid, people_entity_ids=people,
                                      purpose=_pick(purposes, locale), end_time=end, venue=_pick(venue, locale))

    book_id = book_store.create_book(lib, _pick(_TEXT["title"], locale), trip_id, locale=locale, template=template,
                                     prepared_by="Briefbook demo", draft=True, outline=[])
    distributions = {"en": "Head of delegation\nDelegation members (9)\nProtocol office\nFile",
                    "de": "Delegationsleitung\nDelegationsmitglieder (9)\nProtokoll\nAkte",
                    "zh": "团长\n代表团成员（9）\n外事办公室礼宾处\n存档",
                    "ja": "団長\n代表団員（9名）\n儀典担当\n保存用"}
    book_store.update_row(lib, "books", book_id, document_number="QD-TYO-2020-001", version="1.0",
                          distribution=_pick(distributions, locale))
    for kind, title in book_store.default_outline(locale):
        sid = book_store.add_section(lib, book_id, kind, title)
        if kind == "profile":
            for (display, _), eid, about in zip(COUNTERPARTS, counterpart_ids, PROFILES, strict=True):
                child = book_store.add_section(lib, book_id, "profile", _pick(display, locale), parent_id=sid,
                                               settings={"entity_id": eid})
                book_store.add_item(lib, child, "text", payload={"text": _pick(about, locale)})
                if eid == counterpart_ids[0] and chairman is not None:  # JETRO's chairman: a person profile
                    book_store.add_section(lib, book_id, "profile", _pick(CHAIRMAN, locale), parent_id=sid,
                                           settings={"entity_id": chairman})
        elif kind == "background":  # the officer's own summary where the articles are not in the reader's language
            if locale in _TEXT["background"]:
                book_store.add_item(lib, sid, "text", payload={"text": _TEXT["background"][locale]})
            for prefix in () if locale in _TEXT["background"] else ("001", "002"):  # 003: Yantai, 2024
                aid = _seed_article(lib, prefix)
                if aid:
                    book_store.add_item(lib, sid, "article", aid)
        elif kind == "talking_points":
            book_store.add_item(lib, sid, "text", payload={"text": _pick(_TEXT["talking"], locale)})
    return book_id
