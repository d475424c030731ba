"""Our own news-style pair files through `consistency check`, as floors under the measured figures.

- tests/data/heldout/pairs.jsonl: written before the first rules were tuned, but in the rules' own
  wording (the old word-list engine scored 0.951 / 0.951 on it); measured with the slot engine:
  P 0.868, R 0.805; since the statement rules' priors were fitted on 91 reviewed news findings
  (ANT001: 0 of 28 confirmed, prior 0.03, under the default cut-off on found pairs) P 0.844,
  R 0.659: its four ANT001 and two no-number DIR001/ANT001 pairs leave the default report. Since
  QNT001 reads statement frames it keeps the speaker disputes of NEG001/ANT001: h055 ("all of the
  rebel fighters have left, the army said" / "dozens remain, residents said") is two speakers'
  words, not flagged (R 0.610). Session 37: its pairs are two-row claims datasets, scored by the
  rows model (docs/rules.md, "Confidence"): P 0.806, R 0.707.
- tests/data/voices/pairs.jsonl: 60 pairs in another voice (the measure named differently on each
  side, the number before or after its noun), written before the slot engine and never tuned on:
  P 0.533, R 0.267 (the word-list engine: P 0.333, R 0.100); with the background veto P 0.583, R 0.233;
  with WordNet synonyms and groups as one measure (`consistency.wordnet`) P 0.733, R 0.367
  (a refit of the found-pair model by meaning reached P 0.833, R 0.500 but lost wanted news
  findings: docs/rules.md, "Confidence"). Session 36: a part of the whole only in an area of a kind
  of location (`compare._part_of`) finds 4 more of its conflicts at confidence 0 (17 -> 21 of 30,
  P 0.708 -> 0.724), all under the default cut-off, and un-vetoes one consistent pair (killed
  against wounded at one mall) that the mall, read as an area, had set apart by chance: at the
  default cut-off P 0.688, R 0.367. Voices is now a file we tuned on. Session 37: a pair of two
  dataset rows is scored by the rows model (fitted on pooled VitaminC rows and judged news pairs,
  docs/rules.md "Confidence"), not the news-fitted found-pair model: P 0.759, R 0.733 (the floors).
- tests/data/voices2/pairs.jsonl: 100 pairs (50 conflicts: 30 counts and amounts, 10 dates, 6
  durations, 4 directions) written in session 36 by a writer who read none of the code, rules or
  tests, in varied voices (wire, local TV, tabloid, business; British and American dates; the
  measure named differently on each side), and never tuned on: P 0.867, R 0.260 on main 2307339
  and unchanged by session 36's changes. Its running tolls are labelled consistent; the engine
  reports them as updates (``update_false`` counts them, so it is not asserted here). Session 37,
  the rows model: P 0.867, R 0.520 (the floors). Read twice, never its misses: a first fit on the
  pooled rows alone had P 0.694, R 0.680 (the file above and voices also lost precision with it).
- tests/data/voices3/pairs.jsonl: 100 pairs (50 conflicts: 28 counts and amounts, 10 dates, 6
  durations, 6 directions; 50 hard negatives) written in session 37 by another writer who read none
  of the code (fact-check database summaries, radio transcripts, capitals headlines, quoted
  officials, British and American dates), before the rows model was fitted and never shown to
  the people changing the rules: P 0.625, R 0.200 on main 8bb4427; with session 37's changes (the
  rows model above all) P 0.680, R 0.340. Session 38 read its misses and designed on them (it is a
  tuning file now): P 0.778, R 0.560 (the floors; directions 0 -> 5 of 6 found, dates 1 -> 2 of 10,
  counts and durations 16 -> 21 of 34).
- tests/data/voices4/pairs.jsonl: 100 pairs (50 conflicts: 28 counts and amounts, 10 dates, 6
  durations, 6 directions; 50 hard negatives) written at the start of session 38 by a writer who read
  none of the code, in voices unlike the newspaper register (court listings, council minutes, a
  sports live blog, machine-translated wire, an official account's post), and never shown to the
  people changing the rules that session: P 0.750, R 0.300 on main b623c19 and unchanged by session
  38's changes: the direction and date readings designed on voices3 found none of its six direction
  conflicts and one of its ten dates. Session 39 read its misses and designed on it beside voices3
  (a tuning file now): P 0.853, R 0.580 (the floors; voices3 P 0.800, R 0.640, its floors).
- tests/data/voices5/pairs.jsonl: 100 pairs (50 conflicts: 28 counts and amounts, 10 dates, 6
  durations, 6 directions; 50 hard negatives, among them one number of two measures and one sentence
  shape about two things) written at the start of session 39 by a third writer who read none of the
  code nor the earlier files, in registers rarely used for news checks (an insurer's notice, a
  hospital board paper, a school newsletter, a podcast transcript, translated wire), the measure in
  another grammatical role on each side. Never shown to the people changing the rules that session:
  P 0.562, R 0.180 on main 3120ed7 and unchanged by session 39's changes (the floors), which gained
  voices3 and voices4 pairs of both writers.
- Session 40 (times as intervals, `rules.intervals`) raised the floors of the tuning files to hold
  its gains: voices3 0.791 / 0.680, voices4 0.861 / 0.620, voices5 0.632 / 0.240 (with the
  session's other changes on main 9275717).
- tests/data/voices6/pairs.jsonl and tests/data/voices7/pairs.jsonl: 100 pairs each (50 conflicts: 28
  counts and amounts, 10 dates, 6 durations, 6 directions; 50 hard negatives) written at the start of
  session 40 by two more writers who read none of the code nor the earlier files, a quarter of the
  pairs as data rather than prose (table rows, bulletin lines, correction notices, timeline entries).
  voices7 was a tuning file that session (P 0.688, R 0.220 on main c0fff06; 0.706 / 0.240 after);
  voices6 was held, never shown to the people changing the rules: P 0.800, R 0.320 on c0fff06; the
  session's readings lost two of its conflicts (a heading before a colon read as no subject: taken
  out, 51701d6) and added one false alarm (an offset "either side of high water" against a
  closure's length, `rules.intervals`): P 0.762, R 0.320 at the stop (the floors).
- tests/data/voices8/pairs.jsonl: 100 pairs (50 conflicts: 28 counts and amounts, 10 dates, 6
  durations, 6 directions; 50 hard negatives, about half of them two measures of one story or two
  events of one kind) written at the start of session 41 by a seventh writer who read none of the
  code nor the earlier files, in the wire chain: an agency's dispatch against a regional rewrite, a
  headline against body copy, reported speech, live-blog lines. Held that session, never shown to
  the people changing the rules: P 0.765, R 0.260 on main e6bacc8 and unchanged by the session's
  changes.
- tests/data/voices9/pairs.jsonl: 100 pairs (50 conflicts: 28 counts and amounts, 10 dates, 6
  durations, 6 directions; 50 hard negatives) written at the start of session 42 by an eighth writer
  who read none of the code nor the earlier files, in the spoken word transcribed: bulletins,
  interviews, press-conference answers, phone-ins, against the printed notice or post of one fact.
  Held that session, never shown to the people changing the rules: P 0.818, R 0.180 on main c47b1b7
  and after the session's readings.
- Session 42 refitted the rows model on the tuning writers' pairs (voices, voices3, voices4, voices5,
  voices7; each candidate weighted 5, a bias of their own) with a feature of two kinds of counted
  thing (`wordnet.kinds_differ`, docs/rules.md "Confidence"). Recall rose on every file and precision
  fell on some; summed over the ten files precision held (211 of 264 flagged before, 0.799; 278 of
  349 after, 0.797) and recall rose from 0.45 to 0.59. The held files, P / R before -> after:
  voices2 0.871 / 0.540 -> 0.818 / 0.720, voices6 0.762 / 0.320 -> 0.731 / 0.380, voices8 0.765 /
  0.260 -> 0.767 / 0.460, and a tenth writer's file written that session and never shown to anyone
  changing the rules (tests/data/voices9) 0.818 / 0.180 -> 0.864 / 0.380. The floors are
  the figures after it, less about 0.02: the precision floors of voices2, voices4 and voices6 are
  lower than before, on purpose.
- tests/data/voices10/pairs.jsonl: 100 pairs (50 conflicts: 28 counts and amounts, 10 dates, 6
  durations, 6 directions; 50 hard negatives) written at the start of session 43 by a ninth writer
  who read none of the code nor the earlier files, in the compressed written word: headlines, push
  alerts, live-blog entries, captions, against the full report or record of one fact. Held that
  session, never shown to the people changing the rules: P 0.857, R 0.480 on main d43df76 and on
  the stop f8dd486 (the floors, less about 0.02). Session 43 also raised the precision floors of
  voices5 (0.806) and voices8 (0.793), which its DAT001 and DIR001 mends gained.
- tests/data/voices11/pairs.jsonl: 100 pairs (50 conflicts: 28 counts and amounts, 10 dates, 6
  durations, 6 directions; 50 hard negatives) written at the start of session 44 by a tenth writer
  who read none of the code nor the earlier files, in international and translated English:
  ministry and embassy statements, relief situation reports, foreign-desk copy and summaries of
  the foreign press, against plain reporting of one fact. Held that session: P 0.742, R 0.460 on
  main 6afd26b, P 0.750, R 0.480 at the stop 4259d0f (the floors, less about 0.02). Its pairs were
  never read by anyone changing the rules; two helpers saw its figure line while measuring, and no
  change was chosen on it.
- Session 44 (the "outcomes" veto, told-alike predicates of one occasion, a bare weekday as its own
  day, a share of a counted whole against a part of it) raised the floors to its stop figures less
  about 0.02: voices 0.879 / 0.967, voices2 0.857 / 0.720, voices3 0.824 / 0.840, voices4 0.833 /
  0.700, voices5 0.848 / 0.560, voices7 0.812 / 0.520, the held-out pairs 0.865 / 0.780.
- tests/data/voices12/pairs.jsonl: 100 pairs (50 conflicts: 28 counts and amounts, 10 dates, 6
  durations, 6 directions; 50 hard negatives) written at the start of session 45 by an eleventh
  writer who read none of the code nor the earlier files, in the local community press: council
  minutes and agenda items, parish newsletters, club bulletins, call-out logs and letters against
  chatty weekly-paper copy. Held that session (only the lead measured it; its pairs never read by
  anyone changing the rules): P 0.727, R 0.320 on main 4a3bf14 and unchanged at the stop (the
  floors, less about 0.02).
- Session 45 (part against whole by the partitive, a figure told with a count part-done as an early
  report, members of one kind by antonym modifiers, scorelines as one figure, one doer against the
  many who did that verb, a second route to candidacy) raised the floors to its stop figures less
  about 0.02: voices 0.906 / 0.967, voices3 0.878 / 0.860, voices4 0.857 / 0.720, voices5 0.967 /
  0.580, voices7 0.871 / 0.540, voices8 0.800 / 0.480, voices11 0.758 / 0.500.
- tests/data/voices13/pairs.jsonl: 100 pairs (50 conflicts: 28 counts and amounts, 10 dates, 6
  durations, 6 directions; 50 hard negatives) written at the start of session 46 by a twelfth
  writer who read none of the code nor the earlier files, in business, financial and statistical
  reporting: market wires, results filings, statistics bulletins, analyst notes against plain
  copy (rates, basis points, per-capita figures, quarters and fiscal years). Held that session
  (only the lead measured it; its pairs never read by anyone changing the rules): P 0.667, R 0.320
  on main 632a328, P 0.680, R 0.340 at the stop (the floors, less about 0.02).
- Session 46 (running totals of money and area, numbered names, a named thing's dates, nouns of
  change through WordNet, left-out nouns and epithets, a count after its label) raised the floors
  to its stop figures less about 0.02: voices3 0.917 / 0.880, voices4 0.925 / 0.740, voices5
  0.968 / 0.600, voices10 0.889 / 0.480, voices11 0.765 / 0.520, the held-out pairs 0.914 / 0.780.
- tests/data/voices14/pairs.jsonl: 100 pairs (50 conflicts: 28 counts and amounts, 10 dates, 6
  durations, 6 directions; 50 hard negatives) written at the start of session 47 by a thirteenth
  writer who read none of the code nor the earlier files, in science, health, weather and
  environment reporting: health bulletins, trial write-ups, weather warnings, observatory updates,
  launch logs and wildlife counts against plain copy. Held that session (only the lead measured it;
  its pairs never read by anyone changing the rules): P 0.920, R 0.460 on main a09128a and
  unchanged at the stop (the floors, less about 0.02).
- Session 47 (short dataset rows scored by the rows model, places in an order and marks out of ten,
  a level its holder raised or cut, planned dates, the rest of an included part) raised the floors
  to its stop figures less about 0.02: voices 0.935 / 0.967, voices3 0.918 / 0.900, voices4 0.953 /
  0.820, voices5 0.970 / 0.640, voices6 0.774 / 0.480, voices7 0.882 / 0.600, voices12 0.783 /
  0.360, the held-out pairs 0.917 / 0.805.
- tests/data/voices15/pairs.jsonl: 100 pairs (50 conflicts: 28 counts and amounts, 10 dates, 6
  durations, 6 directions; 50 hard negatives) written at the start of session 48 by a fourteenth
  writer who read none of the code nor the earlier files, in courts, police, emergency services and
  sport: court copy, charge statements, incident logs, inquests, match reports, results, fees and lap
  times against plain copy. Held that session (only the lead measured it; its pairs never read by
  anyone changing the rules): P 0.909, R 0.400 on main 39b5b99 and unchanged at the stop (the
  floors, less about 0.02).
- Session 48 (a count told as all of its noun is no narrowed subset) raised voices4's floors to its
  stop figures less about 0.02: 0.955 / 0.840.
- Session 49 made voices15 a tuning file (its misses read and designed on; a lap time after "at",
  a duration after "for", a date with dots in a cleft) and raised its floors to its stop figures
  less about 0.02: 0.920 / 0.460. The dotted date reading raised voices11 (0.771 / 0.540), voices13
  (0.704 / 0.380) and voices14 (0.923 / 0.480) and cost voices12 one conflict (0.773 / 0.340, within
  its floors); their floors rose with them. Days and lengths of time told in words ("a fortnight",
  "the fourteenth", "mid-March") raised voices14 again, to 0.926 / 0.500 (floors 0.90 / 0.48).
- tests/data/voices16/pairs.jsonl: 100 pairs (50 conflicts: 28 counts and amounts, 10 dates, 6
  durations, 6 directions; 50 hard negatives) written at the start of session 49 by a fifteenth
  writer who read none of the code nor the earlier files, in schools and universities, transport,
  elections, consumer and property: exam results, inspections, punctuality figures, declarations
  and polls, recalls, price indexes and rents against plain copy. Held that session (only the lead
  measured it; its pairs never read by anyone changing the rules): P 0.826, R 0.380 on main 0fba865,
  P 0.833, R 0.400 at the stop (the floors, less about 0.02).
- Session 50 made voices16 a tuning file (its misses read and designed on).
- tests/data/voices17/pairs.jsonl: 100 pairs (50 conflicts: 28 counts and amounts, 10 dates, 6
  durations, 6 directions; 50 hard negatives) written at the start of session 50 by a sixteenth
  writer who read none of the code nor the earlier files, in arts and culture, agriculture and
  food, technology and telecoms, religion and charities: festival and box-office figures, harvest
  and market reports, coverage and outage figures, appeals and congregations. Held that session
  (only the lead measured it; its pairs never read by anyone changing the rules): P 0.788, R 0.520
  on main 0f2bb85 (the floors, less about 0.02).
- tests/data/voices18/pairs.jsonl: 100 pairs (50 conflicts: 28 counts and amounts, 10 dates, 6
  durations, 6 directions; 50 hard negatives) written at the start of session 51 by a seventeenth
  writer who read none of the code nor the earlier files, in energy and utilities, weather and
  natural hazards, science and space missions, public-health bulletins, ports and shipping: a
  utility's release against a regional paper, an app alert against a broadcast transcript, an
  infobox line against a witness quote, a bulletin table row against a feature. Held that session
  (its pairs never read by anyone changing the rules; three helpers measured its figures alone,
  with ``--quiet``, and one change was kept partly for its gain there): P 0.722, R 0.520
  on main 1ab7db4; P 0.730, R 0.540 at the stop (one conflict more: "N times" after an active verb
  counts its act; the floors, less about 0.02).
- Session 51 raised the floors of the files its readings moved to their stop figures less about
  0.02: heldout R 0.829 (a strike that "lasted a week"), voices5 0.971 / 0.660, voices15 0.923 /
  0.480, voices16 0.938 / 0.600 (tuning); held voices2 0.864 / 0.760, voices6 0.806 / 0.500,
  voices8 0.806 / 0.500 (session 50), voices11 0.778 / 0.560, voices14 0.929 / 0.520 (session 50).
- tests/data/voices19/pairs.jsonl: 100 pairs (50 conflicts: 28 counts and amounts, 10 dates, 6
  durations, 6 directions; 50 hard negatives) written at the start of session 52 by an eighteenth
  writer who read none of the code nor the earlier files, in housing and property, tourism and
  hospitality, food and retail, water and the environment, aviation and rail, with some events told
  by different verbs on each side and some changes told without a figure on one side. Held that
  session (helpers measure it with ``--quiet`` only, figures alone): P 0.667, R 0.560 on main
  64bd907 (the floors, less about 0.02).
- Session 52: statement rules on two short dataset rows take their own prior, not the news share
  (`compare.rule_prior`), with ANT001 reading one thing named on both sides: heldout 0.919 / 0.829
  -> 0.929 / 0.951 (its four ANT001 pairs and h058's "not given the inquiry any files"); floors
  0.91 / 0.93.
- Session 52 raised the floors of the files its readings moved to their stop figures less about
  0.02: voices R 1.000 (shares / stock, heads one step apart in WordNet), voices7 0.886 / 0.620 (a
  date's start marked by "first"), voices16 0.939 / 0.620 (tuning); held voices8 0.844 / 0.540,
  voices11 0.806 / 0.580, voices13 0.714 / 0.400, voices19 0.674 / 0.580 (its start 0.667 / 0.560).

The evaluation code is benchmarks/conflicts.py (``--heldout``, ``--pairs FILE`` print the misses).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmark_module import benchmark

ROOT = Path(__file__).resolve().parent.parent


def test_heldout_precision_and_recall(embedder):
    bench = benchmark("conflicts")
    predictions = bench.heldout_predictions(embedder=embedder)
    assert len(predictions) >= 60
    labels = {row["label"] for row, *_ in predictions}
    assert {"conflict", "consistent", "update"} <= labels
    m = bench.heldout_scores(predictions)
    assert m["P"] >= 0.91, m
    assert m["R"] >= 0.96, m
    assert m["update_false"] == 0, m


def _scores(folder: str, pairs: int, embedder) -> dict:
    """`benchmarks/conflicts.py`'s scores of a pair file of ours, which holds ``pairs`` pairs."""
    bench = benchmark("conflicts")
    predictions = bench.heldout_predictions(ROOT / "tests" / "data" / folder / "pairs.jsonl", embedder=embedder)
    assert len(predictions) == pairs
    return bench.heldout_scores(predictions)


