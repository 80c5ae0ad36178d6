"""The library drawer: search-as-you-type with kind, topic and marking filters, as rows."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from briefer.markings import default_scheme, overall_marking
from briefer.models import (
    Case,
    CaseList,
    CaseListEntry,
    CounterArgument,
    PublicDiplomacyPoint,
    TalkingPoint,
)
from briefer.search import KINDS
from briefer.services.search import search

KIND_LABELS = {
    "point": "Talking point",
    "counter": "Counter-argument",
    "pd": "Public-diplomacy point",
    "case": "Case",
    "list": "Case list",  # inserted whole: a case-list section with the list's cases
}
DRAWER_KINDS = (*KINDS, "list")
_TITLE = {
    "point": TalkingPoint.title,
    "counter": CounterArgument.their_point,
    "pd": PublicDiplomacyPoint.text,
    "case": Case.primary_name,
}
_CLASS = {
    "point": TalkingPoint,
    "counter": CounterArgument,
    "pd": PublicDiplomacyPoint,
    "case": Case,
}


@dataclass(frozen=True)
class DrawerRow:
    kind: str
    id: str
    title: str
    topic: str
    marking: str


def _facts(session: Session, kind: str, ids: list[uuid.UUID]) -> dict[uuid.UUID, tuple[str, str]]:
    cls = _CLASS[kind]
    topic = cls.category if kind == "case" else cls.topic  # type: ignore[attr-defined]
    marking = cls.marking if kind != "pd" else None  # type: ignore[attr-defined]
    columns = [cls.id, topic] + ([marking] if marking is not None else [])
    rows = session.execute(select(*columns).where(cls.id.in_(ids)))
    return {row[0]: (row[1], row[2] if marking is not None else "UNCLASSIFIED") for row in rows}


def drawer_rows(
    session: Session,
    text: str,
    *,
    kind: str | None = None,
    topic: str | None = None,
    marking: str | None = None,
    limit: int = 200,
) -> list[DrawerRow]:
    """Search hits (or, with no text, the first entries by title), filtered; case lists
    (by name) after the library entries."""
    kinds = tuple(k for k in ((kind,) if kind else KINDS) if k != "list")
    if not kinds:  # case lists only
        hits = []
    elif text.strip():
        hits = [(h.kind, h.id, h.title) for h in search(session, text, kinds, limit=limit)]
    else:
        hits = []
        for each in kinds:
            cls = _CLASS[each]
            query = select(cls.id, _TITLE[each]).order_by(_TITLE[each]).limit(limit)
            hits += [(each, row[0], row[1]) for row in session.execute(query)]
    by_kind: dict[str, list[uuid.UUID]] = {}
    for hit_kind, hit_id, _title in hits:
        by_kind.setdefault(hit_kind, []).append(hit_id)
    facts = {k: _facts(session, k, ids) for k, ids in by_kind.items()}
    wanted_level = default_scheme().parse(marking).level if marking else None
    rows = []
    for hit_kind, hit_id, title in hits:
        entry_topic, entry_marking = facts[hit_kind].get(hit_id, ("", "UNCLASSIFIED"))
        if topic and entry_topic != topic:
            continue
        if wanted_level and default_scheme().parse(entry_marking).level != wanted_level:
            continue
        rows.append(DrawerRow(hit_kind, str(hit_id), title, entry_topic, entry_marking))
    if kind in (None, "list") and not topic:
        rows += [
            r
            for r in _case_list_rows(session, text, limit)
            if not wanted_level or default_scheme().parse(r.marking).level == wanted_level
        ]
    return rows


def _case_list_rows(session: Session, text: str, limit: int) -> list[DrawerRow]:
    """Case lists whose name holds every word typed; the topic column says the list's kind
    and size, the marking is the highest of its cases'."""
    words = text.lower().split()
    lists = session.execute(
        select(CaseList.id, CaseList.name, CaseList.kind).order_by(CaseList.name)
    ).all()
    chosen = [row for row in lists if all(w in row.name.lower() for w in words)][:limit]
    markings: dict[uuid.UUID, list[str]] = {row.id: [] for row in chosen}
    if chosen:
        for list_id, case_marking in session.execute(
            select(CaseListEntry.case_list_id, Case.marking)
            .join(Case, Case.id == CaseListEntry.case_id)
            .where(CaseListEntry.case_list_id.in_(list(markings)))
        ):
            markings[list_id].append(case_marking)
    return [
        DrawerRow(
            "list",
            str(row.id),
            row.name,
            f"{row.kind.value} list, {len(markings[row.id])} case(s)",
            str(overall_marking("UNCLASSIFIED", markings[row.id])),
        )
        for row in chosen
    ]


@dataclass(frozen=True)
class EntryDetails:
    kind: str
    id: str
    title: str
    topic: str
    marking: str
    text: str  # Markdown: the body, their point with our response, or the case summary
    revision: int


def entry_details(session: Session, kind: str, entry_id: str) -> EntryDetails:
    """What the drawer shows of one entry when it is opened."""
    from briefer.services.outline import library_entry

    if kind == "list":
        return _case_list_details(session, entry_id)
    entry = library_entry(session, kind, entry_id)
    if kind == "point":
        text, topic = entry.body, entry.topic
    elif kind == "counter":
        text = f"**They may say:** {entry.their_point}\n\n**We respond:** {entry.our_response}"
        topic = entry.topic
    elif kind == "pd":
        text, topic = entry.text, entry.topic
    else:
        latest = entry.latest_status
        status = (
            f"{latest.status} ({latest.occurred_on.isoformat()}, {latest.source})"
            if latest
            else "no status recorded"
        )
        variants = ", ".join(entry.name_variants or []) or "none"
        text = (
            f"**Category:** {entry.category}  \n**Location:** {entry.location or '—'}  \n"
            f"**Name variants:** {variants}  \n**Latest status:** {status}\n\n{entry.summary}"
        )
        topic = entry.category
    return EntryDetails(
        kind, str(entry.id), entry.title, topic, entry.marking, text, entry.revision
    )


def _case_list_details(session: Session, list_id: str) -> EntryDetails:
    found = session.get(CaseList, uuid.UUID(str(list_id)))
    if found is None:
        from briefer.errors import NotFoundError

        raise NotFoundError("That case list no longer exists.")
    cases = found.cases
    lines = [f"**Kind:** {found.kind.value}  \n**Forum:** {found.forum or '—'}", ""]
    lines += [f"{n}. {case.primary_name} ({case.category})" for n, case in enumerate(cases, 1)]
    if not cases:
        lines.append("No cases on this list yet.")
    marking = str(overall_marking("UNCLASSIFIED", (c.marking for c in cases)))
    return EntryDetails(
        "list",
        str(found.id),
        found.name,
        f"{found.kind.value} list, {len(cases)} case(s)",
        marking,
        "\n".join(lines),
        found.version,
    )
