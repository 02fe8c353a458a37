"""A hand-written gazetteer: countries (with es/fr/de/it spellings and demonyms), capitals, major cities
and regions. Each entry maps a spelling to (canonical English name, kind), where kind is "country",
"demonym" (canonical is the country) or "place".

Why a list and not a model: place names decide place conflicts between reports, so they must be
recognised the same way every time, in any language, at regex speed.
"""

from __future__ import annotations

from storyline.lang.fold import fold_word

# Canonical | other spellings ; demonyms (comma-free, "|"-separated)
_COUNTRIES = """
Afghanistan|Afganistán|Afghanistán ; Afghan|Afghans|afgano|afghan|afghane|afghanische
Albania|Albanie|Albanien ; Albanian
Algeria|Argelia|Algérie|Algerien ; Algerian
Andorra|Andorre
Angola ; Angolan
Argentina|Argentine|Argentinien ; Argentine|Argentinian|argentino
Armenia|Arménie|Armenien ; Armenian
Australia|Australie|Australien ; Australian|australiano|australien
Austria|Autriche|Österreich ; Austrian|austriaco|autrichien|österreichische
Azerbaijan|Azerbaiyán|Azerbaïdjan|Aserbaidschan ; Azerbaijani
Bahrain|Bahréin|Bahreïn ; Bahraini
Bangladesh ; Bangladeshi
Belarus|Bielorrusia|Biélorussie|Weißrussland ; Belarusian
Belgium|Bélgica|Belgique|Belgien|Belgio ; Belgian|belga|belge
Bhutan|Bhoutan ; Bhutanese
Bolivia|Bolivie|Bolivien ; Bolivian
Bosnia and Herzegovina|Bosnia|Bosnie ; Bosnian
Botswana
Brazil|Brasil|Brésil|Brasilien|Brasile ; Brazilian|brasileño|brésilien
Bulgaria|Bulgarie|Bulgarien ; Bulgarian
Burkina Faso
Cambodia|Camboya|Cambodge|Kambodscha ; Cambodian
Cameroon|Camerún|Cameroun|Kamerun ; Cameroonian
Canada|Canadá|Kanada ; Canadian|canadiense|canadien|kanadische
Chad|Tchad|Tschad ; Chadian
Chile|Chili ; Chilean|chileno
China|Chine|Cina ; Chinese|chino|chinois|chinesische|cinese
Colombia|Colombie|Kolumbien ; Colombian|colombiano
Congo|Democratic Republic of the Congo|DR Congo|DRC ; Congolese
Costa Rica
Croatia|Croacia|Croatie|Kroatien ; Croatian
Cuba|Kuba ; Cuban|cubano
Cyprus|Chipre|Chypre|Zypern ; Cypriot
Czech Republic|Czechia|República Checa|Tchéquie|Tschechien ; Czech
Denmark|Dinamarca|Danemark|Dänemark ; Danish|Dane|danés|danois
Ecuador|Équateur ; Ecuadorian
Egypt|Egipto|Égypte|Ägypten|Egitto ; Egyptian|egipcio|égyptien
El Salvador ; Salvadoran
Estonia|Estonie|Estland ; Estonian
Ethiopia|Etiopía|Éthiopie|Äthiopien ; Ethiopian
Finland|Finlandia|Finlande|Finnland ; Finnish|Finn
France|Francia|Frankreich ; French|francés|français|française|französische|francese
Georgia|Géorgie|Georgien ; Georgian
Germany|Alemania|Allemagne|Deutschland|Germania ; German|alemán|allemand|allemande|deutsche|tedesco
Ghana ; Ghanaian
Greece|Grecia|Grèce|Griechenland ; Greek|griego|grec|griechische
Guatemala ; Guatemalan
Haiti|Haití|Haïti ; Haitian
Honduras ; Honduran
Hungary|Hungría|Hongrie|Ungarn ; Hungarian
Iceland|Islandia|Islande|Island ; Icelandic|islandés|islandais|isländische
India|Inde|Indien|भारत ; Indian|indio|indien|indienne|indische|indiano
Indonesia|Indonésie|Indonesien ; Indonesian
Iran|Irán ; Iranian|iraní|iranien
Iraq|Irak ; Iraqi|iraquí|irakien
Ireland|Irlanda|Irlande|Irland ; Irish|irlandés|irlandais
Israel|Israël ; Israeli|israelí|israélien|israelische
Italy|Italia|Italie|Italien ; Italian|italiano|italien|italienne|italienische
Ivory Coast|Côte d'Ivoire|Côte d’Ivoire ; Ivorian
Jamaica|Jamaïque ; Jamaican
Japan|Japón|Japon|Giappone ; Japanese|japonés|japonais|japanische
Jordan|Jordania|Jordanie|Jordanien ; Jordanian
Kazakhstan|Kazajistán|Kasachstan ; Kazakh
Kenya|Kenia ; Kenyan
Kuwait|Koweït ; Kuwaiti
Kyrgyzstan ; Kyrgyz
Laos ; Lao|Laotian
Latvia|Letonia|Lettonie|Lettland ; Latvian
Lebanon|Líbano|Liban|Libanon ; Lebanese
Libya|Libia|Libye|Libyen ; Libyan
Lithuania|Lituania|Lituanie|Litauen ; Lithuanian
Luxembourg|Luxemburgo|Luxemburg
Madagascar
Malaysia|Malasia|Malaisie ; Malaysian
Maldives|Maldivas ; Maldivian
Mali ; Malian
Malta|Malte ; Maltese
Mexico|México|Mexique|Mexiko|Messico ; Mexican|mexicano|mexicain
Moldova|Moldavia|Moldavie|Moldau ; Moldovan
Mongolia|Mongolie|Mongolei ; Mongolian
Montenegro|Monténégro
Morocco|Marruecos|Maroc|Marokko ; Moroccan|marroquí|marocain
Mozambique|Mosambik ; Mozambican
Myanmar|Burma|Birmania ; Burmese
Namibia|Namibie
Nepal|Népal ; Nepali|Nepalese
Netherlands|Holland|Países Bajos|Pays-Bas|Niederlande|Paesi Bassi ; Dutch|neerlandés|néerlandais|niederländische
New Zealand|Nueva Zelanda|Nouvelle-Zélande|Neuseeland ; New Zealander
Nicaragua ; Nicaraguan
Niger ; Nigerien
Nigeria|Nigéria ; Nigerian
North Korea|Corea del Norte|Corée du Nord|Nordkorea ; North Korean
Norway|Noruega|Norvège|Norwegen ; Norwegian|noruego|norvégien
Oman
Pakistan|Pakistán|पाकिस्तान ; Pakistani|Pakistanis|paquistaní|pakistanais|pakistanische
Palestine|Palestina|Palestinian territories ; Palestinian|palestino|palestinien
Panama|Panamá ; Panamanian
Paraguay ; Paraguayan
Peru|Perú|Pérou ; Peruvian|peruano
Philippines|Filipinas|Philippinen ; Filipino|Philippine
Poland|Polonia|Pologne|Polen ; Polish|Pole|polaco|polonais|polnische
Portugal|Portogallo ; Portuguese|portugués|portugais
Qatar|Katar ; Qatari
Romania|Rumania|Roumanie|Rumänien ; Romanian
Russia|Rusia|Russie|Russland|Russia ; Russian|ruso|russe|russische|russo
Rwanda|Ruanda ; Rwandan
Saudi Arabia|Arabia Saudí|Arabia Saudita|Arabie saoudite|Saudi-Arabien ; Saudi
Senegal|Sénégal ; Senegalese
Serbia|Serbie|Serbien ; Serbian|Serb
Singapore|Singapur|Singapour ; Singaporean
Slovakia|Eslovaquia|Slovaquie|Slowakei ; Slovak
Slovenia|Eslovenia|Slovénie|Slowenien ; Slovenian|Slovene
Somalia|Somalie ; Somali
South Africa|Sudáfrica|Afrique du Sud|Südafrika ; South African|sudafricano
South Korea|Corea del Sur|Corée du Sud|Südkorea|Korea ; South Korean|Korean|surcoreano
South Sudan|Sudán del Sur ; South Sudanese
Spain|España|Espagne|Spanien|Spagna ; Spanish|Spaniard|español|espagnol|espagnole|spanische|spagnolo
Sri Lanka ; Sri Lankan
Sudan|Sudán|Soudan ; Sudanese
Sweden|Suecia|Suède|Schweden|Svezia ; Swedish|Swede|sueco|suédois|schwedische
Switzerland|Suiza|Suisse|Schweiz|Svizzera ; Swiss|suizo|suisse|schweizerische
Syria|Siria|Syrie|Syrien ; Syrian|sirio|syrien
Taiwan|Taiwán ; Taiwanese
Tajikistan ; Tajik
Tanzania|Tanzanie|Tansania ; Tanzanian
Thailand|Tailandia|Thaïlande ; Thai
Tunisia|Túnez|Tunisie|Tunesien ; Tunisian
Turkey|Türkiye|Turquía|Turquie|Türkei|Turchia ; Turkish|turco|turc|türkische
Turkmenistan ; Turkmen
Uganda|Ouganda ; Ugandan
Ukraine|Ucrania|Ucraina ; Ukrainian|ucraniano|ukrainien|ukrainische
United Arab Emirates|UAE|Emiratos Árabes Unidos|Émirats arabes unis ; Emirati
United Kingdom|UK|U.K.|Britain|Great Britain|Reino Unido|Royaume-Uni|Großbritannien|Regno Unito ; British|Briton|británico|britannique|britische|britannico
United States|US|U.S.|USA|U.S.A.|America|Estados Unidos|EE.UU.|EEUU|États-Unis|Etats-Unis|USA|Vereinigte Staaten|Stati Uniti|अमेरिका ; American|Americans|estadounidense|américain|américaine|amerikanische|US-amerikanische|americano
Uruguay ; Uruguayan
Uzbekistan|Uzbekistán|Usbekistan ; Uzbek
Venezuela ; Venezuelan|venezolano
Vietnam|Viet Nam ; Vietnamese
Yemen|Yémen|Jemen ; Yemeni
Zambia|Zambie|Sambia ; Zambian
Zimbabwe|Simbabwe ; Zimbabwean
European Union|EU|Unión Europea|UE|Union européenne|Europäische Union ; European|europeo|européen|européenne|europäische
"""

