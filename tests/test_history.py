"""Revisions, diff and restore, review dates, 'used in' — on both dialects."""

from __future__ import annotations

from datetime import date

import pytest

from briefer.errors import NotFoundError
from briefer.sample.workspace import SAMPLE_BRIEFING_TITLE
from briefer.services import briefings, cases, history, library


def test_diff_shows_what_changed_between_any_two_revisions(store):
    with store.session() as session:
        point = library.create_point(
            session, topic="Radio", title="Jamming", body="BBC and VOA are jammed.", marking="C"
        )
        library.update_point(session, point, body="BBC and VOA are no longer jammed.")
        library.update_point(session, point, marking="SECRET")
        text = history.diff(session, point, 1, 3)
    assert "-    BBC and VOA are jammed." in text
    assert "+    BBC and VOA are no longer jammed." in text
    assert "-    CONFIDENTIAL" in text and "+    SECRET" in text
    assert text.startswith("--- revision 1\n+++ revision 3")


def test_restore_writes_a_new_revision_with_the_old_content(store):
    with store.session() as session:
        point = library.create_point(session, topic="T", title="Original", body="First words.")
        library.update_point(session, point, title="Changed", body="Second words.")
        history.restore(session, point, 1)
        assert (point.title, point.body, point.revision) == ("Original", "First words.", 3)
        assert [r.number for r in history.revisions(session, point)] == [1, 2, 3]
        with pytest.raises(NotFoundError, match="Revision 9"):
            history.restore(session, point, 9)


def test_cases_have_the_same_history(store):
    with store.session() as session:
        case = cases.create_case(session, primary_name="Mikhail Berezin", category="refusenik")
        cases.update_case(session, case, name_variants=["Михаил Березин"])
        assert "+    Михаил Березин" in history.diff(session, case, 1, 2)


def test_stale_points_and_marking_reviewed(store):
    with store.session() as session:
        old = library.create_point(session, topic="T", title="Old", reviewed_on="1986-01-01")
        library.create_point(session, topic="T", title="Recent", reviewed_on="1987-11-01")
        never = library.create_point(session, topic="T", title="Never")
        today = date(1987, 12, 20)
        assert {p.title for p in history.stale_points(session, today, 180)} == {"Old", "Never"}
        history.mark_reviewed(session, old, "EUR/SOV", today)
        history.mark_reviewed(session, never, "EUR/SOV", today)
        assert history.stale_points(session, today, 180) == []
        assert old.revision == 1  # a review is not a new revision of the text


def test_used_in_lists_the_briefings_holding_a_copy(sample_store):
    with sample_store.session() as session:
        point = library.get_point(session, "Jamming of RFE/RL continues")
        uses = history.used_in(session, point)
        assert [(u.briefing, u.section, u.revision) for u in uses] == [
            (SAMPLE_BRIEFING_TITLE, "Talking Points for the Secretary", 1)
        ]
        assert briefings.get_briefing(session, uses[0].briefing_id).title == SAMPLE_BRIEFING_TITLE
