"""Case review sessions: record the counterpart's replies, case by case, in one pass.

The counterpart's replies are "frequently out-of-date or simply false" (memorandum of Dec
1987, §18), so each is recorded as a status event whose source is the session and whose
reliability is "counterpart claim"; a reply that contradicts the latest status from any
other source is a discrepancy, listed for follow-up. Nothing is overwritten: history only
grows, and the newest report still wins the "latest status".
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from briefer.errors import BrieferError, ValidationError
from briefer.models import Case, CaseList, CaseListPresentation, CaseStatusEvent, Event, EventKind
from briefer.names import name_key
from briefer.services import cases as case_service
from briefer.services import validation as v
from briefer.services.lookup import by_id
from briefer.vocabulary import case_vocabulary

COUNTERPART_CLAIM = "counterpart claim"


@dataclass(frozen=True)
class Discrepancy:
    case: str
    reply: str
    reply_on: str
    other: str
    other_on: str
    other_source: str

    @property
    def message(self) -> str:
        return (
            f"{self.case}: the counterpart says '{self.reply}' ({self.reply_on}), but "
            f"{self.other_source} reported '{self.other}' on {self.other_on}."
        )


def presented_lists(session: Session, event: Event) -> list[CaseList]:
    """The lists handed over at this event, whose cases the session walks through."""
    return list(
        session.scalars(
            select(CaseList)
            .join(CaseListPresentation)
            .where(CaseListPresentation.event_id == event.id)
            .order_by(CaseList.name)
        )
    )


def _latest_other(case: Case, exclude: CaseStatusEvent | None = None) -> CaseStatusEvent | None:
    for status_event in case.status_events:  # newest first
        if status_event is not exclude and status_event.reliability != COUNTERPART_CLAIM:
            return status_event
    return None


def _discrepancy(case: Case, reply: CaseStatusEvent) -> Discrepancy | None:
    other = _latest_other(case, exclude=reply)
    if other is None or other.status == reply.status:
        return None
    return Discrepancy(
        case.primary_name,
        reply.status,
        reply.occurred_on.isoformat(),
        other.status,
        other.occurred_on.isoformat(),
        other.source,
    )


def record_reply(
    session: Session,
    event: Event,
    case: Case,
    status: str,
    note: str = "",
    on: date | str | None = None,
) -> tuple[CaseStatusEvent, Discrepancy | None]:
    reply = case_service.add_status(
        session,
        case,
        occurred_on=on or event.starts_on,
        status=status,
        source=f"{event.title} — counterpart reply",
        reliability=COUNTERPART_CLAIM,
        note=note,
        event=event,
        sample=event.sample and case.sample,
    )
    return reply, _discrepancy(case, reply)


def discrepancies(session: Session, event: Event) -> list[Discrepancy]:
    """Every reply recorded at this event that another source contradicts."""
    replies = session.scalars(select(CaseStatusEvent).where(CaseStatusEvent.event_id == event.id))
    found = [d for reply in replies if (d := _discrepancy(reply.case, reply)) is not None]
    return sorted(found, key=lambda d: d.case)


# ------------------------------------------------------------------ the window's session


@dataclass(frozen=True)
class SessionRow:
    """One case to ask about: what we last knew from our own sources, and any reply."""

    list_name: str
    case_id: str
    name: str
    known_status: str
    known_on: str
    known_source: str
    reply_status: str
    reply_note: str


@dataclass(frozen=True)
class ReplyInput:
    case_id: str
    status: str
    note: str = ""
    on: str = ""  # empty: the event's date


def review_events(session: Session) -> list[tuple[str, str, str]]:
    """(id, title, date) of the case review events, newest first."""
    rows = session.execute(
        select(Event.id, Event.title, Event.starts_on)
        .where(Event.kind == EventKind.CASE_REVIEW)
        .order_by(Event.starts_on.desc())
    )
    return [(str(event_id), title, starts.isoformat()) for event_id, title, starts in rows]


def _event(session: Session, event_id: str) -> Event:
    return by_id(session, Event, event_id, "event")


def session_rows(session: Session, event_id: str) -> list[SessionRow]:
    """Every case on every list presented at the event, list by list, in list order."""
    event = _event(session, event_id)
    rows = []
    for case_list in presented_lists(session, event):
        for case in case_list.cases:
            known = _latest_other(case)
            reply = next((s for s in case.status_events if s.event_id == event.id), None)
            rows.append(
                SessionRow(
                    case_list.name,
                    str(case.id),
                    case.primary_name,
                    known.status if known else "",
                    known.occurred_on.isoformat() if known else "",
                    known.source if known else "",
                    reply.status if reply else "",
                    reply.note if reply else "",
                )
            )
    return rows


def record_replies(session: Session, event_id: str, replies: list[ReplyInput]) -> list[Discrepancy]:
    """Record a whole session's replies in one unit of work; return every discrepancy now
    standing at the event (earlier replies included)."""
    event = _event(session, event_id)
    checked, problems = [], []
    for reply in replies:  # every row is checked before any is written
        case = by_id(session, Case, reply.case_id, "case")
        try:
            checked.append((case, *_checked(reply.status, reply.on, reply.note, event)))
        except ValidationError as exc:
            problems.append(f"{case.primary_name}: {exc}")
    if problems:
        raise ValidationError("Nothing was recorded:\n" + "\n".join(problems))
    for case, status, on, note in checked:
        record_reply(session, event, case, status, note, on)
    return discrepancies(session, event)


def _checked(status: str, on: str, note: str, event: Event) -> tuple[str, date, str]:
    """One reply's status, date (the event's when empty) and note, as the store takes them;
    the window's pass and the CSV import check replies alike."""
    return (
        v.vocabulary(status, case_vocabulary().statuses, "Status"),
        v.a_date(on, "Date") if on.strip() else event.starts_on,
        v.clean_text(note, "Note"),
    )


