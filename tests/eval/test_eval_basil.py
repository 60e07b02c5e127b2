"""BASIL reading on invented articles (never corpus text), and the whole command on them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from eval.basil import BasilError, article_text, boundary_counts, find_triplet, parse_article, triplets
from eval.run import main
from eval.scoring import offset_map

PARAS = [["Ana Ruiz opened the dam on Friday.", "Water reached the town."], ["“It works,” Ruiz said."]]


def _triplet(root: Path, year: int, uuid: str = "trip-1") -> None:
    folder = root / "articles" / str(year)
    folder.mkdir(parents=True)
    for n, source in enumerate(["fox", "nyt", "hpo"], 1):
        obj = {
            "source": source,
            "title": f"Dam opens ({source})",
            "date": "2013-05-02",
            "uuid": f"{source}-uuid",
            "triplet-uuid": uuid,
            "body-paragraphs": {
                "nyt": PARAS,
                "fox": [["Ana Ruiz opened the dam on Friday."], ["“It works,” Ruiz told reporters."]],
                "hpo": [["Ana Ruiz opened the dam on Saturday."]],
            }[source],
        }
        (folder / f"{uuid}_{n}.json").write_text(json.dumps(obj), encoding="utf-8")


def test_text_joins_sentences_with_spaces_and_paragraphs_with_blank_lines() -> None:
    text, starts, opening = article_text(PARAS)
    assert text == "Ana Ruiz opened the dam on Friday. Water reached the town.\n\n“It works,” Ruiz said."
    assert [text[s : s + 5] for s in starts] == ["Ana R", "Water", "“It w"]
    assert opening == {0, starts[2]}


def test_boundaries_against_the_tools_starts() -> None:
    art = parse_article({"body-paragraphs": PARAS, "source": "NYT", "uuid": "u", "triplet-uuid": "t"}, 2013)
    norm = art.text.replace("\n\n", "\n\n")
    assert offset_map(art.text, norm)[0] == 0
    # the tool found the paragraph starts only: one inner start missed
    counts = boundary_counts(art, norm, [0, art.text.index("“It")])
    assert counts["all.tp"] == 2 and counts["all.gold"] == 3
    assert counts["inner.gold"] == 1 and counts["inner.tp"] == 0


def test_2018_and_2019_are_refused(tmp_path: Path) -> None:
    _triplet(tmp_path, 2018, "late")
    with pytest.raises(BasilError, match="refused"):
        find_triplet(tmp_path, "late")
    assert list(triplets(tmp_path)) == []


def test_the_command_on_an_invented_triplet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _triplet(tmp_path, 2013)
    gold_dir = tmp_path / "gold" / "basil"
    gold_dir.mkdir(parents=True)
    (gold_dir / "trip-1.yaml").write_text(
        "corpus: basil\ntriplet: trip-1\nyear: 2013\n"
        "articles: {fox: fox-uuid, nyt: nyt-uuid, hpo: hpo-uuid}\n"
        "entities:\n  - {name: Ana Ruiz, label: person,\n"
        "     forms: {fox: [Ana Ruiz, Ruiz], nyt: [Ana Ruiz], hpo: [Ana Ruiz]}}\n"
        "quotes:\n  - {article: nyt, anchor: It works, speaker: Ana Ruiz, speaker_kind: name}\n"
        "disagreements:\n  - {id: d1, kind: date, values: {nyt: {value: on Friday}, hpo: {value: on Saturday}}}\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.json"
    assert main(["--basil", str(tmp_path), "--gold", str(tmp_path / "gold"), "--json", str(out)]) == 0
    figures = json.loads(out.read_text(encoding="utf-8"))["basil"]
    assert figures["triplets"] == 1 and figures["gold"]["triplets"] == 1
    assert figures["gold"]["gold_errors"] == 0
    assert figures["gold"]["entities"]["gold"] == 1 and figures["gold"]["quotes"]["gold"] == 1
    assert "basil.gold.quotes.recall" in capsys.readouterr().out
    # a second run compared with the first shows zero deltas
    assert main(["--basil", str(tmp_path), "--gold", str(tmp_path / "gold"), "--compare", str(out)]) == 0
    assert "+0" in capsys.readouterr().out


def test_bad_input_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--basil", str(tmp_path / "missing")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1


def test_export_writes_three_markdown_files_the_loader_reads(tmp_path: Path) -> None:
    from eval.basil_export import main as export_main

    from tuireader.sources.files import load_corpus

    _triplet(tmp_path, 2013)
    out = tmp_path / "out"
    assert export_main([str(tmp_path), "trip-1", str(out)]) == 0
    corpus = load_corpus([out])
    assert sorted(a.source for a in corpus.articles) == ["Fox News", "HuffPost", "The New York Times"]
    assert {a.published for a in corpus.articles} == {"2013-05-02"}
    nyt = next(a for a in corpus.articles if a.source == "The New York Times")
    assert nyt.title == "Dam opens (nyt)" and len(nyt.paragraphs) == 2


def test_export_refuses_2018(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from eval.basil_export import main as export_main

    _triplet(tmp_path, 2018, "late")
    assert export_main([str(tmp_path), "late", str(tmp_path / "out")]) == 2
    assert "refused" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
