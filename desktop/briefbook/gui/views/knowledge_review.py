"""The Review tab on knowledge: one row per entity, figure, event and agreement
(services.review.review_queue), decided once for all their mentions.

J/K move, A/R accept/reject the selection, E edits the current row (a name for an
entity; the measure for a figure) -- only while the table has the focus, so typing
in a box never triggers them, and the table does no type-ahead search.  Every
decision is an undo step; undo selects and shows the row it put back.  The detail
below the table is the row's card (knowledge_cards.py): an entity's names, titles,
articles and mentions (split one off, reject one alone, double-click to read it), a
figure's sources and conflicts side by side and its measure.  "Mentions" shows the
mention-level queue as before.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..commands.knowledge_commands import DecideKnowledge
from ..commands.undo_commands import push
from ..models.knowledge_model import KnowledgeFilter, KnowledgeModel, row_key, ui_locale
from ..runtime.i18n import _, ngettext
from .knowledge_cards import KnowledgeCard

KIND_CHOICES = (((), "all"), (("entity",), "entities"), (("figure",), "figures"),
                (("event", "agreement"), "statements"))


class KnowledgeTable(QTableView):
    key_command = Signal(str)
    KEYS = {Qt.Key.Key_J: "next", Qt.Key.Key_K: "previous", Qt.Key.Key_A: "accept", Qt.Key.Key_R: "reject",
            Qt.Key.Key_E: "edit"}

    def keyPressEvent(self, event):
        command = self.KEYS.get(event.key())
        mods = event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                                    | Qt.KeyboardModifier.MetaModifier)
        if command and not mods:
            self.key_command.emit(command)
            event.accept()
            return
        super().keyPressEvent(event)

    def keyboardSearch(self, search: str) -> None:
        pass  # letters are review keys here, never a jump to a row starting with them


class KnowledgeReview(QWidget):
    jump_requested = Signal(int, int)  # fact id, article id

    def __init__(self, ctx, mentions: QWidget | None = None, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.mode_box = QComboBox()
        self.mode_box.addItem(_("Knowledge"), "knowledge")
        self.mode_box.addItem(_("Mentions"), "mentions")
        self.show_box = QComboBox()
        self.show_box.addItem(_("To decide"), False)
        self.show_box.addItem(_("All"), True)
        self.kind_box = QComboBox()
        labels = {"all": _("Everything"), "entities": _("People, organisations, places"), "figures": _("Figures"),
                  "statements": _("Events and agreements")}
        for kinds_, key in KIND_CHOICES:
            self.kind_box.addItem(labels[key], kinds_)
        self.accept_button = QPushButton(_("Accept selected"))
        self.reject_button = QPushButton(_("Reject selected"))
        self.accept_button.clicked.connect(lambda: self.decide_selected("accepted"))
        self.reject_button.clicked.connect(lambda: self.decide_selected("rejected"))
        self.count_label = QLabel()
        self.model = KnowledgeModel(ctx.lib, self.current_filter(), self, ctx.queries)
        self.table = KnowledgeTable()
        self.table.setObjectName("knowledgeTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for col, width in enumerate((90, 200, 300, 220, 70, 60, 190, 100)):
            self.table.setColumnWidth(col, width)
        self.table.key_command.connect(self.key_command)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self.show_row(cur.row()))
        self.model.total_changed.connect(self._update_count)

        self.card = KnowledgeCard(ctx, self)
        self.card.jump_requested.connect(self.jump_requested)
        self.card.decided = self._decided
        self.card.changed.connect(self._after_card_change)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.card)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.splitter)
        self.mentions = mentions
        if mentions is not None:
            self.stack.addWidget(mentions)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(QLabel(_("Review")))
        bar.addWidget(self.mode_box)
        self.knowledge_bar = QWidget()  # hidden in "Mentions" mode, which has its own filters
        kb = QHBoxLayout(self.knowledge_bar)
        kb.setContentsMargins(0, 0, 0, 0)
        for label, w in ((_("Show"), self.show_box), (_("Kind"), self.kind_box)):
            kb.addWidget(QLabel(label))
            kb.addWidget(w)
        kb.addWidget(self.count_label, 1)
        kb.addWidget(self.accept_button)
        kb.addWidget(self.reject_button)
        bar.addWidget(self.knowledge_bar, 1)
        bar.addStretch(0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        self.mode_box.currentIndexChanged.connect(self._mode_changed)
        for box in (self.show_box, self.kind_box):
            box.currentIndexChanged.connect(self.reload)
        ctx.events.facts_changed.connect(self._facts_changed)

    # -- filter and loading -----------------------------------------------------------
    def current_filter(self) -> KnowledgeFilter:
        return KnowledgeFilter(include_decided=bool(self.show_box.currentData()),
                               kinds=tuple(self.kind_box.currentData() or ()),
                               locale=ui_locale())

    def reload(self, *_args) -> None:
        current = self.current_key()
        self.model.set_filter(self.current_filter())
        self._select_key(current) if current else self._select_row(0)

    def _facts_changed(self, _article_ids) -> None:
        if self.isVisible() and self.stack.currentWidget() is self.splitter:
            self.reload()

    def _mode_changed(self) -> None:
        knowledge = self.mode_box.currentData() == "knowledge"
        self.stack.setCurrentIndex(0 if knowledge or self.mentions is None else 1)
        self.knowledge_bar.setVisible(knowledge)
        if knowledge:
            self.reload()

    def show_mentions(self) -> None:
        """The mention-level queue (the "Mentions" mode)."""
        self.mode_box.setCurrentIndex(self.mode_box.findData("mentions"))

    def showing_mentions(self) -> bool:
        return self.mentions is not None and self.stack.currentWidget() is self.mentions

    def _update_count(self) -> None:
        conflicts = sum(1 for r in self.model.rows if r["kind"] == "figure" and r["conflicts"])
        text = ngettext("{n} row", "{n} rows", self.model.total).format(n=self.model.total)
        if conflicts:
            text += " · " + ngettext("{n} conflict", "{n} conflicts", conflicts).format(n=conflicts)
        self.count_label.setText(text)

    # -- selection --------------------------------------------------------------------
    def current_row(self) -> dict | None:
        return self.model.row_dict(self.table.currentIndex().row())

    def current_key(self) -> tuple[str, str] | None:
        row = self.current_row()
        return row_key(row) if row else None

    def selected_rows(self) -> list[dict]:
        picked = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        rows = [self.model.rows[n] for n in picked]
        if not rows and self.current_row() is not None:
            rows = [self.current_row()]
        return rows

    def _select_row(self, n: int) -> None:
        if self.model.rowCount() == 0:
            self.card.show_row(None)
            return
        n = max(0, min(n, self.model.rowCount() - 1))
        index = self.model.index(n, 1)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        self.show_row(n)

    def _select_key(self, key: tuple[str, str]) -> bool:
        n = self.model.row_for_key(key)
        if n is None:
            return False
        self._select_row(n)
        return True

    def show_row(self, n: int) -> None:
        self.card.show_row(self.model.row_dict(n))

    # -- decisions --------------------------------------------------------------------
    def key_command(self, command: str) -> None:
        n = self.table.currentIndex().row()
        if command == "next":
            self._select_row(n + 1)
        elif command == "previous":
            self._select_row(n - 1)
        elif command == "accept":
            self.decide_selected("accepted")
        elif command == "reject":
            self.decide_selected("rejected")
        elif command == "edit":
            self.edit_current()

    def decide_selected(self, status: str, edit: dict | None = None) -> str | None:
        rows = self.selected_rows()
        if not rows:
            return None
        self._resume_at = self.table.currentIndex().row()
        return push(self.ctx, DecideKnowledge(self.ctx, rows, status, edit, shown=self._decided))

    def edit_current(self) -> None:
        row = self.current_row()
        if row is None:
            return
        if row["kind"] == "figure":
            self.card.measure_box.setFocus()
            self.card.measure_box.showPopup()
            return
        if row["kind"] != "entity":
            return
        name, ok = QInputDialog.getText(self, _("Edit"), ngettext("Name for the {n} mention", "Name for all {n} mentions",
                                                                 row["mentions"]).format(n=row["mentions"]),
                                        text=row["name"])
        if ok and name.strip() and name.strip() != row["name"]:
            push(self.ctx, DecideKnowledge(self.ctx, [row], "edited", {"name": name.strip()}, shown=self._decided))

    def _decided(self, keys: list[tuple[str, str]], undone: bool) -> None:
        """After a decision (or its undo): re-read the queue; an undo selects and shows the
        row it put back, a decision moves on to the row that took the decided row's place."""
        self.model.set_filter(self.current_filter())
        if undone and keys and self._select_key(keys[0]):
            self.table.setFocus()
            return
        if not (keys and self._select_key(keys[0])):
            self._select_row(getattr(self, "_resume_at", 0))

    def _after_card_change(self) -> None:
        self._decided([k for k in [self.current_key()] if k], True)
