"""Fetch: the official papers from the KOOP SRU 2.0 service into a local cache folder.

officielebekendmakingen.nl publishes every Kamerstuk, Handelingen item and Aanhangsel as
XML, PDF and HTML; the KOOP search service ``https://repository.overheid.nl/sru`` finds
them by CQL query and answers with SRU 2.0 records (namespace
``http://docs.oasis-open.org/ns/search-ws/sruResponse``)::

    <sru:searchRetrieveResponse>
      <sru:numberOfRecords>3</sru:numberOfRecords>
      <sru:records><sru:record><sru:recordData><gzd:gzd>
        <gzd:originalData><overheidwetgeving:meta>
          <overheidwetgeving:owmskern>
            <dcterms:identifier>kst-36871-O</dcterms:identifier>
            <dcterms:title>Kabinetsappreciatie onderzoeksrapport Clingendael; Brief regering</dcterms:title>
            <dcterms:type scheme="OVERHEIDop.Parlementair">Kamerstuk</dcterms:type>
            <dcterms:type scheme="OVERHEIDop.KamerstukTypen">Brief regering</dcterms:type>
            <dcterms:creator>Eerste Kamer der Staten-Generaal</dcterms:creator>
          </overheidwetgeving:owmskern>
          <overheidwetgeving:owmsmantel><dcterms:available>2026-05-20</dcterms:available>…
          <overheidwetgeving:tpmeta><overheidwetgeving:dossiernummer>36871</…>…
        </overheidwetgeving:meta></gzd:originalData>
        <gzd:enrichedData>
          <gzd:itemUrl manifestation="xml">https://repository.overheid.nl/frbr/officielepublicaties/kst/36871/kst-36871-O/1/xml/kst-36871-O.xml</gzd:itemUrl>
          <gzd:itemUrl manifestation="pdf">…/pdf/kst-36871-O.pdf</gzd:itemUrl>
        </gzd:enrichedData>
      </gzd:gzd></sru:recordData></sru:record></sru:records>
      <sru:nextRecordPosition>3</sru:nextRecordPosition>
    </sru:searchRetrieveResponse>

A :class:`Selection` says what to fetch and becomes CQL queries
(``c.product-area==officielepublicaties AND w.dossiernummer==36871``,
``... AND (dt.identifier==kst-36871-O OR dt.identifier==kst-36871-P)``, the attachments of
a paper by ``w.hoofddocument==kst-36871-O``, date ranges on ``dt.available``, the chamber
on ``dt.creator``, the document type on ``dt.type``); pages of records are read by
``startRecord``/``maximumRecords`` until ``numberOfRecords`` (or no ``nextRecordPosition``).
The documents themselves are downloaded from the records' ``itemUrl``\\ s.

**The cache** (``kamerxref fetch -o CACHE``), one folder per document::

    CACHE/kst-36871-O/kst-36871-O.xml     one file per manifestation, bytes as served
    CACHE/kst-36871-O/kst-36871-O.pdf
    CACHE/kst-36871-O/pages.json          text per page of the PDF (derived, for the explorer)
    CACHE/kst-36871-O/record.json         the metadata record: identifier, title, type,
                                          dates, dossier, URLs, sha256 and size per file,
                                          fetched_at

Every file is written atomically (temp file + rename, :func:`~kamerxref.exporters.io.write_atomic`)
and ``record.json`` last, so an interrupted run or a full disk leaves no half-written file
and no record claiming one. ``fetched_at`` (in ``record.json`` only) is the one value that
depends on the clock. A re-run downloads only what is missing, damaged (sha256 differs) or
changed (the record's ``dcterms:modified`` differs).

**Politeness**: one client (httpx) with a User-Agent naming kamerxref, at least
``delay`` seconds between requests (0.5 s by default), retries with exponential backoff on
429 (``Retry-After`` honoured), 5xx, timeouts and broken downloads (a body shorter than its
``Content-Length`` is retried, never cached).

Errors a user can act on are :class:`~kamerxref.graph.model.Issue`\\ s of one line naming
the document (``kst-99999-Z: no such document in the SRU service``, ``kst-36871-O: pdf:
HTTP 404 Not Found at https://…``); the run goes on. No network and a full disk stop the
run (:class:`FetchStopped`): the cache keeps what was complete.

Tested against a local HTTP server serving SRU responses and documents written from the
published format; the live service could not be reached from the build machines.
"""
from __future__ import annotations

