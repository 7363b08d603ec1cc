"""The JSON shapes of the progression API (pydantic, through django-ninja)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from ninja import Schema
from pydantic import AfterValidator, Field

MIN_DATE, MAX_DATE = dt.date(2000, 1, 1), dt.date(2100, 12, 31)


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError("teksten må ikke indeholde NUL-tegn")
    return value


def _sensible_date(value: dt.date) -> dt.date:
    if not MIN_DATE <= value <= MAX_DATE:
        raise ValueError(f"datoen skal ligge mellem {MIN_DATE} og {MAX_DATE}")
    return value


Text = Annotated[str, AfterValidator(_no_nul)]
Day = Annotated[dt.date, AfterValidator(_sensible_date)]
Point = Literal["baseline", "midway", "final"]


class Error(Schema):
    detail: str
    errors: dict[str, list[str]] = {}


class ReferralIn(Schema):
    contract_id: Annotated[int, Field(ge=1, le=2**63 - 1)]
    course_type: Annotated[Text, Field(max_length=100)]
    cpr: Annotated[Text, Field(max_length=11)]
    name: Annotated[Text, Field(min_length=1, max_length=200)]
    distance: Literal["taet_paa", "mellem", "langt_fra"]
    target_group: Annotated[Text, Field(max_length=40)]
    result_goal: Annotated[list[Annotated[Text, Field(max_length=40)]], Field(min_length=1)]
    start_date: Day
    min_plan: Text = ""


class PlannedOut(Schema):
    point: str
    due: dt.date
    window_start: dt.date
    window_end: dt.date
    taken: bool


class EndingOut(Schema):
    category: str
    label: str
    ended_on: dt.date
    industry: str
    hours_per_week: float | None
    education: str
    reason: str
    goal_reached: bool | None


class CourseOut(Schema):
    id: int
    version: int
    status: str
    citizen_name: str
    cpr: str
    municipality_code: str
    supplier: str
    course_type: str
    distance: str
    target_group: str
    result_goal: list[str]
    start_date: dt.date
    planned_end: dt.date
    ended_on: dt.date | None
    min_plan: str
    regression_flag: bool


class CourseDetailOut(CourseOut):
    plan: list[PlannedOut]
    ending: EndingOut | None


class ScoreOut(Schema):
    indicator: int
    citizen: float | None
    caseworker: float | None
    combined: float | None


class MeasurementIn(Schema):
    point: Point
    measured_on: Day
    citizen_answers: dict[Annotated[Text, Field(max_length=10)], Any] = {}
    caseworker_answers: dict[Annotated[Text, Field(max_length=10)], Any] = {}


class MeasurementOut(Schema):
    id: int
    point: str
    measured_on: dt.date
    citizen_complete: bool
    caseworker_complete: bool
    citizen_mode: str
    scores: list[ScoreOut]


class ReportOut(Schema):
    id: int
    kind: str
    status: str
    period_start: dt.date
    period_end: dt.date
    worked_on: str
    results: str
    next_plan: str
    sent_at: dt.datetime | None
    acknowledged_at: dt.datetime | None


class EndingIn(Schema):
    version: Annotated[int, Field(ge=1, le=2**31 - 1)]
    category: Annotated[Text, Field(max_length=40)]
    ended_on: Day
    industry: Annotated[Text, Field(max_length=10)] = ""
    hours_per_week: Annotated[float, Field(ge=0, le=999)] | None = None
    education: Annotated[Text, Field(max_length=200)] = ""
    reason: Text = ""
    established: bool = False
