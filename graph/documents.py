"""Cited documents' own metadata, from the ``record.json`` files of a fetch cache.

``kamerxref fetch`` (:mod:`kamerxref.graph.fetch`) keeps, beside each document it
downloads, the record the KOOP service gave for it (``CACHE/kst-36871-O/record.json``) and
the text of each page of its PDF (``pages.json``). When the cache is among the inputs of
``build`` (or of any command), these files are *metadata*, not letters:

- the readers never see them (:func:`cache_sidecar` tells :func:`~.readers.input_files`
  to pass them by, together with the other manifestations of a cached document: of
  ``kst-36871-O.xml`` and ``kst-36871-O.pdf`` only the XML is read as a letter);
- :func:`read_documents` collects them into :class:`DocumentInfo` records;
- :func:`apply_documents` gives the graph's document nodes their title, date and type
  (``kst-36871-O``: ``doc_title`` "Kabinetsappreciatie onderzoeksrapport Clingendael; Brief
  regering", ``doc_date``, ``doc_type`` "Brief regering"), a ``bijlage`` part node the
  title of the paper's attachment (``blg-…``, whose record names ``kst-36871-O`` as its
  ``hoofddocument``), and each cited page node the ``text`` of that page (``kst-36871-O/p5``:
  page 5 of the PDF; ``kst-36871-O/bijlage/p40``: page 40 of the bijlage), cut at
  :data:`PAGE_TEXT_LIMIT` characters.

Only nodes the letters cite get attributes; the cache adds no nodes and no edges. Page
numbers are the PDF's own page order (a Kamerstuk PDF starts at its page 1).
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import networkx as nx

from .model import Issue

__all__ = ["RECORD_FILE", "PAGES_FILE", "PAGE_TEXT_LIMIT", "DocumentInfo", "read_documents",
           "apply_documents", "describe_nodes", "cache_sidecar"]

RECORD_FILE = "record.json"
PAGES_FILE = "pages.json"
#: Characters of a page's text kept on a page node (a dense page holds about 4,000).
PAGE_TEXT_LIMIT = 3000


@dataclass
class DocumentInfo:
    """What the cache knows of one document (from its ``record.json`` and ``pages.json``)."""

    identifier: str
    title: str = ""
    type: str = ""  # Kamerstuk, Bijlage, Handelingen
    subtype: str = ""  # Brief regering, Verslag, Motie
    date: str = ""
    available: str = ""
    hoofddocument: str = ""
    source: str = ""  # the record.json it came from
    pages: list[str] = field(default_factory=list)


def cache_sidecar(path: Path) -> bool:
    """True for a file of a cache entry that is not read as a letter: ``record.json``,
    ``pages.json``, and the manifestations other than the one read (the XML where there
    is one; a PDF-only paper's PDF; nothing of a bijlage). A file the record does not
    list is not a sidecar: it is read as any other input."""
    path = Path(path)
    if path.name in (RECORD_FILE, PAGES_FILE):
        return True
    entry = _entry(path.parent / RECORD_FILE, _mtime(path.parent / RECORD_FILE))
    if entry is None:
        return False
    letter_file, files = entry
    return path.name in files and path.name != letter_file


def _mtime(path: Path) -> int:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return -1


@lru_cache(maxsize=4096)
def _entry(record: Path, mtime: int) -> tuple[str | None, frozenset[str]] | None:
    """(file read as the letter, every manifestation file) of a cache entry, or None."""
    if mtime < 0:
        return None
    try:
        data = json.loads(record.read_text(encoding="utf-8"))
        mans = data.get("manifestations") or {}
        files = {m.get("file", "") for m in mans.values() if isinstance(m, dict)}
    except (OSError, ValueError, AttributeError):
        return None
    letter = None
    if isinstance(mans.get("xml"), dict):
        letter = mans["xml"].get("file")
    elif isinstance(mans.get("pdf"), dict) and not data.get("hoofddocument"):
        letter = mans["pdf"].get("file")
    return letter, frozenset(f for f in files if f)


def _record_files(paths: Iterable[str | Path]) -> list[Path]:
    out = []
    for raw in paths:
        p = Path(raw)
        if p.is_file() and p.name == RECORD_FILE:
            out.append(p)
        elif p.is_dir():
            for child in sorted(p.rglob(RECORD_FILE)):
                rel = child.relative_to(p)
                if not any(part.startswith((".", "_")) for part in rel.parts):
                    out.append(child)
    return out


def read_documents(paths: Iterable[str | Path]) -> tuple[dict[str, DocumentInfo], list[Issue]]:
    """The :class:`DocumentInfo` of every ``record.json`` under ``paths`` (files or
    folders, as given to ``build``), by identifier; an unreadable record is an Issue
    naming the file. A ``pages.json`` is used only when its sha256 is the cached PDF's."""
    docs: dict[str, DocumentInfo] = {}
    issues: list[Issue] = []
    for path in _record_files(paths):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(data, dict) or not isinstance(data.get("identifier"), str):
                raise ValueError("no identifier")
        except (OSError, ValueError) as err:
            issues.append(Issue(str(path), "", "bad-record",
                                f"not a kamerxref cache record, ignored ({str(err).splitlines()[0][:120]})"))
            continue
        text = {k: v if isinstance(v, str) else "" for k, v in data.items()}
        info = DocumentInfo(identifier=text["identifier"], title=text.get("title", ""),
                            type=text.get("type", ""), subtype=text.get("subtype", ""),
                            date=text.get("date", ""), available=text.get("available", ""),
                            hoofddocument=text.get("hoofddocument", ""), source=str(path))
        pdf = (data.get("manifestations") or {}).get("pdf")
        info.pages = _pages(path.parent / PAGES_FILE, pdf if isinstance(pdf, dict) else None, issues)
        if info.identifier not in docs:
            docs[info.identifier] = info
    return docs, issues


def _pages(path: Path, pdf: dict | None, issues: list[Issue]) -> list[str]:
    if pdf is None or not path.is_file():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        pages = data["pages"]
        if not isinstance(pages, list) or not all(isinstance(p, str) for p in pages):
            raise ValueError("pages is not a list of texts")
    except (OSError, ValueError, KeyError, TypeError) as err:
        issues.append(Issue(str(path), "", "bad-pages", f"page texts unreadable, ignored ({err})"))
        return []
    if data.get("sha256") != pdf.get("sha256"):
        issues.append(Issue(str(path), "", "stale-pages",
                            "page texts are of another version of the PDF; ignored (fetch again)"))
        return []
    return pages


def _cut(text: str, limit: int = PAGE_TEXT_LIMIT) -> str:
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit * 0.8 else limit].rstrip() + " …"


