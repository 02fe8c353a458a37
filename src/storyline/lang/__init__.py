"""The language floor: what storyline knows about languages, in one place for every stage.

Numbers (numbers.py), the calendar (calendar.py), folding, stems and name skeletons (fold.py), the
lexicons (places.py, names.py, terms.py, stopwords.py), the sentence encoders (embeddings.py) and
union-find (unionfind.py). read, analyze, group and check all use these; none of them defines its
own, so a fix for a decimal comma or a Hindi month reaches every stage at once. Nothing here imports
from the stages.
"""
