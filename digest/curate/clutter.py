"""Site chrome in extracted text: the lines a saved or pasted page carries around the story.

Lines are judged by their shape, not by one site's wording: a bare label ('SHARE:', 'Views: 1,204'),
a line of share or social-network words, a comment-form prompt (and everything after it: comment
forms come after the story), a template leftover with no spaces ('spot_imgspot_img'), a photo
caption ending in a bracketed credit ('... [Getty]') or starting 'Photo:', a short line in capitals
('LEAVE A REPLY'), and a note on where the article comes from ('The source of this article is on
this site', in English, French, Spanish, German, Italian or Arabic). Knows nothing of HTML.
"""
from __future__ import annotations

import re

LABEL = re.compile(r"^[^\W\d_][\w ]{0,24}:\s*[\d.,\s]*[kKmM]?$")
SOCIAL = frozenset(
    [
        "share",
        "shares",
        "shared",
        "sharing",
        "tweet",
        "tweets",
        "post",
        "pin",
        "email",
        "e-mail",
        "print",
        "copy",
        "link",
        "facebook",
        "twitter",
        "x",
        "whatsapp",
        "telegram",
        "linkedin",
        "reddit",
        "pinterest",
        "messenger",
        "instagram",
        "youtube",
        "tiktok",
        "threads",
        "bluesky",
        "on",
        "this",
        "article",
        "story",
        "via",
        "follow",
        "us",
        "subscribe",
        "newsletter",
        "save",
        "bookmark",
        "comment",
        "comments",
        "like",
        "likes",
        "views",
        "read",
        "more",
        "related",
        "advertisement",
        "sponsored",
    ]
)
FORM_PROMPT = re.compile(
    r"^(?:leave a (?:reply|comment)|post a comment|add a comment|write a comment|join the (?:discussion|conversation)"
    r"|please enter your (?:comment|name|email|e-mail)|you must be logged in|laisser un commentaire"
    r"|laissez un commentaire|deja un comentario|lascia un commento|schreibe einen kommentar"
    r"|اترك تعليقا|اترك تعليقاً|أضف تعليق|اضف تعليق)",
    re.IGNORECASE,
)
LEFTOVER = re.compile(r"^(?=\S*_)\S+$|^\[[^\]]*\]$|^\{\{.*\}\}$|^<[^>]*>$")
"""One token with an underscore (a template variable), a lone shortcode, or a stray tag."""
CAPTION = re.compile(r"\s\[[^\[\]]{1,40}\]\s*$|^(?:photo|image|picture|credit|file photo|caption)\s*:", re.IGNORECASE)
PROVENANCE_SOURCE = re.compile(
    r"\b(?:source|originally|first published|fuente|fonte|quelle|origine|originariamente|publié|publicado|pubblicato"
    r"|veröffentlicht)\b|المصدر|نشر",
    re.IGNORECASE,
)
PROVENANCE_OBJECT = re.compile(
    r"\b(?:article|story|post|site|website|here|artículo|sitio|articolo|sito|artikel|webseite)\b|المقال|الموقع",
    re.IGNORECASE,
)
MAX_NOTE_WORDS = 14


def clean(text: str) -> str:
    """The text without chrome lines, as paragraphs separated by one blank line."""
    kept: list[str] = []
    lines = [line.strip() for line in text.split("\n")]
    for index, line in enumerate(lines):
        if not line:
            continue
        if FORM_PROMPT.match(line) and index >= len(lines) // 2:
            break  # a comment form closes the story; what follows is the page around it
        if not is_chrome(line):
            kept.append(line)
    return "\n\n".join(kept)


def is_chrome(line: str) -> bool:
    """A line that belongs to the page around the story, not to the story."""
    words = re.findall(r"[\w-]+", line.casefold())
    return (
        not words
        or bool(LABEL.match(line) or FORM_PROMPT.match(line) or LEFTOVER.match(line) or CAPTION.search(line))
        or all(word in SOCIAL for word in words)
        or _shouting(line, words)
        or _provenance_note(line, words)
    )


def _shouting(line: str, words: list[str]) -> bool:
    """A short line in capitals: a widget heading such as 'LEAVE A REPLY' or 'RELATED POSTS'."""
    letters = [c for c in line if c.isalpha()]
    return (
        len(words) <= 6
        and len(letters) > 3
        and all(c.isupper() for c in letters if c.isascii())
        and any(c.isascii() for c in letters)
    )


def _provenance_note(line: str, words: list[str]) -> bool:
    """'La source de cet article se trouve sur ce site': a short note, no sentence, about the article's origin."""
    return (
        len(words) <= MAX_NOTE_WORDS
        and not line.endswith((".", "!", "?", "”", '"'))
        and bool(PROVENANCE_SOURCE.search(line))
        and bool(PROVENANCE_OBJECT.search(line))
    )
