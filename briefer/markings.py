"""Classification markings: parsing, portion marks and the overall-marking rule.

A marking is a level on an ordered scale plus a set of caveats, e.g. ``SECRET/SENSITIVE``.
The scale and the caveats are data (``resources/vocabulary/markings.json``), so nothing
here names a level. The rule that matters most lives in :func:`overall_marking`: a paper is
marked at the highest of its base marking and every portion, with the union of caveats —
never lower.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from briefer.errors import ValidationError
from briefer.vocabulary import marking_data


@dataclass(frozen=True)
class Level:
    rank: int
    name: str
    portion: str
    banner: str


@dataclass(frozen=True)
class Caveat:
    rank: int
    name: str
    portion: str
    aliases: tuple[str, ...]


class MarkingScheme:
    """The ordered scale and caveats an office uses; normally the shipped default."""

    def __init__(self, levels: list[Level], caveats: list[Caveat]):
        if not levels:
            raise ValueError("a marking scheme needs at least one level")
        self.levels = levels
        self.caveats = caveats
        self._level_by_token: dict[str, Level] = {}
        for level in levels:
            self._level_by_token[level.name.upper()] = level
            self._level_by_token[level.portion.upper()] = level
        self._parsed: dict[str | None, Marking] = {}
        self._caveat_by_token: dict[str, Caveat] = {}
        for caveat in caveats:
            for token in (caveat.name, caveat.portion, *caveat.aliases):
                if token:
                    self._caveat_by_token[token.upper()] = caveat

    @property
    def lowest(self) -> Level:
        return self.levels[0]

    def choices(self) -> list[str]:
        """The markings a person picks from: each level alone, then with one caveat."""
        return [
            name
            for level in self.levels
            for name in (level.name, *(f"{level.name}/{c.name}" for c in self.caveats))
        ]

    def level(self, token: str) -> Level:
        found = self._level_by_token.get(token.strip().upper())
        if found is None:
            known = ", ".join(level.name for level in self.levels)
            raise ValidationError(f"Unknown classification '{token.strip()}'. Use one of: {known}.")
        return found

    def caveat(self, token: str) -> Caveat:
        found = self._caveat_by_token.get(token.strip().upper())
        if found is None:
            known = ", ".join(c.name for c in self.caveats)
            raise ValidationError(f"Unknown caveat '{token.strip()}'. Known caveats: {known}.")
        return found

    def parse(self, text: str | None) -> Marking:
        """Read a marking; a thousand-row outline asks for the same few, so they are cached."""
        cached = self._parsed.get(text)
        if cached is None:
            cached = self._parse(text)
            if len(self._parsed) < 4096:
                self._parsed[text] = cached
        return cached

    def _parse(self, text: str | None) -> Marking:
        """Read ``SECRET/SENSITIVE``, ``S/NF``, ``(C)``, ``Confidential`` … into a Marking.

        An empty or missing marking is the lowest level: an item nobody marked is treated as
        unclassified for display, and pre-export checks list it separately.
        """
        if text is None or not text.strip():
            return Marking(self.lowest, frozenset(), self)
        cleaned = text.strip().strip("()").replace("—", "/").replace("//", "/")
        tokens = [t for t in cleaned.split("/") if t.strip()]
        if not tokens:
            return Marking(self.lowest, frozenset(), self)
        level = self.level(tokens[0])
        caveats = frozenset(self.caveat(t) for t in tokens[1:])
        return Marking(level, caveats, self)

    def is_valid(self, text: str | None) -> bool:
        try:
            self.parse(text)
        except ValidationError:
            return False
        return True


@dataclass(frozen=True)
class Marking:
    level: Level
    caveats: frozenset[Caveat]
    scheme: MarkingScheme

    def _ordered_caveats(self) -> list[Caveat]:
        return sorted(self.caveats, key=lambda c: c.rank)

    def __str__(self) -> str:
        return "/".join([self.level.name, *(c.name for c in self._ordered_caveats())])

    @property
    def portion(self) -> str:
        """The portion mark put before a paragraph: ``(S)``, ``(C)``, ``(S/NF)``."""
        caveats = [c.portion for c in self._ordered_caveats() if c.portion]
        return "(" + "/".join([self.level.portion, *caveats]) + ")"

    @property
    def is_classified(self) -> bool:
        return self.level.rank > self.scheme.lowest.rank

    def __ge__(self, other: Marking) -> bool:
        return self.level.rank >= other.level.rank and self.caveats >= other.caveats


def combine(markings: Iterable[Marking]) -> Marking | None:
    """The highest level among ``markings``, with every caveat any of them carries."""
    parsed = list(markings)
    if not parsed:
        return None
    level = max((m.level for m in parsed), key=lambda level: level.rank)
    return Marking(level, frozenset().union(*(m.caveats for m in parsed)), parsed[0].scheme)


def overall_marking(
    base: str | None, portions: Iterable[str | None], scheme: MarkingScheme | None = None
) -> Marking:
    """The paper's marking: the highest level among base and portions, with every caveat."""
    scheme = scheme or default_scheme()
    combined = combine([scheme.parse(base), *(scheme.parse(p) for p in portions)])
    assert combined is not None  # the base is always there
    return combined


def normalise(text: str | None, scheme: MarkingScheme | None = None) -> str:
    """Canonical spelling of a marking (raises ValidationError for an unknown one)."""
    return str((scheme or default_scheme()).parse(text))


@cache
def default_scheme() -> MarkingScheme:
    data = marking_data()
    levels = [
        Level(rank, entry["name"], entry["portion"], entry["banner"])
        for rank, entry in enumerate(data["levels"])
    ]
    caveats = [
        Caveat(rank, entry["name"], entry["portion"], tuple(entry.get("aliases", ())))
        for rank, entry in enumerate(data["caveats"])
    ]
    return MarkingScheme(levels, caveats)
