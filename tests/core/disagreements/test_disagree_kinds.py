"""Disagreements a reader can trust: like compared with like, claims found across a story, each
counted once. Stories of our own (invented names, places and figures), never the seeds."""

from __future__ import annotations

import pytest

from tuireader.core.disagreements.find import find_disagreements
from tuireader.core.disagreements.quoted import cut_short, words_differ
from tuireader.core.disagreements.spelling import spelling_differs
from tuireader.core.facts import align
from tuireader.core.pipeline import analyze
from tuireader.core.text.quantities import QuantityKind, extract
from tuireader.model import Analysis, Article, Disagreement, DisagreementKind, FactMember, Story
from tuireader.sources.files import RawArticle, build_article


def article(name: str, text: str, published: str | None = "2024-09-12") -> Article:
    built = build_article(RawArticle(path=f"{name}.md", text=text, title=name, source=name, published=published))
    assert built is not None
    return built


def between(a: str, b: str) -> list[Disagreement]:
    """Disagreements between the single sentences of two one-sentence articles, taken as one fact."""
    first, second = article("alpha", a), article("beta", b)
    analysis = analyze([first, second], facts=False)
    return list(find_disagreements(analysis, [FactMember(first.id, 0), FactMember(second.id, 0)]))


def story(*articles: Article) -> Analysis:
    """The articles analysed as one story, with their facts and disagreements."""
    analysis = analyze(list(articles), facts=False)
    analysis.stories = [Story("s", "", tuple(a.id for a in articles))]
    analysis.facts = align.align_facts(analysis)
    return analysis


def flagged(analysis: Analysis) -> list[Disagreement]:
    return [d for f in analysis.facts for d in f.disagreements]


def numbers(found: list[Disagreement]) -> list[Disagreement]:
    return [d for d in found if d.kind is DisagreementKind.NUMBER]


# Multi-word quantities are one value.


def test_hundreds_of_thousands_is_one_figure() -> None:
    (q,) = extract("Officials said hundreds of thousands of residents fled the valley.")
    assert q.text == "hundreds of thousands"
    assert (q.low, q.high) == (200_000, 1_000_000)
    assert q.unit == extract("Forty residents fled.")[0].unit


def test_more_than_a_dozen_is_one_hedged_figure() -> None:
    (q,) = extract("More than a dozen officers searched the farmhouse.")
    assert q.text == "More than a dozen"
    assert q.low > 12
    assert q.high <= 24


def test_a_sum_of_money_keeps_its_currency_and_scale() -> None:
    (q,) = extract("The new bridge will cost $2.3 billion, the council said.")
    assert q.text == "$2.3 billion"
    assert q.unit == "dollar"
    assert q.low <= 2.3e9 <= q.high


@pytest.mark.parametrize(
    "sentence",
    [
        "The 2016 election changed the council.",  # a year
        "Hollis, 75, met the mayor on Tuesday.",  # an age: no counted noun, never compared
        "Relatives of the 7/7 victims gathered at the memorial.",  # a name with a slash
    ],
)
def test_years_and_labels_are_not_counts(sentence: str) -> None:
    assert not [q for q in extract(sentence) if q.kind is QuantityKind.COUNT and q.unit]


# Like with like.


def test_people_are_not_compared_with_dollars() -> None:
    assert not numbers(
        between(
            "Customs officers in Port Vell seized $2 million from the smugglers on Friday.",
            "Customs officers in Port Vell seized 3 million cigarettes from the smugglers on Friday.",
        )
    )


def test_one_candidates_share_is_not_compared_with_anothers() -> None:
    assert not numbers(
        between(
            "In the poll, Dalia Ferrante leads with 31 percent of likely voters.",
            "In the poll, Osric Lomax trails with 24 percent of likely voters.",
        )
    )


def test_a_count_for_each_side_is_not_compared_with_a_total() -> None:
    assert not numbers(
        between(
            "Under the deal, both sides released 20 prisoners each on Sunday.",
            "Under the deal, 40 prisoners were released on Sunday.",
        )
    )


def test_a_round_number_allows_for_rounding() -> None:
    assert not numbers(
        between(
            "Prosecutors said Dunmore spent $43,000 of campaign money on a watch.",
            "Prosecutors said Dunmore spent $43,350 of campaign money on a watch.",
        )
    )


def test_an_age_is_not_a_duration() -> None:
    assert not between(
        "Two of the girls were 16 years old at the time, the paper found.",
        "Two of the girls were 18 years old at the time, the paper found.",
    )


# Claims compared across a story even when their sentences do not align.


