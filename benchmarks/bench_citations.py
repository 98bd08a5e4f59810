"""Citation throughput (MB/s) on a large generated footnote corpus, and the ratio against
nllegalcit on the same footnotes; recall of both on the seed footnotes.

Run: ``python benchmarks/bench_citations.py [--mb 5] [--peer-footnotes 300] [--seed 4]``.

``--cite-lines FILE`` measures ``kamerxref cite -`` as a user runs it instead, on a file
of footnote lines (``benchmarks/results/cite-lines.txt``: the 2.6 MB of distinct lines
``bench_stages.py`` makes from the generated corpus, ``*Kamerstukken I 2025/26*, 36 871, O,
bijlage, p. 40.``, ``Idem, p. 18.``, ...): the whole process per ``--format`` and
``--jobs`` (wall, CPU of the process and its workers, MB/s), the engine alone in this
process (find + resolve, then find only), and the start-up alone (``cite -`` on empty
stdin), best of ``--runs``::

    python benchmarks/bench_citations.py --cite-lines benchmarks/results/cite-lines.txt
nllegalcit is optional (``pip install nllegalcit``, the ``bench`` extra); without it the
ratio is skipped and the script says so.

The corpus is generated here, seeded, from the footnote forms of the seeds and of
../shared/realdocs: short EK footnotes (``Kamerstukken I 2025/26, 36 871, O, bijlage,
p. 40.``), ``Idem`` short forms, TK citations with ``nr.``, Aanhangsel, Staatsblad, EU
documents, longer footnotes that cite inside prose, and footnotes that cite nothing
(news sources). Throughput counts UTF-8 bytes of footnote text through
:func:`resolve_footnotes` (find + resolve), one core, best of three runs.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import random
import re
import sys
import time
from pathlib import Path

from kamerxref.graph.citations import resolve_footnotes

ROOT = Path(__file__).resolve().parent.parent
SEEDS = [ROOT / "data" / "000_b50105430c9bb7d0.txt", ROOT / "data" / "002_7ac5984d77b17826.txt"]


def generate(rng: random.Random, target_bytes: int) -> list[tuple[str, str]]:
    """Footnotes ``(number, text)`` until ``target_bytes`` of text."""
    def dossier() -> str:
        d = rng.randint(21000, 36999)
        return f"{d // 1000} {d % 1000:03d}" if rng.random() < 0.6 else str(d)

    def year() -> str:
        y = rng.randint(1995, 2025)
        return f"{y}/{(y + 1) % 100:02d}" if rng.random() < 0.7 else f"{y}-{y + 1}"

    def letter() -> str:
        return rng.choice(["O", "PY", "J", "E", "D", "NH", "B", "AA", "C"])

    def page() -> str:
        p = rng.randint(1, 120)
        return rng.choice([f"p. {p}", f"p. {p}-{p + 1}", f"blz. {p}", f"p. {p} e.v.", f"pag. {p}"])

    forms = [
        lambda: f"Kamerstukken I {year()}, {dossier()}, {letter()}.",
        lambda: f"*Kamerstukken I {year()}*, {dossier()}, {letter()}, bijlage, {page()}.",
        lambda: f"Kamerstukken I {year()}, {dossier()}, {letter()}, {page()}.",
        lambda: f"Kamerstukken II {year()}, {dossier()}, nr. {rng.randint(1, 1500)}.",
        lambda: f"Kamerstukken II {year()}, 21 501-{rng.randint(2, 34):02d}, nr. {rng.randint(1, 3000)}, {page()}.",
        lambda: "Idem, " + page() + ".",
        lambda: "*Idem.*",
        lambda: f"Aanhangsel Handelingen II {year()}, nr. {rng.randint(1, 3500)}.",
        lambda: f"Handelingen I {year()}, nr. {rng.randint(1, 40)}, item {rng.randint(1, 12)}.",
        lambda: f"Stb. {rng.randint(1950, 2025)}, {rng.randint(1, 600)}.",
        lambda: f"COM({rng.randint(2015, 2026)}) {rng.randint(1, 900)} final.",
        lambda: f"E-dossier E{rng.randint(15, 26)}{rng.randint(1, 9999):04d}.",
        lambda: (f"Zie ook de brief van de minister van Justitie en Veiligheid van {rng.randint(1, 28)} "
                 f"januari 2024 over de voortgang van de aanpak (Kamerstuk {dossier()}, nr. "
                 f"{rng.randint(1, 1500)})."),
        lambda: (f"NOS, {rng.randint(1, 28)} mei 2024, 'Agent schiet op politiehond tijdens arrestatie "
                 f"van verwarde man', https://nos.nl/artikel/{rng.randint(2_000_000, 2_600_000)}"),
        lambda: "Kamerstukken I 2025/26, 36 871, O, p. 5 en Kamerstukken I 2025/26, 36 871, O, bijlage, p. 42.",
    ]
    weights = [8, 8, 10, 10, 4, 8, 6, 4, 3, 4, 3, 2, 6, 3, 2]
    out: list[tuple[str, str]] = []
    size = 0
    while size < target_bytes:
        text = rng.choices(forms, weights)[0]()
        out.append((str(len(out) + 1), text))
        size += len(text.encode("utf-8")) + 1
    return out


def seed_footnotes() -> list[tuple[str, str]]:
    out = []
    for path in SEEDS:
        out += re.findall(r"^<sup>(\d+)</sup>\s*(.+?)\s*$", path.read_text(encoding="utf-8"), flags=re.M)
    return out


# the explicit (non-Idem) documents of the seed footnotes, by footnote, from tests/test_citations.py
def seed_gold() -> list[set[str]]:
    gold = []
    for number, text in seed_footnotes():
        if text.strip("* ").startswith("Idem"):
            gold.append(set())
        elif "E260010" in text:
            gold.append({"edossier-E260010"})
        elif "32 317" in text:
            gold.append({"kst-32317-PY"})
        else:
            gold.append({"kst-36871-O"})
    return gold


def ours_recall() -> tuple[int, int, int, int]:
    """(explicit found, explicit total, with-page found, with-page total) on the seeds."""
    fns = seed_footnotes()
    results = resolve_footnotes(fns)
    gold = seed_gold()
    found = sum(bool(g) and g <= {c.document for c in cits} for g, (cits, _) in zip(gold, results))
    paged = sum(1 for _, t in fns if "p. " in t)
    paged_found = sum(1 for (_, t), (cits, _) in zip(fns, results) if "p. " in t and all(c.pages for c in cits)
                      and cits)
    return found, sum(bool(g) for g in gold), paged_found, paged


def peer_recall(nllegalcit) -> tuple[int, int, int, int]:
    fns = seed_footnotes()
    gold = seed_gold()
    found = 0
    paged_found = 0
    for (n, text), g in zip(fns, gold):
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                cits = nllegalcit.parse_citations(text)
        except Exception:  # the peer raises on some inputs; count as not found
            cits = []
        docs = set()
        for c in cits:
            d = getattr(c, "dossiernummer", None)
            o = getattr(c, "ondernummer", None)
            if d and o:
                docs.add(f"kst-{str(d).replace(' ', '')}-{o}")
        if g and g <= docs:
            found += 1
        if "p. " in text and cits and all(getattr(c, "paginaverwijzing", None) for c in cits):
            paged_found += 1
    paged = sum(1 for _, t in fns if "p. " in t)
    return found, sum(bool(g) for g in gold), paged_found, paged


def throughput(footnotes: list[tuple[str, str]], fn, runs: int = 3) -> float:
    size = sum(len(t.encode("utf-8")) + 1 for _, t in footnotes)
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        fn(footnotes)
        best = min(best, time.perf_counter() - t0)
    return size / best / 1e6


#: The environment of the measured ``kamerxref`` runs: bytecode cached (in a folder of its
#: own), as an installed package runs (pip compiles it); ``PYTHONDONTWRITEBYTECODE``,
#: which some sandboxes set, would have every run compile the sources (0.03 s).
#: ``--compile-each-run`` measures that instead.
_CLI_ENV: dict[str, str] | None = None


def _cli_env(compile_each_run: bool) -> dict[str, str]:
    import os
    import tempfile

    env = dict(os.environ)
    if not compile_each_run:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = os.path.join(tempfile.gettempdir(), "kamerxref-bench-pycache")
    return env


def _run_cli(args: list[str], stdin_path: str | None) -> tuple[float, float]:
    """Wall and CPU seconds (the process and its workers) of one ``kamerxref`` run."""
    import resource
    import subprocess

    def children() -> float:
        r = resource.getrusage(resource.RUSAGE_CHILDREN)
        return r.ru_utime + r.ru_stime

    cpu0, t0 = children(), time.perf_counter()
    with open(stdin_path or "/dev/null", "rb") as stdin:
        subprocess.run([sys.executable, "-c", "from kamerxref.cli import run; run()", *args],  # the console script
                       stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True,
                       env=_CLI_ENV)
    return time.perf_counter() - t0, children() - cpu0


def cite_lines_report(path: Path, runs: int = 3, compile_each_run: bool = False) -> None:
    """The ``--cite-lines`` measurements (see the module docstring), printed as a table."""
    import gc
    import resource

    from kamerxref.graph.citations.find import find_citations_many

    global _CLI_ENV
    _CLI_ENV = _cli_env(compile_each_run)
    _run_cli(["cite", "-"], None)  # bytecode written, if it is cached
    size = path.stat().st_size
    mb = size / 1e6
    lines = path.read_text(encoding="utf-8").splitlines()
    print(f"{path}: {len(lines)} lines, {mb:.2f} MB; best of {runs}; MB = 10^6 bytes; "
          + ("the sources compiled in every run" if compile_each_run else "bytecode cached"))
    print(f"{'what':40} {'wall s':>7} {'CPU s':>7} {'MB/s':>6}")
    wall, cpu = min(_run_cli(["cite", "-"], None) for _ in range(runs))
    print(f"{'start-up (cite - < /dev/null)':40} {wall:7.2f} {cpu:7.2f}")
    for fmt in ("json", "table"):
        for jobs in (1, 2):
            wall, cpu = min(_run_cli(["cite", "-", "--format", fmt, "--jobs", str(jobs)], str(path))
                            for _ in range(runs))
            print(f"{f'cite - --format {fmt} --jobs {jobs}':40} {wall:7.2f} {cpu:7.2f} {mb / wall:6.2f}")

    def cpu_now() -> float:
        r = resource.getrusage(resource.RUSAGE_SELF)
        return r.ru_utime + r.ru_stime

    from kamerxref.graph.gcpause import gc_paused

    numbered = [(str(i + 1), t) for i, t in enumerate(lines)]
    for name, fn in (("engine: find + resolve (one process)", lambda: resolve_footnotes(numbered, "<stdin>")),
                     ("engine: find only", lambda: find_citations_many(lines))):
        best = (float("inf"), float("inf"))
        for _ in range(runs):
            gc.collect()
            with gc_paused():  # as cite and resolve_footnotes run it
                c0, t0 = cpu_now(), time.perf_counter()
                fn()
                best = min(best, (time.perf_counter() - t0, cpu_now() - c0))
        print(f"{name:40} {best[0]:7.2f} {best[1]:7.2f} {mb / best[0]:6.2f}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cite-lines", type=Path, metavar="FILE",
                    help="measure kamerxref cite - on these footnote lines instead (see above)")
    ap.add_argument("--runs", type=int, default=3, help="--cite-lines: best of this many runs")
    ap.add_argument("--compile-each-run", action="store_true",
                    help="--cite-lines: no bytecode cache (as with PYTHONDONTWRITEBYTECODE=1)")
    ap.add_argument("--mb", type=float, default=5.0, help="corpus size in MB (default 5)")
    ap.add_argument("--peer-footnotes", type=int, default=300,
                    help="footnotes given to nllegalcit (it is slow; default 300)")
    ap.add_argument("--seed", type=int, default=4)
    args = ap.parse_args(argv)
    if args.cite_lines:
        cite_lines_report(args.cite_lines, args.runs, args.compile_each_run)
        return 0

    rng = random.Random(args.seed)
    corpus = generate(rng, int(args.mb * 1e6))
    size = sum(len(t.encode("utf-8")) + 1 for _, t in corpus)
    results = resolve_footnotes(corpus)
    ncit = sum(len(c) for c, _ in results)
    print(f"corpus: {len(corpus)} footnotes, {size / 1e6:.2f} MB, {ncit} citations (seed {args.seed})")
    ours = throughput(corpus, resolve_footnotes)
    print(f"kamerxref: {ours:.2f} MB/s (find + resolve, one core, best of 3)")
    f, tot, pf, pt = ours_recall()
    print(f"kamerxref seed recall: {f}/{tot} explicit footnotes, pages kept in {pf}/{pt}")

    try:
        import nllegalcit  # noqa: PLC0415
    except ImportError:
        print("nllegalcit is not importable (pip install nllegalcit): ratio skipped")
        return 0
    sample = corpus[: args.peer_footnotes]

    def peer(fns):
        with contextlib.redirect_stdout(io.StringIO()):  # it prints parse trees
            for _, text in fns:
                try:
                    nllegalcit.parse_citations(text)
                except Exception:
                    pass

    theirs = throughput(sample, peer, runs=1)
    ours_same = throughput(sample, resolve_footnotes)
    print(f"nllegalcit: {theirs:.4f} MB/s on the first {len(sample)} footnotes "
          f"(kamerxref on the same: {ours_same:.2f} MB/s)")
    print(f"ratio: {ours_same / theirs:.0f}x")
    f, tot, pf, pt = peer_recall(nllegalcit)
    print(f"nllegalcit seed recall: {f}/{tot} explicit footnotes, pages kept in {pf}/{pt}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
