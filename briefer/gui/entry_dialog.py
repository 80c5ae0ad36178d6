"""A library entry opened from the drawer: read it in full, and insert it if it fits.

The window parents the dialog and the dialog parents :class:`LibraryEntryDialog` (a
QObject, whose methods are the buttons' slots), so nothing else has to hold either; the
dialog deletes itself when closed.
"""

from __future__ import annotations

from briefer.gui.context import StoreContext
from briefer.gui.forms import load_form
from briefer.gui.qt import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QObject,
    QPushButton,
    Qt,
    QTextBrowser,
    QWidget,
    Signal,
)
from briefer.services.drawer import KIND_LABELS, entry_details


class LibraryEntryDialog(QObject):
    insert_requested = Signal()  # Insert was clicked; the dialog has closed

    def __init__(self, ctx: StoreContext, kind: str, entry_id: str, parent: QWidget | None = None):
        from briefer.export.markdown_tree import MarkdownTrees

        dialog = load_form("library_entry_dialog.ui", parent)
        assert isinstance(dialog, QDialog)
        super().__init__(dialog)  # owned by the dialog: its slots live as long as it
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        self.details = ctx.read(entry_details, kind, entry_id)
        self.insert_chosen = False
        dialog.setWindowTitle(f"{KIND_LABELS[kind]} — revision {self.details.revision}")
        dialog.findChild(QLabel, "kindLabel").setText(KIND_LABELS[kind])
        dialog.findChild(QLabel, "topicLabel").setText(self.details.topic)
        dialog.findChild(QLabel, "markingLabel").setText(self.details.marking)
        dialog.findChild(QLabel, "titleLabel").setText(self.details.title)
        text = dialog.findChild(QTextBrowser, "textBrowser")
        text.setOpenLinks(False)
        text.setHtml(MarkdownTrees().html(self.details.text))
        dialog.findChild(QDialogButtonBox, "buttonBox").rejected.connect(dialog.reject)
        dialog.findChild(QPushButton, "insertButton").clicked.connect(self._insert)
        dialog.resize(560, 420)

    def open(self) -> None:
        """Show the dialog window-modal; it returns at once."""
        self.dialog.open()

    def _insert(self) -> None:
        self.insert_chosen = True
        self.dialog.accept()
        self.insert_requested.emit()
