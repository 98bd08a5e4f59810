"""Server-side parts of the pages (header, controls, legend) and the public renderers.

All markup built here passes document text through :func:`.page.esc`; everything else
(graph, panels, lists, tables) is built by ``explorer.js`` from the JSON data with
``textContent``.
"""
from __future__ import annotations

import datetime as _dt
import functools
import math
import re
from pathlib import Path
from typing import Any, Callable

import networkx as nx

from kamerxref.graph.gcpause import gc_paused
from kamerxref.graph.parallel import fork_map

from ..unchanged import write_unless_same  # a rebuild leaves files with the same bytes alone
from . import search, views
from .page import SITE_ASSETS, assemble, asset_text, esc

KIND_ORDER = ("letter", "fractie", "section", "question", "page", "part", "document", "dossier")


# --------------------------------------------------------------------------- legend
@functools.lru_cache(maxsize=256)  # the same few swatches on every page of a site
def _shape_svg(shape: str, color: str) -> str:
    c = esc(color)
    if shape == "dot":
        body = f'<circle cx="9" cy="9" r="6" fill="{c}"/>'
    elif shape == "square":
        body = f'<rect x="3" y="3" width="12" height="12" fill="{c}"/>'
    elif shape == "box":
        body = f'<rect x="1" y="4" width="16" height="10" rx="3" fill="{c}" stroke="#607d8b"/>'
    elif shape == "ellipse":
        body = f'<ellipse cx="9" cy="9" rx="8" ry="5" fill="{c}" stroke="#607d8b"/>'
    else:
        pts = {
            "triangle": [(9, 2), (16, 15), (2, 15)],
            "diamond": [(9, 1), (17, 9), (9, 17), (1, 9)],
            "hexagon": [(9 + 7 * math.cos(math.radians(a)), 9 + 7 * math.sin(math.radians(a)))
                        for a in range(30, 390, 60)],
            "star": [(9 + (8 if i % 2 == 0 else 3.5) * math.sin(math.radians(i * 36)),
                      9 - (8 if i % 2 == 0 else 3.5) * math.cos(math.radians(i * 36)))
                     for i in range(10)],
        }.get(shape, [(3, 3), (15, 3), (15, 15), (3, 15)])
        points = " ".join(f"{x:.1f},{y:.1f}" for x, y in pts)
        body = f'<polygon points="{points}" fill="{c}"/>'
    return f'<svg class="kx-swatch" width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">{body}</svg>'


def _line_svg(color: str, width: float, dashes: Any) -> str:
    return _line_svg_of(color, width, tuple(dashes) if isinstance(dashes, list) else dashes)


@functools.lru_cache(maxsize=256)
def _line_svg_of(color: str, width: float, dashes: Any) -> str:
    dash = f' stroke-dasharray="{" ".join(str(d) for d in dashes)}"' if dashes else ""
    return (f'<svg class="kx-swatch" width="40" height="12" viewBox="0 0 40 12" aria-hidden="true">'
            f'<line x1="1" y1="6" x2="39" y2="6" stroke="{esc(color)}" stroke-width="{width}"{dash}/></svg>')


def legend_html(data: dict[str, Any]) -> str:
    kinds = {n["kind"] for n in data["nodes"]}
    items = []
    for kind in KIND_ORDER:
        if kind in kinds:
            st = views.NODE_STYLE[kind]
            items.append(f'<li>{_shape_svg(st["shape"], st["color"])} {esc(st["name"])}</li>')
    out = ['<h2 class="kx-h2">Legend</h2><div class="kx-legend-cols">',
           '<div><h3>Nodes</h3><ul class="kx-legend-list">', *items, '</ul></div>']
    fr = _view_fracties(data)
    if fr:
        out.append('<div><h3>Fracties</h3><ul class="kx-legend-list">')
        for f in data["fracties"]:
            if f["name"] in fr:
                out.append(f'<li>{_shape_svg("dot", f["color"])} <span lang="nl">{esc(f["name"])}</span></li>')
        out.append("</ul></div>")
    out.append('<div><h3>Edges</h3><ul class="kx-legend-list">')
    for how in data["hows"]:
        st = views.HOW_STYLE.get(how, {**views.OTHER_HOW_STYLE, "name": how})
        out.append(f'<li>{_line_svg(st["color"], st["width"], st["dashes"])} cites, {esc(st["name"])}</li>')
    st = views.STRUCTURE_EDGE_STYLE
    out.append(f'<li>{_line_svg(st["color"], st["width"], st["dashes"])} contains / page of / part of / in dossier</li>')
    st = views.ABOUT_EDGE_STYLE
    out.append(f'<li>{_line_svg(st["color"], st["width"], st["dashes"])} letter is about (betreft)</li>')
    out.append("</ul></div></div>")
    return "".join(out)


