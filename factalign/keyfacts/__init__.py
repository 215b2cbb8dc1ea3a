"""Key facts: typed values (counts, dates, ages, roles, speakers, states ...) per source, compared across
sources independently of which claims aligned.

    >>> from factalign.keyfacts import compare_key_facts, extract_key_facts
"""

from .compare import compare_key_facts, conflicting, group_key_facts, same_anchor
from .extract import extract_key_facts
from .model import TYPES, KeyFact

__all__ = ["KeyFact", "TYPES", "extract_key_facts", "compare_key_facts", "group_key_facts", "same_anchor", "conflicting"]
