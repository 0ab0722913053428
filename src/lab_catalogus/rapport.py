"""The review report for a pull request: data first, then one Dutch Markdown text.

`maak_rapport` validates the whole catalogue as it is now (a change can break a
record it never touched) and as it was at the base, picks per changed record
its findings, beslisboom verdict, reviewing academies and a preview, and tells
findings this change caused from ones that were already there. `als_markdown`
renders that; nothing here prints.

The Markdown is posted as a PR comment, so every piece of record content is
untrusted: `md_tekst` escapes HTML and Markdown, breaks @mentions and keeps it
on one line, so a record cannot inject HTML, images, links, headings or pings.
"""

from __future__ import annotations

import datetime
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from . import formatting
from .beslisboom import BLOKKEREND, GESCHIKT, MET_AANDACHTSPUNTEN, NIET_GESCHIKT, Oordeel
from .catalogus import Catalogus, laad_catalogus
from .findings import FOUT, Finding, sorteer
from .kader import BegrippenkaderFout
from .pages.opmaak import prijs
from .wijzigingen import Wijziging, Wijzigingen, schrijf_base, zoek_wijzigingen
from .yaml_reader import lees_bestand

MARKER = "<!-- lab-rapport -->"  # lets the comment workflow find and update its one comment
SOORT_NAAM = {"scholing": "scholing", "aanbieders": "aanbieder", "loketten": "loket", "academies": "academie"}
STATUS_KOP = {"nieuw": "🆕 Nieuw", "gewijzigd": "✏️ Gewijzigd", "hernoemd": "🔀 Hernoemd", "verwijderd": "🗑️ Verwijderd"}
# Codes of reference findings and the record kind their reference points at.
VERWIJZING_CODES = {"aanbieder-onbekend": "aanbieders", "academie-ontbreekt": "academies"}


# --- escaping -------------------------------------------------------------------------------

_MD_SPECIAAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>:])")
# Control characters, zero-width characters and bidi overrides can hide or reorder what a reviewer reads
# ('Trojan Source'); they show as the replacement character instead (joiners stay: emoji use them).
_ONZICHTBAAR = re.compile("[\x00-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2060-\u2069\ufeff\ud800-\udfff]")


def _een_regel(waarde: object) -> str:
    return _ONZICHTBAAR.sub("\ufffd", " ".join(str(waarde).split()))


def md_tekst(waarde: object, max_lengte: int = 400) -> str:
    """Untrusted text -> inert inline Markdown: no HTML, no images/links, no mentions, one line."""
    tekst = _een_regel(waarde)
    if len(tekst) > max_lengte:
        tekst = tekst[: max_lengte - 1].rstrip() + "…"
    tekst = tekst.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    tekst = _MD_SPECIAAL.sub(r"\\\1", tekst)
    # A zero-width space after @ stops GitHub from turning '@naam' into a mention (and a notification).
    return tekst.replace("@", "@&#8203;")


def md_code(waarde: object) -> str:
    """A path or id as inline code; code spans render neither HTML nor mentions."""
    tekst = _een_regel(waarde)[:300]
    if "`" in tekst or not tekst:
        return md_tekst(tekst)
    return f"`{tekst}`"


def plek(f: Finding, wijzigingen: Wijzigingen | None = None) -> str:
    return formatting.plek(f, wijzigingen.repo_pad(f.bestand) if wijzigingen else None)


# --- data -----------------------------------------------------------------------------------

@dataclass
class RecordRapport:
    wijziging: Wijziging
    findings: list[Finding] = field(default_factory=list)
    oordeel: object | None = None
    regios: list[str] = field(default_factory=list)  # academies that must review
    voorbeeld: list[tuple[str, str]] = field(default_factory=list)  # (label, plain text) as a buurtsportcoach sees it
    verwijzers: list[Finding] = field(default_factory=list)  # findings elsewhere that still point at the old id
    notities: list[str] = field(default_factory=list)  # plain-text remarks, escaped when rendered

    @property
    def fouten(self) -> list[Finding]:
        return [f for f in self.findings if f.is_fout]

    @property
    def suggesties(self) -> list[Finding]:
        return [f for f in self.findings if not f.is_fout]