def _view_fracties(data: dict[str, Any]) -> list[str]:
    names: set[str] = set()
    for n in data["nodes"]:
        if n["kind"] in ("question", "section"):
            names.update(n.get("fracties", []))
        elif n["kind"] == "fractie":
            names.add(n.get("name", ""))
    for letter in data["letters"]:
        names.update(letter.get("fracties", []))
    names.discard("")
    return sorted(names)


# --------------------------------------------------------------------------- toolbars
def _search_field(what: str) -> str:
    return ('<div class="kx-field kx-search-field">'
            '<label for="kx-search">Search</label>'
            f'<input id="kx-search" type="search" autocomplete="off" spellcheck="false" '
            f'placeholder="{esc(what)}" aria-describedby="kx-search-help" aria-controls="kx-results">'
            f'<span id="kx-search-help" class="kx-sr">Searches {esc(what)}. All words must match; '
            'Enter opens the first result.</span></div>')


def _select(sid: str, label: str, first: str, options: list[tuple[str, str]], lang_nl: bool = False) -> str:
    out = [f'<div class="kx-field"><label for="{sid}">{esc(label)}</label><select id="{sid}">'
           f'<option value="">{esc(first)}</option>']
    lang = ' lang="nl"' if lang_nl else ""
    for value, text in options:
        out.append(f'<option value="{esc(value)}"{lang}>{esc(text)}</option>')
    out.append("</select></div>")
    return "".join(out)


def toolbar_html(data: dict[str, Any]) -> str:
    """Search and filters of the letter and corpus views."""
    out = [_search_field("question text, footnotes, citations (36 871 O p. 40), kenmerken"
                         + (" in all letters" if data.get("search") else ""))]
    out.append(_select("kx-fractie", "Fractie", "All fracties",
                       [(n, n) for n in _view_fracties(data)], lang_nl=True))
    if len(data["letters"]) > 1:
        opts = []
        for letter in data["letters"]:
            text = f"{letter['kenmerk'] or letter['id']} \u2013 {views.short(letter['betreft'], 60)}"
            if letter["datum"]:
                text += f" ({letter['datum']})"
            opts.append((letter["id"], text))
        out.append(_select("kx-letter", "Letter", "All letters", opts))
    kinds = {n["kind"] for n in data["nodes"]}
    out.append('<fieldset class="kx-field kx-checks"><legend>Node kinds</legend>')
    for kind in KIND_ORDER:
        if kind in kinds:
            out.append(f'<label><input type="checkbox" class="kx-kind" value="{kind}" checked> {kind}</label>')
    out.append("</fieldset>")
    out.append('<fieldset class="kx-field kx-checks"><legend>Attribution (how)</legend>')
    for how in data["hows"]:
        out.append(f'<label><input type="checkbox" class="kx-how" value="{esc(how)}" checked> {esc(how)}</label>')
    out.append("</fieldset>")
    out.append('<div class="kx-field kx-buttons"><button type="button" id="kx-fit">Fit graph</button>'
               '<button type="button" id="kx-reset">Reset</button></div>')
    out.append('<div id="kx-results" class="kx-results" role="region" aria-label="Search results"></div>')
    return "".join(out)


