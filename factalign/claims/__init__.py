"""Atomic claims: page-furniture cleaning, sentence splitting, attribution, pronouns and decomposition.

    >>> from factalign.claims import extract_claims
    >>> [c.text for c in extract_claims("Rain fell and rivers rose.")]   # doctest: +SKIP
    ['Rain fell', 'rivers rose']
"""

from .splitter import ClaimSplitter, extract_claims

__all__ = ["ClaimSplitter", "extract_claims"]
