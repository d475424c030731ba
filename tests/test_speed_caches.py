"""The speed paths give the answers of the plain ones they replace: the JSON writer writes what
``json.dumps`` writes, and phrase similarities shared by all pairs of a check change no verdict."""

from __future__ import annotations

import json
import math
import os
import uuid

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from consistency import api
from consistency.check import PhraseSimilarity, copied, prime_frames
from consistency.embed import content_key
from consistency.group import Pair
from consistency.reporters.base import indented_json, report_dict
from consistency.rules import select_rules
from consistency.rules.compare import PairContext

from conftest import SEEDS

DATA = Path(__file__).parent / "data"

_scalars = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True, allow_infinity=True)
            | st.text())
_values = st.recursive(_scalars, lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
                       | st.dictionaries(st.text(), inner, max_size=4), max_leaves=30)


@given(_values)
@settings(max_examples=300, deadline=None)
def test_indented_json_writes_what_json_dumps_writes(value):
    assert indented_json(value) == json.dumps(value, indent=2, ensure_ascii=False)


def test_indented_json_takes_the_standard_path_for_what_it_does_not_write():
    for value in ({1: "a", "b": [math.nan]}, {True: 1}, {2.5: None}, {"x": {None: 0}}):
        assert indented_json(value) == json.dumps(value, indent=2, ensure_ascii=False)


def test_a_report_is_written_as_json_dumps_writes_it(embedder):
    report = api.check(str(SEEDS), embedder=embedder)
    assert report.findings
    data = report_dict(report)
    assert indented_json(data) == json.dumps(data, indent=2, ensure_ascii=False)


def _verdicts(rules, a, b, ctx) -> list[tuple]:
    return [(rule.code, v.key_a, v.key_b, v.explanation, v.confidence, v.spans_a, v.spans_b)
            for rule in rules for v in rule.check(a, b, ctx)]


def test_phrase_similarities_shared_by_all_pairs_change_no_verdict(embedder):
    claims, _ = api.extract([str(SEEDS)])
    pairs = [Pair(i, j, 0.9) for i in range(len(claims)) for j in range(i + 1, len(claims))
             if not copied(claims[i], claims[j])]
    rules = select_rules()
    similar = PhraseSimilarity(embedder)
    contrasts = prime_frames(claims, pairs, similar)
    shared: dict = {}
    alone, together = [], []
    for p in pairs:
        a, b = claims[p.i], claims[p.j]
        alone.append(_verdicts(rules, a, b, PairContext(similar=similar, contrasts=contrasts)))
        together.append(_verdicts(rules, a, b, PairContext(similar=similar, contrasts=contrasts, sims=shared)))
    assert sum(map(len, alone)) > 10 and len(shared) > 100  # the cache was used, and verdicts were given
    assert together == alone


def test_phrases_are_embedded_when_a_rule_first_compares_them(embedder):
    """The default backend runs each text through the model alone, so a phrase is embedded when a
    rule first compares it, not when its frame is read: none before the rules run, afterwards only
    some of the frames' phrases, each with the very vector a batch of all of them gives, and the
    same verdicts."""
    import numpy as np

    claims, _ = api.extract([str(SEEDS)])
    pairs = [Pair(i, j, 0.9) for i in range(len(claims)) for j in range(i + 1, len(claims))
             if not copied(claims[i], claims[j])]
    rules = select_rules()
    eager = PhraseSimilarity(embedder)
    eager.lazy = False  # the torch backend's way: every phrase of the frames read, in one batch
    lazy = PhraseSimilarity(embedder)
    assert lazy.lazy and embedder.backend != "torch"
    contrasts = prime_frames(claims, pairs, eager)
    assert prime_frames(claims, pairs, lazy) == contrasts
    assert eager.vectors and not lazy.vectors
    verdicts = {}
    for name, similar in (("eager", eager), ("lazy", lazy)):
        shared: dict = {}
        verdicts[name] = [_verdicts(rules, claims[p.i], claims[p.j],
                                    PairContext(similar=similar, contrasts=contrasts, sims=shared)) for p in pairs]
    assert sum(map(len, verdicts["lazy"])) > 10 and verdicts["lazy"] == verdicts["eager"]
    assert lazy.vectors and set(lazy.vectors) < set(eager.vectors)
    assert all(np.array_equal(vector, eager.vectors[phrase]) for phrase, vector in lazy.vectors.items())


