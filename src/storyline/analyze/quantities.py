"""TODO"""

from __future__ import annotations


def find_quantities(text, sentences, lang=None):
    return []
