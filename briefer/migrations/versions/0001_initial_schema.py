"""Initial schema: every table of the domain model, and the store's identity row.

Revision ID: 0001
Revises:
Create Date: 2026-11-23 19:23:32.892515
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "case",
        sa.Column("primary_name", sa.String(length=200), nullable=False),
        sa.Column("name_variants", sa.JSON(), nullable=False),
        sa.Column("category", sa.String(length=80), nullable=False),
        sa.Column("location", sa.String(length=200), nullable=False),
        sa.Column("legal_basis", sa.String(length=200), nullable=False),
        sa.Column("since", sa.Date(), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("marking", sa.String(length=80), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("sample", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case")),
    )
    with op.batch_alter_table("case", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_primary_name"), ["primary_name"], unique=False)

    op.create_table(
        "case_list",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "representation",
                "priority",
                "category statement",
                name="caselistkind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("forum", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("sample", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_list")),
    )
    with op.batch_alter_table("case_list", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_list_name"), ["name"], unique=False)

    op.create_table(
        "counter_argument",
        sa.Column("topic", sa.String(length=120), nullable=False),
        sa.Column("their_point", sa.Text(), nullable=False),
        sa.Column("our_response", sa.Text(), nullable=False),
        sa.Column("marking", sa.String(length=80), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("sample", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_counter_argument")),
    )
    with op.batch_alter_table("counter_argument", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_counter_argument_topic"), ["topic"], unique=False)

    op.create_table(
        "event",
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "summit",
                "ministerial",
                "case review",
                "multilateral meeting",
                "other",
                name="eventkind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("location", sa.String(length=200), nullable=False),
        sa.Column("principal", sa.String(length=200), nullable=False),
        sa.Column("counterpart", sa.String(length=200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("sample", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event")),
    )
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_title"), ["title"], unique=False)

    op.create_table(
        "goal",
        sa.Column(
            "tier",
            sa.Enum(
                "immediate",
                "intermediate",
                "long-range",
                name="goaltier",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column(
            "assessment",
            sa.Enum(
                "progress",
                "slight progress",
                "no change",
                "rollback",
                name="assessment",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("marking", sa.String(length=80), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("sample", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_goal")),
    )
    op.create_table(
        "public_diplomacy_point",
        sa.Column("topic", sa.String(length=120), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("cleared_on", sa.Date(), nullable=True),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("sample", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_public_diplomacy_point")),
    )
    with op.batch_alter_table("public_diplomacy_point", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_public_diplomacy_point_topic"), ["topic"], unique=False
        )

    op.create_table(
        "revision",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("entity_kind", sa.String(length=16), nullable=False),
        sa.Column("entity_id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("sample", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_revision")),
    )
    with op.batch_alter_table("revision", schema=None) as batch_op:
        batch_op.create_index(
            "ix_revision_entity", ["entity_kind", "entity_id", "number"], unique=False
        )

    op.create_table(
        "search_doc",
        sa.Column("doc_id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("ref_id", sa.Uuid(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("doc_id", name=op.f("pk_search_doc")),
        sa.UniqueConstraint("ref_id", name=op.f("uq_search_doc_ref_id")),
    )
    op.create_table(
        "store_info",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_store_info")),
    )
    op.create_table(
        "talking_point",
        sa.Column("topic", sa.String(length=120), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("marking", sa.String(length=80), nullable=False),
        sa.Column("tags", sa.JSON(), nullable=False),
        sa.Column("reviewed_on", sa.Date(), nullable=True),
        sa.Column("reviewed_by", sa.String(length=120), nullable=True),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("sample", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_talking_point")),
    )
    with op.batch_alter_table("talking_point", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_talking_point_topic"), ["topic"], unique=False)

    op.create_table(
        "template",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("body", sa.JSON(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("sample", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_template")),
    )
    with op.batch_alter_table("template", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_template_name"), ["name"], unique=False)

    op.create_table(
        "briefing",
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("subject", sa.String(length=500), nullable=False),
        sa.Column(
            "memo_kind",
            sa.Enum(
                "information memo",
                "action memo",
                "briefing paper",
                "talking points",
                "cable",
                name="memokind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("from_line", sa.String(length=300), nullable=False),
        sa.Column("to_line", sa.String(length=300), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "draft",
                "in clearance",
                "final",
                name="briefingstatus",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("base_marking", sa.String(length=80), nullable=False),
        sa.Column("classified_by", sa.String(length=200), nullable=False),
        sa.Column("classification_reason", sa.String(length=200), nullable=False),
        sa.Column("declassify_on", sa.String(length=80), nullable=False),
        sa.Column("eo_line", sa.String(length=120), nullable=False),
        sa.Column("tags", sa.String(length=200), nullable=False),
        sa.Column("numbered_paragraphs", sa.Boolean(), nullable=False),
        sa.Column("drafted_by", sa.String(length=300), nullable=False),
        sa.Column("drafted_on", sa.Date(), nullable=True),
        sa.Column("approved_by", sa.String(length=200), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("sample", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"], ["event.id"], name=op.f("fk_briefing_event_id_event"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_briefing")),
    )
    with op.batch_alter_table("briefing", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_briefing_event_id"), ["event_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_briefing_title"), ["title"], unique=False)

    op.create_table(
        "case_list_entry",
        sa.Column("case_list_id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("sample", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["case.id"],
            name=op.f("fk_case_list_entry_case_id_case"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["case_list_id"],
            ["case_list.id"],
            name=op.f("fk_case_list_entry_case_list_id_case_list"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_list_entry")),
    )
    with op.batch_alter_table("case_list_entry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_list_entry_case_id"), ["case_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_case_list_entry_case_list_id"), ["case_list_id"], unique=False
        )

    op.create_table(
        "case_list_presentation",
        sa.Column("case_list_id", sa.Uuid(), nullable=False),
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("presented_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("sample", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_list_id"],
            ["case_list.id"],
            name=op.f("fk_case_list_presentation_case_list_id_case_list"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
            name=op.f("fk_case_list_presentation_event_id_event"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_list_presentation")),
    )
    with op.batch_alter_table("case_list_presentation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_case_list_presentation_case_list_id"), ["case_list_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_case_list_presentation_event_id"), ["event_id"], unique=False
        )

    op.create_table(
        "case_status_event",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=40), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.Column("reliability", sa.String(length=40), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("event_id", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("sample", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["case.id"],
            name=op.f("fk_case_status_event_case_id_case"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
            name=op.f("fk_case_status_event_event_id_event"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_status_event")),
    )
    with op.batch_alter_table("case_status_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_status_event_case_id"), ["case_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_case_status_event_event_id"), ["event_id"], unique=False
        )

    op.create_table(
        "indicator",
        sa.Column("goal_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("unit", sa.String(length=80), nullable=False),
        sa.Column("target", sa.Float(), nullable=True),
        sa.Column("target_note", sa.String(length=200), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("sample", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["goal_id"], ["goal.id"], name=op.f("fk_indicator_goal_id_goal"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicator")),
    )
    with op.batch_alter_table("indicator", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_indicator_goal_id"), ["goal_id"], unique=False)

    op.create_table(
        "clearance",
        sa.Column("briefing_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("office", sa.String(length=120), nullable=False),
        sa.Column("person", sa.String(length=200), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "pending",
                "cleared",
                "cleared with changes",
                "declined",
                name="clearancestatus",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("cleared_on", sa.Date(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("sample", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["briefing_id"],
            ["briefing.id"],
            name=op.f("fk_clearance_briefing_id_briefing"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clearance")),
    )
    with op.batch_alter_table("clearance", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_clearance_briefing_id"), ["briefing_id"], unique=False)

    op.create_table(
        "observation",
        sa.Column("indicator_id", sa.Uuid(), nullable=False),
        sa.Column("observed_on", sa.Date(), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("sample", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["indicator_id"],
            ["indicator.id"],
            name=op.f("fk_observation_indicator_id_indicator"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_observation")),
    )
    with op.batch_alter_table("observation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_observation_indicator_id"), ["indicator_id"], unique=False
        )

    op.create_table(
        "section",
        sa.Column("briefing_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "summary",
                "background",
                "objectives",
                "talking points",
                "case list",
                "public diplomacy",
                "counter-arguments",
                "progress",
                "recommendations",
                "conditions",
                "free text",
                name="sectionkind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("intro", sa.Text(), nullable=False),
        sa.Column("case_list_id", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("sample", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["briefing_id"],
            ["briefing.id"],
            name=op.f("fk_section_briefing_id_briefing"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["case_list_id"],
            ["case_list.id"],
            name=op.f("fk_section_case_list_id_case_list"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_section")),
    )
    with op.batch_alter_table("section", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_section_briefing_id"), ["briefing_id"], unique=False)

    op.create_table(
        "briefing_item",
        sa.Column("section_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("response", sa.Text(), nullable=False),
        sa.Column("marking", sa.String(length=80), nullable=True),
        sa.Column(
            "source_kind",
            sa.Enum(
                "point",
                "counter",
                "pd",
                "case",
                "goal",
                name="sourcekind",
                native_enum=False,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("source_id", sa.Uuid(), nullable=True),
        sa.Column("source_revision", sa.Integer(), nullable=True),
        sa.Column("locally_edited", sa.Boolean(), nullable=False),
        sa.Column("snapshot", sa.JSON(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("sample", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["section_id"],
            ["section.id"],
            name=op.f("fk_briefing_item_section_id_section"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_briefing_item")),
    )
    with op.batch_alter_table("briefing_item", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_briefing_item_section_id"), ["section_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_briefing_item_source_id"), ["source_id"], unique=False)

    # A store says what it is, so that Briefer never mistakes another program's database for one.
    store_info = sa.table("store_info", sa.column("key", sa.String), sa.column("value", sa.Text))
    op.bulk_insert(store_info, [{"key": "application", "value": "briefer"}])


def downgrade() -> None:
    with op.batch_alter_table("briefing_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_briefing_item_source_id"))
        batch_op.drop_index(batch_op.f("ix_briefing_item_section_id"))

    op.drop_table("briefing_item")
    with op.batch_alter_table("section", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_section_briefing_id"))

    op.drop_table("section")
    with op.batch_alter_table("observation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_observation_indicator_id"))

    op.drop_table("observation")
    with op.batch_alter_table("clearance", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_clearance_briefing_id"))

    op.drop_table("clearance")
    with op.batch_alter_table("indicator", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_indicator_goal_id"))

    op.drop_table("indicator")
    with op.batch_alter_table("case_status_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_status_event_event_id"))
        batch_op.drop_index(batch_op.f("ix_case_status_event_case_id"))

    op.drop_table("case_status_event")
    with op.batch_alter_table("case_list_presentation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_list_presentation_event_id"))
        batch_op.drop_index(batch_op.f("ix_case_list_presentation_case_list_id"))

    op.drop_table("case_list_presentation")
    with op.batch_alter_table("case_list_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_list_entry_case_list_id"))
        batch_op.drop_index(batch_op.f("ix_case_list_entry_case_id"))

    op.drop_table("case_list_entry")
    with op.batch_alter_table("briefing", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_briefing_title"))
        batch_op.drop_index(batch_op.f("ix_briefing_event_id"))

    op.drop_table("briefing")
    with op.batch_alter_table("template", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_template_name"))

    op.drop_table("template")
    with op.batch_alter_table("talking_point", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_talking_point_topic"))

    op.drop_table("talking_point")
    op.drop_table("store_info")
    op.drop_table("search_doc")
    with op.batch_alter_table("revision", schema=None) as batch_op:
        batch_op.drop_index("ix_revision_entity")

    op.drop_table("revision")
    with op.batch_alter_table("public_diplomacy_point", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_public_diplomacy_point_topic"))

    op.drop_table("public_diplomacy_point")
    op.drop_table("goal")
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_title"))

    op.drop_table("event")
    with op.batch_alter_table("counter_argument", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_counter_argument_topic"))

    op.drop_table("counter_argument")
    with op.batch_alter_table("case_list", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_list_name"))

    op.drop_table("case_list")
    with op.batch_alter_table("case", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_primary_name"))

    op.drop_table("case")
