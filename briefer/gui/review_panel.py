"""The Review panel: the open briefing's carry-forward flags, each accepted (the item is
updated from its source), kept with a note, or opened in the outline.

Accept and Keep are undo commands on the briefing's own stack (Edit → Undo puts the item,
point or decision back); what was done stays on the panel's status line for a while, not in
the summary that every refresh rewrites; and the panel re-reads its flags whenever anything
is written anywhere in the window (a case status added on the Cases page, an entry revised
in the Library), since any of those can raise or settle a flag.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from briefer.gui.commands import _Command
from briefer.gui.context import StoreContext
from briefer.gui.history_view import DiffHighlighter
from briefer.gui.qt import (
    QEvent,
    QFont,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    Qt,
    QTimer,
    QTreeWidget,
    QTreeWidgetItem,
    QUndoCommand,
    QUndoStack,
    QVBoxLayout,
    QWidget,
    Signal,
)
from briefer.gui.widgets import make_button
from briefer.services import carry_review
from briefer.services.briefings import get_briefing

KIND_LABELS = {
    "revised": "Revised",
    "status-changed": "Status changed",
    "closed": "Closed case",
    "review-date": "Review due",
    "new-observations": "New figures",
    "marking-raised": "Marking raised",
}
STATUS_SHOWN_MS = 15_000  # long enough to read what an accept did, then the line clears
REFRESH_DELAY_MS = 200  # several writes in a row (typing, an import) refresh once


def _short(label: str) -> str:
    return label if len(label) <= 40 else label[:39] + "…"


class AcceptFlagCommand(_Command):
    """Accept a flag (update the item from its source, remove a closed case, mark a point
    reviewed); undo puts back exactly what the accept replaced."""

    def __init__(
        self,
        ctx: StoreContext,
        briefing_id: str,
        flag: carry_review.Flag,
        today: date,
        report: Callable[[str], None],
    ):
        super().__init__(ctx, briefing_id, f"Accept review of {_short(flag.item)}")
        self.flag_id, self.today, self.report = flag.id, today, report
        self.accepted: carry_review.Accepted | None = None

    def _do(self) -> None:
        briefing_id, flag_id, today = self.briefing_id, self.flag_id, self.today
        self.accepted = self.ctx.write(
            lambda s: carry_review.accept_undoable(
                s, get_briefing(s, briefing_id), flag_id, today=today
            )
        )
        self.report(self.accepted.message)

    def _undo(self) -> None:
        assert self.accepted is not None
        self.ctx.write(carry_review.undo_accept, self.accepted)
        self.report(f"Undone: {self.accepted.message}")


class KeepFlagCommand(_Command):
    """Keep an item as it is, with a note; undo takes the decision back."""

    def __init__(
        self,
        ctx: StoreContext,
        briefing_id: str,
        flag: carry_review.Flag,
        note: str,
        today: date,
        report: Callable[[str], None],
    ):
        super().__init__(ctx, briefing_id, f"Keep {_short(flag.item)} as it is")
        self.flag_id, self.note, self.today, self.report = flag.id, note, today, report
        self.flag_key: str | None = None
        self.previous: str | None = None

    def _do(self) -> None:
        briefing_id, flag_id, note, today = self.briefing_id, self.flag_id, self.note, self.today
        flag, self.previous = self.ctx.write(
            lambda s: carry_review.keep_undoable(
                s, get_briefing(s, briefing_id), flag_id, note, today=today
            )
        )
        self.flag_key = flag.key
        self.report(f"Kept {flag.item} as it is: {self.note}")

    def _undo(self) -> None:
        briefing_id, key, previous = self.briefing_id, self.flag_key, self.previous
        assert key is not None
        self.ctx.write(
            lambda s: carry_review.undo_keep(s, get_briefing(s, briefing_id), key, previous)
        )
        self.report("Undone: the item is flagged again.")


class ReviewPanel(QWidget):
    open_item = Signal(str)  # the flagged item's id
    changed = Signal()  # an accept changed the briefing

    def __init__(
        self,
        ctx: StoreContext,
        parent: QWidget | None = None,
        undo_stack: Callable[[], QUndoStack | None] | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("reviewPanel")
        self.ctx = ctx
        # The open briefing's stack, asked for at each decision (it changes with the briefing).
        self.undo_stack = undo_stack or (lambda: None)
        self.briefing_id: str | None = None
        self.flags: list[carry_review.Flag] = []
        self.summary = QLabel()
        self.summary.setObjectName("reviewSummary")
        self.summary.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("reviewStatus")
        self.status.setAccessibleName("What the last review decision did")
        self.status.setWordWrap(True)
        self.status.hide()
        self._status_timer = QTimer(self)
        self._status_timer.setSingleShot(True)
        self._status_timer.setInterval(STATUS_SHOWN_MS)
        self._status_timer.timeout.connect(self.status.hide)
        self._stale = False
        self._last_done: str | None = None
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self._refresh_if_stale)
        ctx.store_changed.connect(self._store_changed)
        self.tree = QTreeWidget()
        self.tree.setObjectName("reviewFlags")
        self.tree.setAccessibleName("Review flags")
        self.tree.setHeaderLabels(["Why", "Item", "Section"])
        self.tree.setRootIsDecorated(False)
        self.detail = QPlainTextEdit()
        self.detail.setObjectName("reviewDetail")
        self.detail.setAccessibleName("Why the selected item is flagged")
        self.detail.setReadOnly(True)
        mono = QFont("Monospace")
        mono.setStyleHint(QFont.StyleHint.TypeWriter)
        self.detail.setFont(mono)
        self.highlighter = DiffHighlighter(self.detail.document())
        self.accept_button = make_button("Accept", "acceptFlag", self.accept_selected)
        self.accept_button.setToolTip("Update the item from its source")
        self.keep_button = make_button("Keep…", "keepFlag", self.keep_selected)
        self.keep_button.setToolTip("Keep the item as it is, with a note saying why")
        self.open_button = make_button("Open", "openFlag", self._open_selected)
        buttons = QHBoxLayout()
        for button in (self.accept_button, self.keep_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.tree)
        split.addWidget(self.detail)
        split.setSizes([260, 200])
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.tree.currentItemChanged.connect(lambda *_: self._show_detail())
        self.tree.itemDoubleClicked.connect(lambda *_: self._open_selected())
        self._show_detail()

    def show_briefing(self, briefing_id: str | None) -> None:
        self.briefing_id = briefing_id
        self.refresh()

    def _store_changed(self) -> None:
        """Something was written: re-read the flags soon if shown, else when next shown."""
        if self.briefing_id is None:
            return
        self._stale = True
        if self.isVisible():
            self._refresh_timer.start()

    def _refresh_if_stale(self) -> None:
        if self._stale and self.isVisible():
            self.refresh()

    def showEvent(self, event: QEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._refresh_timer.start()

    def show_status(self, message: str) -> None:
        """What a decision did, kept visible for a while (refreshes do not touch it)."""
        self._last_done = message
        self.status.setText(message)
        self.status.show()
        self._status_timer.start()

    def refresh(self) -> None:
        self._stale = False
        self._refresh_timer.stop()
        current = self.selected()
        self.tree.clear()
        self.flags = []
        if self.briefing_id is None:
            self.summary.setText("Open a briefing to review it.")
            self._show_detail()
            return
        briefing_id, today = self.briefing_id, self.ctx.store.today()
        self.flags = self.ctx.read(
            lambda s: carry_review.review(s, get_briefing(s, briefing_id), today=today)
        )
        for flag in self.flags:
            row = QTreeWidgetItem([KIND_LABELS.get(flag.kind, flag.kind), flag.item, flag.section])
            row.setToolTip(1, f"{flag.source}: {flag.reason}")
            row.setData(0, Qt.ItemDataRole.UserRole, flag.id)
            self.tree.addTopLevelItem(row)
        for column in range(2):
            self.tree.resizeColumnToContents(column)
        self.summary.setText(
            f"<b>{len(self.flags)} item(s) need a look</b> before this briefing is reused: "
            "accept to update from the source, or keep with a note."
            if self.flags
            else "Nothing to review: every item matches its source."
        )
        if self.flags:  # the same flag stays selected when it is still there
            ids = [f.id for f in self.flags]
            row = ids.index(current.id) if current is not None and current.id in ids else 0
            self.tree.setCurrentItem(self.tree.topLevelItem(row))
        self._show_detail()

    def selected(self) -> carry_review.Flag | None:
        row = self.tree.currentItem()
        if row is None:
            return None
        flag_id = row.data(0, Qt.ItemDataRole.UserRole)
        return next((f for f in self.flags if f.id == flag_id), None)

    def select_flag(self, kind: str, item: str) -> carry_review.Flag:
        for n, flag in enumerate(self.flags):
            if (flag.kind, flag.item) == (kind, item):
                self.tree.setCurrentItem(self.tree.topLevelItem(n))
                return flag
        raise KeyError((kind, item))

    def _show_detail(self) -> None:
        flag = self.selected()
        for button in (self.accept_button, self.keep_button, self.open_button):
            button.setEnabled(flag is not None)
        if flag is None:
            self.detail.setPlainText("")
            return
        self.detail.setPlainText(
            f"{flag.source}\n{flag.reason}\n" + (f"\n{flag.detail}" if flag.detail else "")
        )

    def accept_selected(self) -> bool:
        flag = self.selected()
        if flag is None or self.briefing_id is None:
            return False
        return self._decide(
            AcceptFlagCommand(
                self.ctx, self.briefing_id, flag, self.ctx.store.today(), self.show_status
            )
        )

    def keep_selected(self) -> bool:
        flag = self.selected()
        if flag is None or self.briefing_id is None:
            return False
        note, ok = QInputDialog.getText(
            self, "Keep as it is", f"Why is '{flag.item}' kept as it is?"
        )
        if not ok:
            return False
        if not note.strip():
            QMessageBox.warning(self, "Keep as it is", "Say why the item is kept as it is.")
            return False
        return self._decide(
            KeepFlagCommand(
                self.ctx, self.briefing_id, flag, note, self.ctx.store.today(), self.show_status
            )
        )

    def _decide(self, command: QUndoCommand) -> bool:
        """Run a decision as an undo step on the briefing's stack (or at once, without one);
        a refused one is reported by the command (the window shows ctx.failed)."""
        self._last_done = None
        stack = self.undo_stack()
        if stack is not None:
            stack.push(command)
        else:
            command.redo()
        self.refresh()
        if self._last_done is None:
            return False
        self.changed.emit()
        return True

    def _open_selected(self) -> None:
        flag = self.selected()
        if flag is not None:
            self.open_item.emit(flag.item_id)
