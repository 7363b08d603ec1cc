"""Who may see the monitoring pages: municipality roles and administrators, not suppliers."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from effekt.organisations.models import Role, User

VIEW_ROLES = frozenset(
    {Role.ANALYST, Role.JOBCENTRE_CONSULTANT, Role.EVALUATOR, Role.ADMINISTRATOR}
)
RUN_ROLES = frozenset({Role.ANALYST, Role.ADMINISTRATOR})


def is_admin(user: User) -> bool:
    return user.is_superuser or user.role == Role.ADMINISTRATOR


def viewer(request: HttpRequest) -> User:
    """The logged-in user when they may see monitoring at all (403 otherwise)."""
    user = request.user
    if not isinstance(user, User) or not (is_admin(user) or user.role in VIEW_ROLES):
        raise PermissionDenied("Din rolle giver ikke adgang til overvågningen.")
    return user


def may_start_runs(user: User) -> bool:
    return is_admin(user) or user.role in RUN_ROLES


def may_see_municipality(user: User, code: str) -> bool:
    """Administrators see every municipality; others only their own."""
    return is_admin(user) or (user.municipality is not None and user.municipality.code == code)


def municipality_viewer(request: HttpRequest, code: str) -> User:
    user = viewer(request)
    if not may_see_municipality(user, code):
        raise PermissionDenied("Du kan kun se din egen kommunes resultater og arbejdslister.")
    return user
