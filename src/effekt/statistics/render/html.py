"""The statistics as HTML: a fragment for the statistics page and a full report document
(cover, summary, charts, tables, method section) that `pdf.py` prints."""

from __future__ import annotations

from html import escape

from effekt.statistics.analysis.results import PeriodStatistics, Share, SteeringStatistics
from effekt.statistics.render.plain import format_cell
from effekt.statistics.render.svg import comparison_bars, stacked_bars
from effekt.statistics.render.tables import Table, all_tables
from effekt.statistics.render.text import (
    PERSPECTIVE_LABELS,
    filters_text,
    method_text,
    percent,
    period_text,
)

STYLE = """
@page { size: A4 landscape; margin: 15mm;
        @bottom-center { content: counter(page); font-size: 9pt; } }
body { font-family: "DejaVu Sans", sans-serif; font-size: 9.5pt; color: #212121; }
h1 { font-size: 22pt; } h2 { font-size: 14pt; margin-top: 18pt; } h3 { font-size: 11pt; }
.cover { page-break-after: always; padding-top: 40mm; }
table { border-collapse: collapse; margin: 6pt 0 12pt; font-size: 7.5pt; width: 100%; }
tr { page-break-inside: avoid; }
th, td { border: 1px solid #bdbdbd; padding: 2pt 4pt; text-align: left; vertical-align: top; }
td.number { text-align: right; white-space: nowrap; }
td.text { min-width: 28mm; }
th { background: #eeeeee; }
svg { max-width: 100%; height: auto; }
"""


def _share_sentence(share: Share, what: str) -> str:
    return (
        f"{share.numerator} af {share.denominator} ({percent(share)}) {what}"
        + (f"; {share.not_measurable} kunne ikke opgøres" if share.not_measurable else "")
        + "."
    )


def summary_paragraphs(stats: PeriodStatistics) -> list[str]:
    """The report's summary in Danish sentences with the counts behind each share."""
    mean = stats.progression_mean
    lines = [
        f"I perioden {period_text(stats.period)} afsluttede {stats.courses} forløb.",
        _share_sentence(mean.share("progression"), "havde progression på gennemsnittet af "
                        "indikatorerne"),
        _share_sentence(mean.share("regression"), "havde regression"),
        _share_sentence(stats.goal_reached, "nåede resultatmålet"),
        _share_sentence(stats.extended, "blev forlænget"),
    ]  # fmt: skip
    lines += [
        _share_sentence(f.share, f"var tilbage på offentlig forsørgelse {f.months} måneder efter")
        for f in stats.follow_up
    ]
    return lines


def table_html(table: Table) -> str:
    """One table as HTML; numbers right-aligned and formatted in Danish."""
    head = "".join(f"<th>{escape(c.header)}</th>" for c in table.columns)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="{"text" if c.kind == "text" else "number"}">'
            f"{escape(format_cell(cell, c))}</td>"
            for cell, c in zip(row, table.columns, strict=True)
        )
        + "</tr>"
        for row in table.rows
    )
    return f"<h3>{escape(table.title)}</h3><table><tr>{head}</tr>{body}</table>"


def charts_html(result: SteeringStatistics) -> str:
    """The progression chart (mean and indicators with classified courses) and the comparison."""
    now = result.current
    figures = [now.progression_mean, *now.progression_by_indicator]
    rows = [
        (
            f.name if f.indicator is None else f"{f.indicator}. {f.name}",
            f.progression / f.classified,
            f.stagnation / f.classified,
            f.regression / f.classified,
        )
        for f in figures
        if f.classified
    ]
    progression = stacked_bars("Progression, stagnation og regression", rows)
    before = result.previous
    comparison = comparison_bars(
        "Sammenligning med forrige periode",
        [
            ("Progression (alle indikatorer)", now.progression_mean.share("progression").value,
             before.progression_mean.share("progression").value),
            ("Nåede resultatmålet", now.goal_reached.value, before.goal_reached.value),
            ("Forlængede forløb", now.extended.value, before.extended.value),
        ],
    )  # fmt: skip
    return f"<figure>{progression}</figure><figure>{comparison}</figure>"


def method_html(result: SteeringStatistics) -> str:
    """The method section: population, perspective, classification, not measurable, follow-up."""
    mean_method = method_text(result.current.progression_mean.method)
    return (
        "<h2>Metode</h2>"
        f"<p>Opgørelsen omfatter forløb, der er afsluttet i perioden "
        f"{escape(period_text(result.current.period))} ({escape(filters_text(result.filters))}). "
        f"Forrige periode er {escape(period_text(result.previous.period))}.</p>"
        f"<p>Perspektiv: {escape(PERSPECTIVE_LABELS[result.perspective])}. Baselinemålingen "
        "sammenlignes med den seneste måling (slutmålingen, når den findes). Gennemsnittet af "
        "indikatorerne beregnes over de indikatorer, der er målt ved begge målinger.</p>"
        f"<p>Klassifikation: {escape(mean_method)}. Metode og parametre for hver indikator står "
        "i tabellen over progression.</p>"
        "<p>Forløb uden baselinemåling eller uden senere måling tælles som ikke målbare og står "
        "uden for nævneren; de tælles altid med i tabellerne.</p>"
        "<p>Opfølgning: tilbage på offentlig forsørgelse betyder, at borgeren på dagen 3 (6) "
        "måneder efter afslutningen modtog en af ydelserne i resultatmålet (dagpenge, "
        "sygedagpenge, kontanthjælp, uddannelseshjælp, overgangsydelse, revalidering, "
        "forrevalidering, ressourceforløb, jobafklaring eller ledighedsydelse). Jobcentrets "
        "registrering går forud for registerdata. Opfølgningsdata er opgjort pr. "
        f"{result.as_of:%d-%m-%Y}.</p>"
    )


def to_html_fragment(result: SteeringStatistics) -> str:
    """The statistics page body: summary, charts and tables (no <html> wrapper)."""
    summary = "".join(f"<p>{escape(line)}</p>" for line in summary_paragraphs(result.current))
    tables = "".join(table_html(t) for t in all_tables(result))
    return (
        f'<section class="steering-statistics"><h2>Resumé</h2>{summary}'
        f"<h2>Figurer</h2>{charts_html(result)}<h2>Tabeller</h2>{tables}</section>"
    )


def to_html_document(result: SteeringStatistics, title: str = "Styregrupperapport") -> str:
    """The full report: cover, summary, charts, tables and the method section."""
    cover = (
        f'<section class="cover"><h1>{escape(title)}</h1>'
        f"<p>Progression og effekt af beskæftigelsesforløb</p>"
        f"<p>Periode: {escape(period_text(result.current.period))}</p>"
        f"<p>{escape(filters_text(result.filters))}</p>"
        f"<p>Perspektiv: {escape(PERSPECTIVE_LABELS[result.perspective])}</p></section>"
    )
    return (
        f'<!DOCTYPE html><html lang="da"><head><meta charset="utf-8"><title>{escape(title)}'
        f"</title><style>{STYLE}</style></head><body>{cover}{to_html_fragment(result)}"
        f"{method_html(result)}</body></html>"
    )
