from consistency.sentences import claim_sentences, is_single_sentence, split_sentences

ARTICLE = """# Heading of the story

Officials said 28 ships had been sunk. Dr. Smith said the toll was 1.5 times higher than in 2024!
JOIN US ON TELEGRAM
Follow our coverage of the war on our channel.
Other Topics of Interest
Former Ambassador Warns Ties Could Raise Risks for US Forces
- Exports rose 3% in October, the ministry said.
Source link
Leave feedback about this
"""


def test_offsets_are_exact():
    for s in split_sentences(ARTICLE):
        assert ARTICLE[s.start:s.end] == s.text


def test_boilerplate_headings_and_teasers_are_dropped():
    texts = [s.text for s in claim_sentences(ARTICLE)]
    assert texts == [
        "Officials said 28 ships had been sunk.",
        "Dr. Smith said the toll was 1.5 times higher than in 2024!",
        "Exports rose 3% in October, the ministry said.",
    ]


def test_single_sentence_detection():
    assert is_single_sentence("Strikes were down 90% six days in.")
    assert is_single_sentence("Dr. Smith said 1.5 million people left.")
    assert not is_single_sentence("Strikes fell. Officials said 28 ships sank.")
