"""briefbook trip … / book … / export --list --json / export --json over a real library."""

import json

import pytest

from briefbook.cli import main


def run(capsys, *argv) -> str:
    code = main(list(argv))
    out = capsys.readouterr().out
    assert code == 0, out
    return out


def refused(capsys, *argv) -> str:
    assert main(list(argv)) == 2
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return captured.err


@pytest.fixture
def library(tmp_path, capsys, seeds):
    lib = str(tmp_path / "lib.briefbook")
    run(capsys, "import", "--library", lib, "--no-extract", "--json", str(seeds))
    return lib


def test_trip_new_list_show_edit(library, capsys):
    trip = json.loads(run(capsys, "trip", "new", "Qingdao to Tokyo", "--library", library, "--destination", "Tokyo",
                          "--start", "2020-11-27", "--end", "2020-12-01", "--json"))
    assert trip["title"] == "Qingdao to Tokyo" and trip["destinations"] == ["Tokyo"] and trip["id"]
    listed = json.loads(run(capsys, "trip", "list", "--library", library, "--json"))
    assert [t["id"] for t in listed] == [trip["id"]]
    assert "Qingdao to Tokyo" in run(capsys, "trip", "list", "--library", library)

    changed = json.loads(run(capsys, "trip", "edit", str(trip["id"]), "--library", library, "--end", "2020-12-02",
                             "--purpose", "Investment talks", "--json"))
    assert changed["end_date"] == "2020-12-02" and changed["purpose"] == "Investment talks"
    assert changed["destinations"] == ["Tokyo"] and changed["start_date"] == "2020-11-27"  # untouched fields stay
    shown = json.loads(run(capsys, "trip", "show", str(trip["id"]), "--library", library, "--json"))
    assert shown["purpose"] == "Investment talks" and shown["members"] == [] and shown["books"] == []


def test_trip_members_with_their_role_in_the_delegation(library, capsys):
    trip = json.loads(run(capsys, "trip", "new", "Qingdao to Tokyo", "--library", library, "--json"))
    head = json.loads(run(capsys, "trip", "member-add", str(trip["id"]), "Xue Qingguo", "--library", library,
                          "--title", "Party Secretary", "--org", "Qingdao Enterprise Confederation",
                          "--role", "Head of delegation", "--json"))
    other = json.loads(run(capsys, "trip", "member-add", str(trip["id"]), "Zhang Lin", "--library", library, "--json"))
    assert head["role"] == "Head of delegation" and other["role"] == ""
    changed = json.loads(run(capsys, "trip", "member-edit", str(other["id"]), "--library", library,
                             "--role", "Deputy head of delegation", "--json"))
    assert changed["role"] == "Deputy head of delegation" and changed["name"] == "Zhang Lin"
    shown = json.loads(run(capsys, "trip", "show", str(trip["id"]), "--library", library, "--json"))
    assert [(m["name"], m["role"]) for m in shown["members"]] == [
        ("Xue Qingguo", "Head of delegation"), ("Zhang Lin", "Deputy head of delegation")]
    text = run(capsys, "trip", "show", str(trip["id"]), "--library", library)
    assert f"member {other['id']}  Zhang Lin" in text and "Deputy head of delegation" in text
    assert "no delegation member 99" in refused(capsys, "trip", "member-edit", "99", "--library", library,
                                                "--role", "x")
    assert "no trip 99" in refused(capsys, "trip", "member-add", "99", "X", "--library", library)


def test_book_source_types_the_publisher_and_url_a_book_cites(library, capsys):
    first = json.loads(run(capsys, "list", "--library", library, "--json"))[0]
    r = json.loads(run(capsys, "book", "source", str(first["id"]), "--library", library, "--publisher", "Guanhai",
                       "--url", "https://m.guanhai.com.cn/p/2632.html", "--json"))
    assert r["publisher"] == "Guanhai" and r["url"] == "https://m.guanhai.com.cn/p/2632.html"
    kept = json.loads(run(capsys, "book", "source", str(first["id"]), "--library", library, "--url", "",
                          "--json"))
    assert kept["publisher"] == "Guanhai" and kept["url"] is None  # an empty value clears, an absent one stays
    assert "http" in refused(capsys, "book", "source", str(first["id"]), "--library", library,
                             "--url", "/home/user/a.html")
    assert "no article 999" in refused(capsys, "book", "source", "999", "--library", library, "--publisher", "x")


def test_trip_refusals_are_one_line(library, capsys):
    assert "no trip 99" in refused(capsys, "trip", "show", "99", "--library", library)
    assert "no trip 99" in refused(capsys, "trip", "edit", "99", "--library", library, "--title", "x")
    assert "date like" in refused(capsys, "trip", "new", "T", "--library", library, "--start", "27.11.2020")
    assert "ends before" in refused(capsys, "trip", "new", "T", "--library", library,
                                    "--start", "2020-12-01", "--end", "2020-11-01")


