"""Surveys: from a template, waves sent by one-time links, answers, reminders and results."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable, Iterable, Mapping
from functools import partial
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from effekt.core.tokens import token_digest
from effekt.evaluation.analysis.shares import Share
from effekt.evaluation.models import Experiment, Invitation, Response, Survey, Wave
from effekt.evaluation.surveys.results import (
    Answer,
    Change,
    WaveResult,
    response_rate,
    wave_changes,
    wave_result,
)
from effekt.evaluation.surveys.schema import Question, questions_from_json, questions_to_json
from effekt.evaluation.surveys.templates import TEMPLATES
from effekt.organisations.models import AuditAction, User
from effekt.organisations.services import audit_record

WAVE_VALIDITY = dt.timedelta(days=21)
REMINDER_INTERVAL = dt.timedelta(days=3)
MAX_REMINDERS = 2
MESSAGES: dict[str, str] = {
    "unknown": "Linket findes ikke. Tjek, at du har kopieret hele linket fra e-mailen.",
    "expired": "Undersøgelsen er lukket, og linket er udløbet. Tak for din interesse.",
    "used": "Du har allerede svaret. Et link kan kun bruges én gang. Tak for din besvarelse!",
}
LinkBuilder = Callable[[str], str]


class LinkUnavailable(Exception):
    """The invitation cannot be used; `state` is unknown, expired or used."""

    def __init__(self, state: str) -> None:
        super().__init__(MESSAGES[state])
        self.state = state
        self.message = MESSAGES[state]


def survey_create_from_template(*, user: User, experiment: Experiment, template_key: str) -> Survey:
    """A survey of the experiment with a copy of the template's questions."""
    if not experiment.may_edit(user):
        raise PermissionDenied("Kun forsøgets evaluatorer kan oprette spørgeskemaer.")
    template = TEMPLATES[template_key]
    survey = Survey.objects.create(
        experiment=experiment,
        title=template.title,
        audience=template.audience,
        template_key=template.key,
        questions=questions_to_json(template.questions),
        introduction=template.introduction,
    )
    audit_record(user=user, action=AuditAction.CREATE, obj=survey, detail=template.key)
    return survey


def survey_questions(survey: Survey, wave: Wave | None = None) -> tuple[Question, ...]:
    """The questions asked in `wave` (final-only questions only in the final wave)."""
    questions = questions_from_json(survey.questions)
    final = wave is not None and wave.is_final
    return tuple(q for q in questions if final or not q.final_only or wave is None)


def _send_invitation(
    invitation: Invitation, token: str, link_for: LinkBuilder, *, reminder: bool
) -> None:
    wave = invitation.wave
    first = "Påmindelse: " if reminder else ""
    closes = timezone.localtime(invitation.expires_at)
    body = (
        f"Hej\n\n{wave.survey.experiment.municipality.name} Kommune beder dig svare på "
        f"spørgeskemaet «{wave.survey.title}».\n\n{wave.survey.introduction}\n\n"
        f"Svar her (linket virker én gang og til {closes:%d.%m.%Y}):\n"
        f"{link_for(token)}\n\nMange tak for hjælpen.\n"
    )
    send_mail(f"{first}{wave.survey.title}", body, settings.DEFAULT_FROM_EMAIL, [invitation.email])


