"""Note fields, escaping, GUIDs, tags and deck names: the pure half of the Anki export."""

from __future__ import annotations

import dataclasses
import html
import re
from collections.abc import Callable
from pathlib import Path

import genanki
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.errors import QuizError
from quiz.export import notetypes
from quiz.export.anki import (
    anki_deck_id,
    anki_deck_name,
    cloze_html,
    cloze_numbers,
    note_fields,
    note_guid,
    note_tags,
    to_anki_deck,
    to_anki_decks,
)
from quiz.model import KINDS, Deck, Question

HOSTILE = '<script>alert("x")</script><img src=x onerror="alert(1)"> & <b>bold</b>'
"""The hostile text of the every-kind deck (conftest)."""


def question(deck: Deck, question_id: str) -> Question:
    return next(q for q in deck.questions if q.id == question_id)


def fields_by_name(deck: Deck, question_id: str) -> dict[str, str]:
    q = question(deck, question_id)
    values = note_fields(deck, q)
    names = notetypes.NOTE_TYPES[q.kind].fields
    assert len(values) == len(names)
    return dict(zip(names, values, strict=True))


def test_every_kind_has_a_note_type_with_a_source_and_accepted_field() -> None:
    assert set(notetypes.NOTE_TYPES) == set(KINDS)
    ids = [nt.model_id for nt in notetypes.NOTE_TYPES.values()]
    names = [nt.name for nt in notetypes.NOTE_TYPES.values()]
    assert len(set(ids)) == len(ids) and len(set(names)) == len(names)
    for note_type in notetypes.NOTE_TYPES.values():
        assert 1 << 30 <= note_type.model_id < 1 << 31
        assert {"Source", "Accepted"} <= set(note_type.fields)
        assert note_type.fields[0] == "Id" and "{{Id}}" not in note_type.front + note_type.back
        assert note_type.fields[note_type.sort_field] in ("Text", "Question", "Statement", "Front")
        assert "{{#Source}}" in note_type.back and "{{Source}}" not in note_type.front
        for name in re.findall(r"\{\{(?:[#/^]|type:|cloze:)?([A-Za-z]+)\}\}", note_type.front):
            assert name in note_type.fields or name == "FrontSide"
    assert notetypes.CLOZE.cloze and "{{cloze:Text}}" in notetypes.CLOZE.front
    assert "{{type:Answer}}" in notetypes.SHORT.front


def test_released_note_type_ids_never_change() -> None:
    # A changed id makes Anki treat every exported note as a stranger: see notetypes' docstring.
    assert {kind: nt.model_id for kind, nt in notetypes.NOTE_TYPES.items()} == {
        "cloze": 1_279_833_274,
        "short": 1_814_962_583,
        "choice": 1_363_933_882,
        "truefalse": 2_118_285_177,
        "order": 2_141_050_879,
        "basic": 1_347_536_801,
    }


def test_css_has_a_night_mode() -> None:
    assert ".nightMode" in notetypes.CSS and ".night_mode" in notetypes.CSS
    assert "@media (max-width" in notetypes.CSS


def test_fields_of_each_kind(deck: Deck) -> None:
    assert fields_by_name(deck, "q-vote") == {
        "Id": "harbour/q-vote",
        "Text": "The council voted {{c1::9 to 2}} to rebuild the seawall.",
        "Accepted": "nine to two",
        "Source": "<blockquote>The council voted 9 to 2 on Tuesday.</blockquote>"
        '<div class="quiz-article"><a href="https://news.example/harbour?a=1&amp;b=2">'
        "Harbour town votes</a> · Mara Quinlan · 14 March 2024 · paragraph 1</div>",
    }
    short = fields_by_name(deck, "q-chair")
    assert short["Question"] == "Who chairs the council's infrastructure committee?"
    assert (short["Answer"], short["Accepted"]) == ("Elin Trask", "Trask")
    choice = fields_by_name(deck, "q-share")
    assert choice["Options"] == (
        '<ol type="A"><li>25 percent</li><li>40 percent</li><li>60 percent</li>'
        "<li>75 percent</li></ol>"
    )
    assert choice["Marked"] == (
        '<ol type="A"><li>25 percent</li><li>40 percent</li>'
        '<li class="quiz-right"><b>60 percent</b> ✓</li><li>75 percent</li></ol>'
    )
    assert choice["Answer"] == "60 percent"
    assert fields_by_name(deck, "q-open")["Answer"] == "False"
    order = fields_by_name(deck, "q-steps")
    assert order["Items"] == "<ul><li>Build</li><li>Vote</li><li>Bond</li></ul>"
    assert order["Order"] == "<ol><li>Vote</li><li>Bond</li><li>Build</li></ol>"
    basic = fields_by_name(deck, "q-homes")
    assert (basic["Front"], basic["Back"], basic["Accepted"]) == (
        "How many homes will the wall protect?",
        "430",
        "",
    )


