"""What a number counts or measures, and whose it is.

`counted_noun` reads the noun phrase a bare count counts ("32 ships" -> "ship",
"500 hospital beds" -> "hospital bed", "one of the best screens" -> "best screen");
`of_phrase` reads the thing a share or amount is of ("60% of its revenue" ->
"revenue"); `subject_before` reads the thing whose change is stated ("strikes
were down 90%" -> "strike"); `owner_after` reads an owner phrase ("500 beds at the
regional hospital" -> "regional hospital"). All lowercase singular lemmas,
from a small rule-based lemmatiser: cheap, and wrong on some irregular nouns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from consistency.wordnet import past_form

#: Function words and common verbs that end a noun phrase.
STOP = frozenset(
    """
    a an the this that these those its their his her our my your of in on at to for from by with without
    into onto over under about above below after before since until during between among per via than
    and or but nor so yet as if while when where which who whom whose what how why because though although
    is are was were be been being am has have had do does did will would shall should can could may might
    must not no nor only just also even still already ever never very too more most less least much many
    said says say told tells according each every all any some both either neither such same other another
    it he she they we you i me him them us there here then now today yesterday tomorrow ago
    up down out off back away again around across along through
    left made make makes got get gets take takes took went go goes come came comes saw see seen
    rose fell rise falls fall rises grew grow jumped dropped gained lost climbed slid plunged increased
    decreased declined surged added cut
    behind beyond inside outside against toward towards upon within throughout amid despite except like unlike near
    year years month months week weeks day days hour hours minute minutes second seconds
    percent cent cents
    """.split()
)
#: Plural nouns whose plural is not "-s".
IRREGULAR = {
    "people": "people", "men": "man", "women": "woman", "children": "child", "feet": "foot", "teeth": "tooth",
    "mice": "mouse", "geese": "goose", "staff": "staff", "police": "police", "personnel": "personnel",
    "cattle": "cattle", "data": "data", "media": "media", "criteria": "criterion", "series": "series",
    "species": "species", "crew": "crew", "aircraft": "aircraft", "sheep": "sheep", "fish": "fish",
    "deer": "deer", "offspring": "offspring", "lives": "life", "wives": "wife", "knives": "knife",
    "leaves": "leaf", "halves": "half", "shelves": "shelf", "thieves": "thief", "wolves": "wolf",
    "phenomena": "phenomenon", "indices": "index", "analyses": "analysis", "crises": "crisis",
}
#: Plurals in "-uses" of nouns ending in "-use" ("excuses"), unlike "viruses" and "bonuses".
_USE_WORDS = frozenset("abuses excuses fuses refuses accuses muses ruses recluses".split())
_MORE_WORDS = frozenset("more fewer less additional extra further".split())
_PRONOUNS = frozenset("those these them which whom it us you who what".split())
_NOT_PLURAL = frozenset(
    "bus gas lens news physics series species status virus campus bonus census chorus focus "
    "apparatus analysis basis crisis thesis axis emphasis diagnosis this is was has us its gross "
    "across less unless plus thus always perhaps whereas bias".split()
)
_WORD_RE = re.compile(r"[ \u00a0]+(?P<w>[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*)")
_OF_THE_RE = re.compile(r"[ \u00a0]+of[ \u00a0]+(?:the|its|their|his|her|our|my|your|those|these)(?:[ \u00a0]+most)?", re.I)
_OF_OWNER_RE = re.compile(r"[ \u00a0]+of(?=[ \u00a0]+[A-Z][\w]*['’]s[ \u00a0])")
_SUPERLATIVE = {"best": "good", "worst": "bad", "most": "", "least": ""}
#: Comparatives of common size and age adjectives ("two smaller tenancies" counts tenancies).
_COMPARATIVE = {w + "er": w for w in ("small", "old", "young", "new", "high", "low", "great", "long", "short", "tall")}
_COMPARATIVE |= {"larger": "large", "bigger": "big", "wider": "wide", "safer": "safe", "later": "late", "finer": "fine"}
#: Words in "-est" that are not superlatives.
_NOT_SUPERLATIVE = frozenset(
    "forest interest contest protest request harvest honest modest earnest conquest suggest digest manifest "
    "invest arrest biggest_ unrest".split()
)
_E_ADJECTIVES = frozenset("large strange wide safe late fine nice rare pure cute brave close loose sure huge".split())


@dataclass(frozen=True, slots=True)
class NounPhrase:
    """A lemmatised noun phrase and the span it covers."""

    lemma: str
    start: int
    end: int


def singular(word: str) -> str:
    """Singular of a lowercase English noun by rule ("tenancies" -> "tenancy", "matches" -> "match")."""
    if word in IRREGULAR:
        return IRREGULAR[word]
    if word.endswith("men") and len(word) > 4 and word not in ("specimen", "abdomen", "omen"):
        return word[:-3] + "man"
    if not is_plural(word):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zzes")):
        return word[:-2]
    if word.endswith("uses") and len(word) >= 5 and word[-5] not in "aeiou" and word not in _USE_WORDS:
        return word[:-2]
    if word.endswith("oes") and word not in ("shoes", "toes", "canoes"):
        return word[:-2]
    return word[:-1]


def is_plural(word: str) -> bool:
    """Whether a lowercase word looks like a plural noun."""
    if word in IRREGULAR:
        return True
    if word in _NOT_PLURAL or len(word) < 3:
        return False
    if word.endswith("men") and len(word) > 4 and word not in ("specimen", "abdomen", "omen", "amen", "stamen"):
        return True
    return word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "’s"))


def _words_after(text: str, pos: int, limit: int = 5) -> list[tuple[str, int, int]]:
    out = []
    while len(out) < limit:
        m = _WORD_RE.match(text, pos)
        if not m:
            break
        out.append((m["w"], m.start("w"), m.end("w")))
        pos = m.end()
    return out


def counted_noun(text: str, pos: int, *, singular_count: bool) -> NounPhrase | None:
    """The noun phrase counted by a number ending at ``pos``.

    Takes modifiers up to the first plural head ("50 different products",
    "310 Ford and Opel vans"); for a count of one, the phrase up to the
    first function word ("one particular demand"), also through "one of the
    (most) ..." partitives. Returns None when the next word is a function word.
    """
    partitive = _OF_THE_RE.match(text, pos)
    words = _words_after(text, partitive.end() if partitive else pos)
    if len(words) > 1 and words[0][0].lower() in _MORE_WORDS:
        words = words[1:]  # "eight more picks" counts picks
    if not partitive:
        owner = _OF_OWNER_RE.match(text, pos)  # "two of Harlow's deputies"
        if owner:
            partitive = owner
            words = _words_after(text, owner.end())
    other = bool(words) and words[0][0].lower() in ("other", "another") and len(words) > 1
    if not words:
        return None
    kept: list[tuple[str, int, int]] = []
    for i, (word, start, end) in enumerate(words):
        low = word.lower()
        if low in STOP and not (other and i == 0):  # "eight other employees"
            if low == "and" and kept and i + 1 < len(words) and words[i + 1][0].lower() not in STOP:
                continue
            break
        if low.endswith("ly") and "-" not in low and low not in ("family", "supply", "ally", "rally", "belly", "jelly", "assembly"):
            break
        if singular_count and not partitive and kept and is_plural(low):
            break  # "one proposal asks": a verb after a singular noun
        kept.append((word, start, end))
        plural = is_plural(low)
        if singular_count and not partitive and (i + 1 >= len(words) or words[i + 1][0].lower() in STOP or len(kept) == 2):
            break
        if plural or (partitive and low in IRREGULAR):
            break
        if word[:1].isupper() and not _any_plural_ahead(words[i + 1:]):
            return None
    if not kept:
        return None
    while len(kept) > 1 and past_form(kept[-1][0]):
        kept.pop()  # "the 14 member water pact, dubbed": a verb ends the phrase
    if not singular_count and not partitive and not is_plural(kept[-1][0].lower()):
        compound = len(kept) > 1 and all(w[:1].islower() for w, _, _ in kept)
        kept = kept if compound else kept[:1]  # "a three course meal" counts courses of a meal
        if kept[0][0][:1].isupper() or "-" in kept[0][0] or _not_a_noun(kept[0][0].lower(), text, kept[0][2]):
            return None
    modifiers = [_lemma_word(re.sub(r"['’]s$", "", w.lower())) for w, _, _ in kept[:-1] if not _participle(w)]
    lemma = " ".join(modifiers) + " " + singular(kept[-1][0].lower())
    if partitive:  # "one of the oldest harbours in Europe" -> "old harbour europe"
        pp = _PARTITIVE_PP_RE.match(text, kept[-1][2])
        if pp:
            lemma += " " + " ".join(w.lower() for w in pp["np"].split() if w.lower() not in STOP)
    else:  # "5,700 categories of products" -> "category product"
        of = _OF_NOUN_RE.match(text, kept[-1][2])
        if of:
            words = []
            for w in of["np"].split():
                if w in STOP or w.endswith(("ing", "ed")):
                    break
                words.append(w)
            if words:
                lemma += " " + " ".join(words[:-1] + [singular(words[-1])])
    lemma = " ".join(lemma.split())
    return NounPhrase(lemma, kept[0][1], kept[-1][2]) if lemma else None


#: Words that follow a number without being what it counts ("1.2bn last year", "40k cheaper than").
_NOT_NOUNS = frozenset("last next previous first second third final latest earlier later total overall".split())


def _not_a_noun(word: str, text: str, end: int) -> bool:
    """A lone singular word after a count that is a verb (written in "-ed" or "-ing", or a past
    WordNet lists by its exceptions: "9 sank", `wordnet.past_form`), a comparative or an adverb-like
    modifier."""
    if word in _NOT_NOUNS or word.endswith(("ed", "ing")) or past_form(word):
        return True
    return word.endswith("er") and bool(re.match(r"[ \u00a0]+than\b", text[end:end + 8]))


_PARTITIVE_PP_RE = re.compile(
    r"[ \u00a0]+(?:in|of|on)[ \u00a0]+(?:(?:the|a|an|his|her|their|its|our|my|your)[ \u00a0]+)?"
    r"(?P<np>[A-Za-z][\w'’-]*(?:[ \u00a0]+[A-Z][\w'’-]*)*)"
)


_OF_NOUN_RE = re.compile(r"[ \u00a0]+of[ \u00a0]+(?P<np>[a-z][a-z-]*(?:[ \u00a0]+[a-z][a-z-]*)?)")


def _participle(word: str) -> bool:
    """A past participle left out of a counted noun's lemma ("300 recorded songs" counts songs)."""
    low = word.lower()
    return "-" not in low and len(low) > 5 and low.endswith("ed") and low not in _NOT_PARTICIPLES


