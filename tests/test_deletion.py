"""Deleting and renaming whole records (services.deletion), on both dialects: what goes with
a record, what stays as a local copy, and a restore that writes back identical rows."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from briefer.errors import ConflictError, NotFoundError, ValidationError
from briefer.models import (
    Base,
    BriefingItem,
    BriefingVersion,
    Case,
    CaseListEntry,
    CaseStatusEvent,
    Revision,
    TalkingPoint,
)
from briefer.sample.workspace import SAMPLE_BRIEFING_TITLE
from briefer.services import cases, deletion, library
from briefer.services.briefings import get_briefing
from briefer.services.search import search
from briefer.services.versions import set_status

USED_POINT = "Keep the lists few, small and accurate"  # a point the sample briefing holds


def _every_row(store) -> dict[str, dict[object, dict[str, object]]]:
    """Every row of every table, by primary key: what "identical after a restore" means."""
    found: dict[str, dict[object, dict[str, object]]] = {}
    with store.session() as session:
        for table in Base.metadata.sorted_tables:
            keys = [c.name for c in table.primary_key.columns]
            found[table.name] = {
                tuple(row[k] for k in keys): dict(row)
                for row in session.execute(select(table)).mappings()
            }
    return found


def _id_of(store, kind: str, title: str) -> str:
    with store.session() as session:
        return str(deletion.find_record(session, kind, title).id)


def _items_from(store, source_id: str) -> list[BriefingItem]:
    with store.session() as session:
        wanted = BriefingItem.source_id == uuid.UUID(source_id)
        return list(session.scalars(select(BriefingItem).where(wanted)))


def test_a_point_used_in_a_briefing_stays_there_as_an_unlinked_copy(sample_store):
    point_id = _id_of(sample_store, "point", USED_POINT)
    copies = _items_from(sample_store, point_id)
    assert copies, "the sample briefing holds a copy of this point"
    with sample_store.session() as session:
        impact = deletion.preview(session, "point", point_id)
    assert impact.kept_in == (SAMPLE_BRIEFING_TITLE,)
    assert SAMPLE_BRIEFING_TITLE in impact.confirmation()
    assert "revision" in impact.confirmation()
    before = _every_row(sample_store)

    with sample_store.session() as session:
        done = deletion.delete_record(session, "point", point_id)
    assert SAMPLE_BRIEFING_TITLE in done.impact.summary()
    with sample_store.session() as session:
        assert session.get(TalkingPoint, uuid.UUID(point_id)) is None
        assert not session.scalars(
            select(Revision).where(Revision.entity_id == uuid.UUID(point_id))
        ).all()
        assert not [h for h in search(session, USED_POINT, ["point"]) if str(h.id) == point_id]
        for copy in copies:
            kept = session.get(BriefingItem, copy.id)
            assert kept is not None
            assert (kept.text, kept.title, kept.source_kind) == (
                copy.text,
                copy.title,
                copy.source_kind,
            )
            assert kept.source_id is None and kept.locally_edited

    with sample_store.session() as session:
        deletion.restore_deleted(session, done.snapshot)
    assert _every_row(sample_store) == before
    with sample_store.session() as session:
        assert [h for h in search(session, USED_POINT, ["point"]) if str(h.id) == point_id]


def test_a_briefing_takes_its_versions_and_a_restore_brings_back_identical_rows(sample_store):
    with sample_store.session() as session:
        briefing = get_briefing(session, SAMPLE_BRIEFING_TITLE)
        set_status(session, briefing, "in clearance")  # freezes version 1
        briefing_id = str(briefing.id)
    before = _every_row(sample_store)
    with sample_store.session() as session:
        impact = deletion.preview(session, "briefing", briefing_id)
    assert any("1 version" in said for said in impact.goes_with), impact.goes_with
    assert any("sections" in said and "items" in said for said in impact.goes_with)

    with sample_store.session() as session:
        done = deletion.delete_record(session, "briefing", briefing_id)
    with sample_store.session() as session:
        assert session.scalars(select(BriefingVersion)).all() == []
        assert session.scalars(select(BriefingItem)).all() == []
        with pytest.raises(NotFoundError):
            get_briefing(session, briefing_id)

    with sample_store.session() as session:
        deletion.restore_deleted(session, done.snapshot)
    assert _every_row(sample_store) == before
    with sample_store.session() as session, pytest.raises(ConflictError):
        deletion.restore_deleted(session, done.snapshot)  # a second undo changes nothing


def test_a_case_takes_its_statuses_and_places_on_lists(sample_store):
    with sample_store.session() as session:
        entry = session.scalars(select(CaseListEntry)).first()
        case = session.get(Case, entry.case_id)
        case_id, statuses = str(case.id), len(case.status_events)
        assert statuses
    before = _every_row(sample_store)
    with sample_store.session() as session:
        impact = deletion.preview(session, "case", case_id)
    said = "; ".join(impact.goes_with)
    assert f"{statuses} status" in said and "case list" in said

    with sample_store.session() as session:
        done = deletion.delete_record(session, "case", case_id)
    with sample_store.session() as session:
        assert session.get(Case, entry.case_id) is None
        assert not session.scalars(
            select(CaseStatusEvent).where(CaseStatusEvent.case_id == entry.case_id)
        ).all()
        assert not session.scalars(
            select(CaseListEntry).where(CaseListEntry.case_id == entry.case_id)
        ).all()
    with sample_store.session() as session:
        deletion.restore_deleted(session, done.snapshot)
    assert _every_row(sample_store) == before


@pytest.mark.parametrize(
    ("kind", "listing"),
    [("event", "events"), ("counter", "counters"), ("pd", "pd"), ("list", "lists")],
)
def test_every_other_kind_is_deleted_and_restored_exactly(sample_store, kind, listing):
    from briefer.cli import _rows

    with sample_store.session() as session:
        rows = _rows(listing, session)
    before = _every_row(sample_store)
    for row in rows:
        with sample_store.session() as session:
            done = deletion.delete_record(session, kind, row["id"])
        with sample_store.session() as session, pytest.raises(NotFoundError):
            deletion.find_record(session, kind, row["id"])
        with sample_store.session() as session:
            deletion.restore_deleted(session, done.snapshot)
        assert _every_row(sample_store) == before, f"{kind} {row['title']}"


def test_an_event_takes_its_briefings_with_it(sample_store):
    with sample_store.session() as session:
        event_id = str(get_briefing(session, SAMPLE_BRIEFING_TITLE).event_id)
        impact = deletion.preview(session, "event", event_id)
    assert f"its 1 briefing '{SAMPLE_BRIEFING_TITLE}'" in impact.confirmation()
    with sample_store.session() as session:
        deletion.delete_record(session, "event", event_id)
    with sample_store.session() as session, pytest.raises(NotFoundError):
        get_briefing(session, SAMPLE_BRIEFING_TITLE)


def test_a_list_restored_after_one_of_its_cases_was_deleted_comes_back_without_it(store):
    with store.session() as session:
        kept = cases.create_case(session, primary_name="Ida Nudel", category="refusenik")
        gone = cases.create_case(session, primary_name="Yosef Begun", category="prisoner")
        listed = cases.create_list(session, name="Priority", kind="priority")
        cases.add_to_list(session, listed, kept)
        cases.add_to_list(session, listed, gone)
        list_id, gone_id = str(listed.id), str(gone.id)
    with store.session() as session:
        removed_list = deletion.delete_record(session, "list", list_id)
    with store.session() as session:
        deletion.delete_record(session, "case", gone_id)
    with store.session() as session:
        restored = deletion.restore_deleted(session, removed_list.snapshot)
        assert restored.skipped
    with store.session() as session:
        assert [c.primary_name for c in cases.get_list(session, list_id).cases] == ["Ida Nudel"]


def test_rename_each_kind_and_refuse_what_the_rules_refuse(sample_store):
    renames = [
        ("point", USED_POINT, "Few, small and accurate lists"),
        ("case", "Anatoly Shcharanskiy", "Natan Sharansky (Shcharanskiy)"),
        ("briefing", SAMPLE_BRIEFING_TITLE, "Between the summits"),
    ]
    for kind, old, new in renames:
        with sample_store.session() as session:
            renamed = deletion.rename_record(session, kind, old, new)
        assert renamed.changed and renamed.summary() == (
            f"Renamed the {deletion.KINDS[kind].noun} '{old}' to '{new}'."
        )
        with sample_store.session() as session:
            assert deletion.find_record(session, kind, new)
    with sample_store.session() as session:
        point = library.get_point(session, "Few, small and accurate lists")
        assert point.revision == 2  # a rename of a library entry is a revision
    with sample_store.session() as session, pytest.raises(ValidationError, match="empty"):
        deletion.rename_record(session, "event", "Washington summit", "   ")
    with sample_store.session() as session:
        first, second = session.scalars(select(Case).order_by(Case.primary_name).limit(2))
        with pytest.raises(ValidationError, match="already has the name"):
            deletion.rename_record(session, "case", str(second.id), first.primary_name.upper())
    with sample_store.session() as session:
        set_status(session, get_briefing(session, "Between the summits"), "final")
    with sample_store.session() as session, pytest.raises(ValidationError, match="final"):
        deletion.rename_record(session, "briefing", "Between the summits", "Anything")
