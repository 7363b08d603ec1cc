"""Who may see and do what: every view gets its course through `course_for`."""

from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from effekt.organisations.models import AuditAction, User
from effekt.organisations.services import audit_record
from effekt.progression.models import Course

__all__ = [
    "course_for",
    "form_add_errors",
    "login_required",
    "request_user",
    "require_role",
    "visible_course",
]


def request_user(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied
    return user


def require_role(request: HttpRequest, *roles: str) -> User:
    """The logged-in user, when their role is one of `roles` (403 otherwise)."""
    user = request_user(request)
    if user.role not in roles:
        raise PermissionDenied("Din rolle giver ikke adgang til denne side.")
    return user


def form_add_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: by field where it names one."""
    if hasattr(error, "error_dict"):
        for field, problems in error.message_dict.items():
            form.add_error(field if field in form.fields else None, problems)
    else:
        form.add_error(None, error.messages)


def course_for(request: HttpRequest, pk: int, *, detail: str = "") -> Course:
    """A course the user may see (404 for other organisations' courses); the read is logged."""
    return visible_course(request_user(request), pk, detail=detail)


def visible_course(user: User, pk: int, *, detail: str = "") -> Course:
    """A course `user` may see, or Http404; the read is written to the audit log."""
    course = get_object_or_404(
        Course.objects.visible_to(user).select_related(
            "citizen",
            "course_type",
            "configuration__instrument",
            "supplier",
            "municipality",
            "ending",
        ),
        pk=pk,
    )
    audit_record(
        user=user, action=AuditAction.READ, obj=course, citizen=course.citizen, detail=detail
    )
    return course
