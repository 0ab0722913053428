"""MkDocs adapter for LAB Catalogus: the only place that knows MkDocs.

- on_config: load the catalogue once, work out which site this is, set the
  site's name, URL and colour from the academy's data, register the macros
  used by the hand-written pages in docs/.
- on_files: add one generated page per record this site publishes
  (scholing/, aanbieders/, loketten/) and the two overview pages. Record pages
  stay out of the navigation: Material's navigation is quadratic in the
  number of nav pages (../shared/prestaties.md).
- on_page_markdown / on_page_content: generated pages skip Markdown entirely;
  their HTML comes from lab_catalogus.pages, where all content is escaped or
  rendered through the safe Markdown subset.

Environment (set by `lab build`; all optional for a plain `mkdocs build`):
LAB_ROOT (catalogue root), LAB_PEILDATUM (build date), LAB_BASIS_URL (serve
every site under one base URL, for local use).
"""

from __future__ import annotations

import logging
import os
from functools import partial
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

from lab_catalogus import sites, zoekdata
from lab_catalogus.kader import BegrippenkaderFout
from lab_catalogus.pages import maak_context
from lab_catalogus.pages import aanbieder, aanbod, loket, overzichten, scholing
from lab_catalogus.render import tekst

log = logging.getLogger("mkdocs.plugins.lab")

# Material's primary colour names; anything else falls back to the config's colour.
MATERIAL_KLEUREN = {"red", "pink", "purple", "deep-purple", "indigo", "blue", "light-blue", "cyan", "teal", "green",
                    "light-green", "lime", "yellow", "amber", "orange", "deep-orange", "brown", "grey", "blue-grey",
                    "black", "white"}

_staat: dict = {}  # this build's context and page builders (the hook module is loaded per config)


def _site_naam(config) -> str:
    naam = (config.extra.get("lab") or {}).get("site", sites.LANDELIJK)
    if naam not in sites.SITES:
        raise PluginError(f"extra.lab.site '{naam}' in {config.config_file_path} is geen bekende site; "
                          f"kies uit: {', '.join(sites.SITES)}")
    return naam


def on_config(config):
    naam = _site_naam(config)
    root = Path(os.environ.get(sites.ENV_ROOT) or Path(__file__).resolve().parent.parent)
    try:
        peildatum = sites.peildatum_uit_omgeving()
        catalogus, findings = sites.laad(root, peildatum)
    except (ValueError, BegrippenkaderFout) as fout:
        raise PluginError(str(fout)) from None
    fouten = sum(1 for f in findings if f.is_fout)
    if fouten:
        log.warning(f"de catalogus in {root} heeft {fouten} fout(en); records met fouten worden niet gepubliceerd. "
                    "Draai 'lab check' voor de details.")
    lab = config.extra.get("lab") or {}
    landelijke_url = lab.get("landelijke_url") or config.site_url or "https://lab-catalogus.example.nl/"
    urls = sites.site_urls(catalogus, landelijke_url, os.environ.get(sites.ENV_BASIS_URL))
    config.site_url = urls[naam]
    regio = None if naam == sites.LANDELIJK else naam
    if regio:
        academie = catalogus.academies.get(regio)
        if academie is None:
            raise PluginError(f"er is geen academie voor regio '{regio}': maak content/academies/{regio}.yml aan")
        config.site_name = tekst(academie.naam)  # templates print it unescaped
        palet = config.theme.get("palette")
        if academie.kleur in MATERIAL_KLEUREN and isinstance(palet, dict):
            palet["primary"] = academie.kleur
            palet["accent"] = academie.kleur
        elif academie.kleur:
            log.warning(f"content/academies/{regio}.yml: kleur '{academie.kleur}' is geen kleur van Material; "
                        f"kies uit: {', '.join(sorted(MATERIAL_KLEUREN))}")
    ctx = maak_context(catalogus, regio, urls)
    _staat.clear()
    _staat.update(ctx=ctx, bouwers={}, html={})
    _registreer_macros(config, ctx)
    return config


