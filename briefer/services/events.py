"""Events: what a briefing is prepared for."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from briefer.errors import ValidationError
from briefer.models import Event, EventKind
from briefer.services import validation as v
from briefer.services.lookup import resolve

_RULES = {
    "title": lambda x: v.required_text(x, "Title"),
    "kind": lambda x: v.choice(EventKind, x, "Event kind"),
    "starts_on": lambda x: v.a_date(x, "Start date"),
    "ends_on": lambda x: v.optional_date(x, "End date"),
    "location": lambda x: v.clean_text(x, "Location", max_length=200),
    "principal": lambda x: v.clean_text(x, "Principal", max_length=200),
    "counterpart": lambda x: v.clean_text(x, "Counterpart", max_length=200),
    "notes": lambda x: v.clean_text(x, "Notes"),
    "sample": bool,
}


def _check_dates(event: Event) -> None:
    if event.ends_on is not None and event.ends_on < event.starts_on:
        raise ValidationError("An event cannot end before it starts.")


def create_event(
    session: Session, *, title: str, kind: Any, starts_on: Any, **fields: Any
) -> Event:
    fields = {"title": title, "kind": kind, "starts_on": starts_on, **fields}
    return v.create(session, Event, _RULES, fields, check=_check_dates)


def update_event(session: Session, event: Event, **changes: Any) -> Event:
    return v.update(session, event, _RULES, changes, check=_check_dates)


def delete_event(session: Session, event: Event) -> None:
    if event.briefings:
        raise ValidationError(
            f"'{event.title}' has {len(event.briefings)} briefing(s); move or delete them first."
        )
    session.delete(event)
    session.flush()


def list_events(session: Session) -> list[Event]:
    return list(session.scalars(select(Event).order_by(Event.starts_on.desc(), Event.title)))


def get_event(session: Session, ref: str) -> Event:
    return resolve(session, Event, ref, title_field="title", noun="event")
