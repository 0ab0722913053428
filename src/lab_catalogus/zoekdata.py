"""Search facets for one record page: hidden Pagefind filter, meta and sort elements.

The page builders put `pagefind_kenmerken(...)` inside the `data-pagefind-body`
element of every scholing, aanbieder and loket page. The wrapper is `hidden`
(nothing shows) and `data-pagefind-ignore="index"`: its words stay out of the
full-text index (so "Gratis" in a filter does not match every free course),
while Pagefind still reads the filters, meta and sort keys inside it.

Filter and meta values are display labels from the begrippenkader, so the
search page can show them as they are. Every value is html-escaped.

Sorting: Pagefind drops pages without the sort key from sorted results, so
every record page carries both keys (`start`, `prijs`); aanbieders and
loketten get values that sort them last.
"""

from __future__ import annotations

import calendar
import datetime
import json
from html import escape

# Filter names (the keys in the search URL and in Pagefind's filter list).
TYPE = "type"
THEMA = "thema"
VORM = "vorm"
CARRIEREPAD = "carrierepad"
NIVEAU = "niveau"
DOELGROEP = "doelgroep"
LOCATIEVORM = "locatievorm"
PROVINCIE = "provincie"
PLAATS = "plaats"
REGIO = "regio"
KOSTEN = "kosten"
AANBIEDER = "aanbieder"
START = "start"

TYPE_LABELS = {"scholing": "Scholing", "aanbieders": "Aanbieder", "loketten": "Loket"}
_SOORT_ALIASSEN = {"scholing": "scholing", "aanbieder": "aanbieders", "aanbieders": "aanbieders",
                   "loket": "loketten", "loketten": "loketten"}

GRATIS = "Gratis"
TOT_250 = "Tot € 250"
TOT_1000 = "€ 250 tot € 1.000"
BOVEN_1000 = "Boven € 1.000"
KOSTEN_BANDEN = (GRATIS, TOT_250, TOT_1000, BOVEN_1000)

BINNEN_3_MAANDEN = "Binnen 3 maanden"
LATER = "Later"
DOORLOPEND = "Doorlopend"

# Sort values that put records without a date or price after all others.
GEEN_DATUM = "9999-12-31"
GEEN_PRIJS = "999999"

_MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
            "september", "oktober", "november", "december")


class OnbekendRecord(LookupError):
    """The page builder asked for a record that is not in the catalogue."""


def plus_maanden(datum: datetime.date, maanden: int) -> datetime.date:
    """Same day `maanden` months later, clamped to the month's last day (31 jan + 1 = 28/29 feb)."""
    index = datum.month - 1 + maanden
    jaar, maand = datum.year + index // 12, index % 12 + 1
    return datum.replace(year=jaar, month=maand, day=min(datum.day, calendar.monthrange(jaar, maand)[1]))


def nl_datum(datum: datetime.date) -> str:
    return f"{datum.day} {_MAANDEN[datum.month - 1]} {datum.year}"


def nl_bedrag(bedrag: float) -> str:
    """'€ 1.250' or '€ 49,50' (Dutch separators)."""
    centen = round(bedrag * 100)
    euro, rest = divmod(centen, 100)
    tekst = f"{euro:,}".replace(",", ".")
    return f"€ {tekst},{rest:02d}" if rest else f"€ {tekst}"


def kosten_band(bedrag: float) -> str:
    if bedrag <= 0:
        return GRATIS
    if bedrag < 250:
        return TOT_250
    if bedrag <= 1000:
        return TOT_1000
    return BOVEN_1000


def eerstvolgende_start(scholing, peildatum: datetime.date) -> datetime.date | None:
    """The first run that has not started before the build date."""
    starts = sorted(u.start for u in scholing.uitvoeringen if u.start >= peildatum)
    return starts[0] if starts else None


def start_kenmerk(scholing, peildatum: datetime.date) -> list[str]:
    """'Binnen 3 maanden', 'Later' and/or 'Doorlopend', relative to the build date."""
    waarden: list[str] = []
    volgende = eerstvolgende_start(scholing, peildatum)
    if volgende is not None:
        waarden.append(BINNEN_3_MAANDEN if volgende <= plus_maanden(peildatum, 3) else LATER)
    if scholing.doorlopend:
        waarden.append(DOORLOPEND)
    return waarden


