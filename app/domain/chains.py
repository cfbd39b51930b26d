"""Citation chains: which claims repeat an earlier claim's figure, and how many independent originals a set holds.

Many outlets repeat one estimate ("about 100,000 abroad" goes back to one US figure);
counting each repetition as evidence would overstate how much is known. A claim's
``repeats`` names the claim it repeats; following those links ends at the original.
The validator guarantees the links end (no self-links, no loops, never a later claim).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping


def original_of(claim_id: str, repeats: Mapping[str, str]) -> str:
    """The id at the end of ``claim_id``'s chain (``repeats`` maps each id to the id it repeats, or '')."""
    seen = {claim_id}
    while repeats.get(claim_id):
        claim_id = repeats[claim_id]
        if claim_id in seen:  # unreachable with validated data; never loop forever on bad data
            break
        seen.add(claim_id)
    return claim_id


def chain_up(claim_id: str, repeats: Mapping[str, str]) -> list[str]:
    """The ids ``claim_id`` repeats, nearest first, ending at the original."""
    path: list[str] = []
    current = repeats.get(claim_id, "")
    while current and current not in path and current != claim_id:
        path.append(current)
        current = repeats.get(current, "")
    return path


def repeated_by(claim_id: str, repeats: Mapping[str, str]) -> list[str]:
    """The ids that repeat ``claim_id``, directly or through another repetition, earliest id first."""
    children: dict[str, list[str]] = {}
    for child, parent in repeats.items():
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
    return sorted(found)


def independent_count(originals: Iterable[str]) -> int:
    """How many independent originals stand behind a set of claims, given each claim's original id."""
    return len(set(originals))


def originals_text(originals: int, claims: int) -> str:
    """'3 independent originals; 2 claims repeat an earlier figure': repetitions are not more evidence."""
    text = f"{originals} independent original{'s' if originals != 1 else ''}"
    repeats = claims - originals
    if repeats > 0:
        text += f"; {repeats} claim{'s' if repeats != 1 else ''} repeat{'s' if repeats == 1 else ''} an earlier figure"
    return text