@dataclass
class Rapport:
    wijzigingen: Wijzigingen
    peildatum: datetime.date
    records: list[RecordRapport]
    findings: list[Finding]  # the whole catalogue, as it is now
    nieuw_elders: set[Finding]  # findings in unchanged files that this change caused
    oorzaak: dict[Finding, str]  # finding -> plain-text cause ("content/aanbieders/x.yml is verwijderd")
    academie_namen: dict[str, str]
    bestaande_suggesties: int = 0  # advice in untouched records that predates this change (left out)

    @property
    def gewijzigde_bestanden(self) -> set[str]:
        return {r.wijziging.bestand for r in self.records}

    @property
    def moet_opgelost(self) -> list[Finding]:
        # Every error blocks publication, whoever caused it.
        return sorteer([f for f in self.findings if f.is_fout])

    @property
    def suggesties(self) -> list[Finding]:
        eigen = self.gewijzigde_bestanden
        return sorteer([f for f in self.findings if not f.is_fout and (f.bestand in eigen or f in self.nieuw_elders)])

    @property
    def regios(self) -> list[str]:
        volgorde = list(self.academie_namen)
        alle = {r for rec in self.records for r in rec.regios}
        return sorted(alle, key=lambda r: volgorde.index(r) if r in volgorde else len(volgorde))

    @property
    def exit_code(self) -> int:
        return 1 if self.moet_opgelost else 0

    def als_dict(self) -> dict:
        """A small machine-readable summary (the workflows read it to pick preview sites and labels)."""
        return {
            "base": self.wijzigingen.base,
            "fouten": len(self.moet_opgelost),
            "suggesties": len(self.suggesties),
            "regios": self.regios,
            "records": [{"status": r.wijziging.status, "soort": r.wijziging.soort, "id": r.wijziging.id,
                         "bestand": self.wijzigingen.repo_pad(r.wijziging.bestand), "regios": r.regios}
                        for r in self.records],
        }


# --- building -------------------------------------------------------------------------------

def _ruw(root: Path, bestand: str) -> dict:
    """The record's data as written (also for invalid records); {} when unreadable or absent."""
    pad = root / bestand
    if not pad.is_file():
        return {}
    data = lees_bestand(pad, bestand).data
    return data if isinstance(data, dict) else {}


def _lijst(waarde: object) -> list:
    return waarde if isinstance(waarde, list) else []


def _loket_regios(data: dict, catalogus: Catalogus) -> list[str]:
    provincies = set()
    for naam in _lijst((data.get("werkgebied") or {}).get("gemeenten") if isinstance(data.get("werkgebied"), dict) else None):
        gemeente = catalogus.gemeenten.zoek(naam) if isinstance(naam, str) else None
        if gemeente:
            provincies.add(gemeente.provincie)
    return [r for r, provs in catalogus.kader.regio_provincies().items() if provincies & set(provs)]


def _scholing_van_aanbieder(aanbieder_id: str, *catalogi: Catalogus | None) -> dict[str, list[str]]:
    """Scholing id -> regios, for every offer of this provider now or at the base."""
    uit: dict[str, list[str]] = {}
    for catalogus in catalogi:
        if catalogus is None:
            continue
        for sid, s in catalogus.scholing.items():
            if s.aanbieder == aanbieder_id:
                uit.setdefault(sid, list(s.regios))
    return uit


