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

    @property
    def volwaardig(self) -> bool:
        return self.status == VOLWAARDIG


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
    return LoketStatus(status, ontbrekend, ontbrekende_rollen, tuple(provincies), regios)
