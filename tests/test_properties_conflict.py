"""Two windows on one store: a briefing property or a clearance saved from the stale one is
refused, nothing is written, and both values are shown to choose from (issue 13, item 18).
On SQLite and PostgreSQL for the services; two windows on one SQLite file for the GUI."""

from __future__ import annotations

import gc

import pytest

from briefer.errors import EditConflict
from briefer.gui.qt import QApplication, QLineEdit, QPlainTextEdit, Qt, QTimer
from briefer.sample.workspace import SAMPLE_BRIEFING_TITLE
from briefer.services import briefings, outline
from briefer.store import Store


@pytest.fixture
def colleague(sample_store):
    """The same store opened a second time: another window, or a colleague's machine."""
    other = Store.open(sample_store.target.url, auto_backup=False)
    yield other
    other.close()


def _book(store):
    with store.session() as session:
        book = briefings.get_briefing(session, SAMPLE_BRIEFING_TITLE)
        rows = outline.clearances(session, str(book.id))
        return str(book.id), book.subject, rows


def test_a_stale_property_save_is_refused_with_both_values(sample_store, colleague):
    from briefer.services import properties  # new with this change

    briefing_id, seen, _rows = _book(sample_store)
    with colleague.session() as session:
        properties.update_property_from(session, briefing_id, "subject", seen, "Theirs")
    with sample_store.session() as session, pytest.raises(EditConflict) as refused:
        properties.update_property_from(session, briefing_id, "subject", seen, "Mine")
    assert refused.value.fields == {"subject": ("Subject", "Theirs", "Mine")}
    assert _book(sample_store)[1] == "Theirs"  # nothing written


def test_a_property_nobody_else_changed_is_saved(sample_store, colleague):
    from briefer.services import properties  # new with this change

    briefing_id, seen, _rows = _book(sample_store)
    with colleague.session() as session:  # another field changed elsewhere: no conflict
        properties.update_property_from(session, briefing_id, "to_line", "", "The Secretary")
    with sample_store.session() as session:
        properties.update_property_from(session, briefing_id, "subject", seen, "Mine")
    assert _book(sample_store)[1] == "Mine"


def test_a_stale_clearance_save_is_refused_with_both_values(sample_store, colleague):
    from briefer.services import properties  # new with this change

    briefing_id, _subject, rows = _book(sample_store)
    if not rows:
        with sample_store.session() as session:
            outline.add_clearance(session, briefing_id, "EUR/SOV")
        rows = _book(sample_store)[2]
    row = rows[0]
    with colleague.session() as session:
        properties.update_clearance_from(session, row.id, "person", row.person, "J. Theirs")
    with sample_store.session() as session, pytest.raises(EditConflict) as refused:
        properties.update_clearance_from(session, row.id, "person", row.person, "J. Mine")
    assert refused.value.fields == {"person": ("Person", "J. Theirs", "J. Mine")}
    assert _book(sample_store)[2][0].person == "J. Theirs"


@pytest.fixture
def two_windows(qtbot, sample_window):
    """A second window on the same SQLite file as ``sample_window`` (its own StoreContext)."""
    from briefer.gui.main_window import MainWindow

    other = MainWindow()
    qtbot.addWidget(other)
    other.resize(1400, 900)
    other.show()
    other.attach(Store.open(sample_window.store.target.url, auto_backup=False), is_sample=True)
    other.open_briefing(SAMPLE_BRIEFING_TITLE)
    yield sample_window, other
    other.close()
    other.store.close()


def _properties(window):
    editor = window.editor
    editor.tabs.setCurrentWidget(editor.properties_tab)
    return editor.properties_tab


def _type_subject(qtbot, window, text):
    edit = _properties(window).findChild(QLineEdit, "subjectEdit")
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


@pytest.mark.gui
@pytest.mark.parametrize("button", ["keepMine", "takeTheirs"])
def test_the_stale_window_shows_the_conflict_dialog(two_windows, qtbot, button):
    first, second = two_windows
    _properties(second)  # the second window shows the properties as they were
    _type_subject(qtbot, first, "Saved in the first window")
    assert _book(first.store)[1] == "Saved in the first window"

    seen: dict[str, object] = {}

    def answer(tries: int = 40) -> None:
        gc.collect()
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog.objectName() != "conflictDialog":
            if tries:  # not up (yet): look again shortly, for two seconds at most
                QTimer.singleShot(50, lambda: answer(tries - 1))
            return
        seen["theirs"] = dialog.findChild(QPlainTextEdit, "theirs_subject").toPlainText()
        seen["mine"] = dialog.findChild(QPlainTextEdit, "mine_subject").toPlainText()
        seen["stored"] = _book(first.store)[1]  # nothing written before the choice
        qtbot.mouseClick(_button(dialog, button), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)
    _type_subject(qtbot, second, "Saved in the second window")
    qtbot.wait(100)
    assert seen == {
        "theirs": "Saved in the first window",
        "mine": "Saved in the second window",
        "stored": "Saved in the first window",
    }
    expected = {
        "keepMine": "Saved in the second window",
        "takeTheirs": "Saved in the first window",
    }[button]
    assert _book(first.store)[1] == expected
    shown = _properties(second).findChild(QLineEdit, "subjectEdit").text()
    assert shown == expected  # the stale window now shows what the store holds


def _button(dialog, name):
    from briefer.gui.qt import QPushButton

    return dialog.findChild(QPushButton, name)
