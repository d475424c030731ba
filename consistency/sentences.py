"""Sentences with character offsets, and the filter that keeps the article's own claims.

pysbd does the segmentation (it handles abbreviations, decimals and initials);
offsets are recomputed by locating each segment in the text, so they are exact
whatever pysbd normalises. Space-tokenised text ("the U . S . Army at 9 a . m .") is
segmented as written (`spacing.respace`), its sentences keep their tokenised text. Each line (paragraph) is segmented on its own, once
(`read_text`): a sentence never spans a paragraph break.

Crawled pages carry *page furniture*: lines that are not claims of the article.
HTML is cleaned by its structure first (`consistency.reading.articles`); what
is left, and every plain-text crawl, goes through this small claim filter. Each
dropped line or sentence is kept as a `Drop` with its reason, so
``consistency extract --explain-drops`` can show what was left out and why.
The filter reads the shape of a line more than its words:

==============  =====================================================================
reason          what is dropped
==============  =====================================================================
``heading``     a line without closing punctuation that is short or title case:
                headlines, teaser headlines, labels, table rows (a line that ends
                in a comma is a sentence broken there, never a heading)
``carousel``    gallery and video-player lines: a counter at the line start
                ("Image 3 of 40", "1 of 12") or three player controls
                ("CLOSE Skip in Skip x Embed x Share")
``caption``     a line carrying a picture credit ("(Photo: Jane Roe)",
                "Photo: Jane Roe, The Daily", "Credit: ... / Getty Images",
                "Buy Photo", "View Full Caption") or a picture's order of
                people ("(left to right)", "(L-R)")
``embed``       embedded social posts: a tweet's "— Name (@handle) date"
                signature, pic.twitter.com links, embed-code prompts
``teaser``      links to other stories: an upper-case label ("READ:", "VIDEO:",
                "RELATED:"), a line that is mostly a URL, a preview cut off
                after a comma or a small word ("... in court, Monday,...")
``prompt``      sentences addressed to the reader: an imperative call to
                subscribe, download, follow, watch, click..., "Please check
                back", anything about "your" inbox, phone or app
``byline``      "By Jane Roe", contact lines (an e-mail address or @handle),
                "... contributed to this report", an author's tagline ("Jane
                Roe is a staff writer for The Daily.")
``dateline``    "Posted: <date>" / "Updated <time>" stamps (the whole line), and
                the "CITY, State (AP) —" opening of a paragraph (only that prefix)
``boilerplate`` site-wide lines: copyright, "Source link", "Leave feedback",
                cookie notices, "Advertisement", "This is a developing story"...
``citation``    a reference marker such as ``[4]`` or ``[note 1]`` at the end
                of a sentence (trimmed off; inside a sentence it stays in the
                text and is never read as a quantity)
``fragment``    fewer than four words, or no lower-case word
``repeat``      a sentence the article has already said, word for word
==============  =====================================================================

The word lists below are short on purpose: each pattern is the signature of one
kind of widget, not of one page. Removing any of them lets that widget's lines
through on the crawled news of ``../shared/data/news`` (see benchmarks/crawl.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import spacing
from .quantities.dates import MONTHS, WEEKDAYS, ZONE_OFFSETS
from .records import Drop


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class TextReading:
    """A text segmented once: its claim-like sentences, what was dropped and why, and whether
    the whole text is a single sentence (one line that segments into one piece)."""

    claims: tuple[Sentence, ...]
    dropped: tuple[Drop, ...]
    single: bool


BOILERPLATE = re.compile(
    r"""^\W*(?:
        source\ link\b | first\ appeared\ on\b | originally\ (?:published|appeared)\b
      | leave\ (?:feedback|a\ comment)\b | other\ topics\ of\ interest\b
      | related(?:\ (?:articles?|stories|coverage))?\s*:?\s*$
      | more\ on\ this\ story\b | advertisement\b | sponsored\b
      | all\ rights\ reserved\b | copyright\b | ©
      | (?:photo|image|video|picture)s?\ (?:credit|by|:)\b | tags?\s*:
      | we\ use\ cookies\b | this\ (?:article|story)\ (?:was|has\ been|will\ be)\ (?:updated|corrected)\b
      | this\ is\ a\ (?:developing|breaking)\ (?:news\ )?story\b | this\ is\ a\ story\ update\b
      | listen\ to\ this\ article\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
#: "All rights reserved" and "This material may not be published" close wire copy anywhere in a line.
RIGHTS = re.compile(r"\ball rights reserved\b|\bmay not be (?:published|reproduced|redistributed)\b", re.I)
MARKDOWN_PREFIX = re.compile(r"^\s*(?:>\s*)*(?:[-*+]\s+|\d{1,3}[.)]\s+)?")
SENTENCE_END = re.compile(r"""[.!?…]["'”’)\]]*\s*$""")
#: A line that ends in a comma: a sentence a crawl or a one-sentence-per-line corpus broke at the
#: comma, or kept only the first part of ("... sank off the pier on Friday ,"). A heading never ends
#: so: on the news crawl every such line is prose (14 of them, one giving its event's day).
BROKEN_AT_COMMA = re.compile(r",\s*$")
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*")
# A boundary candidate: end punctuation, optional closing quote, space, capital or quote.
BOUNDARY_HINT = re.compile(r"""[.!?…]["'”’)]*\s+["“'‘(]?[A-Z0-9]""")

#: A gallery or playlist counter opening a line: "Image 3 of 40", "1 of 12", "Photo 2 of / 9".
COUNTER = re.compile(r"^\W*(?:(?:image|photo|picture|slide|video|item)s?\s+)?\d{1,3}\s+of\s+/?\s*\d{1,3}\b", re.I)
#: Controls of a video player or gallery, as they land in a crawl's text.
CONTROLS = frozenset({"close", "skip", "embed", "share", "replay", "autoplay", "playpause", "fullscreen", "mute",
                      "unmute", "expand", "next", "previous", "prev", "caption", "play", "pause"})
CONTROL_WORD = re.compile(r"[A-Za-z]+")
#: A picture credit: "(Photo: KING)", "(AP Photo/Jane Roe)", "Photo: Jane Roe, The Daily", "Credit: X / Getty Images".
CREDIT = re.compile(
    r"""(?:^|[(\[.\s])(?:Photo|Image|Picture|Video|Credit)s?(?:\s+(?:Source|Credit|Courtesy))?\s*:\s*[A-Z("]
      | \(AP\s+Photo\b
      | \((?:Photos?|Images?|Pictures?)\s+(?:by|courtesy\s+of)\s
      | /\s*(?:Getty\s+Images|AFP|Reuters|AP)\s*\)?\s*$
      | \b(?:Buy\s+Photo|View\s+Full\s+Caption|Hide\s+Caption|Show\s+Caption|Caption\s+Close)\b
      | \((?:left|right|from\s+left|L)\s*(?:-|to|–)?\s*(?:right|left|R)?\)""",
    re.VERBOSE,
)
#: An embedded post: a tweet's signature "— Name (@handle) May 3, 2015", a picture link, embed code.
EMBED = re.compile(
    r"""[—–-]\s*[^()\n]{0,60}\(@\w{1,15}\)
      | \bpic\.twitter\.com/ | \binstagram\.com/p/ | \bA\ post\ shared\ by\b
      | \bcopy\ this\ code\ to\ your\ (?:website|site|blog)\b""",
    re.VERBOSE | re.I,
)
#: An upper-case label opening a link to another story: "READ: ...", "[WATCH THE VIDEO]", "VIDEO: ...".
TEASER_LABEL = re.compile(r"^\W*(?:READ|WATCH|VIDEO|VIDEOS|RELATED|MORE|PHOTOS?|GALLERY|SEE|LISTEN)\b[A-Z ]{0,40}[:\]>]")
#: A preview cut off mid-sentence, after a comma or a small word: "... in court, Monday,...", "walks from the..."
CUT_OFF = re.compile(r"(?:,|\b(?:the|a|an|of|from|to|and|or|in|on|at|for|with|by))\s*(?:\.\.\.|…)\s*$", re.I)
URL = re.compile(r"\b(?:https?://|www\.)\S+|\b[\w.-]+\.(?:com|org|net|ly|ws|us)/\S*", re.I)
#: Sentences addressed to the reader: an imperative opening a sentence ("Sign up for...",
#: "Download the app", "Click or tap to watch", "Please check back").
PROMPT = re.compile(
    r"""^\W*(?:please\s+)?(?:
        sign\s+up | subscribe | download | (?:join|follow|like|find)\s+us\b | follow\s+(?:@|the\s+latest|our|the)
      | click | tap | swipe | watch\b | listen\b | stay\s+(?:tuned|with|up) | check\s+back
      | get\s+(?:breaking|the\s+latest|the\s+\w+\s+app|our|alerts|updates|news) | (?:read|see)\s+(?:or\s+share|the\s+full|more|also)
      | want\s+to\s+(?:talk|know|read|see|get) | don'?t\s+miss | share\s+(?:this|your|on)
      | we(?:'|’)?ll\s+(?:have|bring\s+you)\s+(?:more|updates|the\s+latest) | we\s+will\s+(?:have|bring\s+you)\s+(?:more|updates)
    )""",
    re.VERBOSE | re.I,
)
#: ... or about the reader's own inbox, phone or app.
YOUR_DEVICE = re.compile(r"\byour\s+(?:inbox|phone|tablet|device|e-?mail|feed|news\s+feed|browser)\b"
                         r"|\b(?:mobile|news|weather)\s+app\b", re.I)
#: "By Jane Roe", "By JANE ROE Associated Press", "By Jane Roe and John Doe, Staff Writers".
BYLINE = re.compile(r"^\W*By\s+(?:[A-Z][\w.'’-]*|and|of|the|staff|,)(?:\s+(?:[A-Z][\w.'’-]*|and|of|the|staff|,|/))*\W*$")
#: An author's tagline: "Jane Roe is a reporter for The Daily.", "Sam Poe is a staff writer at ...".
TAGLINE = re.compile(r"^(?:[A-Z][\w.'’-]*\s+){1,4}(?:is|was)\s+an?\s+(?:[\w-]+\s+){0,5}"
                     r"(?:reporter|writer|correspondent|editor|columnist|producer|journalist)\b", re.I)
CONTACT = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|\b(?:Twitter|Follow)\s*:?\s*@\w+|\bcontributed\s+(?:to\s+this\s+report|reporting)\b",
                     re.I)
