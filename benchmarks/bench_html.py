"""Benchmark of the HTML explorer: build time, page size and time until interactive in
headless Chromium, for corpora of 1, 100 and 1,000 letters.

Goal (issue 6): every page interactive within 2 s and under 5 MB.

The corpora come from the real pipeline on letters written by
``kamerxref.graph.generate`` when that works end to end, else from a synthetic graph that
follows schema.md with the proportions of seed letter 181524 (about 69 questions and 25
footnotes per letter, 3-4 fractie sections with topics, pages of Kamerstukken shared
between letters). The source used is printed.

    python benchmarks/bench_html.py                 # 1, 100, 1000 letters
    python benchmarks/bench_html.py --sizes 1 100   # fewer
    python benchmarks/bench_html.py --no-browser    # build times and sizes only

Writes ``benchmarks/results/html.json`` and screenshots (``html-bench-letter-N.png``,
``html-index-N.png``; the folder is git-ignored). Records the load average: on a shared
machine the browser timings vary by +-50 %.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

from kamerxref.exporters.html import render_corpus, render_letter, render_overview, write_site

TODAY = dt.date(2026, 7, 1)
RESULTS = Path(__file__).resolve().parent / "results"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
FRACTIES = ["D66", "JA21", "Volt", "PvdD", "GroenLinks-PvdA", "VVD", "CDA", "PVV", "SP", "BBB",
            "FVD", "SGP", "ChristenUnie", "50PLUS", "OPNL"]
TOPICS = ["Europese samenwerking", "Financiële onderbouwing", "Opvang in de regio",
          "Mensenrechten en toezicht", "Democratische controle", "Kernvraag",
          "Migratiediplomatie en inzet van drukmiddelen", "Terugkeerhubs en het veilig-derde-landconcept"]
WORDS = ("regering leden fractie vragen aangeven hoe waarom welke wijze beleid migratie asiel "
         "samenwerking landen mensenrechten opvang regio terugkeer Europese Unie verdrag "
         "toezicht financiering criteria uitvoering kabinet wetgeving procedures").split()


# --------------------------------------------------------------------------- corpora
def synthetic_graph(n_letters: int, seed: int = 0) -> nx.MultiDiGraph:
    """A schema.md graph of ``n_letters`` letters (deterministic for a seed)."""
    rng = random.Random(seed)
    G = nx.MultiDiGraph()
    OB = "https://zoek.officielebekendmakingen.nl/"
    for f in FRACTIES:
        G.add_node(f"fractie-{f}", kind="fractie", label=f, name=f)
    popular = [(36000 + i, rng.choice("ABCDEFGHJKLMNO")) for i in range(400)]
    new_doc = iter(range(40000, 10**6))

    def document(dossier: int, letter: str) -> str:
        doc = f"kst-{dossier}-{letter}"
        if doc not in G:
            G.add_node(doc, kind="document", label=f"{dossier}, {letter}", doc_kind="kamerstuk",
                       url=f"{OB}{doc}.html", citation=f"Kamerstukken I 2025/26, {dossier}, {letter}",
                       dossier=str(dossier))
            G.add_node(f"dossier-{dossier}", kind="dossier", label=f"dossier {dossier}",
                       dossier_kind="kamerstuk", number=str(dossier), url=f"{OB}dossier/{dossier}")
            G.add_edge(doc, f"dossier-{dossier}", key=f"in_dossier:{doc}", kind="in_dossier")
        return doc

    def page(doc: str, p: int, part: str) -> str:
        url = G.nodes[doc]["url"]
        if part:
            pid = f"{doc}/{part}"
            if pid not in G:
                G.add_node(pid, kind="part", label=part, document=doc, part=part, url=url)
                G.add_edge(pid, doc, key=f"part_of:{pid}", kind="part_of")
            nid, up = f"{pid}/p{p}", pid
        else:
            nid, up = f"{doc}/p{p}", doc
        if nid not in G:
            G.add_node(nid, kind="page", label=f"{part + ' ' if part else ''}p. {p}", document=doc,
                       part=part, page=p, url=url)
            G.add_edge(nid, up, key=f"page_of:{nid}", kind="page_of")
        return nid

    base = dt.date(2024, 1, 8)
    for i in range(n_letters):
        kenmerk = str(170000 + i * 7)
        lid = f"letter-{kenmerk}"
        datum = base + dt.timedelta(days=(i * 3) % 900)
        fr = rng.sample(FRACTIES, rng.randint(2, 4))
        n_q = max(8, int(rng.gauss(69, 20)))
        docs = [document(*rng.choice(popular)) if rng.random() < 0.5
                else document(next(new_doc), rng.choice("ABCDEF")) for _ in range(rng.randint(3, 8))]
        G.add_node(lid, kind="letter", label=f"Brief {kenmerk}", kenmerk=kenmerk,
                   datum=datum.isoformat(), betreft=" ".join(rng.sample(WORDS, 5)).capitalize(),
                   deadline=(datum + dt.timedelta(weeks=4)).isoformat(),
                   term="binnen vier weken na dagtekening",
                   committee="vaste commissie voor Immigratie en Asiel/JBZ-Raad",
                   committee_abbr="I&A/JBZ", chamber="ek",
                   addressee="Minister van Asiel en Migratie, G. van den Brink",
                   chair="A.W.J.A. van Hattem", source=f"letters/{kenmerk}.txt",
                   fracties=json.dumps(fr), n_questions=n_q, n_footnotes=25, n_warnings=0)
        fns = []
        for k in range(1, 26):
            fid = f"{lid}/fn{k}"
            G.add_node(fid, kind="footnote", label=f"fn {k}", letter=lid, number=str(k),
                       text=f"Kamerstukken I 2025/26, {rng.randint(30000, 37000)}, O, p. {rng.randint(1, 60)}.",
                       line=20 + 9 * k, n_citations=1)
            G.add_edge(lid, fid, key=f"contains:{fid}", kind="contains")
            fns.append(fid)

        def cite(src: str, how: str) -> None:
            fid = rng.choice(fns)
            doc = rng.choice(docs)
            r = rng.random()
            target = doc if r < 0.15 else page(doc, rng.randint(1, 60), "bijlage" if r < 0.4 else "")
            G.add_edge(src, target, key=f"cites:{src}->{target}:{fid}", kind="cites", via=fid, how=how,
                       footnotes=json.dumps([fid.rsplit("fn", 1)[1]]))
            G.add_edge(fid, target, key=f"refers_to:{fid}->{target}", kind="refers_to", resolved_from="")

        cite(lid, "letter")
        sections, idx = [], 0
        for f in fr:
            idx += 1
            sid = f"{lid}/s{idx}"
            G.add_node(sid, kind="section", label=f"Vragen {f}", letter=lid,
                       heading=f"Vragen en opmerkingen van de leden van de fractie van {f}",
                       section_kind="fractie", level=1, fracties=json.dumps([f]), index=idx)
            G.add_edge(lid, sid, key=f"contains:{sid}", kind="contains")
            sections.append((sid, f))
            for t in rng.sample(TOPICS, rng.randint(0, 3)):
                idx += 1
                tid = f"{lid}/s{idx}"
                G.add_node(tid, kind="section", label=t, letter=lid, heading=t, section_kind="topic",
                           level=2, fracties=json.dumps([f]), index=idx)
                G.add_edge(lid, tid, key=f"contains:{tid}", kind="contains")
                G.add_edge(sid, tid, key=f"contains:{tid}", kind="contains")
                sections.append((tid, f))
        for q in range(1, n_q + 1):
            sid, f = sections[min(len(sections) - 1, (q - 1) * len(sections) // n_q)]
            qid = f"{lid}/q{q}"
            text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 45))).capitalize() + "?"
            G.add_node(qid, kind="question", label=f"q{q}", letter=lid, index=q, number="", text=text,
                       fracties=json.dumps([f]), section=G.nodes[sid]["heading"], section_id=sid,
                       line=40 + q * 2)
            G.add_edge(lid, qid, key=f"contains:{qid}", kind="contains")
            G.add_edge(sid, qid, key=f"contains:{qid}", kind="contains")
            G.add_edge(f"fractie-{f}", qid, key=f"asks:{qid}", kind="asks")
            for _ in range(rng.choice((0, 1, 1, 1, 2))):
                cite(qid, rng.choice(("direct", "direct", "paragraph", "section")))
    return G


def pipeline_graph(n_letters: int, work: Path) -> nx.MultiDiGraph | None:
    """Letters from kamerxref.graph.generate read by the real pipeline, or None."""
    try:
        from kamerxref import api
        from kamerxref.graph.generate import write_corpus
        corpus = write_corpus(work / f"gen-{n_letters}", n_letters, seed=0)
        G = api.load(corpus).graph
    except Exception as exc:  # noqa: BLE001 - report and fall back
        print(f"  real pipeline unavailable ({type(exc).__name__}: {str(exc)[:120]}); synthetic graph",
              file=sys.stderr)
        return None
    return G


# --------------------------------------------------------------------------- measuring
def timed(fn, *args, **kw):
    t = time.perf_counter()
    out = fn(*args, **kw)
    return out, time.perf_counter() - t


def open_page(browser, path: Path, shot: Path | None = None) -> dict:
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
    foreign: list[str] = []
    errors: list[str] = []
    ctx.route("**/*", lambda r: (r.continue_() if r.request.url.startswith(("file:", "data:"))
                                 else (foreign.append(r.request.url), r.abort())))
    page = ctx.new_page()
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    t = time.perf_counter()
    page.goto(path.as_uri())
    page.wait_for_function("window.kamerxref && window.kamerxref.ready === true", timeout=60000)
    wall = time.perf_counter() - t
    ready_ms = page.evaluate("kamerxref.readyAt")
    counts = page.evaluate("[kamerxref.nodes.length, kamerxref.edges.length]")
    timings = page.evaluate("kamerxref.timings")
    # interaction: search and select, timed in the page
    t = time.perf_counter()
    page.evaluate("kamerxref.search('regering')")
    search_s = time.perf_counter() - t
    if shot:
        page.evaluate("kamerxref.search('')")
        first_q = page.evaluate("(kamerxref.data.nodes.find(n => n.kind === 'page') || {}).id")
        if first_q:
            page.evaluate("id => kamerxref.select(id)", first_q)
            page.evaluate("kamerxref.network.fit({animation: false})")
        page.screenshot(path=str(shot), full_page=False)
    ctx.close()
    return {"interactive_s": round(wall, 3), "ready_ms_from_navigation": round(ready_ms),
            "nodes": counts[0], "edges": counts[1], "search_s": round(search_s, 3),
            "foreign_requests": len(foreign), "console_errors": errors[:3],
            "script_ms": {k: round(v) for k, v in timings.items()}}


def run(sizes: list[int], browser_on: bool) -> dict:
    RESULTS.mkdir(parents=True, exist_ok=True)
    results: dict = {"today": TODAY.isoformat(), "runs": [],
                     "loadavg_start": [round(x, 2) for x in os.getloadavg()]}
    browser = pw = None
    if browser_on:
        from playwright.sync_api import sync_playwright
        pw = sync_playwright().start()
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
    work = Path(tempfile.mkdtemp(prefix="kx-bench-html-"))
    try:
        for n in sizes:
            print(f"== {n} letters", file=sys.stderr)
            G, t_graph = timed(lambda: pipeline_graph(n, work))
            source = "pipeline (kamerxref.graph.generate)"
            if G is None:
                G, t_graph = timed(synthetic_graph, n)
                source = "synthetic schema graph"
            lids = sorted(m for m, d in G.nodes(data=True) if d["kind"] == "letter")
            biggest = max(lids, key=lambda m: (G.nodes[m].get("n_questions", 0), m))
            out = work / f"site-{n}"
            paths, t_site = timed(write_site, G, out, TODAY)
            letter_html, t_letter = timed(render_letter, G, biggest, TODAY)
            overview_html, t_over = timed(render_overview, G, TODAY, lambda m: f"letters/{m}.html")
            corpus_html, t_corpus = timed(render_corpus, G, TODAY)
            (out / "corpus.html").write_text(corpus_html, encoding="utf-8")
            letter_path = out / "letters" / f"{biggest}.html"
            run_ = {
                "letters": n, "source": source, "graph_nodes": G.number_of_nodes(),
                "graph_edges": G.number_of_edges(), "graph_build_s": round(t_graph, 2),
                "write_site_s": round(t_site, 2), "site_files": len(paths),
                "site_mb": round(sum(p.stat().st_size for p in paths) / 1e6, 1),
                "render_letter_s": round(t_letter, 3), "render_overview_s": round(t_over, 3),
                "render_corpus_s": round(t_corpus, 3),
                "letter_questions": G.nodes[biggest].get("n_questions"),
                "size_mb": {"letter": round(len(letter_html.encode()) / 1e6, 2),
                            "index": round((out / "index.html").stat().st_size / 1e6, 2),
                            "corpus": round(len(corpus_html.encode()) / 1e6, 2)},
            }
            if browser:
                shot = RESULTS / f"html-bench-letter-{n}.png" if n == sizes[0] else None
                run_["browser"] = {
                    "letter": open_page(browser, letter_path, shot),
                    "index": open_page(browser, out / "index.html",
                                       RESULTS / f"html-index-{n}.png" if n == sizes[-1] else None),
                    "corpus": open_page(browser, out / "corpus.html"),
                }
            print(json.dumps(run_, indent=1), file=sys.stderr)
            results["runs"].append(run_)
            shutil.rmtree(out, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if browser:
            browser.close()
            pw.stop()
    results["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
    (RESULTS / "html.json").write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return results


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1, 100, 1000])
    ap.add_argument("--no-browser", action="store_true")
    args = ap.parse_args(argv)
    res = run(args.sizes, not args.no_browser)
    print(f"{'letters':>8} {'site s':>8} {'site MB':>8} {'page':>8} {'MB':>6} {'build s':>8} {'ready s':>8} {'nodes':>6}")
    for r in res["runs"]:
        for name, build in (("letter", r["render_letter_s"]), ("index", r["render_overview_s"]),
                            ("corpus", r["render_corpus_s"])):
            b = r.get("browser", {}).get(name, {})
            print(f"{r['letters']:>8} {r['write_site_s']:>8} {r['site_mb']:>8} {name:>8} "
                  f"{r['size_mb'][name]:>6} {build:>8} {b.get('interactive_s', '-'):>8} {b.get('nodes', '-'):>6}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
