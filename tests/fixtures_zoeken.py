"""Session fixtures for the search tests: the six example sites built, indexed and served, and Chromium.

The sites are built once per session by `lab build`'s library function for the
base URL of a local HTTP server (bound first, so its port is known), so every
cross-site link works on that one server. The build date is fixed so
"start binnen 3 maanden" does not drift with the calendar.
"""

from __future__ import annotations

import datetime
import functools
import threading
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PEILDATUM = datetime.date(2026, 11, 20)
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


class _StilleHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@dataclass
class ZoekSites:
    basis: str  # http://127.0.0.1:PORT/
    uit: Path
    catalogus: object

    def url(self, site: str, pad: str = "") -> str:
        return f"{self.basis}{site}/{pad}"


@pytest.fixture(scope="session")
def zoek_sites(tmp_path_factory) -> ZoekSites:
    from lab_catalogus.build import BouwOpdracht, bouw
    from lab_catalogus.catalogus import laad_catalogus

    uit = tmp_path_factory.mktemp("zoeksites")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_StilleHandler, directory=str(uit)))
    basis = f"http://127.0.0.1:{server.server_address[1]}/"
    meldingen: list[str] = []
    resultaten = bouw(BouwOpdracht(REPO, uit, PEILDATUM, basis), meld=meldingen.append)
    mislukt = [r for r in resultaten if not r.gelukt]
    assert not mislukt, "bouwen mislukt:\n" + "\n".join(meldingen)
    for r in resultaten:
        assert (r.map / "pagefind" / "pagefind.js").exists(), f"{r.site}: geen zoekindex"
    draad = threading.Thread(target=server.serve_forever, daemon=True)
    draad.start()
    catalogus, _ = laad_catalogus(REPO, PEILDATUM)
    yield ZoekSites(basis, uit, catalogus)
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def chromium():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium ontbreekt ({CHROMIUM}); installeer het met 'make chromium' "
                    "(of 'sudo apt-get install chromium') en draai de browsertests opnieuw", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def pagina(chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page = context.new_page()
    fouten: list[str] = []
    page.on("pageerror", lambda fout: fouten.append(str(fout)))
    yield page
    context.close()
    assert not fouten, f"JavaScript-fouten op de pagina: {fouten}"
