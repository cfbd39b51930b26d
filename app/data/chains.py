"""Citation chains: which claims repeat an earlier claim's figure, and how many independent originals a set holds.

Many outlets repeat one estimate ("about 100,000 abroad" goes back to one US figure);
counting each repetition as evidence would overstate how much is known. A claim's
``repeats`` names the claim it repeats; following those links ends at the original.
The validator guarantees the links end (no self-links, no loops, never a later claim).
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd


def original_ids(estimates: pd.DataFrame) -> pd.Series:
    """For each claim (indexed like ``estimates``), the id of the original at the end of its chain."""
    repeats = dict(zip(estimates["id"], estimates["repeats"], strict=True))

    def root(claim_id: str) -> str:
        seen = {claim_id}
        while repeats.get(claim_id):
            claim_id = repeats[claim_id]
            if claim_id in seen:  # unreachable with validated data; never loop forever on bad data
                break
            seen.add(claim_id)
        return claim_id

    return pd.Series([root(claim_id) for claim_id in estimates["id"]], index=estimates.index, dtype=object)


def independent_count(originals: Iterable[str]) -> int:
    """How many independent originals stand behind a set of claims, given each claim's original id."""
    return len(set(originals))


def chain_up(estimates: pd.DataFrame, claim_id: str) -> pd.DataFrame:
    """The claims ``claim_id`` repeats, nearest first, ending at the original."""
    repeats = dict(zip(estimates["id"], estimates["repeats"], strict=True))
    path: list[str] = []
    current = repeats.get(claim_id, "")
    while current and current not in path and current != claim_id:
        path.append(current)
        current = repeats.get(current, "")
    by_id = estimates.set_index("id", drop=False)
    return by_id.loc[path] if path else estimates.iloc[0:0]


def repeated_by(estimates: pd.DataFrame, claim_id: str) -> pd.DataFrame:
    """The claims that repeat ``claim_id``, directly or through another repetition, earliest id first."""
    children: dict[str, list[str]] = {}
    for child, parent in zip(estimates["id"], estimates["repeats"], strict=True):
        if parent:
            children.setdefault(parent, []).append(child)
    found: list[str] = []
    queue = list(children.get(claim_id, []))
    while queue:
        current = queue.pop(0)
        if current in found or current == claim_id:
            continue
        found.append(current)
        queue.extend(children.get(current, []))
    return estimates[estimates["id"].isin(found)].sort_values("id")
