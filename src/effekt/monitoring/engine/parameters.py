"""Dated parameter sets and the state pension age table, read from data files.

The default files live in `effekt/monitoring/parameters/`; another TOML file with the same
layout can be given instead (`effekt monitoring run --parameters FILE`).
"""

from __future__ import annotations

import csv
import datetime as dt
import tomllib
from dataclasses import dataclass
from fractions import Fraction
from importlib import resources
from pathlib import Path
from typing import Any, Literal, cast

CandidateRule = Literal["result_and_any_focus", "result_and_all_focus", "any"]
CANDIDATE_RULES: tuple[CandidateRule, ...] = ("result_and_any_focus", "result_and_all_focus", "any")
SpellRule = Literal["hours", "overlap", "month_gap"]
SPELL_RULES: tuple[SpellRule, ...] = ("hours", "overlap", "month_gap")


class ParameterError(ValueError):
    """A parameter file is malformed."""


@dataclass(frozen=True)
class ParameterSet:
    """Thresholds in force from `valid_from`; hours are integer hundredths."""

    name: str
    valid_from: dt.date
    spell_months: int
    dagpenge_hundredths_per_month: int
    employment_hundredths_as_offer: int
    min_conversations: int
    exemption_share: Fraction
    offers_target_share: Fraction
    conversations_target_share: Fraction
    candidate_rule: CandidateRule
    dagpenge_holidays: bool


@dataclass(frozen=True)
class Rules:
    """Everything the engine reads from the parameter file."""

    sets: tuple[ParameterSet, ...]
    counted_offers: tuple[str, ...]
    offer_counts_until: dict[str, dt.date]
    offer_only_for: dict[str, tuple[str, ...]]
    general_held_by: tuple[str, ...]
    always_forms: tuple[str, ...]
    status_forms: dict[str, tuple[str, ...]]
    status_held_by: dict[str, tuple[str, ...]]
    measured: tuple[str, ...]
    unmeasured: tuple[str, ...]
    spell_rule: dict[str, SpellRule]
    counts_as: dict[str, str]
    preceded_by: dict[str, str]
    result_target: tuple[str, ...]
    result_target_ages: tuple[int, int]
    dead_reasons: tuple[str, ...]
    pension_ages: tuple[tuple[dt.date | None, dt.date | None, int], ...]
    holidays: tuple[dt.date, ...]

    def set_for(self, month_first_day: dt.date) -> ParameterSet:
        """The parameter set in force in the month starting `month_first_day` (months before
        the first set use the first set)."""
        chosen = [s for s in self.sets if s.valid_from <= month_first_day]
        return chosen[-1] if chosen else self.sets[0]

    def rule(self, spell: str) -> SpellRule:
        return self.spell_rule.get(spell, "month_gap")


def _hundredths(value: object, key: str) -> int:
    amount = Fraction(str(value)) * 100
    if amount.denominator != 1:
        raise ParameterError(f"{key}={value} has more than two decimals")
    return int(amount)


def _share(value: object, key: str) -> Fraction:
    share = Fraction(str(value))
    if not 0 <= share <= 1:
        raise ParameterError(f"{key}={value} is not a share between 0 and 1")
    return share


def _parameter_set(raw: dict[str, Any]) -> ParameterSet:
    rule = str(raw["candidate_rule"])
    if rule not in CANDIDATE_RULES:
        raise ParameterError(f"candidate_rule={rule!r} is not one of {', '.join(CANDIDATE_RULES)}")
    valid_from = dt.date.fromisoformat(str(raw["valid_from"]))
    if valid_from.day != 1:
        raise ParameterError(f"valid_from={valid_from} is not the first day of a month")
    return ParameterSet(
        name=str(raw["name"]),
        valid_from=valid_from,
        spell_months=int(raw["spell_months"]),
        dagpenge_hundredths_per_month=_hundredths(
            raw["dagpenge_hours_per_month"], "dagpenge_hours_per_month"
        ),
        employment_hundredths_as_offer=_hundredths(
            raw["employment_hours_as_offer"], "employment_hours_as_offer"
        ),
        min_conversations=int(raw["min_conversations"]),
        exemption_share=_share(raw["exemption_share"], "exemption_share"),
        offers_target_share=_share(raw["offers_target_share"], "offers_target_share"),
        conversations_target_share=_share(
            raw["conversations_target_share"], "conversations_target_share"
        ),
        candidate_rule=rule,
        dagpenge_holidays=bool(raw["dagpenge_holidays"]),
    )


def _sets(raw_sets: list[dict[str, Any]]) -> tuple[ParameterSet, ...]:
    merged: dict[str, Any] = {}
    sets = []
    for raw in sorted(raw_sets, key=lambda s: str(s["valid_from"])):
        merged = {**merged, **raw}
        try:
            sets.append(_parameter_set(merged))
        except KeyError as missing:
            raise ParameterError(f"parameter set {raw.get('name')!r} lacks {missing}") from None
    if not sets:
        raise ParameterError("the parameter file has no [[parameter_set]]")
    return tuple(sets)


def _tuples(table: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
    return {key: tuple(values) for key, values in table.items()}


def _pension_ages(text: str) -> tuple[tuple[dt.date | None, dt.date | None, int], ...]:
    rows = []
    for row in csv.DictReader(text.splitlines()):
        born_from = dt.date.fromisoformat(row["born_from"]) if row["born_from"] else None
        born_to = dt.date.fromisoformat(row["born_to"]) if row["born_to"] else None
        rows.append((born_from, born_to, int(row["pension_age_months"])))
    return tuple(rows)


def load_rules(path: Path | None = None) -> Rules:
    """Read the parameter file (the packaged default when `path` is None)."""
    package = resources.files("effekt.monitoring.parameters")
    text = path.read_text("utf-8") if path else (package / "parameter_sets.toml").read_text("utf-8")
    raw = tomllib.loads(text)
    offers, talks, benefits = raw["offers"], raw["conversations"], raw["benefits"]
    spell_rule = {key: cast(SpellRule, value) for key, value in benefits["spell_rule"].items()}
    for key, value in spell_rule.items():
        if value not in SPELL_RULES:
            raise ParameterError(f"spell_rule {key}={value!r} is not one of {SPELL_RULES}")
    ages = benefits["result_target_ages"]
    return Rules(
        sets=_sets(raw["parameter_set"]),
        counted_offers=tuple(offers["counted"]),
        offer_counts_until={
            key: dt.date.fromisoformat(value) for key, value in offers["counts_until"].items()
        },
        offer_only_for=_tuples(offers["only_for"]),
        general_held_by=tuple(talks["general_held_by"]),
        always_forms=tuple(talks["always_forms"]),
        status_forms=_tuples(talks["status_forms"]),
        status_held_by=_tuples(talks["status_held_by"]),
        measured=tuple(benefits["measured"]),
        unmeasured=tuple(benefits["unmeasured"]),
        spell_rule=spell_rule,
        counts_as=dict(benefits["counts_as"]),
        preceded_by=dict(benefits["preceded_by"]),
        result_target=tuple(benefits["result_target"]),
        result_target_ages=(int(ages[0]), int(ages[1])),
        dead_reasons=tuple(benefits["dead_reasons"]),
        pension_ages=_pension_ages((package / "state_pension_age.csv").read_text("utf-8")),
        holidays=tuple(
            dt.date.fromisoformat(row["date"])
            for row in csv.DictReader((package / "holidays.csv").read_text("utf-8").splitlines())
        ),
    )
