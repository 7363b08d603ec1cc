"""Early warning: flag a course and e-mail the jobcentre consultant when a measurement regresses."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail

from effekt.organisations.models import AuditAction, Role, User
from effekt.organisations.services import audit_record
from effekt.progression.models import Course, Measurement, WarningRule
from effekt.progression.rules.schedule import POINT_ORDER
from effekt.progression.rules.warning import Regression, WarningSettings, regression


def warning_settings(course: Course) -> WarningSettings:
    rule = WarningRule.objects.filter(contract_id=course.contract_id).first()
    if rule is None:
        return WarningSettings()
    return WarningSettings(mean_falls=rule.mean_falls, indicator_drop=float(rule.indicator_drop))


def combined_scores(measurement: Measurement) -> dict[int, float | None]:
    return {s.indicator: s.combined for s in measurement.scores.all()}


def previous_measurement(measurement: Measurement) -> Measurement | None:
    """The course's measurement at the point before this one, if any."""
    index = POINT_ORDER.index(measurement.point)
    earlier = [
        m
        for m in measurement.course.measurements.prefetch_related("scores")
        if POINT_ORDER.index(m.point) < index
    ]
    return max(earlier, key=lambda m: POINT_ORDER.index(m.point), default=None)


def regression_check(*, measurement: Measurement) -> Regression | None:
    """Compare with the previous measurement; flag the course and notify when it regressed."""
    previous = previous_measurement(measurement)
    if previous is None:
        return None
    course = measurement.course
    result = regression(
        combined_scores(previous), combined_scores(measurement), warning_settings(course)
    )
    if result.flagged:
        Course.objects.filter(pk=course.pk).update(regression_flag=True)
        course.regression_flag = True
        _notify(course, measurement, result)
    return result


def _notify(course: Course, measurement: Measurement, result: Regression) -> None:
    consultant = course.jobcentre_consultant or course.referred_by
    if not consultant.email:
        return
    lines = [
        f"{measurement.get_point_display()} i forløbet «{course.course_type.name}» "
        f"({course.citizen.masked_cpr}) viser tilbagegang.",
    ]
    if result.mean_fell and result.mean_before is not None and result.mean_after is not None:
        lines.append(
            f"Gennemsnit på tværs af indikatorer: {result.mean_before:.2f} → "
            f"{result.mean_after:.2f}."
        )
    if result.fallen_indicators:
        numbers = ", ".join(str(n) for n in result.fallen_indicators)
        lines.append(f"Indikatorer der er faldet mindst et skalatrin: {numbers}.")
    lines.append("Se forløbet i effekt.")
    send_mail(
        subject="effekt: tidlig advarsel om tilbagegang",
        message="\n".join(lines),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[consultant.email],
    )


def warning_clear(*, course: Course, user: User) -> None:
    """The jobcentre consultant has seen the warning and followed up on it."""
    if user.role != Role.JOBCENTRE_CONSULTANT or user.municipality_id != course.municipality_id:
        raise PermissionDenied("Kun kommunens jobkonsulenter kan afslutte en advarsel.")
    Course.objects.filter(pk=course.pk).update(regression_flag=False)
    course.regression_flag = False
    audit_record(
        user=user,
        action=AuditAction.UPDATE,
        obj=course,
        citizen=course.citizen,
        detail="advarsel fulgt op",
    )
