"""Briefings: sections, items copied from the library, clearances, and the overall marking."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from briefer.clock import now_utc
from briefer.errors import ValidationError
from briefer.markings import Marking, overall_marking
from briefer.models import (
    Briefing,
    BriefingItem,
    BriefingStatus,
    Case,
    CaseList,
    Clearance,
    ClearanceStatus,
    CounterArgument,
    Event,
    Goal,
    MemoKind,
    PublicDiplomacyPoint,
    Section,
    SectionKind,
    SourceKind,
    TalkingPoint,
)
from briefer.services import validation as v
from briefer.services.lookup import resolve

_BRIEFING_RULES = {
    "title": lambda x: v.required_text(x, "Title"),
    "subject": lambda x: v.clean_text(x, "Subject", max_length=500),
    "memo_kind": lambda x: v.choice(MemoKind, x, "Memo kind"),
    "from_line": lambda x: v.clean_text(x, "From", max_length=300),
    "to_line": lambda x: v.clean_text(x, "To", max_length=300),
    "summary": lambda x: v.clean_text(x, "Summary"),
    "status": lambda x: v.choice(BriefingStatus, x, "Status"),
    "base_marking": lambda x: v.marking(x, "Base marking"),
    "classified_by": lambda x: v.clean_text(x, "Classified by", max_length=200),
    "classification_reason": lambda x: v.clean_text(x, "Reason", max_length=200),
    "declassify_on": lambda x: v.clean_text(x, "Declassify on", max_length=80),
    "eo_line": lambda x: v.clean_text(x, "E.O. line", max_length=120),
    "tags": lambda x: v.clean_text(x, "TAGS", max_length=200),
    "numbered_paragraphs": bool,
    "drafted_by": lambda x: v.clean_text(x, "Drafted by", max_length=300),
    "drafted_on": lambda x: v.optional_date(x, "Drafted on"),
    "approved_by": lambda x: v.clean_text(x, "Approved by", max_length=200),
    "sample": bool,
}

_SECTION_RULES = {
    "kind": lambda x: v.choice(SectionKind, x, "Section kind"),
    "title": lambda x: v.required_text(x, "Section title"),
    "intro": lambda x: v.clean_text(x, "Introduction"),
    "sample": bool,
}

_ITEM_RULES = {
    "title": lambda x: v.clean_text(x, "Item title", max_length=500),
    "text": lambda x: v.clean_text(x, "Item text"),
    "response": lambda x: v.clean_text(x, "Response"),
    "marking": lambda x: v.optional_marking(x, "Portion marking"),
    "sample": bool,
}

_CLEARANCE_RULES = {
    "office": lambda x: v.required_text(x, "Office", max_length=120),
    "person": lambda x: v.clean_text(x, "Person", max_length=200),
    "status": lambda x: v.choice(ClearanceStatus, x, "Clearance status"),
    "cleared_on": lambda x: v.optional_date(x, "Cleared on"),
    "sample": bool,
}


# ---------------------------------------------------------------- briefings


def create_briefing(session: Session, event: Event, *, title: str, **fields: Any) -> Briefing:
    briefing = Briefing(event=event)
    v.apply_changes(briefing, {"title": title, **fields}, _BRIEFING_RULES)
    session.add(briefing)
    session.flush()
    return briefing


def update_briefing(session: Session, briefing: Briefing, **changes: Any) -> Briefing:
    refuse_final(briefing, allow=set(changes) == {"status"})
    return v.update(session, briefing, _BRIEFING_RULES, changes)


def delete_briefing(session: Session, briefing: Briefing) -> None:
    session.delete(briefing)
    session.flush()


def refuse_final(briefing: Briefing, *, allow: bool = False) -> None:
    if briefing.status == BriefingStatus.FINAL and not allow:
        raise ValidationError(
            f"'{briefing.title}' is final and read-only; set it back to draft to change it."
        )


def list_briefings(session: Session) -> list[Briefing]:
    return list(
        session.scalars(
            select(Briefing).options(selectinload(Briefing.event)).order_by(Briefing.created_at)
        )
    )


def get_briefing(session: Session, ref: str) -> Briefing:
    return resolve(session, Briefing, ref, title_field="title", noun="briefing")


def load_outline(session: Session, briefing_id: Any) -> Briefing:
    """A briefing with its sections and items loaded in three queries."""
    briefing = session.scalars(
        select(Briefing)
        .where(Briefing.id == briefing_id)
        .options(selectinload(Briefing.sections).selectinload(Section.items))
    ).one()
    return briefing


def briefing_marking(briefing: Briefing) -> Marking:
    """The overall marking: never lower than the base or any portion."""
    return overall_marking(briefing.base_marking, (item.marking for item in briefing.items))


# ---------------------------------------------------------------- sections


def add_section(
    session: Session,
    briefing: Briefing,
    *,
    kind: Any,
    title: str,
    intro: str = "",
    index: int | None = None,
    case_list: CaseList | None = None,
    sample: bool = False,
) -> Section:
    refuse_final(briefing)
    section = Section()
    v.apply_changes(
        section, {"kind": kind, "title": title, "intro": intro, "sample": sample}, _SECTION_RULES
    )
    if case_list is not None:
        if section.kind != SectionKind.CASE_LIST:
            raise ValidationError("Only a case-list section can present a case list.")
        section.case_list = case_list
    _insert(briefing.sections, section, index)
    session.flush()
    if case_list is not None:
        for case in case_list.cases:
            add_item_from_source(session, section, case)
    return section


def update_section(session: Session, section: Section, **changes: Any) -> Section:
    refuse_final(section.briefing)
    return v.update(session, section, _SECTION_RULES, changes)


def move_section(session: Session, section: Section, index: int) -> None:
    refuse_final(section.briefing)
    with session.no_autoflush:
        _move(section.briefing.sections, section, index)
    session.flush()


def delete_section(session: Session, section: Section) -> None:
    refuse_final(section.briefing)
    section.briefing.sections.remove(section)
    session.flush()


# ---------------------------------------------------------------- items


def add_text_item(
    session: Session,
    section: Section,
    text: str,
    *,
    marking: str | None = None,
    title: str = "",
    response: str = "",
    index: int | None = None,
    sample: bool = False,
) -> BriefingItem:
    refuse_final(section.briefing)
    item = BriefingItem(snapshot={})
    v.apply_changes(
        item,
        {"text": text, "marking": marking, "title": title, "response": response, "sample": sample},
        _ITEM_RULES,
    )
    _insert(section.items, item, index)
    session.flush()
    return item


def snapshot_of(entity: Any) -> dict[str, Any]:
    """The fields a briefing item copies from its source at inclusion time."""
    if isinstance(entity, TalkingPoint):
        return {
            "source_kind": SourceKind.POINT,
            "title": entity.title,
            "text": entity.body,
            "marking": entity.marking,
            "snapshot": {"topic": entity.topic},
        }
    if isinstance(entity, CounterArgument):
        return {
            "source_kind": SourceKind.COUNTER,
            "text": entity.their_point,
            "response": entity.our_response,
            "marking": entity.marking,
            "snapshot": {"topic": entity.topic},
        }
    if isinstance(entity, PublicDiplomacyPoint):
        return {
            "source_kind": SourceKind.PD,
            "text": entity.text,
            "marking": entity.marking,
            "snapshot": {"topic": entity.topic},
        }
    if isinstance(entity, Case):
        latest = entity.latest_status
        return {
            "source_kind": SourceKind.CASE,
            "title": entity.primary_name,
            "text": entity.summary,
            "marking": entity.marking,
            "snapshot": {
                "category": entity.category,
                "location": entity.location,
                "since": entity.since.isoformat() if entity.since else None,
                "status": latest.status if latest else None,
                "status_on": latest.occurred_on.isoformat() if latest else None,
                "status_source": latest.source if latest else None,
            },
        }
    if isinstance(entity, Goal):
        return {
            "source_kind": SourceKind.GOAL,
            "text": entity.text,
            "marking": entity.marking,
            "snapshot": {"tier": entity.tier.value, "assessment": entity.assessment.value},
        }
    raise ValidationError(f"A {type(entity).__name__} cannot be added to a briefing.")


def add_item_from_source(
    session: Session, section: Section, entity: Any, *, index: int | None = None
) -> BriefingItem:
    """Insert a copy of a library entry, linked to it and to the revision it was taken from."""
    refuse_final(section.briefing)
    item = BriefingItem(sample=section.sample, **_copy_of(entity))
    _insert(section.items, item, index)
    session.flush()
    return item


def refresh_item(session: Session, item: BriefingItem, source: Any) -> None:
    """Take a fresh copy of the source into the item (its local edits are replaced)."""
    refuse_final(item.section.briefing)
    for name, value in _copy_of(source).items():
        setattr(item, name, value)
    session.flush()


def copy_fields(entity: Any) -> list[str]:
    """The item fields that taking a copy of ``entity`` sets (what an undo puts back)."""
    return list(_copy_of(entity))


def _copy_of(entity: Any) -> dict[str, Any]:
    """An item's fields as a copy of ``entity`` taken now, linked to its revision."""
    fields = snapshot_of(entity)
    fields["snapshot"] = {**fields["snapshot"], "taken_at": now_utc().isoformat()}
    return {
        **fields,
        "source_id": entity.id,
        "source_revision": getattr(entity, "revision", None),
        "locally_edited": False,
    }


