"""Structure of a committee letter's text: fractie names, sentences, questions.

The question unit of DESIGN §1: a numbered item is one question; in prose each
sentence that asks is one question -- it ends with ``?`` (a bullet list introduced by
the sentence belongs to it), or it is an indirect question without ``?``:

- ``"Deze leden vragen de regering of zij kan aangeven hoe zij aankijkt tegen deze
  mogelijke complicaties."`` (seed 181524, D66) -> a question;
- ``"Deze leden vragen de regering verder hoe zij concreet waarborgt ..."`` -> a question;
- ``"De leden van de fractie van JA21 hebben de volgende vragen voor de regering."``
  -> an announcement, not a question (``vragen`` is a noun here);
- ``"... zij verzoeken u deze binnen vier weken na dagtekening van deze brief te mogen
  ontvangen."`` -> a request to answer in time, not a question.

Everything here is a pure function on strings, linear in the input.
"""
from __future__ import annotations

import functools
import re

from ..model import Member
from .fracties import ALIAS_PATTERN, canonical_fractie

__all__ = [
    "asks",
    "inline_items",
    "is_postscript",
    "item_without_dot",
    "glued_note_markers",
    "is_notes_heading",
    "is_page_number",
    "is_running_header",
    "is_samenstelling",
    "parse_samenstelling",
    "split_note_run",
    "fracties_in",
    "heading_fracties",
    "FractieScope",
    "is_closing_request",
    "is_fractie_heading",
    "missing_question_mark",
    "question_spans",
    "sentence_spans",
    "subject_fracties",
]

# ------------------------------------------------------------------ fractie names

# A fractie name as the chamber writes it: first every spelling of the table in
# :mod:`.fracties` (``C.D.A.``, ``P.v.d.A.``, ``D'66``, ``GroenLinks-PvdA``), then any
# other dotted abbreviation (``K.N.P.``), then any capitalised token, also multi-word
# names joined by lower-case particles (``Lijst Nieuw voor de Toekomst``): a party not in
# the table is still read, as written.
_KNOWN = r"(?<![\w.'’-])(?:" + ALIAS_PATTERN + r")(?![\w'’]|[-–/][A-Z0-9])"
_DOTTED_NAME = r"(?:[A-Z][a-z]{0,2}\.){2,8}(?![\w])"
_TOKEN = r"[A-Z0-9][\w&'’]*(?:-[A-Z0-9][\w&'’]*)*"
_NAME = (r"(?:" + _KNOWN + r"|" + _DOTTED_NAME + r"|" + _TOKEN
         + r"(?:\s+(?:voor|van)(?:\s+(?:de|het))?\s+" + _TOKEN + r")?)")
_DET = r"(?:(?:van\s+)?(?:de|het)\s+)?"
_MORE = (r"(?P<rest>(?:\s*,\s*" + _DET + _NAME + r")*"
         r"(?:\s*,?\s+en\s+" + _DET + _NAME + r")?)")
# "fractie van de SGP", "fracties van Volt en de PvdD", "fractieleden van de PVV",
# "fractie der P.v.d.A.". These two run on every sentence naming "leden": each starts
# with its first letter and checks the word boundary after it (``f(?<!\wf)ractie`` is
# ``\bfractie``), so the regex engine skips to that letter in C rather than trying the
# pattern at every position (2.5 times faster).
_LIST = re.compile(r"f(?<!\wf)ractie(?:s|leden)?\s+(?:van|der)\s+(?:de\s+|het\s+)?"
                   r"(?P<first>" + _NAME + r")" + _MORE)
# "de leden van de PVV", "het lid van 50PLUS": only names of the table (not "de leden
# van de Kamer")
_LEDEN_KNOWN = re.compile(r"l(?<!\wl)(?:eden|id)\s+(?:van|der)\s+(?:de\s+|het\s+)?"
                          r"(?P<first>" + _KNOWN + r")(?!\s*[-–]\s*fractie)" + _MORE)
_REST_NAME = re.compile(r"(?:,|\ben\b)\s*" + _DET + r"(" + _NAME + r")")
# "de CDA-fractie", "de P.v.d.A.-fractie", "de GroenLinks-PvdA–fractie"
_SUFFIX = re.compile(r"(?<![\w.'’-])(" + _NAME + r")\s?[-–]\s?fracties?\b")
_SUFFIX_END = re.compile(r"[-–]\s?fracties?\b")
# "de PVV-, SP- en PvdD-fracties": the first names of a suspended compound
_SUSPENDED = re.compile(r"(?<![\w.'’-])(" + _NAME + r")[-–](?=\s*(?:,|\ben\b)[^.?!]{0,80}?"
                        r"[-–]fracties?\b)")
_PREFIX = re.compile(r"\b[Ff]ractie[-–]((?:(?:Van|Den|De|Ter|Van\s+der|Van\s+den)\s+)?"
                     + _TOKEN + r")")
# Capitalised words that follow "fractie van" but are not fractie names.
_NOT_A_NAME = {"Eerste", "Tweede", "Kamer", "Staten-Generaal", "Zie", "De", "Het", "Deze",
               "Die", "Dit", "Een", "Kamerleden", "Commissie", "Regering"}