#: "Posted: Tuesday, March 3, 2015 6:12 AM EST", "Updated 2:41 AM, June 9, 2015".
STAMP = re.compile(r"\b(?:Posted|Updated|Published|Last\s+updated)\s*(?:on|at)?\s*:?\s*"
                   r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\w*,?\s+)?(?:\d{1,2}[:/]|[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b)")
#: The opening of a wire story: "SPRINGDALE, Ark. —", "NEW YORK (AP) --", "(CNN) --".
DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?\s*(?:\([\w .&-]{1,30}\))?"
    r"|\([\w .&-]{1,30}\))\s*(?:—|–|--|-)\s+(?=[A-Z\"“‘'])"
)
#: Reference markers: "[4]", "[12][13]", "[note 1]", "[9]:87".
CITATION = re.compile(r"(?:\s*\[(?:\d{1,3}|note\s+\d{1,3}|[a-z]|citation needed)\](?::\d+)?)+")
CITATION_AT_END = re.compile(rf"(?:{CITATION.pattern})\s*$")
CITATION_AT_START = re.compile(rf"^(?:{CITATION.pattern})\s*")
#: A sentence end hidden by reference markers: "... (UCSB).[21][46] They were ..." (pysbd does not split it).
MARKED_BOUNDARY = re.compile(
    r"[.!?][\"'”’)]?(?:\[\d{1,3}\])+(?=\s+[A-Z])"
    # ... or a sentence end glued to the next sentence by a crawl that joined paragraphs
    # ("at the scene.The shooting"): after a lower-case word or a capitalised one of five letters
    # or more, so "Mr.Poe", "Gov.Reyes" and "U.S.A" stay whole.
    r"|(?:\b[a-z][a-z'’-]+|\b[A-Z][a-z'’-]{4,})[.!?][\"”’)]?(?=[A-Z][a-z])"
)


