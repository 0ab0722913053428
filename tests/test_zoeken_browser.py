"""Search in real Chromium on the six built example sites (Pagefind index, our search page).

Expected numbers are computed from the catalogue (what the national site
publishes), never hard-coded. Tests assert on what the page shows.
"""

from __future__ import annotations

import datetime
import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from lab_catalogus.selectie import eerstvolgende_start, selecteer
from lab_catalogus.zoekdata import kosten_band

pytestmark = pytest.mark.browser

WACHT = 15_000  # ms: first load fetches the wasm and the filter files


def gepubliceerd(sites, regio=None) -> dict:
    selectie = selecteer(sites.catalogus, regio)
    return {i: sites.catalogus.scholing[i] for i in selectie.scholing}


def open_zoeken(pagina, sites, query: str = "", site: str = "landelijk"):
    pagina.goto(sites.url(site, "zoeken/" + (f"?{query}" if query else "")))
    expect(pagina.locator(".lab-zoekstatus")).not_to_be_empty(timeout=WACHT)


def status(pagina) -> str:
    return pagina.locator(".lab-zoekstatus").inner_text()


def aantal(pagina) -> int:
    tekst = status(pagina)
    if tekst.startswith("Geen resultaten"):
        return 0
    treffer = re.match(r"(\d+) resultat", tekst)
    assert treffer, f"onverwachte status: {tekst!r}"
    return int(treffer.group(1))


def wacht_op_aantal(pagina, n: int) -> None:
    verwacht = "Geen resultaten" if n == 0 else f"{n} {'resultaat' if n == 1 else 'resultaten'}"
    expect(pagina.locator(".lab-zoekstatus")).to_contain_text(verwacht, timeout=WACHT)


def alle_titels(pagina) -> list[str]:
    meer = pagina.locator(".lab-meer")
    while meer.is_visible():
        voor = pagina.locator(".lab-kaart").count()
        meer.click()
        expect(pagina.locator(".lab-kaart")).not_to_have_count(voor, timeout=WACHT)
    return pagina.locator(".lab-kaarttitel").all_inner_texts()


def filtervak(pagina, filter_naam: str, waarde: str):
    groep = pagina.locator(f'details[data-filter="{filter_naam}"]')
    if not groep.evaluate("d => d.open"):
        groep.locator("summary").click()
    return groep.locator(f'input[type="checkbox"][value="{waarde}"]')


def test_nederlandse_zoekvraag_met_stemming(pagina, zoek_sites):
    open_zoeken(pagina, zoek_sites)
    pagina.fill("#lab-zoekveld", "samenwerken")
    pagina.press("#lab-zoekveld", "Enter")
    expect(pagina.locator(".lab-kaarttitel", has_text="Werken met netwerken")).to_be_visible(timeout=WACHT)
    expect(pagina.locator(".lab-zoekstatus")).to_contain_text("voor “samenwerken”", timeout=WACHT)
    assert aantal(pagina) > 0
    # Stemming: the highlighted words include other forms than the one typed.
    alle_titels(pagina)
    gemarkeerd = {m.lower() for m in pagina.locator(".lab-excerpt mark").all_inner_texts()}
    assert any(w.startswith("samenwerking") for w in gemarkeerd), gemarkeerd
    # The card shows the record's facts from the catalogue.
    kaart = pagina.locator(".lab-kaart", has=pagina.locator(".lab-kaarttitel", has_text="Werken met netwerken"))
    s = zoek_sites.catalogus.scholing["werken-met-netwerken"]
    expect(kaart).to_contain_text(zoek_sites.catalogus.aanbieders[s.aanbieder].naam)
    expect(kaart).to_contain_text("€ 295")
    expect(kaart).to_contain_text(s.locatie.plaats)


def test_filter_vernauwt_en_telt_als_de_catalogus(pagina, zoek_sites):
    kader = zoek_sites.catalogus.kader
    scholing = gepubliceerd(zoek_sites)
    thema = "sportbeleid"
    verwacht = sorted(s.titel for s in scholing.values() if thema in s.themas)
    assert verwacht, "de voorbeeldcatalogus heeft aanbod over sportbeleid nodig"
    open_zoeken(pagina, zoek_sites)
    vak = filtervak(pagina, "thema", kader.label("themas", thema))
    vak.check()
    wacht_op_aantal(pagina, len(verwacht))
    assert sorted(alle_titels(pagina)) == verwacht
    # The count next to the option says the same.
    label = pagina.locator(f'label[for="{vak.get_attribute("id")}"] .lab-aantal')
    assert label.inner_text() == str(len(verwacht))


