"""The words that signal reported speech in German news: cue verbs and nouns, prepositional cues,
and the subjunctive (Konjunktiv I/II) that marks indirect speech.

The verb list started from the cues most frequent in SpkAtt-2023 Wikinews (our tuning part of its
train split, see docs/quotes.md) and was completed with their synonyms; lemmas come from simplemma.
"""

from __future__ import annotations

from functools import lru_cache

from chronik.nlp.lemmas import lemma

# Reporting verbs, as lemmas. A particle verb is listed joined ("mitteilen"); its split form
# ("teilte ... mit") is found through SEPARABLE below.
SPEECH_VERBS = frozenset("""
sagen erklären betonen mitteilen berichten bestätigen schreiben ankündigen bekanntgeben angeben äußern
kritisieren fordern warnen meinen behaupten bekräftigen versichern versprechen ergänzen hinzufügen
unterstreichen erläutern ausführen mahnen melden antworten entgegnen erwidern einräumen zugeben
vorwerfen dementieren bestreiten verkünden feststellen klarstellen kommentieren argumentieren begründen
beteuern hinweisen appellieren auffordern verlangen vorschlagen empfehlen fragen beklagen bedauern
zusichern zusagen spekulieren verlauten informieren resümieren bemerken anmerken präzisieren folgern
monieren rügen drohen wiederholen zitieren mutmaßen vermuten erzählen schildern beschreiben unterstellen
beschuldigen leugnen abstreiten verneinen bejahen prophezeien prognostizieren vorhersagen erinnern
klagen loben würdigen verteidigen rechtfertigen bezeichnen nennen urteilen befinden sprechen reagieren
beschließen entscheiden glauben hoffen befürchten fürchten schätzen annehmen ausgehen bitten rufen
skandieren twittern posten verlautbaren hervorgehen
verweisen aussagen bezweifeln anzweifeln bemängeln einwenden entgegenhalten bekunden darlegen festhalten
hervorheben verdeutlichen zurückweisen widersprechen vermelden signalisieren verraten enthüllen
erwähnen formulieren plädieren anprangern begrüßen gestehen eingestehen verurteilen befürworten drängen
erwägen beurteilen konstatieren bilanzieren attestieren bescheinigen bekennen
""".split())

# Verbs that take a zu-infinitive as what was said ("forderte X auf, ... zu beenden").
INFINITIVE_VERBS = frozenset("""
ankündigen fordern auffordern versprechen drohen ablehnen bitten anbieten beschließen vorschlagen
appellieren empfehlen zusagen zusichern verlangen mahnen warnen raten aufrufen vorwerfen vereinbaren
""".split())

# Particle verbs split in a main clause: lemma of the finite verb -> particles that complete it.
SEPARABLE: dict[str, dict[str, str]] = {}
for _joined in list(SPEECH_VERBS | INFINITIVE_VERBS):
    for _particle in ("bekannt", "hinzu", "heraus", "hervor", "hin", "mit", "an", "aus", "ein", "vor", "zu", "auf",
                      "ab", "zurück", "dar", "fest", "klar", "entgegen"):
        if _joined.startswith(_particle) and len(_joined) > len(_particle) + 3:
            SEPARABLE.setdefault(_joined[len(_particle):], {})[_particle] = _joined
del _joined, _particle
# "bekanntgeben" -> "geben" + "bekannt"; "ausgehen" (davon ausgehen) -> "gehen" + "aus"

# Finite verbs that are cues only with their particle (a bare "gab", "ging", "teilte" is not a cue).
PARTICLE_ONLY = frozenset(v for v in SEPARABLE if v not in SPEECH_VERBS and v not in INFINITIVE_VERBS)

# Nouns that introduce a quote ("die Forderung, ...", "nach Angaben des Ministeriums").
SPEECH_NOUNS = frozenset("""
Angaben Aussage Aussagen Ansicht Auffassung Einschätzung Darstellung Meinung Worten Informationen
Erklärung Mitteilung Bericht Berichten Berichte Hinweis Forderung Vorwurf Vorwürfe Warnung Behauptung
Ankündigung Einschätzungen Schätzungen Erkenntnissen Meldungen Angabe Überzeugung
""".split())

_SPEECH_NOUN_ENDINGS = tuple("""
angaben angabe aussage aussagen bericht berichten berichte meinung ansicht auffassung einschätzung
schätzung schätzungen stellungnahme informationen erkenntnissen erkenntnis vernehmen worten darstellung
mitteilung meldung meldungen analyse studie umfrage endergebnis ergebnis ergebnissen auskunft
überzeugung untersuchung prognose hochrechnung hochrechnungen statistik statistiken recherchen
zählung planungen berechnungen erfahrungen erkenntnisstand idee entwurf gesetz verfassung quellenlage
nachricht nachrichten hinweis hinweisen wunsch willen vorstellungen ermittlungen darstellungen
veröffentlichung vorhersage bekunden dokument plan
""".split())


