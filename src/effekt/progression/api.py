"""The JSON API for case systems: referrals, courses, measurements, reports, ending statuses.

Authentication: `Authorization: Bearer <token>`; a token acts as the user who made it (page
`progression:api_tokens`), with that user's access. The OpenAPI schema is at
`/api/openapi.json` when the lead mounts `api.urls` at `api/`.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import NinjaAPI, Path, Query, Schema, Status
from ninja.security import HttpBearer

from effekt.core.cpr import InvalidCPR, normalise_cpr
from effekt.organisations.models import User
from effekt.progression.models import Contract, Course, Measurement, ProgressReport
from effekt.progression.services.api_tokens import api_token_user
from effekt.progression.services.course_changes import ConcurrentEdit, EndingInput, course_end
from effekt.progression.services.measurement_entry import measurement_save
from effekt.progression.services.measurements import DuplicateMeasurement
from effekt.progression.services.referrals import Referral, course_start, referral_create
from effekt.progression.services.reports import report_acknowledge, reports_visible_to
from effekt.progression.views.access import request_user, visible_course
from effekt.progression.views.api_schemas import (
    CourseDetailOut,
    CourseOut,
    EndingIn,
    EndingOut,
    Error,
    MeasurementIn,
    MeasurementOut,
    PlannedOut,
    ReferralIn,
    ReportOut,
    ScoreOut,
)


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        user = api_token_user(token)
        if user is not None:
            request.user = user
        return user


api = NinjaAPI(
    title="effekt API",
    version="1",
    description=__doc__ or "",
    auth=TokenAuth(),
    urls_namespace="api",
)
ObjectId = Annotated[int, Path(ge=1, le=2**63 - 1)]
ERRORS: dict[int, type[Schema]] = {400: Error, 403: Error, 404: Error, 409: Error}


@api.exception_handler(ValidationError)
def _invalid(request: HttpRequest, error: ValidationError) -> HttpResponse:
    status = 409 if isinstance(error, DuplicateMeasurement | ConcurrentEdit) else 400
    fields = error.message_dict if hasattr(error, "error_dict") else {}
    detail = " ".join(error.messages)
    return api.create_response(request, {"detail": detail, "errors": fields}, status=status)


@api.exception_handler(PermissionDenied)
def _forbidden(request: HttpRequest, error: PermissionDenied) -> HttpResponse:
    return api.create_response(request, {"detail": str(error) or "Ingen adgang."}, status=403)


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, error: Http404) -> HttpResponse:
    return api.create_response(request, {"detail": "Findes ikke."}, status=404)


def _course(request: HttpRequest, pk: int, detail: str = "API") -> Course:
    return visible_course(request_user(request), pk, detail=detail)


def _course_out(course: Course, user: User) -> dict[str, Any]:
    return {
        "id": course.pk,
        "version": course.version,
        "status": course.status,
        "citizen_name": course.citizen.name,
        "cpr": course.citizen.cpr_for(user),
        "municipality_code": course.municipality.code,
        "supplier": course.supplier.name,
        "course_type": course.course_type.code,
        "distance": course.distance,
        "target_group": course.target_group,
        "result_goal": list(course.result_goal),
        "start_date": course.start_date,
        "planned_end": course.planned_end,
        "ended_on": course.ended_on,
        "min_plan": course.min_plan,
        "regression_flag": course.regression_flag,
    }


def _detail_out(course: Course, user: User) -> dict[str, Any]:
    taken = set(course.measurements.values_list("point", flat=True))
    plan = [
        PlannedOut(
            point=p.kind,
            due=p.due,
            window_start=p.window_start,
            window_end=p.window_end,
            taken=p.kind in taken,
        )
        for p in course.plan()
    ]
    ending = getattr(course, "ending", None)
    ending_out = (
        EndingOut(
            category=ending.category,
            label=ending.get_category_display(),
            ended_on=ending.ended_on,
            industry=ending.industry,
            hours_per_week=float(ending.hours_per_week) if ending.hours_per_week else None,
            education=ending.education,
            reason=ending.reason,
            goal_reached=course.goal_reached,
        )
        if ending
        else None
    )
    return {**_course_out(course, user), "plan": plan, "ending": ending_out}


def _measurement_out(measurement: Measurement) -> MeasurementOut:
    return MeasurementOut(
        id=measurement.pk,
        point=measurement.point,
        measured_on=measurement.measured_on,
        citizen_complete=measurement.citizen_completed_at is not None,
        caseworker_complete=measurement.caseworker_completed_at is not None,
        citizen_mode=measurement.citizen_mode,
        scores=[
            ScoreOut(
                indicator=s.indicator,
                citizen=s.citizen,
                caseworker=s.caseworker,
                combined=s.combined,
            )
            for s in measurement.scores.all()
        ],
    )


@api.get("/courses", response={200: list[CourseOut]}, tags=["forløb"])
def courses_list(
    request: HttpRequest,
    status: Literal["referred", "active", "ended", "declined"] | None = None,
    limit: int = Query(100, ge=1, le=500),  # type: ignore[type-arg]
    offset: int = Query(0, ge=0, le=10_000_000),  # type: ignore[type-arg]
) -> list[dict[str, Any]]:
    """Courses the token's user may see, newest start first."""
    user = request_user(request)
    courses = Course.objects.visible_to(user).select_related(
        "citizen", "course_type", "supplier", "municipality"
    )
    if status:
        courses = courses.filter(status=status)
    page = list(courses.prefetch_related("extensions")[offset : offset + limit])
    return [_course_out(c, user) for c in page]


