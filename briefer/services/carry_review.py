"""Carry-forward review: every item of a briefing that needs a human look, with the reason.

Reuse is fast; reusing something stale must be impossible to miss. An item is flagged when
its library source was revised since the copy was taken, a case's status changed or the
case is now closed, a talking point is past its review date, a goal has new observations,
or the source's marking was raised (the copy would go out under-marked).

A flag is *accepted* by updating the item from its source (a closed case is taken out of
the briefing; a point past its review date is marked reviewed), after which it no longer
arises; or *kept* with a note, recorded against the flag's key. The key includes the state
that raised the flag (the source's revision, the case's newest status …), so a further
change raises a new flag even where an earlier one was kept.
"""

from __future__ import annotations

import copy
import hashlib
import uuid
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from briefer.errors import NotFoundError, ValidationError
from briefer.markings import combine, default_scheme
from briefer.models import (
    SOURCE_CLASSES,
    Briefing,
    BriefingItem,
    Case,
    Indicator,
    Observation,
    ReviewDecision,
)
from briefer.services import briefings as briefing_service
from briefer.services import history, library
from briefer.services import validation as v
from briefer.services.carry_forward import taken_at
from briefer.vocabulary import case_vocabulary

DEFAULT_REVIEW_DAYS = 180
KINDS = (
    "revised",
    "status-changed",
    "closed",
    "review-date",
    "new-observations",
    "marking-raised",
)
_NOUN = {
    "point": "talking point",
    "counter": "counter-argument",
    "pd": "public-diplomacy point",
    "case": "case",
    "goal": "goal",
}


@dataclass(frozen=True)
class Flag:
    id: str
    kind: str
    item: str  # what the item is called in the briefing
    item_id: str
    section: str
    source: str
    reason: str
    detail: str = ""  # the diff of a revised entry
    kept: str | None = None  # the note, when a person kept the item as it is
    key: str = ""

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("key")
        return data


def _flag_id(key: str) -> str:
    return hashlib.sha1(key.encode()).hexdigest()[:8]


def _label(item: BriefingItem) -> str:
    text = " ".join((item.title or item.text or "").split())
    return text if len(text) <= 80 else text[:77] + "…"


Found = list[tuple[str, str, str, str]]  # (kind, key, reason, detail)


def _source(session: Session, item: BriefingItem) -> Any:
    if item.source_kind is None or item.source_id is None:
        return None
    return session.get(SOURCE_CLASSES[item.source_kind.value], item.source_id)


def _load_sources(session: Session, briefing: Briefing) -> dict[Any, Any]:
    """Every source of the briefing in one query per kind (cases with their histories)
    rather than one query per item: {source id: source}."""
    ids: dict[str, set[Any]] = {}
    found: dict[Any, Any] = {}
    for item in briefing.items:
        if item.source_kind is not None and item.source_id is not None:
            ids.setdefault(item.source_kind.value, set()).add(item.source_id)
    for kind, wanted in ids.items():
        cls: Any = SOURCE_CLASSES[kind]
        query = select(cls).where(cls.id.in_(wanted))
        if kind == "case":
            query = query.options(selectinload(Case.status_events))
        found.update((source.id, source) for source in session.scalars(query))
    return found


def _revised(session: Session, item: BriefingItem, source: Any) -> Found:
    taken = item.source_revision or 1
    if source.revision <= taken:
        return []
    reason = f"revised since it was copied: revision {taken} → {source.revision}"
    detail = history.diff(session, source, taken, source.revision)
    return [("revised", f"revised:{item.id}:{source.revision}", reason, detail)]


def _case_status(item: BriefingItem, case: Any) -> Found:
    latest = case.latest_status
    if latest is None:
        return []
    snapshot = item.snapshot or {}
    then = (snapshot.get("status"), snapshot.get("status_on"))
    now = (latest.status, latest.occurred_on.isoformat())
    change = f"{then[0] or 'no status'} ({then[1] or '—'}) → {now[0]} ({now[1]}, {latest.source})"
    if latest.status in case_vocabulary().closed_statuses:
        what = change if now != then else f"{now[0]} ({now[1]}, {latest.source})"
        reason = f"closed but still in the briefing: {what}"
        return [("closed", f"closed:{item.id}:{latest.id}", reason, "")]
    if now != then:
        return [
            ("status-changed", f"status:{item.id}:{latest.id}", f"status changed: {change}", "")
        ]
    return []


