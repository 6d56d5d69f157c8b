"""Grading answers: typed text, a picked choice, true or false, an order. Pure functions.

Typed answers are compared forgivingly (case, accents, punctuation, spacing, a leading "the", small
typos, "five" for 5, "2,500" for 2500, a surname for a person, an acronym for its expansion and back)
but never accept a different number: "1997" is not "1998".
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Final

from rapidfuzz.distance import OSA

from quiz.model import FALSE, TRUE, Deck, Question
from quiz.scheduling import Rating


@dataclass(frozen=True, slots=True)
class Grade:
    """The verdict on one answer."""

    correct: bool
    exact: bool
    """Right without any spelling allowance (a surname or an acronym also counts as exact)."""
    matched: str | None
    """The accepted answer the input matched, or `None` when wrong."""
    rating: Rating
    """The rating to record: GOOD when right, HARD when right with a typo, AGAIN when wrong."""
    feedback: str
    """One line for the learner."""


_ARTICLES: Final = frozenset({"the", "a", "an"})
_LEADING_FILLERS: Final = frozenset(
    {"in", "on", "at", "by", "about", "around", "approximately", "roughly", "nearly", "some"}
)
_CONNECTIVES: Final = frozenset({"of", "the", "and", "for", "in", "on", "to", "at", "&"})
_MONTHS: Final = {
    "jan": "january",
    "feb": "february",
    "mar": "march",
    "apr": "april",
    "jun": "june",
    "jul": "july",
    "aug": "august",
    "sep": "september",
    "sept": "september",
    "oct": "october",
    "nov": "november",
    "dec": "december",
}
_MONTH_NAMES: Final = frozenset(_MONTHS.values()) | {"may"}
_SMALL_NUMBERS: Final = {
    word: str(value)
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
        " fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
} | {
    "thirty": "30",
    "forty": "40",
    "fifty": "50",
    "sixty": "60",
    "seventy": "70",
    "eighty": "80",
    "ninety": "90",
    "hundred": "100",
    "dozen": "12",
}
_MULTIPLIERS: Final = {
    "thousand": 1_000,
    "k": 1_000,
    "million": 1_000_000,
    "mn": 1_000_000,
    "m": 1_000_000,
    "billion": 1_000_000_000,
    "bn": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "tn": 1_000_000_000_000,
}
_NUMBER_WORD: Final = re.compile(
    r"(?<![\w-])(?:" + "|".join(sorted(_SMALL_NUMBERS, key=len, reverse=True)) + r")(?![\w-])"
)
_GROUPED_NUMBER: Final = re.compile(
    r"(?<![\d.])\d{1,3}(?:[, \u00a0\u202f]\d{3})+(?:\.\d+)?(?![\d,])"
)
_NUMBER: Final = re.compile(r"\d+(?:\.\d+)?")
_ORDINAL: Final = re.compile(r"\b(\d+)(?:st|nd|rd|th)\b")
_PUNCTUATION: Final = re.compile(r"[^\w\s.%]|_")
_STAND_FOR: Final = re.compile(r"\bdoes\s+(\S+)\s+stand\s+for\b", re.IGNORECASE)
_DEFINED: Final = re.compile(r"((?:[\w'’.&-]+\s+){1,10}?)\(([A-Z][A-Za-z.&-]{1,9})\)")
_WHO: Final = re.compile(r"\s*(who|whom|whose)\b", re.IGNORECASE)
_TITLES: Final = frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "president", "general"}
)
_PARTICLES: Final = frozenset(
    {"von", "van", "der", "den", "de", "da", "di", "du", "la", "le", "al", "bin", "ibn", "el"}
)
_RANGE_WORDS: Final = frozenset({"to", "and", "until", "till", "through", "from", "between"})
_DIGIT_LETTER: Final = re.compile(r"(\d)([a-z])")
_POSSESSIVE: Final = re.compile(r"'s\b")
_GROUP_SEPARATOR: Final = re.compile(r"[, \u00a0\u202f]")


def _number_word(match: re.Match[str]) -> str:
    return _SMALL_NUMBERS[match.group()]


def _ungroup(match: re.Match[str]) -> str:
    return _GROUP_SEPARATOR.sub("", match.group())


@dataclass(frozen=True, slots=True)
class _Norm:
    """An answer reduced for comparison."""

    text: str
    """Normalised words and canonical numbers, space-separated."""
    words: tuple[str, ...]
    """The non-number tokens."""
    numbers: tuple[str, ...]
    """Canonical numbers, sorted (so "15 August 1947" and "August 15, 1947" agree)."""


def normalise(text: str) -> str:
    """`text` as graded: accents, case, punctuation and leading articles dropped, numbers canonical."""
    return _normalise(text).text


def grade_typed(
    question: Question,
    typed: str,
    *,
    extra_accepted: Iterable[str] = (),
    acronyms: Mapping[str, str] | None = None,
) -> Grade:
    """Grade a typed answer to a cloze, short or basic question.

    Args:
        question: the question; its answer, `accept` list and `fact` type are used.
        typed: what the learner typed.
        extra_accepted: more right answers (those the learner marked "I was right").
        acronyms: acronym -> expansion (from the deck's facts), so "ORF" and "Observer Research
            Foundation" are both right whichever the answer is.
    """
    answer = question.answer_text
    if not typed.strip():
        return _wrong(question, "No answer.")
    candidates = _unique((*question.answers, *extra_accepted))
    typed_norm = _normalise(typed)
    fuzzy_match: str | None = None
    # Compare with number words read as numbers ("five" = 5), then as words ("zero sum" = "zero-sum").
    for number_words in (True, False):
        typed_form = typed_norm if number_words else _normalise(typed, number_words=False)
        for candidate in candidates:
            cand_form = _normalise(candidate, number_words=number_words)
            if _same(typed, typed_form, candidate, cand_form):
                return _right(candidate, answer, exact=True, given=typed)
            if typed_form.numbers != cand_form.numbers:
                continue
            if cand_form.numbers and _fewer_words(typed_form, cand_form):
                return _right(candidate, answer, exact=True, given=typed)
            if fuzzy_match is None and _close(typed_form, cand_form):
                fuzzy_match = candidate
    person = _asks_for_person(question)
    for candidate in candidates:
        if person and _looks_like_person(candidate):
            verdict = _person_match(typed_norm, _normalise(candidate))
            if verdict == "exact":
                return _right(candidate, answer, exact=True, given=typed)
            if verdict == "typo" and fuzzy_match is None:
                fuzzy_match = candidate
    acronym_match = _acronym_match(typed_norm, candidates, question.fact, acronyms or {})
    if acronym_match is not None and not _in_prompt(typed_norm, question.prompt):
        return _right(acronym_match, answer, exact=True, given=typed)
    if fuzzy_match is not None:
        return Grade(
            correct=True,
            exact=False,
            matched=fuzzy_match,
            rating=Rating.HARD,
            feedback=f"Almost: it is spelt “{fuzzy_match}”.",
        )
    return _wrong(question, "Not quite.")


def deck_acronyms(deck: Deck) -> dict[str, str]:
    """Acronym -> expansion pairs a deck teaches, for `grade_typed(..., acronyms=...)`.

    Found in "What does X stand for?" questions, in answers whose accept list pairs an acronym
    with its expansion, and in source sentences that define one ("the Observer Research
    Foundation (ORF)"). Pure but not free: compute it once per deck.
    """
    found: dict[str, str] = {}
    for question in deck.questions:
        asked = _STAND_FOR.search(question.prompt)
        if asked and _is_acronym(asked.group(1)):
            found.setdefault(asked.group(1), question.answer_text)
        texts = question.answers
        short_forms = [text for text in texts if _is_acronym(text)]
        long_forms = [text for text in texts if len(text.split()) >= 2]
        for short_form in short_forms:
            for long_form in long_forms:
                if _initials_fit(short_form, long_form):
                    found.setdefault(short_form, long_form)
        for match in _DEFINED.finditer(question.source.sentence):
            short_form = match.group(2)
            words = match.group(1).split()
            for start in range(len(words) - 1, -1, -1):
                long_form = " ".join(words[start:])
                if _initials_fit(short_form, long_form):
                    found.setdefault(short_form, long_form)
                    break
    return found


def _initials_fit(short_form: str, long_form: str) -> bool:
    letters = "".join(char for char in short_form.casefold() if char.isalnum())
    words = [word for word in re.split(r"[\s-]+", long_form.casefold()) if word]
    return len(letters) >= 2 and letters in (
        _initials(words, skip_connectives=True),
        _initials(words, skip_connectives=False),
    )


def grade_choice(question: Question, index: int) -> Grade:
    """Grade the pick of `question.choices[index]` (0-based, in display order).

    Raises:
        IndexError: If `index` is not a position in `question.choices`.
    """
    if not 0 <= index < len(question.choices):
        raise IndexError(f"choice {index} out of range for {len(question.choices)} choices")
    picked = question.choices[index]
    wanted = {normalise(answer) for answer in question.answers}
    if normalise(picked) in wanted or picked in question.answers:
        return _right(picked, question.answer_text, exact=True)
    return _wrong(question, f"Not “{picked}”.")


def grade_truefalse(question: Question, value: bool) -> Grade:
    """Grade a true-or-false answer (the question's answer is "true" or "false")."""
    truth = normalise(question.answer_text) == TRUE
    given = TRUE if value else FALSE
    if value == truth:
        return _right(given, question.answer_text, exact=True)
    return _wrong(question, "No.")


def grade_order(question: Question, typed: str) -> Grade | None:
    """Grade an ordering typed as the numbers of the displayed `choices`, first to last.

    "3142" means choices[2], choices[0], choices[3], choices[1] (1-based as shown). Spaces, commas
    and dashes may separate the numbers, and must with ten items or more.

    Returns:
        The grade, or `None` when the input is not an ordering of all the items (each number once);
        show `order_hint(question)` and let the learner try again.
    """
    order = parse_order(typed, len(question.choices))
    if order is None:
        return None
    given = tuple(question.choices[number - 1] for number in order)
    expected = question.answer if isinstance(question.answer, tuple) else tuple(question.choices)
    given_text = " > ".join(given)
    if [normalise(item) for item in given] == [normalise(item) for item in expected]:
        return _right(given_text, question.answer_text, exact=True)
    right_digits = _order_digits(question.choices, expected)
    hint = f" ({right_digits})" if right_digits else ""
    return Grade(
        correct=False,
        exact=False,
        matched=None,
        rating=Rating.AGAIN,
        feedback=f"Not in order. The order is {question.answer_text}{hint}.",
    )


def parse_order(typed: str, count: int) -> tuple[int, ...] | None:
    """The 1-based item numbers in `typed`, or `None` unless each of 1..count appears exactly once."""
    text = typed.strip()
    if not text or count <= 0:
        return None
    if re.search(r"[\s,;>\-/]", text):
        parts = [part for part in re.split(r"[\s,;>\-/]+", text) if part]
    elif count <= 9:
        parts = list(text)
    else:
        parts = [text]
    if not all(part.isascii() and part.isdigit() for part in parts):
        return None
    numbers = tuple(int(part) for part in parts)
    if sorted(numbers) != list(range(1, count + 1)):
        return None
    return numbers


def order_hint(question: Question) -> str:
    """What to type for an order question: "Type each number 1-4 once, first to last (e.g. 2413)"."""
    count = len(question.choices)
    example = "".join(str(n) for n in range(count, 0, -1)) if count <= 9 else "10 9 8 ..."
    return f"Type each number 1-{count} once, first to last (e.g. {example})."


def _order_digits(choices: tuple[str, ...], expected: tuple[str, ...]) -> str:
    """The expected order as the numbers shown, or "" if the items don't map one to one."""
    positions: list[int] = []
    remaining = list(enumerate(choices, start=1))
    for item in expected:
        found = next((pair for pair in remaining if pair[1] == item), None)
        if found is None:
            return ""
        remaining.remove(found)
        positions.append(found[0])
    separator = "" if len(choices) <= 9 else " "
    return separator.join(str(number) for number in positions)


def _right(matched: str, answer: str, *, exact: bool, given: str | None = None) -> Grade:
    shown = matched if given is None else given
    same = any(
        _normalise(shown, number_words=flag).text == _normalise(answer, number_words=flag).text
        for flag in (True, False)
    )
    feedback = "Correct." if same else f"Correct: “{answer}”."
    return Grade(correct=True, exact=exact, matched=matched, rating=Rating.GOOD, feedback=feedback)


def _wrong(question: Question, lead: str) -> Grade:
    return Grade(
        correct=False,
        exact=False,
        matched=None,
        rating=Rating.AGAIN,
        feedback=f"{lead} The answer is “{question.answer_text}”.",
    )


def _unique(texts: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for text in texts:
        if text.strip():
            seen.setdefault(text, None)
    return tuple(seen)


def _same(typed: str, typed_norm: _Norm, candidate: str, cand_norm: _Norm) -> bool:
    if cand_norm.text:
        if typed_norm.text == cand_norm.text:
            return True
        # The same words and numbers in another order ("August 15, 1947").
        return bool(cand_norm.numbers) and (
            typed_norm.numbers == cand_norm.numbers
            and sorted(typed_norm.words) == sorted(cand_norm.words)
        )
    # An answer made only of punctuation or articles: compare it as typed.
    return " ".join(typed.casefold().split()) == " ".join(candidate.casefold().split())


def _fewer_words(typed: _Norm, candidate: _Norm) -> bool:
    """Same numbers, and the typed words are some of the answer's ("2,500" for "2,500 troops").

    A month may not be left out: "15 1947" is not "15 August 1947". Words that join numbers
    may be added: "1979 to 1989" for "1979-1989".
    """
    missing = Counter(candidate.words)
    missing.subtract(word for word in typed.words if word not in _RANGE_WORDS)
    if any(count < 0 for count in missing.values()):
        return False
    return not any(count > 0 and word in _MONTH_NAMES for word, count in missing.items())


def _tolerance(length: int) -> int:
    """Edits allowed for an answer of `length` characters: none up to 4, then about one in six."""
    if length <= 4:
        return 0
    if length <= 7:
        return 1
    if length <= 12:
        return 2
    return length // 6


def _close(typed: _Norm, candidate: _Norm) -> bool:
    """Within the typo allowance, comparing the words (the numbers are already equal).

    Word by word when the counts agree, so that one wrong word in a long name ("Trade" for
    "Treaty") is not excused by the length of the rest; else as one string, with at most two edits
    (a missing or extra space).
    """
    if not candidate.words:
        return False
    target = " ".join(candidate.words)
    allowed = _tolerance(len(target.replace(" ", "")))
    if allowed == 0:
        return False
    if len(typed.words) == len(candidate.words):
        return _close_words(typed.words, candidate.words, allowed) or _close_words(
            tuple(sorted(typed.words)), tuple(sorted(candidate.words)), allowed
        )
    allowed = min(allowed, 2)
    return OSA.distance(" ".join(typed.words), target, score_cutoff=allowed) <= allowed


def _close_words(given: tuple[str, ...], target: tuple[str, ...], allowed: int) -> bool:
    total = 0
    for word, wanted in zip(given, target, strict=True):
        if word == wanted:
            continue
        limit = _tolerance(len(wanted))
        distance = OSA.distance(word, wanted, score_cutoff=limit)
        if distance > limit:
            return False
        total += distance
        if total > allowed:
            return False
    return True


def _in_prompt(typed: _Norm, prompt: str) -> bool:
    """True when the typed words are in the question itself: "IEA" does not answer "What does
    IEA stand for?", however well it names the answer."""
    words = f" {_normalise(prompt).text} "
    return f" {typed.text} " in words or f" {typed.text.replace(' ', '')} " in words


def _asks_for_person(question: Question) -> bool:
    """A person fact, or a hand-written card that asks "Who ...?"."""
    if question.fact:
        return question.fact == "person"
    return _WHO.match(question.prompt) is not None


def _looks_like_person(answer: str) -> bool:
    """Two to five capitalised words, with initials or particles ("Harsh V. Pant", "Ursula von der
    Leyen")."""
    words = answer.split()
    if not 2 <= len(words) <= 5 or any(char.isdigit() for char in answer):
        return False
    return (
        all(word[:1].isupper() or word in _PARTICLES for word in words)
        and words[0][:1].isupper()
        and words[-1][:1].isupper()
        and len(words[-1].strip(".")) > 1
    )


def _person_match(typed: _Norm, candidate: _Norm) -> str:
    """ "exact" if the typed words are a part of the name that includes the surname ("Pant",
    "Harsh Pant", "H. Pant"), "typo" if so but for a small typo in the surname, else "none"."""
    names = [word for word in candidate.words if word not in _ARTICLES]
    given = list(typed.words)
    while len(given) > 1 and given[0] in _TITLES and given[0] not in names:
        given.pop(0)  # "Mr Putin", "President Putin"
    if len(names) < 2 or not given or typed.numbers or candidate.numbers:
        return "none"
    surname = names[-1]
    if len(surname) < 2:
        return "none"
    *first_given, last_given = given
    if last_given == surname:
        verdict = "exact"
    elif _tolerance(len(surname)) and OSA.distance(last_given, surname) <= _tolerance(len(surname)):
        verdict = "typo"
    else:
        return "none"
    forenames = names[:-1]
    for word in first_given:
        match = next(
            (name for name in forenames if name == word or (len(word) == 1 and name[0] == word)),
            None,
        )
        if match is None:
            return "none"
        forenames.remove(match)
    return verdict


def _initials(words: Iterable[str], *, skip_connectives: bool) -> str:
    return "".join(
        word[0] for word in words if word and not (skip_connectives and word in _CONNECTIVES)
    )


def _acronym_match(
    typed: _Norm, candidates: tuple[str, ...], fact: str, acronyms: Mapping[str, str]
) -> str | None:
    """The candidate the typed text names by acronym or by expansion, if any."""
    if typed.numbers or not typed.words:
        return None
    typed_text = typed.text
    compact = typed_text.replace(" ", "").replace(".", "")
    table = {
        _normalise(key).text.replace(" ", ""): _normalise(value) for key, value in acronyms.items()
    }
    for candidate in candidates:
        cand = _normalise(candidate)
        if cand.numbers or not cand.words:
            continue
        cand_compact = cand.text.replace(" ", "").replace(".", "")
        if compact == cand_compact and _is_acronym(candidate):
            return candidate  # "ISK" for "IS-K"
        # The answer is an acronym; the typed text its expansion.
        expansion = table.get(cand_compact)
        if expansion is not None and (typed_text == expansion.text or _close(typed, expansion)):
            return candidate
        # The answer is an expansion; the typed text its acronym.
        if len(cand.words) >= 2 and len(compact) >= 2 and " " not in typed_text:
            expansion_for_typed = table.get(compact)
            if expansion_for_typed is not None and expansion_for_typed.text == cand.text:
                return candidate
            initials_apply = (
                fact in ("organisation", "acronym") or _capitalised_words(candidate) >= 3
            )
            if initials_apply and compact in (
                _initials(cand.words, skip_connectives=True),
                _initials(cand.words, skip_connectives=False),
            ):
                return candidate
    return None


def _is_acronym(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    return (
        2 <= len(letters) <= 10
        and " " not in text.strip()
        and sum(char.isupper() for char in letters) >= max(2, len(letters) - 1)
    )


def _capitalised_words(text: str) -> int:
    return sum(
        1 for word in text.split() if word[:1].isupper() and word.lower() not in _CONNECTIVES
    )


@lru_cache(maxsize=4096)
def _normalise(text: str, *, number_words: bool = True) -> _Norm:
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(char for char in text if not unicodedata.combining(char))
        text = text.replace("’", "'")
    text = text.casefold().replace("per cent", "percent").replace("%", " percent ")
    if number_words:
        # Only words standing alone: "five" is 5, but "zero-sum" stays words.
        text = _NUMBER_WORD.sub(_number_word, text)
    text = _GROUPED_NUMBER.sub(_ungroup, text)
    text = _ORDINAL.sub(r"\1", text)
    text = _DIGIT_LETTER.sub(r"\1 \2", text)  # "2.5bn" -> "2.5 bn"
    text = _POSSESSIVE.sub("", text)
    text = text.replace("'", "")  # "don't" = "dont", "O'Brien" = "OBrien"
    text = _PUNCTUATION.sub(" ", text)
    tokens = []
    for token in text.split():
        token = token.strip(".")
        if "." in token and not _NUMBER.fullmatch(token):
            token = token.replace(".", "")  # "u.s" -> "us"
        if token:
            tokens.append(token)
    while tokens and (tokens[0] in _ARTICLES or tokens[0] in _LEADING_FILLERS) and len(tokens) > 1:
        tokens.pop(0)
    out: list[str] = []
    numbers: list[str] = []
    for token in tokens:
        token = _MONTHS.get(token, token)
        if _NUMBER.fullmatch(token):
            token = _canonical_number(token)
            out.append(token)
            numbers.append(token)
            continue
        multiplier = _MULTIPLIERS.get(token)
        if multiplier is not None and numbers and out and out[-1] == numbers[-1]:
            value = _canonical_number(format(Decimal(numbers[-1]) * multiplier, "f"))
            numbers[-1] = value
            out[-1] = value
            continue
        out.append(token)
    words = tuple(token for token in out if not _NUMBER.fullmatch(token))
    return _Norm(text=" ".join(out), words=words, numbers=tuple(sorted(numbers)))


def _canonical_number(token: str) -> str:
    """ "2500", "2500.0" and "02500" all give "2500"; "2.50" gives "2.5"."""
    if "." in token:
        whole, _, fraction = token.partition(".")
        fraction = fraction.rstrip("0")
        whole = whole.lstrip("0") or "0"
        return f"{whole}.{fraction}" if fraction else whole
    return token.lstrip("0") or "0"
