"""The Review panel's decisions are undo steps of the briefing, say what they did for long
enough to read, and the panel follows changes made on other pages (issue 13, item 14)."""

from __future__ import annotations

import gc

import pytest

from briefer.gui.qt import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    Qt,
)
from briefer.sample.workspace import SAMPLE_BRIEFING_TITLE
from briefer.services import briefings, cases, library
from briefer.services.carry_forward import carry_forward
from briefer.services.events import get_event

pytestmark = pytest.mark.gui

POINT = "Repeal the relatives' permission requirement"


def _carried_forward(window, *, revise: bool = True) -> str:
    """A briefing carried forward from the sample one, its point's source revised since."""
    with window.store.session() as session:
        event = get_event(session, "Next U.S.–Soviet summit")
        old = briefings.get_briefing(session, SAMPLE_BRIEFING_TITLE)
        new_id = str(carry_forward(session, event, old, title="Moscow book").id)
        if revise:
            point = library.get_point(session, POINT)
            library.update_point(session, point, body="It blocks most applicants.")
    window.open_briefing(new_id)
    return new_id


def _item_text(window, briefing_id: str, item_id: str) -> str | None:
    with window.store.session() as session:
        book = briefings.get_briefing(session, briefing_id)
        found = [i.text for i in book.items if str(i.id) == item_id]
        return found[0] if found else None


def _flag_kinds(panel) -> list[tuple[str, str]]:
    return [
        (panel.tree.topLevelItem(n).text(0), panel.tree.topLevelItem(n).text(1))
        for n in range(panel.tree.topLevelItemCount())
    ]


def test_accept_then_ctrl_z_restores_the_item(sample_window, qtbot):
    window = sample_window
    new_id = _carried_forward(window)
    window.review_action.trigger()
    panel = window.review_dock.widget()
    flag = panel.select_flag("revised", POINT)
    before = _item_text(window, new_id, flag.item_id)
    assert before != "It blocks most applicants."
    count = panel.tree.topLevelItemCount()

    qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)
    assert _item_text(window, new_id, flag.item_id) == "It blocks most applicants."
    assert panel.tree.topLevelItemCount() == count - 1
    assert window.undo_action.isEnabled()
    assert window.undo_action.text().startswith("&Undo Accept review of") or (
        "Accept review" in window.undo_action.text()
    )

    window.undo_action.trigger()  # what Ctrl+Z and Edit → Undo trigger
    assert _item_text(window, new_id, flag.item_id) == before
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == count)
    assert ("Revised", flag.item) in _flag_kinds(panel)

    window.redo_action.trigger()
    assert _item_text(window, new_id, flag.item_id) == "It blocks most applicants."


def test_undo_brings_back_a_removed_closed_case_and_a_kept_flag(sample_window, qtbot, monkeypatch):
    from briefer.gui.qt import QInputDialog

    window = sample_window
    new_id = _carried_forward(window, revise=False)
    panel = window.show_review()
    flag = panel.select_flag("closed", "Grigory Semyonovich Voronel")
    qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)
    assert _item_text(window, new_id, flag.item_id) is None
    window.undo_action.trigger()
    assert _item_text(window, new_id, flag.item_id) is not None  # back, with its id
    qtbot.waitUntil(lambda: ("Closed case", flag.item) in _flag_kinds(panel))

    count = panel.tree.topLevelItemCount()
    panel.select_flag("closed", "Grigory Semyonovich Voronel")
    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *a, **k: ("Still in detention.", True))
    )
    qtbot.mouseClick(panel.keep_button, Qt.MouseButton.LeftButton)
    assert panel.tree.topLevelItemCount() == count - 1
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == count)


def test_the_confirmation_stays_visible_after_the_panel_refreshes(sample_window, qtbot):
    window = sample_window
    _carried_forward(window)
    panel = window.show_review()
    panel.select_flag("revised", POINT)
    qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)
    panel.refresh()  # what any write elsewhere causes
    qtbot.wait(300)
    shown = [
        label.text()
        for label in panel.findChildren(QLabel)
        if label.isVisible() and "Updated" in label.text()
    ]
    assert shown and "from its source" in shown[0], [
        label.text() for label in panel.findChildren(QLabel) if label.isVisible()
    ]


def test_a_status_added_on_the_cases_page_refreshes_the_shown_panel(sample_window, qtbot):
    window = sample_window
    _carried_forward(window, revise=False)
    panel = window.show_review()
    assert ("Status changed", "Tamara Lvovna Reznik") not in _flag_kinds(panel)

    page = window.show_page("cases")
    with window.store.session() as session:
        reznik_id = str(cases.get_case(session, "Tamara Lvovna Reznik").id)
    page.select(reznik_id)
    add = next(
        b
        for b in page.findChildren(QPushButton)
        if b.text().replace("&", "").startswith("Add status")
    )
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    gc.collect()
    dialog = QApplication.activeModalWidget() or next(
        d for d in window.findChildren(QDialog) if d.isVisible()
    )
    dialog.findChild(QComboBox, "statusCombo").setCurrentText("under review")
    dialog.findChild(QLineEdit, "sourceEdit").setText("Embassy")
    ok = dialog.findChild(QDialogButtonBox, "buttonBox").button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()

    qtbot.waitUntil(
        lambda: ("Status changed", "Tamara Lvovna Reznik") in _flag_kinds(panel), timeout=3000
    )
