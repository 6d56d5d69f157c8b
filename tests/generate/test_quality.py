"""check_question: a table of good and bad questions with the reason codes they must get."""

from __future__ import annotations

import pytest

from quiz.generate.quality import REASONS, check_question
from quiz.model import Question, SourceRef

SENTENCE = "In 2003, the Supreme Court of Erland listed the Harbour Front as a banned group."


def q(
    prompt: str,
    answer: str | tuple[str, ...] = "2003",
    *,
    kind: str = "short",
    choices: tuple[str, ...] = (),
    fact: str = "date",
    sentence: str = SENTENCE,
    accept: tuple[str, ...] = (),
) -> Question:
    return Question(
        id="q-test",
        kind=kind,  # type: ignore[arg-type]
        prompt=prompt,
        answer=answer,
        accept=accept,
        choices=choices,
        fact=fact,
        source=SourceRef(sentence=sentence, paragraph=1),
    )


GOOD = [
    q("In what year did the Supreme Court of Erland list the Harbour Front as a banned group?"),
    q("When did the Supreme Court of Erland list the Harbour Front as a banned group?"),
    q(
        "In {{c1::2003}}, the Supreme Court of Erland listed the Harbour Front as a banned group.",
        kind="cloze",
    ),
    q(
        "In _____, the Supreme Court of Erland listed the Harbour Front as a banned group.",
        kind="choice",
        choices=("2001", "2003", "2005", "2006"),
    ),
    q(
        "True or false? In 2005, the Supreme Court of Erland listed the Harbour Front as a banned group.",
        "false",
        kind="truefalse",
    ),
    q(
        "Which court listed the Harbour Front as a banned group in 2003?",
        "Supreme Court of Erland",
        fact="organisation",
    ),
    q(
        "Erland hopes to gain an advantage in a country where, in 2003, the court {{c1::met}}.",
        "met",
        kind="cloze",
        sentence="Erland hopes to gain an advantage in a country where, in 2003, the court met.",
    ),
    q(
        "What does NRH stand for?",
        "Nordlink Rail Holding",
        fact="acronym",
        sentence="The project was run by Nordlink Rail Holding (NRH).",
    ),
    q(
        "Put these events in order, earliest first.",
        ("The court met", "The group was banned", "The ban was lifted"),
        kind="order",
        choices=("The ban was lifted", "The court met", "The group was banned"),
    ),
]


@pytest.mark.parametrize("question", GOOD, ids=lambda x: x.prompt[:40])
def test_good_questions_pass(question: Question) -> None:
    assert check_question(question) == []


