"""Word lists for the name finder: titles, organisation words, known organisations, and the capitalised
function words that start sentences but are never names ("The", "But", "Während").

Kept apart from the finder so the lists can grow without touching the logic.
"""

from __future__ import annotations

# Titles and roles that precede a person's name; longest first when matching.
TITLES = frozenset(
    """
    Secretary of State|Secretary of Defense|Secretary of the Treasury|Treasury Secretary|Defence Secretary|Defense Secretary
    Home Secretary|Foreign Secretary|Secretary-General|Secretary General|Secretary
    Prime Minister|Deputy Prime Minister|Foreign Minister|Finance Minister|Defence Minister|Defense Minister
    Interior Minister|Chief Minister|Minister|Chancellor|Vice Chancellor|Vice President|President|President-elect
    Field Marshal|General|Gen.|Lt. Gen.|Lieutenant General|Major General|Maj. Gen.|Admiral|Colonel|Col.|Captain|Capt.
    Governor|Gov.|Deputy Governor|Senator|Sen.|Representative|Rep.|Congressman|Congresswoman|Mayor|Judge|Justice
    Chief Justice|Prosecutor|Public Prosecutor|Attorney General|King|Queen|Prince|Princess|Pope|Sheikh|Emir|Crown Prince|Ambassador|Commissioner|Speaker
    Chairman|Chairwoman|Chair|Chief Executive|CEO|Director|Director-General|Director General|Spokesperson|Spokesman
    Chief Economist|Economist|Professor|Prof.|Dr.|Dr|Mr.|Mr|Mrs.|Mrs|Ms.|Ms|Sir|Dame|Lord|Lady|Coach|Chief
    Army Chief|Chief of Army Staff|Leader|Opposition Leader|Majority Leader|Minority Leader|Majority Whip|Minority Whip|Premier|Ministerpräsident|Bundeskanzler|Kanzler
    Kanzlerin|Präsident|Präsidentin|Bundespräsident|Minister|Ministerin|Finanzminister|Bürgermeister|Bürgermeisterin
    Presidente|Primer Ministro|Ministro|Ministra|Presidenta|Alcalde|Alcaldesa|Juez|Jueza|Rey|Reina
    Président|Présidente|Premier ministre|Ministre|Maire|Juge|Sénateur
    Presidente del Consiglio|Ministra|Sindaco|Governatore|Gouverneur|Gouverneure
    Chief Executive Officer|Chief Financial Officer|Chief Operating Officer|Chief Technology Officer
    Councillor|Councilor|Councilman|Councilwoman|Council Member|Councilmember|Alderman|Alderwoman|Assemblyman
    Assemblywoman|Assemblymember|Sheriff|Deputy|Detective|Inspector|Chief Inspector|Superintendent|Sergeant|Sgt.
    Constable|Officer|Police Officer|Fire Chief|Police Chief|Fire Marshal|Fire Commissioner|Police Commissioner
    Battalion Chief|Deputy Chief|Assistant Chief|County Executive|Supervisor|Trustee|Rabbi|Father|Reverend|Rev.
    Bishop|Archbishop|Imam|Passenger|Witness|Resident|Survivor|Neighbour|Neighbor|Driver|Pilot|Firefighter
    Paramedic|Nurse|Doctor|Student|Teacher|Farmer|Shopkeeper|Activist|Lawyer|Attorney|Analyst|Historian
    Consejero|Consejera|Concejal|Concejala|Portavoz|Conseiller|Conseillère|Stadtrat|Stadträtin
    """.replace("\n", "|").split("|")
) - {""}
TITLES = frozenset(t.strip() for t in TITLES if t.strip())
TITLE_TOKENS = {tuple(t.split()) for t in TITLES}
MAX_TITLE_LEN = max(len(t) for t in TITLE_TOKENS)
# one-word titles that are also ordinary words or parts of names ("Billie Jean King", "General Election")
AMBIGUOUS_TITLES = frozenset(
    """King Queen Prince Princess General Chief Leader Director Speaker Chair Coach Captain Justice Premier Lord
    Lady Judge Economist Professor Emir Sheikh Pope Deputy Detective Inspector Officer Supervisor Trustee Father
    Bishop Passenger Witness Resident Survivor Neighbour Neighbor Driver Pilot Firefighter Paramedic Nurse
    Doctor Student Teacher Farmer Shopkeeper Activist Lawyer Attorney Analyst Historian Constable Sheriff
    Superintendent Reverend Portavoz""".split()
)
HONORIFICS = frozenset({"Mr.", "Mr", "Mrs.", "Mrs", "Ms.", "Ms", "Dr.", "Dr", "Sir", "Dame", "Prof."})
# Titles and name suffixes written short with a full stop ("Mr.", "Sen.", "Jr."): the stop ends no sentence
# and belongs to the word (analyze.quotes, analyze.names).
TITLE_ABBREVIATIONS = frozenset(
    "Mr Mrs Ms Dr Rep Reps Sen Sens Gov Lt Gen Col Capt Cmdr Adm Maj Sgt Prof Rev Hon St Jr Sr Atty Amb Supt".split())
