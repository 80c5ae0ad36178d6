"""Briefing templates: shipped JSON skeletons in ``templates/`` and user templates in the store."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from briefer import paths
from briefer.errors import ValidationError
from briefer.models import Template


@dataclass(frozen=True)
class TemplateInfo:
    id: str
    name: str
    description: str
    origin: str  # "shipped" or "store"


def shipped_templates() -> list[TemplateInfo]:
    found = []
    for path in sorted(paths.asset_dir("templates").glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            name = data["name"]
        except (ValueError, KeyError, TypeError) as exc:
            raise ValidationError(f"Template {path.name} is not valid: {exc}") from exc
        found.append(
            TemplateInfo(f"shipped:{path.stem}", name, data.get("description", ""), "shipped")
        )
    return found


def list_templates(session: Session) -> list[TemplateInfo]:
    stored = [
        TemplateInfo(str(t.id), t.name, t.description, "store")
        for t in session.scalars(select(Template).order_by(Template.name))
    ]
    return shipped_templates() + stored
