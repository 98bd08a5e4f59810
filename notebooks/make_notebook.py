"""Writes notebooks/explore.ipynb from the cells below, outputs stripped.

The notebook is generated so that its source stays reviewable here and the committed file
never carries outputs: ``python notebooks/make_notebook.py``. CI executes it
(tests/test_notebook.py).
"""
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

CELLS = [
    ("md", """# Which questions cite which pages?

Committees of the Eerste Kamer send ministers letters full of questions, and footnotes that
say exactly which page of which parliamentary paper a question is about. **kamerxref** reads
those letters and links every question to the pages it cites. This notebook explores the two
sample letters that come with kamerxref; point `kamerxref.load()` at a folder of your own
letters to do the same with them."""),
    ("code", """import kamerxref

corpus = kamerxref.load()          # the bundled letters in data/
corpus.letters_table()[["kenmerk", "datum", "betreft", "questions", "footnotes"]]"""),
    ("md", """## When must the minister answer?

Each letter asks for an answer within a term ("binnen vier weken na dagtekening"); kamerxref
turns it into a deadline."""),
    ("code", """corpus.letters_table()[["kenmerk", "datum", "deadline", "committee"]]"""),
    ("md", """## Who asks what?

Questions are counted the way a ministry answers them: a numbered item is one question, and
in running text every sentence that asks is one. A joint section (Volt with the PvdD) counts
for both parties."""),
    ("code", """corpus.per_fractie()"""),
    ("code", """ja21 = corpus.questions(fractie="JA21")
ja21[["number", "text", "cites"]]"""),
    ("md", """## Which questions cite page 40 of the bijlage of Kamerstuk 36 871, O?

Every cited page has an id such as `kst-36871-O/bijlage/p40`. `citing` lists the questions
that cite it, directly or through the paragraph they stand in."""),
    ("code", """for q in corpus.citing("kst-36871-O/bijlage/p40"):
    print(q["id"], "|", q["fracties"], "|", q["text"][:100], "…")"""),
    ("md", """## The most-cited pages

Which pages of the government's papers drew the most questions? `corpus.label` writes each
page the way people cite it ("36 871 O p. 5")."""),
    ("code", """import matplotlib
import matplotlib.pyplot as plt

top = corpus.most_cited("page", 10)
fig, ax = plt.subplots(figsize=(8, 4))
ax.barh([corpus.label(page) for page, _ in reversed(top)], [n for _, n in reversed(top)], color="#3b6ea5")
ax.set_xlabel("questions citing the page")
ax.set_title("Most-cited source pages")
plt.tight_layout()
plt.show()"""),
    ("md", """## The explorer

The same interactive view as `kamerxref build` writes, inline. Click a question to read it
with its footnotes; click a page to see every question that cites it. It works offline."""),
    ("code", """corpus.view("letter-181524")"""),
    ("md", """## Take the graph elsewhere

The whole graph as GraphML opens in Gephi, Cytoscape or yEd; `corpus.graph` is a networkx
graph for your own analysis."""),
    ("code", """path = corpus.export("graphml", "kamerxref-graph.graphml")
G = corpus.graph
print(path, G.number_of_nodes(), "nodes", G.number_of_edges(), "edges")"""),
]


def build() -> nbformat.NotebookNode:
    nb = new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    for i, (kind, src) in enumerate(CELLS):
        cell = new_markdown_cell(src) if kind == "md" else new_code_cell(src)
        cell["id"] = f"cell-{i:02d}"
        nb.cells.append(cell)
    return nb


if __name__ == "__main__":
    out = Path(__file__).with_name("explore.ipynb")
    nbformat.write(build(), str(out))
    print(f"wrote {out}")
