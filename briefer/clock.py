"""The one source of "today" for every date rule (stale, review due, no update for N days).

A store may carry a fixed "as of" date (the sample workspace is frozen at 1987-12-20);
otherwise ``BRIEFER_TODAY=YYYY-MM-DD`` sets today for tests and demonstrations; otherwise it
is the real date.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime

from briefer.errors import ValidationError


def today(as_of: date | None = None) -> date:
    if as_of is not None:
        return as_of
    override = os.environ.get("BRIEFER_TODAY")
    if override:
        try:
            return date.fromisoformat(override)
        except ValueError as exc:
            raise ValidationError(
                f"BRIEFER_TODAY={override!r} is not a date; use the form YYYY-MM-DD."
            ) from exc
    return date.today()


def now_utc() -> datetime:
    """Timestamps are stored as naive UTC so SQLite and PostgreSQL read back the same value."""
    return datetime.now(UTC).replace(tzinfo=None)
