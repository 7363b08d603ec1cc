"""Shared helpers of the views: who may use the workspace, and absolute answer links."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.urls import reverse

from effekt.evaluation.models.experiment import READ_ROLES
from effekt.evaluation.services.surveys import LinkBuilder
from effekt.organisations.models import Role, User


def reader(request: HttpRequest) -> User:
    """The logged-in evaluator, analyst or administrator; 403 for everybody else."""
    user = request.user
    assert isinstance(user, User)
    if not (user.is_superuser or user.role == Role.ADMINISTRATOR or user.role in READ_ROLES):
        raise PermissionDenied("Forsøg er for evaluatorer og analytikere.")
    return user


def link_builder(request: HttpRequest) -> LinkBuilder:
    def build(token: str) -> str:
        return request.build_absolute_uri(reverse("evaluation:answer", args=[token]))

    return build
