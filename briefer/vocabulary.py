"""Shipped vocabularies (classification scale, case statuses, reliability) loaded as data.

They are JSON files under ``resources/vocabulary/`` so an office can adapt them without a
code change; this module reads each once and hands out immutable views.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from briefer.paths import asset


def _load(name: str) -> dict[str, Any]:
    with asset("resources", "vocabulary", name).open(encoding="utf-8") as handle:
        return json.load(handle)


@dataclass(frozen=True)
class CaseVocabulary:
    statuses: tuple[str, ...]
    closed_statuses: frozenset[str]
    categories: tuple[str, ...]
    reliability: tuple[str, ...]


@cache
def case_vocabulary() -> CaseVocabulary:
    data = _load("cases.json")
    return CaseVocabulary(
        statuses=tuple(s["name"] for s in data["statuses"]),
        closed_statuses=frozenset(s["name"] for s in data["statuses"] if s["closed"]),
        categories=tuple(data["categories"]),
        reliability=tuple(r["name"] for r in data["reliability"]),
    )


@cache
def marking_data() -> dict[str, Any]:
    return _load("markings.json")
