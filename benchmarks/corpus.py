"""Synthetic news corpora for the benchmarks: many distinct stories of 3-8 articles each.

The text comes from ``benchmarks/corpus_text/*.yaml``: written for the benchmarks, one file per
kind of event (a flood, a strike, a verdict...), each a list of paragraphs in reading order with
two wordings apiece, plus ``common.yaml`` background paragraphs any story may carry. A story fills
the placeholders once (people, towns, organisations, numbers, weekday), and each of its articles
takes the lead, most other paragraphs in one of their wordings, a few background paragraphs, a
headline and an outlet. Some articles misstate or round a number, so stories carry
disagreements like real coverage. Names are made from syllables so that 10,000 articles hold
thousands of different people and places, and stories of one kind share their everyday wording
but not their names: the hard case for grouping.

Placeholders: P1-P5 (full names) and P1L-P5L (surnames), TOWN, TOWN_UP (dateline), TOWN2, REGION,
DISTRICT, RIVER, ORG, ORG2, UNION, N1-N9, DAY, DAY2 (weekdays).
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

TEXT_DIR = Path(__file__).parent / "corpus_text"

FIRST_NAMES = """
Ada Adrian Aisha Alba Amara Anders Anika Ansel Beatriz Bruno Camille Caspar Celia Dario Delphine Dmitri
Elena Emil Esme Fabian Farah Felix Freya Gideon Greta Hana Hugo Ilse Imre Ines Ivo Jana Joaquim Jonas
Kaia Kasimir Lars Leila Lena Lorenzo Lucia Magnus Maren Mateo Mira Nadia Nils Noor Odile Olek Paloma
Pavel Petra Quentin Rafael Rania Rosa Ruben Sabine Samir Selma Silas Sofia Tamsin Teodor Thea Tomas
Ulla Valentin Vera Viktor Wanda Yara Yusuf Zora Bernard Clara Dominik Edith Florian Gisela Henrik Iris
""".split()
SYLLABLES = """
ar bel cor dan el fen gar hal is jor kel lin mar nor ol pen quin ros sal tor ul ven wal yor zel
bra cal dor eth fal gim har ing kav lor mav nes orm pal rav sen tav und vel
""".split()
SURNAME_ENDINGS = ["", "", "son", "ski", "ez", "ini", "ova", "berg", "ley", "ford", "ner", "ova", "ides", "sen"]
TOWN_ENDINGS = ["ton", "ville", "burg", "dorf", "mouth", "stad", "haven", "field", "bridge", "ia", "ford", "wick"]
REGION_ENDINGS = ["shire", "ia", " Valley", "land", " Province", "mark"]
DISTRICT_ENDINGS = [" Park", " Heights", " Docks", "side", " Green", " Quarter"]
ORG_FORMS = {
    "flood": ["{Town} River Authority", "{Region} Water Board", "{Region} Hydrological Service"],
    "strike": ["{Town} Hospital Group", "{Region} Health Trust", "St {Name} Hospitals"],
    "verdict": ["{Name} Capital", "{Name} & {Name2} Holdings", "{Town} Savings Group"],
    "closure": ["{Name} Industries", "{Name} Metals", "{Name} Components", "{Town} Glassworks"],
    "accident": ["{Region} Railways", "{Name} Rail", "{Town} Regional Trains"],
    "vote": ["{Name} Developments", "{Name} & {Name2} Estates", "{Town} Building Partners"],
}
UNION_FORMS = ["Nurses' Union of {Region}", "{Region} Health Workers' Federation", "United Care Union"]
OUTLETS = """
The Morning Ledger|Valley Courier|Northern Wire|The Daily Compass|Harbour Times|Civic Post|The Evening
Standard-Bearer|Regional Observer|Eastgate Herald|Plainsman Press|The Beacon|Metro Dispatch|The Chronicle of
Record|Westline News|The Lantern|Crossroads Daily|Republic Review|Riverside Gazette|Summit Journal|Open Wire
""".replace("\n", " ").split("|")
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_PLACEHOLDER = re.compile(r"\{([A-Z0-9_]+)\}")


@dataclass(frozen=True)
class Kind:
    name: str
    headlines: list[str]
    paragraphs: list[list[str]]
    numbers: dict[str, list[int]]


def load_kinds() -> tuple[list[Kind], list[list[str]]]:
    kinds: list[Kind] = []
    common: list[list[str]] = []
    for path in sorted(TEXT_DIR.glob("*.yaml")):
        data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data["kind"] == "common":
            common = data["paragraphs"]
        else:
            kinds.append(Kind(data["kind"], data["headlines"], data["paragraphs"], data.get("numbers", {})))
    return kinds, common


def _word(rng: random.Random, endings: list[str], syllables: tuple[int, int] = (1, 2)) -> str:
    stem = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(*syllables)))
    word = stem + rng.choice(endings)
    return word[:1].upper() + word[1:]


def _fill(rng: random.Random, kind: Kind) -> dict[str, str]:
    names = [(rng.choice(FIRST_NAMES), _word(rng, SURNAME_ENDINGS, (2, 2))) for _ in range(5)]
    slots = {f"P{i + 1}": f"{first} {last}" for i, (first, last) in enumerate(names)}
    slots.update({f"P{i + 1}L": last for i, (_, last) in enumerate(names)})
    town = _word(rng, TOWN_ENDINGS)
    region = _word(rng, REGION_ENDINGS)
    slots.update(
        TOWN=town,
        TOWN_UP=town.upper(),
        TOWN2=_word(rng, TOWN_ENDINGS),
        REGION=region,
        DISTRICT=_word(rng, DISTRICT_ENDINGS),
        RIVER=_word(rng, [""], (2, 2)),
    )
    org_vars = {
        "Town": town,
        "Region": region,
        "Name": _word(rng, SURNAME_ENDINGS, (2, 2)),
        "Name2": _word(rng, [""], (2, 2)),
    }
    slots["ORG"] = rng.choice(ORG_FORMS[kind.name]).format(**org_vars)
    slots["ORG2"] = _word(rng, [""], (2, 2)) + " Audit"
    slots["UNION"] = rng.choice(UNION_FORMS).format(**org_vars)
    for key in ("N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9"):
        low, high = kind.numbers.get(key, [5, 60])
        slots[key] = str(rng.randint(low, high))
    return slots


def _misstate(rng: random.Random, slots: dict[str, str]) -> dict[str, str]:
    """One article in three reports a number differently: rounded, or an earlier/later count."""
    if rng.random() > 0.33:
        return slots
    key = rng.choice([k for k in slots if k.startswith("N")])
    value = int(slots[key])
    changed = max(1, round(value * rng.choice([0.8, 0.9, 1.1, 1.25]))) if value > 10 else value + rng.choice([-1, 1])
    return {**slots, key: str(changed)}


def _format(template: str, slots: dict[str, str]) -> str:
    def value(match: re.Match[str]) -> str:
        key = match.group(1)
        text = slots.get(key, match.group(0))
        return f"{int(text):,}" if key.startswith("N") and int(text) >= 1_000 else text

    return _PLACEHOLDER.sub(value, template)


def generate(n_articles: int, seed: int = 1) -> list[dict[str, Any]]:
    """``n_articles`` article records (text and metadata) with a ``story`` number for checking."""
    rng = random.Random(seed)
    kinds, common = load_kinds()
    start = dt.date(2024, 1, 1)
    records: list[dict[str, Any]] = []
    story = 0
    while len(records) < n_articles:
        kind = kinds[story % len(kinds)]
        slots = _fill(rng, kind)
        day = start + dt.timedelta(days=rng.randrange(730))
        slots.update(DAY=WEEKDAYS[day.weekday()], DAY2=WEEKDAYS[(day.weekday() + 1) % 7])
        size = min(rng.randint(3, 8), n_articles - len(records))
        for k, outlet in enumerate(rng.sample(OUTLETS, size)):
            own = _misstate(rng, slots)
            chosen = [kind.paragraphs[0]] + [p for p in kind.paragraphs[1:] if rng.random() < 0.8]
            if len(chosen) > 3 and rng.random() < 0.5:
                i = rng.randrange(1, len(chosen) - 1)
                chosen[i], chosen[i + 1] = chosen[i + 1], chosen[i]
            chosen += rng.sample(common, rng.randint(2, 5))
            body = "\n\n".join(_format(rng.choice(variants), own) for variants in chosen)
            published = day + dt.timedelta(days=rng.choice([0, 0, 1, 1, 2]))
            records.append(
                {
                    "title": _format(rng.choice(kind.headlines), own),
                    "source": outlet,
                    "published": published.isoformat(),
                    "author": f"{rng.choice(FIRST_NAMES)} {_word(rng, SURNAME_ENDINGS, (2, 2))}",
                    "text": body,
                    "story": story,
                    "file": f"{story:05d}-{k}-{re.sub(r'[^a-z]+', '-', outlet.lower()).strip('-')}.md",
                }
            )
        story += 1
    return records


def write_corpus(folder: Path, n_articles: int, seed: int = 1) -> dict[str, int]:
    """Write Markdown files with front matter into ``folder``; return file name -> story number."""
    folder.mkdir(parents=True, exist_ok=True)
    truth: dict[str, int] = {}
    for record in generate(n_articles, seed):
        front = {k: record[k] for k in ("title", "source", "published", "author")}
        text = "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n\n" + record["text"] + "\n"
        (folder / record["file"]).write_text(text, encoding="utf-8")
        truth[record["file"]] = record["story"]
    (folder.parent / f"{folder.name}.truth.json").write_text(json.dumps(truth), encoding="utf-8")
    return truth


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Write a synthetic corpus of Markdown articles for the benchmarks.")
    parser.add_argument("out", nargs="?", default="bench-corpus", help="folder to write (default: bench-corpus)")
    parser.add_argument("count", nargs="?", type=int, default=100, help="number of articles (default: 100)")
    args = parser.parse_args()
    out = Path(args.out)
    print(f"{len(write_corpus(out, args.count))} articles in {out}")
