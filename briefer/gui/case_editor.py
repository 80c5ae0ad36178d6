"""The case editor: the shared entry form for a case, and the people it might already be.

While a name or variant is typed, cases with the same name key (the same person spelled
another way, in another alphabet) or a near one (perhaps a relative) are listed. Saving a
new case whose key an existing case already has asks first; nothing is ever merged silently.
"""

from __future__ import annotations

from briefer.gui.context import StoreContext
from briefer.gui.entry_editor import EntryEditor
from briefer.gui.qt import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from briefer.services.cases import PossibleDuplicate, possible_duplicates
from briefer.services.entry_forms import get_entry

DUPLICATE_CHECK_DELAY_MS = 250


class CaseEditorDialog(QDialog):
    open_existing = Signal(str)  # a case id the person chose instead of adding a new one

    def __init__(self, ctx: StoreContext, case_id: str | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("caseEditor")
        self.editor = EntryEditor(ctx, "case", self)
        self.editor.load(case_id)
        self.setWindowTitle("New case" if case_id is None else "Edit case")
        self.duplicates_label = QLabel()
        self.duplicates_label.setObjectName("duplicatesLabel")
        self.duplicates_label.setWordWrap(True)
        self.duplicates = QListWidget()
        self.duplicates.setObjectName("possibleDuplicates")
        self.duplicates.setAccessibleName("Possible duplicates")
        self.duplicates.setMaximumHeight(96)
        self.open_button = QPushButton("&Open that case instead")
        self.open_button.setObjectName("openDuplicate")
        self.open_button.clicked.connect(self._open_chosen)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.duplicates_label)
        layout.addWidget(self.duplicates)
        layout.addWidget(self.open_button)
        layout.addWidget(self.buttons)
        self.found: list[PossibleDuplicate] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DUPLICATE_CHECK_DELAY_MS)
        self._timer.timeout.connect(self.check_duplicates)
        for name in ("primary_name", "name_variants"):
            self.editor.inputs[name].textChanged.connect(lambda _t: self._timer.start())
        self.duplicates.currentItemChanged.connect(
            lambda item, _old: self.open_button.setEnabled(item is not None)
        )
        self.resize(640, 620)
        self.check_duplicates()

    def _names(self) -> list[str]:
        variants = self.editor.value("name_variants").split(";")
        return [self.editor.value("primary_name"), *variants]

    def check_duplicates(self) -> list[PossibleDuplicate]:
        case_id = self.editor.form.id

        def find(session: object) -> list[PossibleDuplicate]:
            exclude = get_entry(session, "case", case_id) if case_id else None
            return possible_duplicates(session, self._names(), exclude=exclude)

        self.found = self.ctx.read(find)
        self.duplicates.clear()
        for match in self.found:
            how = "same name in another spelling" if match.same_key else f"{match.score:.0f}% alike"
            item = QListWidgetItem(f"{match.name} — {how}")
            item.setData(Qt.ItemDataRole.UserRole, match.case_id)
            self.duplicates.addItem(item)
        same = [m for m in self.found if m.same_key]
        if same:
            text = (
                f"<b>{same[0].name}</b> has this name in another spelling. Open that case "
                "rather than adding the person twice, unless they are different people."
            )
        elif self.found:
            text = "Similar names — perhaps a relative; check before adding:"
        else:
            text = ""
        self.duplicates_label.setText(text)
        for widget in (self.duplicates_label, self.duplicates, self.open_button):
            widget.setVisible(bool(self.found))
        self.open_button.setEnabled(self.duplicates.currentItem() is not None)
        return self.found

    def _open_chosen(self) -> None:
        item = self.duplicates.currentItem()
        if item is not None:
            self.open_existing.emit(item.data(Qt.ItemDataRole.UserRole))
            self.reject()

    def save(self) -> bool:
        self._timer.stop()
        same = [m for m in self.check_duplicates() if m.same_key]
        if self.editor.form.id is None and same:
            answer = QMessageBox.question(
                self,
                "Possible duplicate",
                f"{same[0].name} is already in the library under this name in another "
                "spelling. Add a separate case anyway? Choose No to open the existing case.",
                QMessageBox.StandardButton.Yes
                | QMessageBox.StandardButton.No
                | QMessageBox.StandardButton.Cancel,
            )
            if answer == QMessageBox.StandardButton.No:
                self.open_existing.emit(same[0].case_id)
                self.reject()
                return False
            if answer != QMessageBox.StandardButton.Yes:
                return False
        if not self.editor.save():
            return False
        self.accept()
        return True
