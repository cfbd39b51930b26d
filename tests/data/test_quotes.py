"""Every quote that cites an article file is found word for word in that file."""

from __future__ import annotations

import csv
import os
import subprocess
from pathlib import Path

import pytest

from app.data import Dataset
from app.data.quotes import normalise, quote_in_text

from ..tiny_data import REAL_DATA, ROOT


def articles_dir() -> Path:
    """Where the five article files are: NKW_ARTICLES_DIR, else ``shared/sources`` beside the checkout.

    A clone made from a local checkout (``git clone /work/main /tmp/x``, as a clean-clone CI run does)
    looks beside the checkout it came from too, since the articles are not part of the repository.
    """
    if "NKW_ARTICLES_DIR" in os.environ:
        return Path(os.environ["NKW_ARTICLES_DIR"])
    candidates = [ROOT.parent / "shared" / "sources"]
    origin = subprocess.run(
        ["git", "-C", str(ROOT), "remote", "get-url", "origin"], capture_output=True, text=True, check=False
    ).stdout.strip()
    if origin and Path(origin).is_dir():
        candidates.append(Path(origin).resolve().parent / "shared" / "sources")
    return next((path for path in candidates if path.is_dir()), candidates[0])


ARTICLES = articles_dir()


def article_quotes() -> list[tuple[str, str, str]]:
    """(row id, article file, quote) for every estimate and event whose source is an article file."""
    with (REAL_DATA / "sources.csv").open(encoding="utf-8") as handle:
        files = {row["id"]: row["file"] for row in csv.DictReader(handle) if row["file"]}
    cited = []
    for table in ("estimates", "events"):
        with (REAL_DATA / f"{table}.csv").open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                if row["source_id"] in files:
                    cited.append((f"{table}:{row['id']}", files[row["source_id"]], row["quote"]))
    return cited


@pytest.fixture(scope="module")
def articles() -> Path:
    if not ARTICLES.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"The article files are missing: expected them in {ARTICLES}")
        pytest.skip(f"article files not found in {ARTICLES} (set NKW_ARTICLES_DIR)")
    return ARTICLES


def test_articles_are_cited() -> None:
    # Every one of the five articles the dataset starts from is cited by some row.
    assert len({file for _row, file, _quote in article_quotes()}) == 5


def test_every_quote_is_in_its_article(articles: Path) -> None:
    """Every row that cites an article file, in one test that lists every quote not found."""
    failures = []
    for row, file, quote in article_quotes():
        text = (articles / file).read_text(encoding="utf-8")
        if not quote_in_text(quote, text):
            failures.append(f"{row}: quote not found in {file}: {quote!r}")
    assert failures == [], "\n".join(failures)


def test_every_estimate_and_event_has_a_quote(real_dataset: Dataset) -> None:
    assert (real_dataset.estimates["quote"].str.strip() != "").all()
    assert (real_dataset.events["quote"].str.strip() != "").all()


def test_normalise_folds_typography_not_wording() -> None:
    assert normalise("the country\u2019s  \u201cslave-like\u201d\nlabour") == 'the country\'s "slave-like" labour'
    assert normalise("About 2,500 [North Korean](#) labourers were owed \\$10 million") == (
        "About 2,500 North Korean labourers were owed $10 million"
    )


def test_changed_wording_is_not_found() -> None:
    text = "Russia has repatriated 18,533 North Korean workers, though 11,490 still remain."
    assert quote_in_text("repatriated 18,533 North Korean workers", text)
    assert not quote_in_text("repatriated 18,553 North Korean workers", text)
    assert not quote_in_text("   ", text)
