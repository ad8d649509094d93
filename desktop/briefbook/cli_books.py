"""``briefbook trip …`` and ``briefbook book …``: make and inspect trips and books headless.

    briefbook trip new TITLE [--destination D]... [--start DATE] [--end DATE] [--purpose T] [--classification T]
    briefbook trip list | show ID | edit ID [--title T] [--start DATE] ...
    briefbook trip member-add TRIP NAME [--title T] [--org O] [--role R]
    briefbook trip member-edit MEMBER [--name N] [--title T] [--org O] [--role R]
    briefbook book new [TITLE] [--trip ID] [--locale L] [--template T]
    briefbook book list | show ID
    briefbook book add ID SECTION (--article N | --entity N | --fact N | --text T)
    briefbook book remove ID ITEM
    briefbook book source ARTICLE [--publisher P] [--url U]   what the Sources list prints for it
    briefbook book check ID [--locale L]       what is not yet in the book's language
"""

from __future__ import annotations

import json

from .cli_args import item_id

LOCALES = ("en", "de", "zh-Hans", "zh-Hant", "ja")


def add_parsers(sub, library_option) -> None:
    p = sub.add_parser("trip", help="make, list, show and edit trips")
    library_option(p)
    trips = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    new = trips.add_parser("new", help="a new trip")
    new.add_argument("title")
    edit = trips.add_parser("edit", help="change a trip's fields")
    edit.add_argument("id", type=item_id)
    edit.add_argument("--title")
    for q, blank in ((new, []), (edit, None)):
        q.add_argument("--destination", action="append", default=blank, metavar="PLACE",
                       help="a destination (repeat for several)")
        q.add_argument("--start", metavar="YYYY-MM-DD")
        q.add_argument("--end", metavar="YYYY-MM-DD")
        q.add_argument("--purpose")
        q.add_argument("--classification")
    member = trips.add_parser("member-add", help="add a delegation member to a trip")
    member.add_argument("id", type=item_id, help="the trip's id")
    member.add_argument("name")
    member_edit = trips.add_parser("member-edit", help="change a delegation member's fields")
    member_edit.add_argument("id", type=item_id, help="the member's id (briefbook trip show TRIP lists them)")
    member_edit.add_argument("--name")
    for q in (member, member_edit):
        q.add_argument("--title")
        q.add_argument("--org", help="the member's organisation")
        q.add_argument("--role", help="the role in the delegation (head of delegation, member …)")
    trips.add_parser("list", help="the library's trips")
    show = trips.add_parser("show", help="one trip with its delegation, programme and books")
    show.add_argument("id", type=item_id)
    for q in (new, edit, show, member, member_edit, trips.choices["list"]):
        q.add_argument("--json", action="store_true")
        library_option(q)

    p = sub.add_parser("book", help="make, list and show books; add items to and remove them from a book")
    library_option(p)
    books = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    new = books.add_parser("new", help="a new book with the default outline")
    new.add_argument("title", nargs="?", default="", help="default: the trip's title")
    new.add_argument("--trip", type=item_id)
    new.add_argument("--locale", choices=LOCALES, default="en")
    new.add_argument("--template", default="official")
    books.add_parser("list", help="the library's books")
    show = books.add_parser("show", help="one book with its outline and items")
    show.add_argument("id", type=item_id)
    add = books.add_parser("add", help="place an article, entity, fact or text in a section")
    add.add_argument("id", type=item_id)
    add.add_argument("section", help="the section's id or kind (e.g. background)")
    what = add.add_mutually_exclusive_group(required=True)
    for kind in ("article", "entity", "fact"):
        what.add_argument(f"--{kind}", type=item_id, metavar="ID")
    what.add_argument("--text")
    remove = books.add_parser("remove", help="take an item out of a book")
    remove.add_argument("id", type=item_id)
    remove.add_argument("item", type=item_id)
    check = books.add_parser("check", help="list what is not yet in the book's language (before export)")
    check.add_argument("id", type=item_id)
    check.add_argument("--locale", choices=LOCALES, help="check for this locale instead of the book's")
    tr = books.add_parser("translate", help="keep your rendering of an entity's name, title, organisation, "
                                            "description or a quote, for every book in that locale")
    tr.add_argument("entity", type=item_id)
    tr.add_argument("text", help="the rendering (empty: forget it)")
    tr.add_argument("--locale", choices=LOCALES, required=True)
    tr.add_argument("--field", choices=("name", "title", "org", "description", "quote"), required=True)
    tr.add_argument("--original", default="", help="with --field quote: the quoted sentence as the check lists it")
    confirm = books.add_parser("confirm-reading", help="the Latin reading of a person's name is checked "
                                                       "(no † in books from now on)")
    confirm.add_argument("entity", type=item_id)
    confirm.add_argument("--reading", help="the right spelling, when the printed one is wrong")
    confirm.add_argument("--undo", action="store_true", help="mark the reading as unchecked again")
    src = books.add_parser("source", help="the publisher and URL books print for an article")
    src.add_argument("article", type=item_id)
    src.add_argument("--publisher", help="who published it (empty: clear)")
    src.add_argument("--url", help="its web address, http:// or https:// (empty: clear)")
    for q in (new, show, add, remove, check, tr, confirm, src, books.choices["list"]):
        q.add_argument("--json", action="store_true")
        library_option(q)