def update_item(session: Session, item: BriefingItem, **changes: Any) -> BriefingItem:
    refuse_final(item.section.briefing)
    before = (item.title, item.text, item.response)
    v.apply_changes(item, changes, _ITEM_RULES)
    if item.source_id is not None and (item.title, item.text, item.response) != before:
        item.locally_edited = _differs_from_source(session, item)
    session.flush()
    return item


def _differs_from_source(session: Session, item: BriefingItem) -> bool:
    """Whether the item's words are no longer its source's: an edit marks it, and an undo
    that brings the source's words back takes the mark away. Only the revision the item was
    copied from counts; if the source has changed since (or is gone), the mark stays."""
    from briefer.models import SOURCE_CLASSES

    kind = item.source_kind.value if item.source_kind is not None else ""
    cls = SOURCE_CLASSES.get(kind)
    source = session.get(cls, item.source_id) if cls is not None else None
    if source is None or getattr(source, "revision", None) != item.source_revision:
        return True
    copy = snapshot_of(source)
    return any(copy[f] != getattr(item, f) for f in ("title", "text", "response") if f in copy)


def move_item(session: Session, item: BriefingItem, section: Section, index: int) -> None:
    """Move an item within its section or into another section of the same briefing."""
    refuse_final(section.briefing)
    if section.briefing_id != item.section.briefing_id:
        raise ValidationError("Items can only move between sections of the same briefing.")
    # No flush between taking the item out and putting it back: it would count as an orphan.
    with session.no_autoflush:
        if section is item.section:
            _move(section.items, item, index)
        else:
            target = section.items
            item.section.items.remove(item)
            _insert(target, item, index)
    session.flush()


def delete_item(session: Session, item: BriefingItem) -> None:
    refuse_final(item.section.briefing)
    item.section.items.remove(item)
    session.flush()


# ---------------------------------------------------------------- clearances


def add_clearance(session: Session, briefing: Briefing, *, office: str, **fields: Any) -> Clearance:
    clearance = Clearance()
    v.apply_changes(clearance, {"office": office, **fields}, _CLEARANCE_RULES)
    briefing.clearances.append(clearance)
    session.flush()
    return clearance


def update_clearance(session: Session, clearance: Clearance, **changes: Any) -> Clearance:
    return v.update(session, clearance, _CLEARANCE_RULES, changes)


def delete_clearance(session: Session, clearance: Clearance) -> None:
    clearance.briefing.clearances.remove(clearance)
    session.flush()


# ---------------------------------------------------------------- ordering helpers


def _insert(collection: list[Any], obj: Any, index: int | None) -> None:
    if index is None or index >= len(collection):
        collection.append(obj)
    else:
        collection.insert(max(0, index), obj)


def _move(collection: list[Any], obj: Any, index: int) -> None:
    collection.remove(obj)
    _insert(collection, obj, index)
