"""The budgets that bound the work one input can cause, in one place for the library and the CLI.

Why: a report, a page or a story can be far larger than news ever is (a 20 MB dump, a story of
1,700 reports); each budget turns "runs for an hour, or out of memory" into a bounded run and a
warning that names the flag lifting it. The stages read them from here so that the commands' flags
and the library's defaults cannot drift apart.
"""

from __future__ import annotations

# Characters of one report that are analysed (--max-chars). A long news report has 30,000; past
# this the opening is analysed, the text is kept whole, and meta["analysed_chars"] says where
# analysis stopped.
MAX_ANALYSED_CHARS = 1_000_000

# Reports cross-checked in one dossier (--max-reports). Sentence alignment compares every pair of
# sentences, so its memory grows with the square of a story's sentences: 500 reports (about 15,000
# sentences) take about a gigabyte. Past this, the first reports are cross-checked, the rest listed.
MAX_REPORTS = 500
