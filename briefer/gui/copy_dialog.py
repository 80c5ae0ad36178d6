"""File → Copy Store: the open store copied (or merged) into another, with a progress bar.

The copy is the command line's ``briefer copy`` (``services.copy``) run on QThreadPool, so
the window stays responsive. Cancel stops it between chunks of rows: the copy is one
transaction on the target, so nothing of it is kept, and a new target file is removed.

The window parents the dialog and the dialog parents :class:`CopyStoreDialog` (a QObject,
whose methods are the buttons' slots); the dialog is deleted once :meth:`exec` returns.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from briefer.errors import BrieferError, StoreError
from briefer.gui.errors import bug_details, show_bug
from briefer.gui.forms import load_form
from briefer.gui.passphrase_dialog import ERROR_STYLE, new_passphrase_problem
from briefer.gui.qt import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QObject,
    QProgressBar,
    QPushButton,
    QRunnable,
    QThreadPool,
    QWidget,
    Signal,
)
from briefer.store import Store, is_encrypted_file, resolve_target


class CopyCancelled(StoreError):
    """Raised from the progress callback; the copy's transaction is rolled back."""


class _Signals(QObject):
    progress = Signal(str, int, int)  # table, rows done, rows in all
    finished = Signal(str)  # what was done, in a sentence
    failed = Signal(str)  # a refusal or Cancel, in a sentence
    crashed = Signal(str)  # a bug: its details (errors.bug_details), quoting no content


class CopyJob(QRunnable):
    def __init__(self, source: Store, target: str, options: dict[str, Any], merge: bool):
        super().__init__()
        self.signals = _Signals()
        self.source_db = source.target
        self.source_passphrase = source.key.passphrase if source.key is not None else None
        self.target, self.options, self.merge = target, options, merge
        self.cancelled = False

    def _progress(self, table: str, done: int, total: int) -> None:
        if self.cancelled:
            raise CopyCancelled("Copy cancelled; nothing was written to the target.")
        self.signals.progress.emit(table, done, total)

    def run(self) -> None:
        from briefer.services.copy import copy_between, merge_between

        try:
            if self.merge:
                merged, where = merge_between(
                    self.source_db,
                    self.target,
                    progress=self._progress,
                    source_passphrase=self.source_passphrase,
                    target_passphrase=self.options.get("target_passphrase"),
                )
                said = merged.summary(where)
            else:
                copied, where = copy_between(
                    self.source_db,
                    self.target,
                    progress=self._progress,
                    source_passphrase=self.source_passphrase,
                    **self.options,
                )
                said = copied.summary(where)
        except BrieferError as exc:
            self.signals.failed.emit(str(exc))
            return
        except Exception as exc:  # a bug: a short message, the details collapsed and logged
            self.signals.crashed.emit(bug_details(exc))
            return
        self.signals.finished.emit(said)


