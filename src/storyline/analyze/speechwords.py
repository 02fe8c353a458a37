"""Word lists for attribution: speech verbs, pronouns, titles and speaker nouns, per language.

Kept apart from the matching code so a new language is a data change. Lists are short on purpose:
precision over recall, and every entry is a word a reporter uses to say who said something.
"""

from __future__ import annotations

from storyline.lang.calendar import ENGLISH_CALENDAR_NAMES

# Verbs that introduce a quote or reported speech (said-first or said-last).
SPEECH_VERBS: dict[str, tuple[str, ...]] = {
    "en": (
        "said", "says", "say", "told", "tells", "added", "adds", "replied", "replies", "responded",
        "stated", "states", "noted", "notes", "asked", "asks", "wrote", "writes", "tweeted", "posted",
        "warned", "warns", "explained", "explains", "declared", "insisted", "insists", "argued",
        "argues", "claimed", "claims", "announced", "announces", "confirmed", "confirms", "stressed",
        "emphasised", "emphasized", "acknowledged", "admitted", "recalled", "continued", "remarked",
        "commented", "observed", "maintained", "suggested", "predicted", "promised", "vowed",
        "pledged", "urged", "cautioned", "conceded", "reiterated", "underlined", "concluded",
        "countered", "quipped", "shouted", "whispered", "testified", "reported", "reports",
        "pressed", "interjected", "retorted", "snapped", "joked", "sighed", "recounted", "conceded",
        "adding", "saying", "noting", "warning", "arguing", "insisting", "explaining", "stressing",
        "expressed", "exclaimed", "exclaims", "yelled", "screamed", "muttered", "mumbled", "boasted",
        "bragged",
    ),
    "es": (
        "dijo", "dice", "afirmó", "afirma", "declaró", "declara", "señaló", "señala", "explicó",
        "explica", "aseguró", "asegura", "añadió", "agregó", "indicó", "indica", "manifestó",
        "sostuvo", "advirtió", "subrayó", "destacó", "apuntó", "comentó", "insistió", "respondió",
        "precisó", "reconoció", "anunció", "escribió", "incide", "recalcó", "remarcó", "lamentó",
        "criticó", "añadiendo", "agregando", "señalando", "denunció", "denunciaron", "dijeron",
        "afirmaron", "aseguraron", "explicaron", "señalaron", "declararon", "advirtieron",
    ),
    "fr": (
        "a déclaré", "a dit", "a affirmé", "a ajouté", "a expliqué", "a indiqué", "a souligné",
        "a précisé", "a assuré", "a estimé", "a averti", "a répondu", "a annoncé", "a écrit",
        "a insisté", "a confié", "a martelé", "déclare", "dit", "affirme", "ajoute", "explique",
        "indique", "souligne", "précise", "assure", "estime", "déclarait", "répond",
        "a réagi", "a lancé", "a rappelé", "a reconnu", "a regretté", "a dénoncé", "a jugé",
        "a commenté", "a poursuivi", "a conclu", "a admis", "a prévenu", "a plaidé", "a observé",
        "a avancé", "a détaillé", "a insisté", "a relevé", "détaille", "relève", "ajoute", "ajoutant", "précisant", "soulignant", "estimant",
    ),
    "de": (
        "sagte", "sagt", "erklärte", "erklärt", "betonte", "betont", "fügte", "meinte",
        "meint", "teilte", "warnte", "warnt", "sagten", "erklärten", "schrieb",
        "antwortete", "kündigte", "bekräftigte", "unterstrich", "ergänzte", "räumte",
    ),
    "it": (
        "ha detto", "ha dichiarato", "ha affermato", "ha aggiunto", "ha spiegato", "ha sottolineato",
        "dice", "ha annunciato", "ha scritto", "ha risposto",
    ),
    "pt": ("disse", "afirmou", "declarou", "explicou", "acrescentou", "ressaltou", "destacou"),
}

