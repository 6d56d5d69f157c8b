"""Sentence surgery on spaCy parses: simplified contexts with a gap, and wh-question parts.

Everything here works on token indices of one sentence. `context` drops what a reader does not
need to understand the fact (leading adjuncts, comma-delimited asides, parentheses, unrelated
conjoined clauses) and marks the answer with GAP. `question_parts` splits a clause into the
pieces a wh-question template needs: the moved auxiliary, the subject and the rest of the
predicate, with do-support.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

GAP: Final = "\x00"
"""Marks the answer's place in a context string."""

_ASIDE_DEPS: Final = frozenset({"appos", "relcl", "acl", "advcl", "parataxis", "conj", "ccomp"})
_LEADING_DEPS: Final = frozenset({"prep", "advcl", "advmod", "npadvmod", "cc", "intj", "mark"})
_SUBJECT_DEPS: Final = frozenset({"nsubj", "nsubjpass"})
_OPENERS: Final = frozenset({",", "(", "—", "–", ";", ":"})
MODALS: Final = frozenset({"may", "might", "could", "would", "should", "must", "can", "will"})
HEDGED: Final = frozenset({"may", "might", "could", "would", "should"})
"""Modals that make a statement a guess: no wh-question is asked about it."""
RESOLVABLE: Final = frozenset({"it", "he", "she"})
"""Pronoun subjects a wh-question may keep until the antecedent replaces them."""
DO_FORMS: Final = {"VBD": "did", "VBZ": "does", "VBP": "do"}


def _tokens(sent: Span) -> range:
    return range(sent.start, sent.end)


def _subtree(token: Token) -> set[int]:
    return {t.i for t in token.subtree}


def leading_adjuncts(sent: Span, keep: Iterable[int] = ()) -> set[int]:
    """Token indices of the phrases before the subject that link to what came before ("To
    quantify that difference,", "After all,"), with their commas; a phrase that says where or
    when the fact holds ("In Iowa,", "In the past,") stays, and so does any holding `keep`."""
    keep_set = set(keep)
    doc = sent.doc
    drop: set[int] = set()
    root = sent.root
    subjects = [c for c in root.children if c.dep_ in _SUBJECT_DEPS]
    if not subjects and root.tag_ in {"VBZ", "VBD", "VBP"}:
        return drop  # "Regenerating tissue ... relies on": the parse took the subject for a phrase
    first = min((s.left_edge.i for s in subjects), default=root.i)
    for child in root.children:
        if child.i < first and child.dep_ in _LEADING_DEPS:
            span = _subtree(child)
            if _qualifier(child) or span & keep_set:
                continue
            drop |= span
            after = child.right_edge.i + 1
            if after < sent.end and doc[after].text == ",":
                drop.add(after)
    return drop


def droppable(sent: Span, keep: Iterable[int]) -> set[int]:
    """Token indices of `sent` a simplified context may drop without losing the `keep` tokens."""
    keep_set = set(keep)
    doc = sent.doc
    root = sent.root
    drop = leading_adjuncts(sent, keep_set)
    # comma-, bracket- or dash-delimited asides
    for token in sent:
        if token.dep_ not in _ASIDE_DEPS or token.i == root.i:
            continue
        left = token.left_edge.i
        if left <= sent.start:
            continue
        opener = doc[left - 1]
        if opener.text not in _OPENERS:
            continue
        if token.dep_ == "conj" and not any(c.dep_ in _SUBJECT_DEPS for c in token.children):
            continue
        if token.dep_ in _CLAUSE_DEPS and not _trailing_clause(sent, token):
            continue  # "X, though A, or when B, C": cutting inside splices two clauses
        span = _subtree(token)
        if span & keep_set:
            continue
        drop |= span | {left - 1}
        right = token.right_edge.i + 1
        if right < sent.end and doc[right].text in {",", ")", "—", "–"}:
            closer = doc[right].text
            if closer == ")" or opener.text in {"—", "–"} and closer != ",":
                drop.add(right)
            elif opener.text == "," and closer == ",":
                drop.add(right)  # "X, which did Y, did Z" -> "X did Z"
    # conjoined clauses with their own subject, and their conjunction
    for child in root.children:
        if child.dep_ == "conj" and any(c.dep_ in _SUBJECT_DEPS for c in child.children):
            span = _subtree(child)
            if not span & keep_set:
                drop |= span
                for c in root.children:
                    if c.dep_ == "cc" and c.i < child.i and c.i > root.i:
                        drop.add(c.i)
    kept_before = [
        t for t in sent if t.i < root.i and t.i not in drop and t.pos_ in {"NOUN", "PROPN", "PRON"}
    ]
    if not kept_before:
        drop = set()  # the parse lost the subject: keep the sentence whole
    return (drop | bracketed(sent, keep_set)) - keep_set


