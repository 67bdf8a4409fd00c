"""A learned second look at the sentences the rules left alone: is this sentence reported speech without
a cue of its own ("Der Plan sei nicht finanzierbar.", "Der Täter soll geflohen sein.")?

Free indirect speech is how German news goes on reporting after the cue sentence: in Konjunktiv I, with
hearsay "soll", or plainly. Whether a sentence belongs to it depends on many small signs at once (its
mood and finite verbs, how far back the last quotation is, how it opens), which a logistic regression
over those signs weighs better than another rule. Who says such a sentence is a second learned choice
(`speaker_options`, `ReportedModel.choose`): the sentence's own subject, who the sentences before are about,
the speaker of a reporting verb or of the last quotation, the last name, or no one; a sentence whose best
option is a guess is left out. The weights of both are trained on our tuning part of SpkAtt Wikinews by
`training/quotes_reported.py` and stored as JSON next to this file (`reported.json`, with its training data,
scores and thresholds); scoring is a sum of weights.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from chronik.errors import PipelineError
from chronik.nlp.view import END_PUNCT
from chronik.quotes.lexicon import FINITE_TAGS, speech_noun, speech_verb, subjunctive
from chronik.quotes.speakers import role_noun

if TYPE_CHECKING:
    from chronik.quotes.detect import QuoteFinder

BUNDLED = Path(__file__).with_name("reported.json")
_FIRST_PERSON = frozenset("ich wir mir mich uns unser unsere".split())


def sentence_features(finder: QuoteFinder, si: int, quote_sents: dict[int, Any]) -> dict[str, float]:
    """The signs of sentence `si` (a sentence no rule took); `quote_sents` maps the sentences where a
    rule's quotation ends to its candidate."""
    view, toks = finder.view, finder.view.toks
    lo, hi = view.sent_toks[si]
    f: dict[str, float] = {"bias": 1.0}
    outside = [k for k in range(lo, hi) if finder.inside[k] < 0]
    moods = {subjunctive(toks[k].text) for k in outside if k > lo or toks[k].text[:1].islower()}
    if 1 in moods:
        f["konj1"] = 1.0
    if 2 in moods:
        f["konj2"] = 1.0
    morph = view.doc.morph if len(view.doc.morph) == len(toks) else None
    sub = morph is not None and any("Mood=Sub" in morph[k] for k in outside)
    if sub:  # the model's morphology: Konjunktiv read in context ("sie hätten", "es gebe")
        f["mood_sub"] = 1.0
    # the mood of the main clause's verb, the first finite one: "Der Lohn liege unter dem Tarif" is reported,
    # "Er kam, weil er krank sei" need not be
    main = next((k for k in outside if toks[k].tag in FINITE_TAGS), None)
    if main is not None:
        mood = subjunctive(toks[main].text) if main > lo or toks[main].text[:1].islower() else 0
        if mood:
            f[f"main_konj{mood}"] = 1.0
        if morph is not None and "Mood=Sub" in morph[main]:
            f["main_mood_sub"] = 1.0
        if toks[main].lower in ("soll", "sollen"):
            f["main_soll"] = 1.0
    for k in outside:
        t = toks[k]
        if t.tag:
            f[f"tag:{t.tag}"] = 1.0
        if t.lower in _FIRST_PERSON:
            f["first_person"] = 1.0
        if speech_verb(t.text) and k > lo:
            f["speech_verb"] = 1.0
        if speech_noun(t.text):
            f["speech_noun"] = 1.0
        if k in view.ent_of:
            f[f"ent:{view.ent_of[k].get('label')}"] = 1.0
    if len(outside) < hi - lo:
        f["quote_marks"] = 1.0
    first = toks[lo]
    if first.tag:
        f[f"first_tag:{first.tag}"] = 1.0
    if hi - 1 >= lo and toks[hi - 1].text == "?":
        f["question"] = 1.0
    words = sum(1 for k in range(lo, hi) if toks[k].word)
    f[f"len:{'<=8' if words <= 8 else '<=15' if words <= 15 else '<=25' if words <= 25 else '>25'}"] = 1.0
    f[f"pos:{min(si, 4)}"] = 1.0
    back = next((d for d in range(1, 5) if si - d in quote_sents), None)
    if back is None:
        f["dist:none"] = 1.0
    else:
        prev = quote_sents[si - back]
        f[f"dist:{back}"] = 1.0
        f[f"prev_rule:{prev.rule}"] = 1.0
        f[f"prev_form:{prev.form}"] = 1.0
        if 1 in moods:
            f[f"konj1&dist:{back}"] = 1.0
        if sub:
            f[f"mood_sub&dist:{back}"] = 1.0
    if si + 1 in quote_sents:
        f["next_is_quote"] = 1.0
    if si > 0:
        plo, phi = view.sent_toks[si - 1]
        if any(subjunctive(toks[k].text) == 1 for k in range(plo + 1, phi) if finder.inside[k] < 0):
            f["prev_konj1"] = 1.0
        if phi > plo and toks[phi - 1].text not in END_PUNCT:
            f["prev_unended"] = 1.0
    return f


