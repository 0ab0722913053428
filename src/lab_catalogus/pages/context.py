"""What every page builder needs to know about the site it builds for."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from ..catalogus import Catalogus
from ..selectie import Selectie, selecteer
from ..sites import LANDELIJK


@dataclass
class Pagina:
    """One generated page: its title, a short description and the body HTML."""

    titel: str
    html: str
    beschrijving: str = ""


@dataclass
class SiteContext:
    catalogus: Catalogus
    selectie: Selectie
    urls: dict[str, str]  # site name -> absolute URL ending in '/'
    _cache: dict = field(default_factory=dict, repr=False)

    @property
    def site(self) -> str:
        return self.selectie.site

    @property
    def regio(self) -> str | None:
        return self.selectie.regio

    @property
    def landelijk(self) -> bool:
        return self.selectie.regio is None

    @property
    def kader(self):
        return self.catalogus.kader

    @property
    def peildatum(self):
        return self.catalogus.context.peildatum

    @cached_property
    def scholing_set(self) -> frozenset[str]:
        return frozenset(self.selectie.scholing)

    @cached_property
    def aanbieder_set(self) -> frozenset[str]:
        return frozenset(self.selectie.aanbieders)

    @cached_property
    def loket_set(self) -> frozenset[str]:
        return frozenset(self.selectie.loketten)

    def zoekkenmerken(self, soort: str, record_id: str) -> str:
        from .. import zoekdata  # late: zoekdata builds on the page helpers
        return zoekdata.pagefind_kenmerken(soort, record_id, self.catalogus, self.site, self.selectie)

    def extern(self, site: str, pad: str = "") -> str:
        """Absolute URL of a page on (another) site."""
        return self.urls[site] + pad

    def label(self, lijst: str, term_id: str) -> str:
        return self.kader.label(lijst, term_id)

    def academie_naam(self, regio: str) -> str:
        academie = self.catalogus.academies.get(regio)
        return academie.naam if academie else self.kader.label("regios", regio)


def maak_context(catalogus: Catalogus, regio: str | None, urls: dict[str, str]) -> SiteContext:
    if regio == LANDELIJK:
        regio = None
    return SiteContext(catalogus, selecteer(catalogus, regio), urls)
