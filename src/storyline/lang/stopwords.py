"""Lower-case function words of the languages storyline reads ("the", "de", "und", "che").

Dropped before comparing sentences, so that two reports match on what they say rather than on the
grammar words every sentence has. (Capitalised sentence starters that are not names live with the
name lexicon, lang/names.py.)
"""

from __future__ import annotations

# Function words in the languages of the dev corpus; enough to keep alignment on content words.
STOPWORDS = frozenset(
    """
    a an the and or but if of to in on at by for with from as into onto over under about after before
    than then that this these those there here it its it's is are was were be been being am do does did
    has have had having not no nor so such can could will would shall should may might must also very
    just only more most much many some any all each both other another own same few up down out off
    again further once he she they we you i me him her them us our your their his my mine who whom whose
    which what when where why how while during through between against among within without per said says
    say told according one s t don't replied responded added asked stated noted explained reported
    think also even still
    el la los las un una unos unas y o de del al en con por para que se su sus es son fue fueron ha han
    lo como más pero sin sobre entre este esta estos estas ese esa le les ya muy
    le la les un une des et ou de du au aux en dans par pour que qui se sa son ses est sont été a ont
    il elle ils elles ne pas plus sur avec ce cette ces leur leurs
    der die das den dem des ein eine einer einen einem und oder zu im in am auf mit von für ist sind war
    wurde wurden hat haben nicht sich als auch bei nach aus um es sie er dass
    il lo gli i di da del della dei delle nel nella con per che si è sono ha hanno non un uno una
    """.split()
)
