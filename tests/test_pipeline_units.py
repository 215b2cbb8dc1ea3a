"""Pipeline helpers that need no model."""

from factalign.models import Claim
from factalign.pipeline import speaker_ids


def test_speaker_ids_match_by_surname():
    def c(i, who):
        return Claim(id=f"s#{i}", source="s", text="x", start=0, end=1, attribution=who)

    ids = speaker_ids([c(0, "Yoshimasa Hayashi"), c(1, "Hayashi"), c(2, "the Foreign Ministry"), c(3, None),
                       c(4, "Mao Ning"), c(5, "he")])
    assert ids[0] == ids[1] >= 0
    assert ids[2] >= 0 and ids[2] != ids[0]
    assert ids[3] == -1 and ids[5] == -1
    assert ids[4] not in (ids[0], ids[2])


def test_sentence_of_widens_evidence_to_its_sentence():
    from factalign.pipeline import sentence_of

    text = "First sentence. Both Democratic and Republican leaders agreed. Last one."
    start = text.index("Republican")
    claim = Claim(id="s#0", source="s", text="Republican leaders agreed", start=start, end=start + 25)
    assert sentence_of(text, claim).strip() == "Both Democratic and Republican leaders agreed."
