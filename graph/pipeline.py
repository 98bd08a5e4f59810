"""The pipeline in one place: read -> resolve citations -> attribute -> pair replies.

``load_letters(paths, jobs=N)`` reads and processes each file independently, so it
runs across N processes with exactly the same result as one (letters come back in input
order). Replies are then paired with the letters they answer across the whole corpus
(:func:`kamerxref.graph.pairing.pair_replies`), and the graph is built from the processed
letters (:func:`kamerxref.graph.build.build_graph`).
"""
from __future__ import annotations

import pickle
from collections.abc import Iterable
from pathlib import Path

from .attribution import attribute
from .cache import LetterCache
from .citations import resolve_letter
from .gcpause import gc_paused
from .model import Issue, Letter
from .pairing import mark_reply, pair_replies
from .parallel import default_jobs, fork_map  # default_jobs: kamerxref.graph.pipeline's, as before
from .readers import InputError, input_files, read_file_all
from .readers.base import printable


def process(letter: Letter) -> Letter:
    """Resolve the letter's citations and attribute them to its questions (a reply's
    repeated questions and answers marked first, so its footnotes are its answers')."""
    resolve_letter(letter)
    mark_reply(letter)
    attribute(letter)
    return letter


def _load_one(path: Path) -> tuple[list[Letter], Issue | None]:
    """One file read and processed; any failure is that file's :class:`Issue`, never the
    end of the run (a bug in a later stage on a hostile letter included)."""
    try:
        letters = read_file_all(path)
    except InputError as err:
        return [], err.issue()
    try:
        return [process(letter) for letter in letters], None
    except Exception as err:
        return [], Issue(letters[0].source, "", "unreadable",
                         f"processing failed ({type(err).__name__}: {printable(str(err))[:200]})")

def load_letters(paths: Iterable[str | Path], jobs: int = 1,
                 progress=None, cache: LetterCache | None = None,
                 pair: bool = True) -> tuple[list[Letter], list[Issue]]:
    """Read, resolve and attribute every letter under ``paths``, then pair the replies
    among them with the letters they answer (``replies_to``, pairing warnings).

    Returns the letters in input order and the issues of files that could not be read
    (a missing path or a folder with no letters raises :class:`InputError`). ``progress``
    is called with the number of files done, for progress bars. With a ``cache``
    (:class:`~kamerxref.graph.cache.LetterCache`) only files not met before with the same
    bytes are read; the others come from the cache, the same letters. ``pair=False``
    leaves the pairing to the caller (:class:`kamerxref.api.Corpus` pairs once and keeps
    the result; pairing here as well did the work twice: 1.6 s at 3,000 letters with
    1,000 replies).
    """
    files, issues = input_files(paths)
    with gc_paused():
        results = _cached_map(files, jobs, progress, cache) if cache else fork_map(
            _load_one, files, jobs, progress=progress)
    letters = [l for ls, _ in results for l in ls]
    issues.extend(i for _, i in results if i is not None)
    disambiguate(letters)
    if pair:
        pair_replies(letters)
    return letters, issues


def _cached_map(files: list[Path], jobs: int, progress, cache: LetterCache) -> list:
    """``_load_one`` of each file, from the cache where it holds the file's letters."""
    keys = [cache.key(f) for f in files]
    results = [cache.get(k) for k in keys]
    todo = [i for i, r in enumerate(results) if r is None]
    if progress and len(files) > len(todo):
        progress(len(files) - len(todo))
    work = [(keys[i], files[i]) for i in todo]
    for i, r in zip(todo, fork_map(_load_and_cache, work, jobs, shared=(cache,), progress=progress)):
        results[i] = pickle.loads(r)
        cache.used.add(keys[i])  # the worker's own copy of the cache noted it, not this one
    return results


def _load_and_cache(cache: LetterCache, job: tuple[str, Path]) -> bytes:
    """:func:`_load_one`, pickled once: the worker writes these bytes to the cache and
    hands them to the main process as they are (pickling a letter is a tenth of reading
    it; the pickling and writing of 10,000 letters was serial work in the main process)."""
    key, path = job
    data = pickle.dumps(_load_one(path), protocol=pickle.HIGHEST_PROTOCOL)
    cache.put_bytes(key, data)
    return data


def disambiguate(letters: list[Letter]) -> None:
    """Two inputs with the same kenmerk (the same letter twice, or a copy) stay two
    letters: the later one becomes ``letter-181524-2``, with a warning on it."""
    first: dict[str, Letter] = {}
    for letter in letters:
        lid = letter.id
        if lid not in first:
            first[lid] = letter
            continue
        n = 2
        while f"{lid}-{n}" in first:
            n += 1
        rename(letter, f"{lid}-{n}", first[lid].source)
        first[letter.uid] = letter


def rename(letter: Letter, uid: str, first_source: str) -> Issue:
    """Give a letter whose kenmerk was met before its own id, with a warning."""
    letter.uid = uid
    issue = Issue(letter.source, "", "duplicate-kenmerk",
                  f"kenmerk {letter.kenmerk} was also read from {first_source}; this letter is {uid}")
    letter.warnings.append(issue)
    return issue
