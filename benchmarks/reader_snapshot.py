"""Snapshot of what the readers make of a wide set of inputs, to prove a speed change
left every Letter as it was (issue 16, "output unchanged": the golden hashes see only
what reaches the outputs; this sees every field, warnings included).

    python benchmarks/reader_snapshot.py write /tmp/before.snap     # on the old code
    python benchmarks/reader_snapshot.py write /tmp/after.snap      # on the new code
    python benchmarks/reader_snapshot.py compare /tmp/before.snap /tmp/after.snap

The inputs (written once under ``benchmarks/results/snapshot-inputs/``, the same bytes
for every run): the seed letters, 1,000 seed-size and 1,000 generated letters, the
realdocs (``KAMERXREF_REALDOCS``, default ``/work/shared/realdocs``), the hostile corpus
(``tests/hostile_corpus.py``), the verslag fixtures in text and XML form, the reply
fixtures, a seed letter with HTML entities that make control characters (also under a
file name holding one), and 1,500 mutations of seed, generated and realdocs text (lines dropped,
doubled, swapped, joined; marker forms changed; blank lines added and removed), so
that the rarer branches of the readers run too. Each file is read and processed as
``kamerxref.graph.pipeline.load_letters`` does (per folder, replies paired), and every
letter is recorded as ``repr(dataclasses.asdict(letter))``, with the issues of the run.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
INPUTS = HERE / "results" / "snapshot-inputs"
RECIPE = "4"  # bump when the inputs below change


def _mutate(text: str, rng: random.Random) -> str:
    """One to four random line-level edits of a letter's text."""
    lines = text.split("\n")
    for _ in range(rng.randint(1, 4)):
        if len(lines) < 3:
            break
        i = rng.randrange(len(lines))
        op = rng.randrange(12)
        if op == 0:
            del lines[i]
        elif op == 1:
            lines.insert(i, lines[i])
        elif op == 2 and i + 1 < len(lines):
            lines[i], lines[i + 1] = lines[i + 1], lines[i]
        elif op == 3 and i + 1 < len(lines):
            lines[i:i + 2] = [lines[i] + " " + lines[i + 1]]
        elif op == 4:
            lines.insert(i, "")
        elif op == 5:
            lines = [ln for k, ln in enumerate(lines) if ln.strip() or k % rng.randint(2, 5)]
        elif op == 6:
            lines = [re.sub(r"<sup>(\d+)</sup>", r"[^\1]", ln) for ln in lines]
        elif op == 7:
            sup = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
            lines = [re.sub(r"<sup>(\d+)</sup>", lambda m: m.group(1).translate(sup), ln)
                     for ln in lines]
        elif op == 8:
            lines = [re.sub(r"<sup>(\d+)</sup>", r"\1", ln) for ln in lines]
        elif op == 9:
            lines[i] = lines[i][:1].lower() + lines[i][1:]
        elif op == 10 and lines[i].strip():
            cut = rng.randrange(len(lines[i]))
            lines[i:i + 1] = [lines[i][:cut], lines[i][cut:]]
        elif op == 11:
            lines = [ln.lstrip("#").lstrip() if ln.startswith("#") else ln for ln in lines]
    return "\n".join(lines)


def _write(folder: Path, name: str, data: bytes) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)


