"""The overview filters and the loket finder in real headless Chromium, on the built sites."""

from __future__ import annotations

import functools
import http.server
import threading
import unicodedata
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.build]

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="module")
def server(gebouwde_sites: Path):
    class Stil(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):  # keep test output readable
            pass

    handler = functools.partial(Stil, directory=str(gebouwde_sites))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture(scope="module")
def pagina():
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium ontbreekt in /usr/bin/chromium; draai 'make chromium'")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM,
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page(viewport={"width": 390, "height": 800})  # a phone
        fouten: list[str] = []
        page.on("pageerror", lambda fout: fouten.append(str(fout)))
        yield page
        browser.close()
        assert not fouten, fouten


def test_aanbod_filteren_en_sorteren(server, pagina):
    pagina.goto(f"{server}landelijk/aanbod/")
    rijen = pagina.locator("[data-lab-aanbod] tbody tr")
    totaal = rijen.count()
    assert totaal > 20
    assert pagina.locator("[data-lab-telling]").inner_text() == f"{totaal} scholingen getoond"
    pagina.select_option("#lab-filter-vorm", "webinar")
    zichtbaar = pagina.locator("[data-lab-aanbod] tbody tr:not([hidden])")
    vormen = zichtbaar.locator("td:nth-child(2)").all_inner_texts()
    assert vormen and set(vormen) == {"Webinar"}
    pagina.select_option("#lab-filter-vorm", "")
    pagina.select_option("#lab-filter-thema", "sociaal-veilige-sport")
    themas = pagina.locator("[data-lab-aanbod] tbody tr:not([hidden]) td:nth-child(3)").all_inner_texts()
    assert themas and all("Sociaal veilige sport" in t for t in themas)
    pagina.select_option("#lab-filter-thema", "")
    pagina.select_option("#lab-sorteer", "titel")
    titels = pagina.locator("[data-lab-aanbod] tbody tr td:first-child").all_inner_texts()
    assert len(titels) == totaal
    # Dutch alphabetical order: case and accents do not count.
    assert titels == sorted(titels, key=_sorteersleutel), titels
    pagina.select_option("#lab-sorteer", "start-af")
    assert pagina.locator("[data-lab-aanbod] tbody tr td:first-child").all_inner_texts() != titels


def _sorteersleutel(titel: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", titel.casefold()) if not unicodedata.combining(c))


def test_loketzoeker(server, pagina):
    pagina.goto(f"{server}landelijk/loket-zoeken/")
    pagina.fill("#lab-gemeente", "Breda")
    antwoord = pagina.locator("[data-lab-zoeker-antwoord]")
    assert "Sportloket Breda" in antwoord.inner_text()
    href = antwoord.locator("a").first.get_attribute("href")
    pagina.goto(f"{server}landelijk/loket-zoeken/{href}")
    assert pagina.locator("h1").inner_text() == "Sportloket Breda"
    pagina.go_back()
    pagina.fill("#lab-gemeente", "Aa en Hunze")
    tekst = antwoord.inner_text()
    assert "nog geen loket" in tekst and "academy@academy-noord.example.nl" in tekst