def test_an_article_s_figures_are_parsed_in_one_batch_when_restated_first_reads_them(embedder):
    """`compare.restated` reads the frames of every numbered sentence of one side's article: they
    are parsed together in one batch the first time, not one at a time, and the answer is the one
    the sentences parsed one by one give."""
    from consistency import parsing
    from consistency.claims import document_claims
    from consistency.records import Document
    from consistency.rules import compare
    from consistency.rules.compare import restated
    from consistency.rules.frames import clear_caches, frames

    def answer(run: str) -> tuple[bool, int, int]:
        article = Document(key=f"{run}-a", path=f"<{run}-a>", date=None, text=(
            "A fire at the depot on Elm Street destroyed 14 trucks overnight. "
            "Firefighters said 14 trucks burned before the blaze was contained at 3 a.m. "
            "The company employs 230 drivers at the site. "
            "Its owners estimated the damage at $2 million."))
        other = Document(key=f"{run}-b", path=f"<{run}-b>", date=None,
                         text="Twelve lorries were destroyed when fire swept through the Elm Street depot.")
        mine, *rest = document_claims(article)
        theirs = document_claims(other)[0]
        similar = PhraseSimilarity(embedder)
        ctx = PairContext(similar=similar, articles={article.key: [mine, *rest], other.key: [theirs]})
        fa, fb = frames(mine)[0], frames(theirs)[0]
        before = parsing.counts()
        found = restated(fa, fb, ctx)
        after = parsing.counts()
        return found, after[0] - before[0], after[1] - before[1]

    parsing.clear()
    clear_caches()
    batched = answer("batched")
    parsing.clear()
    clear_caches()
    original = compare.parse_many  # the name restated's batch calls
    compare.parse_many = lambda texts: [original([t])[0] for t in texts]  # one text per batch
    try:
        alone = answer("alone")
    finally:
        compare.parse_many = original
    parsing.clear()
    clear_caches()
    assert batched[1] == alone[1] == alone[2] == 3  # the article's three other numbered sentences
    assert batched[2] == 1
    assert batched[0] == alone[0]


def _rule_case_claims(run: str, rules=("NEG001", "ANT001")) -> tuple[list, list[Pair]]:
    """The claims of the ``rules``' cases (tests/data/rules), each case's two sides a candidate
    pair, every case given twice (a duplicated input); ids fresh for each ``run``, so no statement
    or frame read cached by an earlier run spares a parse."""
    from consistency.claims import document_claims
    from consistency.records import UNDATED, Document

    claims, pairs = [], []
    for rule in rules:
        rows = [json.loads(line) for line in (DATA / "rules" / f"{rule}.jsonl").read_text().splitlines() if line]
        for n, row in enumerate(rows * 2):
            sides = []
            for side in ("a", "b"):
                key = f"{run}-{rule}-{n}-{side}"
                sides.append(len(claims))
                claims.extend(document_claims(Document(key=key, path=f"<{key}>", text=row[side], row_id=key,
                                                       date=UNDATED))[:1])
            pairs.append(Pair(sides[0], sides[1], 0.9))
    return claims, pairs


def _same_findings(findings) -> list[tuple]:
    """What a finding says, without the run's prefix of the claim ids."""
    return [(f.rule, f.a.row_id.split("-", 1)[1], f.b.row_id.split("-", 1)[1], f.explanation, f.confidence,
             f.spans_a, f.spans_b) for f in findings]


