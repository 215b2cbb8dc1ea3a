"""Pipeline helpers that need no model."""

from factalign.models import Claim
from factalign.linking import speaker_ids


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
    from factalign.linking import sentence_of

    text = "First sentence. Both Democratic and Republican leaders agreed. Last one."
    start = text.index("Republican")
    claim = Claim(id="s#0", source="s", text="Republican leaders agreed", start=start, end=start + 25)
    assert sentence_of(text, claim).strip() == "Both Democratic and Republican leaders agreed."


def test_link_by_values_joins_mutual_best_number_claims_only():
    import numpy as np

    from factalign.models import Verdict
    from factalign.linking import link_by_values

    claims = [Claim(id="a#0", source="a", text="12 people were killed", start=0, end=1),
              Claim(id="a#1", source="a", text="Rain fell", start=0, end=1),
              Claim(id="b#0", source="b", text="21 died", start=0, end=1)]
    emb = np.array([[1.0, 0.0], [0.0, 1.0], [0.5, 0.866]])  # a#0 ~ b#0 at 0.5; a#1 ~ b#0 at 0.87 but no number
    owners = np.array([0, 0, 1])
    labels = np.array([0, 1, 2])

    def same_quantity(x, y):
        return Verdict("contradiction", "number", 0.8, "people: 12 vs 21", "numbers", ("12", "21"))

    assert list(link_by_values(claims, labels, emb, owners, same_quantity, 0.6)) == [0, 1, 0]
    unrelated = lambda x, y: Verdict("neutral")  # noqa: E731
    assert list(link_by_values(claims, labels, emb, owners, unrelated, 0.6)) == [0, 1, 2]
    assert list(link_by_values(claims, labels, emb, owners, same_quantity, 0.6, low=0.55)) == [0, 1, 2]