def overview_toolbar(data: dict[str, Any]) -> str:
    """Search and the filters of the overview: fractie, committee, period, status, cited
    document (those two letters or more cite, most cited first)."""
    letters = data["letters"]
    out = [_search_field("question text, footnotes, citations (36 871 O p. 40, COM(2026)45), kenmerken")]
    out.append(_select("kx-fractie", "Fractie", "All fracties",
                       [(f["name"], f["name"]) for f in data["fracties"]], lang_nl=True))
    committees = sorted({(l["committee_abbr"] or l["committee"]) for l in letters} - {""})
    out.append(_select("kx-committee", "Committee", "All committees", [(c, c) for c in committees],
                       lang_nl=True))
    months = sorted({l["datum"][:7] for l in letters if len(l["datum"]) >= 7})
    out.append(_select("kx-from", "From", "Any month", [(m, m) for m in months]))
    out.append(_select("kx-to", "To", "Any month", [(m, m) for m in months]))
    statuses = {l["status"] for l in letters}
    ordered = [s for s in views.STATUS_ORDER if s in statuses] + sorted(statuses - set(views.STATUS_ORDER))
    out.append(_select("kx-status-filter", "Status", "Any status", [(s, s) for s in ordered]))
    docs = sorted((t for t, s in data["sources"].items()
                   if s["kind"] in ("document", "dossier") and s["n_letters"] >= 2),
                  key=lambda t: (-data["sources"][t]["n_letters"], t))[:MAX_DOCUMENT_OPTIONS]
    out.append(_select("kx-doc", "Cited document", "Any document",
                       [(t, f"{data['sources'][t]['readable']} ({data['sources'][t]['n_letters']} letters)")
                        for t in docs]))
    out.append('<div class="kx-field kx-buttons"><button type="button" id="kx-reset">Reset</button></div>')
    out.append('<div id="kx-results" class="kx-results" role="region" aria-label="Search results"></div>')
    return "".join(out)


#: The Cited document filter lists at most this many documents (the search finds all).
MAX_DOCUMENT_OPTIONS = 300


# --------------------------------------------------------------------------- headers
def _meta_row(term: str, value_html: str) -> str:
    return f"<div><dt>{esc(term)}</dt><dd>{value_html}</dd></div>"


def _time(iso: str, text: str) -> str:
    return f'<time datetime="{esc(iso)}">{esc(text or iso)}</time>' if iso else "\u2013"


def status_class(letter: dict[str, Any]) -> str:
    """CSS class of a letter's status badge (the script uses the same rule)."""
    status, days = letter["status"], letter["days_left"]
    if status.startswith("answered"):
        return "kx-answered"
    if status == "overdue" or (days is not None and days < 0):
        return "kx-overdue"
    if days is not None and days <= 7:
        return "kx-due"
    return "kx-open"


def _deadline_html(letter: dict[str, Any]) -> str:
    parts = [_time(letter["deadline"], letter["deadline_nl"]) if letter["deadline"] else "no deadline",
             f'<span class="kx-days {status_class(letter)}">{esc(letter["status"])}: {esc(letter["due"])}</span>']
    if letter["term"]:
        parts.append(f'<span class="kx-term" lang="nl">({esc(letter["term"])})</span>')
    return " ".join(parts)


def letter_header(letter: dict[str, Any], data: dict[str, Any], today: _dt.date,
                  overview_href: str | None) -> str:
    n_sources = sum(1 for n in data["nodes"] if n["kind"] in views.TARGET_KINDS)
    n_q = sum(1 for n in data["nodes"] if n["kind"] == "question")
    out = []
    if overview_href:
        out.append(f'<nav class="kx-nav" aria-label="Site"><a href="{esc(overview_href)}">\u2190 All letters</a></nav>')
    out.append(f'<h1>Letter {esc(letter["kenmerk"] or letter["id"])}'
               f'{": " if letter["betreft"] else ""}<span lang="nl">{esc(letter["betreft"])}</span></h1>')
    rows = [
        _meta_row("Datum", _time(letter["datum"], letter["datum_nl"])),
        _meta_row("Kenmerk", esc(letter["kenmerk"]) or "\u2013"),
        _meta_row("Deadline", _deadline_html(letter)),
        _meta_row("Committee", f'<span lang="nl">{esc(letter["committee"])}</span>'
                  + (f" ({esc(letter['committee_abbr'])})" if letter["committee_abbr"] else "")),
        _meta_row("Addressee", f'<span lang="nl">{esc(letter["addressee"])}</span>'),
        _meta_row("Chair", esc(letter["chair"]) or "\u2013"),
        _meta_row("Fracties", f'<span lang="nl">{esc(", ".join(letter["fracties"]))}</span>'),
        _meta_row("Counts", f"{n_q} questions, {len(data['footnotes'])} footnotes, "
                  f"{n_sources} cited sources" + (f", {letter['n_warnings']} warnings"
                                                  if letter["n_warnings"] else "")),
    ]
    if letter["source"]:
        rows.append(_meta_row("Source", f"<code>{esc(letter['source'])}</code>"))
    out.append('<dl class="kx-meta">' + "".join(rows) + "</dl>")
    out.append(f'<p class="kx-today">Days counted from {_time(today.isoformat(), views.date_nl(today))}.</p>')
    return "".join(out)


