"""Search benchmark on the synthetic catalogue: bytes per query and indexing time.

    .venv/bin/python benchmarks/bench_zoeken.py [--aantal 10000] [--herhalingen 3] [--uit DIR] [--hergebruik]

`--hergebruik` skips generating and building when DIR already holds the six
built sites of an earlier run with the same --aantal (saves ~10 minutes at 10k).

1. Generates the seeded catalogue (benchmarks/generate.py) and builds all six
   sites with `lab build`'s library function (MkDocs + our Pagefind step).
2. Bytes (real Chromium, counting every response body the search page loads
   after its own HTML, i.e. pagefind.js, worker, wasm, index, filter files,
   fragments, zoeken.js and zoeken.css): the first query with the filter
   panel drawn (the groups open on a wide screen, with counts) and 10 result
   cards and one change of sort order; then each later query in a fresh browser
   after the same first query (so one later query's chunks do not hide the next
   one's cost). The same queries through plain Pagefind's JS API on its own
   bundle of the national site's pages give the baseline.
   The server compresses text (JS, CSS, JSON, HTML) with gzip like any static
   host (GitHub Pages does); Pagefind's own index files are gzip already.
   Reported: bytes transferred (what the goals are about) and the decoded size.
   Goals: first query <= 300 KB, later queries < 30 KB each.
3. Indexing time of all six sites: our `indexeer` (which replaces the site's
   own pagefind/ folder, as a build does) versus plain `pagefind --site DIR`
   on the same built pages into a fresh temporary folder, alternating, median
   of N runs. Goal: ratio <= 1.2.

Prints a Dutch report and writes benchmarks/out/zoeken-<site>.json. Not a test:
timing goals live here, never in the test suite.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import re
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
from lab_catalogus.zoekindex import BUNDEL, indexeer, pagefind_programma  # noqa: E402

DOEL_EERSTE_KB = 300
DOEL_LATER_KB = 30
DOEL_RATIO = 1.2
# Chosen before measuring, from rare to the most common word of the domain: a theme, a compound,
# two words, a target group, an organisation, a word that is not in the catalogue, a municipality,
# and "sport" itself (on most pages of a sport catalogue: the worst case for any chunked index).
LATERE_ZOEKVRAGEN = ["armoede", "sportbeleid", "bewegen ouderen", "dementie", "vereniging", "zwemles",
                     "utrecht", "sport"]
KAAL = "_kaal"  # plain Pagefind's bundle of the measured site, next to the six sites
_SORTEERFILTER = re.compile(r'data-pagefind-filter="sorteer_(start|prijs)"')


class _Stil(SimpleHTTPRequestHandler):
    """Static server that gzips text like a real host; Pagefind's binary files go as they are."""

    TEKST = (".js", ".css", ".json", ".html", ".svg", ".xml")

    def log_message(self, *args):
        pass

    def do_GET(self):
        pad = Path(self.translate_path(self.path))
        if pad.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().do_GET()  # the stdlib redirects to the trailing slash
            pad = pad / "index.html"
        if pad.suffix in self.TEKST and pad.is_file() and "gzip" in self.headers.get("Accept-Encoding", ""):
            inhoud = gzip.compress(pad.read_bytes(), 6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(pad)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(inhoud)))
            self.end_headers()
            self.wfile.write(inhoud)
            return None
        return super().do_GET()


def _soort(url: str) -> str:
    for stuk, naam in (("/pagefind/filter/", "filters"), ("/pagefind/index/", "index"),
                       ("/pagefind/fragment/", "fragmenten"), (".pf_meta", "metadata"), ("wasm.", "wasm"),
                       ("pagefind-worker.js", "pagefind.js"), ("pagefind.js", "pagefind.js"),
                       ("pagefind-entry.json", "metadata"), ("/assets/zoeken.", "zoeken.js/css")):
        if stuk in url:
            return naam
    return "anders"


def _optellen(regels: list[tuple[str, int, int]]) -> dict:
    per_soort: dict[str, dict[str, int]] = {}
    for url, over, body in regels:
        d = per_soort.setdefault(_soort(url), {"overdracht": 0, "bytes": 0, "bestanden": 0})
        d["overdracht"] += over
        d["bytes"] += body
        d["bestanden"] += 1
    return {"overdracht": sum(r[1] for r in regels), "bytes": sum(r[2] for r in regels),
            "bestanden": len(regels), "per_soort": per_soort}


def _browser(p):
    return p.chromium.launch(executable_path="/usr/bin/chromium",
                             args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])


