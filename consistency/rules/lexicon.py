"""Small word lists the rules read claims with (English news prose).

Kept in one place so a reviewer can see exactly which words drive a rule. The
lists are short on purpose: a word missing here makes a rule stay silent, it
never makes one fire.
"""

from __future__ import annotations

STOP = frozenset("""
a an the and or but nor of to in on at by for from with without into onto over under about above below
after before since until than then as is are was were be been being am has have had having do does did
it its it's this that these those there here their theirs they them he him his she her hers we us our
you your i me my who whom whose which what when where why how all any some no not none every each
both either neither more most less least many much few several other another such same so very too
also just only even still yet already now own up down out off again further once per via across
among between against during while whereas although though because if unless whether can could may
might must shall should will would s t
""".split())

#: Irregular verb forms mapped to one stem, so "gave"/"given"/"give" match.
IRREGULAR = {
    "gave": "give", "given": "give", "gives": "give", "giving": "give",
    "won": "win", "wins": "win", "winning": "win",
    "lost": "lose", "loses": "lose", "losing": "lose",
    "began": "begin", "begun": "begin", "begins": "begin", "beginning": "begin",
    "rose": "rise", "risen": "rise", "rises": "rise", "rising": "rise",
    "fell": "fall", "fallen": "fall", "falls": "fall", "falling": "fall",
    "held": "hold", "holds": "hold", "holding": "hold",
    "took": "take", "taken": "take", "takes": "take",
    "met": "meet", "meets": "meet", "meeting": "meet",
    "sank": "sink", "sunk": "sink", "sinks": "sink",
    "shot": "shoot", "went": "go", "gone": "go", "came": "come", "comes": "come",
    "paid": "pay", "pays": "pay", "sold": "sell", "sells": "sell", "bought": "buy",
    "left": "leave", "leaves": "leave", "kept": "keep", "led": "lead", "leads": "lead",
    "told": "tell", "said": "say", "says": "say", "made": "make", "makes": "make",
    "found": "find", "finds": "find", "built": "build", "spent": "spend", "struck": "strike",
    "wrote": "write", "written": "write", "hit": "hit", "cut": "cut", "cuts": "cut", "cutting": "cut",
    "people": "people", "men": "man", "women": "woman", "children": "child", "died": "die", "dies": "die",
    "dead": "die", "deaths": "death", "killed": "kill", "rejected": "reject",
}

#: Words that start a new clause even without punctuation.
CLAUSE_WORDS = frozenset({"while", "but", "whereas", "although", "though", "after", "before", "because",
                          "when", "as", "since", "and"})

NEGATORS = frozenset({"not", "never", "no", "neither", "nor", "nobody", "nothing", "cannot"})
AUXILIARIES = frozenset({"be", "been", "being", "is", "are", "was", "were", "has", "have", "had", "do",
                         "does", "did", "will", "would", "can", "could", "should", "may", "might", "to"})
NEGATION_FILLER = frozenset({"yet", "ever", "once", "even", "so", "far", "still", "any", "actually",
                             "formally", "officially", "publicly", "directly", "been", "a", "an", "the"})
#: A copula-like word after "not": the word after it is the negated predicate.
COPULAS_LIKE = frozenset({"be", "been", "being", "found", "deemed", "considered", "declared", "seen"})

TIME_WORDS = frozenset("""
monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december today yesterday tomorrow week weeks month months year years
day days morning evening night weekend earlier later last next ago recently
""".split())

#: Words that tell two otherwise similar phrases apart on their own.
CONTRAST = frozenset({"half", "quarter", "senate", "house", "men", "women", "junior", "senior", "upper",
                      "lower", "north", "south", "east", "west", "northern", "southern", "eastern",
                      "western", "domestic", "foreign", "private", "public", "urban", "rural",
                      "primary", "secondary", "adult", "youth", "indoor", "outdoor", "male", "female"})

#: Nouns so general they do not tell two measures apart.
GENERIC = frozenset({"number", "total", "figure", "figures", "level", "amount", "share", "percent",
                     "percentage", "point", "points", "official", "officials", "people", "time", "times",
                     "report", "reports", "data", "statement", "source", "sources", "estimate", "count",
                     "least", "most", "around", "roughly", "approximately", "nearly", "almost", "some",
                     "just", "over", "under", "about", "record", "so", "far", "overall", "new", "per"})