def _print(data, as_json: bool, text: str) -> int:
    print(json.dumps(data, ensure_ascii=False, indent=1) if as_json else text)
    return 0


def _trip_line(t: dict) -> str:
    dates = " – ".join(d for d in (t["start_date"], t["end_date"]) if d)
    return f"{t['id']:>5}  {dates:<23}  {t['title']}  ({', '.join(t['destinations'])})"


def _book_line(b: dict) -> str:
    return f"{b['id']:>5}  {b['locale']:<7} {b['template']:<9} trip {b['trip_id'] or '-':<4} {b['title']}"


def _member_line(m: dict) -> str:
    return f"  member {m['id']}  {m['name']}  {m['title']}  {m['org']}  {m['role']}".rstrip()


def cmd_trip(args, open_library, open_existing) -> int:
    from .services import trips

    if args.action == "list":
        with open_existing(args) as lib:
            rows = trips.list_trips(lib)
        return _print(rows, args.json, "\n".join(map(_trip_line, rows)) or "No trips yet (briefbook trip new TITLE).")
    if args.action == "show":
        with open_existing(args) as lib:
            t = trips.trip_details(lib, args.id)
        lines = [_trip_line(t), *(f"  purpose: {t['purpose']}" for _ in [0] if t["purpose"])]
        lines += [_member_line(m) for m in t["members"]]
        lines += [f"  {i['day']} {i['time'] or '':<5} {i['place']}  {i['purpose'] or ''}".rstrip() for i in t["itinerary"]]
        lines += [f"  book {b['id']}  {b['locale']}  {b['title']}" for b in t["books"]]
        return _print(t, args.json, "\n".join(lines))
    if args.action in ("member-add", "member-edit"):
        with open_existing(args, write=True) as lib:
            if args.action == "member-add":
                m = trips.add_member(lib, args.id, args.name, args.title or "", args.org or "", args.role or "")
            else:
                m = trips.edit_member(lib, args.id, name=args.name, title=args.title, org=args.org, role=args.role)
        return _print(m, args.json, ("Added " if args.action == "member-add" else "Changed ") + _member_line(m).strip())
    fields = {"destinations": args.destination, "start_date": args.start, "end_date": args.end,
              "purpose": args.purpose, "classification": args.classification}
    with (open_library(args) if args.action == "new" else open_existing(args, write=True)) as lib:
        if args.action == "new":
            t = trips.new_trip(lib, args.title, fields["destinations"], fields["start_date"], fields["end_date"],
                               fields["purpose"] or "", fields["classification"] or "")
        else:
            t = trips.edit_trip(lib, args.id, title=args.title, **fields)
    return _print(t, args.json, ("Made trip " if args.action == "new" else "Changed trip ") + _trip_line(t).strip())


