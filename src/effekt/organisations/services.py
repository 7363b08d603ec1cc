"""Services of the organisations app: the audit log."""

from __future__ import annotations

from django.db import models

from effekt.organisations.models import AuditAction, AuditEntry, Citizen, User


def audit_record(
    *,
    user: User | None,
    action: AuditAction | str,
    obj: models.Model,
    citizen: Citizen | None = None,
    detail: str = "",
) -> AuditEntry:
    """Record that `user` read or changed `obj` (of `citizen`)."""
    return AuditEntry.objects.create(
        user=user if user is not None and user.is_authenticated else None,
        citizen=citizen,
        action=action,
        object_type=obj._meta.label,
        object_id=str(obj.pk or ""),
        detail=detail[:300],
    )
