"""Small curated tables the knowledge base ships: role words, US states, cities, groups.

These complement the converted public data (PETRARCH agents and country
dictionaries, congress-legislators); every key is written as
``graphbuild.kb.names.full_key`` would normalise it.
"""

from __future__ import annotations

# Role words and abbreviations -> the normalised role the KB's offices use.
ROLE_WORDS: dict[str, str] = {
    "president": "president", "pres": "president", "potus": "president",
    "president of the united states": "president", "us president": "president",
    "commander in chief": "president", "president elect": "president",
    "vice president": "vice president", "vp": "vice president", "vice pres": "vice president",
    "vice-president": "vice president", "veep": "vice president",
    "senator": "senator", "sen": "senator", "sens": "senator", "us senator": "senator",
    "state senator": "state senator",
    "representative": "representative", "rep": "representative", "reps": "representative",
    "congressman": "representative", "congresswoman": "representative",
    "congressperson": "representative", "congressmember": "representative",
    "house member": "representative", "us representative": "representative",
    "delegate": "representative", "del": "representative",
    "lawmaker": "legislator", "legislator": "legislator", "member of congress": "member of congress",
    "speaker": "speaker of the house", "house speaker": "speaker of the house",
    "speaker of the house": "speaker of the house",
    "majority leader": "majority leader", "minority leader": "minority leader",
    "senate majority leader": "senate majority leader",
    "senate minority leader": "senate minority leader",
    "house majority leader": "house majority leader",
    "house minority leader": "house minority leader",
    "senate leader": "senate leader", "house leader": "house leader",
    "whip": "whip", "majority whip": "whip", "minority whip": "whip",
    "governor": "governor", "gov": "governor", "govs": "governor",
    "lieutenant governor": "lieutenant governor", "lt gov": "lieutenant governor",
    "lt governor": "lieutenant governor",
    "mayor": "mayor",
    "attorney general": "attorney general", "ag": "attorney general",
    "atty gen": "attorney general", "us attorney general": "attorney general",
    "deputy attorney general": "deputy attorney general",
    "secretary of state": "secretary of state", "sec of state": "secretary of state",
    "secstate": "secretary of state",
    "secretary of defense": "secretary of defense", "defense secretary": "secretary of defense",
    "secdef": "secretary of defense", "pentagon chief": "secretary of defense",
    "secretary of the treasury": "secretary of the treasury",
    "treasury secretary": "secretary of the treasury",
    "secretary of homeland security": "secretary of homeland security",
    "homeland security secretary": "secretary of homeland security",
    "secretary of the interior": "secretary of the interior",
    "interior secretary": "secretary of the interior",
    "secretary of agriculture": "secretary of agriculture",
    "agriculture secretary": "secretary of agriculture",
    "secretary of commerce": "secretary of commerce", "commerce secretary": "secretary of commerce",
    "secretary of labor": "secretary of labor", "labor secretary": "secretary of labor",
    "secretary of health and human services": "secretary of health and human services",
    "hhs secretary": "secretary of health and human services",
    "health secretary": "secretary of health and human services",
    "secretary of housing and urban development":
        "secretary of housing and urban development",
    "hud secretary": "secretary of housing and urban development",
    "housing secretary": "secretary of housing and urban development",
    "secretary of transportation": "secretary of transportation",
    "transportation secretary": "secretary of transportation",
    "secretary of energy": "secretary of energy", "energy secretary": "secretary of energy",
    "secretary of education": "secretary of education",
    "education secretary": "secretary of education",
    "secretary of veterans affairs": "secretary of veterans affairs",
    "va secretary": "secretary of veterans affairs",
    "chief of staff": "chief of staff", "white house chief of staff": "chief of staff",
    "press secretary": "press secretary", "white house press secretary": "press secretary",
    "national security adviser": "national security adviser",
    "national security advisor": "national security adviser",
    "nsa": "national security adviser",
    "ambassador to the united nations": "ambassador to the united nations",
    "un ambassador": "ambassador to the united nations",
    "ambassador to the un": "ambassador to the united nations",
    "ambassador": "ambassador", "amb": "ambassador",
    "director of national intelligence": "director of national intelligence",
    "dni": "director of national intelligence",
    "cia director": "director of the cia", "director of the cia": "director of the cia",
    "director of central intelligence": "director of the cia",
    "fbi director": "director of the fbi", "director of the fbi": "director of the fbi",
    "epa administrator": "administrator of the epa",
    "trade representative": "trade representative", "us trade representative":
        "trade representative", "ustr": "trade representative",
    "omb director": "director of omb",
    "prime minister": "prime minister", "pm": "prime minister", "premier": "prime minister",
    "chancellor": "chancellor", "foreign minister": "foreign minister",
    "foreign secretary": "foreign secretary", "home secretary": "home secretary",
    "chancellor of the exchequer": "chancellor of the exchequer",
    "king": "monarch", "queen": "monarch", "monarch": "monarch",
    "first lady": "first lady", "justice": "justice", "chief justice": "chief justice",
    "judge": "judge", "special counsel": "special counsel",
    "secretary general": "secretary general", "minister": "minister",
    "mp": "member of parliament", "member of parliament": "member of parliament",
    "general": "general", "gen": "general", "lt gen": "general", "maj gen": "general",
    "brig gen": "general", "admiral": "admiral", "adm": "admiral", "colonel": "colonel",
    "col": "colonel", "lt col": "colonel", "major": "major", "maj": "major",
    "captain": "captain", "capt": "captain", "lieutenant": "lieutenant", "lt": "lieutenant",
    "sergeant": "sergeant", "sgt": "sergeant", "corporal": "corporal", "cpl": "corporal",
    "private": "private", "pvt": "private",
    "secretary": "secretary", "sec": "secretary", "undersecretary": "undersecretary",
    "chairman": "chair", "chairwoman": "chair", "chair": "chair", "chairperson": "chair",
    "committee chairman": "chair", "committee chair": "chair",
    "spokesman": "spokesperson", "spokeswoman": "spokesperson", "spokesperson": "spokesperson",
    "aide": "aide", "adviser": "adviser", "advisor": "adviser", "senior adviser": "senior adviser",
    "counselor": "counselor", "commissioner": "commissioner", "moderator": "moderator",
    "candidate": "candidate", "nominee": "nominee", "leader": "leader",
    "party leader": "leader", "chief strategist": "chief strategist",
    "director": "director",  # "fbi director" is above
    "deputy director": "deputy director", "special prosecutor": "special counsel",
    "prosecutor": "prosecutor", "district attorney": "district attorney", "da": "district attorney",
    "us attorney": "us attorney", "solicitor general": "solicitor general",
    "state attorney general": "state attorney general", "councilman": "council member",
    "councilwoman": "council member", "council member": "council member",
    "assemblyman": "state legislator", "assemblywoman": "state legislator",
    "state representative": "state legislator", "state rep": "state legislator",
    "second lady": "second lady", "first gentleman": "first gentleman",
    "second gentleman": "second gentleman", "crown prince": "crown prince",
    "supreme leader": "leader", "dictator": "leader", "strongman": "leader",
    "pope": "pope", "archbishop": "archbishop", "bishop": "bishop", "cardinal": "cardinal",
    "rabbi": "rabbi", "imam": "imam", "reverend": "reverend", "rev": "reverend",
}

