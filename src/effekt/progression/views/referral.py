"""Referral by the jobcentre consultant (form and CSV import); start by the supplier."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from effekt.organisations.models import Role
from effekt.progression.forms.referral import ReferralForm, ReferralUploadForm
from effekt.progression.rules.referral_csv import COLUMNS
from effekt.progression.services.referrals import (
    ReferralImportError,
    course_start,
    referral_create,
    referral_import,
)
from effekt.progression.views.access import course_for, form_add_errors, require_role


@login_required
def referral_new(request: HttpRequest) -> HttpResponse:
    user = require_role(request, Role.JOBCENTRE_CONSULTANT)
    form = ReferralForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        try:
            course = referral_create(user=user, referral=form.referral())
        except ValidationError as error:
            form_add_errors(form, error)
        else:
            messages.success(request, f"{course.citizen.name} er henvist til {course.supplier}.")
            return redirect("progression:course", pk=course.pk)
    return render(request, "progression/referral_form.html", {"form": form})


@login_required
def referral_upload(request: HttpRequest) -> HttpResponse:
    user = require_role(request, Role.JOBCENTRE_CONSULTANT)
    form = ReferralUploadForm(request.POST or None, request.FILES or None)
    row_errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            courses = referral_import(user=user, text=form.text())
        except ReferralImportError as error:
            row_errors = [str(e) for e in error.row_errors]
        except ValidationError as error:
            form.add_error("file", error)
        else:
            messages.success(request, f"{len(courses)} henvisninger er oprettet.")
            return redirect("progression:dashboard")
    return render(
        request,
        "progression/referral_upload.html",
        {"form": form, "row_errors": row_errors, "columns": COLUMNS},
    )


@login_required
@require_POST
def course_start_view(request: HttpRequest, pk: int) -> HttpResponse:
    user = require_role(request, Role.SUPPLIER_CONSULTANT)
    course = course_for(request, pk, detail="start")
    try:
        course_start(course=course, user=user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Forløbet er startet.")
    return redirect("progression:course", pk=course.pk)
