from pathlib import Path

import pytest

from effekt.monitoring.dream import DreamImportError, load_code_table


@pytest.mark.parametrize(
    ("code", "benefit", "offer"),
    [
        ("111", "dagpenge", None),
        ("152", "dagpenge", None),
        ("299", "dagpenge", None),
        ("130", "kontanthjaelp", None),
        ("131", "kontanthjaelp", "vejledning_opkvalificering"),
        ("134", "kontanthjaelp", None),  # ordinary education is not an offer
        ("135", "kontanthjaelp", "loentilskud"),
        ("738", "kontanthjaelp", "virksomhedspraktik"),
        ("739", "kontanthjaelp", "nytteindsats"),
        ("145", "uddannelseshjaelp", None),
        ("722", "uddannelseshjaelp", None),
        ("705", "overgangsydelse", None),
        ("748", "ledighedsydelse", None),
        ("750", "forrevalidering", None),
        ("768", "revalidering", None),
        ("771", "fleksjob", None),
        ("783", "foertidspension", None),
        ("785", "jobafklaring", None),
        ("818", "ressourceforloeb", None),
        ("881", "barsel", None),
        ("890", "sygedagpenge", None),
        ("899", "sygedagpenge", "delvis_raskmelding"),
        ("621", "efterloen", None),
        ("652", "su", None),
        ("999", None, None),  # dead: end of observation
    ],
)
def test_the_builtin_table_follows_the_code_groups_of_the_spec(
    code: str, benefit: str | None, offer: str | None
) -> None:
    entry = load_code_table()[code]
    assert (entry.benefit, entry.offer) == (benefit, offer)


def test_codes_outside_the_listed_groups_are_not_in_the_table() -> None:
    table = load_code_table()
    for unknown in ("110", "114", "150", "153", "749", "769", "770", "784", "819", "900"):
        assert unknown not in table
    assert len(table) == 137


def test_it_refuses_a_code_table_with_an_unknown_benefit(tmp_path: Path) -> None:
    path = tmp_path / "codes.csv"
    path.write_text("code,benefit,offer,note\n130,kontanthjaelp,,\n131,bistand,,\n")
    with pytest.raises(DreamImportError) as caught:
        load_code_table(path)
    assert (caught.value.line, caught.value.column) == (3, "benefit")
    assert "codes.csv, line 3, column benefit: unknown benefit 'bistand'" in str(caught.value)


def test_it_refuses_a_code_table_that_lists_a_code_twice(tmp_path: Path) -> None:
    path = tmp_path / "codes.csv"
    path.write_text("code,benefit,offer\n130,kontanthjaelp,\n130,dagpenge,\n")
    with pytest.raises(DreamImportError, match="line 3, column code: code 130 appears twice"):
        load_code_table(path)


def test_the_importer_is_pure_python_without_django() -> None:
    import subprocess
    import sys

    code = "import sys, effekt.monitoring.dream; assert 'django' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)