import datetime as _dt
import errno
import hashlib
import json
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from email.utils import parsedate_to_datetime
from pathlib import Path

from .documents import PAGES_FILE, RECORD_FILE
from .model import Issue, Letter

__all__ = ["SRU_URL", "FORMATS", "Selection", "Record", "Manifestation", "FetchResult",
           "FetchStopped", "Http", "Cache", "parse_sru", "fetch", "offline_report",
           "cited_documents", "user_agent"]

SRU_URL = "https://repository.overheid.nl/sru"
PROJECT_URL = "https://pypi.org/project/kamerxref/"
#: Manifestations kamerxref downloads; the service also offers ``odt`` and ``metadata``.
FORMATS = ("xml", "pdf", "html")
PAGE_SIZE = 100  # records per SRU request (the service allows up to 1000)
BATCH = 20  # identifiers OR-ed into one query
MAX_RETRY_AFTER = 300.0  # seconds; a server asking for more is reported, not waited for

#: Citation kinds whose documents are official publications in the KOOP service.
FETCHABLE_KINDS = {"kamerstuk", "handelingen", "aanhangsel", "staatsblad", "staatscourant",
                   "tractatenblad"}
_SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,150}$")
_CHAMBERS = {"ek": "Eerste Kamer der Staten-Generaal", "tk": "Tweede Kamer der Staten-Generaal"}


def user_agent() -> str:
    """``kamerxref/0.1.0 (+https://pypi.org/project/kamerxref/) httpx/0.29.0``."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        own = version("kamerxref")
    except PackageNotFoundError:  # pragma: no cover - running from a plain checkout
        own = "dev"
    import httpx

    return f"kamerxref/{own} (+{PROJECT_URL}) httpx/{httpx.__version__}"


# -- the records ------------------------------------------------------------------------


@dataclass
class Manifestation:
    """One file form of a document: ``xml`` at its ``itemUrl``; once cached, its file
    name in the entry folder, sha256 and size."""

    format: str
    url: str
    file: str = ""
    sha256: str = ""
    bytes: int = 0


@dataclass
class Record:
    """The metadata of one document as the SRU service describes it.

    ``Record("kst-36871-O", title="Kabinetsappreciatie onderzoeksrapport Clingendael; Brief
    regering", type="Kamerstuk", subtype="Brief regering", available="2026-05-20",
    dossier="36871", ondernummer="O", creator="Eerste Kamer der Staten-Generaal")``; a
    bijlage (``blg-1234567``) names its paper in ``hoofddocument``.
    """

    identifier: str
    title: str = ""
    type: str = ""  # dcterms:type, scheme OVERHEIDop.Parlementair (Kamerstuk, Bijlage, Handelingen)
    subtype: str = ""  # scheme OVERHEIDop.KamerstukTypen (Brief regering, Verslag, Motie)
    available: str = ""  # dcterms:available: published on officielebekendmakingen
    date: str = ""  # dcterms:date / issued: the document's own date
    modified: str = ""  # dcterms:modified: a change means the cached files are stale
    creator: str = ""  # Eerste Kamer der Staten-Generaal, a ministry
    dossier: str = ""
    ondernummer: str = ""
    vergaderjaar: str = ""
    hoofddocument: str = ""  # for a bijlage: the paper it belongs to
    preferred_url: str = ""
    manifestations: dict[str, Manifestation] = field(default_factory=dict)
    fetched_at: str = ""

    def to_json(self) -> str:
        """The ``record.json`` text: sorted keys, two-space indent, UTF-8."""
        data = asdict(self)
        data["manifestations"] = {k: data["manifestations"][k] for k in sorted(data["manifestations"])}
        return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str) -> "Record":
        data = json.loads(text)
        if not isinstance(data, dict) or not isinstance(data.get("identifier"), str):
            raise ValueError("no identifier")
        mans = data.pop("manifestations", None) or {}
        if not isinstance(mans, dict):
            raise ValueError("manifestations is not an object")
        known = {f for f in cls.__dataclass_fields__}
        rec = cls(**{k: v for k, v in data.items() if k in known and isinstance(v, str)})
        for fmt, m in mans.items():
            if not isinstance(m, dict):
                raise ValueError(f"manifestation {fmt!r} is not an object")
            rec.manifestations[fmt] = Manifestation(**{k: m[k] for k in Manifestation.__dataclass_fields__
                                                        if k in m})
        return rec

    def same_version(self, other: "Record") -> bool:
        """The same published version: identifier and ``dcterms:modified`` agree."""
        return self.identifier == other.identifier and self.modified == other.modified


@dataclass
class FetchResult:
    """What a fetch did: the records the selection matched, which documents were
    downloaded or were already complete in the cache, the problems (one line each), and
    the number of HTTP requests made."""

    records: list[Record] = field(default_factory=list)
    fetched: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    problems: list[Issue] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    lacking: dict[str, list[str]] = field(default_factory=dict)  # format -> ids not published in it
    requests: int = 0
    stopped: str | None = None  # why the run stopped early (no network, disk full)

    @property
    def failed(self) -> list[str]:
        return sorted({p.source for p in self.problems})


class FetchError(Exception):
    """One request that failed for good (after retries), or an answer that cannot be used."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class NotFound(FetchError):
    """HTTP 404 (or 410)."""


