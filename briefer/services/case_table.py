"""The case table: one plain row per case, built for thousands of cases in a few queries."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import String, func, select, type_coerce
from sqlalchemy.orm import Session

from briefer.models import Case, CaseList, CaseListEntry, CaseStatusEvent


@dataclass(frozen=True)
class CaseTableRow:
    id: str
    name: str
    category: str
    location: str
    status: str
    status_on: str
    source: str
    lists: str


@dataclass(frozen=True)
class TimelineEntry:
    id: str
    occurred_on: str
    status: str
    source: str
    reliability: str
    note: str


def case_rows(session: Session) -> list[CaseTableRow]:
    """One row per case. The newest status per case comes from a window function (SQLite
    3.25+ and PostgreSQL alike), so only one status row per case leaves the database."""
    event = CaseStatusEvent
    # Ids are compared as the database returns them (no UUID object per row: at 5,000
    # cases that conversion is a third of the time) and turned into ids once per case.
    case_key = type_coerce(event.case_id, String)
    newest = (
        func.row_number()
        .over(
            partition_by=event.case_id, order_by=(event.occurred_on.desc(), event.created_at.desc())
        )
        .label("newest")
    )
    ranked = select(
        case_key.label("case_id"), event.occurred_on, event.status, event.source, newest
    ).subquery()
    latest = {
        case_id: (on, status, source)
        for case_id, on, status, source in session.execute(
            select(ranked.c.case_id, ranked.c.occurred_on, ranked.c.status, ranked.c.source).where(
                ranked.c.newest == 1
            )
        )
    }
    lists: dict[object, list[str]] = {}
    for case_id, name in session.execute(
        select(type_coerce(CaseListEntry.case_id, String), CaseList.name)
        .join(CaseList)
        .order_by(CaseList.name)
    ):
        lists.setdefault(case_id, []).append(name)
    rows = []
    for case_id, name, category, location in session.execute(
        select(
            type_coerce(Case.id, String), Case.primary_name, Case.category, Case.location
        ).order_by(Case.primary_name)
    ):
        on, status, source = latest.get(case_id, (None, "", ""))
        rows.append(
            CaseTableRow(
                str(uuid.UUID(str(case_id))),
                name,
                category,
                location,
                status,
                on.isoformat() if on else "",
                source,
                "; ".join(lists.get(case_id, [])),
            )
        )
    return rows


def timeline(session: Session, case_id: str) -> list[TimelineEntry]:
    """The case's status history, newest first (the first entry is its latest status)."""
    return [
        TimelineEntry(
            str(e.id), e.occurred_on.isoformat(), e.status, e.source, e.reliability, e.note
        )
        for e in session.scalars(
            select(CaseStatusEvent)
            .where(CaseStatusEvent.case_id == uuid.UUID(case_id))
            .order_by(CaseStatusEvent.occurred_on.desc(), CaseStatusEvent.created_at.desc())
        )
    ]
