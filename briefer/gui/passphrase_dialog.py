"""Passphrases in the window: asking for an encrypted store's, and choosing a new store's.

Opening asks again, saying why, after a wrong passphrase, and Cancel keeps whatever store
was open; a new store is encrypted only when the person ticks the box, because a forgotten
passphrase loses the store for good.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from briefer.cipher import (
    PASSPHRASE_ENV,
    PassphraseNeeded,
    WrongPassphrase,
    check_new_passphrase,
)
from briefer.errors import StoreError
from briefer.gui.forms import load_form
from briefer.gui.qt import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QObject,
    QWidget,
)
from briefer.store import Store

ERROR_STYLE = "color: #b3261e;"


def new_passphrase_problem(passphrase: str, again: str) -> str:
    """Why a new passphrase cannot be used yet; empty when it can."""
    try:
        check_new_passphrase(passphrase)
    except StoreError as exc:
        return str(exc)
    return "" if again == passphrase else "The two passphrases differ."


class PassphraseDialog(QObject):
    """The Designer form ``passphrase_dialog.ui`` for one of two questions; a child of it
    (so its slots live as long as the dialog). Asking deletes the dialog afterwards."""

    def __init__(self, parent: QWidget | None, *, path: Path, new: bool, error: str = ""):
        dialog = load_form("passphrase_dialog.ui", parent)
        assert isinstance(dialog, QDialog)
        super().__init__(dialog)
        self.dialog, self.new = dialog, new
        dialog.setMinimumWidth(460)  # room for a long path and the messages below
        self.message = dialog.findChild(QLabel, "messageLabel")
        self.encrypt = dialog.findChild(QCheckBox, "encryptCheck")
        self.passphrase = dialog.findChild(QLineEdit, "passphraseEdit")
        self.confirm = dialog.findChild(QLineEdit, "confirmEdit")
        self.error = dialog.findChild(QLabel, "errorLabel")
        self.error.setStyleSheet(ERROR_STYLE)
        buttons = dialog.findChild(QDialogButtonBox, "buttonBox")
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        if new:
            dialog.setWindowTitle("New Store")
            self.message.setText(
                f"Create {path.name}. Encrypt it if this computer could be lost or taken: "
                "without the passphrase nobody can read the store, and if it is forgotten "
                "nobody can recover it."
            )
            self.encrypt.setChecked(False)
            self.ok.setText("Create")
        else:
            dialog.setWindowTitle("Encrypted Store")
            self.message.setText(f"{path} is encrypted. Type its passphrase to open it.")
            self.encrypt.hide()
            self.confirm.hide()
            dialog.findChild(QLabel, "confirmEditLabel").hide()
            self.ok.setText("Open")
        self.error.setText(error)
        for signal in (self.passphrase.textChanged, self.confirm.textChanged):
            signal.connect(self._update)
        self.encrypt.toggled.connect(self._update)
        self._update()
        self.passphrase.setFocus()

    def _update(self) -> None:
        if not self.new:
            self.ok.setEnabled(bool(self.passphrase.text()))
            return
        encrypt = self.encrypt.isChecked()
        self.passphrase.setEnabled(encrypt)
        self.confirm.setEnabled(encrypt)
        problem = (
            new_passphrase_problem(self.passphrase.text(), self.confirm.text()) if encrypt else ""
        )
        self.error.setText(problem if self.passphrase.text() else "")
        self.ok.setEnabled(not problem)

    def ask(self) -> str | None:
        """The typed passphrase, or None when the person cancels."""
        accepted = self.dialog.exec() == QDialog.DialogCode.Accepted
        typed = self.passphrase.text()
        self.dialog.deleteLater()
        return typed if accepted else None

    def ask_new(self) -> tuple[bool, str | None] | None:
        """(encrypt?, passphrase) for a new store, or None when the person cancels."""
        accepted = self.dialog.exec() == QDialog.DialogCode.Accepted
        encrypt, typed = self.encrypt.isChecked(), self.passphrase.text()
        self.dialog.deleteLater()
        if not accepted:
            return None
        return (True, typed) if encrypt else (False, None)


def open_with_passphrase(
    parent: QWidget | None,
    attempt: Callable[[str | None], Store],
    passphrase: str | None = None,
) -> Store | None:
    """Run ``attempt`` (which opens a store), asking for the passphrase while it needs one.

    ``BRIEFER_PASSPHRASE`` is tried first, as on the command line. Returns None when the
    person cancels; any other refusal is raised as it is.
    """
    if passphrase is None:
        passphrase = os.environ.get(PASSPHRASE_ENV)
    error = ""
    while True:
        try:
            return attempt(passphrase)
        except PassphraseNeeded as exc:
            path = exc.path
        except WrongPassphrase as exc:
            path = exc.path
            error = "That passphrase does not open the store. Check it and try again."
        passphrase = PassphraseDialog(parent, path=path, new=False, error=error).ask()
        if passphrase is None:
            return None
