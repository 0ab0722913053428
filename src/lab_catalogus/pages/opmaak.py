"""Small HTML and Dutch formatting helpers shared by the page builders."""

from __future__ import annotations

import datetime

from ..render import tekst as e
from ..render import url as veilige_url

MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december")


def datum(d: datetime.date | None) -> str:
    return f"{d.day} {MAANDEN[d.month - 1]} {d.year}" if d else ""


def bedrag(waarde: float) -> str:
    """'€ 1.250' or '€ 49,50' (Dutch separators)."""
    centen = round(waarde * 100)
    euro, rest = divmod(centen, 100)
    heel = f"{euro:,}".replace(",", ".")
    return f"€ {heel},{rest:02d}" if rest else f"€ {heel}"


def prijs(waarde: float, btw_label: str | None) -> str:
    """The price as a course page shows it: 'Gratis' or '€ 295 per deelnemer (vrijgesteld van btw)'."""
    if waarde <= 0:
        return "Gratis"
    return f"{bedrag(waarde)} per deelnemer" + (f" ({btw_label.lower()})" if btw_label else "")


def uren(waarde: float) -> str:
    getal = f"{waarde:g}".replace(".", ",")
    return f"{getal} uur"


def opsomming(delen: list[str]) -> str:
    """'a', 'a en b', 'a, b en c' (already escaped parts)."""
    delen = [d for d in delen if d]
    if len(delen) <= 1:
        return "".join(delen)
    return ", ".join(delen[:-1]) + " en " + delen[-1]


def naar(van: str, pad: str) -> str:
    """Relative link from the page at site path `van` to site path `pad`.

    Site paths are directory URLs relative to the site root ('', 'aanbod/',
    'scholing/x/'); relative links keep a site working under any base URL.
    """
    prefix = "../" * van.count("/")
    return (prefix + pad) or "./"


def link(href: str, inhoud_html: str, extern: bool = False) -> str:
    if extern:
        return f'<a href="{href}" rel="noopener">{inhoud_html}</a>'
    return f'<a href="{href}">{inhoud_html}</a>'


def externe_link(url: str | None, inhoud_html: str) -> str:
    """A link to a provider's URL, only when it is a web or mail address."""
    href = veilige_url(url)
    return f'<a href="{href}" rel="noopener nofollow">{inhoud_html}</a>' if href else inhoud_html


def mail_link(adres: str | None) -> str:
    if not adres:
        return ""
    return externe_link(f"mailto:{adres}", e(adres))


def niet_zoeken(html: str) -> str:
    """Wrap boilerplate (the same on every page) so Pagefind leaves it out of the search index."""
    return f"<div data-pagefind-ignore>{html}</div>" if html else ""


# Contact details are for reading, not for finding: a web or mail address would put "https",
# "info" and every part of the domain name in the search index.
CONTACT_NIET_ZOEKEN = frozenset({"Website", "E-mail", "Telefoon"})


def dl(rijen: list[tuple[str, str]], klasse: str = "lab-gegevens", niet_zoeken: frozenset[str] = frozenset()) -> str:
    """A definition list of (label text, value HTML); empty values are left out.

    Labels are not indexed ("Kosten" would match every page), nor the values
    whose label is in `niet_zoeken`; a newline separates label and value, so
    search text never runs words together.
    """
    def dd(label: str) -> str:
        return "<dd data-pagefind-ignore>" if label in niet_zoeken else "<dd>"
    items = "".join(f"<dt data-pagefind-ignore>{e(label)}</dt>\n{dd(label)}{waarde}</dd>\n"
                    for label, waarde in rijen if waarde)
    return f'<dl class="{klasse}">{items}</dl>' if items else ""


def ul(items_html: list[str], klasse: str = "") -> str:
    if not items_html:
        return ""
    attr = f' class="{klasse}"' if klasse else ""
    return f"<ul{attr}>" + "".join(f"<li>{i}</li>" for i in items_html) + "</ul>"


def tabel(koppen: list[str], rijen: list[list[str]], bijschrift: str, klasse: str = "") -> str:
    """A data table with a caption and column headers (cells are HTML).

    The table itself has no class, so Material styles it like a Markdown table;
    the wrappers are Material's, which make wide tables scroll on a phone.
    """
    # Newlines between headers and rows: without whitespace the search text reads "StartEindPlaats".
    kop = "\n".join(f'<th scope="col">{e(k)}</th>' for k in koppen)
    body = "\n".join("<tr>" + "".join(f"<td>{c}</td>" for c in rij) + "</tr>" for rij in rijen)
    # A region that may scroll sideways on a phone must be reachable by keyboard (WCAG 2.1.1).
    return (f'<div class="{("md-typeset__scrollwrap " + klasse).strip()}" tabindex="0" role="region" '
            f'aria-label="{e(bijschrift)}"><div class="md-typeset__table">'
            f"<table><caption>{e(bijschrift)}</caption>\n<thead><tr>{kop}</tr></thead>\n<tbody>{body}</tbody></table>"
            "</div></div>")


__all__ = ["e", "veilige_url", "datum", "bedrag", "uren", "opsomming", "naar", "link", "externe_link",
           "mail_link", "niet_zoeken", "dl", "ul", "tabel", "MAANDEN"]