# Place|other spellings, next place|its spellings > country (blank for regions)
_PLACES = """
Washington|Washington D.C.|Washington DC > United States
New York|New York City|Nueva York|New-York > United States
Los Angeles > United States
San Francisco > United States
Chicago > United States
Seattle > United States
Boston > United States
Houston > United States
Texas|Tejas > United States
California|Californie|Kalifornien > United States
Florida|Floride > United States
Pacific Palisades > United States
Pasadena, Altadena, Malibu, Santa Monica, Hollywood, Everett, Renton, Wichita, Seattle|Seattle-area > United States
Virginia, Illinois, Ohio, Michigan, Georgia, Arizona, Nevada, Oregon, Colorado, Kansas, Iowa, Pennsylvania, New Jersey > United States
Boca Chica, Starbase, Cape Canaveral, Brownsville > United States
Ottawa, Toronto, Montreal, Vancouver > Canada
Mexico City|Ciudad de México > Mexico
London|Londres|Londra > United Kingdom
Manchester, Birmingham, Edinburgh, Glasgow, Cardiff, Belfast, Wimbledon > United Kingdom
England|Inglaterra|Angleterre|Inghilterra, Scotland|Escocia|Écosse|Schottland, Wales > United Kingdom
Dublin > Ireland
Paris|París|Parigi > France
Avignon|Aviñón, Mazan, Marseille|Marsella, Lyon, Toulouse, Nice, Bordeaux, Vaucluse, Carpentras, Nîmes > France
Berlin|Berlín|Berlino > Germany
Frankfurt|Frankfurt am Main|Fráncfort|Francfort, Munich|München|Múnich, Hamburg|Hamburgo, Cologne|Köln, Bavaria|Bayern > Germany
Madrid > Spain
Valencia|Valence|València, Paiporta, Barcelona|Barcelone, Seville|Sevilla, Málaga|Malaga, Catalonia|Cataluña, Andalusia|Andalucía, Castilla-La Mancha, Albacete, Letur, Chiva, Utiel, Sedaví, Alfafar, Benetússer, Catarroja, Massanassa, Aldaia, Picanya, Torrent > Spain
Rome|Roma, Milan|Milano|Milán > Italy
Lisbon|Lisboa|Lisbonne > Portugal
Brussels|Bruselas|Bruxelles|Brüssel > Belgium
Amsterdam, The Hague > Netherlands
Vienna|Viena|Vienne|Wien > Austria
Bern|Berne, Zurich|Zürich, Geneva|Ginebra|Genève|Genf > Switzerland
Stockholm|Estocolmo > Sweden
Oslo > Norway
Copenhagen|Copenhague|Kopenhagen > Denmark
Helsinki > Finland
Reykjavik|Reykjavík, Grindavik|Grindavík, Reykjanes, Sundhnúkur, Svartsengi, Blue Lagoon, Keflavik|Keflavík > Iceland
Athens|Atenas|Athènes|Athen > Greece
Warsaw|Varsovia|Varsovie|Warschau > Poland
Prague|Praga|Prag > Czech Republic
Budapest > Hungary
Bucharest|Bucarest|Bukarest > Romania
Kyiv|Kiev|Kiew, Kharkiv > Ukraine
Moscow|Moscú|Moscou|Moskau|Mosca > Russia
Ankara, Istanbul|Estambul > Turkey
Jerusalem|Jerusalén|Jérusalem, Tel Aviv > Israel
Gaza, Gaza Strip, West Bank|Cisjordania|Cisjordanie > Palestine
Beirut|Beirut > Lebanon
Damascus|Damasco|Damas > Syria
Baghdad|Bagdad > Iraq
Tehran|Teherán|Téhéran|Teheran > Iran
Riyadh|Riad > Saudi Arabia
Dubai|Dubái, Abu Dhabi > United Arab Emirates
Doha > Qatar
Cairo|El Cairo|Le Caire|Kairo > Egypt
Nairobi > Kenya
Kinshasa, Goma > Congo
Lagos, Abuja > Nigeria
Addis Ababa > Ethiopia
Johannesburg, Pretoria, Cape Town > South Africa
Islamabad|इस्लामाबाद, Rawalpindi, Lahore, Karachi, Peshawar, Quetta, Punjab, Sindh, Balochistan, Khyber Pakhtunkhwa > Pakistan
Kabul|Kaboul > Afghanistan
New Delhi|नई दिल्ली, Delhi|दिल्ली, Mumbai|मुंबई|Bombay, Kolkata, Chennai, Bengaluru|Bangalore, Hyderabad, Ahmedabad, Pune, Lucknow, Patna > India
Maharashtra, Kerala, Karnataka, Gujarat, Bihar, Uttar Pradesh, Tamil Nadu, West Bengal, Kashmir, Jammu and Kashmir > India
Dhaka|Dacca > Bangladesh
Colombo > Sri Lanka
Kathmandu > Nepal
Beijing|Pekín|Pékin|Peking, Shanghai, Hong Kong, Wuhan > China
Tokyo|Tokio > Japan
Seoul|Seúl > South Korea
Pyongyang > North Korea
Taipei > Taiwan
Bangkok > Thailand
Hanoi, Ho Chi Minh City > Vietnam
Manila > Philippines
Jakarta|Yakarta > Indonesia
Kuala Lumpur > Malaysia
Canberra, Sydney, Melbourne > Australia
Wellington, Auckland > New Zealand
Brasília|Brasilia, São Paulo, Rio de Janeiro > Brazil
Buenos Aires > Argentina
Santiago > Chile
Lima > Peru
Bogotá|Bogota > Colombia
Caracas > Venezuela
Havana|La Habana > Cuba
Barbados, Bridgetown > Barbados
Dubai International Stadium > United Arab Emirates
Europe|Europa, Eurozone|euro zone|euro area|Eurozona|zone euro >
Asia|Asie|Asien, Africa|África|Afrique|Afrika, Latin America|América Latina, Middle East|Oriente Medio|Moyen-Orient|Nahost, South Asia, Southeast Asia, Gulf, Balkans, Scandinavia, Caribbean >
"""


