"""Library entries as the window's one list-editor sees them: rows, facets, a form's fields.

Talking points, counter-arguments, public-diplomacy points and cases differ only in their
fields, so each kind is described here once (its columns and form fields) and the window
builds a single table-plus-editor component from that description instead of four copies.
Values cross to the window as plain strings; the kind's create/update service validates
them, so the form and the CLI refuse the same things with the same message.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from briefer.errors import ConflictError, EditConflict, ValidationError
from briefer.markings import default_scheme
from briefer.models import Case, CounterArgument, PublicDiplomacyPoint, TalkingPoint
from briefer.services import cases, library
from briefer.services.lookup import by_id, fetch_for_update
from briefer.vocabulary import case_vocabulary


@dataclass(frozen=True)
class FormField:
    name: str
    label: str
    widget: str  # line | markdown | text | marking | date | choice
    choices: Callable[[], list[str]] | None = None
    hint: str = ""


@dataclass(frozen=True)
class EntryKind:
    kind: str
    label: str  # singular, for titles and messages
    plural: str
    model: type
    title_field: str
    group_field: str  # what the list groups and filters by (topic, or a case's category)
    fields: tuple[FormField, ...]
    create: Callable[..., Any]
    update: Callable[..., Any]
    reviewable: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


def _markings() -> list[str]:
    return default_scheme().choices()


ENTRY_KINDS: dict[str, EntryKind] = {
    "point": EntryKind(
        "point",
        "Talking point",
        "Talking points",
        TalkingPoint,
        "title",
        "topic",
        (
            FormField("topic", "To&pic", "line"),
            FormField("title", "&Title", "line"),
            FormField("marking", "&Marking", "marking", _markings),
            FormField("tags", "T&ags", "line", hint="Comma-separated, e.g. emigration, Geneva"),
            FormField("body", "Te&xt", "markdown"),
        ),
        library.create_point,
        library.update_point,
        reviewable=True,
    ),
    "counter": EntryKind(
        "counter",
        "Counter-argument",
        "Counter-arguments",
        CounterArgument,
        "their_point",
        "topic",
        (
            FormField("topic", "To&pic", "line"),
            FormField("marking", "&Marking", "marking", _markings),
            FormField("their_point", "&They may say", "markdown"),
            FormField("our_response", "We respon&d", "markdown"),
        ),
        library.create_counter,
        library.update_counter,
    ),
    "pd": EntryKind(
        "pd",
        "Public-diplomacy point",
        "Public-diplomacy points",
        PublicDiplomacyPoint,
        "text",
        "topic",
        (
            FormField("topic", "To&pic", "line"),
            FormField(
                "marking",
                "&Marking",
                "marking",
                _markings,
                hint="Always UNCLASSIFIED: these points are for public use.",
            ),
            FormField("cleared_on", "Cleare&d on", "date", hint="YYYY-MM-DD"),
            FormField("text", "Te&xt", "markdown"),
        ),
        library.create_pd_point,
        library.update_pd_point,
    ),
    "case": EntryKind(
        "case",
        "Case",
        "Cases",
        Case,
        "primary_name",
        "category",
        (
            FormField("primary_name", "&Name", "line"),
            FormField(
                "name_variants",
                "Name &variants",
                "line",
                hint="Other spellings and alphabets, separated by ';'",
            ),
            FormField(
                "category", "&Category", "choice", lambda: list(case_vocabulary().categories)
            ),
            FormField("location", "&Location", "line"),
            FormField("since", "&Since", "date", hint="YYYY-MM-DD"),
            FormField("legal_basis", "Legal &basis", "line"),
            FormField("marking", "&Marking", "marking", _markings),
            FormField("summary", "S&ummary", "markdown"),
        ),
        cases.create_case,
        cases.update_case,
    ),
}


def entry_kind(kind: str) -> EntryKind:
    try:
        return ENTRY_KINDS[kind]
    except KeyError:
        raise ValidationError(f"'{kind}' is not a kind of library entry.") from None


def as_text(value: Any, name: str = "") -> str:
    """How a stored value appears in a form field."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return ("; " if name == "name_variants" else ", ").join(value)
    return str(value)


# ------------------------------------------------------------------ the list


@dataclass(frozen=True)
class EntryRow:
    id: str
    group: str
    title: str
    marking: str
    tags: str
    reviewed_on: str
    stale: bool


@dataclass(frozen=True)
class Facets:
    groups: tuple[str, ...]
    tags: tuple[str, ...]


