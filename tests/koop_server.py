"""A local stand-in for the KOOP services, for the fetch tests: a real HTTP server on
127.0.0.1 (a free port) that answers SRU 2.0 searchRetrieve requests and serves documents.

The SRU answers are written from the published format of ``repository.overheid.nl/sru``
(namespace ``http://docs.oasis-open.org/ns/search-ws/sruResponse``, records with
``gzd:gzd/gzd:originalData`` holding ``overheidwetgeving:meta`` — ``owmskern`` with
``dcterms:identifier/title/type/creator/modified``, ``owmsmantel`` with
``dcterms:available/date``, ``tpmeta`` with ``dossiernummer``, ``ondernummer``,
``vergaderjaar``, ``hoofddocument`` — and ``gzd:enrichedData`` with ``gzd:preferredUrl`` and
``gzd:itemUrl manifestation="xml|pdf|html"``). A query the server does not know gets the
service's answer to a bad query: HTTP 200 with a ``diagnostics`` element and no count.

Like a real server, it caps ``maximumRecords`` (:attr:`FakeKoop.max_page`), so a client
must page with ``startRecord`` / ``nextRecordPosition``. Faults are scripted per path: a
list of :class:`Reply` served in turn (the last one repeats), each with a status, headers,
a delay before answering (for client timeouts), or a body cut short of its
``Content-Length``.
"""
from __future__ import annotations

import html
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

SRU_NS = ('xmlns:sru="http://docs.oasis-open.org/ns/search-ws/sruResponse" '
          'xmlns:gzd="http://standaarden.overheid.nl/sru" '
          'xmlns:dcterms="http://purl.org/dc/terms/" '
          'xmlns:overheidwetgeving="http://standaarden.overheid.nl/wetgeving/" '
          'xmlns:c="http://standaarden.overheid.nl/collectie/"')


@dataclass
class Doc:
    """One published document: its SRU metadata and the bytes of its manifestations."""

    identifier: str
    title: str
    type: str = "Kamerstuk"
    subtype: str = ""
    creator: str = "Eerste Kamer der Staten-Generaal"
    available: str = "2026-01-01"
    date: str = ""
    modified: str = ""
    dossier: str = ""
    ondernummer: str = ""
    vergaderjaar: str = "2025-2026"
    hoofddocument: str = ""
    files: dict[str, bytes] = field(default_factory=dict)  # "xml" -> bytes

    def path(self, fmt: str) -> str:
        folder = self.identifier.split("-")[0]
        return f"/frbr/officielepublicaties/{folder}/{self.identifier}/1/{fmt}/{self.identifier}.{fmt}"


@dataclass
class Reply:
    status: int = 200
    body: bytes | None = None  # None: the document's own bytes
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering
    cut_to: int | None = None  # send only this many bytes of the body (Content-Length says all)


def e(text: str) -> str:
    return html.escape(text, quote=False)


def sru_record(doc: Doc, base: str, position: int) -> str:
    kern = (f"<dcterms:identifier>{e(doc.identifier)}</dcterms:identifier>"
            f"<dcterms:title>{e(doc.title)}</dcterms:title>"
            f'<dcterms:type scheme="OVERHEIDop.Parlementair">{e(doc.type)}</dcterms:type>'
            + (f'<dcterms:type scheme="OVERHEIDop.KamerstukTypen">{e(doc.subtype)}</dcterms:type>'
               if doc.subtype else "")
            + f'<dcterms:creator scheme="OVERHEID.StatenGeneraal">{e(doc.creator)}</dcterms:creator>'
            + f"<dcterms:modified>{e(doc.modified or doc.available)}</dcterms:modified>")
    mantel = (f"<dcterms:available>{e(doc.available)}</dcterms:available>"
              f"<dcterms:date>{e(doc.date or doc.available)}</dcterms:date>")
    tp = ("<c:product-area>officielepublicaties</c:product-area>"
          + (f"<overheidwetgeving:dossiernummer>{e(doc.dossier)}</overheidwetgeving:dossiernummer>" if doc.dossier else "")
          + (f"<overheidwetgeving:ondernummer>{e(doc.ondernummer)}</overheidwetgeving:ondernummer>" if doc.ondernummer else "")
          + (f"<overheidwetgeving:hoofddocument>{e(doc.hoofddocument)}</overheidwetgeving:hoofddocument>" if doc.hoofddocument else "")
          + f"<overheidwetgeving:vergaderjaar>{e(doc.vergaderjaar)}</overheidwetgeving:vergaderjaar>"
          + "<overheidwetgeving:organisatietype>staten generaal</overheidwetgeving:organisatietype>"
          + f"<overheidwetgeving:publicatienaam>{e(doc.type if doc.type != 'Bijlage' else 'Kamerstuk')}</overheidwetgeving:publicatienaam>")
    enriched = (f"<gzd:preferredUrl>https://zoek.officielebekendmakingen.nl/{doc.identifier}.html</gzd:preferredUrl>"
                + "".join(f'<gzd:itemUrl manifestation="{fmt}">{base}{doc.path(fmt)}</gzd:itemUrl>'
                          for fmt in sorted(doc.files)))
    return ("<sru:record><sru:recordSchema>http://standaarden.overheid.nl/sru/</sru:recordSchema>"
            "<sru:recordPacking>xml</sru:recordPacking><sru:recordData><gzd:gzd><gzd:originalData>"
            "<overheidwetgeving:meta>"
            f"<overheidwetgeving:owmskern>{kern}</overheidwetgeving:owmskern>"
            f"<overheidwetgeving:owmsmantel>{mantel}</overheidwetgeving:owmsmantel>"
            f"<overheidwetgeving:tpmeta>{tp}</overheidwetgeving:tpmeta>"
            "</overheidwetgeving:meta></gzd:originalData>"
            f"<gzd:enrichedData>{enriched}</gzd:enrichedData></gzd:gzd></sru:recordData>"
            f"<sru:recordPosition>{position}</sru:recordPosition></sru:record>")


