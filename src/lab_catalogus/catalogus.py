"""Load the whole catalogue: every record file read, validated and cross-checked.

`laad_catalogus` returns the valid records plus one list of findings. A
record with an error is left out of the catalogue (it cannot be published)
but never silently: its findings say why.
"""

from __future__ import annotations

import datetime
import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

from pydantic import ValidationError

from .findings import FOUT, WAARSCHUWING, Finding, Issue
from .gemeenten import Gemeentelijst, laad_gemeenten
from .kader import Begrippenkader, laad_begrippenkader
from .loket_status import LoketStatus, loket_status
from .messages import vertaal
from .models import SOORTEN, Aanbieder, Academie, Loket, Record, Scholing
from .positions import lokaliseer
from .record_rules import regels
from .suggest import dichtstbij
from .fieldtypes import ID_MAX, is_record_id
from .yaml_reader import lees_bestand


@dataclass
class Context:
    """The data every check needs: vocabulary, municipalities, check date."""

    root: Path
    kader: Begrippenkader
    gemeenten: Gemeentelijst
    peildatum: datetime.date

    @property
    def validatie(self) -> dict:
        return {"kader": self.kader, "gemeenten": self.gemeenten}


def laad_context(root: Path, peildatum: datetime.date | None = None) -> Context:
    schemas = root / "schemas"
    return Context(root, laad_begrippenkader(schemas / "begrippenkader.yml"),
                   laad_gemeenten(schemas / "gemeenten.yml"), peildatum or datetime.date.today())


@dataclass
class Catalogus:
    context: Context
    scholing: dict[str, Scholing] = field(default_factory=dict)
    aanbieders: dict[str, Aanbieder] = field(default_factory=dict)
    loketten: dict[str, Loket] = field(default_factory=dict)
    academies: dict[str, Academie] = field(default_factory=dict)
    bestanden: dict[tuple[str, str], str] = field(default_factory=dict)  # (soort, id) -> file
    oordelen: dict = field(default_factory=dict)  # scholing id -> beslisboom.Oordeel (also for 'niet geschikt')
    beslisboom: object = None  # the loaded beslisboom.Beslisboom, when schemas/beslisboom.yml exists

    @property
    def kader(self) -> Begrippenkader:
        return self.context.kader

    @property
    def gemeenten(self) -> Gemeentelijst:
        return self.context.gemeenten

    @cached_property
    def loket_statussen(self) -> dict[str, LoketStatus]:
        return {i: loket_status(l, self.kader, self.gemeenten) for i, l in self.loketten.items()}

    def records(self, soort: str) -> dict:
        return getattr(self, soort)


def _relatief(pad: Path, root: Path) -> str:
    try:
        return pad.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return pad.as_posix()


def _relatief_maker(root: Path):
    """Fast `_relatief` for paths built as root / ...: string slicing instead of resolve() per file."""
    voorvoegsel = "" if str(root) == "." else str(root).rstrip(os.sep) + os.sep

    def relatief(pad: Path) -> str:
        tekst = str(pad)
        if tekst.startswith(voorvoegsel):
            return tekst[len(voorvoegsel):].replace(os.sep, "/")
        return _relatief(pad, root)

    return relatief


@cache
def _verplichte_velden(model: type[Record]) -> set[str]:
    return {naam for naam, veld in model.model_fields.items() if veld.is_required()}


