"""Field types of the record contract, with Dutch errors and JSON Schema markers.

Vocabulary and municipality checks need data (the begrippenkader and the
municipality list), which the validator passes in pydantic's validation
context. The JSON Schema gets a marker (`x-begrippenkader`, `x-gemeente`)
that `schema_gen` expands into enums from the same data.
"""

from __future__ import annotations

import datetime
import re
from typing import Annotated, Any

from pydantic import AfterValidator, Field, GetCoreSchemaHandler, GetJsonSchemaHandler, Strict, ValidationInfo
from pydantic_core import PydanticCustomError, core_schema

ID_PATROON = r"^[a-z0-9]+(-[a-z0-9]+)*$"
ID_MAX = 80
_ID_RE = re.compile(ID_PATROON)
# Deliberately simple: one @, no spaces, a dot in the domain. Exotic but valid
# addresses are rare among course providers; typos are common.
# Single-quoted so '"' needs no backslash: JSON Schema patterns are ECMAScript
# regexes (unicode mode), where '\"' is an invalid escape.
EMAIL_PATROON = r'^[^@\s<>()\[\],;:"]+@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$'
_EMAIL_RE = re.compile(EMAIL_PATROON)
HTTPS_PATROON = r"^https://[^\s/?#]+\.[^\s/?#]+([/?#][^\s]*)?$"
_HTTPS_RE = re.compile(HTTPS_PATROON)  # the published schema's pattern: check and schema agree


def _context(info: ValidationInfo, sleutel: str) -> Any:
    context = info.context or {}
    if sleutel not in context:
        raise RuntimeError(f"validatiecontext mist '{sleutel}'")  # programming error, not user input
    return context[sleutel]


class Vocab:
    """Annotated marker: the value must be a term id from one begrippenkader list."""

    def __init__(self, lijst: str):
        self.lijst = lijst

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler):
        lijst = self.lijst

        def controleer(waarde: str, info: ValidationInfo) -> str:
            kader = _context(info, "kader").lijst(lijst)
            if waarde in kader.ids:
                return waarde
            bedoeld = kader.is_label_of_synoniem(waarde)
            if bedoeld:
                raise PydanticCustomError(
                    "lab_term_label", "'{waarde}' is een omschrijving; schrijf de term-id '{bedoeld}'",
                    {"waarde": waarde, "bedoeld": bedoeld, "suggestie": bedoeld})
            suggestie = kader.suggestie(waarde)
            # Without a close match, a short list is more helpful spelled out than left to guess.
            keuze = "" if suggestie or len(kader.ids) > 15 else "; kies uit: " + ", ".join(t.id for t in kader.termen)
            raise PydanticCustomError(
                "lab_term", "'{waarde}' is geen term uit de lijst '{lijst}' van het begrippenkader{keuze}",
                {"waarde": waarde, "lijst": lijst, "suggestie": suggestie, "keuze": keuze})

        return core_schema.with_info_after_validator_function(controleer, core_schema.str_schema(strict=True))

    def __get_pydantic_json_schema__(self, schema, handler: GetJsonSchemaHandler):
        return {"type": "string", "x-begrippenkader": self.lijst}


class GemeenteMarker:
    """Annotated marker: the value must be a municipality name or known synonym."""

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler):
        def controleer(waarde: str, info: ValidationInfo) -> str:
            gemeenten = _context(info, "gemeenten")
            if gemeenten.zoek(waarde):
                return waarde
            raise PydanticCustomError(
                "lab_gemeente", "'{waarde}' is geen Nederlandse gemeente (indeling 1 januari 2025); "
                "gebruik de officiële gemeentenaam, niet die van een dorp of wijk",
                {"waarde": waarde, "suggestie": gemeenten.suggestie(waarde)})

        return core_schema.with_info_after_validator_function(controleer, core_schema.str_schema(strict=True))

    def __get_pydantic_json_schema__(self, schema, handler: GetJsonSchemaHandler):
        return {"type": "string", "x-gemeente": True}


def _https(waarde: str) -> str:
    if waarde.isprintable() and _HTTPS_RE.match(waarde):
        return waarde
    if waarde.startswith("http://"):
        raise PydanticCustomError("lab_http", "gebruik een beveiligd adres dat met https:// begint",
                                  {"suggestie": "https://" + waarde.removeprefix("http://")})
    raise PydanticCustomError("lab_url", "'{waarde}' is geen volledig webadres; begin met https://",
                              {"waarde": waarde})


def _email(waarde: str) -> str:
    if _EMAIL_RE.match(waarde):
        return waarde
    raise PydanticCustomError("lab_email", "'{waarde}' is geen geldig e-mailadres (zoals naam@organisatie.nl)",
                              {"waarde": waarde})


def is_record_id(tekst: str) -> bool:
    """A valid record id (also the file name of a record, without .yml)."""
    return len(tekst) <= ID_MAX and bool(_ID_RE.match(tekst))


def _record_id(waarde: str) -> str:
    if is_record_id(waarde):
        return waarde
    raise PydanticCustomError(
        "lab_id", f"'{{waarde}}' is geen geldige id: alleen kleine letters, cijfers en losse streepjes, hoogstens {ID_MAX} tekens",
        {"waarde": waarde})


def _tekst(min_lengte: int = 1, max_lengte: int | None = None, **extra):
    return Annotated[str, Strict(), Field(min_length=min_lengte, max_length=max_lengte, **extra)]


Tekst = _tekst()
Markdown = Annotated[str, Strict(), Field(min_length=1, json_schema_extra={"x-markdown": True})]
# Format checks run in our own validators so errors are Dutch and carry a
# suggestion; the same patterns go into the JSON Schema for third-party tools.
Url = Annotated[str, Strict(), AfterValidator(_https),
                Field(json_schema_extra={"pattern": HTTPS_PATROON, "format": "uri"})]
Email = Annotated[str, Strict(), AfterValidator(_email),
                  Field(json_schema_extra={"pattern": EMAIL_PATROON, "format": "email"})]
RecordId = Annotated[str, Strict(), AfterValidator(_record_id),
                     Field(json_schema_extra={"pattern": ID_PATROON, "maxLength": ID_MAX})]
Datum = Annotated[datetime.date, Strict(False)]
Gemeentenaam = Annotated[str, GemeenteMarker()]


def Term(lijst: str):  # noqa: N802 - reads like a type in the models
    return Annotated[str, Vocab(lijst)]
