"""Every date field of the window takes a date typed in full, an unset date stays unset, and
an event's end follows its start (issue 13, items 5 and 15).

Driven as a person would: the real actions and buttons, the dialogs found as shown, keys
typed into the fields, outcomes read from the store and the exported file."""

from __future__ import annotations

import gc
from datetime import date
from typing import Any

import pytest
from docx import Document

from briefer.gui.qt import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QPushButton,
    Qt,
    QTimer,
    QWidget,
)
from briefer.models import CaseStatusEvent, Event, Observation
from briefer.services.briefings import get_briefing
from briefer.services.exports import export_briefing

pytestmark = pytest.mark.gui


def _in_modal(qtbot: Any, act: Any) -> list[Any]:
    """Run ``act`` on the modal dialog once it shows (an ``exec()`` blocks the test);
    the dialog is closed if ``act`` leaves it open, so that a failure cannot hang the run."""
    done: list[Any] = []

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, run)
            return
        gc.collect()
        dialog.activateWindow()  # as a window manager does: keys and focus go to it
        try:
            qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=5000)
            act(dialog)
            done.append(True)
        except BaseException as exc:  # reported by the test after exec() returns
            done.append(exc)
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, run)
    return done


def _type_date(qtbot: Any, field: QWidget, text: str, then: Any = Qt.Key.Key_Tab) -> None:
    """Select what the field holds and type over it, as a person does (Ctrl+A, type, Tab)."""
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, text)
    if then is not None:
        qtbot.keyClick(field, then)


def _ok(dialog: QWidget) -> QPushButton:
    return dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)


def _check(done: list[Any]) -> None:
    assert done, "the dialog never showed"
    if isinstance(done[0], BaseException):
        raise done[0]


def _event(window: Any, title: str) -> Event:
    from sqlalchemy import select

    with window.ctx.store.session() as session:
        found = session.scalars(select(Event).where(Event.title == title)).one()
        session.expunge(found)
        return found


def test_a_new_briefing_has_no_date_shows_it_unset_and_exports_with_a_warning(
    sample_window, qtbot, tmp_path
):
    window = sample_window

    def fill(dialog: QWidget) -> None:
        title = dialog.findChild(QLineEdit, "titleEdit")
        title.setFocus()
        qtbot.keyClicks(title, "Undated book")
        qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)

    done = _in_modal(qtbot, fill)
    window.new_action.trigger()
    _check(done)
    editor = window.editor
    briefing_id = editor.briefing_id
    assert window.ctx.read(lambda s: get_briefing(s, briefing_id).title) == "Undated book"
    editor.tabs.setCurrentIndex(1)  # Properties
    drafted = editor.properties.form.findChild(QWidget, "draftedOnEdit")
    assert drafted.text() == "" and drafted.placeholderText() == "No date"
    subject = editor.properties.form.findChild(QLineEdit, "subjectEdit")
    subject.setFocus()
    qtbot.keyClicks(subject, "Human rights at the summit")
    qtbot.keyClick(subject, Qt.Key.Key_Return)  # the next edit must not write a date
    stored = window.ctx.read(
        lambda s: (get_briefing(s, briefing_id).subject, get_briefing(s, briefing_id).drafted_on)
    )
    assert stored == ("Human rights at the summit", None)
    out = tmp_path / "undated.docx"
    result = export_briefing(window.ctx.store.session, briefing_id, out)
    assert any("no date" in w for w in result.warnings)
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "2000" not in text and "DATE:" not in text


def test_typing_the_drafted_on_date_stores_it_and_clearing_it_unsets_it(sample_window, qtbot):
    window = sample_window
    editor = window.editor
    editor.tabs.setCurrentIndex(1)
    drafted = editor.properties.form.findChild(QWidget, "draftedOnEdit")
    _type_date(qtbot, drafted, "19 Jan 1988", then=Qt.Key.Key_Return)
    briefing_id = editor.briefing_id
    assert window.ctx.read(lambda s: get_briefing(s, briefing_id).drafted_on) == date(1988, 1, 19)
    assert drafted.text() == "1988-01-19"
    _type_date(qtbot, drafted, "not a date", then=Qt.Key.Key_Return)
    assert drafted.text() == "not a date"  # kept as typed, flagged, nothing written
    assert "not a date" in drafted.accessibleDescription()
    assert window.ctx.read(lambda s: get_briefing(s, briefing_id).drafted_on) == date(1988, 1, 19)
    drafted.setFocus()
    qtbot.keyClick(drafted, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(drafted, Qt.Key.Key_Delete)
    qtbot.keyClick(drafted, Qt.Key.Key_Return)
    assert window.ctx.read(lambda s: get_briefing(s, briefing_id).drafted_on) is None
    window.undo_action.trigger()
    assert window.ctx.read(lambda s: get_briefing(s, briefing_id).drafted_on) == date(1988, 1, 19)
    assert drafted.text() == "1988-01-19"


def test_typing_whole_dates_into_the_new_event_dialog_stores_them(sample_window, qtbot):
    window = sample_window

    def fill(dialog: QWidget) -> None:
        title = dialog.findChild(QLineEdit, "titleEdit")
        qtbot.keyClicks(title, "Moscow summit")
        _type_date(qtbot, dialog.findChild(QWidget, "startsOnEdit"), "May 29, 1988")
        _type_date(qtbot, dialog.findChild(QWidget, "endsOnEdit"), "6/2/1988")
        qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)

    done = _in_modal(qtbot, fill)
    window.new_event_action.trigger()
    _check(done)
    event = _event(window, "Moscow summit")
    assert (event.starts_on, event.ends_on) == (date(1988, 5, 29), date(1988, 6, 2))


