"""Seeded generator of synthetic catalogues for benchmarks (and large-catalogue tests).

    python benchmarks/generate.py --aantal 10000 --uit /tmp/cat10k [--seed 1] [--root .]

Writes a complete catalogue root: a copy of `schemas/` and `content/academies/`
of the repository, N scholing records, about N/20 aanbieders and N/50
loketten. Every record is valid (`lab check --root DIR` reports nothing); the
field mix follows the example catalogue. Terms and municipalities come from
the repository's own data files, so the output stays valid when those change.
Dates lie in 2027-2031 (relative to PEILDATUM), so the catalogue stays valid
for years. Same seed, same bytes.
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import re
import shutil
import sys
import zlib
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
PEILDATUM = datetime.date(2027, 1, 1)  # all generated courses start after this date

_PLAIN = re.compile(r"^[A-Za-z0-9À-ÿ][A-Za-z0-9À-ÿ .()'/-]*$")  # no ',' (it splits flow lists)
_YAML_WOORDEN = {"yes", "no", "on", "off", "true", "false", "null", "y", "n", "~"}


def q(tekst: str) -> str:
    """A YAML scalar for `tekst`: plain when unambiguous, else double-quoted (JSON is valid YAML)."""
    if _PLAIN.match(tekst) and tekst.lower() not in _YAML_WOORDEN and not tekst[0].isdigit() and ": " not in tekst:
        return tekst
    return json.dumps(tekst, ensure_ascii=False)


def flow(items: list[str]) -> str:
    return "[" + ", ".join(q(i) for i in items) + "]"


def slug(tekst: str) -> str:
    import unicodedata
    t = unicodedata.normalize("NFKD", tekst)
    t = "".join(c for c in t if not unicodedata.combining(c)).lower()
    return "-".join("".join(c if c.isalnum() else " " for c in t).split())


def blok(tekst: str, inspringing: str = "  ", breedte: int = 78) -> str:
    """Wrap text into the lines of a YAML block scalar."""
    regels, huidig = [], ""
    for woord in tekst.split():
        if huidig and len(huidig) + 1 + len(woord) > breedte:
            regels.append(huidig)
            huidig = woord
        else:
            huidig = f"{huidig} {woord}" if huidig else woord
    if huidig:
        regels.append(huidig)
    return "\n".join(inspringing + r for r in regels)


# --- word material (written for this generator) -----------------------------------------------

ONDERWERPEN = [
    ("sociaal veilig sportklimaat", "sociaal-veilige-sport"), ("samenwerken in de wijk", "samenwerken-en-netwerken"),
    ("beweegonderwijs op school", "vaardig-in-bewegen"), ("vitale verenigingen", "vitale-sportaanbieders"),
    ("sport en armoede", "armoede"), ("eenzaamheid doorbreken met bewegen", "eenzaamheid"),
    ("inclusief sporten", "inclusie-en-diversiteit"), ("monitoren van sportdeelname", "monitoren-en-evalueren"),
    ("borgen van wijkprojecten", "borging-en-impact"), ("bewegen in de openbare ruimte", "openbare-ruimte"),
    ("gezonde leefstijl", "gezondheid-en-preventie"), ("ondersteuning van sportclubs", "clubondersteuning"),
    ("sport en integratie", "integratie"), ("bewegen met dementie", "dementie-en-mantelzorg"),
    ("lokaal sportbeleid", "sportbeleid"), ("sport in het sociaal domein", "sociaal-domein"),
    ("overgewicht bij kinderen", "overgewicht"), ("sport als opstap naar werk", "afstand-tot-de-arbeidsmarkt"),
    ("duurzame sportaccommodaties", "duurzame-sportinfrastructuur"), ("topsport als inspiratie", "inspirerende-topsport"),
]
VORM_WOORD = {
    "cursus": "Cursus", "training": "Training", "opleiding": "Opleiding", "leergang": "Leergang",
    "workshop": "Workshop", "webinar": "Webinar", "e-learning": "E-learning", "intervisie": "Intervisie",
    "kennisdag": "Kennisdag", "meeloopdag": "Meeloopdag", "masterclass": "Masterclass", "coaching": "Coaching",
    "lerend-netwerk": "Lerend netwerk",
}
DOEL_ZINNEN = [
    "Buurtsportcoaches krijgen steeds vaker vragen die verder gaan dan het organiseren van activiteiten.",
    "In deze scholing werk je aan een concrete vraag uit je eigen werkgebied en neem je direct iets mee naar de praktijk.",
    "Je leert samenwerken met partners uit zorg, welzijn, onderwijs en de lokale sportclubs.",
    "We combineren korte theorieblokken met praktijkvoorbeelden van collega's uit andere gemeenten.",
    "Na afloop kun je je aanpak onderbouwen richting je werkgever en de gemeente.",
    "De inhoud sluit aan bij het carrièrepad van de buurtsportcoach en het begrippenkader van Programma LAB.",
    "Deelnemers brengen een eigen casus in die in kleine groepen wordt uitgewerkt.",
    "Er is ruimte voor intervisie en het uitwisselen van ervaringen tussen deelnemers.",
]
UITKOMSTEN = [
    "Je kunt de belangrijkste partners in je wijk in kaart brengen en hun belangen benoemen.",
    "Je kunt een plan van aanpak opstellen dat past bij de vraag van de gemeente.",
    "Je kunt een gesprek voeren met een sportbestuurder over ondersteuning van de vereniging.",
    "Je kunt resultaten van je werk zichtbaar maken met eenvoudige cijfers en verhalen.",
    "Je kunt een activiteit aanpassen zodat ook mensen met een beperking mee kunnen doen.",
    "Je kunt signalen van uitsluiting of grensoverschrijdend gedrag herkennen en bespreekbaar maken.",
    "Je kunt een netwerkbijeenkomst voorbereiden en leiden.",
    "Je kunt uitleggen hoe sport en bewegen bijdragen aan doelen in het sociaal domein.",
    "Je kunt een doorverwijsroute opzetten van zorg of welzijn naar passend beweegaanbod.",
    "Je kunt je eigen rol beschrijven binnen het lokale sportakkoord.",
]
# Free text that providers write themselves differs per record. These pools are picked by a hash
# of the record number, not from the seeded stream, so every other field stays byte-identical
# to earlier versions of the generator (before/after benchmarks compare the same catalogue).
SAMENVATTING_SLOTEN = [
    "voor buurtsportcoaches die hun werk in de wijk willen versterken met nieuwe kennis en praktische handvatten.",
    "met voorbeelden uit gemeenten die hier al jaren mee werken.",
    "waarin je oefent met situaties uit je eigen werkgebied.",
    "voor professionals die net zijn begonnen of al jaren ervaring hebben.",
    "met een opdracht die je direct in je eigen gemeente uitvoert.",
    "samen met collega's uit zorg, welzijn en onderwijs.",
    "in kleine groepen, met veel ruimte voor vragen.",
    "met een terugkombijeenkomst na drie maanden.",
]
INSTAPVOORWAARDEN = [
    "Je werkt als buurtsportcoach of in een vergelijkbare functie in sport en bewegen.",
    "Geen vooropleiding nodig; wel minstens een half jaar werkervaring in de wijk.",
    "Je hebt een afgeronde mbo-opleiding op niveau 4 of vergelijkbare ervaring.",
    "Je bent in dienst bij een gemeente, welzijnsorganisatie of vereniging.",
    "Je neemt een eigen casus mee uit je dagelijkse praktijk.",
    "Voor deelnemers met minstens twee jaar ervaring als buurtsportcoach.",
    "Je hebt de basistraining van de academie gevolgd of doet die tegelijk.",
    "Je werkgever stemt in met de tijdsinvestering en de praktijkopdracht.",
    "Open voor iedereen die met kinderen en jongeren werkt.",
    "Je spreekt en schrijft Nederlands op minimaal niveau B1.",
    "Een laptop of tablet met camera voor de online bijeenkomsten.",
    "Geen; de scholing begint bij de basis.",
]


def _uit_pool(pool: list[str], veld: str, nummer: int) -> str:
    return pool[zlib.crc32(f"{veld}:{nummer}".encode()) % len(pool)]


VOORNAMEN = ["Sanne", "Daan", "Fatima", "Jeroen", "Ayşe", "Pieter", "Noor", "Mohamed", "Lotte", "Bram", "Eva", "Kees"]
ACHTERNAMEN = ["de Vries", "Jansen", "El Amrani", "Bakker", "Yılmaz", "Visser", "Smit", "Meijer", "de Boer", "Mulder"]
AANBIEDER_WOORDEN = ["Sportacademie", "Beweeghuis", "Kenniscentrum Sport", "Opleidingen", "Sportcollege", "Leerhuis Sport",
                     "Sportwerk", "Beweegkracht", "Hogeschool", "Sportbond"]
AANBIEDER_TYPES = {"Sportacademie": "opleider", "Beweeghuis": "opleider", "Kenniscentrum Sport": "kenniscentrum",
                   "Opleidingen": "opleider", "Sportcollege": "mbo", "Leerhuis Sport": "overig", "Sportwerk":
                   "provinciale-sportorganisatie", "Beweegkracht": "opleider", "Hogeschool": "hbo", "Sportbond": "sportbond"}
PARTNER_NAMEN = {
    "sportbond": ["Landelijke Voetbalbond", "Landelijke Tennisbond", "Nederlandse Zwembond", "Atletiekunie Nederland"],
    "sportaanbieder": ["Voetbalvereniging De Zwaluwen", "Hockeyclub De Mark", "Gymvereniging Olympia", "Tennisclub Het Park"],
    "sportplatform": ["Sportraad", "Sportplatform"],
    "welzijn": ["Stichting Welzijn", "Welzijnskwartier"],
    "zorg": ["Gezondheidscentrum De Linde", "Huisartsenpraktijk Centrum"],
    "onderwijs": ["Openbare Basisschool De Regenboog", "Scholengemeenschap Het Lyceum"],
}


# --- data from the repository ---------------------------------------------------------------

def _laad(root: Path) -> tuple[dict[str, list[str]], dict[str, list[str]], list[dict], dict[str, list[str]], dict]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    kader = yaml.load((root / "schemas" / "begrippenkader.yml").read_text(encoding="utf-8"), Loader=loader)
    lijsten = kader["lijsten"]
    termen = {naam: [t["id"] for t in lijst["termen"]] for naam, lijst in lijsten.items()}
    regio_provincies = {t["id"]: list(t["provincies"]) for t in lijsten["regios"]["termen"]}
    niveau_paden = {t["id"]: list(t.get("carrierepad") or termen["carrierepad"]) for t in lijsten["niveaus"]["termen"]}
    # The beslisboom's thresholds (hours per form, price that needs an explanation), when present.
    boom = root / "schemas" / "beslisboom.yml"
    drempels = (yaml.load(boom.read_text(encoding="utf-8"), Loader=loader) or {}).get("drempels", {}) if boom.exists() else {}
    gemeenten = yaml.load((root / "schemas" / "gemeenten.yml").read_text(encoding="utf-8"), Loader=loader)["gemeenten"]
    return termen, regio_provincies, gemeenten, niveau_paden, drempels


# --- records --------------------------------------------------------------------------------

class Generator:
    def __init__(self, root: Path, seed: int):
        self.rnd = random.Random(seed)
        self.termen, self.regio_provincies, self.gemeenten, self.niveau_paden, drempels = _laad(root)
        self.uren_per_vorm = drempels.get("uren_per_vorm", {})
        self.per_provincie: dict[str, list[dict]] = {}
        for g in self.gemeenten:
            self.per_provincie.setdefault(g["provincie"], []).append(g)
        self.provincie_regio = {p: r for r, ps in self.regio_provincies.items() for p in ps}

    def persoon(self) -> str:
        return f"{self.rnd.choice(VOORNAMEN)} {self.rnd.choice(ACHTERNAMEN)}"

    def gemeente_in(self, regio: str) -> dict:
        provincie = self.rnd.choice(self.regio_provincies[regio])
        return self.rnd.choice(self.per_provincie[provincie])

    def aanbieder(self, nummer: int) -> tuple[str, str, str]:
        r = self.rnd
        woord = r.choice(AANBIEDER_WOORDEN)
        regio = r.choice(list(self.regio_provincies))
        gemeente = self.gemeente_in(regio)
        naam = f"{woord} {gemeente['naam']} {nummer}"
        ident = slug(naam)
        domein = f"{ident}.example.nl"
        regels = [
            "# yaml-language-server: $schema=../../schemas/aanbieder.schema.json",
            f"naam: {q(naam)}",
            f"type: {AANBIEDER_TYPES[woord]}",
            f"website: https://{domein}",
            "beschrijving: |",
            blok(f"{naam} verzorgt bij- en nascholing voor buurtsportcoaches, combinatiefunctionarissen en "
                 f"hun werkgevers in de regio {regio}. Het aanbod loopt van korte workshops tot leergangen "
                 "en wordt samen met gemeenten en sportclubs ontwikkeld."),
            "contact:",
            f"  email: info@{domein}",
        ]
        if r.random() < 0.7:
            regels.append(f"  telefoon: 0{r.randint(10, 99)} {r.randint(100, 999)} {r.randint(1000, 9999)}")
        if r.random() < 0.6:
            regels.append(f'kvk: "{r.randint(10_000_000, 99_999_999)}"')
        regels += [f"plaats: {q(gemeente['naam'])}", f"gemeente: {q(gemeente['naam'])}"]
        if r.random() < 0.8:
            regels.append(f"erkenningen: {flow(sorted(r.sample(self.termen['erkenningen'], r.randint(1, 3))))}")
        return ident, domein, "\n".join(regels) + "\n"

    def scholing(self, nummer: int, aanbieder: tuple[str, str]) -> tuple[str, str]:
        r = self.rnd
        aanbieder_id, domein = aanbieder
        onderwerp, thema = r.choice(ONDERWERPEN)
        vorm = r.choice(self.termen["scholingsvormen"])
        titel = f"{VORM_WOORD.get(vorm, 'Scholing')} {onderwerp} {nummer}"
        ident = slug(titel)
        regio = r.choice(list(self.regio_provincies))
        regios = [regio] + ([x for x in r.sample(list(self.regio_provincies), 2) if x != regio][:1] if r.random() < 0.3 else [])
        themas = [thema] + [t for t in r.sample(self.termen["themas"], 2) if t != thema][: r.randint(0, 2)]
        niveau = r.choice(list(self.niveau_paden)) if r.random() < 0.85 else None
        mogelijk = self.niveau_paden[niveau] if niveau else self.termen["carrierepad"]
        paden = sorted(r.sample(mogelijk, r.randint(1, min(2, len(mogelijk)))))
        route = r.choice(self.termen["routes"])
        locatievorm = r.choices(self.termen["locatievormen"], weights=[6, 3, 2, 1][: len(self.termen["locatievormen"])])[0]
        gemeente = self.gemeente_in(regio)
        bedrag = r.choice([0, 0, 95, 175, 250, 475, 850, 1450])
        regels = [
            "# yaml-language-server: $schema=../../schemas/scholing.schema.json",
            f"titel: {q(titel)}",
            f"aanbieder: {aanbieder_id}",
            f"vorm: {vorm}",
            "samenvatting: >-",
            blok(f"{VORM_WOORD.get(vorm, 'Scholing')} over {onderwerp} "
                 f"{_uit_pool(SAMENVATTING_SLOTEN, 'samenvatting', nummer)}"),
            "doel: |",
            blok((f"Dit aanbod is nieuw ontwikkeld op vraag van buurtsportcoaches in de regio {regio}. "
                  if route == "nieuw" else "") + " ".join(r.sample(DOEL_ZINNEN, 4))),
            "leeruitkomsten:",
            *(f"  - {u}" for u in r.sample(UITKOMSTEN, r.randint(2, 5))),
            f"carrierepad: {flow(paden)}",
        ]
        if niveau:
            regels.append(f"niveau: {niveau}")
        regels.append(f"themas: {flow(themas)}")
        if r.random() < 0.8:
            regels.append(f"doelgroepen: {flow(r.sample(self.termen['doelgroepen'], r.randint(1, 3)))}")
        if r.random() < 0.7:
            regels.append(f"functieprofielen: {flow(r.sample(self.termen['functieprofielen'], r.randint(1, 2)))}")
        grenzen = self.uren_per_vorm.get(vorm) or self.uren_per_vorm.get("standaard") or {}
        uren = r.choice([u for u in (1, 2, 3, 4, 6, 8, 12, 16, 24, 40, 80, 120, 200, 400)
                         if grenzen.get("min", 0) <= u <= grenzen.get("max", 2000)] or [8])
        regels += [
            f"instapvoorwaarden: {q(_uit_pool(INSTAPVOORWAARDEN, 'instap', nummer))}",
            "tijdsinvestering:",
            f"  uren: {uren}",
            f"  toelichting: {q(f'{max(2, uren // 4)} bijeenkomsten van een dagdeel, plus een praktijkopdracht.')}",
            "kosten:",
            f"  bedrag: {bedrag}",
        ]
        if bedrag > 0:
            regels.append(f"  btw: {r.choice(self.termen['btw'])}")
            regels.append("  toelichting: Inclusief lesmateriaal en lunch; werkgevers in de regio krijgen korting.")
        regels += ["locatie:", f"  vorm: {locatievorm}"]
        if locatievorm in ("fysiek", "hybride", "incompany"):
            regels += [f"  plaats: {q(gemeente['naam'])}", f"  gemeente: {q(gemeente['naam'])}"]
        regels.append(f"regios: {flow(regios)}")
        doorlopend = vorm in ("e-learning", "coaching") and r.random() < 0.5
        if not doorlopend:
            regels.append("uitvoeringen:")
            for _ in range(r.randint(1, 3)):
                start = PEILDATUM + datetime.timedelta(days=r.randint(30, 1400))
                eind = start + datetime.timedelta(days=r.choice([0, 0, 7, 28, 70, 120]))
                deel = f"start: {start.isoformat()}, eind: {eind.isoformat()}"
                if r.random() < 0.5:
                    deel += f", plaats: {q(self.gemeente_in(regio)['naam'])}"
                if r.random() < 0.6:
                    deel += f", aanmelden_voor: {(start - datetime.timedelta(days=21)).isoformat()}"
                regels.append(f"  - {{{deel}}}")
        else:
            regels.append("doorlopend: true")
        regels += [
            f"aanmelden: https://{domein}/scholing/{ident}",
            "contact:",
            f"  email: scholing@{domein}",
            f"  naam: {q(self.persoon())}",
        ]
        regels.append("kwaliteit:")
        if r.random() < 0.7:
            regels.append(f"  erkenningen: {flow(sorted(r.sample(self.termen['erkenningen'], r.randint(1, 2))))}")
        regels.append("  evaluatie: Na afloop vullen deelnemers een korte evaluatie in die met de academie wordt besproken.")
        regels.append(f"route: {route}")
        regels.append(f"geldig_tot: {PEILDATUM.year + 5}-12-31")
        regels.append(f"bijgewerkt: 2026-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}")
        if r.random() < 0.7:
            regels.append(f"trefwoorden: {flow(r.sample(onderwerp.split() + ['wijk', 'sportclub', 'gemeente', 'netwerk'], 3))}")
        return ident, "\n".join(regels) + "\n"

    def loket(self, nummer: int) -> tuple[str, str]:
        r = self.rnd
        provincie = r.choice(list(self.per_provincie))
        gemeenten = r.sample(self.per_provincie[provincie], min(r.choice([1, 1, 1, 2, 3]), len(self.per_provincie[provincie])))
        hoofd = gemeenten[0]["naam"]
        naam = f"Sport- en beweegloket {hoofd} {nummer}"
        ident = slug(f"loket {hoofd} {nummer}")
        domein = f"{ident}.example.nl"
        volwaardig = r.random() < 0.5
        kaders = ["regiepunt", "proactief_contact", "budgetten", "kwaliteitszorg", "netwerk_in_beeld", "data_en_kennis",
                  "werkgebied_afgestemd", "overzicht", "intentieverklaring"]
        nee = set() if volwaardig else set(r.sample(kaders, r.randint(1, 3)))
        rollen = ["gemeente", "sportbond", "sportaanbieder", "sportplatform", "welzijn", "zorg", "onderwijs"]
        gekozen = rollen[: 3 + r.randint(0, 4)] if volwaardig else ["gemeente"] + r.sample(rollen[1:], r.randint(1, 3))
        regels = [
            "# yaml-language-server: $schema=../../schemas/loket.schema.json",
            f"naam: {q(naam)}",
            "werkgebied:",
            f"  gemeenten: {flow([g['naam'] for g in gemeenten])}",
            "contact:",
            f"  email: info@{domein}",
        ]
        if r.random() < 0.6:
            regels.append(f"  website: https://{domein}")
        regels += [
            "beschrijving: |",
            blok(f"Het loket in {hoofd} is het vaste aanspreekpunt voor sportverenigingen en sportaanbieders. "
                 "Adviseurs bezoeken clubs actief en stemmen hun ondersteuning af met de sportbonden."),
            f"sinds: {r.randint(2019, 2024)}-{r.randint(1, 12):02d}-01",
            "partners:",
        ]
        for rol in gekozen:
            if rol == "gemeente":
                partner = f"Gemeente {hoofd}"
            elif rol == "sportplatform":
                partner = f"{r.choice(PARTNER_NAMEN[rol])} {hoofd}"
            else:
                partner = r.choice(PARTNER_NAMEN[rol]) if rol in PARTNER_NAMEN else f"{rol.capitalize()} {hoofd}"
            regels.append(f"  - {{naam: {q(partner)}, rol: {rol}}}")
        regels.append("kaders:")
        regels += [f"  {k}: {'false' if k in nee else 'true'}" for k in kaders]
        regels.append(f"diensten: {flow(r.sample(self.termen['loketdiensten'], r.randint(2, 5)))}")
        if r.random() < 0.6:
            regels.append(f"kwaliteitszorg: {flow(r.sample(self.termen['kwaliteitszorg'], r.randint(1, 3)))}")
        if "sportplatform" in gekozen:
            regels += ["sportplatform:", f"  naam: {q(f'Sportplatform {hoofd}')}",
                       f"  rollen: {flow(r.sample(self.termen['sportplatformrollen'], r.randint(1, 3)))}"]
        return ident, "\n".join(regels) + "\n"


def genereer(uit: Path, aantal: int, seed: int = 1, root: Path = REPO) -> dict[str, int]:
    """Write a catalogue root to `uit` (which must not exist or be empty). Returns counts per kind."""
    uit.mkdir(parents=True, exist_ok=True)
    if any(uit.iterdir()):
        raise SystemExit(f"generate: '{uit}' is niet leeg; kies een nieuwe map")
    shutil.copytree(root / "schemas", uit / "schemas")
    shutil.copytree(root / "content" / "academies", uit / "content" / "academies")
    gen = Generator(root, seed)
    mappen = {m: uit / "content" / m for m in ("aanbieders", "scholing", "loketten")}
    for m in mappen.values():
        m.mkdir(parents=True)
    aanbieders = []
    for i in range(max(1, aantal // 20)):
        ident, domein, tekst = gen.aanbieder(i + 1)
        (mappen["aanbieders"] / f"{ident}.yml").write_text(tekst, encoding="utf-8")
        aanbieders.append((ident, domein))
    for i in range(aantal):
        ident, tekst = gen.scholing(i + 1, gen.rnd.choice(aanbieders))
        (mappen["scholing"] / f"{ident}.yml").write_text(tekst, encoding="utf-8")
    loketten = max(1, aantal // 50)
    for i in range(loketten):
        ident, tekst = gen.loket(i + 1)
        (mappen["loketten"] / f"{ident}.yml").write_text(tekst, encoding="utf-8")
    return {"scholing": aantal, "aanbieders": len(aanbieders), "loketten": loketten,
            "academies": len(list((uit / "content" / "academies").glob("*.yml")))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Maak een synthetische catalogus (zelfde seed, zelfde bestanden).")
    parser.add_argument("--aantal", type=int, default=1000, help="aantal scholingsrecords (standaard 1000)")
    parser.add_argument("--uit", type=Path, required=True, help="nieuwe, lege map voor de catalogus")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--root", type=Path, default=REPO, help="repository met schemas/ en content/academies/")
    args = parser.parse_args(argv)
    if args.aantal < 1:
        parser.error("--aantal moet minstens 1 zijn")
    aantallen = genereer(args.uit, args.aantal, args.seed, args.root)
    print(", ".join(f"{n} {s}" for s, n in aantallen.items()) + f" geschreven naar {args.uit}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