@lru_cache(maxsize=1)
def segmenter():
    """pysbd's English sentence segmenter (non-destructive: each sentence as written, with the
    white space after it; its spans found by `locate`), made once. `split_sentences` segments each
    line that may hold a sentence boundary with it, once."""
    import pysbd
    from pysbd.utils import TextSpan

    class Segmenter(pysbd.Segmenter):
        r"""pysbd's segmenter with its sentence locator done by string search.

        pysbd finds each segmented sentence in the original text with ``re.finditer(re.escape(sent)
        + r"\s*", text)``: one new regular expression per sentence, compiled and then evicted from
        `re`'s 512-entry cache, which also evicts pysbd's own rule patterns, so they are compiled
        again for the next text. That was a third of the CPU of segmenting (2,000 rows: about 2.6 of
        6.9 CPU-s under cProfile). `locate` gives the very same spans (``tests/test_speed_caches.py``
        compares it with pysbd's on every seed sentence and on repeated and overlapping sentences).
        """

        def sentences_with_char_spans(self, sentences):
            text = self.original_text
            return [TextSpan(text[a:b], a, b) for a, b in locate(sentences, text)]

    return Segmenter(language="en", clean=False)


def locate(sentences: list[str], text: str) -> list[tuple[int, int]]:
    r"""pysbd's ``sentences_with_char_spans`` without regular expressions: for each sentence, the
    first of its non-overlapping occurrences in ``text`` (scanning left to right, each taken with the
    whitespace after it) that ends after the previous span; a sentence with none is left out."""
    spans: list[tuple[int, int]] = []
    prior = 0
    size = len(text)
    for sent in sentences:
        pos = 0
        while pos <= size:
            start = text.find(sent, pos)
            if start < 0:
                break
            end = start + len(sent)
            while end < size and text[end].isspace():  # `\s*`: `re`'s \s is str.isspace
                end += 1
            if end > prior:
                spans.append((start, end))
                prior = end
                break
            pos = end if end > start else start + 1  # finditer resumes after a match, or one on when empty
    return spans


