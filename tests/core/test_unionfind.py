from __future__ import annotations

from tuireader.core.unionfind import UnionFind


def test_pairs_join_into_groups_in_first_seen_order() -> None:
    sets: UnionFind[str] = UnionFind()
    sets.union("a", "b")
    sets.union("c", "d")
    sets.union("b", "d")
    sets.find("e")
    groups = sets.groups()
    # union(a, b) looks b up first (as the disagreement merge always did): members in first-seen order
    assert list(groups.values()) == [["b", "a", "d", "c"], ["e"]]
    assert sets.find("a") == sets.find("c") != sets.find("e")


def test_attach_keeps_the_root_the_caller_chose() -> None:
    sets = UnionFind(range(4))
    sets.attach(sets.find(3), sets.find(1))
    assert sets.find(3) == 1
    assert sets.groups() == {0: [0], 1: [1, 3], 2: [2]}
