"""Undo acts on the page that is shown, and the library, case-list and goal pages save as
the briefing editor does: as the person types, without a Save button or an "Unsaved
changes" question, each save a step of that page's undo stack."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from briefer.gui.conflict_dialog import ConflictDialog
from briefer.services import entry_forms as ef
from briefer.services import goals as goal_service
from briefer.services import list_page, outline
from briefer.store import Store

pytestmark = pytest.mark.gui

POINT = "Emigration has reached a plateau"


def _click_tab(qtbot, window, label):
    """Click a workspace tab as a person would (its label without the mnemonic)."""
    bar = window.workspace_tabs.tabBar()
    index = next(i for i in range(bar.count()) if bar.tabText(i).replace("&", "") == label)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert window.workspace_tabs.currentIndex() == index
    return window.pages.get(
        {"Library": "library", "Case lists": "lists", "Goals": "goals"}.get(label, ""),
    )


def _click_row(qtbot, view, index):
    view.scrollTo(index)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )


def _undo_text(window):
    return window.undo_action.text().replace("&", "")


def _stored_point(store, point_id):
    with store.session() as session:
        return ef.load_form(session, "point", point_id).values["body"]


def _type_at_end(qtbot, widget, text):
    widget.setFocus()
    widget.moveCursor(widget.textCursor().MoveOperation.End)
    qtbot.keyClicks(widget, text)


def _first_item(editor):
    section = editor.model.index(0, 0)
    editor.tree.setCurrentIndex(editor.model.index(0, 0, section))
    return editor.current_item


def test_with_the_library_shown_undo_names_and_reverts_the_library_edit(sample_window, qtbot):
    window = sample_window
    editor = window.editor
    item = _first_item(editor)
    editor.item_editor.text.setPlainText("Words for the briefing.")
    editor.flush_typing()
    assert _undo_text(window) == "Undo Edit text"

    page = _click_tab(qtbot, window, "Library")
    row = next(r for r in page.model.rows if r.title == POINT)
    _click_row(qtbot, page.table, page.model.index(page.model.row_of(row.id), 1))
    original = page.editor.value("body")
    _type_at_end(qtbot, page.editor.inputs["body"], " Words for the library.")
    qtbot.waitUntil(lambda: not page.editor.is_dirty)  # saved after the typing pause
    assert _stored_point(window.store, row.id) == original + " Words for the library."
    assert _undo_text(window) == f"Undo Edit talking point '{POINT}'"

    window.undo_action.trigger()
    assert _stored_point(window.store, row.id) == original
    assert page.editor.value("body") == original
    with window.store.session() as session:  # the briefing, not shown, is left alone
        assert outline.item(session, item.id).text == "Words for the briefing."
    window.redo_action.trigger()
    assert _stored_point(window.store, row.id) == original + " Words for the library."

    _click_tab(qtbot, window, "Briefing")
    assert _undo_text(window) == "Undo Edit text"
    window.undo_action.trigger()
    with window.store.session() as session:
        assert outline.item(session, item.id).text == item.text
    assert _stored_point(window.store, row.id) == original + " Words for the library."


def test_a_library_entry_left_mid_typing_is_saved_without_a_question(
    sample_window, qtbot, modal_dialogs
):
    window = sample_window
    page = _click_tab(qtbot, window, "Library")
    assert page.findChild(object, "saveEntry") is None  # no Save button to forget
    first, second = page.model.rows[0], page.model.rows[1]
    _click_row(qtbot, page.table, page.model.index(0, 1))
    original = page.editor.value("body")
    _type_at_end(qtbot, page.editor.inputs["body"], " Typed, then left.")
    _click_row(qtbot, page.table, page.model.index(1, 1))  # at once, before the pause
    assert modal_dialogs == []
    assert page.editor.form.id == second.id
    assert _stored_point(window.store, first.id) == original + " Typed, then left."

    window.undo_action.trigger()  # the page shows the entry whose edit it undid
    assert _stored_point(window.store, first.id) == original
    assert page.editor.form.id == first.id and page.editor.value("body") == original


def test_a_new_library_entry_is_saved_once_it_can_be_and_undo_removes_it(sample_window, qtbot):
    window = sample_window
    page = _click_tab(qtbot, window, "Library")
    count = len(page.model.rows)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.editor.inputs["topic"], "Emigration")
    qtbot.keyClicks(page.editor.inputs["title"], "A point typed from scratch")
    qtbot.keyClicks(page.editor.inputs["body"], "Its text.")
    page.flush_typing()  # as leaving the page does
    assert len(page.model.rows) == count + 1
    created = page.editor.form.id
    assert created is not None and _stored_point(window.store, created) == "Its text."
    assert _undo_text(window) == "Undo Add talking point 'A point typed from scratch'"
    window.undo_action.trigger()
    assert len(page.model.rows) == count
    with window.store.session() as session, pytest.raises(Exception, match=r"no longer|not"):
        ef.load_form(session, "point", created)


def _list_name(store, list_id):
    with store.session() as session:
        return list_page.list_fields(session, list_id)


def test_a_case_list_header_saves_as_typed_and_undoes(sample_window, qtbot, modal_dialogs):
    window = sample_window
    page = _click_tab(qtbot, window, "Case lists")
    assert page.findChild(object, "saveList") is None
    tree = page.lists
    tree.setCurrentItem(tree.topLevelItem(0))
    first = page.detail
    page.name_edit.setFocus()
    page.name_edit.selectAll()
    qtbot.keyClicks(page.name_edit, "Renamed by typing")
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Down)  # another list, before the pause
    assert modal_dialogs == []
    assert page.detail.id != first.id
    assert _list_name(window.store, first.id)["name"] == "Renamed by typing"
    names = [tree.topLevelItem(n).text(0) for n in range(tree.topLevelItemCount())]
    assert "Renamed by typing" in names and first.name not in names
    assert _undo_text(window) == f"Undo Edit list '{first.name}'"
    window.undo_action.trigger()
    assert _list_name(window.store, first.id)["name"] == first.name
    assert page.detail.id == first.id and page.name_edit.text() == first.name


def test_a_stale_case_list_save_shows_both_and_loses_nothing(
    sample_window, qtbot, monkeypatch, modal_dialogs
):
    window = sample_window
    page = _click_tab(qtbot, window, "Case lists")
    page.lists.setCurrentItem(page.lists.topLevelItem(0))
    shown = page.detail
    colleague = Store.open(window.store.target.url, auto_backup=False)
    try:
        with colleague.session() as session:
            list_page.update_list(session, shown.id, name="Their name")
    finally:
        colleague.close()
    seen = []

    def take_theirs(dialog):
        seen.append(dialog)
        qtbot.mouseClick(dialog.take_button, Qt.MouseButton.LeftButton)
        return 1

    monkeypatch.setattr(ConflictDialog, "exec", take_theirs)
    page.forum_edit.setFocus()
    page.forum_edit.selectAll()
    qtbot.keyClicks(page.forum_edit, "Vienna follow-up")
    page.save_header()  # as leaving the row does
    assert len(seen) == 1 and set(seen[0].conflict.fields) == {"name"}
    stored = _list_name(window.store, shown.id)
    assert stored["name"] == "Their name" and stored["forum"] == "Vienna follow-up"
    assert page.name_edit.text() == "Their name"
    assert page.forum_edit.text() == "Vienna follow-up"


def _assessment(store, goal_id):
    with store.session() as session:
        return goal_service.assessment_fields(session, goal_id)


def test_a_goal_assessment_saves_as_typed_and_undoes(sample_window, qtbot, modal_dialogs):
    window = sample_window
    page = _click_tab(qtbot, window, "Goals")
    assert page.findChild(object, "saveAssessment") is None
    goal = page.goal
    assert goal is not None
    _type_at_end(qtbot, page.note, " Noted while typing.")
    qtbot.waitUntil(lambda: not page._assessment_changes())
    assert _assessment(window.store, goal.id)["note"] == goal.note + " Noted while typing."
    other = next(g for g in page.goals if g.id != goal.id)
    page.select_goal(other.id)
    assert modal_dialogs == []
    assert _undo_text(window).startswith("Undo Assess goal")
    window.undo_action.trigger()
    assert _assessment(window.store, goal.id)["note"] == goal.note
    assert page.goal.id == goal.id and page.note.toPlainText() == goal.note


def test_undo_that_restores_the_library_text_clears_the_edited_mark(sample_window, qtbot):
    window = sample_window
    editor = window.editor
    found = None
    for s in range(editor.model.rowCount()):
        section = editor.model.index(s, 0)
        for i in range(editor.model.rowCount(section)):
            row = editor.model.row_for(editor.model.index(i, 0, section))
            if row.source_kind and not row.locally_edited:
                found = editor.model.index(i, 0, section)
                break
        if found is not None:
            break
    assert found is not None
    editor.tree.setCurrentIndex(found)
    item = editor.current_item
    _type_at_end(qtbot, editor.item_editor.text, " My words.")
    editor.flush_typing()
    assert "edited for this briefing" in editor.item_editor.source.text()
    window.undo_action.trigger()
    with window.store.session() as session:
        restored = outline.item(session, item.id)
    assert restored.text == item.text and not restored.locally_edited
    assert "as in the library" in editor.item_editor.source.text()