BAD = [
    (q("The court listed the group in which year"), "not-a-question"),
    (q("In what year did the court list the group ?"), "spacing"),
    (q("In what year  did the court list the group?"), "spacing"),
    (q("The court listed the group in what year?"), "wh-start"),
    (q("When did the court that met when it rained list the group?"), "multiple-wh"),
    (q("In what year did he list the Harbour Front as a banned group?"), "dangling-pronoun"),
    (q("In what year did this court list the Harbour Front as banned?"), "dangling-pronoun"),
    (q("In what year did the court not list the Harbour Front as a banned group?"), "negated"),
    (
        q("What year did the Supreme Court of Erland list the banned group in?"),
        "stranded-preposition",
    ),
    (q("In what year did The Supreme Court of Erland list the Harbour Front?"), "capitalised-word"),
    (q("According to the article, in what year was the Harbour Front banned?"), "vague-reference"),
    (
        q("True or false? Its court listed the Harbour Front in 2003.", "true", kind="truefalse"),
        "dangling-pronoun",
    ),
    (q("In what year did the court list the group (the Harbour Front as banned?"), "unbalanced"),
    (q("Which year, 2003, saw the Harbour Front banned by the court?"), "answer-in-prompt"),
    (q("When?"), "too-short"),
    (
        q(
            "In what year did the Supreme Court of the small island republic of Erland, which sits far "
            "in the north sea between two larger states, list the Harbour Front as a banned group?"
        ),
        "too-long",
    ),
    (q("In {{c1::2003}}, the court listed the group in {{c2::2004}}.", kind="cloze"), "gap-count"),
    (q("In 2003, the court listed the Harbour Front as banned.", kind="cloze"), "gap-count"),
    (
        q("In {{c1::2004}}, the court listed the Harbour Front as banned.", kind="cloze"),
        "gap-count",
    ),
    (
        q("He listed the Harbour Front as a banned group in {{c1::2003}}.", kind="cloze"),
        "dangling-pronoun",
    ),
    (
        q(
            "In _____, the court listed _____ as banned.",
            kind="choice",
            choices=("2001", "2003", "2005", "2006"),
        ),
        "blank-count",
    ),
    (
        q(
            "In _____, the court listed the Harbour Front.",
            kind="choice",
            choices=("2001", "2003", "2003", "2006"),
        ),
        "choice-options",
    ),
    (
        q(
            "In _____, the court listed the Harbour Front.",
            kind="choice",
            choices=("2001", "2002", "2005", "2006"),
        ),
        "choice-options",
    ),
    (
        q(
            "Which group did the court list as banned in 2003?",
            "Harbour Front",
            kind="choice",
            fact="organisation",
            choices=("Harbour Front", "the Harbour Front", "Dock Union", "Erland"),
        ),
        "choice-options",
    ),
    (
        q(
            "Which group did the court list as banned in 2003?",
            "Harbour Front",
            kind="choice",
            fact="organisation",
            choices=("Harbour Front", "Harbour Front Party", "Dock Union", "Erland"),
        ),
        "choice-alias",
    ),
    (
        q("True or false? The court listed the Harbour Front in 2003.", "yes", kind="truefalse"),
        "truefalse-answer",
    ),
    (
        q("When did the court list the Harbour Front as a banned group?", "last week"),
        "relative-date",
    ),
    (q("When did the court list the Harbour Front as a banned group?", "1999"), "not-answerable"),
    (q("What did the court list as a banned group in 2003?", "it"), "answer-pronoun"),
    (q("What did the court list as a banned group in 2003?", "..."), "empty-answer"),
    (
        q(
            "What did the court list in 2003?",
            "the Harbour Front as a banned group of the people of Erland",
        ),
        "answer-too-long",
    ),
    (q("Put these in order.", ("A", "B"), kind="order", choices=("B", "A")), "order-items"),
    (
        q(
            "Put these events in order, earliest first.",
            ("The court met in 2001", "The group was banned", "The ban was lifted"),
            kind="order",
            choices=("The ban was lifted", "The court met in 2001", "The group was banned"),
        ),
        "order-label",
    ),
    (
        q(
            "Put these events in order, earliest first.",
            ("The court met", "Later the group was banned", "The ban was lifted"),
            kind="order",
            choices=("The ban was lifted", "The court met", "Later the group was banned"),
        ),
        "order-label",
    ),
    (
        q(
            "Erland hopes to gain an advantage in a country where, in {{c1::2003}}.",
            kind="cloze",
            sentence="Erland hopes to gain an advantage in a country where, in 2003, the court met.",
        ),
        "dangling-clause",
    ),
    (
        q(
            "True or false? The court met in the town where.",
            "true",
            kind="truefalse",
        ),
        "dangling-clause",
    ),
    (
        q(
            "In {{c1::2003}}, the Supreme Court of the small island republic of Erland, which sits "
            "far in the north sea between two larger states and is known for its ferries, its "
            "harbours, its fishing fleets, its old stone churches and its long dark winters, "
            "listed the Harbour Front as a banned group.",
            kind="cloze",
        ),
        "too-long",
    ),
]


@pytest.mark.parametrize(("question", "reason"), BAD, ids=lambda x: getattr(x, "prompt", x)[:40])
def test_bad_questions_get_their_reason(question: Question, reason: str) -> None:
    assert reason in REASONS
    assert reason in check_question(question)


def test_aliases_of_the_answer_count_as_giving_it_away() -> None:
    question = q(
        "What does NRH stand for?",
        "Nordlink Rail Holding",
        fact="acronym",
        sentence="The project was run by Nordlink Rail Holding (NRH).",
    )
    assert check_question(question) == []
    assert check_question(question, aliases=["NRH"]) == ["answer-in-prompt"]


def test_the_acronym_who_is_not_a_wh_word() -> None:
    question = q(
        "When did the WHO declare the outbreak over?",
        "2003",
        sentence="The WHO declared the outbreak over in 2003.",
    )
    assert "multiple-wh" not in check_question(question)


