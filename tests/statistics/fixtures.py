"""Hand-computed fixture: a dozen courses whose figures are worked out on paper below.

Period 2024Q1 (2024-01-01..2024-03-31), threshold method (±0.5, inclusive), perspective
"combined" (mean of citizen and caseworker score) unless a test says otherwise.
Scores are written (citizen, caseworker); None = not answered in that perspective.

course end         points (indicator: scores)                    combined change -> class
C1   2024-01-01 B {1:(2,2), 2:(3,-)}  F {1:(3,3), 2:(3,-)}     i1 +1 P; i2 0 S; mean +0.5 P (tie)
C2   2024-01-15 B {1:(3,3)}  EF {1:(2.5,2.5)}  early           i1 -0.5 R (tie), mean R
C3   2024-02-10 B {1:(2,3)} M {1:(4,4)} F {1:(2.5,3)}          final wins: 2.5->2.75 +0.25 S
C4   2024-02-15 no baseline; M, F {1:(3,3)->(4,4)}             not measurable
C5   2024-01-31 B {1:(2,2), 4:(2,2)} only, early               not measurable
C6   2024-02-20 B {1:(1,3), 4:(2,-)} M {1:(3,3), 4:(3,-)}      midway is latest: i1, i4, mean +1 P
C7   2024-03-01 B {1:(3,3), 2:(2,-)} F {1:(3.4,3.4)}           i1 +0.4 S; i2 NM; mean +0.4 S
C8   2024-03-05 B {2:(1.8,-)} F {2:(2.3,-)}                    +0.4999999999999998 -> P (tolerance)
C9   2024-03-10 B {1:(4,4)} EF {1:(3.4,3.6)} early             3.5-4 = -0.5 R (tie)
C10  2024-03-31 B {1:(2,2)} F {1:(2.4,2.4)}                    +0.4 S (last day of the period)
C11  2023-12-15 B {1:(2,2)} F {1:(3,3)}                        previous period (2023Q4): P
C12  2024-03-20 supplier B: B {1:(2,2)} F {1:(2,2)}            0 S
C13  still running                                              never counted
C14  2024-04-01 B {1:(2,2)} F {1:(4,4)}                         outside 2024Q1 (first day of Q2)

2024Q1 population: C1-C10, C12 = 11 courses.
Mean: P = C1, C6, C8 (3); R = C2, C9 (2); S = C3, C7, C10, C12 (4); not measurable C4, C5 (2).
Indicator 1: total 10 (all but C8); P C1, C6; R C2, C9; S C3, C7, C10, C12; NM C4, C5.
Indicator 2: total 3 (C1, C7, C8); P C8; S C1; NM C7.  Indicator 4: total 2 (C5, C6); P C6; NM C5.
Citizen perspective, indicator 1: C3 2->2.5 becomes P, C9 4->3.4 stays R: P 3, R 2, S 3, NM 2.
Caseworker perspective, mean: C8 has no caseworker score (NM); C6 3->3 S; C9 4->3.6 S;
  P C1; R C2; S C3, C6, C7, C9, C10, C12 (6); NM C4, C5, C8 (3).
Goal: goal and ending registered for C1, C2, C3, C4, C5, C7, C9, C10, C12 (9);
  reached C1, C3, C7, C10, C12 (5); C6 (no ending) and C8 (no goal) not measurable (2).
Extended: C3, C6, C10 -> 3 of 11.
Effect summary: ordinaert_job C1, C8; afbrudt C2, C9 (both early); uddannelse C3, C12;
  virksomhedspraktik C4; ikke_gennemfoert C5 (early); fleksjob C7; arbejdsmarkedsparat C10;
  not registered C6. Ended early: 3.
Follow-up, as of 2024-07-15, benefits below, C3's 3-month follow-up registered "on support":
  3 months: all 11 due. P1 dagpenge from 2024-03-01, open -> on (day 2024-04-01);
  P2 sygedagpenge to 2024-04-14, day 2024-04-15 -> off; P3 foertidspension (not public
  support) but registered on -> on; P5 kontanthjaelp to 2024-04-30 and day 2024-01-31 + 3
  months = 2024-04-30 (clamped) -> on; P7 uddannelseshjaelp from 2024-06-01 = day -> on.
  On support 4 of 11 (1 by registration, 10 from register data).
  6 months: due when end + 6 months <= 2024-07-15: C1 (2024-07-01) and C2 (2024-07-15).
  P1 still on dagpenge -> on; P2 fleksjob (not public support) -> off: 1 of 2, 9 not due.
RCI with r = 0.9 on indicator 1 (SD from the 8 measurable baselines 2,3,2.5,2,3,4,2,2):
  mean 2.5625, sum of squares 3.71875, SD = sqrt(3.71875/7) = 0.728869; SE = SD*sqrt(0.1);
  S_diff = SD*sqrt(0.2) = 0.325960; |change| must exceed 1.96*0.325960 = 0.638882:
  C1 +1 and C6 +1 are P; nothing else -> P 2, S 6, R 0, NM 2.
"""

from __future__ import annotations

import datetime as dt

from effekt.bip import IndicatorScore
from effekt.statistics.analysis import (
    BenefitRecord,
    CourseRecord,
    FollowUpRecord,
    MeasurementRecord,
)

Scores = dict[int, tuple[float | None, float | None]]
D = dt.date.fromisoformat


