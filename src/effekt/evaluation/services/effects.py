"""Effect evaluation: a difference-in-differences estimate from an uploaded panel, computed
by the evaluation module (`analysis.did.estimate_did`) and stored with the experiment."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Literal

from django.core.exceptions import PermissionDenied

from effekt.evaluation.models import EffectEstimate, Experiment
from effekt.organisations.models import AuditAction, User
from effekt.organisations.services import audit_record

VcovKey = Literal["iid", "hc1", "cluster"]


@dataclass(frozen=True)
class PanelColumns:
    """Which columns of the panel hold what; `unit` and `time` give two-way fixed effects."""

    outcome: str
    treated: str
    post: str
    unit: str | None = None
    time: str | None = None
    vcov: VcovKey = "iid"


class PanelInvalid(ValueError):
    """The panel could not be read or estimated; the message names file, line and column."""


def effect_estimate_create(
    *,
    user: User,
    experiment: Experiment,
    label: str,
    data: bytes,
    file_name: str,
    columns: PanelColumns,
) -> EffectEstimate:
    """Estimate the DiD effect of `treated × post` on `outcome` and store the result."""
    if not experiment.may_edit(user):
        raise PermissionDenied("Kun forsøgets evaluatorer kan beregne effekter.")
    import pandas as pd

    from effekt.evaluation.analysis.did import DidSpec, estimate_did
    from effekt.evaluation.analysis.errors import InputError
    from effekt.evaluation.analysis.render import to_data

    try:
        frame = pd.read_csv(io.BytesIO(data), sep=None, engine="python", encoding="utf-8-sig")
    except (ValueError, UnicodeDecodeError, pd.errors.ParserError) as error:
        raise PanelInvalid(f"{file_name}: filen kan ikke læses som CSV ({error})") from None
    spec = DidSpec(
        outcome=columns.outcome,
        treated=columns.treated,
        post=columns.post,
        vcov=columns.vcov,
        unit=columns.unit,
        time=columns.time,
        cluster=columns.unit if columns.vcov == "cluster" else None,
    )
    try:
        result = estimate_did(frame, spec, source=file_name)
    except InputError as error:
        raise PanelInvalid(str(error)) from None
    estimate = EffectEstimate.objects.create(
        experiment=experiment,
        label=label,
        file_name=file_name,
        specification={
            "outcome": columns.outcome,
            "treated": columns.treated,
            "post": columns.post,
            "unit": columns.unit,
            "time": columns.time,
            "vcov": columns.vcov,
        },
        result=to_data(result),
        created_by=user,
    )
    audit_record(user=user, action=AuditAction.CREATE, obj=estimate, detail=label)
    return estimate
