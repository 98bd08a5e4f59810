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

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Sequence

from ..gcpause import gc_paused
from ..parallel import fork_stream
from ..model import Citation, Issue
from . import ids
from .find import FoundCitation, find_citations_many, find_citations_reference


def _to_citation(fc: FoundCitation) -> Citation:
    # positional, in Citation's field order: kind, document, span, text, dossier, part,
    # pages, pages_following, url, label
    return Citation(fc.kind, fc.document or "", fc.span, fc.text, fc.dossier, fc.part, fc.pages,
                    fc.pages_following, fc.url, fc.label)


#: Found kinds that need more than a copy into a Citation (a warning, or resolution).
_NOT_PLAIN = frozenset({"short", "malformed"})


def _from_short(fc: FoundCitation, target: Citation, number: str) -> Citation:
    """Copy ``target`` for the short form ``fc``: same document and part; pages from the
    short form when it gives any (``Idem, p. 18``), else the target's pages."""
    pages, following = target.pages, target.pages_following
    if fc.pages:
        pages, following = fc.pages, fc.pages_following
    return replace(
        target, span=fc.span, text=fc.text, part=fc.part or target.part, pages=pages,
        pages_following=following, short_form=fc.short_form, resolved_from=number,
        how="footnote",
    )


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
    return _resolve_batch(footnotes, source, dossier, {})


def resolve_footnotes_stream(
    batches: Iterable[Sequence[tuple[str, str]]], source: str = "", dossier: str | None = None,
    jobs: int = 1,
) -> Iterator[list[tuple[list[Citation], list[Issue]]]]:
    """:func:`resolve_footnotes` over batches of footnotes, one result list per batch,
    as if all were one sequence: an ``Idem`` at the start of a batch resolves to the last
    footnote of the batch before, ``Zie noot 4`` to footnote 4 wherever it stood
    (``kamerxref cite -`` streams stdin this way).

    With ``jobs > 1`` the find stage (each footnote read on its own, most of the work)
    runs in forked workers, a few batches ahead, while this process resolves the short
    forms batch after batch in footnote order, as with one job: the same results.

    >>> batches = [[("1", "Kamerstukken I 2025/26, 36 871, O, bijlage, p. 40.")],
    ...            [("2", "Idem, p. 18."), ("3", "Zie noot 1, p. 41.")]]
    >>> [[(c.document, c.part, c.pages, c.resolved_from) for c in cits]
    ...  for batch in resolve_footnotes_stream(batches, jobs=2) for cits, _ in batch]
    [[('kst-36871-O', 'bijlage', (40,), None)], [('kst-36871-O', 'bijlage', (18,), '1')], [('kst-36871-O', 'bijlage', (41,), '1')]]
    """
    state: dict = {}
    read: deque = deque()  # the batches handed to the find stage, awaiting their results

    def unique_texts():
        for batch in batches:
            footnotes = [(str(number), text or "") for number, text in batch]
            read.append(footnotes)
            # a text that recurs ("Idem.", the same source cited again) is read once; the
            # found records are only read, never handed out, so sharing them is safe
            yield list(dict.fromkeys(text for _, text in footnotes))

    stream = fork_stream(_find_unique, unique_texts(), jobs)
    while True:
        with gc_paused():
            got = next(stream, None)
            if got is None:
                return
            unique, found = got
            footnotes = read.popleft()
            by_text = dict(zip(unique, found))
            result = _resolve(footnotes, [by_text[text] for _, text in footnotes], source,
                              dossier, state)
        yield result


def _find_unique(unique: list[str]) -> tuple[list[str], list[list[FoundCitation]]]:
    return unique, find_citations_many(unique)


def _resolve_batch(footnotes: Sequence[tuple[str, str]], source: str, dossier: str | None,
                   state: dict) -> list[tuple[list[Citation], list[Issue]]]:
    footnotes = [(str(number), text or "") for number, text in footnotes]
    with gc_paused():
        # a text that recurs ("Idem.", the same source cited again) is read once; the
        # found records are only read below, never handed out, so sharing them is safe
        unique = list(dict.fromkeys(text for _, text in footnotes))
        found = dict(zip(unique, find_citations_many(unique)))
        return _resolve(footnotes, [found[text] for _, text in footnotes], source, dossier, state)


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


def _resolve(
    footnotes: list[tuple[str, str]], found_per_footnote: list[list[FoundCitation]], source: str,
    dossier: str | None = None, state: dict | None = None,
) -> list[tuple[list[Citation], list[Issue]]]:
    """``state`` carries the footnotes met so far from one batch to the next."""
    results: list[tuple[list[Citation], list[Issue]]] = []
    state = {} if state is None else state
    by_number: dict[str, list[Citation]] = state.setdefault("by_number", {})
    prev: tuple[str, list[Citation]] | None = state.get("prev")  # previous footnote, its citations
    # (number, text, citations), in order
    history: list[tuple[str, str, list[Citation]]] = state.setdefault("history", [])

    for (number, text), found in zip(footnotes, found_per_footnote):
        if found and (found[0].kind not in _NOT_PLAIN if len(found) == 1
                      else all(fc.kind not in _NOT_PLAIN for fc in found)):
            # most footnotes: full citations only, nothing to resolve or warn about
            cits = [_to_citation(fc) for fc in found]
            results.append((cits, []))
            by_number[number] = cits
            prev = (number, cits)
            history.append((number, text, cits))
            continue
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
                target = _last_of_kind(history, fc.same_kind)
                if isinstance(target, str):
                    warn("idem-unresolved", f"{fc.text!r}: {target}")
                    continue
                cits.append(_from_short(fc, target[1], target[0]))
                continue
            if fc.note is not None:  # zie noot n
                targets = by_number.get(fc.note)
                if not targets:
                    warn("idem-unresolved",
                         f"{fc.text!r} refers to footnote {fc.note}, which has no parsed citation")
                    continue
                cits.extend(_from_short(fc, t, fc.note) for t in targets)
                continue
            if cits:  # "…, p. 5; idem, p. 7": the citation just before, same footnote
                cits.append(_from_short(fc, cits[-1], number))
                continue
            if prev is None:
                warn("idem-unresolved", f"{fc.text!r} has no previous footnote to refer to")
                continue
            pnum, pcits = prev
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
        results.append((cits, issues))
        by_number[number] = cits
        prev = (number, cits)
        history.append((number, text, cits))
    state["prev"] = prev
    return results


#: The word that names each kind in a footnote text (an unread footnote naming it stops
#: ``hetzelfde Aanhangsel`` from reaching back past it).
_KIND_WORD = {"aanhangsel": "Aanhangsel", "kamerstuk": "Kamerstuk", "handelingen": "Handelingen",
              "staatsblad": "Staatsblad"}


def _last_of_kind(history: list[tuple[str, str, list[Citation]]], kind: str
                  ) -> tuple[str, Citation] | str:
    """The last citation of ``kind`` in the footnotes before, with its footnote number;
    or why there is none (a message)."""
    word = _KIND_WORD.get(kind, kind)
    for number, text, cits in reversed(history):
        for c in reversed(cits):
            if c.kind == kind:
                return number, c
        if not cits and word.lower() in text.lower():
            return (f"footnote {number} names an {word} that could not be read: not resolved "
                    "(never skipping back past it)")
    return f"no {word} cited before it"
