"""The shipped glossary renders titles, organisations and places in each book locale."""

from briefbook.knowledge.glossary import default_glossary, parse_tsv


def test_jetro_by_any_spelling():
    g = default_glossary()
    for spelling in ("日本贸易振兴机构", "日本貿易振興機構", "JETRO", "jetro"):
        assert g.render(spelling, "organisations", "en") == "Japan External Trade Organization (JETRO)"
        assert g.render(spelling, "organisations", "de") == "Japanische Außenhandelsorganisation (JETRO)"
    assert g.render("JETRO", "organisations", "zh-Hans") == "日本贸易振兴机构"
    assert g.render("JETRO", "organisations", "zh-Hant") == "日本貿易振興機構"


def test_titles_simple_compound_and_with_a_place():
    g = default_glossary()
    assert g.render("市长", "titles", "de") == "Oberbürgermeister"
    assert g.render("黨委書記", "titles", "en") == "Party Secretary"  # Traditional finds the Simplified key
    assert g.render("市委副书记、市长", "titles", "en") == "Deputy Municipal Party Secretary, Mayor"
    assert g.render("北海道知事", "titles", "en") == "Governor of Hokkaido"
    assert g.render("北海道知事", "titles", "de") == "Gouverneur von Hokkaido"
    assert g.render("社長", "titles", "ja") == "社長"


def test_unknown_terms():
    g = default_glossary()
    assert g.render("某某公司", "organisations", "en") is None  # the pre-export check lists it
    assert g.render("Siemens AG", "organisations", "de") == "Siemens AG"  # already Latin
    assert g.render("歐力士集團", "organisations", "zh-Hans") == "欧力士集团"
    assert g.render("某某會社", "organisations", "zh-Hans") == "某某会社"  # OpenCC when the glossary has no entry


def test_every_seed_title_has_an_english_rendering():
    g = default_glossary()
    titles = ["会长", "副会长", "理事长", "社長", "董事長", "總經理", "副總經理", "省委副书记、省长",
              "市委副书记、市长", "二级巡视员", "中国驻日本大使", "日本驻华大使", "干事长", "总书记", "副大臣"]
    missing = [t for t in titles if g.render(t, "titles", "en") is None]
    assert missing == []


def test_parse_tsv_keeps_aliases():
    terms = parse_tsv("key\ten\tde\tzh-Hans\tzh-Hant\tja\taliases\nx\tX\tXd\tx\tx\tx\tA|B\n", "organisations")
    assert terms[0].aliases == ("A", "B") and terms[0].renderings["de"] == "Xd"


def test_localised_book_and_the_check():
    from briefbook.core.book import Book, DelegationMember, FactItem, ItineraryItem, Section, Trip
    from briefbook.services.language import IssueCode, language_check, localise_book

    trip = Trip("Visit", ["東京"], members=[DelegationMember("薛慶國", "市委副书记、市长", "青岛市政府", row_id=11),
                                            DelegationMember("王某", "某某职", "", row_id=12)],
                itinerary=[ItineraryItem("2020-11-30", "10:00", "東京", "日本贸易振兴机构")], trip_id=5)
    people = Section("profile", "JETRO", items=[
        FactItem("person", "x", {"name": "佐藤", "title": "理事长", "org": "JETRO"}),
        FactItem("organization", "y", {"name": "某某株式会社"})], section_id=3)
    book = localise_book(Book("Visit", trip, locale="en", sections=[people]))
    assert book.trip.destinations == ["Tokyo"] and book.trip.itinerary[0].place == "Tokyo"
    assert book.trip.itinerary[0].counterpart_org == "Japan External Trade Organization (JETRO)"
    assert book.trip.members[0].title == "Deputy Municipal Party Secretary, Mayor"
    assert book.trip.members[0].org == "Qingdao Municipal Government"
    assert book.sections[0].items[0].translations["en"]["title"] == "Chairman"
    issues = language_check(book)
    assert {(i.text, i.code, i.ref) for i in issues} == {("某某职", IssueCode.MEMBER_UNTRANSLATED, "member:12"),
                                                         ("某某株式会社", IssueCode.ORGANISATION_UNTRANSLATED, "section:3")}
    assert next(i for i in issues if i.ref == "member:12").target.within == 5  # the member's trip

    hans = localise_book(Book("Visit", trip, locale="zh-Hans", sections=[people]))
    assert hans.trip.members[0].name == "薛庆国" and hans.trip.itinerary[0].place == "东京"
    assert language_check(hans) == []


def test_a_guessed_japanese_reading_is_marked_until_confirmed():
    from briefbook.core.book import Book, FactItem, Section
    from briefbook.services.language import UNVERIFIED_MARK, localise_book

    guessed = FactItem("person", "x", {"name": "高島大浩", "romanised": "Takashima Taikou"}, lang="ja")
    from_alias = FactItem("person", "y", {"name": "佐々木伸彦", "romanised": "Sasaki Nobuhiko"}, lang="zh-Hant")
    book = localise_book(Book("B", locale="de", sections=[Section("profile", "P", items=[guessed, from_alias])]))
    first, second = book.sections[0].items
    assert first.translations["de"]["romanised"] == "Takashima Taikou" + UNVERIFIED_MARK
    assert "romanised" not in second.translations.get("de", {})
    chinese_forms = FactItem("person", "z", {"name": "佐佐木伸彦", "romanised": "Sasaki Nobuhiko"}, lang="ja")
    for locale in ("en", "ja"):  # a Japanese name prints in Japanese forms, as original and in a ja book
        item = localise_book(Book("B", locale=locale, sections=[Section("profile", "P", items=[chinese_forms])])
                             ).sections[0].items[0]
        assert item.translations[locale]["name"] == "佐々木伸彦"