def _review_regios(w: Wijziging, data: dict, nu: Catalogus, base: Catalogus | None) -> tuple[list[str], list[str]]:
    """(regions whose academy must review, remarks) for one changed record."""
    bekend = [t.id for t in nu.kader.lijst("regios").termen]  # begrippenkader order, stable across runs
    notities: list[str] = []
    if w.soort == "scholing":
        regios = [r for r in _lijst(data.get("regios")) if r in bekend]
    elif w.soort == "loketten":
        regios = _loket_regios(data, nu)
        if regios:
            notities.append("Regio's volgen uit de gemeenten van het werkgebied.")
    elif w.soort == "academies":
        regios = [w.id] if w.id in bekend else []
    else:  # aanbieder: every academy that lists one of its offers
        ids = {w.id, w.oud_id} - {None}
        aanbod: dict[str, list[str]] = {}
        for aid in ids:
            aanbod.update(_scholing_van_aanbieder(aid, nu, base))
        regios = sorted({r for rs in aanbod.values() for r in rs if r in bekend}, key=bekend.index)
        if aanbod:
            namen = ", ".join(sorted(aanbod))
            notities.append(f"Deze aanbieder heeft {len(aanbod)} {'scholing' if len(aanbod) == 1 else 'scholingen'} "
                            f"in de catalogus: {namen}. De academies die die scholingen tonen, beoordelen deze wijziging.")
    return sorted(set(regios), key=bekend.index), notities


def _kosten(kosten: object, catalogus: Catalogus) -> str:
    """The price line of the course page, from the data as written."""
    if not isinstance(kosten, dict) or not isinstance(kosten.get("bedrag"), (int, float)) \
            or isinstance(kosten.get("bedrag"), bool):
        return "onbekend"
    btw = kosten.get("btw")
    bekend = isinstance(btw, str) and btw in catalogus.kader.ids("btw")
    tekst = prijs(float(kosten["bedrag"]), catalogus.kader.label("btw", btw) if bekend else None)
    return tekst if bekend or kosten["bedrag"] <= 0 else f"{tekst} (btw onbekend)"


def _eerstvolgende(data: dict, peildatum: datetime.date) -> str:
    if data.get("doorlopend") is True:
        return "doorlopend: je start wanneer je wilt"
    starts = []
    for u in _lijst(data.get("uitvoeringen")):
        start = u.get("start") if isinstance(u, dict) else None
        if isinstance(start, datetime.date) and start >= peildatum:
            starts.append(start)
    return min(starts).isoformat() if starts else "nog geen startdatum bekend"


def _label(catalogus: Catalogus, lijst: str, waarde: object) -> str:
    return catalogus.kader.label(lijst, waarde) if isinstance(waarde, str) else str(waarde)


def _voorbeeld(w: Wijziging, data: dict, nu: Catalogus, peildatum: datetime.date) -> list[tuple[str, str]]:
    """Key fields as the sites show them, from the data as written (so invalid records get one too)."""
    if not data:
        return []
    if w.soort == "scholing":
        aanbieder_id = data.get("aanbieder")
        aanbieder = nu.aanbieders.get(aanbieder_id) if isinstance(aanbieder_id, str) else None
        uren = data.get("tijdsinvestering") if isinstance(data.get("tijdsinvestering"), dict) else {}
        tijd = f"{uren.get('uren')} uur" if uren.get("uren") is not None else "onbekend"
        if uren.get("toelichting"):
            tijd += f" ({uren['toelichting']})"
        locatie = data.get("locatie") if isinstance(data.get("locatie"), dict) else {}
        waar = _label(nu, "locatievormen", locatie.get("vorm")) if locatie.get("vorm") else "onbekend"
        if locatie.get("plaats"):
            waar += f", {locatie['plaats']}"
        return [
            ("Titel", str(data.get("titel", "(geen titel)"))),
            ("Aanbieder", aanbieder.naam if aanbieder else f"{aanbieder_id} (onbekende aanbieder)"),
            ("Vorm", _label(nu, "scholingsvormen", data.get("vorm"))),
            ("Samenvatting", str(data.get("samenvatting", ""))),
            ("Carrièrepad", ", ".join(_label(nu, "carrierepad", c) for c in _lijst(data.get("carrierepad"))) or "onbekend"),
            ("Tijdsinvestering", tijd),
            ("Kosten", _kosten(data.get("kosten"), nu)),
            ("Locatie", waar),
            ("Eerstvolgende start", _eerstvolgende(data, peildatum)),
        ]
    if w.soort == "aanbieders":
        return [("Naam", str(data.get("naam", ""))), ("Type", _label(nu, "aanbiedertypes", data.get("type"))),
                ("Website", str(data.get("website", ""))), ("Plaats", str(data.get("plaats", "")))]
    if w.soort == "loketten":
        status = nu.loket_statussen.get(w.id)
        gemeenten = _lijst((data.get("werkgebied") or {}).get("gemeenten") if isinstance(data.get("werkgebied"), dict) else None)
        regels = [("Naam", str(data.get("naam", ""))), ("Werkgebied", ", ".join(map(str, gemeenten)))]
        if status:
            regels.append(("Status", status.status + (f" (ontbreekt: {', '.join(status.ontbrekende_kaders + status.ontbrekende_rollen)})"
                                                      if not status.volwaardig else "")))
        return regels
    return [("Naam", str(data.get("naam", ""))), ("Website", str(data.get("website", ""))),
            ("Eigen site", str(data.get("site_url", "")))]