def ensure_inputs(realdocs: Path) -> list[Path]:
    """The input folders, written on first use."""
    sys.path.insert(0, str(HERE))
    sys.path.insert(0, str(ROOT / "tests"))
    from corpora import ensure

    seed1000, gen1000 = ensure("seed", 1000), ensure("gen", 1000)
    stamp = INPUTS / "recipe.json"
    folders = [ROOT / "data", seed1000, gen1000]
    if realdocs.is_dir():
        folders.append(realdocs)
    extra = [INPUTS / n for n in ("hostile", "verslag", "replies", "mutations", "entities")]
    if stamp.exists() and json.loads(stamp.read_text()) == {"recipe": RECIPE}:
        return folders + [f for f in extra if f.is_dir()]
    import shutil

    shutil.rmtree(INPUTS, ignore_errors=True)
    import hostile_corpus
    import verslag_fixtures

    hostile_corpus.write_corpus(INPUTS / "hostile")
    for name, stuk in verslag_fixtures.ALL.items():
        _write(INPUTS / "verslag", f"{name}.txt", verslag_fixtures.to_text(stuk).encode())
        _write(INPUTS / "verslag", f"{name}-sup.txt", verslag_fixtures.to_text(stuk, True).encode())
        _write(INPUTS / "verslag", f"{name}.xml", verslag_fixtures.to_xml(stuk).encode())
    seed = (ROOT / "data" / "000_b50105430c9bb7d0.txt").read_text("utf-8")
    entities = (seed.replace("Clingendael", "Clingendael&#129;", 3).replace("betreft ", "betreft &#x9d;", 1)
                .replace("<sup>2</sup>", "<sup>2</sup>&#57344;&#144;&#57345;", 1)
                .replace("Geachte", "&<b>#129;Geachte", 1))
    for name in ("entities.txt", "entities-\x1bname.txt"):
        _write(INPUTS / "entities", name, entities.encode("utf-8"))
    _write(INPUTS / "entities", "seed-\x1bname.txt", seed.encode("utf-8"))
    for p in sorted((ROOT / "tests" / "fixtures" / "replies").glob("*")):
        _write(INPUTS / "replies", p.name, p.read_bytes())
    sources = [p.read_text("utf-8") for p in sorted((ROOT / "data").glob("*.txt"))]
    sources += [p.read_text("utf-8") for p in sorted(gen1000.glob("*.txt"))[:40]]
    if realdocs.is_dir():
        sources += [p.read_text("utf-8") for p in sorted(realdocs.glob("*.txt"))]
    sources += [p.read_text("utf-8") for p in sorted((INPUTS / "verslag").glob("*.txt"))]
    sources += [p.read_text("utf-8") for p in sorted((INPUTS / "replies").glob("*.txt"))]
    rng = random.Random(16)
    for i in range(1500):
        text = _mutate(sources[i % len(sources)], rng)
        _write(INPUTS / "mutations", f"m{i:04d}.txt", text.encode("utf-8"))
    stamp.write_text(json.dumps({"recipe": RECIPE}))
    return folders + [f for f in extra if f.is_dir()]


def snapshot(folders: list[Path]) -> dict[str, str]:
    """``{"folder/file#k": repr of letter k of that file}`` and ``{"folder#issues": ...}``."""
    from kamerxref.graph.pipeline import load_letters

    out: dict[str, str] = {}
    for folder in folders:
        letters, issues = load_letters([folder], jobs=1)
        for letter in letters:
            key = f"{folder.name}/{Path(letter.source).name}#{letter.uid}"
            while key in out:
                key += "+"
            out[key] = repr(dataclasses.asdict(letter))
        out[f"{folder.name}#issues"] = repr([dataclasses.asdict(i) for i in issues])
    return out


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "write":
        realdocs = Path(os.environ.get("KAMERXREF_REALDOCS", "/work/shared/realdocs"))
        snap = snapshot(ensure_inputs(realdocs))
        Path(argv[1]).write_text(json.dumps(snap, sort_keys=True))
        digest = hashlib.sha256(json.dumps(snap, sort_keys=True).encode()).hexdigest()[:16]
        print(f"{len(snap)} records, digest {digest} -> {argv[1]}")
        return 0
    if len(argv) == 3 and argv[0] == "compare":
        a, b = (json.loads(Path(p).read_text()) for p in argv[1:])
        bad = sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))
        for k in bad[:20]:
            x, y = a.get(k, ""), b.get(k, "")
            i = next((j for j in range(min(len(x), len(y))) if x[j] != y[j]), min(len(x), len(y)))
            print(f"DIFF {k}\n  before: ...{x[max(0, i - 150):i + 150]}\n  after:  ...{y[max(0, i - 150):i + 150]}")
        print(f"{len(a)} / {len(b)} records, {len(bad)} differ")
        return 1 if bad else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
