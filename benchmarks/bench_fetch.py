"""``kamerxref fetch`` against the local stand-in for the KOOP service (tests/koop_server.py):
documents per second with ``--delay 0`` (the client's own cost: SRU paging, download,
sha256, atomic writes, PDF page texts), a re-run that finds everything cached, and what the
cache costs ``build`` (reading ``record.json``/``pages.json`` and applying them to the graph).

    python benchmarks/bench_fetch.py --documents 100 1000 [--formats xml,pdf]

With the default ``--delay 0.5`` a real run is bound by politeness instead: about two
requests per second, so N documents take about N/2 s plus the SRU pages (N/100 requests).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from koop_server import Doc, FakeKoop  # noqa: E402
from pdf_fixtures import text_pdf  # noqa: E402

from kamerxref.graph import fetch as F  # noqa: E402
from kamerxref.graph.documents import apply_documents, read_documents  # noqa: E402


def corpus(n: int) -> list[Doc]:
    body = "<al>" + "De regering antwoordt op de vragen van de commissie. " * 60 + "</al>"
    xml = ('<?xml version="1.0" encoding="UTF-8"?><officiele-publicatie><kamerstuk><stuk>'
           f"<algemeen>{body}</algemeen></stuk></kamerstuk></officiele-publicatie>").encode()
    pdf = text_pdf([[f"Kamerstukken I 2025/26, 36 871, pagina {p}", "Tekst van de pagina."] for p in range(1, 9)])
    return [Doc(f"kst-36871-{i}", f"Document {i}", subtype="Brief regering", dossier="36871",
                ondernummer=str(i), files={"xml": xml, "pdf": pdf}) for i in range(1, n + 1)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--documents", type=int, nargs="+", default=[100, 1000])
    ap.add_argument("--formats", default="xml,pdf")
    args = ap.parse_args()
    formats = tuple(args.formats.split(","))
    print(f"| documents | formats | fetch | docs/s | requests | re-run (all cached) | read_documents + apply |")
    print("|---|---|---|---|---|---|---|")
    for n in args.documents:
        docs = corpus(n)
        with FakeKoop(max_page=100) as koop, tempfile.TemporaryDirectory() as tmp:
            koop.add(*docs)
            koop.query(f"{F.Selection.BASE} AND w.dossiernummer==36871", [d.identifier for d in docs])
            sel = F.Selection(dossiers=("36871",))
            with F.Http(delay=0, retries=0) as http:
                t = time.perf_counter()
                res = F.fetch(sel, tmp, http, formats, koop.sru_url, max_records=n)
                took = time.perf_counter() - t
            assert len(res.fetched) == n and not res.problems, res.problems[:3]
            with F.Http(delay=0, retries=0) as http:
                t = time.perf_counter()
                again = F.fetch(sel, tmp, http, formats, koop.sru_url, max_records=n)
                rerun = time.perf_counter() - t
            assert len(again.unchanged) == n
            import networkx as nx

            G = nx.MultiDiGraph()
            for d in docs:
                G.add_node(d.identifier, kind="document", label=d.identifier)
                G.add_node(f"{d.identifier}/p3", kind="page", label="p. 3", document=d.identifier,
                           part="", page=3)
            t = time.perf_counter()
            found, _ = read_documents([tmp])
            apply_documents(G, found)
            meta = time.perf_counter() - t
            assert len(found) == n and ("pdf" not in formats or G.nodes[f"{docs[0].identifier}/p3"]["text"])
        print(f"| {n} | {args.formats} | {took:.2f} s | {n / took:.0f} | {res.requests} | "
              f"{rerun:.2f} s ({again.requests} requests) | {meta:.3f} s |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
