"""kamerxref on the public test suite of nllegalcit (the peer), measured kamerxref's way.

Run: ``python benchmarks/bench_peer_suite.py PATH [--show all|failed|none]`` where PATH is
the peer's ``tests/`` folder (or a folder above it): from its sdist
(``pip download --no-deps --no-binary :all: nllegalcit`` and unpack) or a clone of its
repository, with ``tests/linkextractor/`` (the cases ported from KOOP's linkextractor).
Nothing of the peer is kept in this repository: the cases are read from PATH each run.

How a case is read: every ``test_*`` method whose body compares
``parse_citations("...")`` or ``parse_kamerstukcitation("...")`` with a list of
``KamerstukCitation(kamer, vergaderjaar, dossier, ondernummer, paginaverwijzing=...)``,
``EcliCitation(land, instantie, jaar, nummer)`` or ``LjnCitation(nummer)`` (read with
``ast``, never imported or executed). Methods marked ``@unittest.skip`` are the peer's
inactive cases: counted apart. Cases that need the network (``parse_citations_from_pdf_url``)
are left out.

How a case is run: the input alone through ``kamerxref cite -`` (click's test runner,
the input on stdin, so each of its lines is one footnote, as on the command line).

Pass: every expected document is among the citations (``kst-{dossier}-{ondernummer}``,
``nrs. 1-3`` as three papers; an ECLI compared without regard to case, since kamerxref
writes the canonical upper-case form; ``ljn-{nummer}``) with exactly the expected pages
where the peer expects pages (``17,19-22`` -> 17, 19, 20, 21, 22; ``4-`` -> 4 e.v.;
pages of a ``nrs.`` range counted over the range); an expected empty list passes when
no document of the kinds asked for is found. Ids of the kinds asked for beyond the
peer's expectation are listed per case, to be judged by eye (several inputs name more
papers than the peer's parser reads: ``nr. 6, p. 15-16; nr. 7``).
"""
from __future__ import annotations

import argparse
import ast
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from click.testing import CliRunner

from kamerxref.cli import main as cli_main

PARSERS = {"parse_citations": {"kamerstuk", "ecli", "ljn"}, "parse_kamerstukcitation": {"kamerstuk"}}


@dataclass
class Case:
    file: str
    name: str
    text: str
    kinds: set[str]
    expected: list[tuple[str, tuple[int, ...]]]  # (document or group of documents, pages)
    groups: list[list[str]] = field(default_factory=list)  # documents of one expected citation
    skipped: bool = False


def _pages(ref: str | None) -> tuple[int, ...]:
    """The peer's ``paginaverwijzing``: ``"7-8"``, ``"17,19-22"``, ``"p. 15"``, ``"4-"``."""
    if not ref:
        return ()
    out: list[int] = []
    for chunk in re.sub(r"^(?:p\.|blz\.|pag\.?)\s*", "", ref).split(","):
        a, _, b = chunk.strip().partition("-")
        if a.isdigit() and b.strip().isdigit():
            out.extend(range(int(a), int(b) + 1))
        elif a.isdigit():
            out.append(int(a))
    return tuple(out)


def _expected(call: ast.Call) -> tuple[list[str], tuple[int, ...]]:
    """The documents and pages of one expected citation object."""
    name = call.func.id if isinstance(call.func, ast.Name) else call.func.attr
    args = [ast.literal_eval(a) for a in call.args]
    kw = {k.arg: ast.literal_eval(k.value) for k in call.keywords}
    if name == "KamerstukCitation":
        dossier, number = str(args[2]).replace(" ", ""), str(args[3])
        pages = _pages(kw.get("paginaverwijzing") or (args[4] if len(args) > 4 else None))
        m = re.fullmatch(r"(\d+)-(\d+)", number)
        numbers = [str(n) for n in range(int(m[1]), int(m[2]) + 1)] if m else [number]
        if number == "?":  # the peer names no paper: the dossier(s)
            return [f"dossier-{d}" for d in dossier.split(",")], pages
        return [f"kst-{dossier}-{n}" for n in numbers], pages
    if name == "EcliCitation":
        return [f"ECLI:{args[0]}:{args[1]}:{args[2]}:{args[3]}"], ()
    if name == "LjnCitation":
        return [f"ljn-{args[0]}"], ()
    raise ValueError(f"unknown citation class {name}")


