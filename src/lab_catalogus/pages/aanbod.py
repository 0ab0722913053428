"""The overview of all offers on a site, and the short lists used on other pages.

The overview is one table, sorted by the next start date. Every row carries
its theme and vorm ids and its start date as data attributes; a small script
(docs/assets/javascripts/aanbod.js) filters by theme and vorm and re-sorts.
Without JavaScript the sorted table is complete and usable.
"""

from __future__ import annotations

import datetime

from ..selectie import eerstvolgende_start
from .context import Pagina, SiteContext
from .opmaak import bedrag, datum, e, link, naar

_LAATST = datetime.date.max


def _start_cel(scholing, ctx: SiteContext) -> tuple[datetime.date, str]:
    volgende = eerstvolgende_start(scholing, ctx.peildatum)
    if volgende:
        return volgende, e(datum(volgende))
    if scholing.doorlopend:
        return ctx.peildatum, "Doorlopend"
    return _LAATST, "Nog niet bekend"


def gesorteerd(ctx: SiteContext, ids: list[str]) -> list[str]:
    """By next start date (doorlopend counts as now, unknown last), then title."""
    cat = ctx.catalogus.scholing
    return sorted(ids, key=lambda i: (_start_cel(cat[i], ctx)[0], cat[i].titel.lower(), i))


def aanbod_lijst(ctx: SiteContext, ids: list[str], van: str) -> str:
    """A compact list of offers (title, vorm, start) linking to their pages."""
    items = []
    for scholing_id in gesorteerd(ctx, ids):
        s = ctx.catalogus.scholing[scholing_id]
        _, start = _start_cel(s, ctx)
        items.append(f'<li>{link(naar(van, f"scholing/{scholing_id}/"), e(s.titel))} '
                     f'<span class="lab-klein">{e(ctx.label("scholingsvormen", s.vorm))}, start: {start}</span></li>')
    return '<ul class="lab-aanbodlijst">' + "".join(items) + "</ul>"


def _filter(naam: str, label: str, opties: list[tuple[str, str]]) -> str:
    keuzes = "".join(f'<option value="{e(w)}">{e(t)}</option>' for w, t in opties)
    return (f'<div class="lab-veld"><label for="lab-filter-{naam}">{e(label)}</label>'
            f'<select id="lab-filter-{naam}" data-lab-filter="{naam}"><option value="">Alle</option>{keuzes}</select></div>')


def aanbod_overzicht(ctx: SiteContext) -> Pagina:
    van = "aanbod/"
    cat = ctx.catalogus.scholing
    ids = gesorteerd(ctx, ctx.selectie.scholing)
    gebruikte_themas = {t for i in ids for t in cat[i].themas}
    gebruikte_vormen = {cat[i].vorm for i in ids}
    themas = [(t.id, t.label) for t in ctx.kader.lijst("themas").termen if t.id in gebruikte_themas]
    vormen = [(t.id, t.label) for t in ctx.kader.lijst("scholingsvormen").termen if t.id in gebruikte_vormen]

    rijen = []
    for scholing_id in ids:
        s = cat[scholing_id]
        start_datum, start = _start_cel(s, ctx)
        sorteer = "9999-12-31" if start_datum == _LAATST else start_datum.isoformat()
        kosten = "Gratis" if s.kosten.bedrag <= 0 else bedrag(s.kosten.bedrag)
        if s.kosten.bedrag > 0 and s.kosten.btw == "exclusief":
            kosten += " excl. btw"
        plaats = s.locatie.plaats or ctx.label("locatievormen", s.locatie.vorm)
        themas_tekst = ", ".join(ctx.label("themas", t) for t in s.themas)
        rijen.append(
            f'<tr data-themas="{e(" ".join(s.themas))}" data-vorm="{e(s.vorm)}" data-start="{sorteer}" '
            f'data-titel="{e(s.titel.lower())}">'
            f'<td>{link(naar(van, f"scholing/{scholing_id}/"), e(s.titel))}</td>'
            f'<td>{e(ctx.label("scholingsvormen", s.vorm))}</td><td>{e(themas_tekst)}</td>'
            f'<td>{start}</td><td>{e(kosten)}</td><td>{e(plaats)}</td></tr>')

    waar = "in alle regio's" if ctx.landelijk else "bij deze academie"
    inleiding = (f"<p>{len(ids)} scholingen {e(waar)}, gesorteerd op de eerstvolgende startdatum. "
                 "Filter op thema of vorm, of sorteer anders.</p>")
    filters = ('<form class="lab-filters" data-lab-aanbod-filters hidden>'
               + _filter("thema", "Thema", themas) + _filter("vorm", "Vorm", vormen)
               + '<div class="lab-veld"><label for="lab-sorteer">Sorteren op</label><select id="lab-sorteer" data-lab-sorteer>'
               '<option value="start">Startdatum (eerst)</option><option value="start-af">Startdatum (laatst)</option>'
               '<option value="titel">Titel (A-Z)</option></select></div>'
               '<p class="lab-telling" aria-live="polite" data-lab-telling></p></form>')
    kop = "".join(f'<th scope="col">{k}</th>' for k in ("Scholing", "Vorm", "Thema's", "Start", "Kosten", "Plaats"))
    tabel = (f'<div class="md-typeset__scrollwrap lab-aanbod" tabindex="0" role="region" aria-label="Scholingsaanbod {e(waar)}">'
             '<div class="md-typeset__table">'
             f'<table data-lab-aanbod><caption>Scholingsaanbod {e(waar)}</caption>'
             f'<thead><tr>{kop}</tr></thead><tbody>{"".join(rijen)}</tbody></table></div></div>')
    if not ids:
        tabel = "<p>Er is op dit moment geen aanbod.</p>"
    html = "<h1>Aanbod</h1>" + inleiding + filters + tabel
    return Pagina("Aanbod", html, f"Alle scholing voor buurtsportcoaches {waar}")


def nieuwste(ctx: SiteContext, aantal: int = 6) -> list[str]:
    """The most recently checked offers (bijgewerkt), newest first."""
    cat = ctx.catalogus.scholing
    return sorted(ctx.selectie.scholing,
                  key=lambda i: (cat[i].bijgewerkt or datetime.date.min, i), reverse=True)[:aantal]