def test_book_new_add_show_remove_and_export(library, capsys, tmp_path):
    trip = json.loads(run(capsys, "trip", "new", "Qingdao to Tokyo", "--library", library, "--json"))
    book = json.loads(run(capsys, "book", "new", "--trip", str(trip["id"]), "--locale", "de", "--library", library,
                          "--json"))
    assert book["title"] == "Qingdao to Tokyo" and book["locale"] == "de" and book["trip_id"] == trip["id"]
    kinds = [s["kind"] for s in book["sections"]]
    assert kinds[0] == "cover" and "background" in kinds
    assert "Hintergrund" in [s["title"] for s in book["sections"]]  # the outline is titled in the book's locale

    article = json.loads(run(capsys, "list", "--library", library, "--json"))[0]["id"]
    added = json.loads(run(capsys, "book", "add", str(book["id"]), "background", "--article", str(article),
                           "--library", library, "--json"))
    note = json.loads(run(capsys, "book", "add", str(book["id"]), "talking_points", "--text", "- Ask about JETRO",
                          "--library", library, "--json"))
    shown = json.loads(run(capsys, "book", "show", str(book["id"]), "--library", library, "--json"))
    items = {i["id"]: i for s in shown["sections"] for i in s["items"]}
    assert items[added["id"]]["kind"] == "article" and items[added["id"]]["item_id"] == article
    assert items[note["id"]]["text"] == "- Ask about JETRO"

    run(capsys, "book", "remove", str(book["id"]), str(added["id"]), "--library", library)
    shown = json.loads(run(capsys, "book", "show", str(book["id"]), "--library", library, "--json"))
    assert [i["id"] for s in shown["sections"] for i in s["items"]] == [note["id"]]

    listed = json.loads(run(capsys, "export", "--list", "--json", "--library", library))
    assert [b["id"] for b in listed] == [book["id"]] and listed[0]["locale"] == "de"
    target = tmp_path / "out.pdf"
    report = json.loads(run(capsys, "export", "--book", str(book["id"]), "-o", str(target), "--json",
                            "--library", library))
    assert report["path"] == str(target) and report["format"] == "pdf"
    assert report["bytes"] == target.stat().st_size > 1000 and report["locale"] == "de"


def test_book_refusals_are_one_line(library, capsys):
    assert "no book 7" in refused(capsys, "book", "show", "7", "--library", library)
    assert "no book 7" in refused(capsys, "export", "--book", "7", "-o", "x.pdf", "--library", library)
    assert "no trip 5" in refused(capsys, "book", "new", "B", "--trip", "5", "--library", library)
    book = json.loads(run(capsys, "book", "new", "B", "--library", library, "--json"))["id"]
    assert "no section 'nowhere'" in refused(capsys, "book", "add", str(book), "nowhere", "--text", "x",
                                             "--library", library)
    assert "no article 999" in refused(capsys, "book", "add", str(book), "background", "--article", "999",
                                       "--library", library)
    assert "no item 999" in refused(capsys, "book", "remove", str(book), "999", "--library", library)


def test_export_list_of_an_empty_library(library, capsys):
    assert json.loads(run(capsys, "export", "--list", "--json", "--library", library)) == []
    assert "No books" in run(capsys, "export", "--list", "--library", library)


def test_book_check_lists_what_is_not_in_the_books_language(library, capsys):
    book = json.loads(run(capsys, "book", "new", "B", "--library", library, "--json"))["id"]
    article = json.loads(run(capsys, "list", "--library", library, "--json"))[0]["id"]
    run(capsys, "book", "add", str(book), "background", "--article", str(article), "--library", library)
    # a Chinese article in a Chinese book is only converted to the book's script; a Japanese
    # book must not print it untranslated
    assert "Everything" in run(capsys, "book", "check", str(book), "--library", library, "--locale", "zh-Hans")
    assert "left out" in run(capsys, "book", "check", str(book), "--library", library, "--locale", "ja")
    issues = json.loads(run(capsys, "book", "check", str(book), "--library", library, "--json"))
    assert issues and all({"where", "text", "fix", "ref"} <= set(i) for i in issues)
    assert "no book 42" in refused(capsys, "book", "check", "42", "--library", library)


def test_book_translate_and_confirm_reading_keep_the_users_texts(library, capsys):
    from briefbook.store import entities as entity_store
    from briefbook.store.db import open_library

    lib = open_library(library)
    try:
        person = entity_store.create_entity(lib, "person", "高島大浩")
    finally:
        lib.close()
    out = json.loads(run(capsys, "book", "translate", str(person), "Direktor", "--locale", "de", "--field", "title",
                         "--library", library, "--json"))
    assert out["translation"] == "Direktor" and out["before"] is None
    out = json.loads(run(capsys, "book", "confirm-reading", str(person), "--reading", "Takashima Hiroshi",
                         "--library", library, "--json"))
    assert out["reading_confirmed"] and out["reading"] == "Takashima Hiroshi"
    assert "quoted sentence" in refused(capsys, "book", "translate", str(person), "x", "--locale", "de",
                                        "--field", "quote", "--library", library)
    assert "no entity 999" in refused(capsys, "book", "confirm-reading", "999", "--library", library)
