"""The ``kamerxref`` command line (DESIGN §5).

Exit codes: 0 success, 1 a user error (one line on stderr naming the file and place),
2 a usage error (click's own), 3 some inputs could not be read (each named on stderr)
and the output was made from the others. JSON goes to stdout, messages to stderr.
"""
from __future__ import annotations

import datetime as _dt
import json
import os
import sys
from pathlib import Path

import click

from kamerxref.graph.model import printable

# The readers, the exporters, the API (networkx, pandas) are imported inside the commands
# that use them: ``kamerxref cite`` starts in a fraction of the time without them
# (tests/test_cli.py checks that it never imports networkx).

FORMATS = click.Choice(["json", "csv", "table"])

#: Exit code when some inputs could not be read (each named on stderr) and the output
#: was made from the others (``fetch``: some documents failed, the rest is cached).
EXIT_PARTIAL = 3


class UserError(click.ClickException):
    """Printed as ``kamerxref: error: <message>`` with exit code 1."""

    def show(self, file=None) -> None:
        click.echo(f"kamerxref: error: {self.message}", err=True)


def _fail_on_input_error(fn):
    """Turn reading errors into one-line messages; never a traceback (unless
    KAMERXREF_DEBUG=1 is set)."""
    import functools

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except KeyboardInterrupt:
            raise click.Abort() from None
        except Exception as err:
            if isinstance(err, _reading_errors()):
                raise UserError(str(err)) from err
            if os.environ.get("KAMERXREF_DEBUG"):
                raise
            if isinstance(err, OSError):  # a file or folder the system refused: name it
                where = printable(str(err.filename)) if err.filename else "kamerxref"
                raise UserError(f"{where}: {err.strerror or err}") from err
            # a bug: say so in one line, keep the trace for debugging
            raise UserError(f"internal error: {type(err).__name__}: {printable(str(err))} "
                            "(set KAMERXREF_DEBUG=1 for the traceback)") from err

    return wrapper


def _reading_errors() -> tuple[type[Exception], ...]:
    """``InputError`` (the readers) and ``OutputError`` (the exporters), from those modules
    when they are loaded: an error of a module that was never imported cannot have been
    raised, and ``cite`` imports neither."""
    found = []
    for module, name in (("kamerxref.graph.readers.base", "InputError"),
                         ("kamerxref.exporters.io", "OutputError")):
        if module in sys.modules:
            found.append(getattr(sys.modules[module], name))
    return tuple(found)


def _today(value: str | None) -> _dt.date:
    from kamerxref.api import build_date

    if not value:
        return build_date()
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint="--today")


def _load(inputs: tuple[str, ...], jobs: int = 1, quiet: bool = False, cache=None):
    from kamerxref.api import Corpus, default_data
    from kamerxref.graph.pipeline import load_letters
    from kamerxref.graph.readers import input_files

    from kamerxref.graph.documents import read_documents

    paths = list(inputs) or [default_data()]
    documents, doc_issues = read_documents(paths)  # a fetch cache's record.json files
    if not quiet and sys.stderr.isatty():
        files, _ = input_files(paths)
        if len(files) > 20:
            with click.progressbar(length=len(files), label="reading letters", file=sys.stderr) as bar:
                letters, issues = load_letters(paths, jobs=jobs, progress=bar.update, cache=cache,
                                               pair=False)
            return _checked(Corpus(letters, issues + doc_issues, documents).paired(jobs))
    letters, issues = load_letters(paths, jobs=jobs, cache=cache, pair=False)
    return _checked(Corpus(letters, issues + doc_issues, documents).paired(jobs))


def _checked(corpus):
    """No letter at all is a user error: say why in one line (the first unreadable file)."""
    if not corpus.letters:
        more = f" (and {len(corpus.issues) - 1} more unreadable files)" if len(corpus.issues) > 1 else ""
        reason = str(corpus.issues[0]) if corpus.issues else "no letters"
        raise UserError(f"{reason}{more}")
    return corpus


def _report(corpus, quiet: bool = False, warnings=None) -> None:
    """Every warning on stderr: the corpus's, or ``warnings`` taken from it earlier (or
    recorded by the build that made a site still up to date)."""
    if quiet:
        return
    for w in corpus.warnings if warnings is None else warnings:
        click.echo(f"warning: {w}", err=True)


