"""The data dictionary as typed objects, read from the Data Package descriptor, for the /data page.

The descriptor is the contract the CSVs are validated against, so the page that documents the
columns is generated from it and can never describe a column the files do not have.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..jsontypes import JSONObject
from .descriptor import Category


@dataclass(frozen=True)
class Licence:
    name: str  # an SPDX identifier such as 'CC-BY-4.0'
    title: str
    path: str  # the licence text's address


@dataclass(frozen=True)
class FieldDoc:
    """One column: its name, type, meaning, the rules a value must follow, and its coded values."""

    name: str
    title: str
    type: str
    description: str
    required: bool
    unique: bool
    enum: tuple[str, ...]
    categories: tuple[Category, ...]
    rules: tuple[str, ...]  # the other constraints, in words: pattern, bounds, length, references
    anchor: str  # the element id of this field on the page

    @property
    def has_units(self) -> bool:
        return any(category.unit for category in self.categories)


@dataclass(frozen=True)
class ResourceDoc:
    """One table: its file, what a row is, and its columns in file order."""

    name: str  # as in /data/{name}.csv
    path: str  # the file's name in the zip and in data/
    title: str
    description: str
    primary_key: tuple[str, ...]  # the columns that identify a row
    fields: tuple[FieldDoc, ...]


def licences(descriptor: JSONObject) -> list[Licence]:
    return [
        Licence(name=str(item.get("name", "")), title=str(item.get("title", item.get("name", ""))), path=item["path"])
        for item in descriptor.get("licenses", [])
    ]


def dictionary(descriptor: JSONObject) -> list[ResourceDoc]:
    """Every resource of the descriptor with every field, in the descriptor's order."""
    return [resource_doc(resource) for resource in descriptor.get("resources", [])]


def resource_doc(resource: JSONObject) -> ResourceDoc:
    schema = resource.get("schema", {})
    key = schema.get("primaryKey", [])
    primary_key = (key,) if isinstance(key, str) else tuple(key)
    references = foreign_keys(resource)
    return ResourceDoc(
        name=resource["name"],
        path=str(resource.get("path", "")),
        title=str(resource.get("title", resource["name"])),
        description=str(resource.get("description", "")),
        primary_key=primary_key,
        fields=tuple(
            field_doc(field, resource["name"], primary_key, references.get(field["name"]))
            for field in schema.get("fields", [])
        ),
    )


def foreign_keys(resource: JSONObject) -> dict[str, str]:
    """Column -> 'table.column' it refers to; an empty resource name means this same table (Table Schema)."""
    found: dict[str, str] = {}
    for key in resource.get("schema", {}).get("foreignKeys", []):
        fields = key["fields"] if isinstance(key["fields"], list) else [key["fields"]]
        target = key["reference"]
        target_fields = target["fields"] if isinstance(target["fields"], list) else [target["fields"]]
        table = target.get("resource") or resource["name"]
        for field, target_field in zip(fields, target_fields, strict=True):
            found[field] = f"{table}.{target_field}"
    return found


def field_doc(field: JSONObject, resource: str, primary_key: tuple[str, ...], reference: str | None) -> FieldDoc:
    constraints: JSONObject = field.get("constraints", {})
    in_key = primary_key == (field["name"],)
    categories = tuple(Category.from_json(item) for item in field.get("categories", []))
    return FieldDoc(
        name=field["name"],
        title=str(field.get("title", "")),
        type=str(field.get("type", "any"))
        + (f" ({field['format']})" if field.get("format", "default") != "default" else ""),
        description=str(field.get("description", "")),
        required=bool(constraints.get("required")) or in_key,
        unique=bool(constraints.get("unique")) or in_key,
        enum=tuple(str(value) for value in constraints.get("enum", [])),
        categories=categories,
        rules=tuple(rule_words(constraints, reference, in_key)),
        anchor=f"{resource}-{field['name']}",
    )


def rule_words(constraints: JSONObject, reference: str | None, in_key: bool) -> list[str]:
    words = []
    if in_key:
        words.append("the table's primary key")
    if "pattern" in constraints:
        words.append(f"matches the pattern {constraints['pattern']}")
    if "minimum" in constraints:
        words.append(f"at least {constraints['minimum']}")
    if "maximum" in constraints:
        words.append(f"at most {constraints['maximum']}")
    if "minLength" in constraints:
        words.append(f"at least {constraints['minLength']} characters")
    if "maxLength" in constraints:
        words.append(f"at most {constraints['maxLength']} characters")
    if reference:
        words.append(f"a value of {reference}")
    return words
