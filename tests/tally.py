"""What the gold-set tests share: a tally summed field by field, and a share that is 1.0 of nothing."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass
class Tally:
    """Counts and lists of examples (misses, ...) of one comparison with gold; ``add`` sums another."""

    def add(self, other: Tally) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))


def share(part: int, whole: int) -> float:
    """``part / whole``, and 1.0 when there is nothing to get right."""
    return part / whole if whole else 1.0
