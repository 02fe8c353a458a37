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
from storyline.model import Article

__all__ = ["analyze"]


def analyze(article: Article) -> Article:
    """Fill in sentences, names, quantities, dates, quotes and attributions. Returns the same Article."""
    text = article.text
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