def test_the_end_date_follows_the_start(sample_window, qtbot):
    window = sample_window
    seen: dict[str, str] = {}

    def fill(dialog: QWidget) -> None:
        starts = dialog.findChild(QWidget, "startsOnEdit")
        ends = dialog.findChild(QWidget, "endsOnEdit")
        qtbot.keyClicks(dialog.findChild(QLineEdit, "titleEdit"), "Vienna follow-up")
        _type_date(qtbot, starts, "1988-01-11")
        _type_date(qtbot, ends, "1988-01-13")  # a three-day meeting …
        _type_date(qtbot, starts, "1988-01-20")  # … moved past its end keeps its length
        seen["moved"] = ends.text()
        _type_date(qtbot, ends, "1988-01-20")  # one day …
        _type_date(qtbot, starts, "1988-01-18")  # … stays one day when the start moves back
        seen["one day"] = ends.text()
        qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)

    done = _in_modal(qtbot, fill)
    window.new_event_action.trigger()
    _check(done)
    assert seen == {"moved": "1988-01-22", "one day": "1988-01-18"}
    event = _event(window, "Vienna follow-up")
    assert (event.starts_on, event.ends_on) == (date(1988, 1, 18), date(1988, 1, 18))


def test_a_date_that_is_not_one_keeps_the_event_dialog_open_and_says_why(
    sample_window, qtbot, modal_dialogs
):
    window = sample_window
    still_open: list[bool] = []

    def fill(dialog: QWidget) -> None:
        qtbot.keyClicks(dialog.findChild(QLineEdit, "titleEdit"), "Nowhere")
        _type_date(qtbot, dialog.findChild(QWidget, "startsOnEdit"), "the 40th of May")
        qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
        still_open.append(dialog.isVisible())

    done = _in_modal(qtbot, fill)
    window.new_event_action.trigger()
    _check(done)
    assert still_open == [True]
    assert any("Start date 'the 40th of May' is not a date" in m for _k, m in modal_dialogs)


def test_typing_a_status_date_stores_it(sample_window, qtbot):
    window = sample_window
    page = window.show_cases()
    page.table.setCurrentIndex(page.model.index(0, 0))
    qtbot.mouseClick(page.findChild(QPushButton, "addStatusButton"), Qt.MouseButton.LeftButton)
    gc.collect()
    dialog = next(d for d in window.findChildren(QDialog) if d.isVisible())
    _type_date(qtbot, dialog.findChild(QWidget, "dateEdit"), "11/17/1987")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "sourceEdit"), "Telephone call")
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    from sqlalchemy import select

    with window.ctx.store.session() as session:
        dates = session.scalars(
            select(CaseStatusEvent.occurred_on).where(CaseStatusEvent.source == "Telephone call")
        ).all()
    assert dates == [date(1987, 11, 17)]


def test_typing_an_observation_date_stores_it(sample_window, qtbot):
    window = sample_window
    page = window.show_page("goals")
    button = page.findChild(QPushButton, "addObservation")
    qtbot.waitUntil(lambda: button.isEnabled())
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    gc.collect()
    dialog = next(d for d in page.findChildren(QDialog) if d.isVisible())
    _type_date(qtbot, dialog.findChild(QWidget, "observationDate"), "March 3, 1988")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "observationValue"), "7")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "observationSource"), "Embassy count")
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    from sqlalchemy import select

    with window.ctx.store.session() as session:
        dates = session.scalars(
            select(Observation.observed_on).where(Observation.source == "Embassy count")
        ).all()
    assert dates == [date(1988, 3, 3)]