_CLAUSE_DEPS: Final = frozenset({"advcl", "conj", "ccomp", "parataxis"})
_REPORTING: Final = frozenset(
    "say tell add report note claim state announce warn explain write argue estimate".split()
)


def _trailing_clause(sent: Span, token: Token) -> bool:
    """Whether the clause headed by `token` runs to the end of the sentence and does not say
    who reports the fact (", the ministry said" is the fact's hedge): only such a clause can be
    cut from a long sentence without splicing what comes before and after it."""
    last = max(t.i for t in token.subtree)
    rest = [t for t in sent.doc[last + 1 : sent.end] if not t.is_punct]
    return not rest and token.lemma_.lower() not in _REPORTING


def bracketed(sent: Span, keep: Iterable[int] = ()) -> set[int]:
    """Token indices of bracketed text ("(NRH)", "(about 6 miles)") that holds none of `keep`."""
    keep_set = set(keep)
    drop: set[int] = set()
    depth_start: int | None = None
    for token in sent:
        if token.text == "(":
            depth_start = token.i
        elif token.text == ")" and depth_start is not None:
            span = set(range(depth_start, token.i + 1))
            if not span & keep_set:
                drop |= span
            depth_start = None
    return drop


_QUALIFIER_LABELS: Final = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME", "ORG", "EVENT", "NORP"})
_QUALIFIER_PREPOSITIONS: Final = frozenset(
    "in on at during across throughout within for among inside outside since until after "
    "before following amid".split()
)


_TIME_WORDS: Final = frozenset("past future time moment era period meantime interim".split())
"""Nouns of a leading phrase that say when the fact held ("In the past, ...")."""


def _qualifier(adjunct: Token) -> bool:
    """Whether a leading phrase names where, when or among whom the fact holds ("In Iowa,",
    "During the 2021 season,", "In the past,"): dropping it would make the rest answer a
    different question."""
    if adjunct.dep_ == "prep" and adjunct.lower_ not in _QUALIFIER_PREPOSITIONS:
        return False
    if adjunct.dep_ not in {"prep", "npadvmod"}:
        return False
    return any(
        t.ent_type_ in _QUALIFIER_LABELS or t.lemma_.lower() in _TIME_WORDS for t in adjunct.subtree
    )


def render(sent: Span, kept: Iterable[int], gap: range | None = None) -> str:
    """The text of the `kept` tokens, with the `gap` tokens replaced by one GAP marker."""
    doc = sent.doc
    parts: list[str] = []
    gap_done = False
    previous: int | None = None
    for i in sorted(kept):
        token = doc[i]
        if previous is not None and i - previous > 1 and parts and not parts[-1][-1:].isspace():
            if any(doc[j].whitespace_ for j in range(previous, i)):
                parts.append(" ")
        previous = i
        if gap is not None and i in gap:
            if not gap_done:
                parts.append(GAP + doc[gap[-1]].whitespace_)
                gap_done = True
            continue
        parts.append(token.text_with_ws)
    return tidy("".join(parts))


_TIDY: Final = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"\s+([,.;:!?)])", r"\1"),
        (r"\(\s+", "("),
        (r"([,;:—–])(?:\s*[,;:—–])+", r"\1"),
        (r"^[,;:—–\s]+", ""),
        (r"[,;:—–\s]+([.!?])$", r"\1"),
        (r"[,;:—–]\s*$", ""),
    )
)
_SPACES: Final = re.compile(r"\s+")


def tidy(text: str) -> str:
    """Spacing and punctuation left over after dropping tokens."""
    text = _SPACES.sub(" ", text).strip()
    for pattern, replacement in _TIDY:
        text = pattern.sub(replacement, text)
    return text.strip()


def capitalise(text: str) -> str:
    """Upper-case the first letter (after the GAP marker it is left alone)."""
    for i, ch in enumerate(text):
        if ch == GAP:
            return text
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1 :]
    return text


