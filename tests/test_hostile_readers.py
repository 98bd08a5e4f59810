"""Hostile and broken input at the reader stage (issue 15): every file of the generated
corpus (:mod:`hostile_corpus`) is read to a Letter or refused with one line naming the file
and the place; nothing escapes as an exception, nothing takes time or memory out of
proportion, and one bad file never stops the others."""
from __future__ import annotations

import os
import time
import tracemalloc
from pathlib import Path

import pytest

import hostile_corpus as C
from kamerxref.graph.pipeline import load_letters
from kamerxref.graph.readers import InputError, input_files, read_file_all, read_letters


def write(tmp_path: Path, name: str, data: bytes | None = None) -> Path:
    p = tmp_path / name
    p.write_bytes(C.CASES[name]() if data is None else data)
    return p


def read_or_refuse(path: Path):
    """The letters of a file, or the InputError it was refused with; anything else
    escaping is the failure these tests look for."""
    try:
        return read_file_all(path)
    except InputError as err:
        return err


# -- 1. one bad file never aborts the run --------------------------------------------------

@pytest.mark.parametrize("name,where,message", [
    ("utf16-odd-length.xml", "byte 10", "not valid UTF-16"),
    ("utf16-lone-surrogate.xml", "byte 10", "not valid UTF-16"),
])
def test_broken_utf16_xml_is_refused_with_its_place(tmp_path, name, where, message):
    err = read_or_refuse(write(tmp_path, name))
    assert isinstance(err, InputError)
    assert err.where == where and message in err.message
    assert str(err).startswith(str(tmp_path / name))


def test_bad_file_among_good_ones_keeps_the_good_letters(tmp_path):
    folder = tmp_path / "brieven"
    folder.mkdir()
    (folder / "181524.txt").write_bytes(C.SEED.read_bytes())
    write(folder, "utf16-odd-length.xml")
    write(folder, "numbering-start-5000-digits.docx")
    letters, issues = load_letters([folder])
    assert [l.kenmerk for l in letters if l.kenmerk] == ["181524"]
    assert len(letters) == 2  # the DOCX is read, its numbering value warned about
    assert [(i.code, Path(i.source).name) for i in issues] == [("unreadable", "utf16-odd-length.xml")]


def test_a_reader_bug_on_one_file_is_that_files_error(tmp_path, monkeypatch):
    """Whatever a reader raises (here a ValueError from deep inside) is an error for
    that file, named, and the run goes on."""
    import kamerxref.graph.readers.text as text_reader

    good = tmp_path / "a.txt"
    good.write_bytes(C.SEED.read_bytes())
    bad = tmp_path / "b.txt"
    bad.write_bytes(C.letter_with("Kan de regering dit toelichten?"))
    real = text_reader._TextReader.run

    def flaky(reader):
        if reader.source.endswith("b.txt"):
            raise ValueError("invalid literal for int() with base 10: 'abc'")
        return real(reader)

    monkeypatch.setattr(text_reader._TextReader, "run", flaky)
    letters, issues = load_letters([good, bad])
    assert [l.kenmerk for l in letters] == ["181524"]
    assert len(issues) == 1 and "ValueError" in issues[0].message and issues[0].source == str(bad)


