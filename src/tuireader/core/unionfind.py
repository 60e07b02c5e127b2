"""Disjoint sets (union-find with path halving): stories, figure conflicts and disagreement values
are all grouped by joining pairs."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

T = TypeVar("T", bound=Hashable)


class UnionFind(Generic[T]):
    """Items join on first sight (or from ``items``), and ``groups`` lists them in that order."""

    def __init__(self, items: Iterable[T] = ()) -> None:
        self._parent: dict[T, T] = {x: x for x in items}

    def find(self, x: T) -> T:
        parent = self._parent
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def attach(self, root: T, to: T) -> None:
        """Put the set whose root is ``root`` under ``to`` (callers that choose the new root)."""
        self._parent[root] = to

    def union(self, a: T, b: T) -> None:
        """Join the sets of ``a`` and ``b`` under ``b``'s root."""
        rb = self.find(b)
        self._parent[self.find(a)] = rb

    def groups(self) -> dict[T, list[T]]:
        """Each set by its root, the members in the order they were first seen."""
        out: dict[T, list[T]] = {}
        for x in list(self._parent):
            out.setdefault(self.find(x), []).append(x)
        return out