class CopyStoreDialog(QObject):
    """The Designer form ``copy_store_dialog.ui``, filled for the open store; a child of it."""

    def __init__(self, store: Store, parent: QWidget | None = None):
        dialog = load_form("copy_store_dialog.ui", parent)
        assert isinstance(dialog, QDialog)
        super().__init__(dialog)  # owned by the dialog: the slots below live as long as it
        self.dialog, self.store = dialog, store
        self.job: CopyJob | None = None
        self.outcome = ""
        kind = "encrypted store" if store.encrypted else "store"
        dialog.findChild(QLabel, "sourceLabel").setText(
            f"Copy the {kind} {store.target.display} to a new file, or to an empty PostgreSQL "
            "database (postgresql+psycopg://user@host/name). Every table is read back and "
            "checked before the copy is kept."
        )
        self.target = dialog.findChild(QLineEdit, "targetEdit")
        self.target.setPlaceholderText(str(Path.home() / "briefer-copy.db"))
        self.merge = dialog.findChild(QCheckBox, "mergeCheck")
        self.encrypt = dialog.findChild(QCheckBox, "encryptCheck")
        self.passphrase = dialog.findChild(QLineEdit, "passphraseEdit")
        self.confirm = dialog.findChild(QLineEdit, "confirmEdit")
        self.status = dialog.findChild(QLabel, "statusLabel")
        self.progress = dialog.findChild(QProgressBar, "progressBar")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.browse = dialog.findChild(QPushButton, "browseButton")
        self.browse.clicked.connect(self._browse)
        self.buttons = dialog.findChild(QDialogButtonBox, "buttonBox")
        self.copy_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.copy_button.setText("&Copy")
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.cancel)
        dialog.rejected.connect(self._closed)  # Escape or the title bar's close button
        for signal in (
            self.target.textChanged,
            self.passphrase.textChanged,
            self.confirm.textChanged,
        ):
            signal.connect(self._update)
        self.merge.toggled.connect(self._update)
        self.encrypt.toggled.connect(self._update)
        dialog.resize(max(640, dialog.sizeHint().width()), dialog.sizeHint().height())
        self._update()

    # ---- what the target needs

    def _target_path(self) -> Path | None:
        text = self.target.text().strip()
        if not text:
            return None
        try:
            return resolve_target(text).path
        except BrieferError:
            return None

    def _target_is_encrypted(self) -> bool:
        path = self._target_path()
        return path is not None and is_encrypted_file(path)

    def _problem(self) -> str:
        """Why Copy cannot start yet; empty when it can."""
        if not self.target.text().strip():
            return "Choose where to copy the store."
        if self.encrypt.isChecked():
            if self._target_path() is None:
                return "Only a SQLite file can be encrypted; give a file name."
            return new_passphrase_problem(self.passphrase.text(), self.confirm.text())
        if self._target_is_encrypted() and not self.passphrase.text():
            return "The target is an encrypted store: type its passphrase."
        return ""

    def _update(self) -> None:
        if self.job is not None:
            return
        existing_encrypted = self._target_is_encrypted()
        self.encrypt.setEnabled(not self.merge.isChecked() and not existing_encrypted)
        if self.merge.isChecked() or existing_encrypted:
            self.encrypt.setChecked(False)
        self.passphrase.setEnabled(self.encrypt.isChecked() or existing_encrypted)
        self.confirm.setEnabled(self.encrypt.isChecked())
        problem = self._problem()
        self.copy_button.setEnabled(not problem)
        self.status.setStyleSheet("")
        self.status.setText(problem if self.target.text().strip() else "")

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self.dialog, "Copy to", self.target.text(), "Briefer stores (*.db)"
        )
        if chosen:
            self.target.setText(chosen)

    # ---- running

    def start(self) -> None:
        options: dict[str, Any] = {}
        if self.encrypt.isChecked():
            options = {"target_passphrase": self.passphrase.text(), "encrypt": True}
        elif self._target_is_encrypted():
            options = {"target_passphrase": self.passphrase.text()}
        self.job = CopyJob(self.store, self.target.text().strip(), options, self.merge.isChecked())
        self.job.signals.progress.connect(self._progress)
        self.job.signals.finished.connect(self._finished)
        self.job.signals.failed.connect(self._failed)
        self.job.signals.crashed.connect(self._crashed)
        for widget in (self.target, self.merge, self.encrypt, self.passphrase, self.confirm):
            widget.setEnabled(False)
        self.browse.setEnabled(False)
        self.copy_button.setEnabled(False)
        self.progress.setRange(0, 0)  # busy until the first table reports
        self.status.setStyleSheet("")
        self.status.setText("Copying…")
        QThreadPool.globalInstance().start(self.job)

    def _progress(self, table: str, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.status.setText(f"Copying {table.replace('_', ' ')}: {done:,} of {total:,} rows")

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancelled = True
            self.status.setText("Cancelling…")
            return
        self.dialog.reject()

    def _closed(self) -> None:
        if self.job is not None:
            self.job.cancelled = True

    def _finished(self, said: str) -> None:
        self.job, self.outcome = None, said
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.status.setText(said)
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).clicked.connect(
            self.dialog.accept
        )

    def _failed(self, message: str) -> None:
        self.job = None
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        for widget in (self.target, self.merge, self.browse):
            widget.setEnabled(True)
        self._update()
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(message)

    def _crashed(self, details: str) -> None:
        self._failed("The copy failed because of a bug; nothing was kept of it.")
        show_bug(self.dialog.parentWidget(), "The copy failed", details)

    def exec(self) -> str:
        """Run the dialog; what was done, in a sentence ("" if nothing). The dialog is deleted
        afterwards (a copy still running is cancelled: its job keeps its own signals)."""
        self.dialog.exec()
        self.dialog.deleteLater()
        return self.outcome
