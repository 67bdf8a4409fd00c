"""German event triggers for the 16 PLOVER types: verbs (as simplemma lemmas; particle verbs joined,
"ablehnen" for "lehnten … ab"), nouns and fixed phrases, each with a PLOVER type, a mode and the CAMEO
code it corresponds to (CAMEO 1.1b3; PLOVER's CAMEO2PLOVER table maps them back).

Written for chronik from the PLOVER manual's type definitions; the German words are our own choice.
"""

from __future__ import annotations

from typing import NamedTuple


class Trigger(NamedTuple):
    type: str
    mode: str | None
    cameo: str


def _t(type_: str, mode: str | None, cameo: str, words: str) -> dict[str, Trigger]:
    return {w: Trigger(type_, mode, cameo) for w in words.split()}


VERBS: dict[str, Trigger] = {
    **_t("CONSULT", "visit", "042", "besuchen bereisen reisen eintreffen"),
    **_t("CONSULT", "host", "043", "empfangen"),
    **_t("CONSULT", "meet", "040", "treffen zusammentreffen zusammenkommen beraten konferieren besprechen erörtern "
                                   "diskutieren tagen"),
    **_t("CONSULT", "phone", "040", "telefonieren"),
    **_t("CONSULT", "negotiate", "046", "verhandeln"),
    **_t("CONSULT", "mediate", "045", "vermitteln"),
    **_t("AGREE", "sign", "057", "unterzeichnen unterschreiben ratifizieren abschließen"),
    **_t("AGREE", "agree", "057", "einigen vereinbaren zustimmen verständigen einwilligen"),
    **_t("AGREE", "promise", "030", "zusagen zusichern versprechen"),
    **_t("SUPPORT", "praise", "051", "loben würdigen begrüßen preisen gratulieren danken"),
    **_t("SUPPORT", "award", "051", "verleihen auszeichnen ehren"),
    **_t("SUPPORT", "endorse", "050", "unterstützen befürworten anerkennen"),
    **_t("CONCEDE", "release", "0841", "freilassen freigeben begnadigen"),
    **_t("CONCEDE", "ease", "081", "aufheben lockern zubilligen zugestehen erlauben gestatten genehmigen"),
    **_t("CONCEDE", "apologise", "055", "entschuldigen"),
    **_t("COOPERATE", "cooperate", "060", "zusammenarbeiten kooperieren"),
    **_t("COOPERATE", "extradite", "0631", "ausliefern überstellen"),
    **_t("AID", "aid", "070", "helfen spenden"),
    **_t("RETREAT", "withdraw", "087", "abziehen zurückziehen räumen"),
    **_t("REQUEST", "demand", "100", "fordern auffordern verlangen drängen erwarten anmahnen aufrufen einfordern "
                                     "mahnen abbringen"),
    **_t("REQUEST", "appeal", "100", "appellieren bitten ersuchen"),
    **_t("ACCUSE", "criticise", "111", "kritisieren rügen tadeln bemängeln attackieren beklagen"),
    **_t("ACCUSE", "condemn", "112", "verurteilen anprangern brandmarken"),
    **_t("ACCUSE", "accuse", "112", "vorwerfen beschuldigen bezichtigen anklagen beschweren"),
    **_t("REJECT", "reject", "120", "ablehnen zurückweisen verwerfen blockieren ausschließen"),
    **_t("REJECT", "refuse", "120", "verweigern"),
    **_t("REJECT", "deny", "120", "dementieren bestreiten abstreiten widersprechen"),
    **_t("THREATEN", "threaten", "130", "drohen androhen"),
    **_t("PROTEST", "demonstrate", "141", "demonstrieren protestieren streiken"),
    **_t("SANCTION", "sanction", "163", "sanktionieren boykottieren"),
    **_t("SANCTION", "expel", "161", "ausweisen"),
    **_t("MOBILIZE", "deploy", "150", "stationieren entsenden mobilisieren"),
    **_t("COERCE", "arrest", "173", "festnehmen verhaften inhaftieren"),
    **_t("COERCE", "deport", "174", "abschieben"),
    **_t("COERCE", "ban", "172", "verbieten untersagen"),
    **_t("COERCE", "seize", "171", "beschlagnahmen"),
    **_t("ASSAULT", "attack", "190", "angreifen bombardieren beschießen beschiessen überfallen"),
    **_t("ASSAULT", "kill", "186", "töten ermorden erschießen"),
    **_t("ASSAULT", "abduct", "181", "entführen"),
}