def split_sentences(text: str) -> list[Sentence]:
    """Every sentence of ``text`` with exact offsets, line by line."""
    return [s for line_start, line in _lines(text) for s in _segment(line, line_start)]


def claim_sentences(text: str) -> list[Sentence]:
    """The claim-like sentences of an article: furniture, headings and fragments dropped."""
    return list(read_text(text).claims)


def read_text(text: str) -> TextReading:
    """Segment ``text`` once; keep its claim-like sentences and say why every other line was dropped.

    Only kept lines are segmented (pysbd is the cost here), and a one-line text always is, so
    the caller learns whether the text is a single sentence without a second split.
    """
    claims: list[Sentence] = []
    dropped: list[Drop] = []
    said: set[str] = set()
    lines = list(_lines(text))
    single = False
    for line_start, line in lines:
        body_start = line_start + _markup_prefix_len(line)
        body = text[body_start: line_start + len(line)]
        reason = line_reason(line, body)
        if reason is not None and len(lines) > 1:
            dropped.append(Drop(reason, body.strip(), body_start + len(body) - len(body.lstrip()),
                                body_start + len(body.rstrip())))
            continue
        pieces = _segment(body, body_start)
        single = len(lines) == 1 and len(pieces) <= 1
        if reason is not None:
            dropped.append(Drop(reason, body.strip(), body_start + len(body) - len(body.lstrip()),
                                body_start + len(body.rstrip())))
            continue
        for n, piece in enumerate(pieces):
            piece, trimmed = _trim(piece, first=n == 0)
            dropped.extend(trimmed)
            if piece is None:
                continue
            reason = sentence_reason(piece.text)
            if reason is None and _norm(piece.text) in said:
                reason = "repeat"
            if reason is not None:
                dropped.append(Drop(reason, piece.text, piece.start, piece.end))
                continue
            said.add(_norm(piece.text))
            claims.append(piece)
    return TextReading(tuple(claims), tuple(dropped), single)


