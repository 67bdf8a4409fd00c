"""The event rules: a trigger in a clause, its source and target actors from German word order,
modality, place and date; one record per event type and dyad in a document.

Argument rules (no parser yet, word order and case-marked articles):
- passive: "wurde von X kritisiert" -> X is the source, the other actor the target;
- main clause: the actor in front of the verb is the subject, unless that slot holds an object
  (dative/accusative article, "Seinem Amtskollegen … verlieh Putin") or an adverbial, or a person stands
  right after the verb while a bare country stands in front ("Kasachstan … besuchte der Kremlchef");
- coordinated actors ("Kasachstan, Tadschikistan und Kirgistan") are one group: one event per member;
- "er"/"sie" as subject is the person named last; an event stated inside a quotation with no subject
  of its own has the speaker as source.
"""

from __future__ import annotations

from typing import Any

from chronik.actors.resolve import role_of
from chronik.document import Document, is_named, is_nominal
from chronik.events.lexicon import (
    CONDITIONAL,
    FUTURE_AUX,
    HYPOTHETICAL,
    NEGATION,
    NOUNS,
    PARTICLES,
    PHRASES,
    VERBAL,
    VERBS,
    Trigger,
)
from chronik.events.location import Scenes
from chronik.events.mentions import ARTICLES, OBJECT_ARTICLES, Mention, Mentions
from chronik.nlp.lemmas import lemma
from chronik.nlp.view import END_PUNCT
from chronik.time import PartialDate
from chronik.time.relative import event_date

_ARTICLES = OBJECT_ARTICLES | {"der", "die", "das", "des", "ein", "eine"}
# Verbs that a particle completes ("lehnen" for "lehnten … ab"): only these look for a split particle.
SPLIT_BASES = frozenset(v[len(p):] for v in VERBS for p in PARTICLES if v.startswith(p) and len(v) > len(p) + 3)
# Types whose participants act together: a coordinated subject without an object means every pair.
SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})
# Prepositions of time, cause and topic: a noun after them is not what the clause's subject did.
ADJUNCT_PREPS = frozenset({"nach", "wegen", "trotz", "gegenüber", "seit", "während", "infolge", "angesichts",
                           "bezüglich", "hinsichtlich", "über", "vor"})
# Types whose target may stand in an earlier sentence ("… von Ägypten. Die USA lehnten den Vorschlag ab.").
IMPLIED_TARGET = frozenset({"ACCUSE", "REJECT", "SUPPORT", "REQUEST", "CONCEDE", "THREATEN", "ASSAULT"})
COORD = frozenset({",", "und", "sowie", "oder", "bzw.", "/"})
PREPOSITIONS = frozenset("in im nach aus bei mit gegen an am von vom zu zum zur über für durch um auf unter "
                         "zwischen seit wegen trotz laut gemäß gegenüber ohne vor hinter neben".split())
TARGET_PREPS = frozenset({"mit", "gegen", "an", "von", "vom", "gegenüber", "nach", "zu", "zum", "zur", "für", "aus"})
LOCATIVE = frozenset({"in", "im", "bei", "nahe"})
PASSIVE_AUX = frozenset({"wurde", "wurden", "worden", "werden", "wird"})
AGENT_PREPS = frozenset({"von", "vom", "durch", "seitens"})
PRONOUNS = frozenset({"er", "sie"})
BREAKS = frozenset({";", ":", "(", ")", "–", "—"})


