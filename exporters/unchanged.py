"""Rebuilds that leave unchanged files alone.

:func:`write_unless_same` streams a file's new content against the file already there
and rewrites it (atomically, :func:`exporters.io.write_atomic`) only when a byte
differs: a rebuild after one letter changed rewrites ``graph.json`` and the CSVs, whose
content changed, and leaves every file with the same bytes untouched (no write, no fsync,
its modification time kept, so ``rsync`` and web servers see what really changed).
Memory stays one chunk: on the first difference the matched prefix is copied from the old
file rather than kept.

With ``previous`` (the same file in the output being replaced: a build into a fresh
folder that is swapped in afterwards) an unchanged file is hard-linked from there (copied
where links are not possible) instead of written.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from .io import previous_of, write_atomic

_BLOCK = 1 << 20


def _bytes(chunks: Iterable[str | bytes] | str | bytes) -> Iterator[bytes]:
    if isinstance(chunks, (str, bytes)):
        chunks = [chunks]
    for c in chunks:
        yield c.encode("utf-8") if isinstance(c, str) else c


def _prefix_then(old: Path, n: int, first: bytes, rest: Iterator[bytes]) -> Iterator[bytes]:
    """The first ``n`` bytes of ``old``, then ``first`` and ``rest``."""
    with open(old, "rb") as fh:
        while n > 0:
            block = fh.read(min(_BLOCK, n))
            if not block:
                break
            n -= len(block)
            yield block
    if first:
        yield first
    yield from rest


def write_unless_same(path: str | Path, chunks: Iterable[str | bytes] | str | bytes,
                      previous: str | Path | None = None) -> Path:
    """Write ``chunks`` to ``path`` unless ``previous`` (default: ``path`` itself) already
    holds exactly these bytes. Returns ``path``."""
    path = Path(path)
    if previous is None:  # inside a site build (exporters.io.SiteBuild): the old site's file
        previous = previous_of(path)
    old = Path(previous) if previous is not None else path
    new = _bytes(chunks)
    try:
        fh = open(old, "rb")
    except OSError:
        return write_atomic(path, new)
    matched = 0
    with fh:
        for chunk in new:
            if fh.read(len(chunk)) != chunk:
                return write_atomic(path, _prefix_then(old, matched, chunk, new))
            matched += len(chunk)
        longer = fh.read(1) != b""
    if longer:  # the new content is a prefix of the old file
        return write_atomic(path, _prefix_then(old, matched, b"", iter(())))
    if old != path:
        _link_or_copy(old, path)
    return path


def _link_or_copy(src: Path, dst: Path) -> None:
    """``dst`` becomes ``src``'s bytes, atomically: a hard link where the file system
    allows one, else a copy."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    tmp = dst.with_name(f".{dst.name}.{os.getpid()}.link")
    try:
        os.link(src, tmp)
        os.replace(tmp, dst)
    except OSError:
        if os.path.lexists(tmp):
            os.unlink(tmp)
        write_atomic(dst, _prefix_then(src, os.path.getsize(src), b"", iter(())))
