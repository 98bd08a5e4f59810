"""The pipeline as a whole: parallel reading gives the same result as one process;
the public API is what the README lists."""
from __future__ import annotations

import os
import re

import pytest

from conftest import ROOT, SEED_000, SEED_002


def test_jobs_2_gives_byte_identical_output(tmp_path):
    import kamerxref
    from kamerxref.exporters.json_graph import to_json
    from kamerxref.graph.generate import write_corpus

    write_corpus(tmp_path / "corpus", 40, seed=3)
    one = kamerxref.load(tmp_path / "corpus" / "letters", jobs=1)
    two = kamerxref.load(tmp_path / "corpus" / "letters", jobs=2)
    assert [l.id for l in one.letters] == [l.id for l in two.letters]
    assert to_json(one.graph) == to_json(two.graph)
    assert [str(w) for w in one.warnings] == [str(w) for w in two.warnings]


def test_same_kenmerk_twice_stays_two_letters(tmp_path):
    import kamerxref

    (tmp_path / "a.txt").write_bytes(SEED_002.read_bytes())
    (tmp_path / "b.txt").write_bytes(SEED_002.read_bytes())
    corpus = kamerxref.load(tmp_path)
    assert [l.id for l in corpus.letters] == ["letter-180760", "letter-180760-2"]
    [w] = [w for w in corpus.warnings if w.code == "duplicate-kenmerk"]
    assert "a.txt" in w.message and w.source.endswith("b.txt")
    assert corpus.graph.nodes["letter-180760-2/q1"]["kind"] == "question"


def test_help_and_readme_list_the_same_api():
    import kamerxref

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    api = readme.split("## Python API", 1)[1].split("\n## ", 1)[0]
    doc = kamerxref.__doc__  # what help(kamerxref) shows first
    functions = [n for n in kamerxref.__all__ if n[0].islower() and n not in ("default_data", "build_date")]
    methods = ["graph", "letters_table", "questions", "citations", "citing", "cites", "most_cited",
               "sharing", "per_fractie", "co_cited", "view", "export", "build"]
    for name in functions:
        assert f"{name}(" in doc and f"`{name}(" in api, name
    for name in methods:
        assert hasattr(kamerxref.Corpus, name), name
        assert re.search(rf"Corpus\.{name}\b", doc), name
        assert re.search(rf"[.`]{name}\b", api), name


def test_every_public_function_has_a_docstring_with_an_example():
    import inspect

    import kamerxref

    members = [getattr(kamerxref, n) for n in kamerxref.__all__ if n[0].islower()]
    members += [m for n, m in inspect.getmembers(kamerxref.Corpus) if not n.startswith("_")
                and (inspect.isfunction(m) or isinstance(m, property))]
    for m in members:
        doc = inspect.getdoc(m.fget if isinstance(m, property) else m) or ""
        assert doc, m
        assert re.search(r"181524|180760|kst-36871-O|D66|JA21|Volt|COM\(2026\)45|data/", doc), m


def _files(folder):
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_incremental_rebuild_is_byte_identical_to_a_clean_build(tmp_path):
    """Build, then add one letter, change one and remove one and build again into the same
    folder: only the new and changed files are read again (the others come from
    DIR.cache/), files whose bytes did not change are not rewritten, and the output is
    byte for byte a clean build's."""
    from click.testing import CliRunner

    from kamerxref.cli import main
    from kamerxref.graph.generate import write_corpus

    write_corpus(tmp_path / "gen", 7, seed=5, jobs=1)
    src = tmp_path / "in"
    src.mkdir()
    for p in sorted((tmp_path / "gen" / "letters").glob("*.txt"))[:6]:
        (src / p.name).write_bytes(p.read_bytes())
    (src / "seed.txt").write_bytes(SEED_002.read_bytes())
    out = tmp_path / "site"
    args = ["-o", str(out), "--today", "2026-07-01", "--formats", "all", "-q", "--jobs", "1"]
    assert CliRunner().invoke(main, ["build", str(src), *args]).exit_code == 0
    assert (tmp_path / "site.cache").is_dir()
    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}

    # nothing changed: every letter from the cache, no file rewritten (pages, assets, data)
    assert CliRunner().invoke(main, ["build", str(src), *args]).exit_code == 0
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()} == stamps

    added = sorted((tmp_path / "gen" / "letters").glob("*.txt"))[6]
    (src / added.name).write_bytes(added.read_bytes())                       # one added
    seed = (src / "seed.txt").read_text(encoding="utf-8")
    (src / "seed.txt").write_text(seed.replace("Kamerstukken I 2025/26, 32 317, PY",
                                               "Kamerstukken I 2025/26, 32 317, PZ"), encoding="utf-8")  # one changed
    (src / "000002.txt").unlink()                                             # one removed
    import kamerxref.graph.pipeline as pipeline

    read = []
    real = pipeline._load_one
    pipeline._load_one = lambda path: read.append(path.name) or real(path)
    try:
        assert CliRunner().invoke(main, ["build", str(src), *args]).exit_code == 0
    finally:
        pipeline._load_one = real
    assert sorted(read) == sorted([added.name, "seed.txt"])
    clean = tmp_path / "clean"
    res = CliRunner().invoke(main, ["build", str(src), "-o", str(clean), "--no-cache",
                                    *args[2:]])
    assert res.exit_code == 0 and not (tmp_path / "clean.cache").exists()
    want, got = _files(clean), _files(out)
    assert sorted(got) == sorted(want)
    for name in want:
        assert got[name] == want[name], name
    assert "kst-32317-PZ" in want["graph.json"].decode()
    # the cache holds the current files only
    assert len(list((tmp_path / "site.cache").glob("*/*.pickle"))) == 7


