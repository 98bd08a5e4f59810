"""kamerxref: a citation graph of Dutch parliamentary letters.

Which questions of a committee letter cite which source pages, and what links letters
to each other. The public API (all you need in Jupyter):

- ``load(*paths, jobs=1) -> Corpus``: read letters from files and folders (default: the
  bundled sample letters).
- ``from_text(*texts) -> Corpus``: read letters given as strings.
- ``Corpus.graph``: the ``networkx.MultiDiGraph``.
- ``Corpus.letters_table()``, ``Corpus.questions(fractie=None)``, ``Corpus.citations()``:
  tables (pandas DataFrames with pandas installed, else lists of dataclass rows).
- ``Corpus.citing(target)``, ``Corpus.cites(question)``, ``Corpus.most_cited(kind, n)``,
  ``Corpus.sharing(letter=None)``, ``Corpus.per_fractie()``, ``Corpus.co_cited()``:
  the queries.
- ``Corpus.view(letter=None) -> View``: the interactive explorer inline
  (``_repr_html_``), ``View.save(path)``.
- ``Corpus.export(fmt, path)`` and ``Corpus.build(out_dir)``: files.
- ``parse_citations(lines) -> list[list[Citation]]``: the citation engine on footnote
  texts, Idem resolved across lines.
- ``fetch(cache, dossier=..., ids=..., cited=...) -> FetchResult``: official papers from
  the KOOP SRU service into a cache folder that ``load`` reads as input.

>>> import kamerxref
>>> corpus = kamerxref.load()
>>> corpus.citing("kst-36871-O/bijlage/p40")      # doctest: +SKIP
"""
__all__ = ["load", "from_text", "parse_citations", "fetch", "Corpus", "View", "default_data",
           "build_date"]


def __getattr__(name: str):
    """The API, imported on first use (``kamerxref.load``, ``from kamerxref import load``):
    ``kamerxref cite`` imports the package but needs neither networkx nor the exporters,
    which are most of its start-up time otherwise."""
    import importlib

    if name in __all__:
        return getattr(importlib.import_module("kamerxref.api"), name)
    if name in ("api", "cli"):
        return importlib.import_module(f"kamerxref.{name}")
    raise AttributeError(f"module 'kamerxref' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(list(globals()) + __all__)