@api.get("/courses/{course_id}", response={200: CourseDetailOut, **ERRORS}, tags=["forløb"])
def course_detail(request: HttpRequest, course_id: ObjectId) -> dict[str, Any]:
    """One course with its measurement plan and ending status."""
    return _detail_out(_course(request, course_id), request_user(request))


@api.post("/referrals", response={201: CourseDetailOut, **ERRORS}, tags=["forløb"])
def referral_new(request: HttpRequest, payload: ReferralIn) -> Status[dict[str, Any]]:
    """Refer a citizen (jobcentre consultants, under their municipality's contracts)."""
    user = request_user(request)
    contract = get_object_or_404(Contract, pk=payload.contract_id)
    try:
        cpr = normalise_cpr(payload.cpr)
    except InvalidCPR as error:
        raise ValidationError({"cpr": str(error)}) from None
    course = referral_create(
        user=user,
        referral=Referral(
            contract=contract,
            course_type=payload.course_type,
            cpr=cpr,
            name=payload.name,
            distance=payload.distance,
            target_group=payload.target_group,
            result_goal=tuple(payload.result_goal),
            start_date=payload.start_date,
            min_plan=payload.min_plan,
        ),
    )
    return Status(201, _detail_out(course, user))


@api.post("/courses/{course_id}/start", response={200: CourseDetailOut, **ERRORS}, tags=["forløb"])
def course_start_api(request: HttpRequest, course_id: ObjectId) -> dict[str, Any]:
    """The supplier accepts the referral and starts the course."""
    user = request_user(request)
    course = course_start(course=_course(request, course_id, "API start"), user=user)
    return _detail_out(course, user)


@api.get(
    "/courses/{course_id}/measurements",
    response={200: list[MeasurementOut], **ERRORS},
    tags=["målinger"],
)
def measurements_list(request: HttpRequest, course_id: ObjectId) -> list[MeasurementOut]:
    course = _course(request, course_id, "API målinger")
    return [_measurement_out(m) for m in course.measurements.prefetch_related("scores")]


@api.post(
    "/courses/{course_id}/measurements",
    response={201: MeasurementOut, **ERRORS},
    tags=["målinger"],
)
def measurement_new(
    request: HttpRequest, course_id: ObjectId, payload: MeasurementIn
) -> Status[MeasurementOut]:
    """Record a measurement or the missing part of one; a filled part answers 409."""
    course = _course(request, course_id, "API måling")
    if payload.point not in {p.kind for p in course.plan()}:
        raise ValidationError({"point": "Forløbet har ikke dette målepunkt."})
    measurement = measurement_save(
        course=course,
        point=payload.point,
        measured_on=payload.measured_on,
        citizen_answers=payload.citizen_answers,
        caseworker_answers=payload.caseworker_answers,
        user=request_user(request),
    )
    return Status(201, _measurement_out(measurement))


@api.get(
    "/courses/{course_id}/reports", response={200: list[ReportOut], **ERRORS}, tags=["rapporter"]
)
def reports_list(request: HttpRequest, course_id: ObjectId) -> list[ProgressReport]:
    """Reports of the course (the jobcentre sees sent ones only)."""
    course = _course(request, course_id, "API rapporter")
    return list(reports_visible_to(request_user(request), course))


def _report(request: HttpRequest, report_id: ObjectId) -> ProgressReport:
    course_id = get_object_or_404(ProgressReport, pk=report_id).course_id
    course = _course(request, course_id, f"API rapport {report_id}")
    return get_object_or_404(reports_visible_to(request_user(request), course), pk=report_id)


@api.get("/reports/{report_id}", response={200: ReportOut, **ERRORS}, tags=["rapporter"])
def report_detail(request: HttpRequest, report_id: ObjectId) -> ProgressReport:
    """One report (drafts only for the supplier)."""
    return _report(request, report_id)


@api.post(
    "/reports/{report_id}/acknowledge", response={200: ReportOut, **ERRORS}, tags=["rapporter"]
)
def report_acknowledge_api(request: HttpRequest, report_id: ObjectId) -> ProgressReport:
    """The jobcentre consultant acknowledges a report sent to the jobcentre."""
    return report_acknowledge(report=_report(request, report_id), user=request_user(request))


@api.post("/courses/{course_id}/ending", response={201: EndingOut, **ERRORS}, tags=["forløb"])
def ending_new(
    request: HttpRequest, course_id: ObjectId, payload: EndingIn
) -> Status[dict[str, Any]]:
    """Register the ending status; `version` must be the course's current version (else 409)."""
    user = request_user(request)
    course = _course(request, course_id, "API afslutning")
    course_end(
        course=course,
        user=user,
        version=payload.version,
        ending=EndingInput(
            category=payload.category,
            ended_on=payload.ended_on,
            industry=payload.industry,
            hours_per_week=payload.hours_per_week,
            education=payload.education,
            reason=payload.reason,
            established=payload.established,
        ),
    )
    course = Course.objects.select_related("ending").get(pk=course.pk)
    ending = _detail_out(course, user)["ending"]
    return Status(201, ending.dict())
