"""Copy a monitoring result object into the database rows the pages read."""

from __future__ import annotations

from fractions import Fraction

from django.db import transaction

from effekt.monitoring.engine.result import MonitoringResult
from effekt.monitoring.models import (
    FocusTarget,
    MonitoringRun,
    ResultTarget,
    Verdict,
    WorklistEntry,
)

BATCH = 5_000


def _f(value: Fraction | float | None) -> float | None:
    return None if value is None else float(value)


@transaction.atomic
def store_result(run: MonitoringRun, result: MonitoringResult) -> None:
    """Replace the stored rows of `run` with those of `result`."""
    for model in (FocusTarget, ResultTarget, Verdict, WorklistEntry):
        model.objects.filter(run=run).delete()
    FocusTarget.objects.bulk_create(
        (
            FocusTarget(
                run=run,
                municipality_code=r.municipality_code,
                month=r.month,
                population=r.population,
                offers_share=_f(r.offers_share),
                conversations_share=_f(r.conversations_share),
                offers_share_12m=_f(r.offers_share_12m),
                conversations_share_12m=_f(r.conversations_share_12m),
            )
            for r in result.focus_targets
        ),
        batch_size=BATCH,
    )
    ResultTarget.objects.bulk_create(
        (
            ResultTarget(
                run=run,
                municipality_code=r.municipality_code,
                period=r.period,
                actual_share=_f(r.actual_share),
                expected_share=r.expected_share,
                met=r.met,
            )
            for r in result.result_target
        ),
        batch_size=BATCH,
    )
    Verdict.objects.bulk_create(
        (
            Verdict(
                run=run,
                municipality_code=v.municipality_code,
                year=v.year,
                actual_share=_f(v.actual_share),
                expected_share=v.expected_share,
                result_target_met=v.result_target_met,
                offers_share_12m=_f(v.offers_share_12m),
                offers_target_met=v.offers_target_met,
                conversations_share_12m=_f(v.conversations_share_12m),
                conversations_target_met=v.conversations_target_met,
                candidate=v.candidate,
            )
            for v in result.verdicts
        ),
        batch_size=BATCH,
    )
    WorklistEntry.objects.bulk_create(
        (
            WorklistEntry(
                run=run,
                municipality_code=w.municipality_code,
                month=w.month,
                person_id=w.person_id,
                benefit=w.benefit,
                spell_start=w.spell_start,
                exempt_from_offers=w.exempt_from_offers,
                has_offer=w.has_offer,
                last_offer_date=w.last_offer_date or "",
                work_hours=w.work_hours,
                conversations=w.conversations,
                conversations_missing=w.conversations_missing,
                last_conversation_date=w.last_conversation_date or "",
                months_left=w.months_left,
            )
            for w in result.worklist
        ),
        batch_size=BATCH,
    )