# Words before a role that do not change it ("former Sen.", "acting Attorney General").
ROLE_MODIFIERS: frozenset[str] = frozenset(
    "former ex then acting interim outgoing incoming late future current sitting retired "
    "us u.s. american federal top longtime veteran one-time onetime disgraced embattled "
    "republican democratic democrat gop the a an his her their its our".split())

# Agents-file nouns that are not roles of a person (people in general, equipment).
NOT_ROLES: frozenset[str] = frozenset(
    "man men woman women person persons people individual individuals resident residents "
    "citizen citizens civilian civilians member members group groups".split())

# A role word that covers several offices: holders() answers with the holders of any.
# "the majority leader" in 2016 is McConnell (Senate) or McCarthy (House): ambiguous.
ROLE_FAMILIES: dict[str, tuple[str, ...]] = {
    "majority leader": ("senate majority leader", "house majority leader"),
    "minority leader": ("senate minority leader", "house minority leader"),
    "senate leader": ("senate majority leader", "senate minority leader"),
    "house leader": ("speaker of the house", "house majority leader", "house minority leader"),
    "legislator": ("senator", "representative"),
    "member of congress": ("senator", "representative"),
}

# Cabinet-turnover "position" column -> normalised role.
CABINET_ROLES: dict[str, str] = {
    "chief of staff": "chief of staff",
    "omb director": "director of omb",
    "cea chair": "chair of the council of economic advisers",
    "un ambassador": "ambassador to the united nations",
    "secretary of commerce": "secretary of commerce",
    "secretary of the treasury": "secretary of the treasury",
    "attorney general": "attorney general",
    "secretary of energy": "secretary of energy",
    "sba administrator": "administrator of the sba",
    "secretary of defense": "secretary of defense",
    "secretary of transportation": "secretary of transportation",
    "secretary of state": "secretary of state",
    "us trade representative": "trade representative",
    "epa administrator": "administrator of the epa",
    "secretary of labor": "secretary of labor",
    "secretary of housing urban development": "secretary of housing and urban development",
    "secretary of agriculture": "secretary of agriculture",
    "secretary of education": "secretary of education",
    "secretary of the interior": "secretary of the interior",
    "ostp director": "director of ostp",
    "secretary of health human services": "secretary of health and human services",
    "secretary of veterans affairs": "secretary of veterans affairs",
    "director of central intelligence": "director of the cia",
    "vice president": "vice president",
    "secretary of homeland security": "secretary of homeland security",
    "director of national intelligence": "director of national intelligence",
    "cia director": "director of the cia",
    "secretary of health education welfare": "secretary of health, education and welfare",
    "secretary of health education welfare/secretary of health human services":
        "secretary of health and human services",
    "director of central intelligence/cia director": "director of the cia",
}

