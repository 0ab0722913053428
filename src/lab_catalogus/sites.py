"""The six sites: the national referral site and one per regional academy.

A site is one MkDocs config (`mkdocs.yml` for the national site,
`sites/<regio>.yml` for a region). This module knows their names, configs and
output folders, and where each site lives on the web, so that the national
site can link to the academies and back.

Site URLs: by default each academy's `site_url` (its public https address)
and the national `extra.lab.landelijke_url`. For local use `lab build` sets a
base URL (environment variable `LAB_BASIS_URL`), and every site then lives at
`<basis>/<naam>/`, so cross-site links work on one local server.
"""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass
from pathlib import Path

from .catalogus import Catalogus, laad_catalogus
from .findings import Finding

LANDELIJK = "landelijk"
REGIO_S = ("noord", "oost", "zuid", "noordwest", "zuidwest")
SITES = (LANDELIJK, *REGIO_S)

# Environment variables through which `lab build` steers the MkDocs hooks.
ENV_BASIS_URL = "LAB_BASIS_URL"
ENV_ROOT = "LAB_ROOT"
ENV_PEILDATUM = "LAB_PEILDATUM"

PROJECT = Path(__file__).resolve().parents[2]  # the checkout holding mkdocs.yml, docs/, hooks/


@dataclass(frozen=True)
class Site:
    naam: str

    @property
    def regio(self) -> str | None:
        return None if self.naam == LANDELIJK else self.naam

    def config(self, project: Path = PROJECT) -> Path:
        return project / ("mkdocs.yml" if self.naam == LANDELIJK else f"sites/{self.naam}.yml")

    def uitvoer(self, uit: Path) -> Path:
        return uit / self.naam


def site(naam: str) -> Site:
    if naam not in SITES:
        raise ValueError(f"onbekende site '{naam}'; kies uit: {', '.join(SITES)}")
    return Site(naam)


def met_slash(url: str) -> str:
    return url if url.endswith("/") else url + "/"


def site_urls(catalogus: Catalogus, landelijke_url: str, basis_url: str | None = None) -> dict[str, str]:
    """Site name -> the URL it is served at (always ending in '/')."""
    if basis_url:
        return {naam: f"{met_slash(basis_url)}{naam}/" for naam in SITES}
    urls = {LANDELIJK: met_slash(landelijke_url)}
    for regio in REGIO_S:
        academie = catalogus.academies.get(regio)
        # An academy without its own site_url is published under the national address.
        urls[regio] = met_slash(academie.site_url) if academie and academie.site_url else f"{urls[LANDELIJK]}{regio}/"
    return urls


# One catalogue per (root, peildatum) per process: `lab build` loads it before
# forking its build workers, so six builds share one load.
_GELADEN: dict[tuple[str, datetime.date], tuple[Catalogus, list[Finding]]] = {}


def peildatum_uit_omgeving() -> datetime.date:
    waarde = os.environ.get(ENV_PEILDATUM)
    if not waarde:
        return datetime.date.today()
    try:
        return datetime.date.fromisoformat(waarde)
    except ValueError:
        raise ValueError(f"{ENV_PEILDATUM}='{waarde}' is geen datum in de vorm JJJJ-MM-DD") from None


def laad(root: Path, peildatum: datetime.date) -> tuple[Catalogus, list[Finding]]:
    sleutel = (str(Path(root).resolve()), peildatum)
    if sleutel not in _GELADEN:
        _GELADEN[sleutel] = laad_catalogus(Path(root), peildatum)
    return _GELADEN[sleutel]
