"""Hand-written German actor vocabulary: country adjectives and variants, organisations, institutions,
parties and armed groups, and the role nouns ("Präsident", "Außenminister", "Armee") that make a
description an actor. Written for chronik; the generated part of the knowledge base (country names,
office holders, places) is built by training/actors_kb.py from public data.

Codes follow the annotation contract: ISO 3166 alpha-3 for countries, the organisation codes of the
evaluation guide (UN, EU, NATO, …) for international organisations, INT for transnational groups.
"""

from __future__ import annotations

# Country adjectives (stem without inflection ending) and extra names, by ISO alpha-3. The builder adds
# the CLDR German names and derives adjectives for countries not listed here.
ADJECTIVES: dict[str, tuple[str, ...]] = {
    "AFG": ("afghanisch",), "EGY": ("ägyptisch",), "ALB": ("albanisch",), "DZA": ("algerisch",),
    "AGO": ("angolanisch",), "ARG": ("argentinisch",), "ARM": ("armenisch",), "AZE": ("aserbaidschanisch",),
    "ETH": ("äthiopisch",), "AUS": ("australisch",), "BHR": ("bahrainisch",), "BGD": ("bangladeschisch",),
    "BEL": ("belgisch",), "BLR": ("belarussisch", "weißrussisch"), "BOL": ("bolivianisch",),
    "BIH": ("bosnisch", "bosnisch-herzegowinisch"), "BRA": ("brasilianisch",), "BGR": ("bulgarisch",),
    "CHL": ("chilenisch",), "CHN": ("chinesisch",), "CRI": ("costa-ricanisch",), "DNK": ("dänisch",),
    "DEU": ("deutsch", "bundesdeutsch"), "ECU": ("ecuadorianisch",), "CIV": ("ivorisch",), "SLV": ("salvadorianisch",),
    "ERI": ("eritreisch",), "EST": ("estnisch",), "FIN": ("finnisch",), "FRA": ("französisch",),
    "GEO": ("georgisch",), "GHA": ("ghanaisch",), "GRC": ("griechisch",), "GBR": ("britisch", "englisch"),
    "GTM": ("guatemaltekisch",), "HTI": ("haitianisch",), "HND": ("honduranisch",), "IND": ("indisch",),
    "IDN": ("indonesisch",), "IRQ": ("irakisch",), "IRN": ("iranisch",), "IRL": ("irisch",),
    "ISL": ("isländisch",), "ISR": ("israelisch",), "ITA": ("italienisch",), "JAM": ("jamaikanisch",),
    "JPN": ("japanisch",), "YEM": ("jemenitisch",), "JOR": ("jordanisch",), "KHM": ("kambodschanisch",),
    "CMR": ("kamerunisch",), "CAN": ("kanadisch",), "KAZ": ("kasachisch",), "QAT": ("katarisch",),
    "KEN": ("kenianisch",), "KGZ": ("kirgisisch",), "COL": ("kolumbianisch",), "COD": ("kongolesisch",),
    "PRK": ("nordkoreanisch",), "KOR": ("südkoreanisch",), "XKX": ("kosovarisch", "kosovo-albanisch"),
    "HRV": ("kroatisch",), "CUB": ("kubanisch",), "KWT": ("kuwaitisch",), "LAO": ("laotisch",),
    "LVA": ("lettisch",), "LBN": ("libanesisch",), "LBR": ("liberianisch",), "LBY": ("libysch",),
    "LTU": ("litauisch",), "LUX": ("luxemburgisch",), "MDG": ("madagassisch",), "MWI": ("malawisch",),
    "MYS": ("malaysisch",), "MLI": ("malisch",), "MAR": ("marokkanisch",), "MKD": ("mazedonisch", "nordmazedonisch"),
    "MEX": ("mexikanisch",), "MDA": ("moldauisch", "moldawisch"), "MNG": ("mongolisch",),
    "MNE": ("montenegrinisch",), "MOZ": ("mosambikanisch",), "MMR": ("myanmarisch", "birmanisch"),
    "NAM": ("namibisch",), "NPL": ("nepalesisch",), "NZL": ("neuseeländisch",), "NIC": ("nicaraguanisch",),
    "NLD": ("niederländisch", "holländisch"), "NER": ("nigrisch",), "NGA": ("nigerianisch",),
    "NOR": ("norwegisch",), "OMN": ("omanisch",), "AUT": ("österreichisch",), "PAK": ("pakistanisch",),
    "PSE": ("palästinensisch",), "PAN": ("panamaisch",), "PRY": ("paraguayisch",), "PER": ("peruanisch",),
    "PHL": ("philippinisch",), "POL": ("polnisch",), "PRT": ("portugiesisch",), "RWA": ("ruandisch",),
    "ROU": ("rumänisch",), "RUS": ("russisch",), "ZMB": ("sambisch",), "SAU": ("saudi-arabisch", "saudisch"),
    "SWE": ("schwedisch",), "CHE": ("schweizerisch", "eidgenössisch"), "SEN": ("senegalesisch",),
    "SRB": ("serbisch",), "ZWE": ("simbabwisch",), "SGP": ("singapurisch",), "SVK": ("slowakisch",),
    "SVN": ("slowenisch",), "SOM": ("somalisch",), "ESP": ("spanisch",), "LKA": ("sri-lankisch",),
    "ZAF": ("südafrikanisch",), "SDN": ("sudanesisch",), "SSD": ("südsudanesisch",), "SYR": ("syrisch",),
    "TJK": ("tadschikisch",), "TWN": ("taiwanisch",), "TZA": ("tansanisch",), "THA": ("thailändisch",),
    "TCD": ("tschadisch",), "CZE": ("tschechisch",), "TUN": ("tunesisch",), "TUR": ("türkisch",),
    "TKM": ("turkmenisch",), "UGA": ("ugandisch",), "UKR": ("ukrainisch",), "HUN": ("ungarisch",),
    "URY": ("uruguayisch",), "USA": ("amerikanisch", "us-amerikanisch", "nordamerikanisch"),
    "UZB": ("usbekisch",), "VEN": ("venezolanisch",), "ARE": ("emiratisch",), "VNM": ("vietnamesisch",),
    "CYP": ("zypriotisch",), "CAF": ("zentralafrikanisch",), "SLE": ("sierra-leonisch",),
}

