"""Cases, their status histories, and case lists with their presentations."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from briefer.errors import ValidationError
from briefer.models import (
    Case,
    CaseList,
    CaseListEntry,
    CaseListKind,
    CaseListPresentation,
    CaseStatusEvent,
    Event,
)
from briefer.names import name_keys
from briefer.services import validation as v
from briefer.services.lookup import resolve
from briefer.vocabulary import case_vocabulary


def _variants(value: Any) -> list[str]:
    items = value.split(";") if isinstance(value, str) else list(value or [])
    seen: dict[str, str] = {}
    for item in items:
        name = " ".join(v.clean_text(item, "Name variant", max_length=200).split())
        if name:
            seen.setdefault(name.casefold(), name)
    return list(seen.values())


_CASE_RULES = {
    "primary_name": lambda x: v.required_text(x, "Name", max_length=200),
    "name_variants": _variants,
    "category": lambda x: v.required_text(x, "Category", max_length=80),
    "location": lambda x: v.clean_text(x, "Location", max_length=200),
    "legal_basis": lambda x: v.clean_text(x, "Legal basis", max_length=200),
    "since": lambda x: v.optional_date(x, "Since"),
    "summary": lambda x: v.clean_text(x, "Summary"),
    "marking": v.marking,
    "sample": bool,
}

_LIST_RULES = {
    "name": lambda x: v.required_text(x, "List name", max_length=200),
    "kind": lambda x: v.choice(CaseListKind, x, "List kind"),
    "forum": lambda x: v.clean_text(x, "Forum", max_length=200),
    "description": lambda x: v.clean_text(x, "Description"),
    "sample": bool,
}


def _refresh_keys(case: Case) -> None:
    keys = name_keys([case.primary_name, *(case.name_variants or [])])
    if keys != case.name_keys:
        case.name_keys = keys


def create_case(session: Session, **fields: Any) -> Case:
    return v.create(session, Case, _CASE_RULES, fields, check=_refresh_keys)


def update_case(session: Session, case: Case, **changes: Any) -> Case:
    return v.update(session, case, _CASE_RULES, changes, check=_refresh_keys)


@dataclass(frozen=True)
class PossibleDuplicate:
    case_id: str
    name: str
    score: float  # 100 = the same name key
    same_key: bool


def possible_duplicates(
    session: Session,
    names: list[str],
    *,
    exclude: Case | None = None,
    threshold: float = 85.0,
    limit: int = 5,
) -> list[PossibleDuplicate]:
    """Existing cases whose names match these, best first — to offer, never to merge.

    Equal keys are the same name spelled differently; a near key (rapidfuzz's token-set
    ratio, which also matches "Sharansky" inside "Anatoly Shcharanskiy") may be a relative.
    """
    from rapidfuzz import fuzz, process

    wanted = name_keys(names)
    if not wanted:
        return []
    candidates: dict[str, str] = {}
    names_by_key: dict[str, tuple[str, str]] = {}
    for case_id, primary, keys in session.execute(
        select(Case.id, Case.primary_name, Case.name_keys)
    ):
        if exclude is not None and case_id == exclude.id:
            continue
        for key in keys or []:
            candidates[f"{case_id}|{key}"] = key
            names_by_key[f"{case_id}|{key}"] = (str(case_id), primary)
    best: dict[str, PossibleDuplicate] = {}
    for key in wanted:
        for _match, score, label in process.extract(
            key,
            candidates,
            scorer=fuzz.token_set_ratio,
            limit=limit * 4,
            score_cutoff=threshold,
        ):
            case_id, primary = names_by_key[label]
            same = candidates[label] == key
            found = PossibleDuplicate(case_id, primary, 100.0 if same else float(score), same)
            if case_id not in best or found.score > best[case_id].score:
                best[case_id] = found
    return sorted(best.values(), key=lambda d: (-d.score, d.name))[:limit]


def delete_case(session: Session, case: Case) -> None:
    session.delete(case)
    session.flush()


def add_status(
    session: Session,
    case: Case,
    *,
    occurred_on: Any,
    status: str,
    source: str,
    reliability: str = "unverified",
    note: str = "",
    event: Event | None = None,
    sample: bool = False,
) -> CaseStatusEvent:
    """Record one status report; the newest by date is the case's latest status."""
    vocab = case_vocabulary()
    status_event = CaseStatusEvent(
        occurred_on=v.a_date(occurred_on, "Status date"),
        status=v.vocabulary(status, vocab.statuses, "Status"),
        source=v.required_text(source, "Source"),
        reliability=v.vocabulary(reliability, vocab.reliability, "Reliability"),
        note=v.clean_text(note, "Note"),
        event_id=event.id if event else None,
        sample=sample,
    )
    # Newest first, as the relationship loads them; a same-day report entered later wins.
    case.status_events.insert(0, status_event)
    case.status_events.sort(key=lambda e: e.occurred_on, reverse=True)
    session.flush()
    return status_event