def corpus_header(data: dict[str, Any], today: _dt.date, title: str) -> str:
    letters = data["letters"]
    out = [f"<h1>{esc(title)}</h1>"]
    n_q = sum(letter["n_questions"] for letter in letters)
    n_fn = sum(letter["n_footnotes"] for letter in letters)
    by_status: dict[str, int] = {}
    for letter in letters:
        by_status[letter["status"]] = by_status.get(letter["status"], 0) + 1
    dates = sorted(letter["datum"] for letter in letters if letter["datum"])
    n_docs = (sum(1 for s in data["sources"].values() if s["kind"] in ("document", "dossier"))
              if "sources" in data else sum(1 for n in data["nodes"] if n["kind"] in ("document", "dossier")))
    status_html = ", ".join(
        f'<span class="kx-days {status_class({"status": s, "days_left": -1 if s == "overdue" else None})}">'
        f'{by_status[s]} {esc(s)}</span>' for s in sorted(by_status, key=_status_rank))
    rows = [
        _meta_row("Letters", str(len(letters))),
        _meta_row("Period", f"{_time(dates[0], dates[0])} \u2013 {_time(dates[-1], dates[-1])}"
                  if dates else "\u2013"),
        _meta_row("Questions", str(n_q)),
        _meta_row("Footnotes", str(n_fn)),
        _meta_row("Cited documents", str(n_docs)),
        _meta_row("Status", status_html or "\u2013"),
    ]
    out.append('<dl class="kx-meta">' + "".join(rows) + "</dl>")
    out.append(f'<p class="kx-today">Days counted from {_time(today.isoformat(), views.date_nl(today))}.</p>')
    return "".join(out)


def _status_rank(status: str) -> tuple:
    order = views.STATUS_ORDER
    return (order.index(status) if status in order else len(order), status)


# --------------------------------------------------------------------------- bodies
GRAPH_SECTION = """
<section class="kx-block kx-graph-section" id="kx-graph-block" aria-labelledby="kx-graph-h">
<h2 id="kx-graph-h" class="kx-h2">{title}</h2>
<p class="kx-hint">{hint}</p>
<div id="kx-graph" class="kx-graph" role="img" aria-label="{label}"></div>
<p id="kx-status" class="kx-status"></p>
</section>
"""

DETAIL_BODY = GRAPH_SECTION.format(
    title="Questions and the pages they cite",
    hint="Click a node for its details. The same questions and sources are in the lists below.",
    label="Citation graph: questions on the left, the pages, parts and documents they cite on "
          "the right; the reading view, the cited sources and the matrix below hold the same") + """
<section class="kx-legend" aria-labelledby="kx-legend-h">
@@LEGEND@@
</section>
<section class="kx-block" id="kx-related" aria-labelledby="kx-related-h">
<h2 id="kx-related-h" class="kx-h2">Related letters</h2>
<p class="kx-hint">Letters citing the same pages, documents or dossiers (a shared page weighs most).</p>
<div id="kx-related-list"></div>
</section>
<section class="kx-block" id="kx-sources" aria-labelledby="kx-sources-h">
<h2 id="kx-sources-h" class="kx-h2" tabindex="-1">Cited sources</h2>
<p class="kx-hint">Each source with the number of questions citing it; choose one to list them.</p>
<div id="kx-sources-list"></div>
</section>
<section class="kx-block" id="kx-matrix" aria-labelledby="kx-matrix-h">
<h2 id="kx-matrix-h" class="kx-h2" tabindex="-1">Questions \u00d7 cited pages</h2>
<p class="kx-hint" id="kx-matrix-hint">Rows: questions; columns: cited pages, parts and documents; cells: the footnote numbers. Choose a column heading to sort the questions citing it to the top.</p>
<div id="kx-matrix-table" class="kx-scroll"></div>
</section>
<section class="kx-block" id="kx-reading" aria-labelledby="kx-reading-h">
<h2 id="kx-reading-h" class="kx-h2" tabindex="-1">Reading view</h2>
<p class="kx-hint">The sections and questions of the letter in document order, each with the markers of the footnotes it cites; the notes follow, their citations and web addresses linked.</p>
<div id="kx-reading-text"></div>
</section>
"""