def test_source_without_sentence_or_url_still_names_the_article(deck: Deck) -> None:
    deck = dataclasses.replace(deck, source=dataclasses.replace(deck.source, url="javascript:x"))
    source = fields_by_name(deck, "q-share")["Source"]
    assert source == (
        '<div class="quiz-article">Harbour town votes · Mara Quinlan · 14 March 2024</div>'
    )


def test_no_source_at_all_leaves_the_field_empty() -> None:
    deck = Deck(
        id="d", title="", questions=(Question(id="a", kind="basic", prompt="P", answer="A"),)
    )
    assert fields_by_name(deck, "a") == {
        "Id": "d/a",
        "Front": "P",
        "Back": "A",
        "Accepted": "",
        "Source": "",
    }


def test_multiline_text_keeps_its_line_breaks() -> None:
    deck = Deck(
        id="d",
        title="T",
        questions=(Question(id="a", kind="basic", prompt="one\ntwo <3", answer="x\r\ny"),),
    )
    fields = fields_by_name(deck, "a")
    assert (fields["Front"], fields["Back"]) == ("one<br>two &lt;3", "x<br>y")


def test_no_field_holds_an_anki_media_or_type_in_tag(make_deck: Callable[..., Deck]) -> None:
    """Anki plays `[sound:...]` and adds a box for `[[type:...]]` even when HTML-escaped."""
    tags = " [sound:x.mp3] [[type:Answer]] [anki:tts]Hi[/anki:tts]"
    base = make_deck(prompt_suffix=tags)
    source = dataclasses.replace(
        base.source, title=base.source.title + tags, url="https://news.example/[sound:x.mp3]"
    )
    deck = dataclasses.replace(base, id="tags[1]", source=source)
    for q in deck.questions:
        fields = note_fields(deck, q)
        assert all("[" not in value for value in fields), (q.id, fields)
        assert fields[0] == "tags&#91;1]/" + q.id
    assert html.unescape(fields_by_name(deck, "q-vote")["Text"]).endswith(tags)
    source_field = fields_by_name(deck, "q-homes")["Source"]
    assert 'href="https://news.example/&#91;sound:x.mp3]"' in source_field
    assert "Harbour town votes &#91;sound:x.mp3]" in source_field


def test_article_text_never_becomes_markup(
    deck: Deck, scan_html: Callable[[str], list[str]]
) -> None:
    assert scan_html(HOSTILE) != []  # the scanner sees the hostile text when unescaped
    for q in deck.questions:
        for value in note_fields(deck, q):
            assert scan_html(value) == [], (q.id, value)
    hostile = fields_by_name(deck, "q-hostile")
    assert html.unescape(hostile["Question"]) == HOSTILE
    assert hostile["Question"].startswith("&lt;script&gt;")
    assert hostile["Answer"] == '&lt;a href="javascript:alert(1)"&gt;x&lt;/a&gt;'
    assert hostile["Accepted"] == "&lt;svg onload=alert(1)&gt;"
    assert "<blockquote>&lt;script&gt;" in fields_by_name(deck, "q-homes")["Source"]


@pytest.mark.parametrize(
    ("prompt", "expected"),
    [
        ("A {{c1::<b>x</b>}} b", "A {{c1::&lt;b&gt;x&lt;/b&gt;}} b"),
        ("<i>{{c1::x::a <hint>}}</i>", "&lt;i&gt;{{c1::x::a &lt;hint&gt;}}&lt;/i&gt;"),
        ("{{c1::a}} and {{c2::b & c}}", "{{c1::a}} and {{c2::b &amp; c}}"),
        ("  spaced {{c1:: x }} out  ", "spaced {{c1::x}} out"),
        ("line\n{{c1::two}}", "line<br>{{c1::two}}"),
    ],
)
def test_cloze_escaping_keeps_the_deletions(prompt: str, expected: str) -> None:
    assert cloze_html(prompt, question_id="q") == expected


@settings(deadline=None)  # no timing: a loaded machine must not fail it
@given(
    st.text(),
    st.text(min_size=1).filter(lambda s: s.strip() and not {"{", "}"} & set(s) and "::" not in s),
)
def test_any_cloze_answer_stays_one_escaped_deletion(before: str, answer: str) -> None:

    before = before.replace("{{", "")
    result = cloze_html(f"{before}{{{{c1::{answer}}}}}", question_id="q")
    assert cloze_numbers(result) == {1}
    assert "<" not in result.replace("<br>", "")  # no markup but line breaks
    inner = re.search(r"\{\{c1::(.*)\}\}", result, re.DOTALL)
    assert inner is not None and html.unescape(inner.group(1)) == answer.strip()