@dataclass
class SpeakerOption:
    """One answer to "who says sentence `si`?" for a sentence of reported speech without a cue: a mention
    (token range), the speaker of the quotation before (`inherit`), or no one; `kinds` says which ways led to
    it (the same mention can be the sentence's subject and the last quotation's speaker)."""
    span: tuple[int, int] | None
    inherit: bool = False
    kinds: set[str] = field(default_factory=set)
    features: dict[str, float] = field(default_factory=dict)


def speaker_options(finder: QuoteFinder, si: int, quote_sents: dict[int, Any]) -> list[SpeakerOption]:
    """Who may say sentence `si` (a sentence no rule took), each with its signs: who the sentence itself is
    about; who the sentence before, or the one before that, is about; the speaker of the nearest reporting verb
    or source phrase (up to four sentences back); the speaker of the last quotation (up to three sentences
    back), as a mention or taken over as it was resolved (`inherit`); the last person or organisation named
    before it; or no one."""
    view, toks = finder.view, finder.view.toks
    lo, _ = view.sent_toks[si]
    found: dict[tuple[int, int], SpeakerOption] = {}

    def offer(kind: str, span: tuple[int, int] | None) -> None:
        if span is not None:
            found.setdefault(span, SpeakerOption(span)).kinds.add(kind)

    offer("own", finder.sentence_subject(si))
    if si > 0:
        offer("before", finder.sentence_subject(si - 1))
    if si > 1:
        offer("before2", finder.sentence_subject(si - 2))
    # the speaker of the nearest reporting verb or source phrase up to four sentences back ("Als Grund gab die
    # Behörde … an. … . Auch sei die Dokumentation nicht erfolgt.")
    for d in range(1, min(si, 4) + 1):
        spans = (finder.speaker_for(c) for c in finder.sent_cues[si - d] if c.kind in ("verb", "prep", "post"))
        spk = next((span for span in spans if span), None)
        if spk is not None:
            offer(f"cue_before:{min(d, 3)}", spk)
            break
    last = next(((d, quote_sents[si - d]) for d in range(1, 4) if si - d in quote_sents), None)
    if last is not None and last[1].speaker is not None:
        offer("last_quote", last[1].speaker)
    named = [k for k in range(max(0, view.sent_toks[max(0, si - 3)][0]), lo) if k in view.ent_of and
             view.ent_of[k].get("label") in ("PER", "ORG")]
    if named:
        ent = view.ent_of[named[-1]]
        a = named[-1]
        while a > 0 and view.ent_of.get(a - 1) is ent:
            a -= 1
        offer("last_named", (a, named[-1] + 1))
    # the mood of the sentence's main verb: the subject of "Die Lage sei ernst" is part of what is said, the
    # subject of "Die Taxifahrer befürchten, …" says it
    main = next((k for k in range(lo, view.sent_toks[si][1]) if finder.inside[k] < 0 and toks[k].tag in FINITE_TAGS),
                None)
    mood = "none" if main is None else "konj" if subjunctive(toks[main].text) or (
        main == lo and subjunctive(toks[main].text.lower())) else "ind"
    clause = main is not None and any(toks[k].text == "," or toks[k].lower in ("dass", "daß")
                                      for k in range(main + 1, min(main + 4, view.sent_toks[si][1])))
    cue_before = si > 0 and any(c.kind in ("verb", "prep", "post") for c in finder.sent_cues[si - 1])
    options = list(found.values())
    for o in options:
        assert o.span is not None
        actor = finder.actor_like(o.span)
        labels = finder.labels(o.span) or {"none"}
        pronoun = toks[o.span[0]].tag == "PPER"
        f = {f"votes:{min(len(o.kinds), 3)}": 1.0, f"dist:{min(si - toks[o.span[0]].sent, 3)}": 1.0}
        f.update({f"entity:{label}": 1.0 for label in labels})
        if actor:
            f["actor_like"] = 1.0
        if pronoun:
            f["pronoun"] = 1.0
        if any(role_noun(toks[m].lower) for m in range(*o.span)):
            f["role_noun"] = 1.0
        for k in o.kinds:  # each way that led here, alone and with the mention's signs
            f[f"kind:{k}"] = f[f"kind:{k}&actor:{actor}"] = 1.0
            f.update({f"kind:{k}&entity:{label}": 1.0 for label in labels})
            if pronoun:
                f[f"kind:{k}&pronoun"] = 1.0
            if k == "own":
                f[f"own&mood:{mood}"] = 1.0
                if clause:
                    f["own&clause"] = 1.0
            if k == "before" and cue_before:
                f["before&cue"] = 1.0
        if o.span[0] >= lo and any(c.kind in ("verb", "prep", "post") for c in finder.sent_cues[si]):
            f["own&cue"] = 1.0
        o.features = f
    if last is not None:
        options.append(SpeakerOption(None, inherit=True, kinds={"inherit"},
                                     features={"kind:inherit": 1.0, f"inherit_dist:{last[0]}": 1.0,
                                               f"inherit_rule:{last[1].rule}": 1.0,
                                               **({"inherit_none": 1.0} if last[1].speaker is None and
                                                  not last[1].inherit else {})}))
    options.append(SpeakerOption(None, kinds={"none"}, features={"kind:none": 1.0}))
    return options