# -- the main process's own work while the workers render (kamerxref build's data files) --
def _square(offset, x):
    return offset + x * x


def test_fork_map_runs_meanwhile_in_this_process_while_the_workers_work(tmp_path):
    import os

    from kamerxref.graph.parallel import fork_map

    items = list(range(11))
    for jobs in (1, 2):
        where = []
        out = fork_map(_square, items, jobs, shared=(100,), chunksize=1,
                       meanwhile=lambda: where.append(os.getpid()))
        assert out == [100 + x * x for x in items] and where == [os.getpid()]


def test_fork_map_stops_its_workers_when_meanwhile_fails():
    import multiprocessing as mp
    import time

    import pytest

    from kamerxref.graph.parallel import fork_map

    def fail():
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space"):
        fork_map(time.sleep, [0.01] * 4, 2, meanwhile=fail)
    assert mp.active_children() == []


def test_build_with_jobs_writes_the_same_site_as_one_process(tmp_path):
    """The data files written in the background and the site's pieces in the page workers
    give the same bytes as one process doing everything in order."""
    import datetime as dt

    import kamerxref
    from kamerxref.graph.generate import write_corpus

    write_corpus(tmp_path / "corpus", 30, seed=5)
    corpus = kamerxref.load(tmp_path / "corpus" / "letters")
    day = dt.date(2026, 12, 4)
    one = corpus.build(tmp_path / "one", day, jobs=1, formats="graphml")
    two = corpus.build(tmp_path / "two", day, jobs=2, formats="graphml")
    rel = lambda paths, root: {p.relative_to(root).as_posix(): p.read_bytes() for p in paths}
    assert rel(one, tmp_path / "one") == rel(two, tmp_path / "two")
    assert "graph.graphml" in rel(two, tmp_path / "two") and len(two) > 30


def test_build_without_keeping_the_letters_writes_the_same_site(tmp_path):
    """kamerxref build lets each letter go once it is in the graph (build_graph's
    ``consume``): the same graph and files, and the corpus holds no letters after."""
    import datetime as dt
    import gc

    import kamerxref
    from kamerxref.exporters.json_graph import to_json
    from kamerxref.graph.build import build_graph
    from kamerxref.graph.model import Letter

    def alive() -> int:
        gc.collect()
        return sum(isinstance(o, Letter) for o in gc.get_objects())

    day = dt.date(2026, 12, 4)
    kept, freed = kamerxref.load(ROOT / "data"), kamerxref.load(ROOT / "data")
    letters = list(freed.letters)
    n = alive()
    G = build_graph(letters, consume=True, today=day)
    assert letters == [] and to_json(G) == to_json(build_graph(kept.letters, today=day))
    del G
    one = kept.build(tmp_path / "one", day)
    two = freed.build(tmp_path / "two", day, keep_letters=False)
    assert freed.letters == [] and kept.letters
    rel = lambda paths, root: {p.relative_to(root).as_posix(): p.read_bytes() for p in paths}
    assert rel(one, tmp_path / "one") == rel(two, tmp_path / "two")
    assert alive() == n - len(kept.letters)  # nothing else held the freed corpus' letters
    assert freed.graph is freed.graph  # its graph stays; another day cannot be made again
    import pytest

    with pytest.raises(RuntimeError, match="keep_letters=False"):
        freed.at(dt.date(2027, 1, 1)).graph


