"""The safe Markdown subset and plain-text escaping (render.py)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from lab_catalogus.render import markdown, tekst, url


def test_subset_paragrafen_lijsten_nadruk_links():
    html = markdown("Eerste *alinea* met **vet**.\n\n- een\n- twee\n\n1. a\n2. b\n\n[site](https://a.example.nl)")
    assert "<p>Eerste <em>alinea</em> met <strong>vet</strong>.</p>" in html
    assert "<ul>\n<li>een</li>" in html and "<ol>" in html
    assert '<a href="https://a.example.nl" rel="nofollow noopener noreferrer">site</a>' in html


def test_rauwe_html_wordt_tekst():
    assert markdown("<script>alert(1)</script>") == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"
    assert "<img" not in markdown("<img src=x onerror=alert(1)>")
    assert "<b" not in markdown('<b onmouseover="x">vet</b>')


def test_alleen_web_en_maillinks():
    for href in ("javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", "vbscript:x", "/relatief", "ftp://x.nl"):
        html = markdown(f"[klik]({href})")
        assert "<a" not in html, href
    assert '<a href="mailto:info@a.nl"' in markdown("[mail](mailto:info@a.nl)")
    assert '<a href="http://a.nl"' in markdown("<http://a.nl>")


def test_geen_koppen_afbeeldingen_of_code():
    html = markdown("# Kop\n\n![beeld](https://a.nl/x.png)\n\n```\ncode\n```\n\n`inline`")
    assert "<h1" not in html and "<img" not in html and "<pre" not in html and "<code" not in html


def test_platte_tekst_escaped_ook_aanhalingstekens():
    assert tekst('" onmouseover="alert(1)') == "&quot; onmouseover=&quot;alert(1)"
    assert tekst("<b>&</b>") == "&lt;b&gt;&amp;&lt;/b&gt;"
    assert tekst(None) == ""


def test_url_alleen_veilige_schema_s():
    assert url("javascript:alert(1)") == ""
    assert url('https://a.nl/?q="x"') == "https://a.nl/?q=&quot;x&quot;"


_GEVAARLIJK = st.sampled_from(["<script>", "</script>", "<img src=x onerror=alert(1)>", "javascript:", "[a](javascript:x)",
                               '" onclick="x', "<a href='javascript:x'>", "<svg onload=x>", "<iframe>", "*", "_", "[", "]",
                               "(", ")", "\n\n", "- ", "<", ">", "&", "https://a.nl", "[b](https://a.nl)"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_GEVAARLIJK, st.text(max_size=8)), max_size=25).map("".join))
def test_nooit_script_of_event_attributen(bron):
    html = markdown(bron)
    assert "<script" not in html.lower()
    assert not re.search(r"<[^>]+\son[a-z]+\s*=", html, re.I)
    for href in re.findall(r'href="([^"]*)"', html):
        assert href.startswith(("https://", "http://", "mailto:")), href
    tags = set(re.findall(r"</?([a-zA-Z0-9]+)", html))
    assert tags <= {"p", "ul", "ol", "li", "em", "strong", "a", "br"}, tags
