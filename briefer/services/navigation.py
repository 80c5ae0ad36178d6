"""What the window's navigator lists: events with their briefings, and library counts."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from briefer.models import (
    Briefing,
    Case,
    CaseList,
    CounterArgument,
    Event,
    Goal,
    PublicDiplomacyPoint,
    TalkingPoint,
    Template,
)
from briefer.services.templates import shipped_count


@dataclass(frozen=True)
class EventNode:
    id: str
    title: str
    starts_on: str
    kind: str
    briefings: tuple[tuple[str, str], ...]  # (id, title)


@dataclass(frozen=True)
class Navigation:
    events: tuple[EventNode, ...]
    topics: tuple[tuple[str, int], ...]
    counts: dict[str, int]


def navigation(session: Session) -> Navigation:
    briefings: dict[object, list[tuple[str, str]]] = {}
    for briefing_id, event_id, title in session.execute(
        select(Briefing.id, Briefing.event_id, Briefing.title).order_by(Briefing.created_at)
    ):
        briefings.setdefault(event_id, []).append((str(briefing_id), title))
    events = tuple(
        EventNode(str(e_id), title, starts.isoformat(), kind.value, tuple(briefings.get(e_id, ())))
        for e_id, title, starts, kind in session.execute(
            select(Event.id, Event.title, Event.starts_on, Event.kind).order_by(
                Event.starts_on.desc(), Event.title
            )
        )
    )
    topics = tuple(
        (topic, count)
        for topic, count in session.execute(
            select(TalkingPoint.topic, func.count())
            .group_by(TalkingPoint.topic)
            .order_by(TalkingPoint.topic)
        )
    )

    def count(model: type) -> int:
        return session.scalar(select(func.count()).select_from(model)) or 0

    counts = {
        "point": count(TalkingPoint),
        "counter": count(CounterArgument),
        "pd": count(PublicDiplomacyPoint),
        "case": count(Case),
        "list": count(CaseList),
        "goal": count(Goal),
        "template": shipped_count() + count(Template),  # shipped ones and the store's own
    }
    return Navigation(events, topics, counts)
