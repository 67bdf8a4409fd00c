"""Who is speaking: the speaker mention next to a cue, and what it refers to in the document.

A mention is a name ("Peskow", "der kirgisische Präsident Almasbek Atambajew"), an institution
("die Bundesregierung"), a description ("Putins Sprecher") or a pronoun ("betonte er"). Resolution
stays within the document: a surname goes to the fullest form of that name in the text, a pronoun
to the last person quoted or named just before, a description to the person the text earlier
introduced with the same role noun ("sein Sprecher Dmitri Peskow"). Country and sector come with
the actor knowledge base; until then they are null.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any

from chronik.document import is_named, is_nominal
from chronik.nlp.view import CLAUSE_BREAKS, END_PUNCT, QUOTE_CHARS, DocView
from chronik.quotes.lexicon import (
    ANAPHORIC,
    AUXILIARIES,
    CLAUSE_INTRO,
    DETERMINERS,
    FINITE_TAGS,
    NOT_NOMINATIVE,
    OBJECT_ARTICLES,
    PERSONAL_PRONOUNS,
    document_noun,
    lemma,
    media_noun,
    speech_noun,
    speech_verb,
)
from chronik.time.partial import MONTHS_DE

# Words that may stand between a cue verb and its subject ("sagte dazu Peskow", "betonte auch er").
_ADVERBS = frozenset("""
auch dazu dabei zudem weiter außerdem ferner darüber daraufhin daher jedoch aber nun noch bereits schon
nochmals erneut später zuvor gestern heute morgen sofort damals am im gegenüber bei vor nach
nur lediglich selbst ebenfalls jetzt zuletzt zunächst dann inzwischen allerdings schließlich
""".split())
_BACK_REFERENCES = frozenset("letztere letzterer ersterer erstere".split())  # "„…“, so letztere"
_NOT_SUBJECT = frozenset("es man dies was wer ihm ihr ihnen uns".split())
_FINITE = AUXILIARIES | frozenset("wurde wurden kann können konnte konnten muss müssen musste mussten".split())
_TIME_WORDS = frozenset("""
montag dienstag mittwoch donnerstag freitag samstag sonntag montags wochenende woche monat jahr jahres
vormittag nachmittag abend morgen anfang mitte ende uhr
""".split())
_PRONOUNS = frozenset({"PIS", "PIAT", "PDS"})  # STTS: "Einige (der Abgeordneten)", "Viele", "Diese"
WEB_NAME = re.compile(r"^[\w-]+(\.[\w-]+)*\.(de|com|net|org|at|ch|eu|info)$")  # "tagesschau.de", "t-online.de"
_POSSESSIVES = frozenset("sein seine seinem seinen seiner seines ihr ihre ihrem ihren ihrer ihres".split())
_PRONOUNS_AND_POSSESSIVES = PERSONAL_PRONOUNS | _POSSESSIVES
_NOT_ADJECTIVE = frozenset({"VVFIN", "VAFIN", "VMFIN", "ADV", "VVINF", "VAINF", "VMINF"})  # "könnte", "möglicherweise"
_FOCUS = frozenset("auch selbst sogar nur allein ebenfalls".split())  # "Auch X sagte": part of the subject
_NUMBER_WORDS = frozenset("zwei drei vier fünf sechs sieben acht neun zehn elf zwölf zwanzig hundert tausend".split())
# Lower-case particles that open a name ("de Maizière", "van Rompuy", "al-Assad" is one token).
_NAME_PARTICLES = frozenset("de di da du le la del van ter ten al el bin ibn abu".split())
# Words that open a German main clause without being its subject (the subject then follows the verb).
FRONTED = frozenset("""
auch dazu dabei zudem weiter weiterhin außerdem ferner darüber daraufhin daher deshalb deswegen jedoch
aber nun noch bereits schon nochmals erneut später zuvor gestern heute morgen sofort damals dann danach
demnach dennoch trotzdem allerdings zugleich gleichzeitig ebenso ebenfalls zunächst zuletzt schließlich
inzwischen mittlerweile bislang bisher derzeit zurzeit jetzt hier dort so sinngemäß wörtlich konkret
offiziell offenbar vermutlich wohl gegenüber als begründung insbesondere vor allem zuerst erst gerade
""".split())
PREPOSITIONS = frozenset("""
in im ins an am ans auf aus bei beim mit nach seit von vom zu zum zur vor über unter um durch für gegen
ohne bis trotz während wegen angesichts laut gemäß zufolge neben zwischen hinter anlässlich
""".split())


def _np_from(view: DocView, a: int, limit: int) -> tuple[int, int] | None:
    """The noun phrase starting at token a (not past `limit`): determiners and adjectives, then nouns
    and names, with a genitive attribute and a comma apposition that is a name."""
    toks = view.toks
    j = a
    seen_noun = False
    after_article = False  # adjectives may follow an article inside the phrase: "Angaben des lettischen Dienstes"
    while j < limit:
        t = toks[j]
        if t.text in QUOTE_CHARS:
            # a quoted name: "die Wochenzeitung „Die Zeit“", "„BBC News“"
            close = next((m for m in range(j + 1, min(j + 7, limit)) if toks[m].text in QUOTE_CHARS), None)
            if close is not None and close > j + 1 and (toks[j + 1].cap or close + 1 == limit):
                # (in lower case only right before the verb: "Wie „heise online“ berichtet")
                seen_noun = True
                j = close + 1
                continue
            break
        if not seen_noun and t.lower in _NAME_PARTICLES and j + 1 < limit and toks[j + 1].cap:
            j += 1  # "de Maizière", "van Rompuy"
            continue
        if t.text in CLAUSE_BREAKS or t.text in END_PUNCT:
            # apposition: ", Dmitri Peskow" right after a description
            if t.text == "," and seen_noun and j + 1 < limit and (j + 1) in view.ent_of and \
                    is_named(view.ent_of[j + 1], "PER"):
                j += 1
                continue
            break
        if (t.cap and t.lower not in DETERMINERS) or j in view.ent_of or WEB_NAME.match(t.text):
            seen_noun = True
            after_article = False
            j += 1
            continue
        adjective = (not seen_noun or after_article) and (t.text[:1].isdigit() or t.lower in _NUMBER_WORDS or (
            t.text[:1].islower() and t.lower.endswith(("e", "en", "er", "em", "es"))
            and j + 1 < limit and speech_verb(t.text) is None
            and t.tag not in _NOT_ADJECTIVE))
        if t.lower in DETERMINERS or adjective:
            if seen_noun and not after_article and t.lower not in ("des", "der", "von", "vom"):
                break
            after_article = seen_noun
            j += 1
            continue
        if t.tag in ("APPR", "APPRART") and j > a and toks[j - 1].tag == "ART" and not seen_noun:
            # an extended attribute: "der für die Region zuständige Koordinator"
            adj = next((m for m in range(j + 1, min(j + 8, limit)) if toks[m].tag == "ADJA"), None)
            if adj is not None and all(toks[m].text not in CLAUSE_BREAKS for m in range(j, adj)):
                j = adj + 1
                after_article = True
                continue
        if seen_noun and t.lower in ("von", "vom") and j + 1 < limit and (toks[j + 1].cap or j + 1 in view.ent_of):
            j += 1
            continue
        break
    if not seen_noun:
        # a nominalised adjective: "der 81-jährige", "die Verletzten"
        if j - a >= 2 and toks[a].lower in DETERMINERS and toks[j - 1].lower not in DETERMINERS:
            return a, j
        return None
    while j > a and not toks[j - 1].cap and j - 1 not in view.ent_of and toks[j - 1].text not in QUOTE_CHARS and \
            not WEB_NAME.match(toks[j - 1].text):
        j -= 1  # no trailing determiner or adjective
    return (a, j) if j > a else None


CLAUSE_LINKS = frozenset({"wie", "so", "und", "aber", "doch"})


def clause_opening(view: DocView, start: int, stop: int, links: frozenset[str] = CLAUSE_LINKS) -> int:
    """The first token of a clause after its linking words ("wie die Polizei mitteilte" -> "die")."""
    while start < stop and view.toks[start].lower in links:
        start += 1
    return start


def np_before(view: DocView, end: int, lo: int) -> tuple[int, int] | None:
    """The noun phrase that ends just before token `end`: "Zeitungsberichten (zufolge)", "eine Schätzung(, wonach)"."""
    toks = view.toks
    if end > 0 and toks[end - 1].text == ")":
        # an abbreviation in brackets, past the clause's edge: "Einer Erklärung des Verbandes Deutscher Lehrer
        # (VDL) zufolge"
        opening = view.bracket_start(end - 1, max(0, end - 6))
        if opening is not None and opening > 0:
            np = np_before(view, opening, view.clause(opening - 1)[0])
            return (np[0], end) if np and np[1] == opening else np
    j = end - 1
    while j >= lo and (toks[j].cap or j in view.ent_of or toks[j].lower in DETERMINERS or toks[j].text[:1].isdigit()
                       or (toks[j].text[:1].islower() and toks[j].lower.endswith(("e", "en", "er", "em", "es"))
                           and not toks[j].tag.startswith("V"))):  # (an adjective, not "zitierte")
        j -= 1
    a = j + 1
    while a < end and not (toks[a].cap or a in view.ent_of or toks[a].lower in DETERMINERS):
        a += 1
    if a < end and toks[a].lower in FRONTED | PREPOSITIONS:
        a += 1
    return (a, end) if a < end and any(toks[m].cap or m in view.ent_of for m in range(a, end)) else None


def subject_right(view: DocView, cue: int, end: int, objects: int = 1) -> tuple[int, int] | None:
    """The subject after a cue verb: "betonte Peskow", "sagte dazu der russische Minister X", "so er"; past
    `objects` object that opens with a form no subject has ("sagte dem Sender ein Sprecher", not "begrüßte
    den Beschluss")."""
    toks = view.toks
    j = cue + 1
    skipped = 0
    while j < end and (toks[j].lower in _ADVERBS or toks[j].lower == "sich" or toks[j].tag == "ADV") and skipped < 3:
        if toks[j].lower in ("am", "im", "vor", "nach", "bei", "gegenüber"):
            j += 1  # a short adverbial: "am Montag", "im Interview"
            while j < end and (toks[j].cap or toks[j].lower in DETERMINERS or j in view.ent_of):
                j += 1
        else:
            j += 1
        skipped += 1
    if j >= end:
        return None
    t = toks[j]
    if t.lower in NOT_NOMINATIVE:
        obj = (j, j + 1) if t.lower not in OBJECT_ARTICLES else _np_from(view, j, end)
        return subject_right(view, obj[1] - 1, end, objects - 1) if obj and objects > 0 else None
    if t.lower in PERSONAL_PRONOUNS or t.lower in _BACK_REFERENCES:
        return j, j + 1
    if t.lower in _NOT_SUBJECT:
        return None
    if t.lower in ("dieser", "diese") and (j + 1 >= end or not (toks[j + 1].cap or (toks[j + 1].word and
                                                               toks[j + 1].lower.endswith(("e", "en", "er"))))):
        return j, j + 1  # a demonstrative standing alone: "so schrieb diese in einer Stellungnahme"
    return _np_from(view, j, end)


def subject_left(view: DocView, start: int, cue: int) -> tuple[int, int] | None:
    """The subject before a cue verb: "Peskow sagte", "wie die Polizei mitteilte", "Er betonte"."""
    toks = view.toks
    a = clause_opening(view, start, cue, CLAUSE_LINKS | {"denn"})
    if a + 2 < cue and toks[a].tag in ("APPR", "APPRART") and toks[a + 1].tag == "PRELS":
        a += 2  # a relative clause opened by a preposition: "…, in denen er die Lage als ernst bezeichnet hatte"
    if a < cue and toks[a].tag == "KOUS" and toks[a].lower not in CLAUSE_INTRO:
        a += 1  # "da sie befürchten", "Während Premierminister X ankündigte"
    elif a < cue and toks[a].lower == "als" and cue + 1 < len(toks) and toks[cue + 1].text == ",":
        a += 1  # the verb at the end: "Als der Minister am Sonntag sagte, …" (the tagger may read "als" as APPR)
    if a >= cue:
        return None
    t = toks[a]
    if (t.tag in ("PDS", "PIS") or (t.tag == "PDAT" and a + 1 == cue)) and \
            t.lower not in ("das", "dies", "dieses", "alles", "vieles") and \
            (a + 1 == cue or toks[a + 1].lower in _FINITE):
        return a, a + 1  # "Dieser bestätigte", "Einige haben erklärt"
    if t.lower in PERSONAL_PRONOUNS and a + 1 <= cue:
        return a, a + 1
    if t.lower in _FOCUS and a + 1 < cue:
        # "Auch Feinstein argumentierte", "Selbst die Zeitung hatte kritisiert": the particle belongs to
        # the subject that fills the rest, up to the verb or its auxiliary
        np = _np_from(view, a + 1, cue)
        if np is None:
            return None
        end = np[1]
        if toks[end].text == "(":  # "Auch die Ministerin Renate Schmidt (SPD) äußerte"
            end = view.bracket_end(end, min(end + 6, cue)) or end
        return np if (end == cue or toks[end].lower in _FINITE) and not _time(view, np) else None
    possessive = t.lower == "ihr" and a + 1 < cue and toks[a + 1].cap  # "Ihr Vorsitzender X erklärte"
    # a name that opens with a preposition: "Von der Leyen sagte", "Zu Guttenberg hatte erklärt"
    named = t.cap and a in view.ent_of and view.ent_of.get(a - 1) is not view.ent_of[a] and \
        is_named(view.ent_of[a], "PER")
    if (t.lower in _NOT_SUBJECT and not possessive) or (t.lower in PREPOSITIONS and not named) or t.lower in FRONTED:
        return None
    if t.lower == "des" and a + 1 < cue and toks[a + 1].lower == "weiteren":
        return None  # "Des Weiteren verwies X darauf"
    if WEB_NAME.match(t.text) and a + 1 == cue:
        return a, a + 1  # "wie heise.de berichtet": a website, written in lower case
    particle = t.lower in _NAME_PARTICLES and a + 1 < cue and toks[a + 1].cap  # "Wie de Maizière darlegte"
    # with tags, a number or an adjective before a noun: "80 Prozent befürworteten", "andere Quellen berichten"
    counted = t.tag in ("CARD", "ADJA") and a + 1 < cue and toks[a + 1].tag in ("NN", "NE")
    if not (t.cap or t.lower in DETERMINERS or a in view.ent_of or t.text in QUOTE_CHARS or particle or counted):
        return None  # (a quoted name may open it: "„BBC News“ berichtet")
    # the entity model may read a capitalised adjective before the verb as a name ("Besorgt äußerte sich
    # Kofi Annan"): a one-word entity right before the verb, whose lemma is lower case, when a named
    # subject follows the verb
    misread = a + 1 == cue and a in view.ent_of and view.ent_of.get(a + 1) is not view.ent_of[a] and \
        (a == 0 or view.ent_of.get(a - 1) is not view.ent_of[a]) and lemma(t.text)[:1].islower() and \
        _named(view, subject_right(view, cue, view.clause(cue)[1]))
    if (a not in view.ent_of or misread) and t.lower not in DETERMINERS and t.text not in QUOTE_CHARS and \
            not particle and \
            (lemma(t.text)[:1].islower() or t.lower.endswith("end")) and t.tag not in _PRONOUNS and \
            not (t.tag == "NE" and a + 1 < cue and a + 1 in view.ent_of) and \
            not (t.tag == "ADJA" and a + 1 < cue and toks[a + 1].tag in ("NN", "NE", "ADJA")):
        return None  # a capitalised adverb or adjective opening the sentence: "Besorgt zeigte sich ...",
        # "Relativierend fügte sie hinzu"; with tags, "Einige der Abgeordneten haben …" and "Politische
        # Berater sagen" are subjects
    np = _np_from(view, a, cue)
    if np is None or _time(view, np):
        return None  # "Ende Januar verkündete der Verband": a time, not the subject
    return np


def document_phrase(view: DocView, lo: int, hi: int) -> tuple[int, int] | None:
    """The last noun phrase in tokens [lo, hi) headed by a document or statement noun ("sein Urteil",
    "Pressemeldungen der New York Times", "die Gesetzesvorlage")."""
    toks = view.toks
    for k in range(hi - 1, lo - 1, -1):
        if document_noun(toks[k].text) or speech_noun(toks[k].text):
            start = k
            while start > lo and (toks[start - 1].lower in DETERMINERS or toks[start - 1].tag in ("ADJA", "PPOSAT")):
                start -= 1
            return _np_from(view, start, hi)
    return None


def _head_entity(view: DocView, a: int, b: int, ents: list[dict[str, Any]]) -> dict[str, Any]:
    """The entity that names a noun phrase [a, b): an organisation before a genitive is the head
    ("Sicherheitsrat der Vereinten Nationen", "Botschaft Russlands"); else the last entity."""
    first = ents[0]
    end = next((k for k in range(a, b) if view.ent_of.get(k) is first), a)
    while end < b and view.ent_of.get(end) is first:
        end += 1
    genitive = end < b and (view.toks[end].lower in ("der", "des") or (
        view.ent_of.get(end) is not None and view.toks[end].text.endswith("s")))
    return first if genitive and first.get("label") == "ORG" and not is_nominal(first) else ents[-1]


def _named(view: DocView, np: tuple[int, int] | None) -> bool:
    """Does a noun phrase hold a name the entity model found?"""
    return np is not None and any(k in view.ent_of for k in range(*np))


def _time(view: DocView, np: tuple[int, int]) -> bool:
    """A noun phrase that says when ("Ende Januar", "letzten September", "Am Montag"); a quoted name
    with a day in it is not one ("die Zeitung „Rundschau am Sonntag“")."""
    quoted = False
    for m in range(*np):
        t = view.toks[m]
        if t.text in QUOTE_CHARS:
            quoted = not quoted
        elif not quoted and (t.lower.rstrip(".") in MONTHS_DE or t.lower in _TIME_WORDS):
            return True
    return False


_OWN = frozenset({"eigener", "eigenen", "eigenem"})  # "nach eigenen Angaben"
RELATIVES = frozenset("der die das welcher welche welches".split())
ROLE_SUFFIXES = ("sprecher", "sprecherin", "chef", "chefin", "präsident", "präsidentin", "minister",
                 "ministerin", "kanzler", "kanzlerin", "vorsitzende", "vorsitzender", "leiter", "leiterin",
                 "direktor", "direktorin", "general", "botschafter", "botschafterin", "sekretär",
                 "sekretärin", "premier", "staatschef", "regierungschef", "anwalt", "anwältin",
                 "bürgermeister", "bürgermeisterin", "kommissar", "kommissarin", "trainer", "gründer")


class Resolver:
    """In-document resolution of speaker mentions, in reading order."""

    def __init__(self, view: DocView) -> None:
        self.view = view
        self._authoring = False
        self.persons: list[tuple[int, dict[str, Any]]] = []  # (first token, entity) of PER mentions
        seen: set[int] = set()
        for ti, ent in sorted(view.ent_of.items()):
            if is_named(ent, "PER") and id(ent) not in seen:
                seen.add(id(ent))
                self.persons.append((ti, ent))
        self.full: dict[str, str] = {}   # surname -> fullest name in the document
        self.roles: list[tuple[int, str, str]] = []  # (token, role noun lower, full name)
        for _, ent in self.persons:
            name = _clean(ent["text"])
            last = name.split()[-1].lower() if name else ""
            if last and len(name) > len(self.full.get(last, "")):
                self.full[last] = name
        for ti, ent in self.persons:
            if role_noun(view.toks[ti].lower):
                continue  # "Putins Sprecher" marked as a person is a description, not a name
            name = self.name_of(ent["text"])
            for k in self._role_words(ti, ent):
                self.roles.append((ti, role_noun(view.toks[k].lower) or "", name))

    def _role_words(self, ti: int, ent: dict[str, Any]) -> list[int]:
        """The role nouns that introduce a person: just before the name ("sein Sprecher Dmitri Peskow"),
        before an apposition ("dem Vize-Außenminister für internationale Beziehungen, Abbas Araghchi"),
        or in an apposition after it ("Günther Platter, der Verteidigungsminister Österreichs,")."""
        toks = self.view.toks
        lo, hi = self.view.sent_toks[toks[ti].sent]
        before = [k for k in range(max(ti - 3, lo), ti) if toks[k].cap and role_noun(toks[k].lower)]
        if not before and ti - 1 > lo and toks[ti - 1].text == ",":
            for k in range(ti - 2, max(ti - 8, lo) - 1, -1):
                if toks[k].text in CLAUSE_BREAKS or toks[k].text in END_PUNCT or speech_verb(toks[k].text):
                    break
                if toks[k].cap and role_noun(toks[k].lower):
                    before.append(k)
                    break
        if before:
            return before
        end = ti
        while end < hi and self.view.ent_of.get(end) is ent:
            end += 1
        if end + 1 < hi and toks[end].text == "," and toks[end + 1].lower in DETERMINERS:
            for k in range(end + 2, min(end + 6, hi)):
                if toks[k].text in CLAUSE_BREAKS or toks[k].text in END_PUNCT:
                    break
                if toks[k].cap:
                    return [k] if role_noun(toks[k].lower) else []
        return []

    def by_role(self, word: str, before: int) -> str | None:
        """The person last introduced before token `before` with the role noun `word` ("Sprecher",
        "des UN-Generalsekretärs" -> the person introduced as "UN-Generalsekretär Kofi Annan")."""
        head = role_noun(word)
        if not head:
            return None
        earlier = [name for ti, role, name in self.roles if ti < before and (role == head or role.endswith(head))]
        return earlier[-1] if earlier else None

    def description_before(self, a: int, lo: int) -> tuple[int, str] | None:
        """The last role description between token `lo` and `a` that names a known person
        ("Der iranische Vize-Außenminister betrachtet …. Er sagte" -> the person introduced with that role)."""
        toks = self.view.toks
        for k in range(a - 1, lo - 1, -1):
            if toks[k].cap and role_noun(toks[k].lower) and not is_named(self.view.ent_of.get(k + 1), "PER"):
                name = self.by_role(toks[k].lower, k)
                if name:
                    return k, name
        return None

    def refer(self, mention: dict[str, Any], span: tuple[int, int],
              last_speaker: tuple[int, dict[str, Any]] | None) -> None:
        """A mention that stands for a phrase elsewhere ("Demnach" for "sein Urteil" in the sentence
        before): it keeps its words, takes what the phrase resolves to (else the phrase without its
        article as the name), and records the phrase as `refers_to`."""
        ref = self.resolve(span[0], span[1], last_speaker)
        _refer(mention, ref)
        if not mention["name"]:
            a = span[0] + 1 if span[1] - span[0] > 1 and self.view.toks[span[0]].lower in DETERMINERS else span[0]
            mention["name"] = _clean(self.view.text[self.view.toks[a].start:ref["end"]])
        mention["refers_to"] = {"start": ref["start"], "end": ref["end"], "text": ref["text"]}

    def _attribute(self, a: int, b: int, ent: dict[str, Any]) -> bool:
        """Is the person `ent` inside the noun phrase [a, b) an attribute of its head ("der Ehemann von X", "die
        Tochter des X") rather than the head or its apposition?"""
        view, toks = self.view, self.view.toks
        k = next((m for m in range(a, b) if view.ent_of.get(m) is ent), None)
        if k is None:
            return False
        j = k - 1
        while j > a and toks[j].cap and role_noun(toks[j].lower):
            j -= 1  # past a title before the name: "von Präsident X"
        return j > a and toks[j].lower in ("von", "vom", "des", "der") and \
            any(toks[m].cap and m not in view.ent_of for m in range(a, j))

    def _plural(self, k: int) -> bool:
        """Is the pronoun at token k plural, by the model's morphology of it or of the finite verb next to it?"""
        morph = self.view.doc.morph
        if len(morph) != len(self.view.toks):
            return False
        verb = next((m for m in (k + 1, k - 1) if 0 <= m < len(morph) and self.view.toks[m].tag in FINITE_TAGS), None)
        return "Number=Plur" in morph[verb if verb is not None else k]

    def base_form(self, name: str) -> str:
        """"Russlands" -> "Russland" when the document also has the form without the genitive s."""
        if name.endswith("s") and len(name) > 4 and re.search(rf"\b{re.escape(name[:-1])}\b", self.view.text):
            return name[:-1]
        return name

    def name_of(self, text: str) -> str:
        name = _clean(text)
        last = name.split()[-1].lower() if name else ""
        return self.full.get(last) or self.full.get(last[:-1] if last.endswith("s") else last) or name

    def resolve(self, a: int, b: int, last_speaker: tuple[int, dict[str, Any]] | None) -> dict[str, Any]:
        view = self.view
        s, e = view.span(a, b)
        mention: dict[str, Any] = {"start": s, "end": e, "text": view.text[s:e], "name": None,
                                   "country": None, "sector": None}
        ents = [view.ent_of[k] for k in range(a, b) if k in view.ent_of]
        sent = view.toks[a].sent
        possessive = b - a >= 2 and view.toks[a].lower in _POSSESSIVES and not ents and \
            not any(role_noun(view.toks[k].lower) for k in range(a, b))
        if (b - a == 1 and view.toks[a].lower in _PRONOUNS_AND_POSSESSIVES) or possessive:
            # the person named last (this or the previous sentence), else the last person quoted; also
            # for what a person has ("Seine Zuversicht gründet sich auf …: „…“"), not for a role ("Sein Sprecher")
            # of the pronoun's gender: "er" not for "Anna Berg", "sie" (or "their") not for "Karl Brandt"
            low = view.toks[a].lower
            g = "m" if low in _MALE_PRONOUNS else "f" if low in _FEMALE_PRONOUNS else None
            if low == "sie" and self._plural(a):
                # "Sie forderten": a group, never one person — the organisation quoted last, if any
                if last_speaker and sent - last_speaker[0] <= 3 and last_speaker[1].get("label") == "ORG":
                    mention["name"] = last_speaker[1]["name"]
                    mention["label"] = "ORG"
                    _adopt(mention, last_speaker[1])
                return mention
            before = [(ti, ent) for ti, ent in self.persons if ti < a and view.toks[ti].sent >= sent - 2
                      and not role_noun(view.toks[ti].lower) and compatible(g, name_gender(self.name_of(ent["text"])))]
            described = self.description_before(a, view.sent_toks[max(sent - 1, 0)][0])
            if described and not compatible(g, name_gender(described[1]) or role_gender(view.toks[described[0]].text)):
                described = None
            if described and (not before or described[0] > before[-1][0]):
                mention["name"] = described[1]
                mention["label"] = "PER"
            elif before:
                mention["name"] = self.name_of(before[-1][1]["text"])
                mention["label"] = "PER"
                _adopt(mention, before[-1][1])
            elif last_speaker and sent - last_speaker[0] <= 3 and last_speaker[1].get("label") == "PER" and \
                    compatible(g, name_gender(last_speaker[1].get("name"))):
                mention["name"] = last_speaker[1]["name"]
                mention["label"] = "PER"
                _adopt(mention, last_speaker[1])
            return mention
        if b - a == 1 and a > 0 and view.toks[a - 1].text == "," and view.toks[a].lower in RELATIVES:
            # "Ägypten, das vorschlug": the mention is the relative pronoun (as SpkAtt marks it), what it
            # refers to is the noun phrase before the comma
            lo, _ = view.sent_toks[sent]
            end = a - 1
            while end - 1 > lo and view.toks[end - 1].tag[:1] == "V":
                end -= 1  # past the verb that ends a clause: "dem Beispiel des Abgeordneten X folgen, der …"
            np = np_before(view, end, lo)
            if np and np[1] <= a:
                _refer(mention, self.resolve(np[0], np[1], last_speaker))
            return mention
        if b - a == 1 and view.toks[a].lower in ANAPHORIC | {"danach"}:
            # "Demnach ...": the adverb stands for the source quoted before (see `refer` for one named
            # in the sentence before)
            mention["name"] = last_speaker[1].get("name") if last_speaker else None
            if last_speaker:
                _adopt(mention, last_speaker[1])
            return mention
        if view.toks[a].lower in _OWN and a > 0:
            # "Nach eigener Aussage will er …", "X will nach eigenen Angaben …": the mention stays (SpkAtt
            # marks it as the source), what it refers to is the clause's subject
            lo, hi = view.sent_toks[sent]
            own = subject_right(view, b, hi) if a - 1 <= lo else subject_left(view, lo, a - 1)
            if own and view.toks[own[0]].lower not in _OWN:
                _refer(mention, self.resolve(own[0], own[1], last_speaker))
            return mention
        per = [x for x in ents if is_named(x, "PER")]
        head = view.toks[b - 1].lower
        roles = [k for k in range(a, b) if view.toks[k].cap and role_noun(view.toks[k].lower)]
        # "ein Sprecher", "eine Sprecherin": someone new, not the one introduced with that role before
        new = view.toks[a].lower in _INDEFINITE
        if per and self._attribute(a, b, per[-1]):
            # "Der Ehemann von Lasouskaja": she is who he is the husband of, not the speaker
            ents = [x for x in ents if x is not per[-1]]
            per = []
        if roles and not new and not any(k > roles[0] and not role_noun(view.toks[k].lower) and is_named(ent, "PER")
                             for k, ent in ((k, view.ent_of[k]) for k in range(a, b) if k in view.ent_of)):
            # "Putins Sprecher", "der Verteidigungsminister Österreichs", "(nach Ansicht) des
            # UN-Generalsekretärs": the person the text introduced with that role, if it did
            earlier = self.by_role(view.toks[roles[0]].lower, a)
            if earlier:
                mention["name"] = earlier
                mention["label"] = "PER"
                return mention
        if per:
            # "Putins Sprecher": a genitive name before the head is not the speaker
            head_is_name = is_named(view.ent_of.get(view.toks[b - 1].i), "PER")
            if head_is_name or not view.toks[b - 1].lower.endswith(ROLE_SUFFIXES):
                mention["name"] = self.name_of(per[-1]["text"])
                mention["label"] = "PER"
                _adopt(mention, per[-1])
                return mention
        elif ents and is_nominal(ents[-1]):
            # a description the actor stage resolved ("der Kremlchef"); else resolved by its role below
            _adopt(mention, ents[-1])
            if ents[-1].get("name"):
                mention["name"] = ents[-1]["name"]
                mention["label"] = "PER"
                return mention
        elif ents:
            ent = _head_entity(view, a, b, ents)
            mention["name"] = ent.get("name") or self.base_form(_clean(ent["text"]))
            mention["label"] = ent["label"]
            _adopt(mention, ent)
            return mention
        if role_noun(head) and not new:
            earlier = self.by_role(head, a)
            if earlier:
                mention["name"] = earlier
                mention["label"] = "PER"
                return mention
            if last_speaker and sent - last_speaker[0] <= 2 and last_speaker[1].get("label") in ("PER", None) and \
                    compatible(role_gender(head), name_gender(last_speaker[1].get("name"))):
                mention["name"] = last_speaker[1]["name"]
                mention["label"] = "PER"
                _adopt(mention, last_speaker[1])
                return mention
        if b - a == 1 and WEB_NAME.match(view.toks[a].text):
            mention["name"] = view.toks[a].text  # "laut tagesschau.de"
            mention["label"] = "ORG"
            return mention
        if not ents and document_noun(view.toks[b - 1].text) and not self._authoring:
            # "die Resolution", "im Bericht": a document speaks for its author, when the text names one
            author = self.author_of(b - 1, last_speaker)
            if author:
                _refer(mention, author)
                return mention
        words = view.toks[a:b]
        if all(t.cap and t.lower not in DETERMINERS for t in words) and len(words) <= 3:
            mention["name"] = self.name_of(mention["text"])  # a name the entity model missed
            mention["label"] = None
            return mention
        media = next((k for k in range(a, b - 1) if media_noun(view.toks[k].text)), None)
        if media is not None and not ents and 0 < b - media - 1 <= 3 and all(t.cap for t in view.toks[media + 1:b]):
            # "dem Nachrichtenmagazin Focus", "die Zeitung Junge Welt": the name after the kind of medium
            s0 = view.toks[media + 1].start
            mention["name"] = _clean(view.text[s0:e])
            mention["label"] = "ORG"
        return mention

    def author_of(self, k: int, last_speaker: tuple[int, dict[str, Any]] | None) -> dict[str, Any] | None:
        """Who wrote the document named at token `k` ("der Bericht"), from where the text first names
        that document with its author: "der Bericht des UN-Generalsekretärs", "ein Bericht von
        Amnesty", "in seinem Bericht" (the person "sein" refers to), "die Resolution, die vom
        Sicherheitsrat angenommen wurde"."""
        key = _stem(self.view.toks[k].text)
        self._authoring = True  # the author's phrase is resolved without looking for its own author
        try:
            return self._author_of(k, key, last_speaker)
        finally:
            self._authoring = False

    def _author_of(self, k: int, key: str, last_speaker: tuple[int, dict[str, Any]] | None) -> dict[str, Any] | None:
        view, toks = self.view, self.view.toks
        for m in range(k + 1):
            if not (toks[m].cap and _stem(toks[m].text).endswith(key)):
                continue
            lo, hi = view.sent_toks[toks[m].sent]
            found: dict[str, Any] | None = None
            if m + 2 < hi and toks[m + 1].lower in ("des", "der", "von", "vom"):
                np = _np_from(view, m + 2, hi)
                found = self.resolve(*np, last_speaker) if np else None
            elif m + 3 < hi and toks[m + 1].text == "," and toks[m + 2].lower in RELATIVES:
                _, rb = view.clause(m + 2)
                agent = next((x for x in range(m + 3, rb) if toks[x].lower in ("von", "vom")), None)
                np = _np_from(view, agent + 1, rb) if agent is not None else None
                found = self.resolve(*np, last_speaker) if np else None
            if found is None and any(toks[x].lower in _POSSESSIVES for x in range(max(lo, m - 3), m)):
                pos = next(x for x in range(m - 1, max(lo, m - 3) - 1, -1) if toks[x].lower in _POSSESSIVES)
                found = self.resolve(pos, pos + 1, last_speaker) if toks[pos].lower.startswith("sein") else None
            if found and found.get("name") and (found.get("label") or found["name"] != _clean(found["text"])):
                return found
        return None


def role_noun(word: str) -> str | None:
    """The role noun in its base form, or None: "sprecher", "un-generalsekretärs" -> "un-generalsekretär",
    "präsidenten" -> "präsident", "vorsitzenden" -> "vorsitzende"."""
    for cut in (0, 1, 2):
        w = word[: len(word) - cut] if cut else word
        if w.endswith(ROLE_SUFFIXES) and (cut == 0 or word[len(w):] in ("s", "es", "n", "en")):
            return w
    return None


def _stem(word: str) -> str:
    """A noun without its case or plural ending, to find it again: "Berichts" -> "bericht"."""
    w = word.lower()
    for suffix in ("es", "en", "s", "n", "e"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 5:
            return w[: -len(suffix)]
    return w


def _refer(mention: dict[str, Any], ref: dict[str, Any]) -> None:
    """Keep the mention's words, take what `ref` (the phrase it stands for) resolved to."""
    for key in ("name", "label", "country", "sector"):
        mention[key] = ref.get(key)


def _adopt(mention: dict[str, Any], ent: dict[str, Any]) -> None:
    """Take the country and sector the actor stage resolved for the entity a mention refers to."""
    if ent.get("country"):
        mention["country"] = ent["country"]
        mention["sector"] = ent.get("sector")


def _clean(text: str) -> str:
    return " ".join(text.replace("\n", " ").split()).strip(" ,.;:")


_INDEFINITE = frozenset("ein eine einer einem einen eines".split())
_MALE_PRONOUNS = frozenset("er ihm ihn sein seine seinem seinen seiner seines".split())
_FEMALE_PRONOUNS = frozenset("sie ihr ihre ihrem ihren ihrer ihres".split())  # (also plural: "not male")
_TITLES = frozenset("dr. prof. dr prof herr frau sir lord".split())


@lru_cache(maxsize=1)
def _first_names() -> dict[str, str]:
    """First name -> "m" or "f" (resources/first_names_gender.tsv, from Faker's lists; training/name_gender.py)."""
    text = resources.files("chronik").joinpath("resources/first_names_gender.tsv").read_text(encoding="utf-8")
    return dict(line.split("\t", 1) for line in text.splitlines() if "\t" in line)


def name_gender(name: str | None) -> str | None:
    """"m" or "f" by a person's first name ("Karl Brandt" -> "m"), None when it is unknown or a surname alone."""
    words = [w for w in (name or "").split() if w.lower() not in _TITLES]
    return _first_names().get(words[0]) if len(words) >= 2 else None


def role_gender(word: str) -> str | None:
    """"f" for a feminine role noun ("Sprecherin", "Ministerin"), "m" for a masculine one, None otherwise
    ("die/der Vorsitzende")."""
    base = role_noun(word.lower())
    if base is None or base.endswith("vorsitzende"):
        return None
    return "f" if base.endswith("in") else "m"


def compatible(gender: str | None, other: str | None) -> bool:
    """Can a mention of `gender` refer to a person of `other`? (Unknown fits anything.)"""
    return gender is None or other is None or gender == other
