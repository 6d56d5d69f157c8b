"""Grading answers: typed text, a picked choice, true or false, an order. Pure functions.

Typed answers are compared forgivingly (case, accents, punctuation, spacing, a leading "the", small
typos, "five" for 5, "2,500" for 2500, a surname for a person, an acronym for its expansion and back)
but never accept a different number: "1997" is not "1998".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from rapidfuzz.distance import OSA

from quiz.answer_form import (
    ARTICLES,
    MONTH_NAMES,
    RANGE_WORDS,
    Form,
    forms,
    graded_text,
)
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


_CONNECTIVES: Final = frozenset({"of", "the", "and", "for", "in", "on", "to", "at", "&"})
_STAND_FOR: Final = re.compile(r"\bdoes\s+(\S+)\s+stand\s+for\b", re.IGNORECASE)
_DEFINED: Final = re.compile(r"\(([A-Z][A-Za-z.&-]{1,9})\)")
"""An acronym defined in brackets after its long form."""
_NAME_PART: Final = re.compile(r"[\w'’.&-]+$")
_WHO: Final = re.compile(r"\s*(who|whom|whose)\b", re.IGNORECASE)
_TITLES: Final = frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "president", "general"}
)
_PARTICLES: Final = frozenset(
    {"von", "van", "der", "den", "de", "da", "di", "du", "la", "le", "al", "bin", "ibn", "el"}
)


@dataclass(frozen=True, slots=True)
class _Candidate:
    """One accepted answer, prepared for grading typed text against it."""

    text: str
    read: Form
    """Normalised with number words read as numbers."""
    plain: Form
    """Normalised with number words kept as words (`read` itself when the text has none)."""
    read_target: _Target
    plain_target: _Target
    correct: Grade
    """The grade when the input matches it and does not read as the question's answer."""
    correct_same: Grade
    """The grade when the input matches it and reads as the question's answer."""
    almost: Grade
    """The grade when the input matches it but for a typo."""
    named: bool
    """It has words and no numbers, so an acronym or an expansion may name it."""
    compact: str
    """`read.text` without spaces or dots."""
    acronym: bool
    initials: tuple[str, str]
    """Its initials without and with the connectives ("of", "the", ...)."""
    initials_apply: bool
    """Its initials name it (an organisation or an acronym fact, or three capitalised words)."""


@dataclass(frozen=True, slots=True)
class _Prepared:
    """A question's accepted answers, normalised once for any number of typed inputs."""

    answer_read: Form
    answer_plain: Form
    candidates: tuple[_Candidate, ...]
    distinct: tuple[_Candidate, ...]
    """The candidates to compare: those that normalise differently."""
    two_readings: tuple[_Candidate, ...]
    """The candidates whose number words change their reading."""
    people: tuple[tuple[_Candidate, _Person], ...]
    """The candidates a surname may name (none unless the question asks for a person)."""
    read_numbers: frozenset[tuple[str, ...]]
    """The numbers of the candidates, read with number words."""
    two_readings_numbers: frozenset[tuple[str, ...]]
    """The numbers of `two_readings`, number words kept as words."""
    blank: bool
    """Some candidate is blank once normalised (only punctuation, say)."""
    acronym_keys: frozenset[str]
    """What typed text (compact) must be to name a candidate by acronym without a table."""
    no_answer: Grade
    not_quite: Grade
    exact: dict[str, Grade]
    """The grade of each candidate typed as it is written."""
    answer_text: str | None
    """The answer's normalised text, if it is the first candidate and not blank."""
    answer_grade: Grade | None
    """The grade of input that normalises to `answer_text`."""

    def right(self, candidate: _Candidate, read: Form, plain: Form) -> Grade:
        """The grade for input (normalised as `read` and `plain`) that matches `candidate`."""
        return _right_for(candidate, read, plain, self.answer_read, self.answer_plain)


def _right_for(
    candidate: _Candidate, read: Form, plain: Form, answer_read: Form, answer_plain: Form
) -> Grade:
    if read.text == answer_read.text or plain.text == answer_plain.text:
        return candidate.correct_same
    return candidate.correct