def line_reason(line: str, body: str) -> str | None:
    """Why a whole line (paragraph) is page furniture, or None."""
    stripped = body.strip()
    if line.lstrip().startswith("#"):
        return "heading"
    if COUNTER.match(stripped) or _controls(stripped) >= 3:
        return "carousel"
    if CREDIT.search(stripped):
        return "caption"
    if EMBED.search(stripped):
        return "embed"
    if TEASER_LABEL.match(stripped) or _mostly_url(stripped) or CUT_OFF.search(stripped):
        return "teaser"
    if PROMPT.match(stripped):
        return "prompt"
    if STAMP.search(stripped):
        return "dateline"
    words = WORD.findall(stripped)
    if BYLINE.match(stripped) or (CONTACT.search(stripped) or TAGLINE.match(stripped)) and len(words) < 25:
        return "byline"
    if BOILERPLATE.search(stripped) or RIGHTS.search(stripped):
        return "boilerplate"
    ending = CITATION_AT_END.sub("", stripped)
    if SENTENCE_END.search(ending) or BROKEN_AT_COMMA.search(ending):
        return None
    # No closing punctuation: a heading, a teaser headline or a caption, unless it
    # is a long paragraph whose writer forgot the full stop.
    capitalised = sum(1 for w in words if w[0].isupper())
    if len(words) < 25 or capitalised > 0.6 * len(words):
        return "heading"
    return None


def sentence_reason(sentence: str) -> str | None:
    """Why one sentence of a kept paragraph is not a claim, or None."""
    words = WORD.findall(sentence)
    if len(words) < 4 or not any(w[0].islower() for w in words if w[0].isalpha()):
        return "fragment"  # too short, or ALL CAPS / Title Case
    if PROMPT.match(sentence) or YOUR_DEVICE.search(sentence):
        return "prompt"
    if (TAGLINE.match(sentence) or CONTACT.search(sentence)) and len(words) < 25:
        return "byline"  # "Jane Roe is a staff writer for The Daily. Reach her at jroe@daily.example."
    if BOILERPLATE.search(sentence):
        return "boilerplate"
    return None


def is_claim_like(sentence: str) -> bool:
    return sentence_reason(sentence) is None


def _trim(piece: Sentence, *, first: bool) -> tuple[Sentence | None, list[Drop]]:
    """Cut a paragraph's dateline and a sentence's trailing reference markers off ``piece``."""
    drops: list[Drop] = []
    start, text = piece.start, piece.text
    if first:
        m = DATELINE.match(text)
        if m:
            drops.append(Drop("dateline", text[:m.end()].strip(), start, start + len(text[:m.end()].rstrip())))
            start, text = start + m.end(), text[m.end():]
    lead = CITATION_AT_START.match(text)
    if lead and text[lead.end():].strip():  # "[9] [56] Eleven of the injured ...": markers of the sentence before
        drops.append(Drop("citation", lead.group().strip(), start, start + len(lead.group().rstrip())))
        start, text = start + lead.end(), text[lead.end():]
    m = CITATION_AT_END.search(text)
    if m and not text[:m.start()].strip():  # a piece that is only markers ("Tuesday.[4]" split after the stop)
        return None, drops + [Drop("citation", text.strip(), start + len(text) - len(text.lstrip()),
                                   start + len(text.rstrip()))]
    if m:
        drops.append(Drop("citation", m.group().strip(), start + m.start() + len(m.group()) - len(m.group().lstrip()),
                          start + m.end()))
        text = text[:m.start()]
    text = text.rstrip()
    if not text:
        return None, drops
    return Sentence(start, start + len(text), text), drops


def _split_marked(piece: str) -> list[str]:
    """``piece`` split after each sentence end that reference markers hide."""
    out, cursor = [], 0
    for m in MARKED_BOUNDARY.finditer(piece):
        out.append(piece[cursor:m.end()])
        cursor = m.end()
    return out + [piece[cursor:]]


def _controls(line: str) -> int:
    """Player controls in a line's opening: capitalised control words, and words that are never prose."""
    return sum(1 for w in CONTROL_WORD.findall(line[:200])
               if w.lower() in CONTROLS and w[0].isupper() or w.lower() in ("autoplay", "playpause"))


def _mostly_url(line: str) -> bool:
    urls = URL.findall(line)
    return bool(urls) and sum(len(u) for u in urls) >= 0.4 * len(line.strip())


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _lines(text: str):
    pos = 0
    for line in text.splitlines(keepends=True):
        content = line.rstrip("\r\n")
        if content.strip():
            yield pos, content
        pos += len(line)


def _markup_prefix_len(line: str) -> int:
    if line.lstrip().startswith("#"):
        return 0
    return MARKDOWN_PREFIX.match(line).end()


