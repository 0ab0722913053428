"""WCAG 2.1 AA in real Chromium: axe-core on the main page types of the built sites, on a phone and a desktop.

axe-core (npm, installed by `make test`) finds what machines can find: contrast,
names, roles, keyboard-reachable scroll regions, links told apart by more than
colour. It does not replace a human review, but it must never find anything.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from test_sites_browser import CHROMIUM, server  # noqa: F401 - the local HTTP server fixture

pytestmark = [pytest.mark.browser, pytest.mark.build]

AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"

PAGINAS = [
    "landelijk/", "landelijk/aanbod/", "landelijk/scholing/hoe-werkt-die-gemeente-nou/", "landelijk/loket-zoeken/",
    "landelijk/loketten/", "landelijk/academies/", "landelijk/zoeken/?q=samenwerken", "landelijk/aanbod-aanmelden/",
    "zuid/", "zuid/aanbod/", "oost/begrippenkader/", "zuidwest/beslisboom/", "noordwest/aanbieders/",
    "oost/loketten/regio-achterhoek/", "noord/aanbieders/hogeschool-noorderzon/",
]


@pytest.fixture(scope="module", params=[390, 1280], ids=["telefoon", "desktop"])
def browserpagina(request):
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium ontbreekt in /usr/bin/chromium; draai 'make chromium'")
    if not AXE.exists():
        pytest.fail("axe-core ontbreekt in node_modules/; draai 'make test' (dat doet 'npm ci')")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM,
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        yield browser.new_page(viewport={"width": request.param, "height": 900}), request.param
        browser.close()


@pytest.mark.parametrize("pad", PAGINAS)
def test_geen_wcag_schendingen(server, browserpagina, pad):  # noqa: F811
    page, breedte = browserpagina
    antwoord = page.goto(server + pad)
    assert antwoord and antwoord.ok, f"{pad} laadt niet"
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.documentElement.lang") == "nl"
    page.add_script_tag(path=str(AXE))
    schendingen = page.evaluate(
        "async () => (await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}))"
        ".violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))")
    assert schendingen == [], f"{pad} op {breedte}px: {schendingen}"
    # Reflow (WCAG 1.4.10): nothing wider than the screen on a phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= breedte, f"{pad} schuift horizontaal op {breedte}px"