def _verkeerde_map(soort: str, data: dict) -> str | None:
    """The folder a record belongs in when it clearly does not fit its own."""
    sleutels = set(data)
    eigen = _verplichte_velden(SOORTEN[soort][0])
    if len(sleutels & eigen) >= max(1, len(eigen) // 2):
        return None
    beste, score = None, 0.0
    for andere, (model, _, _) in SOORTEN.items():
        verplicht = _verplichte_velden(model)
        deel = len(sleutels & verplicht) / len(verplicht)
        if andere != soort and deel > score:
            beste, score = andere, deel
    return beste if score >= 0.5 else None


def controleer_record(soort: str, pad: Path, bestand: str, context: Context) -> tuple[Record | None, list[Finding]]:
    """Read and validate one record file (no cross-references)."""
    gelezen = lees_bestand(pad, bestand)
    if gelezen.data is None:
        return None, gelezen.findings
    findings = list(gelezen.findings)
    stem = pad.stem
    issues: list[Issue] = []
    if not is_record_id(stem):
        suggestie = "-".join("".join(c if c.isalnum() else " " for c in stem.lower()).split())[:ID_MAX] or None
        findings.append(Finding(bestand, None, None, FOUT, "",
                                f"de bestandsnaam '{pad.name}' is geen geldige id: gebruik alleen kleine letters, cijfers en "
                                f"losse streepjes (hoogstens {ID_MAX} tekens), bijvoorbeeld 'werken-met-netwerken.yml'",
                                f"{suggestie}.yml" if suggestie else None, "bestandsnaam"))
    andere_map = _verkeerde_map(soort, gelezen.data)
    if andere_map:
        findings.append(Finding(bestand, 1, 1, FOUT, "",
                                f"dit lijkt een {SOORTEN[andere_map][2]}-record, maar het staat in content/{soort}/; "
                                f"verplaats het naar content/{andere_map}/", None, "verkeerde-map"))
        return None, findings
    model = SOORTEN[soort][0]
    record: Record | None = None
    try:
        record = model.model_validate(gelezen.data, context=context.validatie)
    except ValidationError as fout:
        issues += vertaal(fout, model)
    except (RecursionError, ValueError, TypeError) as fout:  # pathological input must not crash the run
        issues.append(Issue((), FOUT, f"dit record kan niet worden gelezen ({type(fout).__name__})", code="onleesbaar"))
    if record is not None:
        issues += regels(record, stem, context.peildatum)
    findings += lokaliseer(bestand, gelezen.tekst, issues)
    if any(f.is_fout for f in findings):
        return None, findings
    return record, findings


def record_bestanden(root: Path) -> tuple[list[tuple[str, Path]], list[Finding]]:
    """Every record file under content/, and findings for files that cannot be records."""
    inhoud = root / "content"
    gevonden: list[tuple[str, Path]] = []
    findings: list[Finding] = []
    if not inhoud.is_dir():
        findings.append(Finding(_relatief(inhoud, root), None, None, FOUT, "",
                                "de map 'content' ontbreekt; draai 'lab check' in de hoofdmap van de catalogus of gebruik --root",
                                None, "geen-content"))
        return gevonden, findings
    relatief = _relatief_maker(root)
    for pad in _alle_bestanden(inhoud):
        bestand = relatief(pad)
        delen = pad.relative_to(inhoud).parts
        soort = delen[0] if len(delen) > 1 else None
        if soort not in SOORTEN:
            if pad.suffix in (".yml", ".yaml"):
                findings.append(Finding(bestand, None, None, FOUT, "",
                                        f"dit bestand staat niet in een bekende map; zet het in content/{{{','.join(SOORTEN)}}}/",
                                        dichtstbij(delen[0], list(SOORTEN)) if soort else None, "onbekende-map"))
            continue
        if pad.suffix == ".yml":
            gevonden.append((soort, pad))
        elif pad.suffix.lower() in (".yaml", ".yml"):
            findings.append(Finding(bestand, None, None, FOUT, "",
                                    "records hebben de extensie .yml; hernoem het bestand (het wordt nu niet gelezen)",
                                    pad.stem + ".yml", "extensie"))
        elif pad.suffix.lower() not in (".md", ".txt"):
            findings.append(Finding(bestand, None, None, WAARSCHUWING, "",
                                    "dit is geen .yml-record en wordt niet gelezen", None, "geen-record"))
    return gevonden, findings


def _alle_bestanden(map_: Path) -> list[Path]:
    """Every non-hidden file below map_, sorted (os.walk: one stat per entry instead of rglob + is_dir)."""
    uit: list[str] = []
    for pad, mappen, namen in os.walk(map_):
        mappen[:] = [m for m in mappen if not m.startswith(".")]
        uit += [os.path.join(pad, naam) for naam in namen if not naam.startswith(".")]
    # Sort by path parts, as sorted(Path) did, but on strings (Path comparison is slow).
    return [Path(p) for p in sorted(uit, key=lambda p: p.split(os.sep))]


# Above this many files the records are checked in worker processes (the
# work is CPU-bound YAML construction and validation; threads would not help).
PARALLEL_VANAF = 1000
_BLOK = 500
_WERK_CONTEXT: Context | None = None  # inherited by forked workers, never pickled


def _controleer_blok(taken: list[tuple[str, Path, str]]) -> list[tuple[Record | None, list[Finding]]]:
    assert _WERK_CONTEXT is not None
    return [controleer_record(soort, pad, bestand, _WERK_CONTEXT) for soort, pad, bestand in taken]


def _werkers() -> int:
    try:
        return min(4, len(os.sched_getaffinity(0)))
    except AttributeError:
        return min(4, os.cpu_count() or 1)


def controleer_records(taken: list[tuple[str, Path, str]], context: Context) -> list[tuple[Record | None, list[Finding]]]:
    """controleer_record for every (soort, pad, bestand), in parallel when that pays off; results in input order."""
    global _WERK_CONTEXT
    werkers = _werkers()
    # Forking a process that runs other threads (a dev server, a watcher) can deadlock; stay serial then.
    if (len(taken) < PARALLEL_VANAF or werkers < 2 or threading.active_count() > 1
            or "fork" not in multiprocessing.get_all_start_methods()):
        return [controleer_record(soort, pad, bestand, context) for soort, pad, bestand in taken]
    _WERK_CONTEXT = context
    try:
        blokken = [taken[i:i + _BLOK] for i in range(0, len(taken), _BLOK)]
        with ProcessPoolExecutor(werkers, mp_context=multiprocessing.get_context("fork")) as pool:
            return [uitkomst for blok in pool.map(_controleer_blok, blokken) for uitkomst in blok]
    except (OSError, BrokenProcessPool):  # no worker processes possible here: do the work ourselves
        return [controleer_record(soort, pad, bestand, context) for soort, pad, bestand in taken]
    finally:
        _WERK_CONTEXT = None


def laad_catalogus(root: Path, peildatum: datetime.date | None = None) -> tuple[Catalogus, list[Finding]]:
    context = laad_context(root, peildatum)
    catalogus = Catalogus(context)
    bestanden, findings = record_bestanden(root)
    alle_ids: dict[str, set[str]] = {soort: set() for soort in SOORTEN}
    relatief = _relatief_maker(root)
    taken: list[tuple[str, Path, str]] = []
    for soort, pad in bestanden:
        bestand = relatief(pad)
        eerder = catalogus.bestanden.get((soort, pad.stem))
        alle_ids[soort].add(pad.stem)
        if eerder:
            findings.append(Finding(bestand, 1, 1, FOUT, "id",
                                    f"de id '{pad.stem}' bestaat al in {eerder}; ids moeten uniek zijn, kies een andere bestandsnaam",
                                    None, "dubbele-id"))
            continue
        catalogus.bestanden[(soort, pad.stem)] = bestand
        taken.append((soort, pad, bestand))
    for (soort, pad, _), (record, record_findings) in zip(taken, controleer_records(taken, context)):
        findings += record_findings
        if record is not None:
            catalogus.records(soort)[pad.stem] = record
    findings += kruisverwijzingen(catalogus, alle_ids)
    from .beslisboom import beoordeel_catalogus  # late import: beslisboom builds on this module's records
    findings += beoordeel_catalogus(catalogus)
    return catalogus, findings


def kruisverwijzingen(catalogus: Catalogus, alle_ids: dict[str, set[str]]) -> list[Finding]:
    """References between records: scholing -> aanbieder, regions -> academies."""
    uit: list[Finding] = []
    te_lokaliseren: dict[str, list[Issue]] = {}
    for scholing_id, scholing in catalogus.scholing.items():
        if scholing.aanbieder not in alle_ids["aanbieders"]:
            te_lokaliseren.setdefault(catalogus.bestanden[("scholing", scholing_id)], []).append(Issue(
                ("aanbieder",), FOUT,
                f"aanbieder '{scholing.aanbieder}' bestaat niet; maak eerst content/aanbieders/{scholing.aanbieder}.yml aan "
                "of verwijs naar een bestaande aanbieder",
                dichtstbij(scholing.aanbieder, sorted(alle_ids["aanbieders"])), "aanbieder-onbekend"))
        for i, regio in enumerate(scholing.regios):
            if regio not in alle_ids["academies"]:
                te_lokaliseren.setdefault(catalogus.bestanden[("scholing", scholing_id)], []).append(Issue(
                    ("regios", i), WAARSCHUWING, f"regio '{regio}' heeft (nog) geen academie in content/academies/; "
                    "het aanbod verschijnt daar pas als die er is", None, "academie-ontbreekt"))
    for bestand, issues in te_lokaliseren.items():
        uit += lokaliseer(bestand, (catalogus.context.root / bestand).read_text(encoding="utf-8"), issues)
    # Records with a dangling reference cannot be published either.
    for f in uit:
        if f.is_fout:
            stem = Path(f.bestand).stem
            catalogus.scholing.pop(stem, None)
    return uit
