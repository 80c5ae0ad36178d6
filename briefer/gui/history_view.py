"""One history view for every library entry: its revisions, a diff between any two, restore,
and the briefings that hold an item taken from it.

Restoring writes a new revision with the old content (``services.history.restore``), so
nothing in the history is ever lost, including the version being replaced.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from briefer.errors import BrieferError
from briefer.gui.context import StoreContext
from briefer.gui.qt import (
    QAbstractItemView,
    QColor,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFont,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QSyntaxHighlighter,
    Qt,
    QTextCharFormat,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from briefer.services import history
from briefer.services.entry_forms import entry_kind, get_entry


class DiffHighlighter(QSyntaxHighlighter):
    """Added lines green, removed lines red, hunk headers grey: a diff read at a glance."""

    COLOURS: ClassVar[dict[str, tuple[str, str | None]]] = {
        "+": ("#0b6e2a", "#e6f4ea"),
        "-": ("#a4000f", "#fce8e6"),
        "@": ("#5f6368", None),
    }

    def highlightBlock(self, text: str) -> None:
        if text.startswith(("+++", "---")):
            return
        colours = self.COLOURS.get(text[:1])
        if colours is None:
            return
        fmt = QTextCharFormat()
        fmt.setForeground(QColor(colours[0]))
        if colours[1]:
            fmt.setBackground(QColor(colours[1]))
        self.setFormat(0, len(text), fmt)


class HistoryView(QDialog):
    def __init__(
        self,
        ctx: StoreContext,
        kind: str,
        entry_id: str,
        parent: QWidget | None = None,
        on_restored: Callable[[], None] | None = None,
    ):
        super().__init__(parent)
        self.ctx, self.kind, self.entry_id = ctx, kind, entry_id
        self.on_restored = on_restored
        self.setObjectName("historyView")
        title = ctx.read(lambda s: str(get_entry(s, kind, entry_id).title))
        short = title if len(title) <= 70 else title[:67] + "…"
        self.setWindowTitle(f"History — {entry_kind(kind).label}: {short}")
        self.revisions = QTreeWidget()
        self.revisions.setObjectName("revisionList")
        self.revisions.setAccessibleName("Revisions, newest first")
        self.revisions.setHeaderLabels(["Revision", "Saved", "Changed"])
        self.revisions.setRootIsDecorated(False)
        self.revisions.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.old = QComboBox()
        self.old.setObjectName("diffOld")
        self.old.setAccessibleName("Compare revision")
        self.new = QComboBox()
        self.new.setObjectName("diffNew")
        self.new.setAccessibleName("with revision")
        self.diff = QPlainTextEdit()
        self.diff.setObjectName("diffText")
        self.diff.setAccessibleName("Differences")
        self.diff.setReadOnly(True)
        self.diff.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        mono = QFont("Monospace")
        mono.setStyleHint(QFont.StyleHint.TypeWriter)
        self.diff.setFont(mono)
        self.highlighter = DiffHighlighter(self.diff.document())
        self.restore_button = QPushButton("&Restore this revision…")
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.clicked.connect(self.restore_selected)
        self.used = QTreeWidget()
        self.used.setObjectName("usedIn")
        self.used.setAccessibleName("Used in")
        self.used.setHeaderLabels(["Briefing", "Section", "Taken from", "Edited there"])
        self.used.setRootIsDecorated(False)

        compare = QHBoxLayout()
        compare.addWidget(QLabel("Compare revision"))
        compare.addWidget(self.old)
        compare.addWidget(QLabel("with"))
        compare.addWidget(self.new)
        compare.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.revisions, 1)
        left_layout.addWidget(self.restore_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(compare)
        right_layout.addWidget(self.diff, 1)
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(left)
        top.addWidget(right)
        top.setSizes([300, 560])
        self.used_label = QLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(top, 3)
        layout.addWidget(self.used_label)
        layout.addWidget(self.used, 1)
        layout.addWidget(buttons)
        self.old.currentIndexChanged.connect(self.show_diff)
        self.new.currentIndexChanged.connect(self.show_diff)
        self.revisions.currentItemChanged.connect(self._revision_chosen)
        self.resize(900, 600)
        self.refresh()

    def _entry(self, session: Any) -> Any:
        return get_entry(session, self.kind, self.entry_id)

    def refresh(self) -> None:
        rows = self.ctx.read(lambda s: history.revision_rows(s, self._entry(s)))
        uses = self.ctx.read(lambda s: history.used_in(s, self._entry(s)))
        self.revisions.clear()
        for row in rows:
            item = QTreeWidgetItem([str(row.number), row.changed_at, row.changed])
            item.setData(0, Qt.ItemDataRole.UserRole, row.number)
            self.revisions.addTopLevelItem(item)
        for column in range(2):
            self.revisions.resizeColumnToContents(column)
        numbers = [str(row.number) for row in reversed(rows)]  # oldest first in the pickers
        for combo in (self.old, self.new):
            combo.blockSignals(True)
            combo.clear()
            combo.addItems(numbers)
            combo.blockSignals(False)
        self.old.setCurrentIndex(max(0, len(numbers) - 2))
        self.new.setCurrentIndex(len(numbers) - 1)
        self.show_diff()
        self.used.clear()
        for use in uses:
            self.used.addTopLevelItem(
                QTreeWidgetItem(
                    [
                        use.briefing,
                        use.section,
                        f"revision {use.revision}" if use.revision else "—",
                        "yes" if use.locally_edited else "no",
                    ]
                )
            )
        for column in range(4):
            self.used.resizeColumnToContents(column)
        self.used_label.setText(
            f"<b>Used in</b> {len(uses)} briefing item(s)" if uses else "<b>Used in</b> no briefing"
        )
        self.restore_button.setEnabled(False)

    def compare(self, old: int, new: int) -> None:
        self.old.setCurrentText(str(old))
        self.new.setCurrentText(str(new))

    def show_diff(self) -> None:
        if not self.old.currentText() or not self.new.currentText():
            self.diff.setPlainText("")
            return
        old, new = int(self.old.currentText()), int(self.new.currentText())
        if old == new:
            self.diff.setPlainText("Choose two different revisions to see what changed.")
            return
        text = self.ctx.read(lambda s: history.diff(s, self._entry(s), old, new))
        self.diff.setPlainText(text or "These revisions are the same.")

    def _revision_chosen(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        latest = self.revisions.topLevelItem(0)
        self.restore_button.setEnabled(current is not None and current is not latest)
        if current is not None and current is not latest and latest is not None:
            self.compare(current.data(0, Qt.ItemDataRole.UserRole), int(latest.text(0)))

    def selected_revision(self) -> int | None:
        item = self.revisions.currentItem()
        return None if item is None else item.data(0, Qt.ItemDataRole.UserRole)

    def restore_selected(self) -> bool:
        number = self.selected_revision()
        if number is None:
            return False
        answer = QMessageBox.question(
            self,
            "Restore revision",
            f"Bring back revision {number}? It is saved as a new revision; "
            "the current text stays in the history.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            self.ctx.write(lambda s: history.restore(s, self._entry(s), number))
        except BrieferError as exc:
            QMessageBox.warning(self, "Restore revision", str(exc))
            return False
        self.ctx.library_changed.emit()
        self.refresh()
        if self.on_restored is not None:
            self.on_restored()
        return True
