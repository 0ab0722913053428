"""Page builders without MkDocs: content, links, escaping, JSON-LD, colours."""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

import pytest

from lab_catalogus import sites
from lab_catalogus.catalogus import laad_catalogus
from lab_catalogus.pages import maak_context
from lab_catalogus.pages.aanbod import aanbod_overzicht
from lab_catalogus.pages.jsonld import veilig_json
from lab_catalogus.pages.loket import loket_pagina, loketten_overzicht
from lab_catalogus.pages.opmaak import bedrag, datum, naar
from lab_catalogus.pages.scholing import scholing_pagina

REPO = Path(__file__).resolve().parent.parent
PEILDATUM = datetime.date(2027, 1, 15)


@pytest.fixture(scope="module")
def catalogus():
    cat, _ = laad_catalogus(REPO, PEILDATUM)
    return cat


def _urls(cat):
    return sites.site_urls(cat, "https://lab-catalogus.example.nl/")


def test_relatieve_links():
    assert naar("", "aanbod/") == "aanbod/"
    assert naar("scholing/x/", "aanbieders/y/") == "../../aanbieders/y/"
    assert naar("aanbod/", "") == "../"
    assert naar("", "") == "./"


def test_nederlandse_opmaak():
    assert datum(datetime.date(2027, 3, 1)) == "1 maart 2027"
    assert bedrag(1250) == "€ 1.250" and bedrag(49.5) == "€ 49,50"


def test_site_urls_publiek_en_lokaal(catalogus):
    publiek = _urls(catalogus)
    assert publiek["landelijk"] == "https://lab-catalogus.example.nl/"
    assert publiek["zuid"] == catalogus.academies["zuid"].site_url
    lokaal = sites.site_urls(catalogus, "https://lab-catalogus.example.nl/", "http://127.0.0.1:8000")
    assert lokaal == {naam: f"http://127.0.0.1:8000/{naam}/" for naam in sites.SITES}


def test_landelijke_scholingpagina(catalogus):
    ctx = maak_context(catalogus, None, _urls(catalogus))
    html = scholing_pagina(ctx, "werken-met-netwerken").html
    assert html.startswith('<article class="lab-scholing" data-pagefind-body>')
    assert "<h1>Werken met netwerken</h1>" in html
    for regio in ("noord", "oost"):
        assert f'href="{catalogus.academies[regio].site_url}scholing/werken-met-netwerken/"' in html
    assert "Aangeboden via" in html
    assert "€ 295 per deelnemer (vrijgesteld van btw)" in html
    assert "Buurtsportcoach B" in html and "Buurtsportcoach C" in html and "Buurtsportcoach D" not in html
    assert 'href="../../aanbieders/hogeschool-noorderzon/"' in html
    assert 'href="../../beslisboom/"' in html


def test_regionale_scholingpagina_noemt_andere_academies(catalogus):
    ctx = maak_context(catalogus, "noord", _urls(catalogus))
    html = scholing_pagina(ctx, "werken-met-netwerken").html
    assert "Ook aangeboden via" in html and catalogus.academies["oost"].naam in html
    assert f'href="{catalogus.academies["noord"].site_url}scholing/' not in html  # not a link to itself


def test_jsonld_kan_script_niet_verlaten():
    tekst = veilig_json({"naam": "</script><script>alert(1)</script> & <!--"})
    assert "<" not in tekst and ">" not in tekst and "&" not in tekst
    assert json.loads(tekst)["naam"] == "</script><script>alert(1)</script> & <!--"


def test_aanbod_gesorteerd_op_startdatum(catalogus):
    ctx = maak_context(catalogus, None, _urls(catalogus))
    html = aanbod_overzicht(ctx).html
    starts = re.findall(r'data-start="([0-9-]+)"', html)
    assert len(starts) == len(ctx.selectie.scholing) and starts == sorted(starts)
    assert 'data-lab-filter="thema"' in html and 'data-lab-filter="vorm"' in html


def test_loketten_status_en_tellingen(catalogus):
    ctx = maak_context(catalogus, "zuidwest", _urls(catalogus))
    html = loketten_overzicht(ctx, "loketten/")
    statussen = [catalogus.loket_statussen[i] for i in ctx.selectie.loketten]
    v = sum(s.volwaardig for s in statussen)
    o = len(statussen) - v
    assert f"<tr><td>Zuid-Holland</td><td>{v}</td><td>{o}</td><td>{v + o}</td></tr>" in html
    assert "Noord-Brabant" not in html  # another region's province
    loket_id = ctx.selectie.loketten[0]
    pagina = loket_pagina(ctx, loket_id).html
    assert pagina.count("<tr><td>") >= 9  # the nine kaders


def _contrast(kleur: str, met: str = "#ffffff") -> float:
    def lum(h):
        r, g, b = (int(h[i:i + 2], 16) / 255 for i in (1, 3, 5))
        f = lambda c: c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4  # noqa: E731
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b)
    a, b = sorted((lum(kleur), lum(met)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def test_academiekleuren_halen_wcag_aa(catalogus):
    css = (REPO / "docs/assets/stylesheets/lab.css").read_text(encoding="utf-8")
    primair = dict(re.findall(r'\[data-md-color-primary="([a-z-]+)"\] \{ --md-primary-fg-color: (#[0-9a-f]{6});', css))
    for naam, kleur in primair.items():
        assert _contrast(kleur) >= 4.5, (naam, kleur)
    for academie in catalogus.academies.values():
        assert academie.kleur in primair, f"geen toegankelijke tint voor {academie.kleur}"
