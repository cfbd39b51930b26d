"""Rules for every text cell: no invisible or control characters, a sane length, web addresses that are links.

Every name, label and quote ends up in pages, chart legends, hover labels, image titles and downloads.
Characters a reader cannot see (controls, bidi overrides and isolates that reorder what is shown,
zero-width and tag characters) make a cell say something other than what it looks like; a cell of
100 KB is a mistake or an attack, never a claim. A source address is a link on every claim's page: only
``http`` and ``https`` are links; ``javascript:``, ``data:`` and ``vbscript:`` are scripts.

Line breaks are allowed only in prose columns (quotes, translations, notes, descriptions, the reasons
for a date): a publisher's words may span paragraphs, and the quote check already ignores runs of white
space. Names, labels, ids and addresses are one line: they are drawn in legends, titles and file names.

The checks run column by column on whole pandas columns, not row by row: at 50 MB of data a Python
loop over every cell of every row dominated the validation time.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from .csvfile import line_numbers
from .descriptor import Descriptor
from .problems import Problem

PROSE_COLUMNS = frozenset(
    {"quote", "quote_translation", "notes", "description", "period_basis", "date_basis", "published_basis"}
)
PROSE_MAX_CHARS = 5_000  # the longest real note is about 650 characters
URL_MAX_CHARS = 2_000  # the longest address browsers and CDNs all accept
LINE_MAX_CHARS = 300  # names, labels, titles, claimants: the longest real one is about 210 characters
URL_COLUMNS = frozenset({"url"})

_C0_C1 = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\t"  # every control but the line breaks, which are handled apart
_BIDI = "\u202a-\u202e\u2066-\u2069"  # embeddings, overrides and isolates: they reorder the text shown
# Invisible format characters: zero-width space, word joiner and invisible operators, a byte-order mark
# inside a cell, the soft hyphen (it splits a word a search would find), Unicode line and paragraph
# separators, interlinear annotation marks, noncharacters and the tag characters (invisible text).
_INVISIBLE = "\u00ad\u180e\u200b\u2028\u2029\u2060-\u2064\ufeff\ufff9-\ufffb\ufffe\uffff\U000e0000-\U000e007f"
FORBIDDEN = re.compile(f"[{_C0_C1}{_BIDI}{_INVISIBLE}]")
LINE_BREAK = re.compile(r"\r\n|\n|\r")
LONE_CR = re.compile(r"\r(?!\n)")
WEB_ADDRESS = re.compile(r"https?://[^\s/?#@\\]+(?:[/?#]\S*)?", re.IGNORECASE)


def check_text(data_dir: Path, descriptor: Descriptor, read: Callable[[Path], pd.DataFrame]) -> list[Problem]:
    problems: list[Problem] = []
    for name in descriptor.resource_names():
        path = data_dir / str(descriptor.resource(name)["path"])
        if not path.is_file():
            continue  # frictionless reports the missing file
        text_fields = [
            str(field["name"]) for field in descriptor.fields(name) if field.get("type", "string") == "string"
        ]
        frame = read(path)
        clean = _plain_lines(path, len(frame))
        findings = [
            finding
            for column in text_fields
            if column in frame.columns
            for finding in _column_findings(column, frame[column], clean)
        ]
        if findings:
            lines = line_numbers(path)
            display = str(data_dir / path.name)
            problems.extend(
                Problem(display, _line(lines, position), column, _shorten(value), rule)
                for position, column, value, rule in findings
            )
    return problems


Finding = tuple[int, str, str, str]  # row position (0-based, after the header), column, value, rule


def _plain_lines(path: Path, records: int) -> bool:
    """True when no cell of the file can hold a forbidden character or a line break: one scan of the whole text
    (a line per record, no carriage return, nothing forbidden) instead of a regular expression per cell."""
    newlines = 0
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), ""):  # in pieces: a 50 MB file is 100 MB+ as one str
            if "\r" in chunk or FORBIDDEN.search(chunk):
                return False
            newlines += chunk.count("\n")
    return newlines <= records + 1


def _column_findings(column: str, cells: pd.Series, clean: bool) -> list[Finding]:
    findings: list[Finding] = []
    prose = column in PROSE_COLUMNS
    limit = PROSE_MAX_CHARS if prose else URL_MAX_CHARS if column in URL_COLUMNS else LINE_MAX_CHARS
    flagged = cells.str.len() > limit
    if not clean:
        flagged |= cells.str.contains(FORBIDDEN) | cells.str.contains(LONE_CR if prose else LINE_BREAK)
    for position in cells.index[flagged]:
        value = str(cells[position])
        findings.extend((int(position), column, value, rule) for rule in _cell_rules(value, prose, limit))
    if column in URL_COLUMNS:
        not_web = (cells != "") & ~cells.str.fullmatch(WEB_ADDRESS)
        findings.extend((int(position), column, str(cells[position]), _url_rule()) for position in cells.index[not_web])
    return findings


def _cell_rules(value: str, prose: bool, limit: int) -> list[str]:
    rules: list[str] = []
    found = FORBIDDEN.search(value)
    if found:
        char = found.group()
        rules.append(
            f"must not contain {_describe(char)} (character {found.start() + 1}): "
            f"{_why(char)}; delete it or write what it stands for"
        )
    line_break = (LONE_CR if prose else LINE_BREAK).search(value)
    if line_break:
        rules.append(
            f"must not contain a line break (character {line_break.start() + 1}): only the prose columns "
            f"({', '.join(sorted(PROSE_COLUMNS))}) may span lines"
            if not prose
            else f"must not contain a carriage return on its own (character {line_break.start() + 1}): "
            "write line breaks as LF or CRLF"
        )
    if len(value) > limit:
        rules.append(f"must be at most {limit:,} characters (it has {len(value):,})")
    return rules


def _describe(char: str) -> str:
    return f"U+{ord(char):04X} {unicodedata.name(char, 'a control character')}"


def _why(char: str) -> str:
    if "\u202a" <= char <= "\u202e" or "\u2066" <= char <= "\u2069":
        return "bidi controls reorder the text a reader sees"
    if unicodedata.category(char) == "Cc":
        return "control characters are invisible and break pages, CSV readers and terminals"
    return "invisible characters make the text differ from what it looks like"


def _url_rule() -> str:
    return "must be a web address starting http:// or https:// with a host name (no spaces)"


def _shorten(value: str, keep: int = 80) -> str:
    return value if len(value) <= keep else f"{value[:keep]}… ({len(value):,} characters)"


def _line(lines: list[int], position: int) -> int:
    record = position + 1  # the header is record 0
    return lines[record] if record < len(lines) else record + 1
