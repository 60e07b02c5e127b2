"""Pronouns and references resolved by the gender and the groups the text gives (invented cases).

"he"/"she" never goes to a person of the other gender when one of the right gender is in reach: the
gender comes from a full name's given name (also for its later surname alone), honorifics, kin words
and -man/-woman titles. "they" after a pair names the pair; a description names whom it describes.
"""

from __future__ import annotations

import pytest

from tuireader.core.pipeline import analyze, analyze_article
from tuireader.model import Article
from tuireader.sources.files import RawArticle, build_article


def _article(text: str) -> Article:
    article = build_article(RawArticle(path="a.txt", text=text, title="Title"))
    assert article is not None
    return article


def speakers(text: str) -> dict[str, tuple[str | None, str | None]]:
    """First words of each quotation -> (speaker span's text, speaker name as reported)."""
    article = _article(text)
    out: dict[str, tuple[str | None, str | None]] = {}
    for q in analyze_article(article).quotes:
        if q.scare:
            continue
        span = article.text[q.speaker_start : q.speaker_end] if q.speaker_start is not None else None
        out[" ".join(article.text[q.start : q.end].split()[:3])] = (span, q.speaker_name)
    return out


# (what the case shows, text, first words of the quotation, words the speaker span holds)
SPAN_CASES = [
    (
        "surname_alone_keeps_the_gender_of_its_full_name",
        (
            "Mayor Harriet Quillfeather and Fire Chief Gordon Esterhay spoke on Friday. Quillfeather described "
            "the cost of the new station.\n\n"
            '"We will need two more engines by summer," he said.\n'
        ),
        "We will need",
        "Esterhay",
    ),
    (
        "she_skips_the_man_who_spoke_last",
        (
            "Councilwoman Odile Marchbank sponsored the measure. Its opponents include a landlord, Vincent Roarke.\n\n"
            '"It ruins small owners," Roarke said.\n\n'
            '"Small owners are exempt," she said.\n'
        ),
        "Small owners are",
        "Marchbank",
    ),
    (
        "he_far_back_is_not_the_woman_named_first",
        (
            "The dispute pitted Sen. Rosalind Dewhurst against the port's director, Kenneth Balloway.\n\n"
            'Dewhurst waved a contract. "Who signed this?"\n\n'
            '"I did not," he said.\n'
        ),
        "I did not,",
        "Balloway",
    ),
    (
        "quotation_after_a_described_subject_is_the_described_persons",
        (
            "Dana Velloway campaigned on Saturday alongside Sen. Rufus Garrowby. The senator, who faces no race "
            'until 2030, also took a swipe at her rival. "He has never run a business."\n'
        ),
        "He has never",
        "Rufus Garrowby",
    ),
    (
        "gender_learned_for_a_surname_holds_for_its_full_name",
        (
            'Pellham spoke first at the hearing on Tuesday. "We cannot wait another year," she said.\n\n'
            "Later, Jordan Pellham and Marcus Dray met reporters outside.\n\n"
            '"The vote is close," he said.\n'
        ),
        "The vote is",
        "Marcus Dray",
    ),
    (
        "pronoun_after_an_opening_clause_with_the_same_pronoun",
        (
            "Senator Tobin Ashgrove has courted rural pastors for months.\n\n"
            "When he took the stage after Mr. Farquar's introduction at a barn in Milltown, he said the race "
            'was "ours to lose."\n'
        ),
        "ours to lose.",
        "Tobin Ashgrove",
    ),
    (
        "a_state_opening_the_sentence_is_not_she",
        (
            "Then comes November. Nevada is one of the true swing states, and Ottoline Brisk aimed her speech at "
            'her likely opponent. "We have work to do," she told the crowd.\n'
        ),
        "We have work",
        "Ottoline Brisk",
    ),
    (
        "honorific_elsewhere_gives_the_full_name_its_gender",
        (
            "Kendall Ashbury and Corwin Pell spent the day in Dover. Mrs. Ashbury toured a school; Mr. Pell met "
            "farmers.\n\nBy evening, Kendall Ashbury and Corwin Pell shared a stage.\n\n"
            '"The farmers have been patient," he said.\n'
        ),
        "The farmers have",
        "Corwin Pell",
    ),
    (
        "narration_describing_another_person_breaks_the_quotation_chain",
        (
            "Rep. Liane Okafor and her challenger, Brent Mulvane, toured the mill on Monday. The congresswoman "
            'later called the response "slow and confused." Her challenger went further. "Slow is generous. '
            'It has been absent."\n'
        ),
        "Slow is generous.",
        "Brent Mulvane",
    ),
]


