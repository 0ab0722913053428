"""Search facets per record page (zoekdata): values, escaping, build-date dependence."""

from __future__ import annotations

import datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest

from lab_catalogus.catalogus import laad_catalogus
from lab_catalogus.pages.opmaak import datum
from lab_catalogus.selectie import eerstvolgende_start
from lab_catalogus.zoekdata import (BINNEN_3_MAANDEN, DOORLOPEND, GRATIS, LATER, OnbekendRecord, kosten_band,
                                    nl_bedrag, pagefind_kenmerken, plus_maanden)

REPO = Path(__file__).resolve().parent.parent
PEILDATUM = datetime.date(2026, 11, 20)


class _Lezer(HTMLParser):
    """Collects (kind, name) -> [values] from the hidden Pagefind elements, and the wrapper's attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.waarden: dict[tuple[str, str], list[str]] = {}
        self.wrapper: dict[str, str | None] | None = None
        self._open: tuple[str, str] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "div" and self.wrapper is None:
            self.wrapper = attrs
        for soort in ("filter", "meta", "sort"):
            naam = attrs.get(f"data-pagefind-{soort}")
            if naam is not None:
                self._open = (soort, naam)
                self.waarden.setdefault(self._open, []).append("")

    def handle_data(self, data):
        if self._open:
            self.waarden[self._open][-1] += data

    def handle_endtag(self, tag):
        self._open = None


def lees(html: str) -> _Lezer:
    lezer = _Lezer()
    lezer.feed(html)
    return lezer


@pytest.fixture(scope="module")
def catalogus():
    cat, findings = laad_catalogus(REPO, PEILDATUM)
    assert not [f for f in findings if f.is_fout]
    return cat


def test_scholing_kenmerken_gebruiken_begrippenkader_labels(catalogus):
    k = lees(pagefind_kenmerken("scholing", "werken-met-netwerken", catalogus, "landelijk")).waarden
    s = catalogus.scholing["werken-met-netwerken"]
    kader = catalogus.kader
    assert k[("filter", "type")] == ["Scholing"]
    assert k[("filter", "thema")] == [kader.label("themas", t) for t in s.themas]
    assert k[("filter", "vorm")] == [kader.label("scholingsvormen", s.vorm)]
    assert k[("filter", "carrierepad")] == [kader.label("carrierepad", c) for c in s.carrierepad]
    assert k[("filter", "niveau")] == [kader.label("niveaus", s.niveau)]
    assert k[("filter", "locatievorm")] == [kader.label("locatievormen", s.locatie.vorm)]
    assert k[("filter", "regio")] == [kader.label("regios", r) for r in s.regios]
    assert k[("filter", "aanbieder")] == [catalogus.aanbieders[s.aanbieder].naam]
    # Places of the course and its coming runs (in that order, once each), with their provinces.
    plaatsen = list(dict.fromkeys([s.locatie.plaats] + [u.plaats for u in s.uitvoeringen
                                                        if u.plaats and u.start >= PEILDATUM]))
    assert len(plaatsen) > 1 and k[("filter", "plaats")] == plaatsen
    assert set(k[("filter", "provincie")]) == {
        kader.label("provincies", catalogus.gemeenten.zoek(p).provincie) for p in plaatsen}
    assert k[("filter", "kosten")] == [kosten_band(s.kosten.bedrag)]
    assert k[("meta", "title")] == [s.titel]
    assert s.kosten.btw != "exclusief" and k[("meta", "prijs")] == [nl_bedrag(s.kosten.bedrag)]
    volgende = eerstvolgende_start(s, PEILDATUM)
    assert k[("meta", "start")] == [datum(volgende)]
    assert k[("meta", "plaats")] == [s.locatie.plaats]
    assert k[("filter", "sorteer_start")] == [volgende.isoformat()]
    assert float(k[("filter", "sorteer_prijs")][0]) == s.kosten.bedrag
    assert k[("meta", "academies")] == [" ".join(s.regios)]


def test_kenmerken_tellen_niet_mee_als_zoektekst(catalogus):
    lezer = lees(pagefind_kenmerken("scholing", "werken-met-netwerken", catalogus, "noord"))
    assert "hidden" in lezer.wrapper
    assert lezer.wrapper["data-pagefind-ignore"] == "index"


def test_start_binnen_drie_maanden_hangt_af_van_peildatum(catalogus):
    s = catalogus.scholing["werken-met-netwerken"]  # first run 2027-01-26
    catalogus.context.peildatum = datetime.date(2026, 10, 27)
    try:
        vroeg = lees(pagefind_kenmerken("scholing", "werken-met-netwerken", catalogus, "landelijk")).waarden
        catalogus.context.peildatum = datetime.date(2026, 10, 25)
        eerder = lees(pagefind_kenmerken("scholing", "werken-met-netwerken", catalogus, "landelijk")).waarden
        catalogus.context.peildatum = datetime.date(2027, 1, 27)  # first run passed: next is 13 april
        later = lees(pagefind_kenmerken("scholing", "werken-met-netwerken", catalogus, "landelijk")).waarden
    finally:
        catalogus.context.peildatum = PEILDATUM
    assert not s.doorlopend
    assert vroeg[("filter", "start")] == [BINNEN_3_MAANDEN]
    assert eerder[("filter", "start")] == [LATER]
    assert later[("meta", "start")] == ["13 april 2027"]
    assert later[("filter", "start")] == [BINNEN_3_MAANDEN]


def test_doorlopend_en_gratis(catalogus):
    doorlopend = [i for i, s in catalogus.scholing.items() if s.doorlopend]
    assert doorlopend, "de voorbeeldcatalogus heeft doorlopend aanbod nodig voor deze test"
    k = lees(pagefind_kenmerken("scholing", doorlopend[0], catalogus, "landelijk")).waarden
    assert DOORLOPEND in k[("filter", "start")]
    gratis = next(i for i, s in catalogus.scholing.items() if s.kosten.bedrag == 0)
    k = lees(pagefind_kenmerken("scholing", gratis, catalogus, "landelijk")).waarden
    assert k[("filter", "kosten")] == [GRATIS]
    assert k[("meta", "prijs")] == [GRATIS]


def test_elk_record_heeft_beide_sorteersleutels(catalogus):
    # The search page sorts by walking these values; a page without one would drop out of sorted results.
    for soort in ("scholing", "aanbieders", "loketten"):
        for record_id in catalogus.records(soort):
            k = lees(pagefind_kenmerken(soort, record_id, catalogus, "landelijk")).waarden
            assert len(k[("filter", "sorteer_start")]) == 1 and len(k[("filter", "sorteer_prijs")]) == 1, (soort, record_id)
            # No data-pagefind-sort: Pagefind would put every sort order in the metadata every visitor loads.
            assert ("sort", "start") not in k and ("sort", "prijs") not in k
            assert k[("meta", "title")][0]


def test_aanbieder_en_loket(catalogus):
    k = lees(pagefind_kenmerken("aanbieder", "sportwerk-brabant", catalogus, "zuid")).waarden
    assert k[("filter", "type")] == ["Aanbieder"]
    assert k[("filter", "provincie")] == ["Noord-Brabant"]
    assert ("filter", "thema") not in k
    k = lees(pagefind_kenmerken("loketten", "breda", catalogus, "zuid")).waarden
    assert k[("filter", "type")] == ["Loket"]
    assert k[("filter", "regio")] == ["Zuid"]
    assert k[("meta", "status")] == [catalogus.loket_statussen["breda"].status]


def test_regio_van_een_aanbieder_telt_alleen_gepubliceerd_aanbod(catalogus):
    # A provider's regio filter comes from the offers the site publishes: an expired offer in a
    # region where it has nothing else does not put that region on the provider's page.
    eigen = [s for s in catalogus.scholing.values() if s.aanbieder == "sportwerk-brabant"]
    regios_nu = {r for s in eigen for r in s.regios}
    andere = next(r for r in catalogus.kader.ids("regios") if r not in regios_nu)
    kopie = eigen[0].model_copy(update={"regios": [andere], "geldig_tot": PEILDATUM - datetime.timedelta(days=1)})

    def regio_filter() -> list[str]:
        catalogus.scholing["verlopen-kopie"] = kopie
        try:
            return lees(pagefind_kenmerken("aanbieder", "sportwerk-brabant", catalogus, "landelijk")).waarden[
                ("filter", "regio")]
        finally:
            del catalogus.scholing["verlopen-kopie"]
    assert catalogus.kader.label("regios", andere) not in regio_filter()
    kopie = kopie.model_copy(update={"geldig_tot": None})  # published: now it counts
    assert catalogus.kader.label("regios", andere) in regio_filter()


def test_alles_wordt_ge_escaped(catalogus):
    s = catalogus.scholing["werken-met-netwerken"]
    oud = s.titel, s.locatie.plaats
    s.titel, s.locatie.plaats = '<script>alert("x")</script> & co', "Den <b>Bosch</b>"
    try:
        html = pagefind_kenmerken("scholing", "werken-met-netwerken", catalogus, "landelijk")
    finally:
        s.titel, s.locatie.plaats = oud
    assert "<script>" not in html and "<b>" not in html
    k = lees(html).waarden
    assert k[("meta", "title")] == ['<script>alert("x")</script> & co']
    assert "Den <b>Bosch</b>" in k[("filter", "plaats")]


def test_onbekend_record_of_soort_geeft_duidelijke_fout(catalogus):
    with pytest.raises(OnbekendRecord, match="bestaat-niet"):
        pagefind_kenmerken("scholing", "bestaat-niet", catalogus, "landelijk")
    with pytest.raises(ValueError, match="onbekende soort"):
        pagefind_kenmerken("academies", "noord", catalogus, "landelijk")


@pytest.mark.parametrize("bedrag,band", [(0, "Gratis"), (0.5, "Tot € 250"), (249.99, "Tot € 250"),
                                         (250, "€ 250 tot € 1.000"), (1000, "€ 250 tot € 1.000"),
                                         (1000.01, "Boven € 1.000")])
def test_kosten_band(bedrag, band):
    assert kosten_band(bedrag) == band


def test_hulpjes():
    assert plus_maanden(datetime.date(2026, 11, 30), 3) == datetime.date(2027, 2, 28)
    assert plus_maanden(datetime.date(2027, 12, 15), 1) == datetime.date(2028, 1, 15)
    assert nl_bedrag(1250) == "€ 1.250"
    assert nl_bedrag(49.5) == "€ 49,50"
