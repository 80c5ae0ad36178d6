"""Search index: the dialect's full-text index over search_doc, filled from the library.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23

The backfill reads the tables as revision 0001 defined them (plain SQL, not the current
models) so that this step keeps working whatever later revisions change.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from briefer.search import adapter_for

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _source(name: str, *columns: str) -> sa.TableClause:
    return sa.table(name, sa.column("id", sa.Uuid()), *(sa.column(c, sa.Text) for c in columns))


# kind -> (table, title column, body columns), as revision 0001 defined them
_SOURCES = {
    "point": (_source("talking_point", "title", "topic", "body"), "title", ("topic", "body")),
    "counter": (
        _source("counter_argument", "their_point", "topic", "our_response"),
        "their_point",
        ("topic", "our_response"),
    ),
    "pd": (_source("public_diplomacy_point", "text", "topic"), "text", ("topic",)),
    "case": (
        _source("case", "primary_name", "category", "location", "summary"),
        "primary_name",
        ("category", "location", "summary"),
    ),
}


def upgrade() -> None:
    connection = op.get_bind()
    search_doc = sa.table(
        "search_doc",
        sa.column("kind", sa.String),
        sa.column("ref_id", sa.Uuid()),
        sa.column("title", sa.Text),
        sa.column("body", sa.Text),
    )
    existing = set(connection.execute(sa.select(search_doc.c.ref_id)).scalars())
    for kind, (table, title, body_columns) in _SOURCES.items():
        query = sa.select(table.c.id, table.c[title], *(table.c[c] for c in body_columns))
        rows = [
            {
                "kind": kind,
                "ref_id": ref,
                "title": heading or "",
                "body": "\n".join(part or "" for part in body),
            }
            for ref, heading, *body in connection.execute(query)
            if ref not in existing
        ]
        if rows:
            op.bulk_insert(search_doc, rows)
    adapter_for(connection.dialect.name).create_index(connection)


def downgrade() -> None:
    adapter_for(op.get_bind().dialect.name).drop_index(op.get_bind())