_NOT_PARTICIPLES = frozenset("building ceiling evening morning wedding offspring hundred kindred".split())


def _any_plural_ahead(words: list[tuple[str, int, int]]) -> bool:
    for word, _, _ in words[:3]:
        low = word.lower()
        if low in STOP and low != "and":
            return False
        if is_plural(low):
            return True
    return False


def _lemma_word(word: str) -> str:
    """Base form of a modifier: superlatives and comparatives of a few common adjectives."""
    if word in _SUPERLATIVE:
        return _SUPERLATIVE[word]
    if word in _COMPARATIVE:
        return _COMPARATIVE[word]
    if word.endswith("est") and len(word) > 5 and word not in _NOT_SUPERLATIVE:
        stem = word[:-3]
        if stem.endswith("i"):
            return stem[:-1] + "y"  # "happiest"
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "aeiouls":
            return stem[:-1]  # "hottest", "biggest"
        return stem + "e" if stem.endswith(("rg", "ng", "v", "c", "at", "id", "ur", "ar", "ut")) and stem + "e" in _E_ADJECTIVES else stem
    return word


_DETERMINERS = r"(?:the|its|their|his|her|our|my|your|a|an|this|that|these|those|all)"
_OF_PHRASE_RE = re.compile(
    rf"[ \u00a0]+of[ \u00a0]+(?:{_DETERMINERS}[ \u00a0]+)?(?:[A-Z][\w'’]*[ \u00a0]+)*(?P<np>(?:[a-z][a-z-]*[ \u00a0]+){{0,2}}[a-z][a-z-]*)",
)
_OWNER_RE = re.compile(
    rf"[ \u00a0]+(?:at|of|in|for)[ \u00a0]+{_DETERMINERS}[ \u00a0]+(?P<np>(?:[A-Za-z][\w'’-]*[ \u00a0]+){{0,2}}[A-Za-z][\w'’-]*)",
)


