"""Register KPIs for a cohort and its comparison group(s), each share with a Wilson interval.

Every person is measured from their `start` (cohort marking) to the measurement day
`start + months`; point KPIs are read on that day. A person whose measurement day (or, for
the follow-ups, whose follow-up day) lies after `as_of` — the last day the data covers — is
left out of that KPI's denominator. docs/evaluation.md defines each KPI and its input table.
"""

from __future__ import annotations

import calendar
import math
import statistics
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from effekt.evaluation.analysis.kpi_inputs import Interval, KpiTables, Member
from effekt.evaluation.analysis.shares import Share, wilson_share

COMPANY_DIRECTED = frozenset({"loentilskud", "virksomhedspraktik"})
NOT_PUBLIC_SUPPORT = frozenset({"su"})
SELF_SUFFICIENCY_MONTHS = (12, 24, 30)
OFFER_KPIS: tuple[tuple[str, str, frozenset[str] | None], ...] = (
    ("activation_rate", "Aktiveringsgrad", None),
    ("company_directed_activation_rate", "Virksomhedsrettet aktiveringsgrad", COMPANY_DIRECTED),
    (
        "guidance_upskilling_rate",
        "Vejlednings- og opkvalificeringsgrad",
        frozenset({"vejledning_opkvalificering"}),
    ),
)
"""(name, Danish label, offer kinds counted; None = any offer)."""
AFTER_EDUCATION_MONTHS = (3, 6, 9)


@dataclass(frozen=True)
class Mean:
    """A mean over `n` persons with its standard error (None with fewer than 2)."""

    value: float | None
    n: int
    std_error: float | None
    median: float | None


@dataclass(frozen=True)
class Kpi:
    """One KPI: `name` in code, `label` in Danish, and either a share or a mean."""

    name: str
    label: str
    share: Share | None = None
    mean: Mean | None = None


@dataclass(frozen=True)
class CohortKpis:
    """The KPIs of one cohort value (e.g. the experiment group or a comparison group)."""

    cohort: str
    n: int
    kpis: tuple[Kpi, ...]


@dataclass(frozen=True)
class KpiResult:
    """KPIs per cohort, measured `months` after each person's start, data up to `as_of`."""

    months: int
    as_of: date
    cohorts: tuple[CohortKpis, ...]