def _valideer(root: Path, peildatum: datetime.date) -> tuple[Catalogus | None, list[Finding]]:
    try:
        return laad_catalogus(root, peildatum)
    except BegrippenkaderFout as fout:
        return None, [Finding("schemas/begrippenkader.yml", None, None, FOUT, "", str(fout), None, "begrippenkader")]


def _sleutel(f: Finding) -> tuple:
    # Lines move when a file is edited elsewhere; compare what the finding says, not where.
    return (f.bestand, f.veld, f.code, f.boodschap, f.ernst)


def maak_rapport(root: Path, base: str, peildatum: datetime.date | None = None) -> Rapport:
    """Compare the working tree under `root` with `base` and build the report (raises WijzigingenFout)."""
    peildatum = peildatum or datetime.date.today()
    wijzigingen = zoek_wijzigingen(root, base)
    nu, findings = _valideer(root, peildatum)
    with tempfile.TemporaryDirectory(prefix="lab-base-") as tmp:
        base_root = schrijf_base(wijzigingen, ["content", "schemas"], Path(tmp))
        base_cat, base_findings = _valideer(base_root, peildatum) if base_root else (None, [])
        base_data = {w.oud_bestand or w.bestand: _ruw(base_root, w.oud_bestand or w.bestand)
                     for w in wijzigingen.records if base_root and w.status != "nieuw"}
    eerder = {_sleutel(f) for f in base_findings}
    eigen = {w.bestand for w in wijzigingen.records}
    nieuw_elders = {f for f in findings if f.bestand not in eigen and _sleutel(f) not in eerder}
    oorzaak: dict[Finding, str] = {}
    records: list[RecordRapport] = []
    for w in wijzigingen.records:
        rr = RecordRapport(w, [f for f in findings if f.bestand == w.bestand])
        data = _ruw(root, w.bestand) if w.bestaat else base_data.get(w.bestand, {})
        if nu is not None:
            rr.regios, rr.notities = _review_regios(w, data, nu, base_cat)
            if w.bestaat:
                rr.voorbeeld = _voorbeeld(w, data, nu, peildatum)
            if w.soort == "scholing" and w.bestaat:
                rr.oordeel = getattr(nu, "oordelen", {}).get(w.id)
        # Who still points at the id this change took away?
        weg = (w.soort, w.id) if w.status == "verwijderd" else (w.oud_soort, w.oud_id) if w.status == "hernoemd" else None
        if weg:
            for f in findings:
                if VERWIJZING_CODES.get(f.code) == weg[0] and _verwijst_naar(root, f, weg[1]):
                    rr.verwijzers.append(f)
                    actie = "is verwijderd" if w.status == "verwijderd" else f"is hernoemd naar {w.bestand}"
                    oorzaak[f] = f"gevolg van deze wijziging: {w.oud_bestand or w.bestand} {actie}"
        records.append(rr)
    namen = {}
    if nu is not None:
        for regio in (t.id for t in nu.kader.lijst("regios").termen):
            academie = nu.academies.get(regio)
            namen[regio] = academie.naam if academie else nu.kader.label("regios", regio)
    bestaande = sum(1 for f in findings if not f.is_fout and f.bestand not in eigen and f not in nieuw_elders)
    return Rapport(wijzigingen, peildatum, records, sorteer(findings), nieuw_elders, oorzaak, namen, bestaande)


