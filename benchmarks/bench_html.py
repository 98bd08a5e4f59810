"""Benchmark of the HTML explorer site: sizes, build time, and time until interactive in
headless Chromium, on corpora of letters written by ``kamerxref.graph.generate`` and read
by the real pipeline (300 and 1,000 letters by default).

    python benchmarks/bench_html.py                   # 300 and 1,000 letters
    python benchmarks/bench_html.py --sizes 100       # one size
    python benchmarks/bench_html.py --no-browser      # build time and sizes only

Measured per size: the whole site (``index.html``, ``letters/``, ``assets/`` with the
search index), the overview, the average and largest letter page, the single-file
corpus view; in the browser (file://, network refused): the overview and the largest
letter page from navigation until ``kamerxref.ready`` (wall clock, and the page's own
``performance.now()``), and a corpus search typed into the overview (index files
loaded on demand) until its results are listed. Screenshots of the largest size go to
``benchmarks/results/html-{overview,letter,search,phone}.png`` (the figures to
``html.json``). Records the load average: on a shared machine the browser timings vary
by +-50 %.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from kamerxref import api
from kamerxref.exporters.html import render_corpus, write_site
from kamerxref.exporters.html.views import readable_label
from kamerxref.graph.generate import write_corpus

TODAY = dt.date(2026, 7, 1)
RESULTS = Path(__file__).resolve().parent / "results"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
READY = "() => window.kamerxref && window.kamerxref.ready === true"


def timed(fn, *args, **kw):
    t = time.perf_counter()
    out = fn(*args, **kw)
    return out, time.perf_counter() - t


def folder_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def open_page(browser, url: str, viewport=(1280, 800), mobile: bool = False):
    ctx = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]},
                              is_mobile=mobile, has_touch=mobile)
    foreign: list[str] = []
    ctx.route("**/*", lambda r: (r.continue_() if r.request.url.startswith(("file:", "data:"))
                                 else (foreign.append(r.request.url), r.abort())))
    page = ctx.new_page()
    errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    t = time.perf_counter()
    page.goto(url)
    page.wait_for_function(READY, timeout=120000)
    wall = time.perf_counter() - t
    return ctx, page, {"interactive_s": round(wall, 3),
                       "ready_ms_from_navigation": round(page.evaluate("kamerxref.readyAt")),
                       "foreign_requests": foreign, "console_errors": errors}


def measure_browser(browser, out: Path, letter: str, query: str, shots: bool) -> dict:
    res = {}
    ctx, page, res["overview"] = open_page(browser, (out / "index.html").as_uri())
    if shots:
        page.screenshot(path=str(RESULTS / "html-overview.png"))
    t = time.perf_counter()
    n = page.evaluate("q => kamerxref.search(q).then(h => h.length)", query)
    res["search"] = {"query": query, "results": n, "first_search_s": round(time.perf_counter() - t, 3)}
    t = time.perf_counter()
    page.evaluate("q => kamerxref.search(q).then(h => h.length)", "regering")
    res["search"]["word_search_s"] = round(time.perf_counter() - t, 3)
    if shots:
        page.evaluate("q => kamerxref.search(q)", query)
        page.evaluate("() => { const b = document.querySelector('#kx-results button'); if (b) b.click(); }")
        page.wait_for_timeout(600)
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(RESULTS / "html-search.png"))
    ctx.close()
    ctx, page, res["letter"] = open_page(browser, (out / "letters" / f"{letter}.html").as_uri())
    res["letter"]["nodes"] = page.evaluate("kamerxref.nodes.length")
    if shots:
        q = page.evaluate("kamerxref.data.nodes.find(n => n.kind === 'question' && "
                          "kamerxref.data.edges.some(e => e.from === n.id && e.kind === 'cites')).id")
        page.evaluate("id => kamerxref.select(id, {fromUi: true})", q)
        page.evaluate("window.scrollTo(0, 0)")
        page.wait_for_timeout(300)
        page.screenshot(path=str(RESULTS / "html-letter.png"))
    ctx.close()
    if shots:
        ctx, page, _ = open_page(browser, (out / "letters" / f"{letter}.html").as_uri(), (390, 844), True)
        p = page.evaluate("(kamerxref.data.nodes.find(n => n.kind === 'page') || {}).id")
        page.evaluate("id => kamerxref.select(id, {fromUi: true})", p)
        page.evaluate("window.scrollTo(0, 0)")
        page.wait_for_timeout(400)
        page.screenshot(path=str(RESULTS / "html-phone.png"))
        ctx.close()
    return res


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
            corpus = write_corpus(work / f"gen-{n}", n, seed=0)
            G, t_graph = timed(lambda: api.load(corpus, jobs=2).graph)
            lids = sorted(m for m, d in G.nodes(data=True) if d["kind"] == "letter")
            biggest = max(lids, key=lambda m: (G.nodes[m].get("n_questions", 0), m))
            out = work / f"site-{n}"
            paths, t_site = timed(write_site, G, out, TODAY, 2)
            corpus_html, t_corpus = timed(render_corpus, G, TODAY)
            pages = sorted((out / "letters").glob("*.html"), key=lambda p: p.stat().st_size)
            page_sizes = [p.stat().st_size for p in pages]
            top_page = max((m for m, d in G.nodes(data=True) if d["kind"] == "page"),
                           key=lambda m: (G.in_degree(m), m))
            run_ = {
                "letters": n, "graph_nodes": G.number_of_nodes(), "graph_edges": G.number_of_edges(),
                "read_and_graph_s": round(t_graph, 2), "write_site_s_jobs2": round(t_site, 2),
                "site_files": len(paths),
                "site_mb": round(folder_bytes(out) / 1e6, 2),
                "letters_mb": round(folder_bytes(out / "letters") / 1e6, 2),
                "assets_mb": round(folder_bytes(out / "assets") / 1e6, 2),
                "search_index_mb": round(folder_bytes(out / "assets" / "search") / 1e6, 2),
                "overview_mb": round((out / "index.html").stat().st_size / 1e6, 3),
                "letter_page_kb": {"mean": round(sum(page_sizes) / len(page_sizes) / 1e3, 1),
                                   "max": round(page_sizes[-1] / 1e3, 1)},
                "corpus_single_file_mb": round(len(corpus_html.encode()) / 1e6, 2),
                "render_corpus_s": round(t_corpus, 2),
            }
            if browser:
                run_["browser"] = measure_browser(browser, out, biggest, readable_label(G, top_page),
                                                  shots=(n == sizes[-1]))
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
    ap.add_argument("--sizes", type=int, nargs="+", default=[300, 1000])
    ap.add_argument("--no-browser", action="store_true")
    args = ap.parse_args(argv)
    res = run(args.sizes, not args.no_browser)
    print(f"{'letters':>8} {'site MB':>8} {'letters/':>9} {'assets/':>8} {'index MB':>9} "
          f"{'page KB':>8} {'build s':>8} {'overview s':>11} {'letter s':>9} {'search s':>9}")
    for r in res["runs"]:
        b = r.get("browser", {})
        print(f"{r['letters']:>8} {r['site_mb']:>8} {r['letters_mb']:>9} {r['assets_mb']:>8} "
              f"{r['overview_mb']:>9} {r['letter_page_kb']['mean']:>8} {r['write_site_s_jobs2']:>8} "
              f"{b.get('overview', {}).get('interactive_s', '-'):>11} "
              f"{b.get('letter', {}).get('interactive_s', '-'):>9} "
              f"{b.get('search', {}).get('first_search_s', '-'):>9}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
