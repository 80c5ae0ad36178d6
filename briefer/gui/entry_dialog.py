"""A library entry opened from the drawer: read it in full, and insert it if it fits."""

from __future__ import annotations

from briefer.gui.context import StoreContext
from briefer.gui.forms import load_form
from briefer.gui.qt import QDialog, QDialogButtonBox, QLabel, QPushButton, QTextBrowser, QWidget
from briefer.services.drawer import KIND_LABELS, entry_details


class LibraryEntryDialog:
    def __init__(self, ctx: StoreContext, kind: str, entry_id: str, parent: QWidget | None = None):
        from briefer.export.markdown_tree import MarkdownTrees

        dialog = load_form("library_entry_dialog.ui", parent)
        assert isinstance(dialog, QDialog)
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

    def _insert(self) -> None:
        self.insert_chosen = True
        self.dialog.accept()
