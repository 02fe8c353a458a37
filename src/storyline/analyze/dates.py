"""TODO"""

from __future__ import annotations


def find_dates(text, sentences, article_date=None, lang=None):
    return []
