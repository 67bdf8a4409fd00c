"""Where quotes are found: direct quotes between quotation marks, indirect speech around a reporting
verb or a prepositional cue, mixed quotes, and continuations that carry no cue of their own.

Rules over tokens, sentences and entities (no parser): they were written against our tuning part of
SpkAtt-2023 Wikinews and are measured on a held-out part (docs/quotes.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from chronik.actors.lexicon import group_role
from chronik.document import Document, is_named
from chronik.nlp.titles import WORK_NOUN
from chronik.nlp.view import CLAUSE_BREAKS, END_PUNCT, QUOTE_CHARS, DocView
from chronik.quotes.cues import SOURCE_RELATIVES, Cue, find_cues
from chronik.quotes.lexicon import (
    AUXILIARIES,
    CLAUSE_INTRO,
    DETERMINERS,
    FINITE_TAGS,
    NOT_NOMINATIVE,
    REPORTIVE,
    STRONG_VERBS,
    WERDEN,
    cue_noun,
    document_noun,
    lemma,
    speech_verb,
    subjunctive,
)
from chronik.quotes.marks import quoted_spans
from chronik.quotes.reported import ReportedModel, sentence_features, speaker_options
from chronik.quotes.speakers import (
    Resolver,
    _named,
    _np_from,
    clause_opening,
    document_phrase,
    np_before,
    role_noun,
    subject_left,
    subject_right,
)

# adverbs between a second clause's subject and its verb: "und das Amt seinerseits versprach"
_SKIPPED = frozenset("seinerseits ihrerseits wiederum jedoch aber dagegen hingegen allerdings auch nun".split())
_DASS = ("dass", "daß")
CONT_GAP = 2  # a continuation may follow its quote after one sentence without reported speech
# zu-infinitives that say why or how, not what was said ("sagte er, um … zu beruhigen")
_NOT_INFINITIVE = frozenset("um ohne statt anstatt als".split())
_SUBJECT_RELATIVES = frozenset("der die das welcher welche welches".split())
# the lower-case words of a short name or title ("Public Library of Science", "Rundschau am Sonntag"), and of
# a longer name or motto with no verb ("Kampagne für ein Freies Tibet", "National United Front of Democracy")
_TITLE_WORDS = frozenset("of for the and de la du des der die das im am zur zum für und von vom in an auf".split())
_NAME_JOINERS = _TITLE_WORDS | frozenset("""
ein eine einer eines einem einen dem den oder mit ohne statt gegen zu unter über bei aus nach vor jeder jede jedes
di del della dello le y e et
""".split())
# verbs whose ob-clause is a question still open, not a reported one ("Das Gericht entscheidet, ob …")
_OPEN_QUESTION = frozenset("entscheiden urteilen befinden prüfen klären beraten bekanntwerden bekanntgeben".split())
_GOES_ON = frozenset("weiter weiterhin ferner außerdem zudem abschließend".split())  # "weiter hieß es"
_WIE_LINKS = frozenset("denn und aber doch".split())  # before a sentence's "wie X berichtete"
# verbs that call something by a quoted word: "nannte den Bericht „Zeitungsente“", "sprach von „…“"
_NAMING = frozenset("nennen bezeichnen sprechen warnen kritisieren rechtfertigen werten zurückweisen raten".split())
# verbs that judge something "als „…“" without being reporting verbs themselves
_JUDGING = frozenset("attackieren feiern loben verurteilen darstellen einstufen beschimpfen preisen abtun "
                     "brandmarken kritisieren rechtfertigen werten bewerten verspotten".split())
# words that open a clause inside a message: a cue verb there is part of what was said ("es sei unklar,
# wer den Angriff ausgeführt habe"), not a new cue clause
_EMBEDDING = frozenset("wer was warum wo wofür wogegen woran weshalb ob dass daß weil wenn falls obwohl damit "
                       "der die das dem den deren dessen denen welche welcher welches".split())
_RELATIVES = frozenset("der die das dem den welche welcher was wo".split())
# adverbs between a speaker and the colon before a quotation ("Koppelin wörtlich: „…“")
_BEFORE_COLON = frozenset("wörtlich dazu weiter später abschließend zuletzt knapp".split())
# determiners that mark a masculine accusative: a noun phrase they open is not the subject
_ACCUSATIVE = frozenset("den einen ihren seinen unseren euren meinen deinen diesen jenen keinen jeden".split())
# nouns of words shown or chanted: "Parolen wie „…“", "mit der Aufschrift „…“"
_SLOGAN_NOUNS = frozenset("""parole parolen spruch sprüche sprüchen aufschrift aufschriften slogan slogans sprechchor
sprechchöre sprechchören ruf rufe rufen""".split())
# what a speaker before a colon speaks about or when: "Die Ministerin zur Lage: „…“"
_TOPIC_PREPOSITIONS = frozenset("zu zum zur über nach am vor bei gegenüber".split())
_SEIN = frozenset("ist sind war waren sei seien wäre wären".split())
# words that open a clause that goes on the sentence, not a reported main clause ("…, so dass", "…, wobei")
_NOT_MAIN = frozenset("so wie wobei wodurch womit weshalb weswegen und oder aber sondern nur sich".split())
_SUBORDINATORS = frozenset("""
wenn falls da nachdem als weil obwohl während bevor sobald seit seitdem damit indem ob dass um wonach
""".split())


@dataclass
class Candidate:
    msg: tuple[int, int]                 # token range [a, b) of the message
    form: str                            # direct | indirect | mixed
    cue: tuple[int, int] | None = None   # token range of the cue
    speaker: tuple[int, int] | None = None
    inherit: bool = False                # a continuation: the speaker of the quote before
    rule: str = ""
    refers: tuple[int, int] | None = None  # what a speaker mention such as "Demnach" stands for
    via: str = ""                        # how the speaker mention was found (the output's `speaker.via`)


# the participle of a particle verb: "angenommen", "festgestellt", "mitgeteilt", "bekanntgegeben"
_PARTICLE_PARTICIPLE = re.compile(
    r"^(an|auf|aus|bei|dar|ein|fest|hin|hinzu|mit|nach|vor|zu|zurück|bekannt|klar)ge\w+(t|en)$")


# a particle verb's zu-infinitive written as one word: "zurückzutreten", "anzusprechen", "vorzugehen"
_ZU_INFINITIVE = re.compile(r"^(ab|an|auf|aus|bei|ein|fest|fort|her|hin|los|mit|nach|vor|weg|zurück|zusammen|"
                            r"weiter|dar|durch|um|über|wieder|hinzu|heraus|herbei|frei|bereit|statt|teil|fern|offen|klar)zu\w+en$")


def _participle(tok: Any) -> bool:
    """A past participle by the model's tag; without a model, a small word ending like one ("eingebrochen")."""
    if tok.tag:
        return bool(tok.tag.endswith("PP"))
    return tok.text.islower() and tok.text.endswith(("t", "en"))


@dataclass
class FreeSentence:
    sent: int
    features: dict[str, float]
    speaker: tuple[int, int] | None  # token range of the speaker it would have
    inherit: bool                    # or the speaker of the quotation in the sentence before


