"""The public answer page reached by a one-time link: no login, phone-friendly, Danish."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from effekt.evaluation.forms import AnswerForm
from effekt.evaluation.services.surveys import (
    LinkUnavailable,
    answers_from_form,
    invitation_open,
    response_save,
    survey_questions,
)


@never_cache
@require_http_methods(["GET", "POST"])
def answer(request: HttpRequest, token: str) -> HttpResponse:
    try:
        invitation = invitation_open(token)
    except LinkUnavailable as error:
        status = 404 if error.state == "unknown" else 410
        return render(
            request, "evaluation/answer_unavailable.html", {"message": error.message}, status=status
        )
    wave = invitation.wave
    questions = survey_questions(wave.survey, wave)
    form = AnswerForm(request.POST if request.method == "POST" else None, questions=questions)
    if request.method == "POST" and form.is_valid():
        try:
            response_save(token=token, answers=answers_from_form(questions, form.cleaned_data))
        except LinkUnavailable as error:
            return render(
                request,
                "evaluation/answer_unavailable.html",
                {"message": error.message},
                status=410,
            )
        return render(request, "evaluation/answer_thanks.html", {"survey": wave.survey})
    return render(
        request, "evaluation/answer.html", {"survey": wave.survey, "wave": wave, "form": form}
    )
