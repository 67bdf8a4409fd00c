#!/usr/bin/env python3
"""Reproduce chronik's bundled German model from ../shared/data with one command.

    python training/build.py all        # all of the below (about 35 minutes on 2 cores)
    python training/build.py convert    # ../shared/data -> training/corpus/*.spacy (convert.py, augment.py),
                                        # HanTa's STTS tags on the NER sets (silver_tags.py) + UD's gold tags,
                                        # silver UD features (silver_morph.py), floret vectors (vectors.py),
                                        # the name lexicon (name_lexicon.py)
    python training/build.py train      # the held-out and the final model, each with the place ruler, each
                                        # trained twice: the second time with raw news the first labelled
    python training/build.py evaluate   # the held-out model on GermEval 2014 dev and UNER PUD (chronik_eval ner),
                                        # both models' tagger on UD German GSD test
    python training/build.py package    # the final model into src/chronik/models/de_chronik, with SHA256SUMS
    python training/build.py morph      # the held-out and the final model's UD features on GSD test
    python training/build.py lemmas     # chronik's lemmas (simplemma, with the shipped model's tags) on GSD test

The recipe is HELDOUT/FINAL below. The model card (MODEL_CARD.md beside the weights) records the scores
that `evaluate` prints.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRAINING = ROOT / "training"
TARGET = ROOT / "src" / "chronik" / "models" / "de_chronik"

# Two trainings with one recipe: HELDOUT never sees GermEval 2014 dev, which is then its honest test;
# FINAL (the shipped model) trains on everything for as many steps as HELDOUT's best checkpoint.
# The NER sets get HanTa's STTS tags and the UD treebank sentences (gold tags, no entities) join them, so
# one encoder learns tags and entities together (docs/models.md).
# A UD morphologizer shares the encoder too (model 0.4): it learns from UD GSD dev's features and from 800
# REDEWIEDERGABE documents with silver features (training/silver_morph.py); the NER sentences have none and
# count as missing.
HELDOUT = {"name": "ner-packed-heldout", "train": "training/corpus/ner-train-aug-tags-ud-morph.spacy",
           "max_steps": 5000, "pick": "model-best"}
FINAL = {"name": "ner-packed-final", "train": "training/corpus/ner-all-aug-tags-ud-morph.spacy", "max_steps": 5000,
         "pick": "model-last"}
# model 0.7: the name lexicon's flags in one embedding table (chronik.NameHashEmbed.v1), averaged parameters
CONFIG = "training/configs/ner-tagger-morph-names-packed.cfg"
SILVER_DOCS = 800  # REDEWIEDERGABE documents (of 3,154, seeded sample) with silver UD features in the mix
SELF_DOCS = 1500  # raw news documents each model labels for its own second stage (self-training, model 0.5)
VECTORS = "training/output/vectors/spacy"  # floret vectors (training/vectors.py), no GermEval 2014 dev text
DEV = "training/corpus/ner-dev-tags.spacy"
MODEL_VERSION = "0.9"  # 0.2: the NER shares its encoder with an STTS tagger; 0.3: + static floret vectors;
# 0.3.1: the vectors' text leaves out the quotation stage's held-out SpkAtt documents; 0.4: + a morphologizer
# (UD features, silver ones from REDEWIEDERGABE), MISC without CoNLL's derivations; 0.5: self-training, a second
# stage on the mix plus 1,500 raw news documents the first stage labelled; 0.6: the encoder also reads a name
# lexicon (first names, surnames, places; training/name_lexicon.py, chronik.nlp.names); 0.7: the lexicon's three
# flags as one feature with one embedding table (faster), Adam with parameter averaging; 0.7.1: + a dependency
# parser with its own copy of the encoder, disabled unless models.syntax is on (`parser` below; the rest unchanged);
# 0.8: a fourth lexicon bit, other proper nouns by HanTa's model (FLAG43; training/name_lexicon.py); 0.9: a fifth,
# the forms of common nouns (Wiktionary's German nouns, FLAG44), in a packed table of 32 rows
KEEP = ("config.cfg", "meta.json", "tokenizer", "vocab", "tok2vec", "tagger", "morphologizer", "ner", "place_ruler",
        "parser")
# An experiment of session 18, not shipped yet (docs/models.md): the encoder also reads whether a word ends in a
# common noun (chronik.name_features.v2, FLAG45), six bits in a table of 64 rows
COMPOUND = ["--nlp.after_creation.@callbacks", "chronik.name_features.v2", "--nlp.after_creation.compound", "true",
            "--components.tok2vec.model.embed.flags", '["FLAG40","FLAG41","FLAG42","FLAG43","FLAG44","FLAG45"]',
            "--components.tok2vec.model.embed.flag_rows", "64"]
PARSER_STEPS = 2000  # fixed, last checkpoint: the training log's scores are on GSD test and pick nothing


def sh(cmd: list[str], **kw: object) -> subprocess.CompletedProcess[str]:
    print("$", " ".join(cmd), flush=True)
    return subprocess.run(cmd, check=True, text=True, **kw)  # type: ignore[call-overload]


def convert(shared: Path) -> None:
    sh([sys.executable, str(TRAINING / "convert.py"), "--shared", str(shared)], cwd=TRAINING)
    corpus = TRAINING / "corpus"
    for name in ("ner-train-aug", "ner-all-aug", "ner-dev"):
        sh([sys.executable, str(TRAINING / "silver_tags.py"), str(corpus / f"{name}.spacy"),
            str(corpus / f"{name}-tags.spacy")], cwd=TRAINING)
    for name in ("ner-train-aug", "ner-all-aug"):  # + UD German GSD dev (gold STTS tags, no entities)
        mix(corpus / f"{name}-tags-ud.spacy", [corpus / f"{name}-tags.spacy", corpus / "ud-gsd-train.spacy"])
    sh([sys.executable, str(TRAINING / "silver_morph.py"), "--shared", str(shared)], cwd=TRAINING)
    for name in ("ner-train-aug", "ner-all-aug"):  # + a seeded sample of the silver-feature documents
        mix(corpus / f"{name}-tags-ud-morph.spacy", [corpus / f"{name}-tags-ud.spacy"],
            sample=(corpus / "rw-morph.spacy", SILVER_DOCS))
    sh([sys.executable, str(TRAINING / "raw_text.py"), "--shared", str(shared)], cwd=TRAINING)
    # HanTa's tags on that raw news: the texts self-training labels (training/self_train.py)
    sh([sys.executable, str(TRAINING / "silver_tags.py"), str(corpus / "raw-news.jsonl"),
        str(corpus / "raw-news-tags.spacy")], cwd=TRAINING)
    sh([sys.executable, str(TRAINING / "name_lexicon.py"), str(corpus / "raw-news-tags.spacy"),
        str(TRAINING / "output" / "names.json")], cwd=TRAINING)
    sh([sys.executable, str(TRAINING / "vectors.py")], cwd=TRAINING)


def mix(out: Path, files: list[Path], sample: tuple[Path, int] | None = None) -> None:
    """One DocBin of the documents of `files`, then (with `sample`) the first n documents of another DocBin
    after a shuffle with seed 13."""
    import random

    import spacy
    from spacy.tokens import DocBin

    vocab = spacy.blank("de").vocab
    docs = [d for f in files for d in DocBin().from_disk(f).get_docs(vocab)]
    if sample is not None:
        extra = list(DocBin().from_disk(sample[0]).get_docs(vocab))
        random.Random(13).shuffle(extra)
        docs += extra[: sample[1]]
    DocBin(docs=docs, store_user_data=False).to_disk(out)
    print(f"{out.name}: {len(docs):,} documents", flush=True)


def train(recipe: dict[str, object]) -> Path:
    """spacy train, then the place ruler (training/gazetteer.py) added to the picked checkpoint."""
    out = TRAINING / "output" / str(recipe["name"])
    sh([sys.executable, "-m", "spacy", "train", str(recipe.get("config", CONFIG)), "--code", "training/spacy_code.py",
        "--paths.train", str(recipe["train"]), "--paths.dev", DEV,
        "--paths.vectors", VECTORS, "--output", str(out), "--training.max_steps", str(recipe["max_steps"]),
        "--training.eval_frequency", "500",
        "--system.seed", str(recipe.get("seed", 0)), "--nlp.batch_size", "256",
        *list(recipe.get("overrides", []))], cwd=ROOT)  # a recipe's extra config overrides (COMPOUND)
    shutil.rmtree(out / "with-ruler", ignore_errors=True)  # to_disk does not remove stale files
    sh([sys.executable, "-c", "import sys, spacy; from spacy.tokens import DocBin; from gazetteer import "
        "add_place_ruler; nlp = spacy.load(sys.argv[1]); docs = list(DocBin().from_disk("
        "'corpus/ner-train.spacy').get_docs(nlp.vocab)); print(add_place_ruler(nlp, docs), 'place patterns'); "
        "nlp.to_disk(sys.argv[2])", str(out / str(recipe["pick"])), str(out / "with-ruler")], cwd=TRAINING)
    return out / "with-ruler"


def train_twice(recipe: dict[str, object]) -> Path:
    """Self-training: the recipe's model labels SELF_DOCS raw news documents (training/self_train.py), then the
    same recipe trains again, from scratch, on its mix plus those documents (output `<name>-self`)."""
    first = train(recipe)
    mix = Path(str(recipe["train"]))
    seed = f"-seed{recipe['seed']}" if recipe.get("seed") else ""  # another seed: a mix of its own
    with_self = mix.with_name(f"{mix.stem}-self{seed}.spacy")
    sh([sys.executable, str(TRAINING / "self_train.py"), str(first), str(ROOT / mix), str(ROOT / with_self),
        "--docs", str(SELF_DOCS)], cwd=ROOT)
    return train({**recipe, "name": f"{recipe['name']}-self", "train": str(with_self)})


def package(model: Path) -> None:
    card = (TARGET / "MODEL_CARD.md").read_text(encoding="utf-8") if (TARGET / "MODEL_CARD.md").exists() else None
    if TARGET.exists():
        shutil.rmtree(TARGET)
    TARGET.mkdir(parents=True)
    if card is not None:  # the card is written by hand from the scores `evaluate` prints; keep it
        (TARGET / "MODEL_CARD.md").write_text(card, encoding="utf-8")
    install(model)
    meta = json.loads((TARGET / "meta.json").read_text())
    meta.update({"name": "de_chronik", "version": f"{MODEL_VERSION}.{date.today():%Y%m%d}",
                 "description": "chronik's German NER pipeline (see MODEL_CARD.md)", "license": "CC BY-SA 4.0",
                 "author": "chronik developers"})
    (TARGET / "meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n")
    write_sums()


def install(model: Path) -> None:
    """Copy the files chronik ships (KEEP) from a spaCy pipeline folder into the bundled model, replacing them."""
    for name in KEEP:
        dst, src = TARGET / name, model / name
        if dst.is_dir():
            shutil.rmtree(dst)
        if src.is_dir():
            shutil.copytree(src, dst)
        elif src.exists():
            shutil.copy2(src, dst)


def parser(seed: int = 0) -> Path:
    """The dependency parser (model 0.7.1): trained on UD German GSD dev + PUD (1,799 sentences; GSD test held
    out) for a fixed PARSER_STEPS steps, starting from a copy of the bundled model's encoder that it fine-tunes
    (training/configs/parser-on-encoder.cfg, parameter averaging as the NER), then grafted into the bundled model
    with that copy of the encoder as its own, disabled: the entities, tags and features stay exactly as they were,
    and `models.syntax = true` turns the parser on."""
    import spacy

    sys.path.insert(0, str(ROOT / "src"))
    import chronik.nlp.names  # the name lexicon and its feature callback
    import chronik.nlp.places

    names = TRAINING / "output" / "bundled-names.json"  # the lexicon the bundled encoder reads
    table = spacy.load(TARGET).vocab.lookups.get_table(chronik.nlp.names.TABLE)
    names.write_text(json.dumps(dict(table.items())))
    out = TRAINING / "output" / "parser"
    sh([sys.executable, "-m", "spacy", "train", "training/configs/parser-on-encoder.cfg", "--code",
        "training/spacy_code.py", "--paths.train", "training/corpus/ud-train.spacy", "--paths.dev",
        "training/corpus/ud-test.spacy", "--paths.vectors", str(TARGET), "--paths.names", str(names), "--output",
        str(out), "--training.max_steps", str(PARSER_STEPS), "--system.seed", str(seed),
        "--training.optimizer.use_averages", "true"], cwd=ROOT)
    return graft_parser(out / "model-last")


def graft_parser(trained_path: Path) -> Path:
    """Put a parser trained by `parser` into the bundled model, with its own copy of the encoder, disabled."""
    import spacy

    sys.path.insert(0, str(ROOT / "src"))
    import chronik.nlp.names
    import chronik.nlp.places  # noqa: F401  (the place ruler's factory)

    nlp = spacy.load(TARGET)
    if "parser" in nlp.component_names:
        nlp.remove_pipe("parser")
    trained = spacy.load(trained_path)
    trained.replace_listeners("tok2vec", "parser", ["model.tok2vec"])  # the parser keeps its own encoder
    nlp.add_pipe("parser", source=trained)
    nlp.disable_pipe("parser")
    nlp.meta["version"] = f"{MODEL_VERSION}.{date.today():%Y%m%d}"
    staging = TRAINING / "output" / "with-parser"
    shutil.rmtree(staging, ignore_errors=True)
    nlp.to_disk(staging)
    install(staging)
    meta = json.loads((TARGET / "meta.json").read_text())  # spaCy writes it in one line; keep it readable
    (TARGET / "meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n")
    write_sums()
    return TARGET


def write_sums() -> None:
    sys.path.insert(0, str(ROOT / "src"))
    from chronik.models import model_hashes

    sums = {k: v for k, v in model_hashes(TARGET).items() if k not in ("SHA256SUMS", "MODEL_CARD.md")}
    (TARGET / "SHA256SUMS").write_text("".join(f"{h}  {name}\n" for name, h in sums.items()))


def evaluate(model: Path, shared: Path) -> dict:
    env = dict(os.environ, CHRONIK_MODELS__PIPELINE=str(model))
    scores = {}
    for key, gold in (("germeval2014_dev", shared / "data/ner/germeval2014/NER-de-dev.tsv"),
                      ("uner_german_pud", shared / "data/ner/uner-german-pud/de_pud-ud-test.iob2")):
        out = TRAINING / "output" / f"{HELDOUT['name']}-{key}.json"
        sh([sys.executable, str(shared / "eval" / "chronik_eval.py"), "ner", str(gold), "--json", str(out),
            "--cmd", f"{sys.executable} -m chronik annotate --format jsonl --no-progress"], env=env)
        scores[key] = json.loads(out.read_text())
    (TRAINING / "output" / f"{HELDOUT['name']}-scores.json").write_text(json.dumps(scores, indent=2))
    return scores


def ud_test_scores(model: Path, component: str) -> dict:
    """spaCy's scores of the model's `component` (with its encoder) on UD German GSD test
    (training/corpus/ud-test.spacy), never trained on; run in a fresh process."""
    script = ("import sys, json, spacy, chronik.nlp.places; from spacy.tokens import DocBin; from spacy.training "
              "import Example; nlp = spacy.load(sys.argv[1]); gold = list(DocBin().from_disk(sys.argv[2]).get_docs("
              "nlp.vocab)); nlp.select_pipes(enable=['tok2vec', sys.argv[3]]); print(json.dumps(nlp.evaluate("
              "[Example(nlp.make_doc(d.text), d) for d in gold])))")
    out = subprocess.run([sys.executable, "-c", script, str(model), str(TRAINING / "corpus" / "ud-test.spacy"),
                          component], check=True, text=True, capture_output=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def morph_scores(model: Path) -> dict[str, float]:
    """UD features: all features of a token right (morph_acc), UPOS, and F per feature (Mood, Case, ...)."""
    s = ud_test_scores(model, "morphologizer")
    scores = {"morph_acc": s["morph_acc"], "pos_acc": s["pos_acc"]}
    scores.update({k: v["f"] for k, v in s["morph_per_feat"].items()})
    return {k: round(v, 4) for k, v in scores.items()}


def syntax_scores(model: Path) -> dict[str, float]:
    """UAS and LAS of the model's parser (enabled for the run) on UD German GSD test (never trained on), by
    spaCy's scorer: with the sentence boundaries the parser finds itself (as in the experiments before), and
    with the gold boundaries set first (`gold_sents_*`), as chronik sets its segmenter's before parsing."""
    script = ("import sys, json, spacy, chronik.nlp.names, chronik.nlp.places; from spacy.tokens import DocBin; "
              "from spacy.training import Example; nlp = spacy.load(sys.argv[1]); nlp.enable_pipe('parser'); "
              "gold = list(DocBin().from_disk(sys.argv[2]).get_docs(nlp.vocab)); "
              "nlp.select_pipes(enable=['parser']); "
              "s = nlp.evaluate([Example(nlp.make_doc(d.text), d) for d in gold]); "
              "out = {k: s[k] for k in ('dep_uas', 'dep_las', 'sents_f')}; preset = []\n"
              "for d in gold:\n"
              "    p = nlp.make_doc(d.text)\n"
              "    for a, b in zip(p, d): a.is_sent_start = b.is_sent_start\n"
              "    preset.append(Example(p, d))\n"
              "s = nlp.evaluate(preset); out.update(gold_sents_uas=s['dep_uas'], gold_sents_las=s['dep_las'])\n"
              "print(json.dumps(out))")
    out = subprocess.run([sys.executable, "-c", script, str(model), str(TRAINING / "corpus" / "ud-test.spacy")],
                         check=True, text=True, capture_output=True)
    return {k: round(v, 4) for k, v in json.loads(out.stdout.strip().splitlines()[-1]).items()}


