"""Delete and Rename in the window, as a person uses them: the key or the context-menu action
on the list that shows the record, the confirmation, and Ctrl+Z on the page that is shown.
Also the outline's own Delete: the item editor moves on, and typing is never lost."""

from __future__ import annotations

import gc
import uuid

import pytest
from sqlalchemy import select

from briefer.gui.qt import QAction, QMessageBox, Qt
from briefer.models import BriefingItem, Case, CaseList, TalkingPoint
from briefer.sample.workspace import SAMPLE_BRIEFING_TITLE
from briefer.services.briefings import get_briefing

pytestmark = pytest.mark.gui

USED_POINT = "Keep the lists few, small and accurate"


@pytest.fixture
def answer_yes(monkeypatch):
    """Every question is answered Yes; the list holds what each one asked."""
    asked: list[str] = []

    def question(*args: object, **_kwargs: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


def _action(view, name: str) -> QAction:
    (found,) = [a for a in view.actions() if a.objectName() == name]
    return found


def _press(qtbot, widget, key) -> None:
    widget.setFocus()
    gc.collect()
    qtbot.keyClick(widget, key)


def test_delete_a_point_on_the_library_page_names_its_briefing_and_undo_restores_it(
    sample_window, qtbot, answer_yes
):
    window = sample_window
    page = window.show_page("library")
    row = next(r for r in page.model.rows if r.title == USED_POINT)
    assert page.select(row.id)
    point_id = uuid.UUID(row.id)
    with window.store.session() as session:
        linked = select(BriefingItem).where(BriefingItem.source_id == point_id)
        copies = {item.id: item.text for item in session.scalars(linked)}
    assert copies

    _press(qtbot, page.table, Qt.Key.Key_Delete)

    assert len(answer_yes) == 1
    assert f"Delete the talking point '{USED_POINT}'?" in answer_yes[0]
    assert f"'{SAMPLE_BRIEFING_TITLE}'" in answer_yes[0]
    assert "local copy" in answer_yes[0]
    with window.store.session() as session:
        assert session.get(TalkingPoint, point_id) is None
        for item_id, text in copies.items():  # the briefing keeps its copy, unlinked
            kept = session.get(BriefingItem, item_id)
            assert (kept.text, kept.source_id, kept.locally_edited) == (text, None, True)
    assert USED_POINT not in [r.title for r in page.model.rows]
    assert window.undo_action.isEnabled()
    assert "Delete talking point" in window.undo_action.text()

    window.undo_action.trigger()  # Edit → Undo, with the Library page shown

    with window.store.session() as session:
        assert session.get(TalkingPoint, point_id) is not None
        assert set(session.scalars(linked.with_only_columns(BriefingItem.id))) == set(copies)
    assert USED_POINT in [r.title for r in page.model.rows]
    window.redo_action.trigger()  # and Edit → Redo deletes it again
    with window.store.session() as session:
        assert session.get(TalkingPoint, point_id) is None
    assert USED_POINT not in [r.title for r in page.model.rows]


def test_rename_a_point_with_f2_and_undo(sample_window, qtbot, monkeypatch):
    from briefer.gui.qt import QInputDialog

    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *a, **k: ("Few and small lists", True))
    )
    window = sample_window
    page = window.show_page("library")
    row = next(r for r in page.model.rows if r.title == USED_POINT)
    assert page.select(row.id)
    _press(qtbot, page.table, Qt.Key.Key_F2)
    assert "Few and small lists" in [r.title for r in page.model.rows]
    window.undo_action.trigger()
    assert USED_POINT in [r.title for r in page.model.rows]


def test_deleting_the_open_briefing_from_the_navigator_empties_the_editor_and_undo_restores(
    sample_window, qtbot, answer_yes
):
    window = sample_window
    navigator = window.navigator
    briefing_id = window.editor.briefing_id
    navigator.select_briefing(briefing_id)
    assert navigator.current_record() == ("briefing", briefing_id)

    _press(qtbot, navigator, Qt.Key.Key_Delete)

    assert "sections" in answer_yes[0] and "clearances" in answer_yes[0]
    assert window.editor.briefing_id is None and not window.editor.isEnabled()
    with window.store.session() as session:
        assert session.scalars(select(BriefingItem)).all() == []
    window.undo_action.trigger()  # on the briefing tab: the empty editor's history
    with window.store.session() as session:
        assert get_briefing(session, SAMPLE_BRIEFING_TITLE)
    navigator.select_briefing(briefing_id)
    assert navigator.current_record() == ("briefing", briefing_id)


