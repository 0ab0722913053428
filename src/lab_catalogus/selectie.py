"""Publication rules: which records a site shows.

- A scholing is published when it is valid on the build date (`geldig_tot`
  not passed) and the beslisboom did not judge it *niet geschikt*.
  `laad_catalogus` already leaves unsuitable records out once the beslisboom
  runs; the check here keeps the rule true for any catalogue handed in.
- A regional site shows the published scholing that list its region in
  `regios`, the aanbieders of those offers and the loketten whose
  municipalities lie in the region's provinces (derived, see loket_status).
- The national site shows every published scholing, the aanbieders of those
  offers and every loket.
- Uitvoeringen whose end date has passed are never shown.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from .catalogus import Catalogus
from .models import Scholing, Uitvoering
from .sites import LANDELIJK

def is_niet_geschikt(catalogus: Catalogus, scholing_id: str) -> bool:
    oordeel = catalogus.oordelen.get(scholing_id)
    return oordeel is not None and not oordeel.geschikt


def is_verlopen(scholing: Scholing, peildatum: datetime.date) -> bool:
    return scholing.geldig_tot is not None and scholing.geldig_tot < peildatum


def is_gepubliceerd(catalogus: Catalogus, scholing_id: str) -> bool:
    scholing = catalogus.scholing.get(scholing_id)
    return (scholing is not None and not is_verlopen(scholing, catalogus.context.peildatum)
            and not is_niet_geschikt(catalogus, scholing_id))


def komende_uitvoeringen(scholing: Scholing, peildatum: datetime.date) -> list[Uitvoering]:
    """Runs that have not ended before the build date, earliest first."""
    return sorted((u for u in scholing.uitvoeringen if u.eind >= peildatum), key=lambda u: (u.start, u.eind))


def eerstvolgende_start(scholing: Scholing, peildatum: datetime.date) -> datetime.date | None:
    """Start of the first run that has not yet started (for sorting and 'newest')."""
    starts = [u.start for u in scholing.uitvoeringen if u.start >= peildatum]
    return min(starts) if starts else None


@dataclass
class Selectie:
    """What one site publishes, as ordered id lists (sorted for stable output)."""

    site: str
    regio: str | None
    scholing: list[str] = field(default_factory=list)
    aanbieders: list[str] = field(default_factory=list)
    loketten: list[str] = field(default_factory=list)
    # aanbieder id -> its published scholing ids on this site
    aanbod_per_aanbieder: dict[str, list[str]] = field(default_factory=dict)
    # scholing id -> the regions with an academy that list it (for "Aangeboden via")
    academies_per_scholing: dict[str, list[str]] = field(default_factory=dict)

    @property
    def landelijk(self) -> bool:
        return self.regio is None


def selecteer(catalogus: Catalogus, regio: str | None) -> Selectie:
    """The records of one site: `regio` None is the national site."""
    selectie = Selectie(LANDELIJK if regio is None else regio, regio)
    regio_volgorde = [t.id for t in catalogus.kader.lijst("regios").termen]
    for scholing_id in sorted(catalogus.scholing):
        scholing = catalogus.scholing[scholing_id]
        if not is_gepubliceerd(catalogus, scholing_id):
            continue
        if regio is not None and regio not in scholing.regios:
            continue
        selectie.scholing.append(scholing_id)
        selectie.aanbod_per_aanbieder.setdefault(scholing.aanbieder, []).append(scholing_id)
        selectie.academies_per_scholing[scholing_id] = [
            r for r in regio_volgorde if r in scholing.regios and r in catalogus.academies]
    selectie.aanbieders = sorted(a for a in selectie.aanbod_per_aanbieder if a in catalogus.aanbieders)
    statussen = catalogus.loket_statussen
    selectie.loketten = sorted(i for i in catalogus.loketten if regio is None or regio in statussen[i].regios)
    return selectie
