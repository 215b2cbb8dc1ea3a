"""How much an omitted fact matters: a small, explainable score from features of the claim.

Each feature is a number in 0..1 with a fixed weight; the explanation names the features that fired.
"""

from __future__ import annotations

import re

from .lexical import has_number
from .models import Claim

# A capitalised word that does not start the sentence: a cheap, model-free proxy for a named entity.
_NAME = re.compile(r"(?<=[a-z,;:] )[A-Z][\w'’-]+|\b[A-Z]{2,}\b")

WEIGHTS = {"carried": 0.35, "number": 0.2, "name": 0.2, "quote": 0.1, "early": 0.15}


def salience(claim: Claim, *, carried_by: int, others: int, position: float) -> tuple[float, list[str]]:
    """Score an omitted claim.

    Args:
        claim: the claim some sources lack.
        carried_by: how many other sources carry the fact besides the claim's own source (0 if only it).
        others: how many sources besides the claim's own could have carried it.
        position: where the claim sits in its article, 0 (first) .. 1 (last).

    Returns:
        The score in 0..1 and the names of the features that contributed.
    """
    features = {
        "carried": carried_by / others if others else 0.0,
        "number": 1.0 if has_number(claim.text) else 0.0,
        "name": 1.0 if _NAME.search(claim.text) else 0.0,
        "quote": 1.0 if claim.quote else 0.0,
        "early": 1.0 - min(max(position, 0.0), 1.0),
    }
    score = sum(WEIGHTS[k] * v for k, v in features.items())
    fired = [k for k, v in features.items() if v >= 0.5]
    return round(min(score, 1.0), 4), fired