class EventFinder(Mentions):
    """The event rules over a document's mentions: triggers, clauses, arguments, modality."""

    # ------------------------------------------------------------------ triggers

    def triggers(self, lo: int, hi: int) -> list[tuple[int, Trigger]]:
        """(token, trigger) in tokens [lo, hi)."""
        v = self.view
        out: list[tuple[int, Trigger]] = []
        words = [t.lower for t in v.toks[lo:hi]]
        for phrase, fixed in PHRASES.items():
            n = len(phrase)
            for k in range(len(words) - n + 1):
                if tuple(words[k:k + n]) == phrase:
                    out.append((lo + k + n - 1, fixed))
        for i in range(lo, hi):
            t = v.toks[i]
            if not t.word or (i in self.mention_at):
                continue
            if t.cap and i > lo:
                noun = NOUNS.get(t.text) or NOUNS.get(lemma(t.text))
                if noun is None and i in self.visit_to:
                    noun = NOUNS["Besuch"]
                if noun:
                    out.append((i, noun))
                continue
            lem = lemma(t.text) if t.cap is False else lemma(t.lower)
            trig: Trigger | None = None
            particle = self._particle(i, hi) if lem in SPLIT_BASES else None
            if particle:
                trig = VERBS.get(particle + lem)
            trig = trig or VERBS.get(lem)
            if trig is None and t.cap and i == lo:
                trig = VERBS.get(lemma(t.lower))
            if trig:
                out.append((i, trig))
        return out

    def _particle(self, i: int, hi: int) -> str | None:
        """The separated particle of a finite verb at `i`: the last particle before the clause ends."""
        v = self.view
        for k in range(i + 1, hi):
            t = v.toks[k]
            if t.text in END_PUNCT or t.text in (",", ";", ":"):
                prev = v.toks[k - 1].lower
                return prev if prev in PARTICLES and k - 1 > i else None
        prev = v.toks[hi - 1].lower if hi - 1 > i else ""
        return prev if prev in PARTICLES else None

    # ------------------------------------------------------------------ clauses and groups

    def window(self, i: int) -> tuple[int, int]:
        """The clause around token `i`: commas between coordinated actors do not end it."""
        v = self.view
        lo, hi = v.sent_toks[v.toks[i].sent]

        def coordinating(k: int) -> bool:
            return v.toks[k].text == "," and (k - 1 in self.mention_at) and any(
                j in self.mention_at for j in range(k + 1, min(k + 4, hi)))

        a = i
        while a > lo:
            t = v.toks[a - 1]
            if a - 1 in self.appos_close:
                a = self.appos_close[a - 1]  # over an apposition or a relative clause
                continue
            if t.text in BREAKS or (t.text == "," and not coordinating(a - 1)):
                break
            a -= 1
        b = i
        while b < hi:
            t = v.toks[b]
            if b in self.open_appos:
                b = self.open_appos[b]
                continue
            if b in self.appos or b in self.relative:
                b = (self.appos.get(b) or self.relative[b]) + 1
                continue
            if t.text in BREAKS or t.text in END_PUNCT or (t.text == "," and not coordinating(b)):
                break
            b += 1
        return a, b

    def groups(self, a: int, b: int) -> list[list[Mention]]:
        """Actor mentions in [a, b), coordinated ones together."""
        v = self.view
        out: list[list[Mention]] = []
        last_end = -10
        inner = [(k, c) for k, c in self.relative.items() if a <= k and c < b]
        for m in self.mentions:
            if m.a < a or m.b > b or any(k < m.a < c for k, c in inner):
                continue
            between = [v.toks[k].lower for k in range(last_end, m.a)] if out else []
            if out and out[-1][-1].a == m.a and out[-1][-1].b == m.b:
                out[-1].append(m)  # "beide Seiten": two parties at one place
            elif out and all(w in COORD or w in ("der", "die", "das", "den", "dem") for w in between) and \
                    any(w in COORD for w in between):
                out[-1].append(m)
            else:
                out.append([m])
            last_end = m.b
        return out

    def prep_before(self, m: Mention) -> str | None:
        v = self.view
        k = m.a - 1
        lo = v.sent_toks[v.toks[m.a].sent][0]
        steps = 0
        while k >= lo and steps < 5 and v.toks[k].word and v.toks[k].lower not in PREPOSITIONS and (
                v.toks[k].lower in ARTICLES or (not v.toks[k].cap and v.toks[k].lower.endswith(("e", "en", "er", "em"))
                                                and k > lo and v.toks[k - 1].lower in ARTICLES | PREPOSITIONS)
                or (v.toks[k].cap and role_of(v.toks[k].text) is not None and k > lo
                    and not v.toks[k - 1].cap)):
            k -= 1
            steps += 1
        if k >= lo and v.toks[k].lower in PREPOSITIONS:
            return v.toks[k].lower
        # an article of the mention itself ("dem tadschikischen Staatschef")
        return None

    def article(self, m: Mention) -> str:
        """The article that marks the mention's case: its own first word ("dem tadschikischen Staatschef"),
        or the one just before it, past up to two adjectives, when the entity model marked the noun alone
        ("der [Kremlchef]", "dem russischen [Präsidenten]")."""
        toks = self.view.toks
        if toks[m.a].lower in _ARTICLES:
            return toks[m.a].lower
        k = m.a - 1
        while k >= m.a - 2 and k > 0 and toks[k].lower not in _ARTICLES and toks[k].text[:1].islower() and \
                toks[k].lower.endswith(("e", "en", "er", "em", "es")):
            k -= 1  # an adjective
        return toks[k].lower if k >= 0 and toks[k].lower in _ARTICLES else ""

    # ------------------------------------------------------------------ arguments

    def noun_arguments(self, i: int, a: int, b: int, trig: Trigger) -> tuple[list[Mention], list[Mention]]:
        """Source and target inside the noun phrase of a noun trigger: "die Reise von Solana in den Kongo",
        "Putins Besuch in China", "die Kritik der USA an Russland". Both or nothing."""
        v = self.view
        groups = self.groups(a, b)
        agent: list[Mention] = []
        target: list[Mention] = []
        for g in groups:
            if g[-1].b == i and v.toks[i - 1].text.endswith("s") and not is_nominal(g[0].ent):
                agent = g  # a genitive before the noun
        k = i + 1
        preps = TARGET_PREPS | ({"in"} if trig.mode == "visit" else set())
        for g in groups:
            if g[0].a <= i:
                continue
            between = [t.lower for t in v.toks[k:g[0].a]]
            if len(between) > 4 or any(not w.isalpha() for w in between):
                break
            lead = [w for w in between if w not in ARTICLES and not w.endswith(("e", "en", "er", "em"))]
            first = between[0] if between else ""
            if not agent and not target and (first in AGENT_PREPS | {"des", "der"} or not between):
                agent = g
            elif first in preps and len(lead) <= 1:
                target = g
                break
            else:
                break
            k = g[-1].b
        return (agent, target) if agent and target else ([], [])

    def arguments(self, i: int, a: int, b: int) -> tuple[list[Mention], list[Mention]]:
        v = self.view
        groups = self.groups(a, b)
        words = [t.lower for t in v.toks[a:b]]
        passive = any(w in PASSIVE_AUX for w in words)
        source: list[Mention] = []
        rest: list[list[Mention]] = []
        for g in groups:
            prep = self.prep_before(g[0])
            if passive and prep in AGENT_PREPS and not source:
                source = g
            else:
                rest.append(g)
        if not source and not passive and a >= 2 and v.toks[a - 1].text == "," and \
                v.toks[a].lower in ("der", "die", "das", "welcher", "welche", "welches") and \
                a + 1 < b and v.toks[a + 1].lower not in ARTICLES and a + 1 not in self.mention_at:
            ante = self.mention_at.get(a - 2)
            if ante is not None:
                source = [ante]  # a relative clause: its pronoun stands for the actor before the comma
        if not source:
            free = [g for g in rest if self.prep_before(g[0]) is None and self.article(g[0]) not in OBJECT_ARTICLES
                    and (not v.toks[g[0].b - 1].text.endswith("s") or self._nominative(g))]
            before = [g for g in free if g[0].b <= i]
            after = [g for g in free if g[0].a > i]
            subj = None
            pron_after = next((k for k in range(i + 1, min(i + 3, b)) if v.toks[k].text in ("er", "sie")), None)
            if pron_after is not None and (not after or after[0][0].a > pron_after):
                pm = self._last_person(a)
                if pm is not None:
                    source = [pm]
            if source:
                pass
            elif after and after[0][0].a - i <= 3 and (not before or self._object_front(a, before[0])
                                                    or (after[0][0].person and not before[0][0].person)):
                subj = after[0]
            elif before:
                subj = before[0]
            elif after:
                subj = after[0]
            if source:
                pass
            elif subj is not None:
                source = subj
                rest = [g for g in rest if g is not subj]
            else:
                pron = self._pronoun_subject(a, b, i)
                if pron is not None:
                    source = [pron]
        if len(source) == 1 and is_nominal(source[0].ent):
            # "die Außenminister der USA, Frankreichs und Russlands": the countries named are the actors
            m = source[0]
            gen = next((g for g in rest if g[0].a == m.b
                        or (g[0].a == m.b + 1 and v.toks[m.b].lower in ("der", "des"))), None)
            if gen is not None and len(gen) > 1:
                source = gen
                rest = [g for g in rest if g is not gen]
        if not source and i in self.quote_of:
            sp = self.quote_of[i].get("speaker") or {}
            if sp.get("country"):
                source = [Mention(-1, -1, {**sp, "label": "PER"})]
        targets: list[Mention] = []
        for g in rest:
            prep = self.prep_before(g[0])
            if prep in LOCATIVE:
                continue
            if prep is not None and prep not in TARGET_PREPS:
                continue
            if source and source[-1].a >= 0 and (
                    (g[0].a == source[-1].b and self.view.toks[g[0].b - 1].text.endswith("s"))
                    or (g[0].a == source[-1].b + 1 and self.view.toks[source[-1].b].lower in ("der", "des")
                        and g[0].country not in ORGANISATION_CODES)):
                continue  # a genitive attribute of the source ("die Regierung Österreichs", "Sprecher der CDU")
            targets.extend(g)
        if not targets and source:
            # "ein Ende der Rekrutierung im Sudan": a country named as the scene is the target when nothing else is
            targets = [m for g in rest if self.prep_before(g[0]) in LOCATIVE for m in g
                       if m.ent["label"] == "LOC" and not m.ent.get("place")
                       and str(m.ent.get("kb") or "").startswith("geonames:")][:1]
        return source, targets

    def split_verbs(self, i: int, a: int, b: int, verbs: list[int]) -> tuple[int, int, tuple[int, int, int] | None]:
        """Two verb phrases joined by "und" share the subject but not their objects: "Merkel begrüßte den
        Beschluss der IAEA und griff den Iran an". The part of [a, b) that holds `i`, and for the second
        part the first part (a, b, verb)."""
        v = self.view
        inside = [j for j in verbs if a <= j < b]
        for k in range(a, b):
            if v.toks[k].lower not in ("und", "sowie", "aber"):
                continue
            left = [j for j in inside if j < k]
            right = [j for j in inside if j > k]
            if not left or not right or any(k < m.a < right[0] for m in self.mentions
                                           if self._is_subject_after(m, right[0])):
                continue
            if i < k:
                return a, k, None
            return k + 1, b, (a, k, left[-1])
        return a, b, None

    def _is_subject_after(self, m: Mention, verb: int) -> bool:
        """A free actor between "und" and the next verb starts a clause of its own ("und Peru lehnte ab")."""
        return m.b <= verb and self.prep_before(m) is None and self.article(m) not in OBJECT_ARTICLES

    def in_phrase(self, i: int) -> bool:
        """Does the noun at `i` stand in an adverbial phrase ("nach einer Besetzung und Geiselnahme", "gegenüber
        Sanktionen")? Light-verb phrases ("an Gesprächen teilnehmen", "zu einem Besuch aufbrechen") do not count."""
        v = self.view
        lo = v.sent_toks[v.toks[i].sent][0]
        k = i - 1
        while k >= lo and k >= i - 5:
            w = v.toks[k].lower
            if w in PREPOSITIONS:
                return w in ADJUNCT_PREPS
            if not (w in ARTICLES or w in ("einer", "eines", "und", "ihren", "ihrer", "seiner", "seinen")
                    or (not v.toks[k].cap and w.endswith(("e", "en", "er", "em", "es"))) or v.toks[k].cap):
                return False
            k -= 1
        return False

    def object_pronoun(self, a: int, b: int, source: list[Mention]) -> list[Mention]:
        """"ihn"/"ihm" in the clause: the person named last before it who is not the source."""
        v = self.view
        k = next((k for k in range(a, b) if v.toks[k].lower in ("ihn", "ihm")), None)
        if k is None:
            return []
        own = {m.country for m in source}
        sent = v.toks[k].sent
        for m in reversed(self.mentions):
            if m.a < 0 or m.b > k or v.toks[m.a].sent < sent - 2:
                continue
            if m.person and m.country not in own:
                return [m]
        return []

    def dass_subject(self, b: int) -> list[Mention]:
        """The subject of a dass-clause right after the clause ending at `b`."""
        v = self.view
        hi = v.sent_toks[v.toks[b - 1].sent][1]
        if b + 2 >= hi or v.toks[b].text != "," or v.toks[b + 1].lower != "dass":
            return []
        ca, cb = self.window(b + 2)
        for g in self.groups(ca, cb):
            if self.prep_before(g[0]) is None and self.article(g[0]) not in OBJECT_ARTICLES:
                return g
        return []

    def is_infinitive(self, i: int) -> bool:
        """"zu besprechen", "abzubringen"."""
        v = self.view
        t = v.toks[i].lower
        return (i > 0 and v.toks[i - 1].lower == "zu") or ("zu" in t[2:-3] and t.endswith("en"))

    def infinitive_subject(self, i: int, a: int) -> list[Mention]:
        """"Jung kündigte an, die Probleme mit Israel zu besprechen": an infinitive clause after a comma
        has the subject of the clause before it, when that clause names exactly one actor."""
        v = self.view
        if a < 2 or v.toks[a - 1].text != "," or not any(self.is_infinitive(k) for k in range(a, self.window(i)[1])):
            return []
        pa, pb = self.window(a - 2)
        groups = self.groups(pa, pb)
        free = [g for g in groups if self.prep_before(g[0]) is None and self.article(g[0]) not in OBJECT_ARTICLES]
        return free[0] if len(groups) == 1 and free else []

    def context_target(self, i: int, source: list[Mention], recent: list[Mention]) -> list[Mention]:
        """The target of the event coded last in this or the previous sentence, else the actor named last
        in the previous sentence that is not the source."""
        v = self.view
        sent = v.toks[i].sent
        own = {m.country for m in source}
        for m in reversed(recent):
            if m.a >= 0 and v.toks[m.a].sent >= sent - 1 and m.country not in own:
                return [m]
        for m in reversed(self.mentions):
            s = v.toks[m.a].sent if m.a >= 0 else -1
            if s >= sent:
                continue
            if s < sent - 1:
                break
            if m.country not in own:
                return [m]
        return []

    def _nominative(self, g: list[Mention]) -> bool:
        return self.article(g[0]) in ("der", "die", "das", "ein", "eine")

    def _object_front(self, a: int, g: list[Mention]) -> bool:
        """Does the clause open with an object or an adverbial rather than with the subject `g`?"""
        v = self.view
        first = v.toks[a]
        if first.lower in OBJECT_ARTICLES:
            return True
        return g[0].a > a + 2 and first.lower not in ("der", "die", "das", "ein", "eine")

    def _pronoun_subject(self, a: int, b: int, i: int) -> Mention | None:
        v = self.view
        for k in range(a, b):
            if v.toks[k].lower in PRONOUNS and v.toks[k].text in ("er", "Er", "sie", "Sie"):
                if v.toks[k].lower == "sie" and k > a and v.toks[k - 1].lower in PREPOSITIONS:
                    continue
                return self._last_person(a)
        return None

    def _last_person(self, k: int) -> Mention | None:
        v = self.view
        sent = v.toks[k].sent
        for m in reversed(self.mentions):
            if m.b <= k and v.toks[m.a].sent >= sent - 4 and m.person:
                if v.toks[m.b - 1].text.endswith("s") and is_named(m.ent, "PER") \
                        and not (m.ent.get("name") or "").endswith("s"):
                    continue  # a genitive ("auf Einladung Berdymuchamedows")
                return m
        return None

    # ------------------------------------------------------------------ modality, place, date

    def modality(self, i: int, a: int, b: int, trig: Trigger) -> str:
        v = self.view
        lo, _ = v.sent_toks[v.toks[i].sent]
        sent_before = [t.lower for t in v.toks[lo:i]]
        words = [t.lower for t in v.toks[a:b]]
        if any(w in CONDITIONAL for w in sent_before) and "dann" in sent_before + words:
            return "conditional"
        if trig.type != "REJECT" and any(w in NEGATION for w in words):
            return "negated"
        if any(w in HYPOTHETICAL for w in words):
            return "hypothetical"
        if any(w in FUTURE_AUX for w in words):
            return "planned"
        return "asserted"