def test_workers_write_the_letter_cache_and_a_rebuild_uses_it(tmp_path):
    """With --jobs 2 the workers write the cache entries of the files they read; the main
    process notes them as used, so prune keeps them and a rebuild reads nothing again."""
    from click.testing import CliRunner

    from kamerxref.cli import main
    from kamerxref.graph.generate import write_corpus

    write_corpus(tmp_path / "gen", 6, seed=2, jobs=1)
    out = tmp_path / "site"
    args = ["build", str(tmp_path / "gen" / "letters"), "-o", str(out), "-q", "--jobs", "2",
            "--today", "2026-07-01"]
    assert CliRunner().invoke(main, args).exit_code == 0
    entries = {p: p.stat().st_mtime_ns for p in (tmp_path / "site.cache").rglob("*.pickle")}
    assert len(entries) == 6
    first = _files(out)
    import kamerxref.graph.pipeline as pipeline

    real, read = pipeline._load_one, []
    pipeline._load_one = lambda path: read.append(path.name) or real(path)
    (tmp_path / "site.cache" / "build-manifest.json").unlink()  # a rebuild, not "up to date"
    try:
        assert CliRunner().invoke(main, args).exit_code == 0
    finally:
        pipeline._load_one = real
    assert read == [] and _files(out) == first
    assert {p: p.stat().st_mtime_ns for p in (tmp_path / "site.cache").rglob("*.pickle")} == entries


# -- a rebuild with nothing changed (exporters/uptodate.py) --------------------------------
def _site_stat(out):
    return {str(p.relative_to(out)): (p.stat().st_mtime_ns, p.stat().st_ino)
            for p in sorted(out.rglob("*")) if p.is_file()}


def _build_here(src, out, *more, read=None):
    from click.testing import CliRunner

    import kamerxref.graph.pipeline as pipeline
    from kamerxref.cli import main

    real = pipeline._load_one
    if read is not None:
        pipeline._load_one = lambda path: read.append(path.name) or real(path)
    try:
        return CliRunner().invoke(main, ["build", str(src), "-o", str(out), "--jobs", "1",
                                         "--today", "2026-07-01", *map(str, more)])
    finally:
        pipeline._load_one = real