OVERVIEW_BODY = """
<section class="kx-block" id="kx-letters" aria-labelledby="kx-letters-h">
<h2 id="kx-letters-h" class="kx-h2" tabindex="-1">Letters</h2>
<p id="kx-filter-status" class="kx-hint"></p>
<div id="kx-letters-table" class="kx-scroll"></div>
</section>
<section class="kx-block" id="kx-timeline" aria-labelledby="kx-timeline-h">
<h2 id="kx-timeline-h" class="kx-h2">Letters per month</h2>
<div id="kx-timeline-chart"></div>
</section>
<section class="kx-block" id="kx-replies" aria-labelledby="kx-replies-h">
<h2 id="kx-replies-h" class="kx-h2">Status and reply times</h2>
<div class="kx-cols">
<div id="kx-status-table" class="kx-scroll"></div>
<div id="kx-reply-times" class="kx-scroll"></div>
</div>
</section>
<div class="kx-cols">
<section class="kx-block" id="kx-top-sources" aria-labelledby="kx-top-sources-h">
<h2 id="kx-top-sources-h" class="kx-h2">Most-cited documents and dossiers</h2>
<div id="kx-top-sources-table" class="kx-scroll"></div>
</section>
<section class="kx-block" id="kx-top-pages" aria-labelledby="kx-top-pages-h">
<h2 id="kx-top-pages-h" class="kx-h2">Most-cited pages (cited by two letters or more)</h2>
<div id="kx-top-pages-table" class="kx-scroll"></div>
</section>
</div>
""" + GRAPH_SECTION.format(
    title="What letters share",
    hint="Letters (stars) and the pages, documents and dossiers two or more of the filtered "
         "letters cite; the sources most shared first. Filters draw the graph again.",
    label="Graph of the letters and the sources they share; the tables list the same") + """
<div class="kx-cols">
<section class="kx-block" id="kx-fracties-block" aria-labelledby="kx-fracties-h">
<h2 id="kx-fracties-h" class="kx-h2">Fracties</h2>
<p class="kx-hint">Questions of the filtered letters; a joint question (Volt with the PvdD) counts for each fractie, once.</p>
<div id="kx-fracties-table" class="kx-scroll"></div>
</section>
<section class="kx-block" id="kx-documents" aria-labelledby="kx-documents-h">
<h2 id="kx-documents-h" class="kx-h2">Cited documents and dossiers</h2>
<div id="kx-documents-table" class="kx-scroll"></div>
</section>
</div>
"""

DETAIL_SKIPS = ('<a class="kx-skip" href="#kx-search">Skip to search</a>'
                '<a class="kx-skip" href="#kx-matrix-h">Skip to the matrix</a>'
                '<a class="kx-skip" href="#kx-sources-h">Skip to cited sources</a>'
                '<a class="kx-skip" href="#kx-reading-h">Skip to the reading view</a>'
                '<a class="kx-skip" href="#kx-panel">Skip to details</a>')
OVERVIEW_SKIPS = ('<a class="kx-skip" href="#kx-search">Skip to search</a>'
                  '<a class="kx-skip" href="#kx-letters-h">Skip to the letters table</a>'
                  '<a class="kx-skip" href="#kx-panel">Skip to details</a>')


