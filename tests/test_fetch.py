"""kamerxref fetch: the KOOP SRU client and the cache, against a real local HTTP server.

No network reaches the build machines, so every test talks to :class:`koop_server.FakeKoop`
(127.0.0.1, a free port) serving SRU 2.0 answers and documents written from the published
format: paging, 429 with Retry-After, 500, a timeout, a body cut short, 404, a malformed
record, no server at all, a full disk. The cache is then read by ``build`` like any input.
"""
from __future__ import annotations

import errno
import json
import shutil
import socket
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SEED_000
from koop_server import Doc, FakeKoop, Reply
from pdf_fixtures import text_pdf

from kamerxref.cli import main
from kamerxref.graph import fetch as F
from kamerxref.graph.documents import read_documents
from kamerxref.graph.readers import input_files

BASE = "c.product-area==officielepublicaties"
FAST = ["--delay", "0", "--backoff", "0.01", "--timeout", "5", "-q"]


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


# -- documents in the officiele-publicatie form -------------------------------------------


def kamerstuk_xml(ident: str, dossier: str, onder: str, titel: str, iso: str, datum: str,
                  body: str, dossiertitel: str = "Migratiebeleid") -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<officiele-publicatie xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://technische-documentatie.oep.overheid.nl/schema/op-xsd-2012-2">
  <metadata>
    <meta name="OVERHEIDop.externMetadataRecord" scheme="" content="https://zoek.officielebekendmakingen.nl/{ident}/metadata.xml"/>
  </metadata>
  <kamerstuk>
    <kamerstukkop><kamer nummer="1">Eerste Kamer der Staten-Generaal</kamer><vergaderjaar>Vergaderjaar 2025-2026</vergaderjaar></kamerstukkop>
    <dossier><dossiernummer><dossiernr>{dossier}</dossiernr></dossiernummer><titel>{dossiertitel}</titel></dossier>
    <stuk>
      <stuknr><ondernummer>{onder}</ondernummer></stuknr>
      <titel>{titel}</titel>
      <algemeen>
        <datumtekst>Vastgesteld <datum isodatum="{iso}">{datum}</datum></datumtekst>
        {body}
      </algemeen>
    </stuk>
  </kamerstuk>
