"""Provider text to safe HTML: plain text is escaped, *markdown* fields use a small subset.

Two walls, so one mistake is not enough for script to get through:

1. markdown-it-py with raw HTML off and only the rules of the contract's subset
   enabled (paragraphs, lists, emphasis, links, autolinks, line breaks); links
   are accepted only with an absolute http:, https: or mailto: target. Anything
   else stays visible as plain text, so a submitter sees what went wrong.
2. nh3 (ammonia) sanitises the result against an allow-list of tags and
   attributes, whatever the first step produced.
"""

from __future__ import annotations

from functools import lru_cache
from html import escape

import nh3
from markdown_it import MarkdownIt

TOEGESTANE_TAGS = frozenset({"p", "ul", "ol", "li", "em", "strong", "a", "br"})
TOEGESTANE_ATTRIBUTEN = {"a": {"href"}, "ol": {"start"}}
TOEGESTANE_SCHEMA_S = frozenset({"http", "https", "mailto"})
_LINK_REL = "nofollow noopener noreferrer"


def tekst(waarde: object) -> str:
    """Plain text for use in HTML text and in quoted attribute values."""
    return escape("" if waarde is None else str(waarde), quote=True)


def _veilige_link(url: str) -> bool:
    schoon = url.strip().lower()
    return schoon.startswith(("https://", "http://", "mailto:"))


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("zero", {"html": False, "linkify": False, "typographer": False})
    md.enable(["list", "emphasis", "link", "autolink", "newline", "escape", "backticks"])
    md.validateLink = _veilige_link  # only absolute web and mail links
    # Inline code is rendered as plain text: <code> is not part of the subset.
    md.add_render_rule("code_inline", lambda self, tokens, idx, options, env: escape(tokens[idx].content))
    return md


def markdown(bron: str | None) -> str:
    """Render a *markdown* field of the contract to sanitised HTML."""
    if not bron:
        return ""
    html = _parser().render(str(bron))
    return nh3.clean(html, tags=set(TOEGESTANE_TAGS), attributes={k: set(v) for k, v in TOEGESTANE_ATTRIBUTEN.items()},
                     url_schemes=set(TOEGESTANE_SCHEMA_S), link_rel=_LINK_REL, strip_comments=True)


def url(waarde: str | None) -> str:
    """An escaped href for a contract URL, or '' when it is not a web or mail link.

    The models already require https, but pages never trust that alone.
    """
    if not waarde or not _veilige_link(str(waarde)):
        return ""
    return escape(str(waarde).strip(), quote=True)