class FetchStopped(FetchError):
    """Nothing more can be done in this run: the network is unreachable or the disk is full."""


# -- CQL ------------------------------------------------------------------------------------


def _cql_value(value: str) -> str:
    """A term as CQL: bare when it is one word of safe characters, else double-quoted."""
    if re.fullmatch(r"[A-Za-z0-9._-]+", value):
        return value
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def normalise_dossier(text: str) -> str:
    """``36 871`` -> ``36871``; ``36 200 VI`` / ``36200 vi`` -> ``36200-VI``;
    ``21501-02`` stays."""
    t = re.sub(r"\s+", " ", text.strip())
    m = re.fullmatch(r"(\d{2})\s?(\d{3})(?:[\s-]+([A-Za-z0-9]+))?", t)
    if not m:
        return t.replace(" ", "")
    return m.group(1) + m.group(2) + (f"-{m.group(3).upper()}" if m.group(3) and not
                                      m.group(3).isdigit() else f"-{m.group(3)}" if m.group(3) else "")


@dataclass
class Selection:
    """What to fetch, as people ask for it; :meth:`queries` turns it into CQL.

    >>> Selection(dossiers=("36871",)).queries()[0]
    'c.product-area==officielepublicaties AND w.dossiernummer==36871'
    >>> Selection(since=_dt.date(2020, 1, 1), chamber="ek", doc_type="verslag").queries()[0]
    'c.product-area==officielepublicaties AND dt.available>=2020-01-01 AND dt.creator=="Eerste Kamer der Staten-Generaal" AND dt.type==Verslag'
    """

    dossiers: tuple[str, ...] = ()
    ids: tuple[str, ...] = ()
    since: _dt.date | None = None
    until: _dt.date | None = None
    chamber: str | None = None  # "ek" or "tk"
    doc_type: str | None = None  # "verslag", "brief regering", "motie" ...
    committee: str | None = None  # words of the committee's name, searched in the text
    bijlagen_of: tuple[str, ...] = ()  # fetch the attachments of these papers

    BASE = "c.product-area==officielepublicaties"

    def is_empty(self) -> bool:
        return not (self.dossiers or self.ids or self.bijlagen_of or self.filters())

    def filters(self) -> list[str]:
        out = []
        if self.since:
            out.append(f"dt.available>={self.since.isoformat()}")
        if self.until:
            out.append(f"dt.available<={self.until.isoformat()}")
        if self.chamber:
            out.append(f"dt.creator=={_cql_value(_CHAMBERS[self.chamber])}")
        if self.doc_type:
            t = self.doc_type.strip()
            out.append(f"dt.type=={_cql_value(t[:1].upper() + t[1:])}")
        if self.committee:
            out.append(f"cql.textAndIndexes={_cql_value(self.committee.strip())}")
        return out

    def queries(self) -> list[str]:
        """One CQL query per dossier, per batch of identifiers and per batch of papers
        whose bijlagen are wanted; the date/chamber/type/committee filters narrow the
        dossier queries (or stand alone); explicit identifiers are taken as they are."""
        filters = self.filters()
        out = []
        for d in self.dossiers:
            out.append(" AND ".join([self.BASE, f"w.dossiernummer=={_cql_value(normalise_dossier(d))}",
                                     *filters]))
        if not self.dossiers and filters and not (self.ids or self.bijlagen_of):
            out.append(" AND ".join([self.BASE, *filters]))
        for index, values in (("dt.identifier", self.ids), ("w.hoofddocument", self.bijlagen_of)):
            values = list(dict.fromkeys(values))
            for i in range(0, len(values), BATCH):
                part = [f"{index}=={_cql_value(v)}" for v in values[i:i + BATCH]]
                out.append(f"{self.BASE} AND " + (part[0] if len(part) == 1 else
                                                  "(" + " OR ".join(part) + ")"))
        return out

    def matches(self, rec: Record, text: Callable[[], str] = lambda: "") -> bool:
        """Whether a cached record answers this selection (for ``--offline``); ``text()``
        gives the cached document's text for ``committee`` (the service searches the full
        text, so offline the title and the cached text are searched)."""
        if rec.identifier in self.ids or rec.hoofddocument in self.bijlagen_of:
            return True
        if self.dossiers and rec.dossier not in {normalise_dossier(d) for d in self.dossiers}:
            return False
        if not self.dossiers and not self.filters():
            return False
        day = rec.available[:10]
        if self.since and (not day or day < self.since.isoformat()):
            return False
        if self.until and (not day or day > self.until.isoformat()):
            return False
        if self.chamber and rec.creator != _CHAMBERS[self.chamber]:
            return False
        if self.doc_type and self.doc_type.strip().lower() not in {rec.type.lower(), rec.subtype.lower()}:
            return False
        if self.committee:
            words = re.sub(r"\s+", " ", self.committee.strip().lower())
            if words not in rec.title.lower() and words not in re.sub(r"\s+", " ", text().lower()):
                return False
        return True