def _exit_partial(corpus, n_letters: int | None = None, message: str | None = None) -> None:
    """Exit with :data:`EXIT_PARTIAL` when some input files could not be read (they are
    named in the warnings); the output for the others has been written. ``message``:
    what a build said then (:func:`_partial_message`), when it is given again."""
    message = _partial_message(corpus, n_letters) if message is None else message
    if message:
        click.echo(message, err=True)
        sys.exit(EXIT_PARTIAL)


def _partial_message(corpus, n_letters: int | None = None) -> str:
    """What :func:`_exit_partial` says, or "" when every input was read."""
    failed = [i for i in corpus.issues if i.code == "unreadable"]
    if not failed:
        return ""
    n_letters = len(corpus.letters) if n_letters is None else n_letters
    return (f"kamerxref: {len(failed)} input file{'s' if len(failed) != 1 else ''} could "
            f"not be read; the output holds the {n_letters} letters of the others "
            f"(exit code {EXIT_PARTIAL})")


def _emit(records: list[dict], fmt: str, columns: list[str]) -> None:
    if fmt == "json":
        _write_json(records)
    elif fmt == "csv":
        from kamerxref.exporters.tables import iter_csv

        rows = ({k: _cell(v) for k, v in r.items()} for r in records)
        click.echo("".join(iter_csv(rows, columns)), nl=False)
    else:
        click.echo(_table(records, columns))


def _write_json(obj) -> None:
    """JSON to stdout, indented by 2 (orjson: the bytes ``json.dumps(obj, indent=2,
    ensure_ascii=False)`` gives, several times faster)."""
    sys.stdout.buffer.write(_dumps_json(obj, indent=True) + b"\n")
    sys.stdout.buffer.flush()


def _dumps_json(obj, indent: bool = False) -> bytes:
    from kamerxref.exporters.json_graph import dumps

    return dumps(obj, indent=indent)


def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, str):
        return v
    if isinstance(v, list):
        if all(isinstance(x, str) for x in v):
            return "; ".join(v)
        if all(isinstance(x, dict) and "id" in x for x in v):
            return "; ".join(f"{x['id']} ({x.get('how', '')})" if x.get("how") else x["id"] for x in v)
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, dict):  # a question's answer: {"letter", "text", "how", "score"}
        return json.dumps(v, ensure_ascii=False)
    return str(v)


def _table(records: list[dict], columns: list[str], width: int = 60) -> str:
    """Records as aligned columns for a terminal; text from the documents has its
    control characters shown escaped (``\\x1b``), never sent raw to the terminal."""
    return _table_text([_table_row(r, columns, width) for r in records], columns)


def _table_row(record: dict, columns: list[str], width: int = 60) -> list[str]:
    """One record's cells as :func:`_table` shows them (``cite --jobs`` makes them in
    its workers): one line each, control characters escaped, at most ``width`` long."""
    cells = [printable(_cell(record.get(c)).replace("\n", " ")) for c in columns]
    return [c if len(c) <= width else c[: width - 1] + "…" for c in cells]


def _table_text(rows: list[list[str]], columns: list[str]) -> str:
    """Rows of cells under their column names, each column as wide as its widest cell
    (two spaces between columns, none at the end of a line)."""
    widths = [max([len(c)] + [len(r[i]) for r in rows]) for i, c in enumerate(columns)]
    line = "  ".join(f"{{:<{w}}}" for w in widths).format  # each cell left-justified to its width
    out = [line(*columns).rstrip(), line(*("-" * w for w in widths)).rstrip()]
    out += [line(*r).rstrip() for r in rows]
    return "\n".join(out)


INPUTS = click.argument("inputs", nargs=-1, type=click.Path())


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kamerxref")
def main() -> None:
    """kamerxref: which questions of parliamentary letters cite which source pages.

    INPUT is letter files or folders; without INPUT the bundled sample letters are read.
    """


@main.command()
@INPUTS
@click.option("-o", "--output", "out_dir", default="kamerxref-out", show_default=True,
              type=click.Path(file_okay=False), help="Folder to write.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Processes for reading and citation resolution (default: all cores).")
