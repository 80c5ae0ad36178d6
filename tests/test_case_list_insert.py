"""Case lists go into a briefing from the window, and a section refuses, with the reason, an
item its kind cannot hold or an entry it already holds (issue 13, items 6 and 19).

The rule lives in ``services.outline`` (the CLI and the window share it); the window is
driven as a person drives it: the drawer's search and Enter, a real drop on the outline,
the Case lists page's button; outcomes are read from the store and the exported file."""

from __future__ import annotations

import gc
from datetime import date

import pytest
from docx import Document

from briefer.errors import ValidationError
from briefer.gui.qt import QApplication, QPushButton, Qt
from briefer.services import outline
from briefer.services.exports import export_briefing
from briefer.services.library import list_points
from briefer.services.list_page import list_rows

PRIORITY = "Priority cases for the next summit"
REPRESENTATION = "Representation list: divided families and separated spouses"
PRIORITY_CASES = [
    "Mikhail Abramovich Berezin",
    "Semyon Iosifovich Kagan",
    "Raisa Davidovna Shifrina",
]


def _stored(window):
    return window.ctx.read(outline.outline, window.editor.briefing_id)


def _select(window, section: int, item: int | None = None) -> None:
    model = window.editor.model
    index = model.index(section, 0)
    if item is not None:
        index = model.index(item, 0, index)
    window.editor.tree.setCurrentIndex(index)


def _case_tables(window, tmp_path) -> list[list[str]]:
    """The names in every case table of the exported paper (python-docx)."""
    out = tmp_path / "book.docx"
    export_briefing(window.ctx.store.session, window.editor.briefing_id, out)
    tables = [t for t in Document(str(out)).tables if len(t.columns) == 5]
    # A row's name cell begins with its portion mark, "(C) Mikhail Abramovich Berezin".
    return [[row.cells[0].text.split(") ", 1)[-1] for row in t.rows[1:]] for t in tables]


def _insert_button(page) -> QPushButton:
    button = page.findChild(QPushButton, "insertList")
    assert button is not None, "the Case lists page has no 'Insert into briefing' button"
    return button


def _list_id(window, name: str) -> str:
    return next(
        r.id for r in window.ctx.read(list_rows, window.ctx.store.today()) if r.name == name
    )


# ------------------------------------------------------------------ the rule, in the core


def test_a_case_list_section_refuses_a_talking_point_and_says_why(sample_store):
    with sample_store.session() as session:
        briefing_id = outline.outline(session, _sample_id(session)).briefing_id
        data = outline.outline(session, briefing_id)
        cases = next(s for s in data.sections if s.kind == "case list")
        point = list_points(session)[0]
        with pytest.raises(ValidationError, match="holds cases only") as refused:
            outline.add_from_source(session, cases.id, "point", str(point.id))
        assert "blank row" in str(refused.value)
        with pytest.raises(ValidationError, match="holds cases only"):
            outline.add_text(session, cases.id, "A paragraph.", "UNCLASSIFIED")
        talking = next(s for s in data.sections if s.kind == "talking points")
        with pytest.raises(ValidationError, match="holds cases only"):
            outline.move_item(session, talking.items[0].id, cases.id, 0)
        counter = next(s for s in data.sections if s.kind == "counter-arguments").items[0]
        with pytest.raises(ValidationError, match="counter-arguments section"):
            outline.move_item(session, counter.id, talking.id, 0)
    with sample_store.session() as session:
        assert outline.outline(session, briefing_id) == data  # nothing was written


def test_the_same_entry_is_not_inserted_twice_into_a_section(sample_store):
    with sample_store.session() as session:
        data = outline.outline(session, _sample_id(session))
        talking = next(s for s in data.sections if s.kind == "talking points")
        present = talking.items[0]
        with pytest.raises(ValidationError, match="already in this section"):
            outline.add_from_source(session, talking.id, "point", str(present.source_id))
        elsewhere = next(s for s in data.sections if s.kind == "objectives")
        outline.add_from_source(session, elsewhere.id, "point", str(present.source_id))


def test_a_case_list_goes_in_whole_once_and_undo_takes_it_back(sample_store):
    with sample_store.session() as session:
        briefing_id = _sample_id(session)
        before = outline.outline(session, briefing_id)
        list_id = next(r.id for r in list_rows(session, date(1987, 12, 20)) if r.name == PRIORITY)
        done = outline.insert_case_list(session, briefing_id, list_id, before.sections[3].id)
        after = outline.outline(session, briefing_id)
        assert done.created and after.sections[4].id == done.section_id
        assert after.sections[4].kind == "case list" and after.sections[4].title == PRIORITY
        assert [i.title for i in after.sections[4].items][:3] == PRIORITY_CASES
        with pytest.raises(ValidationError, match="already in this briefing"):
            outline.insert_case_list(session, briefing_id, list_id)
        snapshot = outline.delete_section(session, done.section_id)
        assert outline.outline(session, briefing_id) == before
        outline.restore_section(session, snapshot)
        assert outline.outline(session, briefing_id) == after


def _sample_id(session) -> str:
    from briefer.sample.workspace import SAMPLE_BRIEFING_TITLE
    from briefer.services.briefings import get_briefing

    return str(get_briefing(session, SAMPLE_BRIEFING_TITLE).id)


