"""Page builders: plain Python that turns the catalogue into page HTML.

Every builder takes a `SiteContext` (catalogue, what this site shows, where
each site lives) and returns a `Pagina` or an HTML fragment. All provider text
goes through `render.tekst` (escaped) or `render.markdown` (safe subset), so
nothing from content reaches a page raw. MkDocs only wraps the result in the
theme (see hooks/lab.py); these builders are tested without it.
"""

from .context import Pagina, SiteContext, maak_context

__all__ = ["Pagina", "SiteContext", "maak_context"]
