"""Checks every generated question must pass; each failure is a reason code.

The codes (see `REASONS`) let the generator report why candidates were dropped and let tests pin
the behaviour down. Checks work on the question's text and answer, and on its source sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from quiz.generate.entity_kinds import BODY_WORDS
from quiz.generate.names import is_alias, normalise
from quiz.generate.values import is_relative, parse_date
from quiz.language import MONTHS
from quiz.model import FALSE, TRUE, Question

REASONS: Final[dict[str, str]] = {
    "empty-answer": "the answer is empty or only punctuation",
    "answer-too-long": "the answer is longer than a quiz answer should be",
    "answer-pronoun": "the answer is a pronoun or a function word",
    "relative-date": "the answer is a relative date (last week, Thursday)",
    "not-a-question": "a question prompt must end with one question mark",
    "wh-start": "a short question must start with a wh-word",
    "multiple-wh": "more than one wh-word",
    "gap-count": "a cloze must have exactly one {{c1::...}} gap holding the answer",
    "blank-count": "a fill-in prompt must have exactly one blank",
    "too-long": "the prompt has too many words",
    "too-short": "the prompt has too few words",
    "answer-in-prompt": "the prompt gives away the answer (or an alias of it)",
    "dangling-pronoun": "a pronoun or demonstrative without a referent in the question",
    "vague-reference": "refers to 'the article', 'this', 'above' and the like",
    "negated": "a negated wh-question",
    "stranded-preposition": "the question ends with a preposition",
    "capitalised-word": "a capitalised function word in mid-question",
    "unbalanced": "unbalanced quotes or brackets",
    "spacing": "double spaces or a space before punctuation",
    "choice-options": "a choice needs 4 distinct options including the answer",
    "choice-alias": "an option is an alias of, or contains, the answer",
    "truefalse-answer": "a true/false answer must be true or false",
    "order-items": "an order question needs 3-5 distinct items",
    "order-label": "a timeline label is too long or holds a date or an ordering word",
    "dangling-clause": "a clause cut short: a relative or wh-word with no verb after it",
    "not-answerable": "the answer is not in the source sentence",
    "duplicate": "the same question is already in the deck",
    "personal-voice": "the quoted sentence speaks as the writer or to the reader",
    "another-date": "a question for a date names another date (which event is meant?)",
    "answer-across-sentences": "the answer runs from one sentence into the next",
    "unanchored": "names no one, nowhere and no time: the reader cannot tell what it is about",
    "answer-cut": "the answer is part of a word or name, ends on a function word or lists names",
    "source-gap": "the gap is who reported the news ('according to _____'), not the news",
    "platform": "the answer is the social platform something was posted on",
    "possessive-gap": "the gap is followed by a dangling apostrophe ('_____' experience') or a "
    "date's possessive ('at _____’s end')",
    "glued-words": "words run together ('conflict-freeThis') or the page's marks left in the "
    "text (a list number '6.' opening it, a name's footnote star 'Sophia*')",
}
"""Every reason code `check_question` may return, with what it means."""

WH_WORDS: Final = frozenset(
    {"who", "whom", "whose", "what", "when", "where", "which", "why", "how"}
)
PRONOUNS: Final = frozenset(
    "he she it they them him his her its their theirs hers we us our i me my".split()
)
DEMONSTRATIVES: Final = frozenset({"this", "these", "those"})
PLATFORMS: Final = frozenset(
    "instagram|x|twitter|facebook|tiktok|youtube|threads|bluesky|spotify|substack|reddit|"
    "linkedin|snapchat|whatsapp|telegram|apple podcasts|google podcasts".split("|")
)
"""Where something was posted: asking for it asks for the channel, not the news."""
PERSONAL_VOICE: Final = frozenset("i me my mine myself we us our ours ourselves".split())
"""The writer speaking ("our schools", "I reviewed"): outside a quotation such a sentence is the
writer's own story or opinion, not a fact the reader can place. A "you" is the reader, as in
advice ("your ladder should stand 1 foot out"), and stays."""
TIME_NOUNS: Final = frozenset(
    "year week month season summer winter spring autumn fall morning afternoon evening weekend "
    "decade century quarter semester term days time times".split()
)
"""After "this"/"that", a time ("this year"), not a reference to something said before."""
STOPWORDS: Final = frozenset(
    "a an the of to in on at by for with from and or but as is are was were be it its this that "
    "these those he she they them his her their".split()
)
PREPOSITIONS: Final = frozenset(
    "of to in on at by for with from into about over under between against during through".split()
)
VAGUE: Final = re.compile(
    r"(?i)\b(the (article|passage|text)|according to the (article|passage|text)|"
    r"mentioned (above|here))\b"
)
_GAP: Final = re.compile(r"\{\{c(\d+)::(.*?)\}\}")
_QUOTED: Final = re.compile(r"[\"“][^\"“”]*[\"”]")
MAX_QUESTION_WORDS: Final = 25
MAX_SENTENCE_WORDS: Final = 45
MAX_ANSWER_WORDS: Final = 8
MAX_QUOTE_GAP_WORDS: Final = 6
"""A quoted phrase asked as a gap ("called it a _____") is a phrase, not a whole quotation."""
MAX_LABEL_WORDS: Final = 12
_MONTHS_NOT_MAY: Final = "|".join(m for m in MONTHS if m != "May")  # "may" is a modal too
_LABEL_CUES: Final = re.compile(
    r"(?i)\b((1[5-9]|20)\d\d|then|later|after|afterwards|before|first|earlier|finally|"
    rf"{_MONTHS_NOT_MAY})\b"
)
_RELATIVE: Final = re.compile(r"(?i)\b(where|which|who|whom|whose|when|while|whereas)\b")


def _words(text: str) -> list[str]:
    return re.findall(r"[\w'’-]+", text)


def _contains(haystack: str, needle: str) -> bool:
    h, n = f" {normalise(haystack)} ", f" {normalise(needle)} "
    return bool(normalise(needle)) and n in h


def check_question(
    question: Question,
    *,
    aliases: Iterable[str] = (),
    anchors: Iterable[str] | None = None,
    lead: str = "",
) -> list[str]:
    """The reason codes `question` fails (an empty list when it is fine).

    `aliases` are other names of the answer (an acronym's long form, say) the prompt must not show.
    `anchors` are the names and dates of the source sentence (`ANCHOR_LABELS`); a question must
    keep one of them, or another capitalised name, to say what it is about. `None` skips the check.
    `lead` is the sentence before the question's own, quoted first because it names what a "these
    fires" of the question points back at: such a demonstrative is then no dangling reference,
    and the lead does not count against the question's length.
    """
    reasons: list[str] = []
    kind = question.kind
    prompt = question.prompt
    body = prompt[len(lead) :].lstrip() if lead and prompt.startswith(lead) else prompt
    answer = question.answer_text
    sentence = question.source.sentence
    if kind == "order":
        items = question.answer if isinstance(question.answer, tuple) else ()
        if not 3 <= len(items) <= 5 or len({normalise(i) for i in items}) != len(items):
            reasons.append("order-items")
        elif sorted(question.choices) != sorted(items):
            reasons.append("order-items")
        for item in items:
            if len(_words(item)) > MAX_LABEL_WORDS or _LABEL_CUES.search(item):
                reasons.append("order-label")
                break
        return reasons
    if not re.search(r"\w", answer):
        return ["empty-answer"]
    if kind == "truefalse":
        if question.answer not in (TRUE, FALSE):
            reasons.append("truefalse-answer")
    else:
        reasons.extend(_answer_checks(question, answer, sentence))
    outside = _QUOTED.sub(" ", prompt)
    if prompt.count("“") != prompt.count("”") or prompt.count('"') % 2:
        reasons.append("unbalanced")
    elif prompt.count("(") != prompt.count(")") or prompt.count("[") != prompt.count("]"):
        reasons.append("unbalanced")
    if "  " in prompt or re.search(r"\s[?.,;:!]", _GAP.sub("x", prompt)):
        reasons.append("spacing")
    if _GLUED.search(_GAP.sub(" x ", prompt)) or _PAGE_MARKS.search(_GAP.sub(" x ", prompt)):
        reasons.append("glued-words")
    gapped = _GAP.sub("\x01", prompt).replace("_____", "\x01")
    if _SOURCE_GAP.search(gapped) or (
        question.fact == "organisation" and _REPORTER_GAP.search(gapped)
    ):
        reasons.append("source-gap")
    if _BARE_APOSTROPHE_AFTER_GAP.search(gapped) or (
        question.fact in {"date", "number"} and _POSSESSIVE_AFTER_GAP.search(gapped)
    ):
        reasons.append("possessive-gap")
    if _FOOTNOTE_STAR.search(sentence):
        reasons.append("glued-words")  # "Paula*, 43": a name the page marks as made up
    if kind == "cloze" and re.search(r"\w\{\{c\d+::|\}\}[\w/]", prompt):
        reasons.append("answer-cut")  # "{{c1::MM}}/DGC/130/23": part of a longer token
    elif question.fact not in {"number", "date"} and _IN_COMPOUND.search(gapped):
        reasons.append("answer-cut")  # "{{c1::Oscar}}-winner": half of a hyphenated word
    if VAGUE.search(outside):
        reasons.append("vague-reference")
    gaps = _GAP.findall(prompt)
    blanks = prompt.count("_____")
    statement = kind == "truefalse" or kind == "cloze" or blanks
    words = _words(_GAP.sub(" x ", re.sub(r"^True or false\?\s*", "", body)))
    if kind == "cloze":
        if len(gaps) != 1 or prompt.count("{{") != 1 or prompt.count("}}") != 1:
            reasons.append("gap-count")
        elif gaps[0][1].replace("} }", "}}").replace(": :", "::") != answer:
            reasons.append("gap-count")
    elif kind in {"short", "choice"}:
        if blanks:
            if blanks != 1 or prompt.count("_") != 5:
                reasons.append("blank-count")
        else:
            reasons.extend(_wh_checks(prompt, outside))
        if gaps:
            reasons.append("gap-count")
    limit = MAX_SENTENCE_WORDS if statement else MAX_QUESTION_WORDS
    if len(words) > limit:
        reasons.append("too-long")
    if len(words) < (5 if statement else 4):
        reasons.append("too-short")
    stem = _GAP.sub(" ", prompt).replace("_____", " ")
    if kind != "truefalse":
        for name in (answer, *aliases):
            if _contains(stem, name):
                reasons.append("answer-in-prompt")
                break
        else:
            if (
                _spelled_out(answer, stem)
                or (question.fact == "organisation" and _abbreviated(answer, stem))
                or (question.fact in _NAMED_FACTS and _part_shown(answer, stem))
            ):
                reasons.append("answer-in-prompt")
    if statement and _dangling(prompt):
        reasons.append("dangling-clause")
    names = None if anchors is None else [a for a in anchors if a[:1].isupper()]
    person = " \x01 " if question.fact == "person" else " "  # the answer's place, a name
    marked = _GAP.sub(person, body).replace("_____", person)
    reasons.extend(
        _reference_checks(kind, marked, statement=bool(statement), names=names, led=body != prompt)
    )
    if anchors is not None and kind != "truefalse":
        marked = _GAP.sub("\x00", prompt).replace("_____", "\x00")
        if not _anchored(marked, [a for a in anchors if not _contains(a, answer)]):
            reasons.append("unanchored")
    if kind == "choice":
        reasons.extend(_choice_checks(question, answer))
    if question.fact == "date" and not blanks and kind in {"short", "choice", "truefalse"}:
        rest = stem.replace(answer, " ") if answer else stem
        for choice in question.choices:
            rest = rest.replace(choice, " ")
        found = _ANOTHER_DATE.findall(stem if kind == "truefalse" else rest)
        if len(found) >= (2 if kind == "truefalse" else 1):  # a statement holds its own date
            reasons.append("another-date")
    return list(dict.fromkeys(reasons))


_ANOTHER_DATE: Final = re.compile(rf"\b(1[5-9]\d\d|20\d\d)\b|\b({_MONTHS_NOT_MAY})\b")


_SENTENCE_START: Final = re.compile(r"(^|[.!?:;“\"‘(—–-]\s*)$")
_YEAR: Final = re.compile(r"\b(1[5-9]\d\d|20\d\d)s?\b")
_NAMING: Final = re.compile(r"(?i)\b(called|named|dubbed|known as)\W*\x00")


ANCHOR_LABELS: Final = frozenset(
    "PERSON ORG GPE LOC NORP FAC EVENT WORK_OF_ART LAW PRODUCT DATE".split()
)
"""Entity labels that tell what a sentence is about (counts and amounts do not)."""


def _anchored(stem: str, anchors: Iterable[str] = ()) -> bool:
    """Whether the question names something the reader can place: a name (a capitalised word
    that does not merely open a sentence), a year, or the gap (marked by NUL) is a name the stem
    defines ("a chemical called _____"). "Police said at least _____ were killed" names
    nothing: which attack? "Who said 'We are hopeful'?" neither."""
    if _YEAR.search(stem) or _NAMING.search(stem):
        return True
    if any(_contains(stem.replace("\x00", " "), anchor) for anchor in anchors):
        return True
    for m in re.finditer(r"[\w’'&.-]+", stem):
        word = m.group()
        if not word[:1].isupper() or word in {"I", "I’m", "I'm", "I’ve", "I'd"}:
            continue
        if m.start() == 0 or _SENTENCE_START.search(stem[: m.start()]):
            continue
        if word.lower() in WH_WORDS:
            continue
        return True
    return False


_NAMED_FACTS: Final = frozenset({"person", "organisation", "place"})
_FUNCTION_WORDS: Final = frozenset("of the a an and or for to in on at by with from as".split())
_GLUED: Final = re.compile(r"[a-z]{4,}[A-Z][a-z]")
_SOURCE_GAP: Final = re.compile(
    r"(?i)\b(according to|told|speaking to|in an interview with|reported by|in a statement to)"
    r"\s+(the\s+)?\x01"
    r"|\baccording to\b[^,.;:\x01]{0,50}\x01"
    r"|\b(numbers|figures|data|estimates|statistics|research|study|survey|story|report|poll)"
    r"\s+(from|by|provided by|published by|of)\s+(the\s+)?\x01"
    r"|\b(wrote|posted|said)\s+(on|in)\s+\x01"
)
"""A gap on where the news was said or who passed it on ("according to _____", "told _____",
"according to 2019 figures published by the _____", "per new figures from the _____", "wrote on
_____"), or on a detail of that source ("according to a _____ story"): no reader keeps it."""
_REPORTER_GAP: Final = re.compile(
    r",\s+(?:the\s+)?\x01\s+(?:says|said|reports|reported|writes|wrote|added)\W*$"
)
"""An organisation's gap on who reports the sentence, at its end ("..., _____ says."): the
outlet or office passing the news on, not the news."""
_IN_COMPOUND: Final = re.compile(r"\x01-[a-z]|[A-Za-z]-\x01")
"""A name's gap joined by a hyphen to a word ("_____-winner", "Scalia-_____"): part of one
word; a number's ("a _____-tall sailor") reads as a measure."""
_FOOTNOTE_STAR: Final = re.compile(r"\w\*(?!\w)")
_BARE_APOSTROPHE_AFTER_GAP: Final = re.compile(r"\x01['’](?!s\b)")
_POSSESSIVE_AFTER_GAP: Final = re.compile(r"\x01['’]s\b")
"""A gap followed by a dangling apostrophe ("_____' experience") or a date or number followed
by a possessive ("at _____’s end"); a name's possessive ("_____’s recognition of") reads
well."""
_PAGE_MARKS: Final = re.compile(r"^(?:[^:]{1,60}:\s+)?\d{1,2}\.\s|\w\*(?!\w)")
"""A lower-case word run into a capitalised one ("conflict-freeThis"); names written in camel
case keep a short first part ("McKelvie", "DeSantis", "YouTube")."""
_PLAIN_NAME_WORDS: Final = BODY_WORDS | frozenset(
    "national united new north south east west central royal international american british "
    "city county state states republic kingdom saint great upper lower old".split()
)
_INITIALS_SKIP: Final = frozenset({"of", "and", "for", "the", "&", "on", "in"})


def _part_shown(answer: str, stem: str) -> bool:
    """Whether the prompt shows a telling word of a name asked ("Williams took the _____ to the
    Finals ... leading the Suns" for "Phoenix Suns"; "Price said" for "Katie Price")."""
    words = answer.split()
    if len(words) < 2:
        return False
    for word in words:
        word = word.strip(".,’'")
        if len(word) < 4 or not word[:1].isupper() or word.lower() in _PLAIN_NAME_WORDS:
            continue
        if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", stem):
            return True
    return False


def _spelled_out(answer: str, stem: str) -> bool:
    """Whether an acronym asked is spelled out in the prompt ("the Vell Harbour Board
    ... the _____" for "NIH")."""
    letters = answer.replace(".", "")
    if not re.fullmatch(r"[A-Z]{2,7}", letters):
        return False
    words = re.findall(r"[\w&’'-]+", stem)
    for start, word in enumerate(words):
        if not word[:1].isupper():
            continue
        initials = ""
        for other in words[start:]:
            if other.lower() in _INITIALS_SKIP and initials:
                continue
            if not other[:1].isupper():
                break
            initials += other[0]
            if initials == letters:
                return True
            if not letters.startswith(initials):
                break
    return False


def _abbreviated(answer: str, stem: str) -> bool:
    """Whether the prompt shows the initials of a name asked ("... the NIH clause" for
    "National Institutes of Health")."""
    words = [w for w in re.findall(r"[\w&’'-]+", answer) if w.lower() not in _INITIALS_SKIP]
    if len(words) < 3 or not all(w[:1].isupper() for w in words):
        return False  # two initials ("DC", "TV", "AM") stand for too much else
    initials = "".join(w[0] for w in words)
    return re.search(rf"(?<![\w-]){initials}s?(?![\w-])", stem) is not None


def _dangling(prompt: str) -> bool:
    """Whether a relative or wh-word is left without its clause: "in a country where, in the
    1980s." (an interrupting phrase and then nothing), or "the town where." at the end."""
    text = _QUOTED.sub(" q ", _GAP.sub(" x ", prompt)).replace("_____", " x ")
    for m in _RELATIVE.finditer(text):
        after = text[m.end() :].strip()
        if not re.search(r"\w", after):
            return True
        if after.startswith(",") and "," not in after[1:]:
            return True
    return False


def _answer_checks(question: Question, answer: str, sentence: str) -> list[str]:
    reasons: list[str] = []
    words = _words(answer)
    limit = MAX_ANSWER_WORDS
    if question.fact == "quote" and question.kind != "cloze":
        limit = 25  # a quotation shown to judge; a gap is recalled, so it stays short
    elif question.fact == "quote":
        limit = MAX_QUOTE_GAP_WORDS
    if len(words) > limit:
        reasons.append("answer-too-long")
    if all(w.lower() in STOPWORDS for w in words):
        reasons.append("answer-pronoun")
    if re.search(r"[.!?]\s+[A-Z]", answer):
        reasons.append("answer-across-sentences")  # "Grungy. New": a name the model ran on
    last = words[-1].lower() if words else ""
    if len(words) > 1 and last in _FUNCTION_WORDS:
        reasons.append("answer-cut")  # "Best Streamed Event of"
    elif question.fact in _NAMED_FACTS and "," in answer:
        reasons.append("answer-cut")  # "Korn, Limp Bizkit": two names as one
    if question.fact == "date" and is_relative(answer) and parse_date(answer) is None:
        reasons.append("relative-date")
    if normalise(answer) in PLATFORMS:
        reasons.append("platform")  # "shared the recipe on _____": where, not what
    if (
        sentence
        and not _contains(sentence, answer)
        and not any(_contains(sentence, a) for a in question.accept)
    ):
        reasons.append("not-answerable")
    return reasons


def _wh_checks(prompt: str, outside: str) -> list[str]:
    reasons: list[str] = []
    if not prompt.endswith("?") or prompt.count("?") != 1 or prompt.endswith(" ?"):
        reasons.append("not-a-question")
    tokens = _words(outside)
    lower = [t.lower() for t in tokens]
    first = lower[:3]
    if not first or not (
        first[0] in WH_WORDS
        or (first[0] in {"in", "on", "at", "by", "to"} and first[1:2] and first[1] in WH_WORDS)
    ):
        reasons.append("wh-start")
    # the fronted wh-word may be capitalised; later ones count only in lower case ("WHO")
    fronted = 1 if first[0] in WH_WORDS else 0
    rest = (
        tokens[1:] if fronted else tokens[2:] if len(first) > 1 and first[1] in WH_WORDS else tokens
    )
    if fronted + sum(1 for t in rest if t in WH_WORDS) + (0 if fronted else 1) > 1:
        reasons.append("multiple-wh")
    if any(t in {"not", "n't", "never"} or t.endswith("n't") for t in lower):
        reasons.append("negated")
    if lower and lower[-1] in PREPOSITIONS and lower[-2:] != ["stand", "for"]:
        reasons.append("stranded-preposition")
    for word in tokens[2:]:
        if word in {"The", "A", "An", "According", "Two", "Three", "In", "On", "At", "After"}:
            reasons.append("capitalised-word")
            break
    return reasons


def _reference_checks(
    kind: str, stem: str, *, statement: bool, names: list[str] | None = None, led: bool = False
) -> list[str]:
    """Pronouns and demonstratives with nothing in `stem` to refer to; with `led`, the sentence
    before was quoted for what a demonstrative means."""
    outside = _QUOTED.sub(" ", stem)
    # "she'd", "it's": the pronoun without its verb
    tokens = [re.sub(r"['’](d|s|ll|re|ve|m)$", "", t.lower()) for t in _words(outside)]
    if not tokens:
        return []
    if statement and PERSONAL_VOICE & set(tokens):
        return ["personal-voice"]
    if statement:
        first = tokens[0]
        relative_time = len(tokens) > 1 and tokens[1] in TIME_NOUNS  # "This year the ..."
        demonstrative = not led and (first in DEMONSTRATIVES or first == "that" and len(tokens) > 1)
        if first in PRONOUNS or (demonstrative and not relative_time):
            return ["dangling-pronoun"]
        m = re.match(
            r"(?i)(true or false\?\s*)?(he|she|it|its|they|their|his|this|these|those)\b\s*(\w*)",
            stem.strip(" \x01"),
        )
        pointing = m is not None and m.group(2).lower() in DEMONSTRATIVES
        if m and not (pointing and (led or m.group(3).lower() in TIME_NOUNS)):
            return ["dangling-pronoun"]
        if _unnamed_person(outside, names):
            return ["dangling-pronoun"]
        for word, after in zip(tokens, [*tokens[1:], ""], strict=True):
            if word == "this" and after not in TIME_NOUNS and not led:
                return ["dangling-pronoun"]  # "fans of this sound": which sound?
        return []
    allowed = {"its", "it"} | (THIRD_PERSON if tokens[0] in {"who", "whom"} else set())
    if any(t in PRONOUNS - allowed for t in tokens):  # "Who ... outside his house?" is fine
        return ["dangling-pronoun"]
    if not led and any(t in DEMONSTRATIVES for t in tokens):
        return ["dangling-pronoun"]
    return []


THIRD_PERSON: Final = frozenset("he she him her his hers they them their theirs".split())
COMMON_OPENERS: Final = frozenset(
    "the a an in on at it this that these those but and as for when while after before if "
    "according since with by from during under over".split()
)


def _unnamed_person(text: str, names: list[str] | None = None) -> bool:
    """Whether a sentence says "he", "she" or "they" before naming anyone: a name must come
    first ("Suarez said he ..."), else the reader of one question cannot tell who is meant.

    `names` are the names the source sentence holds; without them a capitalised word that does
    not merely open the sentence is taken for a name."""
    words = re.findall(r"[\w’'-]+|\x01", text.replace("_____", " x ").replace("\x00", " x "))
    for i, word in enumerate(words):
        if re.sub(r"['’](d|s|ll|re|ve)$", "", word.lower()) not in THIRD_PERSON:
            continue
        before = words[:i]
        if "\x01" in before:
            return False  # the answer, a name, comes first: "_____ said she ..."
        before = [w for w in before if w != "\x01"]
        if names is not None:
            start = " ".join(before)
            return not any(name in start for name in names) and not any(
                w[:1].isupper() for n, w in enumerate(before) if n > 0
            )
        named = [w for n, w in enumerate(before) if w[:1].isupper() and n > 0]
        first = before[0] if before else ""
        if named or (first[:1].isupper() and first.lower() not in COMMON_OPENERS):
            return False
        return True
    return False


def _choice_checks(question: Question, answer: str) -> list[str]:
    options = question.choices
    keys = [normalise(o) for o in options]
    if len(options) != 4 or len(set(keys)) != 4 or answer not in options:
        return ["choice-options"]
    if question.fact in {"date", "number"}:
        return []
    for option in options:
        if option != answer and is_alias(option, answer):
            return ["choice-alias"]
    return []
