"""Per-article analysis: each fact kind has its own module; ``analyze`` runs them in order."""

from __future__ import annotations

from storyline.analyze.attributions import find_attributions
from storyline.analyze.dates import find_dates
from storyline.analyze.language import detect_language
from storyline.analyze.names import find_names
from storyline.analyze.quantities import find_quantities
from storyline.analyze.quotes import find_quotes
from storyline.analyze.sentences import split_sentences
from storyline.analyze.speech import read_speech
from storyline.limits import MAX_ANALYSED_CHARS
from storyline.model import Article

__all__ = ["MAX_ANALYSED_CHARS", "analysed_length", "analyze"]


def analysed_length(text: str, max_chars: int = MAX_ANALYSED_CHARS) -> int:
    """How much of ``text`` to analyse: all of it, or up to the last line break (else space) before
    ``max_chars`` in the second half of that window, so that no sentence is cut in two mid-word."""
    if len(text) <= max_chars:
        return len(text)
    for sep in ("\n", " "):
        cut = text.rfind(sep, max_chars // 2, max_chars)
        if cut > 0:
            return cut
    return max_chars


def analyze(article: Article, *, max_chars: int = MAX_ANALYSED_CHARS) -> Article:
    """Fill in sentences, names, quantities, dates, quotes and attributions. Returns the same Article.

    Only the first ``max_chars`` characters are analysed (see MAX_ANALYSED_CHARS); every span still
    indexes the article's whole text."""
    text = article.text
    limit = analysed_length(text, max_chars)
    if limit < len(text):
        article.meta["analysed_chars"] = limit
        text = text[:limit]
    if not article.lang:
        article.lang = detect_language(text)
    article.sentences = split_sentences(text)
    article.names = find_names(text, article.sentences, lang=article.lang)
    article.quantities = find_quantities(text, article.sentences, lang=article.lang)
    article.dates = find_dates(text, article.sentences, article_date=article.date, lang=article.lang)
    # speech acts (and the name resolver behind them) are read once and shared by quotes and attributions
    speech = read_speech(text, article.sentences, article.names, article.lang) if text.strip() else None
    article.quotes = find_quotes(text, article.sentences, article.names, lang=article.lang, context=speech)
    article.attributions = find_attributions(text, article.sentences, article.names, lang=article.lang,
                                             context=speech)
    return article