def speech_noun(word: str) -> bool:
    """Nouns that make "nach X", "X nach", "laut X", "X zufolge" a cue ("nach Angaben", "Medienberichten nach")."""
    return word[:1].isupper() and (word in SPEECH_NOUNS or word.lower().endswith(_SPEECH_NOUN_ENDINGS))


# Documents and channels that "say" something: "In der Pressemitteilung des WWF heißt es ...", "Auf der
# Homepage wurde verkündet ..." — the phrase is the source when no one is named (SpkAtt marks it so).
_DOCUMENT_NOUN_ENDINGS = tuple("""
bericht berichts berichten mitteilung mitteilungen erklärung erklärungen stellungnahme homepage website
webseite internetseite brief briefs schreiben interview interviews zeitung blatt bulletin kommuniqué
studie urteil urteils beschluss beschlusses resolution protokoll dokument dokuments papier papiers
aufruf artikel beitrag sendung vorabversion fassung entwurf entwurfs gutachten analyse statement
vorlage gesetz gesetzes verordnung vertrag vertrags abkommen abkommens rede ansprache ankündigung antrag
ausgabe
""".split())


def document_noun(word: str) -> bool:
    """A noun naming a document or channel, also the last part of a compound ("documenta-Homepage")."""
    return word.rsplit("-", 1)[-1][:1].isupper() and word.lower().endswith(_DOCUMENT_NOUN_ENDINGS)


# Kinds of media whose name follows them: "das Nachrichtenmagazin Focus", "der Sender Arte".
_MEDIA_ENDINGS = ("magazin", "zeitung", "zeitschrift", "wochenblatt", "tageblatt", "sender", "agentur", "portal",
                  "rundfunk")


def media_noun(word: str) -> bool:
    return word[:1].isupper() and word.lower().endswith(_MEDIA_ENDINGS)


# Reporting verbs whose complement clause may stay in the indicative ("teilte mit, die Kamera ist ausgefallen").
STRONG_VERBS = frozenset("""
sagen erklären mitteilen berichten bestätigen betonen schreiben melden bekanntgeben angeben ergänzen
hinzufügen verkünden unterstreichen
""".split())

# Adverbs that report what a source said before: "Demnach ...", "ein Bericht, wonach ...".
ANAPHORIC = frozenset({"demnach", "demzufolge", "dementsprechend"})

# Prepositional cues: "laut X", "X zufolge", "nach Angaben von X", "gemäß X".
PREP_BEFORE = frozenset({"laut", "gemäß", "lt."})
PREP_AFTER = frozenset({"zufolge"})

PERSONAL_PRONOUNS = frozenset({"er", "sie"})
# forms that open an object, never a subject ("stellte den Minister …", "sagte dem Sender ein Sprecher")
OBJECT_ARTICLES = frozenset("den dem einen einem".split())
NOT_NOMINATIVE = OBJECT_ARTICLES | frozenset("ihn ihm ihnen uns mir mich dir dich".split())
# Finite auxiliaries and modals after which the subject may stand ("hat die EU zugesagt").
AUXILIARIES = frozenset("""
hat haben hatte hatten ist sind war waren wird werden will wollen wollte wollten soll sollen sollte sollten
habe hätte hätten sei seien wäre wären
""".split())
DETERMINERS = frozenset("""
der die das des dem den ein eine einer eines einem einen sein seine seines seinem seinen seiner ihr ihre
ihres ihrem ihren ihrer dieser diese dieses diesem diesen jener jene
""".split())

# Distinctive subjunctive forms that simplemma's lemma test below cannot see.
_SUBJ_I = frozenset("""
sei seien seiest habe werde könne müsse solle wolle dürfe möge wisse
""".split())
_SUBJ_II = frozenset("""
wäre wären hätte hätten würde würden käme kämen gäbe gäben könnte könnten müsste müssten müßte dürfte
dürften bräuchte bräuchten wüsste wüssten ginge gingen stünde stünden läge lägen bliebe ließe ließen
fände fänden hielte hielten täte täten sähe sähen
""".split())
_NOT_VERBS = frozenset("""
alle eine keine meine deine seine ihre unsere eure diese jene welche manche solche gerne ohne bitte ende
beide viele wenige
""".split())


