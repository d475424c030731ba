"""Sentences with character offsets, and the filter that keeps claim-like ones.

pysbd does the segmentation (it handles abbreviations, decimals and initials);
offsets are recomputed by locating each segment in the text, so they are exact
whatever pysbd normalises. Each line (paragraph) is segmented on its own: a
sentence never spans a paragraph break, and whole lines of boilerplate
("JOIN US ON TELEGRAM", "Source link", "Other Topics of Interest"), headings and
teaser headlines are dropped before segmentation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


BOILERPLATE = re.compile(
    r"""^\W*(?:
        (?:join|follow|subscribe\ to|like|find)\ us\b
      | follow\ (?:our|the)\ (?:coverage|live|latest)\b
      | (?:sign\ up|subscribe)\b
      | source\ link\b | first\ appeared\ on\b | originally\ (?:published|appeared)\b
      | leave\ (?:feedback|a\ comment)\b | other\ topics\ of\ interest\b
      | (?:read|see)\ (?:more|also)\b | related(?:\ (?:articles?|stories|coverage))?\s*:?\s*$
      | more\ on\ this\ story\b | click\ here\b | advertisement\b | sponsored\b
      | share\ (?:this|on)\b | all\ rights\ reserved\b | copyright\b | ©
      | (?:photo|image|video|picture)s?\ (?:credit|by|:)\b | tags?\s*:
      | we\ use\ cookies\b | this\ (?:article|story)\ (?:was|has\ been)\ (?:updated|corrected)\b
      | download\ (?:our|the)\ app\b | listen\ to\ this\ article\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
MARKDOWN_PREFIX = re.compile(r"^\s*(?:>\s*)*(?:[-*+]\s+|\d{1,3}[.)]\s+)?")
SENTENCE_END = re.compile(r"""[.!?…]["'”’)\]]*\s*$""")
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*")
# A boundary candidate: end punctuation, optional closing quote, space, capital or quote.
BOUNDARY_HINT = re.compile(r"""[.!?…]["'”’)]*\s+["“'‘(]?[A-Z0-9]""")


@lru_cache(maxsize=1)
def _segmenter():
    import pysbd

    return pysbd.Segmenter(language="en", clean=False)


def split_sentences(text: str) -> list[Sentence]:
    """Every sentence of ``text`` with exact offsets, line by line."""
    out: list[Sentence] = []
    for line_start, line in _lines(text):
        out.extend(_segment(line, line_start))
    return out


def claim_sentences(text: str) -> list[Sentence]:
    """The claim-like sentences of an article: boilerplate, headings and fragments dropped."""
    out: list[Sentence] = []
    for line_start, line in _lines(text):
        body_start = line_start + _markup_prefix_len(line)
        body = text[body_start: line_start + len(line)]
        if _is_heading_or_boilerplate(line, body):
            continue
        out.extend(s for s in _segment(body, body_start) if is_claim_like(s.text))
    return out


def is_single_sentence(text: str) -> bool:
    """Cheap test used for dataset rows: one sentence, no segmentation needed."""
    stripped = text.strip()
    if "\n" not in stripped and not BOUNDARY_HINT.search(stripped):
        return True
    return len(split_sentences(stripped)) <= 1


def is_claim_like(sentence: str) -> bool:
    words = WORD.findall(sentence)
    if len(words) < 4:
        return False
    if not any(w[0].islower() for w in words if w[0].isalpha()):
        return False  # ALL CAPS or Title Case fragments
    return not BOILERPLATE.search(sentence)


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


def _is_heading_or_boilerplate(line: str, body: str) -> bool:
    stripped = body.strip()
    if line.lstrip().startswith("#") or BOILERPLATE.search(stripped):
        return True
    if SENTENCE_END.search(stripped):
        return False
    # No closing punctuation: a heading, a teaser headline or a caption, unless it
    # is a long paragraph whose writer forgot the full stop.
    words = WORD.findall(stripped)
    capitalised = sum(1 for w in words if w[0].isupper())
    return len(words) < 25 or capitalised > 0.6 * len(words)


#: The longest text pysbd segments at once. Its time grows with the square of the length
#: (80,000 characters of one paragraph take 5 s), so a longer line is first cut into pieces
#: at the last likely sentence end (else the last space) before this many characters.
MAX_SEGMENT_CHARS = 2000
_CUT = re.compile(r"""[.!?…]["'”’)\]]*\s+(?=["“'‘(]?[A-Z0-9])""")


def _bounded_pieces(line: str) -> list[tuple[int, str]]:
    """``line`` cut into ``(start, piece)`` runs of at most `MAX_SEGMENT_CHARS` characters."""
    pieces, start = [], 0
    while len(line) - start > MAX_SEGMENT_CHARS:
        window = line[start:start + MAX_SEGMENT_CHARS]
        ends = [m.end() for m in _CUT.finditer(window)]
        cut = ends[-1] if ends else window.rfind(" ") + 1 or MAX_SEGMENT_CHARS
        pieces.append((start, line[start:start + cut]))
        start += cut
    pieces.append((start, line[start:]))
    return pieces


def _segment(line: str, offset: int) -> list[Sentence]:
    if not line.strip():
        return []
    if len(line) > MAX_SEGMENT_CHARS:
        return [s for start, piece in _bounded_pieces(line) for s in _segment(piece, offset + start)]
    if not BOUNDARY_HINT.search(line):
        pieces = [line]
    else:
        pieces = _segmenter().segment(line)
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
