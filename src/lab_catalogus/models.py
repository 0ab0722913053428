"""The record contract (../shared/aanmeldformulier.md) as pydantic v2 models.

Field names are fixed by the contract. Unknown keys are errors. Vocabulary
fields hold term ids that are checked against the begrippenkader at run time
(validation context), never against a list in code. Rules that involve two
fields (btw when bedrag > 0, eind >= start, ...) live in `record_rules`, so
each problem is reported at the field a person has to change.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StrictBool

from .fieldtypes import Datum, Email, Gemeentenaam, Markdown, RecordId, Tekst, Term, Url, _tekst


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, allow_inf_nan=False, populate_by_name=False)


# --- scholing -------------------------------------------------------------------------------

class Tijdsinvestering(Record):
    uren: Annotated[float, Field(gt=0, le=2000, description="Totale studiebelasting in uren (meer dan 0, hoogstens 2000).")]
    toelichting: Tekst | None = Field(None, description="Bijvoorbeeld '2 x 2 dagdelen'.")


class Kosten(Record):
    bedrag: Annotated[float, Field(ge=0, le=100_000, description="Prijs per deelnemer in euro; 0 is gratis.")]
    btw: Term("btw") | None = Field(None, description="Verplicht als het bedrag meer dan 0 is.")
    toelichting: Tekst | None = None


class Locatie(Record):
    vorm: Term("locatievormen")
    plaats: Tekst | None = Field(None, description="Verplicht bij fysiek of hybride.")
    gemeente: Gemeentenaam | None = Field(None, description="Officiële gemeentenaam (of bekend synoniem).")
    adres: Tekst | None = None


class Contact(Record):
    email: Email
    naam: Tekst | None = None
    telefoon: Tekst | None = None


class Uitvoering(Record):
    start: Datum
    eind: Datum
    plaats: Tekst | None = None
    aanmelden_voor: Datum | None = Field(None, description="Uiterste aanmelddatum, niet na de start.")


class Kwaliteit(Record):
    erkenningen: list[Term("erkenningen")] = Field(default_factory=list)
    evaluatie: Tekst | None = Field(None, description="Hoe de scholing met deelnemers wordt geëvalueerd.")


class Scholing(Record):
    """Een scholingsaanbod (content/scholing/ID.yml)."""

    model_config = ConfigDict(title="Scholing", json_schema_extra={"description": "Een scholingsaanbod voor buurtsportcoaches (LAB Catalogus, contract v1)."})

    id: RecordId | None = Field(None, description="Optioneel; moet gelijk zijn aan de bestandsnaam zonder .yml.")
    titel: _tekst(5, 120)
    aanbieder: RecordId = Field(description="Id van een aanbieder in content/aanbieders/.")
    vorm: Term("scholingsvormen")
    samenvatting: _tekst(20, 300)
    doel: Annotated[Markdown, Field(min_length=50, description="Doelbeschrijving (markdown), minstens 50 tekens.")]
    leeruitkomsten: Annotated[list[_tekst(10, 300)], Field(min_length=1, max_length=12)]
    carrierepad: Annotated[list[Term("carrierepad")], Field(min_length=1)]
    themas: Annotated[list[Term("themas")], Field(min_length=1, max_length=5)]
    instapvoorwaarden: Tekst
    tijdsinvestering: Tijdsinvestering
    kosten: Kosten
    locatie: Locatie
    regios: Annotated[list[Term("regios")], Field(min_length=1)]
    aanmelden: Url
    contact: Contact
    doelgroepen: list[Term("doelgroepen")] = Field(default_factory=list)
    functieprofielen: list[Term("functieprofielen")] = Field(default_factory=list)
    niveau: Term("niveaus") | None = None
    uitvoeringen: list[Uitvoering] = Field(default_factory=list)
    doorlopend: StrictBool = False
    kwaliteit: Kwaliteit | None = None
    route: Term("routes") = "bestaand"
    geldig_tot: Datum | None = None
    bijgewerkt: Datum | None = None
    trefwoorden: list[Tekst] = Field(default_factory=list)


# --- aanbieder ------------------------------------------------------------------------------

class AanbiederContact(Record):
    email: Email
    telefoon: Tekst | None = None


class Aanbieder(Record):
    """Een aanbieder van scholing (content/aanbieders/ID.yml)."""

    model_config = ConfigDict(title="Aanbieder", json_schema_extra={"description": "Een aanbieder van scholing (LAB Catalogus, contract v1)."})

    id: RecordId | None = None
    naam: Tekst
    type: Term("aanbiedertypes")
    website: Url
    beschrijving: Annotated[Markdown, Field(min_length=30)]
    contact: AanbiederContact
    kvk: Annotated[str, Field(pattern=r"^[0-9]{8}$", description="KvK-nummer: 8 cijfers.")] | None = None
    plaats: Tekst | None = None
    gemeente: Gemeentenaam | None = None
    erkenningen: list[Term("erkenningen")] = Field(default_factory=list)


# --- loket ----------------------------------------------------------------------------------

class Werkgebied(Record):
    gemeenten: Annotated[list[Gemeentenaam], Field(min_length=1)]


class Partner(Record):
    naam: Tekst
    rol: Term("partnerrollen")


class LoketContact(Record):
    email: Email
    telefoon: Tekst | None = None
    website: Url | None = None


class Sportplatform(Record):
    naam: Tekst
    rollen: list[Term("sportplatformrollen")] = Field(default_factory=list)


class Kaders(Record):
    """De negen landelijke kaders; alle negen moeten true of false zijn."""

    regiepunt: StrictBool
    proactief_contact: StrictBool
    budgetten: StrictBool
    kwaliteitszorg: StrictBool
    netwerk_in_beeld: StrictBool
    data_en_kennis: StrictBool
    werkgebied_afgestemd: StrictBool
    overzicht: StrictBool
    intentieverklaring: StrictBool


class Loket(Record):
    """Een sport- en beweegloket (content/loketten/ID.yml)."""

    model_config = ConfigDict(title="Loket", json_schema_extra={"description": "Profiel van een sport- en beweegloket (LAB Catalogus, contract v1)."})

    id: RecordId | None = None
    naam: Tekst
    werkgebied: Werkgebied
    contact: LoketContact
    partners: list[Partner]
    kaders: Kaders
    beschrijving: Markdown | None = None
    adres: Tekst | None = None
    sinds: Datum | None = None
    diensten: list[Term("loketdiensten")] = Field(default_factory=list)
    kwaliteitszorg: list[Term("kwaliteitszorg")] = Field(default_factory=list)
    sportplatform: Sportplatform | None = None


# --- academie -------------------------------------------------------------------------------

class AcademieContact(Record):
    email: Email
    telefoon: Tekst | None = None


class Academie(Record):
    """Een regionale academie (content/academies/REGIO.yml)."""

    model_config = ConfigDict(title="Academie", json_schema_extra={"description": "Een regionale academie van Programma LAB (LAB Catalogus, contract v1)."})

    naam: Tekst
    regio: Term("regios")
    website: Url
    contact: AcademieContact
    beschrijving: Markdown | None = None
    kerngroep: list[Tekst] = Field(default_factory=list)
    kleur: Tekst | None = Field(None, description="Een primaire kleur van Material for MkDocs, bijv. 'indigo'.")
    site_url: Url | None = Field(None, description="Waar deze academie haar eigen build publiceert.")
    logo: Tekst | None = Field(None, description="Optioneel: pad naar het logo (extra veld).")


# Folder under content/ -> (model, schema file stem, what people call it)
SOORTEN: dict[str, tuple[type[Record], str, str]] = {
    "scholing": (Scholing, "scholing", "scholing"),
    "aanbieders": (Aanbieder, "aanbieder", "aanbieder"),
    "loketten": (Loket, "loket", "loket"),
    "academies": (Academie, "academie", "academie"),
}