def test_voices_precision_and_recall(embedder):
    m = _scores("voices", 60, embedder)
    assert m["P"] >= 0.91, m
    assert m["R"] >= 0.93, m
    assert m["update_false"] == 0, m


#: The floors of the pair files written by people who read none of the code (the docstring above
#: says where each stands): (folder, precision, recall).
FLOORS = [("voices2", 0.84, 0.74), ("voices3", 0.89, 0.88), ("voices4", 0.93, 0.82), ("voices5", 0.95, 0.64),
          ("voices6", 0.78, 0.48), ("voices7", 0.86, 0.60), ("voices8", 0.82, 0.52), ("voices9", 0.84, 0.36),
          ("voices10", 0.86, 0.46), ("voices11", 0.78, 0.56), ("voices12", 0.76, 0.34), ("voices13", 0.69, 0.38),
          ("voices14", 0.90, 0.50),
          ("voices15", 0.90, 0.46), ("voices16", 0.91, 0.60), ("voices17", 0.76, 0.50),
          ("voices18", 0.71, 0.52), ("voices19", 0.65, 0.56)]


@pytest.mark.parametrize("folder, precision, recall", FLOORS, ids=[f for f, _, _ in FLOORS])
def test_written_pairs_precision_and_recall(folder, precision, recall, embedder):
    m = _scores(folder, 100, embedder)
    assert m["P"] >= precision, m
    assert m["R"] >= recall, m


def test_heldout_covers_every_rule():
    import json

    rows = [json.loads(line) for line in (ROOT / "tests/data/heldout/pairs.jsonl").read_text().splitlines() if line]
    from consistency.rules import all_rules

    codes = {r.code for r in all_rules() if not r.plugin}
    assert codes <= {row.get("rule") for row in rows}


def test_halves_keep_a_claims_variants_together():
    """`--half a|b`: a VitaminC claim's variants (``_1`` .. ``_4``: one claim against revisions of one
    sentence) fall in one half, so half b holds no near copy of what was tuned on half a; the split
    is by the id alone (stable across runs and machines) and puts ids in both halves."""
    half_of = benchmark("conflicts").half_of
    for group in ("vitc-5ed4de09c9e77c000848ad8f", "vitc-5eb29887c9e77c0008d930ea", "vitc-5ee39419c9e77c0008ccf6e6"):
        assert len({half_of(f"{group}_{n}") for n in range(1, 5)}) == 1
    halves = [half_of(f"equate-{n:04d}") for n in range(200)]
    assert 60 <= halves.count("a") <= 140
    assert half_of("equate-0001") == benchmark("conflicts").half_of("equate-0001")