@click.option("--today", help="Date for 'days left' and the letters' status (default: today, or SOURCE_DATE_EPOCH).")
@click.option("--scheduler", metavar="ADDRESS",
              help="Build on a Dask cluster (tcp://host:8786, or 'local' for a LocalCluster "
                   "of --jobs workers) and write partitioned Parquet node/edge tables to "
                   "DIR/parquet/ instead of the views (needs the [dask] extra).")
@click.option("--formats", metavar="LIST",
              help="More data files: graphml, gexf, sqlite (comma-separated), or all.")
@click.option("--no-cache", is_flag=True,
              help="Read every file again and keep no letter cache (default: DIR.cache/ beside DIR).")
@click.option("-q", "--quiet", is_flag=True, help="No warnings, no summary.")
@_fail_on_input_error
def build(inputs, out_dir, jobs, today, scheduler, formats, no_cache, quiet):
    """Read letters and write the explorer and the data files to a folder.

    Writes index.html (the explorer), one page per letter under letters/, graph.json
    (networkx node-link), questions.csv and citations.csv; with --formats also
    graph.graphml, graph.gexf (Gephi) and kamerxref.db (SQLite, for Datasette).

    Rebuilds are incremental: the processed letters are cached in DIR.cache/ (safe to
    delete) by file content and kamerxref version, so only new or changed files are read
    again, and output files whose bytes did not change are not rewritten. With nothing
    changed since the last build (input bytes, --today, --formats, kamerxref, and the
    site as that build left it) the site is left as it is.
    """
    from kamerxref.exporters import build_formats
    from kamerxref.graph.pipeline import default_jobs

    try:
        build_formats(formats)
    except ValueError as err:
        raise click.BadParameter(str(err), param_hint="--formats") from None

    if scheduler:
        return _build_distributed(inputs, out_dir, scheduler, jobs or default_jobs(), quiet)
    jobs = jobs or default_jobs()
    day = _today(today)
    from kamerxref.graph.cache import LetterCache, cache_dir_for

    cache = None if no_cache else LetterCache(cache_dir_for(out_dir))
    if cache is not None:  # nothing changed since the last build: the site stays as it is
        from kamerxref.api import default_data
        from kamerxref.exporters import uptodate

        stamp = uptodate.build_stamp(list(inputs) or [default_data()], day.isoformat(),
                                     build_formats(formats), leave_out=(Path(out_dir), cache.folder))
        done = uptodate.up_to_date(cache.folder, Path(out_dir), stamp)
        if done is not None:
            _report(None, quiet, done.warnings)
            if not quiet:
                click.echo(f"{done.summary}; {out_dir}/ is up to date (nothing changed since "
                           "its build)", err=True)
            _exit_partial(None, message=done.exit_message)
            return
        uptodate.forget_build(cache.folder)
    corpus = _load(inputs, jobs, quiet, cache=cache)
    letters = corpus.letters
    warnings = corpus.warnings
    counts = (f"{len(letters)} letters, {sum(len(l.questions) for l in letters)} questions, "
              f"{sum(len(l.footnotes) for l in letters)} footnotes, "
              f"{sum(len(fn.citations) for l in letters for fn in l.footnotes)} citations, "
              f"{len(warnings)} warnings")
    n_letters = len(letters)
    del letters  # the build lets each letter go once it is in the graph
    paths = corpus.build(out_dir, day, jobs=jobs, formats=formats, keep_letters=False)
    if cache is not None:
        cache.prune()
        uptodate.record_build(cache.folder, Path(out_dir), uptodate.BuildRecord(
            stamp, [str(w) for w in warnings], counts, _partial_message(corpus, n_letters)))
    _report(corpus, quiet, warnings)
    if not quiet:
        click.echo(f"{counts}; wrote {len(paths)} files to {out_dir}/", err=True)
    _exit_partial(corpus, n_letters)


def _build_distributed(inputs, out_dir, scheduler, jobs, quiet):
    try:
        from dask.distributed import Client

        from kamerxref.api import default_data
        from kamerxref.graph.distributed import build_parquet, local_client
    except ImportError:
        raise UserError("--scheduler needs Dask: pip install 'kamerxref[dask]'") from None
    try:
        client = local_client(jobs) if scheduler == "local" else Client(scheduler, timeout="20s")
    except OSError as err:
        raise UserError(f"{scheduler}: cannot reach the Dask scheduler ({err})") from None
    try:
        out, issues = build_parquet(list(inputs) or [default_data()], Path(out_dir) / "parquet", client)
    finally:
        client.close()
        if scheduler == "local":
            client.cluster.close()
    if not quiet:
        for w in issues:
            click.echo(f"warning: {w}", err=True)
        click.echo(f"wrote partitioned Parquet (nodes/, edges/) to {out}/", err=True)


