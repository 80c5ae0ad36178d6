"""PostgreSQL adapter: a GIN full-text index over ``search_doc`` plus ``pg_trgm`` for names."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection

from briefer.search import KINDS, SearchHit, as_uuid, is_short, query_terms, term_alternatives

_VECTOR = "to_tsvector('simple'::regconfig, title || ' ' || body)"

_DDL = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    f"CREATE INDEX IF NOT EXISTS search_pg_fts ON search_doc USING gin ({_VECTOR})",
    "CREATE INDEX IF NOT EXISTS search_pg_trgm ON search_doc USING gin (title gin_trgm_ops)",
]


class PostgresAdapter:
    dialect = "postgresql"

    def create_index(self, connection: Connection) -> None:
        for statement in _DDL:
            connection.execute(text(statement))

    def drop_index(self, connection: Connection) -> None:
        connection.execute(text("DROP INDEX IF EXISTS search_pg_fts"))
        connection.execute(text("DROP INDEX IF EXISTS search_pg_trgm"))

    def owns_name(self, name: str) -> bool:
        return name.startswith("search_pg_")

    def query(
        self, connection: Connection, text_: str, kinds: tuple[str, ...] = KINDS, limit: int = 50
    ) -> list[SearchHit]:
        terms = query_terms(text_)
        if not terms:
            return []
        tsquery = " & ".join(
            "(" + " | ".join(f"{alt}:*" for alt in term_alternatives(term)) + ")" for term in terms
        )
        order = "" if is_short(terms) else "ORDER BY rank DESC"
        rows = connection.execute(
            text(
                f"""SELECT kind, ref_id, title,
                           ts_rank({_VECTOR}, to_tsquery('simple', :tsq))
                           + word_similarity(:raw, title) AS rank
                    FROM search_doc
                    WHERE kind = ANY(:kinds)
                      AND ({_VECTOR} @@ to_tsquery('simple', :tsq) OR :raw <% title)
                    {order} LIMIT :limit"""
            ),
            {"tsq": tsquery, "raw": " ".join(terms), "kinds": list(kinds), "limit": limit},
        )
        return [
            SearchHit(kind, as_uuid(ref), title, float(rank)) for kind, ref, title, rank in rows
        ]
