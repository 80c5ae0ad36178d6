"""The briefing as it will be read: plain data, in reading order, markings resolved."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Text:
    """A paragraph-level item: Markdown text with its portion mark (None: not marked)."""

    markdown: str
    portion: str | None = None
    lead: str = ""  # bold lead-in, e.g. a free-text item's title


@dataclass(frozen=True)
class CounterRow:
    their_point: str
    our_response: str
    portion: str | None


@dataclass(frozen=True)
class CaseRow:
    name: str
    category: str
    since: str
    status: str
    status_on: str
    source: str
    portion: str | None


@dataclass(frozen=True)
class GoalLine:
    tier: str
    text: str
    assessment: str
    portion: str | None
    charts: tuple[Any, ...] = ()  # briefer.charts.IndicatorSeries, drawn where there is data


@dataclass(frozen=True)
class Block:
    """One run of content in a section, rendered according to ``kind``.

    kinds: ``paragraphs`` (numbered when the memo is), ``bullets``, ``numbered`` (a list that
    starts at 1), ``counters`` (two-column table), ``cases`` (case table), ``statement``
    (a category statement), ``goals``.
    """

    kind: str
    texts: tuple[Text, ...] = ()
    counters: tuple[CounterRow, ...] = ()
    cases: tuple[CaseRow, ...] = ()
    goals: tuple[GoalLine, ...] = ()


@dataclass(frozen=True)
class Section:
    title: str
    kind: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class ExportDocument:
    title: str
    memo_kind: str
    memo_heading: str
    subject: str
    from_line: str
    to_line: str
    date: str
    marking: str
    classified: bool
    summary: Text | None
    authority: tuple[str, ...]
    cable_lines: tuple[str, ...]
    entire_text_line: str | None
    numbered: bool
    sections: tuple[Section, ...]
    drafting: tuple[str, ...]
    event_line: str
    principal: str
    author: str
    toc: bool = False
    cover: bool = False
    warnings: tuple[str, ...] = field(default=())

    @property
    def is_cable(self) -> bool:
        return self.memo_kind == "cable"