# Section headings of Phoenix.Countries.actors.txt that list one office's holders.
PHOENIX_SECTION_ROLES: dict[str, str] = {
    "prime ministers": "prime minister", "prime minister": "prime minister",
    "greek prime ministers": "prime minister",
    "roughly prime ministers in order": "prime minister",
    "presidents": "president", "president": "president",
    "roughly following order of presidents": "president",
    "chancellors": "chancellor", "monarch[s]": "monarch",
    "us presidents": "president",
    "vice presidents of the united states": "vice president",
    "us secretaries of state": "secretary of state",
    "united states secretaries of defense": "secretary of defense",
    "us attorneys general": "attorney general",
    "us secretaries of homeland security": "secretary of homeland security",
    "us ambassadors to the un": "ambassador to the united nations",
    "white house chiefs of staff": "chief of staff",
    "us national security advisors": "national security adviser",
    "us trade representative": "trade representative",
    "us directors of central(national) intelligence": "director of the cia",
    "federal reserve board": "federal reserve governor",
}

# Phoenix sector codes (after the country code) -> role for spans outside a leader list.
PHOENIX_SECTORS: dict[str, str] = {
    "GOV": "government", "LEG": "legislator", "JUD": "judiciary", "MIL": "military",
    "OPP": "opposition", "SPY": "intelligence", "COP": "police", "PTY": "party",
}

US_STATES: dict[str, str] = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia",
    "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa",
    "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland",
    "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi",
    "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York",
    "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma",
    "OR": "Oregon", "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina",
    "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont",
    "VA": "Virginia", "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin",
    "WY": "Wyoming", "DC": "District of Columbia", "PR": "Puerto Rico", "GU": "Guam",
    "VI": "Virgin Islands", "AS": "American Samoa", "MP": "Northern Mariana Islands",
    "DK": "Dakota Territory", "OL": "Orleans Territory", "PI": "Philippine Islands",
}

