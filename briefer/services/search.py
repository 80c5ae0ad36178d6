"""Search the library: the one entry point the CLI and the window's drawer share."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.orm import Session

from briefer.errors import ValidationError
from briefer.search import KINDS, SearchHit, adapter_for


def search(
    session: Session, query: str, kinds: Iterable[str] | None = None, limit: int = 50
) -> list[SearchHit]:
    wanted = tuple(kinds) if kinds else KINDS
    unknown = set(wanted) - set(KINDS)
    if unknown:
        raise ValidationError(
            f"Unknown kind(s) {', '.join(sorted(unknown))}; use {', '.join(KINDS)}."
        )
    connection = session.connection()
    return adapter_for(connection.dialect.name).query(connection, query, wanted, limit)