def _fractie_mentions(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, canonical name)`` of every fractie named in ``text`` (already
    whitespace-normalised), in text order; ``start`` is where the phrase naming it
    begins (``fractie``, ``leden`` or the name before ``-fractie``)."""
    found: list[tuple[int, int, str]] = []
    # Each pattern runs only where the words it needs are (the patterns are case-sensitive
    # and whitespace here is one space): "fractie" for "fractie van ..." and "-fractie",
    # "leden van " (or "lid", "der") for "de leden van de PVV", "ractie-" for
    # "Fractie-Nanninga". "Deze leden vragen ..." stops here.
    fractie = "fractie" in text
    leden = ("leden van " in text or "lid van " in text or "leden der " in text
             or "lid der " in text)
    person = "ractie-" in text or "ractie–" in text
    if not (fractie or leden or person):
        return found

    def add(start: int, end: int, name: str) -> None:
        name = name.strip(" ,;:")
        if name.endswith(".") and not canonical_fractie(name) and not re.fullmatch(
                _DOTTED_NAME, name):
            name = name[:-1]
        if not name or name in _NOT_A_NAME:
            return
        found.append((start, end, canonical_fractie(name) or name))

    for rx in (_LIST,) * fractie + (_LEDEN_KNOWN,) * leden:
        for m in rx.finditer(text):
            add(m.start(), m.end("first"), m.group("first"))
            base = m.start("rest")
            for r in _REST_NAME.finditer(m.group("rest")):
                add(m.start(), base + r.end(1), r.group(1))
    if fractie and ("-" in text or "–" in text):
        # "-fractie" first, then the name before it (a name is at most ~60 characters):
        # the name pattern is tried near each "-fractie" only, not at every position (and
        # not at all without a dash: "de leden van de fractie van D66")
        done = -1
        for end in _SUFFIX_END.finditer(text):
            lo = max(done, end.start() - 80, 0)
            m = _SUFFIX.search(text, lo, end.end())
            if m is not None:
                add(m.start(1), m.end(), m.group(1))
                done = m.end()
        # "de PVV-, SP- en PvdD-fracties": the name pattern tried at every position, so
        # only where a suspended compound can be (it was a third of the fractie work)
        if ("-," in text or "- " in text or "–" in text) and ("-fractie" in text or "–fractie" in text):
            for m in _SUSPENDED.finditer(text):
                add(m.start(1), m.end(), m.group(1))
    if person:
        for m in _PREFIX.finditer(text):
            add(m.start(), m.end(), "Fractie-" + m.group(1))
    found.sort()
    return found


_WHITESPACE = re.compile(r"\s+")


def _normalise(text: str) -> str:
    """Emphasis marks gone and whitespace runs as one space: ``"de **D66**-fractie\\n
    vraagt"`` -> ``"de D66-fractie vraagt"``. Most sentences have only single spaces:
    every whitespace character but the space is unprintable, so ``isprintable`` and no
    ``"  "`` settle them without the substitution (which replaced each single space
    by itself: a fifth of reading a letter)."""
    if "*" in text or "_" in text:
        text = text.replace("*", "").replace("_", " ")
    if "  " not in text and text.isprintable():
        return text
    return _WHITESPACE.sub(" ", text)


def fracties_in(text: str) -> list[str]:
    """Fractie names named in ``text``, in order of first mention, without duplicates,
    each by its canonical name (:func:`.fracties.canonical_fractie`; a name not in the
    table as written).

    ``"De leden van de fracties van **Volt** en de **PvdD** constateren"`` ->
    ``["Volt", "PvdD"]``; ``"de fractie van Volt, mede namens de leden van de fractie
    van de PvdD"`` -> ``["Volt", "PvdD"]``; ``"de leden van de GroenLinks-PvdA-fractie"``
    -> ``["GroenLinks-PvdA"]``; ``"de leden van de Fractie-Nanninga"`` ->
    ``["Fractie-Nanninga"]``; ``"de leden van de C.D.A.-fractie"`` -> ``["CDA"]``;
    ``"Vragen en opmerkingen van de fractieleden van de PVV"`` -> ``["PVV"]``;
    ``"de PVV-, SP- en PvdD-fracties"`` -> ``["PVV", "SP", "PvdD"]``. Markdown emphasis
    is ignored.
    """
    out: list[str] = []
    for _, _, name in _fractie_mentions(_normalise(text)):
        if name not in out:
            out.append(name)
    return out


def heading_fracties(heading: str) -> tuple[str, ...]:
    """:func:`fracties_in` of a heading, remembered: the same few fractie headings recur
    in letter after letter (``Vragen en opmerkingen van de leden van de fractie van de
    VVD`` -> ``("VVD",)``), and a heading is read twice (is it one, which fracties).
    Only headings of up to 200 characters are kept (a hostile file's huge ones are not)."""
    return _short_heading_fracties(heading) if len(heading) <= 200 else tuple(fracties_in(heading))


@functools.lru_cache(maxsize=4096)
def _short_heading_fracties(heading: str) -> tuple[str, ...]:
    return tuple(fracties_in(heading))


#: Words before a fractie phrase that make it an object, not the sentence's subject:
#: "Is de regering het **met** de leden van de fractie van D66 eens ...".
_OBJECT_PREPOSITIONS = {
    "met", "aan", "bij", "door", "voor", "tot", "naar", "van", "als", "dan", "op", "over",
    "zoals", "uit", "tegen", "tussen", "onder", "volgens", "jegens", "in",
}
_LEAD_WORDS = {"de", "het", "der"}


def _word_before_phrase(text: str, start: int) -> str:
    """The word before a fractie phrase and its lead (``de leden van de``, repeated as
    in ``de leden van de leden van de fractie van D66``), lower case."""
    words = text[:start].rstrip(" ,(").split()
    while words:
        last = words[-1].lower()
        if last in _LEAD_WORDS:
            words.pop()
        elif last in ("van", "der") and len(words) > 1 and words[-2].lower() in ("leden", "lid"):
            del words[-2:]
        else:
            break
    return words[-1].lower().strip(",") if words else ""


def subject_fracties(sentence: str) -> tuple[str, ...]:
    """The fracties that are the subject of ``sentence`` -- those who ask what follows.

    ``"De leden van de VVD-fractie vragen de regering ..."`` -> ``("VVD",)``;
    ``"Ten aanzien van ..., vragen de leden van de fractie van D66 of ..."`` ->
    ``("D66",)``; ``"De leden van de fractie van Volt wensen ..., mede namens de leden
    van de fractie van de PvdD."`` -> ``("Volt", "PvdD")``; ``"Is de regering het met de
    leden van de fractie van D66 eens ...?"`` -> ``()`` (an object, not the subject);
    ``"De leden van de VVD-fractie sluiten zich aan bij de vragen van de leden van de
    CDA-fractie."`` -> ``("VVD",)``.
    """
    text = _normalise(sentence)
    out: list[str] = []
    for start, _, name in _fractie_mentions(text):
        if _word_before_phrase(text, start) in _OBJECT_PREPOSITIONS:
            continue
        if name not in out:
            out.append(name)
    return tuple(out)


# --------------------------------------------------------------------- sentences

#: Abbreviations after which a full stop does not end a sentence (compared lower case,
#: without the final dot). Initials and dotted abbreviations (``A.W.J.A.``, ``o.a.``,
#: ``d.w.z.``, ``e.v.``) are recognised by shape.
ABBREVIATIONS = {
    "p", "pp", "blz", "nr", "nrs", "art", "artt", "lid", "bijv", "bv", "vgl", "zgn",
    "zg", "ca", "incl", "excl", "resp", "jl", "mr", "dr", "drs", "ir", "ing", "prof",
    "dhr", "mevr", "mw", "St", "sr", "jr", "vs", "cf", "afd", "hfd", "par", "jo",
    "red", "min", "max", "mln", "mld", "mrd", "e", "i", "o", "t", "z", "no", "ed",
    "vol", "fig", "tab", "bijl", "hst", "pag", "sub", "c", "m", "m.b.t", "t.a.v",
    "i.v.m", "n.a.v", "o.g.v", "i.p.v", "a.s", "z.s.m", "ev", "etc", "enz",
}
#: Abbreviations that often end a sentence too: a capitalised word after them starts
#: a new sentence (``"... p. 40 e.v. De regering ..."``).
_SENTENCE_FINAL_ABBR = {"e.v", "ev", "etc", "enz", "jl", "e.d", "a.s"}
#: A sentence end: a run of terminators (and closing quotes or brackets) that ends a word,
#: taken whole from its first terminator, with ``next``, the first character after the
#: spaces that follow (None at the end of the text): ``"... gevallen. Clingendael"`` ->
#: ``"."``, next ``"C"``. The pattern starts with the terminator itself (the "not after
#: a terminator" check comes after it), so the regex engine skips to candidates in C
#: instead of trying a lookbehind at every position: twice as fast; and each run is
#: taken whole, so "!" x 10,000 without a space stays linear.
_SENTENCE_END = re.compile(
    # a note marker glued after a question or exclamation mark ("... zo?12 Verder") ends
    # the sentence with it: the text copied from a page whose markers were not recognised
    r"[.?!…](?<![.?!…]{2})[.?!…]*+[\"'’”)\]*_]*+(?:(?<=[?!])\d{1,3})?(?=\s|$)"
    r"(?=[ \t]*+(?P<next>[\s\S]))?")
#: A question mark with a note marker glued to it at the end of a sentence: ``zo?2``.
_GLUED_AFTER_MARK = re.compile(r"\?[\"'’”)\]*_]*+\d{1,3}$")
_DOTTED = re.compile(r"^(?:[A-Za-zÀ-ÿ]{1,3}\.)*[A-Za-zÀ-ÿ]{1,3}$")
_BULLET_START = re.compile(r"\n(?=[-•]\s)")


def _word_before(text: str, pos: int) -> str:
    """The non-space run that ends at ``pos`` (the terminator), without brackets."""
    start = pos
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:pos].lstrip("([\"'‘“*_")


