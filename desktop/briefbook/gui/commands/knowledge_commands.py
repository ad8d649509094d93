"""Undoable decisions on knowledge (services.review): accept / reject / edit an entity,
figure or statement once for all its mentions, split a mention off its entity, choose
the measure of a figure.  Undo puts back exactly what the services returned, and tells
the view which rows it touched so that it can select and show them again."""

from __future__ import annotations

from collections.abc import Callable

from ...services import mention_edits
from ...services.knowledge import add_user_measure, undo_user_measure
from ...services.mention_edits import Edit, subject_mentions
from ...store import views
from ..runtime.i18n import N_, _
from .undo_commands import EditCommand

_VERBS = {"accepted": N_("Accept"), "rejected": N_("Reject"), "edited": N_("Edit")}

Shown = Callable[[list[tuple[str, str]], bool], None]  # (row keys, undone?)

__all__ = ["AddMeasure", "DecideKnowledge", "PickValue", "SplitMention", "subject_mentions"]


class DecideKnowledge(EditCommand):
    """An entity decision is also the decision on each of its mentions (services.mention_edits
    .decide_rows), and the figures and statements read from rejected mentions go with them."""

    def __init__(self, ctx, rows: list[dict], status: str, edit: dict | None = None, shown: Shown | None = None):
        n = len(rows)
        label = rows[0].get("name") or rows[0].get("label") or "" if n == 1 else str(n)
        super().__init__(ctx, f"{_(_VERBS.get(status, status))} {label}".strip())
        self.rows = [{"kind": r["kind"], "uuid": r["uuid"], "entity_id": r.get("entity_id"),
                      "conflict": r.get("conflict", False),
                      "members": [dict(m) for m in r.get("members") or ()]} for r in rows]
        self.status, self.edit_fields, self.shown = status, edit, shown
        self.article_ids: list[int] = []
        self._mention_ids: list[int] | None = None
        self._undone = False

    def first(self) -> Edit:
        edit = mention_edits.decide_rows(self.lib, self.rows, self.status, self.edit_fields)
        self._mention_ids = list(edit.result or [])
        self.article_ids = views.fact_article_ids(self.lib, self._mention_ids)
        return edit

    def do(self):
        super().do()
        self._undone = False

    def undo_(self):
        super().undo_()
        self._undone = True

    def notify(self):
        if self._mention_ids:
            self.ctx.events.facts_changed.emit(self.article_ids)
        self.ctx.events.entities_changed.emit()
        if self.shown is not None:
            self.shown([(r["kind"], r["uuid"]) for r in self.rows], self._undone)


class PickValue(DecideKnowledge):
    """Resolve a conflict row: keep one value (accepted), reject the others; one undo step."""

    def __init__(self, ctx, row: dict, keep_uuid: str, shown: Shown | None = None):
        super().__init__(ctx, [row], "accepted", None, shown)
        keep = next((a for a in row.get("alternatives") or () if a["uuid"] == keep_uuid), None)
        verb = _("Keep value")
        self.setText(f"{verb} {keep['display'] if keep else ''}".strip())
        self.row, self.keep_uuid = row, keep_uuid

    def first(self) -> Edit:
        return mention_edits.pick_value(self.lib, self.row, self.keep_uuid)


class AddMeasure(DecideKnowledge):
    """A new measure for the user's vocabulary, chosen for a figure: one undo step, and its
    undo takes the measure out of the vocabulary again (not only off the figure)."""

    def __init__(self, ctx, row: dict, key: str, labels: dict[str, str], shown: Shown | None = None):
        super().__init__(ctx, [row], "edited", {"measure": key}, shown)
        verb = _("New measure")
        self.setText(f"{verb} {labels.get('en', key)}")
        self.key, self.labels = key, labels
        self.kinds = [row.get("figure_kind") or "amount"]
        self.measure_record: dict | None = None

    def do(self):
        self.measure_record = add_user_measure(self.lib, self.key, self.kinds, self.labels)
        super().do()

    def undo_(self):
        super().undo_()
        if self.measure_record is not None:
            undo_user_measure(self.lib, self.measure_record)


class SplitMention(EditCommand):
    """Take one mention off its entity (it becomes an entity of its own)."""

    def __init__(self, ctx, fact_id: int, entity_id: int, article_id: int, shown: Callable[[], None] | None = None):
        super().__init__(ctx, _("Split mention off"))
        self.fact_id, self.entity_id, self.article_id, self.shown = fact_id, entity_id, article_id, shown

    def first(self) -> Edit:
        return mention_edits.split_mention(self.lib, self.fact_id, self.entity_id)

    def notify(self):
        self.ctx.events.entities_changed.emit()
        if self.shown is not None:
            self.shown()