def of_phrase(text: str, pos: int) -> str | None:
    """The head of "of X" right after ``pos`` ("60 per cent of its revenue" -> "revenue")."""
    m = _OF_PHRASE_RE.match(text, pos)
    if not m:
        return None
    words = m["np"].split()
    if words and words[0].lower() in _PRONOUNS:
        return None  # "a third of those screened", "half of which"
    return _head(words)


def owner_after(text: str, pos: int) -> str | None:
    """An owner phrase after a counted noun ("at the regional hospital" -> "regional hospital")."""
    m = _OWNER_RE.match(text, pos)
    if not m:
        return None
    words = []
    for word in m["np"].split():
        if word.lower() in STOP:
            break
        words.append(word.lower())
    return " ".join(words[:-1] + [singular(words[-1])]) if words else None


def _head(words: list[str]) -> str | None:
    kept = []
    for word in words:
        if word.lower() in STOP:
            break
        kept.append(word.lower())
        if is_plural(word.lower()):
            break
    if not kept:
        return None
    return " ".join(kept[:-1] + [singular(kept[-1])])


_SUBJECT_RE = re.compile(
    r"(?P<np>(?:[A-Za-z][\w'’&-]*[ \u00a0]+){0,3}?[A-Za-z][\w'’-]*)[ \u00a0]+"
    r"(?:(?:has|have|had|was|were|is|are|will|would|could|may|might|also|been|be|have been|has been|had been"
    r"|shot|went|moved|edged|inched|ticked|crept|picked|ended|closed|finished)[ \u00a0]+)*$",
)


