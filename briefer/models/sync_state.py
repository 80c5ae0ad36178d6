"""What two stores last agreed on, record by record: the basis of ``copy --merge``.

After a copy or a merge each store notes, for the other (its ``peer``), the version every
record had in common. A later merge takes the source's newer version only where the target
still holds that common version — where both sides changed the record since, it is a
conflict, reported and left as it was.
"""

from __future__ import annotations

import uuid

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from briefer.models.base import Base

STORE_ID_KEY = "store_id"


class SyncState(Base):
    __tablename__ = "sync_state"

    peer_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    table_name: Mapped[str] = mapped_column(String(64), primary_key=True)
    record_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    version: Mapped[int]