# Cues learned from PolNeAR train (``python -m eval polnear --learn-cues``): one-word cues whose content
# held quote marks at least twice and in at least 30% of their uses. Those not already above are read
# only next to a quotation ("“…,” some protesters chanted"), never as reported speech on their own: a
# verb like "blamed" or "began" attributes quoted words, but "X began the talks" is no statement.
LEARNED_CUES = (
    "said", "told", "says", "added", "wrote", "called", "saying", "tweeted", "adding", "continued",
    "calling", "telling", "replied", "explained", "responded", "described", "declared", "stated", "writes",
    "calls", "tells", "notes", "concluded", "read", "pledged", "warned", "insisted", "promised", "reads",
    "accuses", "adds", "admitted", "remarked", "assured", "blamed", "chanted", "describes", "explaining",
    "promises", "shouted", "vowed", "asks", "blasted", "chanting", "concludes", "continues", "declaring",
    "joked", "remarking", "stating", "writing", "yelled", "accusing", "admits", "answered", "asserted",
    "boasted", "comment", "complained", "conceded", "credited", "emphasized", "insisting", "interjected",
    "lamented", "mocked", "states", "thanked", "barked", "began", "chants", "chiding", "demanded",
    "discussing", "dubbed", "emailed", "implied", "portraying", "praising", "proclaimed", "pronounced",
    "published", "quipped", "quoted", "quotes", "responds", "retweeted", "shared", "state", "tweeting",
    "warning", "warns", "wondered",
)

# Verbs that put someone's words into a reporter's sentence: "described X as “...”", "called it “...”".
FRAMING_VERBS = (
    "described", "describes", "called", "calls", "termed", "dubbed", "labelled", "labeled",
    "thanked", "praised", "hailed", "branded", "characterised", "characterized", "denounced",
    "criticised", "criticized", "welcomed", "referred", "lauded", "slammed", "mocked", "spoke",
    "calificó", "describió", "llamó", "a qualifié", "a salué", "a remercié", "bezeichnete", "nannte",
    "lobte", "dankte", "sprach", "kritisierte", "a qualifié", "calificaron",
    # plural and present forms: "Kritiker nannten den Entwurf „…“", "Les associations dénoncent « … »"
    "nannten", "bezeichneten", "kritisierten", "lobten", "forderten", "forderte", "dénoncent", "dénonce",
    "qualifient", "saluent", "criticaron", "criticó", "tildaron", "tildó", "exigieron", "exigió",
)

# Nouns-of-speech that make a "according to" / report attribution.
ACCORDING_TO = {
    "en": ("according to", "citing", "as reported by", "quoted by", "in the words of"),
    "es": ("según", "de acuerdo con", "citando a"),
    "fr": ("selon", "d'après", "d’après", "citant"),
    "de": ("laut", "nach Angaben", "zufolge", "wie"),
    "it": ("secondo", "stando a"),
    "pt": ("segundo", "de acordo com"),
}

PRONOUNS_PERSON = {
    "he", "she", "him", "her", "él", "ella", "il", "elle", "er", "sie", "lui", "lei", "ele", "ela",
}
PRONOUNS_GROUP = {"they", "it", "ellos", "ellas", "ils", "elles", "loro", "eles"}

