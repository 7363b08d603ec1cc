"""Parsing referral CSV files (pure)."""

from __future__ import annotations

import datetime as dt

from effekt.progression.rules.referral_csv import RowError, Vocabulary, parse_referrals

VOCABULARY = Vocabulary(
    distances={"taet_paa": "Tæt på arbejdsmarkedet", "langt_fra": "Langt fra arbejdsmarkedet"},
    target_groups={"dagpenge": "Dagpengemodtager"},
    ending_categories={"ordinaert_job": "Ordinært job", "uddannelse": "Uddannelse"},
)
HEADER = "cpr;navn;leverandoer;forloebstype;afstand;maalgruppe;resultatmaal;startdato;min_plan"


def test_it_reads_codes_labels_and_danish_dates() -> None:
    text = (
        HEADER + "\n"
        "010190-1234;Birgit;Jobvejen ApS;mentor;Tæt på arbejdsmarkedet;dagpenge;"
        "ordinaert_job|Uddannelse;07.09.2026;Ønsker job i detail\n"
    )
    rows, errors = parse_referrals(text, VOCABULARY)
    assert errors == []
    (row,) = rows
    assert row.line == 2
    assert row.cpr == "0101901234"
    assert row.distance == "taet_paa"
    assert row.result_goal == ("ordinaert_job", "uddannelse")
    assert row.start_date == dt.date(2026, 9, 7)
    assert row.min_plan == "Ønsker job i detail"


def test_it_accepts_commas_and_a_byte_order_mark() -> None:
    text = (
        "\ufeff" + HEADER.replace(";", ",") + "\n"
        '0101901234,Birgit,Jobvejen,mentor,taet_paa,dagpenge,"ordinaert_job,uddannelse",'
        "2026-09-07,\n"
    )
    rows, errors = parse_referrals(text, VOCABULARY)
    assert errors == []
    assert rows[0].result_goal == ("ordinaert_job", "uddannelse")


def test_it_names_the_line_and_column_of_every_error() -> None:
    text = (
        HEADER + "\n"
        "0101901234;Birgit;Jobvejen;mentor;taet_paa;dagpenge;ordinaert_job;2026-09-07;\n"
        "3213901234;;Jobvejen;mentor;midt_i;dagpenge;ordinaert_job;7/9 2026;\n"
        "0101901234;Bo;Jobvejen;mentor;taet_paa;dagpenge;bingo;2026-09-07;\n"
    )
    rows, errors = parse_referrals(text, VOCABULARY)
    assert [r.line for r in rows] == [2]
    assert [(e.line, e.column) for e in errors] == [
        (3, "navn"),
        (3, "cpr"),
        (3, "afstand"),
        (3, "startdato"),
        (4, "resultatmaal"),
    ]
    assert str(errors[2]) == "Linje 3, kolonne «afstand»: ukendt afstand 'midt_i'."


def test_it_counts_lines_of_quoted_multiline_fields() -> None:
    text = (
        HEADER + "\n"
        '0101901234;Birgit;Jobvejen;mentor;taet_paa;dagpenge;ordinaert_job;2026-09-07;"to\nlinjer"\n'
        "0101901234;Bo;Jobvejen;mentor;taet_paa;dagpenge;ordinaert_job;;\n"
    )
    _, errors = parse_referrals(text, VOCABULARY)
    assert errors == [RowError(4, "startdato", "skal udfyldes.")]


def test_it_refuses_a_header_with_missing_or_unknown_columns() -> None:
    _, errors = parse_referrals("cpr;navn;farve\n", VOCABULARY)
    columns = {e.column for e in errors}
    assert {"leverandoer", "startdato", "farve"} <= columns
    assert all(e.line == 1 for e in errors)
    assert "min_plan" not in columns


def test_it_refuses_rows_with_the_wrong_number_of_fields_and_empty_files() -> None:
    _, errors = parse_referrals(HEADER + "\n0101901234;Birgit\n", VOCABULARY)
    assert errors == [RowError(2, "", "har 2 felter, overskriften har 9.")]
    assert parse_referrals("", VOCABULARY)[1] == [RowError(1, "", "filen er tom.")]
    assert parse_referrals(HEADER + "\n", VOCABULARY)[1][0].message.startswith("filen indeholder")