NOUNS: dict[str, Trigger] = {
    **_t("CONSULT", "visit", "042", "Besuch Staatsbesuch Antrittsbesuch Reise Visite"),
    **_t("CONSULT", "meet", "040", "Treffen Gipfeltreffen Gipfel Krisensitzung Krisentreffen Zusammenkunft "
                                   "Konsultationen Gespräch Gespräche Gesprächen"),
    **_t("CONSULT", "phone", "040", "Telefonat Telefongespräch"),
    **_t("CONSULT", "negotiate", "046", "Verhandlung Verhandlungen Beitrittsverhandlungen Friedensgespräche "
                                        "Friedensverhandlungen"),
    **_t("CONSULT", "mediate", "045", "Vermittlung"),
    **_t("AGREE", "agree", "057", "Einigung Vereinbarung Waffenruhe Waffenstillstand"),
    **_t("COOPERATE", "cooperate", "060", "Zusammenarbeit Kooperation"),
    **_t("AID", "aid", "070", "Hilfslieferungen Hilfsgüter Hilfsgütern Finanzhilfe Militärhilfe Wirtschaftshilfe"),
    **_t("RETREAT", "withdraw", "087", "Abzug Truppenabzug Rückzug"),
    **_t("MOBILIZE", "deploy", "150", "Truppenentsendung Stationierung"),
    **_t("SANCTION", "expel", "161", "Ausweisung"),
    **_t("AGREE", "sign", "057", "Abkommen Vertrag Friedensabkommen Unterzeichnung"),
    **_t("SUPPORT", "award", "051", "Orden Auszeichnung Ehrung"),
    **_t("REQUEST", "demand", "100", "Forderung Aufforderung Appell Vorbedingungen"),
    **_t("ACCUSE", "criticise", "111", "Kritik Protestnote Verurteilung"),
    **_t("ACCUSE", "accuse", "112", "Vorwurf Vorwürfe Anschuldigung Anschuldigungen"),
    **_t("REJECT", "reject", "120", "Ablehnung Veto Gegenstimme Gegenstimmen Zurückweisung Dementi"),
    **_t("THREATEN", "threaten", "130", "Drohung Drohungen Ultimatum Warnung Gegenmaßnahmen Vergeltung"),
    **_t("PROTEST", "demonstrate", "141", "Demonstration Demonstrationen Kundgebung Protest Proteste Streik "
                                          "Hungerstreik"),
    **_t("SANCTION", "sanction", "163", "Sanktion Sanktionen Embargo Boykott"),
    **_t("COERCE", "arrest", "173", "Festnahme Verhaftung Festnahmen Verhaftungen"),
    **_t("COERCE", "curfew", "172", "Ausgangssperre Ausnahmezustand"),
    **_t("ASSAULT", "attack", "190", "Angriff Angriffe Anschlag Anschläge Bombenanschlag Luftangriff "
                                     "Luftangriffe Schusswechsel Beschuss Feuergefecht Invasion Militärschlag "
                                     "Raketenangriff Raketenangriffe Bombardierung Offensive Schüsse Feuer"),
    **_t("ASSAULT", "abduct", "181", "Entführung Entführungen Geiselnahme"),
}

# Words in a clause that turn "angreifen"/"attackieren" from force into words (ACCUSE).
VERBAL = frozenset({"worten", "scharf", "scharfen", "verbal", "kritik", "rede", "als"})

# Particles of split verbs: "lehnten … ab", "griff … an", "wirft … vor", "billigten … zu".
PARTICLES = frozenset({"ab", "an", "auf", "aus", "ein", "fest", "frei", "vor", "zu", "zurück", "zusammen",
                       "hin", "mit", "nach"})

# Fixed phrases (lower-case word sequences) -> trigger, found anywhere in a clause.
PHRASES: dict[tuple[str, ...], Trigger] = {
    ("nicht", "infrage"): Trigger("REJECT", "reject", "120"),
    ("nicht", "in", "frage"): Trigger("REJECT", "reject", "120"),
    ("in", "frage", "gestellt"): Trigger("REJECT", "reject", "120"),
    ("infrage", "gestellt"): Trigger("REJECT", "reject", "120"),
    ("stark", "machte"): Trigger("SUPPORT", "endorse", "050"),
    ("stark", "machen"): Trigger("SUPPORT", "endorse", "050"),
    ("auf", "skepsis"): Trigger("REJECT", "reject", "120"),
    ("unerwünschten", "personen"): Trigger("SANCTION", "expel", "161"),
    ("unerwünschten", "person"): Trigger("SANCTION", "expel", "161"),
}

# Modality words
FUTURE_AUX = frozenset({"werde", "werden", "wird", "wirst", "will", "wollen", "wolle", "soll", "sollen",
                        "solle", "plant", "planen", "plane", "beabsichtigt", "möchte", "möchten", "wollte",
                        "geplant", "kündigte", "angekündigt", "vorgesehen", "bald", "morgen", "künftig"})
CONDITIONAL = frozenset({"falls", "wenn", "sofern", "solange"})
NEGATION = frozenset({"nicht", "kein", "keine", "keinen", "keinem", "keiner", "nie", "niemals"})
HYPOTHETICAL = frozenset({"könnte", "könnten", "würde", "würden", "möglicherweise", "eventuell", "vielleicht"})