def test_gecombineerde_filters(pagina, zoek_sites):
    kader = zoek_sites.catalogus.kader
    scholing = gepubliceerd(zoek_sites)
    # Within one filter: any value (OR); across filters: all (AND).
    themas = ["samenwerken-en-netwerken", "sociaal-domein"]
    verwacht_of = [s for s in scholing.values() if set(themas) & set(s.themas)]
    band = kosten_band(0)
    verwacht_en = [s for s in verwacht_of if kosten_band(s.kosten.bedrag) == band]
    assert 0 < len(verwacht_en) < len(verwacht_of)
    query = "&".join(f"thema={kader.label('themas', t)}" for t in themas)
    open_zoeken(pagina, zoek_sites, query)
    wacht_op_aantal(pagina, len(verwacht_of))
    filtervak(pagina, "kosten", band).check()
    wacht_op_aantal(pagina, len(verwacht_en))
    assert sorted(alle_titels(pagina)) == sorted(s.titel for s in verwacht_en)
    # A third filter with a text query on top.
    vorm = verwacht_en[0].vorm
    verwacht_drie = [s for s in verwacht_en if s.vorm == vorm]
    filtervak(pagina, "vorm", kader.label("scholingsvormen", vorm)).check()
    wacht_op_aantal(pagina, len(verwacht_drie))


def test_sorteren_op_prijs_en_start(pagina, zoek_sites):
    scholing = gepubliceerd(zoek_sites)
    open_zoeken(pagina, zoek_sites, "type=Scholing&sort=prijs:asc")
    wacht_op_aantal(pagina, len(scholing))
    titels = alle_titels(pagina)
    per_titel = {s.titel: s for s in scholing.values()}
    prijzen = [per_titel[t].kosten.bedrag for t in titels]
    assert prijzen == sorted(prijzen)
    # By next start: doorlopend counts as today, no date at all comes last (as the cards say).
    pagina.select_option("#lab-sorteer", "start:asc")
    expect(pagina).to_have_url(re.compile(r"sort=start%3Aasc|sort=start:asc"))
    wacht_op_aantal(pagina, len(scholing))
    peildatum = zoek_sites.catalogus.context.peildatum

    def start(s):
        volgende = eerstvolgende_start(s, peildatum)
        return volgende or (peildatum if s.doorlopend else datetime.date.max)
    prijs_starts = [start(per_titel[t]) for t in titels]
    assert prijs_starts != sorted(prijs_starts)  # so the wait below waits for the new order
    # The list is redrawn after the URL changes: wait for the condition, not for a fixed pause.
    pagina.wait_for_function(
        """([volgorde]) => {
            const titels = [...document.querySelectorAll('.lab-kaarttitel')].map((t) => t.textContent.trim());
            const rang = titels.map((t) => volgorde[t]);
            return titels.length > 0 && rang.every((r, i) => i === 0 || rang[i - 1] <= r);
        }""", arg=[{s.titel: start(s).toordinal() for s in scholing.values()}], timeout=WACHT)
    titels = alle_titels(pagina)
    starts = [start(per_titel[t]) for t in titels]
    assert len(titels) == len(scholing) and starts == sorted(starts)


def test_hoogste_prijs_eerst_zet_aanbieders_en_loketten_achteraan(pagina, zoek_sites):
    # Providers and lokets have no price: they come last in both directions, not first.
    per_titel = {s.titel: s for s in gepubliceerd(zoek_sites).values()}
    open_zoeken(pagina, zoek_sites, "q=sport&sort=prijs:desc")
    expect(pagina.locator(".lab-kaart").first).to_be_visible(timeout=WACHT)
    titels = alle_titels(pagina)
    soorten = pagina.locator(".lab-kaartsoort").all_inner_texts()
    is_scholing = [t.startswith("Scholing") for t in soorten]
    assert True in is_scholing and False in is_scholing, soorten
    aantal_scholing = is_scholing.count(True)
    assert is_scholing == [True] * aantal_scholing + [False] * (len(is_scholing) - aantal_scholing)
    prijzen = [per_titel[t].kosten.bedrag for t in titels[:aantal_scholing]]
    assert prijzen == sorted(prijzen, reverse=True)