@lru_cache(maxsize=4096)
def _prepare(
    answer: str | tuple[str, ...],
    accept: tuple[str, ...],
    fact: str,
    prompt: str,
    extra: tuple[str, ...],
) -> _Prepared:
    """A question's accepted answers prepared for grading; remembered for the questions graded
    lately (a sitting grades each card's answers once, then again when it comes back)."""
    main = " > ".join(answer) if isinstance(answer, tuple) else answer
    texts = _unique((main, *accept, *extra))
    person = _asks_for_person(fact, prompt)
    candidates = tuple(_candidate(text, main, fact) for text in texts)
    # A candidate that normalises like one before it ("45%" after "45 percent") compares the same.
    compared: dict[tuple[str, str] | int, _Candidate] = {}
    for index, candidate in enumerate(candidates):
        blank = not candidate.read.text or not candidate.plain.text
        compared.setdefault(
            index if blank else (candidate.read.text, candidate.plain.text), candidate
        )
    distinct = tuple(compared.values())
    two_readings = tuple(c for c in distinct if c.plain is not c.read)
    answer_read, answer_plain = forms(main)
    first = candidates[0] if candidates and candidates[0].text == main else None
    if first is not None and not first.read.text:
        first = None
    # Typed as written, a candidate matches itself or one before it, in the first pass.
    exact: dict[str, Grade] = {}
    for candidate in candidates:
        found, _ = _compare(candidate.text, candidate.read, distinct, None, number_words=True)
        if found is not None:
            exact.setdefault(
                candidate.text,
                _right_for(found, candidate.read, candidate.plain, answer_read, answer_plain),
            )
    return _Prepared(
        answer_read=answer_read,
        answer_plain=answer_plain,
        candidates=candidates,
        distinct=distinct,
        two_readings=two_readings,
        people=tuple(
            (candidate, name)
            for candidate in candidates
            if person
            and _looks_like_person(candidate.text)
            and (name := _person(candidate.read)) is not None
        ),
        read_numbers=frozenset(candidate.read.numbers for candidate in candidates),
        two_readings_numbers=frozenset(candidate.plain.numbers for candidate in two_readings),
        blank=any(not candidate.read.text or not candidate.plain.text for candidate in candidates),
        acronym_keys=frozenset(
            key
            for candidate in candidates
            if candidate.named
            for key in ((candidate.compact,) if candidate.acronym else ())
            + (
                candidate.initials
                if candidate.initials_apply and len(candidate.read.words) >= 2
                else ()
            )
        ),
        exact=exact,
        answer_text=first.read.text if first is not None else None,
        answer_grade=first.correct_same if first is not None else None,
        no_answer=_wrong_answer(main, "No answer."),
        not_quite=_wrong_answer(main, "Not quite."),
    )


def _candidate(text: str, answer: str, fact: str) -> _Candidate:
    read, plain = forms(text)
    read_target = _target(read)
    correct = Grade(
        correct=True,
        exact=True,
        matched=text,
        rating=Rating.GOOD,
        feedback=f"Correct: “{_one_line(answer)}”.",
    )
    return _Candidate(
        text=text,
        read=read,
        plain=plain,
        read_target=read_target,
        plain_target=read_target if plain is read else _target(plain),
        correct=correct,
        correct_same=Grade(
            correct=True, exact=True, matched=text, rating=Rating.GOOD, feedback="Correct."
        ),
        almost=Grade(
            correct=True,
            exact=False,
            matched=text,
            rating=Rating.HARD,
            feedback=f"Almost: it is spelt “{_one_line(text)}”.",
        ),
        named=not read.numbers and bool(read.words),
        compact=read.compact,
        acronym=_is_acronym(text),
        initials=(
            _initials(read.words, skip_connectives=True),
            _initials(read.words, skip_connectives=False),
        ),
        initials_apply=fact in ("organisation", "acronym") or _capitalised_words(text) >= 3,
    )


