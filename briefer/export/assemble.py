"""Turn a briefing (ORM, inside a unit of work) into the plain ExportDocument.

Every decision about what the reader sees is made here, once, for both writers: which
sections, in what order, which portion mark each paragraph carries, whether the paper can
say "Entire text", what the classification banner reads, and what to warn about.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from briefer.errors import ValidationError
from briefer.export.document import (
    Block,
    CaseRow,
    CounterRow,
    ExportDocument,
    GoalLine,
    Section,
    Text,
)
from briefer.markings import Marking, MarkingScheme, combine, default_scheme
from briefer.models import Briefing, BriefingItem, MemoKind, SectionKind
from briefer.models import Section as SectionRow

_PARAGRAPH_KINDS = {
    SectionKind.SUMMARY,
    SectionKind.BACKGROUND,
    SectionKind.FREE_TEXT,
}
_BULLET_KINDS = {
    SectionKind.TALKING_POINTS,
    SectionKind.PUBLIC_DIPLOMACY,
    SectionKind.OBJECTIVES,
}
_NUMBERED_KINDS = {SectionKind.RECOMMENDATIONS, SectionKind.CONDITIONS}
_TIER_TITLES = {
    "immediate": "Immediate goals",
    "intermediate": "Intermediate goals",
    "long-range": "Long-range goals",
}


@dataclass(frozen=True)
class ExportOptions:
    numbered: bool | None = None  # None: as the briefing says
    toc: bool = False
    cover: bool = False
    sections: tuple[str, ...] = ()  # exact titles; empty: every section
    entire_text: bool = False


def long_date(value: date | None) -> str:
    return f"{value:%B} {value.day}, {value.year}" if value else ""


def short_date(value: date | None) -> str:
    return f"{value.month}/{value.day}/{value:%y}" if value else ""


def entire_text_phrase(marking: Marking) -> str:
    """``Secret/Sensitive—Entire text.`` as in the 1987 memorandum."""
    words = [
        marking.level.name.title(),
        *(c.name.title() for c in sorted(marking.caveats, key=lambda c: c.rank)),
    ]
    return "/".join(words) + "—Entire text."


class _Marker:
    """Resolves each portion's marking, remembering problems to warn about."""

    def __init__(self, briefing: Briefing, scheme: MarkingScheme):
        self.scheme = scheme
        self.base = self._parse(briefing.base_marking, "the briefing's base marking") or Marking(
            scheme.lowest, frozenset(), scheme
        )
        self.used: list[Marking] = [self.base]
        self.warnings: list[str] = []

    def _parse(self, text: str | None, where: str) -> Marking | None:
        try:
            return self.scheme.parse(text)
        except ValidationError as exc:
            self.warnings.append(f"{where}: {exc} It is exported under the base marking.")
            return None

    def item(self, item: BriefingItem, where: str) -> Marking:
        if item.marking is None or not item.marking.strip():
            self.warnings.append(
                f"{where} has no portion marking; it is exported as {self.base.portion}."
            )
            marking = self.base
        else:
            marking = self._parse(item.marking, where) or self.base
        self.used.append(marking)
        return marking

    def overall(self) -> Marking:
        combined = combine(self.used)
        assert combined is not None  # the base marking is always among them
        return combined


def _where(section: SectionRow, index: int, item: BriefingItem) -> str:
    words = " ".join((item.title or item.text).split()[:6])
    return f"Section '{section.title}', item {index + 1} ('{words}…')"


