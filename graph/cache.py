"""The letter cache of incremental builds: each input file's processed letters (read,
citations resolved, attributed), keyed by the file's content, its path and the code.

``kamerxref build letters/ -o site`` keeps it in ``site.cache/`` beside the output
folder (safe to delete: the next build reads everything again). A rebuild reads again
only the files whose bytes changed (or that are new); the others come from the cache,
about 20x faster than reading them, and the result is the same letters, so the same
graph and the same output as a clean build. Entries of files no longer in the input are
removed at the end of a build.

The key is the SHA-256 of the kamerxref version, a fingerprint of the code that makes
letters (every source file of ``kamerxref.graph``, so a changed reader or grammar never
serves stale letters), the file's path as given (it is the letters' ``source``) and its
bytes. Entries are pickles written atomically (temporary file + rename): a cache shared
by two builds, or left by an interrupted one, holds only whole entries; an entry that
cannot be read is treated as missing.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

#: The folder name beside an output folder: ``kamerxref-out`` -> ``kamerxref-out.cache``.
SUFFIX = ".cache"


def cache_dir_for(out_dir: str | Path) -> Path:
    """``kamerxref-out`` -> ``kamerxref-out.cache`` (beside it, not inside: the output
    folder can be replaced whole by a build)."""
    out = Path(out_dir)
    return out.with_name(out.name + SUFFIX)


@lru_cache(maxsize=8)
def code_fingerprint(*roots: str) -> str:
    """Version and the bytes of every source file under ``roots`` (default: the folder of
    ``kamerxref.graph``, what makes letters); the site's manifest
    (``exporters/uptodate.py``) passes every package folder, assets included."""
    h = hashlib.sha256()
    try:
        h.update(metadata.version("kamerxref").encode())
    except metadata.PackageNotFoundError:
        h.update(b"unknown")
    for root in map(Path, roots or (str(Path(__file__).resolve().parent),)):
        for path in sorted(root.rglob("*")):
            if path.suffix in _SOURCE_SUFFIXES and "__pycache__" not in path.parts:
                h.update(str(path.relative_to(root)).encode())
                h.update(path.read_bytes())
    return h.hexdigest()


_SOURCE_SUFFIXES = {".py", ".json", ".tsv", ".txt", ".js", ".css", ".html"}


_DIGESTS: dict[tuple, str] = {}


def file_digest(path: str | Path) -> str:
    """SHA-256 of a file's bytes, read once per run: ``build`` hashes every input for its
    up-to-date stamp (``exporters/uptodate.py``) and again for the letter cache's keys
    (140 MB at 10,000 letters). Remembered by path, size, modification time and inode,
    so a file changed in between is read again."""
    st = os.stat(path)
    memo = (os.fspath(path), st.st_size, st.st_mtime_ns, st.st_ino)
    digest = _DIGESTS.get(memo)
    if digest is None:
        h = hashlib.sha256()
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
        digest = _DIGESTS[memo] = h.hexdigest()
    return digest


class LetterCache:
    """``get(key)`` / ``put_bytes(key, pickled)`` by content (``key(path)``); ``prune()``
    what was not used."""

    def __init__(self, folder: str | Path):
        self.folder = Path(folder)
        self.used: set[str] = set()
        self.hits = self.misses = 0

    def key(self, path: Path) -> str:
        h = hashlib.sha256(code_fingerprint().encode())
        h.update(str(path).encode("utf-8", "surrogateescape") + b"\0")
        h.update(file_digest(path).encode())
        return h.hexdigest()

    def _file(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, key: str) -> Any | None:
        self.used.add(key)
        try:
            with open(self._file(key), "rb") as fh:
                value = pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
            self.misses += 1
            return None
        self.hits += 1
        return value

    def put_bytes(self, key: str, data: bytes) -> None:
        """Store an entry already pickled (the reading worker pickles a file's letters
        once, for this and for the main process); :meth:`get` unpickles it."""
        self.used.add(key)
        target = self._file(key)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".entry.", dir=target.parent)
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, target)
        except OSError:  # a cache that cannot be written only makes the next build slower
            pass

    def prune(self) -> int:
        """Remove the entries this build did not use; returns how many."""
        removed = 0
        if not self.folder.is_dir():
            return 0
        for entry in self.folder.glob("*/*.pickle"):
            if entry.stem not in self.used:
                try:
                    entry.unlink()
                    removed += 1
                except OSError:
                    pass
        return removed
