"""SQLite adapter: an FTS5 external-content index over ``search_doc``, kept by triggers."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection

from briefer.search import KINDS, SearchHit, as_uuid, is_short, query_terms, term_alternatives

_DDL = [
    """CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(
           title, body, content='search_doc', content_rowid='doc_id',
           tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER IF NOT EXISTS search_fts_ai AFTER INSERT ON search_doc BEGIN
           INSERT INTO search_fts(rowid, title, body) VALUES (new.doc_id, new.title, new.body);
       END""",
    """CREATE TRIGGER IF NOT EXISTS search_fts_ad AFTER DELETE ON search_doc BEGIN
           INSERT INTO search_fts(search_fts, rowid, title, body)
           VALUES ('delete', old.doc_id, old.title, old.body);
       END""",
    """CREATE TRIGGER IF NOT EXISTS search_fts_au AFTER UPDATE ON search_doc BEGIN
           INSERT INTO search_fts(search_fts, rowid, title, body)
           VALUES ('delete', old.doc_id, old.title, old.body);
           INSERT INTO search_fts(rowid, title, body) VALUES (new.doc_id, new.title, new.body);
       END""",
    "INSERT INTO search_fts(search_fts) VALUES ('rebuild')",
]


class SqliteFtsAdapter:
    dialect = "sqlite"

    def create_index(self, connection: Connection) -> None:
        for statement in _DDL:
            connection.execute(text(statement))

    def drop_index(self, connection: Connection) -> None:
        for name in ("search_fts_ai", "search_fts_ad", "search_fts_au"):
            connection.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
        connection.execute(text("DROP TABLE IF EXISTS search_fts"))

    def owns_name(self, name: str) -> bool:
        return name.startswith("search_fts")

    def query(
        self, connection: Connection, text_: str, kinds: tuple[str, ...] = KINDS, limit: int = 50
    ) -> list[SearchHit]:
        terms = query_terms(text_)
        if not terms:
            return []
        # Each word as a quoted prefix term: search-as-you-type, and no FTS5 syntax leaks in.
        match = " AND ".join(
            "(" + " OR ".join(f'"{alt}"*' for alt in term_alternatives(term)) + ")"
            for term in terms
        )
        kind_params = {f"k{i}": kind for i, kind in enumerate(kinds)}
        kind_list = ", ".join(f":{name}" for name in kind_params)
        order = "" if is_short(terms) else "ORDER BY rank"
        rows = connection.execute(
            text(
                f"""SELECT d.kind, d.ref_id, d.title, bm25(search_fts, 10.0, 1.0) AS rank
                    FROM search_fts JOIN search_doc d ON d.doc_id = search_fts.rowid
                    WHERE search_fts MATCH :match AND d.kind IN ({kind_list})
                    {order} LIMIT :limit"""
            ),
            {"match": match, "limit": limit, **kind_params},
        )
        return [
            SearchHit(kind, as_uuid(ref), title, float(rank)) for kind, ref, title, rank in rows
        ]