@lru_cache(maxsize=65536)
def subjunctive(word: str) -> int:
    """1 for a form that can only be Konjunktiv I in the third person ("gehe", "sei", "habe"),
    2 for a Konjunktiv II form ("käme", "würde"), 0 otherwise. Capitalised words are nouns in German
    (the sentence's first word is the caller's concern)."""
    w = word.lower()
    if w in _SUBJ_II:
        return 2
    if w in _SUBJ_I or w == "seien":
        return 1
    if not word[:1].islower() or len(w) < 4 or not w.endswith("e") or w in _NOT_VERBS:
        return 0
    lem = lemma(w)
    if lem == w:
        return 0
    if lem.endswith("en") and w == lem[:-2] + "e":
        return 1
    if (lem.endswith("eln") or lem.endswith("ern")) and w == lem[:-1] + "e":
        return 1
    return 0


# STTS tags of finite verbs; the words that open a dass/ob clause.
FINITE_TAGS = frozenset({"VVFIN", "VAFIN", "VMFIN"})
CLAUSE_INTRO = ("dass", "daß", "ob")

# The reportive "sollen" of hearsay: "Er soll … gesagt haben", "Danach sollen …" (reportedly, as the source says).
REPORTIVE = frozenset("soll sollen".split())

# Forms of "werden": a passive ("wurde betont") or "wurde bekannt".
WERDEN = frozenset("wird werden werde wurde wurden worden würde würden".split())

# Phrases that state an opinion with a verb that says nothing alone: "ist der Meinung, dass", "vertritt die
# Auffassung", "zeigte sich zufrieden, dass", "hält es für möglich, dass", "legten Wert darauf, dass".
OPINION_VERBS = frozenset("sein vertreten zeigen halten legen".split())
# Nouns of saying, judging and demanding that make the verb before them a cue when a dass-, ob-, zu- or
# Konjunktiv clause follows them: "fassten den Beschluss, … zu führen", "wagte die Prognose, … würden".
_CUE_NOUNS = frozenset("""
beschluss prognose theorie these befehl hoffnung auffassung ansicht meinung überzeugung einschätzung
forderung aufforderung warnung vorwurf vorwürfe behauptung vermutung befürchtung ankündigung zusage
versprechen drohung bitte appell vorschlag empfehlung anweisung weisung erwartung sorge zuversicht
""".split())


def cue_noun(word: str) -> bool:
    """A noun of saying, judging or demanding, in the singular or plural ("Beschluss", "Forderungen")."""
    if not word[:1].isupper():
        return False
    low = word.lower()
    return low in _CUE_NOUNS or (low.endswith("en") and low[:-2] in _CUE_NOUNS) or \
        (low.endswith("n") and low[:-1] in _CUE_NOUNS)
OPINION_NOUNS = frozenset("Meinung Auffassung Ansicht Überzeugung Einschätzung".split())
STANCE_ADJECTIVES = frozenset("""
zufrieden unzufrieden optimistisch pessimistisch zuversichtlich besorgt überzeugt enttäuscht erleichtert
skeptisch überrascht empört erfreut bestürzt entsetzt schockiert irritiert verärgert
""".split())


def opinion_phrase(words: list[str]) -> int:
    """How many words after a verb make it a cue (0: none), from the verb and the words after it as written:
    ["ist", "der", "Meinung", ","] -> 2; ["zeigte", "sich", "sehr", "zufrieden"] -> 3."""
    if not words or not words[0][:1].islower():
        return 0
    lem = lemma(words[0])
    if lem not in OPINION_VERBS:
        return 0
    rest = words[1:5]
    if lem in ("sein", "vertreten") and len(rest) >= 2 and rest[0].lower() in ("der", "die") and \
            rest[1] in OPINION_NOUNS:
        return 2
    if lem == "zeigen" and rest[:1] == ["sich"]:
        for n, w in enumerate(rest[1:3], start=2):
            if w in STANCE_ADJECTIVES:
                return n
    if lem == "halten" and rest[:2] == ["es", "für"]:
        return 2
    if lem == "legen" and "Wert" in rest[:3]:  # "legten (großen) Wert darauf, dass"
        return rest.index("Wert") + 1
    return 0


def speech_verb(word: str) -> str | None:
    """The cue lemma a finite verb form stands for (without its particle), or None."""
    if not word[:1].islower():
        return None
    lem = _PARTICIPLES.get(word) or lemma(word)
    if lem in SPEECH_VERBS or lem in INFINITIVE_VERBS or lem in SEPARABLE:
        return lem
    return None


# participles simplemma reads as adjectives ("hat entschieden")
_PARTICIPLES = {"entschieden": "entscheiden"}