def grade_typed(
    question: Question,
    typed: str,
    *,
    extra_accepted: Iterable[str] = (),
    acronyms: AcronymTable | None = None,
) -> Grade:
    """Grade a typed answer to a cloze, short or basic question.

    Args:
        question: the question; its answer, `accept` list and `fact` type are used.
        typed: what the learner typed.
        extra_accepted: more right answers (those the learner marked "I was right").
        acronyms: the acronyms the deck teaches (`AcronymTable.of_deck`), so "ORF" and "Observer
            Research Foundation" are both right whichever the answer is.
    """
    prepared = _prepare(
        question.answer, question.accept, question.fact, question.prompt, tuple(extra_accepted)
    )
    grade = prepared.exact.get(typed)
    if grade is not None:
        return grade
    read, plain = forms(typed)
    read_text = read.text
    if read_text == prepared.answer_text and prepared.answer_grade is not None:
        return prepared.answer_grade  # the first comparison would find it
    if not read_text and not typed.strip():
        return prepared.no_answer
    found: _Candidate | None = None
    fuzzy_match: _Candidate | None = None
    # Compare with number words read as numbers ("five" = 5), then as words ("zero sum" = "zero-sum").
    # Only an answer with the same numbers can match, unless it is blank once normalised.
    if prepared.blank or read.numbers in prepared.read_numbers:
        found, fuzzy_match = _compare(typed, read, prepared.distinct, None, number_words=True)
    if found is None:
        # The second pass only needs the answers whose two readings differ, unless the input's do.
        if plain is not read:
            found, fuzzy_match = _compare(
                typed, plain, prepared.distinct, fuzzy_match, number_words=False
            )
        elif prepared.two_readings and (
            prepared.blank or plain.numbers in prepared.two_readings_numbers
        ):
            found, fuzzy_match = _compare(
                typed, plain, prepared.two_readings, fuzzy_match, number_words=False
            )
    if found is not None:
        if read_text == prepared.answer_read.text or plain.text == prepared.answer_plain.text:
            return found.correct_same
        return found.correct
    if read.numbers or not read.words:
        # Neither a surname nor an acronym.
        return prepared.not_quite if fuzzy_match is None else fuzzy_match.almost
    last_word = read.words[-1]
    for candidate, person in prepared.people:
        if fuzzy_match is not None and last_word != person.surname:
            continue  # only the surname itself could still make it right
        verdict = _person_match(read, person)
        if verdict == "exact":
            return prepared.right(candidate, read, plain)
        if verdict == "typo" and fuzzy_match is None:
            fuzzy_match = candidate
    if acronyms is not None or read.compact in prepared.acronym_keys:
        acronym_match = _acronym_match(
            typed, read, prepared, acronyms if acronyms is not None else _NO_ACRONYMS
        )
        if acronym_match is not None and not _in_prompt(read, question.prompt):
            return prepared.right(acronym_match, read, plain)
    if fuzzy_match is not None:
        return fuzzy_match.almost
    return prepared.not_quite


def _compare(
    typed: str,
    typed_form: Form,
    candidates: tuple[_Candidate, ...],
    fuzzy_match: _Candidate | None,
    *,
    number_words: bool,
) -> tuple[_Candidate | None, _Candidate | None]:
    """(The candidate `typed_form` matches exactly or None, the first it nearly matches or
    `fuzzy_match` if that was set)."""
    text = typed_form.text
    numbers = typed_form.numbers
    for candidate in candidates:
        if number_words:
            cand_form, target = candidate.read, candidate.read_target
        else:
            cand_form, target = candidate.plain, candidate.plain_target
        if not cand_form.text:
            # An answer made only of punctuation or articles: compare it as typed.
            if _same_as_typed(typed, candidate.text):
                return candidate, fuzzy_match
            continue  # no words or numbers to compare
        if text == cand_form.text:
            return candidate, fuzzy_match
        if numbers != cand_form.numbers:
            continue
        if numbers and (
            # The same words and numbers in another order ("August 15, 1947"), or fewer words.
            tuple(sorted(typed_form.words)) == target.sorted_words
            or _fewer_words(typed_form, cand_form)
        ):
            return candidate, fuzzy_match
        if fuzzy_match is None and _close(typed_form, target):
            fuzzy_match = candidate
    return None, fuzzy_match