def _build() -> dict[str, tuple[str, str]]:
    table: dict[str, tuple[str, str]] = {}
    for line in _COUNTRIES.strip().splitlines():
        names, _, demonyms = line.partition(";")
        spellings = [n.strip() for n in names.split("|") if n.strip()]
        canonical = spellings[0]
        for n in spellings:
            table.setdefault(n, (canonical, "country"))
        for d in demonyms.split("|"):
            d = d.strip()
            if d:
                table.setdefault(d, (canonical, "demonym"))
                if d[:1].islower():
                    table.setdefault(d[:1].upper() + d[1:], (canonical, "demonym"))
    for line in _PLACES.strip().splitlines():
        names, _, _country = line.partition(">")
        for entry in names.split(","):
            spellings = [n.strip() for n in entry.split("|") if n.strip()]
            for n in spellings:
                table.setdefault(n, (spellings[0], "place"))
    return table


PLACES: dict[str, tuple[str, str]] = _build()
# Capitalised lookups for ALL-CAPS datelines ("ISLAMABAD:")
PLACES_UPPER: dict[str, tuple[str, str]] = {k.upper(): v for k, v in PLACES.items() if len(k) > 3 and v[1] != "demonym"}
# places whose name is also a common word or a person's name: only with a place cue or in a dateline
AMBIGUOUS_PLACES = frozenset(
    {"Georgia", "Jordan", "Chad", "Niger", "Nice", "Mali", "Oman", "Santiago", "Lima", "Victoria", "Virginia",
     "Gulf", "Turkey", "America", "Everett", "Torrent", "Chiva", "Island", "Korea", "Holland", "Wales", "Punjab",
     }
)


