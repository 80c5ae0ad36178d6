"""The domain model (SQLAlchemy 2.x typed ORM). Importing this package maps every class."""

from briefer.models.base import Base, LibraryEntity, Record
from briefer.models.briefings import (
    Briefing,
    BriefingItem,
    BriefingVersion,
    Clearance,
    Event,
    ReviewDecision,
    Section,
    Template,
)
from briefer.models.cases import (
    Case,
    CaseList,
    CaseListEntry,
    CaseListPresentation,
    CaseStatusEvent,
)
from briefer.models.enums import (
    Assessment,
    BriefingStatus,
    CaseListKind,
    ClearanceStatus,
    EventKind,
    GoalTier,
    MemoKind,
    SectionKind,
    SourceKind,
)
from briefer.models.goals import Goal, Indicator, Observation
from briefer.models.library import CounterArgument, PublicDiplomacyPoint, Revision, TalkingPoint
from briefer.models.search_doc import search_doc
from briefer.models.store_info import StoreInfo
from briefer.models.sync_state import SyncState

LIBRARY_CLASSES: dict[str, type[LibraryEntity]] = {
    cls.KIND: cls for cls in (TalkingPoint, CounterArgument, PublicDiplomacyPoint, Case)
}
# What a briefing item can be copied from, by its source kind: the library, and goals.
SOURCE_CLASSES: dict[str, type[Record]] = {**LIBRARY_CLASSES, SourceKind.GOAL.value: Goal}

__all__ = [
    "LIBRARY_CLASSES",
    "SOURCE_CLASSES",
    "Assessment",
    "Base",
    "Briefing",
    "BriefingItem",
    "BriefingStatus",
    "BriefingVersion",
    "Case",
    "CaseList",
    "CaseListEntry",
    "CaseListKind",
    "CaseListPresentation",
    "CaseStatusEvent",
    "Clearance",
    "ClearanceStatus",
    "CounterArgument",
    "Event",
    "EventKind",
    "Goal",
    "GoalTier",
    "Indicator",
    "LibraryEntity",
    "MemoKind",
    "Observation",
    "PublicDiplomacyPoint",
    "Record",
    "ReviewDecision",
    "Revision",
    "Section",
    "SectionKind",
    "SourceKind",
    "StoreInfo",
    "SyncState",
    "TalkingPoint",
    "Template",
    "search_doc",
]