# -- SRU responses ----------------------------------------------------------------------------


def _local(el) -> str:
    tag = el.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _text(el) -> str:
    return re.sub(r"\s+", " ", "".join(el.itertext())).strip() if el is not None else ""


@dataclass
class SruPage:
    """One searchRetrieve answer: the total count, where the next page starts (or None),
    the records, and the records that could not be used."""

    total: int
    next_position: int | None
    records: list[Record]
    problems: list[Issue]


def parse_sru(data: bytes, source: str) -> SruPage:
    """Parse a searchRetrieveResponse (safely: no entities, no network). A diagnostic
    (the service's answer to a query it cannot run) or an answer that is not SRU raises
    :class:`FetchError`; a record without an identifier, or with an identifier that
    cannot name a folder, becomes a problem and the others are kept."""
    from .readers import InputError
    from .readers.safe_xml import parse_xml

    try:
        root = parse_xml(data, source, where="SRU response")
    except InputError as err:
        raise FetchError(f"malformed SRU response: {err.message}") from None
    if _local(root) != "searchRetrieveResponse":
        raise FetchError(f"not an SRU searchRetrieveResponse (root <{_local(root)}>)")
    children = {_local(c): c for c in root}
    diagnostics = [_text(m) for m in root.iter() if _local(m) in ("message", "details") and
                   any(_local(a) == "diagnostics" for a in m.iterancestors())]
    if "numberOfRecords" not in children:
        raise FetchError("SRU service refused the query: " + ("; ".join(d for d in diagnostics if d)
                                                             or "no numberOfRecords in the answer"))
    try:
        total = int(_text(children["numberOfRecords"]))
        nxt = int(_text(children["nextRecordPosition"])) if "nextRecordPosition" in children else None
    except ValueError:
        raise FetchError("malformed SRU response: numberOfRecords/nextRecordPosition is not a number") from None
    records, problems = [], []
    recs = children.get("records")
    for n, rec in enumerate([] if recs is None else [r for r in recs if _local(r) == "record"], 1):
        pos = next((_text(c) for c in rec if _local(c) == "recordPosition"), "") or str(n)
        try:
            records.append(_record(rec))
        except FetchError as err:
            problems.append(Issue(source, f"record {pos}", "malformed-record", err.message))
    return SruPage(total, nxt, records, problems)


