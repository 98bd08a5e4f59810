"""Resolve stage: turn found citations into :class:`Citation` records, resolving short forms.

Semantics (DESIGN §2), with seed letter 181524 as the example:

* ``Idem`` / ``Ibid.`` / ``t.a.p.`` / ``aldaar`` point at the LAST target of the previous
  footnote (footnote order), and inherit its document PART: footnote 2 is
  ``36 871, O, bijlage, p. 40``, footnote 3 ``Idem, p. 18`` -> ``kst-36871-O`` *bijlage*
  p. 18. A page in the short form overrides the pages only; ``Idem.`` without a page
  keeps the previous pages (footnotes 5 and 6 -> bijlage p. 41).
* A short form after a full citation in the SAME footnote points at that citation
  (``Kamerstukken II ..., p. 5; idem, p. 7``).
* ``Zie noot 4`` points at all targets of footnote 4.
* Never skip back past a footnote that could not be parsed: an Idem after it gets
  warning ``idem-unresolved`` and no citation (a wrong link is worse than none).
* An Idem after a footnote with two targets takes the last one and warns
  ``idem-ambiguous``.
* ``hetzelfde Aanhangsel`` points at the last Aanhangsel cited before it, however many
  footnotes back (it names its kind), but not past a footnote that could not be parsed
  and names that kind (``Aanhangsel ...`` unread): warning ``idem-unresolved``.
* ``(stuk nr. 3)`` inside a dossier's own papers is paper 3 of that dossier: resolved
  when the caller knows the dossier (``dossier="30573"``: the letter's publication
  ``kst-30573-J``), else warning ``stuk-unresolved`` (never a guessed dossier).
* A footnote that cites nothing recognisable is kept and warned ``no-citation``;
  a citation that cannot give a correct id warns ``malformed-citation``.
"""
from __future__ import annotations

import bisect
import functools
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Sequence

from ..gcpause import gc_paused
from ..parallel import fork_stream
from ..model import Citation, Issue
from . import grammar as G
from . import ids
from .find import FoundCitation, find_citations_many, find_citations_reference


def _to_citation(fc: FoundCitation) -> Citation:
    # positional, in Citation's field order: kind, document, span, text, dossier, part,
    # pages, pages_following, url, label
    return Citation(fc.kind, fc.document or "", fc.span, fc.text, fc.dossier, fc.part, fc.pages,
                    fc.pages_following, fc.url, fc.label)


#: Found kinds that need more than a copy into a Citation (a warning, or resolution).
_NOT_PLAIN = frozenset({"short", "malformed"})


def _is_plain(found: list[FoundCitation]) -> bool:
    """A footnote of full citations only (most): its citations are copies of its found
    records, nothing to resolve or warn about."""
    return bool(found) and (found[0].kind not in _NOT_PLAIN if len(found) == 1
                            else all(fc.kind not in _NOT_PLAIN for fc in found))


def _from_short(fc: FoundCitation, target: Citation, number: str) -> Citation:
    """Copy ``target`` for the short form ``fc``: same document and part; pages from the
    short form when it gives any (``Idem, p. 18``), else the target's pages."""
    pages, following = target.pages, target.pages_following
    if fc.pages:
        pages, following = fc.pages, fc.pages_following
    # made field by field, in Citation's order (``dataclasses.replace`` reads the class's
    # fields again for every copy: a tenth of ``cite``'s own work on a file of footnotes)
    return Citation(target.kind, target.document, fc.span, fc.text, target.dossier,
                    fc.part or target.part, pages, following, target.url, target.label,
                    fc.short_form, number, "footnote")


def resolve_footnotes(
    footnotes: Sequence[tuple[str, str]], source: str = "", dossier: str | None = None
) -> list[tuple[list[Citation], list[Issue]]]:
    """Citations and warnings for each footnote ``(number, text)``, in the given order.

    Works on arbitrary lines of text too (``kamerxref cite -``: one line per footnote).

    >>> out = resolve_footnotes([("2", "Kamerstukken I 2025/26, 36 871, O, bijlage, p. 40."),
    ...                          ("3", "Idem, p. 18.")])
    >>> c = out[1][0][0]; (c.document, c.part, c.pages, c.resolved_from)
    ('kst-36871-O', 'bijlage', (18,), '2')
    """
    footnotes = [(str(number), text or "") for number, text in footnotes]
    with gc_paused():
        return _resolve(footnotes, _found_once(footnotes), source, dossier)