TODAY = click.option("--today", metavar="DATE",
                     help="The day the status refers to, YYYY-MM-DD (default: today, or SOURCE_DATE_EPOCH).")


@main.command()
@INPUTS
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@TODAY
@click.option("-q", "--quiet", is_flag=True, help="No warnings on stderr.")
@_fail_on_input_error
def letters(inputs, fmt, today, quiet):
    """One record per letter: metadata, deadline, fracties, counts, cited documents, and
    the reply and status (open, overdue, postponed, answered, answered late, partly
    answered) on --today."""
    from kamerxref.exporters.tables import LETTER_COLUMNS, letter_record

    day = _today(today)
    corpus = _load(inputs, quiet=quiet).at(day)
    _report(corpus, quiet)
    G = corpus.graph
    records = [letter_record(G, l.id, [str(w) for w in l.warnings])
               for l in sorted(corpus.letters, key=lambda l: l.id)]
    columns = LETTER_COLUMNS if fmt != "table" else [
        "id", "datum", "deadline", "betreft", "fracties", "questions", "footnotes", "status"]
    if fmt == "csv":
        for r in records:
            r["warnings"] = len(r["warnings"])
    _emit(records, fmt, columns)
    _exit_partial(corpus)


QUESTION_FIELDS = ["id", "letter", "fracties", "section", "number", "text", "cites", "answer"]


@main.command()
@INPUTS
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@click.option("--fractie", help="Only this fractie's questions (joint questions count for each).")
@click.option("--unanswered", is_flag=True, help="Only the questions no loaded reply answers.")
@click.option("-q", "--quiet", is_flag=True, help="No warnings on stderr.")
@_fail_on_input_error
def questions(inputs, fmt, fractie, unanswered, quiet):
    """One record per question, in document order, with what it cites and its answer
    (the answering letter, text, how it was paired and a score), or null."""
    from kamerxref.exporters.tables import question_ids, question_record

    corpus = _load(inputs, quiet=quiet)
    _report(corpus, quiet)
    G = corpus.graph
    records = [question_record(G, q) for q in question_ids(G)]
    if unanswered:
        records = [r for r in records if r["answer"] is None]
    if fractie:
        known = sorted({f for r in records for f in r["fracties"]})
        match = [f for f in known if f.lower() == fractie.lower()]
        if not match:
            raise UserError(f"no fractie {fractie!r} in the letters (known: {', '.join(known)})")
        records = [r for r in records if match[0] in r["fracties"]]
    if fmt == "table":
        for r in records:
            r["answer"] = r["answer"]["letter"] if r["answer"] else None
    _emit(records, fmt, QUESTION_FIELDS)
    _exit_partial(corpus)


@main.command()
@INPUTS
@TODAY
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@click.option("-q", "--quiet", is_flag=True, help="No warnings on stderr.")
@_fail_on_input_error
def status(inputs, today, fmt, quiet):
    """The committee letters by status on --today: overdue (days late so far), open
    (days open), postponed (an uitstelbrief's date), partly answered (n of m questions),
    answered late (days late), answered. A letter is overdue only when no reply to it is
    loaded: "no reply found" among the files read, which is not proof that none was sent."""
    from kamerxref.api import STATUS_COLUMNS

    day = _today(today)
    corpus = _load(inputs, quiet=quiet)
    _report(corpus, quiet)
    records = corpus.status_records(day)
    columns = STATUS_COLUMNS if fmt != "table" else [
        "id", "datum", "deadline", "status", "reply", "answered", "answered_questions",
        "questions", "days_late", "days_open", "expected"]
    _emit(records, fmt, columns)
    if not quiet:
        counts = {}
        for r in records:
            counts[r["status"]] = counts.get(r["status"], 0) + 1
        summary = ", ".join(f"{n} {s}" for s, n in counts.items()) or "no committee letters"
        click.echo(f"{summary} on {day.isoformat()}", err=True)
    _exit_partial(corpus)