# Names the CLDR list lacks: older or colloquial forms, short forms, and capitals used for governments.
EXTRA_NAMES: dict[str, tuple[str, ...]] = {
    "KGZ": ("Kirgistan", "Kirgisien"),
    "USA": ("USA", "Vereinigte Staaten von Amerika", "Vereinigten Staaten", "Amerika", "US"),
    "GBR": ("Großbritannien", "England", "UK"), "BLR": ("Weißrussland",),
    "COD": ("Kongo", "DR Kongo", "Demokratische Republik Kongo"),
    "COG": ("Republik Kongo",), "PSE": ("Palästina", "Palästinensergebiete", "Gazastreifen", "Westjordanland"),
    "NLD": ("Holland",), "MKD": ("Mazedonien",), "CZE": ("Tschechische Republik",), "RUS": ("Russische Föderation",),
    "DEU": ("Bundesrepublik", "Bundesrepublik Deutschland", "BRD"), "KOR": ("Korea",), "MMR": ("Birma", "Burma"),
    "CIV": ("Elfenbeinküste",), "VAT": ("Vatikan",), "IRN": ("Persien",), "MDA": ("Moldawien", "Moldau", "Moldova"),
    "TLS": ("Osttimor",), "ARE": ("VAE", "Emirate"), "CHE": ("Schweiz",), "SWZ": ("Swasiland",),
}

# Compound prefixes ("US-Außenministerin", "EU-Kommission", "Kremlchef") -> code.
PREFIXES: dict[str, str] = {
    "us": "USA", "uno": "UN", "un": "UN", "eu": "EU", "nato": "NATO", "iaea": "IAEA", "iaeo": "IAEA",
    "osze": "OSCE", "au": "AU", "who": "WHO", "iwf": "IMF", "kreml": "RUS", "bundes": "DEU",
    "opec": "OPEC", "g8": "G8", "g7": "G7", "g20": "G20",
}

