"""The case table: sort, filter, the status timeline, adding a status — driven as a user would."""

from __future__ import annotations

import gc

import pytest

from briefer.gui.qt import QComboBox, QDialog, QDialogButtonBox, QLineEdit, Qt
from briefer.services.case_table import timeline

pytestmark = pytest.mark.gui


@pytest.fixture
def browser(sample_window):
    sample_window.navigator.library_chosen.emit("case", "")
    return sample_window.case_browser


def _column(browser, name):
    columns = [c for c, _ in browser.model.COLUMNS]
    model = browser.model
    return [model.index(r, columns.index(name)).data() for r in range(model.rowCount())]


def test_the_navigator_opens_every_case_with_its_latest_status(browser):
    assert browser.model.rowCount() == 40
    names = _column(browser, "name")
    row = names.index("Anatoly Shcharanskiy")
    assert _column(browser, "status")[row] == "released"
    assert _column(browser, "status_on")[row] == "1987-09-25"


def test_sorting_by_latest_status_and_filtering(browser, qtbot):
    browser.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)
    statuses = _column(browser, "status")
    assert statuses == sorted(statuses)
    qtbot.keyClicks(browser.filter, "Helsinki")
    assert browser.model.rowCount() == 3
    assert set(_column(browser, "category")) == {"Helsinki monitor"}


def test_selecting_a_case_shows_its_timeline_newest_first(browser):
    browser.select(next(r.id for r in browser.model.rows if r.name == "Pavel Andreyevich Lisitsyn"))
    dates = [
        browser.history.topLevelItem(i).text(0) for i in range(browser.history.topLevelItemCount())
    ]
    assert dates == ["1987-12-01", "1987-11-17", "1982-05-20"]
    assert browser.history.topLevelItem(1).text(3) == "counterpart claim"


def test_adding_a_status_is_one_dialog(browser, qtbot):
    case_id = next(r.id for r in browser.model.rows if r.name == "Semyon Iosifovich Kagan")
    browser.select(case_id)
    qtbot.mouseClick(browser.add_button, Qt.MouseButton.LeftButton)
    gc.collect()  # nothing but the app holds the dialog
    form = next(w for w in browser.findChildren(QDialog) if w.objectName() == "AddStatusDialog")
    form.findChild(QComboBox, "statusCombo").setCurrentText("permission granted")
    form.findChild(QLineEdit, "sourceEdit").setText("Telephone call from the family")
    form.findChild(QComboBox, "reliabilityCombo").setCurrentText("confirmed")
    qtbot.mouseClick(
        form.findChild(QDialogButtonBox, "buttonBox").button(QDialogButtonBox.StandardButton.Ok),
        Qt.MouseButton.LeftButton,
    )
    newest = browser.ctx.read(timeline, case_id)[0]
    assert (newest.status, newest.occurred_on, newest.reliability) == (
        "permission granted",
        "1987-12-20",
        "confirmed",
    )  # the sample's "today"
    assert browser.history.topLevelItem(0).text(1) == "permission granted"
    row = next(r for r in browser.model.rows if r.id == case_id)
    assert row.status == "permission granted"
