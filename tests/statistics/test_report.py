"""`effekt report steering`: the Excel file re-read and the PDF looked at as a person would."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from PIL import Image
from pypdf import PdfReader

from effekt.cli import main
from tests.statistics.folder import write_folder

BASE = ["--period", "2024Q1", "--as-of", "2024-07-15"]


def make_report(tmp_path: Path, name: str, *extra: str) -> Path:
    folder = write_folder(tmp_path / "data")
    out = tmp_path / name
    args = ["report", "steering", "--data", str(folder), *BASE, "--out", str(out), *extra]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    return out


def rows_of(sheet: object) -> dict[object, tuple[object, ...]]:
    return {row[0]: row for row in sheet.iter_rows(min_row=4, values_only=True)}  # type: ignore[attr-defined]


def test_the_excel_file_has_a_sheet_per_table_with_numbers_as_numbers(tmp_path: Path) -> None:
    workbook = load_workbook(make_report(tmp_path, "rapport.xlsx"))
    assert workbook.sheetnames == [
        "Oversigt",
        "Progression",
        "Effektopgørelse",
        "Opfølgning",
        "Metode",
    ]
    summary = rows_of(workbook["Oversigt"])
    share, numerator, denominator, not_measurable, previous, change = summary[
        "Progression (alle indikatorer)"
    ][1:]
    assert share == pytest.approx(3 / 9) and (numerator, denominator, not_measurable) == (3, 9, 2)
    assert previous == 1.0 and change == pytest.approx(100 * (3 / 9 - 1))
    assert workbook["Oversigt"]["B4"].number_format == "0.0%"
    assert summary["Nåede resultatmålet"][2:4] == (5, 9)
    effect = rows_of(workbook["Effektopgørelse"])
    assert effect["Afbrudt"][2:] == (2, pytest.approx(2 / 11), 2)
    assert effect["Øget mestringskompetence"][2] == 0
    progression = rows_of(workbook["Progression"])
    indicator = progression["1. Kendskab til arbejdsmarkedet"]
    assert indicator[4:10] == (2, 4, 2, 8, 2, 0)
    assert "Tærskel" in str(indicator[-1])
    follow_up = rows_of(workbook["Opfølgning"])
    assert follow_up[6][1:6] == (0.5, 1, 2, 0, 9)


@pytest.mark.slow
def test_the_pdf_report_reads_as_a_report(tmp_path: Path) -> None:
    pdf = make_report(tmp_path, "rapport.pdf", "--title", "Styregruppemøde Ærø")
    text = "\n".join(page.extract_text() or "" for page in PdfReader(pdf).pages)
    flat = " ".join(text.split())
    assert "Styregruppemøde Ærø" in flat
    assert "I perioden 2024Q1 (01-01-2024 – 31-03-2024) afsluttede 11 forløb." in flat
    assert "3 af 9 (33,3 %) havde progression" in flat
    assert "5 af 9 (55,6 %) nåede resultatmålet" in flat
    assert "Kendskab til arbejdsmarkedet" in flat
    assert "Metode" in flat and "Tærskel: progression ved ændring ≥ +0,50" in flat
    assert "Øget mestringskompetence" in flat
    subprocess.run(["pdftoppm", "-png", "-r", "40", str(pdf), str(tmp_path / "side")], check=True)
    pages = sorted(tmp_path.glob("side-*.png"))
    assert len(pages) >= 3
    for page in pages:
        assert np.asarray(Image.open(page).convert("L")).min() < 128, f"{page.name} is blank"
    chart = Image.open(pages[1]).convert("RGB")
    pixels = np.asarray(chart).astype(int)
    red, green, blue = pixels[..., 0], pixels[..., 1], pixels[..., 2]
    assert ((green > 100) & (red < 80) & (blue < 80)).any(), (
        "the progression bars' green is not on the chart page"
    )


def test_it_refuses_an_unknown_report_format(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "data")
    args = ["report", "steering", "--data", str(folder), *BASE, "--out", str(tmp_path / "r.docx")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2 and ".pdf eller .xlsx" in result.output
