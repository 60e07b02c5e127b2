"""A small hand-built analysis (a fictional port strike) for the reader's UI tests.

Built by hand so the tests pin the UI's behaviour, whatever the analysers find later.
"""

from __future__ import annotations

from hand_built import built_article, mention, span_of, value
from tuireader.model import (
    Analysis,
    Article,
    ArticleAnalysis,
    Disagreement,
    DisagreementKind,
    Entity,
    Fact,
    FactMember,
    Label,
    Quote,
    Story,
)

TEXTS = {
    "North Star Daily": (
        "Dock strike halts Rotterdam container traffic",
        "ROTTERDAM — About 1,200 dockworkers walked out on Tuesday, the Dockworkers Union said.\n\n"
        "Union leader Marta Kowalczyk said: “We will stay out until the port authority listens.”\n\n"
        "Talks are expected to resume next week.",
    ),
    "Harbour Times": (
        "Port of Rotterdam frozen as 1,500 walk out",
        "Some 1,500 workers joined the strike on Tuesday in Rotterdam.\n\n"
        "“We will stay out until they listen,” said Marta Kowalcyk, who leads the union.\n\n"
        "Shipping lines diverted vessels to Antwerp.",
    ),
    "Valley Courier": (
        "Shipping firms count the cost of [bold]strike[/bold]",
        "Freight rates rose after the walkout. The markup [red]test[/red] stays literal. "
        "\x1b[31mNo colour\x1b[0m here.\n\n"
        "Analysts at Baltic Freight said the strike could last a week.",
    ),
}


def _article(source: str) -> Article:
    title, text = TEXTS[source]
    return built_article(text, source, title, "2026-03-03")


def port_strike() -> Analysis:
    north, harbour, valley = (_article(s) for s in TEXTS)
    q1 = span_of(north.text, "We will stay out until the port authority listens.")
    q2 = span_of(harbour.text, "We will stay out until they listen,")
    sp1 = span_of(north.text, "Marta Kowalczyk")
    sp2 = span_of(harbour.text, "Marta Kowalcyk")
    by_article = {
        north.id: ArticleAnalysis(
            north.id,
            mentions=(
                mention(north, "ROTTERDAM", Label.PLACE, "rotterdam"),
                mention(north, "1,200 dockworkers", Label.NUMBER, ""),
                mention(north, "Tuesday", Label.DATE, ""),
                mention(north, "Dockworkers Union", Label.ORG, "union"),
                mention(north, "Marta Kowalczyk", Label.PERSON, "marta"),
            ),
            quotes=(
                Quote(
                    *q1,
                    speaker="marta",
                    cue="said",
                    speaker_start=sp1[0],
                    speaker_end=sp1[1],
                    speaker_name="Marta Kowalczyk",
                ),
            ),
            topics=("dock strike", "container traffic"),
        ),
        harbour.id: ArticleAnalysis(
            harbour.id,
            mentions=(
                mention(harbour, "1,500 workers", Label.NUMBER, ""),
                mention(harbour, "Tuesday", Label.DATE, ""),
                mention(harbour, "Rotterdam", Label.PLACE, "rotterdam", nth=0),
                mention(harbour, "Marta Kowalcyk", Label.PERSON, "marta"),
                mention(harbour, "Antwerp", Label.PLACE, "antwerp"),
            ),
            quotes=(
                Quote(
                    *q2,
                    speaker="marta",
                    cue="said",
                    speaker_start=sp2[0],
                    speaker_end=sp2[1],
                    speaker_name="Marta Kowalcyk",
                ),
            ),
            topics=("dock strike",),
        ),
        valley.id: ArticleAnalysis(
            valley.id,
            mentions=(mention(valley, "Baltic Freight", Label.ORG, "baltic"),),
            topics=("freight rates",),
        ),
    }
    entities = [
        Entity(
            "marta",
            "Marta Kowalczyk",
            Label.PERSON,
            ("Marta Kowalczyk", "Marta Kowalcyk"),
            {north.id: ("Marta Kowalczyk",), harbour.id: ("Marta Kowalcyk",)},
        ),
        Entity("union", "Dockworkers Union", Label.ORG, ("Dockworkers Union",), {north.id: ("Dockworkers Union",)}),
        Entity(
            "rotterdam",
            "Rotterdam",
            Label.PLACE,
            ("Rotterdam", "ROTTERDAM"),
            {north.id: ("ROTTERDAM",), harbour.id: ("Rotterdam",)},
        ),
        Entity("antwerp", "Antwerp", Label.PLACE, ("Antwerp",), {harbour.id: ("Antwerp",)}),
        Entity("baltic", "Baltic Freight", Label.ORG, ("Baltic Freight",), {valley.id: ("Baltic Freight",)}),
    ]
    facts = [
        Fact(
            "f1",
            "dockworkers walked out",
            (FactMember(north.id, 0), FactMember(harbour.id, 0)),
            (
                Disagreement(
                    DisagreementKind.NUMBER,
                    "numbers differ: 1,200 vs 1,500",
                    (value(north, "1,200"), value(harbour, "1,500")),
                ),
            ),
        ),
        Fact("f2", "we will stay out", (FactMember(north.id, 1), FactMember(harbour.id, 1))),
    ]
    return Analysis(
        articles=[north, harbour, valley],
        by_article=by_article,
        entities=entities,
        facts=facts,
        stories=[Story("s1", "Rotterdam dock strike", (north.id, harbour.id, valley.id))],
        topics=["dock strike"],
    )


def two_stories() -> Analysis:
    """The same analysis split into two stories, so the list groups by story."""
    analysis = port_strike()
    a, b, c = (x.id for x in analysis.articles)
    analysis.stories = [Story("s1", "Rotterdam dock strike", (a, b)), Story("s2", "Freight costs", (c,))]
    return analysis
