#!/usr/bin/env python3
"""The first names whose gender is plain, for resolving "er"/"sie" and "die Sprecherin" to a person.

    python training/name_gender.py      # -> src/chronik/resources/first_names_gender.tsv

Faker's person providers (MIT) list male and female first names per locale: every locale written in Latin
letters, and the Russian, Ukrainian and Bulgarian ones in German transliteration ("Дмитрий" → "Dmitri"). A
name listed as male in one locale and female in another ("Andrea", "Kim", "Sascha") gets no gender. One name
and its letter per line, "m" or "f"; names the actor knowledge base's politicians use are not special-cased.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

from gazetteer import latin_script
from name_lexicon import _usable, german_transliteration

OUT = Path(__file__).resolve().parent.parent / "src" / "chronik" / "resources" / "first_names_gender.tsv"


def gendered_first_names() -> dict[str, str]:
    import faker.providers.person as person

    seen: dict[str, set[str]] = {}
    for module in pkgutil.iter_modules(person.__path__):
        try:
            provider = importlib.import_module(f"{person.__name__}.{module.name}").Provider
        except (ImportError, AttributeError):
            continue
        for attr, gender in (("first_names_male", "m"), ("first_names_female", "f")):
            names = provider.__dict__.get(attr)
            if not isinstance(names, (list, tuple, dict)):
                continue
            for n in names:
                for w in str(n).split():
                    w = german_transliteration(w) or w
                    if _usable(w) and latin_script(w):
                        seen.setdefault(w, set()).add(gender)
    return {name: next(iter(g)) for name, g in seen.items() if len(g) == 1}


def main() -> int:
    names = gendered_first_names()
    OUT.write_text("".join(f"{n}\t{g}\n" for n, g in sorted(names.items())), encoding="utf-8")
    male = sum(1 for g in names.values() if g == "m")
    print(f"{len(names)} first names ({male} male, {len(names) - male} female) -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
