"""Everything the final report and the status note show, gathered once from the database."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count

from effekt.evaluation.models import EffectEstimate, Experiment, RegisterAnalysis, Survey
from effekt.evaluation.services.experiments import experiment_dashboard
from effekt.evaluation.services.kpi_status import KpiStatus
from effekt.evaluation.services.surveys import survey_results
from effekt.evaluation.surveys.results import Change, WaveResult
from effekt.evaluation.surveys.templates import TEMPLATES


@dataclass(frozen=True)
class CohortSummary:
    name: str
    members: int
    persons: int
    first_start: dt.date | None
    last_start: dt.date | None


@dataclass(frozen=True)
class SurveySummary:
    title: str
    audience: str
    source: str
    waves: tuple[WaveResult, ...]
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class ReportData:
    """The numbers of one experiment's report, as of `as_of`."""

    experiment: Experiment
    as_of: dt.date
    kpis: tuple[KpiStatus, ...]
    cohorts: tuple[CohortSummary, ...]
    surveys: tuple[SurveySummary, ...]
    effects: tuple[tuple[str, dict[str, object]], ...] = ()
    register: RegisterAnalysis | None = None

    @property
    def reached(self) -> int:
        return sum(1 for k in self.kpis if k.status == "reached")

    @property
    def on_track(self) -> int:
        return sum(1 for k in self.kpis if k.status in {"reached", "on_track"})


def _survey_summary(survey: Survey) -> SurveySummary:
    rows = survey_results(survey)
    template = TEMPLATES.get(survey.template_key)
    return SurveySummary(
        title=survey.title,
        audience=survey.get_audience_display(),
        source=template.source if template else "",
        waves=tuple(wave for wave, _ in rows),
        changes=tuple(change for _, changes in rows for change in changes),
    )


def report_data(experiment: Experiment, as_of: dt.date) -> ReportData:
    """KPI status, cohort sizes and survey results of the experiment."""
    cohorts = []
    for cohort in experiment.cohorts.annotate(n=Count("memberships")):
        members = cohort.memberships.all()
        starts = list(members.order_by("start_date").values_list("start_date", flat=True))
        cohorts.append(
            CohortSummary(
                name=cohort.name,
                members=cohort.n,
                persons=members.values("person_id").distinct().count(),
                first_start=starts[0] if starts else None,
                last_start=starts[-1] if starts else None,
            )
        )
    return ReportData(
        experiment=experiment,
        as_of=as_of,
        kpis=tuple(experiment_dashboard(experiment)),
        cohorts=tuple(cohorts),
        surveys=tuple(_survey_summary(s) for s in experiment.surveys.all()),
        register=RegisterAnalysis.objects.filter(experiment=experiment).first(),
        effects=tuple(
            (e.label, e.result) for e in EffectEstimate.objects.filter(experiment=experiment)
        ),
    )
