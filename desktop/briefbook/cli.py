"""The ``briefbook`` command: the GUI by default, and headless commands over the same core.

    briefbook [--library PATH] [--demo]          open the app (the demo library on first run)
    briefbook import PATH... [--json]            import files and folders
    briefbook list [--json]                      list the library's articles
    briefbook show ID [--original] [--json]      print one article
    briefbook search QUERY [--json]              full-text search
    briefbook extract PATH --json                facts of one file, no library needed
    briefbook extract [--article ID | --all]     extract into the library
    briefbook export --book ID --format pdf -o FILE   export a briefing book (--demo: the sample book)
    briefbook backup | restore [BACKUP] [--list]  back up the library, or put a backup back
    briefbook review list|accept|reject|reset    the review queue and its decisions (see cli_review.py)
    briefbook mention accept|reject|delete ID... single mentions
    briefbook entities list [--json]             people, organisations and places with their review status
    briefbook figures list [--locale L] [--json] figures with measure, subject, period, sources, conflicts
    briefbook trip new|list|show|edit            trips (see cli_books.py)
    briefbook book new|list|show|add|remove      books and their outline
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import __version__
from .cli_args import GLOBAL_VALUE_OPTIONS, is_valid_text, item_id, search_limit, search_terms_last, shown
from .paths import default_library_path


def _library_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--library", "-L", metavar="PATH", default=argparse.SUPPRESS,
                        help=f"the library file (default: {default_library_path()})")


def _verbose_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--verbose", action="store_true", default=argparse.SUPPRESS,
                        help="also show the warnings of Briefbook and its libraries on the terminal "
                             "(they always go to the log file)")


# The app's own options, without a value: a start with nothing but these (and --library
# PATH) opens the app, and is parsed without the commands' parsers (building them all
# would cost every start of the app about 10 ms).
_APP_FLAGS = ("--demo", "--no-gui", "--self-test", "--verbose")


def opens_app(argv: list[str]) -> bool:
    """Whether ``argv`` holds only the app's own options, spelt out in full; anything
    else (a command, --help, an abbreviation, a value that looks like an option) goes
    to the full parser."""
    i = 0
    while i < len(argv):
        token = argv[i]
        if token in GLOBAL_VALUE_OPTIONS and i + 1 < len(argv) and not argv[i + 1].startswith("-"):
            i += 2
        elif token in _APP_FLAGS:
            i += 1
        else:
            return False
    return True


def build_parser(commands: bool = True) -> argparse.ArgumentParser:
    """The command line; without ``commands`` only the app's own options (see opens_app)."""
    parser = argparse.ArgumentParser(prog="briefbook", description="Briefing books for delegation trips.")
    parser.add_argument("--version", action="version", version=f"briefbook {__version__}")
    _library_option(parser)
    parser.add_argument("--demo", action="store_true",
                        help="(re)build the demo library from the sample articles and open it")
    parser.add_argument("--no-gui", action="store_true", help="with --demo: build the library only")
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation headless: build the demo library, export a PDF and DOCX, "
                             "start the window offscreen")
    if not commands:
        parser.set_defaults(command=None)
        _verbose_option(parser)
        return parser
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("import", help="import files or folders (txt, md, html, docx, pdf)")
    _library_option(p)
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--json", action="store_true", help="print the import report as JSON")
    p.add_argument("--no-extract", action="store_true", help="do not extract facts after importing")

    p = sub.add_parser("list", help="list the articles in the library")
    _library_option(p)
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("show", help="print one article (cleaned text)")
    _library_option(p)
    p.add_argument("id", type=item_id)
    p.add_argument("--original", action="store_true", help="print the text exactly as imported")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("search", help="full-text search (Chinese, Japanese, German, English)")
    _library_option(p)
    p.add_argument("query", nargs="+")
    p.add_argument("--limit", type=search_limit, default=20)
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("extract", help="extract facts from a file, or into the library")
    _library_option(p)
    p.add_argument("path", nargs="?", help="a file to extract from without a library")
    p.add_argument("--article", type=item_id, help="extract one library article")
    p.add_argument("--all", action="store_true", help="extract every article in the library")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("export", help="export a briefing book as PDF or DOCX")
    _library_option(p)
    p.add_argument("--book", type=item_id, help="the book's id (briefbook export --list shows them)")
    p.add_argument("--demo", action="store_true", help="export the sample book built from the demo articles")
    p.add_argument("--list", action="store_true", help="list the library's books")
    p.add_argument("--json", action="store_true", help="with --list: the books as JSON; else: report what was written")
    p.add_argument("--format", choices=("pdf", "docx"), help="default: from the file name")
    p.add_argument("--locale", choices=("en", "de", "zh-Hans", "zh-Hant", "ja"), help="override the book's locale")
    p.add_argument("--template", help="override the book's template (official, compact)")
    p.add_argument("--draft", action=argparse.BooleanOptionalAction, default=None, help="DRAFT watermark")
    p.add_argument("-o", "--output", help="the file to write")

    p = sub.add_parser("backup", help="make a backup of the library now")
    _library_option(p)
    p.add_argument("--keep", type=int, metavar="N", help="from now on keep the newest N backups (1-100)")
    p = sub.add_parser("restore", help="replace the library with one of its backups")
    _library_option(p)
    p.add_argument("backup", nargs="?", help="the backup file (default: the newest)")
    p.add_argument("--list", action="store_true", help="list the backups, newest first")

    p = sub.add_parser("entities", help="people, organisations and places (after linking)")
    _library_option(p)
    p.add_argument("action", choices=("list",))
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("figures", help="figures with measure, subject, period, approximation and sources")
    _library_option(p)
    p.add_argument("action", choices=("list",))
    p.add_argument("--locale", choices=BOOK_LOCALES, default="en", help="the locale of labels and values")
    p.add_argument("--json", action="store_true")
    from . import cli_books, cli_review

    cli_review.add_parsers(sub, _library_option)
    cli_books.add_parsers(sub, _library_option)
    for command in [parser, *sub.choices.values()]:
        _verbose_option(command)
    return parser


