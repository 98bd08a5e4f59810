"""Hostile input and hostile output paths through the command line (issue 15): one bad file
gives exit code 3 and the others' output; ``-o`` never replaces a device, a FIFO, an input
or a folder kamerxref did not make; a site is swapped in whole under a lock and an
interrupted or failed build leaves the old one and no temporary files; user errors are one
line naming the path; CSV cells cannot run as formulas and no control character reaches
a terminal or graph.json."""
from __future__ import annotations

import errno
import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import hostile_corpus as C
from kamerxref.cli import EXIT_PARTIAL, main

SEED2 = C.SEED.parent / "002_7ac5984d77b17826.txt"


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)


def letters_dir(tmp_path: Path, *extra: tuple[str, bytes]) -> Path:
    d = tmp_path / "brieven"
    d.mkdir(exist_ok=True)
    (d / "181524.txt").write_bytes(C.SEED.read_bytes())
    (d / "180760.txt").write_bytes(SEED2.read_bytes())
    for name, data in extra:
        (d / name).write_bytes(data)
    return d


def no_leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".build-" in p.name or ".old-" in p.name
                  or p.name.endswith(".tmp"))


# -- one bad file: exit 3, the others written ----------------------------------------------

def test_bad_file_gives_exit_3_and_the_good_letters(tmp_path):
    d = letters_dir(tmp_path, ("kapot.xml", C.utf16_odd_xml()))
    res = run("letters", d, "--format", "json")
    assert res.exit_code == EXIT_PARTIAL
    assert sorted(r["kenmerk"] for r in json.loads(res.stdout)) == ["180760", "181524"]
    assert "kapot.xml:byte 10: not valid UTF-16" in res.stderr
    assert "internal error" not in res.stderr


def test_build_with_a_bad_file_writes_the_site_and_exits_3(tmp_path):
    d = letters_dir(tmp_path, ("nummering.docx", C.docx_start("9" * 5000)), ("kapot.xml", C.utf16_surrogate_xml()))
    out = tmp_path / "site"
    res = run("build", d, "-o", out, "--jobs", "1")
    assert res.exit_code == EXIT_PARTIAL, res.stderr
    assert (out / "index.html").is_file() and (out / "graph.json").is_file()
    assert "1 input file could not be read" in res.stderr