@transaction.atomic
def wave_send(
    *,
    user: User,
    survey: Survey,
    label: str,
    emails: Iterable[str],
    link_for: LinkBuilder,
    is_final: bool = False,
    validity: dt.timedelta = WAVE_VALIDITY,
) -> Wave:
    """A new wave: one one-time link per recipient, e-mailed; tokens are never stored."""
    if not survey.experiment.may_edit(user):
        raise PermissionDenied("Kun forsøgets evaluatorer kan sende spørgeskemaer.")
    recipients = sorted({e.strip().lower() for e in emails if e.strip()})
    if not recipients:
        raise ValueError("Angiv mindst én modtager.")
    now = timezone.now()
    number = (survey.waves.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    wave = Wave.objects.create(
        survey=survey,
        number=number,
        label=label,
        is_final=is_final,
        sent_at=now,
        closes_at=now + validity,
    )
    for email in recipients:
        token = secrets.token_urlsafe(24)
        invitation = Invitation.objects.create(
            wave=wave, email=email, digest=token_digest(token), expires_at=wave.closes_at
        )
        transaction.on_commit(
            partial(_send_invitation, invitation, token, link_for, reminder=False)
        )
    audit_record(
        user=user, action=AuditAction.CREATE, obj=wave, detail=f"{len(recipients)} modtagere"
    )
    return wave


def invitation_open(token: str, *, for_update: bool = False) -> Invitation:
    """The open invitation for a token, or LinkUnavailable saying why not."""
    invitations = Invitation.objects.select_related("wave__survey__experiment__municipality")
    if for_update:
        invitations = invitations.select_for_update()
    invitation = invitations.filter(digest=token_digest(token)).first()
    if invitation is None:
        raise LinkUnavailable("unknown")
    state = invitation.state()
    if state != "open":
        raise LinkUnavailable(state)
    return invitation


@transaction.atomic
def response_save(*, token: str, answers: Mapping[str, Answer]) -> Response:
    """Store an anonymous answer and use up the link (twice in a race: LinkUnavailable)."""
    invitation = invitation_open(token, for_update=True)
    response = Response.objects.create(wave=invitation.wave, answers=dict(answers))
    invitation.used_at = timezone.now()
    invitation.save(update_fields=["used_at"])
    return response


def reminders_send(
    *,
    user: User,
    wave: Wave,
    link_for: LinkBuilder,
    now: dt.datetime | None = None,
) -> int:
    """Remind everybody who has not answered, with a fresh link (the old one stops working).

    Nobody is reminded more than MAX_REMINDERS times or twice within REMINDER_INTERVAL."""
    if not wave.survey.experiment.may_edit(user):
        raise PermissionDenied("Kun forsøgets evaluatorer kan sende påmindelser.")
    now = now or timezone.now()
    sent = 0
    with transaction.atomic():
        for invitation in wave.invitations.select_for_update().filter(
            used_at__isnull=True, expires_at__gt=now, reminders_sent__lt=MAX_REMINDERS
        ):
            last = invitation.last_reminded_at
            if last is not None and now - last < REMINDER_INTERVAL:
                continue
            token = secrets.token_urlsafe(24)
            invitation.digest = token_digest(token)
            invitation.reminders_sent += 1
            invitation.last_reminded_at = now
            invitation.save(update_fields=["digest", "reminders_sent", "last_reminded_at"])
            transaction.on_commit(
                partial(_send_invitation, invitation, token, link_for, reminder=True)
            )
            sent += 1
    audit_record(user=user, action=AuditAction.UPDATE, obj=wave, detail=f"{sent} påmindelser")
    return sent


def wave_results(wave: Wave) -> WaveResult:
    """The wave's results (shares with Wilson intervals) and response rate."""
    answers = list(wave.responses.values_list("answers", flat=True))
    rate = response_rate_of(wave)
    return wave_result(
        wave.label, survey_questions(wave.survey, wave), answers, rate.total, rate.count
    )


def survey_results(survey: Survey) -> list[tuple[WaveResult, list[Change]]]:
    """Each wave's results with the change from the wave before."""
    rows: list[tuple[WaveResult, list[Change]]] = []
    previous: WaveResult | None = None
    for wave in survey.waves.all():
        result = wave_results(wave)
        rows.append((result, wave_changes(previous, result) if previous else []))
        previous = result
    return rows


def answers_from_form(questions: Iterable[Question], data: Mapping[str, Any]) -> dict[str, Answer]:
    """The response JSON from cleaned form data (keys as in Question.answer_keys)."""
    answers: dict[str, Answer] = {}
    for question in questions:
        for key in question.answer_keys():
            value = data.get(key)
            if value in (None, "", []):
                continue
            answers[key] = [str(v) for v in value] if isinstance(value, list) else str(value)
    return answers


def response_rate_of(wave: Wave) -> Share:
    """Answered invitations out of all invitations of the wave, with a Wilson interval."""
    invited = wave.invitations.count()
    return response_rate(invited, wave.invitations.filter(used_at__isnull=False).count())
