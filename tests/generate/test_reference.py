"""A bare description in a subject is named again from earlier in the article, or the sentence
gives no question when it points back at something that cannot be found."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from quiz.generate.facts import Fact

pytestmark = pytest.mark.slow

Extract = Callable[..., list[Fact]]


def contexts(facts: list[Fact], answer: str) -> list[str]:
    return [f.slot("context").replace("\x00", "_____") for f in facts if f.answer == answer]


def test_the_plan_is_named_again(article_facts: Extract) -> None:
    facts = article_facts(
        "Vellby launched the Open Harbour plan in 2023 to rewrite its mooring rules.",
        "The plan requires new ferries to have ramps of at least 3 metres.",
        published=date(2023, 12, 1),
    )
    assert contexts(facts, "3 metres") == [
        "The Open Harbour plan requires new ferries to have ramps of at least _____."
    ]


def test_a_description_pointing_back_at_nothing_gives_no_question(
    article_facts: Extract,
) -> None:
    facts = article_facts("This delay cost the ferry line 4% of its income in 2022.")
    assert facts == []


def test_a_generic_subject_stays(article_facts: Extract) -> None:
    facts = article_facts("The harbour festival falls on Dec. 14.", published=date(2023, 12, 1))
    assert contexts(facts, "Dec. 14") == ["The harbour festival falls on _____."]


def test_a_noun_named_two_ways_is_not_resolved(article_facts: Extract) -> None:
    facts = article_facts(
        "The Vell Ferries company and the Nord Line company both sail to Tarn.",
        "The company carried 1,200 passengers in 2021.",
    )
    assert all("Vell" not in c and "Nord" not in c for c in contexts(facts, "2021"))


def test_a_person_described_by_a_noun_is_named_again(article_facts: Extract) -> None:
    facts = article_facts(
        "Ada Lindqvist, the harbour master, opened the new quay in Vell.",
        "The master said the quay cost 4 million euros in 2023.",
        published=date(2024, 1, 10),
    )
    assert contexts(facts, "2023") == ["Ada Lindqvist said the quay cost 4 million euros in _____."]


def test_the_star_is_the_one_person_just_named(article_facts: Extract) -> None:
    facts = article_facts(
        "Ada Lindqvist was too tired after the long tour to sing an encore.",
        "The star is playing the queen at the Tarn Arena in Vell until 2024.",
        published=date(2023, 12, 1),
    )
    assert contexts(facts, "Tarn Arena") == [
        "Ada Lindqvist is playing the queen at the _____ in Vell until 2024."
    ]


def test_the_star_after_two_people_gives_no_question(article_facts: Extract) -> None:
    facts = article_facts(
        "Ada Lindqvist and Bo Tarnsson were so nervous on the first night that they forgot lines.",
        "The star is playing the queen at the Tarn Arena in Vell until 2024.",
        published=date(2023, 12, 1),
    )
    assert contexts(facts, "Tarn Arena") == []


def test_a_description_of_a_noun_used_before_gives_no_question(article_facts: Extract) -> None:
    facts = article_facts(
        "A ship sank off the coast of Vell on Monday.",
        "Rescuers from two towns reached the coast at dawn.",
        "The stricken ship was carrying 22 sailors from Tarn in 2023.",
        published=date(2023, 12, 1),
    )
    assert contexts(facts, "2023") == []


def test_the_sentence_before_that_names_the_noun_leads_the_question(
    article_facts: Extract,
) -> None:
    facts = article_facts(
        "A ship sank off the coast of Vell on Monday.",
        "The stricken ship was carrying 22 sailors from Tarn in 2023.",
        published=date(2023, 12, 1),
    )
    [fact] = [f for f in facts if f.answer == "2023"]
    assert fact.slot("lead") == "A ship sank off the coast of Vell on Monday."
    assert fact.slot("context") == "The stricken ship was carrying 22 sailors from Tarn in \x00."


def test_these_with_a_noun_named_just_before_is_led(article_facts: Extract) -> None:
    facts = article_facts(
        "Crews in Vell fought 790 chimney fires in 2022.",
        "These fires caused 12 deaths.",
    )
    [fact] = [f for f in facts if f.answer == "12 deaths"]
    assert fact.slot("lead") == "Crews in Vell fought 790 chimney fires in 2022."


def test_a_lead_that_points_back_itself_leads_nothing(article_facts: Extract) -> None:
    facts = article_facts(
        "He said the crews fought 790 chimney fires in 2022.",
        "These fires caused 12 deaths.",
    )
    assert [f for f in facts if f.answer == "12 deaths"] == []


def test_a_term_used_again_stays(article_facts: Extract) -> None:
    facts = article_facts(
        "Advisors say the advisor benefit grew in Vell.",
        "The advisor benefit can be 2.7% a year in Tarn, the Vell Bank said in 2023.",
        published=date(2023, 12, 1),
    )
    assert any(c.startswith("The advisor benefit can be") for c in contexts(facts, "2023"))


def test_that_with_a_noun_anywhere_points_back(article_facts: Extract) -> None:
    facts = article_facts(
        "If only Vell had checked that invitation as closely as it checked the Tarn Gala in 2021."
    )
    assert facts == []


def test_this_year_and_a_quoted_that_do_not_point_back(article_facts: Extract) -> None:
    facts = article_facts(
        'Ada Lindqvist said "that ferry was late" at the Tarn Gala this year.',
        published=date(2023, 12, 1),
    )
    assert facts  # the sentence still gives questions


def test_such_with_a_noun_points_back(article_facts: Extract) -> None:
    facts = article_facts("The Vell deal that runs through 2036 makes such an exit hard for Tarn.")
    assert facts == []


def test_a_lead_may_hold_a_relative_clause(article_facts: Extract) -> None:
    facts = article_facts(
        "Crews in Vell fought 790 chimney fires that began with candles in 2022.",
        "These fires caused 12 deaths.",
    )
    [fact] = [f for f in facts if f.answer == "12 deaths"]
    assert fact.slot("lead").startswith("Crews in Vell fought")


def test_this_before_a_name_says_which(article_facts: Extract) -> None:
    facts = article_facts("My uncle bought this 1974 Vellmark Coupe in Tarn for $900.")
    assert any(f.answer == "1974" for f in facts)


def test_a_plural_kind_noun_is_not_the_one_person_just_named(article_facts: Extract) -> None:
    facts = article_facts(
        "Police in Vell charged Tomas Berg with the attack on Monday.",
        "The victims were Ada Moen and Lena Holm, both 21, of Tarn.",
    )
    assert not any("Tomas Berg were" in f.slot("context") for f in facts)


def test_the_two_people_point_back_like_the_people(article_facts: Extract) -> None:
    facts = article_facts(
        "Ada Moen and Lena Holm met at the Vell harbour school in 1999.",
        "Rescuers from the town searched all night.",
        "The two women later worked together on a ferry in Tarn in 2004.",
    )
    assert contexts(facts, "2004") == []


def test_the_kind_noun_is_the_one_the_headline_names(nlp: object) -> None:
    from quiz.generate.pipeline import extract_facts
    from quiz.model import Article

    article = Article(
        title="Vell Air pilots end strike after pay deal",
        paragraphs=(
            "Ada Moen, the president of the pilots' union UCA, said the deal was fair.",
            "The airline was founded in 1987. It carried 11.2 million passengers last year.",
        ),
        published=date(2025, 5, 1),
    )
    facts = extract_facts(article)
    assert contexts(facts, "1987") == ["Vell Air was founded in _____."]
    assert contexts(facts, "11.2 million passengers") == ["Vell Air carried _____ last year."]


def test_the_next_play_points_back(article_facts: Extract) -> None:
    facts = article_facts("Ada Moen kicked a goal from the next corner to tie the Vell game.")
    assert facts == []
    timely = article_facts("The Vell ferry will sail again next year from Tarn, Ada Moen said.")
    assert any(f.answer == "Tarn" for f in timely)


def test_the_owner_in_a_subject_is_resolved_like_a_subject(article_facts: Extract) -> None:
    facts = article_facts(
        "A man was found dead near the Vell harbour in 1996.",
        "Rescuers from two towns searched the coast at dawn.",
        "In 2017, the victim's grave in Tarn was opened for new DNA tests.",
    )
    assert contexts(facts, "2017") == []
    named = article_facts(
        "Police in Vell named the dead sailor as Tomas Berg on Monday.",
        "The sailor's body was flown home to Tarn on 3 May 2016.",
    )
    [fact] = [f for f in named if f.answer == "3 May 2016"]
    assert fact.slot("lead") == "Police in Vell named the dead sailor as Tomas Berg on Monday."


def test_that_before_a_bare_make_still_points_back(article_facts: Extract) -> None:
    assert article_facts("My uncle drove that ancient Volvo to Tarn every summer until 2019.") == []


def test_a_description_by_age_is_the_person_just_named(article_facts: Extract) -> None:
    facts = article_facts(
        "Police in Vell arrested Tomas Berg on Monday.",
        "The 51-year-old appeared in court in Tarn on 3 May 2023.",
    )
    assert contexts(facts, "3 May 2023") == ["Tomas Berg appeared in court in Tarn on _____."]
    plural = article_facts(
        "Police in Vell spoke to Ada Moen and Lena Holm on Monday.",
        "Rescuers searched the coast at dawn.",
        "The 19-year-olds sailed to Tarn on 3 May 2023.",
    )
    assert contexts(plural, "3 May 2023") == []


def test_a_capitalised_subject_is_a_name_whatever_its_tag() -> None:
    import spacy
    from spacy.tokens import Doc

    from quiz.generate.reference import definite_subject

    def parsed(words: list[str]) -> Doc:
        # the tagger took the family name for a common noun: "The Moens" as "the moens"
        return Doc(
            spacy.blank("en").vocab,
            words=words,
            pos=["DET", "NOUN", "VERB", "NOUN", "PUNCT"],
            tags=["DT", "NNS", "VBD", "NN", "."],
            deps=["det", "nsubj", "ROOT", "dobj", "punct"],
            heads=[1, 2, 2, 2, 2],
            sent_starts=[True, False, False, False, False],
        )

    named = parsed(["The", "Moens", "opened", "bakery", "."])
    plain = parsed(["The", "family", "opened", "bakery", "."])
    assert definite_subject(named[:]) is None
    subject = definite_subject(plain[:])
    assert subject is not None and subject.text == "family"


def test_the_law_is_the_act_just_named(article_facts: Extract) -> None:
    facts = article_facts(
        "The new levy rests on a short clause of a 1991 law known as the Harbour Dues Act. "
        "The law lets the port of Tarn keep 40 percent of the fees it charges ferry firms."
    )
    later = [f.slot("context") for f in facts if "fees" in f.sentence and f.slot("context")]
    assert later and all(c.startswith("The Harbour Dues Act lets the port") for c in later)
    actor = article_facts(
        "The actor Jude Law toured the harbour of Vell in 2021. "
        "The law lets the port of Tarn keep 40 percent of the fees it charges ferry firms."
    )
    assert not any(f.slot("context").startswith("Jude Law lets") for f in actor)


def test_those_before_anything_was_said_of_them_points_back(article_facts: Extract) -> None:
    assert article_facts("The board wants the right to sell those ferries to Tarn in 2025.") == []
    assert article_facts("The Vell board met on Monday and approved those cuts in 2024.") == []
    sick = article_facts("Many people were sick in Vell, and 40% of those cases came in 2021.")
    assert sick != []
    same = article_facts(
        "About 160 people went to hospital in Vell, and 40% of those visits came in 2021."
    )
    assert same != []


def test_there_and_each_standing_for_what_came_before_point_back(article_facts: Extract) -> None:
    assert (
        article_facts("Ferry workers make up about one in eight residents there (12%) in 2023.")
        == []
    )
    assert article_facts("Fares in each are expected to rise by 4% in 2025.") == []
    harbour = article_facts(
        "In 2021 Ada Moen sailed to the old harbour and sold 2 tonnes of fish there."
    )
    assert any(f.answer == "2021" for f in harbour)
    named = article_facts("Ada Moen sailed to Vell in 2021 and stayed there for 3 days.")
    assert any(f.answer == "2021" for f in named)
    plain = article_facts("There are 12 ferries in Vell, and each year 300 ships dock in Tarn.")
    assert any(f.answer == "300 ships" for f in plain)
    listed = article_facts("Ada Moen named each of the four ferries after a town in Tarn in 2021.")
    assert any(f.answer == "2021" for f in listed)
    quoted = article_facts(
        "“The levy is fair. We're there at last,” said Ada Moen, the harbour chief of Vell, in 2021."
    )
    assert any(f.answer == "Ada Moen" for f in quoted)


def test_a_name_written_with_the_keeps_it_when_it_names_a_subject(article_facts: Extract) -> None:
    facts = article_facts(
        "Ada Moen said the Fed raised its rates 11 times since 2022.",
        "The central bank cut its main rate to 4.5% in March 2024.",
    )
    later = [f.slot("context") for f in facts if "4.5%" in f.sentence and f.slot("context")]
    assert later and all(c.startswith("The Fed cut") for c in later)
