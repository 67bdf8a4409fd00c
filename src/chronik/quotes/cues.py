"""Cues: the words that report speech in a sentence — a reporting verb (with its particle: "teilte … mit"),
an opinion phrase ("ist der Meinung"), a preposition with a source ("laut X", "nach Angaben von X", "X
zufolge"), "so X", "heißt es", "Demnach", "…, wonach". `detect.py` attaches messages and speakers to them.
"""

from __future__ import annotations

from dataclasses import dataclass

from chronik.nlp.view import CLAUSE_BREAKS, END_PUNCT, QUOTE_CHARS, DocView
from chronik.quotes.lexicon import (
    ANAPHORIC,
    DETERMINERS,
    FINITE_TAGS,
    OPINION_VERBS,
    PARTICLE_ONLY,
    PREP_AFTER,
    PREP_BEFORE,
    REPORTIVE,
    SEPARABLE,
    WERDEN,
    cue_noun,
    document_noun,
    lemma,
    opinion_phrase,
    speech_noun,
    speech_verb,
    subjunctive,
)


@dataclass
class Cue:
    kind: str      # verb | prep | post | so | impersonal | anaphoric | wonach | relative
    tok: int
    end: int       # last token of the cue + 1 (a particle verb spans "teilte ... mit")
    lemma: str = ""
    used: bool = False


# relative pronouns that take up a statement as a source: "Berichte, denen zufolge …", "nach denen …"
SOURCE_RELATIVES = frozenset("denen dem der welchem welcher welchen".split())
# words before a "nach" of time: "Tage nach der Veröffentlichung", "kurz nach der Erklärung"
_TIME_BEFORE = frozenset("""
kurz unmittelbar direkt gleich bald erst schon bereits sofort noch minuten stunden tage tagen wochen monate monaten
jahre jahren tag woche monat jahr stunde minute
""".split())
# nouns of saying that, after "nach", name an event in time, not a source ("nach der Veröffentlichung",
# "nach seiner Rede"); "nach Angaben", "nach einem Bericht" stay sources
_SPEECH_EVENTS = frozenset("""
veröffentlichung nachricht ankündigung bekanntgabe verkündung vorstellung präsentation rede ansprache
unterzeichnung verabschiedung
""".split())
# "„…“, so er.", "„…“, so letztere."
_WOLLEN = frozenset("will wollen wollte wollten".split())
_SO_PRONOUNS = frozenset("er sie letztere letzterer ersterer erstere dieser diese beide".split())


