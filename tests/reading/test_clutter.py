"""Page furniture written as general patterns, each on a line the project's authors wrote."""

from __future__ import annotations

import pytest

from quiz.reading import read_text_article
from quiz.reading.clutter import _ANYWHERE, _starts_the_line, is_clutter

BODY_1 = "The council approved the budget on Tuesday by a vote of 7 to 4, officials said."
BODY_2 = "Spending on roads will rise by 12% to 3.1 million euros in 2025, the report shows."


@pytest.mark.parametrize(
    "line",
    [
        "Contributing: Jo Park and Ann Lee of the Valley Post",
        "Contact Ann Lee at ann.lee@example.org. Follow her on X @annlee_writes.",
        "Follow him on Bluesky for more on city politics",
        "Follow the Valley Post Opinion desk on Facebook, Instagram, TikTok and Threads.",
        "If you know someone in danger, phone or text the valley helpline at 555.",
        "Correction: An earlier version of this story gave the wrong date for the vote.",
        "An earlier version of this article misstated the size of the council.",
        "Editor's note: This story was updated with the final vote.",
        "A version of this article appears in print on page 4 of the city section.",
        "This article appeared in the print edition of the weekend paper.",
        "Our Standards: how the newsroom checks its facts.",
        "Link Copied!",
        "People are also reading…",
        "(Photo: @valleypost / Instagram)",
        "GO HERE FOR MORE STORIES FROM THE VALLEY POST",
        "Read the council's full budget report (app users tap here)",
        "Comments are moderated and may take a few hours to appear.",
        "Please read our community guidelines before posting.",
        "Follow The Council Hour wherever you get your podcasts.",
        "Click to subscribe to City Talk on your favourite app.",
        "Listen to City Talk on Spotify, Apple Podcasts and Google Podcasts.",
        "What makes a good neighbourhood? Our reporters explore:",
        "This story has been reviewed according to the Daily Lab's editorial process.",
        "fact-checked",
        "peer-reviewed publication",
        "More information: A. Lee et al, Roots of the northern oak, Journal of Trees (2025).",
        "Provided by the University of the North",
        "OPINION:",
        "Every product here is independently selected by our editors.",
        "If you buy through our links, we may earn an affiliate commission.",
        "Now, see some more of our favourite garden tools:",
        "This content can also be viewed on the site it originates from.",
        "Instagram content",
        "Install the Valley News app for free",
        "Read the original article on Garden Weekly.",
        "Get the full recipe for the plum cake here.",
        "Be the first to get our harbour news",
        "This story originally appeared on the Valley Post's site.",
        "MORE: Six clubs that changed their coach this winter",
        "For a limited time, subscribers get 30% off a yearly plan.",
        "J. Moreau et al. 2024. Salt pumps in a giant pond microbe. Cell Notes 9: 12; doi: 10.1000/cn.77",
        "The opinions expressed here are the columnist's own and not the paper's.",
        "The writer does not own shares in any of the companies mentioned above.",
        "Want to save stories for a quiet evening? Start your Valley Post Plus subscription today.",
        "Get the Valley Post's free Guide to Saving, a short plain-language handbook for new savers.",
        "Story Source:",
        "Materials provided by the Northern Soil Institute. Note: Content may be edited for style.",
        "Cite This Page:",
        "This episode was produced by Ann Lee and edited by Jo Park. Sound by Sam Ives.",
        "This story was originally published May 3, 2024, 9:15 AM.",
        "Got a question about the tides? Email us at tides@valleypost.example.",
        "We print letters to the editor every Sunday; send yours to letters@valleypost.example.",
        "Cover images by Jo Park and Ann Lee/Getty Images.",
    ],
)
def test_notes_about_the_article_are_clutter(line: str) -> None:
    assert is_clutter(line)
    article = read_text_article(f"Budget passes\n\n{BODY_1}\n\n{line}\n\n{BODY_2}\n")
    assert article.paragraphs == (BODY_1, BODY_2)