# ------------------------------------------------------------------ the window


@pytest.mark.gui
def test_insert_a_case_list_from_the_drawer_makes_a_case_table(sample_window, qtbot, tmp_path):
    window = sample_window
    tables_before = _case_tables(window, tmp_path)
    _select(window, 3)
    drawer = window.drawer
    drawer.kind.setCurrentIndex(drawer.kind.findData("list"))
    qtbot.keyClicks(drawer.search, "priority")
    qtbot.waitUntil(lambda: [r.title for r in drawer.model.rows] == [PRIORITY])
    assert drawer.model.rows[0].kind == "list"
    drawer.results.setFocus()
    drawer.results.setCurrentIndex(drawer.model.index(0))
    qtbot.keyClick(drawer.results, Qt.Key.Key_Return)
    section = _stored(window).sections[4]
    assert (section.kind, section.title) == ("case list", PRIORITY)
    assert window.editor.undo_stack.undoText() == "Insert case list"
    tables = _case_tables(window, tmp_path)
    assert len(tables) == len(tables_before) + 1
    assert tables[0][:3] == PRIORITY_CASES and all(tables[0])  # no blank row
    window.undo_action.trigger()
    assert _case_tables(window, tmp_path) == tables_before
    window.redo_action.trigger()
    assert _stored(window).sections[4].id == section.id


@pytest.mark.gui
def test_insert_a_case_list_from_the_case_lists_page(sample_window, qtbot, tmp_path):
    window = sample_window
    page = window.show_page("lists")
    row = next(
        page.lists.topLevelItem(n)
        for n in range(page.lists.topLevelItemCount())
        if page.lists.topLevelItem(n).text(0) == PRIORITY
    )
    page.lists.setCurrentItem(row)
    gc.collect()
    qtbot.mouseClick(_insert_button(page), Qt.MouseButton.LeftButton)
    assert window.workspace_tabs.currentWidget() is window.editor
    titles = [s.title for s in _stored(window).sections]
    assert titles.count(PRIORITY) == 1
    assert [names[:3] for names in _case_tables(window, tmp_path)][-1] == PRIORITY_CASES


@pytest.mark.gui
def test_a_case_list_already_in_the_briefing_is_refused_with_the_reason(
    sample_window, qtbot, modal_dialogs
):
    window = sample_window
    page = window.show_page("lists")
    page.select_list(
        _list_id(window, "Representation list: divided families and separated spouses")
    )
    before = _stored(window)
    qtbot.mouseClick(_insert_button(page), Qt.MouseButton.LeftButton)
    assert _stored(window) == before
    assert any("already in this briefing" in message for _kind, message in modal_dialogs)


@pytest.mark.gui
def test_dropping_a_talking_point_on_a_case_list_section_is_refused_with_the_reason(
    sample_window, qtbot, modal_dialogs
):
    from tests.test_workspace_gui import _drop

    window = sample_window
    drawer = window.drawer
    drawer.kind.setCurrentIndex(drawer.kind.findData("point"))
    qtbot.keyClicks(drawer.search, "Codify the rules on secrecy refusals")
    qtbot.waitUntil(lambda: drawer.model.rowCount() > 0)
    before = _stored(window)
    case_section = next(n for n, s in enumerate(before.sections) if s.kind == "case list")
    mime = drawer.model.mimeData([drawer.model.index(0)])
    _drop(window.editor.tree, mime, window.editor.model.index(case_section, 0))
    QApplication.processEvents()
    assert _stored(window) == before
    reasons = [m for _kind, m in modal_dialogs if "holds cases only" in m]
    assert reasons and "blank row" in reasons[0]


@pytest.mark.gui
def test_moving_a_talking_point_into_a_case_list_section_is_refused(
    sample_window, qtbot, modal_dialogs
):
    from tests.test_workspace_gui import _drop

    window = sample_window
    before = _stored(window)
    model = window.editor.model
    case_section = next(n for n, s in enumerate(before.sections) if s.kind == "case list")
    source = model.index(0, 0, model.index(3, 0))  # the first talking point
    _drop(window.editor.tree, model.mimeData([source]), model.index(case_section, 0))
    assert _stored(window) == before
    assert any("holds cases only" in m for _kind, m in modal_dialogs)


@pytest.mark.gui
def test_inserting_an_entry_twice_into_a_section_is_flagged(sample_window, qtbot, modal_dialogs):
    window = sample_window
    before = _stored(window)
    present = before.sections[3].items[0]
    _select(window, 3, 0)
    drawer = window.drawer
    drawer.kind.setCurrentIndex(drawer.kind.findData("point"))
    qtbot.keyClicks(drawer.search, present.title)
    qtbot.waitUntil(lambda: any(r.id == present.source_id for r in drawer.model.rows))
    row = next(n for n, r in enumerate(drawer.model.rows) if r.id == present.source_id)
    drawer.results.setFocus()
    drawer.results.setCurrentIndex(drawer.model.index(row))
    qtbot.keyClick(drawer.results, Qt.Key.Key_Return)
    assert _stored(window) == before
    assert any("already in this section" in m for _kind, m in modal_dialogs)