def _is_abbreviation(word: str, nxt: str) -> bool:
    """Does a full stop after ``word`` (the word before it, ``nxt`` the character that
    follows) end no sentence? ``"p"`` (``"p. 5"``), ``"o.a"``, ``"A.W.J.A"``, an initial
    ``"G"``; not ``"e.v"`` before a capital (``"... p. 40 e.v. De regering"``)."""
    low = word.lower()
    if low in ABBREVIATIONS or word in ABBREVIATIONS:
        if low not in _SENTENCE_FINAL_ABBR:
            return True
    elif _DOTTED.match(word) and "." in word:
        if low not in _SENTENCE_FINAL_ABBR:
            return True
    elif len(word) == 1 and word.isalpha() and word.isupper():
        return True  # an initial: "G. van den Brink", "minister A. Jansen"
    return nxt.isdigit() and low in ABBREVIATIONS


def sentence_spans(text: str, split_bullets: bool = False) -> list[tuple[int, int]]:
    """Split a paragraph into sentences; returns ``[start, end)`` spans, whitespace
    trimmed, covering every non-space character.

    Does not split on abbreviations (``p. 5``, ``o.a.``, ``bijv.``, ``d.w.z.``,
    ``A.W.J.A.``, ``nr.``, ``art.``, ``e.v.`` before a lower-case word), before a
    lower-case word, or inside a bullet list: ``"... nodig te hebben voor:\\n-
    terugkeerhubs;\\n- ...\\n- monitoring en juridische procedures?"`` is one sentence.
    With ``split_bullets`` each bullet line starts a sentence (a list that stands on its
    own, not introduced by a sentence).
    """
    cuts: list[int] = []
    for m in _SENTENCE_END.finditer(text):
        nxt = m.group("next")
        if nxt is None or nxt.islower():
            continue  # the end of the text, or "... bijv. de regering": no new sentence
        if nxt == "\n":
            # a line break inside a paragraph only occurs before bullets / sub-items
            if split_bullets:
                cuts.append(m.end())
            continue
        if text[m.start()] == "." and _is_abbreviation(_word_before(text, m.start()), nxt):
            continue
        cuts.append(m.end())
    if split_bullets:
        cuts.extend(m.start() for m in _BULLET_START.finditer(text))
        cuts = sorted(set(cuts))
    spans = []
    start = 0
    for cut in cuts + [len(text)]:
        if cut <= start and cut < len(text):
            continue
        s, e = start, cut
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
        start = cut
    return spans


# --------------------------------------------------------------------- questions

_CLOSING_REQUEST = re.compile(
    r"\b(?:beantwoording|antwoorden|antwoord)\b[^.?!]{0,100}?\btegemoet\b"
    r"|\bte\s+mogen\s+ontvangen\b"
    r"|\b(?:beantwoording|antwoorden|antwoord|reactie)\b[^.?!]{0,80}?\bbinnen\s+\S+\s+"
    r"(?:werkdagen|dagen|weken|week|maanden|maand)\b",
    re.I,
)


def is_closing_request(sentence: str) -> bool:
    """A request to answer (in time), not a question: ``"De leden van de vaste
    commissie ... zien uw beantwoording met belangstelling tegemoet en zij verzoeken u
    deze binnen vier weken na dagtekening van deze brief te mogen ontvangen."``"""
    return _closing_request(sentence, sentence.lower())


def _closing_request(sentence: str, low: str) -> bool:
    """:func:`is_closing_request` with ``low``, the sentence in lower case (:func:`asks`
    lowers each sentence once for all its checks)."""
    # Every branch of the pattern needs two of these words (lower case compares as the
    # pattern's IGNORECASE does for letters without special case forms: no "i" or "s",
    # so "nnen" for "binnen"); most paragraphs and sentences stop here.
    if not ((("antwoord" in low or "react" in low) and ("tegemoet" in low or "nnen" in low))
            or ("mogen" in low and "ontvangen" in low)):
        return False
    return bool(_CLOSING_REQUEST.search(sentence))


