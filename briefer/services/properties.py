"""A briefing's properties and clearances, written only if they still hold what the editor
showed.

Two windows (or two people) may have the same briefing open. Like an item's text, each
property or clearance field is saved with the value the person last saw (``expected``): if
the store holds something else now, someone saved it meanwhile, nothing is written, and the
:class:`~briefer.errors.EditConflict` carries their value beside this one for the person to
choose (keep mine, take theirs, or merge).
"""

from __future__ import annotations

import uuid
from datetime import date
from enum import Enum
from typing import Any

from sqlalchemy.orm import Session

from briefer.errors import EditConflict, NotFoundError
from briefer.models import Briefing, Clearance
from briefer.services import briefings as briefing_service

BRIEFING_LABELS = {
    "title": "Title",
    "subject": "Subject",
    "memo_kind": "Memo kind",
    "from_line": "From",
    "to_line": "To",
    "summary": "Summary",
    "status": "Status",
    "base_marking": "Base marking",
    "classified_by": "Classified by",
    "classification_reason": "Reason",
    "declassify_on": "Declassify on",
    "drafted_by": "Drafted by",
    "drafted_on": "Drafted on",
    "approved_by": "Approved by",
}
CLEARANCE_LABELS = {
    "office": "Office",
    "person": "Person",
    "status": "Clearance status",
    "cleared_on": "Cleared on",
}


def as_text(value: Any) -> str:
    """A field's value as the editor shows and compares it (enum value, ISO date, "")."""
    if value is None:
        return ""
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _same(a: Any, b: Any) -> bool:
    return as_text(a).strip() == as_text(b).strip()


def _briefing(session: Session, briefing_id: str) -> Briefing:
    found = session.get(Briefing, uuid.UUID(str(briefing_id)))
    if found is None:
        raise NotFoundError("That briefing no longer exists.")
    return found


def _clearance(session: Session, clearance_id: str) -> Clearance:
    found = session.get(Clearance, uuid.UUID(str(clearance_id)))
    if found is None:
        raise NotFoundError("That clearance no longer exists; someone removed it.")
    return found


def set_property(session: Session, briefing_id: str, field: str, value: Any) -> None:
    """Write one property (the status through :func:`versions.set_status`, which freezes a
    version at clearance and final)."""
    from briefer.services.versions import set_status

    book = _briefing(session, briefing_id)
    if field == "status":
        set_status(session, book, value)
    else:
        briefing_service.update_briefing(session, book, **{field: value})


def update_property_from(
    session: Session, briefing_id: str, field: str, expected: Any, value: Any
) -> None:
    """Change one property only if it still holds ``expected`` (what the editor showed)."""
    book = _briefing(session, briefing_id)
    stored = getattr(book, field)
    if not _same(stored, expected) and not _same(stored, value):
        label = BRIEFING_LABELS.get(field, field)
        raise EditConflict(
            f"Someone else changed the {label.lower()} of this briefing after you opened it; "
            "nothing of yours was saved yet.",
            f"Briefing '{book.title}'",
            {field: (label, as_text(stored), as_text(value))},
        )
    set_property(session, briefing_id, field, value)


def set_clearance(session: Session, clearance_id: str, field: str, value: Any) -> None:
    briefing_service.update_clearance(session, _clearance(session, clearance_id), **{field: value})


def update_clearance_from(
    session: Session, clearance_id: str, field: str, expected: Any, value: Any
) -> None:
    """Change one clearance field only if it still holds ``expected``."""
    clearance = _clearance(session, clearance_id)
    stored = getattr(clearance, field)
    if not _same(stored, expected) and not _same(stored, value):
        label = CLEARANCE_LABELS.get(field, field)
        raise EditConflict(
            f"Someone else changed the {label.lower()} of the {clearance.office} clearance "
            "after you opened it; nothing of yours was saved yet.",
            f"Clearance {clearance.office} of '{clearance.briefing.title}'",
            {field: (label, as_text(stored), as_text(value))},
        )
    set_clearance(session, clearance_id, field, value)