def _record(rec) -> Record:
    gzd = next((e for e in rec.iter() if _local(e) == "gzd"), None)
    if gzd is None:
        raise FetchError("malformed SRU record: no gzd:gzd metadata")
    original = next((e for e in gzd if _local(e) == "originalData"), None)
    enriched = next((e for e in gzd if _local(e) == "enrichedData"), None)
    if original is None:
        raise FetchError("malformed SRU record: no gzd:originalData")
    values: dict[str, str] = {}
    types: list[tuple[str, str]] = []
    for el in original.iter():
        name = _local(el)
        if not name or len(el):
            continue
        value = _text(el)
        if not value:
            continue
        if name == "type":
            types.append((el.get("scheme") or "", value))
        elif name == "issued":
            values.setdefault("date", value)
        else:
            values.setdefault(name, value)
    ident = values.get("identifier", "")
    if not ident:
        raise FetchError("malformed SRU record: no dcterms:identifier; skipped")
    if not _SAFE_ID.match(ident) or ".." in ident:
        raise FetchError(f"malformed SRU record: identifier {ident[:60]!r} cannot name a cache "
                         "folder; skipped")
    rec_type = next((v for s, v in types if s == "OVERHEIDop.Parlementair"),
                    next((v for s, v in types if not s.endswith("Typen")), types[0][1] if types else ""))
    subtype = next((v for s, v in types if s.endswith("Typen")), values.get("subrubriek", ""))
    out = Record(identifier=ident, title=values.get("title", ""), type=rec_type, subtype=subtype,
                 available=values.get("available", ""), date=values.get("date", ""),
                 modified=values.get("modified", ""), creator=values.get("creator", ""),
                 dossier=values.get("dossiernummer", ""), ondernummer=values.get("ondernummer", ""),
                 vergaderjaar=values.get("vergaderjaar", ""),
                 hoofddocument=values.get("hoofddocument", ""))
    for el in ([] if enriched is None else enriched.iter()):
        name = _local(el)
        url = _text(el)
        if name == "preferredUrl" and url:
            out.preferred_url = url
        elif name == "itemUrl" and el.get("manifestation") in FORMATS and url:
            if not re.match(r"^https?://", url):
                raise FetchError(f"malformed SRU record {ident}: itemUrl {url[:80]!r} is not http(s)")
            out.manifestations.setdefault(el.get("manifestation"),
                                          Manifestation(el.get("manifestation"), url))
    return out


# -- HTTP ---------------------------------------------------------------------------------------


class Http:
    """The one HTTP client of a fetch run: a User-Agent naming kamerxref, at least
    ``delay`` seconds between requests, and up to ``retries`` retries with exponential
    backoff (``backoff``, 2×, 4× ... seconds; a ``Retry-After`` header is honoured) on
    429, 5xx, timeouts, refused connections and bodies cut short.

    ``sleep`` is injectable so tests can see the waits without waiting.
    """

    def __init__(self, timeout: float = 30.0, delay: float = 0.5, retries: int = 4,
                 backoff: float = 1.0, sleep: Callable[[float], None] = time.sleep,
                 user_agent_text: str | None = None):
        import httpx

        self._httpx = httpx
        self.client = httpx.Client(timeout=timeout, follow_redirects=True,
                                   headers={"User-Agent": user_agent_text or user_agent()})
        self.timeout = timeout
        self.delay = delay
        self.retries = retries
        self.backoff = backoff
        self.sleep = sleep
        self.requests = 0
        self._last: float | None = None

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> "Http":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _pace(self) -> None:
        if self._last is not None and self.delay > 0:
            wait = self.delay - (time.monotonic() - self._last)
            if wait > 0:
                self.sleep(wait)

    def get(self, url: str, params: dict | None = None, accept: str = "*/*") -> bytes:
        """The body of a GET, complete; :class:`NotFound` on 404/410, :class:`FetchError`
        when retries are exhausted, :class:`FetchStopped` when no connection can be made."""
        httpx = self._httpx
        attempt = 0
        while True:
            self._pace()
            self.requests += 1
            wait = None
            refused = False
            try:
                r = self.client.get(url, params=params, headers={"Accept": accept})
            except httpx.TimeoutException:
                reason = f"timed out after {self.timeout:g} s"
            except httpx.ConnectError as err:
                refused = True
                reason = f"cannot connect ({_first_line(err) or 'connection refused'})"
            except (httpx.RemoteProtocolError, httpx.ReadError) as err:
                reason = f"download broken off ({_first_line(err)})"
            except httpx.HTTPError as err:
                reason = f"{type(err).__name__}: {_first_line(err)}"
            else:
                body = r.content
                status = r.status_code
                expected = r.headers.get("content-length")
                if status in (404, 410):
                    raise NotFound(f"HTTP {status} {r.reason_phrase} at {r.url}")
                if status == 429 or 500 <= status < 600:
                    reason = f"HTTP {status} {r.reason_phrase}"
                    wait = _retry_after(r.headers.get("retry-after"))
                    if wait is not None and wait > MAX_RETRY_AFTER:
                        raise FetchError(f"{reason}: the server asks to wait {wait:.0f} s "
                                         "(Retry-After); run again later (it resumes)")
                elif status >= 400:
                    raise FetchError(f"HTTP {status} {r.reason_phrase} at {r.url}")
                elif (expected and expected.isdigit() and "content-encoding" not in r.headers
                      and int(expected) != len(body)):
                    reason = f"download broken off ({len(body)} of {expected} bytes)"
                else:
                    return body
            finally:
                self._last = time.monotonic()
            # a refused connection is retried twice at most (3 tries): it rarely heals in seconds
            if attempt >= (min(self.retries, 2) if refused else self.retries):
                if refused:
                    raise FetchStopped(f"{_host(url)}: {reason} after {attempt + 1} tries: no "
                                       "network? (--offline shows what the cache holds)")
                raise FetchError(f"{reason} after {attempt + 1} tries ({url})")
            self.sleep(wait if wait is not None else self.backoff * 2 ** attempt)
            attempt += 1