def test_url_bewaart_de_zoekopdracht(pagina, zoek_sites):
    kader = zoek_sites.catalogus.kader
    scholing = gepubliceerd(zoek_sites)
    online = kader.label("locatievormen", "online")
    open_zoeken(pagina, zoek_sites)
    pagina.fill("#lab-zoekveld", "sport")
    pagina.press("#lab-zoekveld", "Enter")
    expect(pagina).to_have_url(re.compile(r"\?q=sport"), timeout=WACHT)
    expect(pagina.locator(".lab-zoekstatus")).to_contain_text("voor “sport”", timeout=WACHT)
    eerste_aantal = aantal(pagina)
    filtervak(pagina, "locatievorm", online).check()
    expect(pagina).to_have_url(re.compile(r"locatievorm=Online"), timeout=WACHT)
    pagina.wait_for_function("n => !document.querySelector('.lab-zoekstatus').textContent.startsWith(n + ' ')",
                             arg=str(eerste_aantal), timeout=WACHT)
    gefilterd = aantal(pagina)
    assert 0 < gefilterd < eerste_aantal
    assert set(alle_titels(pagina)) <= {s.titel for s in scholing.values() if s.locatie.vorm == "online"}
    # Share: a fresh tab with this URL shows the same search.
    gedeeld = pagina.url
    pagina.reload()
    wacht_op_aantal(pagina, gefilterd)
    expect(pagina.locator("#lab-zoekveld")).to_have_value("sport")
    expect(filtervak(pagina, "locatievorm", online)).to_be_checked()
    assert parse_qs(urlparse(gedeeld).query) == {"q": ["sport"], "locatievorm": [online]}
    # Back button: the search before the filter returns, checkbox off.
    pagina.go_back()
    wacht_op_aantal(pagina, eerste_aantal)
    expect(filtervak(pagina, "locatievorm", online)).not_to_be_checked()
    pagina.go_forward()
    wacht_op_aantal(pagina, gefilterd)


@pytest.mark.parametrize("regio", ["noord", "oost", "zuid", "noordwest", "zuidwest"])
def test_landelijk_zoeken_vindt_elke_regio_en_linkt_naar_de_academie(pagina, zoek_sites, regio):
    catalogus = zoek_sites.catalogus
    regionaal = gepubliceerd(zoek_sites, regio)
    assert regionaal, f"regio {regio} heeft geen gepubliceerd aanbod in de voorbeeldcatalogus"
    scholing_id, s = sorted(regionaal.items(), key=lambda kv: len(kv[1].regios))[0]
    academie = catalogus.academies[regio].naam
    open_zoeken(pagina, zoek_sites, f"q={s.titel}")
    kaart = pagina.locator(".lab-kaart", has=pagina.locator(".lab-kaarttitel", has_text=s.titel)).first
    expect(kaart).to_be_visible(timeout=WACHT)
    link = kaart.locator(".lab-academielink", has_text=academie)
    expect(link).to_be_visible()
    assert link.get_attribute("href") == zoek_sites.url(regio, f"scholing/{scholing_id}/")
    link.click()
    expect(pagina).to_have_url(zoek_sites.url(regio, f"scholing/{scholing_id}/"), timeout=WACHT)
    expect(pagina.locator("h1").first).to_have_text(s.titel)


