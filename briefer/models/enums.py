"""Closed vocabularies of the domain that code branches on.

Vocabularies that an office may extend without a code change (case statuses, reliability,
classification levels and caveats) are data under ``resources/vocabulary/`` instead.
"""

from enum import StrEnum


class EventKind(StrEnum):
    SUMMIT = "summit"
    MINISTERIAL = "ministerial"
    CASE_REVIEW = "case review"
    MULTILATERAL = "multilateral meeting"
    OTHER = "other"


class MemoKind(StrEnum):
    INFORMATION_MEMO = "information memo"
    ACTION_MEMO = "action memo"
    BRIEFING_PAPER = "briefing paper"
    TALKING_POINTS = "talking points"
    CABLE = "cable"

    @property
    def heading(self) -> str:
        """How the paper names itself at the top of its first page."""
        return {
            "information memo": "Information Memorandum",
            "action memo": "Action Memorandum",
            "briefing paper": "Briefing Paper",
            "talking points": "Talking Points",
            "cable": "Telegram",
        }[self.value]


class BriefingStatus(StrEnum):
    DRAFT = "draft"
    IN_CLEARANCE = "in clearance"
    FINAL = "final"


class SectionKind(StrEnum):
    SUMMARY = "summary"
    BACKGROUND = "background"
    OBJECTIVES = "objectives"
    TALKING_POINTS = "talking points"
    CASE_LIST = "case list"
    PUBLIC_DIPLOMACY = "public diplomacy"
    COUNTER_ARGUMENTS = "counter-arguments"
    PROGRESS = "progress"
    RECOMMENDATIONS = "recommendations"
    CONDITIONS = "conditions"
    FREE_TEXT = "free text"


class SourceKind(StrEnum):
    """What library entity a briefing item was copied from."""

    POINT = "point"
    COUNTER = "counter"
    PD = "pd"
    CASE = "case"
    GOAL = "goal"


class CaseListKind(StrEnum):
    REPRESENTATION = "representation"
    PRIORITY = "priority"
    CATEGORY_STATEMENT = "category statement"


class GoalTier(StrEnum):
    IMMEDIATE = "immediate"
    INTERMEDIATE = "intermediate"
    LONG_RANGE = "long-range"


class Assessment(StrEnum):
    PROGRESS = "progress"
    SLIGHT_PROGRESS = "slight progress"
    NO_CHANGE = "no change"
    ROLLBACK = "rollback"


class ClearanceStatus(StrEnum):
    PENDING = "pending"
    CLEARED = "cleared"
    CLEARED_WITH_CHANGES = "cleared with changes"
    DECLINED = "declined"
