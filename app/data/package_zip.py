"""The whole dataset as one zip: the CSVs, the descriptor, and a README with the data dictionary."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date

from .citations import DatasetCitation, text_citation
from .dataset import Dataset
from .export import to_csv

DOS_EPOCH = date(1980, 1, 1)  # the earliest date a zip can hold
QUOTES_NOTE = """The quotes in estimates.csv and events.csv are short extracts from the cited
publishers' reporting, included so that every figure can be checked; their
copyright stays with those publishers.
"""


def licence_text(cite: DatasetCitation) -> str:
    """LICENSE.txt: the licence the descriptor names (not a copy that could drift from it), and the quotes' status."""
    named = f"{cite.licence_title} ({cite.licence})" if cite.licence else "the terms in datapackage.json"
    return (
        f"The data in this package is licensed under {named}: {cite.licence_url}\n\n"
        'Give appropriate credit when you use it (see "How to cite" in README.md).\n\n' + QUOTES_NOTE
    )


def package_readme(dataset: Dataset, cite: DatasetCitation, site_url: str) -> str:
    """README.md for the zip: what the data is, every column and coded value, the licence, how to cite."""
    raw = dataset.descriptor.raw
    version, updated = dataset.version, dataset.descriptor.last_updated
    lines = [
        f"# {raw['title']}",
        "",
        str(raw["description"]),
        "",
        f"Version {version}, last updated {updated}. Published by {cite.author}: {site_url}/",
        "",
        "`datapackage.json` describes these files as a Frictionless Data Package; every check the",
        "publisher runs on them can be run again with `frictionless validate datapackage.json`.",
        "",
        "The CSV files are UTF-8 with a byte-order mark, so that spreadsheets read the text correctly.",
        "Text cells that would start with =, +, - or @ begin with an apostrophe, so that a spreadsheet",
        "never runs them as formulas.",
        "",
        "## Data dictionary",
    ]
    for resource in raw["resources"]:
        lines += ["", f"### {resource['path']}: {resource['title']}", "", str(resource["description"]), ""]
        lines += ["| Column | Type | Description |", "|---|---|---|"]
        for field in resource["schema"]["fields"]:
            required = " Required." if field.get("constraints", {}).get("required") else ""
            lines.append(f"| `{field['name']}` | {field['type']} | {field['description']}{required} |")
        for field in resource["schema"]["fields"]:
            if "categories" in field:
                lines += ["", f"Values of `{field['name']}`:", ""]
                for category in field["categories"]:
                    unit = f" Unit: {category['unit']}." if category.get("unit") else ""
                    lines.append(f"- `{category['value']}` ({category['label']}): {category['description']}{unit}")
    lines += [
        "",
        "## Licence",
        "",
        f"{cite.licence_title or 'See datapackage.json'} for the data; the quotes remain their publishers'. "
        "See LICENSE.txt.",
        "",
        "## How to cite",
        "",
        f"{text_citation(cite)} Add the date you accessed it.",
        "",
        "Cite the publishers in sources.csv too when you use a particular figure.",
        "",
    ]
    return "\n".join(lines)


def build_zip(dataset: Dataset, cite: DatasetCitation, site_url: str, day: date | None = None) -> bytes:
    """Every table, the descriptor, a README and the licence; ``cite`` is the one citation the site gives.

    Every file is dated ``day`` (the release's), not the moment of building: the same release always
    makes the same bytes, so a checksum a reader noted still matches next year.
    """
    stamp = (day or DOS_EPOCH).timetuple()[:6]

    def entry(name: str) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name, date_time=stamp)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16  # rw-r--r--, whoever unzips it
        return info

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for resource in dataset.descriptor.raw["resources"]:
            archive.writestr(entry(resource["path"]), to_csv(dataset.tables[resource["name"]]))
        descriptor = json.dumps(dataset.descriptor.raw, indent=2, ensure_ascii=False) + "\n"
        archive.writestr(entry("datapackage.json"), descriptor)
        archive.writestr(entry("README.md"), package_readme(dataset, cite, site_url))
        archive.writestr(entry("LICENSE.txt"), licence_text(cite))
    return buffer.getvalue()
