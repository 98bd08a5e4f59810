"""Issue 16's incremental rebuild: build N letters, then add one, change one, remove one
and build again into the same folder; compare with a clean build of the same input.

    python benchmarks/bench_incremental.py --corpus seed --letters 10000 --json out.json

Each build is ``kamerxref build --jobs 2`` in a subprocess (wall, CPU with its workers,
peak RSS of the largest process). Measured: the first build (empty cache), a rebuild
with nothing changed, the rebuild after the three changes, and a clean build of the
changed input with ``--no-cache``; then every file of the two outputs is hashed and
compared (``identical``), and the files the rebuild left untouched are counted.

``--floor`` adds what no rebuild can do without, whatever its design, on this machine:

- ``write floor``: the bytes the rebuild changed (every file that differs from the first
  build's, or is new), written from memory into a fresh folder that hard-links every
  unchanged file, then flushed (``syncfs``), as a build that had each changed file ready
  as bytes and nothing to compute would write them: by one process, and split by size
  between two (the machine's two cores);
- ``join floor``: the one cross-letter computation a rebuild must repeat for every
  letter to know which pages changed, the related letters of each letter
  (``CorpusIndex.related``), and the size and load time of what it starts from (each
  letter's cited sources, pickled): in a child process, from the rebuild's cache.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import corpora  # noqa: E402
from bench_stages import TODAY, cli, run_child  # noqa: E402


def tree(folder: Path) -> dict[str, tuple[str, int]]:
    """relative path -> (sha256, mtime_ns)."""
    out = {}
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            out[str(p.relative_to(folder))] = (hashlib.sha256(p.read_bytes()).hexdigest(),
                                               p.stat().st_mtime_ns)
    return out


def write_floor(site: Path, changed: list[str], dest: Path, procs: int = 1) -> dict:
    """Write the ``changed`` files of ``site`` (read into memory first) into ``dest``,
    with every other file of ``site`` hard-linked there, then ``syncfs``: wall seconds.
    ``procs`` > 1 splits the changed files between forked writers, largest first."""
    from kamerxref.exporters.io import _syncfs

    data = {rel: (site / rel).read_bytes() for rel in changed}
    todo = set(changed)
    t0 = time.perf_counter()
    dest.mkdir()
    for p in sorted(site.rglob("*")):
        rel = str(p.relative_to(site))
        if p.is_dir():
            (dest / rel).mkdir(parents=True, exist_ok=True)
        elif rel not in todo:
            os.link(p, dest / rel)
    linked = time.perf_counter()
    shares: list[list[str]] = [[] for _ in range(procs)]
    sizes = [0] * procs
    for rel in sorted(changed, key=lambda r: -len(data[r])):
        i = sizes.index(min(sizes))
        shares[i].append(rel)
        sizes[i] += len(data[rel])
    pids = []
    for share in shares[1:]:
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the writer child
            for rel in share:
                (dest / rel).write_bytes(data[rel])
            os._exit(0)
        pids.append(pid)
    for rel in shares[0]:
        (dest / rel).write_bytes(data[rel])
    for pid in pids:
        os.waitpid(pid, 0)
    written = time.perf_counter()
    _syncfs(dest)
    done = time.perf_counter()
    return {"processes": procs, "files": len(changed), "MB": round(sum(map(len, data.values())) / 1e6, 1),
            "link unchanged s": round(linked - t0, 3), "write s": round(written - linked, 3),
            "syncfs s": round(done - written, 3), "wall": round(done - t0, 3)}


JOIN_FLOOR = r"""
import gc, pickle, sys, time
gc.disable()
from kamerxref.exporters.html.views import CorpusIndex
from kamerxref.graph.build import build_graph
from kamerxref.graph.cache import LetterCache
from kamerxref.graph.pipeline import load_letters
letters, _ = load_letters([sys.argv[1]], cache=LetterCache(sys.argv[2]))
G = build_graph(letters, consume=True)
index = CorpusIndex(G)
blob = pickle.dumps({lid: index.sources[lid] for lid in index.lids}, protocol=pickle.HIGHEST_PROTOCOL)
c0 = time.process_time()
pickle.loads(blob)
c1 = time.process_time()
for lid in index.lids:
    index.related(G, lid)
