"""People and organisations across the library: names in every script, titles over
time, the facts and articles that mention them; rename, add alias, merge (with the
linker's suggestions to accept or reject), split."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...store import entities as ent
from ...store import notes
from ..commands.undo_commands import (
    AddAlias,
    AddAnnotation,
    MergeEntities,
    RemoveAlias,
    RenameEntity,
    SetProposalStatus,
    SplitEntity,
    push,
)
from ..models import kinds
from ..models.reasons import ORIGIN_LABELS, reason_text
from ..runtime import i18n
from ..runtime.i18n import _, ngettext

SCRIPT_LABELS = {"Hans": "简", "Hant": "繁", "Latn": "Latin", "Jpan": "日本語", "Kana": "カナ", "Hani": "漢字"}


def _table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(22)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table


def _item(text, data=None) -> QTableWidgetItem:
    item = QTableWidgetItem("" if text is None else str(text))
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    return item


class EntitiesView(QWidget):
    open_article = Signal(int)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.entity_id: int | None = None

        self.kind_box = QComboBox()
        for label, kind in ((_("People"), "person"), (_("Organisations"), "organization"), (_("Places"), "place"),
                            (_("All"), None)):
            self.kind_box.addItem(label, kind)
        self.kind_box.currentIndexChanged.connect(self.reload)
        self.name_filter = QLineEdit()
        self.name_filter.setPlaceholderText(_("Find a name in any script"))
        self.name_filter.setClearButtonEnabled(True)
        self.name_filter.textChanged.connect(self.reload)
        self.list = _table([_("Name"), _("Kind"), _("Facts"), _("Articles")], "entityList")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for col, width in ((0, 190), (1, 90), (2, 48), (3, 56)):
            self.list.setColumnWidth(col, width)
        self.list.currentCellChanged.connect(lambda row, *_a: self._list_row_changed(row))

        self.proposals = _table([_("Same as?"), _("Confidence"), _("Reason")], "proposals")
        self.proposals.setColumnWidth(0, 220)
        # the confidence takes only what its header needs; the reason gets the rest of the
        # row, cut off with "…" when it is longer, and is shown whole in its tooltip
        metrics = self.proposals.horizontalHeader().fontMetrics()
        self.proposals.setColumnWidth(1, metrics.horizontalAdvance(_("Confidence")) + 24)
        self.proposals.setTextElideMode(Qt.TextElideMode.ElideRight)
        # room for eight suggestions before it scrolls
        self.proposals.setMinimumHeight(self.proposals.verticalHeader().defaultSectionSize() * 8
                                        + self.proposals.horizontalHeader().sizeHint().height() + 4)
        accept = QPushButton(_("Merge"))
        reject = QPushButton(_("Not the same"))
        accept.clicked.connect(self.accept_current_proposal)
        reject.clicked.connect(self.reject_current_proposal)
        # the chosen suggestion's reason in full: the column is narrow in this pane
        self.proposal_reason = QLabel()
        self.proposal_reason.setObjectName("proposalReason")
        self.proposal_reason.setWordWrap(True)
        self.proposals.currentCellChanged.connect(lambda row, *_a: self._show_reason(row))
        prop_box = QGroupBox(_("Suggested merges"))
        pl = QVBoxLayout(prop_box)
        pl.addWidget(self.proposals)
        pl.addWidget(self.proposal_reason)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(accept)
        row.addWidget(reject)
        pl.addLayout(row)

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.kind_box)
        top.addWidget(self.name_filter, 1)
        ll.addLayout(top)
        ll.addWidget(self.list, 3)
        ll.addWidget(prop_box, 1)

        # -- the entity's page ------------------------------------------------------------
        self.title = QLabel()
        self.title.setObjectName("entityTitle")
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.aliases = _table([_("Name"), _("Script"), _("Language"), _("Origin")], "aliases")
        self.aliases.setColumnWidth(0, 220)
        self.aliases.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.titles = _table([_("Date"), _("Title"), _("Organisation")], "titles")
        self.titles.setColumnWidth(0, 90)
        self.titles.setColumnWidth(1, 160)
        self.facts = _table([_("Date"), _("Kind"), _("Text"), _("Status"), _("Article")], "entityFacts")
        for col, w in ((0, 90), (1, 80), (2, 200), (3, 80)):
            self.facts.setColumnWidth(col, w)
        # the status and language columns as wide as their longest word in the UI language
        metrics = self.facts.fontMetrics()
        self.facts.setColumnWidth(3, 16 + max(metrics.horizontalAdvance(kinds.status_label(s))
                                              for s in kinds.STATUS_LABELS))
        self.aliases.setColumnWidth(2, 16 + max(metrics.horizontalAdvance(i18n.language_name(c))
                                                for c in ("zh-Hans", "zh-Hant", "ja", "de", "en")))
        self.facts.cellDoubleClicked.connect(self._open_fact_article)
        self.notes_list = _table([_("Note")], "entityNotes")
        buttons = QHBoxLayout()
        for label, slot in ((_("Rename…"), self.rename), (_("Add alias…"), self.add_alias),
                            (_("Remove alias"), self.remove_alias), (_("Split off selected names…"), self.split),
                            (_("Merge with…"), self.merge_with), (_("Add note…"), self.add_note)):
            button = QPushButton(label)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.title)
        rl.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Vertical)
        for label, widget in ((_("Names in every script"), self.aliases), (_("Titles over time"), self.titles),
                              (_("Facts and articles (double-click to open)"), self.facts),
                              (_("Notes"), self.notes_list)):
            box = QGroupBox(label)
            QVBoxLayout(box).addWidget(widget)
            split.addWidget(box)
        rl.addWidget(split, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([430, 1000])
        self.splitter.setChildrenCollapsible(False)
        left.setMinimumWidth(300)
        right.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.splitter)
        ctx.events.entities_changed.connect(self.reload)
        ctx.events.facts_changed.connect(lambda _ids: self.show_entity(self.entity_id))
        ctx.events.annotations_changed.connect(lambda _a: self.show_entity(self.entity_id))
        self.reload()

    # -- list ------------------------------------------------------------------------------
    def reload(self, *_args) -> None:
        keep = self.entity_id
        rows = ent.list_entities(self.ctx.lib, self.kind_box.currentData(), self.name_filter.text().strip() or None)
        self.list.blockSignals(True)
        self.list.setRowCount(len(rows))
        for n, e in enumerate(rows):
            self.list.setItem(n, 0, _item(e.name, e.id))
            self.list.setItem(n, 1, _item(kinds.label(e.kind)))
            self.list.setItem(n, 2, _item(e.fact_count))
            self.list.setItem(n, 3, _item(e.article_count))
        self.list.blockSignals(False)
        self._reload_proposals()
        if keep is not None and not self.select_entity(keep):
            self.show_entity(None)
        elif keep is None:
            self.show_entity(None)

    def _reload_proposals(self) -> None:
        props = ent.merge_proposals(self.ctx.lib)
        self.proposals.setRowCount(len(props))
        for n, p in enumerate(props):
            pair, reason = f"{p['name_a']}  ⇄  {p['name_b']}", reason_text(p["reason"] or "")
            self.proposals.setItem(n, 0, _item(pair, p))
            self.proposals.setItem(n, 1, _item(f"{p['confidence']:.2f}"))
            self.proposals.setItem(n, 2, _item(reason))
            for col, tip in ((0, pair), (2, reason)):
                self.proposals.item(n, col).setToolTip(tip)
        self._show_reason(self.proposals.currentRow())

    def _show_reason(self, row: int) -> None:
        item = self.proposals.item(row, 2) if row >= 0 else None
        self.proposal_reason.setText(item.text() if item else "")

    def select_entity(self, entity_id: int) -> bool:
        for row in range(self.list.rowCount()):
            if self.list.item(row, 0).data(Qt.ItemDataRole.UserRole) == entity_id:
                self.list.setCurrentCell(row, 0)
                self.show_entity(entity_id)
                return True
        return False

    def _list_row_changed(self, row: int) -> None:
        item = self.list.item(row, 0) if row >= 0 else None
        self.show_entity(item.data(Qt.ItemDataRole.UserRole) if item else None)

    # -- page ------------------------------------------------------------------------------
    def show_entity(self, entity_id: int | None) -> None:
        lib = self.ctx.lib
        entity = ent.get_entity(lib, entity_id) if entity_id else None
        if entity is not None and ent.merged_into(lib, entity.id):
            entity = None
        self.entity_id = entity.id if entity else None
        for table in (self.aliases, self.titles, self.facts, self.notes_list):
            table.setRowCount(0)
        if entity is None:
            hint = _("Choose a person or organisation.")  # (pybabel misses _() inside f-strings)
            self.title.setText(f"<span style='color:gray'>{hint}</span>")
            return
        self.title.setText(f"<span style='font-size:14pt; font-weight:600'>{entity.name}</span>"
                           f"&nbsp;&nbsp;<span style='color:gray'>{kinds.label(entity.kind)} · "
                           + ngettext("{f} fact", "{f} facts", entity.fact_count).format(f=entity.fact_count) + " · "
                           + ngettext("{a} article", "{a} articles", entity.article_count).format(
                               a=entity.article_count)
                           + "</span>")
        self.aliases.setRowCount(len(entity.aliases))
        for n, a in enumerate(entity.aliases):
            self.aliases.setItem(n, 0, _item(a["name"], a["id"]))
            self.aliases.setItem(n, 1, _item(SCRIPT_LABELS.get(a["script"] or "", a["script"] or "")))
            self.aliases.setItem(n, 2, _item(i18n.language_name(a["lang"])))
            self.aliases.setItem(n, 3, _item(_(ORIGIN_LABELS.get(a["origin"] or "", a["origin"] or ""))))
        titles = ent.titles_over_time(lib, entity.id)
        self.titles.setRowCount(len(titles))
        for n, (date, title, org) in enumerate(titles):
            for col, value in enumerate((date, title, org)):
                self.titles.setItem(n, col, _item(i18n.date_text(value) if col == 0 else value or ""))
        facts = ent.entity_facts(lib, entity.id)
        self.facts.setRowCount(len(facts))
        for n, f in enumerate(facts):
            self.facts.setItem(n, 0, _item(i18n.date_text(f["published"]), f["article_id"]))
            self.facts.setItem(n, 1, _item(kinds.label(f["kind"])))
            self.facts.setItem(n, 2, _item(f["text"]))
            self.facts.setItem(n, 3, _item(kinds.status_label(f["status"])))
            self.facts.setItem(n, 4, _item(f["article_title"] or _("(untitled)")))
        anns = notes.annotations_for(lib, entity_id=entity.id)
        self.notes_list.setRowCount(len(anns))
        for n, a in enumerate(anns):
            self.notes_list.setItem(n, 0, _item(a.note, a.id))

    def _open_fact_article(self, row: int, _col: int) -> None:
        item = self.facts.item(row, 0)
        if item is not None:
            self.open_article.emit(item.data(Qt.ItemDataRole.UserRole))

    # -- edits --------------------------------------------------------------------------------
    def _push(self, command) -> bool:
        error = push(self.ctx, command)
        if error:
            QMessageBox.warning(self, _("Not saved"), error)
        return error is None

    def rename(self, name: str | None = None) -> None:
        if self.entity_id is None:
            return
        if not name:
            current = ent.get_entity(self.ctx.lib, self.entity_id).name
            name, ok = QInputDialog.getText(self, _("Rename"), _("Name:"), text=current)
            if not ok:
                return
        self._push(RenameEntity(self.ctx, self.entity_id, name))

    def add_alias(self, name: str | None = None) -> None:
        if self.entity_id is None:
            return
        if not name:
            name, ok = QInputDialog.getText(self, _("Add alias"), _("Another name (any script or language):"))
            if not ok or not name.strip():
                return
        self._push(AddAlias(self.ctx, self.entity_id, name.strip()))

    def selected_alias_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.aliases.selectionModel().selectedRows()})
        return [self.aliases.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in rows]

    def remove_alias(self) -> None:
        ids = self.selected_alias_ids()
        if not ids:
            return
        self.ctx.undo.beginMacro(_("Remove alias"))
        for alias_id in ids:
            push(self.ctx, RemoveAlias(self.ctx, alias_id))
        self.ctx.undo.endMacro()

    def split(self) -> None:
        ids = self.selected_alias_ids()
        if self.entity_id is None or not ids:
            QMessageBox.information(self, _("Split"), _("Select the names that belong to someone else first."))
            return
        if len(ids) >= self.aliases.rowCount():
            QMessageBox.information(self, _("Split"), _("Leave at least one name with this entity."))
            return
        self._push(SplitEntity(self.ctx, self.entity_id, ids))

    def merge_with(self, other_id: int | None = None) -> None:
        if self.entity_id is None:
            return
        if other_id is None:
            kind = ent.get_entity(self.ctx.lib, self.entity_id).kind
            others = [e for e in ent.list_entities(self.ctx.lib, kind, limit=2000) if e.id != self.entity_id]
            labels = [f"{e.name}  (#{e.id}, {e.fact_count})" for e in others]
            if not labels:
                return
            choice, ok = QInputDialog.getItem(self, _("Merge with…"), _("The same as:"), labels, 0, False)
            if not ok:
                return
            other_id = others[labels.index(choice)].id
        self.merge(self.entity_id, other_id)

    def merge(self, keep_id: int, other_id: int) -> bool:
        ok = self._push(MergeEntities(self.ctx, keep_id, other_id))
        if ok:
            self.select_entity(keep_id)
        return ok

    def add_note(self, text: str | None = None) -> None:
        if self.entity_id is None:
            return
        if text is None:
            text, ok = QInputDialog.getMultiLineText(self, _("Note"), _("Note on this entity:"))
            if not ok:
                return
        if text.strip():
            self._push(AddAnnotation(self.ctx, notes.Annotation(None, entity_id=self.entity_id, note=text.strip())))

    def _current_proposal(self) -> dict | None:
        row = self.proposals.currentRow()
        item = self.proposals.item(row, 0) if row >= 0 else None
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def accept_current_proposal(self) -> None:
        p = self._current_proposal()
        if p:
            self.merge(p["entity_a"], p["entity_b"])

    def reject_current_proposal(self) -> None:
        p = self._current_proposal()
        if p:
            self._push(SetProposalStatus(self.ctx, p["id"], "rejected"))
