"""Search benchmark on the synthetic catalogue: bytes per query and indexing time.

    .venv/bin/python benchmarks/bench_zoeken.py [--aantal 10000] [--herhalingen 3] [--uit DIR]

1. Generates the seeded catalogue (benchmarks/generate.py) and builds all six
   sites with `lab build`'s library function (MkDocs + our Pagefind step).
2. Bytes (real Chromium, counting every response body the search page loads
   after its own HTML, i.e. pagefind.js, worker, wasm, index, filter files,
   fragments, zoeken.js and zoeken.css): the first query with all filters
   loaded and 10 result cards drawn, then three later queries.
   Goals: first query <= 300 KB, later queries < 30 KB each.
3. Indexing time of all six sites: our `indexeer` versus plain
   `pagefind --site DIR` on the same built pages, alternating, each into a
   fresh output folder, median of N runs. Goal: ratio <= 1.2.

Prints a Dutch report and writes benchmarks/out/zoeken.json. Not a test:
timing goals live here, never in the test suite.
"""

from __future__ import annotations

import argparse
import datetime
import functools
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

from generate import PEILDATUM as GEN_PEILDATUM, genereer  # noqa: E402

from lab_catalogus.build import BouwOpdracht, bouw  # noqa: E402
from lab_catalogus.sites import SITES  # noqa: E402
from lab_catalogus.zoekindex import indexeer, pagefind_programma  # noqa: E402

DOEL_EERSTE_KB = 300
DOEL_LATER_KB = 30
DOEL_RATIO = 1.2
LATERE_ZOEKVRAGEN = ["armoede", "sportbeleid", "bewegen ouderen"]


