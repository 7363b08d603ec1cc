"""One-time links for the citizen part of a measurement: create, open, answer."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from effekt.core.tokens import token_digest
from effekt.organisations.models import AuditAction, User
from effekt.organisations.services import audit_record
from effekt.progression.models import CitizenLink, Course, Measurement
from effekt.progression.services.measurement_entry import (
    may_measure,
    measurable,
    measurement_save,
)

LINK_VALIDITY = dt.timedelta(days=14)
MESSAGES: dict[str, str] = {
    "unknown": "Linket findes ikke. Tjek, at du har kopieret hele linket, eller spørg din "
    "konsulent om et nyt.",
    "expired": "Linket er udløbet. Spørg din konsulent om et nyt link.",
    "used": "Linket er allerede brugt, og dine svar er modtaget. Et link kan kun bruges én gang.",
}


class LinkUnavailable(Exception):
    """The link cannot be used; `state` is unknown, expired or used."""

    def __init__(self, state: str) -> None:
        super().__init__(MESSAGES[state])
        self.state = state
        self.message = MESSAGES[state]


def citizen_link_create(
    *, course: Course, point: str, user: User, validity: dt.timedelta = LINK_VALIDITY
) -> tuple[CitizenLink, str]:
    """A new link; the token is returned once and only its digest is stored."""
    if not may_measure(user, course):
        raise PermissionDenied("Kun leverandørens konsulenter kan sende et link til borgeren.")
    token = secrets.token_urlsafe(24)
    link = CitizenLink.objects.create(
        course=course,
        point=point,
        digest=token_digest(token),
        expires_at=timezone.now() + validity,
        created_by=user,
    )
    audit_record(
        user=user, action=AuditAction.CREATE, obj=link, citizen=course.citizen, detail=point
    )
    return link, token


def citizen_link_open(token: str, *, for_update: bool = False) -> CitizenLink:
    """The open link for a token, or LinkUnavailable saying why not."""
    links = CitizenLink.objects.select_related("course", "course__citizen")
    if for_update:
        links = links.select_for_update(of=("self",))
    link = links.filter(digest=token_digest(token)).first()
    if link is None:
        raise LinkUnavailable("unknown")
    state = link.state()
    if state != "open":
        raise LinkUnavailable(state)
    if not measurable(link.course):
        raise LinkUnavailable("expired")  # the course has ended or was declined
    return link


@transaction.atomic
def citizen_link_answer(*, token: str, answers: Mapping[str, Any]) -> Measurement:
    """Store the citizen's answers through the link and use the link up."""
    link = citizen_link_open(token, for_update=True)
    measurement = measurement_save(
        course=link.course,
        point=link.point,
        measured_on=timezone.localdate(),
        citizen_answers=answers,
        caseworker_answers={},
        user=None,
        citizen_mode=Measurement.CitizenMode.LINK,
    )
    link.used_at = timezone.now()
    link.save(update_fields=["used_at"])
    return measurement
