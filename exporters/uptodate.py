"""Is the site already what this build would write? A rebuild with nothing changed.

``kamerxref build letters/ -o site`` run again on the same letters used to read them
from the letter cache, build the graph, render every page and compare it with the old
one: 49 s at 10,000 letters, to write nothing. After a build, a manifest in the cache
folder (``site.cache/build-manifest.json``, deleted with the cache) records

* the **stamp** of what the build was made from: the code (every source and asset file
  of kamerxref), the day the statuses refer to (``--today``), the formats, and every
  file under the inputs as given, by path and SHA-256 of its bytes (letters, fetch-cache
  records and any other file: a change anywhere under an input counts);
* the **site** as the build left it: each file's path, size, modification time and inode;
* what the build said: its warnings, its summary and why it exited with code 3, if it did.

The next build computes the stamp (reading and hashing the inputs: 0.4 s for 140 MB) and
looks at the site; when both are as recorded, the site is what a build would write
again, so it is left as it is and the recorded warnings, summary and exit code are given
again. Anything else (one byte of one input, another day, a page deleted or touched, a
new kamerxref) is a full build, which writes a new manifest.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import kamerxref
import kamerxref.exporters
import kamerxref.graph
from kamerxref.graph.cache import code_fingerprint, file_digest

from .io import write_atomic

MANIFEST = "build-manifest.json"


def build_stamp(inputs: Iterable[str | Path], today: str, formats: Iterable[str],
                leave_out: Iterable[Path] = ()) -> str:
    """SHA-256 of the code, ``today``, ``formats`` and every file under ``inputs``
    (folders walked in sorted order; ``leave_out``: the output and cache folders, when
    they lie under an input)."""
    h = hashlib.sha256()
    h.update(code_fingerprint(*kamerxref.__path__, *kamerxref.graph.__path__,
                                *kamerxref.exporters.__path__).encode())
    h.update(f"\0{today}\0{','.join(formats)}\0".encode())
    skip = {Path(p).resolve() for p in leave_out}
    for raw in inputs:
        p = Path(raw)
        h.update(b"\0input\0" + os.fsencode(p))
        if p.is_dir():
            for top, dirs, names in os.walk(p):
                dirs[:] = sorted(d for d in dirs if Path(top, d).resolve() not in skip)
                for name in sorted(names):
                    f = Path(top, name)
                    h.update(b"\0" + os.fsencode(f.relative_to(p)) + b"\0")
                    h.update(_digest_or_kind(f).encode())
        else:
            h.update(_digest_or_kind(p).encode())
    return h.hexdigest()


def _digest_or_kind(path: Path) -> str:
    """The file's SHA-256; for what is not a readable regular file, why not (a missing
    file, a FIFO: the build reports it, and the same report is recorded)."""
    try:
        if not path.is_file():
            return "not-a-file" if os.path.lexists(path) else "missing"
        return file_digest(path)
    except OSError as err:
        return f"error {err.errno}"


def site_state(out_dir: Path) -> list[list]:
    """``[relative path, size, mtime_ns, inode]`` of every file under ``out_dir``, sorted
    (a page rewritten, touched, deleted or added changes it)."""
    out: list[list] = []
    for top, dirs, names in os.walk(out_dir):
        dirs.sort()
        for name in sorted(names):
            f = os.path.join(top, name)
            try:
                st = os.lstat(f)
            except OSError:
                continue
            out.append([os.path.relpath(f, out_dir), st.st_size, st.st_mtime_ns, st.st_ino])
    return out


@dataclass
class BuildRecord:
    """What a build was made from and what it said (the manifest's content)."""

    stamp: str
    warnings: list[str] = field(default_factory=list)
    summary: str = ""
    exit_message: str = ""  # "kamerxref: 1 input file could not be read; ..." (exit code 3)


def up_to_date(cache_dir: Path, out_dir: Path, stamp: str) -> BuildRecord | None:
    """The record of the last build when the site at ``out_dir`` is what a build with
    ``stamp`` would write again; None when a build must run."""
    try:
        data = json.loads((cache_dir / MANIFEST).read_text(encoding="utf-8"))
        if data.get("stamp") != stamp or not os.path.isdir(out_dir):
            return None
        if data.get("site") != site_state(out_dir):
            return None
        return BuildRecord(stamp, [str(w) for w in data["warnings"]], str(data["summary"]),
                           str(data["exit_message"]))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def record_build(cache_dir: Path, out_dir: Path, record: BuildRecord) -> None:
    """Write the manifest after a build (atomically; a cache that cannot be written only
    makes the next build a full one)."""
    data = {"stamp": record.stamp, "warnings": record.warnings, "summary": record.summary,
            "exit_message": record.exit_message, "site": site_state(out_dir)}
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        write_atomic(cache_dir / MANIFEST, json.dumps(data, ensure_ascii=False))
    except OSError:
        pass


def forget_build(cache_dir: Path) -> None:
    """Remove the manifest (before a build changes the site: an interrupted build must
    not leave a manifest that matches a half-changed site)."""
    try:
        os.unlink(cache_dir / MANIFEST)
    except OSError:
        pass