def find_cues(view: DocView, inside: list[int], si: int) -> list[Cue]:
    """The cues of sentence `si` outside quotation marks (`inside[k]` >= 0 for a token in one)."""
    toks = view.toks
    lo, hi = view.sent_toks[si]
    out: list[Cue] = []
    for k in range(lo, hi):
        if inside[k] >= 0:
            continue
        t = toks[k]
        low = t.lower
        rel = _relative_source(view, inside, k, lo, hi)
        if rel is not None:
            out.append(rel)
        elif low in PREP_BEFORE and k + 1 < hi and inside[k + 1] < 0:
            out.append(Cue("prep", k, k + 1))
        elif low in PREP_AFTER:
            out.append(Cue("post", k, k + 1))
        elif low == "nach" and _noun_after(view, inside, k + 1, hi) and \
                not (k > lo and toks[k - 1].lower in _TIME_BEFORE):
            # (not a time: "sechs Tage nach der Veröffentlichung", "kurz nach der Ankündigung")
            out.append(Cue("prep", k, k + 1, "nach"))
        elif low in ANAPHORIC and k == lo:
            out.append(Cue("anaphoric", k, k + 1))
        elif low == "danach" and k == lo and (_reported(view, inside, k + 1, hi) or _after_document(view, si)):
            # "Danach hätte es sich um … gehandelt": "danach" is also "afterwards", so only with a
            # clause in Konjunktiv or with hearsay "soll", or right after a sentence about a document
            # ("Die Studie liegt vor. Danach leiden …")
            out.append(Cue("anaphoric", k, k + 1))
        elif low == "wonach" and k > lo and toks[k - 1].text == ",":
            out.append(Cue("wonach", k, k + 1))
        elif low == "nach" and k > lo and any(speech_noun(toks[m].text) for m in range(max(lo, k - 3), k)) and \
                (k + 1 >= hi or not (toks[k + 1].cap or toks[k + 1].lower in DETERMINERS)):
            # "seinen Angaben nach", not "die Forderung nach einem Waffenstillstand"
            out.append(Cue("post", k, k + 1, "nach"))
        elif low == "so" and k > lo and (toks[k - 1].text in (",", "–", "—") or (inside[k - 1] >= 0 and
                                         toks[k - 1].text in QUOTE_CHARS)) and k + 1 < hi and \
                (toks[k + 1].cap or toks[k + 1].lower in _SO_PRONOUNS or k + 1 in view.ent_of
                 or (toks[k + 1].lower in DETERMINERS and k + 2 < hi and (toks[k + 2].cap or toks[k + 2].word))):
            out.append(Cue("so", k, k + 1))
        elif low in ("heißt", "hieß") and k + 1 < hi and toks[k + 1].lower == "es":
            out.append(Cue("impersonal", k, k + 2))
        elif low == "wissen" and any(toks[m].lower in _WOLLEN for m in range(max(lo, k - 4), k)):
            out.append(Cue("verb", k, k + 1, "wissen"))  # "Der Sender will wissen, dass …": a claim
        elif low == "geheißen" and k > lo and toks[k - 1].lower == "es":  # "hatte es geheißen"
            out.append(Cue("impersonal", k - 1, k + 1))
        elif low == "bekannt" and k > lo and any(toks[m].lower in WERDEN | {"geworden", "wird", "ist", "war"}
                                                 for m in range(max(lo, k - 2), min(hi, k + 3)) if m != k):
            # "wurde bekannt, dass", "Wie am Montag bekannt wurde": no one is named as the speaker
            out.append(Cue("verb", k, k + 1, "bekanntwerden"))
        else:
            lem = speech_verb(t.text) if k > lo else None
            if lem == "befinden" and any(toks[m].lower == "sich" for m in range(*view.clause(k))):
                continue  # "sich befinden" is to be somewhere: "das sich auf dem Weg nach X befand"
            if lem is not None and t.tag == "ADJA":
                # a participle before a noun is a cue only before a noun of saying ("die von X geäußerte
                # Hoffnung, …"), not in "nicht weiter bezeichnete Quellen"
                noun = next((m for m in range(k + 1, min(k + 4, hi)) if toks[m].tag in ("NN", "NE")), None)
                if noun is None or not (speech_noun(toks[noun].text) or cue_noun(toks[noun].text) or
                                        (noun + 1 < hi and toks[noun + 1].text == ",")):
                    continue  # (or a noun the message follows: "das von Kennedy formulierte Ziel, … zu bringen")
            if lem is None:
                _opinion(view, k, lo, hi, out)
                continue
            end = k + 1
            if lem in SEPARABLE and toks[k - 1].lower in SEPARABLE[lem] and (
                    toks[k].lower.startswith("ge") or k + 1 >= hi or toks[k + 1].text in CLAUSE_BREAKS):
                # a participle or a clause-final verb written apart from its particle: "wurde bekannt
                # gegeben", "wie der Konzern bekannt gab"
                out.append(Cue("verb", k - 1, k + 1, SEPARABLE[lem][toks[k - 1].lower]))
                continue
            if lem in SEPARABLE:
                _, b = view.clause(k)
                while b < hi and toks[b].text == "(":  # "teilte am Abend (Ortszeit) mit"
                    close = next((m for m in range(b + 1, hi) if toks[m].text == ")"), None)
                    if close is None or close + 1 >= hi:
                        break
                    _, b = view.clause(close + 1)
                part = None
                for m in range(k + 1, b):
                    if toks[m].lower in SEPARABLE[lem] and (m + 1 >= b or toks[m + 1].text in CLAUSE_BREAKS
                                                           or toks[m + 1].text in END_PUNCT):
                        part = m
                if part is not None:
                    lem, end = SEPARABLE[lem][toks[part].lower], part + 1
                elif lem in PARTICLE_ONLY:
                    _opinion(view, k, lo, hi, out)  # "hält es für möglich" (not "hielt … fest")
                    continue
            out.append(Cue("verb", k, end, lem))
    _noun_cues(view, inside, lo, hi, out)
    return out


_NOUN_PHRASE_TAGS = frozenset({"ART", "ADJA", "PPOSAT", "PDAT", "PIAT", "ADV"})


