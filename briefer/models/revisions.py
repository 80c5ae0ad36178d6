"""Every revising change to a library entity bumps its revision and writes a Revision row.

Done in a ``before_flush`` hook rather than in each service so that no code path — CLI,
window, import, sample builder — can change a library entry without leaving history.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session, sessionmaker

from briefer.models.base import LibraryEntity
from briefer.models.library import Revision


def _revised_fields_changed(entity: LibraryEntity) -> bool:
    state = inspect(entity)
    return any(state.attrs[field].history.has_changes() for field in entity.REVISED_FIELDS)


def _write_revision(session: Session, entity: LibraryEntity) -> None:
    session.add(
        Revision(
            entity_kind=entity.KIND,
            entity_id=entity.id,
            number=entity.revision,
            data=entity.revised_snapshot(),
            sample=bool(entity.sample),
        )
    )


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    for obj in list(session.new):
        if isinstance(obj, LibraryEntity):
            obj.id = obj.id or uuid.uuid4()
            obj.revision = obj.revision or 1
            _write_revision(session, obj)
    for obj in list(session.dirty):
        if isinstance(obj, LibraryEntity) and _revised_fields_changed(obj):
            obj.revision = (obj.revision or 0) + 1
            _write_revision(session, obj)


def install(factory: sessionmaker[Session]) -> None:
    event.listen(factory, "before_flush", _before_flush)
