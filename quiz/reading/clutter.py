"""Page furniture that is not article text: credits, captions, share and newsletter prompts, notices."""

from __future__ import annotations

import re
from typing import Final

from quiz.reading.text import FINAL_PUNCTUATION

_CLUTTER_PATTERNS: Final = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        # photo credits and captions
        r"\|\s*(?:photo|image|picture|video)\s*(?:credit|courtesy|source)?s?\s*:",
        r"^(?:photo|photograph|image|picture|file photo|representational image|illustration)"
        r"(?:\s+(?:credit|courtesy|source))?s?\s*[:|]",
        r"\b(?:photo|image|picture)\s+(?:credit|courtesy)s?\s*:",
        r"^image source\b",
        r"^\(\s*(?:photo|image|picture|video)s?(?:\s+(?:credit|courtesy))?\s*:[^()]{1,80}\)$",
        r"^(?:getty images|afp|reuters|ap|pa media|pa|epa|shutterstock|alamy|istock)"
        r"(?:\s*(?:via|/)\s*.{1,60})?$",
        r"\bAP Photo/",
        r"^(?:credit|courtesy)\s*:",
        # tables of contents and navigation
        r"^(?:table of contents?|contents|in this article|jump to|skip to (?:main )?content"
        r"|back to top|on this page)\s*:?$",
        # sharing, newsletters, further reading
        r"^(?:share|share this(?: article| story| post)?|share on \w+|tweet|email|print|copy link"
        r"|whatsapp|facebook|twitter|linkedin|telegram|reddit)(?:\s*[|,/]\s*\w+)*\s*:?$",
        r"^(?:subscribe|sign up|sign in|log in|follow us|join us|download (?:the|our) app"
        r"|get the app)\b.{0,100}$",
        r"\b(?:sign up|subscribe)\b.*\bnewsletters?\b|\bnewsletters?\b.*\b(?:sign up|subscribe|inbox)\b",
        r"^(?:read more|more|read also|also read|must read|recommended|related|related (?:stories|articles"
        r"|news|coverage|reading|content|posts|topics)|more from|more on this|see also|you may also "
        r"like|you might also like|don'?t miss|trending|most (?:read|popular|viewed)|top stories"
        r"|latest (?:news|stories)|watch|listen|continue reading)\b\s*(?:$|[:|>»–—-])",
        r"^click here\b",
        r"^for a limited time\b.{0,120}\b(?:subscribers?|subscriptions?|free trial|discount|save)\b",
        r"^people (?:are )?also (?:reading|read|viewed|watching|liked)\b.{0,20}$",
        r"\((?:mobile|app) (?:users?|readers?)\b[^)]{0,40}\bhere\)\s*$",
        r"^(?:read|see) the (?:original|full) (?:article|story|piece|report|recipe)"
        r"(?:\s+(?:on|at|from|in)\b.{0,60}|\s+here)?[.!]?$",
        r"^get the (?:full )?(?:recipe|story|details|app|latest)\b.{0,60}\bhere[.!]?$",
        r"^be the first to (?:know|get|hear|see|read)\b.{0,60}$",
        r"^this (?:article|story|piece|post) (?:originally|first) appeared\b.{0,120}$",
        # comments
        r"^no comments?(?: yet)?[!.]?(?:\s*be the first(?: one)?(?: to comment)?[!.]?)?$",
        r"^be the first to comment\b",
        r"^(?:leave|post|add|write) a (?:comment|reply|response)\b",
        r"^(?:\d+\s+)?comments?\s*(?:\(\d+\))?:?$",
        r"^(?:comments are closed|join the conversation|view comments|show comments"
        r"|load comments)\b",
        # cookie notices, advertising, legal
        r"\b(?:we|site|website|this site|page) uses? cookies\b|\baccept (?:all )?cookies\b"
        r"|\bcookie (?:policy|settings|preferences|consent|notice)\b|\bby continuing to (?:browse|use)\b",
        r"^(?:advertisement|advertisements|sponsored(?: content)?|story continues below"
        r"(?: advertisement)?|scroll to continue(?: with content)?|ad|promoted)\s*:?$",
        r"^(?:©|\(c\)\s|copyright\s+(?:©|\(c\)|\d{4}))",
        r"\ball rights reserved\b",
        r"^\(?with inputs from\b",
        r"^(?:listen to|print|save|bookmark) this (?:article|story|page)\b",
        r"^\d+\s*min(?:ute)?s?\s+read$",
        r"^(?:updated\s+)?\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago$",
        r"^[—–-]+\s*(?:reuters|ap|afp|pti|ians|ani|bloomberg|associated press)\s*$",
        r"^(?:edited|editing|compiled|additional reporting) by\b.{0,120}$",
        r"^(?:tags|topics|filed under|categories)\s*:",
        # credits, corrections and notes about the article rather than its story
        r"^contributing\s*:",
        r"^(?:contact|reach|email)\b.{0,160}\bfollow (?:him|her|them|us)\b",
        r"^follow (?:him|her|them) on\b",
        r"^follow (?:the |our )?[\w .&'’-]{0,60}\bon (?:facebook|instagram|x|twitter|tiktok"
        r"|threads|bluesky|linkedin|youtube|whatsapp)\b",
        r"^if (?:you|someone you know)\b.{0,40}\b(?:crisis|struggling|in danger)\b.{0,120}\b(?:call|text|contact)\b",
        r"^(?:correction|clarification|editor'?s note)\s*[:\-–—]",
        r"^(?:an earlier version of this (?:article|story)|this (?:article|story) has been"
        r" (?:corrected|updated))\b",
        r"\bappeared in (?:the )?print edition\b|^(?:a version of )?this article appears? in\b",
        r"^our standards\s*:",
        r"^link copied[!.]?$",
        r"\b(?:comments? (?:are|is) (?:moderated|reviewed)|community guidelines)\b",
        # editorial badges, references and disclaimers
        r"^this (?:article|story|content) (?:has been|was) reviewed according to\b",
        r"^(?:fact[- ]checked|peer[- ]reviewed(?: publication)?|trusted source|proofread"
        r"|reputable news agency|preprint)$",
        r"^(?:more information|journal information|citation|provided by)\s*:",
        r"\bet al\b.{0,300}\bdoi\s*:?\s*10\.\d",
        r"^(?:story source|cite this (?:page|article|story))\s*:?$",
        r"\bcontent may be edited for (?:style|length)\b",
        r"^this (?:episode|segment|podcast|story|article|video) was (?:produced|edited|reported)"
        r"(?: and \w+)? by\b.{0,200}$",
        r"^this (?:story|article) was (?:originally|first) published (?:on )?(?:(?:jan|feb|mar|apr|may"
        r"|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep"
        r"|oct|nov|dec)|\d{4}-\d\d-\d\d).{0,40}$",
        r"\b(?:email|e-mail|write to) us at\s+[\w.+-]+@[\w-]+(?:\.[\w-]+)+[.!]?$",
        r"\bletters? to the editor\b.{0,250}\b[\w.+-]+@[\w-]+\.\w+",
        r"^[\w ]{0,30}\b(?:images?|photos?|photographs?|illustrations?) by\b.{0,150}"
        r"(?:/\s*|,\s*|\bfor\s+)(?:getty images|shutterstock|istock|alamy|reuters|afp|ap)\.?$",
        r"^the (?:views|opinions) expressed (?:here|in this (?:article|column|piece|post))\b",
        r"\b(?:do|does) not (?:own|hold) (?:shares|positions) in any (?:of the )?(?:securities|stocks"
        r"|companies) mentioned\b",
        r"\b(?:start|begin|get|try) your [\w .&'’-]{0,40}\bsubscription(?: today| now)?[.!]?$",
        r"^get (?:(?:the |our |a |your )?(?:[\w.&-]+ ){0,3}[\w.&-]+['’]s |our |the |a |your )?free\b"
        r"[^,.;:]{0,60}\b(?:guide|e-?book|report|course|checklist|toolkit|white ?paper)\b",
        r"^provided by\b[^.!?,;]{2,80}$",
        r"^(?:opinion|analysis|commentary|exclusive|editorial|sponsored)\s*:?$",
        r"\bindependently selected by our editors\b|\bwe may earn an? (?:affiliate )?commission\b",
        r"^now,? (?:see|watch|read|shop|check out)\b.{0,100}$",
        r"^this content can also be viewed on the site it originates from\b",
        r"^(?:instagram|twitter|x|youtube|tiktok|facebook|spotify|podcast) (?:content|post|video"
        r"|embed)$",
        r"^(?:install|download|get) (?:the )?[\w .&'’-]{0,40}\bapp\b(?: for free)?[.!]?$",
        # podcast and series prompts
        r"\b(?:subscribe|listen|follow)\b.{0,120}\bwherever you get your podcasts\b",
        r"^click (?:here )?to (?:subscribe|listen|follow)\b",
        r"^listen (?:to|on)\b.{0,80}\b(?:spotify|apple podcasts|google podcasts|npr one)\b",
        r"\bour (?:writers|reporters|critics|editors|journalists) explore\s*:?$",
    )
)


