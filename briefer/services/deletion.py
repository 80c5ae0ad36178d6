"""Deleting and renaming whole records: briefings, events, library entries, cases, lists.

The command line and the window share these functions, so both say the same thing before a
delete (:func:`preview`, for the confirmation), do the same thing (:func:`delete_record`)
and can put it back (:func:`restore_deleted`, what the window's undo calls):

* a briefing takes its sections and items, versions, clearances and review notes with it;
* an event takes its briefings (and all of theirs) and the record of lists presented at it;
* a case takes its status history, its places on case lists and its revisions;
* a case list takes its entries and presentations (its cases stay in the library);
* a library entry (and a case) used in briefings is *not* taken out of them: each briefing
  item keeps its text as a local copy, marked edited and no longer linked to the library,
  and the confirmation names those briefings.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from briefer.errors import NotFoundError, ValidationError
from briefer.models import (
    Briefing,
    BriefingItem,
    Case,
    CaseList,
    CounterArgument,
    Event,
    PublicDiplomacyPoint,
    Revision,
    Section,
    SourceKind,
    TalkingPoint,
    search_doc,
)
from briefer.services import briefings, cases, events, library
from briefer.services.lookup import resolve
from briefer.services.row_snapshot import Removal, Restored, RowSnapshot, restore

_LIBRARY_KINDS = ("point", "counter", "pd", "case")


@dataclass(frozen=True)
class RecordKind:
    kind: str  # the command line's word: briefing, event, point, counter, pd, case, list
    noun: str
    model: type
    title_field: str
    rename: Callable[[Session, Any, str], Any]


def _rename_case(session: Session, case: Case, name: str) -> Any:
    same = [
        d for d in cases.possible_duplicates(session, [name], exclude=case, limit=1) if d.same_key
    ]
    if same:
        raise ValidationError(
            f"Another case, '{same[0].name}', already has the name '{name}' (in some "
            "spelling); nothing was renamed."
        )
    return cases.update_case(session, case, primary_name=name)


KINDS: dict[str, RecordKind] = {
    spec.kind: spec
    for spec in (
        RecordKind(
            "briefing",
            "briefing",
            Briefing,
            "title",
            lambda s, r, n: briefings.update_briefing(s, r, title=n),
        ),
        RecordKind(
            "event", "event", Event, "title", lambda s, r, n: events.update_event(s, r, title=n)
        ),
        RecordKind(
            "point",
            "talking point",
            TalkingPoint,
            "title",
            lambda s, r, n: library.update_point(s, r, title=n),
        ),
        RecordKind(
            "counter",
            "counter-argument",
            CounterArgument,
            "their_point",
            lambda s, r, n: library.update_counter(s, r, their_point=n),
        ),
        RecordKind(
            "pd",
            "public-diplomacy point",
            PublicDiplomacyPoint,
            "text",
            lambda s, r, n: library.update_pd_point(s, r, text=n),
        ),
        RecordKind("case", "case", Case, "primary_name", _rename_case),
        RecordKind(
            "list", "case list", CaseList, "name", lambda s, r, n: cases.update_list(s, r, name=n)
        ),
    )
}


def record_kind(kind: str) -> RecordKind:
    try:
        return KINDS[kind]
    except KeyError:
        raise ValidationError(
            f"'{kind}' cannot be deleted or renamed; choose one of: {', '.join(KINDS)}."
        ) from None


def find_record(session: Session, kind: str, ref: str) -> Any:
    """The record an id or exact title names (an ambiguous title lists the ids)."""
    spec = record_kind(kind)
    return resolve(session, spec.model, str(ref), title_field=spec.title_field, noun=spec.noun)


# ------------------------------------------------------------------ what goes with it


def _plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count:,} {one if count == 1 else (many or one + 's')}"


def _quoted(titles: list[str], limit: int = 5) -> str:
    shown = ", ".join(f"'{t}'" for t in titles[:limit])
    return shown + (f" and {len(titles) - limit} more" if len(titles) > limit else "")


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class Impact:
    """What deleting one record means, in words: for the confirmation and the report."""

    kind: str
    id: str
    noun: str
    title: str
    goes_with: tuple[str, ...]  # "its 2 versions", …
    kept_in: tuple[str, ...]  # titles of briefings that keep a local copy

    @property
    def question(self) -> str:
        return f"Delete the {self.noun} '{self.title}'?"

    @property
    def details(self) -> str:
        """Every consequence, one sentence a line (empty when nothing else is touched)."""
        lines = []
        if self.goes_with:
            lines.append("Deleted with it: " + "; ".join(self.goes_with) + ".")
        if self.kept_in:
            lines.append(
                f"It stays in {_plural(len(self.kept_in), 'briefing')} as a local copy, "
                "marked edited and no longer linked to the library: "
                + _quoted(list(self.kept_in), limit=10)
                + "."
            )
        return "\n".join(lines)

    def confirmation(self) -> str:
        return "\n\n".join(part for part in (self.question, self.details) if part)

    def summary(self) -> str:
        """One line for after the delete: what was deleted and what kept a copy."""
        text = f"Deleted the {self.noun} '{self.title}'"
        if self.goes_with:
            text += " with " + "; ".join(self.goes_with)
        if self.kept_in:
            keep = "keeps" if len(self.kept_in) == 1 else "keep"
            text += f"; {_plural(len(self.kept_in), 'briefing')} {keep} a local copy: " + _quoted(
                list(self.kept_in)
            )
        return text + "."


@dataclass(frozen=True)
class Deletion:
    impact: Impact
    snapshot: RowSnapshot


def _removal(session: Session, kind: str, record: Any) -> Removal:
    """Every row the delete takes or changes (nothing is written yet)."""
    removal = Removal(session, through_restrict=kind == "event")
    table = record.__table__
    removal.remove(table, [record.id])
    if kind in _LIBRARY_KINDS:
        removal.remove_where(search_doc, search_doc.c.ref_id == record.id)
        revisions = Revision.__table__
        removal.remove_where(
            revisions,
            (revisions.c.entity_kind == record.KIND) & (revisions.c.entity_id == record.id),
        )
        items = BriefingItem.__table__
        removal.change_where(
            items,
            (items.c.source_kind == SourceKind(record.KIND)) & (items.c.source_id == record.id),
            {"source_id": None, "locally_edited": True},
        )
    return removal


def _briefing_titles(session: Session, ids: list[Any]) -> list[str]:
    if not ids:
        return []
    return list(session.scalars(select(Briefing.title).where(Briefing.id.in_(ids))))


def _kept_in(session: Session, removal: Removal) -> tuple[str, ...]:
    item_ids = removal.changed_ids("briefing_item")
    if not item_ids:
        return ()
    titles = session.scalars(
        select(Briefing.title)
        .join(Section, Section.briefing_id == Briefing.id)
        .join(BriefingItem, BriefingItem.section_id == Section.id)
        .where(BriefingItem.id.in_(item_ids))
        .distinct()
        .order_by(Briefing.title)
    )
    return tuple(titles)


def _goes_with(session: Session, kind: str, removal: Removal) -> list[str]:
    count = lambda table: len(removal.ids(table))  # noqa: E731 - a local shorthand
    changed = lambda table: len(removal.changed_ids(table))  # noqa: E731
    said: list[str] = []
    if kind == "event" and count("briefing"):
        titles = sorted(r["title"] for r in removal.rows("briefing"))
        said.append(f"its {_plural(len(titles), 'briefing')} {_quoted(titles)}")
    if kind in ("briefing", "event"):
        whose = "its" if kind == "briefing" else "their"
        if count("section"):
            said.append(
                f"{whose} {_plural(count('section'), 'section')} and "
                f"{_plural(count('briefing_item'), 'item')}"
            )
        if count("briefing_version"):
            said.append(
                f"{whose} {_plural(count('briefing_version'), 'version')} (frozen for "
                "clearance or as final)"
            )
        if count("clearance"):
            said.append(f"{whose} {_plural(count('clearance'), 'clearance')}")
        if count("review_decision"):
            said.append(f"{whose} {_plural(count('review_decision'), 'review note')}")
        if changed("briefing"):
            said.append(
                f"the link of {_plural(changed('briefing'), 'briefing')} carried forward "
                "from it (their text stays)"
            )
    if kind == "event":
        presented = count("case_list_presentation")
        if presented:
            said.append(f"the record of {_plural(presented, 'case-list presentation')} at it")
        reported = changed("case_status_event")
        if reported:
            said.append(
                f"the link of {_plural(reported, 'case status', 'case statuses')} reported at "
                "it (the statuses stay)"
            )
    if kind == "case":
        if count("case_status_event"):
            said.append(f"its {_plural(count('case_status_event'), 'status', 'statuses')}")
        list_ids = {r["case_list_id"] for r in removal.rows("case_list_entry")}
        if list_ids:
            names = sorted(session.scalars(select(CaseList.name).where(CaseList.id.in_(list_ids))))
            said.append(f"its place on {_plural(len(names), 'case list')} {_quoted(names)}")
    if kind == "list":
        if count("case_list_entry"):
            said.append(
                f"its {_plural(count('case_list_entry'), 'entry', 'entries')} (the cases stay "
                "in the library)"
            )
        if count("case_list_presentation"):
            said.append(
                f"the record of its {_plural(count('case_list_presentation'), 'presentation')}"
            )
        if changed("section"):
            said.append(
                f"the link of {_plural(changed('section'), 'briefing section')} built from it "
                "(their items stay)"
            )
    if kind in _LIBRARY_KINDS and count("revision"):
        said.append(f"its history ({_plural(count('revision'), 'revision')})")
    return said


def _impact(session: Session, kind: str, record: Any, removal: Removal) -> Impact:
    spec = KINDS[kind]
    return Impact(
        kind=kind,
        id=str(record.id),
        noun=spec.noun,
        title=_short(str(getattr(record, spec.title_field))),
        goes_with=tuple(_goes_with(session, kind, removal)),
        kept_in=_kept_in(session, removal),
    )


def preview(session: Session, kind: str, ref: str) -> Impact:
    """What :func:`delete_record` would take and leave, without changing anything."""
    record = find_record(session, kind, ref)
    return _impact(session, kind, record, _removal(session, kind, record))


def delete_record(session: Session, kind: str, ref: str) -> Deletion:
    """Delete a record with what goes with it; the snapshot puts it all back."""
    record = find_record(session, kind, ref)
    removal = _removal(session, kind, record)
    impact = _impact(session, kind, record, removal)
    session.flush()
    session.expunge(record)  # the rows go by Core below: the ORM must not flush it again
    snapshot = removal.apply()
    session.expire_all()
    return Deletion(impact, snapshot)


def restore_deleted(session: Session, snapshot: RowSnapshot) -> Restored:
    """Undo a delete: every row back with its id and values, in this one unit of work."""
    restored = restore(session, snapshot)
    session.expire_all()
    return restored


# ------------------------------------------------------------------ renaming


@dataclass(frozen=True)
class Renamed:
    kind: str
    id: str
    old: str
    new: str

    @property
    def changed(self) -> bool:
        return self.old != self.new

    def summary(self) -> str:
        noun = KINDS[self.kind].noun
        if not self.changed:
            return f"The {noun} is already called '{_short(self.new)}'; nothing was changed."
        return f"Renamed the {noun} '{_short(self.old)}' to '{_short(self.new)}'."


def rename_record(session: Session, kind: str, ref: str, new_name: str) -> Renamed:
    """Give a record a new title (a library entry's rename is a new revision)."""
    spec = record_kind(kind)
    record = find_record(session, kind, ref)
    old = str(getattr(record, spec.title_field))
    if new_name.strip() and " ".join(new_name.split()) == old:
        return Renamed(kind, str(record.id), old, old)
    spec.rename(session, record, new_name)
    return Renamed(kind, str(record.id), old, str(getattr(record, spec.title_field)))


def record_title(session: Session, kind: str, record_id: str) -> str:
    """A record's current title by id (for the window's Rename prompt)."""
    spec = record_kind(kind)
    record = session.get(spec.model, uuid.UUID(record_id))
    if record is None:
        raise NotFoundError(f"That {spec.noun} no longer exists; it may have been deleted.")
    return str(getattr(record, spec.title_field))
