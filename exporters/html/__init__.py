"""The interactive, offline HTML explorer (issues 6 and 14).

Pages that work from ``file://`` with the network off (vis-network 9.1.2 from the
installed pyvis package, our own CSS and scripts, the data as escaped JSON; no CDN, no web
fonts, nothing fetched):

* :func:`write_site` -- a built site: ``index.html`` (the overview), ``letters/<id>.html``
  and ``assets/`` (vis-network, ``explorer.css``, ``base.js``, ``explorer.js``,
  ``overview.js`` written once and loaded by relative path, and ``assets/search/``, the
  corpus search index of :mod:`.search`); a letter page carries only its data (~35 KB).
* :func:`render_letter` -- one letter as one self-contained file: questions grouped by
  fractie and section, the pages / parts / documents they cite, related letters, a
  question x page matrix, a reading view. E.g. ``render_letter(G, "letter-181524",
  date(2026, 7, 1))`` shows letter 181524, due 21 juli 2026, "20 days left".
* :func:`render_overview` -- the overview as one self-contained file.
* :func:`render_corpus` -- the whole graph in one file (``kamerxref export html``, the
  Jupyter view); the overview above :data:`views.MAX_FULL_NODES` nodes.

Modules: :mod:`.views` (what each view shows), :mod:`.layout` (positions),
:mod:`.links` (links to the exact source), :mod:`.search` (the index), :mod:`.render`
(server-side markup), :mod:`.page` (assembling a file). ``today`` is always passed in, so
the same graph and day give byte-identical HTML.
"""
from .render import letter_filename, render_corpus, render_letter, render_overview, write_site

__all__ = ["render_letter", "render_overview", "render_corpus", "write_site", "letter_filename"]
