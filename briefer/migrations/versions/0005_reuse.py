"""Reuse across summits: where a briefing was carried from, frozen versions, kept flags.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _record_columns() -> list[sa.Column]:
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("sample", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    ]


def upgrade() -> None:
    with op.batch_alter_table("briefing", schema=None) as batch_op:
        batch_op.add_column(sa.Column("carried_from_id", sa.Uuid(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_briefing_carried_from_id_briefing"),
            "briefing",
            ["carried_from_id"],
            ["id"],
            ondelete="SET NULL",
        )
    for table, columns in (
        (
            "briefing_version",
            [
                sa.Column("briefing_id", sa.Uuid(), nullable=False),
                sa.Column("number", sa.Integer(), nullable=False),
                sa.Column("status", sa.String(length=40), nullable=False),
                sa.Column("content", sa.JSON(), nullable=False),
            ],
        ),
        (
            "review_decision",
            [
                sa.Column("briefing_id", sa.Uuid(), nullable=False),
                sa.Column("flag_key", sa.String(length=300), nullable=False),
                sa.Column("note", sa.Text(), nullable=False),
            ],
        ),
    ):
        second = "number" if table == "briefing_version" else "flag_key"
        op.create_table(
            table,
            *columns,
            *_record_columns(),
            sa.ForeignKeyConstraint(
                ["briefing_id"],
                ["briefing.id"],
                name=op.f(f"fk_{table}_briefing_id_briefing"),
                ondelete="CASCADE",
            ),
            sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
            sa.UniqueConstraint("briefing_id", second, name=op.f(f"uq_{table}_briefing_id")),
        )
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.create_index(
                batch_op.f(f"ix_{table}_briefing_id"), ["briefing_id"], unique=False
            )


def downgrade() -> None:
    op.drop_table("review_decision")
    op.drop_table("briefing_version")
    with op.batch_alter_table("briefing", schema=None) as batch_op:
        batch_op.drop_constraint("fk_briefing_carried_from_id_briefing", type_="foreignkey")
        batch_op.drop_column("carried_from_id")