@pytest.mark.parametrize(
    "line",
    [
        "Contributing factors included the cold winter and the late harvest, the report said.",
        "The correction in prices came after a long rise, analysts said on Monday.",
        "Readers who follow her on social media will know the plan well, she said.",
        "The paper said its print edition would shrink to four days a week from March.",
        "Read the original report and you will see why the council changed its mind, she said.",
        "More than 300 people came to the meeting, which ran until midnight.",
        "For a limited time in the 1990s, the ferry also stopped at the island.",
        "Lee et al. found in 2019 that the pond microbes grew twice as fast in warm water.",
        "She does not own shares in the ferry company, she told the council.",
        "Readers can start your day with our subscription, the ad promised, and many did so each year.",
        "Get free parking at the harbour on Sundays, the council said in its guide.",
        "Materials provided by the city were found to be out of date, the audit said last week.",
        "This story was originally published in a small church newsletter in 1952, she said.",
        "Photos by the harbour master show the old pier leaning badly after the storm.",
        "Photos by the harbour master were later shared with the AP.",
        "Readers can email us at any time about the ferry, the editor wrote in a long note.",
    ],
)
def test_story_sentences_with_the_same_words_stay(line: str) -> None:
    assert not is_clutter(line)


def test_a_clutter_line_ending_in_a_colon_takes_its_list_of_links_with_it() -> None:
    text = (
        f"Budget passes\n\n{BODY_1}\n\nNow, see more of our city coverage:\n\n"
        f"- Mayor opens the new library\n- Bridge works delayed again\n\n{BODY_2}\n"
    )
    assert read_text_article(text).paragraphs == (BODY_1, BODY_2)


def test_a_read_more_line_takes_the_story_titles_after_it_but_not_the_story() -> None:
    text = (
        f"Budget passes\n\n{BODY_1}\n\nRead more:\n\nWhy the old bridge will close in May?\n\n"
        f"Library hours cut - report\n\n{BODY_2}\n"
    )
    assert read_text_article(text).paragraphs == (BODY_1, BODY_2)


def test_a_bulleted_author_bio_at_the_end_is_a_bio() -> None:
    bio = "• Ann Lee, a former city planner, is director of the Institute for Streets."
    article = read_text_article(f"Budget passes\n\nBy Ann Lee\n\n{BODY_1}\n\n{BODY_2}\n\n{bio}\n")
    assert article.paragraphs == (BODY_1, BODY_2)
    assert len(article.bios) == 1 and "Institute for Streets" in article.bios[0]


@pytest.mark.parametrize(
    ("pattern", "at_start"),
    [
        (r"^(?:share|tweet)\s*:?$", True),
        (r"^[|(]x", True),
        (r"^[]|]x", True),
        (r"^\|x", True),
        (r"^a|b", False),
        (r"^\(a\)|b", False),
        (r"\ball rights reserved\b", False),
    ],
)
def test_a_pattern_is_tried_at_the_start_only_when_it_can_match_nowhere_else(
    pattern: str, at_start: bool
) -> None:
    assert _starts_the_line(pattern) is at_start


def test_every_pattern_that_can_match_inside_a_line_names_the_words_it_needs() -> None:
    # A line holding none of the needed words skips these patterns: one without them would never run.
    assert all(needs for _, needs in _ANYWHERE)


@pytest.mark.parametrize(
    "line",
    ["Read more: how the council spends its money", "Photo: Jo Park", "Link copied!"],
)
def test_a_whole_line_pattern_matches_at_the_start_only(line: str) -> None:
    assert is_clutter(line)
    assert not is_clutter(f"The mayor said that {line}")


@pytest.mark.parametrize(
    "line",
    ["All rights reserved.", "Crowds on the quay | Photo credit: Jo Park"],
)
def test_a_pattern_inside_the_line_matches_anywhere(line: str) -> None:
    assert is_clutter(line)
    assert is_clutter(f"Valley Post, 2031. {line}")
