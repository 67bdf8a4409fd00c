#!/usr/bin/env python3
"""Convert the NER sets and treebanks in ../shared/data into spaCy DocBins under training/corpus/.

    python training/convert.py [--shared ../shared] [--out training/corpus]

Nothing from ../shared is committed: the corpus folder is ignored by git and rebuilt by this script.

NER labels are mapped to PER, LOC, ORG, MISC (GermEval OTH → MISC; GermEval *deriv/*part → O, the
scorer does not count them). The other sets follow CoNLL-2003's guidelines, which call derivations of
names MISC ("deutschen", "Frankfurter", "Palästinenser"); GermEval's guidelines, and chronik's contract,
do not count them as names, so such MISC spans become O (`is_derivation`).
IOB1 (CoNLL-2003, Europarl, XGLUE) and IOB2 (GermEval, UNER) are read.
Sentences repeated across sets (XGLUE repeats CoNLL-2003 German) are kept once.

Outputs (sentences grouped into documents of 10, so the model sees some context):
  ner-train.spacy     CoNLL-2003 de + Europarl + XGLUE, minus a seeded 10 % dev slice
  ner-dev.spacy       that slice: model selection, early stopping
  ner-all.spacy       ner-train + ner-dev + GermEval dev: the shipped model's NER data
  ner-train-aug.spacy ner-train + SmartData v1 news (PER/ORG/LOC) + one mention-replaced copy of each
                      training document (training/augment.py)
  ner-all-aug.spacy   the same for ner-all
  germeval-dev.spacy  GermEval 2014 dev: HELD OUT, the honest test (never trained on when measured)
  uner-pud.spacy      UNER German PUD (PER/LOC/ORG only): a second held-out test
  ud-train.spacy      UD German GSD dev + PUD test: tags, morphology, lemmas, dependencies
  ud-gsd-train.spacy  UD German GSD dev alone (STTS tags; PUD's XPOS are Penn Treebank tags)
  ud-test.spacy       UD German GSD test: HELD OUT for POS/LAS
  stts-train.spacy    Europarl STTS tags and lemmas (no syntax), for the tagger
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin, Span

from augment import load_gazetteers, replace_mentions, smartdata_docs

ROOT = Path(__file__).resolve().parents[1]
Sentence = tuple[list[str], list[str]]  # tokens, tags (BIO/IOB1 strings)


def coarse(label: str) -> str | None:
    if label.endswith(("deriv", "part")):
        return None
    return {"OTH": "MISC", "PERSON": "PER", "LOCATION": "LOC", "ORGANIZATION": "ORG"}.get(label, label)


INHABITANT_ENDINGS = ("e", "en", "er", "ern", "ers", "erin", "erinnen")


def is_derivation(words: list[str], pos: list[str]) -> bool:
    """A CoNLL-style MISC span that derives from a name rather than being one (GermEval: *deriv, *part):
    all lower case ("deutschen", "europäische"), or a single token that is an adjective by its STTS tag
    ("Frankfurter" ADJA), a compound with a name in it ("CDU-Politiker", "US-Botschafter"), or a noun
    for members of a people or faith ("Deutsche", "Kurden", "Palästinenser", "Christen")."""
    if all(w[:1].islower() for w in words):
        return True
    if len(words) != 1:
        return False
    word = words[0]
    if pos[0] in ("ADJA", "ADJD") or "-" in word.strip("-"):
        return True
    return pos[0] in ("NN", "") and word.endswith(INHABITANT_ENDINGS) and not word.isupper()


def drop_derivations(toks: list[str], tags: list[str], pos: list[str]) -> list[str]:
    """`tags` with the MISC spans that `is_derivation` set to O (IOB1 or IOB2 tags)."""
    tags = list(tags)
    for start, end, label in spans_from_tags(tags):
        if label == "MISC" and is_derivation(toks[start:end], pos[start:end]):
            tags[start:end] = ["O"] * (end - start)
    return tags


def read_ner(path: Path) -> list[Sentence]:
    """GermEval TSV (idx, token, outer, nested), CoNLL (token ... tag) or UNER IOB2 (idx, token, tag).
    The CoNLL-style sets (not GermEval, not UNER) lose their derivation MISC spans (`drop_derivations`)."""
    sents: list[Sentence] = []
    toks: list[str] = []
    tags: list[str] = []
    pos: list[str] = []
    conll_style = path.suffix != ".iob2" and "germeval" not in str(path).lower()
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:  # CoNLL-2003 German testb is Latin-1
        text = raw.decode("latin-1")
    for line in text.splitlines():
        if line.startswith("#") or line.startswith("-DOCSTART-"):
            continue
        if not line.strip():
            if toks:
                sents.append((toks, drop_derivations(toks, tags, pos) if conll_style else tags))
            toks, tags, pos = [], [], []
            continue
        cols = line.split("\t") if "\t" in line else line.split()
        numbered = path.suffix == ".iob2" or ("germeval" in str(path).lower() and cols[0].isdigit())
        if numbered:  # idx, token, tag, ...
            toks.append(cols[1])
            tags.append(cols[2])
        else:
            toks.append(cols[0])
            tags.append(cols[-1])
            pos.append(cols[2] if len(cols) >= 5 else "")  # CoNLL-2003 and Europarl: token lemma POS chunk tag
    if toks:
        sents.append((toks, drop_derivations(toks, tags, pos) if conll_style else tags))
    return sents


def spans_from_tags(tags: list[str]) -> list[tuple[int, int, str]]:
    """Entity spans from IOB1 or IOB2 tags: `B-` always starts one, `I-` starts one after O or another type."""
    spans = []
    start, label = None, None
    for i, tag in enumerate([*tags, "O"]):
        kind, _, lab = tag.partition("-")
        if tag == "O" or kind == "B" or lab != label:
            if start is not None and label is not None:
                spans.append((start, i, label))
            start, label = (i, lab) if tag != "O" else (None, None)
    return [(s, e, c) for s, e, lab in spans if (c := coarse(lab))]


def ner_doc(nlp: spacy.Language, sents: list[Sentence]) -> Doc:
    words, ents, starts = [], [], []
    for toks, tags in sents:
        offset = len(words)
        starts.append(offset)
        words.extend(toks)
        ents.extend((offset + s, offset + e, lab) for s, e, lab in spans_from_tags(tags))
    doc = Doc(nlp.vocab, words=words)
    for i in range(len(doc)):
        doc[i].is_sent_start = i in starts
    doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in ents]
    return doc


def grouped(sents: list[Sentence], size: int = 10) -> Iterator[list[Sentence]]:
    for i in range(0, len(sents), size):
        yield sents[i : i + size]


def read_conllu(path: Path) -> list[list[list[str]]]:
    sents, cur = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        if not line.strip():
            if cur:
                sents.append(cur)
            cur = []
            continue
        cols = line.split("\t")
        if "-" in cols[0] or "." in cols[0]:
            continue  # multi-word token ranges and empty nodes
        cur.append(cols)
    if cur:
        sents.append(cur)
    return sents


def ud_doc(nlp: spacy.Language, sents: list[list[list[str]]]) -> Doc:
    words, heads, deps, tags, pos, morphs, lemmas, starts = [], [], [], [], [], [], [], []
    for sent in sents:
        offset = len(words)
        starts.append(offset)
        for cols in sent:
            words.append(cols[1])
            lemmas.append(cols[2])
            pos.append(cols[3])
            tags.append(cols[4])
            morphs.append("" if cols[5] == "_" else cols[5])
            head = int(cols[6])
            heads.append(offset + head - 1 if head else offset + int(cols[0]) - 1)
            deps.append("ROOT" if cols[7] == "root" else cols[7])
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos, morphs=morphs, lemmas=lemmas,
              sent_starts=[i in starts for i in range(len(words))])
    return doc


def stts_doc(nlp: spacy.Language, path: Path, sents: list[list[str]]) -> Doc:
    words, tags, lemmas, starts = [], [], [], []
    for rows in sents:
        starts.append(len(words))
        for cols in rows:
            words.append(cols[0])
            lemmas.append(cols[0] if cols[1] in ("d", "<unknown>") else cols[1])
            tags.append(cols[2])
    return Doc(nlp.vocab, words=words, tags=tags, sent_starts=[i in starts for i in range(len(words))])


def europarl_rows(path: Path) -> list[list[list[str]]]:
    sents, cur = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if cur:
                sents.append(cur)
            cur = []
            continue
        cur.append(line.split("\t"))
    if cur:
        sents.append(cur)
    return sents


def save(docs: list[Doc], path: Path) -> None:
    DocBin(docs=docs, store_user_data=False).to_disk(path)
    n_sents = sum(len(list(d.sents)) for d in docs if d.has_annotation("SENT_START"))
    n_ents = sum(len(d.ents) for d in docs)
    print(f"{path.name:22} {len(docs):6,} docs {n_sents:7,} sentences {sum(len(d) for d in docs):9,} tokens "
          f"{n_ents:7,} entities")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=ROOT / "training" / "corpus")
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()
    data = args.shared / "data"
    args.out.mkdir(parents=True, exist_ok=True)
    nlp = spacy.blank("de")

    mix: list[Sentence] = []
    seen: set[tuple[str, ...]] = set()
    sources = [data / "ner" / "conll2003-de" / f for f in ("deuutf.testa", "deu.testb", "deuutf.dev")]
    sources += [data / "ner" / "europarl" / f for f in ("train.tsv", "dev.tsv", "test.tsv")]
    sources += [data / "ner" / "xglue-de" / f for f in ("train.txt", "dev.txt", "test.txt")]
    for src in sources:
        kept = 0
        for toks, tags in read_ner(src):
            key = tuple(toks)
            if key in seen:
                continue
            seen.add(key)
            mix.append((toks, tags))
            kept += 1
        print(f"  {src.parent.name}/{src.name}: {kept:,} new sentences")
    germeval = read_ner(data / "ner" / "germeval2014" / "NER-de-dev.tsv")
    overlap = sum(tuple(t) in seen for t, _ in germeval)
    print(f"  germeval dev: {len(germeval):,} sentences ({overlap} also in the training mix)")

    groups = list(grouped(mix))
    random.Random(args.seed).shuffle(groups)
    n_dev = len(groups) // 10
    train_docs = [ner_doc(nlp, g) for g in groups[n_dev:]]
    dev_docs = [ner_doc(nlp, g) for g in groups[:n_dev]]
    germeval_docs = [ner_doc(nlp, g) for g in grouped(germeval)]
    save(train_docs, args.out / "ner-train.spacy")
    save(dev_docs, args.out / "ner-dev.spacy")
    save(germeval_docs, args.out / "germeval-dev.spacy")
    save(train_docs + dev_docs + germeval_docs, args.out / "ner-all.spacy")
    smart = smartdata_docs(nlp, data)
    rng = random.Random(args.seed)
    gaz = load_gazetteers(nlp, data, train_docs)
    aug = [replace_mentions(nlp, d, gaz, rng) for d in train_docs + smart]
    save(train_docs + smart + aug, args.out / "ner-train-aug.spacy")
    extra = [replace_mentions(nlp, d, gaz, rng) for d in dev_docs + germeval_docs]
    save(train_docs + dev_docs + germeval_docs + smart + aug + extra, args.out / "ner-all-aug.spacy")
    save([ner_doc(nlp, g) for g in grouped(read_ner(data / "ner" / "uner-german-pud" / "de_pud-ud-test.iob2"))],
         args.out / "uner-pud.spacy")

    ud = data / "ud"
    gsd_dev = read_conllu(ud / "gsd" / "de_gsd-ud-dev.conllu")
    ud_train = gsd_dev + read_conllu(ud / "pud" / "de_pud-ud-test.conllu")
    ud_test = read_conllu(ud / "gsd" / "de_gsd-ud-test.conllu")
    save([ud_doc(nlp, g) for g in grouped_list(ud_train)], args.out / "ud-train.spacy")
    # GSD alone for the shipped tagger: its XPOS are STTS (PUD's are Penn Treebank tags), and UNER PUD,
    # the NER's second held-out test, is the PUD text
    save([ud_doc(nlp, g) for g in grouped_list(gsd_dev)], args.out / "ud-gsd-train.spacy")
    save([ud_doc(nlp, g) for g in grouped_list(ud_test)], args.out / "ud-test.spacy")
    stts = []
    for f in ("train.tsv", "dev.tsv", "test.tsv"):
        rows = europarl_rows(data / "ner" / "europarl" / f)
        stts.extend(stts_doc(nlp, data, g) for g in grouped_list(rows))
    save(stts, args.out / "stts-train.spacy")


def grouped_list(items: list, size: int = 10) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


if __name__ == "__main__":
    main()