def _first_line(err: BaseException) -> str:
    return (str(err).strip().splitlines() or [""])[0][:160]


def _host(url: str) -> str:
    m = re.match(r"^\w+://([^/?#]+)", url)
    return m.group(1) if m else url


def _retry_after(value: str | None) -> float | None:
    """``Retry-After: 2`` -> 2.0; an HTTP date -> seconds from now; else None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=_dt.timezone.utc)
    return max(0.0, (when - _dt.datetime.now(_dt.timezone.utc)).total_seconds())


def search(http: Http, sru_url: str, query: str, limit: int, page_size: int = PAGE_SIZE,
           problems: list[Issue] | None = None) -> tuple[int, list[Record]]:
    """All records of a CQL query, page by page (``startRecord``/``maximumRecords``), at
    most ``limit``; returns the service's total count and the records."""
    start, out, total = 1, [], 0
    while len(out) < limit:
        params = {"operation": "searchRetrieve", "version": "2.0", "query": query,
                  "startRecord": str(start), "maximumRecords": str(min(page_size, limit - len(out))),
                  "httpAccept": "application/xml"}
        data = http.get(sru_url, params=params, accept="application/xml")
        page = parse_sru(data, f"{sru_url}?query={query}&startRecord={start}")
        total = page.total
        out.extend(page.records)
        if problems is not None:
            problems.extend(page.problems)
        got = len(page.records) + len(page.problems)
        nxt = page.next_position if page.next_position is not None else (
            start + got if start + got <= total else None)
        if not got or nxt is None or nxt <= start or nxt > total:
            break
        start = nxt
    return total, out[:limit]


# -- the cache ------------------------------------------------------------------------------------


class Cache:
    """The cache folder: ``CACHE/<identifier>/`` holds the manifestations as served,
    ``pages.json`` (page texts of the PDF) and ``record.json`` (written last)."""

    def __init__(self, root: str | Path):
        self.root = Path(root)

    def folder(self, ident: str) -> Path:
        return self.root / ident

    def load(self, ident: str) -> Record | None:
        """The cached record, or None when absent or unreadable."""
        path = self.folder(ident) / RECORD_FILE
        try:
            return Record.from_json(path.read_text(encoding="utf-8"))
        except (OSError, ValueError, TypeError):
            return None

    def records(self) -> tuple[list[Record], list[Issue]]:
        """Every record in the cache (sorted by identifier) and the unreadable ones."""
        out, issues = [], []
        if not self.root.is_dir():
            return out, issues
        for path in sorted(self.root.glob(f"*/{RECORD_FILE}")):
            try:
                out.append(Record.from_json(path.read_text(encoding="utf-8")))
            except (OSError, ValueError, TypeError) as err:
                issues.append(Issue(str(path), "", "bad-record",
                                    f"not a kamerxref cache record ({_first_line(err)})"))
        return out, issues

    def intact(self, cached: Record, fmt: str) -> bool:
        """The cached file of ``fmt`` exists with the recorded size and sha256."""
        m = cached.manifestations.get(fmt)
        if m is None or not m.file or not m.sha256:
            return False
        path = self.folder(cached.identifier) / m.file
        try:
            if path.stat().st_size != m.bytes:
                return False
            return _sha256_file(path) == m.sha256
        except OSError:
            return False

    def write(self, path: Path, data: bytes | str) -> None:
        """Write atomically; a full disk or an unwritable folder stops the run."""
        from kamerxref.exporters.io import write_atomic

        try:
            write_atomic(path, data)
        except OSError as err:
            if err.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
                raise FetchStopped(f"{path}: disk full ({err.strerror}); nothing half-written was "
                                   "kept: free some space and run again (it resumes)") from None
            raise FetchStopped(f"{path}: cannot write ({err.strerror or err})") from None


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