# Organisations, institutions, parties and groups: surface forms -> (code, sector, canonical name).
# Matched on whole words, longest first; lower-case forms ("kreml") match any capitalisation.
ORGANISATIONS: list[tuple[tuple[str, ...], str, str, str]] = [
    # the UN's and the EU's organs keep their own (official) names and the organisation's code
    (("Vereinte Nationen", "Vereinten Nationen", "UNO", "UN", "Uno", "UN-Mission", "UN-Generalsekretär"),
     "UN", "IGO", "Vereinte Nationen"),
    (("UN-Sicherheitsrat", "Sicherheitsrat", "Weltsicherheitsrat", "UN-Weltsicherheitsrat"), "UN", "IGO",
     "Sicherheitsrat der Vereinten Nationen"),
    (("UN-Generalversammlung", "Generalversammlung"), "UN", "IGO", "Generalversammlung der Vereinten Nationen"),
    (("UN-Menschenrechtsrat",), "UN", "IGO", "Menschenrechtsrat der Vereinten Nationen"),
    (("UNHCR",), "UN", "IGO", "UNHCR"),
    (("UNICEF", "Unicef"), "UN", "IGO", "UNICEF"),
    (("Europäische Union", "Europäischen Union", "EU", "EU-Staaten", "EU-Außenminister", "Brüssel"), "EU", "IGO",
     "Europäische Union"),
    (("EU-Kommission", "Europäische Kommission", "Europäischen Kommission"), "EU", "IGO", "EU-Kommission"),
    (("Europaparlament", "Europäisches Parlament", "Europäischen Parlament", "Europäischen Parlaments",
      "EU-Parlament"), "EU", "IGO", "Europäisches Parlament"),
    (("Europäischen Rat", "Europäische Rat", "Europäischer Rat"), "EU", "IGO", "Europäischer Rat"),
    (("NATO", "Nato", "Nordatlantikpakt", "Atlantische Bündnis"), "NATO", "IGO", "NATO"),
    (("IAEA", "IAEO", "Internationale Atomenergiebehörde", "Internationalen Atomenergiebehörde",
      "Internationale Atomenergieorganisation", "Internationalen Atomenergieorganisation", "Atomenergiebehörde"),
     "IAEA", "IGO", "IAEA"),
    (("OSZE", "Organisation für Sicherheit und Zusammenarbeit in Europa"), "OSCE", "IGO", "OSZE"),
    (("Afrikanische Union", "Afrikanischen Union", "AU"), "AU", "IGO", "Afrikanische Union"),
    (("ASEAN",), "ASEAN", "IGO", "ASEAN"),
    (("OVKS", "Organisation des Vertrags über kollektive Sicherheit"), "CSTO", "IGO", "OVKS"),
    (("GUS", "Gemeinschaft Unabhängiger Staaten"), "CIS", "IGO", "GUS"),
    (("SOZ", "Schanghaier Organisation für Zusammenarbeit", "Shanghaier Organisation für Zusammenarbeit"),
     "SCO", "IGO", "SOZ"),
    (("Eurasische Wirtschaftsunion", "Eurasischen Wirtschaftsunion", "EAWU", "EAEU"), "EAEU", "IGO",
     "Eurasische Wirtschaftsunion"),
    (("WHO", "Weltgesundheitsorganisation"), "WHO", "IGO", "WHO"),
    (("IWF", "Internationaler Währungsfonds", "Internationalen Währungsfonds", "Internationale Währungsfonds"),
     "IMF", "IGO", "IWF"),
    (("WTO", "Welthandelsorganisation"), "WTO", "IGO", "WTO"),
    (("IStGH", "Internationaler Strafgerichtshof", "Internationale Strafgerichtshof",
      "Internationalen Strafgerichtshof"), "ICC", "IGO", "Internationaler Strafgerichtshof"),
    (("G7",), "G7", "IGO", "G7"), (("G8",), "G8", "IGO", "G8"), (("G20",), "G20", "IGO", "G20"),
    (("OPEC", "Opec"), "OPEC", "IGO", "OPEC"),
    (("Arabische Liga", "Arabischen Liga"), "ARABLEAGUE", "IGO", "Arabische Liga"),
    (("OAS",), "OAS", "IGO", "OAS"), (("Mercosur",), "MERCOSUR", "IGO", "Mercosur"),
    # transnational and non-state groups
    (("al-Qaida", "Al-Qaida", "al-Qaeda", "Al Qaida", "al Qaida", "El Kaida", "Al-Kaida", "al-Kaida"),
     "INT", "REB", "al-Qaida"),
    (("Islamischer Staat", "Islamischen Staat", "Islamischen Staates", "IS", "ISIS", "IS-Miliz"),
     "INT", "REB", "Islamischer Staat"),
    (("Hamas",), "PSE", "REB", "Hamas"), (("Fatah",), "PSE", "PTY", "Fatah"),
    (("Hisbollah", "Hizbollah"), "LBN", "REB", "Hisbollah"), (("Taliban",), "AFG", "REB", "Taliban"),
    (("PKK",), "TUR", "REB", "PKK"), (("Dschandschawid", "Dschandschawid-Miliz"), "SDN", "REB", "Dschandschawid"),
    # institutions that stand for a government
    (("Kreml", "kreml"), "RUS", "GOV", "Kreml"), (("Duma", "Staatsduma"), "RUS", "LEG", "Duma"),
    (("Weiße Haus", "Weißen Haus", "Weißes Haus", "Weißen Hauses"), "USA", "GOV", "Weißes Haus"),
    (("Pentagon",), "USA", "MIL", "Pentagon"), (("US-Kongress", "Kongress"), "USA", "LEG", "Kongress"),
    (("CIA", "FBI"), "USA", "GOV", "US-Geheimdienst"), (("NASA",), "USA", "GOV", "NASA"),
    (("Bundesregierung", "Bundesregierung"), "DEU", "GOV", "Bundesregierung"),
    (("Bundestag", "Bundesrat"), "DEU", "LEG", "Bundestag"), (("Bundeswehr",), "DEU", "MIL", "Bundeswehr"),
    (("Bundesverfassungsgericht",), "DEU", "JUD", "Bundesverfassungsgericht"),
    (("Auswärtige Amt", "Auswärtigen Amt", "Auswärtigen Amts", "Auswärtiges Amt"), "DEU", "GOV", "Auswärtiges Amt"),
    (("Élysée", "Elysée", "Élysée-Palast", "Elysee-Palast"), "FRA", "GOV", "Élysée"),
    (("Downing Street",), "GBR", "GOV", "Downing Street"), (("Knesset",), "ISR", "LEG", "Knesset"),
    (("Mossad",), "ISR", "SPY", "Mossad"), (("IDF", "Zahal"), "ISR", "MIL", "IDF"),
    (("Vatikan", "Heilige Stuhl", "Heiligen Stuhl"), "VAT", "REL", "Heiliger Stuhl"),
    # German and Austrian parties
    (("CDU", "CSU", "CDU/CSU", "CDU / CSU", "Union", "Unionsparteien", "SPD", "FDP", "Grünen", "Grüne",
      "Linke", "Linkspartei", "AfD", "PDS", "BSW"), "DEU", "PTY", "deutsche Partei"),
    (("ÖVP", "SPÖ", "FPÖ", "BZÖ"), "AUT", "PTY", "österreichische Partei"),
    (("Likud", "Kadima"), "ISR", "PTY", "israelische Partei"),
]

