"""Atomic, deterministic file output shared by every exporter.

Each output is written to a temporary file in the target folder and renamed over
the target, so an interrupted build never leaves a half-written ``graph.json``.
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


def write_atomic(path: str | Path, data: str | bytes | Iterable[str]) -> Path:
    """Write ``data`` to ``path`` atomically (temp file + ``os.replace``).

    ``data`` may be an iterable of text chunks, so that a 400 MB GraphML file of 10,000
    letters is streamed rather than held in memory. Text is written as UTF-8 with
    ``\\n`` line endings, whatever the platform.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    chunks = [data] if isinstance(data, (str, bytes)) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            for chunk in chunks:
                fh.write(chunk.encode("utf-8") if isinstance(chunk, str) else chunk)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    return path
