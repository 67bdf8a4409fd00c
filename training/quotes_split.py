"""Split SpkAtt-2023 task 2 (Wikinews) train into our tuning part and our held-out part.

    python training/quotes_split.py     # -> training/corpus/spkatt/{tune,heldout}/ (symlinks)

A document goes to the held-out part when its Wikinews id is divisible by 5 (about a fifth). The quote
rules were written while reading the tuning part only; the held-out part is scored, never read.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE.parent.parent / "shared" / "data" / "quotes" / "spkatt2023-task2-wikinews" / "data" / "train" / "task2"
OUT = HERE / "corpus" / "spkatt"


def main() -> int:
    if not SOURCE.is_dir():
        print(f"SpkAtt data not found at {SOURCE}", file=sys.stderr)
        return 1
    counts = {"tune": 0, "heldout": 0}
    for part in counts:
        (OUT / part).mkdir(parents=True, exist_ok=True)
        for old in (OUT / part).iterdir():
            old.unlink()
    for f in sorted(SOURCE.glob("*.json")):
        part = "heldout" if int(f.name.split(" - ")[0]) % 5 == 0 else "tune"
        (OUT / part / f.name).symlink_to(f)
        counts[part] += 1
    print(f"tune: {counts['tune']} documents, heldout: {counts['heldout']} documents -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