def _found_once(footnotes: Sequence[tuple[str, str]]) -> list[list[FoundCitation]]:
    """The found records of each footnote's text. A text that recurs ("Idem.", the same
    source cited again) is read once; its records are only read, never handed out, so
    sharing them is safe."""
    unique = list(dict.fromkeys(text for _, text in footnotes))
    if len(unique) == len(footnotes):
        return find_citations_many(unique)
    by_text = dict(zip(unique, find_citations_many(unique)))
    return [by_text[text] for _, text in footnotes]


def resolve_footnotes_stream(
    batches: Iterable[Sequence[tuple[str, str]]], source: str = "", dossier: str | None = None,
    jobs: int = 1,
) -> Iterator[list[tuple[list[Citation], list[Issue]]]]:
    """:func:`resolve_footnotes` over batches of footnotes, one result list per batch,
    as if all were one sequence: an ``Idem`` at the start of a batch resolves to the last
    footnote of the batch before, ``Zie noot 4`` to footnote 4 wherever it stood
    (``kamerxref cite -`` streams stdin this way, through :func:`render_footnotes_stream`).

    With ``jobs > 1`` the footnotes are read in forked workers, a few batches ahead,
    while this process resolves the short forms batch after batch in footnote order, as
    with one job: the same results.

    >>> batches = [[("1", "Kamerstukken I 2025/26, 36 871, O, bijlage, p. 40.")],
    ...            [("2", "Idem, p. 18."), ("3", "Zie noot 1, p. 41.")]]
    >>> [[(c.document, c.part, c.pages, c.resolved_from) for c in cits]
    ...  for batch in resolve_footnotes_stream(batches, jobs=2) for cits, _ in batch]
    [[('kst-36871-O', 'bijlage', (40,), None)], [('kst-36871-O', 'bijlage', (18,), '1')], [('kst-36871-O', 'bijlage', (41,), '1')]]
    """
    batches = ([(str(number), text or "") for number, text in batch] for batch in batches)
    for pieces in render_footnotes_stream(batches, _plain_results, _result, source, dossier, jobs):
        yield [r for piece in pieces for r in piece]


def _plain_results(footnotes, found) -> list[tuple[list[Citation], list[Issue]]]:
    return [([_to_citation(fc) for fc in fcs], []) for fcs in found]


def _result(number, text, cits, issues) -> list[tuple[list[Citation], list[Issue]]]:
    return [(cits, issues)]


def render_footnotes_stream(
    batches: Iterable[Sequence[tuple[str, str]]], render_plain: Callable, render: Callable,
    source: str = "", dossier: str | None = None, jobs: int = 1,
) -> Iterator[list]:
    """The footnotes of ``batches`` resolved as one sequence (as
    :func:`resolve_footnotes_stream`) and turned into output by the caller, as
    ``kamerxref cite -`` writes them: one list of pieces per batch, in footnote order.

    A footnote of full citations only (most: ``Kamerstukken II 2023-2024, 27416, nr.
    347, p. 33.``) needs nothing from the footnotes before it: its citations are its
    found records, each copied. Runs of such footnotes are turned into output where
    they are read, ``render_plain(footnotes, found)`` -> one piece, in the forked
    workers with ``jobs > 1``; only the others (short forms, malformed citations,
    nothing found) are resolved here, in footnote order, each given to
    ``render(number, text, citations, warnings)`` -> one piece. A short form that points
    back at a plain footnote (``Idem`` after it, ``Zie noot 4``, ``hetzelfde
    Aanhangsel``) gets that footnote's citations made again from its found records (sent
    along for the footnote just before each other one) or, rarely, from its text: the
    same records, so the same results as one process resolving every footnote.

    Numbers and texts are given as ``str`` (``resolve_footnotes_stream`` makes them so).
    """
    read: deque = deque()  # the batches handed to the workers, awaiting their pieces
    memory = _Memory(unmade=True)

    def work():
        for batch in batches:
            read.append(batch)
            yield batch

    stream = fork_stream(functools.partial(_read_batch, render_plain), work(), jobs)
    while True:
        with gc_paused():
            got = next(stream, None)
            if got is None:
                return
            pieces, others, before, kinds = got
            footnotes = read.popleft()
            base = memory.add_batch(footnotes)
            memory.add_kinds(base, kinds)
            for i, found in before.items():
                memory.found[base + i] = found
            out = []
            for start, _, piece in pieces:
                if piece is not None:
                    out.append(piece)
                else:
                    number, text = footnotes[start]
                    cits, issues = memory.resolve(base + start, others[start], source, dossier)
                    out.append(render(number, text, cits, issues))
        yield out