BOOK_LOCALES = ("en", "de", "zh-Hans", "zh-Hant", "ja")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(commands=not opens_app(argv))
    args = parser.parse_args(search_terms_last(argv))
    from .applog import setup_logging

    setup_logging(verbose=getattr(args, "verbose", False))
    try:
        if args.self_test:
            from .selftest import run_self_test

            return run_self_test()
        if args.command is None:
            return _run_gui(args)
        handler = {"import": cmd_import, "list": cmd_list, "show": cmd_show,
                   "search": cmd_search, "extract": cmd_extract, "export": cmd_export,
                   "backup": cmd_backup, "restore": cmd_restore, "review": _cmd_review, "mention": _cmd_review,
                   "entities": cmd_entities, "figures": cmd_figures, "trip": _cmd_trips, "book": _cmd_trips}[args.command]
        return handler(args)
    except KeyboardInterrupt:
        print("briefbook: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into head, less...: not an error
        sys.stderr.close()
        return 0
    except Exception as err:  # one clear line, not a traceback, for errors a user can act on
        from .services.errors import USER_ERRORS

        if isinstance(err, (*USER_ERRORS, OSError)):
            print(f"briefbook: {err}", file=sys.stderr)
            return 2
        import sqlite3

        from .store.db import library_error

        if isinstance(err, sqlite3.Error) and (clear := library_error(err, _library_path(args))) is not None:
            print(f"briefbook: {clear}", file=sys.stderr)
            return 2
        raise


def _cmd_trips(args) -> int:
    from .cli_books import run

    return run(args, _open, _open_existing)


def _cmd_review(args) -> int:
    from .cli_review import run

    return run(args, _open, _open_existing)


def _library_path(args) -> Path:
    return Path(getattr(args, "library", None) or default_library_path())


def _busy_seconds() -> float:
    import os

    from .store.db import BUSY_SECONDS

    try:
        return max(0.0, float(os.environ.get("BRIEFBOOK_BUSY_SECONDS", BUSY_SECONDS)))
    except ValueError:
        return BUSY_SECONDS


def _busy_notice(waited: float, limit: float) -> None:
    """Another program holds the library's write lock: say so while we wait (at most ``limit`` s)."""
    step = int(waited) // 5
    if getattr(_busy_notice, "shown", None) != step:
        _busy_notice.shown = step  # type: ignore[attr-defined]
        print(f"briefbook: library busy, waiting… ({waited:.0f} of {limit:.0f} s)", file=sys.stderr, flush=True)


def _open(args):
    """For commands that write: backups follow the work (on close, at most hours apart)."""
    from .store.backup import BackupPolicy
    from .store.db import open_library

    lib = open_library(_library_path(args), on_busy=_busy_notice, busy_seconds=_busy_seconds())
    if lib.readonly:
        print(f"briefbook: {lib.readonly_message()}", file=sys.stderr)
    policy = BackupPolicy(on_error=lambda err: print(f"briefbook: warning: no backup made: {err}", file=sys.stderr))
    return policy.attach(lib)


def _open_existing(args, write: bool = False):
    """A missing library is an error, not a new empty file.  Read commands open the
    library read-only: they work on read-only media, beside a running Briefbook, and
    never make a backup."""
    from .store.db import open_library
    from .store.errors import LibraryReadOnly

    path = _library_path(args)
    if not path.exists():
        raise FileNotFoundError(f"there is no library at {path}; import something first (briefbook import PATH)")
    if write:
        return _open(args)
    try:
        return open_library(path, readonly=True)
    except LibraryReadOnly:  # an older library: the upgrade needs a writer once
        return _open(args)


class _Bar:
    """A one-line progress bar on stderr when it is a terminal; silent otherwise."""

    def __init__(self, label: str):
        self.label = label
        self.active = sys.stderr.isatty()

    def __call__(self, done: int, total: int, message: str = "") -> None:
        if not self.active or total <= 0:
            return
        width = 30
        filled = int(width * done / total)
        name = (message[:30] + "…") if len(message) > 31 else message
        sys.stderr.write(f"\r{self.label} [{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name:<32}")
        sys.stderr.flush()
        if done >= total:
            sys.stderr.write("\n")


def cmd_import(args) -> int:
    from .services.extraction import import_and_extract
    from .store.errors import LibraryError

    # reading and extracting share one pool of workers (started once per import)
    with _open(args) as lib:
        if lib.readonly:
            raise LibraryError(lib.readonly_message())
        report, done = import_and_extract(lib, args.paths, progress=_Bar("Importing"),
                                          extract_progress=_Bar("Extracting"), extract=not args.no_extract)
        extracted = done or 0
    if args.json:
        data = report.to_json()
        data["extracted_articles"] = extracted
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(report.summary())
        for o in report.outcomes:
            if o.warning:
                print(f"  check      {o.path}: article {o.article_id}, {o.warning}")
            if o.status == "failed":
                print(f"  failed     {o.path}: {o.reason}")
            elif o.status == "duplicate":
                print(f"  duplicate  {o.path}: already in the library as article {o.duplicate_of}")
            elif o.status == "near_duplicate":
                print(f"  near-dup   {o.path}: article {o.article_id}, {o.reason}")
    if report.stopped:
        print(f"briefbook: import stopped: {report.stopped}", file=sys.stderr)
        return 1
    return 1 if report.failures and not report.imported and not report.duplicates else 0


def cmd_list(args) -> int:
    from .core.article import display_title
    from .store.articles import list_articles

    with _open_existing(args) as lib:
        rows = list_articles(lib)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for r in rows:
        dup = f"  (near-duplicate of {r['duplicate_of']})" if r["duplicate_of"] else ""
        title = display_title(r["title"], r["snippet"])
        print(f"{r['id']:>5}  {r['published'] or '----------'}  {r['lang'] or '?':<7}  {title}{dup}")
    return 0


def cmd_show(args) -> int:
    from .store.articles import get_article

    with _open_existing(args) as lib:
        art = get_article(lib, args.id)
    if art is None:
        print(f"briefbook: there is no article {args.id}", file=sys.stderr)
        return 2
    if args.json:
        data = {k: getattr(art, k) for k in ("id", "title", "lang", "published", "published_time", "source",
                                             "author", "url", "path", "format", "encoding", "sha256", "text")}
        data["original"] = art.original
        data.update({k: v for k, v in art.extra.items()})
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    header = [art.display_title(60)]
    meta = " · ".join(x for x in (art.source, art.published, art.lang, art.author) if x)
    if meta:
        header.append(meta)
    print("\n".join(header))
    print("-" * 60)
    print(art.original if args.original else art.text)
    return 0


def cmd_search(args) -> int:
    from .store.search import search

    query = " ".join(args.query)
    if not is_valid_text(query):
        print(f"briefbook: the search words {shown(query)} hold bytes that are not valid UTF-8", file=sys.stderr)
        return 2
    with _open_existing(args) as lib:
        hits = search(lib, query, limit=args.limit)
    if args.json:
        print(json.dumps([h.__dict__ for h in hits], ensure_ascii=False, indent=2))
        return 0
    if not hits:
        print(f"No articles match {query!r}.")
        return 0
    bold = sys.stdout.isatty()
    for h in hits:
        snippet = _mark(h.snippet, h.spans, bold)
        print(f"{h.article_id:>5}  {h.published or '----------'}  {h.title or '(untitled)'}")
        print(f"       {snippet}")
    return 0


def _mark(text: str, spans: list[tuple[int, int]], bold: bool) -> str:
    on, off = ("\033[1m", "\033[0m") if bold else ("[", "]")
    out, pos = [], 0
    for s, e in spans:
        out.append(text[pos:s] + on + text[s:e] + off)
        pos = e
    out.append(text[pos:])
    return "".join(out)


def cmd_extract(args) -> int:
    if args.path:
        return _extract_file(args)
    from .services.extraction import extract_articles
    from .store.articles import article_ids

    with _open_existing(args, write=True) as lib:
        if args.article is not None:
            from .store.articles import get_article

            if get_article(lib, args.article) is None:
                print(f"briefbook: there is no article {args.article}", file=sys.stderr)
                return 2
            ids = [args.article]
        elif args.all:
            ids = article_ids(lib)
        else:
            print("briefbook: give a PATH, --article ID or --all", file=sys.stderr)
            return 2
        n = extract_articles(lib, ids, progress=_Bar("Extracting"), force=True)
    print(f"Extracted facts from {n} article(s).")
    return 0


def _extract_file(args) -> int:
    from .services.extraction import extract_file

    art, facts = extract_file(args.path)
    data = {
        "article": {"title": art.title, "lang": art.lang, "published": art.published,
                    "source": art.source, "text": art.text},
        "facts": [f.to_contract() for f in facts],
    }
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=1))
    else:
        for f in facts:
            print(f"{f.kind:<13} {f.start:>6}-{f.end:<6} {f.text}")
    return 0


