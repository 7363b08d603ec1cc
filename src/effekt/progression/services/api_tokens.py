"""Making, checking and revoking API tokens."""

from __future__ import annotations

import secrets

from django.utils import timezone

from effekt.core.tokens import token_digest
from effekt.organisations.models import User
from effekt.progression.models import ApiToken


def api_token_create(*, user: User, name: str) -> tuple[ApiToken, str]:
    """A new token for `user`; the token text is returned once, only its digest is kept."""
    token = "effekt_" + secrets.token_urlsafe(32)
    return ApiToken.objects.create(user=user, name=name, digest=token_digest(token)), token


def api_token_user(token: str) -> User | None:
    """The active user of a valid, unrevoked token (and note its use)."""
    api_token = (
        ApiToken.objects.select_related("user")
        .filter(digest=token_digest(token), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if api_token is None:
        return None
    ApiToken.objects.filter(pk=api_token.pk).update(last_used_at=timezone.now())
    return api_token.user


def api_token_revoke(*, api_token: ApiToken) -> None:
    ApiToken.objects.filter(pk=api_token.pk).update(revoked_at=timezone.now())
