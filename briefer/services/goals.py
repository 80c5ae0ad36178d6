"""Goals by tier, indicators with targets, and the observations that measure progress."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from briefer.errors import ValidationError
from briefer.models import Assessment, Goal, GoalTier, Indicator, Observation
from briefer.services import validation as v
from briefer.services.lookup import by_id
from briefer.services.stale import refuse_if_stale

if TYPE_CHECKING:
    from briefer.charts import IndicatorSeries

_GOAL_RULES = {
    "tier": lambda x: v.choice(GoalTier, x, "Tier"),
    "text": lambda x: v.required_text(x, "Goal", max_length=v.MAX_TEXT),
    "assessment": lambda x: v.choice(Assessment, x, "Assessment"),
    "note": lambda x: v.clean_text(x, "Note"),
    "marking": v.marking,
    "position": int,
    "sample": bool,
}


def _number(value: Any, field: str) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError) as exc:
        raise ValidationError(f"{field} '{value}' is not a number.") from exc
    if number != number or number in (float("inf"), float("-inf")):
        raise ValidationError(f"{field} must be a finite number.")
    return number


def create_goal(session: Session, **fields: Any) -> Goal:
    return v.create(session, Goal, _GOAL_RULES, fields)


def update_goal(session: Session, goal: Goal, **changes: Any) -> Goal:
    return v.update(session, goal, _GOAL_RULES, changes)


def delete_goal(session: Session, goal: Goal) -> None:
    session.delete(goal)
    session.flush()


def move_goal(session: Session, goal: Goal, index: int) -> None:
    """Reorder a goal among the goals of its tier."""
    siblings = sorted(
        session.scalars(select(Goal).where(Goal.tier == goal.tier)), key=lambda g: g.position
    )
    siblings.remove(goal)
    siblings.insert(max(0, min(index, len(siblings))), goal)
    for position, sibling in enumerate(siblings):
        if sibling.position != position:
            sibling.position = position
    session.flush()


def add_indicator(
    session: Session,
    goal: Goal,
    *,
    name: str,
    unit: str = "",
    target: Any = None,
    target_note: str = "",
    sample: bool = False,
) -> Indicator:
    indicator = Indicator(
        name=v.required_text(name, "Indicator"),
        unit=v.clean_text(unit, "Unit", max_length=80),
        target=None if target is None else _number(target, "Target"),
        target_note=v.clean_text(target_note, "Target note", max_length=200),
        sample=sample,
    )
    goal.indicators.append(indicator)
    session.flush()
    return indicator


def add_observation(
    session: Session,
    indicator: Indicator,
    *,
    observed_on: Any,
    value: Any,
    source: str = "",
    note: str = "",
    sample: bool = False,
) -> Observation:
    observation = Observation(
        observed_on=v.a_date(observed_on, "Observed on"),
        value=_number(value, "Value"),
        source=v.clean_text(source, "Source", max_length=300),
        note=v.clean_text(note, "Note"),
        sample=sample,
    )
    indicator.observations.append(observation)
    session.flush()
    return observation


def update_indicator(session: Session, indicator: Indicator, **changes: Any) -> Indicator:
    rules = {
        "name": lambda x: v.required_text(x, "Indicator"),
        "unit": lambda x: v.clean_text(x, "Unit", max_length=80),
        "target": lambda x: None if x is None else _number(x, "Target"),
        "target_note": lambda x: v.clean_text(x, "Target note", max_length=200),
    }
    return v.update(session, indicator, rules, changes)


def delete_indicator(session: Session, indicator: Indicator) -> None:
    indicator.goal.indicators.remove(indicator)
    session.flush()


def delete_observation(session: Session, observation: Observation) -> None:
    observation.indicator.observations.remove(observation)
    session.flush()


def list_goals(session: Session) -> list[Goal]:
    tier_order = {tier: i for i, tier in enumerate(GoalTier)}
    goals = session.scalars(
        select(Goal).options(selectinload(Goal.indicators).selectinload(Indicator.observations))
    )
    return sorted(goals, key=lambda g: (tier_order[g.tier], g.position))


def indicator_series(indicator: Indicator) -> IndicatorSeries:
    """An indicator's data as the chart function takes it (window and export alike)."""
    from briefer.charts import IndicatorSeries

    return IndicatorSeries(
        indicator.name,
        indicator.unit,
        indicator.target,
        indicator.target_note,
        tuple((o.observed_on, o.value) for o in indicator.observations),
    )


# ------------------------------------------------------------------ the window's goals page


@dataclass(frozen=True)
class ObservationRow:
    id: str
    observed_on: str
    value: float
    source: str
    note: str


@dataclass(frozen=True)
class IndicatorRow:
    id: str
    name: str
    unit: str
    target: float | None
    target_note: str
    observations: tuple[ObservationRow, ...]
    series: IndicatorSeries


@dataclass(frozen=True)
class GoalRow:
    id: str
    version: int
    tier: str
    text: str
    assessment: str
    note: str
    marking: str
    indicators: tuple[IndicatorRow, ...]


def goal_rows(session: Session) -> list[GoalRow]:
    """Every goal, by tier, with its indicators and observations as plain rows."""
    return [
        GoalRow(
            str(goal.id),
            goal.version,
            goal.tier.value,
            goal.text,
            goal.assessment.value,
            goal.note,
            goal.marking,
            tuple(
                IndicatorRow(
                    str(i.id),
                    i.name,
                    i.unit,
                    i.target,
                    i.target_note,
                    tuple(
                        ObservationRow(
                            str(o.id), o.observed_on.isoformat(), o.value, o.source, o.note
                        )
                        for o in i.observations
                    ),
                    indicator_series(i),
                )
                for i in goal.indicators
            ),
        )
        for goal in list_goals(session)
    ]


def assess_goal(session: Session, goal_id: str, assessment: str, note: str) -> None:
    update_goal(session, by_id(session, Goal, goal_id, "goal"), assessment=assessment, note=note)


ASSESSMENT_LABELS = {"assessment": "Assessment", "note": "Assessment note"}


def assessment_fields(session: Session, goal_id: str) -> dict[str, str]:
    goal = by_id(session, Goal, goal_id, "goal")
    return {"assessment": goal.assessment.value, "note": goal.note or ""}


def assess_goal_from(
    session: Session, goal_id: str, expected: dict[str, str], values: dict[str, str]
) -> None:
    """Write a goal's assessment and note only if another window has not changed them since
    this one showed ``expected`` (else nothing is written: EditConflict)."""
    stored = assessment_fields(session, goal_id)
    goal = by_id(session, Goal, goal_id, "goal")
    record = f"Goal '{' '.join(goal.text.split())[:60]}'"
    refuse_if_stale(record, ASSESSMENT_LABELS, stored, expected, values)
    assess_goal(session, goal_id, **{**stored, **values})


def observe(
    session: Session, indicator_id: str, observed_on: str, value: str, source: str, note: str = ""
) -> None:
    add_observation(
        session,
        by_id(session, Indicator, indicator_id, "indicator"),
        observed_on=observed_on,
        value=value,
        source=source,
        note=note,
    )


def remove_observation(session: Session, observation_id: str) -> None:
    delete_observation(session, by_id(session, Observation, observation_id, "observation"))