class QuoteFinder:
    def __init__(self, doc: Document) -> None:
        self.view = DocView(doc)
        self.inside = [-1] * len(self.view.toks)
        self.spans = quoted_spans(self.view)
        for qi, (o, c) in enumerate(self.spans):
            for k in range(o, min(c + 1, len(self.inside))):
                self.inside[k] = qi
        self.cands: list[Candidate] = []
        self.taken = [False] * len(self.view.toks)
        self.used_spans: set[int] = set()
        self.sent_cues: list[list[Cue]] = []  # the cues of each sentence, read once by `run`
        self.speaker_via: dict[tuple[int, int], str] = {}  # how `speaker_for` found a speaker mention

    # -- helpers ---------------------------------------------------------------------------------------
    def free(self, a: int, b: int) -> bool:
        return a < b and not any(self.taken[a:b])

    def add(self, c: Candidate, shortest: int = 2) -> None:
        a, b = self.view.trim(*c.msg)
        if b - a < shortest or not self.free(a, b):
            return
        c.msg = (a, b)
        # quotation marks inside an indirect message make it mixed
        if c.form == "indirect":
            inner = [qi for qi, (o, cl) in enumerate(self.spans) if a <= o and cl < b + 1 and qi not in self.used_spans]
            if inner:
                c.form = "mixed"
                self.used_spans.update(inner)
        for k in range(a, b):
            self.taken[k] = True
        if c.speaker is not None and not c.via:
            c.via = self.speaker_via.get(c.speaker, c.rule)
        self.cands.append(c)

    def speaker_for(self, cue: Cue) -> tuple[int, int] | None:
        """The speaker mention of a cue; which way it was found is kept for `add` (the output's
        `speaker.via`)."""
        span, how = self._speaker_for(cue)
        if span is not None:
            self.speaker_via[span] = how
        return span

    def _speaker_for(self, cue: Cue) -> tuple[tuple[int, int] | None, str]:
        view = self.view
        ca, cb = view.extended_clause(cue.tok)
        if self.passive(cue, *view.clause(cue.tok)):
            # "wurde ... vorgeworfen": the speaker, if any, is the agent "von X" ("Von den Behörden wird
            # angenommen"), else the document it is in ("In einem Bericht wurde vermutet")
            for m in range(ca, cb - 1):
                if view.toks[m].lower not in ("von", "vom") or self.inside[m] >= 0:
                    continue
                # near the verb, not counting a quotation between ("von Kritikern als „…“ bezeichnet")
                if m == ca or sum(1 for k in range(m, cue.tok) if self.inside[k] < 0) <= 6:
                    return _np_from(view, m + 1, cb), "passive-agent"
            return self.source_phrase(ca, cb), "passive-source"
        if cue.lemma in ("bekanntwerden", "hervorgehen"):  # "Wie aus Kreisen der Partei bekannt wurde"
            # "Aus dem Bericht geht hervor, dass …", "Dies geht aus einer Pressemitteilung hervor."
            return self.source_phrase(ca, cb, also=("aus",)), "source-phrase"
        if cue.kind == "impersonal":  # "In der Pressemitteilung heißt es", "hieß es bei Russland Aktuell"
            found = self.source_phrase(ca, cb, also=("bei", "beim"), named=("aus", "von", "vom", "seitens"))
            si = view.toks[cue.tok].sent
            if found is None and si > 0:
                # "…, heißt es." after a sentence that names a report: that report ("Die BBC berichtet von
                # einer Studie. … , heißt es darin.")
                found = document_phrase(view, *view.sent_toks[si - 1])
            return found, "impersonal-source"
        toks = view.toks
        if toks[cue.tok].tag == "ADJA":
            # a participle before a noun: "die von Arnold nach dem Urteil geäußerte Hoffnung, …" (the agent
            # after "von", else no one)
            agent = next((k for k in range(cue.tok - 1, max(ca, cue.tok - 12) - 1, -1)
                          if toks[k].lower in ("von", "vom") and self.inside[k] < 0), None)
            return (_np_from(view, agent + 1, cue.tok) if agent is not None else None), "participle-agent"
        if cue.lemma == "zitieren":
            cited = self.cited(cue.tok, ca, cb)
            if cited is not None:
                return cited, "cited"
        ra, _ = view.clause(cue.tok)
        if ra > 0 and toks[ra - 1].text == "," and toks[ra].lower in _SUBJECT_RELATIVES and ra < cue.tok and \
                not any(toks[m].tag in ("PPER", "NE", "NN", "ART") for m in range(ra + 1, cue.tok)):
            # "Ägypten, das vorschlug, …": the relative pronoun (the resolver finds Ägypten)
            return (ra, ra + 1), "relative-pronoun"
        if cue.tok > ca and self.inside[cue.tok] < 0 and self.inside[cue.tok - 1] == self.inside[ca] >= 0 and \
                any(toks[m].tag in FINITE_TAGS or toks[m].text in END_PUNCT for m in range(ca, cue.tok)):
            # a clause that opens with a quoted sentence, the verb right after it: "„…?“ fragen sich Experten"
            # (a quoted name is the subject: "„Muslix64“ erwähnte")
            ca = cue.tok
        first = clause_opening(view, ca, cue.tok)
        lo, _ = view.sent_toks[toks[cue.tok].sent]
        second = self.second_clause_subject(ca, cue.tok)
        if second is not None:
            return second, "second-clause"
        if first == cue.tok:
            if ca > lo and toks[ca - 1].text == ",":
                # "Der frühere Bürgermeister, Henning Scherf (SPD), warnte die CDU vor …": the verb right
                # after an apposition has the subject that opens the sentence
                np, lb = self.opening_subject(lo)
                if np and lb < ca - 1 and toks[lb].text == "," and "PER" in self.labels((lb + 1, ca - 1)) and \
                        not any(self.inside[m] >= 0 or toks[m].text == ":" for m in range(lb + 1, ca - 1)):
                    # (an apposition has no quotation in it: "…: „Ein guter Start“, sagte er")
                    return (np[0], ca - 1), "opening-apposition"
            right = subject_right(view, cue.tok, cb)
            if right and not right[0] < cue.end <= right[1]:  # (not the noun of a noun cue: "wagte die Prognose")
                return right, "after-verb"
        else:
            left = subject_left(view, ca, cue.tok)
            if left:
                # "Günther Platter, der Verteidigungsminister Österreichs, …, sagte": the apposition
                # describes the subject that opens the sentence
                if left[0] - 1 > lo and toks[left[0] - 1].text == ",":
                    np, lb = self.opening_subject(lo)
                    if np and np[1] == lb == left[0] - 1:
                        return np, "opening-subject"
                return self.unless_fronted_object(left, cue.tok, cb), "before-verb"
            # "Im Rahmen des Protokolls hat die EU zugesagt": the subject follows the auxiliary
            for m in range(first, cue.tok):
                if toks[m].lower in AUXILIARIES:
                    np = subject_right(view, m, cue.tok)
                    if np:
                        return np, "after-auxiliary"
        # "Deiss, der sich ... entschlossen hatte, sagte ...": the subject opens the sentence
        if ca > lo:
            np, lb = self.opening_subject(lo)
            if np and np[1] == lb and lb < ca and toks[lb].text == "(":
                # "Die Gemeinschaft X (IGX), die …, hat bekannt gegeben"
                lb = view.bracket_end(lb, min(lb + 6, ca)) or lb
                np = (np[0], lb)
            if np and np[1] == lb and lb < len(toks) and toks[lb].text == ",":
                return np, "opening-subject"
            if np and toks[ca].tag in FINITE_TAGS and toks[ca - 1].text == "," and \
                    not any(toks[m].tag in FINITE_TAGS or self.inside[m] >= 0 for m in range(np[1], ca)):
                # a clause that opens with its verb after a subject with appositions and phrases, none with a
                # verb: "Die Regierungsparteien in Pakistan, die Volkspartei (PPP) und die Liga, hatten erklärt"
                return np, "opening-subject"
        right = subject_right(view, cue.tok, cb)
        if right and right[0] < cue.end <= right[1]:
            right = None
        if right is None and cue.tok > lo and (toks[cue.tok - 1].lower in ("und", "sowie") or (
                toks[cue.tok - 1].text == "," and toks[cue.tok].tag in FINITE_TAGS)):
            # "Im Januar legte er sein Amt nieder und verkündete, …", "Die UN bestätigten den Vorfall,
            # teilten jedoch mit, …": the subject of the first verb
            # (a reporting verb the tagger misread counts: "äußerte Vorbehalte und wagte die Prognose")
            verb = next((m for m in range(lo, cue.tok - 1) if toks[m].tag in FINITE_TAGS or
                         (m > lo and speech_verb(toks[m].text) and self.inside[m] < 0)), None)
            if verb is not None:
                left = subject_left(view, lo, verb) if verb > lo else None
                return (left or subject_right(view, verb, cue.tok)), "first-verb"
        return right, "after-verb"

    def cited(self, verb: int, ca: int, cb: int) -> tuple[int, int] | None:
        """Who "zitieren" cites, its object, which is the source of the quotation: "„…“, zitierte man Yolanda
        Alvarez", "zitierte die Zeitung den Minister", "Die Agentur zitiert einen Sprecher: „…“"."""
        view, toks = self.view, self.view.toks
        for m in range(verb + 1, cb):
            if self.inside[m] >= 0:
                return None
            if toks[m].lower == "man":
                return subject_right(view, m, cb)
            if toks[m].lower in _ACCUSATIVE:
                return _np_from(view, m, cb)
        if subject_left(view, ca, verb) is not None:  # the subject before the verb: the name after it is cited
            return subject_right(view, verb, cb)
        return None

    def second_clause_subject(self, ca: int, verb: int) -> tuple[int, int] | None:
        """The subject of a verb in a second main clause joined by "und"/"aber": "Das war nicht der erste
        Streit, und die Anwohner befürchten, …", "Die Behörde übergab die Akten und das Amt seinerseits
        versprach, …" — a noun phrase right after the link and before the verb (an adverb may stand between),
        when the first clause has a verb of its own (not "Die Ministerin und der Kanzler erklärten")."""
        view, toks = self.view, self.view.toks
        if toks[verb].tag.endswith("PP"):
            return None  # a main clause puts its finite verb second ("und die Anwohner befürchten"), not a
            # participle at the end ("hatte die Rolle der Fraktions- und Parteivorsitzenden betont"); a
            # truncated first part ("Fraktions- und") joins two nouns, not two clauses
        link = next((m for m in range(verb - 2, ca, -1) if toks[m].lower in ("und", "aber", "doch")
                     and self.inside[m] < 0), None)
        if link is None or toks[link - 1].tag == "TRUNC" or \
                not any(toks[m].tag in FINITE_TAGS or speech_verb(toks[m].text) for m in range(ca, link)):
            return None
        np = subject_left(view, link + 1, verb)
        if np and all(toks[m].tag == "ADV" or toks[m].lower in _SKIPPED for m in range(np[1], verb)):
            return np
        return None

    def opening_subject(self, lo: int) -> tuple[tuple[int, int] | None, int]:
        """The subject of the clause that opens the sentence starting at token `lo`, and where that clause
        ends."""
        la, lb = self.view.clause(lo)
        return subject_left(self.view, la, lb), lb

    def unless_fronted_object(self, left: tuple[int, int], verb: int, end: int) -> tuple[int, int]:
        """The subject of `verb`: `left`, the noun phrase before it, unless that is a fronted object ("Die
        Anwendung der Richtlinie stellte der SPD-Vorsitzende X in Frage", "Den Vorwurf wies Y zurück"), a
        phrase no one could be, with a person the entity model found right after the verb (not "erzählte der
        Nachrichtenagentur Reuters", which is a dative)."""
        view = self.view
        if view.toks[left[0]].lower in _ACCUSATIVE:
            # an object by its case ("Ihren Widersacher X forderte May auf, …"): any actor after the verb
            right = subject_right(view, verb, end)
            if right and self.actor_like(right) and view.toks[right[0]].lower not in NOT_NOMINATIVE:
                return right
            return left
        right = subject_right(view, verb, end)
        if right and right[1] - right[0] == 1 and view.toks[right[0]].lower in ("er", "ich", "wir") and \
                view.toks[left[0]].tag not in ("PPER", "PDS", "PIS"):
            return right  # a pronoun only a subject can be: "Die Bürger forderte er auf, …"
        if self.actor_like(left) or _named(view, left):
            return left
        if right and "PER" in self.labels(right) and view.toks[right[0]].lower not in NOT_NOMINATIVE:
            return right
        return left

    def antecedent(self, si: int) -> tuple[int, int] | None:
        """Who "Demnach"/"Danach" at the start of sentence `si` stands for: the speaker of a cue in the
        sentence before that reported nothing itself ("Dieser Darstellung wurde von einem Militärsprecher
        widersprochen. Danach …"), else a document or statement named there ("Das Gericht verkündete sein
        Urteil. Demnach …"). None when the sentence before holds a quotation: its speaker goes on."""
        if si == 0 or any(self.view.toks[c.msg[1] - 1].sent == si - 1 for c in self.cands):
            return None
        for cue in self.sent_cues[si - 1]:
            if cue.kind == "verb":
                spk = self.speaker_for(cue)
                if spk:
                    return spk
        return document_phrase(self.view, *self.view.sent_toks[si - 1])

    def source_phrase(self, ca: int, cb: int, also: tuple[str, ...] = (),
                      named: tuple[str, ...] = ()) -> tuple[int, int] | None:
        """A document or channel that says something, when no one is named: "in/auf" + a noun phrase
        with a document noun ("in einer Pressemitteilung der Organisation", "auf der Homepage"), any
        noun phrase after a preposition in `also` ("hieß es bei Russland Aktuell"), or one with a name
        or a role or an institution after a preposition in `named` ("Aus Paris hieß es", "hieß es vom Sprecher",
        "hieß es aus dem Präsidialamt")."""
        view, toks = self.view, self.view.toks
        for m in range(ca, cb - 1):
            low = toks[m].lower
            if self.inside[m] >= 0 or low not in ("in", "im", "auf", *also, *named):
                continue
            np = _np_from(view, m + 1, cb)
            if np is None:
                continue
            if low in also or (low in ("in", "im", "auf") and any(document_noun(toks[x].text) for x in range(*np))):
                return np
            if low in named and any(x in view.ent_of or role_noun(toks[x].lower) or
                                    (toks[x].cap and group_role(toks[x].text)) for x in range(*np)):
                return np
        return None

    def looks_like_clause(self, a: int, b: int) -> bool:
        """Could tokens [a, b) be a main clause that was reported, not a subordinate clause or a name?"""
        toks = self.view.toks
        words = [t for t in toks[a:b] if t.word]
        if len(words) < 4 or (words[0].lower in _SUBORDINATORS and words[0].tag not in ("APPR", "APPRART")):
            return False  # (a preposition may be spelt like one: "Seit dem 19. Juni ist …", "Während der Sitzung …")
        last = b - 1
        while last > a and not toks[last].word:
            last -= 1
        if is_named(self.view.ent_of.get(last), "PER"):
            return False  # "Die Vorsitzende der Partei, Anna Muster, kritisierte ...": an apposition
        return any(t.text[:1].islower() and t.lower not in DETERMINERS for t in words[1:]) and self.main_verb(a, b)

    def dependent(self, k: int, lo: int) -> bool:
        """Is token k in a subordinate or relative clause of the sentence starting at `lo`? (By the word that
        opens its clause after a comma; "Der" opening the sentence is an article.)"""
        ca = self.view.clause(k)[0]
        t = self.view.toks[ca]
        return (t.lower in _SUBORDINATORS and (ca > lo or t.tag == "KOUS")) or (t.lower in _RELATIVES and ca > lo)

    def past_insertions(self, start: int, hi: int) -> int:
        """Where the message begins after a cue clause: past appositions and phrases without a verb that
        still belong to the cue ("sagte der Koordinator, Deftalgne Tessema, gegenüber der BBC, dass …"),
        when a dass/ob clause follows them. Needs the model's tags."""
        toks = self.view.toks
        k = start
        while k < hi and toks[k].tag and toks[k].lower not in CLAUSE_INTRO:
            stop = next((m for m in range(k, hi) if toks[m].text == ","), None)
            if stop is None or any(toks[m].tag in FINITE_TAGS or toks[m].tag in ("PRELS", "KOUS")
                                   for m in range(k, stop)):
                return start
            k = stop + 1
        return k if k < hi and toks[k].lower in CLAUSE_INTRO else start

    def main_verb(self, a: int, b: int) -> bool:
        """Has [a, b) a finite verb outside its relative and subordinate clauses? ("Die Mönche, die sich
        beteiligt hatten" has none: a subject with its relative clause, not a clause.) Needs the model's
        STTS tags; without them every span passes."""
        toks = self.view.toks
        if not toks[a].tag:
            return True
        k = a
        while k < b:
            stop = next((m for m in range(k + 1, b) if toks[m].text in CLAUSE_BREAKS), b)
            opener = toks[k + 1] if toks[k].text in CLAUSE_BREAKS and k + 1 < b else toks[k]
            subordinate = k > a and (opener.tag in ("PRELS", "PRELAT", "KOUS", "PWAV") or opener.lower in CLAUSE_INTRO)
            if not subordinate and any(toks[m].tag in FINITE_TAGS for m in range(k, stop)):
                return True
            k = stop
        return False

    def passive(self, cue: Cue, ca: int, cb: int) -> bool:
        """A passive cue ("wurde betont"), whose subject is not the speaker; except "X wird zitiert"."""
        toks = self.view.toks
        if cue.lemma == "zitieren":
            return False
        word = toks[cue.tok].lower
        werden_after = any(toks[m].lower in WERDEN for m in range(cue.tok + 1, min(cue.tok + 3, cb)))
        # "wurde betont, dass": a -t form closing the clause after "werden" is a participle (an infinitive
        # there, as in "wird sagen", ends in -n)
        closing = cue.end >= cb and word.endswith("t") and any(toks[m].lower in WERDEN for m in range(ca, cue.tok))
        participle = word.startswith("ge") or bool(_PARTICLE_PARTICIPLE.match(word)) or closing or \
            toks[cue.tok].tag == "VVPP" or (
            cue.tok > ca and word.endswith(("t", "en")) and werden_after)
        return participle and any(toks[m].lower in WERDEN for m in range(ca, cb))

    def zu_infinitive(self, a: int, b: int) -> bool:
        """Is [a, b) a zu-infinitive clause ("… zu beenden", "von seinem Amt zurückzutreten")? Its
        infinitive closes the clause, or the first part of it before a relative clause ("eine Kommission
        zu gründen, die …")."""
        toks = self.view.toks
        stop = next((k for k in range(a, b) if toks[k].text in CLAUSE_BREAKS), b)
        # (a participle the tagger read as finite before "zu haben": "für die Truppen spioniert zu haben")
        finite = any((toks[k].tag in FINITE_TAGS and toks[k - 1].lower != "zu" and
                      (k + 1 >= len(toks) or toks[k + 1].lower != "zu") and
                      not _ZU_INFINITIVE.match(toks[k].lower)) or toks[k].tag == "PRELS" for k in range(a, stop))
        if finite or (toks[a].tag == "KOUS" and toks[a].lower != "bis"):
            return False  # a clause with a finite verb of its own: "nachdem er nicht mehr zu sehen war"
        if any(toks[k].lower == "zu" for k in range(b - 3, b)):
            return True
        return any(toks[k].tag == "VVIZU" or _ZU_INFINITIVE.match(toks[k].lower) or (toks[k].lower == "zu" and (
            toks[k].tag == "PTKZU" or (not toks[k].tag and k + 2 == stop and toks[k + 1].text[:1].islower())))
            for k in range(max(a + 1, stop - 3), stop))

    def retrospective(self, sent_cues: list[list[Cue]]) -> None:
        """"…. Dies bestätigte der Parteivorsitzende X.": a demonstrative before the cue stands for what
        the sentence before said; the message is that sentence and the demonstrative."""
        view, toks = self.view, self.view.toks
        for si in range(1, len(view.sentences)):
            lo, hi = view.sent_toks[si]
            if hi - lo < 3 or toks[lo].lower not in ("dies", "das", "dieses") or not toks[lo].cap:
                continue
            cue = next((c for c in sent_cues[si] if c.kind == "verb" and not c.used), None)
            if cue is None or not (cue.tok == lo + 1 or (toks[lo + 1].lower in AUXILIARIES and cue.tok > lo + 2)):
                continue
            _, cb = view.clause(cue.tok)
            if cb < hi and toks[cb].text not in END_PUNCT:
                continue  # "Dies bestätigte X, als …", "Das sagte X, dass …": not this pattern
            plo, _ = view.sent_toks[si - 1]
            if not self.free(plo, lo):
                continue
            cue.used = True
            self.add(Candidate((plo, lo + 1), "indirect", (cue.tok, cue.end), self.speaker_for(cue),
                               rule="retrospective"))

    def dependent_clauses(self, b: int, hi: int) -> int:
        """Where a clause ending at token b ends with the subordinate and infinitive clauses that follow it
        (", wenn …", ", ob …", ", Aussagen darüber zu machen")."""
        toks = self.view.toks
        while b + 1 < hi and toks[b].text == ",":
            nb = self.view.clause(b + 1)[1]
            if not (toks[b + 1].lower in _SUBORDINATORS or toks[b + 1].lower in ("wer", "was", "wie", "warum")
                    or self.zu_infinitive(b + 1, nb)):
                break
            b = nb
        return b

    def message_after(self, b: int, hi: int, later: list[Cue]) -> int:
        """Where a message that starts at token b ends: the sentence end, before a later cue clause, or
        where the speaker's own clause goes on with an indicative verb ("…, er sei unschuldig, erkannte das
        Gericht aber nicht an")."""
        toks = self.view.toks
        for c in later:
            if c.tok > b:
                ca, _ = self.view.clause(c.tok)
                if ca > b + 1 and toks[ca].lower not in _EMBEDDING and not (
                        toks[ca].tag in FINITE_TAGS and not self.main_verb(b, ca - 1)):
                    # (not the message's own verb after its subject's relative clause: "meldet, X, die sich
                    # in Gefangenschaft befunden hatte, habe die Angaben bezweifelt")
                    hi = ca - 1 if toks[ca - 1].text == "," else ca
                    break
        colon = next((m for m in range(b + 1, hi - 1) if toks[m].text == ":" and self.inside[m] < 0
                      and self.inside[m + 1] >= 0), None)
        if colon is not None:
            hi = colon  # a colon before a quotation ends it: "Er glaubt, dass das Team gestärkt sei: „Wir …“"
        if toks[b].lower in _SUBORDINATORS and toks[b].lower not in CLAUSE_INTRO:
            return hi  # "…, wenn es regnet, ist das Fest abgesagt": the message's own main clause follows
        for m in range(b + 2, hi - 1):
            if toks[m].text == "," and self.inside[m] < 0 and toks[m + 1].tag in FINITE_TAGS and \
                    not subjunctive(toks[m + 1].text) and toks[m + 1].text[:1].islower():
                return m
        return hi

    # -- passes ----------------------------------------------------------------------------------------
    def run(self, reported: ReportedModel | None = None) -> list[Candidate]:
        """The rules' quotations; with `reported`, also the sentences it reads as reported speech."""
        view = self.view
        self.sent_cues = sent_cues = [find_cues(view, self.inside, si) for si in range(len(view.sentences))]
        self.direct_with_cue(sent_cues)
        for si, cues in enumerate(sent_cues):
            self.indirect(si, cues)
        self.direct_rest(sent_cues)
        self.retrospective(sent_cues)
        for si in range(len(view.sentences)):
            self.dass_subjunctive(si)
        self.so_sources(sent_cues)
        self.relayed_sources(sent_cues)
        self.continuations()
        if reported is not None:
            quote_sents = self.quote_sents()  # as `free_sentences` saw them, before any is added
            for free in self.free_sentences():
                if reported.probability(free.features) >= reported.threshold:
                    lo, hi = view.sent_toks[free.sent]
                    best = reported.choose(speaker_options(self, free.sent, quote_sents)) \
                        if reported.speaker_weights else None
                    if best is None:
                        self.add(Candidate((lo, hi), "indirect", None, free.speaker, inherit=free.inherit,
                                           rule="reported"))
                    elif best[1] >= reported.speaker_threshold:
                        chosen = best[0]
                        kind = "+".join(sorted(chosen.kinds))
                        self.add(Candidate((lo, hi), "indirect", None, chosen.span, inherit=chosen.inherit,
                                           rule="reported", via=f"chosen: {kind}" if chosen.span else ""))
        self.direct_verbal()
        self.cands.sort(key=lambda c: c.msg[0])
        return self.cands

    def so_sources(self, sent_cues: list[list[Cue]]) -> None:
        """A quotation without a speaker takes the source that closes its sentence: "Ägypten werde
        aufgefordert, die Grenze zu öffnen, so Hisbollah-Chef Hassan Nasrallah." """
        view = self.view
        taken = {c.cue[0] for c in self.cands if c.cue is not None}
        for c in self.cands:
            if c.speaker is not None or c.inherit:
                continue
            si = view.toks[c.msg[0]].sent
            so = next((x for x in sent_cues[si] if x.kind == "so" and x.tok not in taken and x.tok >= c.msg[1]), None)
            if so is None:
                continue
            spk = subject_right(view, so.tok, view.clause(so.tok)[1])
            if spk is not None:
                taken.add(so.tok)
                c.speaker, c.cue = spk, (so.tok, so.end)

    def relayed_sources(self, sent_cues: list[list[Cue]]) -> None:
        """A speaker quoted through a source: "sagte Raab laut Spiegel Online", "sagte die Kanzlerin einigen
        Teilnehmern zufolge: „…“". The text vouches only for the source, so the source is the speaker (as
        SpkAtt marks it), with "laut"/"zufolge" as the cue."""
        view, toks = self.view, self.view.toks
        taken = {c.cue[0] for c in self.cands if c.cue is not None}
        for c in self.cands:
            if c.cue is None or c.inherit or toks[c.cue[0]].lower in ("laut", "zufolge"):
                continue
            ca, cb = view.clause(c.cue[0])
            for x in sent_cues[toks[c.cue[0]].sent]:
                if x.tok in taken or not ca <= x.tok < cb or c.msg[0] <= x.tok < c.msg[1]:
                    continue
                low = toks[x.tok].lower
                if low == "laut" and x.kind == "prep":
                    np = _np_from(view, x.end, cb)
                elif low == "zufolge" and x.kind == "post":
                    np = np_before(view, x.tok, c.cue[1] if c.cue[1] <= x.tok else ca)  # not past the verb
                    np = self.last_phrase(np) if np is not None else None
                else:
                    continue
                if np is not None and not (c.msg[0] <= np[0] < c.msg[1]):
                    taken.add(x.tok)
                    c.speaker, c.cue = np, (x.tok, x.end)
                    break

    def last_phrase(self, np: tuple[int, int]) -> tuple[int, int]:
        """Of two noun phrases in a row, the last: "die Kanzlerin einigen Teilnehmern (zufolge)" → "einigen
        Teilnehmern"; a genitive attribute stays with its phrase ("Angaben des Ministeriums")."""
        toks = self.view.toks
        for m in range(np[1] - 1, np[0], -1):
            if toks[m - 1].cap and not toks[m].cap and toks[m].lower not in ("des", "der", "von", "vom"):
                return m, np[1]
        return np

    def subject_between(self, si: int, by_sent: dict[int, Candidate], cued: bool = False) -> Candidate | None:
        """A continuation after a sentence that is not a quotation and is about a named person or
        organisation ("Die Polizei ermittelt … . Es gebe auch ein Bekennervideo."): that one is speaking,
        not the speaker of the quotation before. `cued`: the sentence before has a reporting verb, so anyone
        who can speak counts ("Dabei verteidigte er die Beschlüsse. Außerdem wolle er …")."""
        if si == 0 or si - 1 in by_sent:
            return None
        spk = self.sentence_subject(si - 1)
        # a country counts when the sentence before has a reporting verb ("Der Iran bestreitet dies.")
        actors = {"PER", "ORG"} | ({"LOC"} if any(c.kind == "verb" for c in self.sent_cues[si - 1]) else set())
        if spk is None or not (self.labels(spk) & actors or (cued and self.actor_like(spk))):
            return None
        lo, hi = self.view.sent_toks[si]
        return Candidate((lo, hi), "indirect", None, spk, rule="continuation")

    def own_subject(self, lo: int, hi: int) -> Candidate | None:
        """A sentence in reported speech whose first clause is an indicative one with its own subject
        ("Die Aktivistin zeigte sich besorgt, dass … würde", "Er stellt fest, dass … habe"): that subject is
        the speaker, and what follows the clause is the message. Needs the model's tags."""
        view, toks = self.view, self.view.toks
        la, lb = view.clause(lo)
        if lb >= hi - 1 or toks[lb].text != "," or not any(toks[m].tag in FINITE_TAGS and not subjunctive(
                toks[m].text) for m in range(la, lb)):
            return None
        np = subject_left(view, la, lb)
        if np is None or np[1] >= lb or toks[np[1]].tag not in FINITE_TAGS:
            # the subject after the verb, when it is someone: "Noch am Freitag hatte der Präsident X
            # persönlich versichert, die Teilnehmer würden geschützt"
            verb = next((m for m in range(la + 1, lb) if toks[m].tag in FINITE_TAGS), None)
            if np is not None or verb is None or toks[la].tag in ("KOUS", "PRELS", "PWAV", "PWS") or \
                    subjunctive(toks[verb].text):
                return None
            np = subject_right(view, verb, lb)
            if np is None or not self.actor_like(np) or not any(toks[m].tag.endswith("PP") for m in range(np[1], lb)):
                return None
        return Candidate((lb + 1, hi), "indirect", None, np, rule="continuation")

    def actor_like(self, np: tuple[int, int]) -> bool:
        """Can a noun phrase say something: a person or organisation the entity model found, a personal
        pronoun, or a role noun ("der Sprecher")? ("Die Pflichten der Union" cannot.)"""
        toks = self.view.toks
        # the head, before a genitive: not "Die Pflichten [der Union]"
        cut = next((k for k in range(np[0] + 1, np[1]) if toks[k].lower in ("der", "des")), np[1])
        return bool(self.labels((np[0], cut)) & {"PER", "ORG"}) or toks[np[0]].tag == "PPER" or \
            any(role_noun(toks[m].lower) for m in range(np[0], cut))

    def labels(self, span: tuple[int, int]) -> set[str]:
        """The entity labels inside a token range."""
        return {self.view.ent_of[k].get("label", "") for k in range(*span) if k in self.view.ent_of}

    def sentence_subject(self, si: int) -> tuple[int, int] | None:
        """Who sentence `si` is about: the speaker of a cue in it, else the subject of its main clause."""
        view, toks = self.view, self.view.toks
        lo, hi = view.sent_toks[si]
        for cue in self.sent_cues[si]:
            if cue.kind == "verb":
                spk = self.speaker_for(cue)
                if spk:
                    return spk
            elif cue.kind == "prep":
                np = _np_from(view, cue.end, hi)
                if np:
                    return np
        la, lb = view.clause(lo)
        np = subject_left(view, la, lb)
        if np and np[1] < hi and toks[np[1]].tag in FINITE_TAGS | {""}:
            return np
        verb = next((k for k in range(lo + 1, hi) if toks[k].tag in FINITE_TAGS), None)
        return subject_right(view, verb, hi) if verb is not None else None

    def quote_sents(self) -> dict[int, Candidate]:
        """The sentences where a quotation found so far ends, with that quotation."""
        toks = self.view.toks
        return {toks[c.msg[1] - 1].sent: c for c in sorted(self.cands, key=lambda c: c.msg[0])}

    def free_sentences(self) -> list[FreeSentence]:
        """The sentences no rule took (four words or more), with the speaker they would have and their
        features for `reported`; read before any is added, so each sees the rules' quotations only.
        The speaker goes on from a quotation in the sentence before; else it is who the sentence before
        is about ("Minister X äußerte sich zu Y. Es gehe nicht darum, …")."""
        toks = self.view.toks
        quote_sents = self.quote_sents()
        out = []
        for si, (lo, hi) in enumerate(self.view.sent_toks):
            if self.free(lo, hi) and sum(1 for k in range(lo, hi) if toks[k].word) >= 4:
                # a cue the rules could not use ("X ist der Meinung, dass"): its speaker is in this sentence
                own = any(c.kind in ("verb", "prep", "post") for c in self.sent_cues[si])
                inherit = si - 1 in quote_sents and not own
                spk = self.sentence_subject(si) if own else None if inherit or si == 0 else \
                    self.sentence_subject(si - 1)
                feats = sentence_features(self, si, quote_sents)
                mode = "inherited" if inherit else "own" if own and spk else "before" if spk else "none"
                feats[f"speaker:{mode}"] = 1.0
                if spk:
                    for label in self.labels(spk) or {"no entity"}:
                        feats[f"speaker_entity:{label}"] = 1.0
                out.append(FreeSentence(si, feats, spk, inherit))
        return out

    def title(self, o: int, c: int) -> bool:
        """Is the quoted span (o, c) a name, title or motto in quotation marks, not something said: the title
        of a work; at most six words whose only lower-case ones are function words ("„Public Library of Science“",
        "„Rundschau am Sonntag“"); or capitalised words joined by function words with no verb among them by the
        model's tags ("„Kampagne für ein Freies Tibet“"; "„Stoppt den Ausverkauf“" is said)?"""
        toks = self.view.toks
        if o > 0 and toks[o - 1].cap and WORK_NOUN.search(toks[o - 1].text):
            return True  # the title of a work: "das Buch mit dem Titel „…“", "der Film „…“" (chronik.nlp.titles)
        words = [t for t in toks[o + 1:c] if t.word]
        if len(words) <= 6 and all(t.lower in _TITLE_WORDS for t in words if t.text[:1].islower()):
            return True
        return len(words) >= 2 and all(t.tag and t.tag[0] != "V" for t in words) and \
            all(t.cap or t.text[:1].isdigit() or t.lower in _NAME_JOINERS for t in words)

    def direct_verbal(self) -> None:
        """Last, the quoted words no rule took that have a verb of their own, in a sentence without a
        reporting verb: "wollte er „ein Konzept vorlegen“", "verlangt „der Tatbestand … das Mitwissen“" —
        someone's words, not a name; said by who the sentence is about, when that one can speak."""
        toks = self.view.toks
        for qi, (o, c) in enumerate(self.spans):
            if qi in self.used_spans or not self.free(o + 1, c) or \
                    sum(1 for k in range(o + 1, c) if toks[k].word) < 4 or not self.verbal(o, c):
                continue
            si = toks[o].sent
            # a quotation of the same sentence gives its speaker ("Als „verpasste Chance“ beurteilte X das
            # Pontifikat. „Unter ihm ist …“"), else who the sentence is about
            other = next((x for x in self.cands if x.speaker is not None and toks[x.msg[0]].sent == si), None)
            spk = other.speaker if other is not None else self.sentence_subject(si)
            self.used_spans.add(qi)
            self.add(Candidate((o + 1, c), "direct", None, spk if spk and self.actor_like(spk) else None,
                               rule="direct-verbal"))

    def named(self, o: int, c: int) -> bool:
        """Are half or more of the quoted span's words inside an organisation's or other name the entity model
        found ("„con energy ag“", "„Sacharow-Preises für geistige Freiheit“")?"""
        toks = self.view.toks
        words = [k for k in range(o + 1, c) if toks[k].word]
        inside = sum(1 for k in words if k in self.view.ent_of and self.view.ent_of[k].get("label") in ("ORG", "MISC"))
        return bool(words) and 2 * inside >= len(words)

    def verbal(self, o: int, c: int) -> bool:
        """Does the quoted span (o, c) hold a verb by the model's tags, and is it neither a title nor a name
        ("„Aktion Deutschland hilft“" is an organisation) nor the first part of a compound ("„engine
        cutoff“-Sensoren")?"""
        toks = self.view.toks
        if self.title(o, c) or (c + 1 < len(toks) and toks[c + 1].text.startswith("-") and
                                toks[c + 1].start == toks[c].end):
            return False
        if self.named(o, c):
            return False
        return any(t.tag[:1] == "V" or t.tag == "PTKZU" for t in toks[o + 1:c])

    def direct_with_cue(self, sent_cues: list[list[Cue]]) -> None:
        view, toks = self.view, self.view.toks
        for qi, (o, c) in enumerate(self.spans):
            if sum(1 for k in range(o + 1, c) if toks[k].word) < 3 or self.title(o, c):
                continue
            cue: Cue | None = None
            shared = False  # the cue also introduces an indirect quotation of its own
            # „…“, sagte X. / „…“, so X. / „…“, wie X betonte.
            # (with no comma only after a quoted question or exclamation, or a quotation that opens the
            # sentence: "„Wer?“ fragte sie", not a name before the verb: "Enzyklika „Deus caritas est“ meldete")
            if (c + 2 < len(toks) and toks[c + 1].text in (",", "–") and toks[c].sent == toks[c + 2].sent) \
                    or (c + 1 < len(toks) and toks[c].sent == toks[c + 1].sent and toks[c + 1].word and
                        (toks[c - 1].text in ("?", "!", "…", ".") or o == view.sent_toks[toks[o].sent][0])):
                k0 = c + 2 if toks[c + 1].text in (",", "–") else c + 1
                # (a reporting verb before a colon comes first: "X schrieb: „…“, weiter hieß es, …")
                colon_verb = o > 1 and toks[o - 1].text == ":" and any(
                    x.kind == "verb" and not x.used and view.clause(o - 2)[0] <= x.tok < o - 1
                    for x in sent_cues[toks[o - 1].sent])
                if k0 < len(toks) and not colon_verb:
                    _, cb = view.clause(k0)
                    cands = [x for x in sent_cues[toks[k0].sent] if k0 <= x.tok < cb and not x.used]
                    cue = cands[0] if cands else None
            # X sagte: „…“
            if cue is None and o > 0 and toks[o - 1].text == ":":
                ca, _ = view.clause(o - 2) if o >= 2 else (o - 1, o - 1)
                cands = [x for x in sent_cues[toks[o - 1].sent] if ca <= x.tok < o - 1 and not x.used]
                # the reporting verb, not a source phrase in its object ("sagte zu der Forderung nach X: „…“")
                verbs = [x for x in cands if x.kind == "verb"]
                cue = (verbs or cands)[-1] if cands else None
                lo = view.sent_toks[toks[o - 1].sent][0]
                if o >= 2 and ca > lo and toks[ca].lower in _SUBORDINATORS | _RELATIVES:
                    # the clause before the colon is a dependent one: the reporting verb of the main clause
                    # speaks ("Er glaubt, dass das Team gestärkt aus der Saison hervorgegangen sei: „…“"),
                    # and its dependent clause stays free for an indirect quotation of its own
                    main_cues = [x for x in sent_cues[toks[o - 1].sent] if lo <= x.tok < ca and x.kind == "verb"
                                 and not self.dependent(x.tok, lo)]
                    if main_cues:
                        cue, shared = main_cues[-1], True
                if cue is None and o >= 2:
                    # "Koppelin: „…“", "Koppelin wörtlich: „…“", "Die Ministerin dazu: „…“"
                    stop = o - 2 if toks[o - 2].lower in _BEFORE_COLON and o - 2 > ca else o - 1
                    np = _np_from(view, ca, stop)
                    if np is not None and np[1] < stop and toks[np[1]].lower in _TOPIC_PREPOSITIONS and \
                            _np_from(view, np[1] + 1, stop) == (np[1] + 1, stop) and self.actor_like(np):
                        stop = np[1]  # "Die Ministerin zur Lage: „…“", "Ein Kommissar nach der Festnahme: „…“"
                    if np is not None and np[1] == stop:
                        self.used_spans.add(qi)
                        self.add(Candidate((o + 1, c), "direct", None, np, rule="colon-speaker"))
                        continue
                    # "Dabei griff sie den Präsidenten direkt an: „Ein Präsident, der …“": a clause with any
                    # verb and a subject opens a whole quoted sentence with a colon
                    # the verb of the main clause, not of a subordinate or relative one ("Sie warnte vor einer
                    # Katastrophe, wenn die Hilfe nicht fortgesetzt werde: „…“")
                    main = next((m for m in range(lo, o - 1) if toks[m].tag in FINITE_TAGS and
                                 not self.dependent(m, lo)), None)
                    verb = next((m for m in range(ca, o - 1) if toks[m].tag in FINITE_TAGS), main)
                    if verb is not None and toks[o + 1].cap and sum(1 for k in range(o + 1, c) if toks[k].word) >= 4:
                        # its subject as for a reporting verb: appositions, fronted objects, "und" ("Der
                        # Leiter der Studie, X, sieht die Verantwortung beim Staat: „…“"); else the subject
                        # next to the verb of the clause before the colon
                        np = None
                        if main is not None:
                            np = self.speaker_for(Cue("verb", main, main + 1))
                            if np is not None:
                                verb = main
                        if np is None:
                            left = subject_left(view, ca, verb) if verb > ca else None
                            np = self.unless_fronted_object(left, verb, o - 1) if left else \
                                subject_right(view, verb, o - 1)
                        if np is not None:
                            self.used_spans.add(qi)
                            self.add(Candidate((o + 1, c), "direct", (verb, verb + 1), np, rule="colon-clause"))
                            continue
            if cue is None:
                continue
            cue.used = cue.used or not shared
            self.used_spans.add(qi)
            spk = self.speaker_for(cue) if cue.kind in ("verb", "so", "impersonal") else None
            if cue.kind == "so":
                spk = subject_right(view, cue.tok, view.clause(cue.tok)[1])
            self.add(Candidate((o + 1, c), "direct", (cue.tok, cue.end), spk, inherit=self.goes_on(cue, spk),
                               rule=f"direct-{cue.kind}"))

    def indirect(self, si: int, cues: list[Cue]) -> None:
        view, toks = self.view, self.view.toks
        lo, hi = view.sent_toks[si]
        while hi > lo and toks[hi - 1].text in END_PUNCT:
            hi -= 1
        for n, cue in enumerate(cues):
            if cue.used:
                continue
            later = cues[n + 1:]
            ca, cb = view.clause(cue.tok)
            if cue.end - 1 >= cb:  # its particle past a parenthesis: "teilte am Abend (Ortszeit) mit, dass"
                cb = view.clause(cue.end - 1)[1]
            if cue.kind == "verb":
                first = clause_opening(view, ca, cue.tok)
                inverted = first == cue.tok
                # "Wie X mitteilte, …"; also past an apposition: "Wie X, ein Sprecher der Armee, mitteilte, …"
                # (after a linking word: "Denn wie die Zeitung berichtete, …")
                w0 = lo + 1 if toks[lo].lower in _WIE_LINKS and lo + 1 < cue.tok else lo
                wie = toks[ca].lower == "wie" or (toks[w0].lower == "wie" and (ca == lo or (ca > w0 and not any(
                    toks[m].tag in FINITE_TAGS for m in range(w0, ca)))))
                msg: tuple[int, int] | None = None
                rule = ""
                if cb < hi and toks[cb].text in (",", ":") and cb + 1 < hi and toks[cb + 1].lower != "wonach":
                    # (a wonach-clause is what the statement named before said: "wies Berichte zurück,
                    # wonach …" does not say it, it denies it)
                    start = self.past_insertions(cb + 1, hi)
                    end = self.message_after(start, hi, later)
                    if toks[ca].lower in _SUBJECT_RELATIVES and toks[start].tag in FINITE_TAGS and not wie:
                        continue  # "In der Resolution, die vom Rat angenommen wurde, heißt es": the main clause goes on
                    seg = range(start, end)
                    if toks[start].lower in _SUBORDINATORS and toks[start].lower not in CLAUSE_INTRO and \
                            toks[start].tag in ("KOUS", "") and \
                            not any(toks[m].text == "," and toks[m + 1].tag in FINITE_TAGS
                                    for m in range(start + 1, end - 1)):
                        continue  # a conditional or temporal clause with no main clause of its own after it:
                        # "warnte vor einer Katastrophe, wenn die Hilfe nicht fortgesetzt werde"
                    if toks[start].lower == "ob" and cue.lemma in _OPEN_QUESTION:
                        continue  # a question still to be decided, not one asked: "entscheidet, ob …"
                    if toks[start].lower in CLAUSE_INTRO:
                        msg, rule = (start, end), "dass"
                    elif wie and (ca <= w0 or toks[w0].lower == "wie"):
                        msg, rule = (start, end), "wie"
                    elif any(subjunctive(toks[k].text) and k > start for k in seg if self.inside[k] < 0) or \
                            (start < end and subjunctive(toks[start].text) == 1 and toks[start].text[:1].islower()):
                        msg, rule = (start, end), "konjunktiv"
                    elif cue.lemma in STRONG_VERBS and toks[start].lower not in _SUBORDINATORS | _NOT_MAIN and \
                            (toks[start].lower not in _RELATIVES or toks[cb].text == ":") and \
                            toks[start].tag not in FINITE_TAGS and \
                            self.looks_like_clause(start, end):
                        # (a main clause, verb second: not "so dass …", "wobei …", "hatte sich … herausgestellt")
                        msg, rule = (start, end), "indicative"
                    elif end - start >= 2 and toks[start].lower not in _NOT_INFINITIVE and \
                            self.zu_infinitive(start, end):
                        msg, rule = (start, end), "zu-infinitive"
                spk_wie = None
                if msg is None and not wie and ca > lo and toks[ca - 1].text == "," and \
                        (cb >= hi or toks[cb].text in END_PUNCT):
                    # "…, wie X, Chef der Firma Y, mitteilte.": the wie-clause with an apposition in it
                    w = self.wie_before(lo, ca)
                    if w is not None and w > lo + 1 and toks[w - 1].text == "," and self.looks_like_clause(lo, w - 1):
                        msg, rule = (lo, w - 1), "wie"
                        spk_wie = _np_from(view, w + 1, ca - 1)
                # "…, das teilte das Institut mit.": "das" takes up the clause before, the verb follows it
                resumed = toks[ca].lower in ("das", "dies") and ca + 1 == cue.tok
                if msg is None and ca > lo and toks[ca - 1].text in (",", "–") and \
                        ((inverted and toks[cue.tok].tag != "VVPP") or wie or resumed) and \
                        (cb >= hi or toks[cb].text in END_PUNCT or toks[cb].text == ",") and \
                        self.looks_like_clause(lo, ca - 1):
                    msg, rule = (lo, ca - 1), "cue-after"
                if msg is None:
                    continue
                if any(c.cue and c.cue[0] < msg[0] < c.msg[1] and c.msg[0] <= msg[0] for c in self.cands):
                    continue
                cue.used = True
                # "…, erklärte X.": the subject follows the inverted verb, not the message's opening
                spk = subject_right(view, cue.tok, cb) if rule == "cue-after" and (inverted or resumed) else spk_wie
                self.add(Candidate(msg, "indirect", (cue.tok, cue.end), spk or self.speaker_for(cue), rule=rule))
            elif cue.kind in ("prep", "post"):
                if cue.kind == "prep":
                    start = cue.end + 1 if cue.end < hi and toks[cue.end].lower in ("von", "vom") else cue.end
                    np = _np_from(view, start, hi) if start < hi else None
                    if np is None and start < hi and toks[start].tag in ("NN", "NE", "FM") and \
                            toks[start].text[:1].isalnum():
                        np = (start, start + 1)  # a name written in lower case: "laut ai-Bericht", "laut faz.net"
                    src_a, src_b = (np if np else (cue.end, cue.end))
                    cue_a, cue_b = cue.tok, max(src_b, cue.end)
                else:
                    np = np_before(view, cue.tok, ca)
                    src_a, src_b = np if np else (cue.tok, cue.tok)
                    cue_a, cue_b = min(src_a, cue.tok), cue.end
                seg_a, seg_b = view.clause(cue.tok)
                while seg_a > lo + 1 and toks[seg_a - 1].text == ")":
                    # a bracket is no clause edge: "Der Minister X (CDU) soll nach Angaben von Y …"
                    opening = view.bracket_start(seg_a - 1, max(lo, seg_a - 8))
                    if opening is None or opening <= lo:
                        break
                    seg_a = view.clause(opening - 1)[0]
                if seg_a > lo + 1 and toks[seg_a].lower in ("jedoch", "aber", "sondern") and \
                        toks[seg_a - 1].text == ",":
                    # the second half of one clause: "…, der nicht entfernt, jedoch laut X gesprengt werden konnte"
                    seg_a = view.clause(seg_a - 2)[0]
                words = sum(1 for m in range(seg_a, seg_b) if toks[m].word and not cue_a <= m < cue_b)
                if cue_a <= lo + 1:
                    msg = (cue_b, hi)
                elif cue_b >= hi - 1:
                    msg = (lo, cue_a)
                elif seg_a > lo + 1 and words >= 3:
                    # the cue sits in a later clause of the sentence, and says where that clause came from:
                    # "…, das nach Angaben eines Sprechers nicht abgeschlossen werden konnte"; "…; nach
                    # Polizeiangaben waren es 1.000"; with the clauses that depend on it ("…, die laut X nur
                    # dann zulässig ist, wenn …")
                    first = cue_b if cue_a <= seg_a else seg_a
                    if toks[seg_a].tag in FINITE_TAGS and toks[seg_a - 1].text == ",":
                        first = lo  # a main clause after its fronted clause: "Weil …, ist es laut X schwer"
                    msg = (first, self.dependent_clauses(seg_b, hi))
                else:
                    msg = (lo, hi)
                cue.used = True
                self.add(Candidate(msg, "indirect", (cue.tok, cue.end), np, rule=cue.kind))
            elif cue.kind == "so":
                msg = (lo, ca - 1) if cb >= hi else (lo, hi)
                cue.used = True
                self.add(Candidate(msg, "indirect", (cue.tok, cue.end), subject_right(view, cue.tok, cb), rule="so"))
            elif cue.kind == "relative":
                # "Berichte, nach denen der Sänger an Krebs litt": the rest of the relative clause; the speaker
                # is the pronoun, which stands for the noun phrase before the comma
                rel = next(m for m in range(cue.tok, cue.end) if toks[m].lower in SOURCE_RELATIVES)
                comma = cue.tok - 1
                _, rb = view.clause(cue.end)
                cue.used = True
                self.add(Candidate((cue.end, rb), "indirect", (cue.tok, cue.end), (rel, rel + 1),
                                   refers=np_before(view, comma, view.clause(comma - 1)[0]), rule="relative"))
            elif cue.kind in ("anaphoric", "wonach"):
                if cue.kind == "anaphoric":
                    # the mention is the adverb (as SpkAtt marks it); it stands for a source named before
                    cand = Candidate((cue.end, hi), "indirect", (cue.tok, cue.end), (cue.tok, cue.end),
                                     rule="demnach", refers=self.antecedent(si))
                else:
                    # the statement the clause depends on: "ein Bericht, wonach"; or further back, past an
                    # apposition or a verb: "wies Pressemeldungen der Zeitung vom Montag zurück, wonach"
                    pa, _ = view.clause(cue.tok - 1)
                    np = np_before(view, cue.tok - 1, pa) or document_phrase(view, lo, cue.tok - 1)
                    cand = Candidate((cue.end, hi), "indirect", (cue.tok, cue.end), np, rule="wonach")
                cue.used = True
                self.add(cand)
            elif cue.kind == "impersonal":
                # after the comma a relative clause on the source is no message: "…, heißt es in dem Bericht,
                # der konkrete Fälle auflistet" — the message is before the cue
                relative = cb + 1 < hi and toks[cb + 1].lower in _RELATIVES and self.verb_final(cb + 1)
                if cb < hi and toks[cb].text == "," and cb + 1 < hi and not (relative and ca > lo):
                    msg = (cb + 1, hi)
                elif ca > lo:
                    msg = (lo, ca - 1)
                else:
                    continue
                cue.used = True
                spk = self.speaker_for(cue)
                self.add(Candidate(msg, "indirect", (cue.tok, cue.end), spk, inherit=self.goes_on(cue, spk),
                                   rule="impersonal"))

    def verb_final(self, a: int) -> bool:
        """Does the clause that opens at token `a` have its first verb at its end, as a relative or dependent
        clause has ("der konkrete Fälle auflistet"), not second as a main clause ("der Täter sei geflohen")?"""
        toks = self.view.toks
        _, b = self.view.clause(a)
        while b > a and toks[b - 1].text in END_PUNCT:
            b -= 1
        verbs = [m for m in range(a + 1, b) if toks[m].tag[:1] == "V"]
        return bool(verbs) and verbs[0] >= b - 2

    def goes_on(self, cue: Cue, spk: tuple[int, int] | None) -> bool:
        """Does an impersonal cue with no source of its own go on with the statement quoted before ("„…“,
        weiter hieß es, …", "Außerdem heißt es, …")? Then the quotation keeps that speaker."""
        if cue.kind != "impersonal" or spk is not None:
            return False
        ca, cb = self.view.clause(cue.tok)
        return any(self.view.toks[m].lower in _GOES_ON for m in range(ca, cb))

    def wie_before(self, lo: int, ca: int) -> int | None:
        """The "wie" that opens the clause of a verb at `ca` across one or two commas of an apposition
        ("wie Burt Rutan, Chef der Firma, mitteilte"): its token, when the chunks between hold no finite verb."""
        view, toks = self.view, self.view.toks
        m = ca - 1  # the comma before the verb's chunk
        for _ in range(2):
            if m <= lo:
                return None
            a, _ = view.clause(m - 1)
            if any(toks[k].tag in FINITE_TAGS for k in range(a, m)):
                return None
            if toks[a].lower == "wie":
                return a
            m = a - 1
            if m < lo or toks[m].text != ",":
                return None
        return None

    def before_quote(self, o: int, lo: int) -> int:
        """The word before the quotation that opens at token o, past its article ("als einen „…“" → "als")."""
        return o - 2 if o - 2 > lo and self.view.toks[o - 1].lower in DETERMINERS else o - 1

    def naming_cue(self, o: int, c: int, lo: int, cues: list[Cue]) -> Cue | None:
        """The verb that calls something by the words quoted at tokens o..c (sentence start lo): a naming cue
        ("nannte die Strafe „überzogen“", "sprach von „…“", "bezeichnete es als „…“", in the passive "wird
        als „…“ bezeichnet"), or a verb that judges something "als „…“" ("attackierte den Iran als den
        „führenden Förderer von Terrorismus“")."""
        toks = self.view.toks
        # the preposition right before the quotation or before its article: "sprach von einer „…“"
        als = self.before_quote(o, lo)
        prep = toks[als].lower
        naming = next((x for x in cues if x.lemma in _NAMING and (
            (x.tok < o and self.view.extended_clause(x.tok)[1] >= o and (x.lemma == "nennen" or prep in (
                "als", "von", "vor", "zu"))) or (x.tok == c + 1 and prep == "als"))), None)
        if naming is not None:
            return naming
        if als <= lo or toks[als].lower not in ("als", "für"):
            return None
        # "hält X für „böse und gefährlich“": "halten … für" judges as "bezeichnen … als" names
        judging = _JUDGING if toks[als].lower == "als" else frozenset({"halten"})
        verb = next((m for m in range(self.view.clause(als)[0], als) if toks[m].tag in FINITE_TAGS and
                     lemma(toks[m].text) in judging and not self.taken[m]), None)
        return Cue("verb", verb, verb + 1, lemma(toks[verb].text)) if verb is not None else None

    def slogan_before(self, o: int, lo: int) -> bool:
        """Does a noun of slogans stand right before the quotation at o ("Parolen wie „…“", "die Aufschrift
        „…“", "Sprüche wie zum Beispiel „…“")?"""
        toks = self.view.toks
        k = o - 1
        while k > lo and toks[k].lower in ("wie", "zum", "beispiel", "etwa", "z.", "b.", "z.b."):
            k -= 1
        return k >= lo and toks[k].cap and toks[k].lower in _SLOGAN_NOUNS

    def judged_for(self, o: int, c: int) -> tuple[int, int] | None:
        """The person or organisation after "für" in the clause of the quotation at o..c, with a form of "sein"
        ("Für den Minister ist die Lage „alarmierend“", "was für die Verbände „Wortbruch“ war")."""
        view, toks = self.view, self.view.toks
        ca, cb = view.clause(o)
        if not any(toks[m].lower in _SEIN for m in range(ca, cb) if self.inside[m] < 0) and \
                not (cb < len(toks) and toks[cb].lower in _SEIN):
            return None
        for m in range(ca, o):
            if toks[m].lower == "für" and self.inside[m] < 0:
                np = _np_from(view, m + 1, o)
                if np is not None and self.actor_like(np):
                    return np
        return None

    def direct_rest(self, sent_cues: list[list[Cue]]) -> None:
        """Quotations not yet attached: a cue elsewhere in the sentence, or none (a continuation)."""
        toks = self.view.toks
        for qi, (o, c) in enumerate(self.spans):
            if qi in self.used_spans or not self.free(o + 1, c):
                continue
            words = sum(1 for k in range(o + 1, c) if toks[k].word)
            si = toks[o].sent
            cues = [x for x in sent_cues[si] if x.kind == "verb" and not x.used and not self.taken[x.tok]]
            lo, _ = self.view.sent_toks[si]
            lowercase = sum(1 for k in range(o + 1, c) if toks[k].text[:1].islower())
            # a naming verb may also have taken a clause in Konjunktiv: "bezeichneten X als einen „beschämenden
            # Deal“, der die Bestrebungen stärken werde" is two quotations with one cue
            als = self.before_quote(o, lo)
            again = [] if self.named(o, c) or als < lo or toks[als].lower != "als" else [
                x for x in sent_cues[si]
                if x.kind == "verb" and x.used and x.lemma in _NAMING and not self.taken[x.tok]]
            naming = self.naming_cue(o, c, lo, cues + again)
            judge = self.judged_for(o, c) if naming is None and words >= 1 else None
            if naming is None and judge is None and words >= 2 and self.slogan_before(o, lo):
                # "Parolen wie „…“", "Transparente mit der Aufschrift „…“": words shown or chanted; said by the
                # subject of the sentence, if any
                self.used_spans.add(qi)
                self.add(Candidate((o + 1, c), "direct", None, self.sentence_subject(si), rule="direct-slogan"))
            elif judge is not None:
                # "Für den Minister ist die Lage „alarmierend“": whose judgement the quoted words are
                self.used_spans.add(qi)
                self.add(Candidate((o + 1, c), "direct", (judge[0] - 1, judge[0]), judge, rule="direct-fuer"),
                         shortest=1)
            elif naming is not None and words >= 1:
                # "nannte die Strafe „überzogen“", "sprach von „Gefahr für Leib und Leben“": what the
                # speaker called something, even one word or a phrase that looks like a title
                naming.used = True
                self.used_spans.add(qi)
                self.add(Candidate((o + 1, c), "direct", (naming.tok, naming.end), self.speaker_for(naming),
                                   rule="direct-naming"), shortest=1)
            elif cues and words >= 1 and lowercase >= 1 and not self.title(o, c) and not self.named(o, c):
                cue = cues[0]
                cue.used = True
                self.used_spans.add(qi)
                self.add(Candidate((o + 1, c), "direct", (cue.tok, cue.end), self.speaker_for(cue),
                                   rule="direct-sentence"))
            elif words >= 4 and o <= lo + 1 and c + 2 < len(toks) and toks[c + 1].text == "," and \
                    toks[c + 2].sent == si and toks[c + 2].tag in FINITE_TAGS:
                # a quoted sentence, then a comma and a verb that is not a reporting verb: "„…“, zeigte sich X
                # zufrieden", "„…“, freute sich die Trainerin": the verb's subject said it
                verb = Cue("verb", c + 2, c + 3, lemma(toks[c + 2].text))
                self.used_spans.add(qi)
                self.add(Candidate((o + 1, c), "direct", (c + 2, c + 3), self.speaker_for(verb), rule="direct-clause"))
            elif words >= 4 and o <= lo + 1 and (toks[c - 1].text in END_PUNCT or toks[c - 1].text in ("…",) or (
                    c + 1 < len(toks) and toks[c + 1].text in END_PUNCT and c + 2 >= self.view.sent_toks[si][1])):
                # (also with the sentence's full stop after the mark: "„Ja, es gibt Zumutungen“.")
                self.used_spans.add(qi)
                self.add(Candidate((o + 1, c), "direct", None, None, inherit=True, rule="direct-continuation"))
            elif words >= 2 and o >= 2 and toks[o - 1].lower in ("und", "oder", "sowie") and \
                    toks[o - 2].text in QUOTE_CHARS:
                # the second of two quotations joined by "und": "skandierten „…“ und „…“" (same cue, same speaker)
                po = next((a for a, b in self.spans if b == o - 2), None)
                prev = next((x for x in self.cands if x.form == "direct" and po is not None and
                             po < x.msg[0] and x.msg[1] <= o - 2), None)
                if prev is not None:
                    self.used_spans.add(qi)
                    self.add(Candidate((o + 1, c), "direct", prev.cue, prev.speaker, rule="direct-and"))

    def dass_subjunctive(self, si: int) -> None:
        """A dass-clause in Konjunktiv I after a clause without a reporting verb, whose subject is then the
        speaker: "Ein Sprecher schränkte die Bereitschaft dahingehend ein, dass an keine Begegnung gedacht
        sei". The cue is the main clause's finite verb. Needs the model's tags."""
        view, toks = self.view, self.view.toks
        lo, hi = view.sent_toks[si]
        while hi > lo and toks[hi - 1].text in END_PUNCT:
            hi -= 1
        for k in range(lo + 2, hi - 2):
            if toks[k].lower not in _DASS or toks[k - 1].text != "," or not self.free(k, hi):
                continue
            end = self.message_after(k, hi, [])
            if not any(subjunctive(toks[m].text) == 1 for m in range(k + 1, end) if self.inside[m] < 0):
                continue
            la, lb = view.clause(lo)
            verb = next((m for m in range(la, min(lb, k)) if toks[m].tag in FINITE_TAGS), None)
            if verb is None:
                return
            np = (subject_left(view, la, verb) if verb > la else None) or subject_right(view, verb, lb)
            if np is None or not self.actor_like(np):
                return
            self.add(Candidate((k, end), "indirect", (verb, verb + 1), np, rule="dass-konjunktiv"))
            return

    def reportive(self, lo: int, hi: int) -> bool:
        """A sentence that says what someone is said to have done: "sollen" with a perfect infinitive in its
        main clause ("Der Täter soll das Gebäude gestürmt haben", "Rund 800 Menschen sollen verletzt worden
        sein") — the reportive "sollen" of German news, which carries reported speech like a Konjunktiv."""
        toks = self.view.toks
        for k in range(lo, hi):
            if toks[k].lower in REPORTIVE and self.inside[k] < 0:
                a, b = self.view.clause(k)
                words = [m for m in range(k + 1, b) if toks[m].word]
                if a == lo and len(words) >= 2 and toks[words[-1]].lower in ("haben", "sein") and \
                        _participle(toks[words[-2]]):
                    return True
        return False

    def after_unused_cue(self, si: int, by_sent: dict[int, Candidate]) -> None:
        """Sentence `si` in Konjunktiv right after a reporting verb that quoted nothing itself ("X äußerte sich
        kritisch. Die Lage sei …", "X warnt vor Überschwemmungen. Die Dämme wären …") is that speaker's."""
        toks = self.view.toks
        lo, hi = self.view.sent_toks[si]
        if si == 0 or not any(c.kind == "verb" and not c.used for c in self.sent_cues[si - 1]) or \
                not self.free(lo, hi) or not any(subjunctive(toks[k].text) for k in range(lo + 1, hi)
                                                 if self.inside[k] < 0):
            return
        c = self.subject_between(si, by_sent, cued=True)
        if c is not None:
            self.add(c)
            if self.cands and self.cands[-1] is c:
                by_sent[si] = c

    def continuations(self) -> None:
        """Reported speech that goes on without a new cue: in Konjunktiv, or with a reportive "sollen"; a run of
        such sentences is one quotation."""
        view, toks = self.view, self.view.toks
        by_sent: dict[int, Candidate] = {}
        for c in self.cands:
            by_sent[toks[c.msg[1] - 1].sent] = c
        for si in range(len(view.sentences)):
            if si in by_sent:
                continue
            prev = next((by_sent[p] for p in range(si - 1, si - 1 - CONT_GAP, -1) if p in by_sent), None)
            lo, hi = view.sent_toks[si]
            if prev is None:
                self.after_unused_cue(si, by_sent)
                continue
            if prev.form not in ("indirect", "mixed", "direct"):
                continue  # also after a direct quote: "„…“, sagte X. Die Lage sei ernst."
            if not self.free(lo, hi):
                continue
            moods = [subjunctive(toks[k].text) for k in range(lo + 1, hi) if self.inside[k] < 0]
            if 1 in moods or self.reportive(lo, hi) or \
                    (2 in moods and prev.rule in ("konjunktiv", "dass", "dass-konjunktiv")):
                c = self.own_subject(lo, hi) or self.subject_between(si, by_sent) or \
                    Candidate((lo, hi), "indirect", None, None, inherit=True, rule="continuation")
                before = by_sent.get(si - 1)
                if before is not None and c.rule == before.rule == "continuation" and c.speaker is None and \
                        not any(cue_noun(toks[k].text) for k in range(lo, hi)):
                    # a run of uncued sentences is one passage of reported speech, one quotation (as SpkAtt
                    # marks it), not one quotation per sentence
                    before.msg = view.trim(before.msg[0], hi)
                    for k in range(lo, hi):
                        self.taken[k] = True
                    by_sent[si] = before
                    continue
                self.add(c)
                if self.cands and self.cands[-1] is c:
                    by_sent[si] = c


