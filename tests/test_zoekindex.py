"""Real Pagefind on a tiny built site: Dutch stemming, only page content indexed, facets and sorting work."""

from __future__ import annotations

import datetime
import json
from html import escape
from pathlib import Path

import pytest

from lab_catalogus.catalogus import laad_catalogus
from lab_catalogus.zoekdata import pagefind_kenmerken
from lab_catalogus.zoekindex import ZoekindexFout, indexeer
from zoekhulp import serveer, zoek

REPO = Path(__file__).resolve().parent.parent
SCHOLING = ["werken-met-netwerken", "webinar-sport-voor-ieder-budget", "hoe-werkt-die-gemeente-nou"]


def _pagina(titel: str, inhoud: str, kenmerken: str = "", body: bool = True) -> str:
    attribuut = " data-pagefind-body" if body else ""
    return (f'<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>{escape(titel)}</title></head><body>'
            f'<nav>Menu kruimelpad navigatiewoord</nav><article{attribuut}><h1>{escape(titel)}'
            f'<a class="headerlink" href="#">koppelingsanker</a></h1><p>{escape(inhoud)}</p>{kenmerken}</article>'
            f"<footer>voettekstwoord</footer></body></html>")


@pytest.fixture(scope="module")
def kleine_site(tmp_path_factory):
    catalogus, _ = laad_catalogus(REPO, datetime.date(2026, 11, 20))
    site = tmp_path_factory.mktemp("site")
    for scholing_id in SCHOLING:
        s = catalogus.scholing[scholing_id]
        (site / "scholing" / scholing_id).mkdir(parents=True)
        tekst = s.samenvatting + (" Over samenwerking in de wijk." if scholing_id == "werken-met-netwerken" else "")
        (site / "scholing" / scholing_id / "index.html").write_text(
            _pagina(s.titel, tekst, pagefind_kenmerken("scholing", scholing_id, catalogus, "landelijk")), encoding="utf-8")
    (site / "aanbieders" / "sportwerk-brabant").mkdir(parents=True)
    (site / "aanbieders" / "sportwerk-brabant" / "index.html").write_text(
        _pagina("Sportwerk Brabant", catalogus.aanbieders["sportwerk-brabant"].beschrijving,
                pagefind_kenmerken("aanbieders", "sportwerk-brabant", catalogus, "landelijk")), encoding="utf-8")
    (site / "index.html").write_text(_pagina("Home", "Welkom bij de catalogus.", body=False), encoding="utf-8")
    meldingen: list[str] = []
    resultaat = indexeer(site, "landelijk", REPO, melding=meldingen.append)
    with serveer(site) as url:
        yield {"catalogus": catalogus, "site": site, "resultaat": resultaat, "meldingen": meldingen,
               "bundel": url + "pagefind/"}


def test_index_met_nederlandse_taal(kleine_site):
    resultaat = kleine_site["resultaat"]
    assert resultaat.paginas == 4  # the home page has no data-pagefind-body
    assert resultaat.map == kleine_site["site"] / "pagefind"
    entry = json.loads((resultaat.map / "pagefind-entry.json").read_text())
    assert list(entry["languages"]) == ["nl"]
    assert any("4 pagina's" in m for m in kleine_site["meldingen"])


def test_stemming_samenwerken_vindt_samenwerking(kleine_site):
    antwoord = zoek(kleine_site["bundel"], [{"term": "samenwerken"}])["antwoorden"][0]
    titels = [r["meta"]["title"] for r in antwoord["resultaten"]]
    assert "Werken met netwerken" in titels


def test_navigatie_voettekst_en_kenmerken_niet_doorzoekbaar(kleine_site):
    antwoorden = zoek(kleine_site["bundel"], [{"term": t} for t in
                                              ("navigatiewoord", "voettekstwoord", "koppelingsanker", "Binnen")])
    assert [a["aantal"] for a in antwoorden["antwoorden"]] == [0, 0, 0, 0]


def test_filters_en_sortering(kleine_site):
    catalogus = kleine_site["catalogus"]
    kader = catalogus.kader
    thema = kader.label("themas", "sociaal-domein")
    verwacht = sum(1 for i in SCHOLING if "sociaal-domein" in catalogus.scholing[i].themas)
    uit = zoek(kleine_site["bundel"], [
        {"term": None, "filters": {"thema": thema}},
        {"term": None, "filters": {"type": "Scholing"}},
        {"term": None, "filters": {"type": ["Aanbieder"]}},
        {"term": None, "filters": {"type": "Scholing", "kosten": "Gratis"}},
    ])
    thema_antwoord, op_prijs, aanbieders, gratis = uit["antwoorden"]
    assert verwacht >= 1 and thema_antwoord["aantal"] == verwacht
    assert uit["filters"]["type"] == {"Scholing": 3, "Aanbieder": 1}
    # Sorting runs on the hidden sort filters: every page carries its exact price and first start date.
    assert sum(uit["filters"]["sorteer_prijs"].values()) == 4 and sum(uit["filters"]["sorteer_start"].values()) == 4
    for r in op_prijs["resultaten"]:
        s = catalogus.scholing[r["url"].strip("/").split("/")[-1]]
        assert float(r["filters"]["sorteer_prijs"][0]) == s.kosten.bedrag
    assert len(op_prijs["resultaten"]) == 3
    assert [r["meta"]["title"] for r in aanbieders["resultaten"]] == ["Sportwerk Brabant"]
    assert [r["meta"]["prijs"] for r in gratis["resultaten"]] == ["Gratis"]


def test_fouten_in_het_nederlands(tmp_path):
    with pytest.raises(ZoekindexFout, match="bestaat niet"):
        indexeer(tmp_path / "nergens", "zuid", REPO)
    with pytest.raises(ZoekindexFout, match="geen HTML"):
        indexeer(tmp_path, "zuid", REPO)
    (tmp_path / "index.html").write_text("<html lang='nl'><body><p>geen body-markering</p>"
                                         "<div data-pagefind-body hidden></div></body></html>")
    with pytest.raises(ZoekindexFout):
        indexeer(tmp_path, "zuid", REPO)


def test_woordindex_in_kleine_stukken(tmp_path):
    # 40 pages of 150 words: about 6,000 word positions. Pagefind's own chunk size (20,000) keeps
    # them in one chunk; ours splits them, so a later query loads a small part of the index.
    site = tmp_path / "site"
    woorden = [f"woord{i:03d}" for i in range(300)]
    for n in range(40):
        (site / f"p{n}").mkdir(parents=True)
        tekst = " ".join(woorden[(n * 7 + k) % len(woorden)] for k in range(150))
        (site / f"p{n}" / "index.html").write_text(_pagina(f"Pagina {n}", tekst), encoding="utf-8")
    resultaat = indexeer(site, "landelijk", REPO)
    stukken = list((resultaat.map / "index").glob("*.pf_index"))
    assert len(stukken) >= 3, len(stukken)
    # Searching still finds every page with the word, whichever chunk it is in.
    with serveer(site) as url:
        antwoorden = zoek(url + "pagefind/", [{"term": "woord000"}, {"term": "woord299"}])["antwoorden"]
    verwacht = [sum(1 for n in range(40) if any((n * 7 + k) % 300 == w for k in range(150))) for w in (0, 299)]
    assert [a["aantal"] for a in antwoorden] == verwacht