def test_a_rebuild_with_nothing_changed_leaves_the_site_and_says_what_the_build_said(tmp_path):
    """Nothing read, nothing written, the same warnings and exit code (3: one input
    unreadable) as the build that made the site."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_bytes(SEED_002.read_bytes())
    (src / "bad.txt").write_bytes(b"")
    out = tmp_path / "site"
    first = _build_here(src, out)
    assert first.exit_code == 3 and "bad.txt" in first.stderr
    before, read = _site_stat(out), []
    again = _build_here(src, out, read=read)
    assert again.exit_code == 3 and read == [] and _site_stat(out) == before
    assert again.stderr.splitlines()[:-2] == first.stderr.splitlines()[:-2]     # the warnings
    assert again.stderr.splitlines()[-1] == first.stderr.splitlines()[-1]       # exit 3's line
    assert again.stderr.splitlines()[-2].endswith("is up to date (nothing changed since its build)")
    quiet = _build_here(src, out, "-q")
    assert quiet.exit_code == 3 and quiet.stderr.splitlines() == first.stderr.splitlines()[-1:]


@pytest.mark.parametrize("change", ["input byte", "input added", "record.json added", "today",
                                    "formats", "page deleted", "page touched", "code"])
def test_any_change_makes_a_full_build(tmp_path, monkeypatch, change):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_bytes(SEED_002.read_bytes())
    out = tmp_path / "site"
    assert _build_here(src, out, "-q").exit_code == 0
    assert "up to date" in _build_here(src, out).stderr  # as it was: nothing to do
    more = []
    if change == "input byte":
        (src / "a.txt").write_bytes(SEED_002.read_bytes().replace(b"p. 2", b"p. 3", 1))
    elif change == "input added":
        (src / "b.txt").write_bytes(SEED_000.read_bytes())
    elif change == "record.json added":  # a fetch cache's metadata is read too
        (src / "record.json").write_text('{"identifier": "kst-32317-PY", "title": "x"}')
    elif change == "today":
        more += ["--today", "2026-09-01"]
    elif change == "formats":
        more += ["--formats", "gexf"]
    elif change == "page deleted":
        next((out / "letters").iterdir()).unlink()
    elif change == "page touched":
        os.utime(out / "index.html", ns=(1, 1))
    elif change == "code":
        import kamerxref.exporters.uptodate as uptodate

        monkeypatch.setattr(uptodate, "code_fingerprint", lambda *roots: "another kamerxref")
    res = _build_here(src, out, *more)
    assert res.exit_code == 0 and "up to date" not in res.stderr
    assert res.stderr.splitlines()[-1].endswith(f"files to {out}/")  # "...; wrote 175 files to"
    clean = tmp_path / "clean"
    assert _build_here(src, clean, *more, "-q", "--no-cache").exit_code == 0
    assert _files(out) == _files(clean)


def _records(obj, seen: set) -> list:
    """Every letter-model record reachable from ``obj``."""
    import dataclasses

    out = []
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        if id(obj) in seen:
            return out
        seen.add(id(obj))
        out.append(obj)
        for f in dataclasses.fields(obj):
            out.extend(_records(getattr(obj, f.name), seen))
    elif isinstance(obj, (list, tuple)):
        for x in obj:
            out.extend(_records(x, seen))
    return out


def test_processed_letters_pickle_to_equal_letters_by_their_constructor(realdocs, tmp_path):
    """Letters travel pickled from the reading workers and into the cache: each record
    pickles as its class and field values (one constructor call to unpickle), and comes
    back equal, shared objects still shared (a footnote's marker is its paragraph's)."""
    import pickle

    from kamerxref.graph import model
    from kamerxref.graph.pipeline import _load_one
    import verslag_fixtures as F

    (tmp_path / "verslag.txt").write_text(F.to_text(F.SCHRIFTELIJK_OVERLEG), encoding="utf-8")
    (tmp_path / "verslag.xml").write_text(F.to_xml(F.SCHRIFTELIJK_OVERLEG), encoding="utf-8")
    paths = [SEED_002, ROOT / "data" / "000_b50105430c9bb7d0.txt", tmp_path / "verslag.txt",
             tmp_path / "verslag.xml",
             *sorted(p for p in realdocs.iterdir() if p.is_file() and p.name != "README.md")]
    kinds = set()
    for path in paths:
        letters, issue = _load_one(path)
        assert letters and issue is None, path
        back = pickle.loads(pickle.dumps(letters, protocol=pickle.HIGHEST_PROTOCOL))
        assert back == letters and repr(back) == repr(letters), path
        for before, after in zip(letters, back):
            for fn_b, fn_a in zip(before.footnotes, after.footnotes):
                if fn_b.marker is not None:
                    para = after.paragraphs[fn_a.marker.paragraph]
                    assert any(m is fn_a.marker for m in para.markers) == any(
                        m is fn_b.marker for m in before.paragraphs[fn_b.marker.paragraph].markers)
        for rec in _records(letters, set()):
            kinds.add(type(rec).__name__)
            cls, values = rec.__reduce__()
            assert cls is type(rec) and cls(*values) == rec
    assert kinds >= {"Letter", "Paragraph", "Question", "Footnote", "FootnoteMarker", "Citation",
                     "Cite", "Attribution", "Section", "SkippedBlock", "Issue", "Member"}
    assert not [n for n in dir(model) if isinstance(getattr(model, n), type)
                and hasattr(getattr(model, n), "__slots__")
                and getattr(model, n).__reduce__ is object.__reduce__]


def test_letters_read_go_to_the_oldest_generation_without_a_scan():
    """After a pause of the collector (load_letters, the graph, the site) the collector
    does not start with a scan of every object the pause made (they are in its oldest
    generation), nothing stays frozen, a cycle made meanwhile is still collected, and
    objects another part froze stay frozen."""
    import gc
    import weakref

    from kamerxref.graph.gcpause import gc_paused
    from kamerxref.graph.pipeline import load_letters

    letters, _ = load_letters([SEED_002, SEED_000])
    assert len(letters) == 2 and gc.get_count()[0] < 100 and gc.get_freeze_count() == 0

    class Node:
        pass

    with gc_paused():
        a, b = Node(), Node()
        a.other, b.other = b, a  # a reference cycle: only the collector frees it
        gone = weakref.ref(a)
        del a, b
        made = [Node() for _ in range(5000)]
    assert gc.get_count()[0] < 100 and len(made) == 5000
    assert gone() is not None
    gc.collect()
    assert gone() is None

    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with gc_paused():
            more = [Node() for _ in range(100)]
        assert gc.get_freeze_count() == frozen and len(more) == 100
    finally:
        gc.unfreeze()