# Major cities -> country, only to tell whether two places can both be right ("Kuala Lumpur" and
# "Malaysia"). Kept out of PLACES on purpose: the extractor's place typing does not change with it.
# A general list (capitals and the largest cities of each region), not a list of any one story's places.
_MORE_CITIES = """
Mumbai|Bombay, Kolkata|Calcutta, Chennai|Madras, Bengaluru|Bangalore, Varanasi|Benares > India
Karachi, Lahore, Faisalabad, Multan > Pakistan
Chittagong|Chattogram > Bangladesh
Shanghai, Guangzhou|Canton, Shenzhen, Chongqing, Tianjin, Chengdu, Nanjing, Xi'an, Hangzhou, Macau > China
Osaka, Kyoto, Yokohama, Nagoya, Sapporo, Fukuoka, Hiroshima, Kobe > Japan
Busan|Pusan, Incheon, Daegu > South Korea
Ho Chi Minh City|Saigon, Da Nang, Haiphong > Vietnam
Yangon|Rangoon, Mandalay, Naypyidaw|Nay Pyi Taw > Myanmar
Phnom Penh, Siem Reap > Cambodia
Vientiane > Laos
Chiang Mai, Phuket, Pattaya > Thailand
Cebu, Davao, Quezon City > Philippines
Surabaya, Bandung, Medan, Bali, Denpasar > Indonesia
Kuala Lumpur, Penang, George Town, Johor Bahru, Putrajaya > Malaysia
Almaty, Astana|Nur-Sultan > Kazakhstan
Tashkent, Samarkand > Uzbekistan
Tbilisi > Georgia
Yerevan > Armenia
Baku > Azerbaijan
Izmir|İzmir, Antalya, Bursa, Adana, Gaziantep > Turkey
Tabriz, Mashhad, Isfahan, Shiraz > Iran
Basra, Mosul, Erbil, Kirkuk > Iraq
Aleppo, Homs, Latakia, Idlib > Syria
Amman > Jordan
Haifa, Eilat > Israel
Jeddah, Mecca, Medina, Dammam > Saudi Arabia
Sharjah > United Arab Emirates
Muscat > Oman
Manama > Bahrain
Kuwait City > Kuwait
Sanaa|Sana'a, Aden, Hodeidah > Yemen
Alexandria, Giza, Luxor, Port Said, Sharm el-Sheikh > Egypt
Tripoli, Benghazi > Libya
Tunis > Tunisia
Algiers|Alger > Algeria
Casablanca, Rabat, Marrakesh|Marrakech, Tangier|Tanger, Fez > Morocco
Khartoum, Omdurman, Port Sudan > Sudan
Addis Ababa|Addis Abeba > Ethiopia
Mombasa, Kisumu > Kenya
Dar es Salaam, Dodoma, Zanzibar > Tanzania
Kampala > Uganda
Kigali > Rwanda
Mogadishu > Somalia
Accra, Kumasi > Ghana
Dakar > Senegal
Abidjan, Yamoussoukro > Ivory Coast
Bamako > Mali
Kano, Ibadan, Port Harcourt > Nigeria
Luanda > Angola
Harare, Bulawayo > Zimbabwe
Lusaka > Zambia
Maputo > Mozambique
Durban, Port Elizabeth|Gqeberha, Soweto > South Africa
Lubumbashi, Bukavu > Congo
St Petersburg|St. Petersburg|Saint Petersburg|Sankt Petersburg, Novosibirsk, Yekaterinburg, Kazan, Sochi, Vladivostok > Russia
Odesa|Odessa, Lviv, Dnipro, Zaporizhzhia, Donetsk, Luhansk, Mariupol, Kherson > Ukraine
Minsk > Belarus
Krakow|Kraków|Cracow, Gdansk|Gdańsk, Wroclaw|Wrocław, Lodz|Łódź > Poland
Brno > Czech Republic
Bratislava > Slovakia
Cluj-Napoca|Cluj > Romania
Sofia > Bulgaria
Belgrade|Beograd|Belgrad, Novi Sad > Serbia
Zagreb, Split, Dubrovnik > Croatia
Sarajevo > Bosnia and Herzegovina
Tirana > Albania
Thessaloniki|Salonica > Greece
Naples|Napoli|Nápoles, Turin|Torino, Florence|Firenze|Florencia, Venice|Venezia|Venecia, Genoa|Genova, Bologna, Palermo > Italy
Porto|Oporto > Portugal
Bilbao, Zaragoza, Palma, Las Palmas > Spain
Strasbourg, Lille, Nantes, Montpellier, Rennes > France
Stuttgart, Düsseldorf|Dusseldorf, Dresden, Leipzig, Hanover|Hannover, Bremen, Nuremberg|Nürnberg > Germany
Rotterdam, Utrecht, Eindhoven > Netherlands
Antwerp|Antwerpen|Anvers, Ghent|Gent, Liège|Liege > Belgium
Basel|Bâle, Lausanne > Switzerland
Salzburg, Innsbruck, Graz > Austria
Gothenburg|Göteborg, Malmö|Malmo > Sweden
Bergen, Trondheim > Norway
Aarhus > Denmark
Tampere, Turku > Finland
Riga > Latvia
Vilnius > Lithuania
Tallinn > Estonia
Cork, Galway, Limerick > Ireland
Liverpool, Leeds, Bristol, Oxford, Cambridge, Newcastle, Sheffield, Nottingham > United Kingdom
Philadelphia, Phoenix, San Diego, Dallas, Austin, Denver, Detroit, Atlanta, Miami, Minneapolis, New Orleans, Las Vegas, Baltimore, Portland, Honolulu, Anchorage > United States
Calgary, Edmonton, Winnipeg, Quebec City|Québec, Halifax > Canada
Guadalajara, Monterrey, Tijuana, Cancun|Cancún, Acapulco > Mexico
Guatemala City > Guatemala
San Salvador > El Salvador
Tegucigalpa > Honduras
Managua > Nicaragua
San José > Costa Rica
Panama City > Panama
Port-au-Prince > Haiti
Kingston > Jamaica
Medellín|Medellin, Cali, Cartagena > Colombia
Quito, Guayaquil > Ecuador
La Paz, Santa Cruz > Bolivia
Asunción|Asuncion > Paraguay
Montevideo > Uruguay
Córdoba|Cordoba, Rosario, Mendoza > Argentina
Valparaíso|Valparaiso > Chile
Salvador, Belo Horizonte, Recife, Fortaleza, Porto Alegre, Manaus, Curitiba > Brazil
Maracaibo, Valencia > Venezuela
Brisbane, Perth, Adelaide, Hobart, Darwin > Australia
Christchurch > New Zealand
"""