def _uniek(waarden) -> list[str]:
    uit: list[str] = []
    for waarde in waarden:
        if waarde and waarde not in uit:
            uit.append(waarde)
    return uit


def _provincie_label(catalogus, provincie_id: str) -> str:
    return catalogus.kader.label("provincies", provincie_id)


def _provincies_van_plaatsen(catalogus, namen) -> list[str]:
    """Provinces of the names that are municipalities; free-text places that are not are skipped."""
    uit = []
    for naam in namen:
        gemeente = catalogus.gemeenten.zoek(naam)
        if gemeente:
            uit.append(_provincie_label(catalogus, gemeente.provincie))
    return _uniek(uit)


def academie_naam(catalogus, regio: str) -> str:
    academie = catalogus.academies.get(regio)
    if academie is not None:
        return academie.naam
    term = catalogus.kader.term("regios", regio)
    return str(term.extra.get("academie", term.label)) if term else regio


class _Kenmerken:
    """Collects filter/meta/sort values and renders them as escaped HTML."""

    def __init__(self) -> None:
        self.filters: list[tuple[str, str]] = []
        self.meta: list[tuple[str, str]] = []
        self.sort: list[tuple[str, str]] = []

    def filter(self, naam: str, waarden) -> None:
        if isinstance(waarden, str):
            waarden = [waarden]
        self.filters += [(naam, w) for w in _uniek(waarden)]

    def html(self) -> str:
        delen = ['<div hidden data-pagefind-ignore="index" class="lab-zoekkenmerken">']
        for attribuut, paren in (("filter", self.filters), ("meta", self.meta), ("sort", self.sort)):
            for naam, waarde in paren:
                delen.append(f'<span data-pagefind-{attribuut}="{escape(naam)}">{escape(waarde)}</span>')
        delen.append("</div>")
        return "".join(delen)


def _scholing(k: _Kenmerken, scholing, catalogus) -> None:
    kader = catalogus.kader
    peildatum = catalogus.context.peildatum
    aanbieder = catalogus.aanbieders.get(scholing.aanbieder)
    aanbieder_naam = aanbieder.naam if aanbieder else scholing.aanbieder
    plaatsen = _uniek([scholing.locatie.plaats, *(u.plaats for u in scholing.uitvoeringen if u.start >= peildatum)])
    gemeenten = _uniek([scholing.locatie.gemeente, *plaatsen])
    regios = [r for r in scholing.regios]

    k.filter(THEMA, [kader.label("themas", t) for t in scholing.themas])
    k.filter(VORM, kader.label("scholingsvormen", scholing.vorm))
    k.filter(CARRIEREPAD, [kader.label("carrierepad", c) for c in scholing.carrierepad])
    if scholing.niveau:
        k.filter(NIVEAU, kader.label("niveaus", scholing.niveau))
    k.filter(DOELGROEP, [kader.label("doelgroepen", d) for d in scholing.doelgroepen])
    k.filter(LOCATIEVORM, kader.label("locatievormen", scholing.locatie.vorm))
    k.filter(PROVINCIE, _provincies_van_plaatsen(catalogus, gemeenten))
    k.filter(PLAATS, plaatsen)
    k.filter(REGIO, [kader.label("regios", r) for r in regios])
    k.filter(KOSTEN, kosten_band(scholing.kosten.bedrag))
    k.filter(AANBIEDER, aanbieder_naam)
    k.filter(START, start_kenmerk(scholing, peildatum))

    volgende = eerstvolgende_start(scholing, peildatum)
    if volgende is not None:
        start_tekst = nl_datum(volgende) + (" (of doorlopend)" if scholing.doorlopend else "")
    else:
        start_tekst = DOORLOPEND if scholing.doorlopend else "Geen startdatum bekend"
    prijs = GRATIS if scholing.kosten.bedrag <= 0 else nl_bedrag(scholing.kosten.bedrag)
    if scholing.kosten.bedrag > 0 and scholing.kosten.btw == "exclusief":
        prijs += " excl. btw"
    plaats = scholing.locatie.plaats or kader.label("locatievormen", scholing.locatie.vorm)

    k.meta += [("titel", scholing.titel), ("aanbieder", aanbieder_naam),
               ("vorm", kader.label("scholingsvormen", scholing.vorm)), ("start", start_tekst),
               ("prijs", prijs), ("plaats", plaats)]
    # Which academies list this offer: the search page links each one (national site).
    academies = [[r, academie_naam(catalogus, r)] for r in regios]
    k.meta.append(("academies", json.dumps(academies, ensure_ascii=False)))

    if volgende is not None:
        sort_start = volgende.isoformat()
    else:
        sort_start = peildatum.isoformat() if scholing.doorlopend else GEEN_DATUM
    k.sort += [("start", sort_start), ("prijs", f"{scholing.kosten.bedrag:.2f}")]


