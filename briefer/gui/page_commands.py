"""Undoable saves of the library, case-list and goal pages.

These pages save as the briefing editor does: a short pause after typing, or leaving the
row, pushes one command on the page's own undo stack, and the command writes through the
services at once. Undo writes the previous values back through the same services. Each
command is thin (which service to call, with which values) so that undo can later move into
the core unchanged.

A write another window has overtaken is never silent: the services refuse it
(:class:`~briefer.errors.EditConflict`), the person sees both versions in the conflict
dialog, and whatever they choose is what the store holds and what the page shows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from briefer.errors import BrieferError, EditConflict
from briefer.gui.context import StoreContext
from briefer.gui.qt import QUndoCommand
from briefer.services import entry_forms
from briefer.services.entry_forms import EntryForm

ENTRY_MERGE_ID = 101
FIELDS_MERGE_ID = 102
NAME_LENGTH = 40

# (the entry's id, its form as written or None when it is gone, typed: the page already
# shows these values)
EntryWritten = Callable[[str, EntryForm | None, bool], None]
Refused = Callable[[str], None]


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= NAME_LENGTH else text[: NAME_LENGTH - 1] + "…"


class _PageCommand(QUndoCommand):
    """Runs ``_do``/``_undo``; a refused write becomes a message and the step is dropped."""

    def __init__(self, ctx: StoreContext, name: str, refused: Refused):
        super().__init__(name)
        self.ctx = ctx
        self.refused = refused
        self.pushing = True  # the first redo is the save of what the person just typed

    def _guard(self, action: Callable[[], None]) -> None:
        try:
            action()
        except BrieferError as exc:
            self.setObsolete(True)
            self.refused(str(exc))
        self.pushing = False

    def redo(self) -> None:
        self._guard(self._do)

    def undo(self) -> None:
        self._guard(self._undo)

    def _do(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError


class SaveEntryCommand(_PageCommand):
    """Save a library entry's form: create it (undo deletes it) or change the fields that
    differ (undo writes the old values back). Typing in the same fields of the same entry
    merges into one step."""

    def __init__(
        self,
        ctx: StoreContext,
        form: EntryForm,
        values: dict[str, str],
        written: EntryWritten,
        refused: Refused,
    ):
        spec = entry_forms.entry_kind(form.kind)
        title = values.get(spec.title_field) or form.values.get(spec.title_field, "")
        verb = "Add" if form.id is None else "Edit"
        super().__init__(ctx, f"{verb} {spec.label.lower()} '{_short(title)}'", refused)
        self.kind, self.created = form.kind, form.id is None
        self.old, self.new = dict(form.values), dict(values)
        self.fields = frozenset(k for k in values if values[k] != form.values.get(k))
        self.current: EntryForm = form  # the entry as this command's last write left it
        self.written = written

    @property
    def entry_id(self) -> str | None:
        return self.current.id

    def id(self) -> int:
        return ENTRY_MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SaveEntryCommand) or other.created or other.isObsolete():
            return False
        if (other.kind, other.entry_id) != (self.kind, self.entry_id):
            return False
        if not self.created and other.fields != self.fields:
            return False
        self.new, self.current = other.new, other.current
        return True

    def _do(self) -> None:
        self._save(self.new)  # after undoing a creation, the form is blank: created again

    def _undo(self) -> None:
        if self.created:
            entry_id = self.current.id or ""
            self.ctx.write(_delete_entry, self.kind, entry_id)
            self.current = entry_forms.blank_form(self.kind)
            self.written(entry_id, None, False)
        else:
            self._save(self.old)

    def _save(self, values: dict[str, str]) -> None:
        """Write ``values`` over the form this command last saw; if someone saved the entry
        since, the person chooses and nothing is written before."""
        from briefer.gui.conflict_dialog import TAKE_THEIRS, resolve

        typed = self.pushing
        try:
            self.current = self.ctx.write(entry_forms.save_form, self.current, values)
        except EditConflict as conflict:
            choice, chosen = resolve(conflict, self.ctx.dialog_parent)
            if choice == TAKE_THEIRS:  # nothing of ours was written: nothing to undo
                self.setObsolete(True)
                theirs = self.ctx.read(entry_forms.load_form, self.kind, self.current.id or "")
                self.written(theirs.id or "", theirs, False)
                self.refused("Their version is shown; yours was not saved.")
                return
            merged = {**values, **chosen}
            self.current = self.ctx.write(entry_forms.resolve_conflict, self.current, merged)
            if values is self.new:
                self.new = merged
            typed = False  # the page shows what was chosen, not what was typed
        self.written(self.current.id or "", self.current, typed)


def _delete_entry(session: Any, kind: str, entry_id: str) -> None:
    from briefer.services.library import delete_entry

    delete_entry(session, entry_forms.get_entry(session, kind, entry_id))


class EditFieldsCommand(_PageCommand):
    """Change some fields of one record (a case list's header, a goal's assessment) through
    a service that refuses a stale write: ``write_from(session, key, expected, values)``."""

    def __init__(
        self,
        ctx: StoreContext,
        name: str,
        key: str,
        write_from: Callable[..., Any],
        write: Callable[..., Any],
        old: dict[str, str],
        new: dict[str, str],
        written: Callable[[str, bool], None],
        refused: Refused,
    ):
        super().__init__(ctx, name, refused)
        self.key, self.write_from, self.write = key, write_from, write
        self.old, self.new = dict(old), dict(new)
        self.fields = frozenset(k for k in new if new[k] != old.get(k))
        self.written = written

    def id(self) -> int:
        return FIELDS_MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditFieldsCommand) or other.isObsolete():
            return False
        if (other.key, other.write_from, other.fields) != (self.key, self.write_from, self.fields):
            return False
        self.new = other.new
        return True

    def _do(self) -> None:
        self.new = self._write(expected=self.old, values=self.new)

    def _undo(self) -> None:
        self.old = self._write(expected=self.new, values=self.old)

    def _write(self, *, expected: dict[str, str], values: dict[str, str]) -> dict[str, str]:
        from briefer.gui.conflict_dialog import TAKE_THEIRS, resolve

        typed = self.pushing
        try:
            self.ctx.write(self.write_from, self.key, expected, values)
        except EditConflict as conflict:
            # The person chooses for the fields someone else changed; the other fields
            # changed here are written as typed, whatever the choice (nothing is lost).
            choice, chosen = resolve(conflict, self.ctx.dialog_parent)
            if choice == TAKE_THEIRS:  # theirs stays: not this step's to undo either
                chosen = {name: theirs for name, (_l, theirs, _m) in conflict.fields.items()}
                self.old.update(chosen)
                self.new.update(chosen)
            values = {**values, **chosen}
            self.ctx.write(self.write, self.key, values)
            typed = False
        self.written(self.key, typed)
        return values
