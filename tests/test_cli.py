"""The command line (DESIGN §5), end to end on the bundled letters."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from conftest import DATA, SEED_000, SEED_002

from kamerxref.cli import main


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)


def test_letters_json_default_input_is_data():
    res = run("letters", "--format", "json", "-q")
    assert res.exit_code == 0, res.output
    recs = {r["kenmerk"]: r for r in json.loads(res.stdout)}
    assert set(recs) == {"181524", "180760"}
    r = recs["181524"]
    assert (r["id"], r["datum"], r["deadline"], r["questions"], r["footnotes"]) == (
        "letter-181524", "2026-06-23", "2026-07-21", 45, 25)
    assert r["fracties"] == ["D66", "JA21", "Volt", "PvdD"]
    assert r["cites"] == ["kst-36871-O"]
    # the record's cites are the graph's: 180760's introduction names "de mededeling
    # COM(2026)45" (a letter -cites-> com-2026-45 edge, how="text") besides its footnotes
    assert recs["180760"]["cites"] == ["com-2026-45", "edossier-E260010", "kst-32317-PY"]
    assert (r["kind"], r["publication"]) == ("committee", None)
    assert r["source"].endswith("000_b50105430c9bb7d0.txt")


def test_letters_csv_and_table():
    res = run("letters", DATA, "--format", "csv", "-q")
    assert res.exit_code == 0
    assert res.stdout.splitlines()[0].startswith("id,kenmerk,datum,betreft")
    res = run("letters", DATA, "-q")
    assert "letter-181524" in res.stdout and "2026-07-21" in res.stdout


def test_questions_fractie_filter():
    res = run("questions", SEED_000, "--fractie", "ja21", "--format", "json", "-q")
    recs = json.loads(res.stdout)
    assert [r["number"] for r in recs] == ["1", "2", "3", "4", "5", "6"]
    assert recs[0]["cites"] == [{"id": "kst-36871-O/p4", "document": "kst-36871-O", "part": None,
                                 "page": 4, "how": "direct", "footnotes": ["14"]}]
    assert recs[2]["text"].endswith("bij gelijkgezinde lidstaten?")
    assert "blad" not in recs[2]["text"]


def test_questions_unknown_fractie_is_a_user_error():
    res = run("questions", SEED_000, "--fractie", "XYZ")
    assert res.exit_code == 1
    assert "no fractie 'XYZ'" in res.stderr and "D66" in res.stderr


def test_cite_stdin_resolves_idem_across_lines():
    text = "Kamerstukken I 2025/26, 36 871, O, bijlage, p. 40.\nIdem, p. 18.\n"
    res = run("cite", "-", input=text)
    assert res.exit_code == 0
    recs = json.loads(res.stdout)
    assert recs[0]["citations"][0] | {} == {
        "kind": "kamerstuk", "document": "kst-36871-O", "dossier": "36871", "part": "bijlage",
        "pages": [40], "url": "https://zoek.officielebekendmakingen.nl/kst-36871-O.html",
        "span": recs[0]["citations"][0]["span"], "resolved_from": None}
    c = recs[1]["citations"][0]
    assert (c["document"], c["part"], c["pages"], c["resolved_from"]) == ("kst-36871-O", "bijlage", [18], 1)
    assert recs[1]["footnote"] == 2 and recs[1]["warnings"] == []


FOOTNOTES = ("Kamerstukken I 2025/26, 36 871, O, bijlage, p. 40.\n"
             "Idem, p. 18.\n"
             "Handelingen II 2019/20, 45, p. 7\n"
             "Zie noot 1\n"
             "Idem.\r\n"
             "\n"
             "Europese strategie COM(2026)45")


@pytest.mark.parametrize("batch", [1, 2, 3, 4096])
def test_cite_stream_gives_one_document_whatever_the_batch(monkeypatch, batch):
    """stdin is resolved in batches; an Idem or Zie noot at the start of a batch resolves
    across the boundary, and the JSON is the indented array json.dumps would give."""
    import kamerxref.cli as cli

    monkeypatch.setattr(cli, "CITE_BATCH", batch)
    res = run("cite", "-", input=FOOTNOTES)
    assert res.exit_code == 0
    recs = json.loads(res.stdout)
    assert res.stdout == json.dumps(recs, ensure_ascii=False, indent=2) + "\n"
    assert [r["footnote"] for r in recs] == [1, 2, 3, 4, 5, 6, 7]
    got = [[(c["document"], c["part"], c["pages"], c["resolved_from"]) for c in r["citations"]]
           for r in recs]
    assert got == [[("kst-36871-O", "bijlage", [40], None)],
                   [("kst-36871-O", "bijlage", [18], 1)],
                   [("h-tk-20192020-45", None, [7], None)],
                   [("kst-36871-O", "bijlage", [40], 1)],
                   [("kst-36871-O", "bijlage", [40], 4)],
                   [],
                   [("com-2026-45", None, [], None)]]
    assert recs[5]["warnings"] and recs[6]["text"] == "Europese strategie COM(2026)45"


#: Footnote lines whose short forms reach back over batch boundaries: an Idem chain, a
#: "Zie noot" to a line batches back, hetzelfde Aanhangsel past other kinds, a footnote
#: nothing can be read from (an Idem after it stays unresolved), and the seed footnotes.
CHAINS = ("Kamerstukken I 2025/26, 36 871, O, bijlage, p. 40.\n"
          "Idem, p. 18.\n"
          "Idem.\n"
          "*Ibid.*, p. 41.\n"
          "Aanhangsel Handelingen II 2023/24, nr. 1121.\n"
          "Kamerstukken II 2022/23, 29 628, nr. 1139, p. 3; idem, p. 7.\n"
          "Stb. 2018, 84.\n"
          "Hetzelfde Aanhangsel, p. 2.\n"
          "NOS, 16 mei 2024, 'Politiehond gewond bij aanhouding'.\n"
          "Idem, p. 5.\n"
          "Zie noot 1.\n"
          "Zie noot 6, p. 9.\n"
          "COM(2026)45; t.a.p., p. 3.\n"
          "Kamerstukken I 2025/26, 36 871, O, p. 5 en bijlage, p. 42.\n"
          "Idem.\n")


def _seed_footnote_lines() -> str:
    import re

    lines = []
    for path in (SEED_000, SEED_002):
        lines += re.findall(r"^<sup>\d+</sup>\s*(.+?)\s*$", path.read_text(encoding="utf-8"), flags=re.M)
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("fmt", ["json", "table"])
@pytest.mark.parametrize("jobs,batch", [(2, 1), (2, 3), (3, 2), (2, 7), (1, 3), (2, 4096)])
def test_cite_jobs_gives_the_output_of_one_process(monkeypatch, fmt, jobs, batch):
    """--jobs: workers find the citations of the next batches, this process resolves the
    short forms in line order: every Idem, Zie noot and hetzelfde resolves (or is warned
    about) exactly as in one process, whatever the batch boundaries."""
    import kamerxref.cli as cli

    text = CHAINS + _seed_footnote_lines() + CHAINS
    one = run("cite", "-", "--format", fmt, "--jobs", "1", input=text)
    monkeypatch.setattr(cli, "CITE_BATCH", batch)
    many = run("cite", "-", "--format", fmt, "--jobs", str(jobs), input=text)
    assert many.exit_code == one.exit_code == 0
    assert many.stdout == one.stdout and many.stderr == one.stderr
    if fmt == "json":  # and that output is right: the second CHAINS reaches back to the first
        recs = json.loads(one.stdout)
        k = len(recs) - 15  # the second CHAINS starts at footnote k + 1
        got = [[(c["document"], c["pages"], c["resolved_from"]) for c in r["citations"]] for r in recs]
        assert got[k + 1] == [("kst-36871-O", [18], k + 1)]  # Idem, p. 18
        assert got[k + 3] == [("kst-36871-O", [41], k + 3)]  # *Ibid.*, p. 41: the chain
        assert got[k + 7] == [("ah-tk-20232024-1121", [2], k + 5)]  # hetzelfde Aanhangsel
        assert got[k + 9] == [] and "never skipping back" in recs[k + 9]["warnings"][0]
        assert got[k + 10] == [("kst-36871-O", [40], 1)]  # Zie noot 1: line 1, batches back
        assert got[k + 11] == [("kst-29628-1139", [9], 6)] * 2  # Zie noot 6, p. 9
        assert "cites 2 sources" in recs[-1]["warnings"][0]


@pytest.mark.parametrize("block", [1, 2, 5, 64, 1 << 20])
def test_cite_stdin_lines_split_as_splitlines(monkeypatch, block):
    """stdin read a block at a time gives the lines ``str.splitlines`` gives, numbered
    from 1, whatever the block size: Windows and old-Mac line ends, U+2028, a form feed,
    empty lines, no line end at the end."""
    import io

    import kamerxref.cli as cli

    text = ("Kamerstukken I 2025/26, 36 871, O.\r\nIdem, p. 18.\rStb. 2018, 84.\u2028"
            "Idem.\x0c\n\nCOM(2026)45\x85Zie noot 1\n\nlaatste regel zonder einde")

    class Stdin:
        buffer = io.BytesIO(text.encode("utf-8"))

    monkeypatch.setattr(sys, "stdin", Stdin())
    monkeypatch.setattr(cli, "CITE_BATCH", 3)
    got = [pair for batch in cli._stdin_batches(block) for pair in batch]
    assert got == [(str(i + 1), line) for i, line in enumerate(text.splitlines())]


def test_cite_does_not_import_networkx():
    """``cite`` starts without networkx, pandas, the readers or the exporters (most of
    the start-up time of the other commands)."""
    code = ("import sys; from kamerxref.cli import main\n"
            "try:\n    main(['cite', 'Kamerstukken I 2025/26, 36 871, O, bijlage, p. 40.'])\n"
            "except SystemExit:\n    pass\n"
            "print(sorted(m for m in ('networkx', 'pandas', 'kamerxref.api', 'kamerxref.exporters',"
            " 'kamerxref.graph.readers') if m in sys.modules), file=sys.stderr)")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert res.returncode == 0, res.stderr
    assert res.stderr.strip().splitlines()[-1] == "[]"
    assert json.loads(res.stdout)[0]["citations"][0]["document"] == "kst-36871-O"


def test_kamerxref_api_is_imported_on_first_use():
    code = ("import sys, kamerxref; assert 'kamerxref.api' not in sys.modules; "
            "from kamerxref import load; assert callable(load) and 'networkx' in sys.modules; "
            "assert kamerxref.Corpus is kamerxref.api.Corpus; print('ok')")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert res.stdout.strip() == "ok", res.stderr


def test_cite_empty_stdin_is_an_empty_array():
    res = run("cite", "-", input="")
    assert res.exit_code == 0 and res.stdout == "[]\n"


def test_cite_argument_table():
    res = run("cite", "COM(2026)45", "--format", "table")
    assert res.exit_code == 0 and "com-2026-45" in res.stdout


def test_citing_page_and_document():
    res = run("citing", "kst-36871-O/bijlage/p40", DATA, "--format", "json", "-q")
    assert [r["id"] for r in json.loads(res.stdout)] == ["letter-181524/q1", "letter-181524/q2"]
    res = run("citing", "kst-36871-O", DATA, "--format", "json", "-q")
    assert len(json.loads(res.stdout)) == 45


def test_citing_unknown_target():
    res = run("citing", "kst-99999-A", DATA)
    assert res.exit_code == 1 and "kst-99999-A is not cited" in res.stderr


@pytest.mark.parametrize("fmt, check", [
    ("json", lambda t: json.loads(t)["directed"] is True),
    ("graphml", lambda t: "<graphml" in t),
    ("gexf", lambda t: "<gexf" in t),
    ("csv", lambda t: t.startswith("question,letter,")),
    ("html", lambda t: "<html" in t.lower() and 'src="http' not in t),
])
def test_export_formats(tmp_path, fmt, check):
    out = tmp_path / f"out.{fmt}"
    res = run("export", fmt, DATA, "-o", out, "-q")
    assert res.exit_code == 0, res.output
    assert check(out.read_text(encoding="utf-8"))


def test_build_writes_everything_and_reports(tmp_path):
    res = run("build", DATA, "-o", tmp_path / "site", "--today", "2026-07-01", "--jobs", "2")
    assert res.exit_code == 0, res.output
    assert "2 letters, 60 questions, 27 footnotes" in res.stderr
    names = {p.name for p in (tmp_path / "site").rglob("*")}
    assert {"index.html", "graph.json", "questions.csv",
            "citations.csv", "letter-181524.html", "letter-180760.html"} <= names
    assert not names & {"graph.graphml", "graph.gexf", "kamerxref.db"}  # on request only


@pytest.mark.parametrize("formats, more", [
    ("graphml,gexf,sqlite", {"graph.graphml", "graph.gexf", "kamerxref.db"}),
    ("gexf", {"graph.gexf"}),
    ("all", {"graph.graphml", "graph.gexf", "kamerxref.db"}),
])
def test_build_formats_adds_the_heavier_files(tmp_path, formats, more):
    res = run("build", DATA, "-o", tmp_path / "site", "--today", "2026-07-01", "--jobs", "1",
              "--formats", formats, "-q")
    assert res.exit_code == 0, res.output
    names = {p.name for p in (tmp_path / "site").iterdir()}
    assert names >= {"graph.json", "questions.csv", "citations.csv"} | more
    assert not names & ({"graph.graphml", "graph.gexf", "kamerxref.db"} - more)


def test_export_reads_in_parallel_with_the_same_bytes(tmp_path):
    one, two = tmp_path / "1.json", tmp_path / "2.json"
    assert run("export", "json", DATA, "-o", one, "-q", "--jobs", "1").exit_code == 0
    assert run("export", "json", DATA, "-o", two, "-q", "--jobs", "2").exit_code == 0
    assert one.read_bytes() == two.read_bytes()


def test_build_unknown_format_is_a_usage_error(tmp_path):
    res = run("build", DATA, "-o", tmp_path / "site", "--formats", "gexf,pdf")
    assert res.exit_code == 2 and "unknown format 'pdf'" in res.stderr


def test_export_sqlite_answers_a_full_text_query(tmp_path):
    """A real FTS5 query, as Datasette runs it: which questions mention terugkeerhubs,
    and what do they cite; diacritics folded (financiele finds financiële)."""
    import sqlite3

    out = tmp_path / "k.db"
    res = run("export", "sqlite", DATA, "-o", out, "-q", "--today", "2026-07-01")
    assert res.exit_code == 0, res.output
    db = sqlite3.connect(out)
    hits = db.execute("SELECT q.id FROM questions_fts JOIN questions q ON q.rowid = questions_fts.rowid "
                      "WHERE questions_fts MATCH 'terugkeerhub*' ORDER BY q.id").fetchall()
    assert ("letter-180760/q5",) in hits and ("letter-180760/q7",) in hits
    assert all(q.startswith(("letter-180760/", "letter-181524/")) for (q,) in hits)
    assert db.execute("SELECT count(*) FROM questions_fts WHERE questions_fts MATCH 'financiele'").fetchone()[0] >= 1
    fn = db.execute("SELECT f.id, f.letter FROM footnotes_fts JOIN footnotes f ON f.rowid = footnotes_fts.rowid "
                    "WHERE footnotes_fts MATCH '\"36 871\" AND bijlage' ORDER BY f.id").fetchall()
    assert ("letter-181524/fn2", "letter-181524") in fn
    cited = db.execute("SELECT c.target, c.page, c.how FROM citations c JOIN questions q ON q.id = c.question "
                       "WHERE q.id = 'letter-181524/q1'").fetchall()
    assert cited == [("kst-36871-O/bijlage/p40", 40, "direct")]
    counts = {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("letters", "questions", "footnotes", "citations", "answers")}
    assert counts["letters"] == 2 and counts["questions"] == 60 and counts["footnotes"] == 27
    assert counts["citations"] > 0
    assert db.execute("SELECT fracties FROM letters WHERE id = 'letter-181524'").fetchone()[0] == \
        '["D66","JA21","Volt","PvdD"]'
    fks = {(r[2], r[3]) for r in db.execute("PRAGMA foreign_key_list(questions)")}
    assert fks == {("letters", "letter")}


def test_export_sqlite_is_byte_identical_and_keeps_answers(tmp_path, realdocs):
    """Kamervragen answers land in the answers table (one row per answer x question), and
    the same letters give the same file, byte for byte."""
    import sqlite3

    docs = sorted(realdocs.glob("0[1-8]_*.txt"))
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    for out in (a, b):
        assert run("export", "sqlite", *docs, "-o", out, "-q", "--today", "2026-07-01").exit_code == 0
    assert a.read_bytes() == b.read_bytes()
    db = sqlite3.connect(a)
    rows = db.execute("SELECT answer, letter, question, how FROM answers").fetchall()
    assert rows and all(q.startswith(l + "/") or q.startswith("letter-") for _, l, q, _ in rows)
    assert db.execute("SELECT count(DISTINCT letter) FROM answers").fetchone()[0] >= 4


@pytest.mark.parametrize("args, message", [
    (["letters", "does/not/exist"], "does/not/exist: no such file or folder"),
    (["build", "{empty}"], "folder holds no letters"),
    (["letters", "{emptyfile}"], "empty file"),
    (["letters", "{binary}"], "binary file"),
])
def test_user_errors_are_one_line_exit_1(tmp_path, args, message):
    (tmp_path / "empty").mkdir()
    (tmp_path / "e.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02PK")
    subst = {"{empty}": tmp_path / "empty", "{emptyfile}": tmp_path / "e.txt", "{binary}": tmp_path / "b.txt"}
    res = run(*[subst.get(a, a) for a in args])
    assert res.exit_code == 1
    assert message in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1 and "Traceback" not in res.stderr


def test_one_bad_file_does_not_stop_the_folder(tmp_path):
    (tmp_path / "good.txt").write_bytes(SEED_002.read_bytes())
    (tmp_path / "bad.txt").write_bytes(b"")
    res = run("letters", tmp_path, "--format", "json")
    assert res.exit_code == 3  # some inputs could not be read; the output holds the others
    assert [r["kenmerk"] for r in json.loads(res.stdout)] == ["180760"]
    assert "bad.txt" in res.stderr and "empty file" in res.stderr


def test_usage_error_exit_2():
    assert run("export", "pdf", "-o", "x").exit_code == 2
    assert run("letters", "--format", "xml").exit_code == 2


def test_console_script_runs_on_the_seed():
    res = subprocess.run([sys.executable, "-m", "kamerxref.cli", "questions", str(SEED_002),
                          "--format", "json", "-q"], capture_output=True, text=True, check=True)
    recs = json.loads(res.stdout)
    assert len(recs) == 15 and all(r["fracties"] == ["Volt", "PvdD"] for r in recs)


def _script(*args, **kw) -> subprocess.CompletedProcess:
    """The console script's way in (``kamerxref.cli.run``: the process ends with
    ``os._exit`` after flushing, without the interpreter's teardown)."""
    return subprocess.run([sys.executable, "-m", "kamerxref.cli", *map(str, args)],
                          capture_output=True, stdin=subprocess.DEVNULL, **kw)


