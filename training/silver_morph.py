#!/usr/bin/env python3
"""Silver UD morphology for the morphologizer: REDEWIEDERGABE's RFTagger tags converted to UD features.

    python training/silver_morph.py [--shared ../shared] [--out training/corpus/rw-morph.spacy]

UD German GSD dev has features on only 12,000 tokens, and Konjunktiv (Mood=Sub) on 82 of them. The
REDEWIEDERGABE corpus (German fiction and journalism 1840-1919, CC BY 4.0; in ../shared/data/quotes) carries an
RFTagger tag per token (`rfpos`, e.g. VFIN.Full.3.Sg.Pres.Subj, N.Reg.Nom.Sg.Fem) on 488,000 tokens, and it is
a corpus of reported speech, so rich in Konjunktiv. This script writes those tags as UD features in GSD's
conventions (which features each word class carries, GSD's UPOS for the STTS tag), with the normalised
spelling (`normtok`) as the words.

Tokens whose STTS tag and RFTagger tag disagree, and word classes whose GSD features RFTagger cannot give
(possessives' Number[psor], indefinite pronouns' PronType), get no annotation at all: the morphologizer
counts them as missing, not as featureless. No STTS tags are written, so the tagger does not learn from
this older text.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

ROOT = Path(__file__).resolve().parents[1]

# STTS -> UPOS, GSD's most frequent pairing (UD German GSD dev)
UPOS = {
    "NN": "NOUN", "NE": "PROPN", "ART": "DET", "ADJA": "ADJ", "ADJD": "ADJ", "CARD": "NUM",
    "VVFIN": "VERB", "VVINF": "VERB", "VVPP": "VERB", "VVIZU": "VERB", "VVIMP": "VERB",
    "VAFIN": "AUX", "VAINF": "AUX", "VAPP": "AUX", "VAIMP": "AUX", "VMFIN": "AUX", "VMINF": "AUX", "VMPP": "AUX",
    "PPER": "PRON", "PRF": "PRON", "PDS": "PRON", "PRELS": "PRON", "PDAT": "DET",
    "APPR": "ADP", "APPRART": "ADP", "APPO": "ADP", "APZR": "ADP", "ADV": "ADV", "PAV": "ADV", "PROAV": "ADV",
    "PWAV": "ADV", "PTKA": "ADV", "KON": "CCONJ", "KOUS": "SCONJ", "KOUI": "ADP", "KOKOM": "ADP",
    "PTKZU": "PART", "PTKNEG": "PART", "PTKVZ": "ADP", "$.": "PUNCT", "$,": "PUNCT", "$(": "PUNCT",
}
# the RFTagger class each STTS tag must have for its features to be trusted
RF_CLASS = {
    "NN": ("N.Reg",), "NE": ("N.Name",), "ART": ("ART",), "ADJA": ("ADJA",), "ADJD": ("ADJD",), "CARD": ("CARD",),
    "VVFIN": ("VFIN.Full",), "VAFIN": ("VFIN.Sein", "VFIN.Haben", "VFIN.Aux"), "VMFIN": ("VFIN.Mod",),
    "VVIMP": ("VIMP",), "VVINF": ("VINF",), "VVIZU": ("VINF",), "VAINF": ("VINF",), "VMINF": ("VINF",),
    "VVPP": ("VPP",), "VAPP": ("VPP",), "VMPP": ("VPP",), "PPER": ("PRO.Pers",), "PRF": ("PRO.Refl",),
    "PDS": ("PRO.Dem.Subst",), "PDAT": ("PRO.Dem.Attr",), "PRELS": ("PRO.Rel.Subst",),
}
NO_FEATURES = {"APPR", "APPRART", "APPO", "APZR", "ADV", "PAV", "PROAV", "PWAV", "PTKA", "KON", "KOUS", "KOUI",
               "KOKOM", "PTKZU", "PTKVZ", "PTKNEG", "$.", "$,", "$("}
CASE = {"Nom": "Nom", "Gen": "Gen", "Dat": "Dat", "Acc": "Acc"}
NUMBER = {"Sg": "Sing", "Pl": "Plur"}
GENDER = {"Masc": "Masc", "Fem": "Fem", "Neut": "Neut"}
DEGREE = {"Pos": "Pos", "Comp": "Cmp", "Sup": "Sup"}
MOOD = {"Ind": "Ind", "Subj": "Sub"}
TENSE = {"Pres": "Pres", "Past": "Past"}


def _put(feats: dict[str, str], key: str, table: dict[str, str], value: str) -> None:
    if value in table:  # "*" (RFTagger could not tell) and "-" leave the feature out
        feats[key] = table[value]


def _noun_features(feats: dict[str, str], case_number_gender: list[str]) -> None:
    case, number, gender = case_number_gender
    _put(feats, "Case", CASE, case)
    _put(feats, "Number", NUMBER, number)
    _put(feats, "Gender", GENDER, gender)


def ud_features(stts: str, rf: str) -> tuple[str, str] | None:
    """(UPOS, UD feature string) for a token, or None where the tags disagree or RFTagger cannot give GSD's
    features for the word class."""
    if stts not in UPOS:
        return None
    upos = UPOS[stts]
    if stts in NO_FEATURES:
        return upos, "Polarity=Neg" if stts == "PTKNEG" else ""
    if not rf.startswith(RF_CLASS.get(stts, ("\0",))):
        return None
    parts = rf.split(".")
    feats: dict[str, str] = {}
    if stts in ("NN", "NE"):  # N.Reg.Nom.Sg.Fem
        _noun_features(feats, parts[2:5])
    elif stts == "ART":  # ART.Def.Nom.Sg.Fem
        feats.update(Definite="Def" if parts[1] == "Def" else "Ind", PronType="Art")
        if parts[1] != "Def":
            feats["NumType"] = "Card"  # GSD: "ein" is also a numeral
        _noun_features(feats, parts[2:5])
    elif stts == "ADJA":  # ADJA.Pos.Nom.Sg.Fem
        _put(feats, "Degree", DEGREE, parts[1]), _put(feats, "Case", CASE, parts[2])
        _put(feats, "Number", NUMBER, parts[3]), _put(feats, "Gender", GENDER, parts[4])
    elif stts == "ADJD":  # ADJD.Pos
        _put(feats, "Degree", DEGREE, parts[1])
    elif stts == "CARD":
        feats["NumType"] = "Card"
    elif stts.endswith("FIN"):  # VFIN.Full.3.Sg.Pres.Subj
        feats.update(VerbForm="Fin", Person=parts[2])
        _put(feats, "Number", NUMBER, parts[3])
        _put(feats, "Tense", TENSE, parts[4])
        _put(feats, "Mood", MOOD, parts[5])
    elif stts.endswith("IMP"):  # VIMP.Full.2.Sg
        feats.update(VerbForm="Fin", Mood="Imp")
        _put(feats, "Number", NUMBER, parts[3])
    elif stts.endswith(("INF", "IZU")):
        feats["VerbForm"] = "Inf"
    elif stts.endswith("PP"):
        feats["VerbForm"] = "Part"
    elif stts in ("PPER", "PRF"):  # PRO.Pers.Subst.3.Nom.Sg.Masc, PRO.Refl.Subst.3.Acc.Sg.*
        feats.update(PronType="Prs", Person=parts[3])
        _put(feats, "Case", CASE, parts[4])
        if stts == "PRF":
            feats["Reflex"] = "Yes"
            if parts[3] != "3":
                _put(feats, "Number", NUMBER, parts[5])
        else:
            _put(feats, "Number", NUMBER, parts[5])
            if parts[3] == "3":
                _put(feats, "Gender", GENDER, parts[6])
    else:  # PDS, PDAT, PRELS: PRO.Dem.Subst.-.Nom.Sg.Neut
        feats["PronType"] = "Dem,Rel" if stts in ("PDS", "PRELS") else "Dem"
        _put(feats, "Case", CASE, parts[4]), _put(feats, "Number", NUMBER, parts[5])
        if parts[5] != "Pl":
            _put(feats, "Gender", GENDER, parts[6])
    if any(p == "" for p in parts):
        return None
    return upos, "|".join(f"{k}={v}" for k, v in sorted(feats.items()))


def read_file(path: Path) -> list[list[tuple[str, str, str]]]:
    """Sentences of (word, UPOS, features); UPOS "" marks a token without annotation."""
    sents: list[list[tuple[str, str, str]]] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    col = {name: i for i, name in enumerate(header)}
    if not {"tok", "normtok", "pos", "rfpos", "sentstart"} <= col.keys():
        return sents  # the corpus' metadata table
    for line in lines[1:]:
        cols = line.split("\t")
        if len(cols) < len(header):
            continue
        word = cols[col["normtok"]] or cols[col["tok"]]
        if not word.strip():
            continue
        word = word.replace(" ", "")
        try:
            analysis = ud_features(cols[col["pos"]], cols[col["rfpos"]])
        except (IndexError, ValueError):  # an RFTagger tag with fewer fields than its class has
            analysis = None
        upos, feats = analysis or ("", "")
        if cols[col["sentstart"]] == "yes" or not sents:
            sents.append([])
        sents[-1].append((word, upos, feats))
    return sents


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=ROOT / "training" / "corpus" / "rw-morph.spacy")
    args = ap.parse_args()
    nlp = spacy.blank("de")
    files = sorted((args.shared / "data" / "quotes" / "redewiedergabe" / "data" / "main" / "tsv").glob("*.tsv"))
    docs, n_tokens, n_annotated, n_sub = [], 0, 0, 0
    for path in files:
        sents = read_file(path)
        for k in range(0, len(sents), 10):
            group = sents[k : k + 10]
            words = [w for s in group for w, _, _ in s]
            starts = {sum(len(s) for s in group[:i]) for i in range(len(group))}
            doc = Doc(nlp.vocab, words=words, sent_starts=[i in starts for i in range(len(words))])
            for token, (_, upos, feats) in zip(doc, [t for s in group for t in s], strict=True):
                if upos:
                    token.pos_ = upos
                    token.set_morph(feats or None)
                    n_annotated += 1
                    n_sub += "Mood=Sub" in feats
            n_tokens += len(doc)
            docs.append(doc)
    DocBin(docs=docs, store_user_data=False).to_disk(args.out)
    print(f"{args.out.name}: {len(docs):,} docs, {n_tokens:,} tokens, {n_annotated:,} with UD features "
          f"({n_sub:,} Mood=Sub) from {len(files)} files")


if __name__ == "__main__":
    main()
