#!/usr/bin/env python3
"""Reproduce chronik's bundled German model from ../shared/data with one command.

    python training/build.py all            # convert, train, package, evaluate (about 20 minutes, 2 cores)
    python training/build.py convert        # ../shared/data -> training/corpus/*.spacy
    python training/build.py train          # spacy train -> training/output/<name>/model-best
    python training/build.py package        # copy into src/chronik/models/de_chronik with SHA256SUMS
    python training/build.py evaluate       # held-out scores into training/output/<name>/scores.json

The recipe (config, corpora, steps) is in RECIPE below; the model card is written from it and from
the measured scores. GermEval 2014 dev stays out of training: it is the held-out test.
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

RECIPE = {
    "name": "ner-aug",
    "config": "training/configs/ner-baseline.cfg",
    "train": "training/corpus/ner-train-aug.spacy",
    "dev": "training/corpus/ner-dev.spacy",
    "max_steps": 6000,
    "eval_frequency": 500,
    "seed": 0,
}
KEEP = ("config.cfg", "meta.json", "tokenizer", "vocab", "tok2vec", "ner")


def sh(cmd: list[str], **kw: object) -> subprocess.CompletedProcess[str]:
    print("$", " ".join(cmd), flush=True)
    return subprocess.run(cmd, check=True, text=True, **kw)  # type: ignore[call-overload]


def convert(shared: Path) -> None:
    sh([sys.executable, str(TRAINING / "convert.py"), "--shared", str(shared)], cwd=TRAINING)


def train() -> Path:
    out = TRAINING / "output" / RECIPE["name"]
    sh([sys.executable, "-m", "spacy", "train", RECIPE["config"], "--paths.train", RECIPE["train"],
        "--paths.dev", RECIPE["dev"], "--output", str(out), "--training.max_steps", str(RECIPE["max_steps"]),
        "--training.eval_frequency", str(RECIPE["eval_frequency"]), "--system.seed", str(RECIPE["seed"]),
        "--nlp.batch_size", "256"], cwd=ROOT)
    return out / "model-best"


def package(model: Path) -> None:
    if TARGET.exists():
        shutil.rmtree(TARGET)
    TARGET.mkdir(parents=True)
    for name in KEEP:
        src = model / name
        if src.is_dir():
            shutil.copytree(src, TARGET / name)
        elif src.exists():
            shutil.copy2(src, TARGET / name)
    meta = json.loads((TARGET / "meta.json").read_text())
    meta.update({"name": "de_chronik", "version": f"0.1.{date.today():%Y%m%d}",
                 "description": "chronik's German NER pipeline (see MODEL_CARD.md)", "license": "CC BY-SA 4.0",
                 "author": "chronik developers"})
    (TARGET / "meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n")
    write_sums()


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
        out = TRAINING / "output" / f"{RECIPE['name']}-{key}.json"
        sh([sys.executable, str(shared / "eval" / "chronik_eval.py"), "ner", str(gold), "--json", str(out),
            "--cmd", f"{sys.executable} -m chronik annotate --format jsonl --no-progress"], env=env)
        scores[key] = json.loads(out.read_text())
    (TRAINING / "output" / f"{RECIPE['name']}-scores.json").write_text(json.dumps(scores, indent=2))
    return scores


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("step", choices=["all", "convert", "train", "package", "evaluate"])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    model = TRAINING / "output" / RECIPE["name"] / "model-best"
    if args.step in ("all", "convert"):
        convert(args.shared)
    if args.step in ("all", "train"):
        model = train()
    if args.step in ("all", "package"):
        package(model)
    if args.step in ("all", "evaluate"):
        print(json.dumps({k: v["micro"] for k, v in evaluate(model, args.shared).items()}, indent=2))


if __name__ == "__main__":
    main()
