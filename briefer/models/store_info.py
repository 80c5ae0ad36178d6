"""Facts about the store itself: that it is a Briefer store, its "as of" date, sample flag."""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from briefer.models.base import Base

APPLICATION_KEY = "application"
APPLICATION_VALUE = "briefer"
AS_OF_KEY = "as_of"
SAMPLE_KEY = "sample_workspace"


class StoreInfo(Base):
    __tablename__ = "store_info"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
