"""The services behind the window's library, list, review and goal pages — on both dialects."""

from __future__ import annotations

from datetime import date

import pytest

from briefer.errors import EditConflict, ValidationError
from briefer.services import entry_forms as ef
from briefer.services import goals, history, list_page
from briefer.services import review_session as rs
from briefer.services.cases import get_list
from briefer.services.hygiene import check_lists

TODAY = date(1987, 12, 20)


def test_one_form_description_serves_every_library_kind(store):
    with store.session() as session:
        for kind in ("point", "counter", "pd", "case"):
            form = ef.blank_form(kind)
            values = dict(form.values)
            first = ef.ENTRY_KINDS[kind].fields[0].name
            values[first] = "Emigration" if kind != "case" else "Ida Nudel"
            for field in ef.ENTRY_KINDS[kind].fields:
                if field.widget == "markdown" and not values[field.name]:
                    values[field.name] = "Some **text**."
            if kind == "point":
                values["title"] = "Exit visas"
            saved = ef.save_form(session, form, values)
            assert saved.id is not None and saved.revision == 1
            assert ef.load_form(session, kind, saved.id).values[first] == values[first]


def test_an_unchanged_save_writes_no_revision_and_a_stale_one_is_refused(store):
    with store.session() as session:
        form = ef.save_form(
            session,
            ef.blank_form("point"),
            {**ef.blank_form("point").values, "topic": "Travel", "title": "Exit", "body": "One."},
        )
        same = ef.save_form(session, form, dict(form.values))
        assert same.revision == 1
        changed = ef.save_form(session, form, {**form.values, "body": "Two."})
        assert changed.revision == 2
        with pytest.raises(EditConflict, match="Someone else saved this talking point") as c:
            ef.save_form(session, form, {**form.values, "body": "Three."})  # seen version 1
        assert c.value.fields == {"body": ("Text", "Two.", "Three.")}
        assert ef.load_form(session, "point", form.id).values["body"] == "Two."
        resolved = ef.resolve_conflict(session, form, {**form.values, "body": "Two and three."})
        assert (resolved.revision, resolved.values["body"]) == (3, "Two and three.")


def test_the_form_refuses_a_classified_public_diplomacy_point(store):
    with store.session() as session:
        values = {**ef.blank_form("pd").values, "topic": "Summit", "text": "Public words."}
        form = ef.save_form(session, ef.blank_form("pd"), values)
        with pytest.raises(ValidationError, match="always UNCLASSIFIED; 'SECRET' is refused"):
            ef.save_form(session, form, {**form.values, "marking": "SECRET"})
        with pytest.raises(ValidationError, match="'CONFIDENTIAL' is refused"):
            ef.save_form(session, ef.blank_form("pd"), {**values, "marking": "CONFIDENTIAL"})
        assert ef.load_form(session, "pd", form.id).values["marking"] == "UNCLASSIFIED"


def test_rows_filter_by_topic_marking_tag_and_staleness(sample_store):
    with sample_store.session() as session:
        every = ef.entry_rows(session, "point", today=TODAY, stale_days=180)
        stale = ef.entry_rows(session, "point", today=TODAY, stale_days=180, stale_only=True)
        fresh = ef.entry_rows(session, "point", today=TODAY, stale_days=365, stale_only=True)
        tagged = ef.entry_rows(session, "point", today=TODAY, stale_days=180, tag="release")
        secret = ef.entry_rows(session, "point", today=TODAY, stale_days=180, marking="SECRET")
        emigration = ef.entry_rows(
            session, "point", today=TODAY, stale_days=180, group="Emigration"
        )
        found = ef.facets(session, "point")
    assert len(every) == 35
    assert stale and all(r.reviewed_on == "1987-06-01" for r in stale)  # 202 days before
    assert fresh == []
    assert tagged and all("release" in r.tags.split(", ") for r in tagged)
    assert secret and all(r.marking.startswith("SECRET") for r in secret)
    assert emigration and {r.group for r in emigration} == {"Emigration"}
    assert "Emigration" in found.groups and "release" in found.tags


def test_revision_rows_say_what_each_revision_changed(store):
    with store.session() as session:
        form = ef.save_form(
            session,
            ef.blank_form("counter"),
            {**ef.blank_form("counter").values, "topic": "Reform", "their_point": "We changed."},
        )
        ef.save_form(session, form, {**form.values, "our_response": "Changes must last."})
        rows = history.revision_rows(session, ef.get_entry(session, "counter", form.id))
    assert [(r.number, r.changed) for r in rows] == [(2, "our response"), (1, "created")]


