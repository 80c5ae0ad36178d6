"""The window's dialogs work with nothing but the app holding them (issue 13, item 1).

Each test opens a dialog the way a person does (its action or button), keeps no reference
to it, collects garbage, finds the dialog in the widget tree and clicks its buttons; the
outcome is read where a person sees it: the file written, the store, the labels.
"""

from __future__ import annotations

import gc
import logging
import shutil
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtWidgets import QTextEdit

from briefer.gui.main_window import MainWindow
from briefer.gui.qt import (
    QAction,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    Qt,
)
from briefer.sample.workspace import SAMPLE_BRIEFING_TITLE
from briefer.services.case_table import timeline
from briefer.store import Store
from tests.conftest import PASSPHRASE

pytestmark = pytest.mark.gui

SECRET = "Shcharanskiy's cell number 41"  # stands for a record's text: never in a message


def _window(qtbot, path: Path, passphrase: str | None = None) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    store = Store.open(path, passphrase=passphrase)
    window.attach(store, is_sample=False)
    window.open_briefing(SAMPLE_BRIEFING_TITLE)
    return window


@pytest.fixture
def window(qtbot, sample_sqlite, tmp_path):
    path = tmp_path / "plain.db"
    shutil.copyfile(sample_sqlite, path)
    path.chmod(0o600)
    window = _window(qtbot, path)
    yield window
    window.close()
    window.store.close()


@pytest.fixture
def encrypted_window(qtbot, encrypted_sample, tmp_path):
    path = tmp_path / "encrypted.db"
    shutil.copyfile(encrypted_sample, path)
    path.chmod(0o600)
    window = _window(qtbot, path, PASSPHRASE)
    yield window
    window.close()
    window.store.close()


def _shown(kind: type, name: str) -> object:
    """The visible top-level window of that kind and object name, as a person sees it."""
    found = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, kind) and w.objectName() == name and w.isVisible()
    ]
    assert len(found) == 1, f"expected one visible {name}, found {len(found)}"
    return found[0]


def _closed(widget: object) -> bool:
    """Closed, or already deleted (a closed dialog deletes itself)."""
    return not shiboken6.isValid(widget) or not widget.isVisible()


def _open_export(window: MainWindow) -> QDialog:
    window.export_action.trigger()  # what Ctrl+E and File → Export do; nothing is returned
    gc.collect()
    dialog = _shown(QDialog, "ExportDialog")
    assert dialog.parentWidget() is window
    return dialog


def _button(dialog: QDialog, which: QDialogButtonBox.StandardButton) -> QPushButton:
    return dialog.findChild(QDialogButtonBox, "buttonBox").button(which)


def _export_to(qtbot, window: MainWindow, out: Path) -> None:
    dialog = _open_export(window)
    dialog.findChild(QLineEdit, "pathEdit").setText(str(out))
    qtbot.mouseClick(_button(dialog, QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(out.exists, timeout=60_000)
    qtbot.waitUntil(lambda: _closed(dialog), timeout=10_000)
    done = _shown(QMessageBox, "exportedMessage")
    assert str(out) in done.text()
    done.button(QMessageBox.StandardButton.Close).click()
    qtbot.waitUntil(lambda: _closed(done))


def test_export_writes_the_file_with_nothing_holding_the_dialog(window, qtbot, tmp_path):
    out = tmp_path / "from-window.docx"
    _export_to(qtbot, window, out)
    assert out.stat().st_size > 0


def test_export_from_an_encrypted_store_writes_the_file(encrypted_window, qtbot, tmp_path):
    """The export reads the store on a QThreadPool worker: the encrypted engine's pooled
    connections must cross threads as the plain one's do."""
    out = tmp_path / "from-encrypted.docx"
    _export_to(qtbot, encrypted_window, out)
    assert out.stat().st_size > 0


def test_export_browse_and_reference_buttons_fill_the_fields(window, qtbot, tmp_path, monkeypatch):
    chosen, reference = tmp_path / "chosen.docx", tmp_path / "house-style.docx"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(chosen), ""))
    )
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(reference), ""))
    )
    dialog = _open_export(window)
    qtbot.mouseClick(dialog.findChild(QPushButton, "browseButton"), Qt.MouseButton.LeftButton)
    assert dialog.findChild(QLineEdit, "pathEdit").text() == str(chosen)
    qtbot.mouseClick(dialog.findChild(QPushButton, "referenceButton"), Qt.MouseButton.LeftButton)
    assert dialog.findChild(QLineEdit, "referenceEdit").text() == str(reference)
    qtbot.mouseClick(
        _button(dialog, QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton
    )
    assert _closed(dialog)


def test_export_cancel_closes_the_dialog_and_writes_nothing(window, qtbot, tmp_path):
    dialog = _open_export(window)
    out = tmp_path / "never.docx"
    dialog.findChild(QLineEdit, "pathEdit").setText(str(out))
    qtbot.mouseClick(
        _button(dialog, QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: _closed(dialog))
    assert not out.exists()


def test_export_warning_is_shown_whole(window, qtbot):
    """The review warning wraps and the dialog grows to show all of it."""
    dialog = _open_export(window)
    label = dialog.findChild(QLabel, "warningsLabel")
    assert label.text().startswith("⚠")
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()))
    assert label.geometry().bottom() <= dialog.height()
    dialog.reject()


