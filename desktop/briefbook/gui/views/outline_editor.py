"""The outline editor: the section tree with its toolbar, and the panel of the
current section (its own text in a small rich-text editor, the counterpart of a
profile, the facts, articles and entities placed in it)."""

from __future__ import annotations

import json

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QAction, QFont, QKeySequence, QTextCharFormat, QTextListFormat
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QSplitter,
    QStyle,
    QTextEdit,
    QToolBar,
    QToolButton,
    QTreeView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.book import SECTION_KINDS
from ...store import entities as ent
from ...store import views
from ..commands.book_commands import AddSection, DeleteRow, DeleteSection, UpdateRow, book_events
from ..commands.undo_commands import push
from ..models import kinds
from ..models.book_outline import ITEMS, KIND, TITLE, OutlineModel, kind_label
from ..runtime.i18n import _


def _detail_text(row: dict) -> str:
    """The store's detail (a fact's "kind · status", an entity's kind) in the UI language."""
    detail = row.get("detail") or ""
    if row["item_kind"] == "fact" and " · " in detail:
        kind, status = detail.split(" · ", 1)
        return f"{kinds.label(kind)} · {kinds.status_label(status)}"
    if row["item_kind"] == "entity":
        return kinds.label(detail)
    return detail


def _item_kind_label(kind: str) -> str:
    return {"fact": _("Fact"), "article": _("Article"), "entity": _("Entity"), "text": _("Text")}.get(kind, kind)


