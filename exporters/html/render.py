"""Server-side parts of the pages (header, controls, legend) and the public renderers.

All markup built here passes document text through :func:`.page.esc`; everything else
(graph, panels, lists, tables) is built by ``explorer.js`` from the JSON data with
``textContent``.
"""
from __future__ import annotations

import datetime as _dt
import math
import re
from pathlib import Path
from typing import Any, Callable

import networkx as nx

from kamerxref.graph.gcpause import gc_paused
from kamerxref.graph.parallel import fork_map

from ..io import write_atomic
from . import views
from .page import assemble, esc

KIND_ORDER = ("letter", "fractie", "section", "question", "page", "part", "document", "dossier")


# --------------------------------------------------------------------------- legend
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
    out.append(f'<li>{_line_svg(st["color"], st["width"], st["dashes"])} contains / page of / part of / in dossier'
               f'{" / fractie asks in letter" if data["mode"] == "aggregate" else ""}</li>')
    st = views.ABOUT_EDGE_STYLE
    out.append(f'<li>{_line_svg(st["color"], st["width"], st["dashes"])} letter is about (betreft)</li>')
    out.append("</ul></div></div>")
    if data["mode"] == "aggregate":
        out.append('<p class="kx-hint">Aggregated: one edge per letter and document, its width '
                   'grows with the number of citations it stands for; node size with the '
                   'number of questions or citations.')
        hidden = data.get("n_documents_hidden", 0)
        if hidden:
            out.append(f' The graph leaves out {hidden} of {len(data["documents"])} documents '
                       'that only one letter cites (or beyond the '
                       f'{views.MAX_GRAPH_DOCUMENTS} most shared); the table of cited '
                       'documents lists them all.')
        out.append("</p>")
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


# --------------------------------------------------------------------------- toolbar
def toolbar_html(data: dict[str, Any]) -> str:
    mode = data["mode"]
    what = ("letters (kenmerk, betreft), fracties, documents" if mode == "aggregate"
            else "question text, ids, numbers, citations, footnotes")
    out = ['<div class="kx-field kx-search-field">',
           '<label for="kx-search">Search</label>',
           f'<input id="kx-search" type="search" autocomplete="off" spellcheck="false" '
           f'placeholder="{esc(what)}" aria-describedby="kx-search-help" aria-controls="kx-results">',
           f'<span id="kx-search-help" class="kx-sr">Searches {esc(what)}. All words must match; '
           'Enter opens the first result.</span></div>']
    out.append('<div class="kx-field"><label for="kx-fractie">Fractie</label>'
               '<select id="kx-fractie"><option value="">All fracties</option>')
    for name in _view_fracties(data):
        out.append(f'<option value="{esc(name)}">{esc(name)}</option>')
    out.append("</select></div>")
    if len(data["letters"]) > 1 or mode == "aggregate":
        out.append('<div class="kx-field"><label for="kx-letter">Letter</label>'
                   '<select id="kx-letter"><option value="">All letters</option>')
        for letter in data["letters"]:
            text = f"{letter['kenmerk'] or letter['id']} \u2013 {views.short(letter['betreft'], 60)}"
            if letter["datum"]:
                text += f" ({letter['datum']})"
            out.append(f'<option value="{esc(letter["id"])}">{esc(text)}</option>')
        out.append("</select></div>")
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
    out.append('<div id="kx-results" class="kx-results" aria-label="Search results"></div>')
    return "".join(out)


# --------------------------------------------------------------------------- headers
def _meta_row(term: str, value_html: str) -> str:
    return f"<div><dt>{esc(term)}</dt><dd>{value_html}</dd></div>"


def _time(iso: str, text: str) -> str:
    return f'<time datetime="{esc(iso)}">{esc(text or iso)}</time>' if iso else "\u2013"


def _deadline_html(letter: dict[str, Any]) -> str:
    days = letter["days_left"]
    cls = "kx-none" if days is None else ("kx-overdue" if days < 0 else
                                           "kx-due" if days <= 7 else "kx-open")
    parts = [_time(letter["deadline"], letter["deadline_nl"]) if letter["deadline"] else "",
             f'<span class="kx-days {cls}">{esc(letter["status"])}</span>']
    if letter["term"]:
        parts.append(f'<span class="kx-term" lang="nl">({esc(letter["term"])})</span>')
    return " ".join(p for p in parts if p)


