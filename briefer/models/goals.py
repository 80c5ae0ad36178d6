"""Goals by tier, their indicators and the observations that measure progress."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Float, ForeignKey, String, Text
from sqlalchemy.ext.orderinglist import ordering_list
from sqlalchemy.orm import Mapped, mapped_column, relationship

from briefer.models.base import Base, Record, str_enum
from briefer.models.enums import Assessment, GoalTier


class Goal(Record, Base):
    __tablename__ = "goal"

    tier: Mapped[GoalTier] = mapped_column(str_enum(GoalTier))
    position: Mapped[int] = mapped_column(default=0)
    text: Mapped[str] = mapped_column(Text)
    assessment: Mapped[Assessment] = mapped_column(
        str_enum(Assessment), default=Assessment.NO_CHANGE
    )
    note: Mapped[str] = mapped_column(Text, default="")
    marking: Mapped[str] = mapped_column(String(80), default="UNCLASSIFIED")

    indicators: Mapped[list[Indicator]] = relationship(
        back_populates="goal",
        cascade="all, delete-orphan",
        order_by="Indicator.position",
        collection_class=ordering_list("position"),
    )

    @property
    def title(self) -> str:
        return self.text


class Indicator(Record, Base):
    """Something measurable, e.g. emigration per month against a 10,000-a-year goal."""

    __tablename__ = "indicator"

    goal_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("goal.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    name: Mapped[str] = mapped_column(String(200))
    unit: Mapped[str] = mapped_column(String(80), default="")
    target: Mapped[float | None] = mapped_column(Float)
    target_note: Mapped[str] = mapped_column(String(200), default="")

    goal: Mapped[Goal] = relationship(back_populates="indicators")
    observations: Mapped[list[Observation]] = relationship(
        back_populates="indicator", cascade="all, delete-orphan", order_by="Observation.observed_on"
    )


class Observation(Record, Base):
    __tablename__ = "observation"

    indicator_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("indicator.id", ondelete="CASCADE"), index=True
    )
    observed_on: Mapped[date]
    value: Mapped[float] = mapped_column(Float)
    source: Mapped[str] = mapped_column(String(300), default="")
    note: Mapped[str] = mapped_column(Text, default="")

    indicator: Mapped[Indicator] = relationship(back_populates="observations")
