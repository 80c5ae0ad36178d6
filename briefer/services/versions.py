"""Briefing versions and comparison.

A briefing is frozen as a numbered version each time it goes to clearance and when it
becomes final; a final briefing is read-only ("New draft" copies it). ``compare`` shows
what changed between two briefings or two versions of one (``BRIEFING@N``): properties,
sections, items added, removed or edited, and markings — this summit's book against the
last one, or today's draft against the copy sent for clearance.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from briefer.errors import NotFoundError, ValidationError
from briefer.models import Briefing, BriefingStatus, BriefingVersion
from briefer.services import briefings as briefing_service
from briefer.services import validation as v

_PROPERTIES = ("title", "subject", "memo_kind", "to_line", "from_line", "base_marking", "status")
_FROZEN_AT = (BriefingStatus.IN_CLEARANCE, BriefingStatus.FINAL)


def _item_key(item: Any) -> str:
    """How an item is recognised across briefings: its source, else its words."""
    if item.source_id is not None:
        return f"{item.source_kind.value}:{item.source_id}"
    return "text:" + " ".join((item.title + " " + item.text).split()).casefold()[:200]


def content_of(briefing: Briefing) -> dict[str, Any]:
    """The briefing as plain data: what a version freezes and what ``compare`` reads."""
    return {
        "properties": {
            p: (
                getattr(briefing, p).value if p in ("memo_kind", "status") else getattr(briefing, p)
            )
            for p in _PROPERTIES
        },
        "marking": str(briefing_service.briefing_marking(briefing)),
        "sections": [
            {
                "title": section.title,
                "kind": section.kind.value,
                "items": [
                    {
                        "key": _item_key(item),
                        "label": " ".join((item.title or item.text).split())[:80],
                        "text": f"{item.title}\n{item.text}\n{item.response}".strip(),
                        "marking": item.marking or "",
                    }
                    for item in section.items
                ],
            }
            for section in briefing.sections
        ],
    }


def freeze(session: Session, briefing: Briefing) -> BriefingVersion:
    number = max((version.number for version in briefing.versions), default=0) + 1
    version = BriefingVersion(
        number=number, status=briefing.status.value, content=content_of(briefing)
    )
    briefing.versions.append(version)
    session.flush()
    return version


def set_status(session: Session, briefing: Briefing, status: Any) -> BriefingVersion | None:
    """Change the status; going to clearance or final freezes a version (returned)."""
    new = v.choice(BriefingStatus, str(status).replace("-", " "), "Status")
    if briefing.status == BriefingStatus.FINAL:
        raise ValidationError(
            f"'{briefing.title}' is final and read-only; make a new draft of it to change it."
        )
    briefing_service.update_briefing(session, briefing, status=new)
    return freeze(session, briefing) if new in _FROZEN_AT else None


def resolve_content(session: Session, ref: str) -> tuple[str, dict[str, Any]]:
    """``BRIEFING`` (as it is now) or ``BRIEFING@N`` (version N): (label, content)."""
    name, at, number = ref.rpartition("@") if "@" in ref else (ref, "", "")
    briefing = briefing_service.get_briefing(session, name if at else ref)
    if not at:
        return f"{briefing.title} (current)", content_of(briefing)
    found = next((x for x in briefing.versions if str(x.number) == number.strip()), None)
    if found is None:
        have = ", ".join(str(x.number) for x in briefing.versions) or "none yet"
        raise NotFoundError(f"'{briefing.title}' has no version {number}; versions: {have}.")
    return f"{briefing.title} version {found.number} ({found.status})", found.content


@dataclass(frozen=True)
class Change:
    what: str  # property | marking | section | item
    change: str  # added | removed | edited | changed | moved
    where: str
    detail: str

    def line(self) -> str:
        return f"{self.change:8} {self.what:8} {self.where}" + (
            f" — {self.detail}" if self.detail else ""
        )


def compare(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    changes: list[Change] = []
    for name in _PROPERTIES:
        before, after = old["properties"].get(name), new["properties"].get(name)
        if before != after:
            changes.append(Change("property", "changed", name, f"{before!r} → {after!r}"))
    if old["marking"] != new["marking"]:
        changes.append(
            Change("marking", "changed", "overall", f"{old['marking']} → {new['marking']}")
        )
    old_sections = {s["title"]: s for s in old["sections"]}
    new_sections = {s["title"]: s for s in new["sections"]}
    for title in old_sections.keys() - new_sections.keys():
        changes.append(Change("section", "removed", title, ""))
    for title in new_sections.keys() - old_sections.keys():
        changes.append(Change("section", "added", title, ""))
    old_items = {i["key"]: (s["title"], i) for s in old["sections"] for i in s["items"]}
    new_items = {i["key"]: (s["title"], i) for s in new["sections"] for i in s["items"]}
    for key in old_items.keys() - new_items.keys():
        section, item = old_items[key]
        changes.append(Change("item", "removed", section, item["label"]))
    for key in new_items.keys() - old_items.keys():
        section, item = new_items[key]
        changes.append(Change("item", "added", section, item["label"]))
    for key in old_items.keys() & new_items.keys():
        (was_in, before), (now_in, after) = old_items[key], new_items[key]
        if was_in != now_in:
            changes.append(Change("item", "moved", now_in, f"{after['label']} (from {was_in})"))
        if before["text"] != after["text"]:
            changes.append(Change("item", "edited", now_in, after["label"]))
        if before["marking"] != after["marking"]:
            detail = f"{after['label']}: {before['marking'] or 'unmarked'} → {after['marking']}"
            changes.append(Change("marking", "changed", now_in, detail))
    order = {"property": 0, "marking": 1, "section": 2, "item": 3}
    return sorted(changes, key=lambda c: (order[c.what], c.where, c.change, c.detail))


def comparable(session: Session) -> list[tuple[str, str]]:
    """(reference, label) of every briefing and every frozen version, for a picker."""
    choices = []
    for briefing in briefing_service.list_briefings(session):
        choices.append((str(briefing.id), f"{briefing.title} — {briefing.event.title} (current)"))
        for version in briefing.versions:
            choices.append(
                (
                    f"{briefing.id}@{version.number}",
                    f"{briefing.title} — version {version.number} ({version.status})",
                )
            )
    return choices


def compare_refs(session: Session, old: str, new: str) -> list[Change]:
    return compare(resolve_content(session, old)[1], resolve_content(session, new)[1])