QUOTE = "“We will keep the ferry running all winter,” the harbour master said on Monday."


def test_a_whole_quotation_is_no_gap_but_a_short_quoted_phrase_is() -> None:
    whole = "We will keep the ferry running all winter"
    long_gap = q(
        "“{{c1::" + whole + "}},” the harbour master said on Monday.",
        whole,
        kind="cloze",
        fact="quote",
        sentence=QUOTE,
    )
    assert "answer-too-long" in check_question(long_gap)
    short_gap = q(
        "“We will keep the ferry running {{c1::all winter}},” the harbour master said on Monday.",
        "all winter",
        kind="cloze",
        fact="quote",
        sentence=QUOTE,
    )
    assert "answer-too-long" not in check_question(short_gap)


def test_this_year_is_a_time_not_a_dangling_reference() -> None:
    sentence = "This year the ferry fair opens on June 3 in Vell."
    timed = q(
        "This year the ferry fair opens on {{c1::June 3}} in Vell.",
        "June 3",
        kind="cloze",
        sentence=sentence,
    )
    assert "dangling-pronoun" not in check_question(timed)
    vague = q(
        "This decision opens the ferry fair on {{c1::June 3}} in Vell.",
        "June 3",
        kind="cloze",
        sentence="This decision opens the ferry fair on June 3 in Vell.",
    )
    assert "dangling-pronoun" in check_question(vague)


def test_the_writers_own_voice_is_no_fact() -> None:
    for prompt in (
        "Our town made their son, {{c1::Tomas}}, feel at home.",
        "I moved to {{c1::Vell}} in 2021 to write about ferries.",
    ):
        answer = prompt.split("{{c1::")[1].split("}}")[0]
        question = q(
            prompt, answer, kind="cloze", sentence=prompt.replace("{{c1::", "").replace("}}", "")
        )
        assert "personal-voice" in check_question(question)
    quoted = "“We will keep the ferry running,” said {{c1::Ada Lindqvist}}."
    sentence = "“We will keep the ferry running,” said Ada Lindqvist."
    assert "personal-voice" not in check_question(
        q(quoted, "Ada Lindqvist", kind="cloze", sentence=sentence)
    )


def test_a_date_question_naming_another_date_is_refused() -> None:
    sentence = "A capsule will leave the asteroid in 2025 and land in September 2027."
    two = q(
        "In what year will a capsule leave the asteroid and land in September 2027?",
        "2025",
        sentence=sentence,
    )
    assert "another-date" in check_question(two)
    one = q("In what year will a capsule leave the asteroid?", "2025", sentence=sentence)
    assert "another-date" not in check_question(one)
    yes_no = q(
        "Will a capsule leave the asteroid in September 2027 in 2025?",
        "true",
        kind="truefalse",
        sentence=sentence,
    )
    assert "another-date" in check_question(yes_no)


def test_a_he_or_she_before_any_name_is_unresolved() -> None:
    def cloze(prompt: str, answer: str) -> Question:
        sentence = prompt.replace("{{c1::", "").replace("}}", "")
        return q(prompt, answer, kind="cloze", sentence=sentence)

    unnamed = cloze("The singer said she had sung {{c1::Vellmara}} twice.", "Vellmara")
    assert "dangling-pronoun" in check_question(unnamed)
    named = cloze("Ada Lindqvist said she had sung {{c1::Vellmara}} twice.", "Vellmara")
    assert "dangling-pronoun" not in check_question(named)
    first = cloze("Lindqvist said she had sung {{c1::Vellmara}} twice.", "Vellmara")
    assert "dangling-pronoun" not in check_question(first)


def test_an_answer_running_into_the_next_sentence_is_refused() -> None:
    sentence = "The band sounded Grungy. New wave fans cheered."
    question = q(
        "The band sounded {{c1::Grungy. New}} wave fans cheered.",
        "Grungy. New",
        kind="cloze",
        sentence=sentence,
    )
    assert "answer-across-sentences" in check_question(question)


