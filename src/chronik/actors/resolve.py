"""Entity resolution within a document: every name, institution and description gets the actor it
refers to (name, country, sector, knowledge-base id), and known places their coordinates.

- Countries and organisations by name, also in the genitive and as compound prefixes ("US-", "EU-",
  "Kreml-"), institutions that stand for a government ("der Kreml", "das Weiße Haus").
- Persons from the words around the name ("der kirgisische Präsident Almasbek Atambajew",
  "UN-Generalsekretär Kofi Annan", "Michael Griffin, Chef der US-Weltraumbehörde NASA"), else from
  the office holders in the knowledge base (in office at the publication date first); a surname alone
  takes the resolution of the fullest name in the document.
- Descriptions ("der Kremlchef", "das iranische Außenministerium", "die Regierung Österreichs",
  "Putins Sprecher", "seinem turkmenischen Amtskollegen") become entities (PER, or ORG for a group or an
  institution) with `mention: "nominal"` and the
  country and sector they imply; a leader's title resolves to the person introduced with it.
"""

from __future__ import annotations

from collections import Counter
from functools import cached_property
from typing import Any

import simplemma

from chronik.actors.kb import ActorKB, fold, translit_key
from chronik.actors.lexicon import LEADER_ROLES, ROLE_HEADS, ROLES, STAFF, group_role
from chronik.document import NOMINAL, Document, is_named, is_nominal
from chronik.nlp.view import CLAUSE_BREAKS, END_PUNCT, DocView
from chronik.quotes.marks import quoted_spans

DETERMINERS = frozenset("der die das des dem den ein eine einer eines einem einen sein seine seinem seinen "
                        "seiner seines ihr ihre ihrem ihren ihrer ihres dessen deren beide beiden alle".split())
GENITIVE_ARTICLES = frozenset({"des", "der"})
POSSESSIVES = ("sein", "ihr")
POSSESSIVE_PREPS = frozenset({"von", "aus"})


def role_of(word: str) -> str | None:
    """The sector of a role noun or a compound ending in one ("Verteidigungsminister" -> GOV)."""
    w = word.lower()
    if w in ROLES:
        return ROLES[w]
    tail = w.rsplit("-", 1)[-1]
    if tail in ROLES:
        return ROLES[tail]
    if tail in STAFF and tail != w:  # "UN-Mitarbeiter": staff of the actor the compound names
        return STAFF[tail]
    for head, sector in ROLE_HEADS:
        if tail.endswith(head) and len(tail) > len(head) + 2:
            return sector
    return None


def _strip(text: str) -> str:
    words = text.replace("\n", " ").split()
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    return " ".join(words).strip(" ,.;:„“\"")


