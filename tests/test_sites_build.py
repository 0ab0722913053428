"""Integration: the six sites built by real MkDocs (fixtures_sites), asserted on their HTML."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from fixtures_sites import (BASIS_URL, HOSTILE_SCRIPT, NIET_GESCHIKT, OUDE_UITVOERING, PEILDATUM, REPO, VERLOPEN,
                            VIJANDIG, VIJANDIGE_AANBIEDER, GebouwdeSites)
from lab_catalogus import sites
from lab_catalogus.build import BouwOpdracht, bouw_site
from lab_catalogus.selectie import is_gepubliceerd

pytestmark = pytest.mark.build

REGIO_S = sites.REGIO_S


class _Elementen(HTMLParser):
    """Every start tag with its attributes, and the text of <script> elements."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[tuple[dict, str]] = []
        self._in_script: dict | None = None

    def handle_starttag(self, tag, attrs):
        attrs = {k: (v or "") for k, v in attrs}
        self.tags.append((tag, attrs))
        if tag == "script":
            self._in_script = attrs
            self.scripts.append((attrs, ""))

    def handle_data(self, data):
        if self._in_script is not None:
            attrs, tekst = self.scripts[-1]
            self.scripts[-1] = (attrs, tekst + data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = None


def ontleed(pad: Path) -> _Elementen:
    p = _Elementen()
    p.feed(pad.read_text(encoding="utf-8"))
    return p


def pagina(uit: Path, site: str, pad: str) -> Path:
    return uit / site / pad / "index.html"


def test_alle_zes_sites_en_startpagina(gebouwde_sites: Path):
    for naam in sites.SITES:
        assert pagina(gebouwde_sites, naam, "").is_file(), naam
        assert (gebouwde_sites / naam / "pagefind" / "pagefind.js").is_file(), naam  # every build is indexed
    start = (gebouwde_sites / "index.html").read_text(encoding="utf-8")
    for naam in sites.SITES:
        assert f'href="{naam}/"' in start
    assert not [p for p in gebouwde_sites.iterdir() if p.name.startswith(".")], "tijdelijke mappen achtergebleven"


def test_elke_pagina_is_nederlands(gebouwde_sites: Path):
    paginas = list(gebouwde_sites.glob("*/**/*.html"))
    assert len(paginas) > 100
    for pad in paginas:
        if "pagefind" in pad.parts:
            continue
        assert '<html lang="nl"' in pad.read_text(encoding="utf-8")[:400], pad


def test_recordpaginas_waar_ze_horen(gebouwde_sites_info: GebouwdeSites):
    uit, cat = gebouwde_sites_info.uit, gebouwde_sites_info.catalogus
    alle_ids = {p.stem for p in (gebouwde_sites_info.root / "content" / "scholing").glob("*.yml")}
    assert {VERLOPEN, NIET_GESCHIKT, OUDE_UITVOERING} <= alle_ids
    for scholing_id in alle_ids:
        scholing = cat.scholing.get(scholing_id)
        gepubliceerd = is_gepubliceerd(cat, scholing_id)
        assert pagina(uit, "landelijk", f"scholing/{scholing_id}").exists() == gepubliceerd, scholing_id
        for regio in REGIO_S:
            verwacht = gepubliceerd and regio in scholing.regios
            assert pagina(uit, regio, f"scholing/{scholing_id}").exists() == verwacht, (regio, scholing_id)
    for scholing_id in (VERLOPEN, NIET_GESCHIKT):
        assert not list(uit.glob(f"*/scholing/{scholing_id}")), scholing_id
        for site in sites.SITES:
            assert scholing_id not in pagina(uit, site, "aanbod").read_text(encoding="utf-8")
    # Loketten follow their municipalities' provinces.
    for loket_id, status in cat.loket_statussen.items():
        assert pagina(uit, "landelijk", f"loketten/{loket_id}").exists()
        for regio in REGIO_S:
            assert pagina(uit, regio, f"loketten/{loket_id}").exists() == (regio in status.regios), (regio, loket_id)


def test_verlopen_uitvoeringen_verborgen(gebouwde_sites: Path):
    html = pagina(gebouwde_sites, "zuid", f"scholing/{OUDE_UITVOERING}").read_text(encoding="utf-8")
    assert "Nieuwplaats" in html and "2 maart 2027" in html
    assert "Oudplaats" not in html and "1 oktober 2026" not in html


def test_landelijke_pagina_linkt_naar_elke_academie(gebouwde_sites_info: GebouwdeSites):
    uit, cat = gebouwde_sites_info.uit, gebouwde_sites_info.catalogus
    gecontroleerd = 0
    for scholing_id, scholing in cat.scholing.items():
        if not is_gepubliceerd(cat, scholing_id):
            continue
        hrefs = {a.get("href") for t, a in ontleed(pagina(uit, "landelijk", f"scholing/{scholing_id}")).tags if t == "a"}
        for regio in scholing.regios:
            assert f"{BASIS_URL}{regio}/scholing/{scholing_id}/" in hrefs, (scholing_id, regio)
            gecontroleerd += 1
    assert gecontroleerd > 30


def _doel(uit: Path, bron: Path, href: str) -> Path | None:
    """The built file a link points to, or None for links outside the six sites."""
    if href.startswith(("mailto:", "#", "javascript:")) or not href:
        return None
    if href.startswith(BASIS_URL):
        rel = href[len(BASIS_URL):]
    elif re.match(r"^[a-z]+:", href):
        return None
    else:
        bron_url = BASIS_URL + bron.relative_to(uit).as_posix()
        rel = urljoin(bron_url, href)[len(BASIS_URL):]
    pad = urlsplit(rel).path
    doel = uit / pad
    return doel / "index.html" if pad.endswith("/") or pad == "" else doel


def test_links_tussen_en_binnen_sites_werken(gebouwde_sites: Path):
    kapot = []
    aantal_extern = 0
    for bron in gebouwde_sites.glob("*/**/index.html"):
        if "pagefind" in bron.parts:
            continue
        for tag, attrs in ontleed(bron).tags:
            if tag != "a":
                continue
            href = attrs.get("href", "")
            doel = _doel(gebouwde_sites, bron, href)
            if doel is None:
                continue
            if href.startswith(BASIS_URL):
                aantal_extern += 1
            if not doel.exists():
                kapot.append(f"{bron.relative_to(gebouwde_sites)} -> {href}")
    assert not kapot, kapot[:20]
    assert aantal_extern > 50  # the footer and 'aangeboden via' links between sites were checked


def test_recordpaginas_niet_in_navigatie(gebouwde_sites: Path):
    for site in ("landelijk", "zuid"):
        for pad in ("", "aanbod", f"scholing/{OUDE_UITVOERING}" if site == "zuid" else "scholing/startmodule-buurtsportcoach"):
            html = pagina(gebouwde_sites, site, pad).read_text(encoding="utf-8")
            nav = html[html.index('<nav class="md-nav md-nav--primary"'):html.index("</nav>", html.index('md-nav--primary'))]
            assert "scholing/" not in nav and "loketten/breda" not in nav, (site, pad)
            assert "aanbod/" in nav or pad == "aanbod"


def test_zoekcontract_en_jsonld(gebouwde_sites: Path):
    html = pagina(gebouwde_sites, "zuid", "scholing/startmodule-buurtsportcoach").read_text(encoding="utf-8")
    assert "data-pagefind-body" in html
    assert "data-pagefind-body" not in pagina(gebouwde_sites, "zuid", "").read_text(encoding="utf-8")
    assert "data-pagefind-body" in pagina(gebouwde_sites, "zuid", "aanbod-aanmelden").read_text(encoding="utf-8")
    for soort, record in (("aanbieders", "kenniscentrum-sport-en-wijk"), ("loketten", "breda")):
        assert "data-pagefind-body" in pagina(gebouwde_sites, "zuid", f"{soort}/{record}").read_text(encoding="utf-8")
    ld = [json.loads(tekst) for attrs, tekst in ontleed(pagina(gebouwde_sites, "landelijk", "scholing/werken-met-netwerken")).scripts
          if attrs.get("type") == "application/ld+json"]
    assert len(ld) == 1 and ld[0]["@type"] == "Course"
    assert ld[0]["provider"]["name"] and ld[0]["offers"]["priceCurrency"] == "EUR"
    assert ld[0]["hasCourseInstance"][0]["startDate"] >= PEILDATUM.isoformat()
    assert ld[0]["url"] == f"{BASIS_URL}landelijk/scholing/werken-met-netwerken/"


def test_regionale_site_toont_academie(gebouwde_sites_info: GebouwdeSites):
    uit, cat = gebouwde_sites_info.uit, gebouwde_sites_info.catalogus
    for regio in REGIO_S:
        home = pagina(uit, regio, "").read_text(encoding="utf-8")
        academie = cat.academies[regio]
        assert f"<h1>{academie.naam}</h1>" in home
        assert f'data-md-color-primary="{academie.kleur}"' in home
        assert f"<title>{academie.naam}</title>" in home


def test_loketoverzicht_telt_per_provincie(gebouwde_sites_info: GebouwdeSites):
    uit, cat = gebouwde_sites_info.uit, gebouwde_sites_info.catalogus
    html = pagina(uit, "landelijk", "loketten").read_text(encoding="utf-8")
    volwaardig_zh = sum(1 for s in cat.loket_statussen.values() if "zuid-holland" in s.provincies and s.volwaardig)
    ontw_zh = sum(1 for s in cat.loket_statussen.values() if "zuid-holland" in s.provincies and not s.volwaardig)
    assert f"<tr><td>Zuid-Holland</td><td>{volwaardig_zh}</td><td>{ontw_zh}</td><td>{volwaardig_zh + ontw_zh}</td></tr>" in html
    zoeker = pagina(uit, "landelijk", "loket-zoeken").read_text(encoding="utf-8")
    assert zoeker.count('data-gemeente="') == len(cat.gemeenten.gemeenten)
    assert "Nog geen loket" in zoeker


def _attributen_zijn_onschuldig(pad: Path) -> None:
    p = ontleed(pad)
    for tag, attrs in p.tags:
        for naam, waarde in attrs.items():
            assert not naam.startswith("on"), (pad, tag, naam)
            if naam in ("href", "src", "action", "formaction"):
                assert not waarde.strip().lower().startswith(("javascript:", "data:", "vbscript:")), (pad, tag, waarde)
        assert tag not in ("iframe", "object", "embed", "svg") or tag == "svg" and "onload" not in attrs
    for attrs, tekst in p.scripts:
        if attrs.get("type") in ("application/ld+json", "application/json"):
            json.loads(tekst)  # data stays data: the content could not close the element
        else:
            assert "alert(" not in tekst, (pad, tekst[:200])


def test_vijandige_inhoud_is_onschadelijk(gebouwde_vijandige_sites: GebouwdeSites):
    uit = gebouwde_vijandige_sites.uit
    paginas = [pagina(uit, site, pad) for site in ("landelijk", "zuid")
               for pad in (f"scholing/{VIJANDIG}", f"aanbieders/{VIJANDIGE_AANBIEDER}", "aanbod", "", "aanbieders")]
    for pad in paginas:
        assert pad.is_file(), pad
        html = pad.read_text(encoding="utf-8")
        assert HOSTILE_SCRIPT not in html
        assert "<img src=x" not in html and "<iframe" not in html
        _attributen_zijn_onschuldig(pad)
    html = paginas[0].read_text(encoding="utf-8")
    assert "Vijandig &lt;script&gt;alert(1)&lt;/script&gt;" in html  # shown as text, not dropped
    assert '<a href="https://voorbeeld.example.nl/pad"' in html  # a normal link in the Markdown survives
    ld = [json.loads(t) for a, t in ontleed(paginas[0]).scripts if a.get("type") == "application/ld+json"]
    assert ld[0]["name"] == f"Vijandig {HOSTILE_SCRIPT}"
    assert ld[0]["keywords"] == "</script><script>alert(1)</script>"


def test_mislukte_build_laat_vorige_versie_staan(tmp_path: Path, gebouwde_sites_info: GebouwdeSites):
    project = tmp_path / "project"
    for deel in ("docs", "hooks", "overrides", "sites"):
        shutil.copytree(REPO / deel, project / deel)
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    config = project / "sites" / "zuid.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("site: zuid", "site: onbekend"), encoding="utf-8")
    uit = tmp_path / "site"
    (uit / "zuid").mkdir(parents=True)
    (uit / "zuid" / "vorige.html").write_text("vorige build", encoding="utf-8")
    voor = {k: v for k, v in os.environ.items() if k.startswith("LAB_")}
    resultaat = bouw_site("zuid", BouwOpdracht(gebouwde_sites_info.root, uit, PEILDATUM, BASIS_URL, project))
    assert not resultaat.gelukt and "onbekend" in resultaat.fout
    # An inline build leaves the caller's environment as it was.
    assert {k: v for k, v in os.environ.items() if k.startswith("LAB_")} == voor
    assert (uit / "zuid" / "vorige.html").read_text(encoding="utf-8") == "vorige build"
    assert sorted(p.name for p in uit.iterdir()) == ["zuid"]  # no temporary folders left behind


def test_gewone_mkdocs_build_van_een_regio(tmp_path: Path, gebouwde_sites_info: GebouwdeSites):
    omgeving = {k: v for k, v in os.environ.items() if not k.startswith("LAB_")}
    omgeving.update(LAB_ROOT=str(gebouwde_sites_info.root), LAB_PEILDATUM=PEILDATUM.isoformat(), NO_MKDOCS_2_WARNING="1")
    uit = tmp_path / "zuid"
    proces = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", "sites/zuid.yml", "-d", str(uit)],
                            cwd=REPO, env=omgeving, capture_output=True, text=True, timeout=300)
    assert proces.returncode == 0, proces.stderr[-2000:]
    html = (uit / "scholing" / "startmodule-buurtsportcoach" / "index.html").read_text(encoding="utf-8")
    # Without LAB_BASIS_URL the links use the academies' public addresses.
    assert 'href="https://noord.lab-catalogus.example.nl/scholing/startmodule-buurtsportcoach/"' in html