def find_quotes(doc: Document, reported: ReportedModel | None = None) -> list[dict[str, Any]]:
    """The quotations of a document, in the annotation contract's form (with a `rule` extra); with
    `reported` (see reported.py), also uncued sentences of reported speech."""
    if not doc.tokens or not doc.sentences:
        return []
    finder = QuoteFinder(doc)
    view = finder.view
    resolver = Resolver(view)
    out: list[dict[str, Any]] = []
    last: tuple[int, dict[str, Any]] | None = None
    for c in finder.run(reported):
        s, e = view.span(*c.msg)
        sent = view.toks[c.msg[0]].sent
        speaker: dict[str, Any] | None = None
        if c.speaker is not None:
            speaker = resolver.resolve(c.speaker[0], c.speaker[1], last)
            if c.refers is not None:
                resolver.refer(speaker, c.refers, last)
            speaker["via"] = c.via
        elif c.inherit and last is not None and sent - last[0] <= 3:
            speaker = dict(last[1])
            speaker["via"] = "inherited"
        cue = None
        if c.cue is not None:
            # the cue word itself; a split particle verb ("teilte ... mit") keeps its particle as an extra
            first = c.cue[0]
            stop = c.cue[1] if c.cue[1] - c.cue[0] <= 2 else first + 1
            cs, ce = view.span(first, stop)
            cue = {"start": cs, "end": ce, "text": view.text[cs:ce]}
            if stop < c.cue[1]:
                ps, pe = view.span(c.cue[1] - 1, c.cue[1])
                cue["particle"] = {"start": ps, "end": pe, "text": view.text[ps:pe]}
        rec = {"start": s, "end": e, "text": view.text[s:e], "form": c.form, "cue": cue, "speaker": speaker,
               "sentence": list(view.sentences[sent]), "rule": c.rule}
        out.append(rec)
        if speaker is not None:
            last = (view.toks[c.msg[1] - 1].sent, speaker)
    return out