# German role compounds: "EZB-Präsidentin", "Bundesfinanzminister"
DE_TITLE_SUFFIXES = ("präsident", "präsidentin", "minister", "ministerin", "kanzler", "kanzlerin", "chef", "chefin",
                     "sprecher", "sprecherin", "vorsitzende", "vorsitzender", "bürgermeister", "bürgermeisterin",
                     "sekretär", "sekretärin", "chefin", "leiter", "leiterin", "kandidat", "kandidatin", "direktor",
                     "direktorin", "beauftragte", "beauftragter", "abgeordnete", "abgeordneter")

ORG_WORDS = frozenset(
    """Bank Banks Organization Organisation Ministry Council Committee Agency Inc Inc. Corp Corp. Corporation Group
    Department Association Union Party Court Commission Fund Authority Institute Institution University College
    Company Co. Ltd Ltd. LLC PLC plc Board Office Service Services Forces Army Navy Police Parliament Assembly Senate
    Congress Federation Foundation Airlines Airways Motors Metals Industries Holdings Partners Capital Securities
    Exchange Reserve Society Club Network News Times Post Journal Press Media Television Radio Administration
    Cabinet Government Tribunal League Centre Center Hospital School Church Movement Alliance Coalition Laboratories
    Labs Technologies Systems Energy Foods Brands Brand Workers Machinists Guard Bureau Secretariat Nations Trust
    Federal Cooperation Corporation Command Directorate Division Unit Team Games Cup Championships Tournament
    Banco Ministerio Gobierno Agencia Consejo Comisión Comité Partido Universidad Ayuntamiento Generalitat Guardia
    Ejército Unidad Policía Junta Cortes Congreso Sindicato Empresa Fundación Asociación Banque Ministère Conseil
    Cour Agence Parti Gouvernement Université Assemblée Syndicat Société Fondation Ministerium Partei Regierung
    Gericht Rat Kommission Bundesbank AG GmbH SE Verband Gewerkschaft Konzern Stiftung Banca Ministero Consiglio
    Governo Commissione Partito Tribunale Sindacato Fondazione Instituto Institut Istituto Servicio Centro
    Chemicals Pharmaceuticals Railways Electronics Studios Chamber Incorporated""".split()
)
PLACE_WORDS = frozenset(
    """County Province District Region Valley Island Islands River Mountains Peninsula Strait Sea Ocean Bay
    Coast Lake Provincia Comunidad Región Département Landkreis Bundesland Canyon Road Street Avenue Drive Boulevard
    Highway Freeway""".split()
)
DE_ORG_SUFFIXES = ("bank", "ministerium", "partei", "gericht", "amt", "kommission", "regierung", "verband",
                   "gewerkschaft", "konzern", "behörde", "rat", "tag")

KNOWN_ORGS = {
    "ECB": "European Central Bank", "EZB": "European Central Bank", "BCE": "European Central Bank",
    "Fed": "Federal Reserve", "RBI": "Reserve Bank of India", "BoE": "Bank of England", "BOE": "Bank of England",
    "IMF": "International Monetary Fund", "FMI": "International Monetary Fund", "IWF": "International Monetary Fund",
    "WHO": "World Health Organization", "OMS": "World Health Organization", "WTO": "World Trade Organization",
    "UN": "United Nations", "ONU": "United Nations", "UNO": "United Nations", "NATO": "NATO", "OTAN": "NATO",
    "FAA": "Federal Aviation Administration", "NASA": "NASA", "SpaceX": "SpaceX", "Boeing": "Boeing",
    "Airbus": "Airbus", "Reuters": "Reuters", "Bloomberg": "Bloomberg", "AFP": "AFP", "AP": "Associated Press",
    "PTI": "PTI", "ANI": "ANI", "EFE": "EFE", "dpa": "dpa", "BBC": "BBC", "CNN": "CNN", "FBI": "FBI", "CIA": "CIA",
    "Pentagon": "Pentagon", "Kremlin": "Kremlin", "White House": "White House", "Bundestag": "Bundestag",
    "Kellanova": "Kellanova", "BJP": "BJP", "CDU": "CDU", "CSU": "CSU", "SPD": "SPD", "AfD": "AfD", "FDP": "FDP",
    "ICC": "International Cricket Council", "BCCI": "BCCI", "USDA": "USDA", "CDC": "CDC", "FSIS": "FSIS",
    "MPC": "Monetary Policy Committee", "SEC": "SEC", "FTC": "FTC", "OPEC": "OPEC", "IAM": "IAM",
    "Dawn": "Dawn", "Tesla": "Tesla", "Google": "Google", "Apple": "Apple", "Microsoft": "Microsoft",
    "Amazon": "Amazon", "Meta": "Meta", "OpenAI": "OpenAI", "Europol": "Europol", "Interpol": "Interpol",
}
# acronyms and all-caps words that are not organisations
NOT_ACRONYMS = frozenset(
    """CEO CFO COO CTO GDP CPI EMI MoU MOU COVID AI TV PM MP MLA OK USD EUR GBP INR JPY CHF CNY FY PC PR HR IT
    ID UTC GMT EST EDT ET PT IST CET CEST BST AM PM NEWS UPDATE LIVE VIDEO PHOTO WATCH READ MORE ALSO NEW BREAKING
    EXCLUSIVE I II III IV V VI VII VIII IX X XI XII LNG EV EVS RSS URL PDF CRR SLR SDF MSF LAF GST VAT ETF IPO
    CAGR YOY QOQ BPS BP MPH KM RAM DNA HIV OBC SC ST Q1 Q2 Q3 Q4 H1 H2 UK US USA EU UAE UN""".split()
)

