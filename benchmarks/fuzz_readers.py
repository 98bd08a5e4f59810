"""Coverage-guided fuzzing of the readers with atheris (issue 15): every reader must turn
any bytes into Letters or one :class:`InputError`; any other exception escaping is a bug,
and atheris stops with the input that raised it (written as ``crash-<sha1>``).

One harness per reader, chosen by the file name this script is started under or by
``--reader``; the ``fuzz_<reader>.py`` scripts beside this one start it::

    python benchmarks/fuzz_text.py -atheris_runs=200000            # the text letter reader
    python benchmarks/fuzz_docx.py -max_total_time=600 corpus/     # DOCX, seeds in corpus/
    python benchmarks/fuzz_readers.py --reader xml -max_total_time=60

Seeds: the bundled letters in ``data/`` and the hostile regression corpus of
``tests/hostile_corpus.py`` (written to a temporary folder at start), plus any folder given.
Budgets are lowered (KAMERXREF_MAX_*) so that a slow input is found rather than waited
on. Every input is written to a file with the reader's extension and read through
``read_file_all`` -- the same path as ``kamerxref build`` -- then resolved and attributed
(``graph.pipeline.process``), so the citation engine is fuzzed on what the readers make.
At the end (or on Ctrl-C) one line gives the inputs run and the coverage atheris reports.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

READERS = {  # reader -> file extension the input is written with
    "text": ".txt", "answers": ".txt", "docx": ".docx", "xml": ".xml", "pdf": ".pdf",
    "ocr": ".txt", "verslag": ".txt",
}


def reader_from_argv() -> tuple[str, list[str]]:
    args = list(sys.argv[1:])
    if "--reader" in args:
        i = args.index("--reader")
        name = args[i + 1]
        del args[i:i + 2]
    else:
        stem = Path(sys.argv[0]).stem
        name = stem.split("_", 1)[1] if stem.startswith("fuzz_") and stem != "fuzz_readers" else "text"
    if name not in READERS:
        raise SystemExit(f"unknown reader {name!r}; one of {', '.join(READERS)}")
    return name, args


def seeds(name: str, folder: Path) -> Path:
    """Seed files for one reader in ``folder``: the hostile corpus cases of its
    extension and the bundled letters (for the text-like readers)."""
    root = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(root / "tests"))
    import hostile_corpus

    ext = READERS[name]
    folder.mkdir(parents=True, exist_ok=True)
    for case, make in hostile_corpus.CASES.items():
        if case.endswith(ext) and "bomb" not in case:
            (folder / case).write_bytes(make())
    if ext == ".txt":
        for p in sorted((root / "data").glob("*.txt")):
            (folder / p.name).write_bytes(p.read_bytes())
        realdocs = Path(os.environ.get("KAMERXREF_REALDOCS", "/work/shared/realdocs"))
        wanted = {"answers": "0", "ocr": "1"}.get(name)
        if wanted and realdocs.is_dir():
            for p in sorted(realdocs.glob(f"{wanted}*.txt"))[:4]:
                (folder / p.name).write_bytes(p.read_bytes())
    if ext == ".xml":
        realdocs = Path(os.environ.get("KAMERXREF_REALDOCS", "/work/shared/realdocs"))
        for p in sorted(realdocs.glob("*.xml"))[:5] if realdocs.is_dir() else []:
            data = p.read_bytes()
            if len(data) < 200_000:
                (folder / p.name).write_bytes(data)
    if ext == ".docx":
        (folder / "plain.docx").write_bytes(hostile_corpus.docx(hostile_corpus.numbering("3", "lowerRoman"),
                                                                hostile_corpus.LETTER_PARAS))
    if ext == ".pdf":
        (folder / "plain.pdf").write_bytes(hostile_corpus.pdf([hostile_corpus.pdf_text_page(
            ["datum 23 juni 2026", "ons kenmerk 190010", "", "Kan de regering dit toelichten?"])]))
    return folder


def main() -> None:
    import atheris

    name, args = reader_from_argv()
    os.environ.setdefault("KAMERXREF_MAX_TEXT_MB", "1")
    os.environ.setdefault("KAMERXREF_MAX_FILE_MB", "2")
    os.environ.setdefault("KAMERXREF_MAX_DOCX_MB", "16")
    os.environ.setdefault("KAMERXREF_MAX_PDF_PAGE_KB", "32")
    os.environ.setdefault("KAMERXREF_MAX_PDF_PAGES", "20")
    work = Path(tempfile.mkdtemp(prefix=f"kamerxref-fuzz-{name}-"))
    seed_dir = seeds(name, work / "seeds")
    target = work / f"input{READERS[name]}"
    if not any(not a.startswith("-") for a in args):
        args.append(str(seed_dir))

    with atheris.instrument_imports(include=["kamerxref"]):
        from kamerxref.graph.pipeline import process
        from kamerxref.graph.readers import InputError, read_file_all

    stats = {"runs": 0, "letters": 0, "refused": 0}

    def one(data: bytes) -> None:
        stats["runs"] += 1
        target.write_bytes(data)
        try:
            letters = read_file_all(target)
        except InputError as err:
            stats["refused"] += 1
            assert "\n" not in str(err), "an error message of more than one line"
            return
        stats["letters"] += len(letters)
        for letter in letters:
            process(letter)  # citations and attribution: must not raise either

    atheris.Setup([sys.argv[0], *args], one)
    try:
        atheris.Fuzz()
    finally:
        print(f"fuzz_{name}: {stats['runs']} inputs, {stats['letters']} letters, "
              f"{stats['refused']} refused with an InputError", file=sys.stderr)


if __name__ == "__main__":
    main()
