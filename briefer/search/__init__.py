"""Full-text search over the library, behind one interface with one adapter per dialect.

``search_doc`` (a portable table) holds one row per searchable entry and is kept in sync by
:mod:`briefer.search.sync`. The adapters add the dialect's index and query it:
SQLite FTS5 (:mod:`.sqlite_fts`) and PostgreSQL full-text search with ``pg_trgm`` for names
(:mod:`.postgres`). This package is the only place where dialect-specific SQL may live.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy.engine import Connection

KINDS = ("point", "counter", "pd", "case")


@dataclass(frozen=True)
class SearchHit:
    kind: str
    id: uuid.UUID
    title: str
    rank: float


class SearchAdapter(Protocol):
    dialect: str

    def create_index(self, connection: Connection) -> None:
        """Create the dialect's index over ``search_doc`` (run by a migration)."""

    def drop_index(self, connection: Connection) -> None: ...

    def query(
        self, connection: Connection, text: str, kinds: tuple[str, ...], limit: int
    ) -> list[SearchHit]: ...

    def owns_name(self, name: str) -> bool:
        """True for database objects the adapter created (hidden from schema comparison)."""


def as_uuid(value: object) -> uuid.UUID:
    """Drivers return UUIDs as objects or strings depending on the dialect."""
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def query_terms(text: str) -> list[str]:
    """Words of a search box's text; punctuation and operators are never passed through."""
    return re.findall(r"\w+", text.casefold())


def term_alternatives(term: str) -> list[str]:
    """A word and, if it differs, its spelling-insensitive name key (briefer.names), so that
    "Sharansky" finds a case stored as "Shcharanskiy" and "Щаранский" finds it too."""
    from briefer.names import fold_word

    folded = fold_word(term)
    return [term] if not folded or folded == term else [term, folded]


RANKED_FROM = 3  # letters typed; shorter prefixes match too much for a ranking to mean anything


def is_short(terms: list[str]) -> bool:
    """A one- or two-letter prefix: return matches in index order and stop at the limit,
    instead of ranking most of the library (search-as-you-type must keep up)."""
    return sum(len(term) for term in terms) < RANKED_FROM


def adapter_for(dialect: str) -> SearchAdapter:
    if dialect == "sqlite":
        from briefer.search.sqlite_fts import SqliteFtsAdapter

        return SqliteFtsAdapter()
    if dialect == "postgresql":
        from briefer.search.postgres import PostgresAdapter

        return PostgresAdapter()
    raise NotImplementedError(f"Search is not available on the {dialect} dialect")
