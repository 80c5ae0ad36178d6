"""A library entry's history: revisions, a readable diff, restore; review dates; where used.

One set of functions serves talking points, counter-arguments, public-diplomacy points and
cases alike (they share the Revision table), so the window needs one history view.
Restoring an old revision writes a *new* revision with the old content: history only grows.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from briefer.errors import NotFoundError
from briefer.models import Briefing, BriefingItem, LibraryEntity, Revision, Section, TalkingPoint
from briefer.services import cases, library

_UPDATERS = {
    "point": library.update_point,
    "counter": library.update_counter,
    "pd": library.update_pd_point,
    "case": cases.update_case,
}


def revisions(session: Session, entity: LibraryEntity) -> list[Revision]:
    return library.history(session, entity)


@dataclass(frozen=True)
class RevisionRow:
    number: int
    changed_at: str
    changed: str  # the fields this revision changed, for a person scanning the list


def revision_rows(session: Session, entity: LibraryEntity) -> list[RevisionRow]:
    """The revisions newest first, each with what it changed since the one before."""
    rows, before = [], None
    for revision in revisions(session, entity):
        if before is None:
            changed = "created"
        else:
            fields = [f for f in revision.data if revision.data.get(f) != before.get(f)]
            changed = ", ".join(f.replace("_", " ") for f in fields) or "no change"
        rows.append(
            RevisionRow(revision.number, revision.changed_at.strftime("%Y-%m-%d %H:%M"), changed)
        )
        before = revision.data
    return rows[::-1]


def _revision(session: Session, entity: LibraryEntity, number: int) -> Revision:
    found = session.scalar(
        select(Revision).where(
            Revision.entity_kind == entity.KIND,
            Revision.entity_id == entity.id,
            Revision.number == number,
        )
    )
    if found is None:
        raise NotFoundError(f"Revision {number} of this entry does not exist.")
    return found


def _lines(data: dict[str, Any]) -> list[str]:
    lines = []
    for field, value in data.items():
        text = ", ".join(value) if isinstance(value, list) else "" if value is None else str(value)
        lines.append(f"{field}:")
        lines.extend(f"    {line}" for line in text.splitlines() or [""])
    return lines


def diff(session: Session, entity: LibraryEntity, old: int, new: int) -> str:
    """A unified diff of two revisions, field by field, for a person to read."""
    before, after = _revision(session, entity, old), _revision(session, entity, new)
    return "\n".join(
        difflib.unified_diff(
            _lines(before.data),
            _lines(after.data),
            f"revision {old}",
            f"revision {new}",
            lineterm="",
        )
    )


def restore(session: Session, entity: LibraryEntity, number: int) -> LibraryEntity:
    """Bring back an old revision's content, as a new revision."""
    data = dict(_revision(session, entity, number).data)
    if entity.KIND == "pd":
        data.pop("marking", None)
    return _UPDATERS[entity.KIND](session, entity, **data)


def mark_reviewed(session: Session, point: TalkingPoint, by: str, on: date) -> TalkingPoint:
    return library.update_point(session, point, reviewed_on=on, reviewed_by=by)


def stale_points(session: Session, today: date, days: int) -> list[TalkingPoint]:
    """Points never reviewed, or not reviewed for more than ``days`` days."""
    cutoff = today - timedelta(days=days)
    return list(
        session.scalars(
            select(TalkingPoint)
            .where(or_(TalkingPoint.reviewed_on.is_(None), TalkingPoint.reviewed_on < cutoff))
            .order_by(TalkingPoint.reviewed_on, TalkingPoint.title)
        )
    )


@dataclass(frozen=True)
class Use:
    briefing_id: str
    briefing: str
    section: str
    item_id: str
    revision: int | None
    locally_edited: bool


def used_in(session: Session, entity: LibraryEntity) -> list[Use]:
    """Every briefing item copied from this entry, with the revision it was taken from."""
    rows = session.execute(
        select(
            Briefing.id,
            Briefing.title,
            Section.title,
            BriefingItem.id,
            BriefingItem.source_revision,
            BriefingItem.locally_edited,
        )
        .join(Section, Section.briefing_id == Briefing.id)
        .join(BriefingItem, BriefingItem.section_id == Section.id)
        .where(BriefingItem.source_id == entity.id)
        .order_by(Briefing.title, Section.position, BriefingItem.position)
    )
    return [
        Use(str(b_id), title, section, str(item_id), revision, edited)
        for b_id, title, section, item_id, revision, edited in rows
    ]