def _verwijst_naar(root: Path, f: Finding, doel_id: str) -> bool:
    data = _ruw(root, f.bestand)
    if f.code == "aanbieder-onbekend":
        return data.get("aanbieder") == doel_id
    return doel_id in _lijst(data.get("regios"))


# --- Markdown -------------------------------------------------------------------------------

def _finding_regel(f: Finding, rapport: Rapport, met_plek: bool = True) -> str:
    delen = []
    if met_plek:
        delen.append(md_code(plek(f, rapport.wijzigingen)))
    if f.veld:
        delen.append(md_code(f.veld))
    tekst = md_tekst(f.boodschap, 600)
    if f.suggestie:
        tekst += f" (bedoelde je {md_code(f.suggestie)}?)"
    regel = "- " + " · ".join(delen) + (": " if delen else "") + tekst
    if f in rapport.oorzaak:
        regel += f"  \n  ↳ {md_tekst(rapport.oorzaak[f])}"
    elif f.bestand not in rapport.gewijzigde_bestanden:
        regel += " *(geraakt door deze wijziging)*" if f in rapport.nieuw_elders else " *(bestond al vóór deze wijziging)*"
    return regel


def _academies(regios: list[str], rapport: Rapport) -> str:
    return ", ".join(f"**{md_tekst(rapport.academie_namen.get(r, r))}** ({md_code(r)})" for r in regios)


def _oordeel_md(oordeel: Oordeel) -> list[str]:
    teken = {GESCHIKT: "✅", MET_AANDACHTSPUNTEN: "⚠️", NIET_GESCHIKT: "❌"}.get(oordeel.uitslag, "ℹ️")
    regels = [f"**Beslisboom:** {teken} {md_tekst(oordeel.uitslag)}", ""]
    for i, stap in enumerate(oordeel.stappen, 1):
        if not stap.van_toepassing:
            antwoord = "➖ n.v.t."
        elif stap.voldaan:
            antwoord = "✅ ja"
        else:
            antwoord = "❌ nee, blokkerend" if stap.uitkomst == BLOKKEREND else "⚠️ nee, aandachtspunt"
        regel = f"{i}. {md_tekst(stap.vraag)} — {antwoord}"
        if not stap.voldaan and stap.uitleg:  # what to change: only where the answer is "nee"
            regel += f". {md_tekst(stap.uitleg, 600)}"
        regels.append(regel)
    return regels


def _record_md(rr: RecordRapport, rapport: Rapport) -> list[str]:
    w = rr.wijziging
    kop = f"### {STATUS_KOP[w.status]}: {SOORT_NAAM.get(w.soort, w.soort)} {md_code(w.id)}"
    regels = [kop, ""]
    if w.status == "hernoemd":
        regels.append(f"Bestand: {md_code(w.oud_bestand)} → {md_code(w.bestand)}")
    else:
        regels.append(f"Bestand: {md_code(w.bestand)}")
    regels.append("")
    if rr.verwijzers:
        wie = ", ".join(md_code(b) for b in sorted({f.bestand for f in rr.verwijzers}))
        meer = len({f.bestand for f in rr.verwijzers}) > 1
        if w.status == "verwijderd":
            wat = f"Verwijderd, maar {wie} {'verwijzen' if meer else 'verwijst'} er nog naar."
        else:
            wat = f"Hernoemd, maar {wie} {'verwijzen' if meer else 'verwijst'} nog naar de oude id {md_code(w.oud_id)}."
        regels += [f"❌ **{wat}** Pas die records aan (of verwijder ze ook) in dezelfde pull request.", ""]
    if not w.bestaat:
        regels += ["Dit record verdwijnt van de sites.", ""]
    elif rr.findings:
        regels += [f"**Controle:** {len(rr.fouten)} moet opgelost, {len(rr.suggesties)} "
                   f"{'suggestie' if len(rr.suggesties) == 1 else 'suggesties'}", ""]
        regels += [_finding_regel(f, rapport) for f in sorteer(rr.findings)] + [""]
    else:
        regels += ["**Controle:** ✅ geen opmerkingen", ""]
    if rr.oordeel is not None:
        regels += _oordeel_md(rr.oordeel) + [""]
    elif w.soort == "scholing" and w.bestaat:
        regels += ["**Beslisboom:** nog niet beoordeeld (los eerst de fouten hierboven op)", ""]
    if rr.regios:
        regels += [f"**Beoordeling door:** {_academies(rr.regios, rapport)}", ""]
    regels += [md_tekst(n, 1000) for n in rr.notities] + ([""] if rr.notities else [])
    if rr.voorbeeld:
        regels += ["<details><summary>Zo ziet een buurtsportcoach het</summary>", ""]
        regels += [f"- **{label}:** {md_tekst(waarde) if waarde not in ('', 'None') else '—'}" for label, waarde in rr.voorbeeld]
        regels += ["", "</details>", ""]
    return regels


