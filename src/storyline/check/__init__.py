"""Cross-check one story: align the reports' sentences, group them into claims, and find where the
reports agree, disagree, drift, or copy one another. ``compare`` (dossier.py) returns a Dossier.

Layout: dossier.py assembles the dossier; alignment.py, similarity.py and claims.py align sentences
into claims; one module per finding kind (quote_variant.py, number_conflict.py, ...), utterances.py
groups the quotes of one speaker across reports for quote_variant; context.py is
what every finder reads; same_story.py gives the verdict on whether the inputs tell one story.
"""

from __future__ import annotations

from storyline.check.dossier import CHECKER, SCHEMA_VERSION, compare, encoder_for

__all__ = ["CHECKER", "SCHEMA_VERSION", "compare", "encoder_for"]