def cmd_book(args, open_library, open_existing) -> int:
    from .services import trips

    if args.action == "list":
        with open_existing(args) as lib:
            rows = trips.list_books(lib)
        return _print(rows, args.json, "\n".join(map(_book_line, rows)) or "No books yet (briefbook book new TITLE).")
    if args.action == "show":
        with open_existing(args) as lib:
            b = trips.book_details(lib, args.id)
        lines = [_book_line(b)]
        for s in b["sections"]:
            indent = "    " if s["parent_id"] else "  "
            lines.append(f"{indent}section {s['id']:<4} {s['kind']:<15} {s['title']}"
                         + ("" if s["included"] else "  (left out)"))
            lines += [f"{indent}  item {i['id']:<4} {i['kind']} {i.get('item_id') or ''} {i.get('text', '')[:60]}".rstrip()
                      for i in s["items"]]
        return _print(b, args.json, "\n".join(lines))
    if args.action == "check":
        from .services.exporting import book_language_check

        with open_existing(args) as lib:
            trips.book_details(lib, args.id)  # an unknown id is one line
            issues = book_language_check(lib, args.id, args.locale)
        text = "\n".join(f"{i['ref']:<16} {i['where']}: {i['text']} — {i['fix']}" for i in issues)
        return _print(issues, args.json, text or "Everything is in the book's language.")
    if args.action in ("translate", "confirm-reading"):
        from .services import entity_texts

        with open_existing(args, write=True) as lib:
            if args.action == "translate":
                r = entity_texts.translate(lib, args.entity, args.locale, args.field, args.text, args.original)
                return _print(r, args.json, f"Entity {args.entity}: {args.field} ({args.locale}) = {r['translation']}"
                              if r["translation"] else f"Entity {args.entity}: {args.field} ({args.locale}) forgotten")
            r = entity_texts.confirm_reading(lib, args.entity, args.reading, confirmed=not args.undo)
            return _print(r, args.json, f"Entity {args.entity}: reading {r['reading'] or ''} "
                          + ("confirmed" if r["reading_confirmed"] else "marked as unchecked"))
    with (open_library(args) if args.action == "new" else open_existing(args, write=True)) as lib:
        if args.action == "new":
            b = trips.new_book(lib, args.title, args.trip, locale=args.locale, template=args.template)
            return _print(b, args.json, "Made book " + _book_line(b).strip())
        if args.action == "source":
            r = trips.set_source(lib, args.article, args.publisher, args.url)
            return _print(r, args.json, f"Article {r['id']}: {r['publisher'] or '-'}, {r['url'] or '-'}")
        if args.action == "add":
            kind, ref = next((k, getattr(args, k)) for k in ("article", "entity", "fact", "text")
                             if getattr(args, k) is not None)
            item = trips.add_to_book(lib, args.id, args.section, kind, None if kind == "text" else ref,
                                     ref if kind == "text" else None)
            return _print(item, args.json, f"Added {kind} as item {item['id']} to section {item['section_id']}")
        item = trips.remove_from_book(lib, args.id, args.item)
        return _print(item, args.json, f"Removed item {item['id']} from book {args.id}")


def run(args, open_library, open_existing) -> int:
    """Either command; a wrong id or value is one line on stderr and exit 2."""
    import sys

    from .services.trips import UnknownItem

    try:
        return (cmd_trip if args.command == "trip" else cmd_book)(args, open_library, open_existing)
    except (UnknownItem, ValueError) as err:
        print(f"briefbook: {err}", file=sys.stderr)
        return 2