def list_cases(session: Session) -> list[Case]:
    return list(
        session.scalars(
            select(Case).options(selectinload(Case.status_events)).order_by(Case.primary_name)
        )
    )


def get_case(session: Session, ref: str) -> Case:
    return resolve(session, Case, ref, title_field="primary_name", noun="case")


def create_list(session: Session, **fields: Any) -> CaseList:
    return v.create(session, CaseList, _LIST_RULES, fields)


def update_list(session: Session, case_list: CaseList, **changes: Any) -> CaseList:
    return v.update(session, case_list, _LIST_RULES, changes)


def add_to_list(
    session: Session, case_list: CaseList, case: Case, index: int | None = None
) -> CaseListEntry:
    if any(entry.case_id == case.id for entry in case_list.entries):
        raise ValidationError(f"'{case.primary_name}' is already on '{case_list.name}'.")
    entry = CaseListEntry(case=case, sample=case_list.sample)
    if index is None:
        case_list.entries.append(entry)
    else:
        case_list.entries.insert(index, entry)
    session.flush()
    return entry


def move_in_list(session: Session, case_list: CaseList, case: Case, index: int) -> None:
    entry = next((e for e in case_list.entries if e.case_id == case.id), None)
    if entry is None:
        raise ValidationError(f"'{case.primary_name}' is not on '{case_list.name}'.")
    with session.no_autoflush:
        case_list.entries.remove(entry)
        case_list.entries.insert(max(0, min(index, len(case_list.entries))), entry)
    session.flush()


def remove_from_list(session: Session, case_list: CaseList, case: Case) -> None:
    entry = next((e for e in case_list.entries if e.case_id == case.id), None)
    if entry is None:
        raise ValidationError(f"'{case.primary_name}' is not on '{case_list.name}'.")
    case_list.entries.remove(entry)
    session.flush()


def add_presentation(
    session: Session, case_list: CaseList, event: Event, presented_on: Any = None, note: str = ""
) -> CaseListPresentation:
    presentation = CaseListPresentation(
        event=event,
        presented_on=v.a_date(presented_on, "Presented on") if presented_on else event.starts_on,
        note=v.clean_text(note, "Note"),
        sample=case_list.sample,
    )
    case_list.presentations.append(presentation)
    session.flush()
    return presentation


def list_lists(session: Session) -> list[CaseList]:
    return list(session.scalars(select(CaseList).order_by(CaseList.name)))


def get_list(session: Session, ref: str) -> CaseList:
    return resolve(session, CaseList, ref, title_field="name", noun="case list")


def delete_status(session: Session, status_event: CaseStatusEvent) -> None:
    """Remove a status report entered by mistake; the case's latest status follows."""
    status_event.case.status_events.remove(status_event)
    session.flush()


def delete_list(session: Session, case_list: CaseList) -> None:
    """Delete a list (its cases stay in the library; briefings keep their snapshots)."""
    session.delete(case_list)
    session.flush()


def delete_presentation(session: Session, presentation: CaseListPresentation) -> None:
    presentation.case_list.presentations.remove(presentation)
    session.flush()
