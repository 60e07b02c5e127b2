"""The flag scorer on invented judgements and an invented triplet (never corpus text)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from eval.flags import Flag, FlagsError, Judged, judge, load_gold, main, same_value, split_of, tally

TRIP = "trip-9"


def _flag(kind: str, *values: tuple[str, str], year: int = 2012, triplet: str = TRIP) -> Flag:
    return Flag(triplet, year, kind, tuple(values))


def test_a_value_matches_the_same_outlets_words_in_a_row() -> None:
    assert same_value(("fox", "on Monday"), ("fox", "Monday"))
    assert same_value(("nyt", "“We will rebuild every house,” she"), ("nyt", "We will rebuild"))
    assert not same_value(("nyt", "Monday"), ("fox", "Monday"))
    assert not same_value(("fox", "twenty-two"), ("fox", "two days"))


def test_a_flag_takes_the_judgement_sharing_most_values() -> None:
    real = Judged(_flag("quote", ("fox", "We will rebuild"), ("nyt", "We shall rebuild")), "real", "wording")
    other = Judged(_flag("quote", ("fox", "the bridge is closed"), ("nyt", "We shall rebuild")), "false", "two")
    raised = _flag("quote", ("fox", "We will rebuild every house."), ("nyt", "We shall rebuild every house."))
    assert judge(raised, [other, real]) is real
    # another triplet or another kind is never matched
    assert judge(_flag("quote", *raised.values, triplet="trip-8"), [real]) is None
    assert judge(_flag("number", *raised.values), [real]) is None


def test_tally_counts_per_split_and_kind() -> None:
    gold = [
        Judged(_flag("date", ("fox", "Monday"), ("nyt", "Tuesday")), "false", "different events"),
        Judged(_flag("name", ("fox", "Ruiz"), ("nyt", "Ruis")), "real", "spelling"),
        Judged(_flag("number", ("fox", "40"), ("nyt", "12"), year=2016), "real", "figure"),
    ]
    raised = [
        _flag("date", ("fox", "on Monday"), ("nyt", "Tuesday")),
        _flag("name", ("fox", "Ruiz"), ("nyt", "Ruis")),
        _flag("negation", ("fox", "did not vote"), ("nyt", "voted")),
        _flag("number", ("fox", "nine"), ("nyt", "ten"), year=2017),
    ]
    table = tally(raised, gold)
    assert table[("tune", "date")]["false"] == 1 and table[("tune", "date")]["raised"] == 1
    assert table[("tune", "name")]["real"] == 1
    assert table[("tune", "negation")]["new"] == 1
    assert table[("check", "number")]["new"] == 1 and table[("check", "number")]["real lost"] == 1
    assert split_of(2014) == "tune" and split_of(2015) == "check"


def _triplet(root: Path) -> None:
    folder = root / "articles" / "2013"
    folder.mkdir(parents=True)
    bodies = {
        "fox": [["Mayor Ana Ruiz opened the new dam on the river on Friday, the city said."]],
        "nyt": [["Mayor Ana Ruiz opened the new dam on the river on Saturday, the city said."]],
        "hpo": [["The weather was fine."]],
    }
    for n, (source, body) in enumerate(bodies.items(), 1):
        obj = {"source": source, "title": "Dam", "date": "2013-05-02", "uuid": f"{source}-u", "triplet-uuid": TRIP}
        obj["body-paragraphs"] = body
        (folder / f"{TRIP}_{n}.json").write_text(json.dumps(obj), encoding="utf-8")


def test_the_command_on_an_invented_triplet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _triplet(tmp_path)
    gold = tmp_path / "gold.yaml"
    item = {"triplet": TRIP, "year": 2013, "kind": "date", "verdict": "real", "reason": "date of one event"}
    item["values"] = [{"source": "fox", "text": "Friday"}, {"source": "nyt", "text": "Saturday"}]
    gold.write_text(yaml.safe_dump({"flags": [item]}), encoding="utf-8")
    assert main([str(tmp_path), "--gold", str(gold)]) == 0
    out = capsys.readouterr().out
    row = next(line.split() for line in out.splitlines() if line.startswith("tune") and " date " in line)
    assert row[2:5] == ["1", "1", "0"]  # raised, real, false


def test_bad_gold_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = tmp_path / "gold.yaml"
    gold.write_text("flags:\n- {triplet: t, year: 2012, kind: date, values: [], verdict: maybe}\n", encoding="utf-8")
    with pytest.raises(FlagsError, match="verdict"):
        load_gold(gold)
    assert main([str(tmp_path), "--gold", str(gold)]) == 2
    assert capsys.readouterr().err.count("\n") == 1