# Titles written before a name ("Secretary of State Marco Rubio"). Longest first when matching.
TITLES = (
    "Secretary of State", "Secretary of Defense", "Secretary of Defence", "Secretary-General",
    "Secretary General", "Treasury Secretary", "Foreign Secretary", "Home Secretary",
    "Defence Secretary", "Defense Secretary", "Press Secretary", "Deputy Prime Minister",
    "Prime Minister", "Chief Minister", "Foreign Minister", "Finance Minister", "Defence Minister",
    "Defense Minister", "Interior Minister", "Health Minister", "Trade Minister", "Economy Minister",
    "Minister", "Vice President", "President", "Chancellor", "Governor", "Deputy Governor",
    "Senator", "Sen.", "Rep.", "Representative", "Congressman", "Congresswoman", "Mayor",
    "Crown Prince", "King", "Queen", "Prince", "Pope", "Field Marshal", "General", "Gen.",
    "Lieutenant General", "Lt. Gen.", "Admiral", "Colonel", "Col.", "Major", "Captain", "Capt.",
    "Chief Justice", "Justice", "Judge", "Ambassador", "Spokesperson", "Spokesman", "Spokeswoman",
    "Chairman", "Chairwoman", "Chair", "Chief Executive", "CEO", "Director-General", "Director",
    "Commissioner", "Professor", "Prof.", "Coach", "Sheikh", "Emir", "Speaker", "Attorney General",
    "Bundeskanzler", "Bundeskanzlerin", "Kanzler", "Kanzlerin", "Präsident", "Präsidentin",
    "Ministerpräsident", "Ministerpräsidentin", "Ministerin", "Sprecher", "Sprecherin", "Chefin",
    "Chef", "Bürgermeister", "Bürgermeisterin",
    # descriptors a sentence may open with: "Striker Leo Mancini", "Coach Elena Ruiz"
    "Striker", "Goalkeeper", "Defender", "Midfielder", "Forward", "Winger", "Manager", "Actor",
    "Actress", "Singer", "Rapper", "Author", "Novelist", "Writer", "Economist", "Analyst",
    "Scientist", "Researcher", "Lawyer", "Attorney", "Officer", "Detective", "Sergeant", "Inspector",
    "Founder", "Co-founder", "Editor", "Correspondent", "Activist", "Bishop", "Archbishop",
    "Cardinal", "Rabbi", "Imam", "Dean", "Principal", "Envoy", "Adviser", "Advisor", "Prosecutor",
    "Candidate", "Astronaut", "Grandmaster", "Nominee", "Pilot", "Designer", "Artist", "Poet",
    "Historian", "Epidemiologist", "Physicist", "Biologist", "Surgeon", "Nurse", "Sheriff",
    "Councillor", "Councilman", "Councilwoman", "Assemblyman", "Assemblywoman", "Lawmaker",
    "Legislator", "MP", "MEP", "Premier", "Treasurer", "Pastor", "Reverend", "Rev.", "Cllr",
    # vox-pop descriptors: "Passenger Yara Haddou", "Resident Tom Ek"
    "Passenger", "Witness", "Resident", "Survivor", "Student", "Voter", "Shopper", "Fan", "Farmer",
    "Teacher", "Driver", "Worker", "Owner", "Vendor", "Volunteer", "Neighbour", "Neighbor", "Patient",
)
# "Transport Secretary", "Police Chief", "Health Commissioner": a capitalised word plus one of these.
COMPOUND_TITLE_HEADS = ("Secretary", "Minister", "Commissioner", "Director", "Chief", "Officer", "Leader",
                        "Spokesman", "Spokeswoman", "Spokesperson", "Governor", "Adviser", "Advisor")
# Lower-case nouns that end a descriptor before a name: "Opposition leader", "Central bank governor".
LOWER_DESCRIPTORS = (
    "leader", "governor", "scientist", "executive", "chief", "spokesperson", "spokesman",
    "spokeswoman", "president", "minister", "secretary", "director", "economist", "analyst", "lawyer",
    "officer", "commander", "coach", "captain", "striker", "chairman", "chairwoman", "founder", "head",
    "boss", "mayor", "professor", "researcher", "expert", "strategist", "manager", "negotiator",
    "envoy", "ambassador", "adviser", "advisor", "official", "prosecutor", "judge", "senator",
    "candidate", "chair", "forward", "goalkeeper", "midfielder", "defender", "champion", "player",
    "ministro", "ministra", "presidente", "presidenta", "ministre", "président", "présidente",
)
HONORIFICS = ("Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Ms", "Dr", "Herr", "Frau", "M.", "Mme", "Me", "Sr.", "Sra.")
# Lower-case titles of fr/es/it/de that precede a capitalised name ("le ministre Jean Dupont").
LOWER_TITLES = (
    "le président", "la présidente", "le ministre", "la ministre", "le Premier ministre",
    "la Première ministre", "le porte-parole", "la porte-parole", "le gouverneur", "le maire",
    "el presidente", "la presidenta", "el ministro", "la ministra", "el portavoz", "la portavoz",
    "el gobernador", "la gobernadora", "el alcalde", "la alcaldesa", "il presidente", "il ministro",
    "la premier", "il premier", "o presidente", "a presidente", "o ministro",
    "secretary of state", "prime minister", "president", "minister", "spokesperson", "spokesman",
    "spokeswoman", "army chief", "chief executive", "governor",
)
# German compounds: EZB-Präsidentin, Finanzminister, Regierungssprecher.
DE_TITLE_SUFFIXES = ("präsident", "präsidentin", "minister", "ministerin", "sprecher", "sprecherin", "chef",
                     "chefin", "kanzler", "kanzlerin", "kandidat", "kandidatin", "vorsitzende", "vorsitzender",
                     "leiter", "leiterin", "direktor", "direktorin", "bürgermeister", "bürgermeisterin",
                     "sekretär", "sekretärin", "präses", "gouverneur")

