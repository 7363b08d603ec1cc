"""Extension, ending status and the jobcentre's plan: forms with a version check."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from effekt.organisations.models import Role, User
from effekt.progression.forms.course import CoursePlanForm, EndingForm, ExtensionForm
from effekt.progression.models import Course
from effekt.progression.rules import endings
from effekt.progression.services.course_changes import (
    course_end,
    course_extend,
    course_plan_update,
)
from effekt.progression.views.access import course_for, form_add_errors, request_user


def _change(
    request: HttpRequest,
    pk: int,
    form_class: type[forms.Form],
    initial: Callable[[Course], dict[str, Any]],
    save: Callable[[Course, User, forms.Form], object],
    title: str,
    success: str,
    roles: set[str],
) -> HttpResponse:
    user = request_user(request)
    course = course_for(request, pk, detail=title.lower())
    if user.role not in roles:
        raise PermissionDenied("Din rolle kan ikke ændre dette forløb.")
    form = form_class(request.POST or None, initial={"version": course.version, **initial(course)})
    if request.method == "POST" and form.is_valid():
        try:
            save(course, user, form)
        except ValidationError as error:
            form_add_errors(form, error)
        else:
            messages.success(request, success)
            return redirect("progression:course", pk=course.pk)
    context = {"course": course, "form": form, "title": title}
    if isinstance(form, EndingForm):
        context["requirements"] = [
            (c.label, ", ".join(endings.DETAIL_LABELS[d] for d in c.required))
            for c in endings.CATEGORIES
            if c.required
        ]
    return render(request, "progression/course_change.html", context)


@login_required
def course_extend_view(request: HttpRequest, pk: int) -> HttpResponse:
    def save(course: Course, user: User, form: forms.Form) -> object:
        data = form.cleaned_data
        return course_extend(
            course=course,
            user=user,
            version=data["version"],
            new_planned_end=data["new_planned_end"],
            reason=data["reason"],
        )

    return _change(
        request,
        pk,
        ExtensionForm,
        lambda c: {},
        save,
        "Forlæng forløbet",
        "Forløbet er forlænget.",
        {Role.SUPPLIER_CONSULTANT, Role.JOBCENTRE_CONSULTANT},
    )


@login_required
def course_end_view(request: HttpRequest, pk: int) -> HttpResponse:
    def save(course: Course, user: User, form: forms.Form) -> object:
        assert isinstance(form, EndingForm)
        return course_end(
            course=course, user=user, version=form.cleaned_data["version"], ending=form.ending()
        )

    return _change(
        request,
        pk,
        EndingForm,
        lambda c: {"ended_on": timezone.localdate()},
        save,
        "Afslut forløbet",
        "Forløbet er afsluttet.",
        {Role.SUPPLIER_CONSULTANT},
    )


@login_required
def course_plan_view(request: HttpRequest, pk: int) -> HttpResponse:
    def save(course: Course, user: User, form: forms.Form) -> object:
        data = form.cleaned_data
        return course_plan_update(
            course=course,
            user=user,
            version=data["version"],
            min_plan=data["min_plan"],
            result_goal=list(data["result_goal"]),
        )

    return _change(
        request,
        pk,
        CoursePlanForm,
        lambda c: {"min_plan": c.min_plan, "result_goal": c.result_goal},
        save,
        "Ret Min Plan og resultatmål",
        "Min Plan og resultatmål er gemt.",
        {Role.JOBCENTRE_CONSULTANT},
    )