#: Lines per batch of ``cite -`` (the engine reads a batch in one trigger scan; with
#: ``--jobs 2`` the first output comes after one batch and the last batch is read by one
#: worker alone: 2,048 lines, some 20 ms, rather than 4,096).
CITE_BATCH = 2048


def _cores() -> int:
    """The cores this process may run on (``kamerxref build``'s default too)."""
    from kamerxref.graph.parallel import default_jobs

    return default_jobs()


@main.command()
@click.argument("text", required=False, default="-")
@click.option("--format", "fmt", type=click.Choice(["json", "table"]), default="json", show_default=True)
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Processes for reading the lines (default: all cores; input of one batch, "
                   f"{CITE_BATCH} lines, is read in this process).")
@_fail_on_input_error
def cite(text, fmt, jobs):
    """Parse citation text. With '-' (the default) each line of stdin is one footnote, in
    order, so 'Idem' resolves to the line before.

    JSON is streamed: stdin is read and resolved in batches of lines and each batch is
    written as it is done, so a long file starts giving output at once (the output is the
    same JSON array as for one batch; what earlier lines cite is kept, for 'Idem' and
    'zie noot 3', so memory grows with the input). With --jobs, worker
    processes read the next batches and write the lines that cite full sources only,
    while this one resolves the short forms in line order and writes: the same output
    as one process."""
    from kamerxref.graph.citations.resolve import render_footnotes_stream
    from kamerxref.graph.gcpause import gc_paused

    source = "<stdin>" if text == "-" else "<argument>"
    _NOT_UTF8.clear()
    batches = _stdin_batches() if text == "-" else [[("1", text)]]
    jobs = jobs or _cores()

    if fmt == "json":
        out = sys.stdout.buffer
        first = True
        with gc_paused():  # records are freed by reference counting: no cycles to look for
            for pieces in render_footnotes_stream(batches, _json_plain, _json_one, source, jobs=jobs):
                # each batch as the array's items: the same bytes as one array
                out.write(b"[\n" if first else b",\n")
                out.write(b",\n".join(pieces))
                first = False
        out.write(b"[]\n" if first else b"\n]\n")
        out.flush()
        _warn_not_utf8()
        return
    # the table: one row per citation, then the warnings (rows made from the citations
    # themselves, without the JSON records)
    rows: list[list[str]] = []
    warnings: list[str] = []
    with gc_paused():
        for pieces in render_footnotes_stream(batches, _table_plain, _table_one, source, jobs=jobs):
            for piece_rows, piece_warnings in pieces:
                rows += piece_rows
                warnings += piece_warnings
        table = _table_text(rows, CITE_COLUMNS)
    click.echo(table)
    if warnings:  # one write: the lines each click.echo(w, err=True) would give
        click.echo("\n".join(warnings), err=True)
    _warn_not_utf8()


def _json_plain(footnotes, found) -> bytes:
    """Footnotes whose citations are their found records (no short forms, no warnings)
    as items of ``cite``'s JSON array: :func:`_cite_record` of the found records as they
    are (they carry the fields a citation copies)."""
    import orjson

    return orjson.dumps([_cite_record(number, line, (fcs, ()))
                         for (number, line), fcs in zip(footnotes, found)],
                        option=orjson.OPT_INDENT_2)[2:-2]


def _json_one(number, line, cits, issues) -> bytes:
    """One footnote as an item of ``cite``'s JSON array (2-space indent, as in the array)."""
    import orjson

    return orjson.dumps([_cite_record(number, line, (cits, issues))], option=orjson.OPT_INDENT_2)[2:-2]


#: The columns of ``cite --format table``: one row per citation.
CITE_COLUMNS = ["footnote", "document", "part", "pages", "url"]


def _table_plain(footnotes, found) -> tuple[list[list[str]], list[str]]:
    """Footnotes whose citations are their found records as ``cite``'s table rows
    (:func:`_table_one` of the found records; they have no warnings)."""
    return [row for (number, line), fcs in zip(footnotes, found)
            for row in _table_one(number, line, fcs, ())[0]], []


