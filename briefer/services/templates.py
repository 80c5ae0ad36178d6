"""Briefing templates: shipped JSON skeletons in ``templates/`` and user templates in the
store, one format for both (``templates/schema.json``), and new briefings made from them.

Every template is checked against the schema when it is loaded, and its markings against
the marking scheme; a problem names the file (or stored template) and the field.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session

from briefer import paths
from briefer.errors import NotFoundError, ValidationError
from briefer.markings import default_scheme
from briefer.models import (
    Briefing,
    Case,
    CaseList,
    CounterArgument,
    Event,
    Goal,
    PublicDiplomacyPoint,
    SourceKind,
    TalkingPoint,
    Template,
)
from briefer.services import briefings as briefing_service
from briefer.services import validation as v

SHIPPED_PREFIX = "shipped:"
SCHEMA_FILE = "schema.json"
_TITLE_COLUMN: dict[str, Any] = {
    "point": (TalkingPoint, TalkingPoint.title),
    "counter": (CounterArgument, CounterArgument.their_point),
    "pd": (PublicDiplomacyPoint, PublicDiplomacyPoint.text),
    "case": (Case, Case.primary_name),
    "goal": (Goal, Goal.text),
}


class TemplateError(ValidationError):
    """A template file or stored template that does not follow the format."""


@dataclass(frozen=True)
class TemplateInfo:
    id: str
    name: str
    description: str
    origin: str  # "shipped" or "store"
    sections: tuple[str, ...] = ()


@dataclass
class NewBriefing:
    briefing: Briefing
    notes: list[str] = field(default_factory=list)  # references the store could not fill


# ------------------------------------------------------------------ the format


@cache
def _validator() -> Any:
    from jsonschema import Draft202012Validator

    schema = json.loads(paths.asset("templates", SCHEMA_FILE).read_text(encoding="utf-8"))
    return Draft202012Validator(schema)


def _where(path: Any) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(the whole template)"


def validate(data: Any, source: str) -> dict[str, Any]:
    """Check ``data`` against the schema and the marking scheme; raise naming the field."""
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        first = errors[0]
        message = first.message
        if first.validator == "anyOf":  # "… is not valid under any of the given schemas"
            needs = [
                " or ".join(f"'{k}'" for k in option.get("required", []))
                for option in first.validator_value
            ]
            message = f"needs {' or '.join(needs)}"
        raise TemplateError(f"{source}: {_where(first.absolute_path)}: {message}")
    markings = [("marking.base_marking", data.get("marking", {}).get("base_marking"))]
    for s, section in enumerate(data["sections"]):
        for i, item in enumerate(section.get("items", [])):
            markings.append((f"sections[{s}].items[{i}].marking", item.get("marking")))
    for where, value in markings:
        if value is not None and not default_scheme().is_valid(value):
            raise TemplateError(f"{source}: {where}: '{value}' is not a known marking.")
    return data


def _read_file(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise TemplateError(f"{path.name}: cannot be read: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise TemplateError(
            f"{path.name}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from exc
    return validate(data, path.name)


def _template_files(folder: Path | None = None) -> list[Path]:
    root = folder or paths.asset_dir("templates")
    return sorted(p for p in root.glob("*.json") if p.name != SCHEMA_FILE)


def shipped_count() -> int:
    """How many templates ship (files counted, not read: the navigator shows this at start)."""
    return len(_template_files())


def shipped_templates(folder: Path | None = None) -> list[tuple[TemplateInfo, dict[str, Any]]]:
    found = []
    for path in _template_files(folder):
        data = _read_file(path)
        found.append((_info(f"{SHIPPED_PREFIX}{path.stem}", data, "shipped"), data))
    return found


def _info(template_id: str, data: dict[str, Any], origin: str) -> TemplateInfo:
    return TemplateInfo(
        template_id,
        data["name"],
        data.get("description", ""),
        origin,
        tuple(s["title"] for s in data["sections"]),
    )


def list_templates(session: Session) -> list[TemplateInfo]:
    """Shipped and stored templates together, shipped first."""
    stored = [
        _info(str(t.id), validate(t.body, f"stored template '{t.name}'"), "store")
        for t in session.scalars(select(Template).order_by(Template.name))
    ]
    return [info for info, _data in shipped_templates()] + stored


def get_template(session: Session, ref: str) -> tuple[TemplateInfo, dict[str, Any]]:
    """By id ("shipped:stem" or a stored template's UUID) or by exact name."""
    ref = ref.strip()
    shipped = shipped_templates()
    for info, data in shipped:
        if ref in (info.id, info.name):
            return info, data
    stored = None
    try:
        stored = session.get(Template, uuid.UUID(ref))
    except ValueError:
        stored = session.scalar(select(Template).where(Template.name == ref))
    if stored is None:
        names = ", ".join(f"'{info.name}'" for info, _d in shipped)
        raise NotFoundError(f"No template is named '{ref}'. Shipped templates: {names}.")
    data = validate(stored.body, f"stored template '{stored.name}'")
    return _info(str(stored.id), data, "store"), data


# ------------------------------------------------------------------ using one


def _library_entry(session: Session, kind: str, title: str) -> Any:
    cls, column = _TITLE_COLUMN[kind]
    return session.scalars(select(cls).where(column == title)).first()


def new_from_template(
    session: Session, event: Event, ref: str, *, title: str | None = None
) -> NewBriefing:
    """A new draft briefing for ``event`` laid out as the template says."""
    info, data = get_template(session, ref)
    fields = {**data.get("memo", {}), **data.get("marking", {})}
    briefing = briefing_service.create_briefing(
        session, event, title=title or f"{info.name} — {event.title}", **fields
    )
    result = NewBriefing(briefing)
    for section_data in data["sections"]:
        case_list = None
        if section_data.get("case_list"):
            case_list = session.scalar(
                select(CaseList).where(CaseList.name == section_data["case_list"])
            )
            if case_list is None:
                result.notes.append(
                    f"'{section_data['title']}': no case list is named "
                    f"'{section_data['case_list']}'."
                )
        section = briefing_service.add_section(  # a linked list brings its cases with it
            session,
            briefing,
            kind=section_data["kind"],
            title=section_data["title"],
            intro=section_data.get("intro", ""),
            case_list=case_list,
        )
        for item in section_data.get("items", []):
            reference = item.get("library")
            if reference is None:
                briefing_service.add_text_item(
                    session,
                    section,
                    item["text"],
                    marking=item.get("marking"),
                    title=item.get("title", ""),
                    response=item.get("response", ""),
                )
                continue
            entry = _library_entry(session, reference["kind"], reference["title"])
            if entry is None:
                result.notes.append(
                    f"'{section.title}': the library holds no {reference['kind']} titled "
                    f"'{reference['title']}'; left out."
                )
            else:
                briefing_service.add_item_from_source(session, section, entry)
    session.flush()
    return result


_MEMO_FIELDS = ("memo_kind", "subject", "from_line", "to_line", "summary", "tags")
_MARKING_FIELDS = (
    "base_marking",
    "classified_by",
    "classification_reason",
    "declassify_on",
    "eo_line",
)


def template_from_briefing(briefing: Briefing, name: str, description: str = "") -> dict[str, Any]:
    """A briefing's structure as a template: library items by reference, others literally."""
    sections = []
    for section in briefing.sections:
        items = []
        for item in section.items:
            if section.case_list is not None and item.source_kind == SourceKind.CASE:
                continue  # the list's cases come with the list
            source_title = _source_title(item)
            if source_title is not None:
                reference = {"kind": item.source_kind.value, "title": source_title}  # type: ignore[union-attr]
                items.append({"library": reference})
            else:
                literal = {"text": item.text}
                literal.update(
                    {k: getattr(item, k) for k in ("title", "response") if getattr(item, k)}
                )
                if item.marking:
                    literal["marking"] = item.marking
                items.append(literal)
        entry: dict[str, Any] = {"kind": section.kind.value, "title": section.title}
        if section.intro:
            entry["intro"] = section.intro
        if section.case_list is not None:
            entry["case_list"] = section.case_list.name
        if items:
            entry["items"] = items
        sections.append(entry)
    memo: dict[str, Any] = {
        f: getattr(briefing, f).value if f == "memo_kind" else getattr(briefing, f)
        for f in _MEMO_FIELDS
        if getattr(briefing, f)
    }
    memo["numbered_paragraphs"] = briefing.numbered_paragraphs
    marking = {f: getattr(briefing, f) for f in _MARKING_FIELDS if getattr(briefing, f)}
    data = {
        "schema": 1,
        "name": name,
        "description": description,
        "memo": memo,
        "marking": marking,
        "sections": sections,
    }
    if not sections:
        raise TemplateError("A template needs at least one section; this briefing has none.")
    return validate(data, f"template '{name}'")


def _source_title(item: Any) -> str | None:
    """The exact title a library reference finds the item's source by (None for literal
    text, or when the source is gone: the item is then kept as literal text)."""
    if item.source_kind is None or item.source_id is None:
        return None
    cls, column = _TITLE_COLUMN[item.source_kind.value]
    session = object_session(item)
    source = session.get(cls, item.source_id) if session is not None else None
    return None if source is None else getattr(source, column.key)


def save_template(
    session: Session, briefing: Briefing, name: str, description: str = ""
) -> Template:
    name = v.required_text(name, "Template name", max_length=200)
    clash = [info for info in list_templates(session) if info.name == name]
    if clash:
        raise ValidationError(f"A template named '{name}' already exists; choose another name.")
    template = Template(
        name=name,
        description=v.clean_text(description, "Description"),
        body=template_from_briefing(briefing, name, description),
    )
    session.add(template)
    session.flush()
    return template
