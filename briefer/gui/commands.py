"""Undoable edits of a briefing. Each command writes through the services when it is done or
undone, so the undo stack and the store can never disagree, and nothing waits to be saved.

Command names are what the Edit menu shows: "Undo Move item", "Redo Edit text".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from briefer.errors import BrieferError
from briefer.gui.context import StoreContext
from briefer.gui.qt import QUndoCommand
from briefer.services import outline

TYPING_MERGE_ID = 1
TYPED_FIELDS = ("text", "title", "response")  # typed key by key, saved after a pause


class _Command(QUndoCommand):
    """Runs ``_do``/``_undo`` through the context; a refused change becomes a message."""

    def __init__(self, ctx: StoreContext, briefing_id: str, name: str):
        super().__init__(name)
        self.ctx = ctx
        self.briefing_id = briefing_id

    def _guard(self, action: Callable[[], None]) -> None:
        try:
            action()
        except BrieferError as exc:
            self.setObsolete(True)
            self.ctx.failed.emit(str(exc))
            self.ctx.outline_changed.emit(self.briefing_id)
            return
        self._announce()

    def _announce(self) -> None:
        """Tell the window what changed: by default the outline, which it reads again."""
        self.ctx.outline_changed.emit(self.briefing_id)

    def redo(self) -> None:
        self._guard(self._do)

    def undo(self) -> None:
        self._guard(self._undo)

    def _do(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError


class EditItemCommand(_Command):
    """Change one field of an item (text, marking, title, response).

    Consecutive typing in the same field of the same item merges into one undo step.
    """

    LABELS: ClassVar[dict[str, Any]] = {
        "text": "Edit text",
        "marking": "Change marking",
        "title": "Edit title",
        "response": "Edit response",
    }

    def __init__(
        self, ctx: StoreContext, briefing_id: str, item_id: str, field: str, old: Any, new: Any
    ):
        super().__init__(ctx, briefing_id, self.LABELS.get(field, f"Edit {field}"))
        self.item_id, self.field, self.old, self.new = item_id, field, old, new
        self.row: outline.ItemRow | None = None  # the item as the last write left it

    def id(self) -> int:
        return TYPING_MERGE_ID if self.field in TYPED_FIELDS else -1

    def _announce(self) -> None:
        """Typing changes one item and not the briefing's marking: the window updates that
        row (an autosave must not re-read a 1,600-item outline). Anything else, or a
        conflict resolved in a dialog, re-reads the outline."""
        if self.row is not None and self.field in TYPED_FIELDS:
            self.ctx.item_changed.emit(self.briefing_id, self.row)
        else:
            super()._announce()

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditItemCommand) or (other.item_id, other.field) != (
            self.item_id,
            self.field,
        ):
            return False
        self.new = other.new
        return True

    def _do(self) -> None:
        self.new = self._write(expected=self.old, value=self.new)

    def _undo(self) -> None:
        self.old = self._write(expected=self.new, value=self.old)

    def _write(self, *, expected: Any, value: Any) -> Any:
        """Write ``value`` if the store still holds ``expected``; if someone else saved the
        field meanwhile, the person chooses (nothing is written before). Returns what the
        field holds afterwards, so that undo and redo go between real states."""
        from briefer.errors import EditConflict, NotFoundError
        from briefer.gui.conflict_dialog import TAKE_THEIRS, resolve

        self.row = None
        try:
            self.row = self.ctx.write(
                outline.update_item_from, self.item_id, self.field, expected, value
            )
            return value
        except NotFoundError:
            # The item was deleted (by an undo, the review or another window) before this
            # reached the store: there is nothing to save to, and nothing to undo. The outline
            # is read again, and the editor moves to what took the item's place.
            self.setObsolete(True)
            return expected
        except EditConflict as conflict:
            choice, values = resolve(conflict, self.ctx.dialog_parent)
            _label, theirs, _mine = conflict.fields[self.field]
            if choice == TAKE_THEIRS:  # nothing of ours was written: nothing to undo
                self.setObsolete(True)
                return theirs
            self.ctx.write(outline.update_item, self.item_id, **{self.field: values[self.field]})
            return values[self.field]


class MoveItemCommand(_Command):
    def __init__(
        self, ctx: StoreContext, briefing_id: str, item_id: str, section_id: str, index: int
    ):
        super().__init__(ctx, briefing_id, "Move item")
        self.item_id, self.section_id, self.index = item_id, section_id, index
        self.origin: tuple[str, int] | None = None

    def _do(self) -> None:
        self.origin = self.ctx.write(outline.move_item, self.item_id, self.section_id, self.index)

    def _undo(self) -> None:
        assert self.origin is not None
        self.ctx.write(outline.move_item, self.item_id, *self.origin)


class _CreateItemCommand(_Command):
    """Creates an item the first time; undo deletes it, redo restores it with the same id."""

    def __init__(self, ctx: StoreContext, briefing_id: str, name: str):
        super().__init__(ctx, briefing_id, name)
        self.saved: dict[str, Any] | None = None
        self.item_id: str | None = None

    def _create(self) -> outline.ItemRow:
        raise NotImplementedError

    def _do(self) -> None:
        if self.saved is None:
            self.item_id = self._create().id
        else:
            self.ctx.write(outline.restore_item, self.saved)

    def _undo(self) -> None:
        assert self.item_id is not None
        self.saved = self.ctx.write(outline.delete_item, self.item_id)


class InsertFromLibraryCommand(_CreateItemCommand):
    def __init__(
        self,
        ctx: StoreContext,
        briefing_id: str,
        section_id: str,
        kind: str,
        source_id: str,
        index: int | None,
    ):
        super().__init__(ctx, briefing_id, "Insert from library")
        self.section_id, self.kind, self.source_id, self.index = section_id, kind, source_id, index

    def _create(self) -> outline.ItemRow:
        return self.ctx.write(
            outline.add_from_source, self.section_id, self.kind, self.source_id, self.index
        )


class AddTextItemCommand(_CreateItemCommand):
    def __init__(
        self,
        ctx: StoreContext,
        briefing_id: str,
        section_id: str,
        text: str,
        marking: str | None,
        index: int | None,
    ):
        super().__init__(ctx, briefing_id, "Add paragraph")
        self.section_id, self.text, self.marking, self.index = section_id, text, marking, index

    def _create(self) -> outline.ItemRow:
        return self.ctx.write(
            outline.add_text, self.section_id, self.text, self.marking, self.index
        )


class DeleteItemCommand(_Command):
    def __init__(self, ctx: StoreContext, briefing_id: str, item_id: str):
        super().__init__(ctx, briefing_id, "Delete item")
        self.item_id = item_id
        self.saved: dict[str, Any] | None = None

    def _do(self) -> None:
        self.saved = self.ctx.write(outline.delete_item, self.item_id)

    def _undo(self) -> None:
        assert self.saved is not None
        self.ctx.write(outline.restore_item, self.saved)


class AddSectionCommand(_Command):
    def __init__(
        self, ctx: StoreContext, briefing_id: str, kind: str, title: str, index: int | None
    ):
        super().__init__(ctx, briefing_id, "Add section")
        self.kind, self.title, self.index = kind, title, index
        self.section_id: str | None = None
        self.snapshot: outline.SectionSnapshot | None = None

    def _do(self) -> None:
        if self.snapshot is None:
            row = self.ctx.write(
                outline.add_section, self.briefing_id, self.kind, self.title, self.index
            )
            self.section_id = row.id
        else:
            self.ctx.write(outline.restore_section, self.snapshot)

    def _undo(self) -> None:
        assert self.section_id is not None
        self.snapshot = self.ctx.write(outline.delete_section, self.section_id)


class RenameSectionCommand(_Command):
    def __init__(self, ctx: StoreContext, briefing_id: str, section_id: str, old: str, new: str):
        super().__init__(ctx, briefing_id, "Rename section")
        self.section_id, self.old, self.new = section_id, old, new

    def _do(self) -> None:
        self.ctx.write(outline.update_section, self.section_id, title=self.new)

    def _undo(self) -> None:
        self.ctx.write(outline.update_section, self.section_id, title=self.old)


class DeleteSectionCommand(_Command):
    def __init__(self, ctx: StoreContext, briefing_id: str, section_id: str):
        super().__init__(ctx, briefing_id, "Delete section")
        self.section_id = section_id
        self.snapshot: outline.SectionSnapshot | None = None

    def _do(self) -> None:
        self.snapshot = self.ctx.write(outline.delete_section, self.section_id)

    def _undo(self) -> None:
        assert self.snapshot is not None
        self.ctx.write(outline.restore_section, self.snapshot)


class MoveSectionCommand(_Command):
    def __init__(self, ctx: StoreContext, briefing_id: str, section_id: str, index: int):
        super().__init__(ctx, briefing_id, "Move section")
        self.section_id, self.index = section_id, index
        self.origin: int | None = None

    def _do(self) -> None:
        self.origin = self.ctx.write(outline.move_section, self.section_id, self.index)

    def _undo(self) -> None:
        assert self.origin is not None
        self.ctx.write(outline.move_section, self.section_id, self.origin)


def _write_unless_stale(
    command: _Command, write_from: Callable[..., Any], write: Callable[..., Any], *args: Any
) -> Any:
    """Write ``value`` if the store still holds ``expected`` (``args`` ends with the field,
    expected, value); if another window saved the field meanwhile, the person chooses in the
    conflict dialog and nothing is written before. Returns what the field holds afterwards,
    so that undo and redo go between real states."""
    from briefer.errors import EditConflict
    from briefer.gui.conflict_dialog import TAKE_THEIRS, resolve

    *key, field, _expected, value = args
    try:
        command.ctx.write(write_from, *args)
        return value
    except EditConflict as conflict:
        choice, values = resolve(conflict, command.ctx.dialog_parent)
        _label, theirs, _mine = conflict.fields[field]
        if choice == TAKE_THEIRS:  # nothing of ours was written: nothing to undo
            command.setObsolete(True)
            return theirs
        command.ctx.write(write, *key, field, values[field])
        return values[field]


class EditBriefingCommand(_Command):
    """Change one property of the briefing itself (subject, base marking, status …), unless
    another window changed it since this one showed it (then the person chooses)."""

    def __init__(
        self, ctx: StoreContext, briefing_id: str, field: str, label: str, old: Any, new: Any
    ):
        super().__init__(ctx, briefing_id, f"Change {label}")
        self.field, self.old, self.new = field, old, new

    def _set(self, expected: Any, value: Any) -> Any:
        from briefer.services import properties

        return _write_unless_stale(
            self,
            properties.update_property_from,
            properties.set_property,
            self.briefing_id,
            self.field,
            expected,
            value,
        )

    def _do(self) -> None:
        self.new = self._set(self.old, self.new)

    def _undo(self) -> None:
        self.old = self._set(self.new, self.old)


class AddClearanceCommand(_Command):
    def __init__(self, ctx: StoreContext, briefing_id: str, office: str):
        super().__init__(ctx, briefing_id, "Add clearance")
        self.office = office
        self.clearance_id: str | None = None
        self.saved: dict[str, Any] | None = None

    def _do(self) -> None:
        if self.saved is None:
            self.clearance_id = self.ctx.write(
                outline.add_clearance, self.briefing_id, self.office
            ).id
        else:
            self.ctx.write(outline.restore_clearance, self.saved)

    def _undo(self) -> None:
        assert self.clearance_id is not None
        self.saved = self.ctx.write(outline.delete_clearance, self.clearance_id)


class EditClearanceCommand(_Command):
    """Change one field of a clearance, unless another window changed it meanwhile."""

    def __init__(
        self, ctx: StoreContext, briefing_id: str, clearance_id: str, field: str, old: str, new: str
    ):
        super().__init__(ctx, briefing_id, "Edit clearance")
        self.clearance_id, self.field, self.old, self.new = clearance_id, field, old, new

    def _set(self, expected: str, value: str) -> Any:
        from briefer.services import properties

        return _write_unless_stale(
            self,
            properties.update_clearance_from,
            properties.set_clearance,
            self.clearance_id,
            self.field,
            expected,
            value,
        )

    def _do(self) -> None:
        self.new = self._set(self.old, self.new)

    def _undo(self) -> None:
        self.old = self._set(self.new, self.old)


class DeleteClearanceCommand(_Command):
    def __init__(self, ctx: StoreContext, briefing_id: str, clearance_id: str):
        super().__init__(ctx, briefing_id, "Delete clearance")
        self.clearance_id = clearance_id
        self.saved: dict[str, Any] | None = None

    def _do(self) -> None:
        self.saved = self.ctx.write(outline.delete_clearance, self.clearance_id)

    def _undo(self) -> None:
        assert self.saved is not None
        self.ctx.write(outline.restore_clearance, self.saved)


class InsertCaseListCommand(_Command):
    """Present a case list in the briefing (a new case-list section, or an empty one
    filled); undo takes back exactly that, redo puts back the same section and items."""

    def __init__(
        self,
        ctx: StoreContext,
        briefing_id: str,
        case_list_id: str,
        section_id: str | None,
    ):
        super().__init__(ctx, briefing_id, "Insert case list")
        self.case_list_id, self.section_id = case_list_id, section_id
        self.done: outline.CaseListInsertion | None = None
        self.saved: Any = None

    def _do(self) -> None:
        if self.done is None:
            self.done = self.ctx.write(
                outline.insert_case_list, self.briefing_id, self.case_list_id, self.section_id
            )
        elif self.done.created:
            self.ctx.write(outline.restore_section, self.saved)
        else:
            self.ctx.write(
                outline.refill_case_list_section,
                self.done.section_id,
                self.done.case_list_id,
                self.saved,
            )

    def _undo(self) -> None:
        assert self.done is not None
        if self.done.created:
            self.saved = self.ctx.write(outline.delete_section, self.done.section_id)
        else:
            self.saved = self.ctx.write(outline.empty_case_list_section, self.done.section_id)
