"""Delete… and Rename… for whole records (briefings, events, library entries, cases, lists),
as the navigator and the workspace pages offer them: F2 and Delete on the list that shows
the record, and the same two in its context menu.

The confirmation is written by ``services.deletion`` (the command line prints the same
words); the delete itself is an undo command on the undo stack of the page that is shown,
so Edit → Undo on that page writes every removed row back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from briefer.errors import BrieferError
from briefer.gui.context import StoreContext
from briefer.gui.qt import (
    QAction,
    QInputDialog,
    QKeySequence,
    QLineEdit,
    QMessageBox,
    Qt,
    QUndoCommand,
    QUndoStack,
    QWidget,
)
from briefer.services import deletion
from briefer.services.deletion import Impact

UNDO_HINT = "Edit → Undo brings it back."


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class DeleteRecordCommand(QUndoCommand):
    """A delete already written (``done``); undo writes every row back as it was, redo
    deletes it again."""

    def __init__(self, ctx: StoreContext, done: deletion.Deletion):
        impact = done.impact
        super().__init__(f"Delete {impact.noun} '{_short(impact.title)}'")
        self.ctx, self.impact, self.snapshot = ctx, impact, done.snapshot
        self._first = True

    def redo(self) -> None:
        if self._first:  # pushed after the delete was written
            self._first = False
        else:
            try:
                done = self.ctx.write(deletion.delete_record, self.impact.kind, self.impact.id)
            except BrieferError as exc:
                self.setObsolete(True)
                self.ctx.failed.emit(str(exc))
                return
            self.snapshot = done.snapshot
        self.ctx.records_changed.emit(self.impact.kind)

    def undo(self) -> None:
        try:
            self.ctx.write(deletion.restore_deleted, self.snapshot)
        except BrieferError as exc:
            self.setObsolete(True)
            self.ctx.failed.emit(str(exc))
            return
        self.ctx.records_changed.emit(self.impact.kind)


class RenameRecordCommand(QUndoCommand):
    """A rename already written; undo and redo rename between the two names."""

    def __init__(self, ctx: StoreContext, renamed: deletion.Renamed):
        super().__init__(f"Rename {deletion.record_kind(renamed.kind).noun}")
        self.ctx, self.renamed = ctx, renamed
        self._first = True

    def _rename(self, name: str) -> None:
        try:
            self.ctx.write(deletion.rename_record, self.renamed.kind, self.renamed.id, name)
        except BrieferError as exc:
            self.setObsolete(True)
            self.ctx.failed.emit(str(exc))
            return
        self.ctx.records_changed.emit(self.renamed.kind)

    def redo(self) -> None:
        if self._first:
            self._first = False
            self.ctx.records_changed.emit(self.renamed.kind)
        else:
            self._rename(self.renamed.new)

    def undo(self) -> None:
        self._rename(self.renamed.old)


def confirm_delete(parent: QWidget, ctx: StoreContext, kind: str, record_id: str) -> Impact | None:
    """Ask, saying what goes with the record and which briefings keep a copy."""
    try:
        impact = ctx.read(deletion.preview, kind, record_id)
    except BrieferError as exc:
        QMessageBox.warning(parent, "Delete", str(exc))
        return None
    answer = QMessageBox.question(
        parent,
        f"Delete {impact.noun}",
        f"{impact.confirmation()}\n\n{UNDO_HINT}",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return impact if answer == QMessageBox.StandardButton.Yes else None


def push_delete(ctx: StoreContext, impact: Impact, stack: QUndoStack | None) -> bool:
    """Delete now; on ``stack`` the delete becomes an undo step. True if it was deleted."""
    try:
        done = ctx.write(deletion.delete_record, impact.kind, impact.id)
    except BrieferError as exc:
        ctx.failed.emit(str(exc))
        return False
    _push(DeleteRecordCommand(ctx, done), stack)
    return True


def _push(command: QUndoCommand, stack: QUndoStack | None) -> None:
    if stack is None:  # not undoable here: done all the same, and shown
        command.redo()
    else:
        stack.push(command)


def delete_with_undo(
    parent: QWidget, ctx: StoreContext, kind: str, record_id: str, stack: QUndoStack | None
) -> bool:
    impact = confirm_delete(parent, ctx, kind, record_id)
    return impact is not None and push_delete(ctx, impact, stack)


def rename_with_undo(
    parent: QWidget, ctx: StoreContext, kind: str, record_id: str, stack: QUndoStack | None
) -> bool:
    """Ask for the new name (the current one filled in) and rename as an undo step."""
    noun = deletion.record_kind(kind).noun
    try:
        old = ctx.read(deletion.record_title, kind, record_id)
    except BrieferError as exc:
        QMessageBox.warning(parent, "Rename", str(exc))
        return False
    new, ok = QInputDialog.getText(
        parent,
        f"Rename {noun}",
        f"New name of the {noun}, as every list and the navigator will show it:",
        QLineEdit.EchoMode.Normal,
        old,
    )
    if not ok or " ".join(new.split()) == old:
        return False
    if not new.strip():
        QMessageBox.warning(parent, "Rename", "A name cannot be empty; nothing was renamed.")
        return False
    try:
        renamed = ctx.write(deletion.rename_record, kind, record_id, new)
    except BrieferError as exc:
        QMessageBox.warning(parent, f"Rename {noun}", str(exc))
        return False
    _push(RenameRecordCommand(ctx, renamed), stack)
    return True


def add_record_actions(
    view: QWidget, on_rename: Callable[[], Any], on_delete: Callable[[], Any]
) -> tuple[QAction, QAction]:
    """F2 and Delete on ``view`` (only while it has the focus), and its context menu."""
    rename = QAction("&Rename…", view)
    rename.setObjectName("renameRecord")
    rename.setShortcut(QKeySequence("F2"))
    delete = QAction("&Delete…", view)
    delete.setObjectName("deleteRecord")
    delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
    for action, slot in ((rename, on_rename), (delete, on_delete)):
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(lambda _checked=False, run=slot: run())
        view.addAction(action)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    return rename, delete
