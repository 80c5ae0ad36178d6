"""Compare two briefings, or two versions of one: this summit's book against the last,
or today's draft against the copy sent for clearance."""

from __future__ import annotations

from briefer.errors import BrieferError
from briefer.gui.context import StoreContext
from briefer.gui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from briefer.services import versions


class CompareDialog(QDialog):
    def __init__(self, ctx: StoreContext, parent: QWidget | None = None, new: str | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("compareDialog")
        self.setWindowTitle("Compare Briefings")
        self.old = QComboBox()
        self.old.setObjectName("compareOld")
        self.old.setAccessibleName("Earlier briefing or version")
        self.new = QComboBox()
        self.new.setObjectName("compareNew")
        self.new.setAccessibleName("Later briefing or version")
        for reference, label in ctx.read(versions.comparable):
            self.old.addItem(label, reference)
            self.new.addItem(label, reference)
        if new is not None and self.new.findData(new) >= 0:
            self.new.setCurrentIndex(self.new.findData(new))
            self.old.setCurrentIndex(max(0, self.new.currentIndex() - 1))
        self.summary = QLabel()
        self.summary.setObjectName("compareSummary")
        self.changes = QTreeWidget()
        self.changes.setObjectName("compareChanges")
        self.changes.setAccessibleName("Changes")
        self.changes.setHeaderLabels(["Change", "What", "Where", "Detail"])
        self.changes.setRootIsDecorated(False)
        form = QFormLayout()
        form.addRow("&Earlier:", self.old)
        form.addRow("&Later:", self.new)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.changes, 1)
        layout.addWidget(buttons)
        self.old.currentIndexChanged.connect(lambda _i: self.refresh())
        self.new.currentIndexChanged.connect(lambda _i: self.refresh())
        self.resize(900, 560)
        self.refresh()

    def choose(self, old: str, new: str) -> None:
        self.old.setCurrentIndex(self.old.findData(old))
        self.new.setCurrentIndex(self.new.findData(new))

    def refresh(self) -> None:
        self.changes.clear()
        old, new = self.old.currentData(), self.new.currentData()
        if old is None or new is None:
            self.summary.setText("There is nothing to compare yet.")
            return
        try:
            found = self.ctx.read(versions.compare_refs, old, new)
        except BrieferError as exc:
            self.summary.setText(str(exc))
            return
        for change in found:
            self.changes.addTopLevelItem(
                QTreeWidgetItem([change.change, change.what, change.where, change.detail])
            )
        for column in range(3):
            self.changes.resizeColumnToContents(column)
        self.summary.setText(f"<b>{len(found)} change(s)</b>" if found else "No differences.")
