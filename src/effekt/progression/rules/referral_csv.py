"""Parsing a CSV file of referrals. Pure: no Django import.

Columns (header row required, `;` or `,` as delimiter, UTF-8 with or without BOM):
cpr, navn, leverandoer, forloebstype, afstand, maalgruppe, resultatmaal, startdato, min_plan.
Every problem is reported with its line number and column; nothing is half-read.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Mapping
from dataclasses import dataclass

from effekt.core.cpr import InvalidCPR, normalise_cpr

COLUMNS: tuple[str, ...] = (
    "cpr",
    "navn",
    "leverandoer",
    "forloebstype",
    "afstand",
    "maalgruppe",
    "resultatmaal",
    "startdato",
    "min_plan",
)
OPTIONAL_COLUMNS = frozenset({"min_plan"})
DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d-%m-%Y")


@dataclass(frozen=True)
class RowError:
    """A problem in the file: line 1 is the header."""

    line: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"Linje {self.line}" + (f", kolonne «{self.column}»" if self.column else "")
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class ReferralRow:
    line: int
    cpr: str
    name: str
    supplier: str
    course_type: str
    distance: str
    target_group: str
    result_goal: tuple[str, ...]
    start_date: dt.date
    min_plan: str


@dataclass(frozen=True)
class Vocabulary:
    """Allowed codes, each with its Danish label (either is accepted in the file)."""

    distances: Mapping[str, str]
    target_groups: Mapping[str, str]
    ending_categories: Mapping[str, str]


def parse_date(text: str) -> dt.date | None:
    for pattern in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    return None


def _code(text: str, allowed: Mapping[str, str]) -> str | None:
    wanted = text.strip().casefold()
    for code, label in allowed.items():
        if wanted in (code.casefold(), label.casefold()):
            return code
    return None


def _header_errors(header: list[str]) -> list[RowError]:
    names = [h.strip().lower() for h in header]
    missing = [c for c in COLUMNS if c not in names and c not in OPTIONAL_COLUMNS]
    unknown = [h for h in names if h and h not in COLUMNS]
    errors = [RowError(1, c, "kolonnen mangler i overskriften.") for c in missing]
    errors += [RowError(1, h, "ukendt kolonne.") for h in unknown]
    return errors


def _row(line: int, raw: Mapping[str, str], vocabulary: Vocabulary) -> ReferralRow | list[RowError]:
    value = {k: (raw.get(k) or "").strip() for k in COLUMNS}
    errors: list[RowError] = []
    for column in COLUMNS:
        if column not in OPTIONAL_COLUMNS and not value[column]:
            errors.append(RowError(line, column, "skal udfyldes."))
    cpr = ""
    if value["cpr"]:
        try:
            cpr = normalise_cpr(value["cpr"])
        except InvalidCPR as error:
            errors.append(RowError(line, "cpr", str(error)))
    distance = _code(value["afstand"], vocabulary.distances)
    if value["afstand"] and distance is None:
        errors.append(RowError(line, "afstand", f"ukendt afstand {value['afstand']!r}."))
    target_group = _code(value["maalgruppe"], vocabulary.target_groups)
    if value["maalgruppe"] and target_group is None:
        errors.append(RowError(line, "maalgruppe", f"ukendt målgruppe {value['maalgruppe']!r}."))
    goals: list[str] = []
    for part in value["resultatmaal"].replace(",", "|").split("|"):
        if not part.strip():
            continue
        code = _code(part, vocabulary.ending_categories)
        if code is None:
            errors.append(RowError(line, "resultatmaal", f"ukendt kategori {part.strip()!r}."))
        elif code not in goals:
            goals.append(code)
    start = parse_date(value["startdato"]) if value["startdato"] else None
    if value["startdato"] and start is None:
        errors.append(
            RowError(line, "startdato", f"{value['startdato']!r} er ikke en dato (ÅÅÅÅ-MM-DD).")
        )
    if errors or start is None or distance is None or target_group is None:
        return errors
    return ReferralRow(
        line=line,
        cpr=cpr,
        name=value["navn"],
        supplier=value["leverandoer"],
        course_type=value["forloebstype"],
        distance=distance,
        target_group=target_group,
        result_goal=tuple(goals),
        start_date=start,
        min_plan=value["min_plan"],
    )


def parse_referrals(text: str, vocabulary: Vocabulary) -> tuple[list[ReferralRow], list[RowError]]:
    """The rows of the file and every error found; callers import only when errors is empty."""
    text = text.removeprefix("\ufeff")
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        return [], [RowError(1, "", "filen er tom.")]
    errors = _header_errors(header)
    if errors:
        return [], errors
    names = [h.strip().lower() for h in header]
    rows: list[ReferralRow] = []
    for cells in reader:
        line = reader.line_num
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(names):
            errors.append(
                RowError(line, "", f"har {len(cells)} felter, overskriften har {len(names)}.")
            )
            continue
        parsed = _row(line, dict(zip(names, cells, strict=True)), vocabulary)
        if isinstance(parsed, ReferralRow):
            rows.append(parsed)
        else:
            errors.extend(parsed)
    if not rows and not errors:
        errors.append(RowError(2, "", "filen indeholder ingen henvisninger."))
    return rows, errors