def test_non_utf8_file_name_gives_valid_utf8_json(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    with open(os.fsencode(d) + b"/brief-\xe9.txt", "wb") as fh:
        fh.write(C.SEED.read_bytes())
    proc = subprocess.run([sys.executable, "-m", "kamerxref.cli", "letters", str(d), "--format", "json"],
                          capture_output=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    records = json.loads(proc.stdout.decode("utf-8"))  # strict: raises on invalid UTF-8
    assert records[0]["source"].endswith("brief-\\xe9.txt")


def test_newline_in_a_file_name_cannot_forge_a_warning_line(tmp_path):
    d = letters_dir(tmp_path, ("x\nwarning: alle brieven gelezen.txt", b"\x00\x01binary"))
    res = run("letters", d)
    assert res.exit_code == EXIT_PARTIAL
    assert not any(line.startswith("warning: alle brieven") for line in res.stderr.splitlines())
    assert "x\\nwarning: alle brieven gelezen.txt" in res.stderr


def test_cite_reads_stdin_that_is_not_utf8():
    data = "Kamerstukken I 2025/26, 36 871, O, p. 4 (één)\nIdem, p. 5.\n".encode("cp1252")
    res = CliRunner().invoke(main, ["cite", "-"], input=data, catch_exceptions=False)
    assert res.exit_code == 0, res.stderr
    records = json.loads(res.stdout)
    assert [r["citations"][0]["pages"] for r in records] == [[4], [5]]
    assert "not UTF-8" in res.stderr


# -- -o never destroys what it is given ----------------------------------------------------

def test_export_over_its_own_input_is_refused(tmp_path):
    letter = tmp_path / "letter.txt"
    letter.write_bytes(C.SEED.read_bytes())
    res = run("export", "csv", "-o", letter, letter)
    assert res.exit_code == 1
    assert res.stderr.strip() == f"kamerxref: error: {letter}: is one of the input files; refused (choose another -o)"
    assert letter.read_bytes() == C.SEED.read_bytes()


def test_export_over_a_fifo_is_refused(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    res = run("export", "json", "-o", fifo, C.SEED)
    assert res.exit_code == 1 and "is a FIFO, not a regular file" in res.stderr
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_export_over_a_device_is_refused(tmp_path):
    """``-o /dev/full`` as root replaced the system device; here a device node of our own
    (the same major/minor as /dev/null) stands in for it."""
    dev = tmp_path / "full"
    try:
        os.mknod(dev, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except (PermissionError, OSError) as err:
        pytest.skip(f"cannot make a device node here: {err}")
    res = run("export", "csv", "-o", dev, C.SEED)
    assert res.exit_code == 1 and "is a character device, not a regular file" in res.stderr
    assert stat.S_ISCHR(os.stat(dev).st_mode)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_output_under_a_file_is_one_line(tmp_path):
    f = tmp_path / "notes.txt"
    f.write_text("x")
    for args in (["export", "csv", "-o", f / "out.csv", C.SEED], ["build", C.SEED, "-o", f / "site"]):
        res = run(*args)
        assert res.exit_code == 1
        assert res.stderr.count("\n") == 1 and "is a file, not a folder" in res.stderr
        assert "internal error" not in res.stderr


def test_read_only_output_folder_is_one_line(tmp_path, monkeypatch):
    """Root may write anywhere, so the system's answer is simulated: EROFS on creating
    the temporary folder."""
    import tempfile

    def refuse(*a, **k):
        raise OSError(errno.EROFS, "Read-only file system", str(tmp_path / "site"))

    monkeypatch.setattr(tempfile, "mkdtemp", refuse)
    res = run("build", C.SEED, "-o", tmp_path / "site")
    assert res.exit_code == 1
    assert res.stderr == f"kamerxref: error: {tmp_path / 'site'}: Read-only file system\n"


def test_full_disk_leaves_the_old_site_and_no_temporary_files(tmp_path, monkeypatch):
    out = tmp_path / "site"
    assert run("build", C.SEED, SEED2, "-o", out, "--jobs", "1").exit_code == 0
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    import kamerxref.exporters.html as html

    real = html.write_site

    def full(G, out_dir, *a, **k):
        (Path(out_dir) / "index.html").write_text("half")
        raise OSError(errno.ENOSPC, "No space left on device", str(Path(out_dir) / "letters"))

    monkeypatch.setattr(html, "write_site", full)
    res = run("build", C.SEED, "-o", out, "--jobs", "1")
    assert res.exit_code == 1
    assert res.stderr == f"kamerxref: error: {out / 'letters'}: No space left on device\n"
    monkeypatch.setattr(html, "write_site", real)
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    assert no_leftovers(tmp_path) == []


def test_full_disk_on_a_single_export_leaves_no_temporary_file(tmp_path, monkeypatch):
    import kamerxref.exporters.io as io_mod

    real_fdopen = os.fdopen

    class Full:
        def __init__(self, fh):
            self.fh = fh

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

        def write(self, data):
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(io_mod.os, "fdopen", lambda fd, mode: Full(real_fdopen(fd, mode)))
    res = run("export", "json", "-o", tmp_path / "graph.json", C.SEED)
    assert res.exit_code == 1
    assert res.stderr == f"kamerxref: error: {tmp_path / 'graph.json'}: No space left on device\n"
    assert list(tmp_path.iterdir()) == []


# -- the site as a whole -------------------------------------------------------------------

def test_rebuild_with_fewer_letters_removes_stale_pages(tmp_path):
    from kamerxref.exporters.io import SITE_MARKER

    out = tmp_path / "site"
    assert run("build", C.SEED, SEED2, "-o", out, "--jobs", "1").exit_code == 0
    assert len(list((out / "letters").glob("*.html"))) == 2
    assert (out / SITE_MARKER).is_file()
    assert run("build", C.SEED, "-o", out, "--jobs", "1").exit_code == 0
    assert [p.name for p in (out / "letters").glob("*.html")] == ["letter-181524.html"]
    assert no_leftovers(tmp_path) == []


def test_build_refuses_a_folder_it_did_not_make(tmp_path):
    d = letters_dir(tmp_path)
    res = run("build", C.SEED, "-o", d)
    assert res.exit_code == 1 and "holds files kamerxref did not write (180760.txt, 181524.txt)" in res.stderr
    assert sorted(p.name for p in d.iterdir()) == ["180760.txt", "181524.txt"]


def test_build_into_the_folder_it_reads_is_refused(tmp_path):
    out = tmp_path / "site"
    assert run("build", C.SEED, "-o", out, "--jobs", "1").exit_code == 0
    (out / "letters" / "mine.txt").write_bytes(C.SEED.read_bytes())
    res = run("build", out / "letters" / "mine.txt", "-o", out)
    assert res.exit_code == 1 and "holds the input" in res.stderr


def test_two_builds_cannot_interleave(tmp_path):
    from kamerxref.exporters.io import SiteBuild

    out = tmp_path / "site"
    with SiteBuild(out) as site:
        (site.tmp / "index.html").write_text("first build, still writing")
        res = run("build", C.SEED, "-o", out, "--jobs", "1")
        assert res.exit_code == 1 and "another kamerxref build is writing this folder" in res.stderr
    assert (out / "index.html").read_text() == "first build, still writing"
    assert no_leftovers(tmp_path) == []


def test_interrupted_build_keeps_the_old_site(tmp_path, monkeypatch):
    out = tmp_path / "site"
    assert run("build", C.SEED, SEED2, "-o", out, "--jobs", "1").exit_code == 0
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    import kamerxref.exporters.html as html

    def interrupted(G, out_dir, *a, **k):
        (Path(out_dir) / "index.html").write_text("new, unfinished")
        raise KeyboardInterrupt

    monkeypatch.setattr(html, "write_site", interrupted)
    res = run("build", C.SEED, "-o", out, "--jobs", "1")
    assert res.exit_code == 1  # click.Abort
    assert {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert no_leftovers(tmp_path) == []


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_signal_during_build_keeps_the_old_site(tmp_path, sig):
    """A real process, killed by a signal while it writes the letter pages."""
    out = tmp_path / "site"
    assert run("build", C.SEED, "-o", out, "--jobs", "1").exit_code == 0
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    flag = tmp_path / "writing"
    code = f"""
import sys, time, pathlib
import kamerxref.exporters.html as html
real = html.write_site
def slow(G, out_dir, *a, **k):
    paths = real(G, out_dir, *a, **k)
    pathlib.Path({str(flag)!r}).write_text("now")
    time.sleep(60)
    return paths
html.write_site = slow
from kamerxref.cli import main
sys.argv = ["kamerxref", "build", {str(C.SEED)!r}, {str(SEED2)!r}, "-o", {str(out)!r}, "--jobs", "1"]
main()
"""
    proc = subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.PIPE)
    for _ in range(600):
        if flag.exists() or proc.poll() is not None:
            break
        time.sleep(0.1)
    assert flag.exists(), proc.stderr.read()
    proc.send_signal(sig)
    proc.wait(timeout=60)
    assert proc.returncode != 0
    assert {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert no_leftovers(tmp_path) == []


@pytest.mark.parametrize("stop", [KeyboardInterrupt, SystemExit, OSError, None])
def test_replacing_folder_swaps_in_whole_or_leaves_the_old_folder(tmp_path, stop):
    """``replacing_folder`` (``build --scheduler``'s ``DIR/parquet``): the block writes a
    hidden sibling; it replaces the folder only when the block ends well, and a stop
    (Ctrl-C, SIGTERM's SystemExit, a full disk) leaves the old folder and nothing beside."""
    from kamerxref.exporters.io import replacing_folder

    out = tmp_path / "site" / "parquet"
    with replacing_folder(out, lock=out.parent) as tmp:
        assert tmp.parent == out.parent and tmp.name.startswith(".parquet.build-")
        (tmp / "nodes").mkdir()
        (tmp / "nodes" / "part.0.parquet").write_text("old")
    assert (out / "nodes" / "part.0.parquet").read_text() == "old"
    try:
        with replacing_folder(out, lock=out.parent) as tmp:
            (tmp / "edges").mkdir()
            (tmp / "edges" / "part.0.parquet").write_text("new")
            if stop is not None:
                raise stop()
    except (KeyboardInterrupt, SystemExit, OSError):
        assert stop is not None
    tables = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert tables == (["nodes/part.0.parquet"] if stop else ["edges/part.0.parquet"])
    assert sorted(p.name for p in out.parent.iterdir()) == ["parquet"]
    assert no_leftovers(tmp_path) == []


def test_site_build_reuse_links_unchanged_pages(tmp_path):
    from kamerxref.exporters.io import SiteBuild

    out = tmp_path / "site"
    with SiteBuild(out) as site:
        (site.tmp / "letters").mkdir()
        (site.tmp / "letters" / "a.html").write_text("A")
    with SiteBuild(out) as site:
        assert site.previous == out
        assert site.reuse("letters/a.html") and not site.reuse("letters/b.html")
    assert (out / "letters" / "a.html").read_text() == "A"


def test_site_build_writes_straight_and_never_through_a_reused_link(tmp_path):
    """Inside a site build a file is written as it is (no temporary file beside it): the
    folder is swapped in whole. A file reused from the old site (a hard link) and then
    written anew gets its own inode: the old site is never written through."""
    from kamerxref.exporters.io import SiteBuild, write_atomic

    out = tmp_path / "site"
    with SiteBuild(out) as site:
        write_atomic(site.tmp / "letters" / "a.html", "A")
        assert sorted(p.name for p in (site.tmp / "letters").iterdir()) == ["a.html"]
    old = os.stat(out / "letters" / "a.html")
    with SiteBuild(out) as site:
        assert site.reuse("letters/a.html")
        write_atomic(site.tmp / "letters" / "a.html", ["B", b"b"])
        assert (site.previous / "letters" / "a.html").read_text() == "A"
        assert os.stat(site.tmp / "letters" / "a.html").st_ino != old.st_ino
    assert (out / "letters" / "a.html").read_text() == "Bb"
    assert stat.S_IMODE(os.stat(out / "letters" / "a.html").st_mode) == 0o644
    assert no_leftovers(tmp_path) == []


def test_rebuild_links_unchanged_pages_from_the_old_site(tmp_path):
    """The swap keeps what the incremental build gives: a page with the same bytes is the
    old file (hard link: same inode, same modification time), a changed one is new."""
    out = tmp_path / "site"
    assert run("build", C.SEED, SEED2, "-o", out, "--jobs", "1", "--today", "2026-07-01").exit_code == 0
    page = out / "letters" / "letter-181524.html"
    before = os.stat(page)
    assert run("build", C.SEED, SEED2, "-o", out, "--jobs", "1", "--today", "2026-07-01").exit_code == 0
    after = os.stat(page)
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert no_leftovers(tmp_path) == []


def test_output_error_is_an_oserror_naming_the_path(tmp_path):
    from kamerxref.exporters.io import OutputError

    err = OutputError(tmp_path / "x\ny", "No space left on device")
    assert isinstance(err, OSError) and str(err) == f"{tmp_path}/x\\ny: No space left on device"


# -- what lands in other programs ----------------------------------------------------------

def test_csv_cells_cannot_run_as_formulas(tmp_path):
    letter = tmp_path / "letter.txt"
    letter.write_bytes(C.control_chars_txt())
    for fmt, name in (("csv", "citations.csv"),):
        out = tmp_path / name
        assert run("export", fmt, "-o", out, letter).exit_code == 0
    res = run("questions", letter, "--format", "csv")
    assert res.exit_code == 0
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert rows[0]["text"].startswith("'=HYPERLINK(")
    assert rows[1]["text"].startswith("'@SUM(")
    for row in rows:
        assert not any(v.startswith(("=", "+", "-", "@", "\t", "\r")) for v in row.values())
    site = tmp_path / "site"
    assert run("build", letter, "-o", site, "--jobs", "1").exit_code == 0
    built = list(csv.DictReader(io.StringIO((site / "questions.csv").read_text(encoding="utf-8"))))
    assert [r["text"][:3] for r in built] == ["'=H", "'@S"]


def test_no_control_character_reaches_the_terminal_or_graph_json(tmp_path):
    letter = tmp_path / "letter.txt"
    letter.write_bytes(C.control_chars_txt())
    res = run("letters", letter)
    assert res.exit_code == 0 and "\x1b" not in res.stdout and "\x07" not in res.stdout
    res = run("letters", letter, "--format", "json")
    betreft = json.loads(res.stdout)[0]["betreft"]
    assert "\x1b" not in betreft and "rood" in betreft
    out = tmp_path / "graph.json"
    assert run("export", "json", "-o", out, letter).exit_code == 0
    raw = out.read_text(encoding="utf-8")
    assert "\\u001b" not in raw and "\\u0007" not in raw and "\x1b" not in raw


def test_table_escapes_control_characters_it_is_given():
    from kamerxref.cli import _table

    out = _table([{"betreft": "a\x1b[2Jb\x9bc\nd"}], ["betreft"])
    assert "\x1b" not in out and "\x9b" not in out and "a\\x1b[2Jb\\x9bc d" in out


@pytest.mark.parametrize("make_input, inside", [
    (lambda out, tmp: out / "letters" / "mine.txt", True),                # a file in the site
    (lambda out, tmp: out / "letters", True),                              # a folder in it
    (lambda out, tmp: out, True),                                          # the site itself
    (lambda out, tmp: tmp / "site2" / "x.txt", False),                     # a sibling, same prefix
    (lambda out, tmp: tmp / "in" / "link.txt", True),                      # a link into the site
    (lambda out, tmp: tmp / "linkdir" / "mine.txt", True),                 # through a linked folder
    (lambda out, tmp: tmp / "in" / ".." / "site" / "letters" / "mine.txt", True),
    (lambda out, tmp: tmp / "in" / "plain.txt", False),
])
def test_an_input_inside_the_output_is_found_through_links(tmp_path, make_input, inside):
    """``check_site_folder`` resolves each input folder once (not each of 10,000 files)
    and still follows a link to a file or folder inside the site."""
    from kamerxref.exporters.io import OutputError, check_site_folder

    out = tmp_path / "site"
    (out / "letters").mkdir(parents=True)
    (out / "letters" / "mine.txt").write_text("x")
    (tmp_path / "site2").mkdir()
    (tmp_path / "site2" / "x.txt").write_text("x")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "plain.txt").write_text("x")
    (tmp_path / "in" / "link.txt").symlink_to(out / "letters" / "mine.txt")
    (tmp_path / "linkdir").symlink_to(out / "letters")
    inputs = [tmp_path / "in" / "plain.txt", make_input(out, tmp_path)]
    if inside:
        with pytest.raises(OutputError, match="holds the input"):
            check_site_folder(out, inputs)
    else:
        check_site_folder(out, inputs)  # not refused (the folder holds only foreign files ...)