# Capitalised words that start sentences (or headlines) but are not names on their own.
STOPWORDS = frozenset(
    """The A An But And Or Nor So Yet During In On At For With From By After Before While When Whenever If As It
    Its He She They We I You This That These Those There Here His Her Their Our My Your What Who Whom Whose Which
    Where Why How Also However Meanwhile Earlier Later Now Then Today Tonight Yesterday Tomorrow According Although
    Though Since Until Under Over About More Most Some Many Much Both All Each Every No Not Yes Read Click Share
    Photo Image Watch Related Subscribe Advertisement Still Even Only Just Last Next First Second Third Fourth
    Fifth Final Breaking Update Updated Live Follow Sign Log Home Top Latest Video Videos Photos Credit Source Via
    Editor Editing Reporting Writing Additional Despite Instead Among Amid Against Without Within Through Throughout
    Following Regarding Including Like Unlike Once Twice Another Other Such Several Few Any Either Neither Whether
    Because Therefore Thus Hence Indeed Moreover Furthermore Nevertheless Nonetheless Overall Finally Lastly Again
    Already Never Always Often Sometimes Perhaps Maybe Please Thank Thanks Dear Hello Well Oh Let Let's Do Does Did
    Is Are Was Were Be Been Has Have Had Will Would Could Should May Might Must Can Cannot Shall To Of Off Up Down
    Out Into Onto Upon Near Nearly Around Almost Roughly Approximately Per Via Vs Mr Mrs Ms Dr Sir
    El La Los Las Lo Un Una Unos Unas Pero Y O En Con Por Para Según Durante Tras Este Esta Estos Estas Ese Esa
    Al Del De Desde Hasta Sin Sobre Entre Como Cuando Donde Que Qué Quien Hoy Ayer Mañana Ya Aunque Además Así
    Le Les Des Du Une Mais Et Ou Dans Pour Avec Selon Après Avant Ce Cette Ces Il Elle Ils Elles Nous Vous On Aux
    Au Sur Sous Chez Depuis Pendant Lors Alors Aussi Ainsi Hier Aujourd'hui Aujourd’hui Demain Enfin Déjà Plus
    Der Die Das Den Dem Des Ein Eine Einen Einem Einer Und Aber Oder Im Am Auf Mit Nach Vor Bei Für Laut Auch Es
    Sie Er Wir Ich Ihr Bis Seit Während Wegen Trotz Zum Zur Vom Beim Ins Ans Heute Gestern Morgen Dabei Damit
    Danach Dann Doch Noch Schon Nun Jetzt Hier Dort Wie Wo Was Wer Warum Weil Wenn Als Ob Dass Diese Dieser Dieses
    Jedoch Zudem Außerdem Insgesamt Zunächst Bereits Gleichzeitig
    Il Lo Gli Nel Nella Della Dello Degli Delle Dopo Secondo Anche Ma Perché Oggi Ieri Domani Questo Questa
    Ecco Già""".split()
)
LANGUAGE_WORDS = frozenset(
    """English Spanish French German Italian Hindi Urdu Arabic Chinese Russian Portuguese Bengali Marathi Greek
    Japanese Korean Turkish Persian Punjabi Tamil Telugu Dutch Polish Swedish""".split()
)
# words after which a following name is a person ("said Rubio", "according to Rubio")
SPEECH_AFTER = r"(?:said|says|told|added|stated|wrote|noted|explained|warned|argued|insisted|replied|responded|" \
    r"announced|declared|tweeted|posted|dijo|afirmó|declaró|explicó|aseguró|señaló|indicó|a déclaré|a dit|" \
    r"a affirmé|a expliqué|a annoncé|sagte|erklärte|betonte|sagt|ha detto|ha dichiarato|ha spiegato)"
