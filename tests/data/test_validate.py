"""Each kind of bad row gives its exact message, on the right line, all of them at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.data.validate import validate_data_dir

from ..tiny_data import REAL_DATA, edit_cell


def messages(data_dir: Path) -> list[str]:
    return [str(problem) for problem in validate_data_dir(data_dir)]


def test_bundled_data_is_valid() -> None:
    assert messages(REAL_DATA) == []


def test_tiny_fixture_is_valid(tiny: Path) -> None:
    assert messages(tiny) == []


@pytest.mark.parametrize(
    ("file", "row", "column", "value", "rule"),
    [
        pytest.param("estimates.csv", 2, "claimant", "", "required", id="missing-field"),
        pytest.param(
            "estimates.csv", 1, "period_end", "2018-02-30", "must be a date written YYYY-MM-DD", id="bad-date"
        ),
        pytest.param(
            "estimates.csv",
            3,
            "indicator",
            "workers_total",
            "must be one of: workers_abroad, workers_sent, workers_repatriated, workers_planned, workers_in_incident, "
            "repatriated_percent, repatriated_share_of_world, work_permits, visas_issued, border_entries, worksites, "
            "revenue_per_year, revenue_total, revenue_multiple, wage_per_month, wage_share_to_state, wage_multiple, "
            "wage_arrears",
            id="unknown-indicator",
        ),
        pytest.param("estimates.csv", 1, "country", "RUX", "not found in column iso3 of countries.csv", id="country"),
        pytest.param("estimates.csv", 3, "source_id", "s-nine", "not found in column id of sources.csv", id="dangling"),
        pytest.param("estimates.csv", 2, "value_high", "five", "must be a number", id="wrong-type"),
        pytest.param("estimates.csv", 2, "value_low", "-5", "must be at least 0", id="negative"),
        pytest.param(
            "estimates.csv",
            2,
            "qualifier",
            "roughly",
            "must be one of: exact, about, at_least, more_than, up_to, range",
            id="unknown-qualifier",
        ),
        pytest.param("estimates.csv", 1, "id", "E1", "must match the pattern ^e[0-9]{4,}$", id="bad-id"),
        pytest.param(
            "estimates.csv",
            1,
            "verification",
            "trust me",
            "must be one of: publisher_page, republished_copy, secondary_summary",
            id="unknown-verification",
        ),
        pytest.param("estimates.csv", 1, "verification", "", "required", id="missing-verification"),
        pytest.param(
            "estimates.csv", 1, "quote_language", "Korean", "must match the pattern ^[a-z]{2}$", id="bad-language"
        ),
        pytest.param(
            "estimates.csv", 1, "repeats", "e0099", "not found in column id of estimates.csv", id="dangling-chain"
        ),
        pytest.param("countries.csv", 2, "kind", "nation", "must be one of: country, region, world", id="bad-kind"),
        pytest.param(
            "events.csv", 1, "country", "ZZZ", "not found in column iso3 of countries.csv", id="event-country"
        ),
        pytest.param("events.csv", 1, "date_start", "22/12/2019", "must be a date written YYYY-MM-DD", id="event-date"),
        pytest.param("sources.csv", 2, "published", "Feb 2018", "must be a date written YYYY-MM-DD", id="source-date"),
        pytest.param(
            "countries.csv",
            2,
            "group",
            "Siberia",
            "must be one of: Worldwide, Regions, East Asia, Southeast Asia, South Asia, Russia and Central Asia, "
            "Europe, Middle East and North Africa, Sub-Saharan Africa, Americas, Oceania",
            id="country-group",
        ),
    ],
)
def test_bad_cell_gives_exact_message(tiny: Path, file: str, row: int, column: str, value: str, rule: str) -> None:
    edit_cell(tiny / file, row, column, value)
    assert messages(tiny) == [f"{tiny / file}:{row + 1}: {column}: {value!r}: {rule}"]


def test_low_above_high(tiny: Path) -> None:
    edit_cell(tiny / "estimates.csv", 2, "value_low", "600000000")
    assert messages(tiny) == [
        f"{tiny}/estimates.csv:3: value_low: '600000000': must not be above value_high (500000000)"
    ]


@pytest.mark.parametrize("digits", ["\u0661\u0662\u0663", "\uff11\uff12\uff13"])
def test_figures_are_written_in_ascii_digits(tiny: Path, digits: str) -> None:
    """Python and frictionless read Arabic-Indic or fullwidth digits as numbers; pandas does not, and crashed."""
    edit_cell(tiny / "estimates.csv", 1, "value_low", digits)
    edit_cell(tiny / "estimates.csv", 1, "value_high", digits)
    rule = "must be a number written with the digits 0-9 and a decimal point, such as 1500 or 2.5"
    assert messages(tiny) == [
        f"{tiny}/estimates.csv:2: value_low: {digits!r}: {rule}",
        f"{tiny}/estimates.csv:2: value_high: {digits!r}: {rule}",
    ]


def test_duplicate_id_names_the_first_line(tiny: Path) -> None:
    edit_cell(tiny / "estimates.csv", 3, "id", "e0001")
    assert messages(tiny) == [f"{tiny}/estimates.csv:4: id: 'e0001': duplicate id; first used on line 2"]


def test_single_figure_must_have_equal_ends(tiny: Path) -> None:
    edit_cell(tiny / "estimates.csv", 1, "value_high", "31000")
    assert messages(tiny) == [
        f"{tiny}/estimates.csv:2: value_high: '31000': must equal value_low (30000) when qualifier is 'about'"
    ]


def test_range_must_have_distinct_ends(tiny: Path) -> None:
    edit_cell(tiny / "estimates.csv", 2, "value_low", "500000000")
    assert messages(tiny) == [
        f"{tiny}/estimates.csv:3: value_high: '500000000': must be above value_low when qualifier is 'range'"
    ]


@pytest.mark.parametrize(
    ("precision", "start", "end", "expected"),
    [
        ("month", "2018-12-02", "2018-12-31", "period_start: '2018-12-02': must be the first day of a month"),
        ("month", "2018-12-01", "2018-12-30", "period_end: '2018-12-30': must be the last day of a month"),
        ("quarter", "2018-02-01", "2018-03-31", "period_start: '2018-02-01': must be the first day of a quarter"),
        ("year", "2017-01-01", "2018-12-31", "period_end: '2018-12-31': must be in the same year as period_start"),
        (
            "multi-year",
            "2018-01-01",
            "2018-12-31",
            "period_end: '2018-12-31': must be in a later year than period_start",
        ),
        ("year", "2018-02-01", "2018-12-31", "period_start: '2018-02-01': must be 1 January"),
    ],
)
def test_period_must_match_precision(tiny: Path, precision: str, start: str, end: str, expected: str) -> None:
    path = tiny / "estimates.csv"
    edit_cell(path, 1, "period_precision", precision)
    edit_cell(path, 1, "period_start", start)
    edit_cell(path, 1, "period_end", end)
    assert messages(tiny) == [f"{path}:2: {expected} with period_precision '{precision}'"]


def test_unknown_period_must_have_no_dates(tiny: Path) -> None:
    edit_cell(tiny / "estimates.csv", 2, "period_start", "2018-01-01")
    assert messages(tiny) == [
        f"{tiny}/estimates.csv:3: period_start: '2018-01-01': must be empty when period_precision is 'unknown'"
    ]


def test_known_period_needs_both_dates(tiny: Path) -> None:
    edit_cell(tiny / "estimates.csv", 1, "period_end", "")
    assert messages(tiny) == [f"{tiny}/estimates.csv:2: period_end: '': required unless period_precision is 'unknown'"]


def test_end_before_start(tiny: Path) -> None:
    edit_cell(tiny / "events.csv", 1, "date_end", "2019-12-01")
    assert messages(tiny) == [
        f"{tiny}/events.csv:2: date_end: '2019-12-01': must not be before date_start (2019-12-22)"
    ]


def test_source_needs_an_address_or_a_file(tiny: Path) -> None:
    edit_cell(tiny / "sources.csv", 1, "url", "")
    assert messages(tiny) == [
        f"{tiny}/sources.csv:2: url: '': required when file is empty: a source needs an address or an article file"
    ]


def test_every_problem_is_reported_at_once_in_file_order(tiny: Path) -> None:
    edit_cell(tiny / "events.csv", 1, "source_id", "gone")
    edit_cell(tiny / "estimates.csv", 3, "value_low", "x")
    edit_cell(tiny / "estimates.csv", 1, "indicator", "")
    assert messages(tiny) == [
        f"{tiny}/estimates.csv:2: indicator: '': required",
        f"{tiny}/estimates.csv:4: value_low: 'x': must be a number",
        f"{tiny}/events.csv:2: source_id: 'gone': not found in column id of sources.csv",
    ]


def test_line_numbers_count_cells_that_span_lines(tiny: Path) -> None:
    edit_cell(tiny / "estimates.csv", 1, "notes", "first line\nsecond line\nthird line")
    edit_cell(tiny / "estimates.csv", 2, "country", "XXX")
    # Row 2 starts on line 5: the header, then row 1 over lines 2-4.
    assert messages(tiny) == [f"{tiny}/estimates.csv:5: country: 'XXX': not found in column iso3 of countries.csv"]


def test_renamed_column_is_reported_on_the_header_line(tiny: Path) -> None:
    path = tiny / "estimates.csv"
    text = path.read_text(encoding="utf-8").replace("claimant", "claimed_by", 1)
    path.write_text(text, encoding="utf-8")
    problems = messages(tiny)
    assert problems[0] == f"{path}:1: column 14: 'claimed_by': header must be 'claimant'"


def test_missing_file_is_reported(tiny: Path) -> None:
    (tiny / "events.csv").unlink()
    problems = messages(tiny)
    assert len(problems) == 1
    assert problems[0].startswith(f"{tiny}/events.csv:0: (file): '': ")


def test_missing_descriptor_is_reported(tmp_path: Path) -> None:
    assert messages(tmp_path) == [f"{tmp_path}/datapackage.json:0: (file): '': file not found"]


def test_unchanged_data_is_not_validated_twice_but_changed_data_is(tiny: Path, tmp_path: Path) -> None:
    from app.data import DataValidationError, load_dataset
    from app.data.stamp import is_stamped

    cache = tmp_path / "cache"
    assert not is_stamped(cache, tiny)
    load_dataset(tiny, cache)
    assert is_stamped(cache, tiny)
    edit_cell(tiny / "estimates.csv", 1, "country", "XXX")
    assert not is_stamped(cache, tiny)
    with pytest.raises(DataValidationError, match="country: 'XXX'"):
        load_dataset(tiny, cache)


# Rules across rows: a claim against its source's date, a claim against the claim it repeats.
# Tiny data: e0001 and e0003 come from s-one (23 Dec 2019, day); e0002 from s-two (Feb 2018, month).


def test_period_may_not_start_after_publication(tiny: Path) -> None:
    path = tiny / "estimates.csv"
    edit_cell(path, 1, "period_start", "2020-01-01")
    edit_cell(path, 1, "period_end", "2020-01-31")
    assert messages(tiny) == [
        f"{path}:2: period_start: '2020-01-01': must not be after the source's publication date (2019-12-23): "
        "a claim cannot describe a time that begins after it was published"
    ]


def test_period_end_after_publication_needs_a_basis(tiny: Path) -> None:
    path = tiny / "estimates.csv"
    edit_cell(path, 1, "period_start", "2019-12-01")
    edit_cell(path, 1, "period_end", "2019-12-31")
    assert messages(tiny) == [
        f"{path}:2: period_end: '2019-12-31': is after the source's publication date (2019-12-23): "
        "say in period_basis why the period runs past it (a report's cut-off, 'this month'), or end it there"
    ]
    edit_cell(path, 1, "period_basis", "'this month' in a 23 December 2019 article")
    assert messages(tiny) == []


def test_publication_month_covers_the_whole_month(tiny: Path) -> None:
    # s-two is dated February 2018 at month precision: a period in that month is not after it.
    path = tiny / "estimates.csv"
    edit_cell(path, 2, "period_precision", "month")
    edit_cell(path, 2, "period_start", "2018-02-01")
    edit_cell(path, 2, "period_end", "2018-02-28")
    assert messages(tiny) == []
    edit_cell(path, 2, "period_start", "2018-03-01")
    edit_cell(path, 2, "period_end", "2018-03-31")
    assert messages(tiny) == [
        f"{path}:3: period_start: '2018-03-01': must not be after the source's publication date "
        "(2018-02-01, month precision): a claim cannot describe a time that begins after it was published"
    ]


def test_chain_may_not_point_at_itself(tiny: Path) -> None:
    edit_cell(tiny / "estimates.csv", 1, "repeats", "e0001")
    assert messages(tiny) == [
        f"{tiny}/estimates.csv:2: repeats: 'e0001': must not be the row's own id: a claim cannot repeat itself"
    ]


def test_chain_may_not_point_at_a_later_claim(tiny: Path) -> None:
    edit_cell(tiny / "estimates.csv", 2, "repeats", "e0001")
    assert messages(tiny) == [
        f"{tiny}/estimates.csv:3: repeats: 'e0001': must name an earlier claim: e0001 was published 2019-12-23, "
        "after this claim (2018-02-01, month precision)"
    ]


def test_chain_to_an_earlier_claim_is_valid(tiny: Path) -> None:
    edit_cell(tiny / "estimates.csv", 1, "repeats", "e0002")
    assert messages(tiny) == []


def test_chain_may_not_form_a_loop(tiny: Path) -> None:
    path = tiny / "estimates.csv"
    edit_cell(path, 1, "repeats", "e0003")
    edit_cell(path, 3, "repeats", "e0001")
    assert messages(tiny) == [
        f"{path}:2: repeats: 'e0003': must not form a loop: e0001 -> e0003 -> e0001",
        f"{path}:4: repeats: 'e0001': must not form a loop: e0003 -> e0001 -> e0003",
    ]


def test_quote_not_in_english_needs_a_translation(tiny: Path) -> None:
    path = tiny / "estimates.csv"
    edit_cell(path, 1, "quote_language", "ko")
    assert messages(tiny) == [f"{path}:2: quote_translation: '': required when quote_language is not 'en' ('ko')"]
    edit_cell(path, 1, "quote_translation", "About 30,000 work there.")
    assert messages(tiny) == []


def test_english_quote_has_no_translation(tiny: Path) -> None:
    path = tiny / "estimates.csv"
    edit_cell(path, 1, "quote_translation", "About 30,000 work there.")
    assert messages(tiny) == [
        f"{path}:2: quote_translation: 'About 30,000 work there.': must be empty when quote_language is 'en'"
    ]


def test_worldwide_and_regions_keep_their_own_groups(tiny: Path) -> None:
    path = tiny / "countries.csv"
    edit_cell(path, 1, "group", "Europe")
    edit_cell(path, 2, "group", "Regions")
    assert messages(tiny) == [
        f"{path}:2: group: 'Europe': must be 'Worldwide' when kind is 'world'",
        f"{path}:3: group: 'Regions': must be a region of the world when kind is 'country'",
    ]