def test_landelijk_zoeken_in_samengevoegde_academie_indexen(pagina, zoek_sites):
    catalogus = zoek_sites.catalogus
    open_zoeken(pagina, zoek_sites, "q=samenwerken")
    pagina.check("#lab-samenvoegen")
    expect(pagina).to_have_url(re.compile(r"bron=academies"), timeout=WACHT)
    expect(pagina.locator('details[data-filter="academie"]')).to_be_visible(timeout=WACHT)
    # Every result now comes from an academy's own index and links into that academy's site.
    regio_urls = [zoek_sites.url(r) for r in catalogus.academies]
    # Wait until the merged results replaced the national ones (they render asynchronously).
    expect(pagina.locator(".lab-kaarttitel a").first).to_have_attribute(
        "href", re.compile("^(" + "|".join(re.escape(u) for u in regio_urls) + ")"), timeout=WACHT)
    hrefs = pagina.locator(".lab-kaarttitel a").evaluate_all("as => as.map(a => a.href)")
    assert hrefs, pagina.locator(".lab-zoekstatus").inner_text()
    assert all(any(h.startswith(u) for u in regio_urls) for h in hrefs), hrefs
    # The academy filter comes from mergeIndex's mergeFilter: pick one academy.
    zuid = catalogus.academies["zuid"].naam
    verwacht = sum(1 for s in gepubliceerd(zoek_sites, "zuid").values()) > 0
    filtervak(pagina, "academie", zuid).check()
    expect(pagina).to_have_url(re.compile(r"academie="), timeout=WACHT)
    # Wait for the redrawn list itself (not a fixed pause): only zuid's pages remain.
    expect(pagina.locator(f'.lab-kaarttitel a:not([href^="{zoek_sites.url("zuid")}"])')).to_have_count(0, timeout=WACHT)
    hrefs = pagina.locator(".lab-kaarttitel a").evaluate_all("as => as.map(a => a.href)")
    assert verwacht and hrefs and all(h.startswith(zoek_sites.url("zuid")) for h in hrefs)
    expect(pagina.locator(".lab-academies").first).to_contain_text(zuid)


def test_lege_uitkomst_helpt_verder(pagina, zoek_sites):
    scholing = gepubliceerd(zoek_sites)
    duur = kosten_band(5000)
    assert not [s for s in scholing.values() if s.doorlopend and kosten_band(s.kosten.bedrag) == duur]
    open_zoeken(pagina, zoek_sites, f"start=Doorlopend&kosten={duur}")
    wacht_op_aantal(pagina, 0)
    leeg = pagina.locator(".lab-leeg")
    expect(leeg).to_contain_text("Niets gevonden")
    expect(leeg.locator(".lab-vraaglink")).to_have_attribute("href", re.compile(r"vraag-melden"))
    expect(leeg.locator(".lab-verwant button").first).to_be_visible()
    leeg.locator("button", has_text=f"Zonder filter Kosten: {duur}").click()
    verwacht = sum(1 for s in scholing.values() if s.doorlopend)
    wacht_op_aantal(pagina, verwacht)
    expect(pagina).not_to_have_url(re.compile(r"kosten="))


def test_woord_zonder_treffers_stelt_de_meest_gebruikte_themas_voor(pagina, zoek_sites):
    # A word found nowhere: the suggestions are the region's most common themes, with their counts.
    scholing = gepubliceerd(zoek_sites, "oost")
    tellingen: dict[str, int] = {}
    for s in scholing.values():
        for t in s.themas:
            label = zoek_sites.catalogus.kader.label("themas", t)
            tellingen[label] = tellingen.get(label, 0) + 1
    hoogste = sorted(tellingen.values(), reverse=True)[:6]
    open_zoeken(pagina, zoek_sites, "q=qwxzvjk", site="oost")
    wacht_op_aantal(pagina, 0)
    knoppen = pagina.locator(".lab-leeg .lab-verwant button")
    expect(knoppen.first).to_be_visible(timeout=WACHT)
    getoond = [re.fullmatch(r"(.+) \((\d+)\)", t).groups() for t in knoppen.all_inner_texts()]
    assert [int(n) for _, n in getoond] == hoogste
    assert all(tellingen[thema] == int(n) for thema, n in getoond)
    # Choosing one drops the word that found nothing and filters on the theme.
    thema, n = getoond[0]
    knoppen.first.click()
    wacht_op_aantal(pagina, int(n))
    assert parse_qs(urlparse(pagina.url).query).get("thema") == [thema]


