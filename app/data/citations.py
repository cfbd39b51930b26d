"""How to cite the dataset, in the formats reference managers read: text, BibTeX, RIS and CITATION.cff.

Pure functions of one ``DatasetCitation``, which is read from the Data Package descriptor (title,
version, date, licence) and the settings (who publishes it, at which address), so every format
names the same release and none can drift from the data it cites.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date

from ..jsontypes import JSONObject
from .dictionary import licences

CFF_VERSION = "1.2.0"
CFF_MESSAGE = (
    "If you use this dataset or its charts, please cite it as below, and cite the publishers "
    "of the figures you use (listed in sources.csv)."
)
# BibTeX's special characters, escaped so that a title or a URL never breaks the entry.
BIBTEX_ESCAPES = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#"}
BIBTEX_ESCAPES |= {"_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


@dataclass(frozen=True)
class DatasetCitation:
    author: str  # the publisher of the dataset, an organisation
    title: str
    version: str
    released: date
    abstract: str
    licence: str  # SPDX identifier, e.g. 'CC-BY-4.0'
    licence_title: str
    licence_url: str
    keywords: tuple[str, ...]
    url: str  # the dataset's public address; '' when the site has none configured
    key: str  # the citation key: the dataset's name and version

    @classmethod
    def from_descriptor(cls, descriptor: JSONObject, *, publisher: str, url: str) -> DatasetCitation:
        found = licences(descriptor)
        name, version = str(descriptor.get("name", "dataset")), str(descriptor.get("version", ""))
        return cls(
            author=publisher,
            title=str(descriptor.get("title", name)),
            version=version,
            released=date.fromisoformat(str(descriptor["last_updated"])),
            abstract=str(descriptor.get("description", "")),
            licence=found[0].name if found else "",
            licence_title=found[0].title if found else "",
            licence_url=found[0].path if found else "",
            keywords=tuple(str(word) for word in descriptor.get("keywords", [])),
            url=url,
            key=re.sub(r"[^A-Za-z0-9]+", "_", f"{name} {version}"),
        )


def text_citation(cite: DatasetCitation, accessed: date | None = None) -> str:
    """An author-date reference for a bibliography."""
    parts = [f"{cite.author} ({cite.released.year}). {cite.title} [dataset, version {cite.version}]."]
    if cite.url:
        parts.append(f"{cite.url}.")
    if accessed is not None:
        parts.append(f"Accessed {accessed.day} {accessed:%B %Y}.")
    if cite.licence_title:
        parts.append(f"Licence: {cite.licence_title}.")
    return " ".join(parts)


def bibtex(cite: DatasetCitation) -> str:
    """A BibTeX @misc entry (classic BibTeX has no dataset type); the author in braces is an organisation."""
    fields = [
        ("author", f"{{{_bibtex_text(cite.author)}}}"),
        ("title", f"{{{_bibtex_text(cite.title)}}}"),
        ("year", str(cite.released.year)),
        ("version", _bibtex_text(cite.version)),
        ("publisher", _bibtex_text(cite.author)),
        ("howpublished", "Dataset"),
        ("url", cite.url),  # the url field is read verbatim (url package), so it is not escaped
        ("note", _bibtex_text(f"Licence: {cite.licence_title}" if cite.licence_title else "")),
        ("keywords", _bibtex_text(", ".join(cite.keywords))),
    ]
    lines = [f"  {name} = {{{value}}}," for name, value in fields if value]
    # The month as BibTeX's own macro (unbraced), so styles print it in their language and form.
    month = f"  month = {cite.released.strftime('%b').lower()},"
    return "\n".join([f"@misc{{{cite.key},", *lines[:3], month, *lines[3:], "}", ""])


def _bibtex_text(value: str) -> str:
    return "".join(BIBTEX_ESCAPES.get(character, character) for character in value)


def ris(cite: DatasetCitation) -> str:
    """An RIS record of type DATA; RIS lines end in CR LF and the record in 'ER  - '."""
    tags = [
        ("TY", "DATA"),
        ("AU", cite.author),
        ("TI", cite.title),
        ("PY", str(cite.released.year)),
        ("DA", cite.released.strftime("%Y/%m/%d")),
        ("ET", cite.version),
        ("PB", cite.author),
        ("UR", cite.url),
        ("AB", cite.abstract),
        *[("KW", word) for word in cite.keywords],
        ("N1", f"Licence: {cite.licence_title}" if cite.licence_title else ""),
    ]
    lines = [f"{tag}  - {_one_line(value)}" for tag, value in tags if value]
    return "\r\n".join([*lines, "ER  - ", ""])


def citation_cff(cite: DatasetCitation) -> str:
    """CITATION.cff (Citation File Format 1.2.0); every string is written JSON-quoted, which YAML reads as is."""
    lines = [
        f"cff-version: {CFF_VERSION}",
        f"message: {_quoted(CFF_MESSAGE)}",
        "type: dataset",
        f"title: {_quoted(cite.title)}",
        f"abstract: {_quoted(cite.abstract)}",
        "authors:",
        f"  - name: {_quoted(cite.author)}",
        f"version: {_quoted(cite.version)}",
        f"date-released: {_quoted(cite.released.isoformat())}",
    ]
    if cite.licence:
        lines.append(f"license: {_quoted(cite.licence)}")
    if cite.url:
        lines.append(f"url: {_quoted(cite.url)}")
    if cite.keywords:
        lines += ["keywords:", *[f"  - {_quoted(word)}" for word in cite.keywords]]
    return "\n".join([*lines, ""])


def _quoted(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _one_line(value: str) -> str:
    return " ".join(value.split())
