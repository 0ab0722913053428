"""Rules that span two fields of one record, reported at the field to change."""

from __future__ import annotations

import datetime

from .findings import FOUT, WAARSCHUWING, Issue
from .models import Academie, Aanbieder, Loket, Record, Scholing


def _dubbele(pad: tuple, waarden: list) -> list[Issue]:
    gezien: set = set()
    uit = []
    for i, waarde in enumerate(waarden):
        if waarde in gezien:
            uit.append(Issue(pad + (i,), FOUT, f"'{waarde}' staat dubbel in de lijst; haal er één weg", code="dubbel-item"))
        gezien.add(waarde)
    return uit


def scholing_regels(record: Scholing, peildatum: datetime.date) -> list[Issue]:
    uit: list[Issue] = []
    if record.kosten.bedrag > 0 and record.kosten.btw is None:
        uit.append(Issue(("kosten", "btw"), FOUT,
                         "bij een bedrag boven 0 is 'btw' verplicht: vrijgesteld, inclusief of exclusief", code="btw-ontbreekt"))
    if record.locatie.vorm in ("fysiek", "hybride") and not record.locatie.plaats:
        uit.append(Issue(("locatie", "plaats"), FOUT,
                         f"bij locatievorm '{record.locatie.vorm}' is 'plaats' verplicht: waar komen deelnemers samen?",
                         code="plaats-ontbreekt"))
    for i, uitvoering in enumerate(record.uitvoeringen):
        if uitvoering.eind < uitvoering.start:
            uit.append(Issue(("uitvoeringen", i, "eind"), FOUT,
                             f"de einddatum ({uitvoering.eind}) ligt vóór de startdatum ({uitvoering.start})",
                             code="eind-voor-start"))
        if uitvoering.aanmelden_voor and uitvoering.aanmelden_voor > uitvoering.start:
            uit.append(Issue(("uitvoeringen", i, "aanmelden_voor"), FOUT,
                             f"de aanmeldtermijn ({uitvoering.aanmelden_voor}) loopt tot na de start ({uitvoering.start})",
                             code="aanmelden-na-start"))
    # An expired geldig_tot is judged by the beslisboom node 'geldig' (a warning), not here.
    for veld in ("carrierepad", "themas", "regios", "doelgroepen", "functieprofielen"):
        uit += _dubbele((veld,), getattr(record, veld))
    return uit


def loket_regels(record: Loket, peildatum: datetime.date) -> list[Issue]:
    uit = _dubbele(("werkgebied", "gemeenten"), record.werkgebied.gemeenten)
    if record.sinds and record.sinds > peildatum:
        uit.append(Issue(("sinds",), WAARSCHUWING, f"'sinds' ({record.sinds}) ligt in de toekomst", code="sinds-toekomst"))
    return uit


def regels(record: Record, stem: str, peildatum: datetime.date) -> list[Issue]:
    uit: list[Issue] = []
    record_id = getattr(record, "id", None)
    if record_id is not None and record_id != stem:
        uit.append(Issue(("id",), FOUT, f"de id '{record_id}' verschilt van de bestandsnaam '{stem}.yml'; "
                         "maak ze gelijk (of laat 'id' weg)", suggestie=stem, code="id-bestandsnaam"))
    if isinstance(record, Scholing):
        uit += scholing_regels(record, peildatum)
    elif isinstance(record, Loket):
        uit += loket_regels(record, peildatum)
    elif isinstance(record, Academie) and record.regio != stem:
        uit.append(Issue(("regio",), FOUT, f"een academie-bestand heet naar zijn regio: '{record.regio}' hoort in "
                         f"'{record.regio}.yml', niet in '{stem}.yml'", suggestie=stem, code="regio-bestandsnaam"))
    elif isinstance(record, Aanbieder):
        pass
    return uit
