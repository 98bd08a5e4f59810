"""Issue 16's incremental rebuild: build N letters, then add one, change one, remove one
and build again into the same folder; compare with a clean build of the same input.

    python benchmarks/bench_incremental.py --corpus seed --letters 10000 --json out.json

Each build is ``kamerxref build --jobs 2`` in a subprocess (wall, CPU with its workers,
peak RSS of the largest process). Measured: the first build (empty cache), a rebuild
with nothing changed, the rebuild after the three changes, and a clean build of the
changed input with ``--no-cache``; then every file of the two outputs is hashed and
compared (``identical``), and the files the rebuild left untouched are counted.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
import tempfile
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
        rec["cache MB"] = round(sum(p.stat().st_size for p in (tmp / "site.cache").rglob("*")
                                    if p.is_file()) / 2**20, 1)
        shutil.rmtree(tmp / "clean", ignore_errors=True)
    print(json.dumps(rec, indent=1))
    if args.json:
        args.json.write_text(json.dumps(rec, indent=1) + "\n")
    return 0 if rec.get("identical", True) else 1


if __name__ == "__main__":
    sys.exit(main())