def event_discrepancies(session: Session, event_id: str) -> list[Discrepancy]:
    return discrepancies(session, _event(session, event_id))


# ------------------------------------------------------------------ CSV import


@dataclass(frozen=True)
class ReplyRow:
    line: int
    case: Case
    status: str
    on: date
    note: str


class ImportRefused(ValidationError):
    """Some rows are wrong; nothing was written. ``problems`` are (line, reason) pairs."""

    def __init__(self, problems: list[tuple[int, str]]):
        listing = "\n".join(f"  line {line}: {reason}" for line, reason in problems)
        super().__init__(f"Nothing was imported: {len(problems)} row(s) need fixing.\n{listing}")
        self.problems = problems


def _find_case(session: Session, ref: str, keys: dict[str, list[Case]]) -> Case:
    """By id, by exact primary name, else by name key (any spelling, any alphabet)."""
    try:
        return case_service.get_case(session, ref)
    except BrieferError:
        pass
    matches = keys.get(name_key(ref), [])
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise ValidationError(f"no case is named '{ref}' (in any spelling)")
    raise ValidationError(f"'{ref}' matches {len(matches)} cases; give the case's id")


def read_replies(session: Session, event: Event, text: str) -> list[ReplyRow]:
    """Check every row of a ``case,status,date,note`` CSV; raise with all problems at once."""
    reader = csv.DictReader(io.StringIO(text))
    expected = {"case", "status", "date", "note"}
    header = {h.strip().lower() for h in reader.fieldnames or []}
    if not {"case", "status"} <= header:
        raise ImportRefused(
            [
                (
                    1,
                    f"the header must name the columns {', '.join(sorted(expected))}"
                    f"; found: {', '.join(sorted(header)) or 'none'}",
                )
            ]
        )
    keys: dict[str, list[Case]] = {}
    for case in session.scalars(select(Case)):
        for key in case.name_keys or []:
            keys.setdefault(key, []).append(case)
    rows, problems = [], []
    for line, raw in enumerate(reader, start=2):
        record = {k.strip().lower(): (val or "").strip() for k, val in raw.items() if k}
        try:
            case = _find_case(session, record.get("case", ""), keys)
            status, on, note = _checked(
                record.get("status", ""), record.get("date", ""), record.get("note", ""), event
            )
            rows.append(ReplyRow(line, case, status, on, note))
        except ValidationError as exc:
            problems.append((line, str(exc)))
    if problems:
        raise ImportRefused(problems)
    return rows


def import_replies(
    session: Session, event: Event, path: Path, *, dry_run: bool = False
) -> tuple[list[ReplyRow], list[Discrepancy]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValidationError(f"Cannot read {path} as UTF-8 text: {exc}") from exc
    rows = read_replies(session, event, text)
    if dry_run:
        return rows, []
    found: list[Any] = []
    for row in rows:
        _reply, discrepancy = record_reply(session, event, row.case, row.status, row.note, row.on)
        if discrepancy is not None:
            found.append(discrepancy)
    return rows, found
