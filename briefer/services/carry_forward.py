"""Carrying a briefing forward to the next event, and "New draft" of a final one.

The copy keeps every item's link to its library source *and* the snapshot it was taken
from (revision, case status, marking, when it was taken), so carry-forward review can say
exactly what changed since the previous summit's book was written.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from briefer.clock import now_utc
from briefer.models import Briefing, BriefingItem, BriefingStatus, Event
from briefer.services import briefings as briefing_service

_COPIED_FIELDS = (
    "subject",
    "memo_kind",
    "from_line",
    "to_line",
    "summary",
    "base_marking",
    "classified_by",
    "classification_reason",
    "declassify_on",
    "eo_line",
    "tags",
    "numbered_paragraphs",
)


def taken_at(item: BriefingItem) -> str:
    """When the item's copy of its source was taken (ISO, UTC)."""
    stamp = (item.snapshot or {}).get("taken_at")
    if stamp:
        return str(stamp)
    return (item.created_at or now_utc()).isoformat()


def carry_forward(
    session: Session, event: Event, previous: Briefing, *, title: str | None = None
) -> Briefing:
    """A new draft for ``event`` with the previous briefing's sections, items and clearance
    offices (clearances start again as pending)."""
    fields: dict[str, Any] = {name: getattr(previous, name) for name in _COPIED_FIELDS}
    briefing = briefing_service.create_briefing(
        session, event, title=title or previous.title, status=BriefingStatus.DRAFT, **fields
    )
    briefing.carried_from_id = previous.id
    for old_section in previous.sections:
        section = briefing_service.add_section(
            session,
            briefing,
            kind=old_section.kind,
            title=old_section.title,
            intro=old_section.intro,
        )
        section.case_list = old_section.case_list  # linked, without re-reading its cases
        for old in old_section.items:
            section.items.append(
                BriefingItem(
                    title=old.title,
                    text=old.text,
                    response=old.response,
                    marking=old.marking,
                    source_kind=old.source_kind,
                    source_id=old.source_id,
                    source_revision=old.source_revision,
                    locally_edited=old.locally_edited,
                    snapshot={**(old.snapshot or {}), "taken_at": taken_at(old)},
                )
            )
    for clearance in previous.clearances:
        briefing_service.add_clearance(
            session, briefing, office=clearance.office, person=clearance.person
        )
    session.flush()
    return briefing


def new_draft(session: Session, final: Briefing) -> Briefing:
    """An editable copy of a final (read-only) briefing, for the same event."""
    return carry_forward(session, final.event, final, title=f"{final.title} (new draft)")