def test_a_question_that_names_nothing_is_refused() -> None:
    def cloze(prompt: str, answer: str) -> Question:
        sentence = prompt.replace("{{c1::", "").replace("}}", "")
        return q(prompt, answer, kind="cloze", fact="number", sentence=sentence)

    nameless = cloze("Officers said that {{c1::14 people}} were hurt in the crash.", "14 people")
    assert "unanchored" in check_question(nameless, anchors=[])
    placed = cloze("Officers in Vell said that {{c1::14 people}} were hurt.", "14 people")
    assert "unanchored" not in check_question(placed, anchors=["Vell"])
    dated = cloze("In 2021 officers said that {{c1::14 people}} were hurt.", "14 people")
    assert "unanchored" not in check_question(dated, anchors=[])


def test_a_sentence_opening_name_counts_only_when_the_sentence_names_it() -> None:
    prompt = "Vellmark released its annual {{c1::Open Tide}} study."
    question = q(prompt, "Open Tide", kind="cloze", fact="event", sentence=prompt)
    assert "unanchored" not in check_question(question, anchors=["Vellmark"])
    assert "unanchored" in check_question(question, anchors=[])


def test_a_name_the_question_defines_needs_no_other_name() -> None:
    prompt = "If a harbour weed called {{c1::tidane}} grows, the eelgrass dies back."
    question = q(prompt, "tidane", kind="cloze", fact="event", sentence=prompt)
    assert "unanchored" not in check_question(question, anchors=[])


def test_a_quotation_alone_does_not_say_who_is_meant() -> None:
    question = q('Who said "We are hopeful"?', "Ada Lindqvist", fact="quote")
    assert "unanchored" in check_question(question, anchors=[])
    named = q('Who said "We are hopeful about Vell"?', "Ada Lindqvist", fact="quote")
    assert "unanchored" not in check_question(named, anchors=["Vell"])


def cloze_of(prompt: str, answer: str, fact: str = "organisation") -> Question:
    sentence = prompt.replace("{{c1::", "").replace("}}", "")
    return q(prompt, answer, kind="cloze", fact=fact, sentence=sentence)


def test_an_acronym_spelled_out_in_the_prompt_gives_it_away() -> None:
    question = cloze_of(
        "The Vell Harbour Board signed a deal with the {{c1::VHB}} trust in 2021.", "VHB"
    )
    assert "answer-in-prompt" in check_question(question)
    other = cloze_of("The Tarn Board signed a deal with the {{c1::VHB}} trust in 2021.", "VHB")
    assert "answer-in-prompt" not in check_question(other)


def test_the_initials_of_the_name_asked_give_it_away() -> None:
    question = cloze_of(
        "Years ago the {{c1::Vell Harbour Board}} added a fair fares clause to VHB contracts.",
        "Vell Harbour Board",
    )
    assert "answer-in-prompt" in check_question(question)
    other = cloze_of(
        "Years ago the {{c1::Vell Harbour Board}} added a fair fares clause to TMC contracts.",
        "Vell Harbour Board",
    )
    assert "answer-in-prompt" not in check_question(other)
    person = cloze_of(
        "{{c1::Tom Vance}} spoke to a TV audience in Vell in 2021.", "Tom Vance", "person"
    )
    assert "answer-in-prompt" not in check_question(person)


def test_a_telling_word_of_the_name_asked_gives_it_away() -> None:
    question = cloze_of(
        "Ada took the {{c1::Vell Otters}} to the final in 2021, where the Otters lost.",
        "Vell Otters",
    )
    assert "answer-in-prompt" in check_question(question)
    plain = cloze_of(
        "Ada joined the {{c1::Vell Harbour Commission}} in 2021, the commission said.",
        "Vell Harbour Commission",
    )
    assert "answer-in-prompt" not in check_question(plain)


def test_a_sentence_opening_word_is_no_name_for_a_later_she() -> None:
    question = cloze_of(
        "Having hosted the {{c1::Tide Awards}} in 2021, she is now a star.", "Tide Awards"
    )
    assert "dangling-pronoun" in check_question(question, anchors=["Tide Awards", "2021"])
    named = cloze_of(
        "Ada Lindqvist hosted the {{c1::Tide Awards}} in 2021, and she is now a star.",
        "Tide Awards",
    )
    anchors = ["Ada Lindqvist", "Tide Awards", "2021"]
    assert "dangling-pronoun" not in check_question(named, anchors=anchors)