class ReportedModel:
    """Logistic regression weights over `sentence_features`."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.weights: dict[str, float] = data["weights"]
        self.threshold: float = data["threshold"]
        self.meta: dict[str, Any] = data.get("meta", {})
        # the speaker chooser's weights (`speaker_options`); without them, the speaker found by the rules' way
        self.speaker_weights: dict[str, float] | None = data.get("speaker_weights")
        # a sentence whose likeliest speaker scores below this is left out: better no quotation than one
        # whose speaker is a guess
        self.speaker_threshold: float = data.get("speaker_threshold", 0.0)

    @classmethod
    def load(cls, path: Path) -> ReportedModel:
        try:
            return cls(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError) as exc:
            raise PipelineError(f"cannot read the reported-speech weights {path}: {exc}") from exc

    def probability(self, features: dict[str, float]) -> float:
        return _logistic(self.weights, features)

    def choose(self, options: list[SpeakerOption]) -> tuple[SpeakerOption, float] | None:
        """The likeliest speaker option by the chooser's weights, with its score; None when the model has none."""
        if not self.speaker_weights or not options:
            return None
        weights = self.speaker_weights
        return max(((o, _logistic(weights, o.features)) for o in options), key=lambda x: x[1])


def _logistic(weights: dict[str, float], features: dict[str, float]) -> float:
    z = sum(weights.get(name, 0.0) * value for name, value in features.items())
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


@lru_cache(maxsize=1)
def bundled() -> ReportedModel | None:
    """The weights shipped with chronik, or None when the file is not there (a build without it)."""
    return ReportedModel.load(BUNDLED) if BUNDLED.exists() else None


__all__ = ["BUNDLED", "ReportedModel", "SpeakerOption", "bundled", "sentence_features", "speaker_options"]
