"""Every window and dialog in Chinese and German, on the demo library (its trip and book
included): no English word a user would read, in labels, buttons, menus, tabs, headers,
tooltips, combo boxes and the rows of tables and lists.

Dialogs are found by walking the gui package (every QDialog subclass in it), so a new
dialog is covered without editing this test: its constructor's parameters are filled by
name from ``_arguments`` (a parameter name it does not know fails the test, which then
says which one to add).  Allowed: the library's own content (names, titles, article
text: what the user imported or typed), product and format names and codes, and the
words the translations themselves keep (PDF, DOCX ...)."""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
import re
import shutil
import sqlite3

import pytest
from babel.messages.pofile import read_po
from PySide6.QtWidgets import (
    QDialog,
    QMenu,
    QWidget,
)

import briefbook.gui
from briefbook.gui.models import kinds, knowledge_model, reasons, units
from briefbook.gui.runtime import i18n
from briefbook.gui.views import trip_editor
from briefbook.paths import notices_path, resource

from .visible import visible_texts

# Names and codes that are the same in every language.
ALLOWED = {"briefbook", "pdf", "docx", "sqlite", "jetro", "orix", "ctrl", "shift", "strg", "alt", "iso", "teu",
           "cjk", "utf", "opencc", "pinyin", "hepburn", "png",
           "english", "deutsch"}  # language choosers name each language in itself
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]")
MARKUP = re.compile(r"<[^>]*>|&#?\w+;")  # rich text's tags and entities are not read
FILE_NAMES = re.compile(r"\S*[/\\]\S*|\S+\.(?:briefbook|backups|bak|xz|zst|docx|pdf|txt)\b\S*")


def _words(text: str) -> set[str]:
    return {w.lower() for w in WORD.findall(FILE_NAMES.sub(" ", MARKUP.sub(" ", text or "")))}


# Words of the program's own vocabulary that must never reach a user untranslated.
INTERNAL = ({k.lower() for k in kinds.LABELS} | set(kinds.STATUS_LABELS) | {"extractor", "auto", "mentions"}
            | {key for key in units._FORMS if "_" not in key}
            | {w for key in (*knowledge_model.SIGNAL_LABELS, *reasons.ORIGIN_LABELS) for w in _words(key)})


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    from briefbook.services.demo import build_demo_library

    path = tmp_path_factory.mktemp("walk") / "demo.briefbook"
    build_demo_library(path, with_book=True).close()
    return path


@pytest.fixture(params=["zh_CN", "de"])
def language(request):
    i18n.install(request.param)
    yield request.param
    i18n.install("en")


def _catalog_words(lang: str) -> tuple[set[str], set[str]]:
    """(the words of our English texts, the words the translations use)."""
    catalog = read_po(open(resource("translations", lang, "LC_MESSAGES", "briefbook.po"), "rb"))
    english, translated = set(), set()
    for m in catalog:
        for mid in m.id if isinstance(m.id, tuple) else (m.id,):
            english |= _words(re.sub(r"\{\w+\}", "", mid or ""))
        for s in m.string if isinstance(m.string, tuple) else (m.string,):
            translated |= _words(re.sub(r"\{\w+\}", "", s or ""))
    return english, translated


def _content_words(path, extra: str) -> set[str]:
    """The words of what the library holds (names, titles, texts), not its codes."""
    words = _words(extra)
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            try:
                rows = conn.execute(f'SELECT * FROM "{table}"').fetchall()
            except sqlite3.DatabaseError:
                continue
            for row in rows:
                for cell in row:
                    if isinstance(cell, str):
                        words |= _json_words(cell)
    finally:
        conn.close()
    return words - INTERNAL


def _json_words(cell: str) -> set[str]:
    """A JSON cell's values (not its keys), or the text itself."""
    try:
        data = json.loads(cell)
    except ValueError:
        return _words(cell)
    out: set[str] = set()

    def walk(v):
        if isinstance(v, dict):
            for x in v.values():
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)
        elif isinstance(v, str):
            out.update(_words(v))
    walk(data)
    return out


