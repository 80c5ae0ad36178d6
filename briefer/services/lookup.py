"""Find a record by id or by exact title, the grammar every CLI argument uses."""

from __future__ import annotations

import uuid
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from briefer.errors import AmbiguousError, ConflictError, NotFoundError

T = TypeVar("T")


def by_id(session: Session, model: type[T], record_id: str, noun: str) -> T:
    """The record a window row points at; gone since it was listed is a clear error."""
    found = session.get(model, uuid.UUID(record_id))
    if found is None:
        raise NotFoundError(f"That {noun} no longer exists; it may have been deleted.")
    return found


def resolve(session: Session, model: type[T], ref: str, *, title_field: str, noun: str) -> T:
    """``ref`` is a UUID or an exact title; an ambiguous title lists every matching id."""
    ref = ref.strip()
    try:
        found = session.get(model, uuid.UUID(ref))
    except ValueError:
        found = None
    if found is not None:
        return found
    column: Any = getattr(model, title_field)
    matches = list(session.scalars(select(model).where(column == ref)))
    if not matches:
        raise NotFoundError(f"No {noun} has the id or title '{ref}'.")
    if len(matches) > 1:
        pairs = [(str(m.id), getattr(m, title_field)) for m in matches]  # type: ignore[attr-defined]
        listing = "; ".join(f"{i} ({t})" for i, t in pairs)
        raise AmbiguousError(
            f"{len(matches)} {noun}s are titled '{ref}'; give an id: {listing}", pairs
        )
    return matches[0]


def fetch_for_update(
    session: Session, model: type[T], record_id: uuid.UUID, seen_version: int
) -> T:
    """Load a record an editor is about to save, refusing if it changed since it was shown.

    Editors keep the version they displayed; saving through this (plus the ORM's version
    counter for the remaining race) means a colleague's save is never silently overwritten.
    """
    found = session.get(model, record_id)
    if found is None:
        raise NotFoundError("The record was deleted by someone else; your change was not saved.")
    if found.version != seen_version:  # type: ignore[attr-defined]
        from briefer.models.base import describe_record

        raise ConflictError(
            f"Someone else changed {describe_record(found)} after you opened it, so your "
            "change was not saved. Reload it to see their version, then make your change again."
        )
    return found