def test_conflicting_counts_in_sentences_that_do_not_align() -> None:
    first = article(
        "first",
        "Talks in Varnholm ended on Friday.\n\n"
        "The talks, which included observers, led to an agreement for the exchange of 500 prisoners from each "
        "side and a general discussion of a truce.",
    )
    second = article(
        "second",
        "Talks in Varnholm ended on Friday.\n\n"
        "The leaders also touched on a prisoner swap, which envisions both countries releasing twelve "
        "individuals each.",
    )
    found = numbers(flagged(story(first, second)))
    assert [sorted(v.text for v in d.values) for d in found] == [["12", "500"]] or [
        sorted(v.text for v in d.values) for d in found
    ] == [["500", "twelve"]]


def test_since_last_year_conflicts_with_nearly_four_years_without_a_date() -> None:
    first = article(
        "first",
        "Delegations from Arvania and Belmark met in Korsted on Friday.\n\n"
        "It was the first direct conversation between the two delegations since last year.",
        published=None,
    )
    second = article(
        "second",
        "Delegations from Arvania and Belmark met in Korsted on Friday.\n\n"
        "The delegations held their first direct talks in nearly four years in Korsted.",
        published=None,
    )
    found = [d for d in flagged(story(first, second)) if d.kind is DisagreementKind.DURATION]
    assert [sorted(v.text for v in d.values) for d in found] == [["nearly four years", "since last year"]]


# Names: once per entity and pair of sources.


def test_a_name_spelt_two_ways_is_flagged_once_per_story() -> None:
    first = article(
        "first",
        "Governor Katrin Holloway opened the Elmsford dam on Monday.\n\n"
        "Holloway said the dam would protect 4,000 homes from floods.\n\n"
        "Holloway thanked the engineers who built the dam.",
    )
    second = article(
        "second",
        "Governor Katrin Hollaway opened the Elmsford dam on Monday.\n\n"
        "Hollaway said the dam would protect 4,000 homes from floods.\n\n"
        "Hollaway thanked the engineers who built the dam.",
    )
    names = [d for d in flagged(story(first, second)) if d.kind is DisagreementKind.NAME]
    assert len(names) == 1
    assert {v.text for v in names[0].values} == {"Holloway", "Hollaway"}


@pytest.mark.parametrize(
    ("a", "b", "differs"),
    [
        ("R-Ohio", "Ohio", False),  # a party label, not a spelling
        ("Democrats", "Democratic", False),  # one stem, two endings
        ("Staten", "States", False),
        ("R-Wisc", "R-Wis", False),  # an abbreviation
        ("Tromp", "Trump", True),
        ("Moammar", "Muammar", True),
    ],
)
def test_which_name_differences_are_spellings(a: str, b: str, differs: bool) -> None:
    assert spelling_differs(a, b) is differs


# Quoted words.


@pytest.mark.parametrize(
    ("a", "b", "differs"),
    [
        ("I feel badly for the general,", "I feel very badly for the general,", True),  # a word added
        ("we need a fair deal for farmers", "we need a fair deal for the farmers", True),
        ("a rationale gutting the programs.", "rationale for gutting the programs.", True),  # a word dropped
        ("We would be remiss … if we did not speak", "We would be remiss in our duty if we did not speak", False),
        ("now these (county) clerks have too much say.", "now these clerks have too much say.", False),
        ("I'm not going to pay for that f***ing fence!", "I'm not going to pay for that fucking fence,", False),
        ("a tough-on-crime sheriff who delivers", "a tough on crime sheriff who delivers", False),
        # A fragment quoted from a longer passage with one word changed next to it.
        ("steward its harbours.", "we are here to serve the sea as opposed to husband its harbours and", True),
        # Two things said, lined up only by a shared "the": not one quotation.
        (
            "I was talking about the harbour tax,",
            "I was talking about money, the idea that the sea serves us all",
            False,
        ),
        (
            "No mayor would be a tougher negotiator with either our partners or the unions than I would be,",
            "No mayor would be a tougher negotiator either with our partners or the unions than I would be,",
            True,  # word order
        ),
    ],
)
def test_what_counts_as_quoted_words_differing(a: str, b: str, differs: bool) -> None:
    assert words_differ(a, b, 0.2) is differs


