"""Imported by `spacy train --code training/spacy_code.py`: registers chronik's place ruler factory, so that
configs can source components from the bundled model (training/configs/parser-on-encoder.cfg), and the name
lexicon's callbacks (chronik.nlp.names; training/configs/ner-tagger-morph-names.cfg)."""

import chronik.nlp.names
import chronik.nlp.places  # noqa: F401