def test_unreadable_file_and_folder_are_reported(tmp_path, monkeypatch):
    """chmod 000 does not stop root (the tests run as root), so permission is denied by
    the operating system calls themselves: an unreadable file and an unreadable subfolder
    are both warnings naming them, and the good letter is read."""
    (tmp_path / "good.txt").write_bytes(C.SEED.read_bytes())
    (tmp_path / "secret.txt").write_bytes(C.SEED.read_bytes())
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "hidden-letter.txt").write_bytes(C.SEED.read_bytes())
    real_open, real_scandir = open, os.scandir

    def deny_open(file, *a, **k):
        if str(file).endswith("secret.txt"):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *a, **k)

    def deny_scandir(path="."):
        if str(path).endswith("sub"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr("builtins.open", deny_open)
    monkeypatch.setattr(os, "scandir", deny_scandir)
    letters, issues = read_letters([tmp_path])
    assert len(letters) == 1
    got = sorted((Path(i.source).name, i.message) for i in issues)
    assert got == [("secret.txt", "cannot read: Permission denied"),
                   ("sub", "folder skipped: cannot read it: Permission denied")]


@pytest.mark.skipif(os.geteuid() != 0 or not hasattr(os, "mkfifo"), reason="needs root for chmod 000 as nobody")
def test_chmod_000_file_as_a_normal_user(tmp_path):
    """The real thing where possible: a subprocess as ``nobody`` reads a folder with a
    chmod 000 file and a chmod 000 subfolder."""
    import subprocess
    import sys

    tmp_path.chmod(0o755)
    (tmp_path / "good.txt").write_bytes(C.SEED.read_bytes())
    locked = tmp_path / "locked.txt"
    locked.write_bytes(C.SEED.read_bytes())
    locked.chmod(0)
    sub = tmp_path / "sub"
    sub.mkdir()
    sub.chmod(0)
    code = ("import sys; from kamerxref.graph.readers import read_letters;"
            "l, i = read_letters([sys.argv[1]]); print(len(l)); [print(x) for x in i]")
    try:
        out = subprocess.run([sys.executable, "-c", code, str(tmp_path)], user="nobody",
                             capture_output=True, text=True, timeout=120)
    except (PermissionError, OSError) as err:
        pytest.skip(f"cannot run as nobody: {err}")
    if "ModuleNotFoundError" in out.stderr or "Permission denied: '" in out.stderr:
        pytest.skip("the venv is not readable by nobody")
    lines = out.stdout.splitlines()
    assert lines[0] == "1", out.stderr
    assert any("locked.txt" in ln and "Permission denied" in ln for ln in lines[1:])
    assert any(ln.startswith(str(sub)) and "Permission denied" in ln for ln in lines[1:])


def test_file_name_not_utf8_and_with_newline(tmp_path):
    """A name that is not UTF-8 is read and shown escaped (valid UTF-8 everywhere); a
    newline in a name cannot start a line of its own in a message."""
    folder = tmp_path / "in"
    folder.mkdir()
    raw = os.fsencode(folder) + b"/brief-\xff.txt"
    with open(raw, "wb") as fh:
        fh.write(C.SEED.read_bytes())
    forged = folder / "x\nwarning: all letters are fine.txt"
    forged.write_bytes(b"\x00binary")
    letters, issues = read_letters([folder])
    assert len(letters) == 1
    letters[0].source.encode("utf-8")  # no lone surrogates left
    assert letters[0].source.endswith("brief-\\xff.txt")
    assert len(issues) == 1 and "\n" not in str(issues[0])
    assert "x\\nwarning: all letters are fine.txt" in str(issues[0])


def test_dangling_symlink_fifo_are_warned(tmp_path):
    (tmp_path / "good.txt").write_bytes(C.SEED.read_bytes())
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    files, issues = input_files([tmp_path])
    assert [f.name for f in files] == ["good.txt"]
    assert sorted((Path(i.source).name, i.message) for i in issues) == [
        ("gone.txt", "skipped: dangling symbolic link"),
        ("pipe.txt", "skipped: not a regular file (FIFO)")]


def test_fifo_named_on_the_command_line_is_refused_not_waited_on(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    err = read_or_refuse(tmp_path / "pipe.txt")
    assert isinstance(err, InputError) and "not a regular file (FIFO)" in err.message


# -- DOCX numbering ------------------------------------------------------------------------

@pytest.mark.parametrize("name,warning", [
    ("numbering-start-abc.docx", "w:start='abc' is not a number"),
    ("numbering-start-5000-digits.docx", "(5000 characters)' is not a number"),
    ("numbering-ilvl-x.docx", "w:ilvl='x' is not a number"),
])
def test_docx_numbering_value_not_a_number_is_warned(tmp_path, name, warning):
    letters = read_or_refuse(write(tmp_path, name))
    assert isinstance(letters, list), letters
    assert any(warning in w.message and w.where == "word/numbering.xml" for w in letters[0].warnings)


@pytest.mark.parametrize("fmt,first", [("lowerRoman", "999999999999."), ("lowerLetter", "999999999999."),
                                       ("decimal", "999999999999.")])
def test_docx_huge_list_start_is_computed_not_counted(tmp_path, fmt, first):
    from kamerxref.graph.readers.docx import read_docx_raw

    p = tmp_path / "huge.docx"
    p.write_bytes(C.docx_start("999999999999", fmt))
    raw = read_docx_raw(p)
    assert [rp.label for rp in raw.paragraphs if rp.label] == [first, "1000000000000."]


@pytest.mark.parametrize("n,fmt,label", [(4, "lowerRoman", "iv"), (1994, "upperRoman", "MCMXCIV"),
                                         (28, "lowerLetter", "bb"), (3, "upperLetter", "C"),
                                         (4000, "lowerRoman", "4000")])
def test_docx_list_labels_as_word_draws_them(n, fmt, label):
    from kamerxref.graph.readers.docx import _fmt

    assert _fmt(n, fmt) == label


def test_docx_that_really_inflates_far_beyond_what_it_declares(tmp_path):
    """The zip says word/styles.xml holds 1 KB; it inflates to 64 MB. Refused, and at
    most a few MB are ever held (the guard used to trust the declared size and inflate
    everything: 2.14 GB for 2 GB)."""
    p = write(tmp_path, "zip-bomb.docx")
    tracemalloc.start()
    try:
        err = read_or_refuse(p)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert isinstance(err, InputError) and err.where == "word/styles.xml"
    assert peak < 16 * 2**20, f"{peak / 2**20:.0f} MB held"


def test_docx_inflated_budget_counts_real_bytes(tmp_path, monkeypatch):
    monkeypatch.setenv("KAMERXREF_MAX_DOCX_MB", "0.001")
    p = tmp_path / "ok.docx"
    p.write_bytes(C.docx(None, C.LETTER_PARAS * 20))
    err = read_or_refuse(p)
    assert isinstance(err, InputError) and "KAMERXREF_MAX_DOCX_MB" in err.message


# -- budgets -------------------------------------------------------------------------------

def test_pdf_with_a_huge_text_operator_is_refused_before_layout(tmp_path):
    pytest.importorskip("pdfplumber")
    for name in ("pdf-big-operator.pdf", "pdf-shared-big-operator.pdf", "pdf-damaged-stream.pdf"):
        tracemalloc.start()
        try:
            err = read_or_refuse(write(tmp_path, name))
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert isinstance(err, InputError) and err.where == "page 1", err
        assert "KAMERXREF_MAX_PDF_PAGE_KB" in err.message
        assert peak < 64 * 2**20, f"{name}: {peak / 2**20:.0f} MB held"


def test_pdf_total_text_budget(tmp_path, monkeypatch):
    pytest.importorskip("pdfplumber")
    monkeypatch.setenv("KAMERXREF_MAX_PDF_TOTAL_MB", "0.01")
    p = tmp_path / "many.pdf"
    p.write_bytes(C.pdf([C.pdf_text_page(["Kan de regering dit toelichten?" * 3] * 40)] * 4))
    err = read_or_refuse(p)
    assert isinstance(err, InputError) and "KAMERXREF_MAX_PDF_TOTAL_MB" in err.message


def test_small_generated_pdf_is_still_read(tmp_path):
    pytest.importorskip("pdfplumber")
    p = tmp_path / "letter.pdf"
    p.write_bytes(C.pdf([C.pdf_text_page(["datum 23 juni 2026", "ons kenmerk 190010", "",
                                          "Kan de regering toelichten hoe dit werkt?"])]))
    got = read_or_refuse(p)
    assert isinstance(got, list) and got[0].kenmerk == "190010"


def test_text_budget_and_line_budget(tmp_path, monkeypatch):
    err = read_or_refuse(write(tmp_path, "long-line.txt"))
    assert isinstance(err, InputError) and err.where == "line 15"
    assert "KAMERXREF_MAX_LINE_CHARS" in err.message
    monkeypatch.setenv("KAMERXREF_MAX_TEXT_MB", "2")
    err = read_or_refuse(write(tmp_path, "big.txt", C.big_text_txt(2.2)))
    assert isinstance(err, InputError) and "KAMERXREF_MAX_TEXT_MB" in err.message
    monkeypatch.setenv("KAMERXREF_MAX_FILE_MB", "1")
    err = read_or_refuse(tmp_path / "big.txt")
    assert isinstance(err, InputError) and "KAMERXREF_MAX_FILE_MB" in err.message


# -- linear time through the whole text reader ---------------------------------------------

@pytest.mark.parametrize("make", [C.heading_spaces, C.bold_repeat, C.bold_u_repeat, C.header_spaces,
                                  C.bangs], ids=lambda f: f.__name__)
def test_text_reader_time_grows_linearly(tmp_path, make):
    """The shapes that hung the text reader, at 1x / 2x / 4x size: the time may grow at
    most 10x for 4x the input (the heading line was cubic: 64x)."""
    from kamerxref.graph.readers.text import read_text

    base = {"heading_spaces": 300, "bold_repeat": 400, "bold_u_repeat": 400,
            "header_spaces": 400, "bangs": 2000}[make.__name__]

    def cost(n):
        text = make(n).decode("utf-8")
        best = float("inf")
        for _ in range(3):
            t0 = time.process_time()
            read_text(text, "x.txt")
            best = min(best, time.process_time() - t0)
        return best

    small, large = cost(base), cost(4 * base)
    if large / max(small, 1e-3) > 10:  # once more before blaming the reader (a busy machine)
        small, large = cost(base), cost(4 * base)
    assert large / max(small, 1e-3) <= 10, f"{make.__name__}: {small:.4f}s -> {large:.4f}s"


# -- silent drops and small ones -----------------------------------------------------------

def test_footnotes_numbered_1000_and_1a_are_footnotes(tmp_path):
    [letter] = read_or_refuse(write(tmp_path, "footnote-numbers.txt"))
    assert [fn.number for fn in letter.footnotes] == ["1000", "1a"]
    assert [q.text for q in letter.questions] == ["Hoe beoordeelt de regering het advies?",
                                                  "En hoe de reactie daarop?"]
    assert all("1000" not in p.text for p in letter.paragraphs)
    gaps = [w.message for w in letter.warnings if w.code == "footnote-gap"]
    assert gaps == ["footnote numbering skips 1-999 (before footnote 1000)"]


def test_dutch_ordinal_in_sup_stays_text():
    from kamerxref.graph.readers.text import clean_inline

    assert clean_inline("de 2<sup>e</sup> Kamer") == ("de 2e Kamer", [])
    assert clean_inline("de <sup>1e</sup> termijn")[1] == []


def test_question_after_the_signature_is_warned(tmp_path):
    """A PS question is counted and warned about; a question elsewhere in the closing is
    at least warned about (never silently dropped)."""
    [letter] = read_or_refuse(write(tmp_path, "ps-question.txt"))
    ps = "Kan de regering ook ingaan op de kosten?"
    counted = any(ps in q.text for q in letter.questions)
    warned = [w for w in letter.warnings if w.code in ("question-after-signature", "question-in-closing")]
    assert warned and (counted or ps in warned[0].message)
    text = C.ps_question_txt().decode().replace("PS: Kan", "Kan")
    [letter] = read_or_refuse(write(tmp_path, "closing.txt", text.encode()))
    assert any(ps in q.text for q in letter.questions) or any(
        ps[:40] in w.message for w in letter.warnings)


def test_random_bytes_are_not_a_letter(tmp_path):
    err = read_or_refuse(write(tmp_path, "random-bytes.txt"))
    assert isinstance(err, InputError) and "binary file" in err.message


def test_utf16_letter_with_bom_is_read_like_the_utf8_one(tmp_path):
    [letter] = read_or_refuse(write(tmp_path, "utf16-bom-letter.txt"))
    assert (letter.kenmerk, len(letter.questions), len(letter.footnotes)) == ("181524", 45, 25)


def test_letter_with_control_characters_is_still_a_letter(tmp_path):
    [letter] = read_or_refuse(write(tmp_path, "control-chars.txt"))
    assert letter.kenmerk == "190004" and len(letter.questions) == 2


def _strings(value):
    """Every string anywhere in a letter's fields (``dataclasses.asdict``)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _strings(v)


def test_answer_letters_hold_no_control_characters(tmp_path):
    """The answers reader's letters skip read_file_all's scrub too: control characters
    in its input (C0, DEL, C1 as UTF-8) are spaces in every string of the letter."""
    import dataclasses
    import re

    from kamerxref.graph.readers import detect_format

    fixture = Path(__file__).parent / "fixtures" / "replies" / "reply_180760_headings.txt"
    lines = [ln.strip("*") for ln in fixture.read_text(encoding="utf-8").split("\n")]
    dirty = "\n".join(ln.replace(" ", " \x1b", 1).replace("e", "e\x85", 1).replace(",", ",\x7f", 1)
                       if i % 3 else ln for i, ln in enumerate(lines))
    path = write(tmp_path, "antwoord.txt", dirty.encode("utf-8"))
    assert detect_format(path) == "answers"
    [letter] = read_or_refuse(path)
    control = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
    assert not [s for s in _strings(dataclasses.asdict(letter)) if control.search(s)]
    assert letter.questions or letter.paragraphs


@pytest.mark.parametrize("name,betreft,body", [
    # an entity that html.unescape turns into a C1 control, in the betreft and the text
    ("entity-c1.txt", "Vragen &#129;over &#x9d;Clingendael", "Kan de regering dit&#144; toelichten?"),
    # a private-use sentinel pair the inline clean-up uses for markers, made by entities
    ("entity-sentinel.txt", "Vragen", "Kan de regering dit toelichten?&#57344;&#144;&#57345;"),
    # the same in a file whose name holds an escape character (renamed, then scrubbed)
    ("entity-\x1bname.txt", "Vragen &#129;over", "Kan de regering dit&#144; toelichten?"),
])
def test_control_characters_made_by_entities_are_scrubbed(tmp_path, name, betreft, body):
    """The text reader's letters skip read_file_all's scrub (decode_bytes scrubbed the
    text); a control character an HTML entity makes again is replaced all the same."""
    import dataclasses
    import re

    text = (C.letter_with(body).decode().replace("betreft Vragen over de Asielnoodmaatregelenwet",
                                                 f"betreft {betreft}"))
    [letter] = read_or_refuse(write(tmp_path, name, text.encode()))
    control = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
    assert not [s for s in _strings(dataclasses.asdict(letter)) if control.search(s)]
    assert "\\x1b" in letter.source or "\x1b" not in name
    assert any("toelichten" in q.text for q in letter.questions)
