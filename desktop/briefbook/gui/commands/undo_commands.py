"""Undoable edits.  Each command calls the store functions (one transaction each), or,
for what the figures and statements are read from (mentions, articles, entity links),
the use cases of services/mention_edits.py, which also read the knowledge again; it
keeps what they returned for undo, and tells the views what changed.

``push(ctx, command)`` runs the command; if the store refuses (a validation
error), the command is dropped from the stack and the message is returned.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from ...core.facts import Fact
from ...store import articles as articles_store
from ...store import notes, views
from ..runtime.i18n import N_, _

if TYPE_CHECKING:
    from ...services.mention_edits import Edit


def _entities():
    """store.entities, imported by the first entity command (with the name rules it loads),
    not at every start of the app."""
    from ...store import entities

    return entities


def _entity_edits():
    from ...store import entity_edits

    return entity_edits


class StoreCommand(QUndoCommand):
    def __init__(self, ctx, text: str):
        super().__init__(text)
        self.ctx = ctx
        self.error: str | None = None
        self._done_once = False
        self.shown_fact: int | None = None  # the fact an undo of this command returns to

    # subclasses implement these two
    def do(self) -> None:
        raise NotImplementedError

    def undo_(self) -> None:
        raise NotImplementedError

    def notify(self) -> None:
        pass

    def redo(self) -> None:
        try:
            self.do()
        except (ValueError, KeyError, LookupError) as err:
            self.error = str(err).strip("'\"") or err.__class__.__name__
            self.setObsolete(True)
            return
        self._done_once = True
        self.notify()

    def undo(self) -> None:
        self.undo_()
        self.notify()
        if self.shown_fact is not None:
            self.ctx.events.fact_returned.emit(self.shown_fact)

    @property
    def lib(self):
        return self.ctx.lib


def push(ctx, command: StoreCommand) -> str | None:
    ctx.undo.push(command)
    return command.error


def _articles_of(lib, fact_ids) -> list[int]:
    return views.fact_article_ids(lib, list(fact_ids))


class EditCommand(StoreCommand):
    """A command whose write is a services.mention_edits edit.  Its undo is the edit's undo,
    and its redo after an undo is the undo's own undo (the same rows, ids and claims come
    back); ``first`` makes the edit the first time."""

    def __init__(self, ctx, text: str):
        super().__init__(ctx, text)
        self.edit: Edit | None = None
        self.redo_edit: Edit | None = None

    def first(self) -> Edit:
        raise NotImplementedError

    def do(self):
        self.edit = self.first() if self.redo_edit is None else _edits().undo(self.lib, self.redo_edit)

    def undo_(self):
        if self.edit is not None:
            self.redo_edit = _edits().undo(self.lib, self.edit)


# -- facts ----------------------------------------------------------------------

_STATUS_VERBS = {"accepted": N_("Accept"), "rejected": N_("Reject"), "proposed": N_("Reset")}


class SetFactStatus(EditCommand):
    """A review step on selected facts: set-based UPDATEs, previous statuses kept exactly."""

    def __init__(self, ctx, fact_ids: list[int], status: str):
        n = len(fact_ids)
        super().__init__(ctx, f"{_(_STATUS_VERBS.get(status, status))} {n if n > 1 else ''}".strip())
        self.ids, self.status = list(fact_ids), status
        self.article_ids = views.fact_article_ids(ctx.lib, self.ids)
        self.shown_fact = self.ids[0] if self.ids else None

    def first(self) -> Edit:
        return _edits().set_mention_status(self.lib, self.ids, self.status)

    def notify(self):
        self.ctx.events.facts_changed.emit(self.article_ids)


class BulkFactStatus(QUndoCommand):
    """Accept or reject every fact a filter selects, as one undo step.

    Thousands of facts take the disk a second or more, so when the executor is a
    background thread the ids are read, the statuses written (a transaction per
    chunk) and the knowledge of the articles read again, and, on undo, put back there
    (in order: an undo queued behind its redo sees what the redo saved); the views
    refresh when each job is done.  ``on_done`` is called after each redo and undo.
    """

    def __init__(self, ctx, flt: views.FactFilter, status: str, n: int, on_done=None, track=None):
        super().__init__(f"{_(_STATUS_VERBS.get(status, status))} {n}")
        self.ctx, self.filter, self.status, self.n = ctx, flt, status, n
        self.ids: list[int] | None = None
        self.previous: dict[str, list[int]] = {}
        self.edit: Edit | None = None
        self.on_done = on_done
        self.track = track  # track(handle, title): show a job's progress
        self.error: str | None = None

    @staticmethod
    def _between_chunks(progress):
        def step(done, total):
            progress(done, total, "")
            time.sleep(0.002)  # a GUI write waiting for the library gets it between chunks
        return step

    def _redo_job(self, progress, cancel):
        if self.ids is None:  # the facts the filter showed when the user said so, kept for redo
            self.ids = views.fact_ids(self.ctx.lib, self.filter)
        # A transaction per chunk: the GUI never waits long for the library.  If one fails,
        # ``previous`` still holds what the committed chunks changed, so undo stays exact.
        self.previous, self.edit = {}, None
        self.edit = _edits().set_mention_status(self.ctx.lib, self.ids, self.status,
                                                     progress=self._between_chunks(progress),
                                                     chunk_transactions=True, previous=self.previous)
        return len(self.ids)

    def _undo_job(self, progress, cancel):
        opts = {"progress": self._between_chunks(progress), "chunk_transactions": True}
        if self.edit is not None:
            _edits().undo(self.ctx.lib, self.edit, **opts)
        else:  # the redo failed part way: what its committed chunks changed
            _edits().restore_mention_statuses(self.ctx.lib, self.previous, **opts)
        return sum(len(ids) for ids in self.previous.values())

    def _submit(self, job, title: str):
        handle = self.ctx.executor.submit(title, job, on_result=self._finished, on_error=self._failed)
        if self.track is not None and not self.ctx.executor.synchronous:
            self.track(handle, title)

    def _finished(self, n) -> None:
        self.ctx.events.facts_changed.emit([])
        if self.on_done:
            self.on_done(n)

    def _failed(self, message: str) -> None:
        self.error = message
        self.ctx.events.facts_changed.emit([])
        if self.on_done:
            self.on_done(None)

    def redo(self) -> None:
        self._submit(self._redo_job, self.text())

    def undo(self) -> None:
        self._submit(self._undo_job, _("Undo") + " " + self.text())


class EditFact(EditCommand):
    def __init__(self, ctx, fact_id: int, *, value=None, start=None, end=None, kind=None):
        super().__init__(ctx, _("Edit fact"))
        self.fact_id = fact_id
        self.changes = {"value": value, "start": start, "end": end, "kind": kind}
        self.shown_fact = fact_id
        self.article_ids = _articles_of(ctx.lib, [fact_id])

    def first(self) -> Edit:
        return _edits().edit_mention(self.lib, self.fact_id, **self.changes)

    def notify(self):
        self.ctx.events.facts_changed.emit(self.article_ids)


class AddFact(EditCommand):
    def __init__(self, ctx, article_id: int, fact: Fact):
        super().__init__(ctx, _("Add fact"))
        self.article_id, self.fact = article_id, fact
        self.fact_id: int | None = None

    def first(self) -> Edit:
        edit = _edits().add_mention(self.lib, self.article_id, self.fact)
        self.fact_id = edit.result
        return edit

    def notify(self):
        self.ctx.events.facts_changed.emit([self.article_id])


class DeleteFacts(EditCommand):
    def __init__(self, ctx, fact_ids: list[int]):
        super().__init__(ctx, _("Delete facts"))
        self.ids = list(fact_ids)
        self.shown_fact = self.ids[0] if self.ids else None
        self.article_ids = _articles_of(ctx.lib, self.ids)

    def first(self) -> Edit:
        return _edits().delete_mentions(self.lib, self.ids)

    def notify(self):
        self.ctx.events.facts_changed.emit(self.article_ids)


# -- annotations and tags --------------------------------------------------------------

class AddAnnotation(StoreCommand):
    def __init__(self, ctx, ann: notes.Annotation):
        super().__init__(ctx, _("Add note") if ann.note else _("Highlight"))
        self.ann = ann

    def do(self):
        self.ann.id = notes.add_annotation(self.lib, self.ann)  # same id again on redo

    def undo_(self):
        notes.delete_annotation(self.lib, self.ann.id)

    def notify(self):
        self.ctx.events.annotations_changed.emit(self.ann.article_id or 0)


class DeleteAnnotation(StoreCommand):
    def __init__(self, ctx, annotation_id: int):
        super().__init__(ctx, _("Delete note"))
        self.annotation_id = annotation_id
        self.ann: notes.Annotation | None = None

    def do(self):
        self.ann = notes.delete_annotation(self.lib, self.annotation_id)
        if self.ann is None:
            raise KeyError(_("the note no longer exists"))

    def undo_(self):
        notes.add_annotation(self.lib, self.ann)

    def notify(self):
        self.ctx.events.annotations_changed.emit((self.ann.article_id if self.ann else 0) or 0)


class EditNote(StoreCommand):
    def __init__(self, ctx, annotation_id: int, note: str, article_id: int = 0):
        super().__init__(ctx, _("Edit note"))
        self.annotation_id, self.note, self.article_id = annotation_id, note, article_id
        self.old = ""

    def do(self):
        self.old = notes.update_note(self.lib, self.annotation_id, self.note)

    def undo_(self):
        notes.update_note(self.lib, self.annotation_id, self.old)

    def notify(self):
        self.ctx.events.annotations_changed.emit(self.article_id)


class TagArticle(StoreCommand):
    def __init__(self, ctx, article_id: int, name: str, remove: bool = False):
        super().__init__(ctx, (_("Remove tag {name}") if remove else _("Tag {name}")).format(name=name))
        self.article_id, self.name, self.remove = article_id, name, remove
        self.changed = False

    def do(self):
        fn = notes.untag_article if self.remove else notes.tag_article
        self.changed = fn(self.lib, self.article_id, self.name)

    def undo_(self):
        if self.changed:
            fn = notes.tag_article if self.remove else notes.untag_article
            fn(self.lib, self.article_id, self.name)

    def notify(self):
        self.ctx.events.articles_changed.emit()


class TagFact(StoreCommand):
    def __init__(self, ctx, fact_id: int, name: str, remove: bool = False):
        super().__init__(ctx, (_("Remove tag {name}") if remove else _("Tag {name}")).format(name=name))
        self.fact_id, self.name, self.remove = fact_id, name, remove
        self.changed = False
        self.article_ids = _articles_of(ctx.lib, [fact_id])

    def do(self):
        fn = notes.untag_fact if self.remove else notes.tag_fact
        self.changed = fn(self.lib, self.fact_id, self.name)

    def undo_(self):
        if self.changed:
            fn = notes.tag_fact if self.remove else notes.untag_fact
            fn(self.lib, self.fact_id, self.name)

    def notify(self):
        self.ctx.events.facts_changed.emit(self.article_ids)


# -- articles -----------------------------------------------------------------------

class DeleteArticle(EditCommand):
    def __init__(self, ctx, article_id: int):
        super().__init__(ctx, _("Delete article"))
        self.article_id = article_id

    def first(self) -> Edit:
        return _edits().delete_article(self.lib, self.article_id)

    def notify(self):
        self.ctx.events.articles_changed.emit()
        self.ctx.events.facts_changed.emit([])


class SetDuplicateStatus(StoreCommand):
    def __init__(self, ctx, article_id: int, status: str | None):
        super().__init__(ctx, _("Near-duplicate verdict"))
        self.article_id, self.status = article_id, status
        self.old: str | None = None

    def do(self):
        self.old = articles_store.set_duplicate_status(self.lib, self.article_id, self.status)

    def undo_(self):
        articles_store.set_duplicate_status(self.lib, self.article_id, self.old)

    def notify(self):
        self.ctx.events.articles_changed.emit()


class SetSourceDetails(StoreCommand):
    """The publisher and URL a book prints for an article, as the user typed them."""

    def __init__(self, ctx, article_id: int, publisher: str, url: str):
        super().__init__(ctx, _("Edit source"))
        self.article_id, self.publisher, self.url = article_id, publisher, url
        self.old: dict | None = None

    def do(self):
        from ...services.trips import set_source

        before = articles_store.source_details(self.lib, self.article_id)
        set_source(self.lib, self.article_id, self.publisher, self.url)
        self.old = {"source": before["publisher"], "url": before["url"]}

    def undo_(self):
        if self.old is not None:
            articles_store.set_source_details(self.lib, self.article_id, **self.old)

    def notify(self):
        self.ctx.events.articles_changed.emit()


# -- entities -----------------------------------------------------------------------

class _EntityCommand(StoreCommand):
    def notify(self):
        self.ctx.events.entities_changed.emit()


class _EntityEdit(EditCommand):
    def notify(self):
        self.ctx.events.entities_changed.emit()


class MergeEntities(_EntityEdit):
    def __init__(self, ctx, keep_id: int, other_id: int):
        super().__init__(ctx, _("Merge entities"))
        self.keep_id, self.other_id = keep_id, other_id

    def first(self) -> Edit:
        return _edits().merge_entities(self.lib, self.keep_id, self.other_id)


class RenameEntity(_EntityCommand):
    """Rename; undo restores the name and removes the alias the rename added (only that one)."""

    def __init__(self, ctx, entity_id: int, name: str):
        super().__init__(ctx, _("Rename"))
        self.entity_id, self.name = entity_id, name.strip()
        self.record: dict | None = None

    def do(self):
        if not self.name:
            raise ValueError(_("a name cannot be empty"))
        if self.record is None:
            self.record = _entity_edits().rename(self.lib, self.entity_id, self.name)
        else:
            _entity_edits().redo_rename(self.lib, self.record)

    def undo_(self):
        _entity_edits().undo_rename(self.lib, self.record)


class AddAlias(_EntityCommand):
    def __init__(self, ctx, entity_id: int, name: str, lang: str | None = None):
        super().__init__(ctx, _("Add alias"))
        self.entity_id, self.name, self.lang = entity_id, name, lang
        self.alias_id: int | None = None
        self.saved: dict | None = None

    def do(self):
        if self.saved is None:
            self.alias_id = _entities().add_alias(self.lib, self.entity_id, self.name, self.lang)
            if self.alias_id is None:
                raise ValueError(_("this name is already an alias"))
        else:
            _entities().restore_alias(self.lib, self.saved)

    def undo_(self):
        self.saved = _entities().remove_alias(self.lib, self.alias_id)


class RemoveAlias(_EntityCommand):
    def __init__(self, ctx, alias_id: int):
        super().__init__(ctx, _("Remove alias"))
        self.alias_id = alias_id
        self.saved: dict | None = None

    def do(self):
        self.saved = _entities().remove_alias(self.lib, self.alias_id)
        if self.saved is None:
            raise KeyError(_("the alias no longer exists"))

    def undo_(self):
        _entities().restore_alias(self.lib, self.saved)


class SplitEntity(_EntityEdit):
    """Split; undo moves exactly the split-off names and fact links back (same rows) and
    removes the new entity; redo re-creates it with the same id."""

    def __init__(self, ctx, entity_id: int, alias_ids: list[int], name: str | None = None):
        super().__init__(ctx, _("Split entity"))
        self.entity_id, self.alias_ids, self.name = entity_id, list(alias_ids), name

    @property
    def new_id(self) -> int | None:
        return self.edit.result if self.edit else None

    def first(self) -> Edit:
        return _edits().split_entity(self.lib, self.entity_id, self.alias_ids, self.name)


class SetProposalStatus(_EntityCommand):
    def __init__(self, ctx, proposal_id: int, status: str):
        super().__init__(ctx, _("Reject suggestion") if status == "rejected" else _("Suggestion"))
        self.proposal_id, self.status = proposal_id, status
        self.old = "proposed"

    def do(self):
        self.old = _entities().set_proposal_status(self.lib, self.proposal_id, self.status)

    def undo_(self):
        _entities().set_proposal_status(self.lib, self.proposal_id, self.old)


def _edits():
    """services/mention_edits.py, imported on the first edit: it brings the review and the
    figure readers (services.review, services.knowledge), which opening the window does not need."""
    from ...services import mention_edits

    return mention_edits
