"""The notebook runs top to bottom on data/ and its explorer cell renders inline."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "explore.ipynb"


def test_committed_notebook_has_no_outputs():
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None


def test_committed_notebook_matches_its_source():
    nbformat = pytest.importorskip("nbformat")
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_notebook", NOTEBOOK.with_name("make_notebook.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert nbformat.writes(mod.build()).rstrip() == NOTEBOOK.read_text(encoding="utf-8").rstrip()


def test_notebook_executes_and_shows_the_explorer(tmp_path):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    nb = nbformat.read(str(NOTEBOOK), as_version=4)
    client = nbclient.NotebookClient(nb, timeout=180, kernel_name="python3",
                                     resources={"metadata": {"path": str(tmp_path)}})
    client.execute()  # raises CellExecutionError on any error
    code = [c for c in nb.cells if c.cell_type == "code"]
    for c in code:
        assert not [o for o in c.outputs if o.output_type == "error"]
    view = next(c for c in code if "corpus.view(" in c.source)
    html = next(o for o in view.outputs if "text/html" in o.get("data", {}))["data"]["text/html"]
    m = re.search(r'<iframe srcdoc="([^"]*)"', html)
    assert m, html[:200]
    srcdoc = m.group(1)
    plain = next(o for o in view.outputs if "text/html" in o.get("data", {}))["data"].get("text/plain", "")
    assert len(plain) < 200  # the page is stored once, in text/html
    assert "letter-181524/q1" in srcdoc and "kst-36871-O" in srcdoc
    citing = next(c for c in code if "corpus.citing(" in c.source)
    printed = "".join(o.get("text", "") for o in citing.outputs)
    assert printed.count("letter-181524/q") == 2
    chart = next(c for c in code if "most_cited" in c.source)
    assert any("image/png" in o.get("data", {}) for o in chart.outputs)
    assert (tmp_path / "kamerxref-graph.graphml").exists()