class DocumentActors:
    """Resolves the entities of one document in place and adds description entities (`mention: "nominal"`)."""

    def __init__(self, doc: Document, kb: ActorKB, view: DocView | None = None) -> None:
        self.doc = doc
        self.kb = kb
        self.view = view or DocView(doc)
        self.when = doc.published
        self.persons: list[tuple[int, dict[str, Any]]] = []  # (first token, entity), filled by _resolve_persons

    @cached_property
    def quoted(self) -> set[int]:
        """Tokens inside quotation marks: someone's speech, not the narrator's context."""
        return {m for o, c in quoted_spans(self.view) for m in range(o, c + 1)}

    # ------------------------------------------------------------------ context words

    def code_of_word(self, tok_i: int) -> str | None:
        """A country or organisation code carried by one word: adjective, compound prefix, or name."""
        t = self.view.toks[tok_i]
        if not t.word:
            return None
        if not t.cap:
            return self.kb.adjective(t.text)
        code = self.compound_code(t.text)
        if code:
            return code
        ent = self.view.ent_of.get(tok_i)
        if ent is not None and ent.get("country") and not is_named(ent, "PER"):
            return str(ent["country"])
        hit = self.kb.name(t.text)
        return hit.country if hit else self.kb.adjective(t.text) if "-" in t.text else None

    def compound_code(self, word: str) -> str | None:
        parts = word.split("-")
        if len(parts) > 1:
            for k in range(len(parts) - 1, 0, -1):
                first = "-".join(parts[:k])
                hit = self.kb.name(first)
                if hit:
                    return hit.country
            return self.kb.prefix(word)
        return self.kb.prefix(word)

    def context_before(self, a: int) -> tuple[str | None, str | None, str | None]:
        """(code, sector, role word) from the words before token `a` in its noun phrase."""
        view = self.view
        lo = view.sent_toks[view.toks[a].sent][0]
        code = sector = role = None
        k = a - 1
        while k >= lo and k >= a - 6:
            t = view.toks[k]
            if t.text in CLAUSE_BREAKS or t.text in END_PUNCT or \
                    is_named(view.ent_of.get(k), "PER"):
                break
            if t.cap or t.lower not in DETERMINERS:
                r = role_of(t.text) if t.cap else None
                if r and role is None:
                    role, sector = t.text, r
                c = self.code_of_word(k)
                if c and code is None:
                    code = c
                if not t.cap and not t.lower.endswith(("e", "en", "er", "es", "em")) and not c:
                    break  # a verb or adverb: the noun phrase ended
            if t.lower in DETERMINERS:
                if code is None and role is not None and t.lower.startswith(POSSESSIVES):
                    code = self.possessor(k)  # "sein Sprecher": the person named before
                break
            k -= 1
        return code, sector, role

    def context_country(self, k: int) -> str | None:
        """The country the text is about at token `k`: the country of the last country, country adjective or
        place named in this or the previous sentence, outside quotation marks. For a role named without its
        country."""
        view = self.view
        sent = view.toks[k].sent
        j = k - 1
        while j >= 0 and view.toks[j].sent >= sent - 1:
            if j in self.quoted:
                j -= 1
                continue
            ent = view.ent_of.get(j)
            place_like = ent is not None and (ent["label"] in ("LOC", "MISC") or is_nominal(ent))
            code = ent.get("country") if ent is not None and place_like else None
            if code is None and ent is None:
                code = self.code_of_word(j)
            if code and code in self.kb.countries:
                return str(code)
            j -= 1
        return None

    def possessor(self, k: int) -> str | None:
        """The country of the last person named before token `k` (this or the previous sentence, outside
        quotation marks)."""
        view = self.view
        sent = view.toks[k].sent
        j = k - 1
        while j >= 0 and view.toks[j].sent >= sent - 1:
            if j in self.quoted:
                j -= 1
                continue
            ent = view.ent_of.get(j)
            genitive = ent is not None and ent["text"].endswith("s") and not (ent.get("name") or "").endswith("s")
            if ent is not None and (is_named(ent, "PER") or is_nominal(ent)) and ent.get("country") and not genitive:
                return str(ent["country"])
            j -= 1
        return None

    def context_after(self, b: int) -> tuple[str | None, str | None]:
        """(code, sector) from an apposition after token `b` (", Pilot des russischen Kampfflugzeugs,")."""
        view = self.view
        hi = view.sent_toks[view.toks[b - 1].sent][1]
        if b + 1 >= hi or view.toks[b].text != ",":
            return None, None
        nxt = view.toks[b + 1]
        described = view.apposition(b) is not None or (
            nxt.lower in ("der", "die") and any(role_of(view.toks[k].text) for k in range(b + 2, min(b + 4, hi))
                                                 if view.toks[k].cap))  # an apposition left open by the writer
        if not described and (
                not (nxt.cap or nxt.lower in DETERMINERS)
                or nxt.lower in ("dass", "der", "die", "das", "welcher", "welche", "wer", "was")):
            return None, None  # a subordinate or relative clause, not an apposition
        code = sector = None
        for k in range(b + 1, min(b + 12, hi)):
            t = view.toks[k]
            if t.text in CLAUSE_BREAKS or t.text in END_PUNCT:
                break
            if t.cap and sector is None:
                sector = role_of(t.text)
            c = self.code_of_word(k)
            if c and code is None:
                code = c
        return code, sector

    def following_genitive(self, b: int) -> str | None:
        """"die Regierung Österreichs", "der Präsident des Iran", "die Regierungen von Deutschland"."""
        view = self.view
        hi = view.sent_toks[view.toks[b - 1].sent][1]
        k = b
        if k < hi and view.toks[k].lower in GENITIVE_ARTICLES | POSSESSIVE_PREPS:
            k += 1
            while k < hi and not view.toks[k].cap and view.toks[k].word and \
                    view.toks[k].lower.endswith(("e", "en", "er", "es", "em")):
                k += 1  # adjectives in between
        if k < hi and view.toks[k].cap:
            hit = self.kb.name(view.toks[k].text)
            ent = view.ent_of.get(k)
            if ent is not None and ent.get("country") and not is_named(ent, "PER"):
                return str(ent["country"])
            if hit:
                return hit.country
        return None

    # ------------------------------------------------------------------ resolution

    def resolve(self) -> None:
        doc, kb = self.doc, self.kb
        self._add_lexicon_names()
        for ent in doc.entities:
            if is_named(ent, "PER"):
                hit = kb.name(_strip(ent["text"])) if len(ent["text"].split()) == 1 else None
                if hit is None:
                    continue
                # a country or organisation the entity model took for a person ("Frankreichs")
                ent["ner_label"], ent["label"] = ent["label"], "LOC" if hit.kind == "country" else "ORG"
            text = _strip(ent["text"])
            hit = kb.name(text) or (kb.name(text.split()[-1]) if text.split() and ent["label"] == "ORG" else None)
            if hit:
                ent.update(name=hit.name, country=hit.country, sector=hit.sector, kb=hit.kb)
                continue
            code = self.compound_code(text.split()[0]) if text else None
            if code:
                head = text.split()[0].rsplit("-", 1)[-1]
                ent.update(name=text, country=code, sector=role_of(head))
                continue
            place = kb.place(text) if ent["label"] == "LOC" else None
            if place:
                ent.update(name=text, country=place.country, kb=f"geonames:{place.geonames}",
                           place=place.to_json(text))
                continue
            capital = kb.place(text) if ent["label"] == "ORG" and len(text.split()) == 1 else None
            if capital is not None and kb.capitals.get(capital.country) is capital:
                # a capital that stands for its government ("Islamabad wies die Darstellung zurück")
                ent.update(name=text, country=capital.country, sector="GOV")
                continue
            adj = kb.adjective(text) if ent["label"] == "MISC" else None
            if adj:
                ent.update(country=adj)
        self._resolve_persons()
        self._add_descriptions()
        doc.entities.sort(key=lambda e: (e["start"], -e["end"]))

    def _add_lexicon_names(self) -> None:
        """Countries and organisations of the lexicon that the entity model did not mark."""
        view, kb = self.view, self.kb
        taken = set(view.ent_of)
        added = []
        n = len(view.toks)
        i = 0
        while i < n:
            t = view.toks[i]
            if i in taken or not t.cap:
                i += 1
                continue
            for m in range(min(kb.max_name_tokens, n - i), 0, -1):
                if any(j in taken for j in range(i, i + m)) or view.toks[i + m - 1].sent != t.sent:
                    continue
                s, e = view.span(i, i + m)
                hit = kb.name(view.text[s:e])
                if hit is None or (m == 1 and len(t.text) <= 2 and not t.text.isupper()):
                    continue
                label = "LOC" if hit.kind == "country" else "ORG"
                ent = {"start": s, "end": e, "text": view.text[s:e], "label": label, "name": None,
                       "country": None, "sector": None, "kb": None, "stage": "actors"}
                added.append(ent)
                for j in range(i, i + m):
                    view.ent_of[j] = ent
                i += m - 1
                break
            i += 1
        self.doc.entities.extend(added)

    def _propagate_names(self) -> None:
        """Person names the entity model marked are marked everywhere ("Putins", "Putin"); a mention it called
        LOC or ORG that is such a name becomes PER; an unknown word that is the surname of exactly one office
        holder in the knowledge base becomes PER. A full name always counts; a word alone only where PER is the
        label the model gave it most often in the document, and it is added only where the tagger calls it a
        proper noun (a firm the model once took for a person, "Microsoft", stays a firm)."""
        view, kb = self.view, self.kb
        # the labels the model gave each one-word mention (docs/models.md, session 17: one "Microsoft" the model
        # took for a person had made every Microsoft of the article one)
        alone: dict[str, Counter[str]] = {}
        for ent in self.doc.entities:
            words = _strip(ent["text"]).split()
            if len(words) == 1 and not is_nominal(ent):
                alone.setdefault(translit_key(words[0]), Counter())[ent["label"]] += 1
        keys: dict[str, bool] = {}  # name key -> from a full name
        for ent in self.doc.entities:
            if is_named(ent, "PER"):
                words = _strip(ent["text"]).split()
                if not words:
                    continue
                key = translit_key(words[-1])
                full = len(words) >= 2
                if not full:
                    labels = alone.get(key, Counter())
                    if labels["PER"] < max(labels.values(), default=0):
                        continue
                for k in (key, translit_key(words[-1][:-1])) if words[-1].endswith("s") else (key,):
                    keys[k] = keys.get(k, False) or full

        def name_key(word: str) -> str | None:
            """The key of the name the word is, itself or as a genitive ("Putins"); None for no name."""
            forms = (word, word[:-1]) if word.endswith("s") else (word,)
            return next((k for k in map(translit_key, forms) if k in keys), None)

        for ent in self.doc.entities:
            words = _strip(ent["text"]).split()
            if ent["label"] in ("LOC", "ORG", "MISC") and len(words) == 1 and name_key(words[0]) is not None \
                    and not kb.name(words[0]):
                ent["ner_label"], ent["label"] = ent["label"], "PER"
        added = []
        for i, t in enumerate(view.toks):
            if i in view.ent_of or not t.cap or not t.word or len(t.text) < 4 or "-" in t.text:
                continue
            name = name_key(t.text)
            found = name is not None and (keys[name] or t.tag in ("NE", "FM", ""))
            if not found and len(t.text) >= 5 and not simplemma.is_known(t.text, lang="de"):
                cands = kb.persons.get(translit_key(t.text), [])
                found = len(cands) == 1 and any(r[1] == "GOV" for r in cands[0][2])
            if found:
                ent = {"start": t.start, "end": t.end, "text": t.text, "label": "PER", "name": None,
                       "country": None, "sector": None, "kb": None, "stage": "actors"}
                added.append(ent)
                view.ent_of[i] = ent
        self.doc.entities.extend(added)

    def _resolve_persons(self) -> None:
        view, kb = self.view, self.kb
        self._propagate_names()
        first_tok: dict[int, int] = {}
        for ti, ent in sorted(view.ent_of.items()):
            first_tok.setdefault(id(ent), ti)
        persons = [(first_tok[id(e)], e) for e in self.doc.entities if is_named(e, "PER") and id(e) in first_tok]
        persons.sort(key=lambda p: p[0])
        by_key: dict[str, dict[str, Any]] = {}  # surname key -> resolution of the fullest mention
        fullest: dict[str, str] = {}
        for _, ent in persons:
            name = _strip(ent["text"])
            if name.endswith("s") and len(name.split()) == 1 and translit_key(name[:-1]) in fullest:
                name = name[:-1]
            words = name.split()
            if not words:
                continue
            key = translit_key(words[-1])
            if len(name) > len(fullest.get(key, "")):
                fullest[key] = name
        for ti, ent in persons:
            name = _strip(ent["text"])
            words = name.split()
            if not words:
                continue
            key = translit_key(words[-1])
            if key not in fullest and words[-1].endswith("s"):
                key = translit_key(words[-1][:-1])
            b = ti
            while b < len(view.toks) and view.ent_of.get(b) is ent:
                b += 1
            code, sector, role = self.context_before(ti)
            if code is None and ti > 0 and view.apposition(ti - 1) is not None:
                code, sector, role = self.context_before(ti - 1)  # "Der Chef der NASA, Michael Griffin,"
            res = by_key.get(key)
            if code is None and res is None:
                hit = kb.person(fullest.get(key, name), self.when)
                if hit:
                    code, sector = hit.country, hit.sector
                    res = {"country": code, "sector": sector, "kb": f"phoenix:{hit.name}"}
            if code is None and res is None:
                code, sector2 = self.context_after(b)
                sector = sector or sector2
            if code is None and res is None and role is not None:
                code = self.context_country(ti)  # "In Tokio empfing ihn Ministerpräsident Kenji Harada"
            if code is not None:
                res = res if res and res.get("country") == code else {"country": code, "sector": sector or "GOV"
                                                                     if code else None, "kb": None}
                if role and role.lower() in LEADER_ROLES:
                    res["leader_role"] = role.lower()
                if role:
                    res.setdefault("role", role)
                by_key.setdefault(key, res)
            ent["name"] = fullest.get(key, name)
            if key in by_key:
                r = by_key[key]
                ent.update(country=r["country"], sector=r.get("sector"), kb=r.get("kb"))
                if r.get("role"):
                    ent.setdefault("role", r["role"])
        self.persons = persons

    def _likely_leader(self, code: str | None) -> dict[str, Any] | None:
        """The person of country `code` the document names most often among those the knowledge base
        knows as office holders — the likely referent of "der Kremlchef", "der Präsident"."""
        counts: dict[str, int] = {}
        first: dict[str, dict[str, Any]] = {}
        for _, ent in self.persons:
            if code and ent.get("country") == code and ent.get("kb"):
                counts[ent["name"]] = counts.get(ent["name"], 0) + 1
                first.setdefault(ent["name"], ent)
        if not counts:
            return None
        return first[max(counts, key=lambda n: counts[n])]

    def _add_descriptions(self) -> None:
        view, doc = self.view, self.doc
        added = []
        roles_seen: list[tuple[int, str, dict[str, Any]]] = []  # (token, role lower, person entity)
        for ti, ent in self.persons:
            if ent.get("role"):
                roles_seen.append((ti, ent["role"].lower(), ent))
        replaced: list[dict[str, Any]] = []
        for i, t in enumerate(view.toks):
            ner = view.ent_of.get(i)
            # a role word the entity model marked alone ("der [Kremlchef]") is read as a description too
            role_only = ner is not None and ner["text"] == t.text and ner["label"] in ("PER", "ORG") and \
                not is_nominal(ner) and not ner.get("kb") and role_of(t.text) is not None
            if (ner is not None and not role_only) or not t.cap or not t.word:
                continue
            sector = role_of(t.text)
            prefix_code = self.compound_code(t.text)
            if sector is None:
                continue
            nxt = view.ent_of.get(i + 1)
            if is_named(nxt, "PER"):
                continue  # "Präsident Putin": the title belongs to the name
            code = prefix_code
            a = i
            k = i - 1
            lo = view.sent_toks[t.sent][0]
            while k >= lo and k >= i - 4:
                tk = view.toks[k]
                if tk.text in CLAUSE_BREAKS or tk.text in END_PUNCT:
                    break
                if tk.lower in DETERMINERS:
                    a = k
                    break
                c = self.code_of_word(k)
                ent_k = view.ent_of.get(k)
                if is_named(ent_k, "PER") and tk.text.endswith("s"):
                    c = ent_k.get("country")  # "Putins Sprecher"
                    code = code or c
                    a = k
                    break
                if tk.cap or not tk.lower.endswith(("e", "en", "er", "es", "em")) or tk.tag not in ("", "ADJA"):
                    break  # only adjectives ("die sudanesischen Behörden"), not "diskutierten UN-Mitarbeiter"
                code = code or c
                a = k
                k -= 1
            if code is None:
                code = self.following_genitive(i + 1)
            person = None
            low = t.text.lower()
            if low in LEADER_ROLES or fold(low).endswith("chef"):
                same = [e for _, r, e in roles_seen if e.get("country") == code
                        and (r == low or r in LEADER_ROLES)]
                person = same[-1] if same else self._likely_leader(code)
            if code is None and person is None and t.text.lower() in ROLES and \
                    view.toks[a].lower in ("der", "die", "das", "den", "dem"):
                code = self.context_country(a)  # "Die Polizei nahm … fest" after "In Tiflis …"
            if code is None and person is None and not role_only:
                continue  # (a role word the model marked alone is a description even without a country)
            s, e = view.toks[a].start, t.end
            ent = {"start": s, "end": e, "text": view.text[s:e],
                   "label": "PER" if person or not group_role(t.text) else "ORG", "mention": NOMINAL,
                   "name": person["name"] if person else None,
                   "country": code if code else person.get("country") if person else None,
                   "sector": sector if sector != "IGO" or code in (None, "UN", "EU") else "GOV",
                   "kb": person.get("kb") if person else None, "stage": "actors", "role": t.text}
            added.append(ent)
            if role_only:
                replaced.append(view.ent_of[i])
            for j in range(a, i + 1):
                view.ent_of[j] = ent
        if replaced:
            doc.entities[:] = [e for e in doc.entities if all(e is not r for r in replaced)]
        doc.entities.extend(added)
