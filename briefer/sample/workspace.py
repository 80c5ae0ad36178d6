"""Build the sample workspace from ``facts`` and ``briefing``, idempotently."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from briefer.errors import ValidationError
from briefer.models import (
    Briefing,
    Case,
    CaseList,
    CaseStatusEvent,
    CounterArgument,
    Event,
    Goal,
    PublicDiplomacyPoint,
    Record,
    TalkingPoint,
)
from briefer.models.store_info import AS_OF_KEY, SAMPLE_KEY
from briefer.sample import briefing as sample_briefing
from briefer.sample import facts
from briefer.services import briefings, cases, events, goals, library
from briefer.store import Store

SAMPLE_BRIEFING_TITLE = sample_briefing.BRIEFING["title"]
_CONTENT_CLASSES: tuple[type[Record], ...] = (
    Event,
    Briefing,
    TalkingPoint,
    CounterArgument,
    PublicDiplomacyPoint,
    Case,
    CaseList,
    Goal,
)


def _count(session: Session, cls: type[Record], *, sample: bool | None = None) -> int:
    query = select(func.count()).select_from(cls)
    if sample is not None:
        query = query.where(cls.sample.is_(sample))
    return session.scalar(query) or 0


def workload_counts(session: Session) -> dict[str, int]:
    """How much the store holds, by the names the CLI and the benchmark report."""
    return {
        "events": _count(session, Event),
        "briefings": _count(session, Briefing),
        "points": _count(session, TalkingPoint),
        "counters": _count(session, CounterArgument),
        "pd": _count(session, PublicDiplomacyPoint),
        "cases": _count(session, Case),
        "status_events": _count(session, CaseStatusEvent),
        "lists": _count(session, CaseList),
        "goals": _count(session, Goal),
    }


def holds_other_data(session: Session) -> bool:
    return any(_count(session, cls, sample=False) for cls in _CONTENT_CLASSES)


def is_empty(session: Session) -> bool:
    return not any(_count(session, cls) for cls in _CONTENT_CLASSES)


def ensure_sample_store(store: Store) -> bool:
    """Make ``store`` the sample workspace; returns True if anything was built.

    Refuses a store that is not the sample workspace and holds anything, so a real library
    can never be polluted by the demo. Running it again on the sample workspace changes
    nothing — also once the person has made events, briefings or cases of their own in it:
    that work stays where it was made and the workspace keeps opening.
    """
    with store.session() as session:
        if not store.is_sample and not is_empty(session):
            raise ValidationError(
                f"{store.target.display} already holds your own data; the sample workspace "
                "lives in a store of its own. Run 'briefer --db NEW_FILE demo' instead."
            )
        if not is_empty(session):
            return False
        build(session)
    store.set_info(SAMPLE_KEY, "1")
    store.set_info(AS_OF_KEY, facts.AS_OF)
    return True


def ensure_large_workload(store: Store) -> bool:
    """Add the benchmark workload to the sample workspace once; True if it was added."""
    from briefer.sample.large import LARGE_KEY, build_large

    ensure_sample_store(store)
    if store.info(LARGE_KEY) == "1":
        return False
    with store.session() as session:
        build_large(session)
    store.set_info(LARGE_KEY, "1")
    return True


# Tags a staffer would put on the sample points: places, fora and recurring themes.
SAMPLE_TAGS = ("Helsinki", "Vienna", "Moscow", "CSCE", "secrecy", "relatives", "release", "reform")


def build(session: Session) -> None:
    event_by_key = _events(session)
    points = [
        library.create_point(
            session,
            topic=t,
            title=title,
            body=body,
            marking=m,
            sample=True,
            reviewed_on="1987-06-01" if i % 5 == 0 else "1987-11-20",
            reviewed_by="EUR/SOV",
            tags=[word for word in SAMPLE_TAGS if word.casefold() in f"{title} {body}".casefold()],
        )
        for i, (t, title, body, m) in enumerate(facts.TALKING_POINTS)
    ]
    counters = [
        library.create_counter(
            session, topic=t, their_point=p, our_response=r, marking=m, sample=True
        )
        for t, p, r, m in facts.COUNTER_ARGUMENTS
    ]
    pd_points = [
        library.create_pd_point(session, topic=t, text=text, cleared_on="1987-12-18", sample=True)
        for t, text in facts.PUBLIC_DIPLOMACY
    ]
    case_by_name = _cases(session, event_by_key)
    lists = _case_lists(session, case_by_name, event_by_key)
    goal_rows = _goals(session)
    _briefing(session, event_by_key, points, counters, pd_points, lists, goal_rows)


def _events(session: Session) -> dict[str, Event]:
    made: dict[str, Event] = {}
    for key, title, kind, starts, ends, location, principal, counterpart, notes in facts.EVENTS:
        event = events.create_event(
            session,
            title=title,
            kind=kind,
            starts_on=starts,
            ends_on=ends,
            location=location,
            principal=principal,
            counterpart=counterpart,
            notes=notes,
            sample=True,
        )
        made[key] = event
    return made


def _case_history(
    session: Session, case: Case, history: list[tuple], events_: dict[str, Event]
) -> None:
    review = events_["case_review"]
    for occurred, status, source, reliability, note in history:
        cases.add_status(
            session,
            case,
            occurred_on=occurred,
            status=status,
            source=source,
            reliability=reliability,
            note=note,
            sample=True,
            event=review if source == facts.CASE_REVIEW else None,
        )


def _cases(session: Session, events_: dict[str, Event]) -> dict[str, Case]:
    made: dict[str, Case] = {}
    real = dict(facts.SHCHARANSKIY)
    history = real.pop("history")
    case = cases.create_case(session, sample=True, **real)
    _case_history(session, case, history, events_)
    made[case.primary_name] = case
    for name, variants, category, location, basis, since, marking, history in facts.FICTIONAL_CASES:
        case = cases.create_case(
            session,
            primary_name=name,
            name_variants=variants,
            category=category,
            location=location,
            legal_basis=basis,
            since=since,
            marking=marking,
            summary=facts.FICTIONAL_NOTE,
            sample=True,
        )
        _case_history(session, case, history, events_)
        made[name] = case
    return made


def _case_lists(
    session: Session, case_by_name: dict[str, Case], events_: dict[str, Event]
) -> dict[str, CaseList]:
    made: dict[str, CaseList] = {}
    for key, name, kind, forum, description, members, presentations in facts.CASE_LISTS:
        case_list = cases.create_list(
            session, name=name, kind=kind, forum=forum, description=description, sample=True
        )
        for member in members:
            cases.add_to_list(session, case_list, case_by_name[member])
        for event_key, presented_on in presentations:
            cases.add_presentation(session, case_list, events_[event_key], presented_on)
        made[key] = case_list
    return made


def _goals(session: Session) -> list[Goal]:
    made = []
    for position, (tier, text, assessment, note, marking, indicators) in enumerate(facts.GOALS):
        goal = goals.create_goal(
            session,
            tier=tier,
            text=text,
            assessment=assessment,
            note=note,
            marking=marking,
            position=position,
            sample=True,
        )
        for name, unit, target, target_note, observations in indicators:
            indicator = goals.add_indicator(
                session,
                goal,
                name=name,
                unit=unit,
                target=target,
                target_note=target_note,
                sample=True,
            )
            for observed_on, value, source, obs_note in observations:
                goals.add_observation(
                    session,
                    indicator,
                    observed_on=observed_on,
                    value=value,
                    source=source,
                    note=obs_note,
                    sample=True,
                )
        made.append(goal)
    return made


def _briefing(
    session: Session,
    events_: dict[str, Event],
    points: list[TalkingPoint],
    counters: list[CounterArgument],
    pd_points: list[PublicDiplomacyPoint],
    lists: dict[str, CaseList],
    goal_rows: list[Goal],
) -> Briefing:
    spec = dict(sample_briefing.BRIEFING)
    book = briefings.create_briefing(session, events_["next_summit"], sample=True, **spec)
    for office, person, status in sample_briefing.CLEARANCES:
        briefings.add_clearance(
            session,
            book,
            office=office,
            person=person,
            status=status,
            cleared_on="1987-12-19" if status == "cleared" else None,
            sample=True,
        )
    point_by_title = {p.title: p for p in points}
    counter_by_text = {c.their_point: c for c in counters}
    for kind, title, intro, content in sample_briefing.SECTIONS:
        case_list = None
        if isinstance(content, tuple) and content[1] == "list":
            case_list = lists[content[2]]
        section = briefings.add_section(
            session, book, kind=kind, title=title, intro=intro, case_list=case_list, sample=True
        )
        sources: list[Any] = []
        if isinstance(content, list):
            for marking, text in content:
                briefings.add_text_item(session, section, text, marking=marking, sample=True)
        elif content[1] == "point":
            sources = [point_by_title[t] for t in content[2]]
        elif content[1] == "counter":
            sources = [counter_by_text[t] for t in content[2]]
        elif content[1] == "pd":
            sources = pd_points
        elif content[1] == "goal":
            sources = goal_rows
        for source in sources:
            briefings.add_item_from_source(session, section, source)
    return book