def _fetched_and_on_demand(claims_and_pairs, embedder, declared_by=()) -> dict:
    """One check of ``claims_and_pairs(run)`` with the parses fetched in batches (`prime_parses`)
    and one with each claim parsed when a rule asks: the findings of each, the parse counts before
    and after each, the texts each parsed, and the texts the rules coded ``declared_by`` name in
    their ``parses`` hook."""
    from consistency import check, parsing

    rules = select_rules()
    out: dict = {}
    parsing.clear()
    claims, pairs = claims_and_pairs("fetched")
    out["declared"] = {c.text for rule in rules if rule.code in declared_by
                       for c in rule.parses([(claims[p.i], claims[p.j]) for p in pairs])}
    before = parsing.counts()
    out["fetched"] = check.run_rules(claims, pairs, rules, embedder=embedder)
    out["fetched_counts"] = before, parsing.counts()
    out["fetched_texts"] = {c.text for c in claims if parsing.parsed(c.text)}

    parsing.clear()
    claims, pairs = claims_and_pairs("ondemand")
    original = check.prime_parses
    check.prime_parses = lambda claims, pairs, rules: 0
    try:
        before = parsing.counts()
        out["on_demand"] = check.run_rules(claims, pairs, rules, embedder=embedder)
        out["on_demand_counts"] = before, parsing.counts()
    finally:
        check.prime_parses = original
    out["on_demand_texts"] = {c.text for c in claims if parsing.parsed(c.text)}
    parsing.clear()
    return out


def test_statement_rules_parse_in_batches_exactly_the_claims_they_would_parse_one_at_a_time(embedder):
    """NEG001 and ANT001 parse a claim only on cues, some only after the other claim's parse
    (`prime_parses` asks their ``parses`` hooks round by round): the claims are parsed in a few
    batches, each text once, and they are the very texts the rules parse on demand: no more (a
    prefetch of every claim of a pair costs more than it saves on big inputs), no fewer."""
    run = _fetched_and_on_demand(_rule_case_claims, embedder)
    fetched, on_demand = run["fetched"], run["on_demand"]
    (texts0, batches0), (texts1, batches1) = run["fetched_counts"]
    (texts2, batches2), (texts3, batches3) = run["on_demand_counts"]
    fetched_texts, demand_texts = run["fetched_texts"], run["on_demand_texts"]

    assert texts3 - texts2 > 40 and batches3 - batches2 > 20  # on demand: mostly one text per batch
    assert fetched_texts == demand_texts and texts1 - texts0 == texts3 - texts2 == len(demand_texts)
    assert batches1 - batches0 <= 4  # frames' batch, then the statement rules' two rounds
    assert _same_findings(fetched) == _same_findings(on_demand)
    assert {f.rule for f in fetched} >= {"NEG001", "ANT001"}


def test_later_parse_rounds_ask_the_hooks_only_about_pairs_with_a_claim_just_parsed(embedder):
    """`prime_parses` asks the rules' ``parses`` hooks round by round; a hook's choice for a pair
    changes only when one of the pair's claims was parsed, so after the first round (every pair)
    the hooks hear only of those pairs: far fewer pairs asked about, the same texts parsed and the
    same findings as when each claim is parsed the moment a rule asks."""
    from consistency import check, parsing

    run = _fetched_and_on_demand(lambda name: _rule_case_claims("rounds" + name), embedder)
    assert run["fetched_texts"] == run["on_demand_texts"]
    assert _same_findings(run["fetched"]) == _same_findings(run["on_demand"])

    asked: list[int] = []
    rules = select_rules()
    hooks = 0
    for rule in rules:
        hook = getattr(rule, "parses", None)
        if hook is not None:
            def counted(sides, hook=hook):
                asked.append(len(sides))
                return hook(sides)
            rule.parses = counted
            hooks += 1
    parsing.clear()
    claims, pairs = _rule_case_claims("rounds-counted")
    # pairs that no rule parses (no figure, negation cue or antonym): asked about once, not each round
    plain, _ = _rule_case_claims("rounds-plain", ("COR001", "DIR001", "QNT001", "NUM002"))
    plain = [c for c in plain if not c.quantities and not c.dates]
    assert len(plain) > 5
    first = len(claims)
    claims = claims + plain
    pairs = pairs + [Pair(first + i, first + j, 0.9) for i in range(len(plain)) for j in range(i + 1, len(plain))]
    check.prime_parses(claims, pairs, rules)
    parsing.clear()
    rounds = [asked[n:n + hooks] for n in range(0, len(asked), hooks)]
    assert len(rounds) >= 2 and rounds[0] == [len(pairs)] * hooks
    assert all(max(later) < max(before) for before, later in zip(rounds, rounds[1:]))
    assert sum(max(later) for later in rounds[1:]) < 1.6 * len(pairs)  # every pair every round: 2 or more


