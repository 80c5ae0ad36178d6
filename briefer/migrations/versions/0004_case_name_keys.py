"""Spelling-insensitive name keys for every case, and in the cases' search documents.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from briefer.names import name_keys

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("case", schema=None) as batch_op:
        batch_op.add_column(sa.Column("name_keys", sa.JSON(), nullable=False, server_default="[]"))
    connection = op.get_bind()
    case = sa.table(
        "case",
        sa.column("id", sa.Uuid()),
        sa.column("primary_name", sa.String),
        sa.column("name_variants", sa.JSON()),
        sa.column("name_keys", sa.JSON()),
    )
    search_doc = sa.table("search_doc", sa.column("ref_id", sa.Uuid()), sa.column("body", sa.Text))
    for case_id, primary, variants in connection.execute(
        sa.select(case.c.id, case.c.primary_name, case.c.name_variants)
    ):
        variants = json.loads(variants) if isinstance(variants, str) else (variants or [])
        keys = name_keys([primary, *variants])
        connection.execute(sa.update(case).where(case.c.id == case_id).values(name_keys=keys))
        connection.execute(
            sa.update(search_doc)
            .where(search_doc.c.ref_id == case_id)
            .values(body=search_doc.c.body + "\n" + " ".join(keys))
        )


def downgrade() -> None:
    with op.batch_alter_table("case", schema=None) as batch_op:
        batch_op.drop_column("name_keys")