# Head nouns of a speaker that is not a named person ("the minister", "the US embassy").
SPEAKER_NOUNS = {
    "minister", "ministers", "president", "secretary", "spokesperson", "spokesman", "spokeswoman",
    "official", "officials", "company", "firm", "ministry", "embassy", "government", "police",
    "department", "agency", "office", "bank", "army", "military", "statement", "report",
    "analyst", "analysts", "economist", "economists", "source", "sources",
    "chancellor", "governor", "mayor", "prosecutor", "prosecutors", "court", "judge", "union",
    "committee", "commission", "council", "white house", "kremlin", "leader", "chief",
    "organisation", "organization", "group", "service", "authorities", "authority", "board",
    "regulator", "insurer", "carrier", "airline", "manufacturer", "retailer", "operator",
    "broadcaster", "newspaper", "daily", "channel", "website", "transcript", "figures",
    "data", "statistics", "survey", "poll", "study", "researchers", "scientists", "experts",
    "lawyer", "lawyers", "attorney", "attorneys", "witness", "witnesses", "residents", "founder",
    "coach", "captain", "ceo", "director", "chairman", "chairwoman", "director-general",
    "secrétaire", "secretaria", "secretario", "avocat", "avocate", "abogado", "abogada", "anwalt",
    "anwältin", "procureur", "fiscal", "organización", "asociación", "colectivo", "collective",
    "association", "collectif", "federación", "fédération", "centre", "center", "alert", "city",
    "policymakers", "lawmakers", "regulators", "unions", "directeur", "directrice",
    "directora", "dirigeant", "dirigeante", "responsable", "porte-parole", "staatsanwalt",
    "staatsanwältin", "guard", "consejero", "consejera", "conseller", "concejal", "diputado", "diputada",
    "senador", "senadora", "vecinos", "vecinas", "habitants", "anwohner", "opposition", "oposición",
    "opposizione", "député", "députée", "sprecherin", "vorsitzende", "vorsitzender",
    "reporter", "reporters", "journalist", "journalists", "jury", "panel", "organisers", "organizers",
    "representative", "representatives", "diplomat", "diplomats", "doctors", "doctor", "teachers",
    "ministro", "ministra", "presidente", "presidenta", "portavoz", "gobierno", "ministerio",
    "ministre", "président", "présidente", "gouvernement", "ministère",
    "regierung", "ministerium", "sprecher", "präsident", "präsidentin",
}
# Nouns that make the source a document rather than a person ("a Dawn report said").
REPORT_NOUNS = {"report", "reports", "newspaper", "daily", "broadcaster", "channel", "website", "agency",
                "transcript", "survey", "poll", "study", "data", "figures", "statistics", "document",
                "documents", "filing", "memo", "letter"}
OFFICE_NOUNS = {"office", "spokesperson", "spokesman", "spokeswoman", "spokespeople", "ministry",
                "secretariat", "press office", "aides", "aide", "camp", "team", "campaign"}

# Capitalised words that are never a speaker's name on their own.
NOT_NAMES = {
    # German sentence adverbs before an inverted verb ("Gestern nannte …"): never a speaker's name
    "Gestern", "Heute", "Zudem", "Außerdem", "Damals", "Trotzdem", "Deshalb", "Daher", "Jetzt", "Zuvor",
    "Bereits", "Danach", "Dabei", "Allerdings", "Inzwischen", "Zuletzt", "Stattdessen",
    "The", "A", "An", "In", "On", "At", "But", "And", "Or", "If", "When", "While", "After", "Before",
    "During", "Earlier", "Later", "This", "That", "These", "Those", "It", "He", "She", "They", "We",
    "I", "You", "His", "Her", "Their", "Our", "My", "Its", "There", "Here", "Meanwhile", "However",
    "Also", "Last", "Next", "According", "As", "For", "From", "To", "With", "Without", "By", "Of",
    *ENGLISH_CALENDAR_NAMES,  # "January", "Sept.", "Monday"
    "Today", "Yesterday", "Tomorrow", "Speaking", "Asked", "Both",
    "Some", "Many", "Most", "All", "No", "Yes", "Still", "Yet", "So", "Then", "Now", "Why", "What",
    "How", "Who", "Where", "Although", "Though", "Because", "Since", "Until", "Under", "Over",
    "Der", "Die", "Das", "Ein", "Eine", "Le", "La", "Les", "Un", "Une", "El", "Los", "Las", "Il",
    "Lo", "Gli", "Según", "Selon", "Laut",
}
# Words that may end a capitalised run without being part of a name ("… Rubio Saturday").
NOT_NAME_ENDS = {w for w in NOT_NAMES if w not in {"Le", "La", "Lo", "El", "Il", "Der", "Die", "Das", "Les",
                                                     "Los", "Las", "Un", "Une", "Gli", "May", "So", "Still"}}