_WEAK_SUBJECTS: Final = frozenset({"it", "this", "that", "these", "those", "there"})
MAX_PROMPT_WORDS: Final = 45
"""The most words of a quoted sentence (cloze, fill-in, true/false statement)."""


def scope(sent: Span, answer: range) -> list[int]:
    """The tokens of the clause to quote for `answer`: the whole sentence, or, when the answer
    sits in a relative clause ("X, which did Y in 1997") or in the complement of an empty main
    clause ("It should be noted that X did Y"), that clause standing on its own."""
    doc = sent.doc
    root = sent.root
    node = doc[answer.start : answer.stop].root
    subjects = [c for c in root.children if c.dep_ in _SUBJECT_DEPS | {"expl"}]
    if subjects:
        weak = subjects[0].lower_ in _WEAK_SUBJECTS
    else:  # "The Office of Harbours predicts X" parsed without its subject still has one
        weak = not any(t.pos_ in {"NOUN", "PROPN"} for t in doc[sent.start : root.i])
    pronoun = bool(subjects) and subjects[0].lower_ in _PERSONAL_SUBJECTS
    while node.i != root.i and node.head.i != node.i:
        if node.dep_ == "advcl" and pronoun and (own := _clause_of_its_own(node)):
            return own
        if node.dep_ == "relcl":
            relative = [
                c for c in node.children if c.dep_ in _SUBJECT_DEPS and c.tag_ in {"WDT", "WP"}
            ]
            opener = doc[node.left_edge.i - 1] if node.left_edge.i > sent.start else None
            if relative and opener is not None and opener.text == ",":
                clause_tokens = _subtree(node)
                antecedent = [
                    t.i
                    for t in node.head.subtree
                    if t.i not in clause_tokens and t.i < node.left_edge.i
                ]
                while antecedent and doc[antecedent[-1]].text in _OPENERS:
                    antecedent.pop()
                if antecedent:
                    return sorted(set(antecedent) | (clause_tokens - {relative[0].i}))
        complement = node.dep_ == "ccomp" or (
            node.dep_ == "advcl" and any(c.lower_ == "that" for c in node.children)
        )
        marks = [c.lower_ for c in node.children if c.dep_ == "mark"]
        opening = doc[node.left_edge.i]
        complement = (
            complement
            and not opening.tag_.startswith("W")
            and set(marks)
            <= {
                "that",
                "although",
            }
        )
        if complement and weak and any(c.dep_ in _SUBJECT_DEPS for c in node.children):
            return sorted(
                t.i for t in node.subtree if not (t.dep_ == "mark" and t.head.i == node.i)
            )
        node = node.head
    return list(_tokens(sent))


_PERSONAL_SUBJECTS: Final = frozenset({"he", "she", "they", "it", "we", "i", "you"})
_AMOUNTS: Final = frozenset({"QUANTITY", "CARDINAL", "MONEY", "PERCENT"})
_CLAUSE_OPENERS: Final = frozenset({"when", "after", "before", "as", "once", "while", "because"})


def _clause_of_its_own(clause: Token) -> list[int]:
    """The tokens of an adverbial clause that reads on its own once its opening word goes ("when
    the Harbour Office reported that fares rose" -> "the Harbour Office reported that fares
    rose"): it has a subject of its own, a noun or a name; else none."""
    opener = clause.doc[clause.left_edge.i]
    if opener.lower_ not in _CLAUSE_OPENERS or opener.head.i != clause.i:
        return []
    subjects = [c for c in clause.children if c.dep_ in _SUBJECT_DEPS]
    if not subjects or subjects[0].pos_ not in {"NOUN", "PROPN"}:
        return []
    if subjects[0].ent_type_ in _AMOUNTS or any(c.dep_ == "nummod" for c in subjects[0].children):
        return []  # "when 10 inches fell": of what?
    if any(t.tag_ in {"PRP", "PRP$"} for t in clause.subtree):
        return []  # "when her son won": whose?
    return sorted(t.i for t in clause.subtree if t.i != opener.i)


