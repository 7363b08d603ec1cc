"""Demo courses in batches: citizens, courses, measurements with scores and probability
estimates, extensions, endings and follow-up, with trajectories consistent with source 003."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pandas as pd
from django.utils import timezone

from effekt.bip.scoring import score_indicators
from effekt.demo.people import S12_JOB_RATES, answers_for, fake_cpr, fake_name
from effekt.organisations.models import Citizen, User
from effekt.probability.predict import measurement_row
from effekt.probability.store import active_parameters
from effekt.progression.models import (
    Contract,
    Course,
    CourseStatus,
    CourseTypeConfig,
    Ending,
    Extension,
    FollowUp,
    IndicatorScore,
    Measurement,
    ProbabilityEstimate,
)
from effekt.progression.rules.schedule import measurement_plan
from effekt.progression.services.probability import citizen_characteristics

GOALS = {
    "job_uddannelsesformidling": ["ordinaert_job", "uddannelse", "fleksjob"],
    "job_uddannelsesafsoegende": [
        "ordinaert_job",
        "uddannelse",
        "uddannelsesparat",
        "arbejdsmarkedsparat",
    ],
    "mentor": ["fastholdt"],
    "mestringsforloeb": ["oeget_mestring", "arbejdsmarkedsparat", "uddannelsesparat"],
    "sygedagpengeforloeb": ["raskmeldt", "ordinaert_job"],
    "eftervaern": ["fastholdt"],
}


def _levels(rng: random.Random, readiness: float, shift: float) -> dict[int, float]:
    return {n: 2.7 + 0.9 * readiness + shift + rng.gauss(0, 0.45) for n in range(1, 12)}


def _pick_ending(
    rng: random.Random, code: str, goal: list[str], employed: bool, early: bool
) -> str:
    if early:
        return rng.choice(["afbrudt", "ikke_gennemfoert"])
    if code in {"mentor", "eftervaern"}:
        return "fastholdt" if employed or rng.random() < 0.6 else "ikke_fastholdt"
    if code == "sygedagpengeforloeb" and rng.random() < 0.5:
        return "raskmeldt"
    if employed:
        return rng.choices(["ordinaert_job", "uddannelse", "fleksjob"], [6, 3, 1])[0]
    return rng.choice(
        [
            "virksomhedspraktik",
            "loentilskud",
            "uddannelsesparat",
            "arbejdsmarkedsparat",
            "oeget_mestring",
            "anden_stoette",
        ]
    )


def course_batch(
    rng: random.Random,
    size: int,
    contracts: list[Contract],
    types: dict[int, list[CourseTypeConfig]],
    configs: dict[int, Any],
    instrument: Any,
    consultants: dict[int | None, list[User]],
    jobcentre: dict[int | None, list[User]],
    today: dt.date,
    used_cpr: set[tuple[int, str]],
) -> None:
    citizens: list[Citizen] = []
    plans: list[dict[str, Any]] = []
    for _ in range(size):
        contract = rng.choice(contracts)
        course_type = rng.choice(types[contract.pk])
        while True:
            cpr, _born = fake_cpr(rng)
            if (contract.municipality_id, cpr) not in used_cpr:
                used_cpr.add((contract.municipality_id, cpr))
                break
        citizens.append(
            Citizen(cpr=cpr, name=fake_name(rng), municipality_id=contract.municipality_id)
        )
        plans.append(
            {
                "contract": contract,
                "type": course_type,
                "readiness": rng.gauss(0, 1),
                "start": today - dt.timedelta(days=rng.randrange(-14, 730)),
                "gain": rng.gauss(0.35, 0.55),
            }
        )
    Citizen.objects.bulk_create(citizens)
    courses: list[Course] = []
    for citizen, plan in zip(citizens, plans, strict=True):
        contract, course_type, start = plan["contract"], plan["type"], plan["start"]
        weeks = course_type.standard_length_weeks
        extended = rng.random() < 0.12
        planned_end = start + dt.timedelta(weeks=weeks + (4 if extended else 0), days=-1)
        early = rng.random() < 0.1
        ended_on = None
        status = CourseStatus.ACTIVE
        if start > today:
            status = CourseStatus.REFERRED
        elif early and start + dt.timedelta(weeks=3) <= today:
            ended_on = start + dt.timedelta(days=rng.randrange(14, 7 * weeks - 7))
            status = CourseStatus.ENDED if ended_on <= today else CourseStatus.ACTIVE
            ended_on = ended_on if ended_on <= today else None
        elif planned_end <= today:
            ended_on, status = planned_end, CourseStatus.ENDED
        plan.update(extended=extended, early=early and ended_on is not None, ended_on=ended_on)
        courses.append(
            Course(
                citizen=citizen,
                contract=contract,
                configuration=configs[contract.pk],
                course_type=course_type,
                municipality_id=contract.municipality_id,
                supplier_id=contract.supplier_id,
                distance=rng.choice(["taet_paa", "mellem", "langt_fra"]),
                target_group=rng.choice(
                    [
                        "dagpenge",
                        "kontanthjaelp_jobparat",
                        "kontanthjaelp_aktivitetsparat",
                        "uddannelseshjaelp_aktivitetsparat",
                        "sygedagpenge",
                    ]
                ),
                result_goal=GOALS.get(course_type.code, ["ordinaert_job"]),
                start_date=start,
                status=status,
                min_plan="Borgeren ønsker at afklare jobmuligheder inden for lager og logistik.",
                referred_by=(caseworker := rng.choice(jobcentre[contract.municipality_id])),
                jobcentre_consultant=caseworker,
                supplier_consultant=rng.choice(consultants[contract.supplier_id]),
                started_at=None if status == CourseStatus.REFERRED else timezone.now(),
                ended_on=ended_on,
            )
        )
    Course.objects.bulk_create(courses)
    _measurements_and_endings(rng, courses, plans, instrument, today)


def _measurements_and_endings(
    rng: random.Random,
    courses: list[Course],
    plans: list[dict[str, Any]],
    instrument: Any,
    today: dt.date,
) -> None:
    measurements: list[Measurement] = []
    answers: list[tuple[set[int], dict[str, Any], dict[str, Any]]] = []
    extensions, endings, follow_ups = [], [], []
    for course, plan in zip(courses, plans, strict=True):
        if course.status == CourseStatus.REFERRED:
            continue
        author = course.supplier_consultant
        indicators = set(course.course_type.indicators_for(course.distance))
        extended_to = None
        if plan["extended"]:
            extended_to = course.start_date + dt.timedelta(
                weeks=course.course_type.standard_length_weeks + 4, days=-1
            )
            extensions.append(
                Extension(
                    course=course,
                    new_planned_end=extended_to,
                    reason="Borgeren er i gang med en virksomhedspraktik.",
                    created_by=author,
                )
            )
        points = measurement_plan(
            course.start_date,
            course.course_type.standard_length_weeks,
            course.course_type.point_specs(),
            extended_to=extended_to,
            ended_on=course.ended_on,
        )
        s12_baseline: int | str | None = None
        for step, point in enumerate(points):
            if point.due > today or rng.random() < 0.06:
                continue
            levels = _levels(rng, plan["readiness"], plan["gain"] * step / 2)
            citizen_answers, caseworker_answers = answers_for(
                rng, instrument, levels, indicators | {8}
            )
            if point.kind == "baseline":
                s12_baseline = caseworker_answers.get("S12")
            measurements.append(
                Measurement(
                    course=course,
                    point=point.kind,
                    instrument=course.configuration.instrument,
                    measured_on=min(today, point.due + dt.timedelta(days=rng.randrange(0, 3))),
                    citizen_answers=citizen_answers,
                    caseworker_answers=caseworker_answers,
                    citizen_completed_at=timezone.now(),
                    caseworker_completed_at=timezone.now(),
                    citizen_mode="with_consultant",
                    created_by=author,
                )
            )
            answers.append((indicators, citizen_answers, caseworker_answers))
        if course.ended_on is not None:
            rate = S12_JOB_RATES.get(
                s12_baseline if s12_baseline is not None else "ved_ikke", 0.074
            )
            employed = rng.random() < min(0.95, rate * 2.2)
            endings.append(
                Ending(
                    course=course,
                    category=_pick_ending(
                        rng, course.course_type.code, course.result_goal, employed, plan["early"]
                    ),
                    ended_on=course.ended_on,
                    industry="47" if employed else "",
                    hours_per_week=30 if employed else None,
                    education="AMU" if employed else "",
                    reason="Borgeren mødte ikke op." if plan["early"] else "",
                    registered_by=author,
                )
            )
            for months in (3, 6):
                if course.ended_on + dt.timedelta(days=30 * months) <= today:
                    follow_ups.append(
                        FollowUp(
                            course=course,
                            months_after=months,
                            source="register",
                            on_public_support=not (employed or rng.random() < 0.15),
                        )
                    )
    Extension.objects.bulk_create(extensions)
    Measurement.objects.bulk_create(measurements)
    scores = []
    rows = []
    for measurement, (indicators, citizen_answers, caseworker_answers) in zip(
        measurements, answers, strict=True
    ):
        scored = score_indicators(instrument, citizen_answers, caseworker_answers, indicators)
        characteristics = citizen_characteristics(
            measurement.course.citizen.cpr, measurement.measured_on
        )
        rows.append(measurement_row(scored, characteristics, instrument))
        scores += [IndicatorScore.of(measurement, s) for s in scored.values()]
    IndicatorScore.objects.bulk_create(scores, batch_size=5000)
    _estimates(measurements, rows)
    Ending.objects.bulk_create(endings)
    FollowUp.objects.bulk_create(follow_ups)


def _estimates(measurements: list[Measurement], rows: list[dict[str, Any]]) -> None:
    """Every demo measurement's job/education probability, in one vectorised call."""
    if not measurements:
        return
    model = active_parameters()
    inputs = model.spec.inputs()
    table = pd.DataFrame([{name: row.get(name) for name in inputs} for row in rows])
    probabilities = model.predict_proba(table)
    ProbabilityEstimate.objects.bulk_create(
        (
            ProbabilityEstimate(
                measurement=measurement, probability=float(p), model_version=model.version
            )
            for measurement, p in zip(measurements, probabilities, strict=True)
        ),
        batch_size=5000,
    )
