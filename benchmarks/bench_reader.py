"""Read + process CPU per letter, per stage, with the functions that cost it (issue 16,
"the text reader: one pass per letter ... profile it and say which costs went").

    python benchmarks/bench_reader.py                        # seed and gen, 200 and 1,000
    python benchmarks/bench_reader.py --corpus seed --sizes 200 --top 30

Per corpus (:mod:`corpora`: ``seed`` = the seed letters under new kenmerken, 14 KB and
8 KB; ``gen`` = the generator's, 5 KB) and size, in this process, one job:

- ``read``: :func:`kamerxref.graph.readers.read_file_all` of every file (decoding,
  format detection, the text reader, the control-character scrub);
- ``cite``: ``resolve_letter`` (the citation engine: the ``cite`` helper's part);
- ``mark_reply`` and ``attribute``: pairing's per-letter step and attribution;
- ``load_letters``: the whole ``pipeline.load_letters([folder], jobs=1)`` (all of the
  above plus pairing the replies across the corpus), the number issue 16's budget is on.

Each is CPU time (``time.process_time``), the best of ``--repeat`` runs, in ms per
letter. Then one run under ``cProfile`` of ``load_letters``: the ``--top`` functions
of kamerxref by own time (tottime) and by time including callees (cumtime). cProfile
adds a per-call cost, so small functions called often look dearer than they are:
compare its rows with each other, and the stage times above with each other.

Runs on any checkout that has these functions (the numbers before a change come from
running this file with that checkout's Python: ``/work/wt/before/.venv/bin/python
benchmarks/bench_reader.py``).
"""
from __future__ import annotations

import argparse
import cProfile
import gc
import io
import pstats
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import corpora  # noqa: E402


def _cpu(fn) -> float:
    gc.collect()
    t0 = time.process_time()
    fn()
    return time.process_time() - t0


def stages(folder: Path, repeat: int) -> dict[str, float]:
    """CPU seconds of each stage over the corpus (best of ``repeat``)."""
    from kamerxref.graph.attribution import attribute
    from kamerxref.graph.citations import resolve_letter
    from kamerxref.graph.pairing import mark_reply
    from kamerxref.graph.pipeline import load_letters
    from kamerxref.graph.readers import input_files, read_file_all

    files, _ = input_files([folder])
    best: dict[str, float] = {}

    def keep(name: str, t: float) -> None:
        best[name] = min(best.get(name, t), t)

    for _ in range(repeat):
        letters: list = []
        keep("read", _cpu(lambda: [letters.extend(read_file_all(f)) for f in files]))
        keep("cite", _cpu(lambda: [resolve_letter(x) for x in letters]))
        keep("mark_reply", _cpu(lambda: [mark_reply(x) for x in letters]))
        keep("attribute", _cpu(lambda: [attribute(x) for x in letters]))
        keep("load_letters", _cpu(lambda: load_letters([folder], jobs=1)))
    best["letters"] = len(letters)
    return best


def profile(folder: Path, top: int) -> str:
    """The ``top`` kamerxref functions of one ``load_letters`` run, by tottime and
    cumtime."""
    from kamerxref.graph.pipeline import load_letters

    prof = cProfile.Profile()
    prof.enable()
    load_letters([folder], jobs=1)
    prof.disable()
    out = io.StringIO()
    stats = pstats.Stats(prof, stream=out)
    for key in ("tottime", "cumtime"):
        out.write(f"--- by {key}\n")
        stats.sort_stats(key).print_stats(r"/graph/|/exporters/|\{method|\{built-in", top)
    lines = [re.sub(r"\S*/(graph|exporters)/", r"\1/", ln) for ln in out.getvalue().splitlines()
             if ln.strip() and not ln.lstrip().startswith(("Ordered by", "List reduced"))]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", choices=["seed", "gen", "both"], default="both")
    ap.add_argument("--sizes", type=int, nargs="+", default=[200, 1000])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--no-profile", action="store_true")
    args = ap.parse_args(argv)
    import kamerxref

    print(f"kamerxref from {Path(kamerxref.__file__).resolve().parent.parent}")
    kinds = ["seed", "gen"] if args.corpus == "both" else [args.corpus]
    for kind in kinds:
        for n in args.sizes:
            folder = corpora.ensure(kind, n)
            got = stages(folder, args.repeat)
            count = got.pop("letters")
            cells = "  ".join(f"{k} {1000 * v / count:.2f}" for k, v in got.items())
            print(f"{kind} n={n} ({count} letters), CPU ms per letter (best of {args.repeat}): {cells}")
            if not args.no_profile:
                print(profile(folder, args.top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