def context(sent: Span, answer: range, *, max_words: int = MAX_PROMPT_WORDS) -> str:
    """The sentence with GAP for the `answer` tokens: whole, but for its leading links to what
    came before ("However,", "To quantify that difference,") and bracketed text, when it is
    short enough to quote; else without its comma-, dash- or bracket-delimited asides; empty if
    still too long. Every cut risks a spliced sentence or a lost hedge, so a sentence that fits
    is never cut, and a longer one loses only whole asides (cutting phrases inside a clause was
    tried: a blind rating found 2 of 16 such questions acceptable)."""
    cut = leading_adjuncts(sent, answer) | _leading_discourse(sent, answer)
    cut |= bracketed(sent, answer)
    whole = scope(sent, answer)
    kept = [i for i in whole if i not in cut]
    if _there_loses_its_place(sent, kept):
        kept = whole  # "While ... in Vell (74%), Tarn folk are 1 in 5 there": keep the place
    if not states(sent, kept):
        kept = whole  # the cuts took the verb ("If ... (now called X?) inviting Y to Z")
        if not states(sent, kept):
            return ""
    text = _finish(render(sent, kept, answer))
    if len(text.split()) <= max_words:
        return text
    dropped = droppable(sent, answer)
    kept = [i for i in scope(sent, answer) if i not in dropped]
    text = _finish(render(sent, kept, answer))
    if len(text.split()) > max_words or _orphans(sent, kept):
        return ""  # cutting further (phrases inside the clause) reads as a spliced sentence
    return text


def _there_loses_its_place(sent: Span, kept: Iterable[int]) -> bool:
    """Whether a kept "there" meant a place the cuts took away."""
    doc = sent.doc
    kept = set(kept)
    there = [i for i in kept if doc[i].lower_ == "there" and doc[i].dep_ == "advmod"]
    if not there:
        return False
    places = [t.i for t in doc[sent.start : there[0]] if names_a_place(t)]
    return bool(places) and not any(i in kept for i in places)


def names_a_place(token: Token) -> bool:
    """Whether `token` names a place "there" may mean: tagged one, a name after "to", "in",
    "at" or "from", or a noun one goes to or comes from ("sailed to the old harbour")."""
    if token.ent_type_ in {"GPE", "LOC", "FAC"}:
        return True
    if token.pos_ == "PROPN" and token.head.lower_ in {"to", "in", "at", "from"}:
        return True
    return token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.lower_ in _TOWARDS


_TOWARDS: Final = frozenset({"to", "at", "from", "into", "near"})


_FINITE_TAGS: Final = frozenset({"VBD", "VBZ", "VBP", "MD"})


def states(sent: Span, kept: Iterable[int]) -> bool:
    """Whether the kept words hold a finite verb: a statement, not a phrase ("Inviting the
    band to Vell.")."""
    doc = sent.doc
    root = sent.root  # a verb the tagger read as a participle ("opened") still states
    return any(
        doc[i].tag_ in _FINITE_TAGS
        or (doc[i].tag_ == "VB" and doc[i].dep_ != "xcomp")  # "brands ... bring to mind"
        or (i == root.i and root.pos_ in {"VERB", "AUX"} and root.tag_ != "VBG")
        for i in kept
    )


def _orphans(sent: Span, kept: Iterable[int]) -> bool:
    """Whether a cut left a word whose head it removed ("opens the season, a route that ..." once
    "when the ferry first sails to the Tarn islands" is gone, "a route" describing nothing): a
    cut must take whole phrases, or the rest is a spliced sentence."""
    keep = set(kept)
    doc = sent.doc
    return any(
        not doc[i].is_punct and doc[i].head.i != i and doc[i].head.i not in keep
        for i in keep
        if doc[i].dep_ not in {"ROOT", "cc", "punct"}
    )


_DISCOURSE_DEPS: Final = frozenset({"advmod", "cc", "intj"})


def _leading_discourse(sent: Span, answer: range) -> set[int]:
    """A one-word opener that links to the sentence before ("However,", "But", "Then"), with
    its comma: on its own the question does not need it."""
    first = sent.doc[sent.start]
    if first.i in answer or first.head.i != sent.root.i or first.dep_ not in _DISCOURSE_DEPS:
        return set()
    if first.n_lefts or first.n_rights or not first.is_alpha:
        return set()
    drop = {first.i}
    after = first.i + 1
    if after < sent.end and sent.doc[after].text == ",":
        drop.add(after)
    return drop


