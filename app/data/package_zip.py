"""The whole dataset as one zip: the CSVs, the descriptor, and a README with the data dictionary."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date

from .dataset import Dataset
from .export import to_csv

LICENCE = """The data in this package is licensed under the Creative Commons Attribution 4.0
International licence (CC BY 4.0): https://creativecommons.org/licenses/by/4.0/

You may share and adapt it for any purpose, provided you give appropriate credit
(see "How to cite" in README.md) and indicate if changes were made.

The quotes in estimates.csv and events.csv are short extracts from the cited
publishers' reporting, included so that every figure can be checked; their
copyright stays with those publishers.
"""


def package_readme(dataset: Dataset, site_name: str, site_url: str) -> str:
    """README.md for the zip: what the data is, every column and coded value, the licence, how to cite."""
    raw = dataset.descriptor.raw
    version, updated = dataset.version, dataset.descriptor.last_updated
    lines = [
        f"# {raw['title']}",
        "",
        str(raw["description"]),
        "",
        f"Version {version}, last updated {updated}. Published by {site_name}: {site_url}/",
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
    year = date.today().year
    lines += [
        "",
        "## Licence",
        "",
        "CC BY 4.0 for the data; the quotes remain their publishers'. See LICENSE.txt.",
        "",
        "## How to cite",
        "",
        f"Short: Source: {site_name} dataset v{version}; {site_url}/ (accessed DAY MONTH YEAR).",
        "",
        f"Full: {site_name} ({year}). {raw['title']} [dataset, version {version}]. {site_url}/. "
        "Accessed DAY MONTH YEAR. Compiled from the reporting listed in sources.csv.",
        "",
        "Cite the publishers in sources.csv too when you use a particular figure.",
        "",
    ]
    return "\n".join(lines)


def build_zip(dataset: Dataset, site_name: str, site_url: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for resource in dataset.descriptor.raw["resources"]:
            archive.writestr(resource["path"], to_csv(dataset.tables[resource["name"]]))
        archive.writestr("datapackage.json", json.dumps(dataset.descriptor.raw, indent=2, ensure_ascii=False) + "\n")
        archive.writestr("README.md", package_readme(dataset, site_name, site_url))
        archive.writestr("LICENSE.txt", LICENCE)
    return buffer.getvalue()
