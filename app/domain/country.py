"""A place a claim is about: a host country, a group of countries, or the whole world."""

from __future__ import annotations

from dataclasses import dataclass

WORLDWIDE = "WLD"


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str  # upper case; WLD for the world, EUU and GCC for groups
    name: str
    group: str  # the region it is listed under
    kind: str  # country, region or world

    @property
    def slug(self) -> str:
        """The code as it appears in addresses: lower case."""
        return self.iso3.lower()

    @property
    def is_host(self) -> bool:
        """One host country: not the world and not a group of countries."""
        return self.kind == "country"
