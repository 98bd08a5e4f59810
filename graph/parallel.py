"""One way to spread work over cores: forked processes that inherit what they share.

Used for reading letters (``graph.pipeline.load_letters``), the data exports
(``exporters.write_all``), the HTML letter pages (``exporters.html.write_site``) and the
find stage of ``kamerxref cite - --jobs`` (:func:`fork_stream`).
The shared objects (a 450,000-node graph at 10,000 letters) are never pickled: the
workers get them by ``fork``, copy-on-write; only the items and the results travel.
Results come back in input order, so ``jobs=2`` gives exactly what ``jobs=1`` gives.
:func:`fork_map_started` starts the same work in the background and collects it later:
``kamerxref build`` writes the data files while it computes the site.
"""
from __future__ import annotations

import itertools
import os
import multiprocessing as mp
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from .gcpause import worker_init


def default_jobs() -> int:
    """The cores this process may run on."""
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


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
    if jobs > 1 and len(items) > 1 and _can_fork():
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


def _can_fork() -> bool:
    return "fork" in mp.get_all_start_methods()


class Started:
    """Work started by :func:`fork_map_started`: ``get()`` waits for and returns its
    results in input order (re-raising a worker's exception); leaving a ``with`` block
    without ``get()`` (an error elsewhere) stops the workers."""

    def __init__(self, procs: list, conns: list, n: int, run: Callable[[], list] | None = None):
        self._procs, self._conns, self._n, self._run = procs, conns, n, run

    def get(self) -> list:
        if not self._procs:
            run, self._run = self._run, None
            return run() if run else []
        out: list = [None] * self._n
        error: BaseException | None = None
        try:
            for conn in self._conns:
                try:
                    ok, value = conn.recv()
                except EOFError:  # the worker died without a word (killed, out of memory)
                    ok, value = False, RuntimeError("a worker process ended unexpectedly")
                if not ok:
                    error = error or value
                    continue
                for i, result in value:
                    out[i] = result
        finally:
            self._close(wait=True)
        if error is not None:
            raise error
        return out

    def _close(self, wait: bool) -> None:
        procs, self._procs = self._procs, []
        for conn in self._conns:
            conn.close()
        for proc in procs:
            if not wait:
                proc.terminate()
            proc.join()

    def __enter__(self) -> "Started":
        return self

    def __exit__(self, *exc: Any) -> bool:
        self._close(wait=False)
        return False


def _serve(conn, func: Callable, shared: tuple, items: list) -> None:
    """A started worker: its share of the items, then ``(True, [(i, result), ...])`` or
    ``(False, exception)`` through ``conn``."""
    worker_init()
    try:
        msg = (True, [(i, func(*shared, item)) for i, item in items])
    except BaseException as err:  # noqa: BLE001 - handed to the parent, which raises it
        msg = (False, err)
    code = 0
    try:
        try:
            conn.send(msg)
        except Exception as err:  # an exception that does not pickle: its text
            conn.send((False, RuntimeError(f"{type(msg[1]).__name__}: {msg[1]}" if not msg[0] else str(err))))
        conn.close()
    except BaseException:
        code = 1
    # straight out, as a terminated pool worker: the interpreter's exit would flush
    # stdout and run finalizers, and a lock another thread of the parent held at the
    # fork (a test runner's, a browser driver's) is never released in this process
    os._exit(code)


def fork_map_started(func: Callable, items: Iterable, jobs: int = 1, shared: tuple = ()) -> Started:
    """:func:`fork_map` started now in ``jobs`` forked processes (item ``i`` in process
    ``i % jobs``) while this process goes on; ``.get()`` collects the results in input
    order. Plain processes, no pool: this process keeps no helper threads, so it can fork
    more workers meanwhile. With ``jobs < 1`` or where the platform cannot fork, nothing
    starts: ``.get()`` runs the work here."""
    items = list(items)
    if jobs < 1 or not items or not _can_fork():
        return Started([], [], len(items), lambda: [func(*shared, item) for item in items])
    ctx = mp.get_context("fork")
    procs, conns = [], []
    n = min(jobs, len(items))
    try:
        for r in range(n):
            recv, send = ctx.Pipe(duplex=False)
            share = [(i, item) for i, item in enumerate(items) if i % n == r]
            proc = ctx.Process(target=_serve, args=(send, func, tuple(shared), share), daemon=True)
            proc.start()
            send.close()
            procs.append(proc)
            conns.append(recv)
    except BaseException:
        Started(procs, conns, len(items))._close(wait=False)
        raise
    return Started(procs, conns, len(items))


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
    _STATE.update(func=func, shared=())
    try:
        with mp.get_context("fork").Pool(jobs, initializer=worker_init) as pool:
            pending: deque = deque()
            for item in itertools.chain(head, it):
                pending.append(pool.apply_async(_call, (item,)))
                if len(pending) >= ahead:
                    yield pending.popleft().get()
            while pending:
                yield pending.popleft().get()
    finally:
        _STATE.clear()