#: Verb forms that are not "ed"/"ing" shaped but are not things either.
VERB_FORMS = frozenset({"rose", "fell", "grew", "won", "lost", "sank", "sunk", "hit", "cut", "put",
                        "set", "shut", "held", "gave", "given", "took", "taken", "climbed", "dropped",
                        "has", "have", "had", "is", "are", "was", "were", "be", "been", "reached",
                        "stood", "stands", "stand", "remain", "remains", "totalled", "totaled", "hits",
                        "rise", "rises", "fall", "falls", "grow", "grows", "show", "shows", "showed",
                        "make", "makes", "made", "get", "gets", "got", "say", "says", "said", "up", "down",
                        "now", "then", "passed", "topped", "exceeded", "surpassed", "jumped", "slid",
                        "plunged", "soared", "increased", "decreased", "declined", "launched", "counted",
                        "recorded", "carrying", "cost", "costs", "employ", "employs", "employed",
                        "demand", "demanding", "demands", "sold", "bought", "paid", "spent", "raised"})

ADJECTIVE_SUFFIXES = ("al", "ic", "ous", "ive", "ful", "less", "able", "ible", "ian", "ary", "ory", "ese",
                      "ish", "ly")
NOUNS_LIKE_ADJECTIVES = frozenset({"hospital", "capital", "festival", "rival", "arrival", "proposal",
                                   "approval", "referral", "tribunal", "terminal", "animal", "official",
                                   "clinic", "republic", "public", "music", "traffic", "plastic",
                                   "building", "meeting", "funding", "spending", "housing", "ceiling",
                                   "training", "shipping", "bombing", "shooting", "ruling", "opening",
                                   "offering", "killing", "hearing", "library", "salary", "military",
                                   "secretary", "territory", "factory", "history", "inventory",
                                   "dictionary", "boundary", "summary", "family", "supply", "assembly",
                                   "rally", "italy", "ally", "belly", "jury", "industry", "ministry",
                                   "embassy", "seed", "speed", "bed", "need", "feed", "shed", "hundred",
                                   "rate"})

# --- predicates --------------------------------------------------------------------------------

#: Antonym predicates (stems, with the irregular past forms a claim's words are matched by before
#: it is parsed): one side says a, the other says b about the same subject. Kept as a list: an
#: embedding puts "won" next to "lost", so polarity cannot come from similarity (ANT001's rule
#: cases: without the list every one of them is lost).
ANTONYMS: tuple[tuple[frozenset[str], frozenset[str]], ...] = tuple(
    (frozenset(a.split()), frozenset(b.split())) for a, b in (
        ("win won victor", "lose lost defeat"),
        ("open reopen", "clos shut"),
        ("accept", "reject declin refus"),
        ("approv pass endors", "reject veto block"),
        ("convict guilty", "acquit innocent clear"),
        ("increas rise rose grow grew climb expand gain", "decreas fall fell declin shrink shrank contract drop"),
        ("rais hike", "lower cut"),
        ("allow permit", "ban forbid prohibit"),
        ("support back favour favor", "oppos"),
        ("aliv surviv", "die kill"),
        ("present attend", "absent"),
        ("legal", "illegal"),
        ("profit", "loss"),
        ("resign", "remain stay"),
        ("succeed", "fail"),
        ("confirm", "deny"),
        ("lift", "impos"),
    ))

#: Quantifiers of a whole group ("all of its ships", "every school", "each lane", "the entire
#: fleet") and of none of it ("no passengers", "none of the miners"): the determiners and pronouns
#: of English grammar that quantify a noun phrase over all its members (QNT001).
UNIVERSAL = frozenset({"all", "every", "each", "entire", "whole"})
NONE_WORDS = frozenset({"none", "no"})
#: Indefinite counts of part of a group ("some of the schools", "several ships", "dozens of fighters").
SOME_WORDS = frozenset({"some", "several", "few", "many", "dozens", "hundreds", "thousands", "scores"})
#: Verbs of persistence: the state of their complement continues ("remain operational", "stayed
#: closed", "remain in the town"), so a count of them is an exception to a change said of all
#: (QNT001; with the adverb "still").
PERSIST = frozenset({"remain", "stay"})
