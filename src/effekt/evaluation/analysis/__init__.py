"""Effect evaluation statistics (pure computation, no Django).

Public API — result dataclasses are kept apart from rendering (`render`, `svg`):

- `did.estimate_did(frame, DidSpec(...))` → `DidResult`: difference-in-differences with an
  explicit variance type and, with few treated units, a permutation test and a caveat;
- `event_study.event_study(frame, DidSpec(...))` → `EventStudyResult`; `svg.event_study_svg`;
- `staggered.callaway_santanna(frame, ...)` → `StaggeredResult` (Callaway–Sant'Anna);
- `survival.kaplan_meier(durations, events, at=...)` → `SurvivalResult`; `firm_durations`;
- `kpis.compute_kpis(tables, months=..., as_of=...)` → `KpiResult`; `tables.load_kpi_tables`;
- `shares.wilson_share(count, total)` → `Share`.
"""