class AcronymTable:
    """Acronyms and their expansions, for `grade_typed(..., acronyms=...)`: a typed acronym names
    its expansion and back even where the initials alone would not say so ("IS-K" for "Islamic
    State Khorasan Province", "Observer Research Foundation" for "ORF").

    The pairs are found and normalised on first use, so a table made for a deck with `of_deck`
    costs nothing until a typed answer needs it (most never do: a right answer is found first).
    """

    __slots__ = ("_find", "_table")

    def __init__(self, pairs: Mapping[str, str] | Callable[[], Mapping[str, str]]) -> None:
        """`pairs`: acronym -> expansion, or a function that finds them (called on first use)."""
        if callable(pairs):
            self._find = pairs
        else:
            copied = dict(pairs)
            self._find = lambda: copied
        self._table: dict[str, tuple[Form, _Target]] | None = None

    @classmethod
    def of_deck(cls, deck: Deck) -> AcronymTable:
        """The acronyms `deck` teaches (see `deck_acronyms`), read from it on first use."""
        return cls(lambda: deck_acronyms(deck))

    def expansion(self, compact: str) -> tuple[Form, _Target] | None:
        """The normalised expansion of the acronym whose compact form is `compact`, if known."""
        if self._table is None:
            table: dict[str, tuple[Form, _Target]] = {}
            for key, value in self._find().items():
                expanded = forms(value)[0]
                table.setdefault(forms(key)[0].compact, (expanded, _target(expanded)))
            self._table = table
        return self._table.get(compact)


_NO_ACRONYMS: Final = AcronymTable({})


def deck_acronyms(deck: Deck) -> dict[str, str]:
    """Acronym -> expansion pairs a deck teaches (for `AcronymTable.of_deck`).

    Found in "What does X stand for?" questions, in answers whose accept list pairs an acronym
    with its expansion, and in source sentences that define one ("the Observer Research
    Foundation (ORF)"). Pure but not free: compute it once per deck.
    """
    found: dict[str, str] = {}
    for question in deck.questions:
        prompt = question.prompt
        asked = _STAND_FOR.search(prompt) if "tand" in prompt or "TAND" in prompt else None
        if asked and _is_acronym(asked.group(1)):
            found.setdefault(asked.group(1), question.answer_text)
        texts = question.answers
        short_forms = [text for text in texts if _is_acronym(text)]
        long_forms = [text for text in texts if len(text.split()) >= 2]
        for short_form in short_forms:
            for long_form in long_forms:
                if _initials_fit(short_form, long_form):
                    found.setdefault(short_form, long_form)
        sentence = question.source.sentence
        for match in _DEFINED.finditer(sentence) if "(" in sentence else ():
            short_form = match.group(1)
            words = _words_before(sentence, match.start())
            for start in range(len(words) - 1, -1, -1):
                long_form = " ".join(words[start:])
                if _initials_fit(short_form, long_form):
                    found.setdefault(short_form, long_form)
                    break
    return found


def _words_before(sentence: str, end: int) -> list[str]:
    """The words (up to ten) that run up to `sentence[end]` with nothing but spaces between them,
    as a long form before its acronym: "the Observer Research Foundation (ORF)"."""
    words: list[str] = []
    head = sentence[:end]
    if head[-1:].isspace():
        for token in reversed(head.split()[-10:]):
            part = _NAME_PART.search(token)
            if part is None:
                break
            words.append(part.group())
            if part.start() > 0:
                break  # "said,Observer": the word starts after the comma
    words.reverse()
    return words


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
    wanted = {graded_text(answer) for answer in question.answers}
    if graded_text(picked) in wanted or picked in question.answers:
        return _right(picked, question.answer_text, exact=True)
    return _wrong(question, f"Not “{picked}”.")


def grade_truefalse(question: Question, value: bool) -> Grade:
    """Grade a true-or-false answer (the question's answer is "true" or "false")."""
    truth = graded_text(question.answer_text) == TRUE
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
    if [graded_text(item) for item in given] == [graded_text(item) for item in expected]:
        return _right(given_text, question.answer_text, exact=True)
    right_digits = _order_digits(question.choices, expected)
    hint = f" ({right_digits})" if right_digits else ""
    return Grade(
        correct=False,
        exact=False,
        matched=None,
        rating=Rating.AGAIN,
        feedback=f"Not in order. The order is {_one_line(question.answer_text)}{hint}.",
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
        shown_side.text == answer_side.text
        for shown_side, answer_side in zip(forms(shown), forms(answer), strict=True)
    )
    feedback = "Correct." if same else f"Correct: “{_one_line(answer)}”."
    return Grade(correct=True, exact=exact, matched=matched, rating=Rating.GOOD, feedback=feedback)