def cmd_export(args) -> int:
    from .cli_export import run

    return run(args, _open_existing, _Bar)


def cmd_backup(args) -> int:
    from .store.backup import backup_count, make_backup, set_backup_count, space_used

    path = _library_path(args)
    if args.keep is not None:
        if not 1 <= args.keep <= 100:
            print("briefbook: --keep takes a number from 1 to 100", file=sys.stderr)
            return 2
        set_backup_count(path, args.keep)
    with _open_existing(args, write=True) as lib:
        lib.close_hooks.clear()  # this command's own backup is the one
        target = make_backup(lib.conn, lib.path, "manual")
    count, used = space_used(path)
    print(f"Backup written: {target}")
    print(f"{count} backup(s) kept (at most {backup_count(path)}), {used / 1e6:.1f} MB "
          f"for a library of {path.stat().st_size / 1e6:.1f} MB")
    return 0


def cmd_restore(args) -> int:
    from datetime import datetime

    from .store.backup import list_backups, newest_sound_backup, restore_backup

    path = _library_path(args)
    backups = list_backups(path)
    if args.list:
        if not backups:
            print(f"There are no backups of {path}.")
        for b in backups:
            print(f"{datetime.fromtimestamp(b.stat().st_mtime):%Y-%m-%d %H:%M}  {b.stat().st_size / 1e6:8.1f} MB  {b}")
        return 0
    chosen = Path(args.backup) if args.backup else newest_sound_backup(path)
    if chosen is None:
        what = "no sound backups" if backups else "no backups"
        print(f"briefbook: there are {what} of {path}", file=sys.stderr)
        return 2
    if not args.backup and backups and chosen != backups[0]:
        print(f"briefbook: skipped {backups.index(chosen)} newer backup(s) that are damaged", file=sys.stderr)
    saved = restore_backup(path, chosen)
    print(f"Restored {path} from {chosen}.")
    if saved:
        print(f"The library as it was before is kept in {saved}.")
    return 0