def subject_before(text: str, verb_start: int) -> tuple[str | None, str | None]:
    """(measured, subject) named before a change verb.

    The lowercase noun run right before the verb is what is measured ("core
    inflation rose" -> "core inflation", "strikes were down" -> "strike"); a
    capitalised name before it is the subject ("Vecturas shares rose" ->
    measured "share", subject "vecturas").
    """
    m = _SUBJECT_RE.search(text, max(0, verb_start - 80), verb_start)
    if not m:
        return None, None
    words = m["np"].split()
    measured: list[str] = []
    subject: list[str] = []
    first = m.start("np")
    sentence_start = not text[:first].strip() or text[:first].rstrip()[-1] in ".!?;:"
    for k in range(len(words) - 1, -1, -1):
        word = words[k]
        low = word.lower()
        if low in STOP or any(ch.isdigit() for ch in word):
            break
        if word[:1].isupper() and not (k == 0 and sentence_start and not subject):
            if measured or subject:
                subject.insert(0, low)
                continue
            subject.insert(0, low)
            continue
        if subject:
            break
        measured.insert(0, low)
    measured_text = " ".join(measured[:-1] + [singular(measured[-1])]) if measured else None
    return measured_text, (" ".join(subject) or None)


_SHARE_RE = re.compile(
    r"[ \u00a0]+(?P<of>of[ \u00a0]+)?(?:(?:the|a|an|its|their|his|her|our|my|your|all)[ \u00a0]+)?"
    r"(?P<np>(?:[A-Za-z][\w'’-]*[ \u00a0]+){0,3}[A-Za-z][\w'’-]*)"
)
#: Third-person verbs that end a share's noun phrase ("a third of the population lives ...").
_VERBS_S = frozenset(
    "lives works says gets makes goes comes holds owns pays uses wants needs thinks believes supports votes "
    "agrees lacks faces remains stays earns spends shows suffers".split()
)