def _starts_the_line(pattern: str) -> bool:
    """Whether `pattern` can only match at the start of a line: it begins with "^" and has no "|" outside
    its groups (for such a pattern `search` and `match` agree)."""
    if not pattern.startswith("^"):
        return False
    depth, index, in_class = 0, 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            index += 1
            if pattern[index : index + 1] == "^":
                index += 1
            if pattern[index : index + 1] == "]":
                index += 1  # a "]" right after "[" (or "[^") is a member, not the end
            continue
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return False
        index += 1
    return True


_AT_START: Final = re.compile(
    "|".join(
        f"(?:{pattern.pattern})"
        for pattern in _CLUTTER_PATTERNS
        if _starts_the_line(pattern.pattern)
    ),
    re.IGNORECASE,
)
"""The patterns that match a line from its start, as one expression tried once at the start."""


_NEEDS: Final[dict[str, tuple[str, ...]]] = {
    pattern.pattern: needs
    for pattern in _CLUTTER_PATTERNS
    for key, needs in (
        ("cookies", ("cookie", "continuing")),
        ("AP Photo/", ("photo/",)),
        ("explore", ("explore",)),
        ("moderated", ("moderated", "reviewed", "guidelines")),
        ("print edition", ("print", "appear")),
        ("(?:photo|image|picture)\\s+(?:credit", ("credit", "courtesy")),
        ("podcasts", ("podcast",)),
        ("newsletters?", ("newsletter",)),
        ("all rights reserved", ("rights",)),
        ("\\|\\s*(?:photo", ("|",)),
        ("(?:mobile|app) (?:users", ("here)",)),
        ("independently selected", ("independently", "commission")),
        ("et al", ("doi",)),
        ("content may be edited", ("edited",)),
        ("us at", ("us at",)),
        ("letters? to the editor", ("editor",)),
        ("not (?:own|hold)", ("mentioned",)),
        ("subscription(?: today", ("subscription",)),
    )
    if key in pattern.pattern
}
"""Words a text must hold for the unanchored patterns (costly on long paragraphs) to be tried."""