def _detail_page(data: dict[str, Any], title: str, header: str, assets: str | None) -> str:
    body = DETAIL_BODY.replace("@@LEGEND@@", legend_html(data))
    return assemble(title=title, mode=data["mode"], data=data, header=header,
                    toolbar=toolbar_html(data), body=body, skips=DETAIL_SKIPS, assets=assets)


def _overview_page(data: dict[str, Any], today: _dt.date, title: str, assets: str | None) -> str:
    return assemble(title=f"{title} \u2013 kamerxref", mode="overview", data=data,
                    header=corpus_header(data, today, title), toolbar=overview_toolbar(data),
                    body=OVERVIEW_BODY, skips=OVERVIEW_SKIPS, assets=assets)


# --------------------------------------------------------------------------- public
def _check_letter(G: nx.MultiDiGraph, letter_id: str) -> None:
    if letter_id not in G or G._node[letter_id].get("kind") != "letter":
        raise KeyError(f"{letter_id}: no letter with this id in the graph")


def render_letter(G: nx.MultiDiGraph, letter_id: str, today: _dt.date, *,
                  overview_href: str | None = None) -> str:
    """The per-letter explorer page for ``letter_id`` (e.g. ``"letter-181524"``), one
    self-contained file.

    ``today`` fixes the "days left / overdue" of the header (the same graph and today give
    byte-identical HTML); ``overview_href`` adds a link back to the overview page.
    Raises ``KeyError`` naming the id when the graph has no such letter.
    """
    _check_letter(G, letter_id)
    return _render_letter(G, letter_id, today, overview_href, None, views.CorpusIndex(G), None, None)


def _render_letter(G: nx.MultiDiGraph, letter_id: str, today: _dt.date,
                   overview_href: str | None, colors: dict[str, str] | None,
                   index: views.CorpusIndex, names: dict[str, str] | None,
                   assets: str | None) -> str:
    _check_letter(G, letter_id)
    data = views.detail_data(G, [letter_id], today, colors, index)
    related = index.related(G, letter_id)
    if names is not None:
        for r in related:
            r["href"] = names[r["id"]]
    data["related"] = related
    if assets is not None:  # a page of a built site: the corpus search and links back
        data["site"] = {"assets": assets, "root": "../", "overview": overview_href or ""}
    letter = data["letters"][0]
    title = f"Letter {letter['kenmerk'] or letter_id}: {letter['betreft']} \u2013 kamerxref"
    return _detail_page(data, title, letter_header(letter, data, today, overview_href), assets)


def render_overview(G: nx.MultiDiGraph, today: _dt.date,
                    letter_href: Callable[[str], str]) -> str:
    """The corpus overview (``index.html``) as one self-contained file: the letters
    table with filters, timeline, most-cited sources and pages, the graph of shared
    sources; each letter linking to ``letter_href(letter_id)``."""
    data = views.overview_data(G, today, _checked_href(letter_href))
    return _overview_page(data, today, "kamerxref overview", None)


def render_corpus(G: nx.MultiDiGraph, today: _dt.date) -> str:
    """One self-contained view of the whole graph (``kamerxref export html``, Jupyter).

    Questions <-> cited pages of every letter, with the letter filter and the matrix of the
    chosen letter, while that is at most :data:`views.MAX_FULL_NODES` nodes; larger
    corpora get the overview."""
    lids = views.letter_ids(G)
    if lids and views.corpus_is_drawable(G, lids):
        if len(lids) == 1:
            return render_letter(G, lids[0], today)
        data = views.detail_data(G, lids, today)
        return _detail_page(data, "kamerxref \u2013 corpus",
                            corpus_header(data, today, f"kamerxref corpus: {len(lids)} letters"), None)
    data = views.overview_data(G, today, None)
    return _overview_page(data, today, f"kamerxref corpus: {len(lids)} letters", None)


_SAFE_REL = re.compile(r"^[A-Za-z0-9._~/-]+(?:#[A-Za-z0-9._~=/-]*)?$")


def _checked_href(letter_href: Callable[[str], str]) -> Callable[[str], str]:
    """Only relative links made of path characters (no scheme, no quotes) are used."""
    def href(lid: str) -> str:
        value = str(letter_href(lid))
        if not _SAFE_REL.match(value) or value.startswith("//"):
            raise ValueError(f"{lid}: letter_href gave {value!r}, expected a relative path "
                             "such as 'letters/letter-181524.html'")
        return value
    return href


