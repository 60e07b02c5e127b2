"""Entity mentions and corpus-wide resolution: one case per rule, mostly from our own text.

Seed-derived cases (names from the seed articles) are marked as such; every pattern also has a
case from other events and names, so a rule tuned to the seeds alone would fail here.
"""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tuireader.core.entities import recognise as entities
from tuireader.model import Article, ArticleAnalysis, Label, Mention, Quote
from tuireader.sources.files import RawArticle, build_article


def make(text: str, path: str = "a.txt", published: str | None = None) -> Article:
    article = build_article(RawArticle(path=path, text=text, title="Title", published=published))
    assert article is not None
    return article


def found(text: str) -> set[tuple[str, str]]:
    return {(m.label.value, m.text) for m in entities.extract_mentions(make(text))}


def resolve(*texts: str) -> tuple[list[entities.Entity], dict[str, ArticleAnalysis], list[Article]]:
    articles = [make(t, path=f"a{i}.txt", published=f"2026-01-{i + 1:02d}") for i, t in enumerate(texts)]
    analyses = {a.id: ArticleAnalysis(a.id, entities.extract_mentions(a)) for a in articles}
    ents, resolved = entities.resolve_entities(articles, analyses)
    return ents, resolved, articles


def entity_of(resolved: dict[str, ArticleAnalysis], article: Article, surface: str, nth: int = 0) -> str:
    hits = [m for m in resolved[article.id].mentions if m.text == surface]
    assert len(hits) > nth, (surface, [m.text for m in resolved[article.id].mentions])
    return hits[nth].entity


# --- mentions ---------------------------------------------------------------------------------