def _met_log(browser, **opties):
    """A fresh context (empty cache) and page that logs every finished response: (url, transferred, decoded)."""
    context = browser.new_context(**opties)
    pagina = context.new_page()
    log: list[tuple[str, int, int]] = []

    def klaar(request):
        try:
            antwoord = request.response()
            log.append((request.url, request.sizes()["responseBodySize"], len(antwoord.body()) if antwoord else 0))
        except Exception:  # noqa: BLE001 - redirects and aborted requests have no body
            pass
    pagina.on("requestfinished", klaar)
    return context, pagina, log


def _rust(pagina) -> None:
    pagina.wait_for_load_state("networkidle")
    pagina.wait_for_timeout(300)


def meet_bytes(basis: str, eerste: str, site: str = "landelijk") -> dict:
    """Our search page. Each later query starts in a fresh browser after the same first query, so
    its bytes do not depend on what an earlier later query happened to load."""
    from playwright.sync_api import sync_playwright

    start_url = f"{basis}{site}/zoeken/?q={eerste}"

    def eerste_zoekvraag(browser):
        context, pagina, log = _met_log(browser, viewport={"width": 1280, "height": 900})
        pagina.goto(start_url)
        pagina.wait_for_function("document.querySelectorAll('.lab-kaart').length >= 10 || "
                                 "/^Geen/.test(document.querySelector('.lab-zoekstatus')?.textContent || '')",
                                 timeout=120_000)
        _rust(pagina)
        return context, pagina, log

    def stap(pagina, log, wat: str, doe, verwacht: str) -> dict:
        voor = len(log)
        doe()
        pagina.wait_for_function("q => (document.querySelector('.lab-zoekstatus')?.textContent || '').includes(q)",
                                 arg=verwacht, timeout=60_000)
        _rust(pagina)
        return {"vraag": wat, **_optellen(log[voor:]), "status": pagina.locator(".lab-zoekstatus").inner_text(),
                "kaarten": pagina.locator(".lab-kaart").count()}

    def typ(pagina, vraag):
        pagina.fill("#lab-zoekveld", vraag)
        pagina.press("#lab-zoekveld", "Enter")

    with sync_playwright() as p:
        browser = _browser(p)
        context, pagina, log = eerste_zoekvraag(browser)
        eerste_log = [r for r in log if not r[0].startswith(start_url)]
        # The page's own HTML, theme CSS/JS and logo are not search costs; everything search loads is.
        zoek_log = [r for r in eerste_log if "/pagefind/" in r[0] or "/assets/zoeken." in r[0]]
        resultaat = {"eerste": {**_optellen(zoek_log),
                                "kaarten": pagina.locator(".lab-kaart").count(),
                                "filtergroepen_met_tellingen": pagina.locator("details.lab-filter .lab-aantal").count(),
                                "status": pagina.locator(".lab-zoekstatus").inner_text(),
                                "grootste": sorted(zoek_log, key=lambda x: -x[1])[:8]},
                     "later": []}
        resultaat["sorteren"] = stap(pagina, log, "sorteren op prijs (eenmalig de sorteerwaarden)",
                                     lambda: pagina.select_option("#lab-sorteer", "prijs:asc"), eerste)
        context.close()
        for vraag in LATERE_ZOEKVRAGEN:
            context, pagina, log = eerste_zoekvraag(browser)
            resultaat["later"].append(stap(pagina, log, vraag, lambda v=vraag: typ(pagina, v), vraag))
            context.close()
        browser.close()
    return resultaat

KAAL_PAGINA = """<!doctype html><html lang="nl"><meta charset="utf-8"><title>kale Pagefind</title>
<script type="module">
const pf = await import("./pagefind/pagefind.js");
window.kaal = {
  async eerste(q) {
    const r = await pf.search(q);
    await pf.filters();  // Pagefind's own UIs draw every filter group with counts
    await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
    return r.results.length;
  },
  async later(q) {
    const r = await pf.search(q);
    await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
    return r.results.length;
  },
};
window.kaalKlaar = true;
</script></html>
"""