def _registreer_macros(config, ctx) -> None:
    macros = config.plugins.get("macros")
    if macros is None:
        return

    def pagina_url() -> str:
        return getattr(macros.page, "url", "") or ""

    def maak(functie):
        return lambda: functie(ctx, pagina_url())

    macros.register_macros({
        "lab_home": maak(overzichten.home),
        "lab_academies": maak(overzichten.academies),
        "lab_begrippenkader": maak(overzichten.begrippenkader),
        "lab_beslisboom": maak(overzichten.beslisboom),
        "lab_loketten": maak(loket.loketten_overzicht),
        "lab_loket_zoeker": maak(loket.loket_zoeker),
    })
    # Pages read the site from `extra.lab` (macros exposes `extra` as variables): {% if lab.site == "landelijk" %}


def _voeg_toe(files, config, src_uri: str, bouwer, in_nav: bool) -> None:
    inclusion = InclusionLevel.INCLUDED if in_nav else InclusionLevel.NOT_IN_NAV
    files.append(File.generated(config, src_uri, content="", inclusion=inclusion))
    _staat["bouwers"][src_uri] = bouwer


def on_files(files, config):
    ctx = _staat["ctx"]
    _voeg_toe(files, config, "aanbod/index.md", partial(aanbod.aanbod_overzicht, ctx), True)
    _voeg_toe(files, config, "aanbieders/index.md", partial(aanbieder.aanbieders_overzicht, ctx), True)
    for scholing_id in ctx.selectie.scholing:
        _voeg_toe(files, config, f"scholing/{scholing_id}.md", partial(scholing.scholing_pagina, ctx, scholing_id), False)
    for aanbieder_id in ctx.selectie.aanbieders:
        _voeg_toe(files, config, f"aanbieders/{aanbieder_id}.md", partial(aanbieder.aanbieder_pagina, ctx, aanbieder_id), False)
    for loket_id in ctx.selectie.loketten:
        _voeg_toe(files, config, f"loketten/{loket_id}.md", partial(loket.loket_pagina, ctx, loket_id), False)
    return files


def on_page_markdown(markdown, page, config, files):
    bouwer = _staat["bouwers"].get(page.file.src_uri)
    if bouwer is None:
        return markdown
    pagina = bouwer()
    # Material prints meta title and description without escaping: escape them here.
    page.meta["title"] = tekst(pagina.titel)
    if not page.file.inclusion.is_in_nav():
        page.meta["lab_record"] = True  # out of the nav: the theme may reuse its sidebar (overrides/main.html)
    if pagina.beschrijving:
        page.meta["description"] = tekst(pagina.beschrijving)
    _staat["html"][page.file.src_uri] = pagina.html
    return ""  # nothing for Markdown to do: the HTML is complete


def on_page_content(html, page, config, files):
    gebouwd = _staat["html"].pop(page.file.src_uri, None)
    if gebouwd is not None:
        return gebouwd
    if page.meta.get("zoeken"):
        # Hand-written pages worth finding (begrippenkader, aanbod aanmelden) join the search index.
        return f"<div data-pagefind-body>{html}</div>"
    return html


def on_env(env, config, files):
    ctx = _staat["ctx"]
    eenmalig: dict = {}

    def lab_eenmalig(*sleutel, caller):
        # Renders the block once per key and returns the same HTML afterwards.
        if sleutel not in eenmalig:
            eenmalig[sleutel] = caller()
        return eenmalig[sleutel]

    env.globals["lab_eenmalig"] = lab_eenmalig
    env.globals["lab_sites"] = [
        {"naam": naam, "url": ctx.urls[naam], "huidig": naam == ctx.site,
         "titel": "Landelijke catalogus" if naam == sites.LANDELIJK else ctx.academie_naam(naam)}
        for naam in sites.SITES if naam == sites.LANDELIJK or naam in ctx.catalogus.academies]
    env.globals["lab_themas"] = zoekdata.meest_gebruikte_themas(ctx.catalogus, ctx.selectie.scholing)
    # The sort values of pages without a date or price: the search page keeps them last either way.
    env.globals["lab_geen_waarde"] = [zoekdata.GEEN_DATUM, zoekdata.GEEN_PRIJS]
    return env
