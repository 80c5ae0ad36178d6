"""Individuals of concern, their status histories, and the lists they are presented on."""

from __future__ import annotations

import uuid
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.ext.orderinglist import ordering_list
from sqlalchemy.orm import Mapped, mapped_column, relationship

from briefer.models.base import Base, LibraryEntity, Record, str_enum
from briefer.models.enums import CaseListKind

if TYPE_CHECKING:
    from briefer.models.briefings import Event


class Case(LibraryEntity, Base):
    __tablename__ = "case"
    KIND = "case"
    REVISED_FIELDS = (
        "primary_name",
        "name_variants",
        "category",
        "location",
        "legal_basis",
        "since",
        "summary",
        "marking",
    )

    primary_name: Mapped[str] = mapped_column(String(200), index=True)
    name_variants: Mapped[list[str]] = mapped_column(default=list)
    # Spelling-insensitive keys of the primary name and every variant (briefer.names);
    # kept by the case services, used by search and duplicate detection.
    name_keys: Mapped[list[str]] = mapped_column(default=list)
    category: Mapped[str] = mapped_column(String(80))
    location: Mapped[str] = mapped_column(String(200), default="")
    legal_basis: Mapped[str] = mapped_column(String(200), default="")
    since: Mapped[date | None]
    summary: Mapped[str] = mapped_column(Text, default="")
    marking: Mapped[str] = mapped_column(String(80), default="UNCLASSIFIED")

    status_events: Mapped[list[CaseStatusEvent]] = relationship(
        back_populates="case",
        cascade="all, delete-orphan",
        order_by="(CaseStatusEvent.occurred_on.desc(), CaseStatusEvent.created_at.desc())",
    )

    @property
    def title(self) -> str:
        return self.primary_name

    @property
    def latest_status(self) -> CaseStatusEvent | None:
        """Newest wins: the most recent event by date (then by entry time)."""
        return self.status_events[0] if self.status_events else None

    def search_document(self) -> tuple[str, str]:
        variants = " ".join(self.name_variants or [])
        keys = " ".join(self.name_keys or [])
        return (
            self.primary_name,
            f"{variants}\n{keys}\n{self.category}\n{self.location}\n{self.summary}",
        )


class CaseStatusEvent(Record, Base):
    """One report of a case's status, with where it came from and how far to trust it."""

    __tablename__ = "case_status_event"

    case_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("case.id", ondelete="CASCADE"), index=True
    )
    occurred_on: Mapped[date]
    status: Mapped[str] = mapped_column(String(40))
    source: Mapped[str] = mapped_column(String(300), default="")
    reliability: Mapped[str] = mapped_column(String(40), default="unverified")
    note: Mapped[str] = mapped_column(Text, default="")
    event_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("event.id", ondelete="SET NULL"), index=True
    )

    case: Mapped[Case] = relationship(back_populates="status_events")


class CaseList(Record, Base):
    __tablename__ = "case_list"

    name: Mapped[str] = mapped_column(String(200), index=True)
    kind: Mapped[CaseListKind] = mapped_column(str_enum(CaseListKind))
    forum: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")

    entries: Mapped[list[CaseListEntry]] = relationship(
        back_populates="case_list",
        cascade="all, delete-orphan",
        order_by="CaseListEntry.position",
        collection_class=ordering_list("position"),
    )
    presentations: Mapped[list[CaseListPresentation]] = relationship(
        back_populates="case_list",
        cascade="all, delete-orphan",
        order_by="CaseListPresentation.presented_on",
    )

    @property
    def title(self) -> str:
        return self.name

    @property
    def cases(self) -> list[Case]:
        return [entry.case for entry in self.entries]


class CaseListEntry(Record, Base):
    __tablename__ = "case_list_entry"

    case_list_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("case_list.id", ondelete="CASCADE"), index=True
    )
    case_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("case.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int]

    case_list: Mapped[CaseList] = relationship(back_populates="entries")
    case: Mapped[Case] = relationship()


class CaseListPresentation(Record, Base):
    """Where and when a list was handed over — the basis of a case review session."""

    __tablename__ = "case_list_presentation"

    case_list_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("case_list.id", ondelete="CASCADE"), index=True
    )
    event_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("event.id", ondelete="CASCADE"), index=True
    )
    presented_on: Mapped[date]
    note: Mapped[str] = mapped_column(Text, default="")

    case_list: Mapped[CaseList] = relationship(back_populates="presentations")
    event: Mapped[Event] = relationship()
