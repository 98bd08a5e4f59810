"""The interactive, offline HTML explorer (issue 6).

Self-contained pages (vis-network 9.1.2 from the installed pyvis package, our own CSS and
script, the data as escaped JSON; no CDN, no web fonts, nothing fetched) that work from
``file://`` with the network off:

* :func:`render_letter` -- one letter: questions grouped by fractie and section, the
  pages / parts / documents they cite, ``cites`` edges styled by ``how``, a question x page
  matrix, search, filters, legend. E.g. ``render_letter(G, "letter-181524", date(2026, 7, 1))``
  shows letter 181524 (Kabinetsappreciatie onderzoeksrapport Clingendael), due 21 juli
  2026, "20 days left".
* :func:`render_overview` -- ``index.html``: letters, fracties and cited documents with
  counts, aggregated, each letter linking to its page.
* :func:`render_corpus` -- the whole graph in one page (``kamerxref export html``, the
  Jupyter view); aggregated above :data:`views.MAX_FULL_NODES` nodes.
* :func:`write_site` -- ``index.html`` + ``letters/letter-181524.html`` ...

``today`` is always passed in, so the same graph and day give byte-identical HTML.
"""
from .render import letter_filename, render_corpus, render_letter, render_overview, write_site

__all__ = ["render_letter", "render_overview", "render_corpus", "write_site", "letter_filename"]