_WORDS = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*|[,;:]")
# Words after which "vragen" is the noun (questions), not the verb (to ask).
_NOUN_BEFORE = {
    "de", "het", "een", "enkele", "enige", "volgende", "navolgende", "deze", "die",
    "hun", "haar", "zijn", "uw", "onze", "nog", "aantal", "tal", "twee", "drie", "vier",
    "vijf", "zes", "meer", "veel", "vele", "weinig", "andere", "overige", "welke",
    "sommige", "alle", "zulke", "hebben", "heeft", "hadden", "had", "stellen", "stelt",
    "stelden", "leggen", "legt", "rijzen", "rijst", "roept", "roepen", "leven",
    "bestaan", "over", "met", "zonder", "op", "bij", "van", "voor", "tot", "aan",
    "om", "en", "of", "geen", "wat", "zoveel", "beantwoorden", "beantwoording",
}
_NOT_OBJECT = {"aandacht", "begrip", "steun", "ruimte", "geld", "tijd", "middelen"}
_COMPLEMENT = {
    "of", "hoe", "wat", "welke", "welk", "waarom", "wanneer", "wie", "wiens", "hoeveel",
    "hoelang", "hoezeer", "inhoeverre", "om", "naar", "af", "waar", "waarop",
    "waaraan", "waarmee", "waarin", "waarvoor", "waardoor", "waarover", "waaruit",
    "waarbij", "waarvan", "waartoe", "te",
}
_ASK_VERBS = {"vragen", "vraagt", "vroegen", "vroeg", "verzoeken", "verzoekt"}
_GRAAG = re.compile(
    r"\b(?:vernemen|horen|ontvangen|krijgen|zien)\b[^.?!]{0,60}?\bgraag\b[^.?!]{0,60}?"
    r"\b(?:of|hoe|wat|welke|waarom|wanneer|in\s+hoeverre|een\s+(?:reactie|toelichting|"
    r"overzicht|onderbouwing|uiteenzetting|appreciatie)|nader)\b"
    r"|\bgraag\b[^.?!]{0,40}?\b(?:vernemen|horen|weten|ontvangen)\b"
    r"|\b(?:zijn|is)\s+(?:[\w-]+\s+){0,3}?benieuwd\b"
    r"|\bwillen\s+(?:[\w-]+\s+){0,3}?weten\b"
    r"|\bwensen\s+(?:[\w-]+\s+){0,3}?(?:te\s+)?(?:vernemen|weten)\b"
    r"|\b(?:zien|ziet)\b[^.?!]{0,80}?\b(?:reactie|toelichting|appreciatie)\b[^.?!]{0,80}?"
    r"\btegemoet\b",
    re.I,
)
_VRAAG_NOUN = re.compile(
    r"\b(?:stellen|stelt|leggen|legt|rijst|rijzen|roept|roepen)\b[^.?!]{0,60}?\bvraag\b"
    r"[^.?!]{0,30}?\b(?:of|hoe|waarom|wat|welke|wanneer|in\s+hoeverre)\b"
    r"|\bvraag\s+rijst\b",
    re.I,
)
_INVERSION = re.compile(
    r"^(?:Kan|Kunt|Wil|Wilt|Is|Zijn|Acht|Deelt|Heeft|Hebben|Gaat|Zal|Ziet|Erkent|Onderschrijft)"
    r"\s+(?:de\s+regering|het\s+kabinet|u|zij|de\s+minister|de\s+staatssecretaris)\b"
)


#: Words each branch of :data:`_GRAAG` needs (lower case): a sentence without any of
#: them cannot match it, and most sentences are settled by this one search.
_GRAAG_WORD = re.compile("graag|euwd|weten|vernemen|tegemoet")


def _indirect(sentence: str, low: str) -> bool:
    """An indirect question (``low``: the sentence in lower case)."""
    if "vragen" in low or "vraagt" in low or "vroeg" in low or "verzoek" in low:  # _ASK_VERBS
        if _ask_verb_with_complement(sentence):
            return True
    if _GRAAG_WORD.search(low) and _GRAAG.search(sentence):
        return True
    return "vraag" in low and bool(_VRAAG_NOUN.search(sentence))


def _ask_verb_with_complement(sentence: str) -> bool:
    """``"Deze leden vragen de regering of ..."``: an ask verb (not the noun
    ``vragen``) followed within 15 words by a complementiser."""
    words = _WORDS.findall(sentence)
    lower = [w.lower() for w in words]
    for i, w in enumerate(lower):
        if w not in _ASK_VERBS:
            continue
        prev = words[i - 1] if i else ""
        if w == "vragen":
            if prev.lower() in _NOUN_BEFORE:
                continue
            if (prev.islower() and prev.endswith("e") and prev != "ze"
                    and not prev.endswith(("fractie", "commissie"))):
                continue  # an adjective: "aanvullende vragen", "kritische vragen"
        nxt = lower[i + 1] if i + 1 < len(lower) else ""
        if not nxt or nxt == "te" or nxt in _NOT_OBJECT:
            continue
        window = lower[i + 1:i + 16]
        for j, x in enumerate(window):
            if x in _COMPLEMENT:
                return True
            if x == "in" and j + 1 < len(window) and window[j + 1] == "hoeverre":
                return True
    return False


def missing_question_mark(sentence: str) -> bool:
    """A direct question that lost its ``?``: ``"Kan de regering dit toelichten."``"""
    s = sentence.strip().lstrip("-•* ")
    return bool(_INVERSION.match(s)) and not s.rstrip("\"'’”)]*_ ").endswith("?")


#: The line that names who asks Kamervragen, at the start of its paragraph: "Vragen van
#: het lid Beckerman (SP) aan de Staatssecretaris ...", "Vragen van de leden Kops (PVV) en
#: Dassen (Volt) over ...", "Aanvullende vragen van de heer Oskamp (P.v.d.A.), mevrouw Van
#: der Meer (P.v.d.A.) en de heer Vis (D'66) inzake ..." (not "Vragen ... door de leden der
#: Kamer", the Aanhangsel's subtitle).
ASKERS_LINE = re.compile(r"^\s*(?:Aanvullende\s+)?vragen\s+van\s+(?:het\s+(?:Kamer)?lid|de\s+(?:Kamer)?leden"
                         r"|leden|de\s+heer|mevrouw)\s+(?!der\b)", re.IGNORECASE)
#: A zaak number of the Tweede Kamer, the id of written questions: ``2024Z01234``.
ZAAK_NUMBER = re.compile(r"\d{4}Z\d{5}")
#: When written questions were sent in, or their answer received, in brackets on the
#: line that describes them: "(ingezonden 1 februari 2024)", "(ingezonden op 19 januari
#: 1983)", "(ontvangen 4 december 2023)".
_DATED = re.compile(r"\(\s*(ingezonden|ontvangen)\s+(?:op\s+)?([^()]{6,30}?)\s*\)", re.IGNORECASE)