def _aanbieder(k: _Kenmerken, record_id: str, aanbieder, catalogus) -> None:
    kader = catalogus.kader
    eigen = [s for s in catalogus.scholing.values() if s.aanbieder == record_id]
    regios = _uniek(r for s in eigen for r in s.regios)
    k.filter(AANBIEDER, aanbieder.naam)
    if aanbieder.plaats:
        k.filter(PLAATS, aanbieder.plaats)
    k.filter(PROVINCIE, _provincies_van_plaatsen(catalogus, _uniek([aanbieder.gemeente, aanbieder.plaats])))
    # No thema filter here: a thema filter should count courses, not their providers.
    k.filter(REGIO, [kader.label("regios", r) for r in regios])
    k.meta += [("titel", aanbieder.naam), ("aanbiedertype", kader.label("aanbiedertypes", aanbieder.type)),
               ("aantal", str(len(eigen)))]
    if aanbieder.plaats:
        k.meta.append(("plaats", aanbieder.plaats))
    k.sort += [("start", GEEN_DATUM), ("prijs", GEEN_PRIJS)]


def _loket(k: _Kenmerken, record_id: str, loket, catalogus) -> None:
    kader = catalogus.kader
    status = catalogus.loket_statussen.get(record_id)
    gemeenten = list(loket.werkgebied.gemeenten)
    k.filter(PLAATS, gemeenten)
    if status is not None:
        k.filter(PROVINCIE, [_provincie_label(catalogus, p) for p in status.provincies])
        k.filter(REGIO, [kader.label("regios", r) for r in status.regios])
    k.meta += [("titel", loket.naam), ("plaats", ", ".join(gemeenten))]
    if status is not None:
        k.meta.append(("status", status.status))
    k.sort += [("start", GEEN_DATUM), ("prijs", GEEN_PRIJS)]


def pagefind_kenmerken(soort: str, record_id: str, catalogus, site: str) -> str:
    """Hidden Pagefind filter/meta/sort elements for one record page.

    `soort` is 'scholing', 'aanbieders'/'aanbieder' or 'loketten'/'loket';
    `site` is 'landelijk' or a regio id (recorded as meta so the search page
    knows where a result was indexed).
    """
    genormaliseerd = _SOORT_ALIASSEN.get(soort)
    if genormaliseerd is None:
        raise ValueError(f"onbekende soort '{soort}' voor zoekkenmerken; verwacht scholing, aanbieders of loketten")
    record = catalogus.records(genormaliseerd).get(record_id)
    if record is None:
        raise OnbekendRecord(f"{genormaliseerd}/{record_id} staat niet in de catalogus; zoekkenmerken kunnen niet worden gemaakt")
    k = _Kenmerken()
    k.filter(TYPE, TYPE_LABELS[genormaliseerd])
    if genormaliseerd == "scholing":
        _scholing(k, record, catalogus)
    elif genormaliseerd == "aanbieders":
        _aanbieder(k, record_id, record, catalogus)
    else:
        _loket(k, record_id, record, catalogus)
    k.meta += [("soort", genormaliseerd), ("id", record_id), ("site", site)]
    return k.html()
