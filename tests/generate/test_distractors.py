"""Wrong options of the answer's kind: cities for a city, countries for a country, no asteroid
among places; too few of them and the fact is asked another way than by multiple choice."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date
from typing import Final

import pytest

from quiz.generate.distractors import (
    Pool,
    _nearby_dates,
    answer_kind,
    distractors,
    false_statement,
    statement_ok,
)
from quiz.generate.facts import Fact, Mention
from quiz.generate.grammar import GAP
from quiz.generate.names import is_alias, locates, name_kinds
from quiz.generate.pipeline import build_pool
from quiz.generate.questions import render
from quiz.generate.select import KIND_BONUS, score
from quiz.generate.templates import load_templates
from quiz.generate.values import parse_date
from quiz.model import Article

ARRIVAL = "A small spacecraft named Halla has arrived at the asteroid Korppi after a long journey."
TARTU = (
    "Flight controllers at the Mission Operations Centre in Tartu, Estonia, confirmed that the "
    "probe had fired its engine."
)
MEMBERS = "Its members are Denmark, Finland, Iceland, Latvia, Lithuania, Norway and Sweden."
CITIES = "The team celebrated in Riga, Oslo and Vilnius."
TWO_CITIES = "The team celebrated in Riga and Oslo."
MOVE = "The agency moved its offices from Latvia to Estonia in 2015."
TALKS = "The talks moved from Nepal to Bhutan in 2015."
DELEGATES = "Delegates came from India, China and Bangladesh."

COUNTRY_NAMES = ("Denmark", "Finland", "Iceland", "Latvia", "Lithuania", "Norway", "Sweden")
ASIA = ("Nepal", "Bhutan", "India", "China", "Bangladesh")


def place(answer: str, sentence: str, paragraph: int, *others: str) -> Fact:
    """A place fact whose sentence names `answer` and the places `others`."""
    return Fact(
        "place",
        answer,
        sentence,
        paragraph,
        detail="GPE",
        slots=(("context", sentence.replace(answer, GAP, 1)),),
        entities=tuple(("GPE", name) for name in (answer, *others)),
    )


def article_and_facts(*sentences: str) -> tuple[Article, list[Fact]]:
    """The sentences as paragraphs, with a place fact for each place each of them names."""
    names = ("Korppi", "Tartu", "Estonia", "Riga", "Oslo", "Vilnius", *COUNTRY_NAMES, *ASIA)
    facts: list[Fact] = []
    for number, sentence in enumerate(sentences, start=1):
        here = [n for n in names if n in sentence]
        facts.extend(place(n, sentence, number, *(o for o in here if o != n)) for n in here)
    article = Article("Halla", tuple(sentences), published=date(2024, 3, 6))
    return article, facts


def options(answer: str, sentence: str, *sentences: str, seeds: int = 20) -> set[str]:
    """Every wrong option offered for the place `answer` of `sentence` over several seeds."""
    article, facts = article_and_facts(*sentences)
    pool = build_pool(article, facts)
    fact = next(f for f in facts if f.answer == answer and f.sentence == sentence)
    found: set[str] = set()
    for seed in range(seeds):
        found.update(distractors(fact, answer, "answer", pool, random.Random(seed)))
    return found


def test_a_city_followed_by_its_country_gets_no_cities_of_other_countries() -> None:
    # "in _____, Estonia" with Riga or Oslo among the options is wrong at sight: without enough
    # Estonian cities (the gazetteer adds the capital) the fact is asked as a gap or a typed
    # question
    assert options("Tartu", TARTU, ARRIVAL, TARTU, MEMBERS, CITIES) == {"Tallinn"}
    assert options("Tartu", TARTU, TARTU, MEMBERS, TWO_CITIES) == {"Tallinn"}


def test_a_city_never_gets_countries_even_when_cities_run_short() -> None:
    # the article has two other cities; the gazetteer adds the capital of the city's country
    fired = "Flight controllers in Tartu confirmed that the probe had fired its engine."
    found = options("Tartu", fired, fired, MEMBERS, TWO_CITIES)
    assert found == {"Riga", "Oslo", "Tallinn"}


def test_an_asteroid_is_no_place_to_offer() -> None:
    found = options("Tartu", TARTU, ARRIVAL, TARTU, CITIES)
    assert "Korppi" not in found


def test_a_country_gets_only_countries() -> None:
    found = options("Estonia", MOVE, ARRIVAL, TARTU, MEMBERS, CITIES, MOVE)
    assert found and found <= set(COUNTRY_NAMES) - {"Latvia"}  # Latvia is in the sentence
    found = options("Bhutan", TALKS, ARRIVAL, CITIES, DELEGATES, TALKS)
    assert found == {"India", "China", "Bangladesh"}


def test_a_country_with_no_other_countries_gets_its_neighbours_from_the_gazetteer() -> None:
    # Estonia borders Latvia and Russia; Latvia is in the sentence, so only Russia is left
    assert options("Estonia", MOVE, ARRIVAL, CITIES, MOVE) == {"Russia"}


def test_a_place_of_uncertain_kind_makes_no_choice_but_another_kind() -> None:
    # The gazetteer does not know the town, so its kind is uncertain: no options of other kinds
    # beside it, the fact is asked as a cloze instead.
    sentence = "Flight controllers in Vaskemaeki, Estonia, confirmed that the probe had fired."
    article = Article("Halla", (sentence, CITIES), published=date(2024, 3, 6))
    town = place("Vaskemaeki", sentence, 1, "Estonia")
    cities = [place(name, CITIES, 2) for name in ("Riga", "Oslo", "Vilnius")]
    pool = build_pool(article, [town, *cities])
    made: dict[str, str] = {}
    for template in load_templates():
        candidate, reason = render(town, template, pool)
        if candidate is not None:
            made[template.kind] = candidate.question.prompt
        elif reason:
            made.setdefault(f"{template.kind} refused", reason)
    assert "choice" not in made
    assert made["choice refused"] == "few-distractors"
    assert made["cloze"].startswith("Flight controllers in {{c1::Vaskemaeki}}")


def test_a_person_quoted_gets_people_not_organisations() -> None:
    speakers = ("Mikkel Strand", "Aino Kettunen", "Jonas Vik", "Saara Lindholm")
    mentions = [("PERSON", s) for s in speakers] + [("ORG", "NBSA"), ("ORG", "NASA")]
    pool = Pool(
        mentions=tuple(Mention(label, text, "", 1) for label, text in mentions),
        speakers=(*speakers, "NBSA", "NASA"),
    )
    quote = Fact("quote", "We are in orbit", '"We are in orbit," said Mikkel Strand.', 1)
    quote = quote.with_slots(speaker="Mikkel Strand", quote="We are in orbit")
    found: set[str] = set()
    for seed in range(20):
        found.update(distractors(quote, "Mikkel Strand", "speaker", pool, random.Random(seed)))
    assert found == set(speakers[1:])


@pytest.mark.parametrize(
    ("name", "text", "kind"),
    [
        ("Tartu", "at the centre in Tartu, Estonia, confirmed", "local"),
        ("Tartu", "in Tartu, Estonia.", "local"),
        ("Springfield", "a plant in Springfield, U.S. The plant", "local"),
        ("Peshawar", "with the Pakistani city of Peshawar", "local"),
        ("Korppi", "has arrived at the asteroid Korppi, ending", "asteroid"),
        ("Halla", "A small spacecraft named Halla has arrived", "spacecraft"),
        ("Ida", "after Hurricane Ida struck", "hurricane"),
        ("Earth", "bring material back to Earth", "sky"),
        ("Denmark", "Its members are Denmark, Estonia, Finland and Norway.", "country"),
        ("Iran", "the tanker Iran seized", "country"),
        ("Beijing", "an ambassador in Beijing", ""),
        ("Riga", "in Riga, Oslo and Vilnius", ""),
    ],
)
def test_what_an_article_says_a_name_is(name: str, text: str, kind: str) -> None:
    assert name_kinds([name], text).get(name, "") == kind


@pytest.mark.parametrize(
    ("name", "sentence", "expected"),
    [
        ("Estonia", TARTU, True),
        ("Tartu", TARTU, False),
        ("Estonia", "Its members are Denmark, Estonia, Finland and Norway.", False),
        ("Illinois", "a plant in Springfield, Illinois, closed", False),
        ("U.S.", "a plant in Springfield, U.S., closed", True),
    ],
)
def test_a_country_after_a_place_only_locates_it(name: str, sentence: str, expected: bool) -> None:
    assert locates(name, sentence) is expected


def test_two_names_of_one_country_are_never_two_options() -> None:
    assert is_alias("U.S.", "United States") and is_alias("the UK", "Britain")
    assert not is_alias("United States", "United Kingdom")


def test_a_cloze_asked_for_want_of_options_keeps_the_choices_rank() -> None:
    article, facts = article_and_facts(TARTU, TWO_CITIES)
    pool = build_pool(article, facts)
    tartu = next(f for f in facts if f.answer == "Tartu")
    cloze = next(t for t in load_templates() if t.id == "place-cloze")
    candidate, _ = render(tartu, cloze, pool)
    assert candidate is not None
    plain = score(candidate, mentions={}, paragraphs=2)
    kept = score(candidate, mentions={}, paragraphs=2, no_choice=True)
    assert kept - plain == pytest.approx(KIND_BONUS["choice"] - KIND_BONUS["cloze"])


def test_a_name_the_sentence_mentions_is_no_option_even_if_not_tagged() -> None:
    # The parser may miss a name in the question's own sentence ("IS-K claimed responsibility for
    # the attack on _____"); it plays another part there and must not be offered.
    sentence = "Flights from Riga landed in Tartu on time."
    others = "The team celebrated in Riga, Oslo, Vilnius and Kaunas."
    article = Article("Flights", (sentence, others), published=date(2024, 3, 6))
    tartu = Fact(
        "place",
        "Tartu",
        sentence,
        1,
        detail="GPE",
        slots=(("context", sentence.replace("Tartu", GAP, 1)),),
        entities=(("GPE", "Tartu"),),  # Riga not tagged here
    )
    cities = [place(name, others, 2) for name in ("Riga", "Oslo", "Vilnius", "Kaunas")]
    pool = build_pool(article, [tartu, *cities])
    found: set[str] = set()
    for seed in range(20):
        found.update(distractors(tartu, "Tartu", "answer", pool, random.Random(seed)))
    # (the capital of Tartu's own country comes before the article's cities abroad)
    assert "Tallinn" in found and found <= {"Oslo", "Vilnius", "Kaunas", "Tallinn"}
    assert len(found) == 3


def entity_fact(
    kind: str, label: str, answer: str, sentence: str, *others: tuple[str, str]
) -> Fact:
    """A fact of `kind` whose answer is the entity `answer` of `sentence`."""
    return Fact(
        kind,
        answer,
        sentence,
        1,
        detail=label if kind != "person" else "",
        slots=(("context", sentence.replace(answer, GAP, 1)),),
        entities=((label, answer), *others),
    )


def pool_of(label: str, names: Sequence[str]) -> Pool:
    """A pool of the names an article mentions, all with the entity `label`."""
    return Pool(mentions=tuple(Mention(label, name, "", 2) for name in names))


def all_options(fact: Fact, pool: Pool, seeds: int = 10) -> set[str]:
    found: set[str] = set()
    for seed in range(seeds):
        found.update(distractors(fact, fact.answer, "answer", pool, random.Random(seed)))
    return found


def test_no_option_contains_the_answer_or_lies_within_it() -> None:
    sentence = "The festival moved from Scotland to Norway in 2019."
    names = ("Scotland", "Great Britain", "Wales", "Ireland", "France", "Spain")
    pool = pool_of("GPE", names)
    found = all_options(entity_fact("place", "GPE", "Scotland", sentence), pool)
    assert "Great Britain" not in found and found <= {"Wales", "Ireland", "France", "Spain"}
    assert len(found) >= 3


def test_an_acronym_and_its_long_form_are_never_two_options() -> None:
    sentence = "The ministry said the plan was drafted by the Council of Lessany."
    orgs = ("United Nations", "UN", "Council of Lessany", "Trade Council", "Farm Council")
    pool = pool_of("ORG", orgs)
    fact = entity_fact("organisation", "ORG", "Council of Lessany", sentence)
    for seed in range(10):
        wrong = distractors(fact, fact.answer, "answer", pool, random.Random(seed))
        assert not {"United Nations", "UN"} <= set(wrong)


def test_organisations_get_options_of_their_own_kind_only() -> None:
    sentence = "The appeal was heard by the Supreme Court of Lessany on Monday."
    orgs = (
        "High Court",
        "Court of Appeal",
        "Harbour Times",
        "GMT",
        "Velsa Motors",
        "Constitutional Court",
    )
    pool = pool_of("ORG", orgs)
    found = all_options(
        entity_fact("organisation", "ORG", "Supreme Court of Lessany", sentence), pool
    )
    assert found == {"High Court", "Court of Appeal", "Constitutional Court"}


def test_an_organisation_of_uncertain_kind_gets_no_options() -> None:
    sentence = "Tidewell Water Services will run the plant."
    orgs = ("Cole Bay Trust", "Orsa", "Harbour Times", "Velsa Motors")
    pool = pool_of("ORG", orgs)
    fact = entity_fact("organisation", "ORG", "Tidewell Water Services", sentence)
    assert all_options(fact, pool) == set()


def test_the_authors_and_the_credits_line_give_no_people() -> None:
    body = (
        "Mayor Ilse Varga said the plant would open in 2029.",
        "Councillor Peter Holm and engineer Sanna Lind agreed, and Jonas Ekberg objected.",
        "Reporting by Maria Castell; editing by Tom Reyes.",
    )
    article = Article("Plant", body, authors=("Lena Ostrova",), published=date(2024, 3, 6), url="")
    people = [
        entity_fact("person", "PERSON", "Ilse Varga", body[0]),
        entity_fact("person", "PERSON", "Peter Holm", body[1], ("PERSON", "Sanna Lind")),
        entity_fact("person", "PERSON", "Jonas Ekberg", body[1]),
        entity_fact("person", "PERSON", "Maria Castell", body[2], ("PERSON", "Tom Reyes")),
        entity_fact("person", "PERSON", "Lena Ostrova", body[0]),
    ]
    pool = build_pool(article, people)
    found = all_options(people[0], pool)
    assert found == {"Peter Holm", "Sanna Lind", "Jonas Ekberg"}
    assert all_options(people[-1], pool) == set()  # no question about the author gets options


def test_part_of_a_longer_name_gets_no_options() -> None:
    sentence = "Fans of Inter Lessany cheered in Oslo."
    pool = Pool(
        mentions=tuple(Mention("GPE", n, "", 2) for n in ("Riga", "Oslo", "Vilnius", "Lessany"))
    )
    fact = entity_fact("place", "GPE", "Oslo", sentence)
    assert {"Riga", "Vilnius"} <= all_options(fact, pool)
    fragment = Fact(
        "place",
        "Oslo",
        "Fans of Inter Oslo cheered.",
        1,
        detail="GPE",
        slots=(("context", f"Fans of Inter {GAP} cheered."),),
    )
    assert all_options(fragment, pool) == set()


def test_a_name_after_the_gets_options_the_article_writes_after_the() -> None:
    body = (
        "Asylum seekers who arrive in the Netherlands wait for months.",
        "Others go to the Philippines, the Maldives, Spain, Italy or Greece.",
        "The Philippines and the Maldives are far away.",
    )
    article = Article("Asylum", body, published=date(2024, 3, 6))
    names = ("Netherlands", "Philippines", "Maldives", "Spain", "Italy", "Greece")
    facts = [entity_fact("place", "GPE", n, next(s for s in body if n in s)) for n in names]
    pool = build_pool(article, facts)
    assert set(pool.with_the) == {"Netherlands", "Philippines", "Maldives"}
    found = all_options(facts[0], pool)
    assert found == {"Philippines", "Maldives"}  # never "arrive in the Spain"


def test_years_stay_on_the_side_of_the_publication_year() -> None:
    past = Fact(
        "date", "2021", "The bridge opened in 2021.", 1, detail="year", value="2021",
        slots=(("context", f"The bridge opened in {GAP}."),),
    )  # fmt: skip
    future = Fact(
        "date", "2027", "The tunnel will open in 2027.", 1, detail="year", value="2027",
        slots=(("context", f"The tunnel will open in {GAP}."),),
    )  # fmt: skip
    pool = Pool(latest_year=2024)
    for seed in range(20):
        for option in distractors(past, "2021", "answer", pool, random.Random(seed)):
            assert int(option) <= 2024
        options = distractors(future, "2027", "answer", pool, random.Random(seed))
        assert len(options) == 3 and all(int(o) > 2024 for o in options)


@pytest.mark.parametrize(
    ("statement", "ok"),
    [
        ("Mayor Ilse Varga opened the plant in Riga.", True),
        ('"I was there," Ilse Varga said of the opening in Riga.', True),
        ("I'm a student of Ilse Varga in Riga.", False),
        ("He opened the plant in Riga.", False),
        ("The plant my family built stands in Riga.", False),
    ],
)
def test_a_false_statement_names_who_it_is_about(statement: str, ok: bool) -> None:
    assert statement_ok(statement) is ok


def test_a_false_statement_swaps_in_a_validated_option() -> None:
    sentence = "The ferry now sails from Tallinn to Riga."
    pool = pool_of("GPE", ("Oslo", "Vilnius", "Warsaw"))
    fact = entity_fact("place", "GPE", "Riga", sentence, ("GPE", "Tallinn"))
    made = {false_statement(fact, "Riga", "answer", pool, random.Random(s)) for s in range(5)}
    assert len(made) == 1  # the same statement under any seed
    statement = made.pop()
    assert statement is not None and statement.startswith("The ferry now sails from Tallinn to ")
    assert statement.removeprefix("The ferry now sails from Tallinn to ")[:-1] in {
        "Oslo",
        "Vilnius",
        "Warsaw",
    }
    pronoun = Fact(
        "place", "Riga", "He sailed to Riga.", 1, detail="GPE",
        slots=(("context", f"He sailed to {GAP}."),),
    )  # fmt: skip
    assert false_statement(pronoun, "Riga", "answer", pool, random.Random(0)) is None


def test_a_borough_and_its_city_are_never_two_options() -> None:
    sentence = "The hearing took place in Manhattan on Monday."
    cities = ("New York City", "Boston", "Chicago", "Denver", "Brooklyn")
    pool = pool_of("GPE", cities)
    found = all_options(entity_fact("place", "GPE", "Manhattan", sentence), pool)
    assert "New York City" not in found and len(found) == 3


def test_a_share_is_never_offered_as_all_or_nothing() -> None:
    fact = Fact(
        "number", "60%", "About 60% of the town voted.", 1, detail="percent", value="60",
        slots=(("context", f"About {GAP} of the town voted."),),
    )  # fmt: skip
    for seed in range(30):
        options = distractors(fact, "60%", "answer", Pool(), random.Random(seed))
        assert len(options) == 3 and "100%" not in options and "0%" not in options


def test_a_swap_inside_a_quotation_is_no_false_statement() -> None:
    assert not statement_ok(f'"We expect {GAP} to lead the team," the coach said.')
    assert statement_ok(f'"We expect a lot," said {GAP}.')


def test_an_abbreviation_gets_abbreviations_and_a_full_name_full_names() -> None:
    sentence = "The U.S. chip output fell last year."
    countries = ("UK", "EU", "UAE", "Canada", "Mexico", "China")
    pool = pool_of("GPE", countries)
    found = all_options(entity_fact("place", "GPE", "U.S.", sentence), pool)
    assert found == {"UK", "UAE"}  # the EU is no country
    found = all_options(entity_fact("place", "GPE", "France", "France voted no."), pool)
    assert found == {"Canada", "Mexico", "China"}


def test_no_option_is_another_name_of_something_the_sentence_mentions() -> None:
    sentence = "Israel sided with the U.S. at the harbour talks."
    countries = ("America", "Egypt", "Jordan", "Lebanon")
    pool = pool_of("GPE", countries)
    fact = entity_fact("place", "GPE", "Israel", sentence, ("GPE", "U.S."))
    assert all_options(fact, pool) == {"Egypt", "Jordan", "Lebanon"}


def test_a_one_word_person_needs_the_article_to_give_names_in_full() -> None:
    sentence = "Later, Varga signed the contract."
    people = ("Ilse Varga", "Peter Holm", "Sanna Lind", "Jonas Ekberg", "Advent", "Botox")
    pool = pool_of("PERSON", people)
    assert all_options(entity_fact("person", "PERSON", "Varga", sentence), pool) == {
        "Holm",
        "Lind",
        "Ekberg",
    }
    lone = entity_fact("person", "PERSON", "Sophia", "Later, Sophia signed the contract.")
    assert all_options(lone, pool) == set()


@pytest.mark.parametrize(
    ("answer", "label", "kind"),
    [
        ("Oslo", "GPE", "city"),
        ("Vaskemaeki", "GPE", ""),
        ("Orsa", "ORG", ""),
        ("High Court", "ORG", "court"),
    ],
)
def test_the_answers_kind_says_whether_options_can_be_offered(
    answer: str, label: str, kind: str
) -> None:
    fact = entity_fact(
        "place" if label == "GPE" else "organisation", label, answer, f"It was {answer}."
    )
    assert answer_kind(fact, answer, "answer", Pool()) == kind


def test_the_outlet_that_published_the_page_is_no_option() -> None:
    body = ("The Harbour Times, the Daily Courier and the Evening Post all ran the story.",)
    article = Article(
        "Story", body, published=date(2024, 3, 6), url="https://www.harbourtimes.example/news/1"
    )
    outlets = ("Harbour Times", "Daily Courier", "Evening Post", "Morning Herald")
    facts = [entity_fact("organisation", "ORG", n, body[0]) for n in outlets]
    pool = build_pool(article, facts)
    assert "Harbour Times" not in {m.text for m in pool.mentions}


def test_options_lie_in_the_region_the_sentence_names_after_the_gap() -> None:
    from quiz.generate.distractors import _within_named_region

    context = "Ada Lindqvist grew up in \x00, Texas, before she moved to Vell in 2001."
    assert _within_named_region("Houston", ["Los Angeles", "Chicago", "Dallas"], context) == []
    inside = ["Dallas", "Austin", "El Paso"]
    assert _within_named_region("Houston", inside, context) == inside
    assert _within_named_region("Houston", ["Los Angeles"], "She grew up in \x00.") == [
        "Los Angeles"
    ]


# ----------------------------------------------------------------------------- places the sentence bounds


def city_options(answer: str, sentence: str, *cities: str) -> set[str]:
    """The wrong options for the city `answer` of `sentence`, the article naming `cities`."""
    pool = pool_of("GPE", cities)
    return all_options(entity_fact("place", "GPE", answer, sentence), pool)


TENNESSEE: Final = {
    "Nashville",
    "Memphis",
    "Knoxville",
    "Chattanooga",
    "Clarksville",
    "Murfreesboro",
}


@pytest.mark.parametrize(
    ("answer", "sentence", "inside"),
    [
        # an abbreviated state after the gap
        ("Memphis", "The band played in Memphis, Tenn., before flying home.", TENNESSEE),
        # the state named as part of another name before the gap
        ("El Paso", "She lectures in law at the University of Texas at El Paso.", None),
        # the country named after the gap
        ("Xiamen", "The cousins took a bus to Xiamen in southern China last weekend.", None),
    ],
)
def test_options_lie_in_the_region_the_sentence_names_anywhere(
    answer: str, sentence: str, inside: set[str] | None
) -> None:
    from quiz.generate.distractors import named_region
    from quiz.generate.places import contains
    from quiz.generate.places import place as gazetteer_place

    others = ("Boston", "Chicago", "Paris", "Lanzhou", "Dallas", "Knoxville", "Beijing", "Denver")
    found = city_options(answer, sentence, *others)
    region = named_region(answer, sentence.replace(answer, GAP, 1))
    assert region is not None and len(found) == 3
    for name in found:
        there = gazetteer_place(name)
        assert there is not None and contains(region, there), name
    if inside is not None:
        assert found <= inside


def test_a_city_abroad_comes_after_the_cities_of_the_answers_country() -> None:
    # "a resort near _____" for Beijing: Paris is a give-away beside two Chinese cities
    found = city_options("Beijing", "The leaders met at a resort near Beijing.", "Lanzhou", "Paris")
    assert "Lanzhou" in found and "Paris" not in found and len(found) == 3


def test_a_name_the_prompt_gives_in_part_is_no_option() -> None:
    # "Varga praised _____": Ilse Varga cannot be the one praised, whatever the parser tagged
    sentence = "After the final, Varga praised Peter Holm for his calm."
    people = ("Ilse Varga", "Sanna Lind", "Jonas Ekberg", "Ola Berg", "Peter Holm")
    pool = pool_of("PERSON", people)
    found = all_options(entity_fact("person", "PERSON", "Peter Holm", sentence), pool)
    assert found == {"Sanna Lind", "Jonas Ekberg", "Ola Berg"}


def test_a_past_days_options_never_lie_after_the_publication_day() -> None:
    fact = Fact(
        "date", "October 7, 2023", "The siege began on October 7, 2023.", 1, detail="day",
        value="2023-10-07", slots=(("context", f"The siege began on {GAP}."),),
    )  # fmt: skip
    pool = Pool(latest_year=2023, published=date(2023, 11, 2))
    for seed in range(20):
        options = distractors(fact, "October 7, 2023", "answer", pool, random.Random(seed))
        assert len(options) == 3
        assert not {"November 7, 2023", "December 7, 2023"} & set(options)


def test_a_city_named_beside_cities_of_one_state_gets_cities_of_that_state() -> None:
    sentence = "The tour ran from the bars of Nashville to the halls of Memphis."
    found = city_options("Memphis", sentence, "Washington", "New York City", "Knoxville", "Boston")
    assert "Knoxville" in found and found <= TENNESSEE and len(found) == 3
    # cities of several states say nothing of the answer's
    mixed = "The tour ran from Boston and Nashville to the halls of Memphis."
    assert "New York City" in city_options("Memphis", mixed, "New York City", "Knoxville", "Denver")


def test_no_option_contains_a_place_the_sentence_sets_apart_from_the_answer() -> None:
    sentence = "The fair opens on May 3 in the U.S. and on May 4 in Europe."
    continents = ("North America", "Africa", "Asia", "South America")
    pool = pool_of("LOC", continents)
    found = all_options(entity_fact("place", "LOC", "Europe", sentence, ("GPE", "U.S.")), pool)
    assert "North America" not in found and len(found) == 3


def test_a_person_named_only_as_the_press_is_no_option() -> None:
    lines = {
        "Ilse Varga": "Police said Ilse Varga was seen near the harbour.",
        "Peter Holm": "Peter Holm was held for questioning on Monday.",
        "Sanna Lind": "Sanna Lind denied any part in the theft.",
        "Ola Berg": "Ola Berg, a reporter for the Harbour Times, saw the arrest.",
        "Jonas Ekberg": "Correspondent Jonas Ekberg contributed to this report.",
        "Maja Dahl": "Maja Dahl contributed reporting.",
        "Eva Storm": "Eva Storm told reporter Leif Nyberg she saw nothing.",
    }
    pool = Pool(mentions=tuple(Mention("PERSON", n, s, 2) for n, s in lines.items()))
    fact = entity_fact("person", "PERSON", "Ilse Varga", lines["Ilse Varga"])
    found = all_options(fact, pool)
    assert found == {"Peter Holm", "Sanna Lind", "Eva Storm"}


def test_the_side_that_beat_the_answer_is_no_option() -> None:
    # "Harbour Rovers beat _____": the winners cannot be the beaten side
    sentence = "On Saturday Harbour Rovers beat Vale Town FC 3-1 at home."
    clubs = ("Harbour Rovers FC", "Mill United FC", "Port City FC", "Bay Albion FC", "Vale Town FC")
    pool = pool_of("ORG", clubs)
    found = all_options(entity_fact("organisation", "ORG", "Vale Town FC", sentence), pool)
    assert found == {"Mill United FC", "Port City FC", "Bay Albion FC"}


def test_no_city_of_a_country_the_sentence_sets_apart_from_the_answer() -> None:
    # "reached Japan in 1990, decades after it first appeared in _____": no Japanese city
    sentence = "The dance reached Japan in 1990, decades after it first appeared in Madrid."
    found = city_options("Madrid", sentence, "Osaka", "Kyoto", "Lisbon", "Rome", "Vienna")
    assert found and not {"Osaka", "Kyoto"} & found
    # a country that only qualifies the name before it sets nothing apart
    listed = "The tour stops in Porto, Portugal; Madrid; and Turin."
    assert "Lisbon" in city_options("Madrid", listed, "Lisbon", "Rome", "Vienna", "Bern")


def test_a_stand_in_name_is_no_option() -> None:
    # "Y College" stands for any college in the article's example: no real school to offer
    sentence = "Lorn College in Vell cut its fees by a third last spring."
    colleges = ("Y College", "Brannock College", "Tesh College", "Halder College")
    pool = pool_of("ORG", colleges)
    found = all_options(entity_fact("organisation", "ORG", "Lorn College", sentence), pool)
    assert found == {"Brannock College", "Tesh College", "Halder College"}
    few = pool_of("ORG", colleges[:3])
    assert "Y College" not in all_options(
        entity_fact("organisation", "ORG", "Lorn College", sentence), few
    )


def test_a_part_of_a_year_gets_options_of_the_same_part() -> None:
    value = parse_date("late 1998")
    assert value is not None
    below, above = _nearby_dates(value, frozenset({value.value}), (2024, 6, 1), "late 1998")
    assert below[:2] == ("late 1997", "late 1996")
    assert above[:1] == ("late 1999",)