@pytest.mark.parametrize("args, code, stderr", [
    (("questions", DATA, "--format", "json", "-q"), 0, b""),        # 60 questions, 36 KB
    (("letters", "/nonexistent/kx"), 1, b"kamerxref: error: /nonexistent/kx: no such file"),
    (("letters", "--format", "xml"), 2, b"Invalid value for '--format'"),
    (("cite", "Kamerstukken I 2025/26, 36 871, O, bijlage, p. 40."), 0, b""),
])
def test_the_console_script_exits_as_main_does_with_the_same_output(args, code, stderr):
    """Skipping the teardown loses nothing: the script's stdout, stderr and exit code are
    those of the same command run in-process."""
    res = _script(*args)
    same = CliRunner().invoke(main, [str(a) for a in args], prog_name="kamerxref")
    assert res.returncode == code == same.exit_code
    assert res.stdout == same.stdout_bytes
    assert stderr in res.stderr and res.stderr == same.stderr_bytes
    if args[0] == "questions":
        assert len(res.stdout) > 8192 and len(json.loads(res.stdout)) == 60  # > one buffer


def test_the_console_script_exits_3_when_some_inputs_are_unreadable(tmp_path):
    (tmp_path / "good.txt").write_bytes(SEED_002.read_bytes())
    (tmp_path / "bad.txt").write_bytes(b"")
    out = tmp_path / "site"
    res = _script("build", tmp_path, "-o", out, "--jobs", "2")
    assert res.returncode == 3
    assert b"bad.txt" in res.stderr and (out / "index.html").is_file() and (out / "graph.json").is_file()


def test_a_readme_in_a_letter_folder_is_reported_not_read_as_a_letter(tmp_path):
    (tmp_path / "letter.txt").write_bytes(SEED_002.read_bytes())
    (tmp_path / "README.md").write_text("# Brieven\n\nDeze map bevat de brieven van 2026.\n")
    res = run("letters", tmp_path, "--format", "json")
    assert res.exit_code == 0
    assert [r["kenmerk"] for r in json.loads(res.stdout)] == ["180760"]
    assert "README.md:line 1: not a letter" in res.stderr
