"""The reusable library: talking points, counter-arguments, public-diplomacy points."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from briefer.clock import now_utc
from briefer.models.base import Base, LibraryEntity


class TalkingPoint(LibraryEntity, Base):
    __tablename__ = "talking_point"
    KIND = "point"
    REVISED_FIELDS = ("topic", "title", "body", "marking", "tags")

    topic: Mapped[str] = mapped_column(String(120), index=True)
    title: Mapped[str] = mapped_column(String(300), index=True)
    body: Mapped[str] = mapped_column(Text, default="")
    marking: Mapped[str] = mapped_column(String(80), default="UNCLASSIFIED")
    tags: Mapped[list[str]] = mapped_column(default=list)
    reviewed_on: Mapped[date | None]
    reviewed_by: Mapped[str | None] = mapped_column(String(120))

    def search_document(self) -> tuple[str, str]:
        return self.title, f"{self.topic}\n{self.body}\n{' '.join(self.tags or [])}"


class CounterArgument(LibraryEntity, Base):
    """ "They will say … we answer …" — an anticipated counterpunch and our response."""

    __tablename__ = "counter_argument"
    KIND = "counter"
    REVISED_FIELDS = ("topic", "their_point", "our_response", "marking")

    topic: Mapped[str] = mapped_column(String(120), index=True)
    their_point: Mapped[str] = mapped_column(Text)
    our_response: Mapped[str] = mapped_column(Text, default="")
    marking: Mapped[str] = mapped_column(String(80), default="UNCLASSIFIED")

    @property
    def title(self) -> str:
        return self.their_point

    def search_document(self) -> tuple[str, str]:
        return self.their_point, f"{self.topic}\n{self.our_response}"


class PublicDiplomacyPoint(LibraryEntity, Base):
    """A point cleared for public use; always unclassified (services refuse anything else)."""

    __tablename__ = "public_diplomacy_point"
    KIND = "pd"
    REVISED_FIELDS = ("topic", "text", "cleared_on")

    topic: Mapped[str] = mapped_column(String(120), index=True)
    text: Mapped[str] = mapped_column(Text)
    cleared_on: Mapped[date | None]

    @property
    def marking(self) -> str:
        return "UNCLASSIFIED"

    @property
    def title(self) -> str:
        return self.text

    def search_document(self) -> tuple[str, str]:
        return self.text, self.topic


class Revision(Base):
    """One past state of a library entity; written automatically on every revising change.

    A single table serves every library kind so that one history view and one diff serve
    them all. Revisions are history: they are never edited, so they carry no version counter.
    """

    __tablename__ = "revision"
    __table_args__ = (Index("ix_revision_entity", "entity_kind", "entity_id", "number"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    entity_kind: Mapped[str] = mapped_column(String(16))
    entity_id: Mapped[uuid.UUID]
    number: Mapped[int]
    data: Mapped[dict[str, Any]]
    changed_at: Mapped[datetime] = mapped_column(default=now_utc)
    sample: Mapped[bool] = mapped_column(default=False)