def maak_kaal(sites_map: Path, site: str = "landelijk") -> Path:
    """Plain Pagefind (no options of ours) on one site's pages, with a bare search page.

    The pages as a plain Pagefind user would mark them up: our two hidden sort filters
    (`sorteer_start`, `sorteer_prijs`, a workaround of ours) become Pagefind's own
    `data-pagefind-sort`, so the baseline neither pays for our filter files nor gets its
    sort orders for free.
    """
    kaal = sites_map / KAAL
    shutil.rmtree(kaal, ignore_errors=True)
    kaal.mkdir()
    bron = sites_map / site
    with tempfile.TemporaryDirectory(prefix="pf-kaal-html-") as tmp:
        for html in bron.rglob("*.html"):
            if (bron / BUNDEL) in html.parents:
                continue
            doel = Path(tmp) / html.relative_to(bron)
            doel.parent.mkdir(parents=True, exist_ok=True)
            doel.write_text(_SORTEERFILTER.sub(r'data-pagefind-sort="\1"', html.read_text(encoding="utf-8")),
                            encoding="utf-8")
        subprocess.run([str(pagefind_programma()), "--site", tmp, "--output-path", str(kaal / "pagefind"), "--quiet"],
                       check=True, capture_output=True)
    (kaal / "index.html").write_text(KAAL_PAGINA, encoding="utf-8")
    return kaal