def letter_header(letter: dict[str, Any], data: dict[str, Any], today: _dt.date,
                  overview_href: str | None) -> str:
    n_sources = sum(1 for n in data["nodes"] if n["kind"] in views.TARGET_KINDS)
    n_q = sum(1 for n in data["nodes"] if n["kind"] == "question")
    out = []
    if overview_href:
        out.append(f'<nav class="kx-nav"><a href="{esc(overview_href)}">\u2190 All letters</a></nav>')
    out.append(f'<h1>Letter {esc(letter["kenmerk"] or letter["id"])}'
               f'{": " if letter["betreft"] else ""}<span lang="nl">{esc(letter["betreft"])}</span></h1>')
    rows = [
        _meta_row("Datum", _time(letter["datum"], letter["datum_nl"])),
        _meta_row("Kenmerk", esc(letter["kenmerk"]) or "\u2013"),
        _meta_row("Betreft", f'<span lang="nl">{esc(letter["betreft"])}</span>'),
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


def corpus_header(data: dict[str, Any], today: _dt.date, title: str,
                  overview_href: str | None = None) -> str:
    letters = data["letters"]
    out = []
    if overview_href:
        out.append(f'<nav class="kx-nav"><a href="{esc(overview_href)}">\u2190 All letters</a></nav>')
    out.append(f"<h1>{esc(title)}</h1>")
    n_q = sum(letter["n_questions"] for letter in letters)
    n_fn = sum(letter["n_footnotes"] for letter in letters)
    kinds: dict[str, int] = {}
    for n in data["nodes"]:
        kinds[n["kind"]] = kinds.get(n["kind"], 0) + 1
    overdue = sum(1 for letter in letters if (letter["days_left"] is not None and letter["days_left"] < 0))
    open_ = sum(1 for letter in letters if (letter["days_left"] is not None and letter["days_left"] >= 0))
    dates = sorted(letter["datum"] for letter in letters if letter["datum"])
    rows = [
        _meta_row("Letters", str(len(letters))),
        _meta_row("Period", f"{_time(dates[0], dates[0])} \u2013 {_time(dates[-1], dates[-1])}"
                  if dates else "\u2013"),
        _meta_row("Questions", str(n_q)),
        _meta_row("Footnotes", str(n_fn)),
        _meta_row("Fracties", str(len(_view_fracties(data)))),
        _meta_row("Cited documents", str(len(data["documents"]) if "documents" in data
                                         else kinds.get("document", 0) + kinds.get("dossier", 0))),
        _meta_row("Deadlines", f'<span class="kx-days kx-open">{open_} open</span>, '
                  f'<span class="kx-days kx-overdue">{overdue} overdue</span>'),
    ]
    out.append('<dl class="kx-meta">' + "".join(rows) + "</dl>")
    if data["mode"] == "aggregate" and not data.get("links") and len(letters):
        out.append('<p class="kx-hint">Too many questions to draw them all: letters are '
                   'shown with the documents they cite, aggregated. Build the site '
                   '(<code>kamerxref build</code>) for one page per letter.</p>')
    out.append(f'<p class="kx-today">Days counted from {_time(today.isoformat(), views.date_nl(today))}.</p>')
    return "".join(out)


# --------------------------------------------------------------------------- bodies
DETAIL_BODY = """
<section class="kx-block" id="kx-sources" aria-labelledby="kx-sources-h">
<h2 id="kx-sources-h" class="kx-h2">Cited sources</h2>
<p class="kx-hint">Each source with the number of questions citing it; choose one to list them.</p>
<div id="kx-sources-list"></div>
</section>
<section class="kx-block" id="kx-matrix" aria-labelledby="kx-matrix-h">
<h2 id="kx-matrix-h" class="kx-h2">Questions \u00d7 cited pages</h2>
<p class="kx-hint" id="kx-matrix-hint">Rows: questions; columns: cited pages, parts and documents; cells: the footnote numbers. Choose a column heading to sort the questions citing it to the top.</p>
<div id="kx-matrix-table" class="kx-scroll"></div>
</section>
"""

AGGREGATE_BODY = """
<section class="kx-block" id="kx-letters" aria-labelledby="kx-letters-h">
<h2 id="kx-letters-h" class="kx-h2">Letters</h2>
<div id="kx-letters-table" class="kx-scroll"></div>
</section>
<section class="kx-block" id="kx-fracties-block" aria-labelledby="kx-fracties-h">
<h2 id="kx-fracties-h" class="kx-h2">Fracties</h2>
<div id="kx-fracties-table" class="kx-scroll"></div>
</section>
<section class="kx-block" id="kx-documents" aria-labelledby="kx-documents-h">
<h2 id="kx-documents-h" class="kx-h2">Cited documents</h2>
<div id="kx-documents-table" class="kx-scroll"></div>
</section>
"""


def _page(data: dict[str, Any], title: str, header: str) -> str:
    body = AGGREGATE_BODY if data["mode"] == "aggregate" else DETAIL_BODY
    return assemble(title=title, mode=data["mode"], data=data, header=header,
                    toolbar=toolbar_html(data), legend=legend_html(data), body=body)


# --------------------------------------------------------------------------- public
def _check_letter(G: nx.MultiDiGraph, letter_id: str) -> None:
    if letter_id not in G or G.nodes[letter_id].get("kind") != "letter":
        raise KeyError(f"{letter_id}: no letter with this id in the graph")


def render_letter(G: nx.MultiDiGraph, letter_id: str, today: _dt.date, *,
                  overview_href: str | None = None) -> str:
    """The per-letter explorer page for ``letter_id`` (e.g. ``"letter-181524"``).

    ``today`` fixes the "days left / overdue" of the header (the same graph and today give
    byte-identical HTML); ``overview_href`` adds a link back to the overview page.
    Raises ``KeyError`` naming the id when the graph has no such letter.
    """
    return _render_letter(G, letter_id, today, overview_href, None)


def _render_letter(G: nx.MultiDiGraph, letter_id: str, today: _dt.date,
                   overview_href: str | None, colors: dict[str, str] | None) -> str:
    _check_letter(G, letter_id)
    data = views.detail_data(G, [letter_id], today, colors)
    letter = data["letters"][0]
    title = f"Letter {letter['kenmerk'] or letter_id}: {letter['betreft']} \u2013 kamerxref"
    return _page(data, title, letter_header(letter, data, today, overview_href))


def render_overview(G: nx.MultiDiGraph, today: _dt.date,
                    letter_href: Callable[[str], str]) -> str:
    """The corpus overview (``index.html``): letters, fracties and cited documents with
    counts, aggregated (one node per letter / fractie / document, never per question),
    each letter linking to ``letter_href(letter_id)``."""
    return _overview_page(views.aggregate_data(G, today, _checked_href(letter_href)), today)


def _overview_page(data: dict[str, Any], today: _dt.date) -> str:
    return _page(data, "kamerxref \u2013 overview", corpus_header(data, today, "kamerxref overview"))


def render_corpus(G: nx.MultiDiGraph, today: _dt.date) -> str:
    """One self-contained view of the whole graph (``kamerxref export html``, Jupyter).

    Questions <-> cited pages of every letter, with the letter filter and the matrix of the
    chosen letter, while that is at most :data:`views.MAX_FULL_NODES` nodes; larger
    corpora get the aggregate view (letters <-> documents)."""
    lids = views.letter_ids(G)
    if lids and views.corpus_is_drawable(G, lids):
        data = views.detail_data(G, lids, today)
        if len(lids) == 1:
            letter = data["letters"][0]
            title = f"Letter {letter['kenmerk'] or lids[0]}: {letter['betreft']} \u2013 kamerxref"
            return _page(data, title, letter_header(letter, data, today, None))
        return _page(data, "kamerxref \u2013 corpus",
                     corpus_header(data, today, f"kamerxref corpus: {len(lids)} letters"))
    data = views.aggregate_data(G, today, None)
    return _page(data, "kamerxref \u2013 corpus",
                 corpus_header(data, today, f"kamerxref corpus: {len(lids)} letters"))


_SAFE_REL = re.compile(r"^[A-Za-z0-9._~/-]+(?:#[A-Za-z0-9._~-]*)?$")


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


def _write_letter_page(G: nx.MultiDiGraph, today: _dt.date, colors, job: tuple[str, str]) -> Path:
    lid, path = job
    return write_atomic(Path(path), _render_letter(G, lid, today, "../index.html", colors))


def write_site(G: nx.MultiDiGraph, out_dir: Path, today: _dt.date, jobs: int = 1) -> list[Path]:
    """Write ``index.html`` and ``letters/<letter id>.html`` for every letter under
    ``out_dir``; returns the paths written, sorted. With ``jobs > 1`` the letter pages
    are rendered by forked processes (the same bytes as with one)."""
    with gc_paused():  # see kamerxref/graph/gcpause.py
        return _write_site(G, Path(out_dir), today, jobs)


def _write_site(G: nx.MultiDiGraph, out_dir: Path, today: _dt.date, jobs: int) -> list[Path]:
    names: dict[str, str] = {}
    used: set[str] = set()
    for lid in sorted(views.letter_ids(G)):
        name = letter_filename(lid)
        stem, i = name[:-5], 2
        while name.lower() in used:  # two ids that sanitise alike
            name, i = f"{stem}-{i}.html", i + 1
        used.add(name.lower())
        names[lid] = name
    colors = views.fractie_colors(G)
    data = views.aggregate_data(G, today, _checked_href(lambda lid: f"letters/{names[lid]}"), colors)
    written = [write_atomic(out_dir / "index.html", _overview_page(data, today))]
    work = [(lid, str(out_dir / "letters" / name)) for lid, name in names.items()]
    written += fork_map(_write_letter_page, work, jobs, shared=(G, today, colors))
    return sorted(written)
