"""Where a figure happened, read beyond the number's own phrases: the clause that tells how it
came about ("two died when a shell hit a market in Ostravik") and an area named in the of-phrase of
its kind ("in the northern town of Vessik"); deeper in the clause (`slots._deeper_place`): a place
phrase opening a list of tolls, one inside the agent's phrase ("hurt by mudslides in the Pravec hill
district"), a street's town ("the streets of Dornic") and the when-clause after conjoined tolls.
Tolls of two places are not compared; one place's two tolls still are
(`consistency.rules.compare.apart`, "different places"), and a district's or a city's smaller count
is a part of a whole that names no place ("a part of the whole"). Cases in
tests/data/places/cases.jsonl, written for these tests in our own words."""

from __future__ import annotations

import pytest
from cases import assert_case, read_cases

CASES = read_cases("places", "cases.jsonl")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_tolls_of_two_places_are_not_compared(case, tmp_path, embedder, request):
    assert_case(case, tmp_path, embedder, request)
