"""Article files: plain text and Markdown (with optional YAML front matter) and HTML.

Front matter gives an article its metadata::

    ---
    source: Harbor Ledger
    date: 2026-03-07
    url: https://example.org/strikes
    title: Strikes fall sharply
    ---
    Body text...

HTML goes through trafilatura, which keeps the main text and drops navigation,
footers and comments; its metadata (site name, date, title, canonical URL) fill
the same fields. Front matter wins over nothing: all fields are optional.

Page furniture in HTML is removed by what the markup says, before trafilatura
reads the page (`FURNITURE`): captions (``figcaption``, ``figure``), embedded
posts and players (``blockquote.twitter-tweet`` and the like, ``iframe``,
``embed``, ``video``), ``aside`` and ``nav`` (and their ARIA roles), forms
(newsletter boxes), hidden elements, tables, reference markers (``sup`` links
to a note) and lists that are all links (teasers for other stories). Each
removed element's text is kept on the document as a `Drop` named after the
element, so ``consistency extract --explain-drops`` can show it.

A document's date says where it came from (``Document.date_source``):
``article`` when the page, front matter or dataset row gives it, ``crawl`` when
the page gives none and it is a web-archive copy: the capture day stands in for
the publication date, and reports say so.
"""

from __future__ import annotations

import codecs
import datetime as dt
import logging
import re
from typing import Any

import yaml

from ..records import Document, Drop, Problem
from .values import parse_date, text_problem

META_KEYS = ("source", "date", "url", "title")
#: Front matter is a few 'key: value' lines; longer or deeper YAML is refused.
MAX_FRONT_MATTER = 64 * 1024
MAX_FRONT_MATTER_DEPTH = 10


def decode(data: bytes, path: str) -> tuple[str | None, Problem | None]:
    """UTF-8 text (BOM allowed), or a problem naming the line of the first bad byte."""
    problem = encoding_problem(data, path)
    if problem is not None:
        return None, problem
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, Problem(path, line, f"not UTF-8 text (byte 0x{data[exc.start]:02x}); re-save the file as UTF-8")


