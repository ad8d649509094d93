"""The detail of a knowledge review row.

An entity's card: its names in every script, its title history (title, organisation,
dates and the articles that say so), its articles by title, and its mentions with
their spans -- double-click one to read it in the article, split one off the entity
or reject it alone.  A figure's card: measure, subject, period, approximation, value
and sources; a conflict as two columns side by side, each with its sources; and the
measure chooser (the vocabulary, or a new measure of the user's), undoable.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...services.knowledge import vocabulary
from ...store import articles as articles_store
from ...store import facts as facts_store
from ..commands.knowledge_commands import (
    AddMeasure,
    DecideKnowledge,
    PickValue,
    SplitMention,
    subject_mentions,
)
from ..commands.undo_commands import SetFactStatus, push
from ..models.knowledge_model import (
    STATUS_LABELS,
    approx_label,
    arg_label,
    arg_text,
    period_text,
    row_kind_label,
    row_signals,
    ui_locale,
)
from ..runtime import i18n
from ..runtime.i18n import N_, _

CONTEXT = 40  # characters shown either side of a mention's span
# The texts the cards translate with _() inside f-strings, which pybabel (on Python < 3.12)
# does not look into: marked here so that they reach the catalogs.
_IN_FSTRINGS = (
    N_("Nothing to review here."),
    N_("Names"),
    N_("Organisation"),
    N_("no date"),
    N_("Titles"),
    N_("Signals that agree"),
    N_("Articles"),
    N_("no source"),
    N_("Subject"),
    N_("subject unknown"),
    N_("Period"),
    N_("Approximation"),
    N_("Conflict: the sources give different values"),
    N_("Sources"),
)
FactRole = Qt.ItemDataRole.UserRole
EntityRole = Qt.ItemDataRole.UserRole + 1  # the entity a listed mention belongs to (a grouped row has several)


def _e(text) -> str:
    return html.escape(str(text or ""))


class KnowledgeCard(QWidget):
    jump_requested = Signal(int, int)  # fact id, article id
    changed = Signal()  # a mention was split off or rejected: the queue is read again

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.row: dict | None = None
        self.decided = None  # the review's callback after a decision (selects the row again)
        self.text = QTextBrowser()
        self.text.setObjectName("knowledgeCard")
        self.text.setOpenLinks(False)
        self.mention_list = QListWidget()
        self.mention_list.itemDoubleClicked.connect(self._open_mention)
        self.split_button = QPushButton(_("Split off"))
        self.split_button.setToolTip(_("This mention is someone or something else: make it an entity of its own"))
        self.reject_mention_button = QPushButton(_("Reject this mention"))
        self.split_button.clicked.connect(self.split_current)
        self.reject_mention_button.clicked.connect(self.reject_current_mention)
        self.measure_box = QComboBox()
        self.measure_box.activated.connect(self._measure_chosen)
        self.new_measure_button = QPushButton(_("New measure…"))
        self.new_measure_button.clicked.connect(self.new_measure)

        self.pick_box = QComboBox()
        self.pick_button = QPushButton(_("Keep only this value"))
        self.pick_button.setToolTip(_("Resolve the conflict: this value is accepted, the others rejected "
                                      "(Accept keeps every value, shown as conflicting)"))
        self.pick_button.clicked.connect(self.pick_current_value)
        self.conflict_bar = QWidget()
        cb = QHBoxLayout(self.conflict_bar)
        cb.setContentsMargins(0, 0, 0, 0)
        cb.addWidget(QLabel(_("Conflict")))
        cb.addWidget(self.pick_box, 1)
        cb.addWidget(self.pick_button)

        self.mention_bar = QWidget()
        mb = QHBoxLayout(self.mention_bar)
        mb.setContentsMargins(0, 0, 0, 0)
        mb.addWidget(QLabel(_("Mentions (double-click to read):")), 1)
        mb.addWidget(self.split_button)
        mb.addWidget(self.reject_mention_button)
        self.measure_bar = QWidget()
        fb = QHBoxLayout(self.measure_bar)
        fb.setContentsMargins(0, 0, 0, 0)
        fb.addWidget(QLabel(_("Measure")))
        fb.addWidget(self.measure_box, 1)
        fb.addWidget(self.new_measure_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 3)
        layout.addWidget(self.measure_bar)
        layout.addWidget(self.conflict_bar)
        layout.addWidget(self.mention_bar)
        layout.addWidget(self.mention_list, 2)
        self.show_row(None)

    # -- showing ------------------------------------------------------------------------
    def show_row(self, row: dict | None) -> None:
        self.row = row
        is_entity = row is not None and row["kind"] == "entity"
        is_figure = row is not None and row["kind"] == "figure"
        self.mention_bar.setVisible(is_entity)
        self.mention_list.setVisible(is_entity)
        self.measure_bar.setVisible(is_figure)
        self.conflict_bar.setVisible(bool(row is not None and is_figure and row.get("alternatives")))
        self.pick_box.clear()
        for alt in (row or {}).get("alternatives") or ():
            self.pick_box.addItem(alt["display"], alt["uuid"])
        self.mention_list.clear()
        if row is None:
            self.text.setHtml(f"<p style='color:gray'>{_e(_('Nothing to review here.'))}</p>")
        elif is_entity:
            self.text.setHtml(self.entity_html(row))
            self._fill_mentions(row)
        elif is_figure:
            self.text.setHtml(self.figure_html(row))
            self._fill_measures(row)
        else:
            self.text.setHtml(self.statement_html(row))

    def _title(self, article_id: int) -> str:
        # an article without a headline is named by its opening words, as the library lists it
        return articles_store.shown_title(self.ctx.lib, article_id) or _("(untitled article)")

    def _head(self, row: dict, title: str) -> str:
        status = _(STATUS_LABELS.get(row["status"], row["status"]))
        return (f"<h3 style='margin:0'>{_e(title)} <span style='color:gray; font-weight:normal'>"
                f"· {_e(row_kind_label(row))} · {_e(status)}</span></h3>")

    def entity_html(self, row: dict) -> str:
        parts = [self._head(row, row["name"])]
        parts.append(f"<p><b>{_e(_('Names'))}:</b> {_e(' · '.join(row['names']))}</p>")
        if row.get("org"):
            parts.append(f"<p><b>{_e(_('Organisation'))}:</b> {_e(row['org'])}</p>")
        history: dict[tuple, dict] = {}
        for f in subject_mentions(self.ctx.lib, row["entity_id"]):
            v = f["value"]
            if f["kind"] == "person" and f["status"] != "rejected" and (v.get("title") or v.get("org")):
                h = history.setdefault((v.get("title"), v.get("org")), {"dates": set(), "articles": set()})
                if f["published"]:
                    h["dates"].add(f["published"][:10])
                h["articles"].add(f["title"] or "")
        if history:
            items = "".join(
                f"<li>{_e(t or '')}{' — ' + _e(o) if o else ''} <span style='color:gray'>"
                f"({_e(', '.join(i18n.date_text(d) for d in sorted(h['dates'])) or _('no date'))}; {_e('; '.join(sorted(h['articles'])))})</span></li>"
                for (t, o), h in sorted(history.items(), key=lambda kv: max(kv[1]["dates"] or {""}), reverse=True))
            parts.append(f"<p><b>{_e(_('Titles'))}:</b></p><ul style='margin-top:0'>{items}</ul>")
        signals = row_signals(row)  # named as the table's Signals column names them
        parts.append(f"<p><b>{_e(_('Signals that agree'))}:</b> {_e(signals)}</p>")
        arts = "".join(f"<li>{_e(self._title(a))}</li>" for a in row["articles"])
        parts.append(f"<p><b>{_e(_('Articles'))} ({len(row['articles'])}):</b></p><ul style='margin-top:0'>{arts}</ul>")
        return "".join(parts)

    def _fill_mentions(self, row: dict) -> None:
        """Every mention of the row: of its entity and of the entities grouped with it."""
        texts: dict[int, str] = {}
        entity_ids = list(dict.fromkeys([row["entity_id"]] + [m["entity_id"] for m in row.get("members") or ()
                                                             if m.get("entity_id") is not None]))
        for entity_id, f in ((eid, f) for eid in entity_ids for f in subject_mentions(self.ctx.lib, eid)):
            if f["article_id"] not in texts:
                texts[f["article_id"]] = articles_store.article_text(self.ctx.lib, f["article_id"]) or ""
            full = texts[f["article_id"]]
            fact = facts_store.get_fact(self.ctx.lib, f["id"])
            s, e = (fact.start, fact.end) if fact is not None else (0, 0)
            item = QListWidgetItem(f"{f['text']}  ·  {f['title'] or ''}  ·  {s}–{e}  ·  "
                                   f"{_(STATUS_LABELS.get(f['status'], f['status']))}")
            item.setData(FactRole, (f["id"], f["article_id"]))
            item.setData(EntityRole, entity_id)
            item.setToolTip(("…" + full[max(0, s - CONTEXT):s] + "【" + full[s:e] + "】" + full[e:e + CONTEXT] + "…")
                            .replace("\n", " "))
            self.mention_list.addItem(item)
        if self.mention_list.count():
            self.mention_list.setCurrentRow(0)

    def _sources_html(self, article_ids: list[int]) -> str:
        return "".join(f"<li>{_e(self._title(a))}</li>" for a in article_ids) or f"<li>{_e(_('no source'))}</li>"

    def _context_html(self, source: dict) -> str:
        """The words around a source's span, the span in bold, and the article's title."""
        text = articles_store.article_text(self.ctx.lib, source["article_id"]) or ""
        s, e = source["start"], source["end"]
        around = (_e(text[max(0, s - CONTEXT):s]) + "<b>" + _e(text[s:e]) + "</b>" + _e(text[e:e + CONTEXT]))
        return f"…{around.replace(chr(10), ' ')}… ({_e(self._title(source['article_id']))})"

    def figure_html(self, row: dict) -> str:
        parts = [self._head(row, row["label"])]
        parts.append("<table cellpadding='2'>"
                     f"<tr><td><b>{_e(_('Subject'))}</b></td><td>{_e(row.get('subject') or _('subject unknown'))}</td></tr>"
                     f"<tr><td><b>{_e(_('Period'))}</b></td><td>{_e(period_text(row.get('period')))}</td></tr>"
                     f"<tr><td><b>{_e(_('Approximation'))}</b></td><td>{_e(approx_label(row.get('approx')))}</td></tr></table>")
        own = sorted({s["article_id"] for s in row["sources"]})
        sides = self._conflict_sides(row)
        if sides:
            # each value with its own sources and the sentence each gives it in, side by side
            cells = [f"<td valign='top' style='padding:6px; background:#fde2e1'><b style='font-size:large'>"
                     f"{_e(display)}</b><ul>{self._sources_html(sorted({s['article_id'] for s in srcs}))}</ul>"
                     f"<ul>{''.join(f'<li style=color:gray>{self._context_html(s)}</li>' for s in srcs[:3])}</ul></td>"
                     for display, srcs in sides]
            parts.append(f"<p style='color:#a33'><b>⚠ {_e(_('Conflict: the sources give different values'))}</b></p>"
                         f"<table cellspacing='6'><tr>{''.join(cells)}</tr></table>")
        else:
            quotes = "".join(f"<li style='color:gray'>{self._context_html(s)}</li>" for s in row["sources"][:3])
            parts.append(f"<p><b style='font-size:large'>{_e(row['display'])}</b></p>"
                         f"<p><b>{_e(_('Sources'))} ({len(own)}):</b></p><ul>{self._sources_html(own)}</ul>")
            if quotes:
                parts.append(f"<ul>{quotes}</ul>")
        for q in row.get("qualifiers") or []:
            parts.append(f"<p>{_e(q['label'])}: {_e(q['display'])}</p>")
        parts.append(f"<p><b>{_e(_('Signals that agree'))}:</b> {_e(row_signals(row))} "
                     f"<span style='color:gray'>({row.get('confidence') or 0:.2f})</span></p>")
        return "".join(parts)

    @staticmethod
    def _conflict_sides(row: dict) -> list[tuple[str, list[dict]]]:
        """(value as shown, its sources with their spans) for each value of a conflict: the
        queue's conflict row lists them under ``alternatives``, a single figure its rivals
        under ``conflicts`` (with their ``spans``)."""
        if row.get("alternatives"):
            return [(a["display"], list(a["sources"])) for a in row["alternatives"]]
        if not row.get("conflicts"):
            return []
        return [(row["display"], list(row["sources"]))] + [
            (c["display"], list(c.get("spans") or ())) for c in row["conflicts"]]

    def statement_html(self, row: dict) -> str:
        args = "".join(f"<tr><td><b>{_e(arg_label(k))}</b></td><td>{_e(arg_text(v))}</td></tr>"
                       for k, v in (row.get("args") or {}).items() if arg_text(v))
        srcs = self._sources_html(row.get("articles") or [])
        return f"{self._head(row, row_kind_label(row))}<table>{args}</table><ul>{srcs}</ul>"

    def _fill_measures(self, row: dict) -> None:
        vocab = vocabulary(self.ctx.lib)
        locale = ui_locale()
        self.measure_box.blockSignals(True)
        self.measure_box.clear()
        kind = row.get("figure_kind")
        for m in vocab.measures:
            if not kind or kind in m.kinds:
                self.measure_box.addItem(m.label(locale), m.key)
        if self.measure_box.findData(row["measure"]) < 0:
            self.measure_box.insertItem(0, row["label"], row["measure"])
        self.measure_box.setCurrentIndex(self.measure_box.findData(row["measure"]))
        self.measure_box.blockSignals(False)

    # -- actions ------------------------------------------------------------------------
    def _decide_measure(self, key: str) -> None:
        if self.row is None or self.row["kind"] != "figure" or key == self.row["measure"]:
            return
        push(self.ctx, DecideKnowledge(self.ctx, [self.row], "edited", {"measure": key}, shown=self.decided))

    def _measure_chosen(self, index: int) -> None:
        self._decide_measure(self.measure_box.itemData(index))

    def new_measure(self) -> str | None:
        if self.row is None or self.row["kind"] != "figure":
            return None
        label, ok = QInputDialog.getText(self, _("New measure"), _("Name of the measure:"))
        label = label.strip()
        if not ok or not label:
            return None
        key = "user_" + (re.sub(r"\W+", "_", label.lower()).strip("_") or str(abs(hash(label))))
        labels = {"en": label, "de": label, "zh-Hans": label, "zh-Hant": label, "ja": label}
        push(self.ctx, AddMeasure(self.ctx, self.row, key, labels, shown=self.decided))
        return key

    def pick_current_value(self) -> None:
        if self.row is None or not self.row.get("alternatives") or self.pick_box.currentIndex() < 0:
            return
        push(self.ctx, PickValue(self.ctx, self.row, self.pick_box.currentData(), shown=self.decided))

    def current_mention(self) -> tuple[int, int] | None:
        item = self.mention_list.currentItem()
        return item.data(FactRole) if item is not None else None

    def _open_mention(self, item: QListWidgetItem) -> None:
        fact_id, article_id = item.data(FactRole)
        self.jump_requested.emit(fact_id, article_id)

    def split_current(self) -> None:
        mention = self.current_mention()
        if mention is None or self.row is None:
            return
        item = self.mention_list.currentItem()
        entity_id = item.data(EntityRole) if item is not None and item.data(EntityRole) else self.row["entity_id"]
        push(self.ctx, SplitMention(self.ctx, mention[0], entity_id, mention[1], shown=self.changed.emit))

    def reject_current_mention(self) -> None:
        mention = self.current_mention()
        if mention is None:
            return
        push(self.ctx, SetFactStatus(self.ctx, [mention[0]], "rejected"))
        self.changed.emit()