def test_this_with_a_noun_anywhere_points_back() -> None:
    question = cloze_of(
        "Fans of this sound include the singer {{c1::Ada Lindqvist}} of Vell.",
        "Ada Lindqvist",
        fact="person",
    )
    assert "dangling-pronoun" in check_question(question)
    timely = cloze_of(
        "The singer {{c1::Ada Lindqvist}} of Vell toured this year.", "Ada Lindqvist", "person"
    )
    assert "dangling-pronoun" not in check_question(timely)


@pytest.mark.parametrize(
    ("prompt", "answer"),
    [
        (
            "Vell lost to Tarn for the {{c1::Best Harbour Event of}} the Year in 2021.",
            "Best Harbour Event of",
        ),
        (
            "In 2021 Ada produced records by {{c1::Vellmark, Tarn Tide}} and the Otters.",
            "Vellmark, Tarn Tide",
        ),
        ("In 2021 Vell police asked callers to quote reference {{c1::MM}}/VL/130/23.", "MM"),
    ],
)
def test_an_answer_cut_from_a_longer_name_or_token_is_refused(prompt: str, answer: str) -> None:
    question = cloze_of(prompt, answer)
    assert "answer-cut" in check_question(question)


def test_words_the_page_ran_together_are_refused() -> None:
    question = cloze_of(
        "How to keep a harbour quietThis year {{c1::Vell}} waited until 2021.", "Vell", "place"
    )
    assert "glued-words" in check_question(question)
    camel = cloze_of("In 2021 Ada McKelvie joined {{c1::Vell}} on YouTube.", "Vell", "place")
    assert "glued-words" not in check_question(camel)


def test_a_person_asked_is_the_one_a_later_his_means() -> None:
    question = cloze_of(
        "{{c1::Ada Lindqvist}} was hurt outside his house in Vell on December 6.",
        "Ada Lindqvist",
        "person",
    )
    assert "dangling-pronoun" not in check_question(question, anchors=["Vell"])
    who = q("Who was hurt outside his house in Vell on December 6?", "Ada Lindqvist", fact="person")
    assert "dangling-pronoun" not in check_question(who, anchors=["Vell"])


def test_a_contracted_she_is_still_a_she() -> None:
    question = cloze_of(
        "The question was whether she'd lead the council {{c1::Vell}} had in 2021.", "Vell", "place"
    )
    assert "dangling-pronoun" in check_question(question, anchors=["Vell", "2021"])


@pytest.mark.parametrize(
    "prompt",
    [
        "6. The Vell ferry carried {{c1::200 cars}} across the sound in 2021.",
        "Tides: 6. The Vell ferry carried {{c1::200 cars}} across the sound in 2021.",
        "Ada* said the Vell ferry carried {{c1::200 cars}} across the sound in 2021.",
    ],
)
def test_marks_of_the_page_left_in_the_text_are_refused(prompt: str) -> None:
    assert "glued-words" in check_question(cloze_of(prompt, "200 cars", "number"))


@pytest.mark.parametrize(
    "prompt",
    [
        "Ferry fares in Vell rose by 12% in 2021, according to {{c1::Tide Data}}.",
        '"We saw the wave," Ada Lindqvist told the {{c1::Tide Data}} in 2021.',
    ],
)
def test_a_gap_on_who_passed_the_news_on_is_refused(prompt: str) -> None:
    assert "source-gap" in check_question(cloze_of(prompt, "Tide Data"))


def test_an_organisation_reporting_the_sentence_at_its_end_is_no_answer() -> None:
    reporter = "Vell's ferry fares will rise 4% in 2025, the {{c1::Tide Data}} says."
    assert "source-gap" in check_question(cloze_of(reporter, "Tide Data"))
    actor = "Vell's ferry fares will rise 4% in 2025 after {{c1::Tide Data}} cut its fleet."
    assert "source-gap" not in check_question(cloze_of(actor, "Tide Data"))


def test_a_body_that_did_something_is_no_source_gap() -> None:
    prompt = "The {{c1::Tide Data}} office counted 12,000 ferry trips in Vell in 2021."
    assert "source-gap" not in check_question(cloze_of(prompt, "Tide Data"))