_WIDE_BOMS = ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
              (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"))


def encoding_problem(data: bytes, path: str) -> Problem | None:
    """The one problem of a UTF-16 or UTF-32 file (a byte-order mark, which decides the encoding
    as in the WHATWG Encoding standard, or ASCII text with a NUL byte beside every character),
    reported once for the file instead of once per line; else None."""
    for bom, name in _WIDE_BOMS:
        if data.startswith(bom):
            return Problem(path, None, f"file is {name}; re-save it as UTF-8")
    if _looks_utf16(data[:4096]):
        return Problem(path, None, "file is UTF-16; re-save it as UTF-8")
    return None


#: Bytes of ASCII text: tab, newlines, printable characters.
_TEXT_BYTES = frozenset(b"\t\n\r" + bytes(range(0x20, 0x7f)))


def _looks_utf16(head: bytes) -> bool:
    """At least 80% of the byte pairs are an ASCII text byte and a NUL, in either order."""
    pairs = len(head) // 2
    if pairs < 8 or head.count(0) < pairs // 2:
        return False
    for text, nul in ((0, 1), (1, 0)):
        hits = sum(1 for i in range(0, 2 * pairs, 2) if head[i + nul] == 0 and head[i + text] in _TEXT_BYTES)
        if hits >= 0.8 * pairs:
            return True
    return False


def read_text_article(data: bytes, *, path: str, key: str) -> tuple[list[Document], list[Problem]]:
    text, problem = decode(data, path)
    if text is None:
        return [], [problem]
    meta, body, body_line, problems = _front_matter(text, path)
    if not body.strip():
        return [], problems + [Problem(path, None, "empty article")]
    source = "article" if meta.get("date") else None
    return [Document(key=key, path=path, text=body, text_line=body_line, date_source=source, **meta)], problems


def _front_matter(text: str, path: str) -> tuple[dict[str, Any], str, int, list[Problem]]:
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return {}, text, 1, []
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            break
    else:
        return {}, text, 1, [Problem(path, 1, "front matter starts with '---' but never ends; add a closing '---'")]
    block = "".join(lines[1:end])
    body = "".join(lines[end + 1:])
    body_line = end + 2
    if len(block) > MAX_FRONT_MATTER:
        return {}, body, body_line, [Problem(path, 1, f"front matter is longer than {MAX_FRONT_MATTER // 1024} KiB; "
                                                      "keep it to a few 'key: value' lines")]
    unsafe = _unsafe_yaml(block)
    if unsafe is not None:
        return {}, body, body_line, [Problem(path, unsafe[0], unsafe[1])]
    try:
        raw = yaml.safe_load(block) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        return {}, body, body_line, [Problem(path, line, "bad front matter (YAML); fix its syntax")]
    if not isinstance(raw, dict):
        return {}, body, body_line, [Problem(path, 2, "front matter must be 'key: value' lines")]
    meta: dict[str, Any] = {}
    problems: list[Problem] = []
    for name in META_KEYS:
        value = raw.get(name)
        if value is None:
            continue
        why = (f"'{name}' must be a single value, not a list or mapping" if isinstance(value, (list, dict))
               else f"'{name}' {text_problem(value)}" if isinstance(value, str) and text_problem(value) else None)
        if why:
            problems.append(Problem(path, _key_line(lines, end, name), why))
            continue
        if name == "date":
            parsed = parse_date(value)
            if parsed is None:
                problems.append(Problem(path, _key_line(lines, end, name),
                                        f"bad date {value!r}; use ISO 8601 such as 2026-03-07"))
                continue
            meta[name] = parsed
        else:
            meta[name] = str(value).strip()
    return meta, body, body_line, problems


def _unsafe_yaml(block: str) -> tuple[int, str] | None:
    """``(line, reason)`` when the front matter uses what flat metadata never needs and an
    attacker would: an alias (``*a``; nested aliases expand a few lines into gigabytes) or
    nesting deep enough to exhaust the YAML composer's recursion. Checked on the parser's
    event stream, before anything is built."""
    depth = 0
    try:
        for event in yaml.parse(block, Loader=yaml.SafeLoader):
            line = event.start_mark.line + 2
            if isinstance(event, yaml.AliasEvent):
                return line, "front matter uses a YAML alias (*name); write the value out"
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_FRONT_MATTER_DEPTH:
                    return line, "front matter is nested too deeply; use 'key: value' lines"
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return None  # a syntax error: reported with its line by the loader
    return None


def _key_line(lines: list[str], end: int, key: str) -> int:
    for i in range(1, end):
        if lines[i].lstrip().startswith(f"{key}:"):
            return i + 1
    return 1


#: (reason, XPath) of page furniture the markup marks as such; removed before extraction.
FURNITURE: tuple[tuple[str, str], ...] = (
    ("figcaption", "//figcaption | //figure"),
    ("embed", "//blockquote[contains(@class, 'twitter') or contains(@class, 'instagram') "
              "or contains(@class, 'tiktok') or contains(@class, 'embed')] | //iframe | //embed | //object"
              " | //video | //audio"),
    ("aside", "//aside | //*[@role='complementary']"),
    ("nav", "//nav | //*[@role='navigation' or @role='banner']"),
    ("footer", "//footer | //*[@role='contentinfo']"),
    ("form", "//form | //*[@role='dialog']"),
    ("hidden", "//*[@hidden or @aria-hidden='true']"),
    ("table", "//table"),
    ("citation", "//sup[a[starts-with(@href, '#')]] | //sup[contains(@class, 'reference')]"),
)
#: A list or block whose text is almost all link text, with at least this many links: teasers.
LINK_LIST_MIN_LINKS = 3
LINK_LIST_SHARE = 0.8
_WAYBACK = re.compile(r"web\.archive\.org/web/(\d{4})(\d{2})(\d{2})\d*")


def read_html(data: bytes, *, path: str, key: str) -> tuple[list[Document], list[Problem]]:
    import trafilatura
    from trafilatura.utils import load_html

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    tree = load_html(data)
    if tree is None:
        return [], [Problem(path, None, "no main text found in HTML")]
    crawl = _capture_dates(tree)
    dropped = remove_furniture(tree)
    extracted = trafilatura.bare_extraction(
        tree, with_metadata=True, include_comments=False, include_tables=False, include_links=False,
        include_images=False, favor_precision=True
    )
    text = getattr(extracted, "text", None) if extracted is not None else None
    if not text or not text.strip():
        return [], [Problem(path, None, "no main text found in HTML")]
    date: dt.date | None = parse_date(extracted.date) if extracted.date else None
    if date is None and crawl:
        date = min(crawl)  # no publication date in the page: the capture day stands in, and says so
    doc = Document(
        key=key,
        path=path,
        text=text,
        source=extracted.sitename or extracted.hostname or None,
        date=date,
        url=extracted.url or None,
        title=extracted.title or None,
        # trafilatura re-flows the text: lines of the extract do not map to the file.
        text_line=0,
        date_source=None if date is None else ("crawl" if date in crawl else "article"),
        dropped=tuple(dropped),
    )
    return [doc], []


def remove_furniture(tree) -> list[Drop]:
    """Remove the elements `FURNITURE` names, and link lists, from ``tree``; their text as drops."""
    drops: list[Drop] = []
    for reason, xpath in FURNITURE:
        for element in tree.xpath(xpath):
            if not _attached(element, tree):
                continue  # already removed with an ancestor
            text = _text(element)
            _remove(element)
            if text:
                drops.append(Drop(reason, text))
    for element in tree.xpath("//ul | //ol | //div[not(.//p)] | //section[not(.//p)]"):
        if not _attached(element, tree):
            continue
        links = element.xpath(".//a")
        text = _text(element)
        linked = sum(len(_text(a)) for a in links)
        if len(links) >= LINK_LIST_MIN_LINKS and text and linked >= LINK_LIST_SHARE * len(text):
            _remove(element)
            drops.append(Drop("links", text))
    return drops


def _attached(element, root) -> bool:
    return any(a is root for a in element.iterancestors()) or element is root


def _text(element) -> str:
    return " ".join(" ".join(t.split()) for t in element.itertext() if t.strip())


def _remove(element) -> None:
    """Remove an element but keep the text that follows it (its tail) in the parent."""
    parent = element.getparent()
    tail = element.tail
    if tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def _capture_dates(tree) -> set[dt.date]:
    """Days of the web-archive captures the page says it is a copy of (its canonical or og:url)."""
    out: set[dt.date] = set()
    for url in tree.xpath("//link[@rel='canonical']/@href | //meta[@property='og:url']/@content | //base/@href"):
        m = _WAYBACK.search(url)
        if m:
            try:
                out.add(dt.date(int(m[1]), int(m[2]), int(m[3])))
            except ValueError:
                continue
    return out
