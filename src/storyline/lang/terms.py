"""Closed word lists of fields where a misspelling or mistranslation is checkable: chemical elements,
countries, capitals, currencies and titles. A word close to an entry, sitting among other entries
of the same list, is probably that entry garbled ("neodymium and presidium")."""

from __future__ import annotations

ELEMENTS = """
hydrogen helium lithium beryllium boron carbon nitrogen oxygen fluorine neon sodium magnesium aluminium
aluminum silicon phosphorus sulfur sulphur chlorine argon potassium calcium scandium titanium vanadium
chromium manganese iron cobalt nickel copper zinc gallium germanium arsenic selenium bromine krypton
rubidium strontium yttrium zirconium niobium molybdenum technetium ruthenium rhodium palladium silver
cadmium indium tin antimony tellurium iodine xenon caesium cesium barium lanthanum cerium praseodymium
neodymium promethium samarium europium gadolinium terbium dysprosium holmium erbium thulium ytterbium
lutetium hafnium tantalum tungsten rhenium osmium iridium platinum gold mercury thallium lead bismuth
polonium astatine radon francium radium actinium thorium protactinium uranium neptunium plutonium
americium curium berkelium californium einsteinium fermium mendelevium nobelium lawrencium
rutherfordium dubnium seaborgium bohrium hassium meitnerium darmstadtium roentgenium copernicium
nihonium flerovium moscovium livermorium tennessine oganesson
""".split()

COUNTRIES = """
afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan bahamas
bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia botswana brazil brunei
bulgaria burundi cambodia cameroon canada chad chile china colombia comoros congo croatia cuba cyprus
czechia denmark djibouti dominica ecuador egypt eritrea estonia eswatini ethiopia fiji finland france
gabon gambia georgia germany ghana greece grenada guatemala guinea guyana haiti honduras hungary
iceland india indonesia iran iraq ireland israel italy jamaica japan jordan kazakhstan kenya kiribati
kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein lithuania luxembourg
madagascar malawi malaysia maldives mali malta mauritania mauritius mexico micronesia moldova monaco
mongolia montenegro morocco mozambique myanmar namibia nauru nepal netherlands nicaragua niger nigeria
norway oman pakistan palau palestine panama paraguay peru philippines poland portugal qatar romania
russia rwanda samoa senegal serbia seychelles singapore slovakia slovenia somalia spain sudan suriname
sweden switzerland syria taiwan tajikistan tanzania thailand togo tonga tunisia turkey turkmenistan
tuvalu uganda ukraine uruguay uzbekistan vanuatu venezuela vietnam yemen zambia zimbabwe
""".split()

CAPITALS = """
kabul tirana algiers luanda yerevan canberra vienna baku manama dhaka minsk brussels thimphu sarajevo
gaborone brasilia sofia phnom ottawa santiago beijing bogota zagreb havana nicosia prague copenhagen
quito cairo tallinn addis helsinki paris tbilisi berlin accra athens budapest reykjavik delhi jakarta
tehran baghdad dublin jerusalem rome kingston tokyo amman astana nairobi kuwait bishkek vientiane riga
beirut tripoli vilnius antananarivo lilongwe kuala lumpur bamako valletta mexico chisinau ulaanbaatar
podgorica rabat maputo naypyidaw windhoek kathmandu amsterdam wellington managua niamey abuja oslo
muscat islamabad panama asuncion lima manila warsaw lisbon doha bucharest moscow kigali riyadh dakar
belgrade singapore bratislava ljubljana mogadishu pretoria seoul madrid colombo khartoum stockholm bern
damascus taipei dushanbe dodoma bangkok tunis ankara ashgabat kampala kyiv kiev london washington
montevideo tashkent caracas hanoi sanaa lusaka harare geneva
""".split()

# Places of more than one word, and seas and oceans: found in the text even when the name extractor
# typed them otherwise or missed them ("over the Turks and Caicos", "the Dominican Republic").
REGIONS = [
    "dominican republic", "turks and caicos", "czech republic", "central african republic", "south africa",
    "new zealand", "united states", "united kingdom", "saudi arabia", "sri lanka", "costa rica", "el salvador",
    "ivory coast", "north korea", "south korea", "puerto rico", "papua new guinea", "trinidad and tobago",
    "bosnia and herzegovina", "united arab emirates", "cayman islands", "canary islands", "balearic islands",
    "atlantic ocean", "pacific ocean", "indian ocean", "arctic ocean", "southern ocean", "caribbean sea",
    "mediterranean sea", "north sea", "baltic sea", "black sea", "red sea", "caspian sea", "south china sea",
    "gulf of mexico", "persian gulf", "bay of bengal", "atlantic", "pacific", "caribbean", "mediterranean",
]

CURRENCIES = """
dollar dollars euro euros pound pounds sterling yen yuan renminbi rupee rupees rupiah ruble rubles
rouble roubles franc francs peso pesos real reais rand krona kronor krone kroner zloty forint lira
dirham dinar dinars riyal rial shekel won baht ringgit dong naira shilling shillings taka lempira
""".split()

TITLES = """
president minister chancellor secretary governor mayor senator ambassador general admiral marshal
commissioner chairman chairwoman chair director spokesman spokeswoman spokesperson prosecutor judge
premier prime king queen prince princess sheikh emir pope bishop archbishop cardinal colonel captain
lieutenant sergeant commander chief councillor councilor deputy lawmaker
""".split()

LEXICONS: dict[str, frozenset[str]] = {
    "chemical element": frozenset(ELEMENTS),
    "country": frozenset(COUNTRIES),
    "capital city": frozenset(CAPITALS),
    "currency": frozenset(CURRENCIES),
    "title": frozenset(TITLES),
}