def test_reordering_a_list_by_id_and_its_warnings(sample_store):
    with sample_store.session() as session:
        list_id = str(get_list(session, "All known refuseniks").id)
        before = list_page.list_detail(session, list_id, TODAY)
        first = before.members[0]
        list_page.move_member(session, list_id, first.case_id, 3)
        after = list_page.list_detail(session, list_id, TODAY)
        rows = list_page.list_rows(session, TODAY)
    assert [m.name for m in after.members][3] == first.name
    assert [m.name for m in after.members][:3] == [m.name for m in before.members][1:4]
    assert {w.rule for w in after.warnings} >= {"closed-but-listed", "no-recent-update"}
    assert [p.event for p in after.presentations] == ["Vienna CSCE follow-up meeting"]
    assert next(r for r in rows if r.id == list_id).warnings == len(after.warnings)
    with sample_store.session() as session:  # one list's warnings are those of the full check
        every = check_lists(session, TODAY)
        for row in list_page.list_rows(session, TODAY):
            detail = list_page.list_detail(session, row.id, TODAY)
            assert list(detail.warnings) == [w for w in every if w.list == row.name]


def test_a_review_session_in_one_pass_is_all_or_nothing(sample_store):
    with sample_store.session() as session:
        event_id = next(e for e, t, _d in rs.review_events(session) if "Moscow" in t)
        rows = rs.session_rows(session, event_id)
        unanswered = [r for r in rows if not r.reply_status and r.known_status]
        target = next(r for r in unanswered if r.known_status != "released")
        before = len(rs.event_discrepancies(session, event_id))
        with pytest.raises(ValidationError, match="not a date"):
            rs.record_replies(
                session,
                event_id,
                [
                    rs.ReplyInput(target.case_id, "released"),
                    rs.ReplyInput(unanswered[-1].case_id, "released", on="17.11"),
                ],
            )
    with sample_store.session() as session:  # the refused pass wrote nothing
        assert len(rs.event_discrepancies(session, event_id)) == before
        found = rs.record_replies(session, event_id, [rs.ReplyInput(target.case_id, "released")])
        again = rs.session_rows(session, event_id)
    assert len(found) == before + 1
    assert any(d.case == target.name and d.reply == "released" for d in found)
    assert next(r for r in again if r.case_id == target.case_id).reply_status == "released"


def test_goal_rows_carry_each_indicator_series_and_new_observations(sample_store):
    with sample_store.session() as session:
        rows = goals.goal_rows(session)
        emigration = next(g for g in rows if "10,000" in g.text)
        indicator = emigration.indicators[0]
        goals.observe(session, indicator.id, "1987-12-15", "900", "Embassy Moscow")
        goals.assess_goal(session, emigration.id, "slight progress", "Numbers are falling.")
        with pytest.raises(ValidationError, match="not a number"):
            goals.observe(session, indicator.id, "1987-12-16", "many", "Rumour")
        updated = next(g for g in goals.goal_rows(session) if g.id == emigration.id)
    order = ("immediate", "intermediate", "long-range")
    assert [g.tier for g in rows] == sorted((g.tier for g in rows), key=order.index)
    assert indicator.series.target == indicator.target
    assert len(updated.indicators[0].series.points) == len(indicator.series.points) + 1
    assert ("1987-12-15", 900) in [
        (o.observed_on, o.value) for o in updated.indicators[0].observations
    ]
    assert (updated.assessment, updated.note) == ("slight progress", "Numbers are falling.")


def test_case_rows_give_each_case_its_newest_status_and_lists(sample_store):
    from briefer.services.case_table import case_rows
    from briefer.services.cases import get_case

    with sample_store.session() as session:
        rows = case_rows(session)
        lisitsyn = next(r for r in rows if r.name == "Pavel Andreyevich Lisitsyn")
        case = get_case(session, lisitsyn.id)  # the row's id is the case's id
        latest = case.latest_status
        assert (lisitsyn.status, lisitsyn.status_on, lisitsyn.source) == (
            latest.status,
            latest.occurred_on.isoformat(),
            latest.source,
        )
    assert len(rows) == 40 and len({r.id for r in rows}) == 40
    assert "Political and religious prisoners" in lisitsyn.lists.split("; ")
    assert [r.name for r in rows] == sorted(r.name for r in rows)
