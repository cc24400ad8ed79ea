"""Places a jotting writes in lower case ('clinics in ohio', 'we both lived in seoul'):
countries, states and provinces, and large cities, so a draft spells them as names.

Left out on purpose: places that are also common English words ('nice', 'reading', 'bath',
'split', 'mobile', 'orange', 'turkey', 'chad', 'jersey', 'phoenix', 'victoria', 'florence',
'georgia', 'jordan', 'cork', 'derby', 'deal', 'guinea', 'chile', 'niger', 'queens'), which
a lower-case jotting may mean as words.
"""

from __future__ import annotations

import re

_ONE_WORD = """
Afghanistan Albania Algeria Andorra Angola Argentina Armenia Australia Austria Azerbaijan
Bahrain Bangladesh Belarus Belgium Belize Benin Bhutan Bolivia Bosnia Botswana Brazil Brunei
Bulgaria Burundi Cambodia Cameroon Canada China Colombia Croatia Cuba Cyprus Czechia
Denmark Djibouti Ecuador Egypt Eritrea Estonia Eswatini Ethiopia Fiji Finland France Gabon
Gambia Germany Ghana Greece Guatemala Guyana Haiti Honduras Hungary Iceland India
Indonesia Iran Iraq Ireland Israel Italy Jamaica Japan Kazakhstan Kenya Kosovo Kuwait
Kyrgyzstan Laos Latvia Lebanon Lesotho Liberia Libya Liechtenstein Lithuania Luxembourg
Madagascar Malawi Malaysia Maldives Mali Malta Mauritania Mauritius Mexico Moldova Monaco
Mongolia Montenegro Morocco Mozambique Myanmar Namibia Nepal Netherlands Nicaragua
Nigeria Norway Oman Pakistan Palestine Panama Paraguay Peru Philippines Poland Portugal Qatar
Romania Russia Rwanda Samoa Senegal Serbia Seychelles Singapore Slovakia Slovenia Somalia
Spain Sudan Suriname Sweden Switzerland Syria Taiwan Tajikistan Tanzania Thailand Togo Tonga
Tunisia Turkmenistan Uganda Ukraine Uruguay Uzbekistan Vanuatu Venezuela Vietnam Yemen Zambia
Zimbabwe England Scotland Wales Europe Africa Asia
Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Hawaii Idaho
Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan
Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania
Tennessee Texas Utah Vermont Virginia Washington Wisconsin Wyoming Ontario Quebec Alberta
Manitoba Saskatchewan Bavaria Catalonia Andalusia Lombardy Tuscany Flanders Wallonia
London Manchester Birmingham Leeds Liverpool Glasgow Edinburgh Cardiff Belfast Bristol
Sheffield Newcastle Nottingham Leicester Brighton Oxford Cambridge Dublin Galway Limerick
Paris Lyon Marseille Toulouse Bordeaux Lille Nantes Berlin Munich Hamburg Frankfurt Cologne
Stuttgart Dresden Leipzig Vienna Zurich Geneva Basel Bern Lausanne Amsterdam Rotterdam Utrecht
Eindhoven Brussels Antwerp Ghent Madrid Barcelona Valencia Seville Sevilla Bilbao Malaga Lisbon
Porto Rome Milan Naples Turin Bologna Venice Athens Stockholm Gothenburg Malmö Malmo Oslo
Bergen Copenhagen Aarhus Helsinki Tampere Reykjavik Warsaw Krakow Kraków Wroclaw Gdansk
Prague Brno Budapest Bucharest Sofia Belgrade Zagreb Ljubljana Bratislava Vilnius Riga
Tallinn Kyiv Kiev Istanbul Ankara Izmir Moscow Tbilisi Yerevan Baku Tehran Dubai Doha Riyadh
Jeddah Muscat Amman Beirut Cairo Alexandria Casablanca Marrakech Tunis Algiers Lagos Abuja
Accra Nairobi Mombasa Kampala Kigali Addis Dakar Johannesburg Durban Pretoria Harare Lusaka
Luanda Kinshasa Mumbai Bombay Delhi Bangalore Bengaluru Chennai Hyderabad Pune Kolkata
Ahmedabad Jaipur Kochi Karachi Lahore Islamabad Dhaka Colombo Kathmandu Bangkok Jakarta
Surabaya Bandung Manila Cebu Hanoi Saigon HCMC Seoul Busan Incheon Tokyo Osaka Kyoto Yokohama
Nagoya Sapporo Fukuoka Beijing Shanghai Shenzhen Guangzhou Chengdu Hangzhou Wuhan Nanjing
Taipei Kaohsiung Macau Sydney Melbourne Brisbane Perth Adelaide Canberra Auckland Wellington
Christchurch Toronto Montreal Vancouver Calgary Ottawa Edmonton Winnipeg Halifax Boston
Chicago Seattle Atlanta Denver Dallas Houston Miami Philadelphia Detroit Pittsburgh Baltimore
Minneapolis Portland Nashville Charlotte Orlando Tampa Cleveland Cincinnati Columbus
Sacramento Brooklyn Manhattan Oakland Boulder Mexico Guadalajara Monterrey Bogota
Bogotá Medellin Medellín Lima Quito Santiago Caracas Montevideo Asuncion Havana
""".split()
_MANY_WORDS = """New York|San Francisco|Los Angeles|San Diego|San Jose|Las Vegas|Salt Lake City|
New Orleans|Washington DC|New Jersey|New Mexico|New Hampshire|North Carolina|South Carolina|
North Dakota|South Dakota|West Virginia|Rhode Island|British Columbia|Nova Scotia|New Zealand|
South Africa|South Korea|North Korea|Saudi Arabia|Sri Lanka|Costa Rica|Puerto Rico|Hong Kong|
Kuala Lumpur|Ho Chi Minh City|Sao Paulo|São Paulo|Rio de Janeiro|Buenos Aires|Mexico City|
Abu Dhabi|Tel Aviv|Cape Town|Addis Ababa|Dar es Salaam|Northern Ireland|United States|
United Kingdom|Silicon Valley|Bay Area|Tel-Aviv|The Hague|St Andrews|Milton Keynes|
Newcastle upon Tyne|Kuala Terengganu|Penang|Chiang Mai|Phnom Penh""".replace("\n", "").split("|")

PLACES = {name.casefold(): name for name in _ONE_WORD}
# Countries, states and provinces (the list before its first city): what may follow a city
# after its comma ('Seattle, Washington').
REGIONS = frozenset(n.casefold() for n in _ONE_WORD[: _ONE_WORD.index("London")])
# Several words: matched as a phrase, only where every word is in lower case.
MANY_WORD_PLACES = re.compile(
    r"\b(?:" + "|".join(re.escape(p.casefold()) for p in _MANY_WORDS) + r")\b"
)
_CASED = {p.casefold(): p for p in _MANY_WORDS}


_FIRST_WORDS = frozenset(p.split()[0].casefold() for p in _MANY_WORDS)


def cased_many_word_places(text: str) -> str:
    """'sao paulo' -> 'Sao Paulo'; 'new york' -> 'New York'."""
    if _FIRST_WORDS.isdisjoint(text.split()):
        return text  # the usual case, at a set's cost rather than a long pattern's
    return MANY_WORD_PLACES.sub(lambda m: _CASED[m.group()], text)
