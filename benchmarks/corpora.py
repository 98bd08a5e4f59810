"""The two corpora every speed benchmark runs on, cached under ``benchmarks/results/``.

- ``seed``: the two seed letters of ``data/`` copied under new kenmerken (letter ``i``
  is seed ``i % 2`` with ``ons kenmerk`` 400000 + i), 12 KB a letter on average (16 KB and
  8 KB), the size of real letters: 1,000 letters = 12 MB. Every letter cites the same
  sources, so the graph has few shared nodes and many ``shares`` hubs.
- ``gen``: the generator's corpus (:mod:`kamerxref.graph.generate`, seed 0), 5 KB a letter,
  varied citations and structure.

    python benchmarks/corpora.py seed 1000      # prints the folder of letters

Both are byte-identical for the same size; a cached corpus is rewritten when its recipe
(the seeds or the generator's source) changes.
"""
from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
SEEDS = sorted((HERE.parent / "data").glob("*.txt"))
FIRST_KENMERK = 400000


def _stamp_ok(out: Path, want: dict) -> bool:
    try:
        return json.loads((out / "corpus.json").read_text()) == want
    except (OSError, ValueError):
        return False


def seed_letters(n: int) -> list[tuple[str, bytes]]:
    """``[("000001.txt", text), ...]``: seed ``i % 2`` with its kenmerk replaced."""
    seeds = []
    for path in SEEDS:
        text = path.read_text(encoding="utf-8")
        kenmerk = re.search(r"ons kenmerk (\d+)", text).group(1)
        seeds.append((kenmerk, text))
    out = []
    for i in range(n):
        kenmerk, text = seeds[i % len(seeds)]
        out.append((f"{i + 1:06d}.txt",
                    re.sub(rf"\b{kenmerk}\b", str(FIRST_KENMERK + i), text).encode("utf-8")))
    return out


def ensure_seed(n: int, root: Path = RESULTS) -> Path:
    """``root/seedsize-n{n}/letters/``, written if missing or stale."""
    out = root / f"seedsize-n{n}"
    recipe = hashlib.sha256(b"".join(p.read_bytes() for p in SEEDS)).hexdigest()[:16]
    want = {"size": n, "seeds": recipe}
    letters = out / "letters"
    if not _stamp_ok(out, want):
        letters.mkdir(parents=True, exist_ok=True)
        for old in letters.glob("*.txt"):
            old.unlink()
        for name, data in seed_letters(n):
            (letters / name).write_bytes(data)
        (out / "corpus.json").write_text(json.dumps(want))
    return letters


def ensure_gen(n: int, seed: int = 0, root: Path = RESULTS) -> Path:
    """The generator's corpus (shared with run.py's cache): its ``letters/`` folder."""
    sys.path.insert(0, str(HERE))
    from run import ensure_corpus

    return ensure_corpus(n, seed, root) / "letters"


def ensure(kind: str, n: int, root: Path = RESULTS) -> Path:
    return ensure_seed(n, root) if kind == "seed" else ensure_gen(n, root=root)


if __name__ == "__main__":
    print(ensure(sys.argv[1], int(sys.argv[2])))