@pytest.mark.parametrize(
    ("prompt", "words"),
    [
        ("No deletion here.", "has no deletion"),
        ("An {{c1::}} gap.", "is empty"),
        ("An {{c1::   }} gap.", "is empty"),
        ("A {{c1::::hint}} gap.", "is empty"),
        ("A {{c0::zero}} gap.", "is empty"),
        ("An unclosed {{c1::gap.", "has no deletion"),
    ],
)
def test_bad_cloze_is_an_error_naming_the_file_and_question(prompt: str, words: str) -> None:
    deck = Deck(
        id="d",
        title="T",
        questions=(
            Question(id="ok", kind="basic", prompt="P", answer="A"),
            Question(id="q-bad", kind="cloze", prompt=prompt, answer=""),
        ),
    )
    with pytest.raises(QuizError) as caught:
        to_anki_deck(deck, deck_path="decks/d.yaml")
    assert caught.value.path == "decks/d.yaml"
    assert "q-bad" in caught.value.message and words in caught.value.message


def test_bad_question_error_points_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "d.yaml"
    path.write_text(
        "id: d\nquestions:\n  - id: ok\n    prompt: P\n  - id: q-bad\n    kind: cloze\n"
    )
    deck = Deck(
        id="d", title="T", questions=(Question(id="q-bad", kind="cloze", prompt="x", answer=""),)
    )
    with pytest.raises(QuizError) as caught:
        to_anki_deck(deck, deck_path=path)
    assert caught.value.line == 5
    assert str(caught.value).startswith(f"{path}:5: question q-bad: cloze has no deletion")


def test_choice_answer_must_be_among_choices() -> None:
    q = Question(id="c", kind="choice", prompt="P", answer="x", choices=("a", "b"))
    with pytest.raises(QuizError, match="not among its choices"):
        note_fields(Deck(id="d", title="T"), q)


def test_guid_depends_on_deck_and_question_ids_only(
    deck: Deck, make_deck: Callable[..., Deck]
) -> None:
    edited = make_deck(prompt_suffix=" Edited.")
    guids = [note.guid for note in to_anki_deck(deck).notes]
    assert guids == [note.guid for note in to_anki_deck(edited).notes]
    assert len(set(guids)) == len(guids)
    assert guids[0] == note_guid("harbour", "q-vote")
    assert note_guid("harbour", "q-vote") != note_guid("other", "q-vote")
    # Released GUIDs are how Anki finds a learner's notes: they must not change between versions.
    assert note_guid("harbour", "q-vote") == "DzZkv=Ld1h"


def test_tags(deck: Deck) -> None:
    assert note_tags(deck, question(deck, "q-chair")) == (
        "quiz",
        "harbour",
        "person",
        "short",
        "people",
        "local_politics",
    )
    hand_written = Question(id="h", kind="basic", prompt="P", answer="A", tags=("quiz", " "))
    assert note_tags(deck, hand_written) == ("quiz", "harbour", "basic")


def test_suspended_questions_are_left_out_unless_asked(deck: Deck) -> None:
    default = to_anki_deck(deck)
    assert note_guid("harbour", "q-old") not in {n.guid for n in default.notes}
    assert (len(default.notes), default.left_out) == (7, 1)
    included = to_anki_deck(deck, include_suspended=True)
    (old,) = [n for n in included.notes if n.guid == note_guid("harbour", "q-old")]
    assert "suspended" in old.tags
    assert (len(included.notes), included.left_out) == (8, 0)


def test_deck_names_and_ids(deck: Deck) -> None:
    assert anki_deck_name(deck, "quiz") == "quiz::Harbour town"
    assert anki_deck_name(deck, "News::quiz ") == "News::quiz::Harbour town"
    assert anki_deck_name(deck, "") == "Harbour town"
    colon = dataclasses.replace(deck, title="Part::two  of\nthree")
    assert anki_deck_name(colon, "quiz") == "quiz::Part:two of three"
    assert anki_deck_name(dataclasses.replace(deck, title=""), "quiz") == "quiz::harbour"
    assert anki_deck_id("harbour") == anki_deck_id("harbour") != anki_deck_id("harbour2")
    assert anki_deck_id("harbour") == 1_673_313_495


@settings(deadline=None)  # no timing: a loaded machine must not fail it
@given(st.text(), st.text())
def test_guid_is_genankis_guid_for(deck_id: str, question_id: str) -> None:
    assert note_guid(deck_id, question_id) == genanki.guid_for("quiz", deck_id, question_id)


@settings(deadline=None)  # no timing: a loaded machine must not fail it
@given(st.text())
def test_deck_ids_are_never_the_default_deck(deck_id: str) -> None:
    assert 1 << 30 <= anki_deck_id(deck_id) < 1 << 31


def test_two_decks_with_one_id_are_refused(deck: Deck) -> None:
    with pytest.raises(QuizError, match="also the id of a.yaml") as caught:
        to_anki_decks([deck, deck], paths={"harbour": "a.yaml"})
    assert caught.value.path == "a.yaml"


def test_card_counts() -> None:
    deck = Deck(
        id="d",
        title="T",
        questions=(
            Question(id="one", kind="cloze", prompt="{{c1::a}} {{c1::b}}", answer="a"),
            Question(id="two", kind="cloze", prompt="{{c1::a}} {{c2::b}}", answer="a"),
            Question(id="b", kind="basic", prompt="P", answer="A"),
        ),
    )
    assert [n.cards for n in to_anki_deck(deck).notes] == [1, 2, 1]
