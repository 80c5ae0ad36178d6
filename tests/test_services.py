"""Services on both dialects: what a user creates, orders and is refused, in plain Python."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefer import models as m
from briefer.errors import AmbiguousError, NotFoundError, ValidationError
from briefer.services import briefings, cases, events, goals, library, search
from briefer.services.validation import clean_text


@pytest.fixture
def event(store):
    with store.session() as session:
        return events.create_event(
            session,
            title="Washington summit",
            kind="summit",
            starts_on="1987-12-08",
            ends_on="1987-12-10",
        )


def _briefing(store, event, **fields):
    with store.session() as session:
        return briefings.create_briefing(
            session, session.get(m.Event, event.id), title="Human Rights Between Summits", **fields
        )


def test_event_validation_messages_say_what_to_fix(store):
    with store.session() as session:
        with pytest.raises(ValidationError, match="Event kind 'party' is not one of: summit"):
            events.create_event(session, title="X", kind="party", starts_on="1987-12-08")
        with pytest.raises(ValidationError, match="not a date; use YYYY-MM-DD"):
            events.create_event(session, title="X", kind="summit", starts_on="8 Dec")
        with pytest.raises(ValidationError, match="cannot end before it starts"):
            events.create_event(
                session, title="X", kind="summit", starts_on="1987-12-08", ends_on="1987-12-01"
            )
        with pytest.raises(ValidationError, match="Title cannot be empty"):
            events.create_event(session, title="  ", kind="summit", starts_on="1987-12-08")


def test_sections_and_items_keep_their_order_through_moves(store, event):
    book = _briefing(store, event)
    with store.session() as session:
        book = briefings.load_outline(session, book.id)
        first = briefings.add_section(session, book, kind="summary", title="Summary")
        second = briefings.add_section(session, book, kind="talking points", title="Points")
        for text in ("one", "two", "three"):
            briefings.add_text_item(session, second, text, marking="C")
        briefings.move_section(session, second, 0)
        item_three = second.items[2]
        briefings.move_item(session, item_three, second, 0)
        item_two = second.items[2]
        briefings.move_item(session, item_two, first, 0)
    with store.session() as session:
        book = briefings.load_outline(session, book.id)
        assert [s.title for s in book.sections] == ["Points", "Summary"]
        assert [i.text for i in book.sections[0].items] == ["three", "one"]
        assert [i.text for i in book.sections[1].items] == ["two"]
        assert [i.position for i in book.sections[0].items] == [0, 1]


def test_overall_marking_follows_portions_and_never_drops_below_base(store, event):
    book = _briefing(store, event, base_marking="CONFIDENTIAL")
    with store.session() as session:
        book = briefings.load_outline(session, book.id)
        section = briefings.add_section(session, book, kind="background", title="Background")
        item = briefings.add_text_item(session, section, "Plain", marking="U")
        assert str(briefings.briefing_marking(book)) == "CONFIDENTIAL"
        briefings.update_item(session, item, marking="S/NOFORN")
        assert str(briefings.briefing_marking(book)) == "SECRET/NOFORN"
        with pytest.raises(ValidationError, match="Unknown classification 'RESTRICTED'"):
            briefings.update_item(session, item, marking="RESTRICTED")
        assert item.marking == "SECRET/NOFORN"


def test_item_from_library_is_a_linked_snapshot_and_local_edits_are_flagged(store, event):
    book = _briefing(store, event)
    with store.session() as session:
        point = library.create_point(
            session, topic="Radio", title="Jamming", body="RFE/RL is still jammed.", marking="C"
        )
        library.update_point(session, point, body="Jamming of RFE/RL continues.")
        section = briefings.add_section(
            session, briefings.load_outline(session, book.id), kind="talking points", title="Points"
        )
        item = briefings.add_item_from_source(session, section, point)
        assert (item.source_kind, item.source_id, item.source_revision) == ("point", point.id, 2)
        assert item.text == "Jamming of RFE/RL continues." and not item.locally_edited
        library.update_point(session, point, body="Changed in the library later.")
        assert item.text == "Jamming of RFE/RL continues."
        briefings.update_item(session, item, marking="S")
        assert not item.locally_edited
        briefings.update_item(session, item, text="Edited for this summit.")
        assert item.locally_edited


def test_case_list_section_snapshots_each_latest_status(store, event):
    book = _briefing(store, event)
    with store.session() as session:
        case = cases.create_case(session, primary_name="Mikhail Berezin", category="refusenik")
        cases.add_status(
            session,
            case,
            occurred_on="1979-03-01",
            status="refused",
            source="Embassy Moscow",
            reliability="confirmed",
        )
        cases.add_status(
            session,
            case,
            occurred_on="1987-11-17",
            status="under review",
            source="Case review session",
            reliability="counterpart claim",
        )
        cases.add_status(
            session, case, occurred_on="1985-01-01", status="refused", source="NGO report"
        )
        assert case.latest_status.status == "under review"
        case_list = cases.create_list(session, name="Representation list", kind="representation")
        cases.add_to_list(session, case_list, case)
        section = briefings.add_section(
            session,
            briefings.load_outline(session, book.id),
            kind="case list",
            title="Cases",
            case_list=case_list,
        )
        snapshot = section.items[0].snapshot
        assert (snapshot["status"], snapshot["status_on"]) == ("under review", "1987-11-17")
        cases.add_status(
            session, case, occurred_on="1987-12-01", status="emigrated", source="Family"
        )
        assert section.items[0].snapshot["status"] == "under review"


def test_status_vocabulary_and_reliability_are_checked(store):
    with store.session() as session:
        case = cases.create_case(session, primary_name="X", category="refusenik")
        with pytest.raises(ValidationError, match="Status 'vanished' is not one of"):
            cases.add_status(session, case, occurred_on="1987-01-01", status="vanished", source="s")
        with pytest.raises(ValidationError, match="Reliability 'gossip'"):
            cases.add_status(
                session,
                case,
                occurred_on="1987-01-01",
                status="pending",
                source="s",
                reliability="gossip",
            )


def test_case_list_membership_order_and_presentations(store, event):
    with store.session() as session:
        made = [cases.create_case(session, primary_name=n, category="refusenik") for n in "ABCD"]
        case_list = cases.create_list(session, name="Priority", kind="priority", forum="Summit")
        for case in made:
            cases.add_to_list(session, case_list, case)
        cases.move_in_list(session, case_list, made[3], 0)
        cases.remove_from_list(session, case_list, made[1])
        with pytest.raises(ValidationError, match="already on 'Priority'"):
            cases.add_to_list(session, case_list, made[0])
        cases.add_presentation(session, case_list, session.get(m.Event, event.id))
    with store.session() as session:
        case_list = cases.get_list(session, "Priority")
        assert [c.primary_name for c in case_list.cases] == ["D", "A", "C"]
        assert case_list.presentations[0].presented_on.isoformat() == "1987-12-08"


def test_public_diplomacy_points_are_always_unclassified(store):
    with store.session() as session:
        with pytest.raises(ValidationError, match="always UNCLASSIFIED; 'SECRET' is refused"):
            library.create_pd_point(
                session, topic="Summit", text="Top of the agenda.", marking="SECRET"
            )
        point = library.create_pd_point(session, topic="Summit", text="Top of the agenda.")
        with pytest.raises(ValidationError, match="always UNCLASSIFIED"):
            library.update_pd_point(session, point, marking="CONFIDENTIAL/NOFORN")
        assert point.marking == "UNCLASSIFIED"


def test_goals_indicators_and_observations(store):
    with store.session() as session:
        goal = goals.create_goal(
            session, tier="immediate", text="Emigration of 10,000 a year", assessment="progress"
        )
        indicator = goals.add_indicator(
            session, goal, name="Emigration", unit="per month", target=10000 / 12
        )
        goals.add_observation(session, indicator, observed_on="1987-12-19", value=800)
        with pytest.raises(ValidationError, match="'lots' is not a number"):
            goals.add_observation(session, indicator, observed_on="1987-12-19", value="lots")
        with pytest.raises(ValidationError, match="Assessment 'great'"):
            goals.update_goal(session, goal, assessment="great")
        goals.create_goal(session, tier="long-range", text="Helsinki compliance")
    with store.session() as session:
        listed = goals.list_goals(session)
        assert [g.tier for g in listed] == ["immediate", "long-range"]
        assert listed[0].indicators[0].observations[0].value == 800


def test_lookup_by_id_or_exact_title_and_ambiguity_lists_ids(store, event):
    first = _briefing(store, event)
    second = _briefing(store, event)
    with store.session() as session:
        with pytest.raises(AmbiguousError) as raised:
            briefings.get_briefing(session, "Human Rights Between Summits")
        assert {i for i, _ in raised.value.matches} == {str(first.id), str(second.id)}
        assert str(first.id) in str(raised.value)
        assert briefings.get_briefing(session, str(second.id)).id == second.id
        with pytest.raises(NotFoundError, match="No briefing has the id or title 'Nope'"):
            briefings.get_briefing(session, "Nope")


def test_final_briefing_is_read_only_until_set_back_to_draft(store, event):
    book = _briefing(store, event)
    with store.session() as session:
        book = briefings.load_outline(session, book.id)
        briefings.update_briefing(session, book, status="final")
        with pytest.raises(ValidationError, match="is final and read-only"):
            briefings.add_section(session, book, kind="summary", title="Late addition")
        briefings.update_briefing(session, book, status="draft")
        briefings.add_section(session, book, kind="summary", title="Late addition")


def test_search_finds_names_variants_and_filters_by_kind(store):
    with store.session() as session:
        cases.create_case(
            session,
            primary_name="Anatoly Shcharanskiy",
            category="refusenik",
            name_variants=["Sharansky", "Щаранский"],
        )
        library.create_point(
            session, topic="Emigration", title="Sharansky's case", body="Raise it privately first."
        )
    with store.session() as session:
        assert {h.kind for h in search.search(session, "Sharansky")} == {"case", "point"}
        assert [h.kind for h in search.search(session, "Щаранский")] == ["case"]
        assert [h.kind for h in search.search(session, "sharan", ["case"])] == ["case"]
        with pytest.raises(ValidationError, match="Unknown kind"):
            search.search(session, "x", ["memo"])


def test_text_cleaning_strips_control_characters_and_refuses_huge_text():
    assert clean_text("Line\x00one\r\nline\x07two\u200b", "Text") == "Lineone\nlinetwo\u200b"
    assert clean_text("lone \ud800 surrogate", "Text") == "lone  surrogate"
    with pytest.raises(ValidationError, match="the limit is 1,000,000"):
        clean_text("x" * 1_000_001, "Text")


@settings(
    deadline=None, max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(st.characters(codec=None, exclude_categories=()), min_size=1, max_size=300))
def test_any_pasted_text_is_stored_searchable_and_read_back(store, text):
    with store.session() as session:
        point = library.create_point(session, topic="Pasted", title="Pasted text", body=text)
        search.search(session, text)
    with store.session() as session:
        stored = session.get(m.TalkingPoint, point.id)
        assert stored.body == clean_text(text, "Text")
        library.delete_entry(session, stored)


def test_everything_can_be_deleted_and_goals_reordered(store, event):
    with store.session() as session:
        case = cases.create_case(session, primary_name="A", category="refusenik")
        wrong = cases.add_status(
            session, case, occurred_on="1987-12-01", status="released", source="Typo"
        )
        cases.add_status(session, case, occurred_on="1987-01-01", status="refused", source="s")
        cases.delete_status(session, wrong)
        assert case.latest_status.status == "refused"
        case_list = cases.create_list(session, name="L", kind="priority")
        cases.add_to_list(session, case_list, case)
        presentation = cases.add_presentation(session, case_list, session.get(m.Event, event.id))
        cases.delete_presentation(session, presentation)
        assert case_list.presentations == []
        cases.delete_list(session, case_list)
        first = goals.create_goal(session, tier="intermediate", text="First", position=0)
        second = goals.create_goal(session, tier="intermediate", text="Second", position=1)
        goals.move_goal(session, second, 0)
        indicator = goals.add_indicator(session, first, name="Rate", target=5)
        goals.update_indicator(session, indicator, target=6, unit="per month")
        observation = goals.add_observation(session, indicator, observed_on="1987-01-01", value=1)
        goals.delete_observation(session, observation)
        goals.delete_indicator(session, indicator)
    with store.session() as session:
        assert cases.list_lists(session) == []
        assert cases.get_case(session, "A").primary_name == "A"  # cases outlive their lists
        assert [g.text for g in goals.list_goals(session)] == ["Second", "First"]
        assert goals.list_goals(session)[1].indicators == []
        goals.delete_goal(session, goals.list_goals(session)[0])
    with store.session() as session:
        assert [g.text for g in goals.list_goals(session)] == ["First"]
