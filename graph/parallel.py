"""One way to spread work over cores: forked processes that inherit what they share.

Used for reading letters (``graph.pipeline.load_letters``), the data exports
(``exporters.write_all``) and the HTML letter pages (``exporters.html.write_site``).
The shared objects (a 450,000-node graph at 10,000 letters) are never pickled: the
workers get them by ``fork``, copy-on-write; only the items and the results travel.
Results come back in input order, so ``jobs=2`` gives exactly what ``jobs=1`` gives.
"""
from __future__ import annotations

import multiprocessing as mp
from collections.abc import Callable, Iterable

from .gcpause import worker_init

_STATE: dict = {}  # func and shared objects, inherited by the forked workers


def _call(item):
    return _STATE["func"](*_STATE["shared"], item)


def fork_map(func: Callable, items: Iterable, jobs: int = 1, shared: tuple = (),
             chunksize: int | None = None, progress: Callable[[int], object] | None = None) -> list:
    """``[func(*shared, item) for item in items]``, over ``jobs`` forked processes when
    there is more than one item and the platform can fork (else in this process).
    ``progress`` is called with 1 after each item, for progress bars."""
    items = list(items)
    out = []
    if jobs > 1 and len(items) > 1 and "fork" in mp.get_all_start_methods():
        chunk = chunksize or max(1, min(64, len(items) // (jobs * 8)))
        _STATE.update(func=func, shared=tuple(shared))
        try:
            with mp.get_context("fork").Pool(min(jobs, len(items)), initializer=worker_init) as pool:
                for result in pool.imap(_call, items, chunksize=chunk):
                    out.append(result)
                    if progress:
                        progress(1)
        finally:
            _STATE.clear()
        return out
    for item in items:
        out.append(func(*shared, item))
        if progress:
            progress(1)
    return out
