"""Translate pydantic validation errors into Dutch issues a course provider understands."""

from __future__ import annotations

import datetime

from pydantic import BaseModel, ValidationError

from .findings import FOUT, Issue
from .suggest import dichtstbij

_TYPE_NAMEN = {
    str: "tekst", int: "een getal", float: "een getal", bool: "ja/nee (true/false)", list: "een lijst",
    dict: "velden (veld: waarde)", type(None): "niets (leeg)", datetime.date: "een datum", datetime.datetime: "een datum met tijd",
}


def _soort(waarde: object) -> str:
    return _TYPE_NAMEN.get(type(waarde), type(waarde).__name__)


def _veldnamen(model: type[BaseModel], pad: tuple) -> list[str]:
    """Field names that are allowed at `pad` (for 'bedoelde je ...?' on unknown keys)."""
    huidig: object = model
    for deel in pad:
        if isinstance(deel, int):
            continue
        velden = getattr(huidig, "model_fields", {})
        if deel not in velden:
            return []
        huidig = _binnenste_model(velden[deel].annotation)
    return list(getattr(huidig, "model_fields", {}))


def _binnenste_model(annotatie: object) -> object:
    if isinstance(annotatie, type) and issubclass(annotatie, BaseModel):
        return annotatie
    for arg in getattr(annotatie, "__args__", ()) or ():
        gevonden = _binnenste_model(arg)
        if gevonden is not None:
            return gevonden
    return None


_AFGELEID = {"status": "de status wordt automatisch afgeleid uit de kaders en partners",
             "regios": "de regio's worden automatisch afgeleid uit de gemeenten van het werkgebied"}


def _getal(waarde: object) -> str:
    """2000.0 -> '2000', 0.5 -> '0,5' (Dutch decimal comma)."""
    if isinstance(waarde, float) and waarde.is_integer():
        waarde = int(waarde)
    return str(waarde).replace(".", ",") if isinstance(waarde, (int, float)) else str(waarde)


def _boodschap(fout: dict, model: type[BaseModel]) -> tuple[str, str | None, str]:
    soort = fout["type"]
    ctx = fout.get("ctx") or {}
    invoer = fout.get("input")
    loc = tuple(fout["loc"])
    if soort == "extra_forbidden":
        sleutel = loc[-1]
        if model.__name__ == "Loket" and len(loc) == 1 and sleutel in _AFGELEID:
            return f"'{sleutel}' vul je niet zelf in: {_AFGELEID[sleutel]}; haal dit veld weg", None, "sleutel"
        suggestie = dichtstbij(str(sleutel), _veldnamen(model, loc[:-1]))
        toegestaan = ", ".join(_veldnamen(model, loc[:-1]))
        return (f"onbekend veld '{sleutel}'; toegestaan zijn: {toegestaan}", suggestie, "sleutel")
    if soort == "missing":
        return f"verplicht veld '{loc[-1]}' ontbreekt; vul het in", None, "waarde"
    if soort.startswith("lab_"):
        return fout["msg"], ctx.get("suggestie"), "waarde"
    if invoer is None and soort in {"string_type", "float_type", "int_type", "list_type", "model_type",
                                   "dict_type", "bool_type", "date_type", "model_attributes_type"}:
        return "dit veld is leeg; vul een waarde in of haal het veld weg", None, "waarde"
    if soort == "string_type":
        return f"moet tekst zijn, maar is {_soort(invoer)}; zet de waarde eventueel tussen aanhalingstekens", None, "waarde"
    if soort == "string_too_short":
        if ctx.get("min_length") == 1:
            return "mag niet leeg zijn", None, "waarde"
        return f"te kort: minstens {ctx.get('min_length')} tekens, nu {len(invoer)}; schrijf wat meer uit", None, "waarde"
    if soort == "string_too_long":
        return f"te lang: hoogstens {ctx.get('max_length')} tekens, nu {len(invoer)}; kort de tekst in", None, "waarde"
    if soort == "too_short":
        return f"te weinig items: minstens {ctx.get('min_length')}", None, "waarde"
    if soort == "too_long":
        return f"te veel items: hoogstens {ctx.get('max_length')}, nu {ctx.get('actual_length')}; kies de belangrijkste", None, "waarde"
    if soort in {"float_type", "int_type", "float_parsing", "int_parsing", "int_from_float"}:
        return f"moet een getal zijn (zonder aanhalingstekens of euroteken), maar is {_soort(invoer)}", None, "waarde"
    if soort == "finite_number":
        return "moet een gewoon getal zijn", None, "waarde"
    if soort == "greater_than":
        return f"moet groter zijn dan {_getal(ctx.get('gt'))}", None, "waarde"
    if soort == "greater_than_equal":
        return f"mag niet kleiner zijn dan {_getal(ctx.get('ge'))}", None, "waarde"
    if soort == "less_than_equal":
        return f"mag niet groter zijn dan {_getal(ctx.get('le'))}; klopt dit getal?", None, "waarde"
    if soort == "less_than":
        return f"moet kleiner zijn dan {_getal(ctx.get('lt'))}", None, "waarde"
    if soort in {"bool_type", "bool_parsing"}:
        return f"moet true of false zijn, maar is {_soort(invoer)}", None, "waarde"
    if soort in {"date_type", "date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact"}:
        return "moet een datum zijn in de vorm JJJJ-MM-DD, bijvoorbeeld 2027-03-01", None, "waarde"
    if soort in {"model_type", "dict_type", "model_attributes_type"}:
        return f"verwacht velden (veld: waarde) op de volgende regels, maar vond {_soort(invoer)}", None, "waarde"
    if soort == "list_type":
        return f"verwacht een lijst (regels die met '- ' beginnen, of [a, b]), maar vond {_soort(invoer)}", None, "waarde"
    if soort == "string_pattern_mismatch":
        return "heeft niet de juiste vorm (bij een KvK-nummer: precies 8 cijfers)", None, "waarde"
    return f"ongeldige waarde ({fout['msg']})", None, "waarde"


def vertaal(fout: ValidationError, model: type[BaseModel]) -> list[Issue]:
    issues = []
    for detail in fout.errors(include_url=False):
        boodschap, suggestie, doel = _boodschap(detail, model)
        issues.append(Issue(tuple(detail["loc"]), FOUT, boodschap, suggestie, detail["type"], doel))  # type: ignore[arg-type]
    return issues
