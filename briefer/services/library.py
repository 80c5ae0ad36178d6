"""The reusable library: talking points, counter-arguments, public-diplomacy points.

Revisions are written by the ORM hook in ``models.revisions``: a service only changes
fields, and every revising change leaves history behind.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from briefer.errors import ValidationError
from briefer.markings import default_scheme
from briefer.models import CounterArgument, PublicDiplomacyPoint, Revision, TalkingPoint
from briefer.services import validation as v
from briefer.services.lookup import resolve


def _tags(value: Any) -> list[str]:
    if value is None:
        return []
    items = value.split(",") if isinstance(value, str) else list(value)
    cleaned = [" ".join(v.clean_text(item, "Tag", max_length=60).split()) for item in items]
    return sorted({tag for tag in cleaned if tag}, key=str.casefold)


_POINT_RULES = {
    "topic": lambda x: v.required_text(x, "Topic", max_length=120),
    "title": lambda x: v.required_text(x, "Title"),
    "body": lambda x: v.clean_text(x, "Text"),
    "marking": v.marking,
    "tags": _tags,
    "reviewed_on": lambda x: v.optional_date(x, "Reviewed on"),
    "reviewed_by": lambda x: v.clean_text(x, "Reviewed by", max_length=120) or None,
    "sample": bool,
}

_COUNTER_RULES = {
    "topic": lambda x: v.required_text(x, "Topic", max_length=120),
    "their_point": lambda x: v.required_text(x, "They may say", max_length=v.MAX_TEXT),
    "our_response": lambda x: v.clean_text(x, "We respond"),
    "marking": v.marking,
    "sample": bool,
}


def _unclassified_only(value: Any) -> str:
    marking = default_scheme().parse(v.clean_text(value, "Marking", max_length=80))
    if marking.is_classified or marking.caveats:
        raise ValidationError(
            f"Public-diplomacy points are for public use and are always UNCLASSIFIED; "
            f"'{marking}' is refused. Keep classified material as a talking point instead."
        )
    return str(marking)


_PD_RULES = {
    "topic": lambda x: v.required_text(x, "Topic", max_length=120),
    "text": lambda x: v.required_text(x, "Text", max_length=v.MAX_TEXT),
    "cleared_on": lambda x: v.optional_date(x, "Cleared for public use on"),
    "marking": _unclassified_only,
    "sample": bool,
}


def _create(session: Session, cls: type, rules: dict[str, Any], fields: dict[str, Any]) -> Any:
    if cls is PublicDiplomacyPoint and "marking" in fields:
        _unclassified_only(fields.pop("marking"))
    return v.create(session, cls, rules, fields)


def _update(session: Session, entity: Any, rules: dict[str, Any], changes: dict[str, Any]) -> Any:
    if isinstance(entity, PublicDiplomacyPoint) and "marking" in changes:
        _unclassified_only(changes.pop("marking"))
    return v.update(session, entity, rules, changes)


def create_point(session: Session, **fields: Any) -> TalkingPoint:
    return _create(session, TalkingPoint, _POINT_RULES, fields)


def update_point(session: Session, point: TalkingPoint, **changes: Any) -> TalkingPoint:
    return _update(session, point, _POINT_RULES, changes)


def create_counter(session: Session, **fields: Any) -> CounterArgument:
    return _create(session, CounterArgument, _COUNTER_RULES, fields)


def update_counter(session: Session, counter: CounterArgument, **changes: Any) -> CounterArgument:
    return _update(session, counter, _COUNTER_RULES, changes)


def create_pd_point(session: Session, **fields: Any) -> PublicDiplomacyPoint:
    return _create(session, PublicDiplomacyPoint, _PD_RULES, fields)


def update_pd_point(
    session: Session, point: PublicDiplomacyPoint, **changes: Any
) -> PublicDiplomacyPoint:
    return _update(session, point, _PD_RULES, changes)


def delete_entry(
    session: Session, entry: TalkingPoint | CounterArgument | PublicDiplomacyPoint
) -> None:
    """Delete a library entry; briefing items copied from it keep their text."""
    session.delete(entry)
    session.flush()


def list_points(session: Session, topic: str | None = None) -> list[TalkingPoint]:
    query = select(TalkingPoint).order_by(TalkingPoint.topic, TalkingPoint.title)
    if topic:
        query = query.where(TalkingPoint.topic == topic)
    return list(session.scalars(query))


def list_counters(session: Session) -> list[CounterArgument]:
    return list(session.scalars(select(CounterArgument).order_by(CounterArgument.topic)))


def list_pd_points(session: Session) -> list[PublicDiplomacyPoint]:
    return list(session.scalars(select(PublicDiplomacyPoint).order_by(PublicDiplomacyPoint.topic)))


def topics(session: Session) -> list[str]:
    return list(session.scalars(select(TalkingPoint.topic).distinct().order_by(TalkingPoint.topic)))


def get_point(session: Session, ref: str) -> TalkingPoint:
    return resolve(session, TalkingPoint, ref, title_field="title", noun="talking point")


def history(session: Session, entity: Any) -> list[Revision]:
    """Every revision of a library entry, oldest first."""
    return list(
        session.scalars(
            select(Revision)
            .where(Revision.entity_kind == entity.KIND, Revision.entity_id == entity.id)
            .order_by(Revision.number)
        )
    )