def verb_after(text: str, pos: int) -> bool:
    """The word after ``pos`` is one of the third-person verbs that end a share's noun phrase
    (`_VERBS_S`: "one household in four lacks ...")."""
    m = re.match(r"[ \u00a0]+([A-Za-z]+)", text[pos:])
    return bool(m) and m.group(1).lower() in _VERBS_S


def share_of(text: str, pos: int, *, needs_of: bool = True) -> tuple[str | None, int]:
    """What a fraction is a share of ("two-thirds of the US population" -> "us population"), and where it ends.

    ``needs_of`` False also reads "half the condos".
    """
    m = _SHARE_RE.match(text, pos)
    if not m or (needs_of and not m["of"]):
        return None, pos
    words: list[str] = []
    end = pos
    for w in re.finditer(r"[A-Za-z][\w'’-]*", m["np"]):
        low = w.group().lower()
        acronym = len(w.group()) > 1 and w.group().isupper()  # "US", "EU": not the pronoun "us"
        if not acronym and (low in STOP or low in _PRONOUNS) or (words and low in _VERBS_S):
            break
        words.append(low)
        end = m.start("np") + w.end()
        if is_plural(low):
            break
    if not words:
        return None, pos
    return " ".join(words[:-1] + [singular(words[-1])]), end


_NAME_AFTER_RE = re.compile(r"[ \u00a0]+[A-Z][a-z]")


def names_follow(text: str, pos: int) -> bool:
    """A capitalised name follows ``pos`` with no plural noun it could count ("787 Dreamliner starting")."""
    if not _NAME_AFTER_RE.match(text, pos):
        return False
    for token in re.findall(r"[\w'’-]+|[^\w\s]", text[pos: pos + 60])[:7]:
        if not token[0].isalnum():
            break
        low = token.lower()
        if re.fullmatch(r"\d+s", low) or token[0].islower() and is_plural(low):
            return False  # "12,400 Type 2s", "8000 Model A and Model B trucks"
    return True


_HAS_RE = re.compile(
    r"(?:^|(?<=[\s,;:(]))(?:(?:the|a|an|its|their|our)[ \u00a0]+)?(?P<np>(?:[A-Za-z][\w-]*[ \u00a0]+){0,2}[A-Za-z][\w-]*)"
    r"(?:['’]s|[ \u00a0]+(?:has|have|had|owns|owned|operates|operated|runs|ran|employs|employed|keeps|kept|holds|held"
    r"|now[ \u00a0]+has|still[ \u00a0]+has))[ \u00a0]+(?:about[ \u00a0]+|some[ \u00a0]+|nearly[ \u00a0]+|almost[ \u00a0]+|only[ \u00a0]+|just[ \u00a0]+|more[ \u00a0]+than[ \u00a0]+|over[ \u00a0]+)?$",
    re.I,
)


def owner_before(text: str, start: int) -> str | None:
    """Who has the counted things, named before the number ("The regional hospital has 500 beds",
    "the clinic's 320 beds") -> "regional hospital", "clinic"."""
    m = _HAS_RE.search(text, max(0, start - 60), start)
    if not m:
        return None
    words = [w.lower() for w in m["np"].split()]
    while words and words[0] in STOP:
        words.pop(0)
    while words and words[-1] in ("now", "still", "also", "already", "currently", "only"):
        words.pop()
    if not words or any(w in STOP for w in words) or words[-1] in _PRONOUNS:
        return None
    return " ".join(words)