class _Stil(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def meet_bytes(basis: str, eerste: str) -> dict:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        pagina = browser.new_page()
        log: list[tuple[str, int]] = []

        def antwoord(r):
            try:
                log.append((r.url, len(r.body())))
            except Exception:  # noqa: BLE001 - redirects and aborted requests have no body
                pass
        pagina.on("response", antwoord)
        start_url = f"{basis}landelijk/zoeken/?q={eerste}"
        pagina.goto(start_url)
        pagina.wait_for_function("document.querySelectorAll('.lab-kaart').length >= 10 || "
                                 "/^Geen/.test(document.querySelector('.lab-zoekstatus')?.textContent || '')",
                                 timeout=120_000)
        pagina.wait_for_load_state("networkidle")
        eerste_log = [(u, n) for u, n in log if not u.startswith(start_url)]
        # The page's own HTML, theme CSS/JS and logo are not search costs; everything search loads is.
        zoek_log = [(u, n) for u, n in eerste_log if "/pagefind/" in u or "/assets/zoeken." in u]
        resultaat = {"eerste": {"bytes": sum(n for _, n in zoek_log), "bestanden": len(zoek_log),
                                "kaarten": pagina.locator(".lab-kaart").count(),
                                "status": pagina.locator(".lab-zoekstatus").inner_text(),
                                "alles_na_html": sum(n for _, n in eerste_log),
                                "grootste": sorted(zoek_log, key=lambda x: -x[1])[:8]},
                     "later": []}
        for vraag in LATERE_ZOEKVRAGEN:
            voor = len(log)
            pagina.fill("#lab-zoekveld", vraag)
            pagina.press("#lab-zoekveld", "Enter")
            pagina.wait_for_function("q => (document.querySelector('.lab-zoekstatus')?.textContent || '').includes(q)",
                                     arg=vraag, timeout=60_000)
            pagina.wait_for_load_state("networkidle")
            pagina.wait_for_timeout(300)
            nieuw = log[voor:]
            resultaat["later"].append({"vraag": vraag, "bytes": sum(n for _, n in nieuw), "bestanden": len(nieuw),
                                       "status": pagina.locator(".lab-zoekstatus").inner_text()})
        browser.close()
    return resultaat


def meet_indexering(uit: Path, herhalingen: int) -> dict:
    programma = str(pagefind_programma())
    ons, kaal = [], []
    for _ in range(herhalingen):
        for volgorde in ("ons", "kaal"):
            totaal = 0.0
            for naam in SITES:
                site = uit / naam
                if volgorde == "ons":
                    shutil.rmtree(site / "pagefind", ignore_errors=True)
                    begin = time.perf_counter()
                    indexeer(site, naam, REPO)
                    totaal += time.perf_counter() - begin
                else:
                    with tempfile.TemporaryDirectory(prefix="pf-kaal-") as tmp:
                        begin = time.perf_counter()
                        subprocess.run([programma, "--site", str(site), "--output-path", str(Path(tmp) / "pagefind"),
                                        "--quiet"], check=True, capture_output=True)
                        totaal += time.perf_counter() - begin
            (ons if volgorde == "ons" else kaal).append(totaal)
    return {"ons_s": ons, "kaal_s": kaal, "ons_mediaan": statistics.median(ons),
            "kaal_mediaan": statistics.median(kaal),
            "ratio": statistics.median(ons) / statistics.median(kaal)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Zoekbenchmark: bytes per zoekvraag en indexeertijd.")
    parser.add_argument("--aantal", type=int, default=10_000)
    parser.add_argument("--herhalingen", type=int, default=3)
    parser.add_argument("--uit", type=Path, default=REPO / "benchmarks" / "out" / "zoeken")
    parser.add_argument("--zoekvraag", default="samenwerken")
    args = parser.parse_args(argv)

    werk = args.uit
    shutil.rmtree(werk, ignore_errors=True)
    werk.mkdir(parents=True)
    catalogus = werk / "catalogus"
    print(f"catalogus genereren: {args.aantal} scholingsrecords ...", flush=True)
    genereer(catalogus, args.aantal, seed=1)

    sites_map = werk / "sites"
    sites_map.mkdir()
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Stil, directory=str(sites_map)))
    basis = f"http://127.0.0.1:{server.server_address[1]}/"
    peildatum = GEN_PEILDATUM if isinstance(GEN_PEILDATUM, datetime.date) else datetime.date(2027, 1, 1)
    begin = time.perf_counter()
    resultaten = bouw(BouwOpdracht(catalogus, sites_map, peildatum, basis), meld=lambda t: print("  " + t, flush=True))
    bouwtijd = time.perf_counter() - begin
    if not all(r.gelukt for r in resultaten):
        print("bouwen mislukt; zie de meldingen hierboven", file=sys.stderr)
        return 1
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        print("bytes meten in Chromium ...", flush=True)
        bytes_ = meet_bytes(basis, args.zoekvraag)
    finally:
        server.shutdown()
    print("indexeertijd meten ...", flush=True)
    index = meet_indexering(sites_map, args.herhalingen)

    eerste_kb = bytes_["eerste"]["bytes"] / 1024
    later_kb = [x["bytes"] / 1024 for x in bytes_["later"]]
    rapport = {"aantal": args.aantal, "paginas": {r.site: r.paginas for r in resultaten}, "bouwtijd_s": bouwtijd,
               "bytes": bytes_, "indexering": index}
    (REPO / "benchmarks" / "out").mkdir(parents=True, exist_ok=True)
    (REPO / "benchmarks" / "out" / "zoeken.json").write_text(json.dumps(rapport, indent=2, ensure_ascii=False))

    def oordeel(goed: bool) -> str:
        return "gehaald" if goed else "NIET gehaald"
    print()
    print(f"Zoeken op {args.aantal} scholingsrecords ({sum(r.paginas for r in resultaten)} pagina's in zes sites, "
          f"bouw {bouwtijd:.0f} s)")
    print(f"- eerste zoekvraag '{args.zoekvraag}' met filters en {bytes_['eerste']['kaarten']} kaarten: "
          f"{eerste_kb:.0f} KB in {bytes_['eerste']['bestanden']} bestanden (doel <= {DOEL_EERSTE_KB} KB: "
          f"{oordeel(eerste_kb <= DOEL_EERSTE_KB)})")
    for x, kb in zip(bytes_["later"], later_kb):
        print(f"- later: '{x['vraag']}': {kb:.1f} KB (doel < {DOEL_LATER_KB} KB: {oordeel(kb < DOEL_LATER_KB)})")
    print(f"- indexeren zes sites: ons {index['ons_mediaan']:.1f} s, kale Pagefind {index['kaal_mediaan']:.1f} s, "
          f"verhouding {index['ratio']:.2f} (doel <= {DOEL_RATIO}: {oordeel(index['ratio'] <= DOEL_RATIO)})")
    goed = eerste_kb <= DOEL_EERSTE_KB and all(kb < DOEL_LATER_KB for kb in later_kb) and index["ratio"] <= DOEL_RATIO
    return 0 if goed else 1


if __name__ == "__main__":
    sys.exit(main())
