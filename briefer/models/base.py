"""Declarative base and the columns every record shares.

Every record has a UUID primary key (stable when a library moves between stores), a
version counter that SQLAlchemy checks on every UPDATE/DELETE (a stale write raises instead
of silently overwriting a colleague's edit), a ``sample`` flag (sample data must be
recognisable wherever it travels) and timestamps.
"""

from __future__ import annotations

import enum
import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, DateTime, MetaData, String, Uuid
from sqlalchemy import Enum as SAEnum
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from briefer.clock import now_utc

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {  # noqa: RUF012 - read once by SQLAlchemy's declarative scan
        uuid.UUID: Uuid(),
        dict[str, Any]: JSON(),
        list[str]: JSON(),
        list[dict[str, Any]]: JSON(),
        str: String(),
        datetime: DateTime(),
        date: Date(),
    }


def str_enum(enum_class: type[enum.StrEnum]) -> SAEnum:
    """Store an enum as its plain value in a VARCHAR: portable, readable, no native types."""
    return SAEnum(
        enum_class,
        native_enum=False,
        create_constraint=False,
        length=32,
        values_callable=lambda members: [m.value for m in members],
    )


class Record:
    """Columns shared by every persistent entity."""

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    version: Mapped[int] = mapped_column(nullable=False)
    sample: Mapped[bool] = mapped_column(default=False, nullable=False)
    created_at: Mapped[datetime] = mapped_column(default=now_utc, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(default=now_utc, onupdate=now_utc, nullable=False)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.version}


class LibraryEntity(Record):
    """A reusable library entry with a revision number; see ``models.revisions``.

    ``REVISED_FIELDS`` names the fields whose change is a new revision of the entry.
    """

    REVISED_FIELDS: tuple[str, ...] = ()
    KIND: str = ""

    revision: Mapped[int] = mapped_column(default=1, nullable=False)

    def revised_snapshot(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for field in self.REVISED_FIELDS:
            value = getattr(self, field)
            values[field] = value.isoformat() if isinstance(value, date) else value
        return values


def describe_record(record: Any) -> str:
    """A record as a message names it: "talking point 'Jamming' (id)"."""
    kind = type(record).__name__
    noun = "".join(f" {c.lower()}" if c.isupper() else c for c in kind).strip()
    title = getattr(record, "title", None)
    return f"{noun} '{title}' ({record.id})" if title else f"{noun} {record.id}"