def test_delete_a_case_and_a_case_list_by_their_actions(sample_window, answer_yes):
    window = sample_window
    cases_page = window.show_page("cases")
    with window.store.session() as session:
        case = session.scalars(select(Case).order_by(Case.primary_name)).first()
        case_id, name = str(case.id), case.primary_name
    cases_page.select(case_id)
    gc.collect()
    _action(cases_page.table, "deleteRecord").trigger()
    assert f"Delete the case '{name}'?" in answer_yes[-1] and "status" in answer_yes[-1]
    assert cases_page.model.row_of(case_id) == -1
    window.undo_action.trigger()
    assert cases_page.model.row_of(case_id) >= 0

    lists_page = window.show_page("lists")
    list_id = lists_page.detail.id
    gc.collect()
    _action(lists_page.lists, "deleteRecord").trigger()
    assert "the cases stay in the library" in answer_yes[-1]
    with window.store.session() as session:
        assert session.get(CaseList, uuid.UUID(list_id)) is None
    window.undo_action.trigger()
    with window.store.session() as session:
        assert session.get(CaseList, uuid.UUID(list_id)) is not None


def test_after_delete_in_the_outline_typing_goes_to_the_next_item_and_nothing_is_lost(
    sample_window, qtbot, modal_dialogs
):
    window = sample_window
    editor = window.editor
    section = next(s for s in editor.model.data_.sections if len(s.items) >= 2)
    doomed, following = section.items[0], section.items[1]
    editor.select_record(doomed.id)
    assert editor.item_editor.text.toPlainText() == doomed.text

    _press(qtbot, editor.tree, Qt.Key.Key_Delete)

    assert editor.item_editor.text.toPlainText() == following.text
    text = editor.item_editor.text
    text.setFocus()
    text.moveCursor(text.textCursor().MoveOperation.End)
    qtbot.keyClicks(text, " Typed after the delete.")
    editor.flush_typing()  # what the typing pause does
    assert not [m for m in modal_dialogs if "no longer exists" in m[1]], modal_dialogs
    with window.store.session() as session:
        assert session.get(BriefingItem, uuid.UUID(doomed.id)) is None
        saved = session.get(BriefingItem, uuid.UUID(following.id))
        assert saved.text == following.text + " Typed after the delete."


def test_an_item_deleted_elsewhere_while_typing_is_not_an_error(
    sample_window, qtbot, modal_dialogs
):
    from briefer.services import outline

    window = sample_window
    editor = window.editor
    section = next(s for s in editor.model.data_.sections if len(s.items) >= 2)
    doomed = section.items[0]
    editor.select_record(doomed.id)
    qtbot.keyClicks(editor.item_editor.text, "half a sentence")
    window.ctx.write(outline.delete_item, doomed.id)  # another window deletes it meanwhile
    editor.flush_typing()
    assert not [m for m in modal_dialogs if "no longer exists" in m[1]], modal_dialogs
    assert editor.model.index_of(doomed.id).isValid() is False


def test_deleting_the_open_briefing_shows_another_and_undo_there_brings_it_back(
    sample_window, qtbot, answer_yes
):
    from briefer.services.briefings import create_briefing

    window = sample_window
    first = window.editor.briefing_id

    def second_briefing(session):
        event = get_briefing(session, first).event
        return str(create_briefing(session, event, title="A second book").id)

    second = window.ctx.write(second_briefing)
    window.ctx.records_changed.emit("briefing")  # as the New Briefing dialog's refill does
    window.navigator.select_briefing(first)

    _press(qtbot, window.navigator, Qt.Key.Key_Delete)

    assert window.editor.briefing_id == second
    assert "Delete briefing" in window.undo_action.text()
    window.undo_action.trigger()
    with window.store.session() as session:
        assert str(get_briefing(session, SAMPLE_BRIEFING_TITLE).id) == first
    assert window.editor.briefing_id == second  # the person stays where they are
