"""The portable search table: one row per searchable library entry.

It is kept in sync by ``briefer.search.sync`` on every flush, on both dialects. What is
dialect-specific — SQLite's FTS5 index over it, PostgreSQL's tsvector and trigram indexes —
is added by the adapters in ``briefer.search``, which alone hold dialect-specific SQL.
"""

from sqlalchemy import Column, Integer, String, Table, Text, Uuid

from briefer.models.base import Base

search_doc = Table(
    "search_doc",
    Base.metadata,
    Column("doc_id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(16), nullable=False),
    Column("ref_id", Uuid(), nullable=False, unique=True),
    Column("title", Text, nullable=False),
    Column("body", Text, nullable=False),
)