def balance_quotes(text: str) -> str:
    """`text` without the quotation marks its sentence leaves open: a quotation that began in
    an earlier sentence, or goes on into the next, shows no stray mark."""
    opens = [i for i, ch in enumerate(text) if ch == "“"]
    closes = [i for i, ch in enumerate(text) if ch == "”"]
    stray: set[int] = set()
    depth: list[int] = []
    for i in sorted(opens + closes):
        if text[i] == "“":
            depth.append(i)
        elif depth:
            depth.pop()
        else:
            stray.add(i)
    stray |= set(depth)
    straight = [i for i, ch in enumerate(text) if ch == '"']
    if len(straight) % 2:
        stray.add(straight[0] if straight[0] > len(text) // 2 else straight[-1])
    if not stray:
        return text
    out = "".join(ch for i, ch in enumerate(text) if i not in stray)
    return _SPACES.sub(" ", out).strip()


def _finish(text: str) -> str:
    text = capitalise(balance_quotes(text.strip()))
    if text and text[-1] not in ".!?\"”'’":
        text = text.rstrip(",;:") + "."
    return text


@dataclass(frozen=True, slots=True)
class Clause:
    """The pieces of a clause for a wh-question about one of its phrases."""

    aux: str
    """The auxiliary moved before the subject ("did", "was", "has")."""
    subject: str
    predicate: str
    """The rest after the subject: remaining auxiliaries, the verb (base form after do-support)
    and its complements, without the asked phrase."""
    vp: str
    """The finite verb phrase as written, for questions about the subject ("Who signed ...")."""
    label: str
    """A short declarative label of the event without the asked phrase (for timelines)."""


def attachment(sent: Span, answer: range) -> tuple[str, set[int]] | None:
    """(preposition, tokens of the phrase) when the `answer` hangs directly off the root."""
    doc = sent.doc
    span = doc[answer.start : answer.stop]
    head = span.root
    root = sent.root
    if head.dep_ == "pobj" and head.head.dep_ == "prep":
        prep = head.head
        above = prep.head
        if above.i == root.i:
            return prep.lower_, _subtree(prep)
        # "found during tests in 2019": the date hangs off the object of a root preposition
        if above.dep_ == "pobj" and above.head.dep_ == "prep" and above.head.head.i == root.i:
            if above.pos_ == "NOUN" and prep.i > above.i:
                return prep.lower_, _subtree(prep)
    if head.dep_ in {"npadvmod", "tmod"} and head.head.i == root.i:
        return "", _subtree(head)
    return None


def _lower_first(words: str, first: Token) -> str:
    upper = len(first.text) > 1 and first.text.isupper()
    named = first.ent_type_ not in {"", "DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY"}
    if first.pos_ == "PROPN" or named or first.text == "I" or upper:
        return words
    return words[:1].lower() + words[1:]


def clause(sent: Span, remove: set[int]) -> Clause | None:
    """Question pieces of `sent`'s main clause without the `remove` tokens, or None if unsafe."""
    doc = sent.doc
    root = sent.root
    if root.pos_ not in {"VERB", "AUX"}:
        return None
    subjects = [c for c in root.children if c.dep_ in _SUBJECT_DEPS]
    if len(subjects) != 1 or subjects[0].i > root.i:
        return None
    subject = subjects[0]
    if subject.lower_ in RESOLVABLE and subject.n_lefts + subject.n_rights == 0:
        pass  # the caller puts the antecedent in its place, or drops the question
    elif subject.pos_ == "PRON" or subject.lower_ in {"this", "that", "these", "those"}:
        return None
    if any(c.dep_ == "neg" for c in root.children):
        return None
    auxes = sorted(
        (c for c in root.children if c.dep_ in {"aux", "auxpass"} and c.i < root.i),
        key=lambda t: t.i,
    )
    if auxes and auxes[0].lower_ in HEDGED:
        return None
    drop = droppable(sent, remove | {root.i})
    for child in root.children:
        if child.dep_ == "advcl" and child.i > root.i and not _subtree(child) & remove:
            drop |= _subtree(child)  # "... as commuters bought homes": not needed to ask
            if child.left_edge.i - 1 > root.i and doc[child.left_edge.i - 1].text == ",":
                drop.add(child.left_edge.i - 1)
        # a second verb phrase ("was found and delayed the launch") breaks the inversion
        if child.dep_ == "conj" and child.i > root.i and not _subtree(child) & remove:
            drop |= _subtree(child)
            drop |= {c.i for c in root.children if c.dep_ == "cc" and root.i < c.i < child.i}
            drop |= {c.i for c in root.children if c.dep_ == "punct" and root.i < c.i < child.i}
    if vague(subject) and not any(
        (t.pos_ == "PROPN" or t.like_num)
        for t in sent
        if t.i not in remove and t.i not in drop and t.i not in _subtree(subject)
    ):
        return None  # "When was the step taken?": nothing in it says which step
    subj_tokens = {
        t.i
        for t in subject.subtree
        if t.i not in drop and t.i not in remove and t.text not in {"—", "–"}
    }
    rest = [
        i
        for i in _tokens(sent)
        if i not in drop
        and i not in remove
        and i not in subj_tokens
        and not (doc[i].is_punct and doc[i].text not in {"-", "’", "'", "%"})
    ]
    boundary = min(subj_tokens) if subj_tokens else subject.right_edge.i + 1
    if [i for i in rest if i < boundary]:
        return None
    vp = render(sent, rest).rstrip(".,;:")
    if not subj_tokens:
        return Clause(aux="", subject="", predicate="", vp=vp, label="")
    first_subject = doc[min(subj_tokens)]
    subject_text = _lower_first(render(sent, sorted(subj_tokens)), first_subject)
    subject_text = subject_text.rstrip(",")
    if auxes:
        moved = auxes[0]
        aux = moved.lower_
        predicate_tokens = [i for i in rest if i != moved.i]
        predicate = render(sent, predicate_tokens)
    elif root.lemma_ == "be":
        aux = root.lower_
        predicate = render(sent, [i for i in rest if i != root.i])
    elif root.tag_ in DO_FORMS:
        aux = DO_FORMS[root.tag_]
        predicate_parts: list[str] = []
        for i in rest:
            token = doc[i]
            predicate_parts.append(
                (token.lemma_ + token.whitespace_) if i == root.i else token.text_with_ws
            )
        predicate = tidy("".join(predicate_parts))
    else:
        return None
    predicate = predicate.rstrip(".,;:").strip()
    label_text = _label(sent, subject, subj_tokens, rest)
    if aux in {"n't", "not"} or not predicate and root.lemma_ != "be":
        return None
    return Clause(aux=aux, subject=subject_text, predicate=predicate, vp=vp, label=label_text)


_LABEL_DEPS: Final = frozenset(
    "aux auxpass neg dobj attr acomp prt xcomp dative agent oprd compound det amod poss nummod "
    "case pobj".split()
)
"""What an event label keeps of the verb phrase: the verb, its object and complements."""


def _label_tokens(sent: Span, rest: list[int]) -> list[int]:
    """`rest` reduced to the main verb and its core complements (no adjuncts, no clauses)."""
    doc = sent.doc
    root = sent.root
    kept = set(rest)
    out: list[int] = []
    for i in rest:
        node = doc[i]
        ok = True
        while node.i != root.i:
            if node.head.i not in kept and node.head.i != root.i:
                ok = False
                break
            if node.dep_ not in _LABEL_DEPS and not (
                node.dep_ == "advmod" and node.head.dep_ == "amod"
            ):
                ok = False
                break
            node = node.head
        if ok:
            out.append(i)
    return out


LABEL_WORDS: Final = 12
"""The most words of a timeline event label."""


def _label(sent: Span, subject: Token, subj_tokens: set[int], rest: list[int]) -> str:
    """A short "subject verb object" label of the clause, with one more phrase if it fits."""
    doc = sent.doc
    root = sent.root
    subj = sorted(subj_tokens)
    if len(subj) > 6:
        asides = set()
        for child in subject.children:
            aside = {"prep", "appos", "relcl", "acl", "punct", "npadvmod"}
            if child.dep_ in aside and child.i > subject.i:
                asides |= _subtree(child)
        subj = [i for i in subj if i not in asides]
    if not subj:
        return ""
    subject_text = _lower_first(render(sent, subj), doc[subj[0]])
    core = _label_tokens(sent, rest)
    label = tidy(f"{subject_text} {render(sent, core)}").rstrip(".,;:")
    has_object = any(doc[i].dep_ in {"dobj", "attr", "acomp", "xcomp"} for i in core)
    if not has_object:
        preps = [c for c in root.children if c.dep_ == "prep" and c.i > root.i and c.i in rest]
        for prep in preps[:1]:
            if any(t.ent_type_ in {"TIME", "DATE"} for t in prep.subtree):
                continue
            if prep.lower_ in {"after", "before", "since", "until", "during", "by"}:
                continue  # a time phrase: a label names the event, not when it was
            phrase = [i for i in sorted(_subtree(prep)) if i in set(rest)]
            longer = tidy(f"{subject_text} {render(sent, sorted(set(core) | set(phrase)))}")
            if len(longer.split()) <= LABEL_WORDS:
                label = longer.rstrip(".,;:")
    return label


def participle_clause(sent: Span, answer: range) -> Clause | None:
    """Question pieces for a phrase inside a participle after a noun: "The budget, approved by
    parliament in 2016, was ..." gives (was, the budget, approved by parliament)."""
    doc = sent.doc
    head = doc[answer.start : answer.stop].root
    if head.dep_ != "pobj" or head.head.dep_ != "prep":
        return None
    verb = head.head.head
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.head.pos_ not in {"NOUN", "PROPN"}:
        return None
    noun = verb.head
    comma = verb.i > sent.start and doc[verb.left_edge.i - 1].text == ","
    while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ == "NOUN":
        if noun.head.lower_ != "of" and not comma:
            break
        noun = noun.head.head  # "a band of rock discovered ...", "a report by X, published ..."
    if noun.dep_ not in _SUBJECT_DEPS | {"dobj", "pobj", "attr"}:
        return None
    skip = _subtree(verb)
    for child in noun.children:
        if child.dep_ in _ASIDE_DEPS and child.i != verb.i:
            skip |= _subtree(child)
    np = [t.i for t in noun.subtree if t.i not in skip and not t.is_punct]
    if not np or any(doc[i].pos_ == "PRON" for i in np):
        return None
    if vague(noun) and not any(doc[i].pos_ == "PROPN" for i in np):
        return None
    first = doc[np[0]]
    subject = _lower_first(render(sent, np), first)
    if first.lower_ in {"a", "an"}:
        subject = "the " + render(sent, np[1:])
    plural = noun.tag_ in {"NNS", "NNPS"}
    aux = "were" if plural else "was"
    phrase = set(_subtree(head.head))
    predicate_tokens = [
        t.i
        for t in verb.subtree
        if t.i not in phrase
        and not t.is_punct
        and (
            t.i == verb.i
            or t.head.i == verb.i
            and t.dep_ == "agent"
            or t.head.dep_ == "agent"
            or t.head.head.dep_ == "agent"
        )
    ]
    predicate = render(sent, predicate_tokens)
    label = tidy(f"{subject} {aux} {predicate}")
    return Clause(aux=aux, subject=subject, predicate=predicate, vp="", label=label)


_VAGUE_HEADS: Final = frozenset(
    "step move group company country decision plan report one move thing issue case deal "
    "agency organisation organization side government firm move idea".split()
)


def vague(subject: Token) -> bool:
    """A subject too vague to stand alone in a question ("the step", "the same group")."""
    words = [t for t in subject.subtree if not t.is_punct]
    if any(t.lower_ in {"same", "latter", "former", "such"} for t in words):
        return True
    if any(t.pos_ == "PROPN" or t.ent_type_ or t.like_num for t in words):
        return False
    if subject.pos_ != "NOUN" or not any(t.dep_ == "det" for t in subject.children):
        return False  # "Construction began ...": a bare noun is no reference back
    modifiers = [t for t in words if t.dep_ not in {"det"} and t.i != subject.i]
    return not modifiers or subject.lower_ in _VAGUE_HEADS


def subject_of_root(sent: Span, answer: range) -> bool:
    """Whether the `answer` tokens are the whole subject of the main clause (bar determiners)."""
    root = sent.root
    doc = sent.doc
    span = doc[answer.start : answer.stop]
    head = span.root
    if head.dep_ not in _SUBJECT_DEPS or head.head.i != root.i:
        return False
    core = {
        t.i
        for t in head.subtree
        if t.dep_ not in {"det", "punct"}
        and not any(a.dep_ in _ASIDE_DEPS and t in a.subtree for a in head.children)
    }
    return core <= set(answer)