def entry_rows(
    session: Session,
    kind: str,
    *,
    today: date,
    stale_days: int,
    group: str | None = None,
    marking: str | None = None,
    tag: str | None = None,
    stale_only: bool = False,
) -> list[EntryRow]:
    """The entries of one kind, filtered; a point is stale when not reviewed for
    ``stale_days`` days (or never)."""
    spec = entry_kind(kind)
    cls: Any = spec.model
    query = select(cls).order_by(getattr(cls, spec.group_field), getattr(cls, spec.title_field))
    if group:
        query = query.where(getattr(cls, spec.group_field) == group)
    cutoff = today - timedelta(days=stale_days)
    wanted = str(default_scheme().parse(marking)) if marking else None
    rows = []
    for entry in session.scalars(query):
        reviewed = getattr(entry, "reviewed_on", None)
        stale = spec.reviewable and (reviewed is None or reviewed < cutoff)
        tags = list(getattr(entry, "tags", None) or [])
        if (
            (wanted and str(default_scheme().parse(entry.marking)) != wanted)
            or (tag and tag not in tags)
            or (stale_only and not stale)
        ):
            continue
        rows.append(
            EntryRow(
                str(entry.id),
                getattr(entry, spec.group_field),
                " ".join(str(entry.title).split())[:200],
                entry.marking,
                ", ".join(tags),
                as_text(reviewed),
                stale,
            )
        )
    return rows


def facets(session: Session, kind: str) -> Facets:
    """The values the list's filters offer."""
    spec = entry_kind(kind)
    cls: Any = spec.model
    column = getattr(cls, spec.group_field)
    groups = tuple(session.scalars(select(column).distinct().order_by(column)))
    tags: set[str] = set()
    if kind == "point":
        for entry_tags in session.scalars(select(TalkingPoint.tags)):
            tags.update(entry_tags or [])
    return Facets(groups, tuple(sorted(tags, key=str.casefold)))


# ------------------------------------------------------------------ one entry


@dataclass(frozen=True)
class EntryForm:
    kind: str
    id: str | None
    version: int
    revision: int
    values: dict[str, str]
    reviewed_on: str = ""
    reviewed_by: str = ""


def blank_form(kind: str) -> EntryForm:
    spec = entry_kind(kind)
    values = {f.name: "" for f in spec.fields}
    values["marking"] = str(default_scheme().parse(None)) if "marking" in values else ""
    if kind == "case":
        values["category"] = case_vocabulary().categories[0]
    return EntryForm(kind, None, 0, 0, values)


def get_entry(session: Session, kind: str, entry_id: str) -> Any:
    spec = entry_kind(kind)
    return by_id(session, spec.model, entry_id, spec.label.lower())


def load_form(session: Session, kind: str, entry_id: str) -> EntryForm:
    spec = entry_kind(kind)
    entry = get_entry(session, kind, entry_id)
    return EntryForm(
        kind,
        str(entry.id),
        entry.version,
        entry.revision,
        {f.name: as_text(getattr(entry, f.name), f.name) for f in spec.fields},
        as_text(getattr(entry, "reviewed_on", None)),
        as_text(getattr(entry, "reviewed_by", None)),
    )


def _conflict(session: Session, form: EntryForm, values: dict[str, str]) -> EditConflict:
    """What a colleague saved, beside what this form was about to save, field by field
    (the fields where the two differ)."""
    spec = entry_kind(form.kind)
    stored = load_form(session, form.kind, form.id or "")
    labels = {f.name: f.label.replace("&", "") for f in spec.fields}
    fields = {
        name: (labels[name], stored.values[name], mine)
        for name, mine in values.items()
        if mine != stored.values[name]
    }
    return EditConflict(
        f"Someone else saved this {spec.label.lower()} (revision {stored.revision}) after you "
        "opened it; nothing of yours was saved yet.",
        f"{spec.label} '{stored.values[spec.fields[0].name]}'",
        fields,
    )


def resolve_conflict(session: Session, form: EntryForm, values: dict[str, str]) -> EntryForm:
    """Save ``values`` over whatever is stored now: the person has seen both and chosen."""
    current = load_form(session, form.kind, form.id or "")
    return save_form(session, current, values)


def save_form(session: Session, form: EntryForm, values: dict[str, str]) -> EntryForm:
    """Create the entry, or change the fields that differ from what the form was loaded
    with (an unchanged save writes no revision). A colleague's save in between is refused."""
    spec = entry_kind(form.kind)
    if form.id is None:
        entry = spec.create(session, **values)
    else:
        try:
            entry = fetch_for_update(session, spec.model, uuid.UUID(form.id), form.version)
        except ConflictError as exc:
            raise _conflict(session, form, values) from exc
        changes = {k: v for k, v in values.items() if v != form.values.get(k)}
        if changes:
            spec.update(session, entry, **changes)
    session.flush()
    return load_form(session, form.kind, str(entry.id))