def measurement(point: str, day: str, scores: Scores) -> MeasurementRecord:
    """A measurement with (citizen, caseworker) scores per indicator."""
    return MeasurementRecord(
        point=point,  # type: ignore[arg-type]
        date=D(day),
        scores=tuple(IndicatorScore(i, c, w) for i, (c, w) in scores.items()),
    )


def course(
    number: int,
    end: str | None,
    *measurements: MeasurementRecord,
    ending: str | None = None,
    goal: tuple[str, ...] = (),
    extensions: int = 0,
    early: bool = False,
    supplier: str = "A",
) -> CourseRecord:
    """A course of citizen P<number> in municipality 101."""
    return CourseRecord(
        course_id=f"C{number}",
        person_id=f"P{number}",
        municipality_code="101",
        supplier=supplier,
        course_type="mentor",
        target_group="kontanthjaelp",
        distance="langt",
        start_date=D("2023-10-01"),
        planned_end_date=D("2024-01-01"),
        actual_end_date=None if end is None else D(end),
        extensions=extensions,
        ended_early=early,
        ending_category=ending,
        result_goal=frozenset(goal),
        measurements=measurements,
    )


B, M, F, EF = "baseline", "midway", "final", "early_final"
JOB = ("ordinaert_job",)


def hand_computed_courses() -> list[CourseRecord]:
    """The fourteen courses of the table above."""
    return [
        course(1, "2024-01-01", measurement(B, "2023-10-01", {1: (2, 2), 2: (3, None)}),
               measurement(F, "2023-12-20", {1: (3, 3), 2: (3, None)}),
               ending="ordinaert_job", goal=("ordinaert_job", "uddannelse")),
        course(2, "2024-01-15", measurement(B, "2023-10-20", {1: (3, 3)}),
               measurement(EF, "2024-01-15", {1: (2.5, 2.5)}),
               ending="afbrudt", goal=JOB, early=True),
        course(3, "2024-02-10", measurement(B, "2023-11-01", {1: (2, 3)}),
               measurement(M, "2023-12-10", {1: (4, 4)}),
               measurement(F, "2024-01-25", {1: (2.5, 3)}),
               ending="uddannelse", goal=("uddannelse",), extensions=1),
        course(4, "2024-02-15", measurement(M, "2023-12-15", {1: (3, 3)}),
               measurement(F, "2024-02-01", {1: (4, 4)}),
               ending="virksomhedspraktik", goal=JOB),
        course(5, "2024-01-31", measurement(B, "2023-11-15", {1: (2, 2), 4: (2, 2)}),
               ending="ikke_gennemfoert", goal=JOB, early=True),
        course(6, "2024-02-20", measurement(B, "2023-11-20", {1: (1, 3), 4: (2, None)}),
               measurement(M, "2024-01-05", {1: (3, 3), 4: (3, None)}),
               goal=JOB, extensions=2),
        course(7, "2024-03-01", measurement(B, "2023-12-01", {1: (3, 3), 2: (2, None)}),
               measurement(F, "2024-02-20", {1: (3.4, 3.4)}),
               ending="fleksjob", goal=("fleksjob", "ordinaert_job")),
        course(8, "2024-03-05", measurement(B, "2023-12-05", {2: (1.8, None)}),
               measurement(F, "2024-02-25", {2: (2.3, None)}),
               ending="ordinaert_job"),
        course(9, "2024-03-10", measurement(B, "2023-12-10", {1: (4, 4)}),
               measurement(EF, "2024-03-10", {1: (3.4, 3.6)}),
               ending="afbrudt", goal=JOB, early=True),
        course(10, "2024-03-31", measurement(B, "2024-01-02", {1: (2, 2)}),
               measurement(F, "2024-03-25", {1: (2.4, 2.4)}),
               ending="arbejdsmarkedsparat", goal=("arbejdsmarkedsparat",), extensions=1),
        course(11, "2023-12-15", measurement(B, "2023-09-15", {1: (2, 2)}),
               measurement(F, "2023-12-10", {1: (3, 3)}),
               ending="ordinaert_job", goal=JOB),
        course(12, "2024-03-20", measurement(B, "2023-12-20", {1: (2, 2)}),
               measurement(F, "2024-03-15", {1: (2, 2)}),
               ending="uddannelse", goal=("uddannelse",), supplier="B"),
        course(13, None, measurement(B, "2024-02-01", {1: (2, 2)})),
        course(14, "2024-04-01", measurement(B, "2024-01-05", {1: (2, 2)}),
               measurement(F, "2024-03-28", {1: (4, 4)}),
               ending="ordinaert_job", goal=JOB),
    ]  # fmt: skip


def hand_computed_benefits() -> list[BenefitRecord]:
    """Register data for the follow-up (see the table above)."""
    return [
        BenefitRecord("P1", "dagpenge", D("2024-03-01"), None),
        BenefitRecord("P2", "sygedagpenge", D("2024-02-01"), D("2024-04-14")),
        BenefitRecord("P2", "fleksjob", D("2024-06-01"), None),
        BenefitRecord("P3", "foertidspension", D("2024-05-01"), None),
        BenefitRecord("P5", "kontanthjaelp", D("2024-03-01"), D("2024-04-30")),
        BenefitRecord("P7", "uddannelseshjaelp", D("2024-06-01"), D("2024-06-30")),
    ]


def hand_computed_follow_ups() -> list[FollowUpRecord]:
    """The jobcentre registered C3's 3-month follow-up as back on public support."""
    return [FollowUpRecord("C3", 3, True)]