# Role nouns: a lower-cased word (or the ending of a compound: "…minister") -> sector. A role noun with a
# country (adjective, genitive, compound prefix or "aus X") is an actor of that country and sector.
ROLES: dict[str, str] = {
    "präsident": "GOV", "präsidentin": "GOV", "staatspräsident": "GOV", "staatschef": "GOV",
    "staatsoberhaupt": "GOV", "regierungschef": "GOV", "regierungschefin": "GOV", "premierminister": "GOV",
    "premierministerin": "GOV", "premier": "GOV", "ministerpräsident": "GOV", "ministerpräsidentin": "GOV",
    "kanzler": "GOV", "kanzlerin": "GOV", "bundeskanzler": "GOV", "bundeskanzlerin": "GOV",
    "minister": "GOV", "ministerin": "GOV", "ministerium": "GOV", "regierung": "GOV", "regierungen": "GOV",
    "behörden": "GOV", "behörde": "GOV", "führung": "GOV", "staatsführung": "GOV", "diplomat": "GOV",
    "diplomaten": "GOV", "botschafter": "GOV", "botschafterin": "GOV", "botschaft": "GOV", "sprecher": "GOV",
    "sprecherin": "GOV", "amtskollege": "GOV", "amtskollegen": "GOV", "amtskollegin": "GOV",
    "delegation": "GOV", "vertreter": "GOV", "chef": "GOV", "vizechef": "GOV", "außenamt": "GOV",
    "könig": "GOV", "königin": "GOV", "emir": "GOV", "kronprinz": "GOV", "machthaber": "GOV",
    "generalsekretär": "IGO", "kommission": "IGO", "direktor": "GOV", "direktorin": "GOV",
    "beauftragte": "GOV", "beauftragter": "GOV", "beauftragten": "GOV", "gesandte": "GOV", "gesandter": "GOV",
    "gesandten": "GOV", "vertreterin": "GOV", "kommissar": "GOV", "kommissarin": "GOV", "unterhändler": "GOV",
    "berater": "GOV", "beraterin": "GOV", "vorsitzende": "GOV", "vorsitzender": "GOV", "vorsitzenden": "GOV",
    "armee": "MIL", "militär": "MIL", "streitkräfte": "MIL", "truppen": "MIL", "soldaten": "MIL",
    "luftwaffe": "MIL", "marine": "MIL", "kampfflugzeuge": "MIL", "kampfjets": "MIL", "jagdflugzeuge": "MIL",
    "general": "MIL", "generalstab": "MIL", "militärs": "MIL", "militärsprecher": "MIL",
    "polizei": "COP", "polizisten": "COP", "sicherheitskräfte": "COP", "sicherheitskreise": "COP",
    "geheimdienst": "SPY", "justiz": "JUD", "gericht": "JUD", "staatsanwaltschaft": "JUD",
    "parlament": "LEG", "abgeordnete": "LEG", "abgeordneten": "LEG", "opposition": "OPP",
    "oppositionsführer": "OPP", "rebellen": "REB", "aufständische": "REB", "aufständischen": "REB",
    "milizen": "REB", "miliz": "REB", "separatisten": "REB", "demonstranten": "OPP", "protestierende": "OPP",
    "bürger": "CVL", "bevölkerung": "CVL", "einwohner": "CVL",
}