# -- fetching -------------------------------------------------------------------------------------


def fetch(selection: Selection, cache_dir: str | Path, http: Http, formats: Iterable[str] = ("xml",),
          sru_url: str = SRU_URL, max_records: int = 1000, page_size: int = PAGE_SIZE,
          progress: Callable[[int], None] | None = None,
          on_records: Callable[[int], None] | None = None) -> FetchResult:
    """Search, then download what the cache is missing. ``on_records(n)`` is called once
    with the number of documents found (to size a progress bar), ``progress(1)`` after
    each document. Never raises for one document: problems are collected; a stop (no
    network, disk full) ends the run with ``result.stopped`` set."""
    formats = tuple(f for f in FORMATS if f in set(formats))
    cache = Cache(cache_dir)
    result = FetchResult()
    found: dict[str, Record] = {}
    try:
        for query in selection.queries():
            left = max_records - len(found)
            if left <= 0:
                result.notes.append(f"stopped at --max-records {max_records}; more documents match")
                break
            try:
                total, recs = search(http, sru_url, query, left, page_size, result.problems)
            except FetchStopped:
                raise
            except FetchError as err:
                result.problems.append(Issue(sru_url, f"query {query}", "sru-error", err.message))
                continue
            if total > len(recs) and len(recs) == left:
                result.notes.append(f"{total} documents match {query!r}; fetched the first "
                                    f"{left} (--max-records)")
            for r in recs:
                found.setdefault(r.identifier, r)
        for ident in selection.ids:
            if ident not in found:
                result.problems.append(Issue(ident, "", "not-found",
                                             "no such document in the SRU service (0 records for "
                                             f"dt.identifier=={ident})"))
        result.records = [found[k] for k in sorted(found)]
        if on_records:
            on_records(len(result.records))
        for rec in result.records:
            _fetch_record(rec, cache, http, formats, result)
            if progress:
                progress(1)
    except FetchStopped as err:
        result.stopped = err.message
    for fmt, ids in sorted(result.lacking.items()):
        result.notes.append(f"not published as {fmt} (only their record is cached in that "
                            f"form): {', '.join(ids[:5])}{f' and {len(ids) - 5} more' if len(ids) > 5 else ''}")
    result.requests = http.requests
    return result


def _fetch_record(rec: Record, cache: Cache, http: Http, formats: tuple[str, ...],
                  result: FetchResult) -> None:
    cached = cache.load(rec.identifier)
    same = cached is not None and cached.same_version(rec)
    folder = cache.folder(rec.identifier)
    kept: dict[str, Manifestation] = {}
    downloaded = False
    failed = False
    for fmt in formats:
        m = rec.manifestations.get(fmt)
        if m is None:
            continue
        if same and cache.intact(cached, fmt) and cached.manifestations[fmt].url == m.url:
            kept[fmt] = cached.manifestations[fmt]
            continue
        try:
            data = http.get(m.url)
        except (FetchStopped, KeyboardInterrupt):
            raise
        except FetchError as err:
            result.problems.append(Issue(rec.identifier, fmt, "download", err.message))
            failed = True
            continue
        name = f"{rec.identifier}.{fmt}"
        cache.write(folder / name, data)
        kept[fmt] = Manifestation(fmt, m.url, name, hashlib.sha256(data).hexdigest(), len(data))
        downloaded = True
        if fmt == "pdf":
            _write_pages(folder / name, kept[fmt], cache, result)
    for fmt in formats:
        if fmt not in rec.manifestations:
            result.lacking.setdefault(fmt, []).append(rec.identifier)
    new = Record(**{**asdict(rec), "manifestations": {}})
    # keep what an earlier run cached of the same version in formats not asked for now
    if same:
        for fmt, m in cached.manifestations.items():
            if fmt not in formats and fmt in rec.manifestations and cache.intact(cached, fmt):
                kept[fmt] = m
    new.manifestations = kept
    if failed and not downloaded:
        return  # the record of the last good version (if any) stays as it was
    if not downloaded and same and cached.manifestations == kept:
        if not failed:
            result.unchanged.append(rec.identifier)
        return
    new.fetched_at = _now()
    cache.write(folder / RECORD_FILE, new.to_json())
    if downloaded or not same:
        result.fetched.append(rec.identifier)