@pytest.mark.parametrize(("text", "quote", "wanted"), [c[1:] for c in SPAN_CASES], ids=[c[0] for c in SPAN_CASES])
def test_speaker_span(text: str, quote: str, wanted: str) -> None:
    span, _ = speakers(text)[quote]
    assert span is not None and wanted in span


# (what the case shows, text, first words of the quotation, speaker span, speaker name as reported)
NAMED_CASES = [
    (
        "gendered_title_description_skips_the_man_beside_her",
        (
            "Rep. Liane Okafor and her Republican challenger, Brent Mulvane, toured the mill on Monday. "
            'The congresswoman later said the response had been "slow and confused."\n'
        ),
        "slow and confused.",
        "Liane Okafor",
        "The congresswoman",
    ),
    (
        "role_description_finds_the_titled_name",
        (
            "Perrault and State Treasurer Hollis Vantongeren met before the forum. Asked whether they had "
            'spoken since, the treasurer said only: "We are both busy."\n'
        ),
        "We are both",
        "Hollis Vantongeren",
        "the treasurer",
    ),
    (
        "possessive_description_finds_the_name_in_apposition",
        (
            "Orchardist Milo Brandvik and his neighbor, Kasimir Dobrowolski, lost their pears to frost. "
            '"I will be fine," Brandvik said.\n\n'
            '"I may sell the land," his neighbor said.\n'
        ),
        "I may sell",
        "Kasimir Dobrowolski",
        "his neighbor",
    ),
    (
        "they_after_a_pair_names_the_pair",
        (
            "Organizers Ines Valbrook and Tobias Fenwright said the parade drew thousands.\n\n"
            '"We ran out of flags by noon," they said.\n'
        ),
        "We ran out",
        "Ines Valbrook and Tobias Fenwright",
        "Ines Valbrook and Tobias Fenwright",
    ),
]


@pytest.mark.parametrize(
    ("text", "quote", "span", "name"), [c[1:] for c in NAMED_CASES], ids=[c[0] for c in NAMED_CASES]
)
def test_described_speaker(text: str, quote: str, span: str, name: str) -> None:
    assert speakers(text)[quote] == (span, name)


def test_they_after_a_family_pair_takes_the_surname() -> None:
    text = (
        "The Harrowgate sisters, Wren and Odette, opened the bakery in 2019.\n\n"
        '"We had no idea what we were doing," they said.\n'
    )
    _, name = speakers(text)["We had no"]
    assert name == "Wren and Odette Harrowgate"


def test_relative_named_by_given_name_takes_the_family_surname() -> None:
    text = (
        'Rep. Anselm Brodeck said he had "won the night." Brodeck\'s wife, Marisol, added her own post: '
        '"Proud of him tonight."\n'
    )
    article = _article(text)
    analysis = analyze([article], facts=False)
    names = {e.id: e.name for e in analysis.entities}
    (quote,) = [q for q in analysis.by_article[article.id].quotes if article.text[q.start : q.end].startswith("Proud")]
    assert quote.speaker_name == "Marisol Brodeck" and names[quote.speaker or ""] == "Marisol Brodeck"


def test_names_after_a_pronoun_subject_are_not_its_antecedent() -> None:
    text = (
        "The actress has campaigned all week. She suggested that Pomeroy could shake things up more than "
        "Hildegard Vance, the former governor.\n\n"
        '"Some people want a revolution," she said.\n'
    )
    span, _ = speakers(text)["Some people want"]
    assert span is None or "Vance" not in span
