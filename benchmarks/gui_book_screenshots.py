"""Screenshots of the Book tab on the demo library: trip form, outline editor, export dialog.

    xvfb-run -a python benchmarks/gui_book_screenshots.py --out /tmp/briefbook-shots [--lang zh_CN]

Builds a fresh demo library with the demo book in a temporary folder; never touches
the user's settings.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="/tmp/briefbook-shots")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--book-locale", default="en")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="bb-book-shots-"))

    from briefbook.gui.app import build_window, setup_application
    from briefbook.gui.dialogs.export_dialog import EXPORT_DIR
    from briefbook.gui.runtime.settings import LANGUAGE, WELCOME_SHOWN, Settings
    from briefbook.gui.runtime.tasks import SyncExecutor
    from briefbook.services.demo import build_demo_library
    from briefbook.services.demo_book import build_demo_book
    from briefbook.store import books as book_store
    from briefbook.store.db import open_library

    settings = Settings(str(tmp / "settings.ini"))
    settings.set(LANGUAGE, args.lang)
    settings.set(WELCOME_SHOWN, True)
    settings.set(EXPORT_DIR, str(tmp))
    app = setup_application(settings)
    path = tmp / "demo.briefbook"
    build_demo_library(path).close()
    lib = open_library(path)
    book_id = build_demo_book(lib, args.book_locale)
    trip_id = book_store.get_book(lib, book_id)["trip_id"]
    members = book_store.members(lib, trip_id)
    if members:  # a linked member, as a user would link them
        from briefbook.store import entities as ent

        found = ent.find_entities(lib, "person", members[0]["name"])
        if found:
            book_store.update_row(lib, "delegation_members", members[0]["id"], entity_id=found[0])
    lib.close()

    window = build_window(str(path), False, settings, SyncExecutor(), show_dialogs=False)
    window.resize(1440, 900)
    window.show()
    suffix = f"-{args.lang}"

    def settle():
        for _ in range(5):
            app.processEvents()

    def shot(widget, name):
        settle()
        target = out / f"{name}{suffix}.png"
        widget.grab().save(str(target))
        print(target)

    view = window.book
    window.tabs.setCurrentWidget(view)
    view.reload_trips(select=trip_id)
    view.tabs.setCurrentWidget(view.trip_editor)
    shot(window, "10-book-trip")

    view.tabs.setCurrentWidget(view.outline)
    outline = view.outline
    talking = [s for s in book_store.sections(window.ctx.lib, book_id) if s["kind"] == "talking_points"][0]
    outline.select_section(talking["id"])
    shot(window, "11-book-outline")
    profile = [s for s in book_store.sections(window.ctx.lib, book_id)
               if s["kind"] == "profile" and s["parent_id"] is not None][0]
    outline.select_section(profile["id"])
    shot(window, "12-book-outline-profile")

    dialog = view.export()
    dialog.pdf.setChecked(True)
    dialog.path.setText(str(tmp / "briefing.pdf"))
    dialog.start_export()
    shot(dialog, "13-export-dialog")
    dialog.close()
    window.close()
    window.ctx.lib.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
