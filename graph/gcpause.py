"""One switch for the cyclic garbage collector, used by every bulk stage.

kamerxref makes hundreds of thousands of small objects that all stay alive (letters,
citation records, graph attribute dicts) and no reference cycles. The cyclic collector
would rescan the growing pile again and again and find nothing to free: unpickling the
pool's results for 1,000 generated letters took 1.1 s with it on and 0.3 s off; a third
of the citation time on a 5 MB corpus; a third of the graph build at 10,000 letters.
Reference counting still frees everything. A collector that was already off stays off.
"""
from __future__ import annotations

import gc
import signal
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        _to_oldest()
        gc.enable()


def _to_oldest() -> None:
    """Everything the pause made is long-lived (letters, graph attributes): put every
    object the collector tracks into its oldest generation at once (``gc.freeze`` then
    ``gc.unfreeze``, two list splices), as the collector itself would after scanning them
    again and again. Without it the first allocation after the pause started a scan of
    every object the pause made (0.1 s per 1,000 seed letters read). Nothing is kept from
    the collector: a full collection still sees them all. A process that froze objects
    itself (a forked worker keeping inherited pages unshared) is left as it is."""
    if gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()


def worker_init() -> None:
    """In a forked worker: leave everything inherited from the parent out of the
    collector's scans (and so out of copy-on-write page copies it would cause), and
    pause it as the parent does.

    SIGTERM kills the worker outright again: a pool ends its workers with SIGTERM, and the
    handler a site build installs in the parent (SIGTERM -> SystemExit, for its clean-up)
    would make a worker run the interpreter's exit, which can block for ever on a lock
    another thread of the parent held at the fork (seen: a test run hung at a pool's end).
    The parent cleans up what the workers wrote."""
    gc.freeze()
    gc.disable()
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
