"""Case-list hygiene: keep the lists few, small and accurate (memorandum of Dec 1987, §19).

Each rule returns warnings a person acts on; nothing is changed. "Today" is the store's
(see briefer.clock), so the sample workspace is judged as of 1987-12-20.
"""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from briefer.models import Case, CaseList, CaseListEntry
from briefer.vocabulary import case_vocabulary

DEFAULT_MAX_NAMES = 12
DEFAULT_STALE_DAYS = 365
RULES = ("too-many-names", "same-forum", "closed-but-listed", "no-recent-update")


@dataclass(frozen=True)
class HygieneWarning:
    rule: str
    list: str
    case: str | None
    message: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def check_lists(
    session: Session,
    today: date,
    *,
    max_names: int = DEFAULT_MAX_NAMES,
    stale_days: int = DEFAULT_STALE_DAYS,
    only: str | None = None,
) -> list[HygieneWarning]:
    """Every warning, or with ``only`` (a list id) that list's: the window shows one list's
    warnings per click, without reading every case history of every list."""
    query = (
        select(CaseList)
        .order_by(CaseList.name)
        .options(
            selectinload(CaseList.entries)
            .selectinload(CaseListEntry.case)
            .selectinload(Case.status_events)
        )
    )
    if only is not None:
        query = query.where(CaseList.id == uuid.UUID(only))
    lists = list(session.scalars(query))
    closed = case_vocabulary().closed_statuses
    cutoff = today - timedelta(days=stale_days)
    warnings: list[HygieneWarning] = []
    by_forum: dict[str, dict[str, list[str]]] = {}
    for case_list in lists:
        if len(case_list.entries) > max_names:
            warnings.append(
                HygieneWarning(
                    "too-many-names",
                    case_list.name,
                    None,
                    f"'{case_list.name}' has {len(case_list.entries)} names; keep lists at "
                    f"{max_names} or fewer so the counterpart can answer each one.",
                )
            )
        for case in case_list.cases:
            latest = case.latest_status
            if latest is not None and latest.status in closed:
                warnings.append(
                    HygieneWarning(
                        "closed-but-listed",
                        case_list.name,
                        case.primary_name,
                        f"{case.primary_name} is {latest.status} "
                        f"({latest.occurred_on.isoformat()}, {latest.source}) but still on "
                        f"'{case_list.name}'. Confirm and remove.",
                    )
                )
            elif latest is None or latest.occurred_on < cutoff:
                since = latest.occurred_on.isoformat() if latest else "ever"
                warnings.append(
                    HygieneWarning(
                        "no-recent-update",
                        case_list.name,
                        case.primary_name,
                        f"No status update for {case.primary_name} since {since} "
                        f"(over {stale_days} days before {today.isoformat()}).",
                    )
                )
    # Which lists for one forum name one person: read from every list (names only), even
    # when only one list's warnings are wanted.
    for forum, list_name, case_name in session.execute(
        select(CaseList.forum, CaseList.name, Case.primary_name)
        .join(CaseListEntry, CaseListEntry.case_list_id == CaseList.id)
        .join(Case, Case.id == CaseListEntry.case_id)
        .where(CaseList.forum != "")
        .order_by(CaseList.name, CaseListEntry.position)
    ):
        by_forum.setdefault(forum, {}).setdefault(case_name, []).append(list_name)
    wanted = {case_list.name for case_list in lists}
    for forum, names in sorted(by_forum.items()):
        for name, on_lists in sorted(names.items()):
            if len(on_lists) > 1:
                for list_name in (n for n in on_lists if n in wanted):
                    warnings.append(
                        HygieneWarning(
                            "same-forum",
                            list_name,
                            name,
                            f"{name} is on {len(on_lists)} lists for {forum}: "
                            f"{', '.join(on_lists)}. Keep one.",
                        )
                    )
    return warnings