def domestic(a: Mention, b: Mention) -> bool:
    """Two actors of one country that can act on each other: the opposition and the government, the police
    and protesters ("Die armenische Opposition warf dem Regierungschef Verrat vor")."""
    sa, sb = a.ent.get("sector"), b.ent.get("sector")
    return bool(sa and sb and sa != sb and (sa in DOMESTIC or sb in DOMESTIC))


# The members of these meet among themselves: "die Außenminister der EU" meeting is EU -> EU.
ORGANISATION_CODES = frozenset({"EU", "UN", "NATO", "AU", "OSCE", "ASEAN", "CSTO", "CIS", "SCO", "EAEU", "G7", "G20",
                                "ARABLEAGUE", "OAS", "IAEA"})
DOMESTIC = frozenset({"OPP", "CVL", "COP", "REB", "JUD", "LEG", "PTY"})


def find_events(doc: Document) -> list[dict[str, Any]]:
    finder = EventFinder(doc)
    v = finder.view
    scenes = Scenes(v)
    out: list[dict[str, Any]] = []
    recent: list[Mention] = []  # targets of the events coded so far
    seen: set[tuple[Any, ...]] = set()
    published: PartialDate | None = doc.published
    for si, (lo, hi) in enumerate(v.sent_toks):
        if hi <= lo:
            continue
        trigs = sorted(finder.triggers(lo, hi), key=lambda x: x[0])
        verbs = [i for i, _ in trigs if not v.toks[i].cap or i == lo]
        for i, trig in trigs:
            a, b = finder.window(i)
            a, b, first_part = finder.split_verbs(i, a, b, verbs)
            t = trig
            if trig.type == "ASSAULT" and trig.mode == "attack" and \
                    any(v.toks[k].lower in VERBAL for k in range(a, b)):
                t = Trigger("ACCUSE", "criticise", "111")
            source, targets = finder.noun_arguments(i, a, b, t) if v.toks[i].cap and i > lo else ([], [])
            if not source and v.toks[i].cap and i > lo and (
                    finder.in_phrase(i) or any(a <= j < b and j != i for j in verbs)):
                continue  # "nach einer Geiselnahme"; "wies die Forderung zurück": the verb is the event
            shared = finder.arguments(first_part[2], first_part[0], first_part[1])[0] if first_part else []
            shared = shared or finder.infinitive_subject(i, a)
            if not source and shared:
                # the subject comes from the clause before; every actor here is an object
                own, objs = finder.arguments(i, a, b)
                targets = [m for m in own + objs if m not in shared and m.a >= 0]
                objects = [m for m in targets if finder.prep_before(m) is None]
                source, targets = shared, objects or targets  # direct objects first
            elif not source:
                source, targets = finder.arguments(i, a, b)
            if source and not targets and i in finder.visit_to:
                targets = [finder.visit_to[i]]
            if source and not targets:
                targets = finder.object_pronoun(a, b, source)  # "In Tokio empfing ihn der Ministerpräsident"
            if source and not targets and t.type in ("REQUEST", "ACCUSE"):
                targets = finder.dass_subject(b)  # "Baku forderte, dass Armenien seine Truppen abzieht"
            if source and not targets and t.type in IMPLIED_TARGET:
                # "Die USA lehnten den Vorschlag ab": the target is the actor the text spoke of last
                targets = finder.context_target(i, source, recent)
            symmetric = not targets and t.type in SYMMETRIC and len({m.country for m in source}) > 1
            if symmetric:
                # "Russland und China verhandelten": every pair of the participants
                targets = source
            if not source or not targets:
                continue
            if t.type == "ASSAULT" and all(is_named(m.ent, "PER") for m in source):
                t = Trigger("ACCUSE", "criticise", "111")  # a politician "attacks" with words
            s_start, s_end = v.sentences[si]
            # an infinitive clause takes its modality from the verb that governs it ("kündigte an, … zu besuchen")
            ma = finder.window(a - 2)[0] if a >= 2 and v.toks[a - 1].text == "," and any(
                finder.is_infinitive(k) for k in range(a, b)) else a
            modality = finder.modality(i, ma, b, t)
            date = event_date(doc.text[s_start:s_end], published)
            tgts = source if symmetric else [m for m in targets
                    if m.country and not any(m.country == s.country and m.ent.get("name") == s.ent.get("name")
                                             and (m.ent.get("name") or not domestic(s, m))
                                             for s in source)]
            tgts = tgts if symmetric else [m for m in tgts if not any(m.country == s.country for s in source)
                                           or m.country in ORGANISATION_CODES
                                           or all(domestic(s, m) for s in source)]
            tok = v.toks[i]
            for si_, src in enumerate(source):
                for tgt in tgts:
                    if symmetric and (source.index(tgt) <= si_ or tgt.country == src.country):
                        continue
                    s_act, t_act = src.actor(), tgt.actor()
                    key = (t.type, modality, s_act["country"], s_act["name"], t_act["country"], t_act["name"])
                    if key in seen:
                        continue
                    seen.add(key)
                    recent.append(tgt)
                    visit = tgt.ent if t.type == "CONSULT" and t.mode == "visit" and tgt.ent["label"] == "LOC" \
                        else None
                    loc = scenes.locate(i, [tgt.country, src.country], visit, doc.entities)
                    out.append({
                        "type": t.type, "mode": t.mode, "cameo": t.cameo,
                        "trigger": {"start": tok.start, "end": tok.end, "text": tok.text},
                        "sentence": [s_start, s_end],
                        "source": [s_act], "target": [t_act],
                        "location": loc, "date": date.value if date else None,
                        "date_precision": date.precision if date else None,
                        "modality": modality,
                        "evidence": doc.text[s_start:s_end],
                    })
                    if symmetric:
                        out[-1]["symmetric"] = True
    return out
