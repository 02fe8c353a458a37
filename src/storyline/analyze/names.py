"""TODO"""

from __future__ import annotations


def find_names(text, sentences, lang=None):
    return []