# Compound heads that make a role: "Verteidigungsminister", "Außenministerin", "Kremlsprecher".
ROLE_HEADS: tuple[tuple[str, str], ...] = (
    ("ministerin", "GOV"), ("minister", "GOV"), ("ministerium", "GOV"), ("sprecherin", "GOV"),
    ("sprecher", "GOV"), ("präsidentin", "GOV"), ("präsident", "GOV"), ("chefin", "GOV"), ("chef", "GOV"),
    ("kanzlerin", "GOV"), ("kanzler", "GOV"), ("botschafter", "GOV"), ("regierung", "GOV"),
    ("behörde", "GOV"), ("generalsekretär", "IGO"), ("streitkräfte", "MIL"), ("truppen", "MIL"),
    ("soldaten", "MIL"), ("luftwaffe", "MIL"), ("armee", "MIL"), ("polizei", "COP"), ("direktor", "GOV"),
    ("direktorin", "GOV"), ("beauftragte", "GOV"), ("beauftragter", "GOV"), ("gesandte", "GOV"),
    ("kommissar", "GOV"), ("vorsitzende", "GOV"), ("unterhändler", "GOV"),
)

# Staff nouns: an actor only as the head of a compound whose first part is a known actor ("UN-Mitarbeiter",
# "EU-Beamte", "IAEA-Inspektoren"); alone ("die Mitarbeiter") they are anybody's staff.
STAFF: dict[str, str] = {w: "GOV" for w in (
    "mitarbeiter", "mitarbeiterin", "mitarbeitern", "beamte", "beamten", "beamter", "inspektor", "inspektoren",
    "inspekteure", "experten", "ermittler", "beobachter", "helfer", "angestellte", "angestellten")}

# Role nouns that name a group or an institution, not one person: their descriptions are labelled ORG
# ("die russische Regierung", "die Polizei", "die Rebellen"), the others PER ("der Kremlchef").
GROUP_ENDINGS = ("ministerium", "regierung", "regierungen", "behörde", "behörden", "führung", "botschaft",
                 "delegation", "amt", "kommission", "armee", "militär", "militärs", "streitkräfte", "truppen",
                 "soldaten", "luftwaffe", "marine", "flugzeuge", "jets", "stab", "polizei", "polizisten",
                 "kräfte", "kreise", "dienst", "justiz", "gericht", "anwaltschaft", "parlament", "opposition",
                 "rebellen", "aufständische", "aufständischen", "milizen", "miliz", "separatisten",
                 "demonstranten", "protestierende", "bürger", "bevölkerung", "einwohner", "diplomaten")


def group_role(word: str) -> bool:
    """Does the role noun name a group or institution ("Außenministerium", "Polizei")?"""
    return word.lower().endswith(GROUP_ENDINGS)


# Head-of-state words: a role that the office holder at the publication date can fill.
LEADER_ROLES = frozenset({"präsident", "präsidentin", "staatspräsident", "staatschef", "staatsoberhaupt",
                          "kremlchef", "regierungschef", "regierungschefin", "premierminister",
                          "premierministerin", "ministerpräsident", "kanzler", "kanzlerin", "bundeskanzler",
                          "bundeskanzlerin", "machthaber"})
