"""Plain rows for the window's briefing list, so Qt models never touch the ORM."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from briefer.services.briefings import briefing_marking, list_briefings


@dataclass(frozen=True)
class BriefingRow:
    id: str
    title: str
    event: str
    event_date: str
    status: str
    marking: str


def briefing_rows(session: Session) -> list[BriefingRow]:
    return [
        BriefingRow(
            id=str(b.id),
            title=b.title,
            event=b.event.title,
            event_date=b.event.starts_on.isoformat(),
            status=b.status.value,
            marking=str(briefing_marking(b)),
        )
        for b in list_briefings(session)
    ]
