"""Read the Data Package descriptor (``data/datapackage.json``): the contract for the CSVs."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..jsontypes import JSONObject

DESCRIPTOR_NAME = "datapackage.json"


@dataclass(frozen=True)
class Category:
    """One allowed value of a coded column, with its definition (Table Schema ``categories``)."""

    value: str
    label: str
    description: str
    unit: str = ""

    @classmethod
    def from_json(cls, item: JSONObject) -> Category:
        return cls(
            value=str(item["value"]),
            label=str(item.get("label", item["value"])),
            description=str(item.get("description", "")),
            unit=str(item.get("unit", "")),
        )


@dataclass(frozen=True)
class Licence:
    """One licence of the data (Data Package ``licenses``): its SPDX-style name, title and address."""

    name: str
    title: str = ""
    path: str = ""

    def __str__(self) -> str:
        named = f"{self.title} ({self.name})" if self.title and self.name else self.title or self.name
        return f"{named}, {self.path}" if self.path else named


@dataclass(frozen=True)
class Descriptor:
    raw: JSONObject

    @classmethod
    def read(cls, data_dir: Path) -> Descriptor:
        with (data_dir / DESCRIPTOR_NAME).open(encoding="utf-8") as handle:
            return cls(json.load(handle))

    @property
    def version(self) -> str:
        return str(self.raw.get("version", ""))

    @property
    def last_updated(self) -> str:
        return str(self.raw.get("last_updated", ""))

    @property
    def title(self) -> str:
        return str(self.raw.get("title", ""))

    @property
    def licences(self) -> list[Licence]:
        return [
            Licence(name=str(item.get("name", "")), title=str(item.get("title", "")), path=str(item.get("path", "")))
            for item in self.raw.get("licenses", [])
        ]

    def resource(self, name: str) -> JSONObject:
        for resource in self.raw["resources"]:
            if resource["name"] == name:
                return dict(resource)
        raise KeyError(f"No resource named '{name}' in {DESCRIPTOR_NAME}")

    def resource_names(self) -> list[str]:
        return [str(resource["name"]) for resource in self.raw["resources"]]

    def fields(self, resource: str) -> list[JSONObject]:
        return list(self.resource(resource)["schema"]["fields"])

    def field(self, resource: str, name: str) -> JSONObject:
        for field in self.fields(resource):
            if field["name"] == name:
                return dict(field)
        raise KeyError(f"No field '{name}' in resource '{resource}' of {DESCRIPTOR_NAME}")

    def categories(self, resource: str, field: str) -> list[Category]:
        return [Category.from_json(item) for item in self.field(resource, field).get("categories", [])]