def dated(text: str, word: str) -> str | None:
    """The date ``text`` gives in brackets after ``word`` (``"ingezonden"`` or
    ``"ontvangen"``), as written: ``"1 februari 2024"``; None without one."""
    for m in _DATED.finditer(text):
        if m.group(1).lower() == word:
            return m.group(2)
    return None
_ASKERS_END = re.compile(r"\s(?:aan|over|inzake|betreffende|naar\s+aanleiding)\s", re.IGNORECASE)


def askers_fracties(texts) -> list[str]:
    """The fracties of the members named by the first :data:`ASKERS_LINE` among ``texts``,
    each once, in order, as the table names them: ``["PvdA", "D66"]`` for "Aanvullende
    vragen van de heer Oskamp (P.v.d.A.), ... en de heer Vis (D'66) inzake ..."; a bracket
    that names no fractie ("(Tweede Kamer)") is passed over; ``[]`` when no line names any."""
    for t in texts:
        m = ASKERS_LINE.match(t)
        if not m:
            continue
        scope = _ASKERS_END.split(t[m.end():m.end() + 600], 1)[0]
        found: list[str] = []
        for party in re.findall(r"\(([^()]{2,40})\)", scope):
            name = canonical_fractie(re.sub(r"^(?:beiden|allen|allebei)\s+", "", party.strip()))
            if name and name not in found:
                found.append(name)
        if found:
            return found
    return []


def asks(sentence: str) -> bool:
    """Does this sentence ask a question (the unit of DESIGN §1)?

    True for a sentence ending in ``?`` (also after its bullet list), an indirect
    question (``"De leden van de fractie van D66 vragen of de regering kan uitleggen
    waarom ..."``, ``"Deze leden vernemen graag hoe ..."``, ``"... vragen zich af of
    ..."``), and a direct question that lost its ``?`` (``"Kan de regering ...
    toelichten."``). False for statements, announcements (``"De leden stellen de
    regering dan ook de volgende vragen."``) and requests to answer in time.
    """
    s = sentence.rstrip().rstrip("\"'’”)]*_ ")
    if s.endswith("?") or (s[-1:].isdigit() and _GLUED_AFTER_MARK.search(s)):  # "zo?2": a marker left glued
        return True
    low = sentence.lower()
    if _closing_request(sentence, low):
        return False
    return _indirect(sentence, low) or missing_question_mark(sentence)