def _review_date(item: BriefingItem, point: Any, today: date, review_days: int) -> Found:
    reviewed = point.reviewed_on
    if reviewed is not None and reviewed >= today - timedelta(days=review_days):
        return []
    when = reviewed.isoformat() if reviewed else "never"
    reason = (
        f"past its review date: last reviewed {when} (reviews are due every {review_days} days)"
    )
    return [("review-date", f"review:{item.id}:{when}", reason, "")]


def _new_observations(session: Session, item: BriefingItem, goal: Any) -> Found:
    since = datetime.fromisoformat(taken_at(item))
    newer = list(
        session.scalars(
            select(Observation)
            .join(Indicator)
            .where(Indicator.goal_id == goal.id, Observation.created_at > since)
            .order_by(Observation.observed_on)
        )
    )
    if not newer:
        return []
    listing = "; ".join(
        f"{o.indicator.name} {o.value:,.0f} {o.indicator.unit} on {o.observed_on}" for o in newer
    )
    key = f"observations:{item.id}:{max(o.created_at for o in newer).isoformat()}"
    return [("new-observations", key, f"{len(newer)} new observation(s) since: {listing}", "")]


def _marking_raised(item: BriefingItem, source: Any) -> Found:
    scheme = default_scheme()
    copied = scheme.parse(item.marking)
    wanted = combine([copied, scheme.parse(source.marking)])
    if wanted is None or str(wanted) == str(copied):
        return []
    reason = (
        f"the source is now marked {source.marking}; this copy says "
        f"{item.marking or 'nothing'} and would go out under-marked"
    )
    return [("marking-raised", f"marking:{item.id}:{source.marking}", reason, "")]


def _item_flags(
    session: Session, item: BriefingItem, source: Any, today: date, review_days: int
) -> Found:
    if source is None:
        return []
    kind = item.source_kind.value  # type: ignore[union-attr]
    found: Found = []
    if kind in ("point", "counter", "pd"):
        found += _revised(session, item, source)
    if kind == "case":
        found += _case_status(item, source)
    if kind == "point":
        found += _review_date(item, source, today, review_days)
    if kind == "goal":
        found += _new_observations(session, item, source)
    if kind != "pd":
        found += _marking_raised(item, source)
    return found


def _describe_source(item: BriefingItem, source: Any) -> str:
    kind = item.source_kind.value  # type: ignore[union-attr]
    title = " ".join(str(source.title).split())
    title = title if len(title) <= 60 else title[:57] + "…"
    revision = f", revision {source.revision}" if hasattr(source, "revision") else ""
    return f"{_NOUN[kind]} '{title}'{revision}"


def review(
    session: Session,
    briefing: Briefing,
    *,
    today: date,
    review_days: int = DEFAULT_REVIEW_DAYS,
    include_kept: bool = False,
) -> list[Flag]:
    """The briefing's flags in outline order; kept ones only with ``include_kept``."""
    kept = {
        d.flag_key: d.note
        for d in session.scalars(
            select(ReviewDecision).where(ReviewDecision.briefing_id == briefing.id)
        )
    }
    flags = []
    sources = _load_sources(session, briefing)
    for section in briefing.sections:
        for item in section.items:
            source = sources.get(item.source_id)
            for kind, key, reason, detail in _item_flags(session, item, source, today, review_days):
                if key in kept and not include_kept:
                    continue
                flags.append(
                    Flag(
                        _flag_id(key),
                        kind,
                        _label(item),
                        str(item.id),
                        section.title,
                        _describe_source(item, source),
                        reason,
                        detail,
                        kept.get(key),
                        key,
                    )
                )
    return flags


def _find(session: Session, briefing: Briefing, flag_id: str, today: date) -> Flag:
    for flag in review(session, briefing, today=today, include_kept=True):
        if flag.id == flag_id.strip():
            return flag
    raise NotFoundError(
        f"No review flag {flag_id!r} on '{briefing.title}'; run 'briefer review' to list them."
    )