</officiele-publicatie>
""".encode("utf-8")


def verslag(ident: str, onder: str, iso: str, datum: str, vraag: str, noot: str) -> Doc:
    body = (
        "<al>De leden van de vaste commissie voor Immigratie en Asiel / JBZ-Raad"
        '<noot id="n1"><noot.nr>1</noot.nr><noot.al>Samenstelling: Dittrich (D66) (voorzitter), '
        "Karimi (GroenLinks-PvdA).</noot.al></noot> hebben kennisgenomen van de brief van de "
        "regering.</al>"
        "<divisie><kop><titel>BRIEF VAN DE VOORZITTER VAN DE VASTE COMMISSIE VOOR IMMIGRATIE EN "
        "ASIEL / JBZ-RAAD</titel></kop>"
        "<al>Aan de Minister van Asiel en Migratie</al>"
        f"<al>Den Haag, {datum}</al>"
        f'<al>{vraag}<noot id="n2"><noot.nr>2</noot.nr><noot.al>{noot}</noot.al></noot></al>'
        "</divisie>")
    return Doc(ident, f"Migratiebeleid; Verslag van een schriftelijk overleg", subtype="Verslag",
               available=iso, dossier="30573", ondernummer=onder,
               files={"xml": kamerstuk_xml(ident, "30573", onder, "VERSLAG VAN EEN SCHRIFTELIJK OVERLEG",
                                           iso, datum, body),
                      "pdf": text_pdf([[f"Kamerstukken I 2025/26, 30 573, {onder}", "Verslag"]])})


DOSSIER_30573 = [
    verslag("kst-30573-J", "J", "2025-01-31", "31 januari 2025",
            "Kan de regering aangeven hoe zij de instroom wil beperken?",
            "Kamerstukken I 2025/26, 36 871, O, bijlage, p. 40."),
    verslag("kst-30573-K", "K", "2025-06-12", "12 juni 2025",
            "Hoe beoordeelt de regering de samenwerking met derde landen?",
            "Kamerstukken I 2025/26, 36 871, O, p. 5."),
    verslag("kst-30573-L", "L", "2025-11-04", "4 november 2025",
            "Wanneer ontvangt de Kamer de evaluatie van de terugkeerhubs?",
            "Kamerstukken II 2024/25, 29 344, nr. 150."),
]

O_PAGES = [[f"Kamerstukken I 2025/26, 36 871, O", f"pagina {n}"] for n in range(1, 17)]
O_PAGES[4] = ["Kamerstukken I 2025/26, 36 871, O", "De regering kiest voor samenwerking met derde landen."]
BIJLAGE_PAGES = [[f"Clingendael-rapport, pagina {n}"] for n in range(1, 43)]
BIJLAGE_PAGES[39] = ["Terugkeerhubs in derde landen vragen om sterke waarborgen (p. 40)."]

KST_O = Doc("kst-36871-O", "Kabinetsappreciatie onderzoeksrapport Clingendael; Brief regering",
            subtype="Brief regering", creator="Eerste Kamer der Staten-Generaal",
            available="2026-05-20", date="2026-05-19", dossier="36871", ondernummer="O",
            files={"xml": kamerstuk_xml("kst-36871-O", "36871", "O", "BRIEF VAN DE MINISTER VAN ASIEL EN MIGRATIE",
                                        "2026-05-19", "19 mei 2026",
                                        "<al>Hierbij ontvangt u de kabinetsappreciatie van het onderzoeksrapport "
                                        "van Clingendael.</al>", "Europese migratiesamenwerking"),
                   "pdf": text_pdf(O_PAGES)})
BLG_O = Doc("blg-1180001", "Onderzoeksrapport Clingendael: Europese migratiesamenwerking met derde landen",
            type="Bijlage", available="2026-05-20", dossier="36871", ondernummer="O",
            hoofddocument="kst-36871-O", files={"pdf": text_pdf(BIJLAGE_PAGES)})


@pytest.fixture
def koop():
    with FakeKoop(max_page=2) as server:
        server.add(*DOSSIER_30573, KST_O, BLG_O)
        server.query(f"{BASE} AND w.dossiernummer==30573", [d.identifier for d in DOSSIER_30573])
        server.query(f"{BASE} AND dt.identifier==kst-36871-O", ["kst-36871-O"])
        server.query(f"{BASE} AND w.hoofddocument==kst-36871-O", ["blg-1180001"])
        yield server


def http(**kw) -> tuple[F.Http, list[float]]:
    waits: list[float] = []
    opts = {"timeout": 5.0, "delay": 0.0, "retries": 3, "backoff": 0.01, "sleep": waits.append, **kw}
    return F.Http(**opts), waits


# -- queries and records ----------------------------------------------------------------------


@pytest.mark.parametrize("selection, queries", [
    (F.Selection(dossiers=("36 871",)), [f"{BASE} AND w.dossiernummer==36871"]),
    (F.Selection(dossiers=("36200 vi",)), [f"{BASE} AND w.dossiernummer==36200-VI"]),
    (F.Selection(dossiers=("21501-02",)), [f"{BASE} AND w.dossiernummer==21501-02"]),
    (F.Selection(ids=("kst-36871-O",)), [f"{BASE} AND dt.identifier==kst-36871-O"]),
    (F.Selection(ids=("kst-36871-O", "h-ek-20252026-12-3")),
     [f"{BASE} AND (dt.identifier==kst-36871-O OR dt.identifier==h-ek-20252026-12-3)"]),
    (F.Selection(bijlagen_of=("kst-36871-O",)), [f"{BASE} AND w.hoofddocument==kst-36871-O"]),
    (F.Selection(dossiers=("30573",), since=F._dt.date(2020, 1, 1), until=F._dt.date(2025, 12, 31)),
     [f"{BASE} AND w.dossiernummer==30573 AND dt.available>=2020-01-01 AND dt.available<=2025-12-31"]),
    (F.Selection(chamber="ek", doc_type="verslag", since=F._dt.date(2020, 1, 1)),
     [f'{BASE} AND dt.available>=2020-01-01 AND dt.creator=="Eerste Kamer der Staten-Generaal" '
      "AND dt.type==Verslag"]),
    (F.Selection(chamber="tk", committee='Immigratie en Asiel "JBZ"'),
     [f'{BASE} AND dt.creator=="Tweede Kamer der Staten-Generaal" AND '
      'cql.textAndIndexes="Immigratie en Asiel \\"JBZ\\""']),
])
def test_selection_queries(selection, queries):
    assert selection.queries() == queries


def test_identifiers_are_batched_twenty_per_query():
    ids = tuple(f"kst-36871-{n}" for n in range(45))
    qs = F.Selection(ids=ids).queries()
    assert [q.count("dt.identifier==") for q in qs] == [20, 20, 5]


def test_sru_record_fields(koop):
    data = urllib.request.urlopen(koop.sru_url + "?query=" + urllib.parse.quote(
        f"{BASE} AND w.hoofddocument==kst-36871-O")).read()
    page = F.parse_sru(data, "test")
    assert (page.total, page.next_position, page.problems) == (1, None, [])
    r = page.records[0]
    assert (r.identifier, r.type, r.hoofddocument, r.dossier, r.available) == (
        "blg-1180001", "Bijlage", "kst-36871-O", "36871", "2026-05-20")
    assert list(r.manifestations) == ["pdf"]
    assert r.manifestations["pdf"].url.endswith("/blg/blg-1180001/1/pdf/blg-1180001.pdf")
    assert r.preferred_url == "https://zoek.officielebekendmakingen.nl/blg-1180001.html"


@pytest.mark.parametrize("record, message", [
    ("<sru:record><sru:recordData><gzd:gzd><gzd:originalData><overheidwetgeving:meta>"
     "<dcterms:title>zonder id</dcterms:title></overheidwetgeving:meta></gzd:originalData>"
     "</gzd:gzd></sru:recordData></sru:record>", "no dcterms:identifier"),
    ("<sru:record><sru:recordData><gzd:gzd><gzd:originalData><dcterms:identifier>../../etc"
     "</dcterms:identifier></gzd:originalData></gzd:gzd></sru:recordData></sru:record>",
     "cannot name a cache folder"),
    ("<sru:record><sru:recordData><dc>geen gzd</dc></sru:recordData></sru:record>", "no gzd:gzd"),
])
def test_malformed_record_is_named_and_the_others_kept(koop, tmp_path, record, message):
    koop.query(f"{BASE} AND dt.identifier==kst-36871-O", [record, "kst-36871-O"])
    h, _ = http()
    res = F.fetch(F.Selection(ids=("kst-36871-O",)), tmp_path / "c", h, sru_url=koop.sru_url)
    assert res.fetched == ["kst-36871-O"]
    [problem] = res.problems
    assert problem.code == "malformed-record" and message in problem.message
    assert problem.where == "record 1"


@pytest.mark.parametrize("body, message", [
    (b"<html>Service Unavailable</html>", "not an SRU searchRetrieveResponse"),
    (b"<?xml version='1.0'?><sru:searchRetrieveResponse xmlns:sru='x'><sru:records>", "malformed SRU response"),
    (None, "SRU service refused the query: line 1:0 no index matches"),
])
def test_unusable_sru_answer_is_one_line(koop, tmp_path, body, message):
    if body is not None:
        koop.script("/sru", Reply(200, body=body))
        sel = F.Selection(ids=("kst-36871-O",))
    else:
        sel = F.Selection(ids=("kst-99999-Z",))
    h, _ = http()
    res = F.fetch(sel, tmp_path / "c", h, sru_url=koop.sru_url)
    assert message in res.problems[0].message
    assert res.problems[0].code == "sru-error" and "\n" not in str(res.problems[0])


# -- fetching into the cache -----------------------------------------------------------------------


def test_fetch_dossier_pages_through_the_records(koop, tmp_path):
    cache = tmp_path / "cache"
    res = run("fetch", "-o", cache, "--dossier", "30573", "--sru-url", koop.sru_url,
              "--formats", "xml,pdf", *FAST)
    assert res.exit_code == 0, res.output
    starts = [p["startRecord"] for _, p, _ in koop.requests_to("/sru")]
    assert starts == ["1", "3"]  # the server gives 2 records per page: numberOfRecords 3
    for d in DOSSIER_30573:
        folder = cache / d.identifier
        assert sorted(p.name for p in folder.iterdir()) == [
            f"{d.identifier}.pdf", f"{d.identifier}.xml", "pages.json", "record.json"]
        assert (folder / f"{d.identifier}.xml").read_bytes() == d.files["xml"]
        rec = json.loads((folder / "record.json").read_text(encoding="utf-8"))
        assert rec["identifier"] == d.identifier and rec["dossier"] == "30573"
        assert rec["subtype"] == "Verslag" and rec["creator"] == "Eerste Kamer der Staten-Generaal"
        assert rec["manifestations"]["xml"]["sha256"] == F.hashlib.sha256(d.files["xml"]).hexdigest()
        assert rec["manifestations"]["pdf"]["bytes"] == len(d.files["pdf"])
        assert rec["fetched_at"].endswith("Z")
    assert not list(cache.rglob("*.tmp"))


def test_requests_name_kamerxref_and_ask_for_xml(koop, tmp_path):
    run("fetch", "-o", tmp_path / "c", "--id", "kst-36871-O", "--sru-url", koop.sru_url, *FAST)
    path, params, headers = koop.requests_to("/sru")[0]
    assert headers["User-Agent"].startswith("kamerxref/") and "(+http" in headers["User-Agent"]
    assert headers["Accept"] == "application/xml"
    assert params == {"operation": "searchRetrieve", "version": "2.0", "startRecord": "1",
                      "maximumRecords": "100", "httpAccept": "application/xml",
                      "query": f"{BASE} AND dt.identifier==kst-36871-O"}


def test_rerun_fetches_only_what_is_missing_damaged_or_changed(koop, tmp_path):
    cache = tmp_path / "cache"
    args = ("fetch", "-o", cache, "--dossier", "30573", "--sru-url", koop.sru_url, *FAST)
    assert run(*args).exit_code == 0
    record_j = (cache / "kst-30573-J" / "record.json").read_bytes()
    koop.log.clear()
    assert run(*args).exit_code == 0
    assert [p for p, _, _ in koop.log] == ["/sru", "/sru"]  # only the search, no document
    assert (cache / "kst-30573-J" / "record.json").read_bytes() == record_j  # not even rewritten
    # a damaged file is fetched again, and only that one
    (cache / "kst-30573-K" / "kst-30573-K.xml").write_bytes(b"<kapot/>")
    koop.log.clear()
    assert run(*args).exit_code == 0
    assert [p for p, _, _ in koop.requests_to("/frbr")] == [DOSSIER_30573[1].path("xml")]
    assert (cache / "kst-30573-K" / "kst-30573-K.xml").read_bytes() == DOSSIER_30573[1].files["xml"]
    # a new version (dcterms:modified) is fetched again
    DOSSIER_30573[2].modified = "2026-02-02"
    try:
        koop.log.clear()
        assert run(*args).exit_code == 0
        assert [p for p, _, _ in koop.requests_to("/frbr")] == [DOSSIER_30573[2].path("xml")]
        assert json.loads((cache / "kst-30573-L" / "record.json").read_text())["modified"] == "2026-02-02"
    finally:
        DOSSIER_30573[2].modified = ""


def test_429_waits_as_retry_after_says(koop, tmp_path):
    koop.script(KST_O.path("xml"), Reply(429, headers={"Retry-After": "2"}), Reply(200))
    h, waits = http()
    res = F.fetch(F.Selection(ids=("kst-36871-O",)), tmp_path / "c", h, sru_url=koop.sru_url)
    assert (res.fetched, res.problems) == (["kst-36871-O"], [])
    assert waits == [2.0]
    assert (tmp_path / "c" / "kst-36871-O" / "kst-36871-O.xml").read_bytes() == KST_O.files["xml"]


@pytest.mark.parametrize("header, seconds", [
    ("2", 2.0), ("0", 0.0), (" 17 ", 17.0), ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0),
    ("morgen", None), ("", None), (None, None),
])
def test_retry_after_values(header, seconds):
    assert F._retry_after(header) == seconds


def test_retry_after_beyond_five_minutes_is_reported_not_waited(koop, tmp_path):
    koop.script(KST_O.path("xml"), Reply(429, headers={"Retry-After": "3600"}))
    h, waits = http()
    res = F.fetch(F.Selection(ids=("kst-36871-O",)), tmp_path / "c", h, sru_url=koop.sru_url)
    assert waits == []
    assert "the server asks to wait 3600 s (Retry-After); run again later" in res.problems[0].message


def test_500_is_retried_with_growing_backoff(koop, tmp_path):
    koop.script("/sru", Reply(500), Reply(503), Reply(200))
    h, waits = http(backoff=0.5)
    res = F.fetch(F.Selection(ids=("kst-36871-O",)), tmp_path / "c", h, sru_url=koop.sru_url)
    assert res.fetched == ["kst-36871-O"] and res.problems == []
    assert waits == [0.5, 1.0]
    assert len(koop.requests_to("/sru")) == 3


def test_timeout_is_retried(koop, tmp_path):
    koop.script(KST_O.path("xml"), Reply(200, delay=1.0), Reply(200))
    h, waits = http(timeout=0.3)
    res = F.fetch(F.Selection(ids=("kst-36871-O",)), tmp_path / "c", h, sru_url=koop.sru_url)
    assert res.fetched == ["kst-36871-O"] and res.problems == []
    assert len(koop.requests_to(KST_O.path("xml"))) == 2


def test_persistent_timeout_is_reported_and_the_run_goes_on(koop, tmp_path):
    koop.script(DOSSIER_30573[0].path("xml"), Reply(200, delay=1.0))
    h, _ = http(timeout=0.3, retries=1)
    res = F.fetch(F.Selection(dossiers=("30573",)), tmp_path / "c", h, sru_url=koop.sru_url)
    assert res.fetched == ["kst-30573-K", "kst-30573-L"]
    [p] = res.problems
    assert str(p).startswith("kst-30573-J:xml: timed out after 0.3 s after 2 tries")
    assert not (tmp_path / "c" / "kst-30573-J").exists()


def test_truncated_body_is_retried_and_never_cached_half(koop, tmp_path):
    whole = KST_O.files["pdf"]
    koop.script(KST_O.path("pdf"), Reply(200, cut_to=len(whole) // 2), Reply(200))
    h, _ = http()
    res = F.fetch(F.Selection(ids=("kst-36871-O",)), tmp_path / "c", h, ("xml", "pdf"), koop.sru_url)
    assert res.problems == []
    assert (tmp_path / "c" / "kst-36871-O" / "kst-36871-O.pdf").read_bytes() == whole
    assert len(koop.requests_to(KST_O.path("pdf"))) == 2


def test_always_truncated_body_is_reported_not_cached(koop, tmp_path):
    koop.script(KST_O.path("pdf"), Reply(200, cut_to=100))
    h, _ = http(retries=2)
    res = F.fetch(F.Selection(ids=("kst-36871-O",)), tmp_path / "c", h, ("xml", "pdf"), koop.sru_url)
    [p] = res.problems
    assert p.source == "kst-36871-O" and p.where == "pdf" and "broken off" in p.message
    folder = tmp_path / "c" / "kst-36871-O"
    assert sorted(x.name for x in folder.iterdir()) == ["kst-36871-O.xml", "record.json"]
    rec = json.loads((folder / "record.json").read_text())
    assert list(rec["manifestations"]) == ["xml"]  # the record claims only what is complete


def test_404_and_unknown_id_are_named_and_others_fetched(koop, tmp_path):
    koop.query(f"{BASE} AND (dt.identifier==kst-36871-O OR dt.identifier==kst-99999-Z)", ["kst-36871-O"])
    koop.script(KST_O.path("pdf"), Reply(404))
    res = run("fetch", "-o", tmp_path / "c", "--id", "kst-36871-O", "--id", "kst-99999-Z",
              "--formats", "xml,pdf", "--sru-url", koop.sru_url, *FAST)
    assert res.exit_code == F_EXIT_PARTIAL()
    lines = res.stderr.splitlines()
    assert any(l.startswith("kamerxref: error: kst-99999-Z: no such document in the SRU service")
               for l in lines)
    assert any(l.startswith("kamerxref: error: kst-36871-O:pdf: HTTP 404 Not Found at") for l in lines)
    assert (tmp_path / "c" / "kst-36871-O" / "kst-36871-O.xml").is_file()
    assert len(koop.requests_to(KST_O.path("pdf"))) == 1  # a 404 is not retried


def F_EXIT_PARTIAL():
    from kamerxref.cli import EXIT_PARTIAL

    return EXIT_PARTIAL


def test_no_network_is_one_line_and_exit_1(tmp_path):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    res = run("fetch", "-o", tmp_path / "c", "--id", "kst-36871-O",
              "--sru-url", f"http://127.0.0.1:{port}/sru", *FAST)
    assert res.exit_code == 1
    [line] = res.stderr.strip().splitlines()
    assert line.startswith(f"kamerxref: error: 127.0.0.1:{port}: cannot connect")
    assert "after 3 tries" in line and "no network?" in line and "Traceback" not in res.output
    assert not (tmp_path / "c").exists()


def test_disk_full_stops_cleanly_and_keeps_what_was_complete(koop, tmp_path, monkeypatch):
    from kamerxref.exporters import io

    real = io.os.fsync
    writes = {"n": 0}

    def fsync(fd):  # the third file written fails as on a full disk
        writes["n"] += 1
        if writes["n"] == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(fd)

    monkeypatch.setattr(io.os, "fsync", fsync)
    res = run("fetch", "-o", tmp_path / "c", "--dossier", "30573", "--sru-url", koop.sru_url, *FAST)
    assert res.exit_code == 1
    [line] = res.stderr.strip().splitlines()
    assert line.startswith("kamerxref: error: ") and "kst-30573-K.xml: disk full (No space left" in line
    cache = tmp_path / "c"
    assert sorted(p.name for p in (cache / "kst-30573-J").iterdir()) == ["kst-30573-J.xml", "record.json"]
    assert not (cache / "kst-30573-K").exists() or not list((cache / "kst-30573-K").iterdir())
    assert not list(cache.rglob(".*tmp"))
    monkeypatch.setattr(io.os, "fsync", real)  # space freed: the run resumes
    koop.log.clear()
    assert run("fetch", "-o", cache, "--dossier", "30573", "--sru-url", koop.sru_url, *FAST).exit_code == 0
    assert [p for p, _, _ in koop.requests_to("/frbr")] == [DOSSIER_30573[1].path("xml"),
                                                           DOSSIER_30573[2].path("xml")]


def test_offline_makes_no_request(koop, tmp_path):
    cache = tmp_path / "c"
    assert run("fetch", "-o", cache, "--dossier", "30573", "--sru-url", koop.sru_url, *FAST).exit_code == 0
    koop.log.clear()
    res = CliRunner().invoke(main, ["fetch", "-o", str(cache), "--dossier", "30573", "--id", "kst-1-X",
                                    "--offline", "--sru-url", koop.sru_url])
    assert koop.log == []
    assert res.exit_code == F_EXIT_PARTIAL()
    assert "kst-1-X: not in the cache" in res.stderr
    assert "3 documents intact" in res.stderr and "no request made" in res.stderr
    (cache / "kst-30573-L" / "kst-30573-L.xml").write_bytes(b"x")
    res = CliRunner().invoke(main, ["fetch", "-o", str(cache), "--dossier", "30573", "--offline"])
    assert "kst-30573-L:xml: cached file missing or its sha256 differs" in res.stderr
    assert koop.log == []


@pytest.mark.parametrize("options, found", [
    (["--dossier", "30573"], 3),
    (["--dossier", "30573", "--since", "2025-06-01"], 2),
    (["--dossier", "30573", "--until", "2025-06-12"], 2),
    (["--chamber", "ek", "--type", "verslag"], 3),
    (["--chamber", "tk"], 0),
    (["--dossier", "30573", "--committee", "Immigratie en Asiel"], 3),
    (["--dossier", "30573", "--committee", "terugkeerhubs"], 1),  # in the text of L only
    (["--id", "kst-30573-K"], 1),
])
def test_offline_selections_match_the_cached_records(koop, tmp_path, options, found):
    cache = tmp_path / "c"
    assert run("fetch", "-o", cache, "--dossier", "30573", "--sru-url", koop.sru_url, *FAST).exit_code == 0
    koop.log.clear()
    res = run("fetch", "-o", cache, "--offline", *options)
    assert f"{found} documents intact" in res.stderr
    assert koop.log == []


def test_rate_limit_spaces_requests(koop, tmp_path):
    h, waits = http(delay=0.5)
    F.fetch(F.Selection(dossiers=("30573",)), tmp_path / "c", h, sru_url=koop.sru_url)
    assert h.requests == 5  # 2 SRU pages, 3 documents
    assert len(waits) == 4 and all(0 < w <= 0.5 for w in waits)


def test_usage_errors():
    assert run("fetch", "-o", "x").exit_code == 2
    res = run("fetch", "-o", "x", "--id", "kst-1-A", "--formats", "xml,odt")
    assert res.exit_code == 2 and "odt" in res.output
    assert run("fetch", "-o", "x", "--dossier", "1", "--since", "gisteren").exit_code == 2


# -- the cache as input --------------------------------------------------------------------------------


def build_json(folder: Path, out: Path, monkeypatch) -> bytes:
    monkeypatch.chdir(folder)
    res = run("build", ".", "-o", out, "--jobs", "1", "--today", "2026-12-04", "-q")
    assert res.exit_code == 0, res.output
    return (out / "graph.json").read_bytes()


def test_cache_builds_the_same_graph_as_the_files_given_directly(koop, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    res = run("fetch", "-o", cache, "--dossier", "30573", "--formats", "xml,pdf,html",
              "--sru-url", koop.sru_url, *FAST)
    assert res.exit_code == 0, res.output
    direct = tmp_path / "direct"  # the documents as a user downloads them, nothing else
    for d in DOSSIER_30573:
        (direct / d.identifier).mkdir(parents=True)
        data = urllib.request.urlopen(koop.url + d.path("xml")).read()
        (direct / d.identifier / f"{d.identifier}.xml").write_bytes(data)
    from_cache = build_json(cache, tmp_path / "out1", monkeypatch)
    from_files = build_json(direct, tmp_path / "out2", monkeypatch)
    # the same graph; the cache only adds what its records say of the documents (a
    # verslag's letters are published_in their Kamerstuk node, which the cache describes)
    def undescribed(raw: bytes) -> dict:
        g = json.loads(raw)
        for n in g["nodes"]:
            for k in [k for k in n if k.startswith("doc_")]:
                del n[k]
        return g

    assert undescribed(from_cache) == undescribed(from_files)
    # byte for byte: the same documents with their metadata records, but without the
    # cache's other manifestations (PDF, HTML) and page texts
    for d in DOSSIER_30573:
        shutil.copy(cache / d.identifier / "record.json", direct / d.identifier / "record.json")
    assert build_json(direct, tmp_path / "out3", monkeypatch) == from_cache
    G = json.loads(from_cache)
    titles = {n["id"]: n.get("doc_title") for n in G["nodes"] if n["id"].startswith("kst-30573-")}
    assert titles["kst-30573-J"] == "Migratiebeleid; Verslag van een schriftelijk overleg"
    assert {n["source"] for n in G["nodes"] if n["kind"] == "letter"} >= {
        f"{d.identifier}/{d.identifier}.xml" for d in DOSSIER_30573}


def test_record_json_and_extra_manifestations_are_not_letters(koop, tmp_path):
    cache = tmp_path / "cache"
    run("fetch", "-o", cache, "--dossier", "30573", "--formats", "xml,pdf", "--sru-url", koop.sru_url, *FAST)
    files, issues = input_files([cache])
    assert sorted(f.name for f in files) == ["kst-30573-J.xml", "kst-30573-K.xml", "kst-30573-L.xml"]
    assert issues == []
    res = run("letters", cache, "--format", "json")
    assert res.exit_code == 0
    assert "record.json" not in res.stderr and "unreadable" not in res.stderr
    (cache / "kst-30573-J" / "record.json").write_text("{kapot", encoding="utf-8")
    res = run("letters", cache, "--format", "json")
    assert "kst-30573-J/record.json: not a kamerxref cache record, ignored" in res.stderr


def test_cited_documents_give_titles_and_page_text(koop, tmp_path):
    cache = tmp_path / "cache"
    res = run("fetch", "-o", cache, "--cited", SEED_000, "--formats", "xml,pdf",
              "--sru-url", koop.sru_url, *FAST)
    assert res.exit_code == 0, res.output
    queries = [p["query"] for _, p, _ in koop.requests_to("/sru")]
    assert queries == [f"{BASE} AND dt.identifier==kst-36871-O", f"{BASE} AND w.hoofddocument==kst-36871-O"]
    assert (cache / "blg-1180001" / "blg-1180001.pdf").is_file()
    import kamerxref

    corpus = kamerxref.load(SEED_000, cache)
    G = corpus.graph
    doc = G.nodes["kst-36871-O"]
    assert doc["doc_title"] == "Kabinetsappreciatie onderzoeksrapport Clingendael; Brief regering"
    assert (doc["doc_type"], doc["doc_date"], doc["doc_available"]) == ("Brief regering", "2026-05-19", "2026-05-20")
    assert G.nodes["kst-36871-O/p5"]["text"].endswith("De regering kiest voor samenwerking met derde landen.")
    assert G.nodes["kst-36871-O/bijlage"]["doc_title"].startswith("Onderzoeksrapport Clingendael")
    assert G.nodes["kst-36871-O/bijlage"]["publication"] == "blg-1180001"
    assert "sterke waarborgen (p. 40)" in G.nodes["kst-36871-O/bijlage/p40"]["text"]
    assert G.nodes["kst-36871-O/bijlage/p18"]["text"] == "Clingendael-rapport, pagina 18"
    # the seed's own results do not change: the cache adds attributes, no nodes, no edges
    letter = next(l for l in corpus.letters if l.kenmerk == "181524")
    assert (len(letter.questions), len(letter.footnotes)) == (45, 25)
    plain = kamerxref.load(SEED_000, cache / "kst-36871-O" / "kst-36871-O.xml").graph
    assert set(G.nodes) == set(plain.nodes) and set(G.edges(keys=True)) == set(plain.edges(keys=True))
    added = {"document": {"doc_title", "doc_date", "doc_available", "doc_type"},
             "part": {"doc_title", "doc_date", "doc_available", "doc_type", "publication"},
             "page": {"text"}}
    for n, data in G.nodes(data=True):
        extra = added.get(data["kind"], set())
        assert {k: v for k, v in data.items() if k not in extra} == plain.nodes[n], n


def test_stale_pages_are_not_used(koop, tmp_path):
    cache = tmp_path / "cache"
    run("fetch", "-o", cache, "--id", "kst-36871-O", "--formats", "xml,pdf", "--sru-url", koop.sru_url, *FAST)
    pages = cache / "kst-36871-O" / "pages.json"
    data = json.loads(pages.read_text())
    data["sha256"] = "0" * 64
    pages.write_text(json.dumps(data))
    docs, issues = read_documents([cache])
    assert docs["kst-36871-O"].pages == []
    assert [i.code for i in issues] == ["stale-pages"]


def test_a_cache_of_metadata_only_is_a_valid_input(koop, tmp_path):
    """A bijlage is cached as a PDF and its record: nothing to read as a letter, no error."""
    cache = tmp_path / "cache"
    koop.query(f"{BASE} AND dt.identifier==blg-1180001", ["blg-1180001"])
    res = run("fetch", "-o", cache, "--id", "blg-1180001", "--formats", "pdf", "--sru-url", koop.sru_url, *FAST)
    assert res.exit_code == 0, res.output
    assert sorted(p.name for p in (cache / "blg-1180001").iterdir()) == ["blg-1180001.pdf", "pages.json", "record.json"]
    assert input_files([cache]) == ([], [])
    docs, issues = read_documents([cache])
    assert issues == [] and docs["blg-1180001"].hoofddocument == "kst-36871-O"
    assert len(docs["blg-1180001"].pages) == 42
    res = run("letters", SEED_000, cache, "--format", "json", "-q")
    assert res.exit_code == 0


# -- hostile answers and records never crash ------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from koop_server import sru_record, sru_response  # noqa: E402

_VALID = sru_response([sru_record(KST_O, "http://127.0.0.1:1", 1)], 1, None)


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.binary(max_size=300),
                 st.tuples(st.integers(0, len(_VALID)), st.integers(0, len(_VALID)), st.binary(max_size=20))
                 .map(lambda t: _VALID[:min(t[0], t[1])] + t[2] + _VALID[max(t[0], t[1]):])))
def test_any_sru_answer_parses_or_is_one_fetch_error(data):
    try:
        page = F.parse_sru(data, "fuzz")
    except F.FetchError as err:
        assert "\n" not in err.message
    else:
        assert all(F._SAFE_ID.match(r.identifier) for r in page.records)


@settings(max_examples=100, deadline=None)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                    lambda kids: st.lists(kids, max_size=3) | st.dictionaries(st.text(max_size=12), kids, max_size=4),
                    max_leaves=12))
def test_any_record_json_is_metadata_or_one_warning(tmp_path_factory, value):
    entry = tmp_path_factory.mktemp("c") / "kst-1-A"
    entry.mkdir()
    (entry / "record.json").write_text(json.dumps(value), encoding="utf-8")
    (entry / "pages.json").write_text(json.dumps(value), encoding="utf-8")
    docs, issues = read_documents([entry.parent])
    assert len(docs) + len([i for i in issues if i.code == "bad-record"]) == 1
    assert input_files([entry.parent]) == ([], [])  # metadata, never a letter
    rec = F.Cache(entry.parent).load("kst-1-A")
    assert rec is None or rec.identifier == value["identifier"]


def test_python_api_fetch_then_load(koop, tmp_path):
    import kamerxref

    res = kamerxref.fetch(tmp_path / "cache", cited=(SEED_000,), formats=("xml", "pdf"),
                          sru_url=koop.sru_url, delay=0)
    assert (res.fetched, res.problems, res.stopped) == (["blg-1180001", "kst-36871-O"], [], None)
    G = kamerxref.load(SEED_000, tmp_path / "cache").graph
    assert G.nodes["kst-36871-O"]["doc_title"].startswith("Kabinetsappreciatie")
    again = kamerxref.fetch(tmp_path / "cache", ids=("kst-36871-O",), offline=True)
    assert again.unchanged == ["kst-36871-O"]
    with pytest.raises(ValueError, match="say what to fetch"):
        kamerxref.fetch(tmp_path / "cache")