#: The longest text pysbd segments at once. Its time grows with the square of the length
#: (80,000 characters of one paragraph take 5 s), so a longer line is first cut into pieces
#: at the last likely sentence end (else the last space) before this many characters.
MAX_SEGMENT_CHARS = 2000
_CUT = re.compile(r"""[.!?…]["'”’)\]]*\s+(?=["“'‘(]?[A-Z0-9])""")


def _bounded_pieces(line: str) -> list[tuple[int, str, bool]]:
    """``line`` cut into ``(start, piece, ends_sentence)`` runs of at most `MAX_SEGMENT_CHARS`
    characters; ``ends_sentence`` is false when the piece was cut at a space for want of a likely
    sentence end (the last piece: true)."""
    pieces, start = [], 0
    while len(line) - start > MAX_SEGMENT_CHARS:
        window = line[start:start + MAX_SEGMENT_CHARS]
        ends = [m.end() for m in _CUT.finditer(window)]
        cut = ends[-1] if ends else window.rfind(" ") + 1 or MAX_SEGMENT_CHARS
        pieces.append((start, line[start:start + cut], bool(ends)))
        start += cut
    pieces.append((start, line[start:], True))
    return pieces


def _segment_long(line: str, offset: int) -> list[Sentence]:
    """`_segment` of a line longer than `MAX_SEGMENT_CHARS`, piece by piece: where a piece was cut
    for want of a sentence end, its last sentence and the next piece's first are one sentence (the
    cut is no boundary: a curator's one-sentence row stays one claim)."""
    out: list[Sentence] = []
    joined = True
    for start, piece, ends_sentence in _bounded_pieces(line):
        found = _segment(piece, offset + start)
        if found and out and not joined:
            first = found.pop(0)
            out[-1] = Sentence(out[-1].start, first.end, line[out[-1].start - offset:first.end - offset])
        out.extend(found)
        joined = ends_sentence
    return out


#: A piece that ends with a clock time ("2 a.m.") and the piece after it that opens with the day or
#: date of that time ("Saturday — three by bullets ...", "Dec. 8, traders ...", "today.") or its
#: time zone ("EST, according to ..."): pysbd
#: ends a sentence at the abbreviation's dot before any capitalised word, so the day became a
#: sentence of its own and the first lost the rest of its clause. 242 clock times in the news corpus
#: (../shared/data/news) are followed by a capitalised word, among them an injury toll whose
#: breakdown by cause followed the day ("... at 2 a.m. Saturday — three by bullets and one by a
#: falling sign"), cut off from its total.
_CLOCK_END = re.compile(r"\d[ \u00a0]*[ap]\.m\.$", re.I)
_DAY_AFTER = re.compile(rf"(?:{WEEKDAYS}|{MONTHS}[ \u00a0]+\d|(?:today|tonight|yesterday|tomorrow|{'|'.join(ZONE_OFFSETS)})(?!\w))")


def _rejoin_days(pieces: list[str]) -> list[str]:
    """``pieces`` with each piece that a clock time ends joined to the next when it opens with the day."""
    out: list[str] = []
    for piece in pieces:
        if out and _CLOCK_END.search(out[-1].rstrip()) and _DAY_AFTER.match(piece.lstrip()):
            out[-1] += piece
        else:
            out.append(piece)
    return out


def _segment(line: str, offset: int) -> list[Sentence]:
    if not line.strip():
        return []
    respaced = spacing.respace(line)
    if respaced.text != line:  # space-tokenised: "U . S ." and "9 a . m ." end no sentence
        spans = [respaced.span(s.start, s.end) for s in _segment(respaced.text, 0)]
        return [Sentence(offset + start, offset + end, line[start:end]) for start, end in spans]
    if len(line) > MAX_SEGMENT_CHARS:
        return _segment_long(line, offset)
    if not BOUNDARY_HINT.search(line) and not MARKED_BOUNDARY.search(line):
        pieces = [line]
    else:
        pieces = [part for piece in _rejoin_days(segmenter().segment(line)) for part in _split_marked(piece)]
    out = []
    cursor = 0
    for piece in pieces:
        piece_text = piece.strip()
        if not piece_text:
            continue
        found = line.find(piece_text, cursor)
        if found < 0:  # pysbd altered the text; fall back to the cursor position
            found = cursor
        end = found + len(piece_text)
        out.append(Sentence(offset + found, offset + end, line[found:end]))
        cursor = end
    return out
