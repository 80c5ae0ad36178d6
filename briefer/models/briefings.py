"""Events, the briefings prepared for them, and the briefing's sections and items."""

from __future__ import annotations

import uuid
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.ext.orderinglist import ordering_list
from sqlalchemy.orm import Mapped, mapped_column, relationship

from briefer.models.base import Base, Record, str_enum
from briefer.models.enums import (
    BriefingStatus,
    ClearanceStatus,
    EventKind,
    MemoKind,
    SectionKind,
    SourceKind,
)

if TYPE_CHECKING:
    from briefer.models.cases import CaseList


class Event(Record, Base):
    """What a briefing is for: a summit, a ministerial, a case-review session …"""

    __tablename__ = "event"

    title: Mapped[str] = mapped_column(String(300), index=True)
    kind: Mapped[EventKind] = mapped_column(str_enum(EventKind))
    starts_on: Mapped[date]
    ends_on: Mapped[date | None]
    location: Mapped[str] = mapped_column(String(200), default="")
    principal: Mapped[str] = mapped_column(String(200), default="")
    counterpart: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    briefings: Mapped[list[Briefing]] = relationship(
        back_populates="event", order_by="Briefing.created_at"
    )


class Briefing(Record, Base):
    """The book being built for an event; its overall marking is computed, never stored."""

    __tablename__ = "briefing"

    event_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("event.id", ondelete="RESTRICT"), index=True
    )
    title: Mapped[str] = mapped_column(String(300), index=True)
    subject: Mapped[str] = mapped_column(String(500), default="")
    memo_kind: Mapped[MemoKind] = mapped_column(
        str_enum(MemoKind), default=MemoKind.INFORMATION_MEMO
    )
    from_line: Mapped[str] = mapped_column(String(300), default="")
    to_line: Mapped[str] = mapped_column(String(300), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[BriefingStatus] = mapped_column(
        str_enum(BriefingStatus), default=BriefingStatus.DRAFT
    )
    base_marking: Mapped[str] = mapped_column(String(80), default="UNCLASSIFIED")
    classified_by: Mapped[str] = mapped_column(String(200), default="")
    classification_reason: Mapped[str] = mapped_column(String(200), default="")
    declassify_on: Mapped[str] = mapped_column(String(80), default="")
    eo_line: Mapped[str] = mapped_column(String(120), default="")
    tags: Mapped[str] = mapped_column(String(200), default="")
    numbered_paragraphs: Mapped[bool] = mapped_column(default=False)
    drafted_by: Mapped[str] = mapped_column(String(300), default="")
    drafted_on: Mapped[date | None]
    approved_by: Mapped[str] = mapped_column(String(200), default="")
    # The briefing this one was carried forward from: the basis of carry-forward review.
    carried_from_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("briefing.id", ondelete="SET NULL")
    )

    event: Mapped[Event] = relationship(back_populates="briefings")
    sections: Mapped[list[Section]] = relationship(
        back_populates="briefing",
        cascade="all, delete-orphan",
        order_by="Section.position",
        collection_class=ordering_list("position"),
    )
    clearances: Mapped[list[Clearance]] = relationship(
        back_populates="briefing",
        cascade="all, delete-orphan",
        order_by="Clearance.position",
        collection_class=ordering_list("position"),
    )

    versions: Mapped[list[BriefingVersion]] = relationship(
        back_populates="briefing", cascade="all, delete-orphan", order_by="BriefingVersion.number"
    )

    @property
    def items(self) -> list[BriefingItem]:
        return [item for section in self.sections for item in section.items]


class Section(Record, Base):
    __tablename__ = "section"

    briefing_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("briefing.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int]
    kind: Mapped[SectionKind] = mapped_column(str_enum(SectionKind))
    title: Mapped[str] = mapped_column(String(300))
    intro: Mapped[str] = mapped_column(Text, default="")
    case_list_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("case_list.id", ondelete="SET NULL")
    )

    briefing: Mapped[Briefing] = relationship(back_populates="sections")
    case_list: Mapped[CaseList | None] = relationship()
    items: Mapped[list[BriefingItem]] = relationship(
        back_populates="section",
        cascade="all, delete-orphan",
        order_by="BriefingItem.position",
        collection_class=ordering_list("position"),
    )


class BriefingItem(Record, Base):
    """A *copy* of a library entry (or literal text) at inclusion time, linked to its source.

    The copy is what the principal reads; the link and ``source_revision`` let carry-forward
    review show what changed in the library since. A case row also snapshots the case's
    latest status at inclusion so that drift is visible.
    """

    __tablename__ = "briefing_item"

    section_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("section.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int]
    title: Mapped[str] = mapped_column(String(500), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    response: Mapped[str] = mapped_column(Text, default="")
    marking: Mapped[str | None] = mapped_column(String(80))
    source_kind: Mapped[SourceKind | None] = mapped_column(str_enum(SourceKind))
    source_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    source_revision: Mapped[int | None]
    locally_edited: Mapped[bool] = mapped_column(default=False)
    snapshot: Mapped[dict[str, Any]] = mapped_column(default=dict)

    section: Mapped[Section] = relationship(back_populates="items")


class Clearance(Record, Base):
    __tablename__ = "clearance"

    briefing_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("briefing.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int]
    office: Mapped[str] = mapped_column(String(120))
    person: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[ClearanceStatus] = mapped_column(
        str_enum(ClearanceStatus), default=ClearanceStatus.PENDING
    )
    cleared_on: Mapped[date | None]

    briefing: Mapped[Briefing] = relationship(back_populates="clearances")


class Template(Record, Base):
    """A user template saved in the store; shipped templates live in ``templates/``."""

    __tablename__ = "template"

    name: Mapped[str] = mapped_column(String(200), index=True)
    description: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[dict[str, Any]] = mapped_column(default=dict)

    @property
    def title(self) -> str:
        return self.name


class BriefingVersion(Record, Base):
    """A briefing frozen as it went to clearance or became final: what ``diff`` compares."""

    __tablename__ = "briefing_version"
    __table_args__ = (UniqueConstraint("briefing_id", "number"),)

    briefing_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("briefing.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int]
    status: Mapped[str] = mapped_column(String(40))
    content: Mapped[dict[str, Any]] = mapped_column(default=dict)

    briefing: Mapped[Briefing] = relationship(back_populates="versions")


class ReviewDecision(Record, Base):
    """A carry-forward flag a person kept as it is, with why; accepted flags need no record
    (accepting updates the item, so the flag no longer arises)."""

    __tablename__ = "review_decision"
    __table_args__ = (UniqueConstraint("briefing_id", "flag_key"),)

    briefing_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("briefing.id", ondelete="CASCADE"), index=True
    )
    flag_key: Mapped[str] = mapped_column(String(300))
    note: Mapped[str] = mapped_column(Text, default="")
