"""Search facets for one record page: hidden Pagefind filter, meta and sort elements.

The page builders put `pagefind_kenmerken(...)` inside the `data-pagefind-body`
element of every scholing, aanbieder and loket page. The wrapper is `hidden`
(nothing shows) and `data-pagefind-ignore="index"`: its words stay out of the
full-text index (so "Gratis" in a filter does not match every free course),
while Pagefind still reads the filters, meta and sort keys inside it.

Filter and meta values are display labels from the begrippenkader, so the
search page can show them as they are. Every value is html-escaped.

Sorting: not with `data-pagefind-sort`. Pagefind puts every sort order in
its metadata file, which every visitor downloads before the first result
(about 23 KB per sort key on 10.000 pages). Instead every record page carries
two hidden filters with the exact sort value (`sorteer_start`: ISO date,
`sorteer_prijs`: amount); the search page loads them only when someone picks
a sort order and walks the values in order (docs/assets/zoeken.js). Aanbieders
and loketten get values that sort them last.

Meta: Pagefind 1.5 also makes meta values searchable, so pages carry only the
meta the result cards show (no ids or site names that would match every page).
"""

from __future__ import annotations

import calendar
import datetime
from html import escape

from .pages.opmaak import bedrag as nl_bedrag
from .pages.opmaak import datum as nl_datum
from .selectie import LANDELIJK, Selectie, eerstvolgende_start, selecteer

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
# Hidden filters that carry the exact sort values (see the module docstring).
SORTEER_START = "sorteer_start"
SORTEER_PRIJS = "sorteer_prijs"

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

class OnbekendRecord(LookupError):
    """The page builder asked for a record that is not in the catalogue."""


def plus_maanden(datum: datetime.date, maanden: int) -> datetime.date:
    """Same day `maanden` months later, clamped to the month's last day (31 jan + 1 = 28/29 feb)."""
    index = datum.month - 1 + maanden
    jaar, maand = datum.year + index // 12, index % 12 + 1
    return datum.replace(year=jaar, month=maand, day=min(datum.day, calendar.monthrange(jaar, maand)[1]))


def kosten_band(bedrag: float) -> str:
    if bedrag <= 0:
        return GRATIS
    if bedrag < 250:
        return TOT_250
    if bedrag <= 1000:
        return TOT_1000
    return BOVEN_1000


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


class _Kenmerken:
    """Collects filter/meta/sort values and renders them as escaped HTML."""

    def __init__(self) -> None:
        self.filters: list[tuple[str, str]] = []
        self.meta: list[tuple[str, str]] = []

    def filter(self, naam: str, waarden) -> None:
        if isinstance(waarden, str):
            waarden = [waarden]
        self.filters += [(naam, w) for w in _uniek(waarden)]

    def html(self) -> str:
        delen = ['<div hidden data-pagefind-ignore="index" class="lab-zoekkenmerken">']
        for attribuut, paren in (("filter", self.filters), ("meta", self.meta)):
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

    k.meta += [("title", scholing.titel), ("aanbieder", aanbieder_naam),
               ("vorm", kader.label("scholingsvormen", scholing.vorm)), ("start", start_tekst),
               ("prijs", prijs), ("plaats", plaats)]
    # Which academies list this offer: the search page links each one (national site). Only the
    # region ids: meta is searchable, and the academy names would add words to every page.
    k.meta.append(("academies", " ".join(regios)))

    if volgende is not None:
        sort_start = volgende.isoformat()
    else:
        sort_start = peildatum.isoformat() if scholing.doorlopend else GEEN_DATUM
    k.filter(SORTEER_START, sort_start)
    k.filter(SORTEER_PRIJS, f"{scholing.kosten.bedrag:.2f}")


def _aanbieder(k: _Kenmerken, aanbieder, eigen, catalogus) -> None:
    kader = catalogus.kader
    regios = _uniek(r for s in eigen for r in s.regios)
    k.filter(AANBIEDER, aanbieder.naam)
    if aanbieder.plaats:
        k.filter(PLAATS, aanbieder.plaats)
    k.filter(PROVINCIE, _provincies_van_plaatsen(catalogus, _uniek([aanbieder.gemeente, aanbieder.plaats])))
    # No thema filter here: a thema filter should count courses, not their providers.
    k.filter(REGIO, [kader.label("regios", r) for r in regios])
    k.meta += [("title", aanbieder.naam), ("aanbiedertype", kader.label("aanbiedertypes", aanbieder.type))]
    if aanbieder.plaats:
        k.meta.append(("plaats", aanbieder.plaats))
    _laatst(k)


def _loket(k: _Kenmerken, record_id: str, loket, catalogus) -> None:
    kader = catalogus.kader
    status = catalogus.loket_statussen.get(record_id)
    gemeenten = list(loket.werkgebied.gemeenten)
    k.filter(PLAATS, gemeenten)
    if status is not None:
        k.filter(PROVINCIE, [_provincie_label(catalogus, p) for p in status.provincies])
        k.filter(REGIO, [kader.label("regios", r) for r in status.regios])
    k.meta += [("title", loket.naam), ("plaats", ", ".join(gemeenten))]
    if status is not None:
        k.meta.append(("status", status.status))
    _laatst(k)


def _laatst(k: _Kenmerken) -> None:
    k.filter(SORTEER_START, GEEN_DATUM)
    k.filter(SORTEER_PRIJS, GEEN_PRIJS)


def meest_gebruikte_themas(catalogus, scholing_ids, aantal: int = 6) -> list[dict]:
    """The themes with the most courses on a site, as [{"thema": label, "aantal": n}], most first.

    The search page suggests them when words match nothing at all; computed at build time, so
    an empty result costs no extra download (Pagefind would need every filter file for it).
    """
    tellingen: dict[str, int] = {}
    for scholing_id in scholing_ids:
        for thema in catalogus.scholing[scholing_id].themas:
            label = catalogus.kader.label("themas", thema)
            tellingen[label] = tellingen.get(label, 0) + 1
    volgorde = sorted(tellingen.items(), key=lambda kv: (-kv[1], kv[0]))[:aantal]
    return [{"thema": label, "aantal": n} for label, n in volgorde]


def pagefind_kenmerken(soort: str, record_id: str, catalogus, site: str, selectie: Selectie | None = None) -> str:
    """Hidden Pagefind filter/meta/sort elements for one record page.

    `soort` is 'scholing', 'aanbieders'/'aanbieder' or 'loketten'/'loket';
    `site` is 'landelijk' or a regio id. `selectie` is that site's selection (the page
    builders pass theirs; computed when left out): a provider's regio filter counts only
    the offers the site publishes.
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
        if selectie is None:
            selectie = selecteer(catalogus, None if site == LANDELIJK else site)
        eigen = [catalogus.scholing[i] for i in selectie.aanbod_per_aanbieder.get(record_id, [])]
        _aanbieder(k, record, eigen, catalogus)
    else:
        _loket(k, record_id, record, catalogus)
    return k.html()