def apply_documents(G: nx.MultiDiGraph, documents: dict[str, DocumentInfo]) -> None:
    """Give the cited document, bijlage and page nodes what the cache knows of them
    (see the module docstring); nodes stay, edges stay."""
    describe_nodes(G.nodes(data=True), documents)


def describe_nodes(nodes: Iterable[tuple[str, dict]], documents: dict[str, DocumentInfo]) -> None:
    """:func:`apply_documents` on ``(node id, attribute dict)`` pairs, changed in place
    (the distributed build applies it to its node tables)."""
    if not documents:
        return
    bijlagen: dict[str, list[DocumentInfo]] = {}
    for d in sorted(documents.values(), key=lambda d: d.identifier):
        if d.hoofddocument:
            bijlagen.setdefault(d.hoofddocument, []).append(d)
    for nid, data in nodes:
        kind = data.get("kind")
        if kind == "document" and nid in documents:
            _describe(data, documents[nid])
        elif kind == "part" and data.get("part") == "bijlage":
            found = bijlagen.get(data.get("document", ""), [])
            if len(found) == 1:
                _describe(data, found[0])
                data["publication"] = found[0].identifier
            elif found:
                data["bijlagen"] = json.dumps([d.identifier for d in found])
        elif kind == "page":
            doc = data.get("document", "")
            part = data.get("part", "")
            source = documents.get(doc) if not part else (
                bijlagen[doc][0] if part == "bijlage" and len(bijlagen.get(doc, [])) == 1 else None)
            page = data.get("page")
            if source and source.pages and isinstance(page, int) and 1 <= page <= len(source.pages):
                data["text"] = _cut(source.pages[page - 1])


def _describe(data: dict, doc: DocumentInfo) -> None:
    for key, value in (("doc_title", doc.title), ("doc_date", doc.date or doc.available),
                       ("doc_available", doc.available), ("doc_type", doc.subtype or doc.type)):
        if value:
            data[key] = value
