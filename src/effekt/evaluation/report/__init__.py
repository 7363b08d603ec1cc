"""Renderers of the experiments workspace: KPI charts (SVG), survey exports (CSV, Excel),
the final evaluation report and the status note (PDF with Excel annexes)."""