def _table_one(number, line, cits, issues) -> tuple[list[list[str]], list[str]]:
    """One footnote's table rows and warning lines."""
    number = int(number)
    return ([_table_row({"footnote": number, "document": c.document, "part": c.part,
                         "pages": ", ".join(map(str, c.pages)), "url": c.url}, CITE_COLUMNS, 80)
             for c in cits],
            [f"warning: line {number}: {w.message}" for w in issues])


def _warn_not_utf8() -> None:
    if _NOT_UTF8:
        click.echo(f"warning: <stdin>:byte {_NOT_UTF8[0]}: not UTF-8; read as Windows-1252 (cp1252)",
                   err=True)


_NOT_UTF8: list[int] = []  # offsets of stdin bytes that were not UTF-8 (read as cp1252)


def _cp1252_fallback(err: UnicodeDecodeError):
    _NOT_UTF8.append(err.start)
    return err.object[err.start:err.end].decode("cp1252", errors="replace"), err.end


def _stdin_text():
    """stdin as text: UTF-8, and bytes that are not UTF-8 read as Windows-1252 (a file
    saved by an old Word), never a UnicodeDecodeError."""
    import codecs
    import io

    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is None:
        return sys.stdin
    try:
        codecs.lookup_error("kamerxref-cp1252")
    except LookupError:
        codecs.register_error("kamerxref-cp1252", _cp1252_fallback)
    return io.TextIOWrapper(buffer, encoding="utf-8", errors="kamerxref-cp1252")


def _stdin_batches(block: int = 1 << 20):
    """stdin as batches of ``(line number, line)``, lines split as ``str.splitlines``
    splits them, read a block at a time: ``"Kamerstukken I 2025/26, 36 871, O.\nIdem, p.
    18.\n"`` -> ``[("1", "Kamerstukken I 2025/26, 36 871, O."), ("2", "Idem, p. 18.")]``."""
    carry, number, batch = "", 0, []
    stdin = _stdin_text()
    while True:
        chunk = stdin.read(block)
        text = carry + chunk
        lines = text.splitlines()
        carry = ""
        if chunk and lines and text[-1] not in _LINE_BREAKS:  # no line break yet: wait for more
            carry = lines.pop()
        batch.extend(zip(map(str, range(number + 1, number + 1 + len(lines))), lines))
        number += len(lines)
        while len(batch) >= CITE_BATCH:
            yield batch[:CITE_BATCH]
            batch = batch[CITE_BATCH:]
        if not chunk:
            break
    if batch:
        yield batch


#: The characters ``str.splitlines`` splits on (stdin is read with universal newlines, so
#: a ``\r\n`` never straddles two blocks).
_LINE_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")


def _cite_record(number: str, line: str, result) -> dict:
    """One line's record as ``cite`` prints it. ``pages`` and ``span`` stay tuples: orjson
    writes a tuple as the array it writes for a list (the same bytes, no copy)."""
    cits, warnings = result
    return {"footnote": int(number), "text": line,
            "citations": [{"kind": c.kind, "document": c.document or "", "dossier": c.dossier,
                           "part": c.part, "pages": c.pages, "url": c.url, "span": c.span,
                           "resolved_from": _line_number(c.resolved_from)}
                          for c in cits],
            "warnings": [w.message for w in warnings] if warnings else []}


def _line_number(resolved_from: str | None):
    """``"2"`` -> 2 (the line an Idem resolved to); None stays None."""
    return int(resolved_from) if resolved_from and resolved_from.isdigit() else resolved_from


@main.command()
@click.argument("target")
@INPUTS
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@click.option("-q", "--quiet", is_flag=True, help="No warnings on stderr.")
@_fail_on_input_error
def citing(target, inputs, fmt, quiet):
    """The questions that cite TARGET (a document, part, page or dossier id such as
    kst-36871-O/bijlage/p40, kst-36871-O or dossier-36871, or a citation as people write
    it: "36 871 O bijlage p. 40"), directly or through its parts and pages."""
    from kamerxref.graph.citations.ids import UnreadableId
    from kamerxref.graph.queries import UnknownNode

    corpus = _load(inputs, quiet=quiet)
    _report(corpus, quiet)
    try:
        records = corpus.citing(target)
    except (UnknownNode, UnreadableId) as err:
        raise UserError(str(err)) from None
    _emit(records, fmt, QUESTION_FIELDS)
    _exit_partial(corpus)