# Major cities and regions the country dictionaries do not list (a short shipped list).
# Cities that are also common person names (Jackson, Lincoln, Madison, Austin...) are
# left out: a lone "Jackson" in an article is more often a person.
EXTRA_PLACES: tuple[str, ...] = (
    # US cities
    "New York City", "Los Angeles", "Chicago", "Houston", "Philadelphia",
    "San Antonio", "San Diego", "Dallas", "San Jose", "Fort Worth",
    "Columbus", "San Francisco", "Indianapolis", "Seattle", "Denver",
    "Boston", "El Paso", "Nashville", "Detroit", "Oklahoma City", "Portland", "Las Vegas",
    "Memphis", "Louisville", "Baltimore", "Milwaukee", "Albuquerque", "Tucson", "Fresno",
    "Sacramento", "Kansas City", "Atlanta", "Omaha", "Colorado Springs", "Raleigh",
    "Miami", "Long Beach", "Virginia Beach", "Oakland", "Minneapolis", "Tulsa", "Tampa",
    "New Orleans", "Cleveland", "Honolulu", "Pittsburgh", "Cincinnati",
    "St. Louis", "Orlando", "Buffalo", "Newark", "Anchorage", "Des Moines", "Charleston",
    "Salt Lake City", "Birmingham", "Little Rock",
    "Hartford", "Tallahassee", "Boise", "Topeka", "Frankfort",
    "Baton Rouge", "Annapolis", "Lansing", "St. Paul", "Jefferson City", "Carson City",
    "Trenton", "Santa Fe",
    "Albany", "Bismarck", "Providence", "Montpelier", "Olympia",
    "Cheyenne", "Juneau", "Harrisburg", "Manhattan", "Brooklyn",
    "Queens", "the Bronx", "Staten Island", "Silicon Valley", "Wall Street",
    "Capitol Hill", "Mar-a-Lago", "Palm Beach", "Ferguson", "Charlottesville", "Benghazi",
    "Parkland", "Flint", "Guantanamo", "Guantanamo Bay", "Midwest", "New England",
    "Appalachia", "Rust Belt", "Sun Belt", "Puerto Rico", "Iowa City", "Scranton",
    # UK and Ireland
    "England", "Scotland", "Wales", "Northern Ireland", "Britain", "Great Britain",
    "Torbay", "Bristol", "Leicester", "Nottingham", "Coventry", "Bradford", "Belfast",
    "Southampton", "Portsmouth", "Plymouth", "Oxford", "Cambridge", "Brighton",
    "Westminster", "Whitehall", "Downing Street", "Dublin", "Cork", "Aberdeen", "Dundee",
    "Stoke", "Hull", "Sunderland", "Wolverhampton", "Swansea",
    "Salisbury", "Croydon", "Essex", "Surrey", "Yorkshire", "Lancashire",
    "Cornwall", "Devon",
    # elsewhere
    "Europe", "Asia", "Africa", "North America", "South America", "Latin America",
    "Middle East", "Gaza", "West Bank", "Crimea", "Donbas", "Kurdistan", "Kashmir",
    "Taiwan", "Hong Kong", "Tibet", "Xinjiang", "Siberia", "Balkans", "Caribbean",
    "Scandinavia", "Brussels", "Geneva", "Davos", "Strasbourg", "The Hague", "Munich",
    "Hamburg", "Milan", "Barcelona", "Toronto", "Montreal", "Vancouver", "Sydney",
    "Melbourne", "Mumbai", "Shanghai", "Aleppo", "Mosul", "Raqqa", "Fallujah", "Idlib",
    "Sochi", "Helsinki", "Singapore", "Hanoi",
)

# Demonyms and groups of people a name-like phrase may denote (plural forms).
EXTRA_GROUPS: tuple[str, ...] = (
    "Latinos", "Latinas", "Latinx", "Latino", "Latina", "Hispanics", "Democrats",
    "Republicans", "Independents", "Conservatives", "Liberals", "Progressives",
    "Libertarians", "Evangelicals", "Christians", "Catholics", "Protestants", "Mormons",
    "Muslims", "Jews", "Sikhs", "Hindus", "Buddhists", "Blacks", "Whites", "Asians",
    "African Americans", "Asian Americans", "Native Americans", "Mexican Americans",
    "Arab Americans", "Cuban Americans", "Dreamers", "Tea Partiers", "Never Trumpers",
    "Trumpers", "Bernie Bros", "Berniecrats", "Democratic Socialists", "Socialists",
    "Communists", "Marxists", "Nazis", "Neo-Nazis", "Antifa", "Proud Boys", "Oath Keepers",
    "QAnon", "Boomers", "Millennials", "Gen Z", "Baby Boomers", "Veterans", "Vets",
    "Immigrants", "Refugees", "Migrants", "Voters", "Taxpayers", "Senators",
    "Representatives", "Lawmakers", "Congressmen", "Governors", "Tories", "Whigs",
    "Labourites", "Brexiteers", "Remainers", "Leavers", "Unionists", "Nationalists",
    "Loyalists", "Republicans In Name Only", "RINOs", "Freedom Caucus", "Blue Dogs",
    "Founding Fathers", "Founders", "Framers", "Americans", "Brits", "Yankees",
    "French", "English", "Welsh", "Koreans", "Europeans", "Africans", "Arabs", "Kurds",
    "Sunnis", "Shiites", "Shias", "Yazidis", "Rohingya", "Uighurs", "Uyghurs", "Palestinians",
    "Persians", "Westerners", "Northerners", "Southerners", "Midwesterners", "New Yorkers",
    "Texans", "Californians", "Floridians",
)
