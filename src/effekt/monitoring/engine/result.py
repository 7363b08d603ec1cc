"""Result objects of a monitoring run. They hold numbers; `render` turns them into files."""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

# Column order of focus_targets.csv: a contract other tools depend on.
FOCUS_TARGET_COLUMNS = (
    "municipality_code", "month", "population", "offers_population", "offers_met",
    "offers_share", "conversations_population", "conversations_met", "conversations_share",
    "offers_share_12m", "conversations_share_12m",
)  # fmt: skip


@dataclass(frozen=True)
class FocusTargetRow:
    """One municipality and month: counts, shares and their 12-month running means."""

    municipality_code: str
    month: str
    population: int
    offers_population: int
    offers_met: int
    conversations_population: int
    conversations_met: int
    offers_share: Fraction | None
    conversations_share: Fraction | None
    offers_share_12m: Fraction | None
    conversations_share_12m: Fraction | None


@dataclass(frozen=True)
class ResultTargetRow:
    """The share on public support among 16-66-year-olds in a half-year or year."""

    municipality_code: str
    period: str
    resident_days: int
    benefit_days: int
    actual_share: Fraction | None
    expected_share: float | None
    published_actual_share: float | None
    met: bool | None


@dataclass(frozen=True)
class VerdictRow:
    """A municipality's calendar year: targets met and whether it is a skærpet-tilsyn candidate."""

    municipality_code: str
    year: int
    actual_share: Fraction | None
    expected_share: float | None
    result_target_met: bool | None
    offers_share_12m: Fraction | None
    offers_target_met: bool | None
    conversations_share_12m: Fraction | None
    conversations_target_met: bool | None
    candidate: bool | None


@dataclass(frozen=True)
class WorklistRow:
    """A measured person lacking an offer or enough conversations in the last month of the run."""

    municipality_code: str
    month: str
    person_id: str
    benefit: str
    spell_start: str
    lacks_offer: bool
    lacks_conversations: bool
    exempt_from_offers: bool
    has_offer: bool
    last_offer_date: str | None
    work_hours: float
    conversations: int
    conversations_missing: int
    last_conversation_date: str | None
    months_left: int


@dataclass(frozen=True)
class MonitoringResult:
    """Everything one run computes."""

    start: str
    end: str
    parameter_sets: tuple[str, ...]
    focus_targets: list[FocusTargetRow] = field(default_factory=list)
    result_target: list[ResultTargetRow] = field(default_factory=list)
    verdicts: list[VerdictRow] = field(default_factory=list)
    worklist: list[WorklistRow] = field(default_factory=list)