@main.command()
@click.argument("fmt", metavar="FORMAT", type=click.Choice(["html", "json", "graphml", "gexf", "csv",
                                                           "questions-csv", "sqlite"]))
@INPUTS
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="File to write.")
@click.option("--letter", help="html only: the view of one letter (letter-181524).")
@click.option("--today", help="Date for 'days left' and the letters' status (default: today).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Processes for reading and citation resolution (default: all cores).")
@click.option("-q", "--quiet", is_flag=True, help="No warnings on stderr.")
@_fail_on_input_error
def export(fmt, inputs, output, letter, today, jobs, quiet):
    """Write one output FORMAT: html (one self-contained view), json (node-link),
    graphml, gexf (Gephi: colours, sizes, positions), csv (citations: one row per
    question × cited node), questions-csv, sqlite (tables letters, questions, footnotes,
    citations, answers with full-text search; Datasette-ready)."""
    from kamerxref.api import default_data
    from kamerxref.exporters.io import check_output_file
    from kamerxref.graph.pipeline import default_jobs
    from kamerxref.graph.readers import input_files

    # before reading anything: never over a device, a FIFO, a folder or an input file
    check_output_file(output, input_files(list(inputs) or [default_data()])[0])
    corpus = _load(inputs, jobs or default_jobs(), quiet=quiet).at(_today(today))
    _report(corpus, quiet)
    if fmt == "html":
        if letter:
            from kamerxref.api import node_id
            from kamerxref.graph.citations.ids import UnreadableId

            try:
                letter = node_id(letter)
            except UnreadableId as err:
                raise UserError(str(err)) from None
        if letter and letter not in corpus.graph:
            raise UserError(f"no letter {letter!r} in the input")
        corpus.view(letter, _today(today)).save(output)
    else:
        corpus.export(fmt, output)
    if not quiet:
        click.echo(f"wrote {printable(output)}", err=True)
    _exit_partial(corpus)


def _date_option(value: str | None, name: str) -> _dt.date | None:
    if not value:
        return None
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint=name) from None


@main.command()
@click.argument("inputs", nargs=-1, type=click.Path())
@click.option("-o", "--output", "cache", required=True, type=click.Path(file_okay=False),
              help="The cache folder (created; a re-run fetches only what is missing or changed).")
@click.option("--dossier", multiple=True, help="A Kamerstuk dossier: 36871, '36 871', 36200-VI (repeatable).")
@click.option("--id", "ids", multiple=True, help="An official id: kst-36871-O, h-ek-20252026-12-3 (repeatable).")
@click.option("--cited", is_flag=True,
              help="Fetch the documents the INPUT letters cite (default INPUT: the bundled data/), "
                   "with the bijlagen of papers cited as 'bijlage'.")
@click.option("--since", help="Published on or after this date (YYYY-MM-DD).")
@click.option("--until", help="Published on or before this date (YYYY-MM-DD).")
@click.option("--chamber", type=click.Choice(["ek", "tk"]), help="Eerste (ek) or Tweede (tk) Kamer.")
@click.option("--type", "doc_type", help="Document type as KOOP names it: verslag, 'brief regering', motie.")
@click.option("--committee", help="Words of the committee's name, searched in the documents' text.")
@click.option("--formats", default="xml", show_default=True,
              help="Manifestations to download, comma-separated: xml, pdf, html (pdf gives the "
                   "explorer the text of cited pages).")
@click.option("--sru-url", default=None, help="The SRU service (default: https://repository.overheid.nl/sru).")
@click.option("--offline", is_flag=True, help="Never touch the network: report what the cache holds.")
@click.option("--max-records", type=click.IntRange(min=1), default=1000, show_default=True,
              help="At most this many documents per run.")
@click.option("--delay", type=click.FloatRange(min=0), default=0.5, show_default=True,
              help="Seconds between two requests (be polite to the service).")
@click.option("--timeout", type=click.FloatRange(min=0.05), default=30.0, show_default=True,
              help="Seconds to wait for an answer before retrying.")
@click.option("--retries", type=click.IntRange(min=0), default=4, show_default=True,
              help="Retries on 429, 5xx, timeouts and broken downloads.")
