"""Fractie names of both chambers, current and historic, as a table of data.

Each row is one fractie: the name the chamber writes today (the canonical name, used for
the ``fractie-…`` node id) and the other ways it is written in letters, verslagen and
OCR pages of older papers: ``P.v.d.A.`` and ``Partij van de Arbeid`` are ``PvdA``,
``C.D.A.`` is ``CDA``, ``D'66`` is ``D66``, ``GL`` is ``GroenLinks``, ``CU`` is
``ChristenUnie``::

    canonical_fractie("P.v.d.A.")          -> "PvdA"
    canonical_fractie("Partij voor de Dieren") -> "PvdD"
    canonical_fractie("Lijst Nieuw")       -> None   (not in the table)

The readers find names only inside fractie phrases (``fractie van …``, ``…-fractie``,
``fractieleden van …``, ``Name (Fractie)`` in a Samenstelling note), never anywhere in the
text, so short aliases such as ``CU`` or ``GL`` cannot be mistaken for other words. A name
that is not in the table is kept as written (a new party needs no code change to be read,
only a row here to be linked to its other spellings).

:data:`ALIAS_PATTERN` is the alternation of every spelling, longest first, so that
``GroenLinks-PvdA`` is never read as ``GroenLinks`` and ``C.D.A.`` never as ``C``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["ALIAS_PATTERN", "FRACTIES", "Fractie", "canonical_fractie", "is_known_fractie"]


@dataclass(frozen=True)
class Fractie:
    """One fractie: ``name`` as the chamber writes it now, its other spellings, the
    chambers it sat in (``"ek tk"``) and, for history, the years it existed."""

    name: str
    aliases: tuple[str, ...] = ()
    full: str = ""
    chambers: str = "ek tk"
    years: str = ""


#: The table. Order does not matter; every spelling must be unique across rows.
FRACTIES: tuple[Fractie, ...] = (
    # -- current (2023-) --------------------------------------------------------------
    Fractie("GroenLinks-PvdA", ("GL-PvdA", "GroenLinks/PvdA", "GL/PvdA", "GroenLinks–PvdA",
                                "GL–PvdA", "PvdA-GroenLinks", "PvdA/GroenLinks", "PvdA-GL",
                                "GroenLinks - PvdA", "GroenLinks-Partij van de Arbeid"),
            "GroenLinks-Partij van de Arbeid", years="2023-"),
    Fractie("GroenLinks", ("GL", "Groen Links", "GROENLINKS"), years="1990-"),
    Fractie("PvdA", ("P.v.d.A.", "P.v.d.A", "PVDA", "Partij van de Arbeid"), years="1946-"),
    Fractie("VVD", ("V.V.D.", "V.V.D", "Volkspartij voor Vrijheid en Democratie"), years="1948-"),
    Fractie("CDA", ("C.D.A.", "C.D.A", "Christen-Democratisch Appèl", "Christen Democratisch Appèl"),
            years="1977-"),
    Fractie("D66", ("D'66", "D’66", "D.66", "Democraten 66", "Democraten '66"), years="1966-"),
    Fractie("PVV", ("P.V.V.", "Partij voor de Vrijheid"), years="2006-"),
    Fractie("SP", ("S.P.", "Socialistische Partij"), years="1994-"),
    Fractie("PvdD", ("PVDD", "Partij voor de Dieren"), years="2006-"),
    Fractie("ChristenUnie", ("CU", "Christenunie", "Christen Unie", "CHRISTENUNIE"), years="2000-"),
    Fractie("SGP", ("S.G.P.", "S.G.P", "Staatkundig Gereformeerde Partij"), years="1922-"),
    Fractie("Volt", ("VOLT",), years="2021-"),
    Fractie("JA21", ("Juiste Antwoord 21",), years="2020-"),
    Fractie("BBB", ("BoerBurgerBeweging", "Boer Burger Beweging"), years="2019-"),
    Fractie("FVD", ("FvD", "Forum voor Democratie"), years="2017-"),
    Fractie("50PLUS", ("50Plus", "50plus", "50+"), years="2011-"),
    Fractie("DENK", ("Denk",), chambers="tk", years="2015-"),
    Fractie("NSC", ("Nieuw Sociaal Contract",), years="2023-"),
    Fractie("OPNL", ("Onafhankelijke Politiek Nederland",), chambers="ek", years="2019-"),
    Fractie("OSF", ("Onafhankelijke Senaatsfractie", "Onafhankelijke SenaatsFractie"),
            chambers="ek", years="1999-2023"),
    Fractie("Fractie-Nanninga", ("Fractie Nanninga", "fractie-Nanninga"), chambers="ek",
            years="2020-2023"),
    Fractie("Fractie-Otten", ("Fractie Otten",), chambers="ek", years="2019-2021"),
    Fractie("Fractie-Frentrop", ("Fractie Frentrop",), chambers="ek", years="2020-2023"),
    Fractie("Fractie-Van Pareren", ("Fractie Van Pareren",), chambers="ek", years="2020-2023"),
    Fractie("Fractie-Den Haan", ("Fractie Den Haan",), chambers="ek", years="2019-2023"),
    Fractie("BVNL", ("Belang van Nederland",), chambers="tk", years="2021-2023"),
    # -- historic ---------------------------------------------------------------------
    Fractie("GPV", ("G.P.V.", "G.P.V", "Gereformeerd Politiek Verbond"), years="1963-2003"),
    Fractie("RPF", ("R.P.F.", "R.P.F", "Reformatorische Politieke Federatie"), years="1975-2003"),
    Fractie("PPR", ("P.P.R.", "P.P.R", "Politieke Partij Radikalen"), years="1968-1991"),
    Fractie("PSP", ("P.S.P.", "P.S.P", "Pacifistisch Socialistische Partij"), years="1957-1991"),
    Fractie("CPN", ("C.P.N.", "C.P.N", "Communistische Partij van Nederland",
                    "Communistische Partij Nederland"), years="1918-1991"),
    Fractie("EVP", ("E.V.P.", "Evangelische Volkspartij"), years="1981-1991"),
    Fractie("DS'70", ("DS’70", "DS '70", "DS70", "D.S.'70", "D.S. '70",
                      "Democratisch Socialisten '70"), years="1970-1983"),
    Fractie("Boerenpartij", ("BP", "B.P.", "Boeren Partij", "Boerenpartij Nederland"),
            years="1958-1981"),
    Fractie("KVP", ("K.V.P.", "K.V.P", "Katholieke Volkspartij"), years="1945-1980"),
    Fractie("ARP", ("A.R.P.", "A.R.P", "Anti-Revolutionaire Partij"), years="1879-1980"),
    Fractie("CHU", ("C.H.U.", "C.H.U", "Christelijk-Historische Unie"), years="1908-1980"),
    Fractie("PvdV", ("P.v.d.V.", "Partij van de Vrijheid"), years="1946-1948"),
    Fractie("GPV/RPF/SGP", ("SGP/GPV/RPF", "SGP-GPV-RPF"), years="1990s"),
    Fractie("CD", ("C.D.", "Centrumdemocraten", "Centrum Democraten"), chambers="tk",
            years="1984-2002"),
    Fractie("CP", ("C.P.", "Centrumpartij"), chambers="tk", years="1980-1986"),
    Fractie("AOV", ("A.O.V.", "Algemeen Ouderen Verbond"), years="1993-1998"),
    Fractie("Unie 55+", ("Unie55+", "Unie 55 Plus"), chambers="tk", years="1993-1998"),
    Fractie("LPF", ("L.P.F.", "Lijst Pim Fortuyn"), years="2002-2008"),
    Fractie("Leefbaar Nederland", ("LN",), chambers="tk", years="2002-2003"),
    Fractie("RPN", ("R.P.N.", "Rooms-Katholieke Partij Nederland"), years="1972-1977"),
)

_ALIASES: dict[str, str] = {}
for _f in FRACTIES:
    for _spelling in (_f.name, *_f.aliases, *((_f.full,) if _f.full else ())):
        if _spelling in _ALIASES and _ALIASES[_spelling] != _f.name:  # pragma: no cover
            raise ValueError(f"fractie spelling {_spelling!r} in two rows")
        _ALIASES[_spelling] = _f.name
_FOLDED = {re.sub(r"[\s’]+", lambda m: "'" if "’" in m.group(0) else " ", k).lower(): v
           for k, v in _ALIASES.items()}

#: Every spelling, longest first, as a regex alternation (no groups). A spelling that
#: ends in a letter or digit must not continue with one (``CU`` is not ``CUP``); the
#: caller adds that boundary.
ALIAS_PATTERN = "|".join(re.escape(s).replace(r"\ ", r"\s+")
                         for s in sorted(_ALIASES, key=lambda s: (-len(s), s)))


def canonical_fractie(name: str) -> str | None:
    """The table's name for a spelling (``"C.D.A."`` -> ``"CDA"``, ``"GL-PvdA"`` ->
    ``"GroenLinks-PvdA"``, ``"partij voor de dieren"`` -> ``"PvdD"``), or None."""
    name = name.strip().strip("*_")
    got = _ALIASES.get(name)
    if got:
        return got
    return _FOLDED.get(re.sub(r"\s+", " ", name.replace("’", "'")).lower())


def is_known_fractie(name: str) -> bool:
    """``"JA21"``, ``"D66"``, ``"P.v.d.A."``: a spelling in the table."""
    return canonical_fractie(name) is not None
