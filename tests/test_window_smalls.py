"""Small things a person saw (issue 13, item 19): the navigator's template count, the
drawer saying what each row is, case-list columns shown whole."""

from __future__ import annotations

import pytest

from briefer.services.navigation import navigation


def test_the_navigator_counts_the_shipped_templates(store):
    with store.session() as session:
        assert navigation(session).counts["template"] == 5  # five ship in templates/


@pytest.mark.gui
def test_the_navigator_says_templates_5(sample_window):
    model = sample_window.navigator.model()
    library = model.index(1, 0)
    labels = [model.index(r, 0, library).data() for r in range(model.rowCount(library))]
    assert "Templates (5)" in labels, labels


@pytest.mark.gui
def test_drawer_rows_say_whether_an_entry_is_a_case_or_a_point(sample_window, qtbot):
    window = sample_window
    window.find_action.trigger()
    drawer = window.drawer
    drawer.search.setText("Shcharanskiy")
    qtbot.waitUntil(lambda: [r.kind for r in drawer.model.rows][:1] == ["case"])
    assert drawer.model.index(0).data() == "(C) Case · Anatoly Shcharanskiy"
    drawer.search.setText("Codify the rules on secrecy refusals")
    qtbot.waitUntil(lambda: [r.kind for r in drawer.model.rows][:1] == ["point"])
    assert drawer.model.index(0).data().split(" · ")[0].endswith("Point")


@pytest.mark.gui
def test_case_list_columns_are_not_cut(sample_window, qtbot):
    page = sample_window.show_page("lists")
    # The offscreen screen is 800 px wide: the page gets a desktop's room (1366 px less the
    # navigator) as a person with the navigator closed would, and is laid out on a later turn.
    sample_window.navigator_dock.hide()
    sample_window.resize(1366, 768)
    qtbot.waitUntil(lambda: page.width() > 1000)
    qtbot.wait(50)  # the columns are fitted on the turn after the resize
    for view in (page.lists,):
        header = view.header()
        for column in (1, 2):  # the counts: as wide as their contents
            assert header.sectionSize(column) >= view.sizeHintForColumn(column), column
        assert header.sectionViewportPosition(2) + header.sectionSize(2) <= (
            view.viewport().width()
        )
    members = page.members
    header = members.horizontalHeader()
    last = header.count() - 1
    for column in range(1, last):  # category, status, date: shown whole
        assert header.sectionSize(column) >= members.sizeHintForColumn(column), column
    assert header.sectionViewportPosition(last) + header.sectionSize(last) <= (
        members.viewport().width()
    )