def read_cases(root: Path) -> tuple[list[Case], int]:
    """The cases of every ``test_*.py`` under ``root``; also the number of methods left
    out (they need the network)."""
    cases: list[Case] = []
    left_out = 0
    for path in sorted(root.rglob("test_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for fn in ast.walk(tree):
            if not (isinstance(fn, ast.FunctionDef) and fn.name.startswith("test")):
                continue
            skipped = any("skip" in ast.unparse(d) for d in fn.decorator_list)
            found = False
            for node in ast.walk(fn):
                if not (isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "assertEqual"):
                    continue
                got, want = node.args[:2]
                if not (isinstance(got, ast.Call) and isinstance(got.func, ast.Name)
                        and got.func.id in PARSERS and got.args and isinstance(got.args[0], ast.Constant)):
                    continue
                found = True
                groups, expected = [], []
                for call in want.elts:
                    docs, pages = _expected(call)
                    groups.append(docs)
                    expected.append((docs, pages))
                cases.append(Case(str(path.relative_to(root)), fn.name, got.args[0].value,
                                  PARSERS[got.func.id], expected, groups, skipped))
            left_out += not found
    return cases, left_out


def run_cite(text: str) -> list[dict]:
    """``kamerxref cite -`` on ``text``: the citation records of all its lines."""
    out = CliRunner().invoke(cli_main, ["cite", "-"], input=text)
    if out.exit_code != 0:
        raise RuntimeError(f"kamerxref cite failed: {out.output}")
    return [c for rec in json.loads(out.stdout) for c in rec["citations"]]


def _key(document: str) -> str:
    return document.upper() if document.startswith("ECLI:") else document


def judge(case: Case, cits: list[dict]) -> tuple[bool, list[str], list[str]]:
    """(passed, what is missing, extra ids of the kinds asked for)."""
    kinds = case.kinds | ({"dossier"} if any(d.startswith("dossier-") for g in case.groups for d in g) else set())
    found: dict[str, set[int]] = {}
    for c in cits:
        if c["kind"] in kinds:
            found.setdefault(_key(c["document"]), set()).update(c["pages"])
    missing: list[str] = []
    for docs, pages in case.expected:
        keys = [_key(d) for d in docs]
        absent = [d for d in keys if d not in found]
        if absent:
            missing += absent
            continue
        got_pages = set().union(*(found[k] for k in keys))
        if pages and got_pages != set(pages):
            missing.append(f"{'/'.join(docs)} pages {sorted(pages)} (got {sorted(got_pages)})")
    wanted = {_key(d) for docs, _ in case.expected for d in docs}
    extra = sorted(d for d in found if d not in wanted)
    return not missing, missing, extra


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", type=Path, help="the peer's tests/ folder (sdist or clone)")
    ap.add_argument("--show", choices=["all", "failed", "none"], default="failed")
    args = ap.parse_args(argv)
    if not args.path.is_dir():
        ap.error(f"{args.path} is not a folder")
    cases, left_out = read_cases(args.path)
    if not cases:
        ap.error(f"no test cases found under {args.path}")
    totals = {False: [0, 0], True: [0, 0]}  # skipped -> [cases, passed]
    extras: list[tuple[Case, list[str]]] = []
    for case in cases:
        ok, missing, extra = judge(case, run_cite(case.text))
        totals[case.skipped][0] += 1
        totals[case.skipped][1] += ok
        if extra:
            extras.append((case, extra))
        if args.show == "all" or (args.show == "failed" and not ok):
            flag = "pass" if ok else "FAIL"
            skip = " (inactive in the peer)" if case.skipped else ""
            print(f"{flag} {case.file}::{case.name}{skip}: {case.text.strip()[:90]!r}")
            if missing:
                print(f"     missing: {'; '.join(missing)}")
    active, active_ok = totals[False]
    print(f"\nactive cases: {active_ok}/{active} passed")
    print(f"inactive (skipped by the peer): {totals[True][1]}/{totals[True][0]} passed "
          "(an expected [] there means only that the peer finds no Kamerstuk)")
    print(f"test methods left out (need the network): {left_out}")
    print(f"cases with ids beyond the peer's expectation: {len(extras)}")
    for case, extra in extras:
        print(f"  {case.file}::{case.name}: {', '.join(extra)}  <- {case.text.strip()[:70]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
