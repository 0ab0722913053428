"""Derived loket facts: its regions (from municipalities) and status (from the nine kaders)."""

from __future__ import annotations

from dataclasses import dataclass

from .gemeenten import Gemeentelijst
from .kader import Begrippenkader
from .models import Loket

VOLWAARDIG = "volwaardig"
IN_ONTWIKKELING = "in ontwikkeling"


@dataclass(frozen=True)
class LoketStatus:
    status: str
    ontbrekende_kaders: tuple[str, ...]
    ontbrekende_rollen: tuple[str, ...]  # human phrases such as "sportaanbieder of sportplatform"
    provincies: tuple[str, ...]
    regios: tuple[str, ...]
    sportplatform: str | None = None  # name of the local sport platform, when the loket names one
    sportplatform_rollen: tuple[str, ...] = ()  # strategisch / coordinerend / uitvoerend (term ids)

    @property
    def volwaardig(self) -> bool:
        return self.status == VOLWAARDIG

    def als_dict(self, kader: Begrippenkader) -> dict:
        """For exports, JSON output and site pages: ids with their begrippenkader labels."""
        return {
            "status": self.status,
            "ontbrekende_kaders": [{"id": k, "label": kader.label("loket_kaders", k)} for k in self.ontbrekende_kaders],
            "ontbrekende_rollen": list(self.ontbrekende_rollen),
            "provincies": list(self.provincies),
            "regios": list(self.regios),
            "sportplatform": None if self.sportplatform is None else {
                "naam": self.sportplatform,
                "rollen": [{"id": r, "label": kader.label("sportplatformrollen", r)} for r in self.sportplatform_rollen],
            },
        }


# Partner roles a volwaardig loket needs: each entry is satisfied by any of its roles.
VERPLICHTE_ROLLEN: tuple[tuple[str, ...], ...] = (("gemeente",), ("sportbond",), ("sportaanbieder", "sportplatform"))


def loket_status(loket: Loket, kader: Begrippenkader, gemeenten: Gemeentelijst) -> LoketStatus:
    kaders = loket.kaders.model_dump()
    ontbrekend = tuple(k for k in kader.ids("loket_kaders") if not kaders.get(k, False))
    # Keep the begrippenkader's order for a stable, readable list.
    volgorde = [t.id for t in kader.lijst("loket_kaders").termen]
    ontbrekend = tuple(sorted(ontbrekend, key=volgorde.index))
    rollen = {p.rol for p in loket.partners}
    ontbrekende_rollen = tuple(" of ".join(opties) for opties in VERPLICHTE_ROLLEN if not rollen.intersection(opties))
    provincies: list[str] = []
    for naam in loket.werkgebied.gemeenten:
        gemeente = gemeenten.zoek(naam)
        if gemeente and gemeente.provincie not in provincies:
            provincies.append(gemeente.provincie)
    regios = tuple(regio for regio, provs in kader.regio_provincies().items() if set(provs) & set(provincies))
    status = VOLWAARDIG if not ontbrekend and not ontbrekende_rollen else IN_ONTWIKKELING
    platform = loket.sportplatform
    volgorde_rollen = [t.id for t in kader.lijst("sportplatformrollen").termen]
    rollen_platform = tuple(sorted(set(platform.rollen), key=lambda r: volgorde_rollen.index(r) if r in volgorde_rollen
                                   else len(volgorde_rollen))) if platform else ()
    return LoketStatus(status, ontbrekend, ontbrekende_rollen, tuple(provincies), regios,
                       platform.naam if platform else None, rollen_platform)
