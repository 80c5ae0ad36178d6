"""Case-list hygiene: keep the lists few, small and accurate (memorandum of Dec 1987, §19).

Each rule returns warnings a person acts on; nothing is changed. "Today" is the store's
(see briefer.clock), so the sample workspace is judged as of 1987-12-20.
"""

from __future__ import annotations

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
) -> list[HygieneWarning]:
    lists = list(
        session.scalars(
            select(CaseList)
            .order_by(CaseList.name)
            .options(
                selectinload(CaseList.entries)
                .selectinload(CaseListEntry.case)
                .selectinload(Case.status_events)
            )
        )
    )
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
            if case_list.forum:
                by_forum.setdefault(case_list.forum, {}).setdefault(case.primary_name, []).append(
                    case_list.name
                )
    for forum, names in sorted(by_forum.items()):
        for name, on_lists in sorted(names.items()):
            if len(on_lists) > 1:
                for list_name in on_lists:
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