def _noun_cues(view: DocView, inside: list[int], lo: int, hi: int, out: list[Cue]) -> None:
    """A finite verb with a noun of saying or demanding as its object, right before a comma and a clause:
    "Die Grünen fassten den Beschluss, Gespräche zu führen", "Sie wagte die Prognose, die Wahl werde knapp".
    The cue runs from the verb to the noun; the rules that read messages decide whether a message follows.
    Needs the model's tags; not where the clause has a cue already."""
    toks = view.toks
    for n in range(lo + 1, hi - 2):
        if inside[n] >= 0 or not cue_noun(toks[n].text):
            continue
        comma = n + 2 if toks[n + 1].tag == "PTKVZ" else n + 1  # "stellten die These auf, dass"
        if comma + 1 >= hi or toks[comma].text != ",":
            continue
        if not toks[comma + 1].word:
            continue
        ca, _ = view.clause(n)
        if any(ca <= c.tok <= n for c in out):
            continue
        a = n - 1
        while a > ca and (toks[a].tag in _NOUN_PHRASE_TAGS or toks[a].lower in DETERMINERS):
            a -= 1
        if toks[a].tag in ("APPR", "APPRART"):
            continue  # the noun in a prepositional phrase: "bestand in der Ankündigung, …", "endet mit der Hoffnung, …"
        verb = next((m for m in range(n - 1, ca - 1, -1) if toks[m].tag in FINITE_TAGS and inside[m] < 0), None)
        if verb is not None:
            out.append(Cue("verb", verb, comma, "noun"))
    out.sort(key=lambda c: c.tok)

def _opinion(view: DocView, k: int, lo: int, hi: int, out: list[Cue]) -> None:
    """A phrase of opinion opened by the verb at k ("ist der Meinung, dass", "zeigte sich zufrieden, dass"),
    read only after a verb that can open one (the lemma is cached)."""
    toks = view.toks
    t = toks[k]
    n = opinion_phrase([x.text for x in toks[k:min(hi, k + 6)]]) \
        if k > lo and t.lower == t.text and lemma(t.text) in OPINION_VERBS else 0
    if n:
        out.append(Cue("verb", k, k + n + 1, "meinen"))


def _relative_source(view: DocView, inside: list[int], k: int, lo: int, hi: int) -> Cue | None:
    """A relative clause that says where its content comes from: "Berichte, nach denen …", "Umfragen, denen
    zufolge …", "ein Antrag, welchem nach …" — a cue of the preposition and the relative pronoun (which is the
    source SpkAtt marks), after a noun of saying or a document."""
    toks = view.toks
    low = toks[k].lower
    if low in ("nach", "zufolge") and k - 2 >= lo and toks[k - 1].lower in SOURCE_RELATIVES and \
            toks[k - 2].text == "," and _says(toks[k - 3].text if k - 3 >= lo else ""):
        return Cue("relative", k - 1, k + 1, low)
    if low == "nach" and k - 1 > lo and k + 1 < hi and toks[k - 1].text == "," and \
            toks[k + 1].lower in SOURCE_RELATIVES - {"dem", "der"} and _says(toks[k - 2].text) and inside[k + 1] < 0:
        return Cue("relative", k, k + 2, low)
    return None


def _says(word: str) -> bool:
    """A noun of saying, a document or a noun cue, also in the plural ("Umfragen", "Studien")."""
    forms = [word] + [word[:-cut] for cut in (1, 2) if len(word) > cut + 3 and word.endswith(("n", "en")[cut - 1])]
    return bool(word) and any(speech_noun(w) or document_noun(w) or cue_noun(w) for w in forms)


def _reported(view: DocView, inside: list[int], a: int, b: int) -> bool:
    """Does [a, b) read as reported: a verb in Konjunktiv I or II, or hearsay "soll"/"sollen"?"""
    toks = view.toks
    return any(inside[k] < 0 and (subjunctive(toks[k].text) or toks[k].lower in REPORTIVE)
               for k in range(a, b))


def _after_document(view: DocView, si: int) -> bool:
    """Does the sentence before `si` name a document or a finding ("Bericht", "Studie", "Umfrage")?"""
    if si == 0:
        return False
    a, b = view.sent_toks[si - 1]
    return any(document_noun(t.text) or speech_noun(t.text) for t in view.toks[a:b])


def _noun_after(view: DocView, inside: list[int], k: int, hi: int) -> bool:
    """A speech noun within three words after k ("nach Angaben", "nach ersten Erkenntnissen")."""
    toks = view.toks
    for m in range(k, min(k + 4, hi)):
        if speech_noun(toks[m].text):
            # an act of speaking after "nach" and a definite article is a time ("Nach der Veröffentlichung
            # stiegen die Kurse"), unless what follows is reported ("Nach der Ankündigung der Ministerin soll
            # …"); "nach einer Veröffentlichung in Nature" is a source
            if toks[m].lower in _SPEECH_EVENTS and any(toks[j].lower in ("der", "dem", "seiner", "ihrer")
                                                       for j in range(k, m)):
                return _reported(view, inside, m + 1, hi)
            return True
        t = toks[m]
        if t.cap and t.text.endswith("s") and m + 1 < hi and speech_noun(toks[m + 1].text):
            continue  # a name in the genitive: "nach Grupps Meinung"
        if t.cap or not t.word or not (t.lower in DETERMINERS or t.lower.endswith(("e", "en", "er", "em", "es"))
                                       or t.text[:1].isdigit()):
            return False
    return False

