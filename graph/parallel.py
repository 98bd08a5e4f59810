"""One way to spread work over cores: forked processes that inherit what they share.

Used for reading letters (``graph.pipeline.load_letters``), the data exports
(``exporters.write_all``), the HTML letter pages (``exporters.html.write_site``) and the
find stage of ``kamerxref cite - --jobs`` (:func:`fork_stream`).
The shared objects (a 450,000-node graph at 10,000 letters) are never pickled: the
workers get them by ``fork``, copy-on-write; only the items and the results travel.
Results come back in input order, so ``jobs=2`` gives exactly what ``jobs=1`` gives.
"""
from __future__ import annotations

import itertools
import multiprocessing as mp
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from .gcpause import worker_init


def default_jobs() -> int:
    """The cores this process may run on."""
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


_STATE: dict = {}  # func and shared objects, inherited by the forked workers


def _call(item):
    return _STATE["func"](*_STATE["shared"], item)


def fork_map(func: Callable, items: Iterable, jobs: int = 1, shared: tuple = (),
             chunksize: int | None = None, progress: Callable[[int], object] | None = None,
             meanwhile: Callable[[], Any] | None = None) -> list:
    """``[func(*shared, item) for item in items]``, over ``jobs`` forked processes when
    there is more than one item and the platform can fork (else in this process).
    ``progress`` is called with 1 after each item, for progress bars.

    ``meanwhile`` is called in this process once the workers are started (or after the
    items, without workers): ``kamerxref build`` writes the data files there while the
    workers render pages, with the graph this process already holds (a process of its own
    would copy the pages of the graph it reads). Its result is dropped: it writes."""
    items = list(items)
    out = []
    if jobs > 1 and len(items) > 1 and _can_fork():
        chunk = chunksize or max(1, min(64, len(items) // (jobs * 8)))
        with _forked_pool(func, shared, min(jobs, len(items))) as pool:
            results = pool.imap(_call, items, chunksize=chunk)
            if meanwhile:
                meanwhile()
            for result in results:
                out.append(result)
                if progress:
                    progress(1)
        return out
    for item in items:
        out.append(func(*shared, item))
        if progress:
            progress(1)
    if meanwhile:
        meanwhile()
    return out


def _can_fork() -> bool:
    return "fork" in mp.get_all_start_methods()


@contextmanager
def _forked_pool(func: Callable, shared: tuple, processes: int) -> Iterator:
    """A pool of forked workers that call ``func(*shared, item)`` (:func:`_call`), set
    up as :func:`~.gcpause.worker_init` says; the shared objects are let go after."""
    _STATE.update(func=func, shared=tuple(shared))
    try:
        with mp.get_context("fork").Pool(processes, initializer=worker_init) as pool:
            yield pool
    finally:
        _STATE.clear()


def fork_stream(func: Callable, items: Iterable, jobs: int = 1, ahead: int | None = None
                ) -> Iterator:
    """``func(item)`` for each item of a stream, in input order, over ``jobs`` forked
    processes; items are read only ``ahead`` (default ``2 * jobs``) in front of the
    results, so a long stream (``kamerxref cite -`` on stdin) is never held whole. One
    item, one job or no ``fork``: computed here, nothing forked."""
    it = iter(items)
    head = list(itertools.islice(it, 2))
    if jobs <= 1 or len(head) < 2 or not _can_fork():
        for item in itertools.chain(head, it):
            yield func(item)
        return
    ahead = ahead or 2 * jobs
    with _forked_pool(func, (), jobs) as pool:
        pending: deque = deque()
        for item in itertools.chain(head, it):
            pending.append(pool.apply_async(_call, (item,)))
            if len(pending) >= ahead:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()
