"""Encrypted stores and copying in the window: the passphrase dialogs and the copy's
progress bar, driven through their real widgets."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
)

from briefer.gui.copy_dialog import CopyJob, CopyStoreDialog
from briefer.services.search import search
from briefer.store import Store, is_encrypted_file
from tests.conftest import PASSPHRASE

pytestmark = pytest.mark.gui


def _answer(steps: list[Callable[[QDialog], None]], seen: list[str]) -> None:
    """Answer the modal dialogs that will open, one step each, as a person would."""

    def next_step() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(20, next_step)
            return
        error = dialog.findChild(QLabel, "errorLabel")
        seen.append(error.text() if error is not None else "")
        try:
            steps.pop(0)(dialog)
        except BaseException:
            dialog.reject()  # a failed step must not leave the test waiting on a modal dialog
            steps.clear()
            raise
        if steps:
            QTimer.singleShot(50, next_step)

    QTimer.singleShot(0, next_step)


def _type(passphrase: str, again: str | None = None, encrypt: bool | None = None):
    def step(dialog: QDialog) -> None:
        if encrypt is not None:
            dialog.findChild(QCheckBox, "encryptCheck").setChecked(encrypt)
        dialog.findChild(QLineEdit, "passphraseEdit").setText(passphrase)
        if again is not None:
            dialog.findChild(QLineEdit, "confirmEdit").setText(again)
        ok = dialog.findChild(QDialogButtonBox, "buttonBox").button(
            QDialogButtonBox.StandardButton.Ok
        )
        assert ok.isEnabled(), dialog.findChild(QLabel, "errorLabel").text()
        ok.click()

    return step


def _cancel(dialog: QDialog) -> None:
    dialog.reject()


@pytest.fixture
def encrypted_copy(encrypted_sample: Path, tmp_path: Path) -> Path:
    path = tmp_path / "laptop.db"
    shutil.copyfile(encrypted_sample, path)
    return path


def test_opening_an_encrypted_store_asks_again_after_a_wrong_passphrase(
    sample_window, encrypted_copy
):
    seen: list[str] = []
    _answer([_type("not the passphrase"), _type(PASSPHRASE)], seen)
    assert sample_window.switch_store(str(encrypted_copy))
    assert seen == ["", "That passphrase does not open the store. Check it and try again."]
    assert sample_window.store.encrypted
    assert "Encrypted" in sample_window.store_label.text()
    assert sample_window.store.target.path == encrypted_copy


def test_cancelling_the_passphrase_keeps_the_open_store(sample_window, encrypted_copy):
    before = sample_window.store
    _answer([_cancel], [])
    assert not sample_window.switch_store(str(encrypted_copy))
    assert sample_window.store is before and not before.encrypted


def test_new_store_with_a_passphrase_is_encrypted(
    sample_window, tmp_path, monkeypatch, modal_dialogs
):
    path = tmp_path / "summit-laptop.db"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )
    seen: list[str] = []

    def refuses_a_short_one(dialog: QDialog) -> None:
        dialog.findChild(QCheckBox, "encryptCheck").setChecked(True)
        dialog.findChild(QLineEdit, "passphraseEdit").setText("short")
        dialog.findChild(QLineEdit, "confirmEdit").setText("short")
        ok = dialog.findChild(QDialogButtonBox, "buttonBox").button(
            QDialogButtonBox.StandardButton.Ok
        )
        assert not ok.isEnabled()
        assert "at least 8" in dialog.findChild(QLabel, "errorLabel").text()
        dialog.findChild(QLineEdit, "passphraseEdit").setText(PASSPHRASE)
        dialog.findChild(QLineEdit, "confirmEdit").setText("shorter but long")
        assert "differ" in dialog.findChild(QLabel, "errorLabel").text()
        _type(PASSPHRASE, PASSPHRASE)(dialog)

    _answer([refuses_a_short_one], seen)
    sample_window.new_store()
    assert sample_window.store.encrypted and sample_window.store.target.path == path
    assert is_encrypted_file(path) and path.stat().st_mode & 0o777 == 0o600
    assert modal_dialogs == []


def test_new_store_without_a_passphrase_is_plain(sample_window, tmp_path, monkeypatch):
    path = tmp_path / "office.db"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )

    def create_plain(dialog: QDialog) -> None:
        assert not dialog.findChild(QLineEdit, "passphraseEdit").isEnabled()
        dialog.findChild(QDialogButtonBox, "buttonBox").button(
            QDialogButtonBox.StandardButton.Ok
        ).click()

    _answer([create_plain], [])
    sample_window.new_store()
    assert sample_window.store.target.path == path and not sample_window.store.encrypted
    assert not is_encrypted_file(path)


def test_copy_store_shows_progress_and_makes_an_encrypted_copy(sample_window, qtbot, tmp_path):
    target = tmp_path / "carried.db"
    dialog = CopyStoreDialog(sample_window.store, sample_window)
    values: list[int] = []
    dialog.progress.valueChanged.connect(values.append)
    dialog.target.setText(str(target))
    dialog.encrypt.setChecked(True)
    dialog.passphrase.setText(PASSPHRASE)
    assert not dialog.copy_button.isEnabled() and "differ" in dialog.status.text()
    dialog.confirm.setText(PASSPHRASE)
    assert dialog.copy_button.isEnabled()
    dialog.copy_button.click()
    qtbot.waitUntil(lambda: dialog.job is None, timeout=60_000)
    assert "counts and checksums of every table verified" in dialog.status.text()
    assert len(set(values)) > 3  # the bar moved through the tables, not only start and end
    assert dialog.progress.value() == dialog.progress.maximum()
    with (
        Store.open(target, passphrase=PASSPHRASE, auto_backup=False) as copy,
        copy.session() as session,
    ):
        assert [h.title for h in search(session, "Щаранский", ("case",))] == [
            "Anatoly Shcharanskiy"
        ]


def test_copy_onto_a_store_that_holds_data_is_refused_and_the_dialog_stays_usable(
    sample_window, qtbot, sample_sqlite, tmp_path
):
    occupied = tmp_path / "occupied.db"
    shutil.copyfile(sample_sqlite, occupied)
    before = occupied.read_bytes()
    dialog = CopyStoreDialog(sample_window.store, sample_window)
    dialog.target.setText(str(occupied))
    dialog.copy_button.click()
    qtbot.waitUntil(lambda: dialog.job is None, timeout=60_000)
    assert "--merge" in dialog.status.text() or "merge" in dialog.status.text().lower()
    assert dialog.target.isEnabled() and dialog.copy_button.isEnabled()
    assert occupied.read_bytes() == before


def test_cancelling_a_copy_leaves_no_file(sample_window, qtbot, tmp_path, monkeypatch):
    target = tmp_path / "cancelled.db"
    # The sample's 520 rows copy faster than a person clicks: the worker waits after its
    # first progress report until the Cancel click has reached the dialog.
    clicked = threading.Event()
    report = CopyJob._progress

    def report_then_wait(job: CopyJob, *args: object) -> None:
        report(job, *args)
        clicked.wait(30)

    monkeypatch.setattr(CopyJob, "_progress", report_then_wait)
    dialog = CopyStoreDialog(sample_window.store, sample_window)
    dialog.target.setText(str(target))
    dialog.progress.valueChanged.connect(lambda _v: (dialog.cancel(), clicked.set()))
    dialog.copy_button.click()
    qtbot.waitUntil(lambda: dialog.job is None, timeout=60_000)
    assert dialog.status.text().startswith("Copy cancelled")
    assert list(tmp_path.glob("cancelled.db*")) == []