@click.option("--backoff", type=click.FloatRange(min=0), default=1.0, show_default=True,
              help="Seconds before the first retry, doubled for each next one (Retry-After wins).")
@click.option("-q", "--quiet", is_flag=True, help="Only problems on stderr.")
@_fail_on_input_error
def fetch(inputs, cache, dossier, ids, cited, since, until, chamber, doc_type, committee, formats,
          sru_url, offline, max_records, delay, timeout, retries, backoff, quiet):
    """Fetch official papers (Kamerstukken, Handelingen, Aanhangsel, Staatsblad) from the
    KOOP SRU service into a cache folder that every command reads as INPUT.

    \b
    kamerxref fetch -o cache --dossier 36871 --formats xml,pdf
    kamerxref fetch -o cache --cited data/
    kamerxref build data/ cache/

    Exit code 0 when everything selected is in the cache, 3 when some documents could not
    be fetched (each named on stderr; the cache holds the rest), 1 when nothing could be
    done (no network, disk full, a bad option), 2 on a usage error.
    """
    from kamerxref.api import fetch as fetch_papers
    from kamerxref.graph.fetch import FORMATS

    wanted = [f.strip().lower() for f in formats.split(",") if f.strip()]
    bad = [f for f in wanted if f not in FORMATS]
    if bad or not wanted:
        raise click.BadParameter(f"{', '.join(bad) or formats!r}: choose from {', '.join(FORMATS)}",
                                 param_hint="--formats")
    if inputs and not cited:
        raise click.UsageError("INPUT letters are read only with --cited (fetch what they cite)")
    bar = None

    def start(n):
        nonlocal bar
        if not quiet and sys.stderr.isatty() and n > 1:
            bar = click.progressbar(length=n, label="fetching", file=sys.stderr)
            bar.__enter__()

    try:
        result = fetch_papers(cache, dossier=dossier, ids=ids, cited=inputs if cited else None,
                              since=_date_option(since, "--since"), until=_date_option(until, "--until"),
                              chamber=chamber, doc_type=doc_type, committee=committee,
                              formats=tuple(wanted), sru_url=sru_url, offline=offline,
                              max_records=max_records, delay=delay, timeout=timeout, retries=retries,
                              backoff=backoff, on_records=start,
                              progress=lambda n: bar.update(n) if bar is not None else None)
    except ValueError as err:
        raise click.UsageError(str(err)) from None
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    for p in result.problems:
        click.echo(f"kamerxref: {'warning' if offline else 'error'}: {p}", err=True)
    if not quiet:
        for n in result.notes:
            click.echo(f"note: {n}", err=True)
    if result.stopped:
        raise UserError(result.stopped)
    if not quiet:
        if offline:
            click.echo(f"{len(result.unchanged)} documents intact in {cache}/ for this selection "
                       f"({len(result.problems)} problems; offline: no request made)", err=True)
        else:
            click.echo(f"{len(result.records)} documents found: {len(result.fetched)} fetched, "
                       f"{len(result.unchanged)} already in {cache}/, {len(result.failed)} failed "
                       f"({result.requests} requests)", err=True)
    if result.problems:
        sys.exit(EXIT_PARTIAL)


def run() -> None:
    """The ``kamerxref`` console script: :func:`main`, with the cyclic garbage collector
    off, then an exit that skips the interpreter's teardown.

    Both are for ``build`` at scale, where the process ends holding a graph of millions of
    small objects. The collector would scan them all and find nothing to free (see
    ``graph/gcpause.py``): at 10,000 letters a collection after the graph and a full one
    after the site took 1 and 2 s. Freeing the objects one by one at exit took 3.5 s;
    the operating system frees the memory of an ending process at once.

    Nothing is lost by skipping the teardown: every output is written and closed (files
    atomically, the worker pools joined) before the commands return, and stdout and stderr
    are flushed here. Tests call :func:`main` in-process and keep the normal exit; the
    output is the same either way.
    """
    import gc

    gc.disable()
    try:
        main.main(prog_name="kamerxref")
        code = 0
    except SystemExit as exc:
        code = exc.code
    if code is None:
        code = 0
    elif not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    try:
        sys.stdout.flush()
    except (BrokenPipeError, ValueError):  # a reader that went away (| head): as Python does
        code = code or 120
    try:
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
