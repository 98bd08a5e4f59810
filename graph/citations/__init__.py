"""The citation engine: find citations in footnotes, resolve short forms, build ids.

Two stages, as in eyecite (DESIGN §2): :func:`find_citations` (one text, spans, no
context) and :func:`resolve_footnotes` (a sequence of footnotes, Idem across them).
The grammar is data (:mod:`.grammar`); ids and URLs are in :mod:`.ids`.

From seed letter 181524::

    >>> from kamerxref.graph.citations import resolve_footnotes, target_ids
    >>> out = resolve_footnotes([("2", "Kamerstukken I 2025/26, 36 871, O, bijlage, p. 40."),
    ...                          ("3", "Idem, p. 18.")])
    >>> target_ids(out[1][0][0])
    ['kst-36871-O/bijlage/p18']
"""
from __future__ import annotations

from ..model import Citation, Issue, Letter
from .find import FoundCitation, find_citations, find_citations_many
from . import ids
from .ids import dossier_id, page_id, part_id, target_from_text, target_ids
from ..gcpause import gc_paused
from .resolve import _own_paper, _to_citation, resolve_footnotes

__all__ = [
    "FoundCitation",
    "dossier_id",
    "find_citations",
    "page_id",
    "parse_citation_text",
    "part_id",
    "resolve_footnotes",
    "resolve_letter",
    "target_from_text",
    "target_ids",
]


def parse_citation_text(text: str) -> list[Citation]:
    """The citations in one piece of text, short forms left out (nothing to resolve them
    to). ``"Europese strategie voor asiel- en migratiebeheer COM(2026)45"`` ->
    ``[Citation(kind="eu-document", document="com-2026-45", ...)]``."""
    return citations_alone([text])[0]


def citations_alone(texts: list[str], dossier: str | None = None) -> list[list[Citation]]:
    """The citations of each text read on its own (running text, a betreft line), in one
    batch with one trigger scan: short forms have nothing before them to resolve to and a
    malformed citation gives only a warning, so both are left out; except ``(stuk nr. 3)``
    when the ``dossier`` the text belongs to is known (``30573`` -> ``kst-30573-3``)."""
    with gc_paused():
        found = find_citations_many(texts)
    out = []
    for fcs in found:
        cits = []
        for fc in fcs:
            if fc.kind not in _NOT_ALONE:
                cits.append(_to_citation(fc))
            elif dossier and fc.short_form == "stuk nr.":
                cits.append(_own_paper(fc, dossier))
        out.append(cits)
    return out


def resolve_letter(letter: Letter) -> None:
    """Fill ``footnote.citations`` of every footnote, ``paragraph.citations`` with the
    citations standing in the body text, and ``letter.about`` from ``letter.betreft``.

    Warnings go to both ``footnote.warnings`` and ``letter.warnings``, as
    ``Issue(source=letter.source, where="line 43, footnote 3", ...)``. A footnote that
    cites nothing recognisable stays on the letter (with a ``no-citation`` warning).
    Citations a reader already put there (``how="publisher"``: officielebekendmakingen
    ``extref`` links) are kept, before the ones found in the text. A letter published in
    a Kamerstuk (``letter.publication = "kst-30573-J"``) resolves ``(stuk nr. 3)`` in its
    footnotes and its body text to ``kst-30573-3``.

    Body text: seed 002's introduction names "de mededeling COM(2026)45"; that becomes a
    ``Citation(how="text")`` on the paragraph (short forms are left out in running text:
    there is no footnote order to resolve them by).
    """
    dossier = ids.dossier_of_document(letter.publication)
    results = resolve_footnotes([(fn.number, fn.text) for fn in letter.footnotes], letter.source,
                                dossier=dossier)
    for fn, (cits, issues) in zip(letter.footnotes, results):
        publisher = [c for c in fn.citations if c.how == "publisher"]
        fn.citations = publisher + cits
        for issue in issues:
            if publisher and issue.code == "no-citation":
                continue
            if issue.code == "no-citation" and letter.members and fn.text.startswith("Samenstelling"):
                continue  # the committee's composition, read as letter.members (verslag_text)
            issue = Issue(source=letter.source, where=f"line {fn.line}, footnote {fn.number}",
                          code=issue.code, message=issue.message, line=fn.line)
            fn.warnings.append(issue)
            letter.warnings.append(issue)
    # the body texts and the betreft in one batch
    found = citations_alone([para.text for para in letter.paragraphs] + [letter.betreft or ""],
                            dossier)
    for para, body in zip(letter.paragraphs, found):
        for c in body:
            c.how = "text"
        para.citations = [c for c in para.citations if c.how == "publisher"] + body
    letter.about = found[-1]


#: Found kinds that give no citation in a text on its own: a short form (Idem, zie noot)
#: has nothing before it to resolve to, a malformed one only a warning.
_NOT_ALONE = frozenset({"short", "malformed"})