def assemble(
    briefing: Briefing,
    options: ExportOptions | None = None,
    scheme: MarkingScheme | None = None,
    charts: dict[Any, tuple[Any, ...]] | None = None,
) -> ExportDocument:
    """``charts`` maps a goal's id to its indicator series (the goal's *current* data)."""
    options = options or ExportOptions()
    scheme = scheme or default_scheme()
    marker = _Marker(briefing, scheme)
    chosen = _chosen_sections(briefing, options.sections)

    # First pass: resolve every portion's marking (the banner needs them all).
    item_markings: dict[int, Marking] = {}
    for section in chosen:
        for index, item in enumerate(section.items):
            item_markings[id(item)] = marker.item(item, _where(section, index, item))
    overall = marker.overall()
    classified = overall.is_classified or bool(overall.caveats)

    entire_text_line = None
    show_portions = classified
    if options.entire_text:
        if all(m.level == overall.level and m.caveats == overall.caveats for m in marker.used):
            entire_text_line, show_portions = entire_text_phrase(overall), False
        else:
            marker.warnings.append(
                "--entire-text needs every portion marked "
                f"{overall}; some are lower, so each paragraph keeps its portion mark."
            )

    def portion(marking: Marking) -> str | None:
        return marking.portion if show_portions else None

    base_portion = portion(marker.base)
    sections = tuple(
        Section(
            section.title,
            section.kind.value,
            _blocks(section, item_markings, portion, base_portion, charts or {}),
        )
        for section in chosen
    )
    warnings = list(marker.warnings)
    if briefing.drafted_on is None:  # an unset date stays unset: never a made-up one
        warnings.append(
            "The briefing has no date ('Drafted on' is empty), so the paper goes out undated; "
            "set it in the briefing's properties."
        )
    authority = _authority(briefing, classified, warnings)
    return ExportDocument(
        title=briefing.title,
        memo_kind=briefing.memo_kind.value,
        memo_heading=briefing.memo_kind.heading,
        subject=briefing.subject or briefing.title,
        from_line=briefing.from_line,
        to_line=briefing.to_line,
        date=long_date(briefing.drafted_on),
        marking=str(overall),
        classified=classified,
        summary=Text(briefing.summary, base_portion) if briefing.summary.strip() else None,
        authority=authority,
        cable_lines=_cable_lines(briefing),
        entire_text_line=entire_text_line,
        numbered=briefing.numbered_paragraphs if options.numbered is None else options.numbered,
        sections=sections,
        drafting=_drafting(briefing),
        event_line=_event_line(briefing),
        principal=briefing.event.principal,
        author=briefing.drafted_by,
        toc=options.toc,
        cover=options.cover,
        warnings=tuple(warnings),
    )


def _chosen_sections(briefing: Briefing, titles: tuple[str, ...]) -> list[SectionRow]:
    if not titles:
        return list(briefing.sections)
    by_title = {s.title: s for s in briefing.sections}
    unknown = [t for t in titles if t not in by_title]
    if unknown:
        available = "; ".join(s.title for s in briefing.sections)
        raise ValidationError(
            f"No section titled {', '.join(repr(t) for t in unknown)}. Sections: {available}."
        )
    wanted = set(titles)
    return [s for s in briefing.sections if s.title in wanted]


def _blocks(
    section: SectionRow,
    markings: dict[int, Marking],
    portion,
    base_portion,
    charts: dict[Any, tuple[Any, ...]],
) -> tuple[Block, ...]:
    blocks: list[Block] = []
    if section.intro.strip():
        blocks.append(Block("paragraphs", texts=(Text(section.intro, base_portion),)))
    items = section.items
    kind = section.kind
    if kind == SectionKind.COUNTER_ARGUMENTS:
        if items:
            blocks.append(
                Block(
                    "counters",
                    counters=tuple(
                        CounterRow(i.text, i.response, portion(markings[id(i)])) for i in items
                    ),
                )
            )
    elif kind == SectionKind.CASE_LIST:
        blocks.append(_case_block(section, markings, portion, base_portion))
    elif kind == SectionKind.PROGRESS:
        if items:
            blocks.append(
                Block(
                    "goals",
                    goals=tuple(
                        GoalLine(
                            _TIER_TITLES.get(i.snapshot.get("tier", ""), ""),
                            i.text,
                            i.snapshot.get("assessment", ""),
                            portion(markings[id(i)]),
                            charts.get(i.source_id, ()),
                        )
                        for i in items
                    ),
                )
            )
    else:
        block_kind = (
            "bullets"
            if kind in _BULLET_KINDS
            else "numbered"
            if kind in _NUMBERED_KINDS
            else "paragraphs"
        )
        if items:
            blocks.append(
                Block(
                    block_kind,
                    texts=tuple(
                        Text(
                            _item_text(i),
                            portion(markings[id(i)]),
                            lead=i.title
                            if block_kind == "paragraphs" and i.source_kind is None
                            else "",
                        )
                        for i in items
                    ),
                )
            )
    return tuple(blocks)