def _write_pages(pdf: Path, m: Manifestation, cache: Cache, result: FetchResult) -> None:
    """``pages.json``: the text of each page of the PDF (for the explorer to show the
    cited page); skipped with a note when pdfplumber is missing or the PDF has no text."""
    from .readers import InputError
    from .readers.pdf import pdf_page_texts

    try:
        pages = pdf_page_texts(pdf)
    except InputError as err:
        result.notes.append(f"{pdf}: no page text ({err.message})")
        return
    doc = {"file": m.file, "sha256": m.sha256, "pages": pages}
    cache.write(pdf.parent / PAGES_FILE, json.dumps(doc, ensure_ascii=False, indent=1) + "\n")


def offline_report(selection: Selection, cache_dir: str | Path,
                   formats: Iterable[str] = ("xml",)) -> FetchResult:
    """What the cache holds for a selection, without any network: matching records
    whose files are intact count as ``unchanged``; requested identifiers the cache lacks,
    and damaged files, are problems."""
    cache = Cache(cache_dir)
    result = FetchResult()
    records, result.problems = cache.records()
    formats = tuple(formats)
    for rec in records:
        if not selection.matches(rec, lambda: _cached_text(cache, rec)):
            continue
        result.records.append(rec)
        damaged = [f for f in rec.manifestations if not cache.intact(rec, f)]
        if damaged:
            result.problems.append(Issue(rec.identifier, "/".join(damaged), "damaged",
                                         "cached file missing or its sha256 differs; fetch again"))
        else:
            result.unchanged.append(rec.identifier)
        lacking = [f for f in formats if f not in rec.manifestations]
        if lacking:
            result.notes.append(f"{rec.identifier}: no {'/'.join(lacking)} in the cache")
    have = {r.identifier for r in records}
    for ident in selection.ids:
        if ident not in have:
            result.problems.append(Issue(ident, "", "not-cached", "not in the cache"))
    return result


def _cached_text(cache: Cache, rec: Record) -> str:
    """The text of a cached document's XML or HTML (markup dropped), or ""."""
    for fmt in ("xml", "html"):
        m = rec.manifestations.get(fmt)
        if m and m.file:
            try:
                raw = (cache.folder(rec.identifier) / m.file).read_bytes()
            except OSError:
                continue
            return re.sub(r"<[^>]*>", " ", raw.decode("utf-8", errors="replace"))
    return ""


def cited_documents(letters: Iterable[Letter]) -> tuple[list[str], list[str], list[str]]:
    """What letters cite, for ``fetch --cited``: the official publications
    (``kst-36871-O``, ``h-ek-20252026-12-3``, ``stb-2018-84`` ...), those cited with a
    ``bijlage`` part (their attachments are fetched too), and the other cited documents
    (EU documents, E-dossiers, case law), which are not in the KOOP service.

    Seed 181524 cites ``kst-36871-O`` and its bijlage: ``(["kst-36871-O"], ["kst-36871-O"], [])``.
    """
    fetchable, bijlage, other = set(), set(), set()
    for letter in letters:
        cits = [c for fn in letter.footnotes for c in fn.citations]
        cits += [c for p in letter.paragraphs for c in p.citations]
        cits += list(letter.about)
        for c in cits:
            if c.kind in FETCHABLE_KINDS and _SAFE_ID.match(c.document):
                fetchable.add(c.document)
                if c.part == "bijlage":
                    bijlage.add(c.document)
            elif c.kind not in ("dossier",):
                other.add(c.document)
    return sorted(fetchable), sorted(bijlage), sorted(other)
