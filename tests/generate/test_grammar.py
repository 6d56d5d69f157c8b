"""grammar: which part of a parsed sentence a question quotes."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from quiz.generate import grammar


def parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    lemmas = [w.lower() for w in words]
    vocab = spacy.blank("en").vocab
    return Doc(vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


def test_a_main_clause_whose_subject_the_parse_missed_is_kept() -> None:
    # "The Office of Harbours predicts ferries will cut 200 tons." with "Office" attached as a
    # modifier, not a subject (a parse seen on real pages): the prediction stays a prediction
    words = "The Office of Harbours predicts ferries will cut 200 tons .".split()
    heads = [1, 4, 1, 2, 4, 7, 7, 4, 9, 7, 4]
    deps = "det nmod prep pobj ROOT nsubj aux ccomp nummod dobj punct".split()
    pos = "DET PROPN ADP PROPN VERB NOUN AUX VERB NUM NOUN PUNCT".split()
    sent = next(iter(parsed(words, heads, deps, pos).sents))
    kept = grammar.scope(sent, range(8, 10))
    assert [sent.doc[i].text for i in kept][:5] == ["The", "Office", "of", "Harbours", "predicts"]


def test_an_empty_main_clause_gives_way_to_its_complement() -> None:
    words = "It is said that ferries will cut 200 tons .".split()
    heads = [2, 2, 2, 6, 6, 6, 2, 8, 6, 2]
    deps = "nsubjpass auxpass ROOT mark nsubj aux ccomp nummod dobj punct".split()
    pos = "PRON AUX VERB SCONJ NOUN AUX VERB NUM NOUN PUNCT".split()
    sent = next(iter(parsed(words, heads, deps, pos).sents))
    kept = grammar.scope(sent, range(7, 9))
    assert [sent.doc[i].text for i in kept] == "ferries will cut 200 tons".split()


def test_a_leading_in_the_past_is_kept() -> None:
    words = "In the past , ferries carried 200 cars .".split()
    heads = [5, 2, 0, 5, 5, 5, 7, 5, 5]
    deps = "prep det pobj punct nsubj ROOT nummod dobj punct".split()
    pos = "ADP DET NOUN PUNCT NOUN VERB NUM NOUN PUNCT".split()
    sent = next(iter(parsed(words, heads, deps, pos).sents))
    assert not grammar.droppable(sent, range(6, 8)) & {0, 1, 2}


def _context(nlp: object, text: str, answer: str) -> str:
    doc = nlp(text)  # type: ignore[operator]
    sent = next(iter(doc.sents))
    start = next(t.i for t in sent if t.text == answer.split()[0])
    return grammar.context(sent, range(start, start + len(answer.split())))


@pytest.mark.slow
def test_a_leading_since_phrase_naming_an_event_is_kept(nlp: object) -> None:
    text = (
        "Since the 2021 floods in Tarn, the Vell Harbour Board has logged the most ferry delays in any "
        "winter since the first count in 1979."
    )
    assert _context(nlp, text, "1979").startswith("Since the 2021 floods in Tarn,")


@pytest.mark.slow
def test_a_clause_inside_a_long_sentence_is_not_cut_out(nlp: object) -> None:
    text = (
        "At times the Vell ferry seems almost overloaded with passengers, though each deck has "
        "wide benches and quiet corners, whether it is the families from Tarn heading to the "
        "Saturday market or when the choir from Holm turns up for the summer festival, which "
        "draws large crowds to the harbour every single year."
    )
    assert "passengers when" not in _context(nlp, text, "Holm")


@pytest.mark.slow
def test_who_reports_a_long_sentence_is_never_cut(nlp: object) -> None:
    text = (
        "The new Vell ferry, which was built in the yards of Tarn over three long winters by a "
        "crew of more than two hundred workers, will carry 400 cars a day between the two "
        "harbours from next spring, according to plans that were published on Monday, the "
        "ministry said."
    )
    context = _context(nlp, text, "400")
    assert context == "" or context.endswith("the ministry said.")


def context_of(nlp: object, text: str, answer: str) -> str:
    """The context quoted for the first word `answer` of `text`, its gap written "_____"."""
    sent = next(nlp(text).sents)  # type: ignore[operator]
    at = next(t.i for t in sent if t.text == answer)
    return grammar.context(sent, range(at, at + 1)).replace(grammar.GAP, "_____")


def test_a_clause_with_a_subject_of_its_own_stands_for_a_pronoun_main_clause(nlp: object) -> None:
    assert (
        context_of(
            nlp,
            "They got more good news on Friday when the Harbour Office reported that fares fell "
            "by 4 percent over the past year.",
            "4",
        )
        == "The Harbour Office reported that fares fell by _____ percent over the past year."
    )
    # the clause points back itself: the whole sentence stays
    assert context_of(nlp, "She cried when her son won the race in Tarn.", "Tarn") == (
        "She cried when her son won the race in _____."
    )


@pytest.mark.parametrize(
    ("subject", "cut"),
    [(["the", "council"], True), (["10", "inches"], False)],  # "when 10 inches fell": of what?
)
def test_a_clause_whose_subject_is_an_amount_does_not_stand_alone(
    subject: list[str], cut: bool
) -> None:
    words = ["We", "had", "snow", "when", *subject, "fell", "in", "Tarn", "."]
    heads = [1, 1, 1, 6, 5, 6, 1, 6, 7, 1]
    deps = "nsubj ROOT dobj advmod det nsubj advcl prep pobj punct".split()
    pos = "PRON VERB NOUN SCONJ DET NOUN VERB ADP PROPN PUNCT".split()
    tags = "PRP VBD NN WRB DT NNS VBD IN NNP .".split()
    if subject[0] == "10":
        deps[4], pos[4], tags[4] = "nummod", "NUM", "CD"
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        heads=heads,
        deps=deps,
        pos=pos,
        tags=tags,
        sent_starts=[True, *[False] * 9],
    )
    kept = [doc[i].text for i in grammar.scope(doc[:], range(8, 9))]
    assert kept == (words[4:9] if cut else words)


def test_cuts_that_leave_no_statement_are_undone(nlp: object) -> None:
    text = context_of(
        nlp,
        "If only the board had checked that deal as it checked a post (now called a "
        "“story”?) inviting the Vell Otters to Tarn.",
        "Tarn",
    )
    assert not text.startswith("Inviting")


def test_a_cut_never_takes_the_place_that_there_means(nlp: object) -> None:
    text = context_of(
        nlp,
        "While ferry workers make up most of the people in Bergen (74%), fishers make up "
        "about one in eight of the residents there (12%).",
        "12",
    )
    assert "Bergen" in text
