"""Keep ``search_doc`` in step with the library on every flush, whatever the dialect."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, event, insert, select, update
from sqlalchemy.orm import Session, sessionmaker

from briefer.models.base import LibraryEntity
from briefer.models.search_doc import search_doc


def _searchable(obj: object) -> bool:
    return isinstance(obj, LibraryEntity) and hasattr(obj, "search_document")


def _upsert(session: Session, entity: Any) -> None:
    title, body = entity.search_document()
    connection = session.connection()
    values = {"kind": entity.KIND, "title": title or "", "body": body or ""}
    existing = connection.execute(
        select(search_doc.c.doc_id).where(search_doc.c.ref_id == entity.id)
    ).scalar()
    if existing is None:
        connection.execute(insert(search_doc).values(ref_id=entity.id, **values))
    else:
        connection.execute(
            update(search_doc).where(search_doc.c.doc_id == existing).values(**values)
        )


def _after_flush(session: Session, _context: Any) -> None:
    for obj in session.new:
        if _searchable(obj):
            _upsert(session, obj)
    for obj in session.dirty:
        if _searchable(obj) and session.is_modified(obj, include_collections=False):
            _upsert(session, obj)
    deleted = [obj.id for obj in session.deleted if _searchable(obj)]
    if deleted:
        session.connection().execute(delete(search_doc).where(search_doc.c.ref_id.in_(deleted)))


def install(factory: sessionmaker[Session]) -> None:
    event.listen(factory, "after_flush", _after_flush)
