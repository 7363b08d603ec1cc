"""What the monitoring pages show: overview rows, a municipality's results, work lists."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from django.db.models import QuerySet

from effekt.core.cpr import mask_cpr
from effekt.monitoring.models import (
    FocusTarget,
    MonitoringRun,
    ResultTarget,
    RunStatus,
    Verdict,
    WorklistEntry,
)
from effekt.monitoring.services.charts import Chart, percent, share_chart
from effekt.organisations.models import Municipality, User

_CPR = re.compile(r"^\d{6}-?\d{4}$")
BENEFIT_LABELS = {
    "dagpenge": "Dagpenge",
    "sygedagpenge": "Sygedagpenge",
    "kontanthjaelp": "Kontanthjælp",
    "uddannelseshjaelp": "Uddannelseshjælp",
    "overgangsydelse": "Overgangsydelse",
    "revalidering": "Revalidering",
    "forrevalidering": "Forrevalidering",
    "ressourceforloeb": "Ressourceforløb",
    "jobafklaring": "Jobafklaring",
    "ledighedsydelse": "Ledighedsydelse",
}


def latest_run() -> MonitoringRun | None:
    return MonitoringRun.objects.filter(status=RunStatus.DONE).first()


def municipality_names() -> dict[str, str]:
    """Names of the 98 municipalities, with those in the database taking precedence."""
    from effekt.monitoring.synth.places import municipality_list

    codes, names, _ = municipality_list()
    found = dict(zip(codes, names, strict=True))
    found.update(Municipality.objects.values_list("code", "name"))
    return found


def shown_person(person_id: str, user: User) -> str:
    """The person id, with a CPR number masked for roles that may not see CPR numbers."""
    if user.may_see_cpr or not _CPR.match(person_id):
        return person_id
    return mask_cpr(person_id)


def last_verdicts(run: MonitoringRun) -> list[Verdict]:
    """Each municipality's verdict for the last year of the run."""
    year = run.verdicts.order_by("-year").values_list("year", flat=True).first()
    return list(run.verdicts.filter(year=year)) if year is not None else []


def reasons(v: Verdict, offers_target: float, talks_target: float) -> list[str]:
    """The verdict in words (Danish), one sentence per target."""
    lines = []
    if v.result_target_met is None:
        lines.append("Resultatmålet kan ikke vurderes: der er intet forventet niveau.")
    else:
        verb = "er opfyldt" if v.result_target_met else "er ikke opfyldt"
        lines.append(
            f"Resultatmålet {verb}: {percent(v.actual_share)} på offentlig forsørgelse "
            f"mod forventet {percent(v.expected_share)}."
        )
    for label, share, met, target in (
        ("Fokusmål 1 (aktive tilbud)", v.offers_share_12m, v.offers_target_met, offers_target),
        (
            "Fokusmål 2 (samtaler)",
            v.conversations_share_12m,
            v.conversations_target_met,
            talks_target,
        ),
    ):
        if met is None:
            lines.append(f"{label} kan ikke vurderes: ingen målte borgere.")
        else:
            side = "over" if met else "ikke over"
            lines.append(
                f"{label}: {percent(share)} i 12-måneders gennemsnit, {side} {percent(target, 0)}."
            )
    return lines


@dataclass(frozen=True)
class MunicipalityResults:
    focus: list[FocusTarget]
    results: list[ResultTarget]
    verdicts: list[Verdict]
    charts: list[Chart]


def municipality_results(run: MonitoringRun, code: str, target: Fraction) -> MunicipalityResults:
    focus = list(run.focus_targets.filter(municipality_code=code))
    months = [f.month for f in focus]
    charts = [
        share_chart(
            "Fokusmål 1: andel med aktivt tilbud",
            months,
            [f.offers_share for f in focus],
            [f.offers_share_12m for f in focus],
            float(target),
        ),
        share_chart(
            "Fokusmål 2: andel med samtaler nok",
            months,
            [f.conversations_share for f in focus],
            [f.conversations_share_12m for f in focus],
            float(target),
        ),
    ]
    return MunicipalityResults(
        focus,
        list(run.result_targets.filter(municipality_code=code)),
        list(run.verdicts.filter(municipality_code=code)),
        charts,
    )


def worklist(
    run: MonitoringRun,
    code: str,
    *,
    benefit: str = "",
    lacking: str = "",
    months_left: int | None = None,
) -> QuerySet[WorklistEntry]:
    """The work list of a municipality, filtered by benefit, what is lacking and time left."""
    rows = run.worklist.filter(municipality_code=code)
    if benefit:
        rows = rows.filter(benefit=benefit)
    if lacking == "offer":
        rows = rows.filter(exempt_from_offers=False, has_offer=False)
    elif lacking == "conversations":
        rows = rows.filter(conversations_missing__gt=0)
    if months_left is not None:
        rows = rows.filter(months_left__lte=months_left)
    return rows


CSV_HEADER = (
    "kommunekode", "måned", "person", "ydelse", "forløbsstart", "fritaget_for_tilbud",
    "har_tilbud", "seneste_tilbud", "arbejdstimer", "samtaler", "manglende_samtaler",
    "seneste_samtale", "måneder_tilbage",
)  # fmt: skip


def worklist_csv(rows: Iterable[WorklistEntry], user: User) -> str:
    """The work list as CSV (UTF-8, comma), CPR numbers masked as on the page."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for w in rows:
        writer.writerow(
            [
                w.municipality_code, w.month, shown_person(w.person_id, user), w.benefit,
                w.spell_start, "ja" if w.exempt_from_offers else "nej",
                "ja" if w.has_offer else "nej", w.last_offer_date, f"{w.work_hours:.2f}",
                w.conversations, w.conversations_missing, w.last_conversation_date,
                w.months_left,
            ]
        )  # fmt: skip
    return out.getvalue()