def test_an_unexpected_export_error_is_a_short_message_with_details_collapsed(
    window, qtbot, tmp_path, monkeypatch, caplog
):
    from briefer.services import exports

    def broken(*_args, **_kwargs):
        raise KeyError(SECRET)  # a bug whose message quotes a record

    monkeypatch.setattr(exports, "export_briefing", broken)
    dialog = _open_export(window)
    out = tmp_path / "broken.docx"
    dialog.findChild(QLineEdit, "pathEdit").setText(str(out))
    with caplog.at_level(logging.ERROR, logger="briefer"):
        qtbot.mouseClick(
            _button(dialog, QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
        qtbot.waitUntil(
            lambda: any(
                w.objectName() == "errorDialog" and w.isVisible()
                for w in QApplication.topLevelWidgets()
            ),
            timeout=60_000,
        )
    box = _shown(QMessageBox, "errorDialog")
    assert box.parentWidget() is window
    assert len(box.text()) < 120 and "\n" not in box.text()
    assert "Traceback" in box.detailedText() and "KeyError" in box.detailedText()
    details = box.findChild(QTextEdit)
    assert details is not None and not details.isVisible()  # collapsed behind Show Details…
    assert box.sizeHint().height() < 400
    label = dialog.findChild(QLabel, "warningsLabel").text()
    assert "Traceback" not in label and len(label) < 120
    assert dialog.height() < 600
    for said in (box.text(), box.informativeText(), box.detailedText(), label, caplog.text):
        assert SECRET not in said
    assert "KeyError" in caplog.text
    assert not out.exists()
    box.close()
    dialog.reject()


def test_add_status_ok_writes_the_status(window, qtbot):
    page = window.show_page("cases")
    case_id = next(r.id for r in page.model.rows if r.name == "Semyon Iosifovich Kagan")
    page.select(case_id)
    qtbot.mouseClick(
        page.findChild(QPushButton, "addStatusButton"), Qt.MouseButton.LeftButton
    )  # nothing is kept of what the click made
    gc.collect()
    dialog = _shown(QDialog, "AddStatusDialog")
    dialog.findChild(QComboBox, "statusCombo").setCurrentText("permission granted")
    dialog.findChild(QLineEdit, "sourceEdit").setText("Telephone call from the family")
    qtbot.mouseClick(_button(dialog, QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _closed(dialog))
    newest = window.ctx.read(timeline, case_id)[0]
    assert (newest.status, newest.source) == (
        "permission granted",
        "Telephone call from the family",
    )
    assert page.history.topLevelItem(0).text(1) == "permission granted"


def test_add_status_dialog_names_the_case(window, qtbot):
    page = window.show_page("cases")
    page.select(next(r.id for r in page.model.rows if r.name == "Semyon Iosifovich Kagan"))
    qtbot.mouseClick(page.findChild(QPushButton, "addStatusButton"), Qt.MouseButton.LeftButton)
    dialog = _shown(QDialog, "AddStatusDialog")
    assert "Semyon Iosifovich Kagan" in dialog.windowTitle()
    assert "Semyon Iosifovich Kagan" in dialog.findChild(QLabel, "caseLabel").text()
    dialog.reject()


def test_add_status_return_key_saves(window, qtbot):
    page = window.show_page("cases")
    case_id = next(r.id for r in page.model.rows if r.name == "Semyon Iosifovich Kagan")
    page.select(case_id)
    before = len(window.ctx.read(timeline, case_id))
    qtbot.mouseClick(page.findChild(QPushButton, "addStatusButton"), Qt.MouseButton.LeftButton)
    gc.collect()
    dialog = _shown(QDialog, "AddStatusDialog")
    source = dialog.findChild(QLineEdit, "sourceEdit")
    source.setText("Embassy note")
    source.setFocus()
    qtbot.keyClick(source, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(window.ctx.read(timeline, case_id)) == before + 1)
    assert _closed(dialog)


def test_about_and_compare_dialogs_close_from_their_buttons(window, qtbot):
    window.findChild(QAction, "about").trigger()
    gc.collect()
    about = _shown(QDialog, "AboutDialog")
    assert about.parentWidget() is window
    qtbot.mouseClick(about.findChild(QDialogButtonBox).buttons()[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _closed(about))
    window.compare_action.trigger()
    gc.collect()
    compare = _shown(QDialog, "compareDialog")
    qtbot.mouseClick(compare.findChild(QDialogButtonBox).buttons()[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _closed(compare))


class _UnownedWrapper:
    """The bug of issue 13: a plain object holds the slot; nothing holds the object."""

    def __init__(self, parent: object) -> None:
        self.dialog = QDialog(parent)
        self.dialog.setObjectName("unownedWrapperDialog")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self.dialog)
        buttons.accepted.connect(self.save)

    def save(self) -> None:
        self.dialog.accept()


def test_the_suite_check_catches_a_dialog_nobody_owns(qapp):
    """The autouse check in conftest (dialogs_are_owned): a dialog shown with no parent
    window, and one whose buttons died with their collected owner, are both reported.
    (This test uses qapp, not qtbot, so the autouse check is not watching it.)"""
    from PySide6.QtWidgets import QWidget

    from tests.conftest import _dialog_watcher

    watcher = _dialog_watcher()
    qapp.installEventFilter(watcher)
    owner = QWidget()
    orphan = QDialog()
    orphan.setObjectName("orphanDialog")
    try:
        orphan.show()
        _UnownedWrapper(owner).dialog.show()
        for _ in range(3):
            qapp.processEvents()
    finally:
        qapp.removeEventFilter(watcher)
        orphan.close()
        for dialog in owner.findChildren(QDialog):
            dialog.close()
        owner.deleteLater()
    problems = "\n".join(watcher.problems)
    assert "'orphanDialog'" in problems and "no owner window" in problems
    assert "'unownedWrapperDialog'" in problems and "do nothing" in problems