class RichTextEditor(QWidget):
    """Bold, italic and bullet lists over a QTextEdit that reads and writes the book's Markdown subset."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.edit = QTextEdit()
        self.edit.setObjectName("sectionText")
        self.edit.setAcceptRichText(False)  # pasted text arrives plain; formatting comes from the buttons
        self.edit.setPlaceholderText(_("The section's own text: talking points, a short introduction, notes…"))
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("richTextBar")
        self.toolbar.setIconSize(self.toolbar.iconSize() * 0.75)
        self.bold = self._action("B", _("Bold"), "Ctrl+B", self.toggle_bold, bold=True)
        self.italic = self._action("I", _("Italic"), "Ctrl+I", self.toggle_italic, italic=True)
        self.bullets = self._action("• " + _("Bullet list"), _("Bullet list"), "Ctrl+Shift+8", self.toggle_bullets)
        self.edit.currentCharFormatChanged.connect(self._format_changed)
        self.edit.cursorPositionChanged.connect(self._update_list_state)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.edit, 1)

    def _action(self, label, text, shortcut, slot, bold=False, italic=False) -> QAction:
        action = QAction(label, self, checkable=True)
        action.setToolTip(f"{text} ({QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)})")
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        font = QFont()
        font.setBold(bold)
        font.setItalic(italic)
        action.setFont(font)
        action.triggered.connect(lambda _c=False: slot())
        self.toolbar.addAction(action)
        self.addAction(action)
        return action

    def markdown(self) -> str:
        return self.edit.document().toMarkdown().strip()

    def set_markdown(self, text: str) -> None:
        self.edit.blockSignals(True)
        self.edit.setMarkdown(text or "")
        self.edit.blockSignals(False)

    def toggle_bold(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold if self.edit.fontWeight() < QFont.Weight.Bold else QFont.Weight.Normal)
        self._merge(fmt)

    def toggle_italic(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontItalic(not self.edit.fontItalic())
        self._merge(fmt)

    def _merge(self, fmt: QTextCharFormat) -> None:
        cursor = self.edit.textCursor()
        if not cursor.hasSelection():
            cursor.select(cursor.SelectionType.WordUnderCursor)
        cursor.mergeCharFormat(fmt)
        self.edit.mergeCurrentCharFormat(fmt)
        self.edit.setFocus()

    def toggle_bullets(self) -> None:
        cursor = self.edit.textCursor()
        current = cursor.currentList()
        cursor.beginEditBlock()
        if current is not None:
            for n in range(current.count() - 1, -1, -1):
                block = current.item(n)
                if cursor.block() == block or cursor.selectionStart() <= block.position() <= cursor.selectionEnd():
                    current.remove(block)
                    fmt = block.blockFormat()
                    fmt.setIndent(0)
                    c = self.edit.textCursor()
                    c.setPosition(block.position())
                    c.setBlockFormat(fmt)
        else:
            fmt = QTextListFormat()
            fmt.setStyle(QTextListFormat.Style.ListDisc)
            cursor.createList(fmt)
        cursor.endEditBlock()
        self._update_list_state()
        self.edit.setFocus()

    def _format_changed(self, fmt: QTextCharFormat) -> None:
        self.bold.setChecked(fmt.fontWeight() >= QFont.Weight.Bold)
        self.italic.setChecked(fmt.fontItalic())

    def _update_list_state(self) -> None:
        self.bullets.setChecked(self.edit.textCursor().currentList() is not None)


class SectionPanel(QWidget):
    """What the current section holds; edits go through undoable commands."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.section: dict | None = None
        self.heading = QLabel()
        self.heading.setObjectName("sectionHeading")
        self.heading.setWordWrap(True)
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.counterpart = QComboBox()
        self.counterpart.setObjectName("counterpartBox")
        self.counterpart.setMinimumContentsLength(24)
        self.counterpart.activated.connect(self._counterpart_chosen)
        self.counterpart_row = QWidget()
        form = QFormLayout(self.counterpart_row)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(_("Counterpart organisation:"), self.counterpart)

        self.text = RichTextEditor()
        self._commit_timer = QTimer(self, singleShot=True, interval=800)
        self._commit_timer.timeout.connect(self.commit_text)
        self.text.edit.textChanged.connect(self._commit_timer.start)
        self.text.edit.installEventFilter(self)

        self.items = QTreeWidget()
        self.items.setObjectName("sectionItems")
        self.items.setHeaderLabels([_("Kind"), _("Item"), _("Details")])
        self.items.setRootIsDecorated(False)
        self.items.setAlternatingRowColors(True)
        self.items.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.items.setColumnWidth(0, 70)
        self.items.setColumnWidth(1, 300)
        self.remove_item = QToolButton()
        self.remove_item.setText(_("Remove from section"))
        self.remove_item.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.remove_item.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DialogDiscardButton))
        self.remove_item.clicked.connect(self.remove_selected_items)
        self.items_label = QLabel(_("Placed in this section"))
        self.items_label.setObjectName("subheading")
        items_head = QHBoxLayout()
        items_head.addWidget(self.items_label)
        items_head.addStretch(1)
        items_head.addWidget(self.remove_item)

        text_label = QLabel(_("Text"))
        text_label.setObjectName("subheading")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        layout.addWidget(self.counterpart_row)
        layout.addWidget(text_label)
        layout.addWidget(self.text, 3)
        layout.addLayout(items_head)
        layout.addWidget(self.items, 2)
        self.show_section(None)

    # -- showing -------------------------------------------------------------------------
    def show_section(self, section: dict | None) -> None:
        if self.section is not None and section is not None and section["id"] == self.section["id"]:
            self.section = section
            self._fill_items()
            self._fill_heading()
            return
        self.commit_text()
        self.section = section
        self.setEnabled(section is not None)
        self.text.set_markdown(section["body"] if section else "")
        self._fill_heading()
        self._fill_counterparts()
        self._fill_items()

    def _fill_heading(self) -> None:
        s = self.section
        if s is None:
            self.heading.setText(_("Choose a section in the outline."))
            self.hint.setText("")
            return
        self.heading.setText(f"<b>{_html(s['title'])}</b> &nbsp;<span style='color:gray'>{kind_label(s['kind'])}</span>")
        self.hint.setText({
            "profile": _("Filled from checked facts about the counterpart; add facts or text to complete it."),
            "figures": _("Without items placed here, every accepted amount, percentage and count is listed."),
            "background": _("Drop articles here: each appears with its lead paragraph."),
            "cover": _("Title, trip, dates, classification and author come from the trip and the book."),
            "overview": _("Filled from the trip form; the text here is printed above it."),
            "itinerary": _("Filled from the trip's itinerary."),
            "delegation": _("Filled from the trip's delegation list."),
            "sources": _("Every cited article is listed here automatically."),
        }.get(s["kind"], _("Write text, or drop facts, articles and entities here.")))

    def _fill_counterparts(self) -> None:
        s = self.section
        self.counterpart_row.setVisible(bool(s) and s["kind"] == "profile")
        if not s or s["kind"] != "profile":
            return
        self.counterpart.clear()
        self.counterpart.addItem(_("— none —"), None)
        for e in ent.list_entities(self.ctx.lib, "organization", limit=1000):
            self.counterpart.addItem(e.name, e.id)
        current = (s.get("settings") or {}).get("entity_id")
        self.counterpart.setCurrentIndex(max(0, self.counterpart.findData(current)) if current else 0)

    def select_item(self, item_id: int) -> bool:
        """Select a placed item in the list (the check before export jumps to it)."""
        for n in range(self.items.topLevelItemCount()):
            item = self.items.topLevelItem(n)
            if item.data(0, Qt.ItemDataRole.UserRole) == item_id:
                self.items.setCurrentItem(item)
                self.items.scrollToItem(item)
                self.items.setFocus()
                return True
        return False

    def focus_text(self) -> bool:
        self.text.edit.setFocus()
        return True

    def _fill_items(self) -> None:
        self.items.clear()
        if self.section is None:
            return
        rows = views.section_item_rows(self.ctx.lib, self.section["id"])
        for r in rows:
            item = QTreeWidgetItem([_item_kind_label(r["item_kind"]), r["label"], _detail_text(r)])
            item.setData(0, Qt.ItemDataRole.UserRole, r["id"])
            if not r["in_book"]:
                for col in range(3):
                    item.setForeground(col, self.palette().brush(self.palette().ColorGroup.Disabled,
                                                                 self.palette().ColorRole.Text))
                item.setToolTip(1, _("Not in the exported book: only accepted facts reach it"))
            self.items.addTopLevelItem(item)
        self.items_label.setText(_("Placed in this section ({n})").format(n=len(rows)))

    # -- edits ---------------------------------------------------------------------------
    def eventFilter(self, obj, event):
        if obj is self.text.edit and event.type() == QEvent.Type.FocusOut:
            self.commit_text()
        return False

    def commit_text(self) -> None:
        self._commit_timer.stop()
        if self.section is None:
            return
        body = self.text.markdown()
        if body == (self.section["body"] or "").strip():
            return
        self.section["body"] = body  # the in-place refresh after the command must not reload the editor
        push(self.ctx, UpdateRow(self.ctx, "sections", self.section["id"], _("Edit section text"), body=body or None))

    def _counterpart_chosen(self, _index: int) -> None:
        if self.section is None:
            return
        settings = dict(self.section.get("settings") or {})
        entity_id = self.counterpart.currentData()
        if settings.get("entity_id") == entity_id:
            return
        if entity_id is None:
            settings.pop("entity_id", None)
        else:
            settings["entity_id"] = entity_id
        push(self.ctx, UpdateRow(self.ctx, "sections", self.section["id"], _("Choose counterpart"),
                                 settings_json=json.dumps(settings, ensure_ascii=False)))

    def remove_selected_items(self) -> None:
        ids = [i.data(0, Qt.ItemDataRole.UserRole) for i in self.items.selectedItems()]
        if not ids:
            return
        self.ctx.undo.beginMacro(_("Remove from section"))
        for item_id in ids:
            push(self.ctx, DeleteRow(self.ctx, "section_items", item_id, _("Remove from section")))
        self.ctx.undo.endMacro()


