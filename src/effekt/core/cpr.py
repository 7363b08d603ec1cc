"""CPR numbers: validation and masking. Pure: no Django import."""

from __future__ import annotations

import datetime as dt

from stdnum.dk import cpr as stdnum_cpr
from stdnum.exceptions import ValidationError as StdnumValidationError


class InvalidCPR(ValueError):
    """The text is not a valid Danish CPR number."""


def normalise_cpr(value: str) -> str:
    """Return the ten digits of a valid CPR number, or raise InvalidCPR with the reason.

    The modulus-11 check is not applied: CPR numbers issued since 2007 may fail it, and the
    CPR office no longer guarantees it. The date part must be a real date.
    """
    compact = stdnum_cpr.compact(value or "")
    if len(compact) != 10 or not compact.isdigit():
        raise InvalidCPR("Et CPR-nummer har 10 cifre (DDMMÅÅ-NNNN).")
    try:
        stdnum_cpr.get_birth_date(compact)
    except StdnumValidationError:
        raise InvalidCPR("De første seks cifre i CPR-nummeret er ikke en gyldig dato.") from None
    return compact


def birth_date(cpr: str) -> dt.date:
    """The birth date encoded in a CPR number (century from the seventh digit)."""
    return stdnum_cpr.get_birth_date(normalise_cpr(cpr))


def mask_cpr(cpr: str) -> str:
    """Show only the date part: 010190-xxxx."""
    compact = stdnum_cpr.compact(cpr or "")
    if len(compact) != 10:
        return "xxxxxx-xxxx"
    return f"{compact[:6]}-xxxx"


def format_cpr(cpr: str) -> str:
    compact = normalise_cpr(cpr)
    return f"{compact[:6]}-{compact[6:]}"
