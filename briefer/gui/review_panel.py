"""The Review panel: the open briefing's carry-forward flags, each accepted (the item is
updated from its source), kept with a note, or opened in the outline."""

from __future__ import annotations

from briefer.errors import BrieferError
from briefer.gui.context import StoreContext
from briefer.gui.history_view import DiffHighlighter
from briefer.gui.qt import (
    QFont,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    Qt,
    QTreeWidget,
    QTreeWidgetItem,
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


class ReviewPanel(QWidget):
    open_item = Signal(str)  # the flagged item's id
    changed = Signal()  # an accept changed the briefing

    def __init__(self, ctx: StoreContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reviewPanel")
        self.ctx = ctx
        self.briefing_id: str | None = None
        self.flags: list[carry_review.Flag] = []
        self.summary = QLabel()
        self.summary.setObjectName("reviewSummary")
        self.summary.setWordWrap(True)
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
        self.accept_button = make_button("&Accept", "acceptFlag", self.accept_selected)
        self.accept_button.setToolTip("Update the item from its source")
        self.keep_button = make_button("&Keep…", "keepFlag", self.keep_selected)
        self.keep_button.setToolTip("Keep the item as it is, with a note saying why")
        self.open_button = make_button("&Open", "openFlag", self._open_selected)
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
        self.tree.currentItemChanged.connect(lambda *_: self._show_detail())
        self.tree.itemDoubleClicked.connect(lambda *_: self._open_selected())
        self._show_detail()

    def show_briefing(self, briefing_id: str | None) -> None:
        self.briefing_id = briefing_id
        self.refresh()

    def refresh(self) -> None:
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
        if self.flags:
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
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
        briefing_id, today = self.briefing_id, self.ctx.store.today()
        try:
            done = self.ctx.write(
                lambda s: carry_review.accept(s, get_briefing(s, briefing_id), flag.id, today=today)
            )
        except BrieferError as exc:
            QMessageBox.warning(self, "Accept", str(exc))
            return False
        self.summary.setText(done)
        self.changed.emit()
        self.refresh()
        return True

    def keep_selected(self) -> bool:
        flag = self.selected()
        if flag is None or self.briefing_id is None:
            return False
        note, ok = QInputDialog.getText(
            self, "Keep as it is", f"Why is '{flag.item}' kept as it is?"
        )
        if not ok:
            return False
        briefing_id, today = self.briefing_id, self.ctx.store.today()
        try:
            self.ctx.write(
                lambda s: carry_review.keep(
                    s, get_briefing(s, briefing_id), flag.id, note, today=today
                )
            )
        except BrieferError as exc:
            QMessageBox.warning(self, "Keep as it is", str(exc))
            return False
        self.refresh()
        return True

    def _open_selected(self) -> None:
        flag = self.selected()
        if flag is not None:
            self.open_item.emit(flag.item_id)
