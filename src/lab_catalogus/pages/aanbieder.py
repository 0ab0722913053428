"""Aanbieder pages: one per provider with its offers on this site, and the list of providers."""

from __future__ import annotations

from ..render import markdown
from .aanbod import aanbod_lijst
from .context import Pagina, SiteContext
from .opmaak import CONTACT_NIET_ZOEKEN, dl, e, externe_link, link, mail_link, naar, niet_zoeken, opsomming, tabel


def pad(aanbieder_id: str) -> str:
    return f"aanbieders/{aanbieder_id}/"


def aanbieder_pagina(ctx: SiteContext, aanbieder_id: str) -> Pagina:
    a = ctx.catalogus.aanbieders[aanbieder_id]
    van = pad(aanbieder_id)
    eigen = ctx.selectie.aanbod_per_aanbieder.get(aanbieder_id, [])
    gegevens = dl([
        ("Soort organisatie", e(ctx.label("aanbiedertypes", a.type))),
        ("Plaats", e(a.plaats or "")),
        ("Website", externe_link(a.website, e(a.website))),
        ("E-mail", mail_link(a.contact.email)),
        ("Telefoon", e(a.contact.telefoon or "")),
        ("Erkenningen", e(opsomming([ctx.label("erkenningen", x) for x in a.erkenningen]))),
        ("KvK-nummer", e(a.kvk or "")),
    ], niet_zoeken=CONTACT_NIET_ZOEKEN)
    waar = "in de catalogus" if ctx.landelijk else "bij deze academie"
    delen = [
        '<article class="lab-aanbieder" data-pagefind-body>',
        f"<h1>{e(a.naam)}</h1>",
        markdown(a.beschrijving),
        gegevens,
        # The offers have their own pages in the index; listing them here again would only add weight.
        niet_zoeken(f'<h2 id="aanbod">Aanbod {e(waar)}</h2>'
                    + (aanbod_lijst(ctx, eigen, van) if eigen else "<p>Geen actueel aanbod.</p>")),
        ctx.zoekkenmerken("aanbieders", aanbieder_id),
        "</article>",
    ]
    return Pagina(a.naam, "".join(delen), f"{a.naam}: aanbieder van scholing voor buurtsportcoaches")


def aanbieders_overzicht(ctx: SiteContext) -> Pagina:
    van = "aanbieders/"
    rijen = []
    for aanbieder_id in sorted(ctx.selectie.aanbieders, key=lambda i: ctx.catalogus.aanbieders[i].naam.lower()):
        a = ctx.catalogus.aanbieders[aanbieder_id]
        aantal = len(ctx.selectie.aanbod_per_aanbieder.get(aanbieder_id, []))
        rijen.append([link(naar(van, pad(aanbieder_id)), e(a.naam)), e(ctx.label("aanbiedertypes", a.type)),
                      e(a.plaats or ""), str(aantal)])
    inhoud = (tabel(["Aanbieder", "Soort", "Plaats", "Aantal aanbiedingen"], rijen, "Alle aanbieders", "lab-tabel")
              if rijen else "<p>Er zijn nog geen aanbieders met actueel aanbod.</p>")
    html = ("<h1>Aanbieders</h1><p>Deze organisaties verzorgen het scholingsaanbod"
            + ("" if ctx.landelijk else " bij deze academie") + ". Kies een aanbieder voor het hele aanbod.</p>" + inhoud)
    return Pagina("Aanbieders", html, "Alle aanbieders van scholing voor buurtsportcoaches")