def question_spans(text: str, kind: str,
                   sentences: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """The questions of one paragraph as ``[start, end)`` spans (DESIGN §1).

    ``kind`` is the paragraph kind: an ``"item"`` (a numbered item, its ``a.``/``b.``/``-``
    sub-items included) is one question, whatever it holds; in ``"text"`` each asking
    sentence is one; in a ``"list"`` that stands on its own each asking bullet is one.
    Other kinds (intro, closing, answer) hold none::

        question_spans("2. Kan de regering aangeven:\\na. hoeveel ...;\\nb. wanneer ...?", "item")
            -> [(0, len(text))]
        question_spans("Zie p. 5. Kan de regering dit toelichten?", "text") -> [(10, 41)]
    """
    if kind == "item":
        return [(0, len(text))] if text else []
    if kind not in ("text", "list"):
        return []
    if sentences is None:  # the caller's sentence_spans of the text, when it has them
        sentences = sentence_spans(text, split_bullets=kind == "list")
    return [(s, e) for s, e in sentences if asks(text[s:e])]


class FractieScope:
    """Who asks, as a reader goes through a letter in document order.

    A fractie section heading sets the fracties (``Vragen en opmerkingen van de leden
    van de fractie van D66``); a topic heading inside it goes back to the section's
    fracties; a sentence whose subject is a fractie phrase (:func:`subject_fracties`:
    ``"De leden van de VVD-fractie vragen ..."``) sets them for that sentence and what
    follows, until the next heading or fractie phrase. A question gets :attr:`current`,
    never the whole letter's fracties by default::

        scope = FractieScope()
        scope.sentence("De leden van de VVD-fractie lezen dat ...")   -> ("VVD",)
        scope.sentence("Kan de regering dit toelichten?")               -> ("VVD",)
        scope.heading(("CDA",), "fractie");  scope.current               -> ("CDA",)
    """

    def __init__(self) -> None:
        self.current: tuple[str, ...] = ()
        self.section: tuple[str, ...] = ()

    def heading(self, fracties: tuple[str, ...], kind: str) -> tuple[str, ...]:
        """Enter a section: ``kind`` ``"fractie"`` with the fracties it names, or
        ``"topic"``. Returns the fracties the section belongs to."""
        if kind == "fractie" and fracties:
            self.section = self.current = tuple(fracties)
        elif self.section:
            self.current = self.section
        return self.current

    def sentence(self, text: str) -> tuple[str, ...]:
        """Read one sentence; returns the fracties that ask in it."""
        if "ractie" in text or "leden" in text or "lid " in text:
            found = subject_fracties(text)
            if found:
                self.current = found
        return self.current


_FRACTIE_HEADING = re.compile(
    r"^(?:(?:\d{1,2}|[IVX]{1,4}|[A-H])[.)]?\s+)?"
    r"(?:Vragen|Opmerkingen|Inbreng|Bijdrage|Reactie|Vragen\s+en\s+opmerkingen)\b"
    r"[^.?!;]{0,160}$")


def is_fractie_heading(line: str) -> bool:
    """A plain-text line that opens a fractie section, with or without ``##``:
    ``Vragen en opmerkingen van de leden van de fractie van GroenLinks-PvdA``,
    ``Vragen en opmerkingen van de fractieleden van de PVV``, ``2. Inbreng van de leden
    van de CDA-fractie``, ``**Vragen van de leden van de fracties van Volt en de PvdD**``;
    not a sentence (``Vragen van de leden van de VVD-fractie zijn beantwoord.``)."""
    text = _normalise(line).strip(" #:")
    if "ractie" not in text or len(text) > 200:
        return False
    return bool(_FRACTIE_HEADING.match(text)) and bool(heading_fracties(text))


# ------------------------------------------------------------------- page furniture

_DOSSIER_NO = r"\d{1,3}(?:[ .]?\d{3})?(?:\s*\(R\s?\d{1,4}\))?(?:[- ](?:[IVXLC]{1,7}|\d{2}))?"
_STUK_NO = (r"(?:,\s*(?:nrs?\.\s*\d{1,4}[a-z]{0,2}(?:\s{0,2}(?:[-–,]|en)\s{0,2}\d{1,4}[a-z]{0,2})*"
            r"|[A-Z]{1,3}(?:\s?[-–]\s?[A-Z]{1,3})?))?")
_RUNNING_HEADER = re.compile(
    r"^\s*(?:\d{1,4}\s+)?(?:Eerste|Tweede)\s+Kamer(?:\s+der\s+Staten-Generaal)?,?\s+"
    r"(?:vergaderjaar|zitting|zittingsjaar)\s+\d{4}(?:\s{0,2}[-–/]\s{0,2}\d{2,4})?,\s*"
    + _DOSSIER_NO + _STUK_NO + r"\s*(?:\d{1,4})?\s*$")
_PAGE_NUMBER = re.compile(r"^\s*\d{1,4}\s*$")


def is_running_header(line: str) -> bool:
    """The running header or footer of a published paper, page number included or not:
    ``Eerste Kamer, vergaderjaar 1989–1990, 20 701, nr. 78a``, ``Tweede Kamer,
    vergaderjaar 2023–2024, 36 410, nr. 12  3``, ``Eerste Kamer, vergaderjaar 2024–2025,
    30 573, J``, ``Tweede Kamer, zitting 1981, 16927 (R 1176), nrs. 1-3``. Not a
    citation in a sentence (``Zie Eerste Kamer, vergaderjaar ...`` or one ending in a
    full stop)."""
    return len(line) < 150 and "Kamer" in line and bool(_RUNNING_HEADER.match(line))


def is_page_number(line: str) -> bool:
    """A page number alone on a line: ``3``."""
    return bool(_PAGE_NUMBER.match(line))


# ---------------------------------------------------------------------- note bodies

_NOTES_HEADING = re.compile(r"^\s*(?:#{1,6}\s*)?[*_]*(?:noten|voetnoten|eindnoten|noot)[*_]*\s*:?\s*$",
                            re.I)


def is_notes_heading(line: str) -> bool:
    """``Noten``, ``Voetnoten``, ``## Noten``, ``**Noten**``: the heading above the note
    bodies listed at the end of a text copied from an officielebekendmakingen page."""
    return len(line) < 40 and bool(_NOTES_HEADING.match(line))


def split_note_run(number: int, text: str) -> list[tuple[int, str]]:
    """Note bodies that OCR or copying ran together on one line, split by the sequence
    of their numbers: a body ``number`` whose text holds ``. 3 Idem`` where 3 is the next
    number (after a full stop, not after an abbreviation such as ``p.``) is two bodies::

        split_note_run(2, "Kamerstukken I 2024/25, 30 573, nr. 3. 3 Idem, p. 4. 4 Stb. 2024, 12.")
          -> [(2, "Kamerstukken I 2024/25, 30 573, nr. 3."), (3, "Idem, p. 4."),
              (4, "Stb. 2024, 12.")]
    """
    out: list[tuple[int, str]] = []
    start = 0
    nxt = number + 1
    pos = 0
    while True:
        pat = re.compile(r"(?<=[.;)\]])\s+" + str(nxt) + r"\s+(?=[A-Z*\[(])")
        found = None
        for m in pat.finditer(text, pos):
            word = _word_before(text, m.start() - 1).rstrip(".;)]").lower()
            if word in ABBREVIATIONS or (_DOTTED.match(word) and "." in word):
                continue  # "p. 3 Kamerstukken": a page, not a note
            found = m
            break
        if found is None:
            break
        out.append((number, text[start:found.start()].strip()))
        number, start, pos = nxt, found.end(), found.end()
        nxt += 1
    out.append((number, text[start:].strip()))
    return out


# ---------------------------------------------------------- glued-digit note markers

_GLUED = re.compile(r"(?<=[^\W\d_])(\d{1,3})(?=[\s,.;:?!)\]’”\"'*]|$)"
                    r"|(?<=[^\W\d_][.,;:?!)’”\"])(\d{1,3})(?=\s|$)"
                    # after a question or exclamation mark that ends a year or a quote:
                    # "van 12 juli 2023?2", "'Agenten willen meer aandacht'?1"
                    r"|(?<=[\d'’”\"][?!])(\d{1,3})(?=\s|$)")
# a marker glued to a fractie name that ends in digits: "D661" is D66 + marker 1
_GLUED_AFTER_NAME = re.compile(r"(?<![\w'’])(?:D66|JA21|D'66|D’66|DS'70|DS’70)(\d{1,3})"
                               r"(?=[\s,.;:?!)\]’”\"'*]|$)")
_STEM = re.compile(r"(?<![\w'’-])[\w'’-]++$")  # from the start of a word run: linear
_UNIT_STEMS = {"m", "km", "cm", "mm", "dm", "kg", "ha", "mg", "ml"}


def _glued_weight(stem: str, digits: str) -> float:
    """How much a glued digit run looks like a note marker: 1 for a word
    (``brief4``), 0.25 for a name with digits (``COVID19``, ``MH17``, ``CO2``, ``m2``:
    a marker only when nothing else can be), 0 for a fractie name (``JA21``, ``D66``)."""
    word = stem.rsplit("-", 1)[-1]
    if canonical_fractie(stem + digits) or canonical_fractie(word + digits):
        return 0.0
    if word.lower() in _UNIT_STEMS:
        return 0.25
    letters = word.strip("'’")
    return 0.25 if letters and letters.isupper() and letters.isalpha() else 1.0


def glued_note_markers(texts: list[str], numbers: list[int]) -> list[tuple[int, int, int, str]]:
    """Note markers printed as plain digits glued to the word before them, the form of
    text copied from an officielebekendmakingen HTML page (``brief4``, ``media7``,
    ``(Duitse6)``, ``uitgeoefend1?``, ``JBZ-Raad1``, ``D661``), found by the sequence of the
    note bodies that exist, never by any digit after a word.

    ``texts`` are the body lines in document order, ``numbers`` the numbers of the note
    bodies. Only digits that number an existing body are candidates, and the markers
    are the longest run of candidates whose numbers rise through the text (the notes
    come in order): ``"stap2 en brief1 en media2"`` with notes 1 and 2 gives ``brief1``
    and ``media2``. A name with digits (``COVID19``, ``CO2``) counts for a quarter, so it
    is a marker only when nothing else can be; a fractie name (``JA21``, ``D66``) never
    is. ``artikel 3`` and ``2026`` are never candidates (not glued). Returns ``(text
    index, start, end, number)``, in order.
    """
    wanted = set(numbers)
    if not wanted:
        return []
    cands: list[tuple[int, int, int, int, float]] = []  # ti, start, end, number, weight
    for ti, text in enumerate(texts):
        if not any(c.isdigit() for c in text):
            continue
        for m in _GLUED.finditer(text):
            digits = m.group(1) or m.group(2) or m.group(3)
            if digits[0] == "0" or int(digits) not in wanted:
                continue
            weight = 1.0
            if m.group(1):
                stem = _STEM.search(text[max(0, m.start() - 60):m.start()])
                weight = _glued_weight(stem.group(0) if stem else "", digits)
            if weight:
                cands.append((ti, m.start(), m.end(), int(digits), weight))
        for m in _GLUED_AFTER_NAME.finditer(text):
            if m.group(1)[0] != "0" and int(m.group(1)) in wanted:
                cands.append((ti, m.start(1), m.end(1), int(m.group(1)), 1.0))
    if not cands:
        return []
    cands.sort()
    # heaviest chain of rising numbers: a weighted longest increasing subsequence, with a
    # Fenwick tree of (best score, -index) over the note numbers (n log n)
    size = max(c[3] for c in cands) + 1
    tree: list[tuple[float, int]] = [(0.0, 1)] * (size + 1)
    back: list[int] = []
    best: list[tuple[float, int]] = []
    for i, (_, _, _, n, weight) in enumerate(cands):
        k, top = n - 1, (0.0, 1)  # best chain ending below n (index stored as -index)
        while k > 0:
            top = max(top, tree[k])
            k -= k & -k
        score = (top[0] + weight, -i)
        back.append(-top[1] if top[1] <= 0 else -1)
        best.append(score)
        k = n
        while k <= size:
            tree[k] = max(tree[k], score)
            k += k & -k
    i = -max(best)[1]
    chain = []
    while i >= 0:
        chain.append(cands[i])
        i = back[i]
    return [(ti, start, end, str(n)) for ti, start, end, n, _ in reversed(chain)]


# ------------------------------------------------------------- the Samenstelling note

_SAMENSTELLING = re.compile(r"^\s*[*_]*samenstelling[*_]*\s*:?\s*", re.I)
_MEMBER = re.compile(
    # never started inside a run of spaces, the name from and to a non-space: linear
    # (the lazy name between two \s* was quadratic on spaces)
    r"(?<!\s)\s*+(?:,|;|\ben\b)?\s*+(?P<name>[^,;()\s](?:[^,;()]{0,78}?[^,;()\s])?)\s*+"
    r"\((?P<fractie>[^()]{1,60})\)"
    r"(?:\s*+\((?P<role>[^()]{1,40})\))?"
    r"(?:\s*+,\s*+(?P<role2>(?:vice|onder)?voorzitter|plv\.?\s*voorzitter)\b(?=\s*+(?:[,;]|$)))?",
    re.I)
_GROUP_LABEL = re.compile(r"^(?:(?P<plv>plv\.?|plaatsvervangende)\s*)?leden\s*:\s*", re.I)


def is_samenstelling(text: str) -> bool:
    """``Samenstelling: Kox (SP), ...``: note 1 of every verslag, the committee's
    composition, not a citation."""
    return bool(_SAMENSTELLING.match(text)) and "(" in text


def parse_samenstelling(text: str) -> list[Member]:
    """The members of a committee from its Samenstelling note, in order, as
    :class:`Member` ``(name, fractie, role)``; fractie names by the table
    (:mod:`.fracties`)::

        parse_samenstelling("Samenstelling: Kox (SP), Van Bijsterveld (CDA), Dittrich (D66) "
                            "(voorzitter), Karimi (GroenLinks-PvdA) en Nanninga (Fractie-Nanninga)")
        -> [Member("Kox", "SP"), Member("Van Bijsterveld", "CDA"),
            Member("Dittrich", "D66", "voorzitter"), Member("Karimi", "GroenLinks-PvdA"),
            Member("Nanninga", "Fractie-Nanninga")]

    The Tweede Kamer form ``Samenstelling: Leden: Van der Staaij (SGP), voorzitter, ...
    Plv. leden: Bosma (PVV), ...`` gives role ``"voorzitter"`` and ``"plaatsvervangend
    lid"``. Returns ``[]`` for a note that is not a Samenstelling.
    """
    m = _SAMENSTELLING.match(text)
    if not m:
        return []
    body = " ".join(text[m.end():].replace("*", "").split())
    out: list[Member] = []
    # "Leden: ... Plv. leden: ...": the substitutes' part
    parts = re.split(r"(?i)\b((?:plv\.?|plaatsvervangende)\s*leden\s*:)", body)
    substitute = False
    for part in parts:
        if _GROUP_LABEL.match(part.strip()) and part.strip().endswith(":"):
            substitute = bool(_GROUP_LABEL.match(part.strip()).group("plv"))
            continue
        for mm in _MEMBER.finditer(part):
            name = _GROUP_LABEL.sub("", mm.group("name").strip(" ,;")).strip()
            name = re.sub(r"^(?:en|,)\s+", "", name)
            if not name or not name[0].isupper():
                continue
            written = mm.group("fractie").strip()
            fractie = canonical_fractie(written) or written
            role = (mm.group("role") or mm.group("role2") or "").strip().lower() or None
            if role is not None and canonical_fractie(role):
                role = None
            if role is None and substitute:
                role = "plaatsvervangend lid"
            out.append(Member(name, fractie, role))
    return out


# ------------------------------------------------------------ numbered items in text

def _inline_item(number: int) -> re.Pattern:
    return re.compile(r"([?.!:;][\"'’”)]?(?:\s*<sup>[^<>]{1,8}</sup>)?)[ \t]+(" + str(number)
                      + r")[.)][ \t]+(?=[A-Z\"'‘“(*])")


def inline_items(text: str, first: int, need_two: bool = False) -> list[tuple[int, int, int]]:
    """Numbered items run on inside one line, as text copied from a web page or an OCR
    page prints them: ``"Hoe ...? 2. De leden vragen ... 3. Waarom ...?"``. Returns
    ``(end of the text before, number, start of the item's text)`` for items ``first``,
    ``first + 1``, ... in sequence, each after the end of a sentence (not after an
    abbreviation: ``"zie p. 2. De ..."`` is a page). With ``need_two`` at least two items
    must follow (a text line that starts a list: ``"... de volgende vragen: 1. Hoe ...?
    2. Wat ...?"``)::

        inline_items("Hoe ziet de regering dit? 2. De leden vragen of dat klopt.", 2)
            -> [(25, 2, 29)]
    """
    out: list[tuple[int, int, int]] = []
    pos = 0
    number = first
    while True:
        found = None
        for m in _inline_item(number).finditer(text, pos):
            word = _word_before(text, m.start(1)).lower()
            if m.group(1)[0] == "." and (word in ABBREVIATIONS or (
                    _DOTTED.match(word) and "." in word) or word.isdigit()):
                continue
            found = m
            break
        if found is None:
            break
        out.append((found.end(1), number, found.end()))
        pos = found.end()
        number += 1
    if need_two and len(out) < 2:
        return []
    return out


_NO_DOT_ITEM = re.compile(r"^(?P<indent>[ \t]*)(?P<num>\d{1,2})[ \t]+(?P<text>[A-Z\"'‘“(][^\n]*)$")
_CITATION_START = re.compile(r"^(?:Kamerstuk(?:ken)?|Handelingen|Aanhangsel|Idem|Ibid|Zie|Stb|Stcrt|Trb|"
                             r"Samenstelling|COM|SWD|https?:|www\.|Brief|Motie|Rapport)\b")


def item_without_dot(line: str) -> tuple[int, str, int] | None:
    """``"3 Hoe beoordeelt de regering ...?"``: a numbered item printed without its dot
    (OCR, copied text) as ``(number, text, indent)``; the caller decides by the
    sequence (the item after item 2 is 3). Not a note body (``"2 Kamerstukken I ..."``)
    and not a sentence starting with a number (``"3 procent van ..."``: lower case)."""
    m = _NO_DOT_ITEM.match(line)
    if not m or _CITATION_START.match(m.group("text")):
        return None
    return int(m.group("num")), m.group("text"), len(m.group("indent").expandtabs(4))


_POSTSCRIPT = re.compile(r"^\s*[*_]*(?:P\.?\s?S\.?|N\.?\s?B\.?)[*_]*\s*[:.\-–]?\s+\S")


def is_postscript(line: str) -> bool:
    """``PS: Kan de regering ...?``, ``P.S. De leden ...``, ``NB: ...``: text after the
    signature that still belongs to the letter."""
    return bool(_POSTSCRIPT.match(line))


#: A note body on a line of its own, numbered plainly (``2 Kamerstukken I 2025/26, ...``)
#: or with a parenthesis, as written questions print them (``1) NOS, 31 januari 2024.``).
PLAIN_NOTE_BODY = re.compile(r"^\s*+(\d{1,3})\s++(\S.*)$")
PAREN_NOTE_BODY = re.compile(r"^\s*+(\d{1,2})\)\s++(\S.*)$")


def trailing_note_bodies(lines: list[str], after: int = -1
                         ) -> tuple[str, list[tuple[int, int, str]]] | None:
    """The note bodies at the very end of a text, with no rule or "Noten" before them:
    the last run, after line ``after``, that starts with body 1 and goes on with 2, 3 ...
    to the end, numbered plainly (``1 NOS, 8 november 2023``, form ``"plain"``) or with a
    parenthesis (``1) NOS, 31 januari 2024.``, form ``"paren"``); a line that starts with
    no number continues the body before it, blank lines are passed over, a number out of
    sequence means no run. ``(form, [(line index, number, text)])`` or None."""
    start = form = None
    for i in range(len(lines) - 1, after, -1):
        if not lines[i].lstrip()[:1] == "1":  # most lines: no body 1, no pattern tried
            continue
        for name, pattern in (("paren", PAREN_NOTE_BODY), ("plain", PLAIN_NOTE_BODY)):
            m = pattern.match(lines[i])
            if m and m.group(1) == "1":
                start, form = i, name
                break
        if start is not None:
            break
    if start is None:
        return None
    pattern = PAREN_NOTE_BODY if form == "paren" else PLAIN_NOTE_BODY
    bodies: list[tuple[int, int, str]] = []
    for i in range(start, len(lines)):
        t = lines[i].strip()
        if not t:
            continue
        m = pattern.match(t)
        if m and int(m.group(1)) == len(bodies) + 1:
            bodies.append((i, int(m.group(1)), m.group(2).strip()))
        elif bodies and not m:
            j, n, body = bodies[-1]
            bodies[-1] = (j, n, f"{body} {t}")
        else:
            return None
    return form, bodies


def mark_trailing_notes(lines: list[str]) -> bool:
    """The note bodies at the very end of written questions (:func:`trailing_note_bodies`)
    and their markers, ``... voor Oekraïne? 1)`` for bodies ``1)``, a digit glued to the
    text for plain ones (``Oekraïne'?1``, :func:`glued_note_markers`): rewrites ``lines``
    in place, markers and bodies as ``<sup>n</sup>``, and says whether it did. Only when
    every body has its marker, in order, in the text before them (a ``1)`` marker follows a
    word or a mark, never starts a line: ``1) Kan de regering ...?`` is an item)."""
    found = trailing_note_bodies(lines)
    if found is None:
        return False
    form, bodies = found
    before = lines[:bodies[0][0]]
    if form == "plain":
        markers = [(li, a, b, int(n)) for li, a, b, n in glued_note_markers(before, [n for _, n, _ in bodies])]
    else:
        markers = _paren_markers(before, len(bodies))
    if [n for *_, n in markers] != list(range(1, len(bodies) + 1)):
        return False  # a body without its marker: not notes
    for li, start, end, n in reversed(markers):
        lines[li] = f"{lines[li][:start]}<sup>{n}</sup>{lines[li][end:]}"
    pattern = PAREN_NOTE_BODY if form == "paren" else PLAIN_NOTE_BODY
    for i, n, _ in bodies:
        lines[i] = f"<sup>{n}</sup> {pattern.match(lines[i]).group(2)}"
    return True


def _paren_markers(lines: list[str], count: int) -> list[tuple[int, int, int, int]]:
    """Markers ``1)`` ... ``count)`` in order in ``lines``, each after a word or a mark
    (``Oekraïne? 1)``, not ``(1)`` or an item's ``1)`` at the start of a line): (line,
    start, end, number); fewer when one is missing."""
    out: list[tuple[int, int, int, int]] = []
    li, col = 0, 0
    for n in range(1, count + 1):
        pattern = re.compile(rf"(?<=[^\s\d(])\s?({n})\)(?![\w)])")
        while li < len(lines):
            m = pattern.search(lines[li], col)
            if m:
                out.append((li, m.start(), m.end(), n))
                col = m.end()
                break
            li, col = li + 1, 0
        else:
            break
    return out
