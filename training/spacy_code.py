"""Imported by `spacy train --code training/spacy_code.py`: registers chronik's place ruler factory, so that
configs can source components from the bundled model (training/configs/parser-on-encoder.cfg)."""

import chronik.nlp.places  # noqa: F401