def _visible_texts(root: QWidget) -> list[str]:
    return visible_texts(root, content=True)


def _dialog_classes() -> list[type]:
    found = []
    for info in pkgutil.walk_packages(briefbook.gui.__path__, "briefbook.gui."):
        module = importlib.import_module(info.name)
        for obj in vars(module).values():
            if inspect.isclass(obj) and issubclass(obj, QDialog) and obj.__module__ == module.__name__:
                found.append(obj)
    return sorted(found, key=lambda c: c.__qualname__)


def _arguments(window) -> dict:
    """Values for the dialogs' constructor parameters, by name."""
    from briefbook.services.importing import import_paths
    from briefbook.store import articles as articles_store
    from briefbook.store import books as book_store

    lib = window.ctx.lib
    ids = articles_store.article_ids(lib)
    first = articles_store.get_article(lib, ids[0])
    book_id = book_store.list_books(lib)[0]["id"]
    report = import_paths(lib, [resource("..", "seeds")])  # all already there: "already in the library"
    return {"ctx": window.ctx, "window": window, "parent": window, "settings": window.ctx.settings,
            "library_path": window.ctx.lib.path, "lib": lib, "book_id": book_id, "report": report,
            "article_text": first.text, "start": 0, "end": 8, "kind": "person", "count": 2,
            "first": first, "second": articles_store.get_article(lib, ids[1]),
            "book": book_store.get_book(lib, book_id) if hasattr(book_store, "get_book") else None,
            "publisher": first.source or "", "url": first.url or ""}


def _open_dialog(cls, window, values):
    params = list(inspect.signature(cls.__init__).parameters.values())[1:]
    kwargs = {}
    for p in params:
        if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            continue
        if p.name in values and (p.default is inspect.Parameter.empty or p.name in ("parent", "book")):
            kwargs[p.name] = values[p.name]
        elif p.default is inspect.Parameter.empty:
            pytest.fail(f"{cls.__qualname__}: add a value for its parameter {p.name!r} to _arguments()")
    return cls(**kwargs)


def test_every_window_and_dialog_speaks_the_ui_language(qtbot, make_window, demo_file, tmp_path, language):
    library = tmp_path / "demo.briefbook"
    shutil.copy(demo_file, library)
    window = make_window(library)
    english, translated = _catalog_words(language)
    # the trip's classification offers the marks as the book prints them, in each book language
    marks = " ".join(trip_editor.CLASSIFICATIONS)
    licences = notices_path().read_text(encoding="utf-8")  # the licences are quoted as written
    allowed = ALLOWED | _content_words(library, f"{tmp_path} {resource()} {marks}") | translated | _words(licences)
    suspicious = (english | INTERNAL) - allowed if language == "de" else None  # zh: any Latin word

    def check(where: str, texts: list[str]) -> list[str]:
        bad = []
        for text in texts:
            words = _words(text) - allowed
            if suspicious is not None:
                words &= suspicious
            if words:
                bad.append(f"{where}: {text!r} ({', '.join(sorted(words))})")
        return bad

    found: list[str] = []
    for n in range(window.tabs.count()):
        window.tabs.setCurrentIndex(n)
        found += check(f"tab {n}", _visible_texts(window))
    window.knowledge_review.show_mentions()  # the Review tab's mention-level mode
    found += check("mentions", _visible_texts(window.knowledge_review))
    for menu in window.menuBar().findChildren(QMenu):
        found += check("menu", [a.text() for a in menu.actions()])
    found += check("book", _visible_texts(window.book.trip_editor) + _visible_texts(window.book.outline))

    values = _arguments(window)
    classes = _dialog_classes()
    assert len(classes) >= 10, [c.__qualname__ for c in classes]
    for cls in classes:
        dialog = _open_dialog(cls, window, values)
        qtbot.addWidget(dialog)
        dialog.show()
        found += check(cls.__qualname__, _visible_texts(dialog))
        dialog.close()
    assert not found, f"{language}: English left:\n" + "\n".join(sorted(set(found)))