_ANYWHERE: Final = tuple(
    (pattern, _NEEDS.get(pattern.pattern, ()))
    for pattern in _CLUTTER_PATTERNS
    if not _starts_the_line(pattern.pattern)
)
"""The other patterns, each with the words that must be in the text before it is tried."""

_NEEDED_WORDS: Final = tuple(sorted({word for _, needs in _ANYWHERE for word in needs}))
"""Every word one of the other patterns needs: a text with none of them is no clutter of theirs."""


def is_clutter(text: str) -> bool:
    """Whether a line is page furniture rather than article text.

    Photo credits and captions, tables of contents, share/subscribe/newsletter and "Read more" lines,
    comment prompts, cookie notices and advertising labels all count.
    """
    if len(text) > 400:
        return False
    if len(text) <= 140 and _CREDIT_AT_END.search(text):
        return True
    if len(text) <= 140 and text.isupper() and _SHOUTED_LINK.search(text):
        return True
    if _AT_START.match(text):
        return True
    lower = text.lower()
    if not any(map(lower.__contains__, _NEEDED_WORDS)):
        return False
    for pattern, needs in _ANYWHERE:
        if not any(map(lower.__contains__, needs)):
            continue
        if pattern.search(text):
            return True
    return False


_SHOUTED_LINK = re.compile(r"\b(?:CLICK|GO|TAP) HERE\b")
"""A line in capitals pointing elsewhere: "CLICK HERE FOR MORE SPORTS NEWS"."""


_CREDIT_AT_END = re.compile(
    r"\((?:(?:photo|image|picture|file)\s*:?\s*)?(?:getty images|afp|ap|reuters|pti|ani|ians|epa|"
    r"shutterstock|istock|[\w .]+/(?:getty images|afp|ap|reuters))\)\s*$",
    re.IGNORECASE,
)
"""A caption ending with a credit in brackets: "Crowds in Kabul on Friday. (Getty Images)"."""


def _is_heading_like(text: str) -> bool:
    """A short line without sentence punctuation that starts like a title: a section heading."""
    if len(text) > 90:
        return False
    words = text.split()
    return (
        0 < len(words) <= 12
        and FINAL_PUNCTUATION.search(text) is None
        and (text[0].isupper() or text[0].isdigit() or text[0] in "\"'“‘")
    )
