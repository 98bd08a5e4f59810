"""The two corpora every speed benchmark runs on, cached under ``benchmarks/results/``.

- ``seed``: the two seed letters of ``data/`` copied under new kenmerken (letter ``i``
  is seed ``i % 2`` with ``ons kenmerk`` 400000 + i), 12 KB a letter on average (16 KB and
  8 KB), the size of real letters: 1,000 letters = 12 MB. Every letter cites the same
  sources, so the graph has few shared nodes and many ``shares`` hubs.
- ``replies``: the seed corpus with replies: letter ``i`` is seed 181524 (``i % 3 == 0``),
  seed 180760 (``i % 3 == 1``) or the minister's reply to the 180760 copy just before it
  (``tests/fixtures/replies/reply_180760.txt``, ``uw kenmerk`` the copy's, its own ``ons
  kenmerk`` 7000000 + i): a third of the letters are replies, each paired answer by answer,
  as in a corpus of verslagen (``pair_replies`` and the statuses work on every pair).
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


REPLY = HERE.parent / "tests" / "fixtures" / "replies" / "reply_180760.txt"


def reply_letters(n: int) -> list[tuple[str, bytes]]:
    """``[("000001.txt", text), ...]``: 181524, 180760 and a reply to that 180760 copy,
    in turn, each under a kenmerk of its own."""
    s181524, s180760 = (p.read_text(encoding="utf-8") for p in SEEDS)
    reply = REPLY.read_text(encoding="utf-8")
    own = re.search(r"ons kenmerk (\d+)", reply).group(1)
    out = []
    for i in range(n):
        k = FIRST_KENMERK + i
        if i % 3 == 0:
            text = re.sub(r"\b181524\b", str(k), s181524)
        elif i % 3 == 1:
            text = re.sub(r"\b180760\b", str(k), s180760)
        else:
            text = re.sub(rf"\b{own}\b", str(7000000 + i), re.sub(r"\b180760\b", str(k - 1), reply))
        out.append((f"{i + 1:06d}.txt", text.encode("utf-8")))
    return out


def ensure_seed(n: int, root: Path = RESULTS, replies: bool = False) -> Path:
    """``root/seedsize-n{n}/letters/`` (``replies``: ``root/replies-n{n}/``), written if
    missing or stale."""
    out = root / f"{'replies' if replies else 'seedsize'}-n{n}"
    sources = [*SEEDS, REPLY] if replies else SEEDS
    recipe = hashlib.sha256(b"".join(p.read_bytes() for p in sources)).hexdigest()[:16]
    want = {"size": n, "seeds": recipe}
    letters = out / "letters"
    if not _stamp_ok(out, want):
        letters.mkdir(parents=True, exist_ok=True)
        for old in letters.glob("*.txt"):
            old.unlink()
        for name, data in (reply_letters if replies else seed_letters)(n):
            (letters / name).write_bytes(data)
        (out / "corpus.json").write_text(json.dumps(want))
    return letters


def ensure_gen(n: int, seed: int = 0, root: Path = RESULTS) -> Path:
    """The generator's corpus (shared with run.py's cache): its ``letters/`` folder."""
    sys.path.insert(0, str(HERE))
    from run import ensure_corpus

    return ensure_corpus(n, seed, root) / "letters"


#: The corpus kinds of every benchmark's ``--corpus``.
KINDS = ("seed", "replies", "gen")


def ensure(kind: str, n: int, root: Path = RESULTS) -> Path:
    if kind == "gen":
        return ensure_gen(n, root=root)
    return ensure_seed(n, root, replies=kind == "replies")


if __name__ == "__main__":
    print(ensure(sys.argv[1], int(sys.argv[2])))
