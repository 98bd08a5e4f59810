"""Shared fixtures: the bundled letters in data/ and the real documents beside the repo."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SEED_000 = DATA / "000_b50105430c9bb7d0.txt"  # kenmerk 181524, 23 juni 2026, 25 footnotes
SEED_002 = DATA / "002_7ac5984d77b17826.txt"  # kenmerk 180760, 6 mei 2026, 2 footnotes
#: beside the repo; KAMERXREF_REALDOCS names another place (a git worktree elsewhere)
REALDOCS = Path(os.environ.get("KAMERXREF_REALDOCS") or ROOT.parent / "shared" / "realdocs")


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA


@pytest.fixture(scope="session")
def realdocs() -> Path:
    """The 16 real documents of ../shared/realdocs (never copied into the repo)."""
    if not REALDOCS.is_dir():
        pytest.skip("../shared/realdocs is not present")
    return REALDOCS