@dataclass(frozen=True)
class Accepted:
    """What an accept did and what it replaced, so that it can be undone exactly.

    ``before`` holds the item's columns (a removed or refreshed item) or the point's review
    fields (a point marked reviewed), as plain values.
    """

    message: str
    action: str  # "removed" | "reviewed" | "refreshed"
    flag_id: str
    item_id: str
    source_id: str
    before: dict[str, Any]


def accept(session: Session, briefing: Briefing, flag_id: str, *, today: date) -> str:
    """Act on a flag as its source says; returns what was done, for the person."""
    return accept_undoable(session, briefing, flag_id, today=today).message


def accept_undoable(session: Session, briefing: Briefing, flag_id: str, *, today: date) -> Accepted:
    """:func:`accept`, returning what it replaced (see :func:`undo_accept`)."""
    from briefer.services import outline

    flag = _find(session, briefing, flag_id, today)
    item = next(i for i in briefing.items if str(i.id) == flag.item_id)
    source = _source(session, item)
    if flag.kind == "closed":
        briefing_service.refuse_final(briefing)
        saved = outline.delete_item(session, flag.item_id)
        message = f"Removed {flag.item} from '{flag.section}' ({flag.reason.split(':')[0]})."
        return Accepted(message, "removed", flag.id, flag.item_id, str(source.id), saved)
    if flag.kind == "review-date":
        before = {"reviewed_on": source.reviewed_on, "reviewed_by": source.reviewed_by}
        history.mark_reviewed(session, source, "carry-forward review", today)
        message = f"Marked '{flag.item}' reviewed on {today.isoformat()}."
        return Accepted(message, "reviewed", flag.id, flag.item_id, str(source.id), before)
    before = copy.deepcopy(
        {name: getattr(item, name) for name in briefing_service.copy_fields(source)}
    )
    briefing_service.refresh_item(session, item, source)
    message = f"Updated {flag.item} from its source ({flag.source})."
    return Accepted(message, "refreshed", flag.id, flag.item_id, str(source.id), before)


def undo_accept(session: Session, accepted: Accepted) -> None:
    """Put back what :func:`accept_undoable` replaced; the flag arises again."""
    from briefer.services import outline

    if accepted.action == "removed":
        outline.restore_item(session, accepted.before)
        return
    if accepted.action == "reviewed":
        point = session.get(SOURCE_CLASSES["point"], uuid.UUID(accepted.source_id))
        if point is None:
            raise NotFoundError("That talking point no longer exists.")
        library.update_point(session, point, **accepted.before)
        return
    item = session.get(BriefingItem, uuid.UUID(accepted.item_id))
    if item is None:
        raise NotFoundError("That item no longer exists.")
    briefing_service.refuse_final(item.section.briefing)
    for name, value in accepted.before.items():
        setattr(item, name, value)
    session.flush()


def keep(session: Session, briefing: Briefing, flag_id: str, note: str, *, today: date) -> Flag:
    """Keep the item as it is; the note says why (required: a reviewer will ask)."""
    return keep_undoable(session, briefing, flag_id, note, today=today)[0]


def keep_undoable(
    session: Session, briefing: Briefing, flag_id: str, note: str, *, today: date
) -> tuple[Flag, str | None]:
    """:func:`keep`, also returning the note the flag had before (None: it was not kept),
    for :func:`undo_keep`."""
    text = v.clean_text(note, "Note", max_length=2000).strip()
    if not text:
        raise ValidationError("Say why the item is kept as it is (--note TEXT).")
    flag = _find(session, briefing, flag_id, today)
    existing = _decision(session, briefing.id, flag.key)
    previous = None if existing is None else existing.note
    if existing is None:
        session.add(ReviewDecision(briefing_id=briefing.id, flag_key=flag.key, note=text))
    else:
        existing.note = text
    session.flush()
    return flag, previous


def undo_keep(session: Session, briefing: Briefing, flag_key: str, previous: str | None) -> None:
    """Take back a keep: the earlier note again, or no decision (the flag shows again)."""
    existing = _decision(session, briefing.id, flag_key)
    if existing is None:
        return
    if previous is None:
        session.delete(existing)
    else:
        existing.note = previous
    session.flush()


def _decision(session: Session, briefing_id: Any, flag_key: str) -> ReviewDecision | None:
    return session.scalar(
        select(ReviewDecision).where(
            ReviewDecision.briefing_id == briefing_id, ReviewDecision.flag_key == flag_key
        )
    )
