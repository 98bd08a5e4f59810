"""Links to the exact source, built offline from a node of the graph (no request made).

The graph's ``url`` attribute (``graph/citations/ids.py``) names a document; the explorer
links each cited node as precisely as the publisher allows:

=================================  ==============================================================
node                               link
=================================  ==============================================================
``kst-36871-O/p5`` (page)          ``https://zoek.officielebekendmakingen.nl/kst-36871-O.pdf#page=5``
``kst-36871-O/bijlage/p40``        ``https://zoek.officielebekendmakingen.nl/kst-36871-O.html``: a
                                   bijlage is a separate publication (``blg-...``) whose id cannot
                                   be derived offline; the document's page lists its bijlagen
``dossier-36871``                  ``https://zoek.officielebekendmakingen.nl/dossier/36871``
``edossier-E260010``               ``https://www.eerstekamer.nl/eu/edossier/e260010``
``ECLI:NL:HR:2020:1``              ``https://deeplink.rechtspraak.nl/uitspraak?id=ECLI:NL:HR:2020:1``
``com-2026-45``, ``kst-36871-O``   the document's own URL (EUR-Lex, officielebekendmakingen)
=================================  ==============================================================

Only ``https://`` URLs made of URL characters are returned (:func:`safe_href`); anything
else gives ``""`` (no link).
"""
from __future__ import annotations

import re
from typing import Any

import networkx as nx

OB = "https://zoek.officielebekendmakingen.nl/"
EK_EDOSSIER = "https://www.eerstekamer.nl/eu/edossier/{number}"
#: Publications on officielebekendmakingen whose PDF manifestation has the printed pages
#: (``kst-36871-O.pdf#page=5``); their printed page numbers are the PDF's pages.
_PDF_PAGES = re.compile(r"^(?:kst|h|ah|stb|stcrt|trb)-[A-Za-z0-9-]+$")
_OB_HTML = re.compile(r"^https://zoek\.officielebekendmakingen\.nl/([A-Za-z0-9-]+)\.html$")
_SAFE = re.compile(r"^https://[A-Za-z0-9._~:/?#\[\]@!$&'()*+,;=%-]+$")
_DOSSIER = re.compile(r"^[0-9]{4,6}(?:-[A-Za-z0-9]{1,6})?$")
_EDOSSIER = re.compile(r"^E[0-9]{6}$", re.IGNORECASE)


def safe_href(url: Any) -> str:
    """Only ``https://`` URLs become links (never ``javascript:``, ``data:`` or a URL with
    quotes or spaces): ``"javascript:alert(1)"`` -> ``""``."""
    url = "" if url is None else str(url)
    return url if _SAFE.match(url) and "'" not in url else ""


def page_url(document_url: str, page: int, in_part: bool) -> str:
    """``(".../kst-36871-O.html", 5, False)`` -> ``".../kst-36871-O.pdf#page=5"``; a page of
    a part (bijlage) keeps the document's URL."""
    m = _OB_HTML.match(document_url or "")
    if m and not in_part and page > 0 and _PDF_PAGES.match(m.group(1)):
        return f"{OB}{m.group(1)}.pdf#page={page}"
    return document_url or ""


def dossier_url(kind: str, number: str) -> str:
    """``("kamerstuk", "36871")`` -> the dossier overview on officielebekendmakingen;
    ``("edossier", "E260010")`` -> the E-dossier on the Eerste Kamer site."""
    if kind == "edossier" and _EDOSSIER.match(number):
        return EK_EDOSSIER.format(number=number.lower())
    if kind != "edossier" and _DOSSIER.match(number):
        return f"{OB}dossier/{number}"
    return ""


def source_url(G: nx.MultiDiGraph, n: str) -> str:
    """The most precise official link of a cited node (table in the module docstring)."""
    d = G._node[n]
    kind = d.get("kind")
    url = safe_href(d.get("url"))
    if kind == "page":
        try:
            page = int(d.get("page") or 0)
        except (TypeError, ValueError):
            page = 0
        return safe_href(page_url(url, page, bool(d.get("part"))))
    if kind == "dossier":
        return url or safe_href(dossier_url(str(d.get("dossier_kind") or ""),
                                            str(d.get("number") or "")))
    return url


#: ``http(s)://`` URLs inside footnote text (the script makes the same ones clickable).
FOOTNOTE_URL = re.compile(r"https?://[^\s<>\"'\u00ab\u00bb\u201c\u201d]+")


def footnote_urls(text: str) -> list[str]:
    """The URLs a footnote's text holds, trailing punctuation dropped:
    ``"Zie https://nos.nl/artikel/2500000-x.html."`` -> ``["https://nos.nl/artikel/2500000-x.html"]``."""
    return [m.group(0).rstrip(".,;:)]") for m in FOOTNOTE_URL.finditer(text or "")]
