"""The open store as the window sees it: run a service in a unit of work, report saves.

Every write the window makes goes through :meth:`StoreContext.write`, so one place tells the
status bar that the store holds the change, and one place turns a BrieferError into a
message for the user.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from briefer.gui.qt import QObject, Signal
from briefer.store import Store

T = TypeVar("T")


class StoreContext(QObject):
    saving = Signal()
    saved = Signal()
    failed = Signal(str)
    outline_changed = Signal(str)  # briefing id
    item_changed = Signal(str, object)  # briefing id, the item's ItemRow (typing saved)
    library_changed = Signal()
    # Anything at all was written (by any page, dialog or undo): views that show data from
    # several pages (the Review panel) listen to this rather than to each page.
    store_changed = Signal()
    # A whole record (briefing, event, library entry, case, list) was deleted, put back or
    # renamed, by kind: the window re-reads the navigator and every page that lists it.
    records_changed = Signal(str)

    def __init__(self, store: Store, is_sample: bool):
        super().__init__()
        self.store = store
        self.is_sample = is_sample
        self.dialog_parent: Any = None  # the window, for dialogs raised by undo commands

    def read(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        with self.store.session() as session:
            return fn(session, *args, **kwargs)

    def write(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run ``fn`` in its own unit of work; the change is in the store when this returns."""
        self.saving.emit()
        with self.store.session() as session:
            result = fn(session, *args, **kwargs)
        self.saved.emit()
        self.store_changed.emit()
        return result