def test_a_sentence_cut_short_but_punctuated_as_finished() -> None:
    long_ = "This would matter even in times of calm and plenty, though the region today has neither calm nor plenty."
    assert cut_short("This would matter even in times of calm and plenty, though the region today has neither,", long_)
    # Stopping where the speaker paused is partial quotation.
    assert not cut_short(
        "As mayor, I'll end the war on small shops,", "As mayor, I'll end the war on small shops and I'll cut fees."
    )
    # A fragment worked into the reporter's sentence is not quoted as a whole sentence.
    assert not cut_short(
        "secure the harbour within a year.", "As mayor, I will secure the harbour within a year by hiring."
    )


def test_quoted_words_found_through_the_ledger_when_sentences_do_not_align() -> None:
    first = article(
        "first",
        "The mayor of Quillon spoke to farmers on Tuesday.\n\n"
        '"We need a fair deal for farmers and we need it before the harvest," Mayor Ottilie Brandt said.',
    )
    second = article(
        "second",
        "Brandt addressed a crowd in the market square.\n\n"
        'Mayor Ottilie Brandt told the crowd: "We need a fair deal for the farmers and we need it before the harvest."',
    )
    quotes = [d for d in flagged(story(first, second)) if d.kind is DisagreementKind.QUOTE]
    assert len(quotes) == 1
    assert {v.article for v in quotes[0].values} == {first.id, second.id}


def test_two_passages_of_one_statement_are_not_one_quotation() -> None:
    first = article(
        "first",
        'Mayor Ottilie Brandt said in a statement: "I am the mayor of this whole city. But I am also a farmer."',
    )
    second = article(
        "second",
        'Mayor Ottilie Brandt said in a statement: "The same boy who once sold apples at this market is now the '
        'mayor of this whole city. Change is possible."',
    )
    assert not [d for d in flagged(story(first, second)) if d.kind is DisagreementKind.QUOTE]


def test_what_a_speaker_denies_is_not_a_negation_conflict_of_the_outlets() -> None:
    assert not [
        d
        for d in between(
            'The mayor said: "It is not the council\'s plan."',
            "The mayor defended the council's plan on Monday.",
        )
        if d.kind is DisagreementKind.NEGATION
    ]


def test_a_title_before_a_name_does_not_end_a_negation() -> None:
    assert not between(
        "The governor has said he will not meet with Mr. Dalberg during his visit to the capital.",
        "The governor has said he will not meet with Dalberg during his visit to the capital.",
    )


def test_a_quote_disagreement_says_whose_words_and_where_they_differ() -> None:
    found = between(
        '"We need a fair deal for farmers, and we need it now," Mayor Ottilie Brandt said.',
        '"We need a fair deal for the farmers, and we need it now," Mayor Ottilie Brandt said.',
    )
    (quote,) = [d for d in found if d.kind is DisagreementKind.QUOTE]
    assert "Ottilie Brandt" in quote.summary
    assert quote.summary.endswith("“deal for farmers and” vs “deal for the farmers and”")


def test_moments_later_is_not_a_quarter_of_an_hour_later() -> None:
    (q,) = extract("Moments later, the minister posted about the vote.")
    assert q.text == "Moments later"
    found = between(
        "Moments later, the minister posted a message about the vote on the harbour.",
        "Fifteen minutes later, the minister posted a message about the vote on the harbour.",
    )
    assert [d.kind for d in found] == [DisagreementKind.DURATION]
    assert not between(
        "Minutes later, the minister posted a message about the vote on the harbour.",
        "Fifteen minutes later, the minister posted a message about the vote on the harbour.",
    )


def test_dates_of_different_events_in_one_story_are_not_compared() -> None:
    # A date naming a thing ("the March 3 vote") does not date what the sentence reports.
    assert not [
        d
        for d in between(
            "Council members in Brenholt wanted to postpone the March 3 vote on the harbour plan.",
            "Council members in Brenholt voted on the harbour plan on Tuesday.",
        )
        if d.kind is DisagreementKind.DATE
    ]
    # Two events of one story on two days: nothing next to either date says they are one event.
    assert not [
        d
        for d in between(
            "The harbour workers in Brenholt held a rally on Monday when the plan was unveiled.",
            "A group of harbour workers in Brenholt issued its own statement Tuesday calling for a vote.",
        )
        if d.kind is DisagreementKind.DATE
    ]


def test_one_event_on_two_days_is_a_date_disagreement() -> None:
    found = between(
        "The harbour strike in Brenholt began on Monday, the union said.",
        "Dockworkers in Brenholt stopped work on Tuesday morning at the start of the harbour strike.",
    )
    assert [d.kind for d in found if d.kind is DisagreementKind.DATE] == [DisagreementKind.DATE]