def als_markdown(rapport: Rapport) -> str:
    fouten, suggesties = rapport.moet_opgelost, rapport.suggesties
    aantal = len(rapport.records)
    if fouten:
        titel = f"❌ {len(fouten)} {'punt moet' if len(fouten) == 1 else 'punten moeten'} worden opgelost"
    elif suggesties:
        titel = f"✅ Klaar voor beoordeling, met {len(suggesties)} {'suggestie' if len(suggesties) == 1 else 'suggesties'}"
    else:
        titel = "✅ Klaar voor beoordeling"
    tellers = {}
    for rr in rapport.records:
        tellers[rr.wijziging.status] = tellers.get(rr.wijziging.status, 0) + 1
    telling = ", ".join(f"{n} {s}" for s, n in tellers.items())
    regels = [MARKER, f"# LAB-rapport: {titel}", "",
              f"Vergeleken met {md_code(rapport.wijzigingen.base[:12])} · peildatum {rapport.peildatum.isoformat()} · "
              f"{aantal} {'record' if aantal == 1 else 'records'} gewijzigd" + (f" ({telling})" if telling else ""), ""]
    if rapport.regios:
        regels += [f"**Beoordeling gevraagd van:** {_academies(rapport.regios, rapport)}", ""]
    regels += [f"## Moet opgelost ({len(fouten)})", ""]
    if fouten:
        regels += ["Deze punten houden publicatie tegen. Pas de bestanden aan en push opnieuw; dit rapport wordt dan bijgewerkt.", ""]
        regels += [_finding_regel(f, rapport) for f in fouten]
    else:
        regels.append("Niets: de hele catalogus is in orde.")
    regels += ["", f"## Suggesties ({len(suggesties)})", ""]
    if suggesties:
        regels += ["Adviezen om het aanbod beter vindbaar en duidelijker te maken; ze houden publicatie niet tegen.", ""]
        regels += [_finding_regel(f, rapport) for f in suggesties]
    else:
        regels.append("Geen.")
    if rapport.bestaande_suggesties:
        regels += ["", f"*{rapport.bestaande_suggesties} oudere suggesties bij records die deze wijziging niet raakt, "
                       "staan niet in dit rapport (zie `lab check`).*"]
    regels += ["", "## Gewijzigde records", ""]
    if not rapport.records:
        regels += ["Deze wijziging raakt geen records in `content/`.", ""]
    for rr in rapport.records:
        regels += _record_md(rr, rapport)
    if rapport.wijzigingen.overige:
        regels += ["## Andere gewijzigde bestanden", ""]
        regels += [f"- {md_code(rapport.wijzigingen.repo_pad(pad))} ({status})" for status, pad in rapport.wijzigingen.overige]
        if any(pad.startswith("schemas/") for _, pad in rapport.wijzigingen.overige):
            regels += ["", "Het begrippenkader, de beslisboom of de schema's zijn gewijzigd: dit vraagt beoordeling door "
                           "de LAB-werkgroep aanbod (zie CODEOWNERS)."]
        regels.append("")
    regels += ["---", "*Gemaakt door `lab rapport`. Vragen? Zie CONTRIBUTING.md of stel ze in deze pull request.*", ""]
    return "\n".join(regels)
