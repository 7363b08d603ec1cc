"""One-time tokens (citizen links, survey invitations, API keys). Pure: no Django import."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Literal

LinkState = Literal["used", "expired", "open"]


def token_digest(token: str) -> str:
    """Only the SHA-256 of a token is stored; the token itself is shown or sent once."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def one_time_state(
    used_at: dt.datetime | None, expires_at: dt.datetime, now: dt.datetime
) -> LinkState:
    """A one-time link is used once, and expires at `expires_at`."""
    if used_at is not None:
        return "used"
    if now >= expires_at:
        return "expired"
    return "open"
