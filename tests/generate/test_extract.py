"""Fact extraction and question rendering on sentences written for these tests (spaCy)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from quiz.generate.facts import Fact, acronym_pairs, part_of_longer_name, retype
from quiz.generate.pipeline import build_pool, make_deck
from quiz.generate.questions import applies, render
from quiz.generate.templates import load_templates
from quiz.model import Article

pytestmark = pytest.mark.slow

Extract = Callable[..., list[Fact]]


def find(facts: list[Fact], kind: str, answer: str) -> Fact:
    for fact in facts:
        if fact.type == kind and fact.answer == answer:
            return fact
    raise AssertionError(f"no {kind} fact {answer!r} in {[(f.type, f.answer) for f in facts]}")


def rendered(fact: Fact, template_id: str) -> str:
    template = next(t for t in load_templates() if t.id == template_id)
    candidate, _ = render(fact, template, build_pool(Article("T", ()), [fact]))
    assert candidate is not None, f"{template_id} does not apply to {fact}"
    return candidate.question.prompt


def test_years_become_dated_facts_with_a_grammatical_question(article_facts: Extract) -> None:
    facts = article_facts("The city council approved the new harbour bridge in 1997.")
    fact = find(facts, "date", "1997")
    assert (fact.value, fact.detail, fact.paragraph) == ("1997", "year", 1)
    assert fact.sentence == "The city council approved the new harbour bridge in 1997."
    assert rendered(fact, "date-year-short") == (
        "In what year did the city council approve the new harbour bridge?"
    )
    assert rendered(fact, "date-cloze") == (
        "The city council approved the new harbour bridge in {{c1::1997}}."
    )


def test_passive_and_month_dates_use_inversion(article_facts: Extract) -> None:
    facts = article_facts("The bridge was opened to traffic in Aldervik in August 2021.")
    fact = find(facts, "date", "August 2021")
    assert (fact.value, fact.detail) == ("2021-08", "month")
    assert rendered(fact, "date-when-short") == "When was the bridge opened to traffic in Aldervik?"


def test_ranges_and_decades_are_dates(article_facts: Extract) -> None:
    facts = article_facts(
        "The old Vell Ferries company ran the crossing from 1996 to 2001 before it was sold.",
        "Engineers surveyed the strait again in the early 2010s, when costs had fallen.",
    )
    assert find(facts, "date", "1996 to 2001").value == "1996/2001"
    assert find(facts, "date", "early 2010s").detail == "decade"


def test_relative_dates_are_never_answers(article_facts: Extract) -> None:
    facts = article_facts(
        "The mayor opened the new station last week, twenty years after the plan was drawn up."
    )
    assert not [f for f in facts if f.type == "date"]


def test_since_and_before_dates_are_not_asked_as_when(article_facts: Extract) -> None:
    facts = article_facts(
        "Vell Air has cut 3,000 jobs since 2019 across its European routes.",
        "The council must decide on the plan before 2027.",
    )
    since = find(facts, "date", "2019")  # a cloze may ask it; "when" may not
    assert since.slot("prep") == "since"
    when = [t for t in load_templates() if t.kind == "short" and t.fact == "date"]
    assert when and not any(applies(t, since) for t in when)
    assert not [f for f in facts if f.type == "date" and f.answer == "2027"]


def test_numbers_keep_their_noun_and_unit(article_facts: Extract) -> None:
    facts = article_facts(
        "About 2,000 people gathered at the central station to watch the first departure.",
        "The final bill is expected to reach 3.9 billion euros, an overrun of about 34%.",
    )
    people = find(facts, "number", "2,000 people")
    assert (people.value, people.detail, people.slot("noun")) == ("2000", "count", "people")
    assert find(facts, "number", "3.9 billion euros").detail == "money"
    assert find(facts, "number", "34%").detail == "percent"


def test_acronyms_are_asked_both_ways_and_clean(article_facts: Extract) -> None:
    facts = article_facts(
        "The project was run by Nordlink Rail Holding (NRH), a company owned by the state.",
        "Critics said NRH spent too much on the northern entrance.",
    )
    acronym = find(facts, "acronym", "Nordlink Rail Holding")
    assert acronym.slot("term") == "NRH"
    assert rendered(acronym, "acronym-meaning-short") == "What does NRH stand for?"
    assert rendered(acronym, "acronym-term-short") == (
        "What is the abbreviation of Nordlink Rail Holding?"
    )
    assert "(NRH)" not in rendered(acronym, "acronym-cloze")
    later = find(facts, "organisation", "NRH")
    assert later.accept == ("Nordlink Rail Holding",)


@pytest.mark.parametrize(
    ("text", "long_form"),
    [
        (
            "Staff at the Hull-based Harbour Rescue Centre (HRC) found the boat.",
            "Harbour Rescue Centre",
        ),
        ("The World Anti-Ferry League (WAFL) met in Vell.", "World Anti-Ferry League"),
    ],
)
def test_a_word_about_a_name_is_no_part_of_its_long_form(text: str, long_form: str) -> None:
    assert [long for _, long, _, _ in acronym_pairs(text)] == [long_form]


def test_people_get_their_roles_from_appositions_and_bios(article_facts: Extract) -> None:
    facts = article_facts(
        "Ingrid Berge, the transport minister, rode on the first train to Strandholm.",
        bios=("Peter Hale is Senior Fellow, Northern Policy Institute (NPI), Oslo.",),
    )
    minister = find(facts, "person", "Ingrid Berge")
    assert minister.slot("role") == "the transport minister"
    assert rendered(minister, "person-role-short") == "Who is the transport minister?"
    bio = find(facts, "person", "Peter Hale")
    assert bio.paragraph == 0 and "Senior Fellow" in bio.slot("role")
    assert find(facts, "acronym", "Northern Policy Institute").slot("term") == "NPI"
    assert all(f.type in {"person", "acronym"} for f in facts if f.paragraph == 0)


def test_quotes_are_tied_to_their_speaker(article_facts: Extract) -> None:
    facts = article_facts(
        '"Today that long argument about the strait is finally over," said Ingrid Berge.',
        'The report reflects the ministry\'s view that the tunnel is "a bridge to the future".',
    )
    speech = next(f for f in facts if f.type == "quote" and f.detail == "speech")
    assert speech.slot("speaker") == "Ingrid Berge"
    assert rendered(speech, "quote-speaker-short").startswith('Who said "Today that long')


def test_places_organisations_and_events(article_facts: Extract) -> None:
    facts = article_facts(
        "Delegates from Norway and Finland met at the Arctic Transport Summit in Tromsø in 2019.",
        "The European Investment Bank lent the builders 500 million euros for the tunnel.",
    )
    kinds = {(f.type, f.answer) for f in facts}
    assert ("event", "Arctic Transport Summit") in kinds
    assert ("organisation", "European Investment Bank") in kinds
    assert ("place", "Norway") in kinds


def test_pronoun_subjects_are_resolved_only_from_the_previous_sentence(
    article_facts: Extract,
) -> None:
    facts = article_facts(
        "The rail tunnel runs beneath the strait for 27 kilometres. Its opening on 15 November "
        "2024 came seven years after the first blast."
    )
    opening = find(facts, "date", "15 November 2024")
    assert opening.slot("context").startswith("The rail tunnel’s opening on")


def test_it_after_a_bare_description_stays_unresolved(article_facts: Extract) -> None:
    facts = article_facts(
        "The team beat Tarn 3-1 on Sunday in Vell. It will travel to Holm on 29 January 2025."
    )
    assert not any(f.slot("context").startswith("The team will") for f in facts)


def test_a_huge_article_is_parsed_in_pieces(article_facts: Extract) -> None:
    text = " ".join(
        f"The Vell council approved harbour plan {i} in {1900 + i % 100} after a long debate."
        for i in range(400)
    )
    assert len(text) > 25_000  # one paragraph, cut into pieces below the limit
    facts = article_facts(text)
    dates = [f for f in facts if f.type == "date"]
    assert len(dates) >= 300
    assert {f.paragraph for f in dates} == {1}


def test_cloze_answers_cannot_break_the_gap() -> None:
    from quiz.generate.questions import cloze_gap

    assert cloze_gap("a}}b::c") == "{{c1::a} }b: :c}}"
    deck_article = Article("T", ("x",), published=date(2024, 1, 1))
    assert make_deck(deck_article, []).questions == ()


def test_counts_become_how_many_questions(article_facts: Extract) -> None:
    facts = article_facts(
        "The city council approved 3,000 new homes in the harbour district.",
        "About 2,000 people gathered at the central station to watch the first departure.",
    )
    homes = find(facts, "number", "3,000 new homes")
    assert rendered(homes, "number-count-short") == (
        "How many new homes did the city council approve in the harbour district?"
    )
    people = find(facts, "number", "2,000 people")
    assert rendered(people, "number-count-subject-short") == (
        "How many people gathered at the central station?"
    )


def test_vague_subjects_and_second_verbs_give_no_wh_question(article_facts: Extract) -> None:
    facts = article_facts(
        "The step was taken after long talks in 2025.",
        "A fault in the NIMS camera was found during tests in 2019 and delayed the launch.",
    )
    step = find(facts, "date", "2025")
    assert not step.slot("subject")
    fault = find(facts, "date", "2019")
    assert rendered(fault, "date-year-short") == (
        "In what year was a fault in the NIMS camera found during tests?"
    )


def test_a_date_inside_a_participle_describing_a_noun_is_marked_aside(
    article_facts: Extract,
) -> None:
    facts = article_facts(
        "The first budget, approved by the council in 2016, was 40 million euros."
    )
    assert find(facts, "date", "2016").slot("position") == "aside"
    main = article_facts("The council approved the first budget in 2016.")
    assert find(main, "date", "2016").slot("position") != "aside"


def test_a_year_that_a_when_clause_dates_is_a_fact_but_a_deadline_is_not(
    article_facts: Extract,
) -> None:
    facts = article_facts("Trade grew after 2009, when the new harbour opened at Vellby.")
    assert find(facts, "date", "2009").value == "2009"
    later = article_facts("The harbour will be finished by 2031, the council said.")
    assert not [f for f in later if f.type == "date" and f.answer == "2031"]


@pytest.mark.parametrize(
    ("text", "name", "label", "expected"),
    [
        ("Pilots at Brenna Air ended their strike .", "Brenna Air", "PERSON", "ORG"),
        ("A line runs to the airport at Molvik .", "Molvik", "ORG", "GPE"),
        ("Rents in Vellby rose last year .", "Vellby", "ORG", "GPE"),
        ("She works at Tovra now .", "Tovra", "ORG", "ORG"),
        ("Talks with Karin Lund ended .", "Karin Lund", "PERSON", "PERSON"),
        ("Staff in NRH left .", "NRH", "ORG", "ORG"),
    ],
)
def test_simple_cues_correct_an_entity_label(
    text: str, name: str, label: str, expected: str
) -> None:
    import spacy

    doc = spacy.blank("en")(text)
    words = [t.text for t in doc]
    first = words.index(name.split()[0])
    tokens = range(first, first + len(name.split()))
    assert retype(label, name, doc[:], tokens) == expected


def test_a_count_written_in_words_gives_no_count_question_and_no_error(
    article_facts: Extract,
) -> None:
    facts = article_facts("Police in Vell arrested more than a dozen protesters in March 2021.")
    assert not [f for f in facts if f.type == "number"]
    find(facts, "date", "March 2021")


def test_a_title_before_a_name_gives_the_persons_role(article_facts: Extract) -> None:
    facts = article_facts(
        "Vell Ferries chair Ada Johnson approved the new ferry timetable on Monday.",
        "Former President Tomas Vell opened the bridge in 1997.",
    )
    assert find(facts, "person", "Ada Johnson").slot("role") == "the Vell Ferries chair"
    assert find(facts, "person", "Tomas Vell").slot("role") == ""  # whose president?
    coach = article_facts("Former Tarn Rovers coach Piet Olsen was hired at Vellby in 2023.")
    assert find(coach, "person", "Piet Olsen").slot("role") == "the former Tarn Rovers coach"
    rank = article_facts("Major General Piet Olsen spoke at the funeral in Vellby in 2023.")
    assert find(rank, "person", "Piet Olsen").slot("role") == ""  # the general of what?


def test_part_of_a_longer_name_is_no_answer(nlp: Any) -> None:
    split = next(nlp("Inter Vellby plays four friendly games in May.").sents)
    assert part_of_longer_name(split, range(1, 2))  # "Vellby" of "Inter Vellby"
    titled = next(nlp("Harbour Board Chair Ada Moen raised fares 11 times.").sents)
    assert not part_of_longer_name(titled, range(3, 5))  # a title is no part of the name


def test_a_name_after_an_abbreviated_title_or_honorific_is_a_person(
    article_facts: Extract,
) -> None:
    facts = article_facts(
        "Sen. Ada Moen (D-Vell), a critic of the ferry levy, said the plan was unfair.",
        "Mr. Olsen told the harbour board the fares would rise in 2025.",
        "Dr. Lena Holm led the 2023 survey of the fjord's eelgrass.",
        "Tarn County Gov. Piet Berg signed the ferry bill on Monday in 2024.",
    )
    for name in ("Ada Moen", "Olsen", "Lena Holm"):
        assert find(facts, "person", name).slot("role") == ""
    assert find(facts, "person", "Piet Berg").slot("role") == "the Tarn County governor"


def test_terms_introduced_by_name_become_facts(article_facts: Extract) -> None:
    facts = article_facts(
        "When a harbour fish called the sandgoby is present, the eelgrass grows back.",
        "The paint was dubbed Fjord Blue Mist by the ferry company's designers.",
        "Skippers fear the so-called slow thaw may not last.",
    )
    for answer in ("sandgoby", "Fjord Blue Mist", "slow thaw"):
        assert find(facts, "event", answer).detail == "TERM"
    assert "so-called \x00 may" in find(facts, "event", "slow thaw").slot("context")


def test_a_sentence_short_enough_to_quote_is_quoted_whole(article_facts: Extract) -> None:
    facts = article_facts(
        "However, the Vell ferry, which was built in Tarn in 1997, carried 200 cars in 2021."
    )
    assert find(facts, "number", "200 cars").slot("context") == (
        "The Vell ferry, which was built in Tarn in 1997, carried \x00 in 2021."
    )


def test_a_long_sentence_is_never_cut_inside_its_clause(article_facts: Extract) -> None:
    facts = article_facts(
        "The Vell harbour board said on Monday that the new ferry from Tarn to the islands of the "
        "outer sound would carry 200 cars and up to 900 passengers on each crossing in the busy "
        "summer months when tourists and workers from the mainland fill every boat that sails "
        "between the towns of the north coast."
    )
    assert find(facts, "number", "200 cars").slot("context") == ""


def test_a_sentence_in_brackets_is_an_aside(article_facts: Extract) -> None:
    facts = article_facts("(Ada Lindqvist, of course, sailed to Tarn in 2021 with the Vell crew.)")
    assert facts == []


def test_scores_records_and_votes_are_numbers_asked_as_a_gap(article_facts: Extract) -> None:
    facts = article_facts(
        "The Vell Otters went 12-0 in 2023 and took the Tarn Cup.",
        "The harbour court ruled 4–3 in 2023 that the ferry could sail.",
        "The survey asked people ages 18-24 about their jobs in Vell.",
        "Ada Moen, a 6-foot-5 forward, joined the Vell Otters in 2022.",
    )
    scores = [f.answer for f in facts if f.type == "number" and f.detail == "score"]
    assert scores == ["12-0", "4–3"]
    record = find(facts, "number", "12-0")
    assert rendered(record, "number-cloze") == (
        "The Vell Otters went {{c1::12-0}} in 2023 and took the Tarn Cup."
    )
    template = next(t for t in load_templates() if t.id == "number-blank-choice")
    assert not applies(template, record)  # no made-up wrong scores


def test_a_count_the_model_took_for_a_date_is_a_count(article_facts: Extract) -> None:
    facts = article_facts(
        "The Vell board counts about 160 Christmas ladder injuries a week in Tarn."
    )
    assert any(f.type == "number" and f.answer.startswith("160") for f in facts)


def test_a_count_with_decimals_is_a_count(article_facts: Extract) -> None:
    facts = article_facts("Ada Moen led the Tarn league with 24.5 sacks in 2023.")
    find(facts, "number", "24.5 sacks")


def test_not_until_a_date_says_when_it_happened(article_facts: Extract) -> None:
    facts = article_facts(
        "The Vell Otters did not win their first title until 1993.",
        "The ferry line must cut its fares by 2030.",
    )
    find(facts, "date", "1993")
    assert not any(f.type == "date" and f.answer == "2030" for f in facts)


def test_a_name_after_an_honorific_title_is_a_person(article_facts: Extract) -> None:
    facts = article_facts(
        "Chief Justice Ada Moen argued in 2023 that the harbour court had no role in Vell."
    )
    find(facts, "person", "Ada Moen")


def test_a_long_counted_noun_stays_in_view(article_facts: Extract) -> None:
    facts = article_facts(
        "Crews in Vell put out 790 home heating fires in 2022.",
        "The Tarn fire board hired 40 firefighters in 2023.",
    )
    long = find(facts, "number", "790")
    assert long.slot("context") == "Crews in Vell put out \x00 home heating fires in 2022."
    find(facts, "number", "40 firefighters")


def test_records_in_brackets_after_a_name_are_not_asked(article_facts: Extract) -> None:
    facts = article_facts(
        "The Vell Otters are 82-43 since 2014, behind Tarn (127-13) and Holm (113-22)."
    )
    assert [f.answer for f in facts if f.detail == "score"] == ["82-43"]


def test_a_request_to_the_reader_is_no_fact(article_facts: Extract) -> None:
    facts = article_facts(
        "Start your Vell Harbour News subscription today for just $5 a month.",
        "To plan your 2024 ferry trip, visit the Vell Ferries website.",
        "If you are in crisis in Vell, call 988 to reach the Tarn helpline.",
        "Crews in Vell put out 790 home heating fires in 2022.",
    )
    assert {f.sentence for f in facts} == {"Crews in Vell put out 790 home heating fires in 2022."}
    advice = article_facts("Take a tour of the Vell Harbour Museum, which opened in 1997.")
    find(advice, "date", "1997")


def test_advice_to_the_reader_is_a_fact(article_facts: Extract) -> None:
    facts = article_facts(
        "Ada Moen of the Vell fire board says your ladder should stand 1 foot out for every "
        "4 feet you climb."
    )
    fact = find(facts, "number", "1 foot")
    template = next(t for t in load_templates() if t.id == "number-cloze")
    candidate, _ = render(fact, template, build_pool(Article("T", ()), [fact]))
    assert candidate is not None
    from quiz.generate.quality import check_question

    assert check_question(candidate.question, anchors=["Ada Moen", "Vell"]) == []


def test_a_court_case_is_one_name(article_facts: Extract) -> None:
    facts = article_facts(
        "The ruling in Moen v. Vell Harbour Board came in 2019, the landmark 4–3 Tarn "
        "Supreme Court case."
    )
    answers = {f.answer for f in facts}
    assert "Moen v. Vell Harbour Board" in answers
    assert not {"Moen", "Vell Harbour Board"} & answers
    assert "4–3 Tarn Supreme Court" not in answers


def test_a_fragment_without_a_finite_verb_is_no_fact(article_facts: Extract) -> None:
    facts = article_facts(
        "Inviting the singer Ada Moen to Vell for the 2024 harbour festival.",
        "The council invited the singer Ada Moen to Vell in 2024.",
    )
    assert {f.sentence for f in facts} == {
        "The council invited the singer Ada Moen to Vell in 2024."
    }


def test_a_question_drops_also_and_as_well(article_facts: Extract) -> None:
    for sentence in (
        "The city council also approved the new harbour bridge in 1997.",
        "The city council approved the new harbour bridge in 1997 as well.",
    ):
        fact = find(article_facts(sentence), "date", "1997")
        assert rendered(fact, "date-year-short") == (
            "In what year did the city council approve the new harbour bridge?"
        )


def test_a_term_the_sentence_defines_is_asked_with_its_definition(article_facts: Extract) -> None:
    facts = article_facts(
        "Regrowing a lost fin in Vell's lake fish relies on a blastema, a mass of young cells "
        "that can become any tissue, researchers in Tarn found in 2023.",
        "Ada Moen, the chief executive of Vell Ferries, said fares would rise in 2024.",
    )
    term = find(facts, "event", "blastema")
    assert term.slot("context").startswith("Regrowing a lost fin in Vell's lake fish relies on a")
    assert not any(f.detail == "TERM" and f.answer == "executive" for f in facts)


def test_a_subject_the_parse_took_for_a_phrase_is_not_cut(article_facts: Extract) -> None:
    facts = article_facts(
        "Growing back lost fins in many fish, such as carp and pike, depends on "
        "cells that the Vell lab first described in 2019."
    )
    assert all(not f.slot("context").startswith("Relies") for f in facts)


def test_only_final_scores_records_and_votes_are_asked(article_facts: Extract) -> None:
    facts = article_facts(
        "The Vell Otters led 3-0 at half time against Holm on Sunday.",
        "The Vell Otters lost 98-91 to Tarn on Sunday.",
    )
    assert [f.answer for f in facts if f.detail == "score"] == ["98-91"]


def test_an_appeal_with_a_phone_number_is_no_fact(article_facts: Extract) -> None:
    facts = article_facts(
        "Police urged anyone who saw the crash in Vell to call the Tarn unit on 01622 798538."
    )
    assert facts == []


def test_a_sentence_pointing_elsewhere_in_the_page_is_no_fact(article_facts: Extract) -> None:
    facts = article_facts(
        "One of the harbour officials quoted above said the Vell ferry sank in 2019.",
        "The Vell ferry sank near Tarn in 2019.",
    )
    assert {f.sentence for f in facts} == {"The Vell ferry sank near Tarn in 2019."}
    timely = article_facts(
        "Ada Moen, who was named earlier this year as Vell's harbour chief, quit."
    )
    assert any(f.answer == "Ada Moen" for f in timely)


def test_no_wh_question_on_an_aside_in_brackets_or_one_of_several_subjects(
    article_facts: Extract,
) -> None:
    facts = article_facts(
        "The ring road (known in Norway as a riksvei) opened in Vell in 1998.",
        "Ada Moen and Lena Holm lead the list of Vell's best sailors in 2023.",
    )
    norway = find(facts, "place", "Norway")
    assert not norway.slot("predicate")
    assert not find(facts, "person", "Ada Moen").slot("vp")


def test_a_quoted_remark_is_a_cloze_only_when_the_sentence_leads_into_it(
    article_facts: Extract,
) -> None:
    cloze = next(t for t in load_templates() if t.id == "quote-cloze")
    facts = article_facts(
        "“We saw the ferry tip over in the storm,” deckhand Ada Moen told the Vell Courier.",
        "Harbour chief Lena Holm said the new timetable “will not survive the first winter.”",
    )
    opening = next(f for f in facts if f.type == "quote" and f.answer.startswith("We saw"))
    led_in = next(f for f in facts if f.type == "quote" and f.answer.startswith("will not"))
    assert not applies(cloze, opening)
    assert applies(cloze, led_in)


def test_a_place_in_a_ranking_is_no_amount_to_ask_how_much_of(article_facts: Extract) -> None:
    facts = article_facts("Vell College ranked #461 on the Tarn list of colleges in 2023.")
    ranks = [f for f in facts if f.type == "number"]
    assert ranks and all(not f.slot("predicate") for f in ranks)


def test_a_campus_named_after_at_is_part_of_the_university(article_facts: Extract) -> None:
    facts = article_facts(
        "Ada Moen, a physicist at the University of Tarn at North Vell, studied the ferry wake."
    )
    assert any(f.answer == "University of Tarn at North Vell" for f in facts)
    assert not any(f.answer == "University of Tarn" for f in facts)
    airport = article_facts("Ada Moen met staff of Harvard University at Logan Airport in 2021.")
    assert not any("Airport" in f.answer and "University" in f.answer for f in airport)


def test_a_person_name_cut_from_a_longer_phrase_is_no_answer() -> None:
    import spacy
    from spacy.tokens import Doc

    from quiz.generate.facts import _entity_fact

    # the model took the end of a quoted title ("... Planner’s Alpha") for a person
    words = ["The", "guide", "praised", "’s", "Alpha", "in", "2021", "."]
    ents = ["O", "O", "O", "B-PERSON", "I-PERSON", "O", "B-DATE", "O"]
    doc = Doc(spacy.blank("en").vocab, words=words, ents=ents, sent_starts=[True, *[False] * 7])
    assert _entity_fact(doc[:], 1, range(3, 5), "PERSON", (("PERSON", "’s Alpha"),), None) is None
    named = Doc(
        spacy.blank("en").vocab,
        words=["Ada", "Moen", "won", "."],
        ents=["B-PERSON", "I-PERSON", "O", "O"],
    )
    fact = _entity_fact(named[:], 1, range(0, 2), "PERSON", (("PERSON", "Ada Moen"),), None)
    assert fact is not None and fact.answer == "Ada Moen"
    particle = Doc(
        spacy.blank("en").vocab,
        words=["Later", ",", "van", "Moen", "won", "."],
        ents=["O", "O", "B-PERSON", "I-PERSON", "O", "O"],
    )
    fact = _entity_fact(particle[:], 1, range(2, 4), "PERSON", (("PERSON", "van Moen"),), None)
    assert fact is not None and fact.answer == "van Moen"  # a surname's particle


def test_a_number_counts_a_group_named_in_the_plural(article_facts: Extract) -> None:
    facts = article_facts("In 2021, 14 Republicans voted against the ferry bill in Vell.")
    assert find(facts, "number", "14 Republicans").slot("noun") == "Republicans"
