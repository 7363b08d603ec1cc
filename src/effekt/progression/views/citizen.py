"""The citizen's one-time link: no login, phone-sized, Danish."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from effekt.progression.forms.measurement import AnswersForm
from effekt.progression.services.citizen_links import (
    LinkUnavailable,
    citizen_link_answer,
    citizen_link_open,
)

STATUS = {"unknown": 404, "expired": 410, "used": 410}


def _unavailable(request: HttpRequest, error: LinkUnavailable) -> HttpResponse:
    return render(
        request,
        "progression/citizen_message.html",
        {"message": error.message, "state": error.state},
        status=STATUS[error.state],
    )


@never_cache
def citizen_answer(request: HttpRequest, token: str) -> HttpResponse:
    try:
        link = citizen_link_open(token)
    except LinkUnavailable as error:
        return _unavailable(request, error)
    course = link.course
    form = AnswersForm(
        request.POST or None,
        instrument=course.configuration.instrument.instrument(),
        indicators=course.indicators(),
        parts=["citizen"],
    )
    if request.method == "POST" and form.is_valid():
        try:
            citizen_link_answer(token=token, answers=form.answers("citizen"))
        except LinkUnavailable as error:
            return _unavailable(request, error)
        except ValidationError as error:  # DuplicateMeasurement included
            form.add_error(None, error.messages)
        else:
            return render(request, "progression/citizen_thanks.html")
    return render(
        request,
        "progression/citizen_form.html",
        {"form": form, "point_label": link.get_point_display(), "expires_at": link.expires_at},
    )
