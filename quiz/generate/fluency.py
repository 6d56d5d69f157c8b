"""Rewritten sentences checked as sentences.

A context the generator shortened (asides, clauses or phrases cut) is parsed again with its answer
in place. If the shortened text shows a fault the original sentence does not have (no finite verb
with its subject, a word the parser cannot attach, a dangling "of", "and" or "’s" at the end, a
second sentence), the fact falls back to its whole original sentence when that is short enough,
and otherwise loses the context, so that no gap, blank or statement is made of it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Final

from quiz.generate.facts import Fact
from quiz.generate.grammar import GAP, MAX_PROMPT_WORDS

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

SUBJECTS: Final = frozenset({"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"})
DANGLING_END: Final = frozenset({"ADP", "CCONJ", "SCONJ", "DET"})
CONTEXT_SLOTS: Final = ("context",)


def faults(doc: Doc) -> frozenset[str]:
    """What keeps a parsed text from reading as one whole sentence (empty when nothing does)."""
    found: set[str] = set()
    if not doc.has_annotation("DEP"):
        return frozenset()  # a pipeline without a parser: nothing to judge by
    sents = list(doc.sents)
    if len(sents) != 1:
        found.add("sentences")
    root = sents[0].root if sents else None
    if root is None or root.pos_ not in {"VERB", "AUX"}:
        found.add("no-verb")
    elif not any(c.dep_ in SUBJECTS for c in root.children):
        found.add("no-subject")
    if any(t.dep_ == "dep" for t in doc):
        found.add("unattached")
    words = [t for t in doc if not t.is_punct]
    if words and (words[-1].pos_ in DANGLING_END or words[-1].lower_ in {"’s", "'s"}):
        found.add("dangling-end")
    return frozenset(found)


def _filled(context: str, answer: str) -> str:
    return context.replace(GAP, answer)


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).rstrip(".") == " ".join(b.split()).rstrip(".")


def rewritten(fact: Fact) -> str:
    """The fact's context with its answer in place, when it differs from the sentence, else ""."""
    context = fact.slot("context")
    if GAP not in context:
        return ""
    text = _filled(context, fact.answer)
    return "" if _same(text, fact.sentence) else text


def whole_sentence(fact: Fact) -> str:
    """The fact's whole sentence with the gap at its answer, or "" when the answer is not there
    exactly once or the sentence is too long to quote."""
    sentence = " ".join(fact.sentence.split())
    if sentence.count(fact.answer) != 1 or len(sentence.split()) > MAX_PROMPT_WORDS:
        return ""
    return sentence.replace(fact.answer, GAP)


def check_contexts(facts: Sequence[Fact], nlp: Language) -> list[Fact]:
    """`facts` with every shortened context that reads worse than its sentence replaced by the
    whole sentence, or dropped."""
    texts = {t for f in facts if (t := rewritten(f))}
    if not texts:
        return list(facts)
    originals = {f.sentence for f in facts if rewritten(f)}
    parsed = _parse(nlp, sorted(texts | originals))
    out: list[Fact] = []
    for fact in facts:
        text = rewritten(fact)
        if not text or parsed[text] <= parsed.get(fact.sentence, frozenset()):
            out.append(fact)
            continue
        out.append(_with_context(fact, whole_sentence(fact)))
    return out


def _parse(nlp: Language, texts: Iterable[str]) -> dict[str, frozenset[str]]:
    with nlp.select_pipes(disable=[p for p in ("ner",) if p in nlp.pipe_names]):
        return {doc.text: faults(doc) for doc in nlp.pipe(texts, batch_size=64)}


def _with_context(fact: Fact, context: str) -> Fact:
    slots = [(k, v) for k, v in fact.slots if k != "context"]
    if context:
        slots.append(("context", context))
    return replace(fact, slots=tuple(sorted(slots)))
