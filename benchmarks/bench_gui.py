"""Desktop app figures on a 10,000-article library with 200,000 facts.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_gui.py [--work DIR] [--launch-only]

Prints: launch to usable main window (``briefbook --library PATH`` until the window has
painted with the first article open, target <= 2x a bare PySide6 window until it has painted), the longest main-thread stall
while 1,000 articles are imported in the background (target <= 100 ms; a 5 ms timer
records event-loop lateness while the user keeps clicking through articles),
scrolling and filtering the 200,000-row facts table (rows loaded vs total), and
resident memory (target <= 500 MB).  Launch is the median of several whole
processes, interleaved with a bare PySide6 window process (the anchor), and
printed as a ratio.  The library holds realistic generated articles stored
through the import path's store call (20 facts each added directly) and is
cached in --work.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

N_ARTICLES = 10_000
FACTS_PER_ARTICLE = 20
KINDS = ("person", "organization", "place", "amount", "date", "count", "percentage", "event", "agreement")
from gui_launch_child import rss_mb  # noqa: E402 (after the path to this folder)

RUNS = 7  # launches per side; the median is reported (this machine is noisy)


def generate(path: Path) -> None:
    """10,000 realistic generated articles stored through the import path's store call
    (cleaning, language, duplicate check, full-text index), then 20 facts each
    inserted directly (extracting 10,000 articles would take minutes and is
    measured by bench_pipeline.py)."""
    from synthetic import ArticleGenerator

    from briefbook.ingest import read_pasted
    from briefbook.store.articles import add_article
    from briefbook.store.db import now_iso, open_library

    rng = random.Random(7)
    gen = ArticleGenerator(seed=31)
    lib = open_library(path)
    stamp = now_iso()
    for lo in range(0, N_ARTICLES, 1000):
        with lib.transaction():  # one commit per 1,000 articles, as an import batch does
            for i in range(lo, min(lo + 1000, N_ARTICLES)):
                _lang, raw = gen.article(i)
                article = read_pasted(raw)
                add_article(lib, article)
                text = article.text
                step = max(1, len(text) // (FACTS_PER_ARTICLE + 1))
                rows = []
                for k in range(FACTS_PER_ARTICLE):
                    start = k * step
                    kind = KINDS[k % len(KINDS)]
                    rows.append((article.id, kind, start, start + 2, text[start:start + 2],
                                 json.dumps({"name": text[start:start + 2]}, ensure_ascii=False),
                                 round(rng.uniform(0.3, 0.99), 2), stamp, stamp))
                with lib.transaction() as conn:
                    conn.executemany(
                        'INSERT INTO facts (article_id, kind, start, "end", text, value_json, confidence, created_at, updated_at) '
                        "VALUES (?,?,?,?,?,?,?,?,?)", rows)
    lib.close()


def make_import_folder(folder: Path, n: int = 1000) -> None:
    from synthetic import ArticleGenerator

    ArticleGenerator(seed=13).write_files(folder, n, start=N_ARTICLES)


# -- measurements run in a child process each (clean start, clean memory figure) ---------------

def child_import_stall(library: str, folder: str) -> None:
    from PySide6.QtCore import QElapsedTimer, Qt, QTimer  # noqa: TID251 (a GUI benchmark)

    from briefbook.gui.app import build_window, setup_application
    from briefbook.gui.runtime.settings import EXTRACT_AFTER_IMPORT, WELCOME_SHOWN, Settings

    settings = Settings(os.environ["BB_SETTINGS"])
    settings.set(WELCOME_SHOWN, True)
    settings.set(EXTRACT_AFTER_IMPORT, False)
    app = setup_application(settings)
    window = build_window(library, False, settings, show_dialogs=False)
    window.show()
    app.processEvents()
    clock = QElapsedTimer()
    lateness: list[float] = []
    last = [0.0]
    interval = 5

    def tick():
        now = clock.nsecsElapsed() / 1e6
        lateness.append(now - last[0] - interval)
        worst.append((now - last[0] - interval, round(now), phase[0]))
        last[0] = now

    clicks = [0]
    worst: list[tuple[float, int, str]] = []
    phase = ["import"]

    def click_around():  # the user keeps working: open another article every 300 ms
        clicks[0] += 1
        window.library.select_row(clicks[0] % 50)

    timer = QTimer(interval=interval, timerType=Qt.TimerType.PreciseTimer)
    timer.timeout.connect(tick)
    user = QTimer(interval=300)
    user.timeout.connect(click_around)
    started = time.perf_counter()
    done = {}

    def finished(report):
        done["report"] = report
        done["seconds"] = time.perf_counter() - started
        phase[0] = "after"
        QTimer.singleShot(50, app.quit)

    window.importer.report_ready.connect(finished)
    clock.start()
    timer.start()
    user.start()
    window.importer.import_paths([folder])
    app.exec()
    timer.stop()
    user.stop()
    report = done["report"]
    lateness.sort()
    print("STALL", json.dumps({
        "imported": len(report.imported), "failed": len(report.failures), "seconds": round(done["seconds"], 1),
        "max_ms": round(max(lateness), 1), "p99_ms": round(lateness[int(len(lateness) * 0.99)], 1),
        "ticks": len(lateness), "clicks": clicks[0], "rss_mb": round(rss_mb(), 1),
        "worst": sorted(worst, reverse=True)[:5]}), flush=True)
    window.close()
    window.ctx.lib.close()


def _settle(done, timeout: float = 120.0) -> tuple[float, float]:
    """Run the event loop until ``done()``: (ms until then, longest single event-loop pass in ms).
    Work handed to background threads shows up here: the window stays responsive while
    it runs, and the pass that applies its result is what blocks the window."""
    from PySide6.QtWidgets import QApplication  # noqa: TID251 (a GUI benchmark)

    start = time.perf_counter()
    worst = 0.0
    while time.perf_counter() - start < timeout:
        t0 = time.perf_counter()
        QApplication.processEvents()
        worst = max(worst, time.perf_counter() - t0)
        if done():
            break
        time.sleep(0.002)
    return round((time.perf_counter() - start) * 1000, 1), round(worst * 1000, 1)


def child_facts_table(library: str) -> None:
    from PySide6.QtWidgets import QApplication  # noqa: TID251 (a GUI benchmark)

    from briefbook.gui.app import build_window, setup_application
    from briefbook.gui.runtime.settings import WELCOME_SHOWN, Settings
    from briefbook.store import views

    settings = Settings(os.environ["BB_SETTINGS"])
    settings.set(WELCOME_SHOWN, True)
    setup_application(settings)
    window = build_window(library, False, settings, show_dialogs=False)
    window.resize(1440, 900)
    window.show()
    window.tabs.setCurrentIndex(1)
    window.knowledge_review.show_mentions()  # the mention-level queue
    QApplication.processEvents()
    queue = window.review
    view = queue.view
    model = view.model
    out = {}

    ctx = window.ctx

    def settled():  # page shown, total counted, nothing left on the query thread or the worker
        return not model.loading and model.total_known and ctx.queries.idle and not ctx.executor.busy

    _settle(settled)  # the launch's own background counts
    t = time.perf_counter()
    queue.status_box.setCurrentIndex(queue.status_box.findData(()))  # all statuses: 200,000 rows
    QApplication.processEvents()
    out["open_all_ms"] = round((time.perf_counter() - t) * 1000, 1)
    _settle(settled)
    out["total"] = model.total
    # scroll: page down through the table as a user holding PgDn would (each scroll may fetch)
    worst = 0.0
    t = time.perf_counter()
    for _ in range(300):
        t0 = time.perf_counter()
        view.table.verticalScrollBar().setValue(view.table.verticalScrollBar().maximum())
        QApplication.processEvents()
        worst = max(worst, time.perf_counter() - t0)
    out["scroll_300_steps_s"] = round(time.perf_counter() - t, 2)
    out["scroll_worst_step_ms"] = round(worst * 1000, 1)
    out["rows_loaded_after_scroll"] = model.rowCount()
    # J through the rows (keyboard review speed)
    t = time.perf_counter()
    view.set_current_row(0)
    for _ in range(500):
        view.run_command("next")
    QApplication.processEvents()
    out["j_500_ms"] = round((time.perf_counter() - t) * 1000, 1)
    # filters
    for label, setup in (("filter_kind_person_ms", lambda: queue.kind_box.setCurrentIndex(queue.kind_box.findData("person"))),
                         ("filter_conf_0.9_ms", lambda: queue.min_conf.setValue(0.9)),
                         ("filter_text_ms", lambda: (queue.text_filter.setText("青岛"), queue.apply_filter())),
                         ("filter_proposed_only_ms", lambda: queue.status_box.setCurrentIndex(0))):
        t = time.perf_counter()
        setup()
        QApplication.processEvents()
        out[label] = round((time.perf_counter() - t) * 1000, 1)  # the GUI thread, blocked
        ready, worst = _settle(settled)  # until the page and the total are shown
        out[label.replace("_ms", "_ready_ms")] = f"{round(out[label] + ready, 1)} (longest event-loop pass {worst})"
        out[label.replace("_ms", "_rows")] = f"{model.rowCount()} loaded of {model.total}"
    # bulk accept 1 kind above a confidence (one transaction, one undo step)
    queue.text_filter.setText("")
    queue.apply_filter()
    _settle(settled)
    t = time.perf_counter()
    n = queue.bulk("accepted", confirm=False)
    blocked = round((time.perf_counter() - t) * 1000)
    done, worst = _settle(settled)
    out["bulk_accept"] = (f"{n} facts: GUI thread {blocked} ms, written and shown after {round(blocked + done)} ms "
                          f"(longest event-loop pass {worst})")
    out["bulk_accepted_count"] = views.fact_counts(window.ctx.lib)["accepted"]
    t = time.perf_counter()
    window.undo_action.trigger()
    out["bulk_undo_ms"] = round((time.perf_counter() - t) * 1000, 1)
    done, worst = _settle(settled)
    out["bulk_undo_done_ms"] = f"{round(out['bulk_undo_ms'] + done)} (longest event-loop pass {worst})"
    # library table: search and filter
    lib_panel = window.library
    window.tabs.setCurrentIndex(0)
    for label, setup in (("library_search_ms", lambda: (lib_panel.search.setText("高燕"), lib_panel.apply_filter())),
                         ("library_lang_de_ms", lambda: (lib_panel.search.setText(""),
                                                         lib_panel.lang_box.setCurrentIndex(lib_panel.lang_box.findData("de")))),
                         ("library_unreviewed_ms", lambda: lib_panel.unreviewed.setChecked(True))):
        t = time.perf_counter()
        setup()
        QApplication.processEvents()
        out[label] = round((time.perf_counter() - t) * 1000, 1)
        _ready, worst = _settle(lambda: lib_panel.model.total_known and ctx.queries.idle)
        out[label.replace("_ms", "_longest_pass_after_ms")] = worst
    out["library_rows"] = f"{lib_panel.model.rowCount()} loaded of {lib_panel.model.total}"
    out["fact_counts"] = views.fact_counts(window.ctx.lib)
    out["rss_mb"] = round(rss_mb(), 1)
    print("FACTS", json.dumps(out, ensure_ascii=False), flush=True)
    window.close()
    window.ctx.lib.close()


LAUNCH_CHILD = Path(__file__).with_name("gui_launch_child.py")  # imports nothing the app would not


def _launch(args: list[str], env: dict) -> tuple[float, str]:
    """Seconds from starting a launch child to its READY line (the window painted), and the line."""
    t = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(LAUNCH_CHILD), *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - t
    _out, err = proc.communicate(timeout=600)
    if not line.startswith("READY") or proc.returncode != 0:
        print(line, err, file=sys.stderr)
        raise SystemExit(f"launch child {args[0]} failed")
    return elapsed, line


def _child(args: list[str], env: dict) -> tuple[float, str]:
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, env=env, timeout=1800)
    elapsed = time.perf_counter() - t
    if proc.returncode != 0:
        print(proc.stdout, proc.stderr, file=sys.stderr)
        raise SystemExit(f"child {args[0]} failed")
    return elapsed, proc.stdout


def _working_copy(source: Path, work: Path) -> Path:
    """A copy of ``source`` in ``work`` (made once; again when the source changes), with its
    backups folder hard-linked so the copy's daily backup is not due during the measurements,
    opened once so that any schema migration is done before anything is timed."""
    copy = work / f"{source.stem}-copy.briefbook"
    stamp = work / f"{source.stem}-copy.source"
    key = f"{source.stat().st_size} {source.stat().st_mtime_ns}"
    if not copy.exists() or not stamp.exists() or stamp.read_text() != key:
        t = time.perf_counter()
        for suffix in ("", "-wal", "-shm"):
            Path(str(copy) + suffix).unlink(missing_ok=True)
        shutil.copy(source, copy)
        backups = Path(str(source) + ".backups")
        if backups.is_dir():
            shutil.rmtree(Path(str(copy) + ".backups"), ignore_errors=True)
            shutil.copytree(backups, Path(str(copy) + ".backups"), copy_function=os.link)
        stamp.write_text(key)
        print(f"copied {source} to {copy} in {time.perf_counter() - t:.1f} s")
    from briefbook.store.db import open_library

    t = time.perf_counter()
    open_library(copy).close()
    print(f"opened (and migrated if needed) the copy in {time.perf_counter() - t:.1f} s")
    return copy


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--work", default=str(Path(tempfile.gettempdir()) / "bb-bench"))
    parser.add_argument("--library", help="measure on this existing library instead of the generated 10,000 "
                                          "(e.g. the 50,000-article one bench_scale.py --keep makes); "
                                          "measured on a copy in --work, never written to")
    parser.add_argument("--launch-only", action="store_true",
                        help="measure only the launch against the bare window (skip import stall and facts table)")
    parser.add_argument("--child", nargs="*")
    args = parser.parse_args()
    if args.child:
        {"stall": child_import_stall, "facts": child_facts_table}[args.child[0]](*args.child[1:])
        sys.stdout.flush()
        os._exit(0)  # skip interpreter teardown of Qt objects (measured figures are already printed)

    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    base = work / "lib10k-imported.briefbook"
    if args.library:  # measured on a copy in --work (the facts child writes; a migration would too)
        base = _working_copy(Path(args.library), work)
    if not base.exists():
        t = time.perf_counter()
        generate(base)
        print(f"generated {N_ARTICLES} articles / {N_ARTICLES * FACTS_PER_ARTICLE} facts in {time.perf_counter() - t:.1f} s "
              f"({base.stat().st_size / 1e6:.0f} MB)")
    folder = work / "incoming"
    if not folder.exists():
        make_import_folder(folder)
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               BB_SETTINGS=str(work / "settings.ini"))

    # The launches run as a user's app does: its own settings (window state kept between
    # runs, the welcome already seen), and Python's bytecode cache written, as an installed
    # package has it (a first, untimed launch of each side writes it and warms the disk cache).
    launch_env = dict(env, XDG_CONFIG_HOME=str(work / "config"), XDG_DATA_HOME=str(work / "data"))
    launch_env.pop("PYTHONDONTWRITEBYTECODE", None)
    conf = work / "config" / "Briefbook" / "Briefbook.conf"
    conf.parent.mkdir(parents=True, exist_ok=True)
    if not conf.exists():
        conf.write_text("[ui]\nwelcome_shown=true\n")
    _launch(["launch", str(base)], launch_env)
    _launch(["bare"], launch_env)
    launches, bare = [], []
    for _ in range(RUNS):  # interleaved with the anchor, so a noisy moment hits both
        elapsed, out = _launch(["launch", str(base)], launch_env)
        launches.append((elapsed, float(out.split()[1])))
        elapsed, out = _launch(["bare"], launch_env)
        bare.append((elapsed, float(out.split()[1])))
    ours, anchor = statistics.median(e for e, _ in launches), statistics.median(e for e, _ in bare)
    ours_mb, anchor_mb = statistics.median(m for _, m in launches), statistics.median(m for _, m in bare)
    print(f"launch to the painted main window (whole process, median of {RUNS}): {ours:.2f} s, RSS {ours_mb:.0f} MB | "
          f"bare PySide6 window {anchor:.2f} s, {anchor_mb:.0f} MB | ratio {ours / anchor:.2f}   [target <= 2]")
    print(f"  runs: ours {', '.join(f'{e:.2f}' for e, _ in launches)}; bare {', '.join(f'{e:.2f}' for e, _ in bare)}")
    best = (ours, ours_mb)
    if args.launch_only:
        return 0

    copy = work / "lib10k-import.briefbook"
    shutil.copy(base, copy)
    for suffix in ("-wal", "-shm"):
        Path(str(copy) + suffix).unlink(missing_ok=True)
    _e, out = _child(["--child", "stall", str(copy), str(folder)], env)
    stall = json.loads(out.split("STALL", 1)[1])
    print(f"import of 1,000 articles in the background: {stall['imported']} imported in {stall['seconds']} s; "
          f"main-thread stall max {stall['max_ms']} ms, p99 {stall['p99_ms']} ms over {stall['ticks']} timer ticks "
          f"while opening {stall['clicks']} articles; RSS {stall['rss_mb']} MB   [target <= 100 ms]")

    _e, out = _child(["--child", "facts", str(base)], env)
    facts = json.loads(out.split("FACTS", 1)[1])
    print("facts table (200,000 rows) and library table:")
    for key, value in facts.items():
        print(f"  {key}: {value}")
    print(f"resident memory with the 10,000-article library open: launch {best[1]:.0f} MB, after import {stall['rss_mb']} MB, "
          f"after facts scrolling {facts['rss_mb']} MB   [target <= 500 MB]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
