"""The writer's own "I", told as "the author".

An opinion piece or a column says "On Monday I read all four opinions in Moen v.
Vell": a fact worth asking, in the writer's voice. A question quoting it must not say "I"
(whose?), so outside quotation marks the writer's "I", "me", "my" and "myself" become "the author"
and "the author's", and a present-tense verb after "I" agrees with it ("I believe" -> "the author
believes"). A sentence that reports someone else's words without quotation marks ("... this is
all I have, said Ada Moen") is left alone: its "I" is the speaker, not the writer. So is one with
"we", "our" or "us" (which people?) or with more first-person words than `MAX_FIRST_PERSON` (a
sentence that is all about the writer's life).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from quiz.generate.nlp import outside_quotes

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from quiz.generate.facts import Fact

AUTHOR: Final = "the author"
MAX_FIRST_PERSON: Final = 2
"""A sentence with more first-person words than this is about the writer, not the news."""
_SINGULAR: Final = frozenset({"i", "me", "my", "myself", "mine"})
_PLURAL: Final = frozenset({"we", "us", "our", "ours", "ourselves"})
_CONTRACTIONS: Final = {
    "’m": "is",
    "'m": "is",
    "’ve": "has",
    "'ve": "has",
    "’ll": "will",
    "'ll": "will",
    "’d": "would",
    "'d": "would",
}
_IRREGULAR: Final = {"am": "is", "have": "has", "be": "is", "are": "is"}
_SAY: Final = frozenset({"say", "tell", "add", "write", "recall", "explain", "note"})


def writers_sentence(sent: Span) -> bool:
    """Whether `sent` speaks in the writer's "I" outside quotation marks, few enough times to
    be told of "the author", and reports no one else's words."""
    words = outside_quotes(sent)
    first = [t for t in words if t.lower_ in _SINGULAR]
    if not first or len(first) > MAX_FIRST_PERSON:
        return False
    if any(t.lower_ in _PLURAL for t in words):
        return False
    for token in words:
        if token.lemma_.lower() in _SAY:
            subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if any(s.lower_ not in _SINGULAR for s in subjects):
                return False  # "..., said Ada Moen": her words, not the writer's
    return True


def in_third_person(sent: Span) -> dict[str, str]:
    """What to write for each first-person word of `sent` and the verbs that agree with "I",
    as (written words -> replacement) pairs, in sentence order; {} when a verb cannot be made
    to agree (the sentence is then left as it is)."""
    out: dict[str, str] = {}
    for token in outside_quotes(sent):
        lower = token.lower_
        if lower not in _SINGULAR:
            continue
        if lower in {"my", "mine"}:
            replacement = AUTHOR + "’s"
        else:
            replacement = AUTHOR
        if lower == "i":
            verb = _agreeing_verb(token)
            if verb is None:
                return {}
            pair = _verb_pair(token, verb)
            if pair is None:
                return {}
            out[pair[0]] = pair[1]
            continue
        out[token.text] = replacement
    return out


def rewrite(fact: Fact, pairs: dict[str, str]) -> Fact:
    """`fact` with the first-person words of its contexts told of the author."""
    updates: dict[str, str] = {}
    for key, value in fact.slots:
        if key.startswith("context") or key == "lead":
            new = _replace(value, pairs)
            if new != value:
                updates[key] = new
    return fact.with_slots(**updates) if updates else fact


def _replace(text: str, pairs: dict[str, str]) -> str:
    for old, new in pairs.items():
        pattern = re.compile(rf"(?<![\w’']){re.escape(old)}(?![\w’'])")
        parts = _QUOTED.split(text)
        for n in range(0, len(parts), 2):  # even parts lie outside quotation marks
            parts[n] = _sub_cased(pattern, new, parts[n])
        text = "".join(parts)
    return text


def _sub_cased(pattern: re.Pattern[str], new: str, text: str) -> str:
    out: list[str] = []
    last = 0
    for m in pattern.finditer(text):
        out.append(text[last : m.start()])
        out.append(_cased(new, m.start(), text))
        last = m.end()
    out.append(text[last:])
    return "".join(out)


_QUOTED: Final = re.compile(r"(“[^”]*”|\"[^\"]*\")")


def _cased(new: str, start: int, text: str) -> str:
    opening = not text[:start].strip() or text[:start].rstrip().endswith((".", "—", ":"))
    return new[:1].upper() + new[1:] if opening else new


def _agreeing_verb(subject: Token) -> Token | None:
    """The word right after "I" that agrees with it, with at most one adverb between ("I
    always felt"); None when there is none to be found."""
    doc = subject.doc
    i = subject.i + 1
    if i < len(doc) and doc[i].pos_ == "ADV" and doc[i].lower_ not in {"n’t", "n't", "not"}:
        i += 1
    if i >= len(doc):
        return None
    verb = doc[i]
    return verb if verb.pos_ in {"VERB", "AUX"} else None


def _verb_pair(subject: Token, verb: Token) -> tuple[str, str] | None:
    """(the words "I ... verb" as written, the same told of the author)."""
    doc = subject.doc
    end = verb.i + 1
    negation = end < len(doc) and doc[end].lower_ in {"n’t", "n't"} and not verb.whitespace_
    written = doc[subject.i : end + negation].text
    between = doc[subject.i + 1 : verb.i].text
    lower = verb.lower_
    nt = doc[end].text if negation else ""
    if lower in _CONTRACTIONS:
        agreed = _CONTRACTIONS[lower]
        return written, f"{AUTHOR} {agreed}{' not' if nt else ''}"
    if verb.tag_ == "VBP" or lower in _IRREGULAR:
        agreed = third_person(lower)
    elif verb.tag_ in {"VBD", "MD"} or lower in {"was", "do", "did"}:
        agreed = {"do": "does"}.get(lower, verb.text)
    else:
        return None
    middle = f" {between}" if between else ""
    return written, f"{AUTHOR}{middle} {agreed}{nt}"


def third_person(verb: str) -> str:
    """The present-tense form of a verb after "she": "believe" -> "believes", "try" ->
    "tries", "watch" -> "watches", "go" -> "goes"."""
    if verb in _IRREGULAR:
        return _IRREGULAR[verb]
    if verb.endswith("y") and len(verb) > 2 and verb[-2] not in "aeiou":
        return verb[:-1] + "ies"
    if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        return verb + "es"
    return verb + "s"
