"""Case lists as the window's list page sees them: plain rows in, ids out.

Ordering, membership and presentations are changed by id so the page never holds ORM
objects; each function is one unit of work in the window's ``StoreContext.write``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from briefer.models import Case, CaseList, CaseListEntry, Event
from briefer.services import cases
from briefer.services.hygiene import HygieneWarning, check_lists
from briefer.services.lookup import by_id
from briefer.services.stale import refuse_if_stale


@dataclass(frozen=True)
class ListRow:
    id: str
    name: str
    kind: str
    forum: str
    size: int
    warnings: int


@dataclass(frozen=True)
class MemberRow:
    case_id: str
    name: str
    category: str
    status: str
    status_on: str
    source: str


@dataclass(frozen=True)
class PresentationRow:
    event: str
    presented_on: str
    note: str


@dataclass(frozen=True)
class ListDetail:
    id: str
    version: int
    name: str
    kind: str
    forum: str
    description: str
    members: tuple[MemberRow, ...]
    presentations: tuple[PresentationRow, ...]
    warnings: tuple[HygieneWarning, ...]


def _list(session: Session, list_id: str) -> CaseList:
    return by_id(session, CaseList, list_id, "case list")


def _case(session: Session, case_id: str) -> Case:
    return by_id(session, Case, case_id, "case")


def list_rows(session: Session, today: date) -> list[ListRow]:
    warnings: dict[str, int] = {}
    for warning in check_lists(session, today):
        warnings[warning.list] = warnings.get(warning.list, 0) + 1
    lists = session.scalars(
        select(CaseList).order_by(CaseList.name).options(selectinload(CaseList.entries))
    )
    return [
        ListRow(str(c.id), c.name, c.kind.value, c.forum, len(c.entries), warnings.get(c.name, 0))
        for c in lists
    ]


def list_detail(session: Session, list_id: str, today: date) -> ListDetail:
    case_list = _list(session, list_id)
    session.scalars(
        select(CaseListEntry)
        .where(CaseListEntry.case_list_id == case_list.id)
        .options(selectinload(CaseListEntry.case).selectinload(Case.status_events))
    ).all()
    members = []
    for case in case_list.cases:
        latest = case.latest_status
        members.append(
            MemberRow(
                str(case.id),
                case.primary_name,
                case.category,
                latest.status if latest else "",
                latest.occurred_on.isoformat() if latest else "",
                latest.source if latest else "",
            )
        )
    presentations = tuple(
        PresentationRow(p.event.title, p.presented_on.isoformat(), p.note)
        for p in case_list.presentations
    )
    warnings = tuple(check_lists(session, today, only=list_id))
    return ListDetail(
        str(case_list.id),
        case_list.version,
        case_list.name,
        case_list.kind.value,
        case_list.forum,
        case_list.description,
        tuple(members),
        presentations,
        warnings,
    )


def move_member(session: Session, list_id: str, case_id: str, index: int) -> None:
    cases.move_in_list(session, _list(session, list_id), _case(session, case_id), index)


def add_member(session: Session, list_id: str, case_id: str, index: int | None = None) -> None:
    cases.add_to_list(session, _list(session, list_id), _case(session, case_id), index)


def remove_member(session: Session, list_id: str, case_id: str) -> None:
    cases.remove_from_list(session, _list(session, list_id), _case(session, case_id))


def update_list(session: Session, list_id: str, **changes: str) -> None:
    cases.update_list(session, _list(session, list_id), **changes)


LIST_LABELS = {"name": "Name", "kind": "Kind", "forum": "Forum"}


def list_fields(session: Session, list_id: str) -> dict[str, str]:
    """The fields the list page edits, as it shows them."""
    found = _list(session, list_id)
    return {"name": found.name, "kind": found.kind.value, "forum": found.forum or ""}


def update_list_from(
    session: Session, list_id: str, expected: dict[str, str], values: dict[str, str]
) -> None:
    """Write the list's name, kind and forum only if another window has not changed them
    since this one showed ``expected`` (else nothing is written: EditConflict)."""
    stored = list_fields(session, list_id)
    refuse_if_stale(f"List '{stored['name']}'", LIST_LABELS, stored, expected, values)
    update_list(session, list_id, **values)


def create_list(session: Session, name: str, kind: str, forum: str = "") -> str:
    return str(cases.create_list(session, name=name, kind=kind, forum=forum).id)


def add_presentation(
    session: Session, list_id: str, event_id: str, presented_on: str, note: str = ""
) -> None:
    event = by_id(session, Event, event_id, "event")
    cases.add_presentation(session, _list(session, list_id), event, presented_on or None, note)


def case_choices(session: Session) -> list[tuple[str, str]]:
    """(id, name) of every case, for the "Add case" picker."""
    return [
        (str(case_id), name)
        for case_id, name in session.execute(
            select(Case.id, Case.primary_name).order_by(Case.primary_name)
        )
    ]


def event_choices(session: Session) -> list[tuple[str, str, str]]:
    """(id, title, start date) of every event, newest first, for "Add presentation"."""
    return [
        (str(event_id), title, starts.isoformat())
        for event_id, title, starts in session.execute(
            select(Event.id, Event.title, Event.starts_on).order_by(Event.starts_on.desc())
        )
    ]
