"""The register input contract (docs: `spec/data-formats.md`) as data: tables, columns, codes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from effekt.core import registers

Kind = Literal[
    "id",
    "date",
    "open_date",
    "month",
    "bool",
    "hours",
    "share",
    "number",
    "municipality",
    "period",
    "code",
]

BENEFITS = registers.BENEFITS
REASONS = registers.EXEMPTION_REASONS
OFFERS = registers.OFFERS
FORMS = registers.CONVERSATION_FORMS
KINDS = registers.CONVERSATION_KINDS
HELD_BY = registers.CONVERSATION_HELD_BY
STATUSES = registers.MUNICIPALITY_STATUSES
SEXES = ("M", "K")


@dataclass(frozen=True)
class Column:
    name: str
    kind: Kind
    codes: tuple[str, ...] = ()


@dataclass(frozen=True)
class TableSpec:
    """One input table: its required and optional columns and the intervals it holds."""

    name: str
    required: tuple[Column, ...]
    optional: tuple[Column, ...] = ()
    # (start column, end column) pairs that must satisfy end >= start
    intervals: tuple[tuple[str, str], ...] = ()
    mandatory: bool = False
    # any further column is read as a number (framework_conditions covariates)
    extra_numbers: bool = False
    # columns that identify a row: a repeat is an error
    unique: tuple[str, ...] = ()
    columns: tuple[Column, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "columns", self.required + self.optional)


def _c(name: str, kind: Kind, codes: tuple[str, ...] = ()) -> Column:
    return Column(name, kind, codes)


TABLES: tuple[TableSpec, ...] = (
    TableSpec(
        "persons",
        (_c("person_id", "id"), _c("birth_date", "date")),
        (_c("sex", "code", SEXES),),
        mandatory=True,
        unique=("person_id",),
    ),
    TableSpec(
        "residence",
        (
            _c("person_id", "id"),
            _c("municipality_code", "municipality"),
            _c("valid_from", "date"),
            _c("valid_to", "open_date"),
        ),
        intervals=(("valid_from", "valid_to"),),
        mandatory=True,
    ),
    TableSpec(
        "benefits",
        (
            _c("person_id", "id"),
            _c("benefit", "code", BENEFITS),
            _c("start_date", "date"),
            _c("end_date", "open_date"),
        ),
        (
            _c("hours", "hours"),
            _c("new_period", "bool"),
            _c("intro_program", "bool"),
            _c("supplementary", "bool"),
        ),
        intervals=(("start_date", "end_date"),),
        mandatory=True,
    ),
    TableSpec(
        "exemptions",
        (
            _c("person_id", "id"),
            _c("reason", "code", REASONS),
            _c("start_date", "date"),
            _c("end_date", "open_date"),
        ),
        intervals=(("start_date", "end_date"),),
    ),
    TableSpec(
        "offers",
        (
            _c("person_id", "id"),
            _c("offer", "code", OFFERS),
            _c("start_date", "date"),
            _c("end_date", "open_date"),
        ),
        intervals=(("start_date", "end_date"),),
    ),
    TableSpec(
        "conversations",
        (
            _c("person_id", "id"),
            _c("date", "date"),
            _c("form", "code", FORMS),
            _c("kind", "code", KINDS),
            _c("held_by", "code", HELD_BY),
        ),
        (_c("akasse_experiment", "bool"),),
    ),
    TableSpec(
        "employment_hours",
        (_c("person_id", "id"), _c("month", "month"), _c("hours", "hours")),
    ),
    TableSpec(
        "municipalities",
        (_c("municipality_code", "municipality"), _c("name", "id")),
        unique=("municipality_code",),
    ),
    TableSpec(
        "municipality_status",
        (
            _c("municipality_code", "municipality"),
            _c("status", "code", STATUSES),
            _c("valid_from", "date"),
            _c("valid_to", "open_date"),
        ),
        intervals=(("valid_from", "valid_to"),),
    ),
    TableSpec(
        "expected_rates",
        (
            _c("municipality_code", "municipality"),
            _c("period", "period"),
            _c("expected_share", "share"),
        ),
        (_c("actual_share", "share"),),
        unique=("municipality_code", "period"),
    ),
    TableSpec(
        "framework_conditions",
        (_c("municipality_code", "municipality"), _c("period", "period")),
        extra_numbers=True,
    ),
)
SPECS: dict[str, TableSpec] = {spec.name: spec for spec in TABLES}