# Official names and endonyms a country is also written under: a report writing one of them has not
# garbled the other ("Türkiye" is Turkey, "Eswatini" is Swaziland).
_OTHER_COUNTRY_NAMES = """
Turkey|Türkiye|Turkiye
Czech Republic|Czechia|Česko
Eswatini|Swaziland
Ivory Coast|Côte d'Ivoire|Cote d'Ivoire|Côte d’Ivoire
Myanmar|Burma
Cape Verde|Cabo Verde
East Timor|Timor-Leste
North Macedonia|Macedonia
Netherlands|Holland
Sri Lanka|Ceylon
Iran|Persia
Congo|Zaire|Democratic Republic of Congo|RD Congo|RDC|République démocratique du Congo|República Democrática del Congo
Belarus|Byelorussia
Moldova|Moldavia
Kyrgyzstan|Kirghizia
Bahamas|The Bahamas
Gambia|The Gambia
Palestine|State of Palestine
Vatican|Holy See|Vatican City
"""


# States, provinces and regions inside a country, with their capitals and largest cities: a report
# that puts an event in the province and one that names its city can both be right ("Maharashtra"
# and "Mumbai"), while two provinces, or two cities, are rival places. General data (the largest
# federal and regional countries), not any one story's places.
# Province|other spellings > country : city, city|spelling, ...
_PROVINCES = """
California > United States : Los Angeles, San Francisco, San Diego, San Jose, Sacramento, Pacific Palisades, Malibu, Pasadena, Altadena, Oakland, Fresno
Texas > United States : Houston, Dallas, Austin, San Antonio, Fort Worth, El Paso, Brownsville, Boca Chica, Starbase
Florida > United States : Miami, Orlando, Tampa, Jacksonville, Tallahassee, Cape Canaveral
New York State > United States : New York, New York City, Buffalo, Albany, Rochester
Washington State > United States : Seattle, Spokane, Tacoma, Olympia, Everett, Renton
Illinois > United States : Chicago, Springfield
Pennsylvania > United States : Philadelphia, Pittsburgh, Harrisburg
Massachusetts > United States : Boston, Cambridge
Georgia State > United States : Atlanta, Savannah
Arizona > United States : Phoenix, Tucson
Nevada > United States : Las Vegas, Reno, Carson City
Colorado > United States : Denver, Boulder
Michigan > United States : Detroit, Lansing
Oregon > United States : Portland, Salem
Virginia > United States : Richmond, Virginia Beach, Arlington
New Jersey > United States : Newark, Trenton, Jersey City
Ohio > United States : Columbus, Cleveland, Cincinnati
Ontario > Canada : Toronto, Ottawa, Hamilton
Quebec|Québec > Canada : Montreal|Montréal, Quebec City
British Columbia > Canada : Vancouver, Victoria
Alberta > Canada : Calgary, Edmonton
Maharashtra > India : Mumbai|Bombay, Pune, Nagpur
Karnataka > India : Bengaluru|Bangalore, Mysuru
Tamil Nadu > India : Chennai|Madras, Coimbatore
West Bengal > India : Kolkata|Calcutta
Uttar Pradesh > India : Lucknow, Kanpur, Varanasi, Agra, Noida
Gujarat > India : Ahmedabad, Surat, Gandhinagar
Kerala > India : Thiruvananthapuram, Kochi
Telangana > India : Hyderabad
Bihar > India : Patna
Punjab Province|Punjab > Pakistan : Lahore, Faisalabad, Rawalpindi, Multan
Sindh > Pakistan : Karachi, Hyderabad
Khyber Pakhtunkhwa > Pakistan : Peshawar
Balochistan > Pakistan : Quetta
Bavaria|Bayern|Bavière|Baviera > Germany : Munich|München|Múnich|Munich, Nuremberg|Nürnberg, Augsburg
Berlin State > Germany : Berlin
North Rhine-Westphalia|Nordrhein-Westfalen > Germany : Cologne|Köln, Düsseldorf, Dortmund, Essen, Bonn
Hesse|Hessen > Germany : Frankfurt, Wiesbaden
Baden-Württemberg > Germany : Stuttgart, Karlsruhe, Freiburg
Saxony|Sachsen > Germany : Dresden, Leipzig
Lower Saxony|Niedersachsen > Germany : Hanover|Hannover
Andalusia|Andalucía|Andalousie > Spain : Seville|Sevilla|Séville, Málaga|Malaga, Córdoba|Cordoba, Granada, Almería|Almeria, Cádiz|Cadiz
Catalonia|Cataluña|Catalunya|Catalogne > Spain : Barcelona|Barcelone, Girona, Tarragona, Lleida
Valencian Community|Comunidad Valenciana|Comunitat Valenciana > Spain : Paiporta, Alicante, Castellón, Alfafar, Torrent, Chiva, Utiel
Castilla-La Mancha|Castilla La Mancha > Spain : Cuenca, Toledo, Albacete
Madrid Region|Comunidad de Madrid > Spain : Madrid
Basque Country|País Vasco|Euskadi > Spain : Bilbao, San Sebastián, Vitoria
Île-de-France|Ile-de-France > France : Paris
Provence-Alpes-Côte d'Azur|Provence > France : Marseille, Nice, Avignon, Toulon
Auvergne-Rhône-Alpes > France : Lyon, Grenoble
Occitanie > France : Toulouse, Montpellier
Vaucluse > France : Avignon, Mazan, Carpentras
Lombardy|Lombardia|Lombardie > Italy : Milan|Milano, Bergamo, Brescia
Lazio > Italy : Rome|Roma
Campania > Italy : Naples|Napoli
Sicily|Sicilia > Italy : Palermo, Catania
New South Wales > Australia : Sydney, Newcastle
Victoria State > Australia : Melbourne
Queensland > Australia : Brisbane, Gold Coast
Western Australia > Australia : Perth
England > United Kingdom : London, Manchester, Birmingham, Liverpool, Leeds, Bristol
Scotland > United Kingdom : Edinburgh, Glasgow, Aberdeen
Wales > United Kingdom : Cardiff, Swansea
Northern Ireland > United Kingdom : Belfast
Southern Peninsula|Reykjanes|Reykjanes Peninsula|Reykjanesskagi > Iceland : Grindavik|Grindavík, Keflavik|Keflavík, Reykjanesbær
Guangdong > China : Guangzhou, Shenzhen
Hubei > China : Wuhan
Sichuan > China : Chengdu
"""