ORG_WORDS = {
    "Bank", "Council", "Ministry", "Department", "Agency", "Organization", "Organisation", "Office",
    "Corporation", "Corp", "Inc", "Ltd", "Group", "Company", "Party", "Association", "Union",
    "Commission", "Committee", "Court", "Assembly", "Nations", "Fund", "Institute", "University",
    "Times", "News", "Post", "Journal", "Press", "Metals", "Works", "House", "Reserve", "Service",
    "Authority", "Board", "Federation", "League", "Club", "Airlines", "Motors", "Foods", "Army",
    "Police", "Government", "Parliament", "Senate", "Congress", "Embassy", "Foundation", "Network",
    "Bundesbank", "Zentralbank", "Regierung", "Partei", "Gobierno", "Ministerio", "Banco",
    "Gouvernement", "Ministère", "Banque", "States", "Kingdom", "Republic", "Street", "Province",
    # places: a speaker is never "Kinneloa Canyon Road"
    "Road", "Avenue", "Drive", "Boulevard", "Highway", "Canyon", "River", "Lake",
    "Mountain", "Mountains", "Valley", "Bridge", "County", "City", "Island", "Islands", "Beach",
    "Hills", "Airport", "Station", "Square", "Centre", "Center", "Stadium", "Arena", "Ocean",
    "Sea", "Bay", "Coast", "Peninsula", "Desert", "Forest", "Fire", "Cup", "Trophy", "Championship",
    "Open", "Games", "Prize", "Award", "Index", "Exchange", "Market", "Markets", "Rate", "Act", "Bill",
}
PLACES = {
    "Pakistan", "India", "Afghanistan", "China", "Russia", "Ukraine", "Israel", "Gaza", "Iran", "Iraq",
    "Washington", "Islamabad", "London", "Paris", "Berlin", "Madrid", "Rome", "Moscow", "Beijing",
    "Delhi", "New Delhi", "Frankfurt", "Brussels", "Tokyo", "Europe", "America", "Africa", "Asia",
    "Britain", "France", "Germany", "Spain", "Italy", "Japan", "Canada", "Mexico", "Brazil",
    "Turkey", "Egypt", "Syria", "Lebanon", "Kabul", "Karachi", "Lahore", "Mumbai", "US", "U.S.",
    "UK", "EU", "UN", "USA", "Valencia", "Iceland", "Texas", "California", "Florida",
}


def quote_only_cues(lang: str | None) -> frozenset[str]:
    """The learned cues (English) that are neither speech nor framing verbs above: read only beside a quote."""
    if lang not in (None, "en"):
        return frozenset()  # "comment" is French for "how"; the cues were learned on English news
    known = set(SPEECH_VERBS["en"]) | set(FRAMING_VERBS)
    return frozenset(c for c in LEARNED_CUES if c not in known)


def speech_verbs(lang: str | None) -> tuple[str, ...]:
    """Speech verbs for ``lang`` plus English (reports often mix, and English is the fallback)."""
    verbs = list(SPEECH_VERBS["en"])
    if lang and lang != "en":
        verbs = list(SPEECH_VERBS.get(lang, ())) + verbs
    elif not lang:
        for other in ("es", "fr", "de", "it", "pt"):
            verbs += SPEECH_VERBS[other]
    return tuple(dict.fromkeys(verbs))

# Head nouns of an unnamed single person ("la alcaldesa", "le procureur", "the minister"): a later "she",
# or a verb with no subject ("», incide."), can point back to them.
PERSON_ROLE_NOUNS = {
    "minister", "president", "secretary", "spokesperson", "spokesman", "spokeswoman", "mayor", "governor",
    "chancellor", "prosecutor", "judge", "lawyer", "leader", "founder",
    "alcalde", "alcaldesa", "ministro", "ministra", "presidente", "presidenta", "portavoz", "consejero",
    "consejera", "concejal", "concejala", "abogado", "abogada", "juez", "jueza", "gobernador",
    "gobernadora", "maire", "ministre", "président", "présidente", "porte-parole", "avocat", "avocate",
    "procureur", "procureure", "juge", "préfet", "préfète", "sprecher", "sprecherin", "ministerin",
    "bürgermeister", "bürgermeisterin", "kanzler", "kanzlerin", "präsident", "präsidentin", "anwalt",
    "anwältin", "staatsanwalt", "staatsanwältin", "richter", "richterin",
}