c2 = time.process_time()
print(len(index.lids), len(blob), round(c1 - c0, 3), round(c2 - c1, 3))
"""


def join_floor(src: Path, cache: Path, env: dict) -> dict:
    """The related letters of every letter, and loading each letter's sources (CPU s)."""
    import subprocess

    out = subprocess.run([sys.executable, "-c", JOIN_FLOOR, str(src), str(cache)], env=env,
                         capture_output=True, text=True, check=True, cwd=tempfile.gettempdir())
    n, size, load, related = out.stdout.split()
    return {"letters": int(n), "sources pickle MB": round(int(size) / 1e6, 2),
            "load sources s": float(load), "related of every letter s": float(related)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", choices=corpora.KINDS, default="seed")
    ap.add_argument("--letters", type=int, default=1000)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--results", type=Path, default=corpora.RESULTS)
    ap.add_argument("--no-clean", action="store_true",
                    help="skip the clean build and the comparison (tests/test_pipeline.py and "
                         "smaller runs check it)")
    ap.add_argument("--no-unchanged", action="store_true", help="skip the rebuild with nothing changed")
    ap.add_argument("--floor", action="store_true",
                    help="also measure the write and join floors of the rebuild (see above)")
    args = ap.parse_args()
    source = corpora.ensure(args.corpus, args.letters + 1, args.results)
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1782864000"}
    rec: dict = {"corpus": args.corpus, "letters": args.letters}
    with tempfile.TemporaryDirectory(dir=args.results) as tmp:
        tmp = Path(tmp)
        src = tmp / "in"
        src.mkdir()
        files = sorted(source.glob("*.txt"))
        for f in files[:-1]:  # hard links: the corpus itself is never changed
            os.link(f, src / f.name)
        build = lambda out, *more: run_child(cli("build", str(src), "-o", str(out), "--jobs", "2", "-q",
                                                 "--today", TODAY.isoformat(), *more), env=env)
        rec["first build"] = build(tmp / "site")
        if not args.no_unchanged:
            rec["rebuild, nothing changed"] = build(tmp / "site")
        before = tree(tmp / "site")
        os.link(files[-1], src / files[-1].name)                       # one added
        changed = src / files[len(files) // 2].name                    # one changed
        text = changed.read_text(encoding="utf-8")
        changed.unlink()
        new = text.replace("p. 40", "p. 41", 1)
        if new == text:
            new = text + "\nDe leden van de fractie van D66 vragen of de regering dit kan toelichten?\n"
        changed.write_text(new, encoding="utf-8")
        (src / files[1].name).unlink()                                 # one removed
        rec["rebuild, 1 added 1 changed 1 removed"] = build(tmp / "site")
        after = tree(tmp / "site")
        if not args.no_clean:
            rec["clean build, --no-cache"] = build(tmp / "clean", "--no-cache")
            clean = tree(tmp / "clean")
            rec["identical"] = {k: v[0] for k, v in after.items()} == {k: v[0] for k, v in clean.items()}
        rec["files"] = len(after)
        rec["files untouched by the rebuild"] = sum(1 for k, v in after.items() if before.get(k) == v)
        if args.floor:
            changed_files = sorted(k for k, v in after.items() if before.get(k, ("",))[0] != v[0])
            for procs in (1, 2):
                dest = tmp / f"floor{procs}"
                rec[f"write floor, {procs} process(es)"] = write_floor(tmp / "site", changed_files, dest, procs)
                shutil.rmtree(dest, ignore_errors=True)
            rec["join floor"] = join_floor(src, tmp / "site.cache", env)
        rec["cache MB"] = round(sum(p.stat().st_size for p in (tmp / "site.cache").rglob("*")
                                    if p.is_file()) / 2**20, 1)
        shutil.rmtree(tmp / "clean", ignore_errors=True)
    print(json.dumps(rec, indent=1))
    if args.json:
        args.json.write_text(json.dumps(rec, indent=1) + "\n")
    return 0 if rec.get("identical", True) else 1


if __name__ == "__main__":
    sys.exit(main())