PRESENT = [
    # titles are not part of the name
    ("Foreign Minister Ana Duarte said on Friday that talks would resume.", "person", "Ana Duarte"),
    ("The bill was backed by Sen. Mara Lindqvist, D-Minn., and others.", "person", "Mara Lindqvist"),
    ("Secretary of State Olu Bankole flew to Accra on Monday.", "person", "Olu Bankole"),
    ("Minister for Digital Affairs Pieter Janssens met the unions.", "person", "Pieter Janssens"),
    ("Chief Fire Officer Ruth Alvarado ordered the evacuation.", "person", "Ruth Alvarado"),
    ("U.S. President Donald Trump said on Monday that talks would start.", "person", "Donald Trump"),  # seed
    ("Vice President J.D. Vance met the delegation in Rome.", "person", "J.D. Vance"),  # seed
    ("Pope Leo XIV offered to host the talks.", "person", "Leo XIV"),  # seed
    # role nouns and appositions
    ("The talks were led by presidential aide Viktor Hollan, officials said.", "person", "Viktor Hollan"),
    ("The company's regional director, Yuki Tanaka, said jobs would follow.", "person", "Yuki Tanaka"),
    ("Kremlin spokesman Dmitry Peskov cautioned against haste.", "person", "Dmitry Peskov"),  # seed
    # speech verbs
    ("“We will not yield,” said Halvorsen.", "person", "Halvorsen"),
    ("“The deal is done,” Okonjo told reporters.", "person", "Okonjo"),
    ("The plan is sound, according to Brannigan.", "person", "Brannigan"),
    # given name + surname, particles, initials
    ("The report was written by Ursula von der Leyen and her team.", "person", "Ursula von der Leyen"),
    ("Critics included Maarten de Vries, a retired judge.", "person", "Maarten de Vries"),
    ("The fund is run by A.B. Oyelaran from an office downtown.", "person", "A.B. Oyelaran"),
    ("The adviser, Adel al-Jubeir, briefed reporters.", "person", "Adel al-Jubeir"),
    ("Manager Erik ten Hag praised the team.", "person", "Erik ten Hag"),
    ("Voters backed incumbent mayor Per Lindahl on Sunday.", "person", "Per Lindahl"),
    ("“It was late,” Administrator Carla Benning told the committee.", "person", "Carla Benning"),
    ("LAS VEGAS — Teodoro Reyes weighed in at 139 pounds.", "person", "Teodoro Reyes"),
    # organisations
    ("The network operator, Voltera Grid, said the fire was contained.", "org", "Voltera Grid"),
    ("Kestrelnet, the industry group that sued, welcomed the ruling.", "org", "Kestrelnet"),
    ("OSLO (Nordic Wire) — Talks resumed on Monday.", "org", "Nordic Wire"),
    ("He wrote on his Vox Populi platform that it was over.", "org", "Vox Populi"),
    ("Analysts at Morgan Stanley expect two rate cuts.", "org", "Morgan Stanley"),
    ("Apple Inc. reported record revenue on Thursday.", "org", "Apple Inc."),
    ("Shares of Nvidia rose 4% on Monday.", "org", "Nvidia"),
    ("The Ministry of Health confirmed 12 new cases.", "org", "Ministry of Health"),
    ("Shares in Acme Holdings fell sharply.", "org", "Acme Holdings"),
    ("She studied at the University of Ghana before joining.", "org", "University of Ghana"),
    ("The decision was criticised by the union Havnforbund on Tuesday.", "org", "Havnforbund"),
    ("The plan would need approval, the Bundeskanzleramt said.", "org", "Bundeskanzleramt"),
    ("The Elysée stated that no date had been set.", "org", "Elysée"),
    ("A senior White House official said the call went well.", "org", "White House"),
    ("Engineers from Transport Canada examined the beam.", "org", "Transport Canada"),
    ("NATO said it was monitoring the situation.", "org", "NATO"),
    ("the Red Cross set up emergency shelters in the town.", "org", "Red Cross"),
    # places
    ("Fighting continued near Lagos and in Kano state.", "place", "Lagos"),
    ("Ships were diverted from the Gulf of Aden last week.", "place", "Gulf of Aden"),
    ("Fishermen on Lake Victoria reported low catches.", "place", "Lake Victoria"),
    ("The fire spread towards the village of Eskaldur overnight.", "place", "Eskaldur"),
    ("Evacuees were housed in Ondara and Verrin by the army.", "place", "Verrin"),
    ("LAGOS — Markets reopened on Monday.", "place", "LAGOS"),
    ("A Singapore-based fund owns the port.", "place", "Singapore"),
    ("Shares fell 6% in Zurich on Thursday.", "place", "Zurich"),
    ("Delegations met in Istanbul on Friday.", "place", "Istanbul"),  # seed
    # dates, times, durations
    ("The call lasted over two hours on Monday.", "date", "over two hours"),
    ("They agreed a 30-day ceasefire.", "date", "30-day"),
    ("The war has lasted for three years.", "date", "three years"),
    ("A war that has raged on for nearly a year.", "date", "nearly a year"),  # seed
    ("The plant closed a decade ago.", "date", "a decade ago"),
    ("The call began at 5 p.m. Moscow time.", "date", "5 p.m."),
    ("The vote is set for March 12, 2026, officials said.", "date", "March 12, 2026"),
    ("They met for the first time since March 2022.", "date", "March 2022"),
    ("The strike began on Tuesday morning.", "date", "Tuesday morning"),
    ("He returned to the capital on Jan. 20 to cheers.", "date", "Jan. 20"),
    ("The inquiry will report in September.", "date", "September"),
    # counts with what they count, money, percentages
    ("They agreed to exchange 1,000 prisoners from each side.", "number", "1,000 prisoners"),
    ("Only nine individuals were released.", "number", "nine individuals"),
    ("Britain sanctioned more than 100 new vessels.", "number", "more than 100 new vessels"),
    ("The council approved $48.3 million for buses.", "number", "$48.3 million"),
    ("Turnout fell to 41% in the capital.", "number", "41%"),
]


@pytest.mark.parametrize(("text", "label", "surface"), PRESENT)
def test_mention_found(text: str, label: str, surface: str) -> None:
    assert (label, surface) in found(text)


ABSENT = [
    # sentence-initial and calendar words are not names; titles alone are not people
    ("Monday was quiet in the capital.", "Monday"),
    ("Officials said the road would reopen.", "Officials"),
    ("Advocates said they would keep pushing.", "Advocates"),
    ("The Prime Minister did not comment.", "Prime Minister"),
    # emphasis capitals and demonyms
    ("He promised an END to the War, and a Ceasefire.", "War"),
    ("He promised an END to the War, and a Ceasefire.", "END"),
    ("Russian officials met their Ukrainian counterparts.", "Russian"),
    ("The Russians said no such offer was made.", "Russians"),
    # possessive and hyphen tails stay out of the span
    ("Chidi Okonkwo arrived late. Okonkwo’s plan was rejected.", "Okonkwo’s"),
    ("A Singapore-based fund owns the port.", "Singapore-based"),
    # "No. 1" is not a count; a party code is not a name
    ("A truce remained the government's No. 1 priority.", "1 priority"),
    ("The bill was backed by Sen. Mara Lindqvist, D-Minn., and others.", "D-Minn"),
]


