"""No regex of the readers backtracks: every pattern in ``graph/readers/*.py`` (module-level
``re.compile`` and the literal patterns given to ``re.sub``/``re.match``/... in the code) is
run on pumped inputs of 1x, 2x and 4x size, and the time may grow at most linearly (by a
generous ratio: quadratic growth is 16x for 4x the input, cubic 64x; the test allows 10x).

Each pattern is run the way the code runs it: ``match`` where the module only ever calls
``match``/``fullmatch`` on it, else ``finditer`` over the whole string (which is what
``sub``, ``search`` and ``findall`` cost on a string without a match).

The pumps are the shapes that made the readers hang (issue 15): ``# x`` + spaces + ``y``
(the heading pattern, cubic), ``**a `` / ``__a `` repeated (bold, quadratic), ``datum`` +
spaces (the page header), runs of ``!`` and ``.`` (the sentence splitter); plus the other
characters the patterns quantify over, behind prefixes that reach their inner loops.
"""
from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import time
from pathlib import Path

import pytest

import kamerxref.graph.readers as readers_pkg

PUMPS = [" ", "\t", "a ", "**a ", "__a ", "_a ", "!", ".", "?", "a.", ". ", "a", "1", "1 ", "- ",
         "(", "#", "_", "*", ", ", "<sup>1", "datum ", "nr. ", "x y ", "van "]
PREFIXES = ["", "# x", "datum", "**", "__", "1.", "<sup>", "Vraag 1", "Den Haag,", "betreft",
            "commissie voor X (Y)", "van de fractie van", "Kamerstukken I 2025/26, 36 871"]
SUFFIXES = ["y", "\x00"]
SIZES = (200, 400, 800)
RATIO = 10.0  # 4x the input may take at most 10x the time (quadratic: 16x)
FLOOR = 1e-4  # seconds: below this the timing is noise


def _reader_modules():
    for info in pkgutil.iter_modules(readers_pkg.__path__):
        yield importlib.import_module(f"{readers_pkg.__name__}.{info.name}")


def _inline_patterns(module) -> list[tuple[str, re.Pattern, str]]:
    """Literal patterns passed to ``re.<function>(...)`` inside the module's code."""
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "re"
                and node.func.attr in {"match", "fullmatch", "search", "sub", "subn", "split",
                                       "findall", "finditer"} and node.args):
            continue
        try:
            pattern = ast.literal_eval(node.args[0])
        except ValueError:
            continue
        if not isinstance(pattern, str):
            continue
        flags = re.I if "re.I" in ast.unparse(node) or "IGNORECASE" in ast.unparse(node) else 0
        how = "match" if node.func.attr in {"match", "fullmatch"} else "finditer"
        out.append((f"re.{node.func.attr}@{node.lineno}", re.compile(pattern, flags), how))
    return out


def all_patterns() -> list[tuple[str, re.Pattern, str]]:
    out = []
    for module in _reader_modules():
        short = module.__name__.rsplit(".", 1)[1]
        source = Path(module.__file__).read_text(encoding="utf-8")
        for name, value in vars(module).items():
            if not isinstance(value, re.Pattern) or isinstance(value.pattern, bytes):
                continue
            calls = set(re.findall(rf"\b{re.escape(name)}\.(\w+)\(", source))
            how = "match" if calls and calls <= {"match", "fullmatch"} else "finditer"
            out.append((f"{short}.{name}", value, how))
        out.extend((f"{short}.{n}", p, how) for n, p, how in _inline_patterns(module))
    return out


PATTERNS = all_patterns()


def _run(p: re.Pattern, how: str, s: str) -> float:
    best = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        if how == "match":
            p.match(s)
        else:
            for _m in p.finditer(s):
                pass
        best = min(best, time.process_time() - t0)
    return best


def _growth(p: re.Pattern, how: str, pre: str, pump: str, suf: str) -> tuple[float, list[float]]:
    times = [_run(p, how, pre + pump * n + suf) for n in SIZES]
    return max(times[-1], FLOOR) / max(times[0], FLOOR), times


def test_every_reader_regex_is_found():
    names = {n for n, _, _ in PATTERNS}
    assert len(PATTERNS) > 80
    assert {"text._HEADING", "text._BOLD", "text._BOLD_U", "text._HEADER",
            "structure._SENTENCE_END"} <= names


@pytest.mark.parametrize("name,pattern,how", PATTERNS, ids=[n for n, _, _ in PATTERNS])
def test_reader_regex_time_grows_linearly(name, pattern, how):
    worst = (0.0, None)
    for pre in PREFIXES:
        for pump in PUMPS:
            for suf in SUFFIXES:
                # screen at the largest size; measure the growth only where it takes time
                if _run(pattern, how, pre + pump * SIZES[0] + suf) < FLOOR / 4:
                    continue
                ratio, times = _growth(pattern, how, pre, pump, suf)
                if ratio > RATIO:  # measure again before blaming the pattern (a busy machine)
                    ratio, times = _growth(pattern, how, pre, pump, suf)
                if ratio > worst[0]:
                    worst = (ratio, (pre, pump, suf, times))
    assert worst[0] <= RATIO, f"{name} ({how}) grows {worst[0]:.0f}x for 4x input: {worst[1]}"


@pytest.mark.parametrize("line,expect", [
    ("# x" + " " * 2000 + "y", "x" + " " * 2000 + "y"),
    ("## Vragen van de leden van de fractie van D66 ##", "Vragen van de leden van de fractie van D66"),
    ("### Europese samenwerking   ", "Europese samenwerking"),
    ("# C#", "C"),
])
def test_heading_text_as_before(line, expect):
    from kamerxref.graph.readers.text import _HEADING, _heading_text

    assert _heading_text(_HEADING.match(line).group(2)) == expect