#: The kinds ``hetzelfde ...`` can name (grammar.SAME_KIND_WORDS): where plain footnotes
#: cite them is sent along with a batch, so that a walk back skips the others.
_SAME_KINDS = frozenset(G.SAME_KIND_WORDS.values())


def _read_batch(render_plain: Callable, footnotes: list[tuple[str, str]]):
    """A batch read (in a worker with ``jobs > 1``): the found records of each footnote;
    runs of plain footnotes given to ``render_plain``. Returns ``(pieces, others,
    before, kinds)``: pieces ``(start, end, piece)``, a run's piece or None for one other
    footnote; the found records of the others and of each plain footnote just before one
    (or last in the batch), by index; the indices of the plain footnotes citing each kind
    of :data:`_SAME_KINDS`."""
    with gc_paused():
        found = _found_once(footnotes)
        pieces: list = []
        others: dict = {}
        before: dict = {}
        kinds: dict = {}
        start = 0
        for i, fcs in enumerate(found):
            if _is_plain(fcs):
                for fc in fcs:
                    if fc.kind in _SAME_KINDS:
                        kinds.setdefault(fc.kind, []).append(i)
                continue
            if start < i:
                pieces.append((start, i, render_plain(footnotes[start:i], found[start:i])))
                before[i - 1] = found[i - 1]
            pieces.append((i, i + 1, None))
            others[i] = fcs
            start = i + 1
        n = len(found)
        if start < n:
            pieces.append((start, n, render_plain(footnotes[start:], found[start:])))
            before[n - 1] = found[n - 1]
    return pieces, others, before, kinds


def resolve_footnotes_reference(
    footnotes: Sequence[tuple[str, str]], source: str = "", dossier: str | None = None
) -> list[tuple[list[Citation], list[Issue]]]:
    """:func:`resolve_footnotes` on the straightforward find path
    (:func:`.find.find_citations_reference`), kept so tests can check that the fast
    path gives exactly the same citations."""
    footnotes = [(str(number), text or "") for number, text in footnotes]
    return _resolve(footnotes, [find_citations_reference(text) for _, text in footnotes], source,
                    dossier)


def _own_paper(fc: FoundCitation, dossier: str) -> Citation:
    """``(stuk nr. 3)`` in a paper of dossier 30573 -> ``kst-30573-3``."""
    document = ids.kst_id(dossier, fc.note)
    return Citation(kind="kamerstuk", document=document, span=fc.span, text=fc.text,
                    dossier=dossier, part=fc.part, pages=fc.pages,
                    pages_following=fc.pages_following, url=ids.url_for("kamerstuk", document),
                    label=ids.kst_label(None, None, dossier, fc.note), short_form=fc.short_form)


