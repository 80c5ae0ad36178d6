"""The editor's id-based services: every change and its undo, on both dialects."""

from __future__ import annotations

from briefer.sample.workspace import SAMPLE_BRIEFING_TITLE
from briefer.services import briefings, library, outline


def _ids(sample_store):
    with sample_store.session() as session:
        book = briefings.get_briefing(session, SAMPLE_BRIEFING_TITLE)
        return str(book.id)


def test_outline_rows_carry_markings_and_sources(sample_store):
    briefing_id = _ids(sample_store)
    with sample_store.session() as session:
        data = outline.outline(session, briefing_id)
    assert data.marking == "SECRET/SENSITIVE"
    assert len(data.sections) == 12
    points = next(s for s in data.sections if s.kind == "talking points")
    assert all(i.source_kind == "point" and i.source_revision == 1 for i in points.items)


def test_delete_and_restore_item_keeps_id_and_position(sample_store):
    briefing_id = _ids(sample_store)
    with sample_store.session() as session:
        section = outline.outline(session, briefing_id).sections[2]
        victim = section.items[1]
        saved = outline.delete_item(session, victim.id)
    with sample_store.session() as session:
        assert victim.id not in [
            i.id for i in outline.outline(session, briefing_id).sections[2].items
        ]
        outline.restore_item(session, saved)
    with sample_store.session() as session:
        restored = outline.outline(session, briefing_id).sections[2].items
        assert [i.id for i in restored][1] == victim.id
        assert restored[1].text == victim.text and restored[1].marking == victim.marking


def test_move_item_returns_its_origin_for_undo(sample_store):
    briefing_id = _ids(sample_store)
    with sample_store.session() as session:
        data = outline.outline(session, briefing_id)
        item = data.sections[1].items[0]
        origin = outline.move_item(session, item.id, data.sections[3].id, 2)
    assert origin == (data.sections[1].id, 0)
    with sample_store.session() as session:
        moved = outline.outline(session, briefing_id)
        assert moved.sections[3].items[2].id == item.id
        outline.move_item(session, item.id, *origin)
    with sample_store.session() as session:
        assert outline.outline(session, briefing_id).sections[1].items[0].id == item.id


def test_delete_and_restore_a_whole_section(sample_store):
    briefing_id = _ids(sample_store)
    with sample_store.session() as session:
        before = outline.outline(session, briefing_id)
        snapshot = outline.delete_section(session, before.sections[4].id)
    with sample_store.session() as session:
        assert len(outline.outline(session, briefing_id).sections) == 11
        outline.restore_section(session, snapshot)
    with sample_store.session() as session:
        after = outline.outline(session, briefing_id)
    assert after == before


def test_add_from_library_and_local_edit_flag(sample_store):
    briefing_id = _ids(sample_store)
    with sample_store.session() as session:
        point = library.list_points(session)[0]
        section = outline.outline(session, briefing_id).sections[3]
        row = outline.add_from_source(session, section.id, "point", str(point.id), index=0)
        assert (row.source_kind, row.source_id, row.locally_edited) == (
            "point",
            str(point.id),
            False,
        )
        edited = outline.update_item(session, row.id, text="Edited for this summit.")
        assert edited.locally_edited
        marked = outline.update_item(session, row.id, marking="TOP SECRET")
    assert marked.marking == "TOP SECRET"
    with sample_store.session() as session:
        assert outline.outline(session, briefing_id).marking == "TOP SECRET/SENSITIVE"


def test_drawer_rows_filter_by_kind_topic_and_marking(sample_store):
    from briefer.services.drawer import drawer_rows

    with sample_store.session() as session:
        everything = drawer_rows(session, "emigration")
        assert {r.kind for r in everything} >= {"point", "counter"}
        points = drawer_rows(session, "emigration", kind="point", topic="Emigration")
        assert points and all(r.kind == "point" and r.topic == "Emigration" for r in points)
        secret = drawer_rows(session, "", kind="point", marking="SECRET")
        assert secret and all(r.marking.startswith("SECRET") for r in secret)
        cases = drawer_rows(session, "Sharansky", kind="case")
        assert [r.title for r in cases] == ["Anatoly Shcharanskiy"]
