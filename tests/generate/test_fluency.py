"""Shortened contexts are parsed again: one that reads worse than its sentence is replaced by the
whole sentence, or dropped when the sentence is too long to quote."""

from __future__ import annotations

import pytest

from quiz.generate.facts import Fact
from quiz.generate.fluency import check_contexts, faults
from quiz.generate.grammar import GAP

pytestmark = pytest.mark.slow


def fact(sentence: str, answer: str, context: str) -> Fact:
    return Fact(
        type="person", answer=answer, sentence=sentence, paragraph=1, slots=(("context", context),)
    )


def test_a_cut_that_leaves_a_dangling_word_falls_back_to_the_sentence(nlp: object) -> None:
    sentence = "The ferry was built in Vell by a close friend of Ada Lindqvist."
    broken = fact(sentence, "Vell", f"The ferry was built in {GAP} by a close friend of.")
    (checked,) = check_contexts([broken], nlp)  # type: ignore[arg-type]
    assert checked.slot("context") == sentence.replace("Vell", GAP)


def test_a_clean_cut_is_kept(nlp: object) -> None:
    sentence = "The ferry, which was painted blue last spring, was built in Vell."
    clean = fact(sentence, "Vell", f"The ferry was built in {GAP}.")
    (checked,) = check_contexts([clean], nlp)  # type: ignore[arg-type]
    assert checked.slot("context") == f"The ferry was built in {GAP}."


def test_a_broken_cut_of_a_long_sentence_gives_no_context(nlp: object) -> None:
    words = " ".join(["and then the crew painted the hull"] * 6)
    sentence = f"The ferry was built in Vell by a friend of Ada Lindqvist, {words}."
    broken = fact(sentence, "Vell", f"The ferry was built in {GAP} by a friend of.")
    (checked,) = check_contexts([broken], nlp)  # type: ignore[arg-type]
    assert checked.slot("context") == ""


def test_faults_name_what_is_wrong(nlp: object) -> None:
    assert faults(nlp("The ferry was built in Vell.")) == frozenset()  # type: ignore[operator]
    assert "dangling-end" in faults(nlp("The ferry was built by a friend of."))  # type: ignore[operator]