def test_functiewoorden_in_de_zoekvraag_tellen_niet_mee(pagina, zoek_sites):
    # Alone (nothing but function words) "zou" is searched as typed: a few pages have words that
    # start with it. Next to a content word it is left out, so it does not narrow the result.
    open_zoeken(pagina, zoek_sites, "q=zou")
    expect(pagina.locator(".lab-zoekstatus")).to_contain_text("voor “zou”", timeout=WACHT)
    m = aantal(pagina)
    open_zoeken(pagina, zoek_sites, "q=ouderen")
    expect(pagina.locator(".lab-kaart").first).to_be_visible(timeout=WACHT)
    n = aantal(pagina)
    assert n > m, (n, m)  # with "zou" searched too, "ouderen zou" could find at most m
    pagina.fill("#lab-zoekveld", "ouderen zou")
    pagina.press("#lab-zoekveld", "Enter")
    expect(pagina.locator(".lab-zoekstatus")).to_have_text(
        f"{n} {'resultaat' if n == 1 else 'resultaten'} voor “ouderen zou”.", timeout=WACHT)
    # A quoted phrase is searched exactly as typed, function words included.
    pagina.fill("#lab-zoekveld", '"ouderen zou"')
    pagina.press("#lab-zoekveld", "Enter")
    wacht_op_aantal(pagina, 0)


def test_contactgegevens_zijn_niet_doorzoekbaar(pagina, zoek_sites):
    # Every provider and loket has a web or mail address on *.example.nl; none of its parts is a
    # search word (the guide "aanbod aanmelden" shows an example address, so the
    # check is per record type). The provider itself is still found by its name.
    aanbieder = zoek_sites.catalogus.aanbieders["beweegkracht-opleidingen"]
    assert "example" in aanbieder.website and aanbieder.contact.email.startswith("info@")
    for soort in ("Aanbieder", "Loket"):
        for woord in ("example", "https", "info"):
            open_zoeken(pagina, zoek_sites, f"q={woord}&type={soort}")
            wacht_op_aantal(pagina, 0)
    open_zoeken(pagina, zoek_sites, f"q={aanbieder.naam}&type=Aanbieder")
    expect(pagina.locator(".lab-kaarttitel", has_text=aanbieder.naam)).to_be_visible(timeout=WACHT)


def test_zoekveld_in_de_kop_leidt_naar_zoeken(pagina, zoek_sites):
    pagina.goto(zoek_sites.url("zuid"))
    pagina.fill("#lab-kopzoekveld", "bewegen")
    pagina.press("#lab-kopzoekveld", "Enter")
    expect(pagina).to_have_url(zoek_sites.url("zuid", "zoeken/?q=bewegen"), timeout=WACHT)
    expect(pagina.locator(".lab-kaart").first).to_be_visible(timeout=WACHT)
    # A regional site finds only its own region's offer.
    regionaal = {s.titel for s in gepubliceerd(zoek_sites, "zuid").values()}
    andere = {s.titel for s in gepubliceerd(zoek_sites).values()} - regionaal
    titels = set(alle_titels(pagina))
    assert not titels & andere


def _tab_tot(pagina, selector: str, max_tabs: int = 80) -> None:
    for _ in range(max_tabs):
        if pagina.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
        pagina.keyboard.press("Tab")
    raise AssertionError(f"met Tab niet bij {selector} gekomen")


def test_alleen_toetsenbord(pagina, zoek_sites):
    pagina.goto(zoek_sites.url("landelijk", "zoeken/"))
    expect(pagina.locator(".lab-zoekstatus")).not_to_be_empty(timeout=WACHT)
    pagina.evaluate("document.activeElement && document.activeElement.blur()")
    _tab_tot(pagina, "#lab-zoekveld")
    pagina.keyboard.type("samenwerken")
    pagina.keyboard.press("Enter")
    expect(pagina.locator(".lab-zoekstatus")).to_contain_text("voor “samenwerken”", timeout=WACHT)
    voor = aantal(pagina)
    _tab_tot(pagina, 'input[type="checkbox"][name="kosten"]')
    pagina.keyboard.press("Space")
    expect(pagina).to_have_url(re.compile(r"kosten="), timeout=WACHT)
    pagina.wait_for_function("n => !document.querySelector('.lab-zoekstatus').textContent.startsWith(n + ' ')",
                             arg=str(voor), timeout=WACHT)
    assert pagina.evaluate("document.activeElement.name") == "kosten"  # focus stays on the filter
    _tab_tot(pagina, ".lab-kaarttitel a", max_tabs=200)
    doel = pagina.evaluate("document.activeElement.href")
    pagina.keyboard.press("Enter")
    expect(pagina).to_have_url(doel, timeout=WACHT)
    expect(pagina.locator("article[data-pagefind-body] h1")).to_be_visible()
