#!/usr/bin/env python3
"""Sentence-boundary accuracy of chronik's segmenter against gold sentences in ../shared/data.

    python bench/sentences.py [--shared ../shared]

Gold: UD German GSD test (sentences grouped ten at a time, joined by a space), UD German PUD test
(its documents), SpkAtt-2023 Wikinews train (news articles, detokenised by the evaluation tool).
A boundary is the start of every sentence but a document's first; precision, recall and F1 over
boundaries. spaCy's rule sentencizer is shown for comparison. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import importlib.util
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
Doc = tuple[str, set[int]]  # text, gold boundary offsets


def conllu_sentences(path: Path) -> list[tuple[str | None, str]]:
    out, doc = [], None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newdoc"):
            doc = line
        elif line.startswith("# text = "):
            out.append((doc, line[len("# text = "):]))
    return out


def join(sents: list[str]) -> Doc:
    text, cuts = "", set()
    for s in sents:
        if text:
            text += " "
            cuts.add(len(text))
        text += s
    return text, cuts


def ud_docs(path: Path, group: int = 0) -> list[Doc]:
    sents = conllu_sentences(path)
    if group:
        return [join([s for _, s in sents[i:i + group]]) for i in range(0, len(sents), group)]
    docs: dict[str | None, list[str]] = {}
    for d, s in sents:
        docs.setdefault(d, []).append(s)
    return [join(v) for v in docs.values()]


def wikinews_docs(shared: Path) -> list[Doc]:
    spec = importlib.util.spec_from_file_location("chronik_eval", shared / "eval" / "chronik_eval.py")
    assert spec and spec.loader
    ev = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ev)
    docs = ev.spkatt_docs(shared / "data" / "quotes" / "spkatt2023-task2-wikinews" / "data" / "train")
    return [(d["text"], {offs[0][0] for offs in d["_offs"][1:] if offs}) for d in docs]


def score(docs: list[Doc], split: Callable[[str], list[tuple[int, int]]]) -> tuple[float, float, float, float]:
    tp = n_pred = n_gold = 0
    t0 = time.perf_counter()
    for text, gold in docs:
        pred = {s for s, _ in split(text)[1:]}
        tp += len(pred & gold)
        n_pred += len(pred)
        n_gold += len(gold)
    secs = time.perf_counter() - t0
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0, secs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    import spacy

    from chronik.nlp.segment import split_sentences

    sentencizer = spacy.blank("de")
    sentencizer.add_pipe("sentencizer")

    def spacy_split(text: str) -> list[tuple[int, int]]:
        return [(s.start_char, s.end_char) for s in sentencizer(text).sents]

    ud = args.shared / "data" / "ud"
    sets = [("UD German GSD test (10-sentence groups)", ud_docs(ud / "gsd" / "de_gsd-ud-test.conllu", 10)),
            ("UD German PUD test (documents)", ud_docs(ud / "pud" / "de_pud-ud-test.conllu")),
            ("SpkAtt-2023 Wikinews train (articles)", wikinews_docs(args.shared))]
    print("| gold | boundaries | system | P | R | F1 |")
    print("|---|---:|---|---:|---:|---:|")
    for name, docs in sets:
        n = sum(len(g) for _, g in docs)
        for sys_name, fn in (("chronik", split_sentences), ("spaCy sentencizer", spacy_split)):
            p, r, f, _ = score(docs, fn)
            print(f"| {name} | {n:,} | {sys_name} | {p:.3f} | {r:.3f} | {f:.3f} |")


if __name__ == "__main__":
    main()