@pytest.mark.parametrize(("text", "surface"), ABSENT)
def test_mention_absent(text: str, surface: str) -> None:
    """Not a name, and not a span at all unless it is a date ("Monday" is a date, never a person)."""
    assert surface not in {s for label, s in found(text) if label != "date"}


def test_title_never_inside_person_span() -> None:
    text = "British Prime Minister Keir Starmer spoke to Kenyan President Daniel Kiprono."
    people = {s for label, s in found(text) if label == "person"}
    assert people == {"Keir Starmer", "Daniel Kiprono"}


def test_heading_words_are_not_names() -> None:
    article = make("Talks resumed on Monday in the capital.\n\nWhat Comes Next\n\nNegotiators will meet again.")
    assert article.headings, "the layout should find the heading"
    assert not [m for m in entities.extract_mentions(article) if m.label != Label.DATE]


def test_possessive_span_excludes_s() -> None:
    article = make("Ama Owusu won the vote. Owusu’s allies cheered, and Owusu's rivals conceded.")
    spans = [(m.text, article.text[m.start : m.end]) for m in entities.extract_mentions(article)]
    assert ("Owusu", "Owusu") in spans
    assert all(not s.endswith(("’s", "'s")) for _, s in spans)


def test_lone_surname_needs_the_article() -> None:
    # "Rubio" alone, sentence-initial, without the full name or a speech verb: not enough evidence.
    assert found("Rubio arrived late.") == set()
    assert ("person", "Rubio") in found("Marco Rubio spoke first. Rubio arrived late.")


# --- properties ---------------------------------------------------------------------------------

name_words = st.sampled_from(["Ana", "Roe", "said", "the", "Ministry", "of", "Health", "’s", "U.S.", "1,000", "Monday"])
texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(name_words, st.text(max_size=8)), max_size=60).map(lambda words: " ".join(words)),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_spans_are_exact_and_disjoint(text: str) -> None:
    article = Article(id="x", path="x", title="", source="", text=text)
    mentions = entities.extract_mentions(article)
    last_end = 0
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.start >= last_end
        last_end = m.end
    ents, resolved = entities.resolve_entities([article], {"x": ArticleAnalysis("x", mentions)})
    ids = {e.id for e in ents}
    for m in resolved["x"].mentions:
        assert text[m.start : m.end] == m.text
        assert m.entity in ids


# --- resolution ---------------------------------------------------------------------------------


def test_title_surname_and_possessive_are_one_entity() -> None:
    ents, res, (a, b) = resolve(
        "President Ama Owusu said on Monday that talks would resume. Owusu’s aides agreed.",
        "Owusu said the deal was close. President Owusu will travel to Lomé.",
    )
    ids = {entity_of(res, a, "Ama Owusu"), entity_of(res, a, "Owusu"), entity_of(res, b, "Owusu", 1)}
    assert ids == {"person:ama-owusu"}
    entity = next(e for e in ents if e.id == "person:ama-owusu")
    assert entity.name == "Ama Owusu"
    assert set(entity.aliases) == {"Ama Owusu", "Owusu"}
    assert entity.forms[b.id] == ("Owusu",)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Zelensky", "Zelenskyy"),  # seed: transliteration
        ("Mykhailo Fedorov", "Mykhaylo Fedorov"),
        ("JD Vance", "J.D. Vance"),  # seed: initials
        ("AJ Mensah", "A.J. Mensah"),
        ("Caroline Levitt", "Karoline Leavitt"),  # seed: C/K and one letter shorter
        ("Catherine Olsen", "Katherine Olssen"),
        ("Marie-Claire Dubois", "Marie Claire Dubois"),
        ("Ingrid Solberg", "Ingrid Sølberg"),
        ("Bob Hale", "Robert Hale"),
        ("Adel al-Jubeir", "Adel Al-Jubeir"),
        ("Rosa Quispe", "Rosa Quispe Huamán"),
    ],
)
def test_spelling_variants_merge(first: str, second: str) -> None:
    ents, res, (a, b) = resolve(
        f"The envoy Ivan Petrenko met Governor {first} on Monday, officials said.",
        f"Governor {second} met the envoy Ivan Petrenko on Monday, officials said.",
    )
    first_id = entity_of(res, a, first)
    assert first_id == entity_of(res, b, second)
    entity = next(e for e in ents if e.id == first_id)
    assert entity.forms[a.id] == (first,) and entity.forms[b.id] == (second,)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Mike Johnson", "Mike Jackson"),
        ("Daniel Morgan", "Daniel Horgan"),
        ("Alexei Navalny", "Yulia Navalnaya"),
        ("Vladimir Putin", "Vladimir Medinsky"),  # seed: same given name
    ],
)
def test_different_people_stay_apart(first: str, second: str) -> None:
    _, res, (a, b) = resolve(
        f"Governor {first} spoke to reporters on Monday.",
        f"Governor {second} spoke to reporters on Monday.",
    )
    assert entity_of(res, a, first) != entity_of(res, b, second)