def test_a_lead_sentence_says_what_a_demonstrative_means() -> None:
    lead = "Crews in Vell fought 790 chimney fires in 2022."
    body = "These fires caused {{c1::12 deaths}} across the county."
    sentence = "These fires caused 12 deaths across the county."
    alone = q(body, "12 deaths", kind="cloze", fact="number", sentence=sentence)
    assert "dangling-pronoun" in check_question(alone)
    led = q(f"{lead} {body}", "12 deaths", kind="cloze", fact="number", sentence=sentence)
    assert check_question(led, anchors=["Vell", "2022"], lead=lead) == []
    he = q(f"{lead} He said {body[0].lower()}{body[1:]}", "12 deaths", kind="cloze", fact="number")
    assert "dangling-pronoun" in check_question(he, lead=lead)


def test_a_lead_showing_the_answer_gives_it_away() -> None:
    lead = "Crews in Vell fought 790 chimney fires in 2022."
    prompt = f"{lead} These fires broke out mostly in {{{{c1::Vell}}}} and Tarn."
    question = q(prompt, "Vell", kind="cloze", fact="place", sentence="These fires broke out.")
    assert "answer-in-prompt" in check_question(question, lead=lead)


def test_a_lead_does_not_count_against_the_length() -> None:
    lead = "Crews in the northern harbour town of Vell fought 790 chimney fires in the long winter of 2022, more than ever before."
    body = "These fires caused {{c1::12 deaths}}, 33 injuries and a bill of 9 million euros for homes, sheds and barns across the whole county of Tarn that long and bitter winter, the fire board said."
    sentence = body.replace("{{c1::", "").replace("}}", "")
    question = q(f"{lead} {body}", "12 deaths", kind="cloze", fact="number", sentence=sentence)
    assert "too-long" not in check_question(question, lead=lead)
    assert "too-long" in check_question(question)


@pytest.mark.parametrize(
    "prompt",
    [
        "Vell's fares rose 4% in 2023, according to 2022 estimates provided by the _____.",
        "Fares rose 4% in 2023, per new figures from the _____ in Vell.",
        "According to a _____ story by the Vell Post, Ada Moen sailed in 2021.",
        "Ada Moen of Vell wrote on _____ that the ferry was late in 2021.",
    ],
)
def test_a_gap_on_the_source_of_the_news_is_refused(prompt: str) -> None:
    assert "source-gap" in check_question(q(prompt, "x", kind="choice"))


def test_a_gap_on_the_news_after_its_source_is_kept() -> None:
    prompt = "According to the Vell board, fares rose by _____ in 2023."
    assert "source-gap" not in check_question(q(prompt, "4%", kind="choice"))


def test_a_gap_followed_by_a_dangling_possessive_is_refused() -> None:
    question = cloze_of("Vell's jobless rate was 12% at {{c1::2022}}’s end.", "2022", "date")
    assert "possessive-gap" in check_question(question)
    years = q("Ada Moen of Vell has _____' experience as a pilot.", "20 years", kind="choice")
    assert "possessive-gap" in check_question(years)
    name = q(
        "_____’s recognition of the Vell board came in 2021.", "Tarn", kind="choice", fact="place"
    )
    assert "possessive-gap" not in check_question(name)


def test_a_name_the_page_marks_as_made_up_is_refused() -> None:
    prompt = "{{c1::Marta}}*, who is 43 and lives in Vell, began sailing in 2021."
    question = cloze_of(prompt, "Paula", "person")
    assert "glued-words" in check_question(question)


def test_the_platform_something_was_posted_on_is_no_answer() -> None:
    question = cloze_of(
        "Ada Moen shared the Vell recipe on {{c1::Instagram}} in 2021.", "Instagram"
    )
    assert "platform" in check_question(question)
    apple = cloze_of("Ada Moen joined {{c1::Apple}} in Vell in 2021.", "Apple")
    assert "platform" not in check_question(apple)


def test_a_gap_that_is_half_of_a_hyphenated_word_is_refused() -> None:
    question = cloze_of("{{c1::Oscar}}-winner Ada Moen sailed to Vell in 2015.", "Oscar", "event")
    assert "answer-cut" in check_question(question)
    blank = q("Ada Moen, a _____-tall sailor from Vell, won in 2015.", "6-foot", kind="choice")
    assert "answer-cut" not in check_question(blank)