def add_months(day: date, months: int) -> date:
    """`day` plus whole calendar months, the day clamped to the month's length (Jan 31 + 1 =
    Feb 28/29); half-years are passed as 6 months, so 2½ years is 30."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def _mean(values: list[float]) -> Mean:
    if not values:
        return Mean(None, 0, None, None)
    spread = statistics.stdev(values) / math.sqrt(len(values)) if len(values) > 1 else None
    return Mean(statistics.fmean(values), len(values), spread, statistics.median(values))


def _share_of(members: list[Member], test: Callable[[Member], bool | None]) -> Share:
    """Wilson share over the members for which `test` gives True/False (None: left out)."""
    outcomes = [result for result in (test(m) for m in members) if result is not None]
    return wilson_share(sum(outcomes), len(outcomes))


def _any(table: dict[str, list[Interval]], person: str, check: Callable[[Interval], bool]) -> bool:
    return any(check(interval) for interval in table.get(person, []))


def _employed(tables: KpiTables, person: str, day: date) -> bool:
    assert tables.employment is not None
    return tables.employment.get(person, {}).get(day.strftime("%Y-%m"), 0.0) > 0


def point_kpis(tables: KpiTables, members: list[Member], months: int, as_of: date) -> list[Kpi]:
    """Employment, education, SU and self-sufficiency rates on the measurement day(s)."""
    seen = [m for m in members if add_months(m.start, months) <= as_of]

    def at(m: Member) -> date:
        return add_months(m.start, months)

    kpis: list[Kpi] = []
    if tables.employment is not None:
        share = _share_of(seen, lambda m: _employed(tables, m.person_id, at(m)))
        kpis.append(Kpi("employment_rate", "Beskæftigelsesgrad", share=share))
    if (educations := tables.educations) is not None:
        share = _share_of(seen, lambda m: _any(educations, m.person_id, lambda i: i.covers(at(m))))
        kpis.append(Kpi("education_rate", "Uddannelsesgrad", share=share))
    if (benefits := tables.benefits) is not None:
        su = _share_of(
            seen,
            lambda m: _any(benefits, m.person_id, lambda i: i.kind == "su" and i.covers(at(m))),
        )
        kpis.append(Kpi("su_rate", "SU-grad", share=su))
        for after in SELF_SUFFICIENCY_MONTHS:
            kpis.append(_self_sufficiency(benefits, members, after, as_of))
    return kpis


def _self_sufficiency(
    benefits: dict[str, list[Interval]], members: list[Member], after: int, as_of: date
) -> Kpi:
    def test(m: Member) -> bool | None:
        day = add_months(m.start, after)
        if day > as_of:
            return None
        return not _any(
            benefits, m.person_id, lambda i: i.kind not in NOT_PUBLIC_SUPPORT and i.covers(day)
        )

    years = f"{after // 12}½" if after % 12 else str(after // 12)
    return Kpi(
        f"self_sufficient_{after}m",
        f"Selvforsørgende {years} år efter",
        share=_share_of(members, test),
    )


def period_kpis(tables: KpiTables, members: list[Member], months: int, as_of: date) -> list[Kpi]:
    """Activation and conversations from the start to the measurement day."""
    seen = [m for m in members if add_months(m.start, months) <= as_of]
    kpis: list[Kpi] = []
    if (offers := tables.offers) is not None:
        for name, label, kinds in OFFER_KPIS:
            share = _share_of(seen, _offer_test(offers, months, kinds))
            kpis.append(Kpi(name, label, share=share))
    if (conversations := tables.conversations) is not None:
        counts = []
        weeks = []
        for m in seen:
            end = add_months(m.start, months)
            days = [d for d in conversations.get(m.person_id, []) if m.start <= d <= end]
            counts.append(len(days) / (months / 3))
            if days:
                weeks.append((days[0] - m.start).days / 7)
        kpis.append(Kpi("conversations_per_quarter", "Samtaler pr. kvartal", mean=_mean(counts)))
        kpis.append(Kpi("weeks_to_first_conversation", "Uger til 1. samtale", mean=_mean(weeks)))
        share = wilson_share(len(weeks), len(seen))
        kpis.append(Kpi("had_conversation", "Andel med mindst én samtale", share=share))
    return kpis


def _offer_test(
    offers: dict[str, list[Interval]], months: int, kinds: frozenset[str] | None
) -> Callable[[Member], bool]:
    def test(m: Member) -> bool:
        end = add_months(m.start, months)
        return _any(
            offers,
            m.person_id,
            lambda i: (kinds is None or i.kind in kinds) and i.overlaps(m.start, end),
        )

    return test


def category_shift(tables: KpiTables, members: list[Member], months: int, as_of: date) -> list[Kpi]:
    """Of those aktivitetsparat on the start day, the share jobparat on the measurement day."""
    if (categories := tables.categories) is None:
        return []
    seen = [m for m in members if add_months(m.start, months) <= as_of]

    def category(person: str, day: date) -> str | None:
        current = [i for i in categories.get(person, []) if i.covers(day)]
        return max(current, key=lambda i: i.start).kind if current else None

    starters = [m for m in seen if category(m.person_id, m.start) == "aktivitetsparat"]
    share = _share_of(
        starters, lambda m: category(m.person_id, add_months(m.start, months)) == "jobparat"
    )
    return [Kpi("category_shift", "Skift fra aktivitetsparat til jobparat", share=share)]


def employment_after_education(tables: KpiTables, members: list[Member], as_of: date) -> list[Kpi]:
    """Employment 3, 6 and 9 months after the first education ending on or after the start."""
    if tables.educations is None or tables.employment is None:
        return []
    educations = tables.educations
    ends: dict[str, date] = {}
    for m in members:
        finished = [
            i.end for i in educations.get(m.person_id, []) if i.end and m.start <= i.end <= as_of
        ]
        if finished:
            ends[m.person_id] = min(finished)
    kpis = []
    for after in AFTER_EDUCATION_MONTHS:

        def test(m: Member, after: int = after) -> bool | None:
            end = ends.get(m.person_id)
            if end is None or add_months(end, after) > as_of:
                return None
            return _employed(tables, m.person_id, add_months(end, after))

        label = f"Beskæftiget {after} måneder efter endt uddannelse"
        kpis.append(
            Kpi(f"employed_{after}m_after_education", label, share=_share_of(members, test))
        )
    return kpis


def completed(tables: KpiTables, members: list[Member], as_of: date) -> list[Kpi]:
    """Of those started (the cohort), the share whose course ended on or before `as_of`."""
    if not tables.completions:
        return []
    done = sum(1 for m in members if m.end is not None and m.end <= as_of)
    return [Kpi("completed", "Afsluttede forløb", share=wilson_share(done, len(members)))]


def compute_kpis(tables: KpiTables, *, months: int = 12, as_of: date) -> KpiResult:
    """All KPIs the inputs allow, per cohort value, measured `months` after each start."""
    if months <= 0:
        raise ValueError("months skal være positiv")
    groups: dict[str, list[Member]] = {}
    for member in tables.members:
        groups.setdefault(member.cohort, []).append(member)
    cohorts = []
    for cohort, members in sorted(groups.items()):
        kpis = completed(tables, members, as_of)
        kpis += point_kpis(tables, members, months, as_of)
        kpis += period_kpis(tables, members, months, as_of)
        kpis += category_shift(tables, members, months, as_of)
        kpis += employment_after_education(tables, members, as_of)
        cohorts.append(CohortKpis(cohort, len(members), tuple(kpis)))
    return KpiResult(months=months, as_of=as_of, cohorts=tuple(cohorts))