def test_junior_is_someone_else_in_the_same_article() -> None:
    _, res, (a,) = resolve(
        "Robert Hale Jr. runs the firm today. His father, Robert Hale, founded it in 1979. "
        "The younger Hale said the firm would cooperate."
    )
    junior, father = entity_of(res, a, "Robert Hale Jr."), entity_of(res, a, "Robert Hale")
    assert junior != father
    assert entity_of(res, a, "Hale") == junior


def test_famous_parent_not_merged_into_junior() -> None:
    text = "Governor Donald Trump spoke on Monday. Donald Trump later said more."
    _, res, arts = resolve(text, text, text, "Donald Trump Jr. posted a video on Monday.")
    assert entity_of(res, arts[0], "Donald Trump") != entity_of(res, arts[3], "Donald Trump Jr.")


def test_dropped_suffix_in_another_outlet_merges() -> None:
    _, res, (a, b) = resolve(
        "Chief executive Daniel Okafor Jr. told analysts the deal was done.",
        "Chief executive Daniel Okafor said the company was pleased.",
    )
    assert entity_of(res, a, "Daniel Okafor Jr.") == entity_of(res, b, "Daniel Okafor")


def test_lone_surname_goes_to_prominent_person_not_every_namesake() -> None:
    _, res, arts = resolve(
        "President Joan Ruiz said on Monday the budget would pass. Joan Ruiz is in Madrid.",
        "President Joan Ruiz met the unions.",
        "Pablo Ruiz, her nephew, was not at the meeting.",
        "“It will pass,” Ruiz said on Tuesday.",
    )
    assert entity_of(res, arts[3], "Ruiz") == entity_of(res, arts[0], "Joan Ruiz")
    assert entity_of(res, arts[2], "Pablo Ruiz") != entity_of(res, arts[0], "Joan Ruiz")


def test_shared_surname_in_one_article_takes_nearest_full_name() -> None:
    _, res, (a,) = resolve(
        "Maria Costa, the mayor, opened the session. “We are ready,” Costa said. "
        "Her brother Jorge Costa, a farmer, disagreed. “Nobody asked us,” Costa said."
    )
    maria, jorge = entity_of(res, a, "Maria Costa"), entity_of(res, a, "Jorge Costa")
    assert maria != jorge
    assert entity_of(res, a, "Costa", 0) == maria
    assert entity_of(res, a, "Costa", 1) == jorge


def test_acronym_and_short_name_join_long_name() -> None:
    _, res, (a, b) = resolve(
        "The World Food Programme said aid was blocked. Acme Holdings agreed to help.",
        "The WFP warned of famine, and Acme said it would send trucks.",
    )
    assert entity_of(res, a, "World Food Programme") == entity_of(res, b, "WFP")
    assert entity_of(res, a, "Acme Holdings") == entity_of(res, b, "Acme")


def test_short_name_joins_long_name_whatever_its_other_spellings() -> None:
    # "PatrolService" (a handle) and "Patrol Service" share a key; the spelling that shows the words
    # decides, so the result cannot depend on the order a set is read in (it did, by hash seed).
    from tuireader.core.entities import keys as nk

    keys = {(Label.ORG, "northlandpatrolservice"): 0, (Label.ORG, "patrolservice"): 1}
    for surfaces in (
        ["Northland Patrol Service", "Patrol Service", "PatrolService"],
        ["PatrolService", "Patrol Service"],
    ):
        targets = nk.thing_targets(keys, {*surfaces, "Northland Patrol Service"})
        assert targets.get((Label.ORG, "patrolservice")) == (Label.ORG, "northlandpatrolservice")