def sru_response(records: list[str], total: int, next_position: int | None) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?>'
            f"<sru:searchRetrieveResponse {SRU_NS}><sru:version>2.0</sru:version>"
            f"<sru:numberOfRecords>{total}</sru:numberOfRecords>"
            f"<sru:records>{''.join(records)}</sru:records>"
            + (f"<sru:nextRecordPosition>{next_position}</sru:nextRecordPosition>" if next_position else "")
            + "</sru:searchRetrieveResponse>").encode("utf-8")


def sru_diagnostic(message: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<searchRetrieveResponse xmlns="http://docs.oasis-open.org/ns/search-ws/sruResponse" '
            'xmlns:ns3="http://docs.oasis-open.org/ns/search-ws/diagnostic"><version>2.0</version>'
            "<diagnostics><ns3:diagnostic><ns3:uri>info:srw/diagnostic/1/10</ns3:uri>"
            f"<ns3:message>{e(message)}</ns3:message></ns3:diagnostic></diagnostics>"
            "</searchRetrieveResponse>").encode("utf-8")


class FakeKoop:
    """``with FakeKoop() as koop: koop.add(doc); koop.query(cql, [ids]); koop.url``."""

    def __init__(self, max_page: int = 2):
        self.docs: dict[str, Doc] = {}
        self.queries: dict[str, list[str]] = {}
        self.replies: dict[str, list[Reply]] = {}
        self.log: list[tuple[str, dict, dict]] = []  # (path, params, headers)
        self.max_page = max_page
        self._lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.02},
                                       daemon=True)

    def __enter__(self) -> "FakeKoop":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    @property
    def sru_url(self) -> str:
        return self.url + "/sru"

    def add(self, *docs: Doc) -> None:
        for d in docs:
            self.docs[d.identifier] = d

    def query(self, cql: str, ids: list[str]) -> None:
        self.queries[cql] = ids

    def script(self, path: str, *replies: Reply) -> None:
        self.replies[path] = list(replies)

    def requests_to(self, prefix: str) -> list[tuple[str, dict, dict]]:
        return [r for r in self.log if r[0].startswith(prefix)]

    def _next_reply(self, path: str) -> Reply | None:
        with self._lock:
            queue = self.replies.get(path)
            if not queue:
                return None
            return queue.pop(0) if len(queue) > 1 else queue[0]

    def _handler(self):
        koop = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # quiet
                pass

            def do_GET(self):
                parts = urlsplit(self.path)
                params = {k: v[0] for k, v in parse_qs(parts.query).items()}
                with koop._lock:
                    koop.log.append((parts.path, params, dict(self.headers)))
                reply = koop._next_reply(parts.path)
                if parts.path == "/sru":
                    body = koop._sru(params)
                else:
                    body = koop._file(parts.path)
                if reply is None:
                    reply = Reply(200 if body is not None else 404)
                if reply.body is not None:
                    body = reply.body
                elif reply.status != 200 or body is None:
                    body = f"{reply.status}".encode()
                try:
                    if reply.delay:
                        time.sleep(reply.delay)
                    self.send_response(reply.status)
                    ctype = "application/xml" if parts.path == "/sru" or parts.path.endswith(".xml") else (
                        "application/pdf" if parts.path.endswith(".pdf") else "text/html")
                    self.send_header("Content-Type", ctype)
                    self.send_header("Content-Length", str(len(body)))
                    for k, v in reply.headers.items():
                        self.send_header(k, v)
                    if reply.cut_to is not None:
                        self.send_header("Connection", "close")
                        self.close_connection = True
                    self.end_headers()
                    self.wfile.write(body if reply.cut_to is None else body[:reply.cut_to])
                    self.wfile.flush()
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout)
                    self.close_connection = True

        return Handler

    def _sru(self, params: dict) -> bytes:
        cql = params.get("query", "")
        if cql not in self.queries:
            return sru_diagnostic(f"line 1:0 no index matches the query {cql!r}")
        ids = self.queries[cql]
        start = int(params.get("startRecord", "1"))
        size = min(int(params.get("maximumRecords", "10")), self.max_page)
        chunk = ids[start - 1:start - 1 + size]
        records = [sru_record(self.docs[i], self.url, start + n) if i in self.docs else i
                   for n, i in enumerate(chunk)]
        nxt = start + len(chunk) if start - 1 + len(chunk) < len(ids) else None
        return sru_response(records, len(ids), nxt)

    def _file(self, path: str) -> bytes | None:
        for d in self.docs.values():
            for fmt, data in d.files.items():
                if d.path(fmt) == path:
                    return data
        return None
