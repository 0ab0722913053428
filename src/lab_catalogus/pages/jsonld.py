"""schema.org `Course` as JSON-LD for a course page.

Built with json.dumps, then '<', '>' and '&' are written as \\u escapes, so no
content can close the <script> element or start a comment inside it.
"""

from __future__ import annotations

import json

from ..models import Scholing
from ..selectie import komende_uitvoeringen

# locatievorm -> schema.org courseMode
_COURSE_MODE = {"fysiek": "onsite", "online": "online", "hybride": "blended", "incompany": "onsite"}


def _duur(uren: float) -> str:
    return f"PT{uren:g}H"


def veilig_json(data: object) -> str:
    tekst = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return tekst.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def course(scholing: Scholing, pagina_url: str, ctx) -> dict:
    aanbieder = ctx.catalogus.aanbieders.get(scholing.aanbieder)
    modus = _COURSE_MODE.get(scholing.locatie.vorm, "onsite")
    instances = []
    for u in komende_uitvoeringen(scholing, ctx.peildatum):
        instance = {"@type": "CourseInstance", "courseMode": modus, "startDate": u.start.isoformat(),
                    "endDate": u.eind.isoformat(), "courseWorkload": _duur(scholing.tijdsinvestering.uren)}
        plaats = u.plaats or scholing.locatie.plaats
        if plaats:
            instance["location"] = {"@type": "Place", "name": plaats}
        instances.append(instance)
    if not instances and scholing.doorlopend:
        instances.append({"@type": "CourseInstance", "courseMode": modus,
                          "courseWorkload": _duur(scholing.tijdsinvestering.uren),
                          "courseSchedule": {"@type": "Schedule", "description": "Doorlopend: start wanneer je wilt"}})
    data = {
        "@context": "https://schema.org",
        "@type": "Course",
        "@id": pagina_url,
        "url": pagina_url,
        "name": scholing.titel,
        "description": scholing.samenvatting,
        "inLanguage": "nl",
        "teaches": list(scholing.leeruitkomsten),
        "coursePrerequisites": scholing.instapvoorwaarden,
        "timeRequired": _duur(scholing.tijdsinvestering.uren),
        "about": [ctx.label("themas", t) for t in scholing.themas],
        "offers": {"@type": "Offer", "price": scholing.kosten.bedrag, "priceCurrency": "EUR",
                   "category": "Free" if scholing.kosten.bedrag == 0 else "Paid", "url": scholing.aanmelden},
    }
    if aanbieder is not None:
        data["provider"] = {"@type": "Organization", "name": aanbieder.naam, "url": aanbieder.website}
    if scholing.niveau:
        data["educationalLevel"] = ctx.label("niveaus", scholing.niveau)
    if scholing.trefwoorden:
        data["keywords"] = ", ".join(scholing.trefwoorden)
    if instances:
        data["hasCourseInstance"] = instances
    return data


def script(data: dict) -> str:
    return f'<script type="application/ld+json">{veilig_json(data)}</script>'
