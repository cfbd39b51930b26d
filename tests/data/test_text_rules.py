"""Text that cannot carry links, scripts or invisible tricks: each bad cell names its file, line, column and rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..tiny_data import edit_cell
from .test_validate import messages

URL_RULE = "must be a web address starting http:// or https:// with a host name (no spaces)"


@pytest.mark.parametrize(
    "address",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(document.cookie)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "ftp://example.org/report.pdf",
        "//evil.example/path",
        "https://",
        "https://exa mple.org/",
        "example.org/report",
    ],
)
def test_source_address_must_be_a_web_link(tiny: Path, address: str) -> None:
    edit_cell(tiny / "sources.csv", 1, "url", address)
    assert f"{tiny}/sources.csv:2: url: {address!r}: {URL_RULE}" in messages(tiny)


@pytest.mark.parametrize("address", ["https://example.org/a?b=c#d", "HTTP://Example.org", "http://1.2.3.4:8080/x"])
def test_web_addresses_pass(tiny: Path, address: str) -> None:
    edit_cell(tiny / "sources.csv", 1, "url", address)
    assert messages(tiny) == []


@pytest.mark.parametrize(
    ("char", "name"),
    [
        ("\x00", "U+0000 a control character"),
        ("\x07", "U+0007 a control character"),
        ("\x1b", "U+001B a control character"),
        ("\x85", "U+0085 a control character"),
        ("\t", "U+0009 a control character"),
        ("\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE"),
        ("\u202a", "U+202A LEFT-TO-RIGHT EMBEDDING"),
        ("\u2066", "U+2066 LEFT-TO-RIGHT ISOLATE"),
        ("\u2069", "U+2069 POP DIRECTIONAL ISOLATE"),
        ("\u200b", "U+200B ZERO WIDTH SPACE"),
        ("\ufeff", "U+FEFF ZERO WIDTH NO-BREAK SPACE"),
        ("\U000e0041", "U+E0041 TAG LATIN CAPITAL LETTER A"),
    ],
)
@pytest.mark.parametrize(("file", "column"), [("countries.csv", "name"), ("estimates.csv", "quote")])
def test_invisible_and_control_characters_are_refused(tiny: Path, char: str, name: str, file: str, column: str) -> None:
    value = f"Rus{char}sia"
    edit_cell(tiny / file, 2, column, value)
    prefix = f"{tiny}/{file}:3: {column}: {value!r}: must not contain {name} (character 4): "
    assert [line for line in messages(tiny) if line.startswith(prefix)] != []


def test_bidi_rule_says_why(tiny: Path) -> None:
    edit_cell(tiny / "estimates.csv", 1, "claimant", "A ministry\u202e")
    assert messages(tiny) == [
        f"{tiny}/estimates.csv:2: claimant: 'A ministry\\u202e': must not contain U+202E RIGHT-TO-LEFT OVERRIDE "
        "(character 11): bidi controls reorder the text a reader sees; delete it or write what it stands for"
    ]


def test_scripts_that_need_joiners_still_pass(tiny: Path) -> None:
    """Zero-width (non-)joiners and direction marks are part of Persian, Indic and emoji spelling: allowed."""
    edit_cell(tiny / "estimates.csv", 1, "claimant", "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 \u200f")
    assert messages(tiny) == []


def test_line_break_allowed_in_a_quote_not_in_a_name(tiny: Path) -> None:
    edit_cell(tiny / "estimates.csv", 1, "quote", "About 30,000\nwork there.")  # physical lines 2-3
    edit_cell(tiny / "estimates.csv", 2, "claimant", "An\nexpert")  # starts on line 4
    assert messages(tiny) == [
        f"{tiny}/estimates.csv:4: claimant: 'An\\nexpert': must not contain a line break (character 3): only the "
        "prose columns (date_basis, description, notes, period_basis, published_basis, quote, quote_translation) "
        "may span lines"
    ]


def test_over_long_values_are_refused_and_shortened_in_the_message(tiny: Path) -> None:
    edit_cell(tiny / "estimates.csv", 1, "quote", "x" * 100_000)
    edit_cell(tiny / "sources.csv", 2, "publisher", "P" * 301)
    assert messages(tiny) == [
        f"{tiny}/estimates.csv:2: quote: {'x' * 80 + '… (100,000 characters)'!r}: "
        "must be at most 5,000 characters (it has 100,000)",
        f"{tiny}/sources.csv:3: publisher: {'P' * 80 + '… (301 characters)'!r}: "
        "must be at most 300 characters (it has 301)",
    ]


def test_longest_allowed_values_pass(tiny: Path) -> None:
    edit_cell(tiny / "estimates.csv", 1, "notes", "n" * 5_000)
    edit_cell(tiny / "sources.csv", 2, "publisher", "P" * 300)
    assert messages(tiny) == []


def test_extra_cell_does_not_hide_text_problems(tiny: Path) -> None:
    path = tiny / "countries.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2] + ",surplus"
    lines[1] = lines[1].replace("Worldwide,Worldwide", "World\u202ewide,Worldwide", 1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = messages(tiny)
    assert any(line.startswith(f"{tiny}/countries.csv:2: name: 'World\\u202ewide': must not contain") for line in found)
    assert any("extra cell" in line for line in found)