def test_sentences_are_located_as_pysbd_locates_them():
    """`sentences.locate` replaces pysbd's regular-expression search for each sentence's span in
    the text (one new pattern per sentence): the same spans, on the seed articles' lines and on
    sentences that repeat, overlap or occur inside an earlier one."""
    import pysbd

    from consistency.sentences import locate, segmenter

    theirs = pysbd.Segmenter(language="en", clean=False)
    lines = [line for path in sorted(SEEDS.rglob("*")) if path.is_file() and path.suffix in (".md", ".txt", ".jsonl")
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    lines += [
        "It rained.  It rained. It rained!   Then it stopped.",
        "No.  No. Yes. No.",
        "The court said no. The court said no to the appeal. The court said no.\u00a0 Done.",
        "Ha. Ha ha. Ha. Ha ha ha.",
    ]
    assert len(lines) > 50
    for line in lines:
        assert segmenter().segment(line) == theirs.segment(line), line
    # a sentence pysbd's processor changed (not found in the text) is left out, as pysbd does
    assert locate(["Ha.", "missing", "Ha ha."], "Ha. Ha ha.") == [(0, 4), (4, 10)]
    # an occurrence ending before the last span is skipped for the next one after it
    assert locate(["aa aa", "aa"], "aa aa aa") == [(0, 6), (6, 8)]


def test_the_parser_does_not_import_torch():
    """thinc imports torch, when installed, only for PyTorch layers the bundled small pipeline has
    not: a process that parses with it and embeds with ONNX Runtime never loads torch."""
    import subprocess
    import sys

    code = ("import sys; from consistency import parsing; "
            "p = parsing.parse('The bridge did not open on Monday.'); "
            "print(len(p.tokens), 'torch' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={k: v for k, v in os.environ.items() if k != "CONSISTENCY_PARSER"})
    assert out.stdout.split() == ["8", "False"]


def test_numeric_rules_declare_the_claims_they_frame_and_those_are_parsed_in_batches(embedder):
    """The numeric rules read the frames of both claims of every pair, also when only one claim
    holds a figure (`numeric.alignments`): their ``parses`` hook names those claims, `prime_parses`
    parses them in a batch before the rules run, and they are the very texts the rules parse one
    at a time without it, with the same findings."""
    numeric = ("NUM001", "DUR001", "DAT001", "UPD001")
    assert all(hasattr(rule, "parses") for rule in select_rules() if rule.code in numeric)

    def claims_and_pairs(run):
        claims, pairs = _rule_case_claims(run, ("NUM001",))
        words, _ = _rule_case_claims(run + "-words", ("NEG001",))
        figures, _ = _rule_case_claims(run + "-alone", ("DUR001", "UPD001"))  # in no pair with another figure
        words = [c for c in words if not c.quantities and not c.dates]
        figures = [c for c in figures if c.quantities]
        assert len(words) > 10 and len(figures) > 10
        first = len(claims)
        claims = claims + figures + words
        return claims, pairs + [Pair(first + n, first + len(figures) + n % len(words), 0.9)
                                for n in range(len(figures))]

    run = _fetched_and_on_demand(claims_and_pairs, embedder, numeric)
    fetched, on_demand, declared = run["fetched"], run["on_demand"], run["declared"]
    (texts0, batches0), (texts1, batches1) = run["fetched_counts"]
    (texts2, batches2), (texts3, batches3) = run["on_demand_counts"]
    fetched_texts, demand_texts = run["fetched_texts"], run["on_demand_texts"]

    assert batches3 - batches2 > 10  # on demand: the one-sided pairs' claims parsed one at a time
    assert fetched_texts == demand_texts and texts1 - texts0 == texts3 - texts2 == len(demand_texts)
    assert declared <= demand_texts and len(declared) > 100
    assert batches1 - batches0 <= 3  # the frames' batch (`prime_frames`), then `prime_parses`' rounds
    assert _same_findings(fetched) == _same_findings(on_demand)
    assert "NUM001" in {f.rule for f in fetched}


def test_the_attribute_rules_and_lemmas_are_spacy_s():
    """`parsing.FastRules` applies the pipeline's attribute rules without spaCy's `Matcher`, and the
    lemmatizer remembers every lemma (`parsing.remember_lemmas`): every token of the seeds' and the
    test data's sentences (and of a few sentences written to meet the rules for single words:
    contractions, "gonna", "y'all", "there is", spaces) gets the tag, part of speech, morphology,
    lemma and dependency that spaCy's own pipeline gives, but for the lemmas `parsing.base_form`
    mends ("fined": "fine", not "fin")."""
    import spacy

    from consistency import parsing

    nlp = parsing.pipeline()
    ruler = nlp.get_pipe("attribute_ruler")
    assert getattr(ruler.match, "__self__", None).__class__ is parsing.FastRules
    assert type(nlp.get_pipe("lemmatizer")).__name__.startswith("Remembering")
    theirs = spacy.load(parsing.PARSER_PACKAGE, exclude=["ner", "senter"])
    texts = [line for path in sorted(SEEDS.rglob("*")) if path.is_file() and path.suffix in (".md", ".txt", ".jsonl")
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for path in sorted(DATA.rglob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line) if line.strip().startswith("{") else {}
            texts += [v for v in row.values() if isinstance(v, str) and 15 < len(v) < 500]
    texts += ["Y'all know I'm gonna win, c'mon! Let's see: there is a way, ain't there? Nothin' stops it.",
              "It  was\u00a0them,  not  me.\n\nI gotta say you gave it to him; that is what it is.",
              "He didn't, but she does; they've gone and we'd have done so if it hadn't rained."]
    texts = list(dict.fromkeys(texts))
    assert len(texts) > 800

    def tokens(doc):
        return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]

    def same(x, y) -> bool:
        """Token for token, but for a lemma `parsing.base_form` gave back its "e" ("fined": "fine",
        where spaCy's is "fin")."""
        return len(x) == len(y) and all(a == b or a[:4] + a[5:] == b[:4] + b[5:] and a[4] != b[4]
                                        and a[4] == parsing.base_form(a[0], [b[4], b[4] + "e"]) for a, b in zip(x, y))

    ours = [tokens(doc) for doc in nlp.pipe(texts, batch_size=128)]
    spacys = [tokens(doc) for doc in theirs.pipe(texts, batch_size=128)]
    assert sum(len(x) for x in ours) > 8_000
    assert [t for t, x, y in zip(texts, ours, spacys) if not same(x, y)] == []


def _row_claim(text: str, key: str):
    from consistency.claims import document_claims
    from consistency.records import Document

    (claim,) = document_claims(Document(key=key, path=f"<{key}>", text=text, row_id=key))
    return claim


class _Compared:
    """The phrase similarity of the claims' model, remembering which phrase pairs were asked for."""

    def __init__(self, embedder) -> None:
        self.similar = PhraseSimilarity(embedder)
        self.asked: list[tuple[str, str]] = []

    def __call__(self, x: str, y: str) -> float:
        self.asked.append((x, y))
        return self.similar(x, y)


def test_measure_score_compares_no_phrase_the_alignment_model_weighs_zero(embedder):
    """Each phrase similarity may cost a run of the model; one the given-pair model multiplies by
    0 cannot change the alignment score, so it is not computed, and the score is the one the full
    feature vector gives."""
    from consistency.rules.compare import FEATURES, VALUE_FEATURES, features, measure_score, model
    from consistency.rules.frames import frames

    (fa,) = frames(_row_claim("Forty-one migrants held by the coastguard were freed on Sunday, the ministry said.", "a"))
    (fb,) = frames(_row_claim("The interior ministry says the coast guard released 38 detained migrants.", "b"))
    compared = _Compared(embedder)
    ctx = PairContext(similar=compared, similarity=0.8)
    score = measure_score(fa, fb, ctx)
    given = model(True)
    weight = dict(zip(FEATURES, given.weights))
    slot = {"phrase_sim": "phrase", "predicate_gap": "predicate", "holder_gap": "holder", "subject_gap": "subject",
            "context_sim": "context"}
    for name, attr in slot.items():
        pair = (getattr(fa.slots, attr), getattr(fb.slots, attr))
        if weight[name] == 0.0 and all(pair) and pair[0].lower() != pair[1].lower():
            assert pair not in compared.asked and pair[::-1] not in compared.asked, name
    full = features(fa, fb, PairContext(similar=PhraseSimilarity(embedder), similarity=0.8))
    for name in VALUE_FEATURES:
        full[FEATURES.index(name)] = 0.0
    assert score == given.probability(full)


def test_numbers_that_agree_everywhere_are_not_scored_for_alignment(embedder):
    """A claim pair whose same-kind numbers all agree (and none is a later cumulative count) can
    give neither a conflict nor an update: its numbers are not scored (no phrase is compared), and
    the verdicts are those of a pair scored in full. A pair with one disjoint figure is scored."""
    from consistency.rules import numeric

    same_a = _row_claim("Rescuers pulled 14 survivors from the collapsed mine near Soma on Tuesday.", "a")
    same_b = _row_claim("Fourteen miners were brought out alive from the Soma pit, officials said.", "b")
    other_b = _row_claim("Officials said nine miners were brought out alive from the Soma pit.", "c")
    compared = _Compared(embedder)
    assert numeric.numeric_pairs(same_a, same_b, PairContext(similar=compared, similarity=0.8)) == ()
    assert compared.asked == []
    assert numeric.alignments(same_a, same_b, PairContext(similar=compared, similarity=0.8))  # scored in full
    assert compared.asked
    compared.asked.clear()
    numeric.numeric_pairs(same_a, other_b, PairContext(similar=compared, similarity=0.8))
    assert compared.asked


def test_remembered_date_spans_are_the_patterns_answer_and_each_caller_gets_its_own_list():
    from consistency.quantities import dates

    text = f"On 4 March 2021, at 9:30 a.m. last Friday, the council of ward {uuid.uuid4().hex} met again."
    fresh = tuple(dates.date_spans(text))  # a text never read before: the patterns' own answer
    assert len(fresh) == 3  # the day, the clock time and the weekday
    first = dates.date_spans(text)  # remembered
    assert first == list(fresh) and [s.kind for s in first] == [s.kind for s in fresh]
    first.clear()  # a caller that edits its list leaves the next caller's answer whole
    assert dates.date_spans(text) == list(fresh)


def test_phrase_vectors_kept_between_runs_are_the_vectors_a_run_computes(embedder, tmp_path, monkeypatch):
    import numpy as np

    phrases = ["the death toll", "people hurt in the blast", "turnout of registered voters"]
    monkeypatch.setenv("CONSISTENCY_CACHE", "off")
    alone = embedder.scratch()
    computed = alone.encode(phrases)
    assert alone.encoded == 3
    monkeypatch.setenv("CONSISTENCY_CACHE", str(tmp_path))
    first = embedder.scratch()
    assert np.array_equal(first.encode(phrases), computed) and first.encoded == 3
    later = embedder.scratch()  # another run: the vectors come from the cache, bit for bit
    assert np.array_equal(later.encode(phrases[::-1]), computed[::-1]) and later.encoded == 0
    # the claims' own cache is left alone
    assert embedder.cache.get(embedder.model_id, [content_key(p) for p in phrases]) == {}


def test_a_dataset_checked_again_embeds_none_of_its_claims(tmp_path, monkeypatch):
    """`check` embedded every row of a dataset on every run (a CI job re-checking a curated dataset
    that changed by a few rows): with an ONNX backend the claims' and clauses' vectors are kept
    between runs too, bit for bit the vectors a run computes, and a second check embeds nothing."""
    import numpy as np

    from consistency.embed import Embedder

    path = DATA / "voices" / "pairs.jsonl"
    texts = list(dict.fromkeys(t for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
                               for t in (json.loads(line)["a"]["text"], json.loads(line)["b"]["text"])))[:40]
    monkeypatch.setenv("CONSISTENCY_CACHE", "off")
    alone = Embedder()
    computed = alone.encode(texts)
    monkeypatch.setenv("CONSISTENCY_CACHE", str(tmp_path))
    first = Embedder()
    assert np.array_equal(first.encode(texts), computed) and first.encoded == len(texts)
    later, shown = Embedder(), []  # another run; its embed stage still shows, all done at once
    assert np.array_equal(later.encode(texts[::-1], progress=lambda *x: shown.append(x)), computed[::-1])
    assert later.encoded == 0 and shown == [(len(texts), len(texts))]
    changed, shown = Embedder(), []  # a dataset with one row edited embeds that row only
    edited = texts[:-1] + ["A row written after the last run."]
    assert np.array_equal(changed.encode(edited, progress=lambda *x: shown.append(x))[:-1], computed[:-1])
    assert changed.encoded == 1 and shown[0] == (len(texts) - 1, len(texts)) and shown[-1] == (len(texts), len(texts))
    monkeypatch.setenv("CONSISTENCY_CACHE", str(tmp_path / "torch"))
    assert type(Embedder(backend="torch").cache).__name__ == "MemoryCache", "torch vectors depend on their batch"


def test_a_damaged_file_of_kept_vectors_is_left_alone_and_the_phrases_embedded(embedder, tmp_path, monkeypatch):
    import numpy as np

    monkeypatch.setenv("CONSISTENCY_CACHE", str(tmp_path))
    scratch = embedder.scratch()
    path = scratch.cache.kept.path
    path.write_bytes(b"this is not a database" * 100)
    monkeypatch.setenv("CONSISTENCY_CACHE", "off")
    expected = embedder.scratch().encode(["the number of passengers"])
    monkeypatch.setenv("CONSISTENCY_CACHE", str(tmp_path))
    again = embedder.scratch()
    assert np.array_equal(again.encode(["the number of passengers"]), expected) and again.encoded == 1


def test_a_full_file_of_kept_vectors_keeps_its_newest_half(tmp_path, monkeypatch):
    import numpy as np

    from consistency import onnx_backend

    monkeypatch.setattr(onnx_backend, "KEPT_VECTORS", 4)
    vectors = {f"k{n}": np.full(3, n, dtype=np.float32) for n in range(6)}
    onnx_backend.KeptVectors(tmp_path / "p.sqlite").put("m", vectors)
    reopened = onnx_backend.KeptVectors(tmp_path / "p.sqlite")
    kept = reopened.get("m", list(vectors))
    assert sorted(kept) == ["k4", "k5"] and all(np.array_equal(kept[k], vectors[k]) for k in kept)
    assert reopened.get("another model", list(vectors)) == {}


_SENTENCES = ["Rescuers said 14 people were hurt when the  ferry\u00a0capsized near the port on Sunday.",
              "Y'all know the council didn't approve the $2.5m budget, c'mon!",
              "The toll rose to 31 — officials in Kovasta said — and could climb further.",
              "Née Lindqvist, she won 3 of the 4 races 🏁 last year."]


def test_parses_kept_between_runs_are_the_parses_a_run_makes(tmp_path, monkeypatch):
    """A parse read back from the per-user file is the parse spaCy makes, token for token (text,
    lemma, tags, dependency, head, offsets), and reading it back parses nothing."""
    from consistency import parsing

    monkeypatch.setenv("CONSISTENCY_CACHE", "off")
    parsing.clear()
    made = parsing.parse_many(_SENTENCES)
    monkeypatch.setenv("CONSISTENCY_CACHE", str(tmp_path))
    parsing.clear()
    before = parsing.counts()
    assert parsing.parse_many(_SENTENCES) == made  # a first run parses and keeps them
    assert parsing.counts()[0] == before[0] + len(_SENTENCES)
    assert (tmp_path / "parses.sqlite3").is_file()
    parsing.clear()  # the next run: a process that has parsed nothing yet
    before = parsing.counts()
    assert parsing.parse_many(_SENTENCES[::-1]) == made[::-1]
    assert parsing.counts() == before


@settings(max_examples=40, deadline=None)
@given(st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80))
def test_a_kept_parse_reads_back_as_the_parse_it_was(text):
    from consistency import parsing

    made = parsing.parse(text)
    assert parsing.Kept.decode(text, parsing.Kept.encode(made)) == made


def test_a_damaged_parse_cache_is_left_alone_and_the_sentences_parsed(tmp_path, monkeypatch):
    from consistency import parsing

    (tmp_path / "parses.sqlite3").write_bytes(b"not a database at all " * 50)
    monkeypatch.setenv("CONSISTENCY_CACHE", "off")
    parsing.clear()
    made = parsing.parse_many(_SENTENCES[:2])
    monkeypatch.setenv("CONSISTENCY_CACHE", str(tmp_path))
    parsing.clear()
    before = parsing.counts()
    assert parsing.parse_many(_SENTENCES[:2]) == made
    assert parsing.counts()[0] == before[0] + 2


def test_a_kept_parse_that_does_not_read_back_is_parsed_again(tmp_path, monkeypatch):
    import sqlite3
    from contextlib import closing

    from consistency import parsing

    monkeypatch.setenv("CONSISTENCY_CACHE", str(tmp_path))
    parsing.clear()
    made = parsing.parse_many(_SENTENCES[:2])
    with closing(sqlite3.connect(tmp_path / "parses.sqlite3", isolation_level=None)) as db:  # the kept file
        keys = [key for (key,) in db.execute("SELECT key FROM kept ORDER BY rowid")]
        assert len(keys) == 2
        for key, damaged in zip(keys, (b"[[0, 3, 1]]", b"not json")):  # a short row; no JSON at all
            db.execute("UPDATE kept SET value = ? WHERE key = ?", (damaged, key))
    parsing.clear()
    before = parsing.counts()
    assert parsing.parse_many(_SENTENCES[:2]) == made
    assert parsing.counts()[0] == before[0] + 2


def test_parses_are_kept_per_pipeline_version(tmp_path, monkeypatch):
    """A parse kept by one version of the pipeline is not read by another: the file's space names the
    pipeline, its version and spaCy's."""
    from consistency import parsing

    monkeypatch.setenv("CONSISTENCY_CACHE", str(tmp_path))
    parsing.clear()
    made = parsing.parse_many(_SENTENCES[:1])
    identity = parsing.Kept.of_this_parser().space
    assert "spacy " in identity and parsing.PARSER_PACKAGE in identity
    older = parsing.Kept(parsing.Kept.of_this_parser().store, identity.replace("format", "older format"))
    assert older.get(_SENTENCES[:1]) == {} and parsing.Kept.of_this_parser().get(_SENTENCES[:1]) == {
        _SENTENCES[0]: made[0]}


def test_a_second_check_of_one_dataset_reads_its_parses_back_and_reports_the_same(tmp_path):
    """The console script, run twice on the seeds with the caches in a folder of the test's own: the
    second run's JSON report is the first's (run ids and times aside), and it loads no spaCy."""
    import subprocess
    import sys

    env = {**os.environ, "CONSISTENCY_CACHE": str(tmp_path / "kept"), "PYTHONWARNINGS": "ignore"}
    probe = ("import sys, runpy; sys.argv = ['consistency', 'check', sys.argv[1], '-f', 'json', '-q']; "
             "import atexit; atexit.register(lambda: sys.stderr.write('SPACY=%s\\n' % ('spacy' in sys.modules)))\n"
             "from consistency.cli import main\nsys.exit(main())")
    runs = [subprocess.run([sys.executable, "-c", probe, str(SEEDS)], capture_output=True, text=True, env=env,
                           cwd=tmp_path, check=False) for _ in range(2)]
    assert [r.returncode for r in runs] == [1, 1], runs[0].stderr[-2000:]
    assert "SPACY=True" in runs[0].stderr and "SPACY=False" in runs[1].stderr
    first, second = (json.loads(r.stdout) for r in runs)
    for report in (first, second):
        report.pop("run", None)
        report["summary"].pop("timings", None)
    assert first == second