def _item_text(item: BriefingItem) -> str:
    return item.text if item.text.strip() else item.title


def _case_block(
    section: SectionRow,
    markings: dict[int, Marking],
    portion,
    base_portion,
) -> Block:
    items = section.items
    if section.case_list is not None and section.case_list.kind.value == "category statement":
        # One statement for the whole category (001 §20): no table, no read-out per case.
        combined = combine([markings[id(i)] for i in items])
        mark = portion(combined) if combined is not None else base_portion
        texts = []
        if not section.intro.strip():
            texts.append(
                Text(
                    f"We present the category **{section.case_list.name}** as a statement and seek "
                    "the resolution of the entire category; we do not expect a read-out on each "
                    "case.",
                    mark,
                )
            )
        if items:
            count = f"{len(items)} known case{'s' if len(items) != 1 else ''}"
            names = ", ".join(i.title for i in items)
            texts.append(Text(f"**{section.case_list.name}** ({count}): {names}.", mark))
        return Block("statement", texts=tuple(texts))
    rows = []
    for item in items:
        snap = item.snapshot or {}
        rows.append(
            CaseRow(
                name=item.title,
                category=snap.get("category") or "",
                since=(snap.get("since") or "")[:4],
                status=snap.get("status") or "",
                status_on=snap.get("status_on") or "",
                source=snap.get("status_source") or "",
                portion=portion(markings[id(item)]),
            )
        )
    return Block("cases", cases=tuple(rows))


def _authority(briefing: Briefing, classified: bool, warnings: list[str]) -> tuple[str, ...]:
    if not classified:
        return ()
    if briefing.memo_kind == MemoKind.CABLE:
        if not briefing.eo_line.strip():
            warnings.append(
                "This classified cable has no E.O. line (e.g. 'E.O. 12356: DECL: OADR')."
            )
            return ()
        return (briefing.eo_line.strip(),)
    fields = [
        ("Classified By", briefing.classified_by),
        ("Reason", briefing.classification_reason),
        ("Declassify On", briefing.declassify_on),
    ]
    missing = [label for label, value in fields if not value.strip()]
    if missing:
        warnings.append(
            "This classified paper lacks its classification authority: "
            f"{', '.join(missing)}. Fill them in the briefing's properties."
        )
    return tuple(f"{label}: {value.strip()}" for label, value in fields if value.strip())


def _cable_lines(briefing: Briefing) -> tuple[str, ...]:
    if briefing.memo_kind != MemoKind.CABLE:
        return ()
    lines = []
    if briefing.tags.strip():
        lines.append(f"TAGS: {briefing.tags.strip()}")
    lines.append(f"SUBJECT: {(briefing.subject or briefing.title).upper()}")
    return tuple(lines)


def _drafting(briefing: Briefing) -> tuple[str, ...]:
    lines = []
    if briefing.drafted_by:
        when = short_date(briefing.drafted_on)
        lines.append(f"Drafted: {briefing.drafted_by}{', ' + when if when else ''}")
    cleared = [c for c in briefing.clearances if c.status.value.startswith("cleared")]
    pending = [c for c in briefing.clearances if not c.status.value.startswith("cleared")]

    def label(c) -> str:
        return f"{c.office} ({c.person})" if c.person else c.office

    if cleared:
        lines.append("Cleared: " + ", ".join(label(c) for c in cleared))
    if pending:
        lines.append(
            "Not yet cleared: "
            + ", ".join(
                label(c) if c.status.value == "pending" else f"{label(c)} ({c.status.value})"
                for c in pending
            )
        )
    if briefing.approved_by:
        lines.append(f"Approved: {briefing.approved_by}")
    return tuple(lines)


def _event_line(briefing: Briefing) -> str:
    event = briefing.event
    when = long_date(event.starts_on)
    if event.ends_on and event.ends_on != event.starts_on:
        when += f" – {long_date(event.ends_on)}"
    where = f", {event.location}" if event.location else ""
    return f"{event.title}{where}, {when}"
