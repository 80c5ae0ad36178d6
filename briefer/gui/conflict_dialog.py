"""When someone else saved the same record first: their text and yours side by side, and
nothing is written until the person chooses — keep mine, take theirs, or merge by hand."""

from __future__ import annotations

from briefer.errors import EditConflict
from briefer.gui.qt import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

KEEP_MINE, TAKE_THEIRS, MERGED = "mine", "theirs", "merged"


class ConflictDialog(QDialog):
    def __init__(self, conflict: EditConflict, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle("Someone else changed this")
        self.conflict = conflict
        self.choice: str | None = None
        self.results: dict[str, QPlainTextEdit] = {}
        intro = QLabel(
            f"<b>{conflict.record}</b><br>{conflict}<br>Compare the two and choose which "
            "to keep, or edit the result on the right and use it."
        )
        intro.setWordWrap(True)
        grid = QGridLayout()
        for column, heading in enumerate(("Saved by someone else", "Yours", "Result")):
            grid.addWidget(QLabel(f"<b>{heading}</b>"), 0, column)
        row = 1
        for name, (label, theirs, mine) in conflict.fields.items():
            grid.addWidget(QLabel(label), row, 0, 1, 3)
            row += 1
            for column, (text, editable, role) in enumerate(
                ((theirs, False, "theirs"), (mine, False, "mine"), (mine, True, "result"))
            ):
                box = QPlainTextEdit(text)
                box.setObjectName(f"{role}_{name}")
                box.setAccessibleName(f"{label}: {role}")
                box.setReadOnly(not editable)
                box.setTabChangesFocus(True)
                grid.addWidget(box, row, column)
                if editable:
                    self.results[name] = box
            row += 1
        self.keep_button = QPushButton("Keep &Mine")
        self.keep_button.setObjectName("keepMine")
        self.take_button = QPushButton("Take &Theirs")
        self.take_button.setObjectName("takeTheirs")
        self.merge_button = QPushButton("Use the &Result")
        self.merge_button.setObjectName("useMerged")
        buttons = QDialogButtonBox()
        for button, role in (
            (self.take_button, QDialogButtonBox.ButtonRole.RejectRole),
            (self.keep_button, QDialogButtonBox.ButtonRole.AcceptRole),
            (self.merge_button, QDialogButtonBox.ButtonRole.AcceptRole),
        ):
            buttons.addButton(button, role)
        self.keep_button.clicked.connect(lambda: self._choose(KEEP_MINE))
        self.take_button.clicked.connect(lambda: self._choose(TAKE_THEIRS))
        self.merge_button.clicked.connect(lambda: self._choose(MERGED))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid, 1)
        layout.addWidget(buttons)
        self.resize(960, 420 + 120 * max(0, len(conflict.fields) - 1))

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.done(QDialog.DialogCode.Accepted)

    def reject(self) -> None:
        """Escape or the close box decide nothing: a choice is needed (nothing is lost)."""

    def values(self) -> dict[str, str]:
        """The values to write for the choice made (empty: write nothing, take theirs)."""
        if self.choice == KEEP_MINE:
            return {name: mine for name, (_l, _t, mine) in self.conflict.fields.items()}
        if self.choice == MERGED:
            return {name: box.toPlainText() for name, box in self.results.items()}
        return {}


def resolve(conflict: EditConflict, parent: QWidget | None) -> tuple[str, dict[str, str]]:
    """Ask the person; returns the choice and the values to write."""
    dialog = ConflictDialog(conflict, parent)
    dialog.exec()
    return dialog.choice or TAKE_THEIRS, dialog.values()