def _province_tables() -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    """Folded spelling -> (canonical, "province" or "place") for the table above, and each place's
    province."""
    entries: dict[str, tuple[str, str]] = {}
    province_of: dict[str, str] = {}
    for line in _PROVINCES.strip().splitlines():
        head, _, cities = line.partition(":")
        names, _, _country = head.partition(">")
        spellings = [n.strip() for n in names.split("|") if n.strip()]
        province = spellings[0]
        for n in spellings:
            entries.setdefault(_folded(n), (province, "province"))
        for entry in cities.split(","):
            city = [n.strip() for n in entry.split("|") if n.strip()]
            if not city:
                continue
            for n in city:
                entries.setdefault(_folded(n), (city[0], "place"))
            province_of.setdefault(city[0], province)
    return entries, province_of


def _folded(name: str) -> str:
    return " ".join(fold_word(w) for w in name.replace("’", "'").split())


def _build_levels() -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    """Folded spelling -> (canonical, level), level "country", "place" or "region"; and place -> its country."""
    entries: dict[str, tuple[str, str]] = {}
    country_of: dict[str, str] = {}
    for spelling, (canonical, kind) in PLACES.items():
        if kind == "country":
            entries.setdefault(_folded(spelling), (canonical, "country"))
    for folded, (canonical, level) in _PROVINCE_LEVELS.items():
        if level == "province" and folded not in entries:
            entries[folded] = (canonical, level)
    for line in _PROVINCES.strip().splitlines():  # the provinces' cities, where no other table has them
        head, _, cities = line.partition(":")
        country = head.partition(">")[2].strip()
        for entry in cities.split(","):
            city = [n.strip() for n in entry.split("|") if n.strip()]
            if city and not any(_folded(n) in entries for n in city):
                for n in city:
                    entries[_folded(n)] = (city[0], "place")
                country_of.setdefault(city[0], country)
    for line in _OTHER_COUNTRY_NAMES.strip().splitlines():
        spellings = [n.strip() for n in line.split("|")]
        canonical = PLACES.get(spellings[0], (spellings[0], ""))[0]
        for n in spellings:
            entries.setdefault(_folded(n), (canonical, "country"))
    for table in (_PLACES, _MORE_CITIES):
        for line in table.strip().splitlines():
            names, _, country = line.partition(">")
            country = country.strip()
            for entry in names.split(","):
                spellings = [n.strip() for n in entry.split("|") if n.strip()]
                if not spellings:
                    continue
                canonical = PLACES.get(spellings[0], (spellings[0], ""))[0]
                if _folded(canonical) in entries and entries[_folded(canonical)][1] == "country":
                    continue  # "Barbados > Barbados": the country itself
                for n in spellings:
                    entries.setdefault(_folded(n), (canonical, "place" if country else "region"))
                if country:
                    country_of.setdefault(canonical, country)
    return entries, country_of


