"""File → Edit Event and New Briefing act on the event the person selected (or just made),
not on the open briefing's (issue 13, item 12). Driven through the real actions, the
navigator clicked as a person would, the dialogs found as they appear."""

from __future__ import annotations

import gc
from collections.abc import Callable

import pytest

from briefer.gui.navigator import NODE_ROLE
from briefer.gui.qt import (
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QLineEdit,
    Qt,
    QTimer,
)

pytestmark = pytest.mark.gui

OTHER_EVENT = "Reykjavik summit"


def _click_event(qtbot, window, title: str) -> str:
    """Click the event's row in the navigator; returns its id."""
    navigator = window.navigator
    model = navigator.model()
    events = model.index(0, 0)
    for row in range(model.rowCount(events)):
        index = model.index(row, 0, events)
        if index.data().startswith(title):
            navigator.scrollTo(index)
            rect = navigator.visualRect(index)
            qtbot.mouseClick(navigator.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            assert navigator.currentIndex() == index
            return index.data(NODE_ROLE)[1]
    raise AssertionError(f"no event {title!r} in the navigator")


def _when_a_dialog_opens(act: Callable, tries: int = 60) -> None:
    """Run ``act(dialog)`` on the modal dialog once it is up (it blocks the test's call)."""

    def look(left: int) -> None:
        gc.collect()
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            if left:
                QTimer.singleShot(50, lambda: look(left - 1))
            return
        act(dialog)

    QTimer.singleShot(0, lambda: look(tries))


def _button(dialog, which) -> object:
    return dialog.findChild(QDialogButtonBox, "buttonBox").button(which)


def test_edit_event_edits_the_event_selected_in_the_navigator(sample_window, qtbot):
    window = sample_window
    _click_event(qtbot, window, OTHER_EVENT)
    seen: list[str] = []

    def read_and_cancel(dialog) -> None:
        seen.append(dialog.findChild(QLineEdit, "titleEdit").text())
        qtbot.mouseClick(
            _button(dialog, QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton
        )

    _when_a_dialog_opens(read_and_cancel)
    window.edit_event_action.trigger()
    assert seen == [OTHER_EVENT]


def test_new_briefing_preselects_the_selected_event(sample_window, qtbot):
    window = sample_window
    event_id = _click_event(qtbot, window, OTHER_EVENT)
    seen: list[object] = []

    def read_and_cancel(dialog) -> None:
        seen.append(dialog.findChild(QComboBox, "eventCombo").currentData())
        qtbot.mouseClick(
            _button(dialog, QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton
        )

    _when_a_dialog_opens(read_and_cancel)
    window.new_action.trigger()
    assert seen == [event_id]


def test_new_briefing_preselects_the_event_just_made(sample_window, qtbot):
    window = sample_window

    def fill_and_ok(dialog) -> None:
        title = dialog.findChild(QLineEdit, "titleEdit")
        title.setFocus()
        qtbot.keyClicks(title, "Geneva follow-up")
        qtbot.mouseClick(
            _button(dialog, QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )

    _when_a_dialog_opens(fill_and_ok)
    window.new_event_action.trigger()
    seen: list[str] = []

    def read_and_cancel(dialog) -> None:
        seen.append(dialog.findChild(QComboBox, "eventCombo").currentText())
        qtbot.mouseClick(
            _button(dialog, QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton
        )

    _when_a_dialog_opens(read_and_cancel)
    window.new_action.trigger()
    assert len(seen) == 1 and seen[0].startswith("Geneva follow-up")