def test_sums_of_money_for_different_things_are_not_compared() -> None:
    # Two sums far apart: a part and the whole, not one sum misreported.
    assert not numbers(
        between(
            "The Dunmores spent $313.89 of campaign money on toys, prosecutors in Elmsford said.",
            "The Dunmores spent $750,000 of campaign money on personal items, prosecutors in Elmsford said.",
        )
    )
    # Nothing around the two sums says they are one: spending on roads, a package of jobs.
    assert not numbers(
        between(
            "In pressing for approval of $60 billion in road spending, the mayor of Elmsford took aim at the council.",
            "The Elmsford council will take up the road plan after the $75 billion jobs package failed.",
        )
    )


def test_one_deal_reported_at_two_values_is_a_number_disagreement() -> None:
    found = numbers(
        between(
            "The regulator cleared Halvard Systems' $14.2 billion acquisition of Brightline Grid on Wednesday.",
            "The regulator approved Halvard Systems' $12.4 billion takeover of Brightline Grid on Wednesday.",
        )
    )
    assert [sorted(v.text for v in d.values) for d in found] == [["$12.4 billion", "$14.2 billion"]]


def test_none_of_a_thing_against_the_thing_done() -> None:
    found = between(
        "No charges have been filed against the harbour master, police in Quillon said.",
        "The harbour master was charged with three offences, police in Quillon said.",
    )
    assert [d.kind for d in found] == [DisagreementKind.NEGATION]
    # The thing done to someone else is not a denial of it.
    assert not between(
        "No charges have been filed against the harbour master, police in Quillon said.",
        "A dock worker was charged with theft, police in Quillon said.",
    )


def test_an_event_on_a_day_stated_and_denied() -> None:
    found = between(
        "The council vote on the harbour plan could come on Thursday, officials said.",
        "There will be no council vote on the harbour plan this Thursday, officials said.",
    )
    assert DisagreementKind.NEGATION in {d.kind for d in found}


def test_claims_of_one_kind_compared_across_a_story_only_for_the_same_thing() -> None:
    first = article(
        "first",
        "The Brenholt harbour reopened on Monday after the storm.\n\n"
        "Rescue teams evacuated 1,200 homes along the flooded river overnight, officials said.\n\n"
        "Elsewhere, 23 states have enacted new harbour laws.",
    )
    second = article(
        "second",
        "The Brenholt harbour reopened on Monday after the storm.\n\n"
        "By dawn about 800 homes along the flooded river had been evacuated by teams from three towns.\n\n"
        "Four states have cut their fishing quotas.",
    )
    found = numbers(flagged(story(first, second)))
    assert [sorted(v.text for v in d.values) for d in found] == [["1,200", "about 800"]]


def test_forty_officers_against_about_a_dozen_police_officers() -> None:
    found = numbers(
        between(
            "On Tuesday 40 officers searched the farmhouse outside Elmsford, the force said.",
            "On Tuesday about a dozen police officers searched the farmhouse outside Elmsford, the force said.",
        )
    )
    assert [sorted(v.text for v in d.values) for d in found] == [["40", "about a dozen"]]
    assert found[0].summary == "numbers differ (officers): 40 vs about a dozen"


def test_hundreds_of_thousands_is_not_read_as_two_numbers() -> None:
    assert not numbers(
        between(
            "Hundreds of thousands of residents of Elmsford fled the floods, officials said.",
            "About 400,000 residents of Elmsford fled the floods, officials said.",
        )
    )


def test_time_references_to_one_event_resolved_against_publication_days() -> None:
    first = article(
        "first",
        "Delegations from Arvania and Belmark met in Korsted on Friday.\n\n"
        "The delegations met in Korsted for the first time since March 2022.",
        published="2025-05-19",
    )
    second = article(
        "second",
        "Delegations from Arvania and Belmark met in Korsted on Friday.\n\n"
        "It was the first direct meeting of the two delegations since last year.",
        published="2025-05-19",
    )
    third = article(
        "third",
        "Delegations from Arvania and Belmark met in Korsted on Friday.\n\n"
        "The delegations held their first direct meeting in nearly three years in Korsted.",
        published="2025-05-20",
    )
    found = [
        d for d in flagged(story(first, second, third)) if d.kind in {DisagreementKind.DATE, DisagreementKind.DURATION}
    ]
    texts = {v.text for d in found for v in d.values}
    assert "since last year" in texts
    assert texts & {"since March 2022", "nearly three years"}
    # The two that agree (March 2022 is nearly three years before May 2025) are never set against each other.
    for d in found:
        assert {v.text for v in d.values} != {"since March 2022", "nearly three years"}