def _print_rows(rows: list[dict], as_json: bool, line) -> int:
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
    else:
        for row in rows:
            print(line(row))
    return 0


def cmd_entities(args) -> int:
    from .services.knowledge import ensure_built
    from .services.review import list_entities

    with _open_existing(args) as lib:
        ensure_built(lib)
        rows = list_entities(lib)
    return _print_rows(rows, args.json,
                       lambda r: f"{r['entity_kind']:<12} {r['status']:<9} {r['mentions']:>3}  {r['name']}")


def cmd_figures(args) -> int:
    from .services.knowledge import ensure_built
    from .services.review import list_figures

    with _open_existing(args) as lib:
        ensure_built(lib)
        rows = list_figures(lib, args.locale)

    def line(r):
        period = r["period"] or {}
        if not period:
            when = "period unknown"
        elif period.get("kind") == "as_of" or not period.get("start"):
            when = f"as of {period.get('end')}"
        else:
            when = f"{period['start']}..{period['end']}"
        flag = "  CONFLICT" if r["conflicts"] else ""
        return f"{r['label']} | {r['subject'] or '?'} | {when} | {r['display']}{flag}"
    return _print_rows(rows, args.json, line)


def _run_gui(args) -> int:
    library = getattr(args, "library", None)
    ask_rebuild = new_demo = False
    if args.demo:  # imported only here: the extractors it loads would delay every start
        from .services.demo import build_demo_library, demo_library_path

        path = Path(library) if library else demo_library_path()
        if path.exists() and path.stat().st_size > 0:
            _refuse_if_in_use(path)
            if args.no_gui:  # nothing destroys a library without the user's word
                print(f"briefbook: there is already a library at {path}; --demo never replaces it. Open it with "
                      f"--library {path}, or choose a new path for the demo library.", file=sys.stderr)
                return 2
            ask_rebuild = True  # the app asks first
        elif args.no_gui:
            build_demo_library(path, progress=_Bar("Building the demo library"), with_book=True).close()
            print(f"Demo library ready: {path}")
            return 0
        new_demo = not ask_rebuild  # a new one: the app opens at once and builds it in the background
        library = str(path)
    import gc

    # Starting the app makes objects that live as long as it does (modules, Qt's classes and
    # enums, the window): the cycle collector would walk them again and again before the
    # window shows (about 10 ms).  run_app switches it back on once the window has painted.
    # (Not when the demo library is rebuilt first: that is long work that makes garbage.)
    if not ask_rebuild:
        gc.disable()
    # The library modules the window reads through, before Qt: once PySide6 is loaded it
    # reads the source of every module an import statement names (looking for its
    # __feature__ imports), and these name some thirty more of their own (about 5 ms).
    from .store import articles, backup, extraction_queue, facts, notes, views  # noqa: F401

    try:
        try:
            from .gui.app import run_app
        except ImportError as err:
            print(f"briefbook: the desktop app cannot start ({err}); the command-line tools still work "
                  "(briefbook --help)", file=sys.stderr)
            return 2
        return run_app(library_path=library, first_run_demo=not args.demo, ask_demo_rebuild=ask_rebuild,
                       new_demo=new_demo)
    finally:
        gc.enable()


def _refuse_if_in_use(path: Path) -> None:
    """LibraryBusy now, before anything else happens, when another Briefbook has ``path`` open."""
    from .store.lock import LibraryLock

    lock = LibraryLock(path)
    try:
        lock.acquire()
    except OSError:
        return  # read-only folder: nothing can replace it anyway
    previous_unclean = lock.unclean
    lock.release(clean=not previous_unclean)  # keep the unclean mark for the next writer's check


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