def tag_accuracy(model: Path) -> float:
    """STTS tag accuracy."""
    return float(ud_test_scores(model, "tagger")["tag_acc"])


def lemma_accuracy(model: Path) -> dict[str, float]:
    """Lemma accuracy on UD German GSD test of what chronik writes in `Document.lemmas` without a model
    lemmatizer: simplemma alone, and simplemma with the STTS tags of `model` (the bundled one by default)."""
    sys.path.insert(0, str(ROOT / "src"))
    import spacy
    from spacy.tokens import Doc, DocBin

    import chronik.nlp.places  # noqa: F401  (the place ruler's factory)
    from chronik.nlp.lemmas import lemma, tagged_lemma

    nlp = spacy.load(model)
    gold = list(DocBin().from_disk(TRAINING / "corpus" / "ud-test.spacy").get_docs(nlp.vocab))
    n = plain = tagged = 0
    for ref in gold:
        pred = nlp(Doc(nlp.vocab, words=[t.text for t in ref]))
        for g, p in zip(ref, pred, strict=True):
            n += 1
            plain += lemma(g.text) == g.lemma_
            tagged += tagged_lemma(g.text, p.tag_) == g.lemma_
    return {"tokens": n, "simplemma": round(plain / n, 4), "simplemma+tags": round(tagged / n, 4)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("step", choices=["all", "convert", "train", "evaluate", "package", "parser", "syntax", "morph",
                                     "lemmas"])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    heldout = TRAINING / "output" / f"{HELDOUT['name']}-self" / "with-ruler"
    final = TRAINING / "output" / f"{FINAL['name']}-self" / "with-ruler"
    if args.step in ("all", "convert"):
        convert(args.shared)
    if args.step in ("all", "train"):
        heldout = train_twice(HELDOUT)
        final = train_twice(FINAL)
    if args.step in ("all", "evaluate"):
        print(json.dumps({k: v["micro"] for k, v in evaluate(heldout, args.shared).items()}, indent=2))
        for model in (heldout, final):
            print(f"STTS tag accuracy on UD German GSD test, {model.parent.name}: {tag_accuracy(model):.4f}")
    if args.step in ("all", "package"):
        package(final)
    if args.step in ("all", "parser"):
        parser()
    if args.step in ("all", "parser", "syntax"):
        print(f"Syntax on UD German GSD test, bundled model: {json.dumps(syntax_scores(TARGET))}")
    if args.step == "lemmas":
        print(json.dumps(lemma_accuracy(TARGET), indent=2))
    if args.step in ("all", "morph"):
        for model in (heldout, final):
            print(f"UD features on UD German GSD test, {model.parent.name}: {json.dumps(morph_scores(model))}")


if __name__ == "__main__":
    main()