_PROVINCE_LEVELS, _PROVINCE_OF = _province_tables()
_LEVELS, _COUNTRY_OF = _build_levels()
COUNTRY_NAMES = frozenset(folded for folded, (_, level) in _LEVELS.items() if level == "country")
PLACE_NAMES = frozenset(_LEVELS)  # every folded spelling the gazetteer knows: "teheran", "bagdad", "rusia"


def place_level(name: str) -> tuple[str, str] | None:
    """(canonical name, level) of a known place: level "country", "province" (a state, province or
    region inside a country), "place" (a city, or a province the table of provinces does not list)
    or "region" (a continent, a sea); None for a name the gazetteer does not know."""
    return _LEVELS.get(_folded(name))


def can_both_be_right(a: str, b: str) -> bool:
    """Whether two reports naming these two places for one event need not disagree: they are one
    place under two names ("Bombay", "Mumbai"), or of different levels ("Kuala Lumpur" in
    "Malaysia", "Mumbai" in "Maharashtra"; a city is not an alternative to its province, a country or
    a continent). Unknown names: False."""
    la, lb = place_level(a), place_level(b)
    if la is None or lb is None:
        return False
    return la[0] == lb[0] or la[1] != lb[1]


def province_of(name: str) -> str | None:
    """The state, province or region a known city lies in ("Mumbai" -> "Maharashtra")."""
    level = place_level(name)
    return _PROVINCE_OF.get(level[0]) if level else None


def country_of(name: str) -> str | None:
    """The country a known city or province lies in."""
    level = place_level(name)
    return _COUNTRY_OF.get(level[0]) if level else None
