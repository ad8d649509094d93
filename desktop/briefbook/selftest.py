"""``briefbook --self-test``: prove an installation (or a frozen build) works, headless.

Builds the demo library from the shipped seeds in a temporary folder, extracts,
exports the demo book as PDF and DOCX, and opens the main window on Qt's
offscreen platform.  Prints one line per step and returns 0 only if all pass.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path


def _step(name: str, fn) -> bool:
    t0 = time.perf_counter()
    try:
        detail = fn()
    except Exception as err:  # report, never crash: this is a diagnostic
        print(f"FAIL  {name}: {type(err).__name__}: {err}")
        return False
    print(f"ok    {name} ({time.perf_counter() - t0:.1f} s){': ' + detail if detail else ''}")
    return True


def run_self_test() -> int:
    from .services.assembling import assemble_book
    from .services.demo import build_demo_library
    from .services.demo_book import build_demo_book
    from .services.exporting import export_book
    from .store.articles import count_articles
    from .store.facts import status_counts

    tmp = Path(tempfile.mkdtemp(prefix="briefbook-selftest-"))
    state: dict = {}

    def library():
        state["lib"] = build_demo_library(tmp / "demo.briefbook")
        lib = state["lib"]
        articles = count_articles(lib)
        facts = sum(status_counts(lib).values())
        if articles < 5 or facts == 0:
            raise RuntimeError(f"expected 5 articles with facts, got {articles} articles, {facts} facts")
        return f"{articles} articles, {facts} facts"

    def export(fmt):
        def run():
            lib = state["lib"]
            book = assemble_book(lib, state.get("book") or state.setdefault("book", build_demo_book(lib)))
            out = export_book(book, tmp / f"demo.{fmt}")
            head = out.read_bytes()[:4]
            if head not in (b"%PDF", b"PK\x03\x04"):
                raise RuntimeError(f"{out.name} is not a {fmt.upper()} file")
            return f"{out} ({out.stat().st_size // 1024} KB)"
        return run

    def window():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from .gui.selftest_window import open_and_close

        return open_and_close(tmp / "demo.briefbook")

    ok = _step("demo library (import + extraction)", library)
    ok = ok and _step("export PDF", export("pdf"))
    ok = ok and _step("export DOCX", export("docx"))
    if "lib" in state:
        state["lib"].close()
    ok = _step("main window (offscreen)", window) and ok
    print("self-test passed" if ok else "self-test FAILED", file=sys.stdout)
    return 0 if ok else 1
