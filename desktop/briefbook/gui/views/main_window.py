"""The main window: library | reader | facts and notes, the review queue, entities;
menus, toolbar, status bar with the fact counts and the running job."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtWidgets  # the dialogs' classes, made by PySide6 when first used
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QSplitter,
    QStyle,
    QTabWidget,
    QToolBar,
    QWidget,
)

from ...store import articles as articles_store
from ...store import notes, views
from ..commands.undo_commands import AddAnnotation, AddFact, DeleteArticle, TagArticle, push
from ..runtime import settings as S
from ..runtime.i18n import _, ngettext, shortcut_text
from ..runtime.library_files import Prompts
from .book_menu import add_book_drag, add_book_menu, show_entity
from .facts_panel import FactReviewView
from .first_paint import AfterFirstPaint
from .import_flow import ImportController, ProgressArea
from .lazy_tabs import LazyTabs
from .library_view import LibraryPanel
from .notes_panel import NotesPanel
from .reader import ArticleReader

if TYPE_CHECKING:
    from ..dialogs.small import WelcomeDialog

LIBRARY_TAB, REVIEW_TAB, ENTITIES_TAB = range(3)


def _library_actions():
    """The File menu's library actions, imported when one is used, not at every start."""
    from ..dialogs import library_actions

    return library_actions