def _html(text: str) -> str:
    import html

    return html.escape(text or "")


class OutlineEditor(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.model = OutlineModel(ctx, self)
        self.tree = QTreeView()
        self.tree.setObjectName("outlineTree")
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setDragEnabled(True)
        self.tree.setAcceptDrops(True)
        self.tree.setDropIndicatorShown(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.SelectedClicked)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(KIND, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ITEMS, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.model.modelReset.connect(self._after_reset)
        self.model.dataChanged.connect(lambda *_a: self._current_changed())
        self.tree.selectionModel().currentRowChanged.connect(lambda *_a: self._current_changed())

        SP = QStyle.StandardPixmap
        bar = QToolBar()
        bar.setObjectName("outlineBar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.add_menu = QMenu(self)
        for kind in SECTION_KINDS:
            self.add_menu.addAction(kind_label(kind), lambda k=kind: self.add_section(k))
        self.add_button = QToolButton()
        self.add_button.setText(_("Add section"))
        self.add_button.setIcon(self.style().standardIcon(SP.SP_FileDialogNewFolder))
        self.add_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.add_button.setMenu(self.add_menu)
        bar.addWidget(self.add_button)
        self.sub_menu = QMenu(_("Add subsection"), self)
        for kind in SECTION_KINDS:
            self.sub_menu.addAction(kind_label(kind), lambda k=kind: self.add_section(k, child=True))
        self.remove_action = bar.addAction(self.style().standardIcon(SP.SP_TrashIcon), _("Remove"), self.remove_section)
        self.remove_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.tree.addAction(self.remove_action)
        bar.addSeparator()
        self.up_action = bar.addAction(self.style().standardIcon(SP.SP_ArrowUp), _("Up"), lambda: self.move(-1))
        self.up_action.setShortcut(QKeySequence("Alt+Up"))
        self.down_action = bar.addAction(self.style().standardIcon(SP.SP_ArrowDown), _("Down"), lambda: self.move(1))
        self.down_action.setShortcut(QKeySequence("Alt+Down"))
        for a in (self.up_action, self.down_action):
            a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.tree.addAction(a)

        self.panel = SectionPanel(ctx)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.setSpacing(2)
        ll.addWidget(bar)
        ll.addWidget(self.tree, 1)
        hint = QLabel(_("Drag sections to reorder · checkbox includes · F2 renames · "
                        "drop facts, articles or entities onto a section"))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        ll.addWidget(hint)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([420, 640])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        book_events(ctx).outline_changed.connect(self._outline_changed)
        self._keep: int | None = None

    # -- book and selection ----------------------------------------------------------------
    def set_book(self, book_id: int | None) -> None:
        self.panel.commit_text()
        self.model.set_book(book_id)
        self.setEnabled(book_id is not None)
        if self.model.rowCount():
            self.select_section(self.model.section_id(self.model.index(0, 0)))

    def current_section_id(self) -> int | None:
        return self.model.section_id(self.tree.currentIndex())

    def select_section(self, section_id: int | None) -> None:
        index = self.model.index_of(section_id) if section_id else None
        if index is None or not index.isValid():
            self._current_changed()
            return
        self.tree.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.tree.scrollTo(index)
        self._current_changed()

    def _outline_changed(self, book_id: int) -> None:
        if book_id == self.model.book_id:
            self._current_changed()

    def _after_reset(self) -> None:
        self.tree.expandAll()
        keep = self._keep or self.panel.section and self.panel.section["id"]
        self._keep = None
        if keep and keep in self.model.rows:
            self.select_section(keep)
        else:
            self.panel.show_section(None)

    def _current_changed(self) -> None:
        self.panel.show_section(self.model.section(self.current_section_id()))

    # -- edits -------------------------------------------------------------------------------
    def _push(self, command) -> bool:
        error = push(self.ctx, command)
        if error:
            QMessageBox.warning(self, _("Not saved"), error)
        return error is None

    def add_section(self, kind: str, child: bool = False, title: str | None = None) -> int | None:
        if self.model.book_id is None:
            return None
        current = self.model.section(self.current_section_id())
        if child and current is not None:
            parent, position = current["id"], None
        elif current is not None:
            parent, position = current["parent_id"], current["position"] + 1
        else:
            parent, position = None, None
        command = AddSection(self.ctx, self.model.book_id, kind, title or kind_label(kind), parent, position)
        if not self._push(command):
            return None
        self.select_section(command.section_id)
        return command.section_id

    def remove_section(self, confirm: bool = True) -> None:
        sid = self.current_section_id()
        if sid is None:
            return
        self._keep = None
        self.panel.commit_text()
        self._push(DeleteSection(self.ctx, sid))

    def move(self, step: int) -> None:
        sid = self.current_section_id()
        if sid is not None:
            self._keep = sid
            self.model.move_by(sid, step)
            self.select_section(sid)

    def _context_menu(self, pos) -> None:
        menu = QMenu(self)
        menu.addMenu(self.add_menu).setText(_("Add section"))
        menu.addMenu(self.sub_menu)
        menu.addSeparator()
        rename = menu.addAction(_("Rename"), lambda: self.tree.edit(self.tree.currentIndex()))
        rename.setShortcut(QKeySequence("F2"))
        for a in (self.up_action, self.down_action, self.remove_action):
            menu.addAction(a)
        menu.exec(self.tree.viewport().mapToGlobal(pos))
