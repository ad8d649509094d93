"""Screenshots of Briefbook's main views on the demo library.

    xvfb-run -a python benchmarks/gui_screenshots.py --out /tmp/briefbook-shots [--lang zh_CN] [--dark]

Runs on a real X server under Xvfb (or with QT_QPA_PLATFORM=offscreen); builds a
fresh demo library in a temporary folder and never touches the user's settings.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path


def _enrich(lib) -> None:
    """Entities and a merge suggestion from the demo's person facts, so the Entities view
    shows what entity linking will give it (the linker is not wired into this build yet)."""
    from briefbook.store import entities as ent

    if lib.scalar("SELECT count(*) FROM entities"):
        return
    rows = lib.query("SELECT id, kind, text, value_json FROM facts WHERE kind IN ('person', 'organization')")
    import json

    by_name: dict[tuple[str, str], int] = {}
    for fid, kind, text, value_json in rows:
        name = json.loads(value_json or "{}").get("name") or text
        key = (kind, name)
        if key not in by_name:
            by_name[key] = ent.create_entity(lib, kind, name)
        ent.link_fact(lib, fid, by_name[key], status="proposed", confidence=0.8)
    gao = by_name.get(("person", "高燕")) or ent.create_entity(lib, "person", "高燕")
    latin = ent.create_entity(lib, "person", "Gao Yan", aliases=[("Frau Gao Yan", "de")])
    ent.propose_merge(lib, gao, latin, 0.86, "same name in pinyin; both president of CCPIT")
    jetro = ent.create_entity(lib, "organization", "日本贸易振兴机构", aliases=[("JETRO", "en"), ("ジェトロ", "ja")])
    other = ent.create_entity(lib, "organization", "Japan External Trade Organization")
    ent.propose_merge(lib, jetro, other, 0.74, "English name of the alias JETRO")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="/tmp/briefbook-shots")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--dark", action="store_true")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="bb-shots-"))

    from PySide6.QtGui import QColor, QPalette

    from briefbook.gui.app import build_window, setup_application
    from briefbook.gui.dialogs.fact_editor import FactEditor
    from briefbook.gui.dialogs.small import ImportReportDialog
    from briefbook.gui.runtime.settings import LANGUAGE, WELCOME_SHOWN, Settings
    from briefbook.gui.runtime.tasks import SyncExecutor
    from briefbook.paths import seeds_dir
    from briefbook.services.demo import build_demo_library

    settings = Settings(str(tmp / "settings.ini"))
    settings.set(LANGUAGE, args.lang)
    settings.set(WELCOME_SHOWN, True)
    app = setup_application(settings)
    if args.dark:
        pal = QPalette()
        for role, color in ((QPalette.ColorRole.Window, "#2b2d30"), (QPalette.ColorRole.Base, "#1e1f22"),
                            (QPalette.ColorRole.AlternateBase, "#26282b"), (QPalette.ColorRole.Text, "#dfe1e5"),
                            (QPalette.ColorRole.WindowText, "#dfe1e5"), (QPalette.ColorRole.Button, "#35373b"),
                            (QPalette.ColorRole.ButtonText, "#dfe1e5"), (QPalette.ColorRole.Highlight, "#2f65ca"),
                            (QPalette.ColorRole.HighlightedText, "#ffffff"), (QPalette.ColorRole.Mid, "#6f737a")):
            pal.setColor(role, QColor(color))
        app.setPalette(pal)
    path = tmp / "demo.briefbook"
    book_locale = {"zh_CN": "zh-Hans", "de": "de"}.get(args.lang, "en")  # as the first run makes it
    build_demo_library(path, with_book=True, locale=book_locale).close()
    from briefbook.store.db import open_library

    lib = open_library(path)
    _enrich(lib)
    lib.close()

    window = build_window(str(path), False, settings, SyncExecutor(), show_dialogs=False)
    window.resize(1440, 900)
    window.show()
    suffix = f"-{args.lang}" + ("-dark" if args.dark else "")

    def settle():
        for _ in range(5):
            app.processEvents()

    def shot(widget, name):
        settle()
        target = out / f"{name}{suffix}.png"
        widget.grab().save(str(target))
        print(target)

    # library + reader on the 高燕 article, some facts reviewed
    window.library.search.setText("高燕")
    window.library.apply_filter()
    window.library.select_row(0)
    settle()
    view = window.facts
    view.table.setFocus()
    view.set_current_row(0)
    for key in ("accept", "accept", "reject", "accept"):
        view.run_command(key)
    view.run_command("jump")
    shot(window, "01-search-reader")
    window.library.search.clear()
    window.library.apply_filter()
    shot(window, "02-library")
    window.tabs.setCurrentIndex(1)
    review = window.knowledge_review
    review.show_mentions()
    window.review.view.set_current_row(3)
    shot(window, "03-review-queue")
    review.mode_box.setCurrentIndex(0)  # knowledge: one row per entity, figure, statement
    review.show_box.setCurrentIndex(1)
    review._select_row(0)
    shot(window, "11-grouped-review")
    review.kind_box.setCurrentIndex(1)  # people, organisations, places
    people = [n for n, r in enumerate(review.model.rows) if r.get("title") and len(r["articles"]) > 1]
    review._select_row(people[0] if people else 0)
    shot(window, "12-entity-card")
    # a figure two articles disagree on: the conflict side by side
    window.importer.import_text("青岛与日本经贸往来密切\n\n2019年，青岛与日本进出口贸易总额为76.43亿美元，同比增长2.1%。\n")
    window.importer.import_text("日企在青岛投资踊跃\n\n据统计，2019年，青岛与日本进出口贸易总额为72.1亿美元。\n")
    from briefbook.services.extraction import extract_articles

    lib = window.ctx.lib
    extract_articles(lib, [r[0] for r in lib.query("SELECT id FROM articles ORDER BY id DESC LIMIT 2")], force=True)
    review.kind_box.setCurrentIndex(2)  # figures, conflicts first
    review._select_row(0)
    shot(window, "13-figures-conflict")
    review.kind_box.setCurrentIndex(0)
    review.show_box.setCurrentIndex(0)
    window.tabs.setCurrentIndex(2)
    window.entities.select_entity(window.entities.list.item(0, 0).data(256))
    window.entities.proposals.setCurrentCell(0, 0)
    shot(window, "04-entities")

    # the book: trip and delegation, the outline, the export dialog; preferences
    window.tabs.setCurrentWidget(window.book)
    shot(window, "14-book-trip")
    window.book.tabs.setCurrentWidget(window.book.outline)
    shot(window, "15-book-outline")
    export = window.book.export()
    if export is not None:
        shot(export, "16-export-dialog")
        export.close()
    from briefbook.gui.dialogs.small import PreferencesDialog

    prefs = PreferencesDialog(settings, window, library_path=path)
    prefs.show()
    shot(prefs, "17-preferences")
    prefs.close()

    window.tabs.setCurrentIndex(0)
    bad = tmp / "scan.png"
    bad.write_bytes(b"\x89PNG")
    window.importer.show_dialogs = False
    window.importer.import_paths([str(seeds_dir()), str(bad)])
    dialog = ImportReportDialog(window.importer.last_report, window)
    dialog.show()
    shot(dialog, "05-import-report")
    dialog.close()
    text = window.reader.article.text
    start = text.find("76.43") if "76.43" in text else 0
    editor = FactEditor(text, start, start + 8, "amount", {"value": 7643000000, "currency": "usd"}, window)
    editor.show()
    shot(editor, "06-fact-editor")
    editor.close()

    # a near-duplicate: a seed re-published with one paragraph rewritten
    from briefbook.gui.dialogs import library_actions

    seed = sorted(p for p in seeds_dir().iterdir() if p.suffix == ".txt")[0]
    paragraphs = seed.read_text(encoding="utf-8").split("\n")
    longest = max(range(len(paragraphs)), key=lambda n: len(paragraphs[n]))
    paragraphs[longest] = "（转载时改写）" + paragraphs[longest][: len(paragraphs[longest]) // 2] + "。"
    window.importer.import_text("\n".join(paragraphs))
    dup = window.ctx.lib.scalar("SELECT max(id) FROM articles WHERE duplicate_status = 'suspected'")
    if dup:
        window.show_article(dup)
        window.reader.set_kind_visible("place", False)  # the legend with one kind switched off
        shot(window, "08-duplicate-reader")
        window.reader.set_kind_visible("place", True)
        compare = window.reader.dup_bar.compare()
        if compare is not None:
            compare.resize(1200, 640)
            for view in (compare.left[1], compare.right[1]):
                cursor = view.textCursor()
                line = sorted(compare.only_right)[0] if compare.only_right else 0
                cursor.setPosition(view.document().findBlockByNumber(max(0, line - 1)).position())
                view.setTextCursor(cursor)
                view.ensureCursorVisible()
            shot(compare, "09-compare")
            compare.close()
    library_actions.back_up_now(window)
    restore_dialog = library_actions.RestoreDialog(window)
    restore_dialog.show()
    shot(restore_dialog, "10-restore-backups")
    restore_dialog.close()
    window.show_welcome()
    shot(window.welcome, "07-welcome")
    window.welcome.close()
    window.close()
    window.ctx.lib.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