def letter_filename(letter_id: str) -> str:
    """``letter-181524`` -> ``letter-181524.html`` (other characters become ``_``)."""
    return re.sub(r"[^A-Za-z0-9._-]", "_", letter_id) + ".html"


def _write_letter_page(G: nx.MultiDiGraph, today: _dt.date, colors, index, names,
                       job: tuple[str, str]) -> Path:
    lid, path = job
    return write_unless_same(Path(path), _render_letter(G, lid, today, "../index.html", colors, index,
                                                   names, "../assets"))


def _site_job(G: nx.MultiDiGraph, today: _dt.date, colors, index, names, out_dir: Path,
              job: tuple[str, ...]) -> list[Path]:
    """One piece of a site, in whichever process: ``("search",)`` the search index,
    ``("overview",)`` index.html, ``("pages", (lid, path), ...)`` letter pages."""
    if job[0] == "search":
        docs, texts, targets = search.corpus_documents(G, index)
        odd = {lid: name for lid, name in names.items() if name != letter_filename(lid)}
        return search.write_index(out_dir / "assets" / "search", docs, texts, targets, odd)
    if job[0] == "overview":
        data = views.overview_data(G, today, _checked_href(lambda lid: f"letters/{names[lid]}"),
                                   colors, index)
        data["site"] = {"assets": "assets", "root": "", "overview": ""}
        return [write_unless_same(out_dir / "index.html",
                                  _overview_page(data, today, "kamerxref overview", "assets"))]
    return [_write_letter_page(G, today, colors, index, names, page) for page in job[1:]]


#: Letter pages rendered per piece of work handed to a worker (at most).
PAGE_BATCH = 32


def write_site(G: nx.MultiDiGraph, out_dir: Path, today: _dt.date, jobs: int = 1,
               meanwhile: Callable[[], list[Path]] | None = None) -> list[Path]:
    """Write a site under ``out_dir``: ``index.html`` (the overview),
    ``letters/<letter id>.html`` for every letter, and ``assets/`` (vis-network, the
    explorer's CSS and scripts, written once and loaded by relative path; ``assets/search/``
    the corpus search index). Returns the paths written, sorted. With ``jobs > 1`` the
    letter pages are rendered by forked processes (the same bytes as with one).

    ``meanwhile`` runs in this process while the workers render (``kamerxref build``
    writes the data files there); the paths it returns are among those returned."""
    with gc_paused():  # see kamerxref/graph/gcpause.py
        return _write_site(G, Path(out_dir), today, jobs, meanwhile)


def _write_site(G: nx.MultiDiGraph, out_dir: Path, today: _dt.date, jobs: int,
                meanwhile: Callable[[], list[Path]] | None = None) -> list[Path]:
    index = views.CorpusIndex(G)
    names: dict[str, str] = {}
    used: set[str] = set()
    for lid in sorted(index.lids):
        name = letter_filename(lid)
        stem, i = name[:-5], 2
        while name.lower() in used:  # two ids that sanitise alike
            name, i = f"{stem}-{i}.html", i + 1
        used.add(name.lower())
        names[lid] = name
    colors = views.fractie_colors(G)
    written = [write_unless_same(out_dir / "assets" / name, asset_text(name)) for name in SITE_ASSETS]
    # the search index and the overview first (the largest pieces), then the pages in
    # batches: forked workers take the next piece when done, so they finish together
    pages = [(lid, str(out_dir / "letters" / name)) for lid, name in names.items()]
    batch = max(1, min(PAGE_BATCH, len(pages) // (jobs * 8) if jobs > 1 else PAGE_BATCH))
    work = [("search",), ("overview",),
            *(("pages", *pages[i:i + batch]) for i in range(0, len(pages), batch))]
    extra: list[Path] = []
    for paths in fork_map(_site_job, work, jobs, shared=(G, today, colors, index, names, out_dir),
                          chunksize=1, meanwhile=meanwhile and (lambda: extra.extend(meanwhile()))):
        written += paths
    written += extra
    return sorted(written)
