"""The briefing editor's use cases, by id, returning plain rows.

The window's models and undo commands work with these: every function opens nothing and
holds nothing — it takes a unit of work, changes or reads what the ids name, and returns
frozen dataclasses that a Qt model can keep without touching the ORM. Deleting returns a
snapshot that ``restore_*`` puts back with the same ids, which is what undo needs.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from briefer.errors import EditConflict, NotFoundError, ValidationError
from briefer.markings import overall_marking
from briefer.models import (
    SOURCE_CLASSES,
    Briefing,
    BriefingItem,
    CaseList,
    Clearance,
    Section,
    SectionKind,
)
from briefer.services import briefings as briefing_service


@dataclass(frozen=True)
class ItemRow:
    id: str
    section_id: str
    title: str
    text: str
    response: str
    marking: str | None
    source_kind: str | None
    source_id: str | None
    source_revision: int | None
    locally_edited: bool
    snapshot: dict[str, Any] = field(default_factory=dict)

    @property
    def label(self) -> str:
        """One line for the outline: the title, else the start of the text (read from the
        start only: the outline asks for it on every repaint, of items of any length)."""
        text = self.title or " ".join(self.text[:400].split())
        if not self.title and len(text) <= 90:
            text = " ".join(self.text.split())
        return text if len(text) <= 90 else text[:89] + "…"


@dataclass(frozen=True)
class SectionRow:
    id: str
    title: str
    kind: str
    intro: str
    items: tuple[ItemRow, ...]


@dataclass(frozen=True)
class OutlineData:
    briefing_id: str
    title: str
    base_marking: str
    marking: str
    status: str
    sections: tuple[SectionRow, ...]


@dataclass(frozen=True)
class SectionSnapshot:
    """A deleted section with its items, to restore it exactly (same ids)."""

    briefing_id: str
    position: int
    values: dict[str, Any]
    items: tuple[dict[str, Any], ...]


def _uuid(value: str | uuid.UUID) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def _item_row(item: BriefingItem) -> ItemRow:
    return ItemRow(
        id=str(item.id),
        section_id=str(item.section_id),
        title=item.title,
        text=item.text,
        response=item.response,
        marking=item.marking,
        source_kind=item.source_kind.value if item.source_kind else None,
        source_id=str(item.source_id) if item.source_id else None,
        source_revision=item.source_revision,
        locally_edited=item.locally_edited,
        snapshot=dict(item.snapshot or {}),
    )


def outline(session: Session, briefing_id: str) -> OutlineData:
    """The whole outline in three column queries: no ORM objects, and no snapshot JSON (the
    outline never shows it; ``item()`` returns it for one item), so a 1,600-item book opens
    in tens of milliseconds."""
    briefing = session.execute(
        select(Briefing.id, Briefing.title, Briefing.base_marking, Briefing.status).where(
            Briefing.id == _uuid(briefing_id)
        )
    ).one_or_none()
    if briefing is None:
        raise NotFoundError("That briefing no longer exists.")
    sections = session.execute(
        select(Section.id, Section.title, Section.kind, Section.intro)
        .where(Section.briefing_id == briefing.id)
        .order_by(Section.position)
    ).all()
    items_by_section: dict[uuid.UUID, list[ItemRow]] = {s.id: [] for s in sections}
    item = BriefingItem
    for row in session.execute(
        select(
            item.id,
            item.section_id,
            item.title,
            item.text,
            item.response,
            item.marking,
            item.source_kind,
            item.source_id,
            item.source_revision,
            item.locally_edited,
        )
        .join(Section, Section.id == item.section_id)
        .where(Section.briefing_id == briefing.id)
        .order_by(Section.position, item.position)
    ):
        items_by_section[row.section_id].append(
            ItemRow(
                id=str(row.id),
                section_id=str(row.section_id),
                title=row.title,
                text=row.text,
                response=row.response,
                marking=row.marking,
                source_kind=row.source_kind.value if row.source_kind else None,
                source_id=str(row.source_id) if row.source_id else None,
                source_revision=row.source_revision,
                locally_edited=row.locally_edited,
            )
        )
    rows = tuple(
        SectionRow(str(s.id), s.title, s.kind.value, s.intro, tuple(items_by_section[s.id]))
        for s in sections
    )
    marking = overall_marking(
        briefing.base_marking, (i.marking for section in rows for i in section.items)
    )
    return OutlineData(
        str(briefing.id),
        briefing.title,
        briefing.base_marking,
        str(marking),
        briefing.status.value,
        rows,
    )


def _item(session: Session, item_id: str) -> BriefingItem:
    item = session.get(BriefingItem, _uuid(item_id))
    if item is None:
        raise NotFoundError("That item no longer exists.")
    return item


def _section(session: Session, section_id: str) -> Section:
    section = session.get(Section, _uuid(section_id))
    if section is None:
        raise NotFoundError("That section no longer exists.")
    return section


def _briefing(session: Session, briefing_id: str) -> Briefing:
    briefing = session.get(Briefing, _uuid(briefing_id))
    if briefing is None:
        raise NotFoundError("That briefing no longer exists.")
    return briefing


# ------------------------------------------------------------------ items


def item(session: Session, item_id: str) -> ItemRow:
    return _item_row(_item(session, item_id))


def update_item(session: Session, item_id: str, **changes: Any) -> ItemRow:
    return _item_row(briefing_service.update_item(session, _item(session, item_id), **changes))


_ITEM_FIELD_LABELS = {
    "text": "Text",
    "title": "Title",
    "response": "Response",
    "marking": "Marking",
}


def update_item_from(
    session: Session, item_id: str, field: str, expected: Any, value: Any
) -> ItemRow:
    """Change one field only if it still holds what the editor showed (``expected``):
    another window or a colleague may have saved it meanwhile. Then nothing is written and
    the conflict carries both texts, for the person to choose."""
    item = _item(session, item_id)
    stored = getattr(item, field)
    if stored != expected and stored != value:
        label = _ITEM_FIELD_LABELS.get(field, field)
        raise EditConflict(
            f"Someone else changed the {label.lower()} of this item after you started; "
            "nothing was saved yet.",
            _item_row(item).label,
            {field: (label, stored or "", value or "")},
        )
    return _item_row(briefing_service.update_item(session, item, **{field: value}))


def move_item(session: Session, item_id: str, section_id: str, index: int) -> tuple[str, int]:
    """Move an item; returns where it was (section id, index) so the move can be undone.
    A move into another section is refused when that section cannot hold the item."""
    moving = _item(session, item_id)
    origin = (str(moving.section_id), moving.position)
    target = _section(session, section_id)
    if target.id != moving.section_id:
        kind = moving.source_kind.value if moving.source_kind else "text"
        _refuse(target, kind, str(moving.source_id) if moving.source_id else None)
    briefing_service.move_item(session, moving, target, index)
    return origin


def add_from_source(
    session: Session, section_id: str, kind: str, source_id: str, index: int | None = None
) -> ItemRow:
    section = _section(session, section_id)
    _refuse(section, kind, source_id)
    source = library_entry(session, kind, source_id)
    created = briefing_service.add_item_from_source(session, section, source, index=index)
    return _item_row(created)


def add_text(
    session: Session, section_id: str, text: str, marking: str | None, index: int | None = None
) -> ItemRow:
    section = _section(session, section_id)
    _refuse(section, "text", None)
    created = briefing_service.add_text_item(session, section, text, marking=marking, index=index)
    return _item_row(created)


# ------------------------------------------------------------------ what a section can hold

# The section kinds whose export lays items out in a fixed shape hold only what fits it: a
# case-list section is a table with one row per case, a counter-arguments section prints
# each "They may say" beside its response, a progress section a goal with its assessment.
_ONLY: dict[str, tuple[str, ...]] = {
    SectionKind.CASE_LIST.value: ("case",),
    SectionKind.COUNTER_ARGUMENTS.value: ("counter", "text"),
    SectionKind.PROGRESS.value: ("goal", "text"),
}
# … and the entries that need that shape go nowhere else (elsewhere a counter-argument
# would lose its response, a goal its assessment).
_HOME = {"counter": SectionKind.COUNTER_ARGUMENTS.value, "goal": SectionKind.PROGRESS.value}
ITEM_NOUNS = {
    "point": "talking point",
    "counter": "counter-argument",
    "pd": "public-diplomacy point",
    "case": "case",
    "goal": "goal",
    "text": "paragraph",
    "list": "case list",
}
_HOLDS = {
    SectionKind.CASE_LIST.value: "cases only, one row of the case table each",
    SectionKind.COUNTER_ARGUMENTS.value: (
        "counter-arguments (They may say / We respond) and paragraphs"
    ),
    SectionKind.PROGRESS.value: "goals, each with its assessment, and paragraphs",
}


def refusal(section_kind: str, item_kind: str | None, section_title: str = "") -> str | None:
    """Why a section of ``section_kind`` cannot hold an item of ``item_kind`` (a library
    kind, or None/"text" for a paragraph written in the briefing), or None when it can.
    One rule for the outline's drops, the drawer's Enter and every service that adds."""
    kind = item_kind or "text"
    noun = ITEM_NOUNS.get(kind, kind)
    name = f"'{section_title}'" if section_title else "This section"
    allowed = _ONLY.get(section_kind)
    if allowed is not None and kind not in allowed:
        reason = f"{name} is a {section_kind} section: it holds {_HOLDS[section_kind]}."
        if section_kind == SectionKind.CASE_LIST.value:
            return (
                f"{reason} A {noun} there would be a blank row; put it in another section, "
                "or write its words in the section's introduction."
            )
        return f"{reason} A {noun} belongs in another section."
    home = _HOME.get(kind)
    if home is not None and section_kind != home:
        keeps = "its response" if kind == "counter" else "its assessment"
        return (
            f"A {noun} goes in a {home} section, which prints {keeps} with it; {name} is a "
            f"{section_kind} section."
        )
    return None


def duplicate(section: SectionRow, source_id: str | None) -> str | None:
    """Why ``source_id`` is not inserted into ``section`` again, or None when it is not
    there yet."""
    if source_id is None:
        return None
    for item in section.items:
        if item.source_id == str(source_id):
            return (
                f"'{item.label}' is already in this section ('{section.title}'); "
                "it is not inserted twice."
            )
    return None


def _refuse(section: Section, kind: str, source_id: str | None) -> None:
    """Raise the reason ``section`` cannot take this item: its kind, or the same entry."""
    reason = refusal(section.kind.value, kind, section.title)
    if reason is None and source_id is not None:
        same = tuple(
            _item_row(i) for i in section.items if i.source_id and str(i.source_id) == source_id
        )
        row = SectionRow(str(section.id), section.title, section.kind.value, section.intro, same)
        reason = duplicate(row, source_id)
    if reason is not None:
        raise ValidationError(reason)


# ------------------------------------------------------------------ case lists


@dataclass(frozen=True)
class CaseListInsertion:
    """What inserting a case list did, so that undo takes back exactly that: a new
    case-list section (``created``), or the cases put into an empty one."""

    section_id: str
    created: bool
    case_list_id: str
    name: str
    cases: int


def _case_list(session: Session, case_list_id: str) -> CaseList:
    found = session.get(CaseList, _uuid(case_list_id))
    if found is None:
        raise NotFoundError("That case list no longer exists.")
    return found


def insert_case_list(
    session: Session, briefing_id: str, case_list_id: str, section_id: str | None = None
) -> CaseListInsertion:
    """Present a case list in a briefing: its cases, in the list's order, as the rows of a
    case-list section. An empty case-list section chosen as the target is filled; otherwise
    a new section named after the list goes after the chosen section (or at the end)."""
    briefing = _briefing(session, briefing_id)
    case_list = _case_list(session, case_list_id)
    for section in briefing.sections:
        if section.case_list_id == case_list.id:
            raise ValidationError(
                f"The case list '{case_list.name}' is already in this briefing, in the "
                f"section '{section.title}'; it is not inserted twice."
            )
    if not case_list.entries:
        raise ValidationError(
            f"The case list '{case_list.name}' has no cases yet; add them on the Case lists "
            "page first."
        )
    target = _section(session, section_id) if section_id else None
    if (
        target is not None
        and target.kind == SectionKind.CASE_LIST
        and not target.items
        and target.case_list_id is None
    ):
        briefing_service.refuse_final(briefing)
        target.case_list = case_list
        for case in case_list.cases:
            briefing_service.add_item_from_source(session, target, case)
        session.flush()
        return CaseListInsertion(
            str(target.id), False, str(case_list.id), case_list.name, len(case_list.entries)
        )
    index = target.position + 1 if target is not None else None
    made = briefing_service.add_section(
        session,
        briefing,
        kind=SectionKind.CASE_LIST,
        title=case_list.name,
        index=index,
        case_list=case_list,
    )
    return CaseListInsertion(
        str(made.id), True, str(case_list.id), case_list.name, len(case_list.entries)
    )


def empty_case_list_section(session: Session, section_id: str) -> tuple[dict[str, Any], ...]:
    """Undo of filling a section with a case list: its cases go, and so does the link."""
    section = _section(session, section_id)
    saved = tuple(delete_item(session, str(item.id)) for item in list(section.items))
    section.case_list = None
    session.flush()
    return saved


def refill_case_list_section(
    session: Session, section_id: str, case_list_id: str, saved: tuple[dict[str, Any], ...]
) -> None:
    """Redo of filling a section: the same items (same ids) and the link again."""
    section = _section(session, section_id)
    section.case_list = _case_list(session, case_list_id)
    for item_saved in saved:
        restore_item(session, item_saved)
    session.flush()


def delete_item(session: Session, item_id: str) -> dict[str, Any]:
    doomed = _item(session, item_id)
    saved = _columns(doomed)
    briefing_service.delete_item(session, doomed)
    return saved


def _restore(
    session: Session,
    model: type,
    saved: dict[str, Any],
    parent_key: str,
    find_parent: Any,
    collection: str,
) -> Any:
    """Put a deleted child record back where it was, with its id (what undo needs)."""
    values = dict(saved)
    parent = find_parent(session, str(values.pop(parent_key)))
    position = values.pop("position")
    values.pop("version", None)  # a fresh row starts its own version count
    restored = model(**values)
    siblings = getattr(parent, collection)
    siblings.insert(min(position, len(siblings)), restored)
    session.flush()
    return restored


def restore_item(session: Session, saved: dict[str, Any]) -> ItemRow:
    restored = _restore(session, BriefingItem, saved, "section_id", _section, "items")
    return _item_row(restored)


def library_entry(session: Session, kind: str, source_id: str) -> Any:
    cls: Any = SOURCE_CLASSES.get(kind)
    if cls is None:
        raise ValidationError(f"'{kind}' entries cannot be added to a briefing.")
    entry = session.get(cls, _uuid(source_id))
    if entry is None:
        raise NotFoundError("That library entry no longer exists.")
    return entry


# ------------------------------------------------------------------ sections


def add_section(
    session: Session, briefing_id: str, kind: str, title: str, index: int | None = None
) -> SectionRow:
    section = briefing_service.add_section(
        session, _briefing(session, briefing_id), kind=kind, title=title, index=index
    )
    return SectionRow(str(section.id), section.title, section.kind.value, section.intro, ())


def update_section(session: Session, section_id: str, **changes: Any) -> None:
    briefing_service.update_section(session, _section(session, section_id), **changes)


def move_section(session: Session, section_id: str, index: int) -> int:
    """Move a section; returns its previous index."""
    section = _section(session, section_id)
    origin = section.position
    briefing_service.move_section(session, section, index)
    return origin


def delete_section(session: Session, section_id: str) -> SectionSnapshot:
    section = _section(session, section_id)
    snapshot = SectionSnapshot(
        briefing_id=str(section.briefing_id),
        position=section.position,
        values={k: v for k, v in _columns(section).items() if k not in ("briefing_id", "position")},
        items=tuple(_columns(i) for i in section.items),
    )
    briefing_service.delete_section(session, section)
    return snapshot


def restore_section(session: Session, snapshot: SectionSnapshot) -> None:
    briefing = _briefing(session, snapshot.briefing_id)
    values = dict(snapshot.values)
    values.pop("version", None)
    section = Section(**values)
    briefing.sections.insert(min(snapshot.position, len(briefing.sections)), section)
    session.flush()
    for saved in snapshot.items:
        restore_item(session, saved)


def section_kinds() -> list[str]:
    return [kind.value for kind in SectionKind]


def _columns(record: Any) -> dict[str, Any]:
    """Every column value of a record, by attribute name (for an exact restore)."""
    return {column.key: getattr(record, column.key) for column in record.__mapper__.column_attrs}


# ------------------------------------------------------------------ clearances


@dataclass(frozen=True)
class ClearanceRow:
    id: str
    office: str
    person: str
    status: str
    cleared_on: str  # ISO date or ""


def _clearance_row(clearance: Clearance) -> ClearanceRow:
    return ClearanceRow(
        str(clearance.id),
        clearance.office,
        clearance.person,
        clearance.status.value,
        clearance.cleared_on.isoformat() if clearance.cleared_on else "",
    )


def clearances(session: Session, briefing_id: str) -> list[ClearanceRow]:
    return [_clearance_row(c) for c in _briefing(session, briefing_id).clearances]


def add_clearance(session: Session, briefing_id: str, office: str, **fields: Any) -> ClearanceRow:
    made = briefing_service.add_clearance(
        session, _briefing(session, briefing_id), office=office, **fields
    )
    return _clearance_row(made)


def update_clearance(session: Session, clearance_id: str, **changes: Any) -> ClearanceRow:
    clearance = session.get(Clearance, _uuid(clearance_id))
    if clearance is None:
        raise NotFoundError("That clearance no longer exists.")
    if "cleared_on" in changes and changes["cleared_on"] == "":
        changes["cleared_on"] = None
    return _clearance_row(briefing_service.update_clearance(session, clearance, **changes))


def delete_clearance(session: Session, clearance_id: str) -> dict[str, Any]:
    clearance = session.get(Clearance, _uuid(clearance_id))
    if clearance is None:
        raise NotFoundError("That clearance no longer exists.")
    saved = _columns(clearance)
    briefing_service.delete_clearance(session, clearance)
    return saved


def restore_clearance(session: Session, saved: dict[str, Any]) -> ClearanceRow:
    restored = _restore(session, Clearance, saved, "briefing_id", _briefing, "clearances")
    return _clearance_row(restored)