def meet_kaal(basis: str, eerste: str) -> dict:
    """The same queries through plain Pagefind's JS API on its own bundle of the same pages: each
    later query in a fresh browser after the first query, like ours."""
    from playwright.sync_api import sync_playwright

    def stap(pagina, log, functie: str, vraag: str) -> dict:
        voor = len(log)
        treffers = pagina.evaluate(f"q => window.kaal.{functie}(q)", vraag)
        _rust(pagina)
        return {"vraag": vraag, "treffers": treffers, **_optellen([r for r in log[voor:] if "/pagefind/" in r[0]])}

    def eerste_zoekvraag(browser):
        context, pagina, log = _met_log(browser)
        pagina.goto(f"{basis}{KAAL}/")
        pagina.wait_for_function("window.kaalKlaar === true", timeout=60_000)
        laden = [r for r in log if "/pagefind/" in r[0]]  # pagefind.js, loaded with the page
        resultaat = stap(pagina, log, "eerste", eerste)
        for r in laden:
            resultaat["overdracht"] += r[1]
            resultaat["bytes"] += r[2]
            resultaat["bestanden"] += 1
        return context, pagina, log, resultaat

    with sync_playwright() as p:
        browser = _browser(p)
        context, _, _, eerste_resultaat = eerste_zoekvraag(browser)
        context.close()
        later = []
        for vraag in LATERE_ZOEKVRAGEN:
            context, pagina, log, _ = eerste_zoekvraag(browser)
            later.append(stap(pagina, log, "later", vraag))
            context.close()
        browser.close()
    return {"eerste": eerste_resultaat, "later": later}

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
    parser.add_argument("--site", default="landelijk", choices=list(SITES),
                        help="op welke site de zoekpagina gemeten wordt (standaard de landelijke, de grootste index)")
    parser.add_argument("--hergebruik", action="store_true",
                        help="gebouwde sites uit een eerdere run in --uit opnieuw gebruiken (zelfde --aantal)")
    args = parser.parse_args(argv)

    werk = args.uit
    sites_map = werk / "sites"
    vorige = werk / "run.json"
    hergebruik = (args.hergebruik and vorige.is_file() and json.loads(vorige.read_text()).get("aantal") == args.aantal
                  and all((sites_map / naam / "pagefind").is_dir() for naam in SITES))
    if args.hergebruik and not hergebruik:
        print("geen bruikbare eerdere run gevonden; alles opnieuw bouwen", flush=True)
    if hergebruik:
        run = json.loads(vorige.read_text())
        port = run["port"]
        bouwtijd, paginas = run["bouwtijd_s"], run["paginas"]
        print(f"gebouwde sites hergebruiken uit {sites_map}", flush=True)
        # The sites were built for this base URL: serve them on the same port again.
        server = ThreadingHTTPServer(("127.0.0.1", port), functools.partial(_Stil, directory=str(sites_map)))
        basis = f"http://127.0.0.1:{port}/"
    else:
        shutil.rmtree(werk, ignore_errors=True)
        werk.mkdir(parents=True)
        catalogus = werk / "catalogus"
        print(f"catalogus genereren: {args.aantal} scholingsrecords ...", flush=True)
        genereer(catalogus, args.aantal, seed=1)
        sites_map.mkdir()
        server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Stil, directory=str(sites_map)))
        basis = f"http://127.0.0.1:{server.server_address[1]}/"
        peildatum = GEN_PEILDATUM
        begin = time.perf_counter()
        resultaten = bouw(BouwOpdracht(catalogus, sites_map, peildatum, basis),
                          meld=lambda t: print("  " + t, flush=True))
        bouwtijd = time.perf_counter() - begin
        if not all(r.gelukt for r in resultaten):
            print("bouwen mislukt; zie de meldingen hierboven", file=sys.stderr)
            return 1
        paginas = {r.site: r.paginas for r in resultaten}
        vorige.write_text(json.dumps({"aantal": args.aantal, "port": server.server_address[1],
                                      "bouwtijd_s": bouwtijd, "paginas": paginas}))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        print("bytes meten in Chromium ...", flush=True)
        bytes_ = meet_bytes(basis, args.zoekvraag, args.site)
        print("kale Pagefind op dezelfde pagina's meten ...", flush=True)
        maak_kaal(sites_map, args.site)
        kaal = meet_kaal(basis, args.zoekvraag)
    finally:
        server.shutdown()
    print("indexeertijd meten ...", flush=True)
    index = meet_indexering(sites_map, args.herhalingen)

    eerste_kb = bytes_["eerste"]["overdracht"] / 1024
    later_kb = [x["overdracht"] / 1024 for x in bytes_["later"]]
    rapport = {"aantal": args.aantal, "paginas": paginas, "bouwtijd_s": bouwtijd,
               "bytes": bytes_, "kaal": kaal, "indexering": index}
    (REPO / "benchmarks" / "out").mkdir(parents=True, exist_ok=True)
    (REPO / "benchmarks" / "out" / f"zoeken-{args.site}.json").write_text(json.dumps(rapport, indent=2, ensure_ascii=False))

    def oordeel(goed: bool) -> str:
        return "gehaald" if goed else "NIET gehaald"
    print()
    print(f"Zoeken op {args.aantal} scholingsrecords ({sum(paginas.values())} pagina's in zes sites, "
          f"bouw {bouwtijd:.0f} s); zoekpagina van site '{args.site}' ({paginas.get(args.site, '?')} pagina's)")
    e = bytes_["eerste"]
    print(f"- eerste zoekvraag '{args.zoekvraag}' met {e['kaarten']} kaarten en filterpaneel "
          f"({e['filtergroepen_met_tellingen']} filterwaarden met telling): {eerste_kb:.0f} KB overdracht "
          f"({e['bytes'] / 1024:.0f} KB uitgepakt) in {e['bestanden']} bestanden "
          f"(doel <= {DOEL_EERSTE_KB} KB: {oordeel(eerste_kb <= DOEL_EERSTE_KB)})")
    for soort, d in sorted(e["per_soort"].items(), key=lambda kv: -kv[1]["overdracht"]):
        print(f"    {soort}: {d['overdracht'] / 1024:.1f} KB in {d['bestanden']} bestand(en)")
    k = kaal["eerste"]
    print(f"    kale Pagefind, zelfde zoekvraag met alle filters en 10 resultaten: {k['overdracht'] / 1024:.0f} KB "
          f"overdracht ({k['bytes'] / 1024:.0f} KB uitgepakt)")
    print(f"- latere zoekvragen (doel < {DOEL_LATER_KB} KB), ons tegen kale Pagefind op dezelfde pagina's:")
    for x, kb, kx in zip(bytes_["later"], later_kb, kaal["later"]):
        delen = ", ".join(f"{s} {d['overdracht'] / 1024:.1f}" for s, d in x["per_soort"].items())
        print(f"    '{x['vraag']}': {kb:.1f} KB ({delen}); kaal {kx['overdracht'] / 1024:.1f} KB "
              f"[{oordeel(kb < DOEL_LATER_KB)}]")
    print(f"    mediaan ons {statistics.median(later_kb):.1f} KB, kaal "
          f"{statistics.median(kx['overdracht'] / 1024 for kx in kaal['later']):.1f} KB")
    so = bytes_["sorteren"]
    print(f"- {so['vraag']}: {so['overdracht'] / 1024:.1f} KB (geen doel; eenmalig per bezoek)")
    print(f"- indexeren zes sites: ons {index['ons_mediaan']:.1f} s, kale Pagefind {index['kaal_mediaan']:.1f} s, "
          f"verhouding {index['ratio']:.2f} (doel <= {DOEL_RATIO}: {oordeel(index['ratio'] <= DOEL_RATIO)})")
    goed = eerste_kb <= DOEL_EERSTE_KB and all(kb < DOEL_LATER_KB for kb in later_kb) and index["ratio"] <= DOEL_RATIO
    return 0 if goed else 1


if __name__ == "__main__":
    sys.exit(main())
