"""Generate the published JSON Schemas (schemas/*.schema.json) from the models.

The models mark vocabulary fields (`x-begrippenkader`) and municipality fields
(`x-gemeente`); here those markers become enums with the labels as
descriptions, so editors autocomplete terms and third-party validators
(check-jsonschema) reject unknown ones without our code.
"""

from __future__ import annotations

import json
from pathlib import Path

from .gemeenten import Gemeentelijst
from .kader import Begrippenkader
from .models import SOORTEN

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def _vul_aan(knoop: object, kader: Begrippenkader, gemeenten: Gemeentelijst) -> object:
    if isinstance(knoop, list):
        return [_vul_aan(k, kader, gemeenten) for k in knoop]
    if not isinstance(knoop, dict):
        return knoop
    knoop = {k: _vul_aan(v, kader, gemeenten) for k, v in knoop.items()}
    lijst_naam = knoop.get("x-begrippenkader")
    if lijst_naam:
        lijst = kader.lijst(lijst_naam)
        knoop["enum"] = [t.id for t in lijst.termen]
        # yaml-language-server shows these next to each suggestion.
        knoop["markdownEnumDescriptions"] = [f"**{t.label}**: {t.definitie}" for t in lijst.termen]
        knoop.setdefault("description", f"Een term uit '{lijst.label}' van het begrippenkader.")
    if knoop.pop("x-gemeente", False):
        knoop["enum"] = sorted(gemeenten.per_spelling)
        knoop.setdefault("description", "Officiële gemeentenaam (indeling 1 januari 2025) of een bekend synoniem.")
    if knoop.pop("x-markdown", False):
        knoop["description"] = (knoop.get("description", "") + " Markdown: alinea's, lijsten, nadruk en links; geen HTML.").strip()
    return knoop


def genereer(kader: Begrippenkader, gemeenten: Gemeentelijst) -> dict[str, str]:
    """File name -> JSON text, for every record kind."""
    uit = {}
    for model, stem, _ in SOORTEN.values():
        schema = _vul_aan(model.model_json_schema(mode="validation"), kader, gemeenten)
        schema = {"$schema": SCHEMA_DIALECT, "$id": f"https://lab-catalogus.example.nl/schemas/{stem}.schema.json", **schema}
        uit[f"{stem}.schema.json"] = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
    return uit


def verouderd(map_: Path, kader: Begrippenkader, gemeenten: Gemeentelijst) -> list[str]:
    """Schema files whose content differs from what the models generate now."""
    return [naam for naam, tekst in genereer(kader, gemeenten).items()
            if not (map_ / naam).exists() or (map_ / naam).read_text(encoding="utf-8") != tekst]


def schrijf(map_: Path, kader: Begrippenkader, gemeenten: Gemeentelijst) -> list[str]:
    geschreven = []
    for naam, tekst in genereer(kader, gemeenten).items():
        doel = map_ / naam
        if not doel.exists() or doel.read_text(encoding="utf-8") != tekst:
            tijdelijk = doel.with_suffix(".tmp")
            tijdelijk.write_text(tekst, encoding="utf-8")
            tijdelijk.replace(doel)
            geschreven.append(naam)
    return geschreven