class MainWindow(QMainWindow):
    LIBRARY_SIZES = [560, 520, 360]
    def __init__(self, ctx, show_dialogs: bool = True, switch_library=None):
        super().__init__()
        self.ctx = ctx
        self.show_dialogs = show_dialogs
        # app.switch_library(window, path, before, after), passed in so that the File
        # menu's actions need not import the module that builds this window.
        self._switch_library = switch_library
        self.prompts: Prompts | None = None  # the start-up questions and messages; app.window_for sets them
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)
        self.article_id: int | None = None
        self.welcome: WelcomeDialog | None = None

        self.after_first_paint = AfterFirstPaint()  # see paintEvent
        self.library = LibraryPanel(ctx)
        self.reader = ArticleReader(ctx)
        self.facts = FactReviewView(ctx, library_wide=False)
        self.notes = NotesPanel(ctx)
        side = QTabWidget()
        side.setObjectName("sideTabs")
        side.addTab(self.facts, _("Facts"))
        side.addTab(self.notes, _("Notes && tags"))
        self.side_tabs = side
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.library)
        self.splitter.addWidget(self.reader)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setSizes(self.LIBRARY_SIZES)
        # no pane can be dragged shut or unreadably small (the sizes are restored at start)
        self.splitter.setChildrenCollapsible(False)
        for pane, width in ((self.library, 260), (self.reader, 320), (side, 280)):
            pane.setMinimumWidth(width)
        library_page = QWidget()
        library_page.setLayout(_margins_layout(self.splitter))

        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(library_page, _("Library"))
        # The other tabs are built when first shown or used (see the properties below), so
        # the window opens without waiting for pages the user may not look at.
        self._review = self._knowledge_review = self._entities = self._book = None
        self.lazy_tabs = LazyTabs(self.tabs)
        self._review_tab = self.lazy_tabs.add(_("Review"), self._build_review)
        self._entities_tab = self.lazy_tabs.add(_("Entities"), self._build_entities)
        self._book_tab = self.lazy_tabs.add(_("Book"), self._build_book)
        self.setCentralWidget(self.tabs)

        self.progress = ProgressArea()
        self.counts_label = QLabel()
        self.counts_label.setObjectName("statusCounts")
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.counts_label)
        self.importer = ImportController(ctx, self.progress, self, show_dialogs=show_dialogs)

        self._build_actions()
        self._connect()
        self.after_first_paint.call(self.reader.watch_clicks)
        self.book_drag_sources: list = []  # dragging rows into book sections (book_menu.py)
        add_book_drag(self, self.library.table, "article", self.library.selected_article_ids)
        add_book_drag(self, self.facts.table, "fact", self.facts.selected_fact_ids)
        add_book_menu(self)
        self.update_counts()
        self._restore_layout()
        self.setWindowTitle(f"{Path(str(ctx.lib.path)).name} — Briefbook")
        self.importer.resume()  # extraction an interrupted import left queued

    # -- the tabs built on first use -------------------------------------------------------------
    @property
    def review(self):
        """The mention-level queue, the Review tab's "Mentions" mode."""
        self.lazy_tabs.realise(self._review_tab)
        return self._review

    @property
    def knowledge_review(self):
        self.lazy_tabs.realise(self._review_tab)
        return self._knowledge_review

    @property
    def entities(self):
        self.lazy_tabs.realise(self._entities_tab)
        return self._entities

    @property
    def book(self):
        self.lazy_tabs.realise(self._book_tab)
        return self._book

    def _build_review(self):
        from .knowledge_review import KnowledgeReview
        from .review_queue import ReviewQueue

        self._review = review = ReviewQueue(self.ctx)
        self._knowledge_review = knowledge = KnowledgeReview(self.ctx, mentions=review)
        review.view.jump_requested.connect(self.show_fact)
        knowledge.jump_requested.connect(self.show_fact)
        # new facts from an extraction (after an import, or resumed at start) must show in
        # the queue, not only in its counts; a review step keeps its rows in place instead
        self.importer.extraction_done.connect(lambda _n: review.view.refresh_keeping_current())
        review.splitter.restoreState(self.ctx.settings.get(S.REVIEW_SPLITTER))
        add_book_drag(self, review.view.table, "fact", review.view.selected_fact_ids)
        review.reload()
        knowledge.reload()
        return knowledge

    def _build_entities(self):
        from .entities_view import EntitiesView

        self._entities = view = EntitiesView(self.ctx)
        view.open_article.connect(self.show_article)
        view.splitter.restoreState(self.ctx.settings.get(S.ENTITY_SPLITTER))

        def entity_ids():
            row = view.list.currentRow()
            item = view.list.item(row, 0) if row >= 0 else None
            return [item.data(Qt.ItemDataRole.UserRole)] if item else []

        add_book_drag(self, view.list, "entity", entity_ids)
        return view

    def _build_book(self):
        from .book_view import BookView

        self._book = view = BookView(self.ctx)
        self.importer.demo_ready.connect(lambda: view.reload_trips())  # first run: the demo trip and book
        view.entity_requested.connect(lambda entity_id: show_entity(self, entity_id))
        return view

    def switch_library(self, path, before=None, after=None):
        """Replace this window by one on the library at ``path`` (see app.switch_library)."""
        if self._switch_library is None:
            raise RuntimeError("this window was built without a way to switch libraries")
        return self._switch_library(self, path, before=before, after=after)

    # -- construction --------------------------------------------------------------------

    def _action(self, text, slot, shortcut=None, icon=None, tip=None) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_actions(self) -> None:
        SP = QStyle.StandardPixmap
        self.import_action = self._action(_("&Import files…"), self.choose_files, "Ctrl+O", SP.SP_DialogOpenButton,
                                          _("Import articles: .txt, .md, .html, .docx, .pdf"))
        self.import_folder_action = self._action(_("Import &folder…"), self.choose_folder, "Ctrl+Shift+O",
                                                 SP.SP_DirOpenIcon)
        self.paste_action = self._action(_("&Paste as new article"), self.paste_article, "Ctrl+Shift+V",
                                         SP.SP_FileIcon, _("Make a new article from the text on the clipboard"))
        self.extract_action = self._action(_("E&xtract facts"), self.extract_selected, "Ctrl+E", SP.SP_BrowserReload,
                                           _("Find facts in the selected articles again"))
        self.delete_article_action = self._action(_("&Delete article"), self.delete_articles, None, SP.SP_TrashIcon)
        self.tag_action = self._action(_("&Tag articles…"), self.tag_articles, "Ctrl+T")
        self.original_action = QAction(_("Show &original text"), self, checkable=True)
        self.original_action.setShortcut(QKeySequence("Ctrl+Shift+T"))
        self.original_action.toggled.connect(self.reader.set_show_original)
        self.reader.original_button.toggled.connect(self.original_action.setChecked)
        self.prefs_action = self._action(_("&Preferences…"), self.preferences, "Ctrl+,")
        self.quit_action = self._action(_("&Quit"), self.close, "Ctrl+Q")
        self.undo_action = _stack_action(self, self.ctx.undo, redo=False)
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.undo_action.setIcon(self.style().standardIcon(SP.SP_ArrowBack))
        self.redo_action = _stack_action(self, self.ctx.undo, redo=True)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.setIcon(self.style().standardIcon(SP.SP_ArrowForward))
        self.find_action = self._action(_("&Find"), self.focus_search, "Ctrl+F")

        self.open_library_action = self._action(_("&Open library…"), lambda: _library_actions().open_library(self),
                                                tip=_("Switch to another library file"))
        self.new_library_action = self._action(_("&New library…"), lambda: _library_actions().new_library(self),
                                               tip=_("Start an empty library in a new file"))
        self.backup_action = self._action(_("&Back up now"), lambda: _library_actions().back_up_now(self),
                                          tip=_("Save a copy of the library in its backup folder"))
        self.restore_action = self._action(_("&Restore from backup…"), lambda: _library_actions().restore_dialog(self))

        menu = self.menuBar()
        file_menu = menu.addMenu(_("&File"))
        file_menu.addAction(self.open_library_action)
        file_menu.addAction(self.new_library_action)
        self.recent_menu = file_menu.addMenu(_("Recent &libraries"))
        self.recent_menu.aboutToShow.connect(lambda: _library_actions().fill_recent_menu(self.recent_menu, self))
        file_menu.addSeparator()
        for a in (self.import_action, self.import_folder_action, self.paste_action):
            file_menu.addAction(a)
        file_menu.addSeparator()
        file_menu.addAction(self.backup_action)
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        file_menu.addAction(self.prefs_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = menu.addMenu(_("&Edit"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)
        article_menu = menu.addMenu(_("&Article"))
        for a in (self.reader.add_fact_action, self.reader.highlight_action, self.reader.note_action):
            article_menu.addAction(a)
        article_menu.addSeparator()
        article_menu.addAction(self.tag_action)
        article_menu.addAction(self.original_action)
        article_menu.addAction(self.extract_action)
        article_menu.addSeparator()
        article_menu.addAction(self.delete_article_action)
        view_menu = menu.addMenu(_("&View"))
        for n, label in enumerate((_("&Library"), _("&Review queue"), _("&Entities"))):
            view_menu.addAction(self._action(label, lambda n=n: self.tabs.setCurrentIndex(n), f"Ctrl+{n + 1}"))
        view_menu.addSeparator()
        self.reset_layout_action = self._action(_("Reset &layout"), self.reset_layout,
                                                tip=_("Window size, panes and columns as on the first start"))
        view_menu.addAction(self.reset_layout_action)
        help_menu = menu.addMenu(_("&Help"))
        help_menu.addAction(self._action(_("&Getting started"), self.show_welcome))
        help_menu.addAction(self._action(_("&About Briefbook"), self.about))

        toolbar = QToolBar(_("Main"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for a in (self.import_action, self.paste_action, self.extract_action):
            toolbar.addAction(a)
        toolbar.addSeparator()
        toolbar.addAction(self.undo_action)
        toolbar.addAction(self.redo_action)
        self.addToolBar(toolbar)

    def _connect(self) -> None:
        ev = self.ctx.events
        self.library.article_selected.connect(self.open_article)
        self.reader.fact_clicked.connect(self._reader_fact_clicked)
        self.reader.add_fact_requested.connect(self.add_fact_dialog)
        self.reader.highlight_requested.connect(self.highlight)
        self.reader.note_requested.connect(self.note_dialog)
        self.facts.current_fact_changed.connect(lambda fid: self.reader.select_fact(fid) if fid else None)
        self.facts.jump_requested.connect(lambda fid, _aid: self._jump_in_reader(fid))
        self.notes.span_requested.connect(self.reader.select_span)
        ev.facts_changed.connect(self._facts_changed)
        ev.fact_returned.connect(self.return_to_fact)
        ev.annotations_changed.connect(lambda aid: self.reader.reload() if aid in (0, self.article_id) else None)
        ev.articles_changed.connect(self._articles_changed)
        self.importer.demo_ready.connect(self._select_first_article)  # first run: the demo filled in
        self.ctx.undo.indexChanged.connect(self._undo_index_changed)

    def _undo_index_changed(self, _index: int) -> None:
        self.statusBar().showMessage(_("Saved"), 1500)

    # -- articles ----------------------------------------------------------------------------
    def open_article(self, article_id: int) -> None:
        self.article_id = article_id or None
        self.reader.show_article(self.article_id)
        self.facts.set_filter(views.FactFilter(article_id=self.article_id))
        self.notes.show_article(self.article_id)

    def show_article(self, article_id: int) -> None:
        self.tabs.setCurrentIndex(LIBRARY_TAB)
        if not self.library.select_article(article_id):
            self.library.search.clear()
            self.library.unreviewed.setChecked(False)
            for box in (self.library.lang_box, self.library.source_box, self.library.tag_box):
                box.setCurrentIndex(0)
            self.library.date_from.clear()
            self.library.date_to.clear()
            self.library.apply_filter()
            self.library.select_article(article_id)
        if self.article_id != article_id:
            self.open_article(article_id)

    def show_fact(self, fact_id: int, article_id: int) -> None:
        """Space in the review queue: the article, with the fact selected in text and list."""
        self.show_article(article_id)
        self.side_tabs.setCurrentWidget(self.facts)
        self.facts.select_fact(fact_id)
        self._jump_in_reader(fact_id)

    def return_to_fact(self, fact_id: int) -> None:
        """After an undo: select and show the fact it touched, where the user is working."""
        if (self.tabs.currentIndex() == REVIEW_TAB and self._review is not None
                and self.knowledge_review.showing_mentions()
                and self.review.view.model.row_of(fact_id) is not None):
            self.review.view.select_fact(fact_id)
            return
        fact = views.fact_row(self.ctx.lib, fact_id)
        if fact is not None:
            self.show_fact(fact_id, fact["article_id"])

    def _jump_in_reader(self, fact_id: int) -> None:
        self.reader.select_fact(fact_id, scroll_to=True)

    def _reader_fact_clicked(self, fact_id: int) -> None:
        self.side_tabs.setCurrentWidget(self.facts)
        self.facts.table.selectionModel().blockSignals(True)
        self.facts.select_fact(fact_id)
        self.facts.table.selectionModel().blockSignals(False)
        self.facts.table.viewport().update()

    def _facts_changed(self, article_ids: list) -> None:
        self.update_counts()
        if self.article_id and (not article_ids or self.article_id in article_ids):
            self.reader.reload()

    def _articles_changed(self) -> None:
        self.update_counts()
        if self.article_id and not articles_store.article_exists(self.ctx.lib, self.article_id):
            self.open_article(0)

    def update_counts(self) -> None:
        # counting a million facts' statuses takes a while: in the background
        self.ctx.queries.submit("window-counts", lambda lib: (views.fact_counts(lib), articles_store.count_articles(lib)),
                                self._show_counts)

    def _show_counts(self, counts) -> None:
        c, n = counts
        self.counts_label.setText(ngettext("{n} article", "{n} articles", n).format(n=n) + " · " + _(
            "facts: {p} proposed · {a} accepted · {r} rejected").format(p=c["proposed"], a=c["accepted"],
                                                                        r=c["rejected"]))

    # -- edits from the reader -------------------------------------------------------------------
    def _push(self, command) -> bool:
        error = push(self.ctx, command)
        if error:
            QtWidgets.QMessageBox.warning(self, _("Not saved"), error)
        return error is None

    def add_fact_dialog(self, start: int, end: int) -> None:
        if self.reader.article is None:
            return
        from ..dialogs.fact_editor import FactEditor

        editor = FactEditor(self.reader.article.text, start, end, "person", None, self, _("Add fact"))
        if editor.exec() == FactEditor.DialogCode.Accepted:
            self._push(AddFact(self.ctx, self.reader.article.id, editor.fact()))

    def highlight(self, start: int, end: int, note: str = "") -> None:
        if self.article_id:
            ann = notes.Annotation(None, article_id=self.article_id, start=start, end=end, note=note, color="yellow")
            self._push(AddAnnotation(self.ctx, ann))

    def note_dialog(self, start: int, end: int) -> None:
        text, ok = QtWidgets.QInputDialog.getMultiLineText(self, _("Add note"), self.reader.article.text[start:end][:200])
        if ok and text.strip():
            self.highlight(start, end, text.strip())

    def tag_articles(self) -> None:
        ids = self.library.selected_article_ids()
        if not ids:
            return
        name, ok = QtWidgets.QInputDialog.getText(self, _("Tag articles"), ngettext("Tag for {n} article:", "Tag for {n} articles:", len(ids)).format(n=len(ids)))
        if ok and name.strip():
            self.ctx.undo.beginMacro(_("Tag {name}").format(name=name.strip()))
            for aid in ids:
                push(self.ctx, TagArticle(self.ctx, aid, name.strip()))
            self.ctx.undo.endMacro()

    def delete_articles(self, confirm: bool = True) -> None:
        ids = self.library.selected_article_ids()
        if not ids:
            return
        if confirm and QtWidgets.QMessageBox.question(
                self, _("Delete"), ngettext("Delete {n} article with its facts and notes? ({key} brings it back.)",
                         "Delete {n} articles with their facts and notes? ({key} brings them back.)", len(ids))
                .format(n=len(ids), key=shortcut_text("Ctrl+Z"))) != QtWidgets.QMessageBox.StandardButton.Yes:
            return
        self.ctx.undo.beginMacro(_("Delete articles"))
        for aid in ids:
            push(self.ctx, DeleteArticle(self.ctx, aid))
        self.ctx.undo.endMacro()

    # -- import ------------------------------------------------------------------------------------
    def choose_files(self) -> None:
        start = self.ctx.settings.get(S.LAST_IMPORT_DIR)
        files, _filter = QtWidgets.QFileDialog.getOpenFileNames(
            self, _("Import articles"), start,
            _("Articles") + " (*.txt *.md *.html *.htm *.docx *.pdf);;" + _("All files") + " (*)")
        if files:
            self.ctx.settings.set(S.LAST_IMPORT_DIR, str(Path(files[0]).parent))
            self.importer.import_paths(files)

    def choose_folder(self) -> None:
        folder = QtWidgets.QFileDialog.getExistingDirectory(self, _("Import a folder"), self.ctx.settings.get(S.LAST_IMPORT_DIR))
        if folder:
            self.ctx.settings.set(S.LAST_IMPORT_DIR, folder)
            self.importer.import_paths([folder])

    def paste_article(self) -> None:
        text = QApplication.clipboard().text()
        if not text.strip():
            self.statusBar().showMessage(_("The clipboard holds no text."), 5000)
            return
        self.importer.import_text(text)

    def extract_selected(self) -> None:
        ids = self.library.selected_article_ids()
        self.importer.extract(ids or None, force=bool(ids))

    def dragEnterEvent(self, event):
        if event.mimeData().hasUrls() or event.mimeData().hasText():
            event.acceptProposedAction()

    def dropEvent(self, event):
        mime = event.mimeData()
        paths = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
        if paths:
            self.importer.import_paths(paths)
        elif mime.hasText() and mime.text().strip():
            self.importer.import_text(mime.text())
        event.acceptProposedAction()

    # -- other -------------------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(LIBRARY_TAB)
        self.library.search.setFocus()
        self.library.search.selectAll()

    def preferences(self) -> None:
        from ..dialogs.small import PreferencesDialog

        dialog = PreferencesDialog(self.ctx.settings, self, library_path=Path(str(self.ctx.lib.path)),
                                   readonly=self.ctx.lib.readonly)
        if dialog.exec() == PreferencesDialog.DialogCode.Accepted:
            dialog.save()
            self._apply_reader_font()

    def _apply_reader_font(self) -> None:
        font = QFont(self.reader.text.font())
        font.setPointSize(self.ctx.settings.get(S.READER_FONT_SIZE))
        self.reader.text.setFont(font)

    def show_welcome(self) -> None:
        from ..dialogs.small import WelcomeDialog

        self.welcome = WelcomeDialog(self.ctx.lib.path, self)
        self.welcome.show()

    def about(self) -> None:
        from ..dialogs.about import AboutDialog

        self.about_dialog = AboutDialog(self.ctx.lib.path, self)
        self.about_dialog.show()

    def _restore_layout(self) -> None:
        st = self.ctx.settings
        if not self.restoreGeometry(st.get(S.MAIN_GEOMETRY)):
            self.resize(1440, 860)
        self.restoreState(st.get(S.MAIN_STATE))
        self.splitter.restoreState(st.get(S.LIBRARY_SPLITTER))
        self.tabs.setCurrentIndex(st.get(S.CURRENT_TAB))  # builds that tab if it is not the library
        self._apply_reader_font()
        QTimer.singleShot(0, self._select_first_article)

    def _select_first_article(self) -> None:
        if self.ctx.lib.raw.conn is None:  # closed before the event loop came round
            return
        if self.article_id is None and self.library.model.rowCount():
            self.library.select_row(0)

    def reset_layout(self) -> None:
        """View > Reset layout: the panes and window as on the first start (and saved so)."""
        self.resize(1440, 860)
        self.splitter.setSizes(self.LIBRARY_SIZES)
        self.review.splitter.setSizes([4 * max(self.height(), 400) // 5, max(self.height(), 400) // 5])
        self.entities.splitter.setSizes([430, 1000])
        self.facts.reset_columns()
        self.review.view.reset_columns()
        self.save_layout()

    def save_layout(self) -> None:
        st = self.ctx.settings
        st.set(S.MAIN_GEOMETRY, self.saveGeometry())
        st.set(S.MAIN_STATE, self.saveState())
        st.set(S.LIBRARY_SPLITTER, self.splitter.saveState())
        if self._review is not None:  # a tab never opened keeps the sizes saved before
            st.set(S.REVIEW_SPLITTER, self._review.splitter.saveState())
        if self._entities is not None:
            st.set(S.ENTITY_SPLITTER, self._entities.splitter.saveState())
        st.set(S.CURRENT_TAB, self.tabs.currentIndex())
        st.sync()

    def paintEvent(self, event):
        super().paintEvent(event)
        self.after_first_paint.painted()

    def closeEvent(self, event):
        if self.ctx.executor.busy and not self.ctx.executor.synchronous:
            self.statusBar().showMessage(_("Stopping the running job…"))
        self.ctx.executor.shutdown()  # finished articles are committed; the rest is not started
        self.ctx.queries.shutdown()
        self.save_layout()
        super().closeEvent(event)


def _stack_action(parent, stack, redo: bool) -> QAction:
    """Undo or Redo named with the step it undoes in a translated phrase ("Undo Accept",
    "Annehmen rückgängig machen", "撤销接受"): Qt's own action puts its prefix before the
    name, which reads wrong in German."""
    action = QAction(parent)

    def update(*_args) -> None:
        try:
            name = stack.redoText() if redo else stack.undoText()
        except RuntimeError:  # the stack is being destroyed with its window (it says so as it goes)
            return
        if redo:
            action.setText(_("&Redo {action}").format(action=name) if name else _("&Redo"))
        else:
            action.setText(_("&Undo {action}").format(action=name) if name else _("&Undo"))
        action.setEnabled(stack.canRedo() if redo else stack.canUndo())

    for signal in ((stack.canRedoChanged, stack.redoTextChanged) if redo
                   else (stack.canUndoChanged, stack.undoTextChanged)):
        signal.connect(update)
    action.triggered.connect(lambda _checked=False: stack.redo() if redo else stack.undo())
    update()
    return action


def _margins_layout(widget):
    from PySide6.QtWidgets import QVBoxLayout

    layout = QVBoxLayout()
    layout.setContentsMargins(6, 6, 6, 6)
    layout.addWidget(widget)
    return layout
