"""``briefbook review …`` and ``briefbook mention …``: the review queue and its decisions headless.

    briefbook review list [--all] [--locale L] [--json]   one row per entity, figure, event, agreement
    briefbook review accept|reject|reset UUID...          decide rows (an entity's mentions follow it)
    briefbook mention accept|reject|reset|delete ID...    one mention (fact) at a time

Every decision goes through services/mention_edits.py, as the GUI's do, so the figures
and statements read from the mentions follow at once; the output says which changed.
"""

from __future__ import annotations

import json
import sys

from .cli_args import item_id

LOCALES = ("en", "de", "zh-Hans", "zh-Hant", "ja")
_DECISIONS = {"accept": "accepted", "reject": "rejected", "reset": None}
_MENTION_STATUSES = {"accept": "accepted", "reject": "rejected", "reset": "proposed"}


def add_parsers(sub, library_option) -> None:
    p = sub.add_parser("review", help="the review queue (one row per entity, figure, event or agreement) "
                                      "and decisions on its rows")
    library_option(p)
    p.add_argument("action", choices=("list", *_DECISIONS))
    p.add_argument("uuids", nargs="*", metavar="UUID", help="with accept/reject/reset: the rows (their uuid "
                                                             "or a member's, as `review list --json` gives them)")
    p.add_argument("--all", action="store_true", help="also the rows already decided (or accepted by agreement)")
    p.add_argument("--locale", choices=LOCALES, default="en")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("mention", help="accept, reject, reset or delete single mentions (facts)")
    library_option(p)
    p.add_argument("action", choices=(*_MENTION_STATUSES, "delete"))
    p.add_argument("ids", nargs="+", type=item_id, metavar="ID")
    p.add_argument("--json", action="store_true")


def run(args, open_library, open_existing) -> int:
    try:
        if args.command == "mention":
            return cmd_mention(args, open_library)
        if args.action == "list":
            return cmd_review_list(args, open_existing)
        return cmd_decide(args, open_library)
    except (KeyError, ValueError) as err:
        print(f"briefbook: {str(err).strip(chr(39))}", file=sys.stderr)
        return 2


def cmd_review_list(args, open_existing) -> int:
    from .services.knowledge import ensure_built
    from .services.review import review_queue

    if args.uuids:
        raise ValueError("review list takes no uuids")
    with open_existing(args) as lib:
        ensure_built(lib)
        rows = review_queue(lib, args.locale, include_decided=args.all)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    for r in rows:
        what = (r.get("name") or r.get("display") or (r.get("args") or {}).get("name")
                or (r.get("args") or {}).get("subject"))
        print(f"{r['kind']:<9} {r['status']:<9} {r['mentions']:>3}  {what}")
    return 0


def _changes(edit) -> dict:
    return {"articles": edit.articles, "figures": edit.knowledge.get("figures", {}),
            "statements": edit.knowledge.get("statements", {})}


def _report(data: dict, as_json: bool, what: str) -> int:
    if as_json:
        print(json.dumps(data, ensure_ascii=False, indent=1))
        return 0
    counts = ", ".join(f"{name} {verb} {len(data[name][verb])}" for name in ("figures", "statements")
                       for verb in ("added", "removed", "changed") if data[name].get(verb))
    print(f"{what}; knowledge read again in {len(data['articles'])} article(s)" + (f": {counts}" if counts else ""))
    return 0


def cmd_decide(args, open_library) -> int:
    from .services import mention_edits
    from .services.knowledge import ensure_built
    from .services.review import review_queue

    if not args.uuids:
        raise ValueError(f"review {args.action} needs the uuid of at least one row")
    with open_library(args) as lib:
        ensure_built(lib)
        wanted = set(args.uuids)
        rows = [r for r in review_queue(lib, args.locale, include_decided=True)
                if r["uuid"] in wanted or wanted & {m["uuid"] for m in r.get("members") or ()}]
        found = {r["uuid"] for r in rows} | {m["uuid"] for r in rows for m in r.get("members") or ()}
        missing = sorted(wanted - found)
        if missing:
            raise KeyError(f"no review row with uuid {missing[0]}")
        edit = mention_edits.decide_rows(lib, rows, _DECISIONS[args.action])
        data = dict(_changes(edit), rows=len(rows), status=_DECISIONS[args.action] or "proposed",
                    mentions=len(edit.result or []))
    return _report(data, args.json, f"{args.action}: {len(rows)} row(s), {data['mentions']} mention(s)")


def cmd_mention(args, open_library) -> int:
    from .services import mention_edits

    with open_library(args) as lib:
        if args.action == "delete":
            edit = mention_edits.delete_mentions(lib, args.ids)
        else:
            edit = mention_edits.set_mention_status(lib, args.ids, _MENTION_STATUSES[args.action])
        data = _changes(edit)
    return _report(data, args.json, f"{args.action}: {len(args.ids)} mention(s)")