SPEECH_BEFORE = r"(?:said|says|told|added|according to|dijo|según|afirmó|selon|a déclaré|laut|sagte|erklärte|secondo)"
ROLE_NOUNS = (
    r"(?:chief|minister|president|governor|spokesperson|spokesman|spokeswoman|head|leader|director|secretary|"
    r"mayor|judge|lawyer|attorney|analyst|economist|player|champion|captain|coach|defendant|husband|wife|son|"
    r"daughter|mother|father|brother|sister|CEO|chairman|chairwoman|founder|officer|official|commander|envoy|"
    r"ambassador|senator|astronaut|engineer|professor|researcher|scientist|founder|billionaire|star|"
    r"presidente|presidenta|alcaldesa|alcalde|ministro|ministra|portavoz|jefe|jefa|consejero|consejera|"
    r"président|présidente|ministre|maire|porte-parole|juge|avocat|avocate|accusé|victime|"
    r"Präsident|Präsidentin|Chef|Chefin|Sprecher|Sprecherin|Vorsitzende|Vorsitzender)"
)

# Common given names (many cultures). A run of two or three plain capitalised words that starts with one
# of these is a person even without a title or a speech verb ("Carlos Alcaraz won"). Kept short on
# purpose: names that are also ordinary words or places (Will, Mark, Grace, Paris, Jordan) are left out.
GIVEN_NAMES = frozenset(
    """Aaron Abdul Abdullah Adam Adrian Ahmed Ahmad Aisha Alan Albert Alberto Alejandro Alessandro Alex Alexander
    Alexandra Alexis Ali Alice Alicia Alina Amanda Amelia Amit Ana Anders Andrea Andreas Andrei Andrés Andrew
    Andrzej Angela Angelo Anil Anita Ann Anna Anne Annalena Anthony Antoine Antonio Anrich Arjun Armin Arthur
    Asim Axar Barbara Ben Benjamin Bernard Bernd Björn Boris Brian Bruno Carl Carla Carlos Carmen Caroline
    Carsten Catherine Charles Charlotte Chloe Chris Christian Christiane Christina Christine Christopher Claire
    Claudia Daniel Daniela Daryl David Deepak Dennis Diana Diego Dmitry Dominic Dominique Donald Dorothy Edward
    Elena Elias Elisabeth Elizabeth Elon Emily Emma Emmanuel Enrique Eric Erik Ernesto Eva Fabian Fatima Felipe
    Felix Fernando Florian Francesca Francesco Francisco François Frank Franz Friedrich Gabriel Gabriela
    Gautam George Georg Gérald Gerhard Giorgia Giovanni Gisèle Giuseppe Gregory Guillaume Günter Hans Harold
    Harry Hassan Heinrich Helen Helena Henrik Henry Hugo Hussein Ian Igor Imran Inès Irene Isabel Isabella
    Ivan Jacob Jakob James Jan Jane Janet Jannik Jasprit Javier Jean Jean-Marc Jean-Pierre Jennifer Jens
    Jeremy Jessica Joachim Joan Joe Johann Johannes John Jonathan Jordi Jorge José Josef Joseph Juan Julia
    Julian Julie Julien Jürgen Karen Karin Karl Kate Katherine Kathrin Keir Keshav Kevin Khalid Klaus Kristin
    Kuldeep Lars Laura Laure Lauren Leonardo Lisa Lorenzo Louis Luca Lucas Lucía Luis Luisa Lukas Manuel
    Marc Marcel Marco Marcus Margaret Maria María Marie Marina Mario Markus Martin Martina Mary Matteo Matthew
    Matthias Max Maximilian Mehmet Michael Michel Michelle Miguel Mikhail Mohamed Mohammad Mohammed Muhammad
    Nadia Narendra Natalia Nicholas Nicola Nicolas Nikolai Nina Nirmala Novak Olaf Olga Oliver Olivia Omar
    Oscar Pablo Patricia Patrick Paul Paula Pedro Peter Philip Philipp Pierre Priya Rachel Rafael Rahul Rajesh
    Ralf Ramón Raúl Rebecca Ricardo Richard Robert Roberto Rohit Rolf Ruth Ryan Sahra Salman Samuel
    Sandra Sanjay Sara Sarah Sebastian Sergei Sergio Shahbaz Shehbaz Shubman Simon Sofia Sophie Stefan
    Stephanie Stephen Steve Steven Susan Suryakumar Sven Tarek Thomas Tim Timothy Tobias Tom Tomás Ursula
    Valentina Valérie Victor Victoria Vincent Viktor Virat Vladimir Walter Werner William Wolfgang Xavier
    Yasmin Yuki Yusuf Zoe""".split()
)
