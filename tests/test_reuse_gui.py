"""Reuse in the window: a briefing from the template gallery, carry-forward review flags
resolved in the Review panel, Save as Template."""

from __future__ import annotations

import pytest

from briefer.gui.dialogs import NewBriefingDialog
from briefer.gui.outline_model import ID_ROLE
from briefer.gui.qt import QComboBox, QDialogButtonBox, QInputDialog, QLabel, Qt
from briefer.sample.workspace import SAMPLE_BRIEFING_TITLE
from briefer.services import briefings, cases, library
from briefer.services.carry_forward import carry_forward
from briefer.services.events import get_event

pytestmark = pytest.mark.gui


def _ok(qtbot, dialog):
    button = dialog.dialog.findChild(QDialogButtonBox, "buttonBox").button(
        QDialogButtonBox.StandardButton.Ok
    )
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_briefing_from_the_template_gallery(sample_window, qtbot):
    window = sample_window
    dialog = NewBriefingDialog(window.ctx, window)
    names = [dialog.gallery.item(n).text() for n in range(dialog.gallery.count())]
    assert names[0] == "Blank briefing" and names[-1] == "Carry forward a previous briefing"
    assert "Country action plan (cable)" in names
    dialog.choose("Country action plan (cable)")
    description = dialog.child(QLabel, "descriptionLabel").text()
    assert "Sections: Purpose, US Objectives, Recommendations." in description
    assert not dialog.child(QComboBox, "memoKindCombo").isEnabled()  # the template says
    dialog.dialog.show()
    _ok(qtbot, dialog)
    assert dialog.dialog.result() == 1, "the dialog should close on OK"
    window.open_briefing(dialog.result)
    outline = window.editor.model.data_
    assert [s.title for s in outline.sections] == ["Purpose", "US Objectives", "Recommendations"]
    assert outline.title == "Country action plan (cable) — Next U.S.–Soviet summit"
    with window.store.session() as session:
        book = briefings.get_briefing(session, dialog.result)
        assert (book.memo_kind.value, book.base_marking, book.tags) == (
            "cable",
            "CONFIDENTIAL",
            "SHUM, PINT, UR, US",
        )
        assert book.sections[2].items[-1].title == "Raise cases privately first"


def test_resolve_review_flags_in_the_panel(sample_window, qtbot, monkeypatch):
    window = sample_window
    with window.store.session() as session:
        event = get_event(session, "Next U.S.–Soviet summit")
        old = briefings.get_briefing(session, SAMPLE_BRIEFING_TITLE)
        new_id = str(carry_forward(session, event, old, title="Moscow book").id)
        point = library.get_point(session, "Repeal the relatives' permission requirement")
        library.update_point(session, point, body="It blocks most applicants.")
        reznik = cases.get_case(session, "Tamara Lvovna Reznik")
        cases.add_status(
            session, reznik, occurred_on="1987-12-18", status="under review", source="Embassy"
        )
    window.open_briefing(new_id)
    panel = window.show_review()
    assert window.review_dock.isVisible()
    assert panel.tree.topLevelItemCount() == 6
    assert panel.summary.text().startswith("<b>6 item(s) need a look</b>")

    flag = panel.select_flag("revised", "Repeal the relatives' permission requirement")
    assert "+    It blocks most applicants." in panel.detail.toPlainText()
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    assert window.editor.tree.currentIndex().data(ID_ROLE) == flag.item_id  # shown in the outline
    qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)
    assert panel.tree.topLevelItemCount() == 5
    with window.store.session() as session:
        item = next(
            i for i in briefings.get_briefing(session, new_id).items if str(i.id) == flag.item_id
        )
        assert item.text == "It blocks most applicants."

    panel.select_flag("status-changed", "Tamara Lvovna Reznik")
    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *a, **k: ("Asked again in May.", True))
    )
    qtbot.mouseClick(panel.keep_button, Qt.MouseButton.LeftButton)
    assert panel.tree.topLevelItemCount() == 4
    panel.select_flag("closed", "Grigory Semyonovich Voronel")
    qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)
    assert panel.tree.topLevelItemCount() == 3
    titles = [
        window.editor.model.index(r, 0, window.editor.model.index(s, 0)).data()
        for s in range(window.editor.model.rowCount())
        for r in range(window.editor.model.rowCount(window.editor.model.index(s, 0)))
    ]
    assert not any("Voronel" in (t or "") for t in titles)  # the outline shows the removal


def test_save_as_template_from_the_window(sample_window, monkeypatch):
    window = sample_window
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("Our book", True)))
    template_id = window.save_as_template()
    dialog = NewBriefingDialog(window.ctx, window)
    names = [dialog.gallery.item(n).text() for n in range(dialog.gallery.count())]
    assert template_id and "Our book" in names