def test_name_known_elsewhere_is_found_without_evidence() -> None:
    _, res, (a, b) = resolve(
        "The regulator blocked the takeover of the software company Nimbrella Grid on Monday.",
        "Investors in Nimbrella Grid were disappointed.",
    )
    assert entity_of(res, b, "Nimbrella Grid") == entity_of(res, a, "Nimbrella Grid")


def test_dateline_only_place_gets_a_readable_name() -> None:
    ents, _, _ = resolve("OSLO — Talks resumed on Monday.", "OSLO -- Talks resumed on Monday.")
    assert any(e.id == "place:oslo" and e.name == "Oslo" and e.aliases == ("OSLO",) for e in ents)


def test_counts_share_an_entity_by_value() -> None:
    _, res, (a, b) = resolve("Only nine individuals were freed.", "Only 9 individuals were freed.")
    assert entity_of(res, a, "nine individuals") == entity_of(res, b, "9 individuals")


def test_quote_speaker_filled_from_span() -> None:
    article = make(
        "A spokesperson for Prime Minister Ama Owusu said: “We welcome it.” Owusu later called it “historic”."
    )
    mentions = entities.extract_mentions(article)
    owusu = next(m for m in mentions if m.text == "Ama Owusu")
    later = next(m for m in mentions if m.text == "Owusu")
    quotes = (
        Quote(start=0, end=1, speaker_start=0, speaker_end=owusu.end),  # span covering the mention
        Quote(start=2, end=3, speaker_start=later.start, speaker_end=later.end),  # exactly the mention
        Quote(start=4, end=5),  # no speaker span: left alone
    )
    _, resolved = entities.resolve_entities([article], {article.id: ArticleAnalysis(article.id, mentions, quotes)})
    got = resolved[article.id].quotes
    assert got[0].speaker == got[1].speaker == "person:ama-owusu"
    assert got[0].speaker_name == got[1].speaker_name == "Ama Owusu"
    assert got[2].speaker is None


def test_resolution_scales_without_all_pairs() -> None:
    # 400 articles naming 1,200 distinct real-looking people: must finish (no timing assertion)
    # and keep them apart; a few near-identical real surnames ("Hansen"/"Hanson") may merge.
    from tuireader.core.entities.gazetteer import given_names, surnames

    family = sorted(n for n in surnames() if n.isalpha() and n.isascii() and len(n) > 4)[::7][:1200]
    first = sorted(n for n in given_names() if n.isalpha() and n.isascii())[::11][:1200]
    articles = []
    analyses = {}
    for i in range(400):
        text = " ".join(f"Governor {first[(3 * i + k) % 1200]} {family[(3 * i + k) % 1200]} spoke." for k in range(3))
        article = Article(id=f"a{i}", path=f"a{i}", title="", source="", text=text)
        articles.append(article)
        analyses[article.id] = ArticleAnalysis(article.id, entities.extract_mentions(article))
    ents, _ = entities.resolve_entities(articles, analyses)
    people = [e for e in ents if e.label == Label.PERSON]
    assert 1100 <= len(people) <= 1200


def test_analyses_without_articles_pass_through() -> None:
    article = make("Ama Owusu spoke.")
    stray = ArticleAnalysis("missing", (Mention(0, 3, Label.PERSON, "Ama"),))
    _, resolved = entities.resolve_entities([article], {"missing": stray, article.id: ArticleAnalysis(article.id)})
    assert resolved["missing"] == stray


def test_entity_forms_say_which_outlet_spelled_what() -> None:
    ents, _, (a, b) = resolve(
        "Governor Karoline Leavitt spoke on Monday.",  # seed spelling pair
        "Governor Caroline Levitt spoke on Monday. Levitt said more.",
    )
    person = next(e for e in ents if e.label == Label.PERSON and "Leavitt" in e.name + " ".join(e.aliases))
    assert person.forms[a.id] == ("Karoline Leavitt",)
    assert person.forms[b.id] == ("Caroline Levitt", "Levitt")
    assert dataclasses.replace(person).id.startswith("person:")
