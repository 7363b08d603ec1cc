"""The authentication backend: Django's model backend, loading the user's organisation with it."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend


class UserWithOrganisationBackend(ModelBackend):
    """Every page shows the user's municipality or supplier; load it with the user.

    Saves one query on every request of a logged-in user.
    """

    def get_user(self, user_id: Any) -> Any:
        from effekt.organisations.models import User

        try:
            user = User._default_manager.select_related("municipality", "supplier").get(pk=user_id)
        except User.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