class _Memory:
    """The footnotes of one sequence, for the short forms in them to point back at:
    ``Idem`` at the one before, ``Zie noot 4`` at footnote 4, ``hetzelfde Aanhangsel``
    at the last that cites an Aanhangsel (positions count footnotes from 0).

    Footnotes are added a batch at a time (:meth:`add_batch`), their citations unmade,
    and made in order: :meth:`resolve` for each, or, with ``unmade=True``
    (:func:`render_footnotes_stream`), only for the footnotes that are no plain copy of
    their found records; a plain one's citations are made from its found records when a
    short form points at it (:meth:`citations`). Where such footnotes cite a kind
    ``hetzelfde`` can name is kept (:meth:`add_kinds`), so that a walk back for one
    reads only the footnotes that cite it and the made ones."""

    __slots__ = ("numbers", "texts", "cits", "batches", "found", "unmade_kinds", "made")

    def __init__(self, unmade: bool = False):
        self.numbers: list[str] = []
        self.texts: list[str] = []
        self.cits: list[list[Citation] | None] = []  # None: not made (yet)
        self.batches: list[tuple[int, dict[str, int]]] = []  # (first position, number -> last position)
        self.found: dict[int, list[FoundCitation]] = {}  # found records of unmade footnotes
        self.unmade_kinds: dict[str, list[int]] = {}  # kind -> ascending unmade positions citing it
        self.made: list[int] | None = [] if unmade else None  # made positions; None: all before

    def add_batch(self, footnotes: Sequence[tuple[str, str]]) -> int:
        """Footnotes ``(number, text)`` after those added before; returns the position of
        the first."""
        start = len(self.numbers)
        numbers = [number for number, _ in footnotes]
        self.numbers += numbers
        self.texts += [text for _, text in footnotes]
        self.cits += [None] * len(numbers)
        self.batches.append((start, dict(zip(numbers, range(start, start + len(numbers))))))
        return start

    def position_of(self, number: str, here: int) -> int | None:
        """The position of the last footnote numbered ``number`` before position ``here``."""
        for start, last in reversed(self.batches):
            if start >= here:
                continue
            p = last.get(number)
            if p is None:
                continue
            if p < here:
                return p
            # the batch's last one stands after here: an earlier one of the batch?
            for q in range(here - 1, start - 1, -1):
                if self.numbers[q] == number:
                    return q
        return None

    def add_kinds(self, start: int, kinds: dict[str, list[int]]) -> None:
        """Unmade footnotes at positions ``start + i`` cite each kind (from a worker)."""
        for kind, where in kinds.items():
            self.unmade_kinds.setdefault(kind, []).extend(start + i for i in where)

    def citations(self, p: int) -> list[Citation]:
        """The citations of the footnote at position ``p``, made now if it is unmade: a
        copy of each of its found records (sent along, or found again in its text)."""
        cits = self.cits[p]
        if cits is None:
            found = self.found.pop(p, None)
            if found is None:
                found = find_citations_many([self.texts[p]])[0]
            cits = self.cits[p] = [_to_citation(fc) for fc in found]
        return cits

    def last_of_kind(self, kind: str, before: int) -> tuple[str, Citation] | str:
        """The last citation of ``kind`` in the footnotes before position ``before``,
        with its footnote number; or why there is none (a message)."""
        word = _KIND_WORD.get(kind, kind)
        unmade = self.unmade_kinds.get(kind)
        last_unmade = -1
        if unmade:
            k = bisect.bisect_left(unmade, before)
            last_unmade = unmade[k - 1] if k else -1
        if self.made is None:
            walk = range(before - 1, -1, -1)
        else:  # the made footnotes after the last unmade one citing the kind
            made = self.made
            walk = reversed(made[bisect.bisect_right(made, last_unmade):bisect.bisect_left(made, before)])
        for p in walk:
            cits = self.cits[p]
            for c in reversed(cits):
                if c.kind == kind:
                    return self.numbers[p], c
            if not cits and word.lower() in self.texts[p].lower():
                return (f"footnote {self.numbers[p]} names an {word} that could not be read: not "
                        "resolved (never skipping back past it)")
        if last_unmade >= 0:
            for c in reversed(self.citations(last_unmade)):
                if c.kind == kind:
                    return self.numbers[last_unmade], c
        return f"no {word} cited before it"

    def resolve(self, here: int, found: list[FoundCitation], source: str,
                dossier: str | None) -> tuple[list[Citation], list[Issue]]:
        """The citations and warnings of the footnote at position ``here``, from its found
        records, made (every footnote before it is, or can be made)."""
        number, text = self.numbers[here], self.texts[here]
        issues: list[Issue] = []
        cits: list[Citation] = []

        def warn(code: str, message: str) -> None:
            issues.append(Issue(source=source, where=f"footnote {number}", code=code,
                                message=message))

        for fc in found:
            if fc.kind == "malformed":
                warn("malformed-citation", f"{fc.text!r}: {fc.problem}")
                continue
            if fc.kind != "short":
                cits.append(_to_citation(fc))
                continue
            # ---- short forms
            if fc.short_form == "stuk nr.":
                if dossier:
                    cits.append(_own_paper(fc, dossier))
                else:
                    warn("stuk-unresolved", f"{fc.text!r}: paper {fc.note} of which dossier? "
                                            "The text names none and none is known: not linked")
                continue
            if fc.same_kind is not None:  # hetzelfde Aanhangsel
                target = self.last_of_kind(fc.same_kind, here)
                if isinstance(target, str):
                    warn("idem-unresolved", f"{fc.text!r}: {target}")
                    continue
                cits.append(_from_short(fc, target[1], target[0]))
                continue
            if fc.note is not None:  # zie noot n
                p = self.position_of(fc.note, here)
                targets = None if p is None else self.citations(p)
                if not targets:
                    warn("idem-unresolved",
                         f"{fc.text!r} refers to footnote {fc.note}, which has no parsed citation")
                    continue
                cits.extend(_from_short(fc, t, fc.note) for t in targets)
                continue
            if cits:  # "…, p. 5; idem, p. 7": the citation just before, same footnote
                cits.append(_from_short(fc, cits[-1], number))
                continue
            if not here:
                warn("idem-unresolved", f"{fc.text!r} has no previous footnote to refer to")
                continue
            pnum, pcits = self.numbers[here - 1], self.citations(here - 1)
            if not pcits:
                warn("idem-unresolved",
                     f"{fc.text!r} follows footnote {pnum}, which has no parsed citation: "
                     "not resolved (never skipping back past it)")
                continue
            if len(pcits) > 1:
                warn("idem-ambiguous",
                     f"{fc.text!r} follows footnote {pnum}, which cites {len(pcits)} sources: "
                     f"taken as the last one, {pcits[-1].label or pcits[-1].document}")
            if pcits[-1].kind == "dossier" and fc.pages:
                warn("idem-unresolved", f"{fc.text!r} gives pages of dossier {pcits[-1].dossier}, "
                                        "which has no pages: not resolved")
                continue
            cits.append(_from_short(fc, pcits[-1], pnum))

        if not found:
            snippet = " ".join(text.split())
            if len(snippet) > 60:
                snippet = snippet[:57] + "..."
            warn("no-citation", f"cites nothing recognisable: {snippet!r}")
        self.cits[here] = cits
        if self.made is not None:
            self.made.append(here)
        return cits, issues


def _resolve(
    footnotes: list[tuple[str, str]], found_per_footnote: list[list[FoundCitation]], source: str,
    dossier: str | None = None,
) -> list[tuple[list[Citation], list[Issue]]]:
    """The citations and warnings of each footnote, resolved in order."""
    results: list[tuple[list[Citation], list[Issue]]] = []
    memory = _Memory()
    memory.add_batch(footnotes)
    made = memory.cits
    for here, found in enumerate(found_per_footnote):
        if _is_plain(found):
            # most footnotes: full citations only, nothing to resolve or warn about
            made[here] = cits = [_to_citation(fc) for fc in found]
            results.append((cits, []))
            continue
        results.append(memory.resolve(here, found, source, dossier))
    return results


#: The word that names each kind in a footnote text (an unread footnote naming it stops
#: ``hetzelfde Aanhangsel`` from reaching back past it).
_KIND_WORD = {"aanhangsel": "Aanhangsel", "kamerstuk": "Kamerstuk", "handelingen": "Handelingen",
              "staatsblad": "Staatsblad"}
