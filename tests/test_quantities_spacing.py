"""Space-tokenised text: `spacing.respace` only removes spaces, maps spans back, and leaves
written text alone; extraction reads tokenised text as its written form."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from consistency.quantities import extract_quantities
from consistency.spacing import respace, tokenised

_TOKENS = st.sampled_from(
    ["a", "m", "U", "S", ".", ",", "-", "(", ")", "$", "£", "%", "'s", "n't", "ca", "year", "old", "36", "4", "2", "7bn",
     "five", "Doe", "block", "the", ":", "``", "''", "\u00a0", "on", "scale", "magnitude", "6.1"]
)
_TOKENISED = st.lists(_TOKENS, max_size=25).map(" ".join)
_ANY = st.one_of(_TOKENISED, st.text(max_size=40), st.lists(_TOKENS, max_size=25).map("".join))


@settings(max_examples=400, deadline=None)
@given(_ANY)
def test_respacing_only_removes_spaces_and_maps_back(text: str) -> None:
    r = respace(text)
    assert len(r.source) == len(r.text) + 1 and r.source[-1] == len(text)
    assert all(a < b for a, b in zip(r.source, r.source[1:]))
    assert all(text[i] == ch for i, ch in zip(r.source, r.text))
    assert all(text[i] in " \u00a0" for i in set(range(len(text))) - set(r.source))
    for start in range(len(r.text) + 1):
        for end in range(start, min(len(r.text), start + 4) + 1):
            s, e = r.span(start, end)
            assert 0 <= s <= e <= len(text)
            assert text[s:e].replace(" ", "").replace("\u00a0", "") == r.text[start:end].replace(" ", "").replace("\u00a0", "")


@settings(max_examples=400, deadline=None)
@given(_ANY)
def test_respacing_is_idempotent(text: str) -> None:
    once = respace(text).text
    assert respace(once).text == once


@settings(max_examples=200, deadline=None)
@given(_TOKENISED)
def test_quantities_of_tokenised_text_point_into_it(text: str) -> None:
    for q in extract_quantities(text):
        assert 0 <= q.start <= q.end <= len(text) and text[q.start:q.end] == q.text


def test_written_text_is_left_as_it_is() -> None:
    text = "Jane Doe, 20, said the 36-year-old (her brother) paid $24.13 at 9 a.m. - a bargain."
    assert not tokenised(text)
    assert respace(text).text == text


def test_tokenised_and_written_forms_read_the_same() -> None:
    pairs = [
        ("The 27 - year - old driver , Sam Reyes , paid $ 1,250 ( 3 . 5 % more ) .",
         "The 27-year-old driver, Sam Reyes, paid $1,250 (3.5% more)."),
        ("Lena Park , 61 , left at 6 p . m . with two bags .", "Lena Park, 61, left at 6 p.m. with two bags."),
    ]
    for tokens, written in pairs:
        read = [(q.value, q.dimension, q.unit, q.measured, q.person) for q in extract_quantities(tokens)]
        assert read == [(q.value, q.dimension, q.unit, q.measured, q.person) for q in extract_quantities(written)]


def test_ages_in_tokenised_articles_are_compared_for_one_person_only(embedder, tmp_path):
    """"Tom Ortiz , 23 , and his sister Jane Ortiz , 20 ," read as two bare counts, flagged
    against "Tom Ortiz , 23 ,"; read as ages, only one person's two ages are compared."""
    from consistency import api

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("Police said Tom Ortiz , 23 , and his sister Jane Ortiz , 20 , were hurt when the "
                                  "roof of the depot fell at 9 a . m . on Monday .\n", encoding="utf-8")
    (folder / "b.txt").write_text("Tom Ortiz , 23 , was hurt when the roof of the depot fell on Monday , police said .\n",
                                  encoding="utf-8")
    assert not api.check(folder, embedder=embedder).findings
    (folder / "b.txt").write_text("Tom Ortiz , 25 , was hurt when the roof of the depot fell on Monday , police said .\n",
                                  encoding="utf-8")
    [finding] = api.check(folder, embedder=embedder).findings
    assert "ages of one person" in finding.explanation
