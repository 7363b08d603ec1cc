"""Outputs (plain Python part): shares, running means, verdicts and work lists.

These work on the small per-municipality tables the Ibis stages return, with exact fractions
so that a share of exactly 80 % never flips on floating-point rounding.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import Any

from effekt.monitoring.engine.calendar import EPOCH, WINDOW_MONTHS, month_index, month_label
from effekt.monitoring.engine.parameters import CandidateRule, Rules
from effekt.monitoring.engine.result import FocusTargetRow, ResultTargetRow, VerdictRow, WorklistRow

Row = Mapping[str, Any]
_COUNTS = (
    "population",
    "offers_population",
    "offers_met",
    "conversations_population",
    "conversations_met",
)


def _share(met: int, population: int) -> Fraction | None:
    return Fraction(met, population) if population else None


def _mean(shares: Iterable[Fraction | None]) -> Fraction | None:
    present = [s for s in shares if s is not None]
    return sum(present, Fraction(0)) / len(present) if present else None


def focus_rows(counts: list[Row], lo: int, start: int, end: int) -> list[FocusTargetRow]:
    """A row per municipality and month start..end with anyone measured; the 12-month means
    use the monthly shares that exist among the month and the 11 before (from `lo`)."""
    by_key = {(str(r["municipality_code"]), int(r["m"])): r for r in counts}
    rows = []
    for code in sorted({key[0] for key in by_key}):
        offers: dict[int, Fraction | None] = {}
        talks: dict[int, Fraction | None] = {}
        for m in range(lo, end + 1):
            r = by_key.get((code, m), {})
            n = {name: int(r.get(name) or 0) for name in _COUNTS}
            offers[m] = _share(n["offers_met"], n["offers_population"])
            talks[m] = _share(n["conversations_met"], n["conversations_population"])
            if m < start or n["population"] == 0:
                continue
            window = range(m - WINDOW_MONTHS + 1, m + 1)
            rows.append(
                FocusTargetRow(
                    municipality_code=code,
                    month=month_label(m),
                    **n,
                    offers_share=offers[m],
                    conversations_share=talks[m],
                    offers_share_12m=_mean(offers.get(k) for k in window),
                    conversations_share_12m=_mean(talks.get(k) for k in window),
                )
            )
    return rows


def _periods(year: int) -> list[tuple[str, tuple[int, ...]]]:
    return [
        (f"{year}H1", (2 * year,)),
        (f"{year}H2", (2 * year + 1,)),
        (str(year), (2 * year, 2 * year + 1)),
    ]


def result_rows(
    counts: list[Row], expected: list[Row], lo: int, start: int, end: int
) -> list[ResultTargetRow]:
    """Half-years and years lying wholly in months lo..end and ending at or after `start`.

    `counts` holds resident and benefit days per municipality and half-year index `hy`.
    """
    days: dict[tuple[str, int], tuple[int, int]] = {
        (str(r["municipality_code"]), int(r["hy"])): (
            int(r["resident_days"]),
            int(r["benefit_days"]),
        )
        for r in counts
    }
    rates = {(str(r["municipality_code"]), str(r["period"])): r for r in expected}
    rows = []
    for code in sorted({key[0] for key in days}):
        for year in range(lo // 12, end // 12 + 1):
            for period, halves in _periods(year):
                first, last = halves[0] * 6, halves[-1] * 6 + 5
                if first < lo or last > end or last < start:
                    continue
                parts = [days.get((code, h), (0, 0)) for h in halves]
                resident, on_benefit = sum(d[0] for d in parts), sum(d[1] for d in parts)
                rate = rates.get((code, period), {})
                actual = _share(on_benefit, resident)
                exp = rate.get("expected_share")
                met = None if actual is None or exp is None else actual < Fraction(str(exp))
                rows.append(
                    ResultTargetRow(
                        code,
                        period,
                        resident,
                        on_benefit,
                        actual,
                        None if exp is None else float(exp),
                        _float(rate.get("published_actual_share")),
                        met,
                    )
                )
    return rows


def _float(value: Any) -> float | None:
    return None if value is None or value != value else float(value)


def _not(value: bool | None) -> bool | None:
    return None if value is None else not value


def _all(values: list[bool | None]) -> bool | None:
    if any(v is False for v in values):
        return False
    return None if any(v is None for v in values) else True


def _any(values: list[bool | None]) -> bool | None:
    if any(v is True for v in values):
        return True
    return None if any(v is None for v in values) else False


def candidate(
    rule: CandidateRule, result: bool | None, offers: bool | None, talks: bool | None
) -> bool | None:
    """Whether a municipality is a skærpet-tilsyn candidate (None when a target is unknown)."""
    if rule == "result_and_any_focus":
        return _all([_not(result), _any([_not(offers), _not(talks)])])
    if rule == "result_and_all_focus":
        return _all([_not(result), _not(offers), _not(talks)])
    return _any([_not(result), _not(offers), _not(talks)])


def _above(share: Fraction | None, target: Fraction) -> bool | None:
    return None if share is None else share > target


def verdict_rows(
    focus: list[FocusTargetRow], results: list[ResultTargetRow], rules: Rules, start: int, end: int
) -> list[VerdictRow]:
    """Calendar years whose December lies in start..end, judged on January-December."""
    december = {(f.municipality_code, f.month): f for f in focus}
    result = {(r.municipality_code, r.period): r for r in results}
    codes = sorted({f.municipality_code for f in focus} | {r.municipality_code for r in results})
    rows = []
    for year in range(start // 12, end // 12 + 1):
        dec = month_index(year, 12)
        if not start <= dec <= end:
            continue
        params = rules.set_for(dt.date(year, 12, 1))
        for code in codes:
            f = december.get((code, month_label(dec)))
            r = result.get((code, str(year)))
            if r is None or r.expected_share is None:
                r = result.get((code, f"{year}H2"), r)
            offers = f.offers_share_12m if f else None
            talks = f.conversations_share_12m if f else None
            offers_met = _above(offers, params.offers_target_share)
            talks_met = _above(talks, params.conversations_target_share)
            result_met = r.met if r else None
            rows.append(
                VerdictRow(
                    code,
                    year,
                    r.actual_share if r else None,
                    r.expected_share if r else None,
                    result_met,
                    offers,
                    offers_met,
                    talks,
                    talks_met,
                    candidate(params.candidate_rule, result_met, offers_met, talks_met),
                )
            )
    return rows


def day_label(day: int | None) -> str | None:
    """ISO date of a day number."""
    return None if day is None else (EPOCH + dt.timedelta(days=int(day))).isoformat()


def worklist_rows(measured: list[Row]) -> list[WorklistRow]:
    """Measured persons lacking an offer (when not exempt) or enough conversations."""
    rows = []
    for r in measured:
        lacks_offer = not r["exempt"] and not r["has_offer"]
        missing = max(int(r["min_conversations"]) - int(r["conversations"]), 0)
        if not lacks_offer and missing == 0:
            continue
        m = int(r["m"])
        rows.append(
            WorklistRow(
                municipality_code=str(r["municipality_code"]),
                month=month_label(m),
                person_id=str(r["person_id"]),
                benefit=str(r["benefit"]),
                spell_start=day_label(int(r["spell_start"])) or "",
                lacks_offer=lacks_offer,
                lacks_conversations=missing > 0,
                exempt_from_offers=bool(r["exempt"]),
                has_offer=bool(r["has_offer"]),
                last_offer_date=day_label(_int(r["last_offer_day"])),
                work_hours=int(r["work_hours"]) / 100,
                conversations=int(r["conversations"]),
                conversations_missing=missing,
                last_conversation_date=day_label(_int(r["last_conversation_day"])),
                months_left=11 - m % 12,
            )
        )
    return sorted(rows, key=lambda w: (w.municipality_code, w.person_id))


def _int(value: Any) -> int | None:
    return None if value is None or value != value else int(value)
