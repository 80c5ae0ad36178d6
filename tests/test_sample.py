"""The sample workspace: built from the papers' facts, kept apart from real work."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from briefer import models as m
from briefer.errors import ValidationError
from briefer.sample.workspace import SAMPLE_BRIEFING_TITLE, ensure_sample_store
from briefer.services import briefings, cases, events, goals, library
from briefer.store import Store


def _count(session, cls):
    return session.scalar(select(func.count()).select_from(cls))


def test_sample_content_counts(sample_store):
    with sample_store.session() as session:
        points = library.list_points(session)
        assert len(points) >= 30 and len({p.topic for p in points}) >= 8
        assert len(library.list_counters(session)) >= 10
        assert len(library.list_pd_points(session)) == 6
        assert _count(session, m.Case) >= 40
        assert len(cases.list_lists(session)) >= 3
        assert all(cl.presentations for cl in cases.list_lists(session))
        assert {g.tier.value for g in goals.list_goals(session)} == {
            "immediate",
            "intermediate",
            "long-range",
        }


def test_every_sample_record_is_tagged_and_the_store_is_frozen_in_1987(sample_store):
    assert sample_store.is_sample
    assert sample_store.today() == date(1987, 12, 20)
    with sample_store.session() as session:
        for cls in (
            m.Event,
            m.Briefing,
            m.Section,
            m.BriefingItem,
            m.TalkingPoint,
            m.Case,
            m.CaseStatusEvent,
            m.CaseList,
            m.CaseListEntry,
            m.Goal,
            m.Observation,
            m.Clearance,
            m.Revision,
        ):
            assert (
                session.scalar(select(func.count()).select_from(cls).where(cls.sample.is_(False)))
                == 0
            ), cls.__name__


def test_sample_briefing_uses_every_section_kind_and_is_secret_sensitive(sample_store):
    with sample_store.session() as session:
        book = briefings.get_briefing(session, SAMPLE_BRIEFING_TITLE)
        assert {s.kind for s in book.sections} == set(m.SectionKind)
        assert str(briefings.briefing_marking(book)) == "SECRET/SENSITIVE"
        assert book.classified_by and book.classification_reason and book.declassify_on
        assert book.drafted_on == date(1987, 12, 19)
        assert [c.office for c in book.clearances] == ["EUR/SOV/SOVI", "EUR/SOV", "EUR/RPM", "EUR"]


def test_facts_from_the_papers(sample_store):
    with sample_store.session() as session:
        shcharanskiy = cases.get_case(session, "Anatoly Shcharanskiy")
        assert "Щаранский" in shcharanskiy.name_variants
        assert shcharanskiy.latest_status.status == "released"
        washington = events.get_event(session, "Washington summit")
        assert (washington.starts_on, washington.ends_on) == (date(1987, 12, 8), date(1987, 12, 10))
        emigration = next(g for g in goals.list_goals(session) if "10,000" in g.text)
        indicator = emigration.indicators[0]
        assert round(indicator.target * 12) == 10000
        assert [o.value for o in indicator.observations] == [800.0, 800.0]
        pd_texts = [p.text for p in library.list_pd_points(session)]
        assert "Human rights was at the top of our agenda for the summit." in pd_texts
        fictional = [
            c for c in cases.list_cases(session) if c.primary_name != "Anatoly Shcharanskiy"
        ]
        assert all(c.summary.startswith("Fictional sample case") for c in fictional)


def test_demo_is_idempotent(sample_store):
    with sample_store.session() as session:
        before = _count(session, m.TalkingPoint)
    assert ensure_sample_store(sample_store) is False
    with sample_store.session() as session:
        assert _count(session, m.TalkingPoint) == before


def test_demo_refuses_a_store_holding_real_work(store):
    with store.session() as session:
        library.create_point(session, topic="Real", title="A real point")
    with pytest.raises(ValidationError, match="already holds your own data"):
        ensure_sample_store(store)
    with store.session() as session:
        assert _count(session, m.TalkingPoint) == 1
        assert _count(session, m.Event) == 0
    assert not store.is_sample


def test_large_workload_is_deterministic_in_shape(tmp_path):
    from briefer.sample.large import LARGE_BRIEFING_TITLE
    from briefer.sample.workspace import ensure_large_workload, workload_counts

    with Store.open(tmp_path / "large.db") as store:
        assert ensure_large_workload(store) is True
        assert ensure_large_workload(store) is False
        with store.session() as session:
            counts = workload_counts(session)
        with store.session() as session:
            book = briefings.get_briefing(session, LARGE_BRIEFING_TITLE)
            table = next(s for s in book.sections if s.kind == m.SectionKind.CASE_LIST)
            assert len(book.sections) == 40 and len(table.items) == 1000
            assert len(book.items) - len(table.items) >= 600
    assert counts["points"] >= 10_000 and counts["cases"] >= 5_000
    assert counts["status_events"] >= 20_000 and counts["lists"] >= 50
    assert counts["briefings"] >= 200