def _one_line(text: str) -> str:
    """An answer as quoted in feedback: one line, whatever the deck's block scalar held."""
    return " ".join(text.split())


def _wrong(question: Question, lead: str) -> Grade:
    return _wrong_answer(question.answer_text, lead)


def _wrong_answer(answer: str, lead: str) -> Grade:
    return Grade(
        correct=False,
        exact=False,
        matched=None,
        rating=Rating.AGAIN,
        feedback=f"{lead} The answer is “{_one_line(answer)}”.",
    )


def _unique(texts: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for text in texts:
        if text.strip():
            seen.setdefault(text, None)
    return tuple(seen)


def _same_as_typed(typed: str, candidate: str) -> bool:
    return " ".join(typed.casefold().split()) == " ".join(candidate.casefold().split())


def _fewer_words(typed: Form, candidate: Form) -> bool:
    """Same numbers, and the typed words are some of the answer's ("2,500" for "2,500 troops").

    A month may not be left out: "15 1947" is not "15 August 1947". Words that join numbers
    may be added: "1979 to 1989" for "1979-1989".
    """
    missing = list(candidate.words)
    for word in typed.words:
        if word in RANGE_WORDS:
            continue
        if word not in missing:
            return False
        missing.remove(word)
    return not any(word in MONTH_NAMES for word in missing)


def _tolerance(length: int) -> int:
    """Edits allowed for an answer of `length` characters: none up to 4, then about one in six."""
    if length <= 4:
        return 0
    if length <= 7:
        return 1
    if length <= 12:
        return 2
    return length // 6


@dataclass(frozen=True, slots=True)
class _Target:
    """The words of an accepted answer, prepared for `_close`."""

    words: tuple[str, ...]
    joined: str
    """The words, space-separated."""
    allowed: int
    """The edits allowed in all (`_tolerance` of the letters)."""
    limits: tuple[int, ...]
    """The edits allowed in each word."""
    sorted_words: tuple[str, ...]
    sorted_joined: str
    sorted_limits: tuple[int, ...]


def _target(norm: Form) -> _Target:
    ordered = tuple(sorted(norm.words))
    return _Target(
        words=norm.words,
        joined=norm.joined,
        allowed=_tolerance(len(norm.joined.replace(" ", ""))) if norm.words else 0,
        limits=tuple(_tolerance(len(word)) for word in norm.words),
        sorted_words=ordered,
        sorted_joined=" ".join(ordered),
        sorted_limits=tuple(_tolerance(len(word)) for word in ordered),
    )


def _close(typed: Form, target: _Target) -> bool:
    """Within the typo allowance, comparing the words (the numbers are already equal).

    Word by word when the counts agree, so that one wrong word in a long name ("Trade" for
    "Treaty") is not excused by the length of the rest; else as one string, with at most two edits
    (a missing or extra space).
    """
    allowed = target.allowed
    if allowed == 0:
        return False
    given = typed.joined
    # Word by word needs the words, joined, within `allowed` edits; an edit changes the length
    # by one at most.
    count = len(typed.words)
    if count == len(target.words):
        if abs(len(given) - len(target.joined)) > allowed:
            return False
        if count == 1:  # one word: its own limit is the allowance
            return OSA.distance(given, target.joined, score_cutoff=allowed) <= allowed
        if OSA.distance(given, target.joined, score_cutoff=allowed) <= allowed and _close_words(
            typed.words, target.words, target.limits, allowed
        ):
            return True
        ordered = tuple(sorted(typed.words))
        if ordered == typed.words and target.sorted_words == target.words:
            return False  # the same comparison again
        if OSA.distance(" ".join(ordered), target.sorted_joined, score_cutoff=allowed) > allowed:
            return False
        return _close_words(ordered, target.sorted_words, target.sorted_limits, allowed)
    allowed = min(allowed, 2)
    if abs(len(given) - len(target.joined)) > allowed:
        return False
    return OSA.distance(given, target.joined, score_cutoff=allowed) <= allowed


def _close_words(
    given: tuple[str, ...], target: tuple[str, ...], limits: tuple[int, ...], allowed: int
) -> bool:
    total = 0
    for word, wanted, limit in zip(given, target, limits, strict=True):
        if word == wanted:
            continue
        if abs(len(word) - len(wanted)) > limit:
            return False
        distance = OSA.distance(word, wanted, score_cutoff=limit)
        if distance > limit:
            return False
        total += distance
        if total > allowed:
            return False
    return True


def _in_prompt(typed: Form, prompt: str) -> bool:
    """True when the typed words are in the question itself: "IEA" does not answer "What does
    IEA stand for?", however well it names the answer."""
    words = f" {graded_text(prompt)} "
    return f" {typed.text} " in words or f" {typed.text.replace(' ', '')} " in words


def _asks_for_person(fact: str, prompt: str) -> bool:
    """A person fact, or a hand-written card that asks "Who ...?"."""
    if fact:
        return fact == "person"
    return _WHO.match(prompt) is not None


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


@dataclass(frozen=True, slots=True)
class _Person:
    """A person's name, prepared for `_person_match`."""

    names: tuple[str, ...]
    """The words of the name but articles."""
    forenames: tuple[str, ...]
    surname: str
    tolerance: int
    """The edits allowed in the surname."""


def _person(candidate: Form) -> _Person | None:
    """The name in `candidate`, or None if no part of it may stand for it."""
    names = tuple(word for word in candidate.words if word not in ARTICLES)
    if len(names) < 2 or candidate.numbers or len(names[-1]) < 2:
        return None
    return _Person(names, names[:-1], names[-1], _tolerance(len(names[-1])))


def _person_match(typed: Form, person: _Person) -> str:
    """ "exact" if the typed words are a part of the name that includes the surname ("Pant",
    "Harsh Pant", "H. Pant"), "typo" if so but for a small typo in the surname, else "none"."""
    if typed.numbers or not typed.words:
        return "none"
    given = list(typed.words)
    while len(given) > 1 and given[0] in _TITLES and given[0] not in person.names:
        given.pop(0)  # "Mr Putin", "President Putin"
    surname = person.surname
    *first_given, last_given = given
    if last_given == surname:
        verdict = "exact"
    elif (
        person.tolerance
        and abs(len(last_given) - len(surname)) <= person.tolerance
        and OSA.distance(last_given, surname) <= person.tolerance
    ):
        verdict = "typo"
    else:
        return "none"
    forenames = list(person.forenames)
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
    given: str, typed: Form, prepared: _Prepared, table: AcronymTable
) -> _Candidate | None:
    """The candidate the typed text (`given` as typed, `typed` normalised) names by acronym or by
    expansion, if any."""
    if typed.numbers or not typed.words:
        return None
    typed_text = typed.text
    compact = typed.compact
    one_word = len(compact) >= 2 and len(given.split()) == 1  # "IS-K" too
    expansion_for_typed = table.expansion(compact) if one_word else None
    typed_names = expansion_for_typed[0].text if expansion_for_typed is not None else None
    for candidate in prepared.candidates:
        if not candidate.named:
            continue
        if compact == candidate.compact and candidate.acronym:
            return candidate  # "ISK" for "IS-K"
        # The answer is an acronym; the typed text its expansion.
        expansion = table.expansion(candidate.compact)
        if expansion is not None and (
            typed_text == expansion[0].text or _close(typed, expansion[1])
        ):
            return candidate
        # The answer is an expansion; the typed text its acronym.
        if one_word and len(candidate.read.words) >= 2:
            if typed_names == candidate.read.text:
                return candidate
            if candidate.initials_apply and compact in candidate.initials:
                return candidate
    return None


def _is_acronym(text: str) -> bool:
    if len(text) > 40 or " " in text.strip():
        return False
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
