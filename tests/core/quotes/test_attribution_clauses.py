"""How the attribution clause is read (issue 13, the blind speaker set): appositions between the
subject and its verb, opening time phrases and participle clauses, contracted pronouns, trailing
adverbs, nouns of speech, documents and interviews. Invented cases, one row per kind: the text and
the speaker of each quotation as written (the speaker span's text, else the description kept;
None: nobody).
"""

from __future__ import annotations

import pytest

from core.quotes.test_attribution_news import speakers

Q, E = "\u201c", "\u201d"

CASES: list[tuple[str, str, list[str | None]]] = [
    (
        "apposition-then-relative-clause",
        f"Jo Tam, the mayor of Brinmouth, who is a Quaker, said that {Q}the harbour must stay open to every boat.{E}",
        ["Jo Tam"],
    ),
    (
        "apposition-then-apposition",
        f"Jo Tam, the founder of Sea Watch, a harbour charity, said that now {Q}there is no way the council can "
        f"hide behind the budget.{E}",
        ["Jo Tam"],
    ),
    (
        "time-phrase-then-subject",
        f"Several hours earlier, a senior official also pushed back, saying the plan {Q}does not allow the closure "
        f"of any pier.{E}",
        ["a senior official"],
    ),
    (
        "participle-in-time-phrase",
        f"A day after telling reporters that he would {Q}not talk about the pier anymore,{E} Councillor Tom Hale "
        "broke his silence on Friday.",
        ["Tom Hale"],
    ),
    (
        "clause-after-colon",
        f"The evening began in a familiar way: Marchers walked along the quay and chanted {Q}Hands off the "
        f"harbour!{E} outside the hall.",
        ["Marchers"],
    ),
    (
        "participle-opening-the-sentence",
        f"Tom Hale spoke on Monday. Amplifying the campaign's message, he said the mayor had run a {Q}tide and "
        f"change campaign of the old days.{E}",
        ["Tom Hale"],
    ),
    (
        "contracted-pronoun",
        f"Tom Hale has been quiet. But he's maintained in interviews that {Q}the pier will be rebuilt{E} by spring.",
        ["Tom Hale"],
    ),
    (
        "trailing-adverb",
        f"President Jo Tam even acknowledged that the crews {Q}were not in a position where they were safe{E} that "
        "night.",
        ["Jo Tam"],
    ),
]


@pytest.mark.parametrize(("kind", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_attribution_clause(kind: str, text: str, expected: list[str | None]) -> None:
    assert [who for _, who in speakers(text)] == expected
