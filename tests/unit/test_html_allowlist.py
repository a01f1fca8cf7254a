"""_ungvejen.html_allowlist: a page's HTML is read by an HTML5 parser and checked against an
allowlist – the reproductions of issue 14 (items 1, 4 and 5) each give a finding."""

from __future__ import annotations

import pytest

from _ungvejen.html_allowlist import check_fragment, url_problem

HOSTILE = {
    "script element": '<p>Hej</p><script>document.title="XSS"</script>',
    "external script": '<script src="https://evil.example/x.js"></script>',
    "backslash script host": '<script src="/\\evil.example/x.js"></script>',
    "meta refresh": '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    "base": '<base href="https://evil.example/">',
    "iframe": '<iframe src="https://evil.example/"></iframe>',
    "object": '<object data="x.swf"></object>',
    "embed": '<embed src="x.swf">',
    "style element": "<style>body{display:none}</style>",
    "style attribute": '<p style="color: red">Rød</p>',
    "inline handler": '<button onclick="alert(1)">Tryk</button>',
    "slash-separated handler": '<img/alt="x"/src="x.png"/onerror=alert(1)>',
    "upper-case handler": '<IMG SRC="x.png" ALT="x" ONERROR="alert(1)">',
    "entity javascript": '<a href="&#106;avascript:alert(1)">x</a>',
    "tab in javascript": '<a href="java&#9;script:alert(1)">x</a>',
    "newline in javascript": '<a href="java\nscript:alert(1)">x</a>',
    "leading space javascript": '<a href=" javascript:alert(1)">x</a>',
    "svg xlink javascript": '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "svg script": "<svg><script>alert(1)</script></svg>",
    "svg use from another host": '<svg><use href="https://evil.example/x.svg#a"/></svg>',
    "external image": '<img src="https://evil.example/pixel.png" alt="x">',
    "protocol-relative image": '<img src="//evil.example/pixel.png" alt="x">',
    "file link": '<a href="file:///etc/passwd">bilag</a>',
    "data link": '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    "vbscript link": '<a href="vbscript:msgbox(1)">x</a>',
    "form": '<form action="https://evil.example/"><input name="x"></form>',
    "link element": '<link rel="stylesheet" href="https://evil.example/x.css">',
    "template": "<template><script>alert(1)</script></template>",
    "noscript": "<noscript><img src=x onerror=alert(1)></noscript>",
    "math": '<math><mtext><img src=x onerror=alert(1)></mtext></math>',
}

SAFE = {
    "paragraph and links": '<p>Ring <a href="tel:112">112</a>, skriv <a href="mailto:ssp@vejen.dk">os</a> '
                           'eller læs <a href="https://www.borneraadet.dk/">mere</a>.</p>',
    "relative link and anchor": '<p><a href="../temaer/rusmidler/#unge">Rusmidler</a> <a href="#top">Top</a></p>',
    "sms link": '<a href="sms:+4524430755">sms</a>',
    "local image": '<img src="../assets/images/niveauer.svg" alt="Tre niveauer">',
    "data image": '<img src="data:image/png;base64,iVBORw0KGgo=" alt="prik">',
    "table": "<table><thead><tr><th scope=\"col\">A</th></tr></thead><tbody><tr><td colspan=\"2\">B</td></tr></tbody></table>",
    "details": '<details class="note" open><summary>Mere</summary><p>Tekst</p></details>',
    "diagram": '<figure class="ung-diagram"><svg viewBox="0 0 100 40" role="img" aria-labelledby="t"><title id="t">To bokse</title>'
               '<g fill="#fff" text-anchor="middle"><rect x="1" y="1" width="40" height="20" rx="3" stroke="#000"/>'
               '<path d="M0 0L10 10" stroke-width="2"/><polygon points="0,0 1,1" fill="#000"/>'
               '<text x="20" y="12" font-size="8">A</text></g></svg><figcaption>To bokse</figcaption></figure>',
    "attribute list": '<h2 id="unge" data-audience="unge">Til unge</h2><p class="ung-lead" lang="en" aria-hidden="true">x</p>',
    "shortcode marker": "<!-- ung:kontakter tema=rusmidler -->",
    "code with markup as text": "<pre><code>&lt;script&gt;alert(1)&lt;/script&gt;</code></pre>",
    "fallback wrapper": '<div lang="da"><p>Dansk tekst</p></div>',
}


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_html_is_found(name):
    findings = check_fragment(HOSTILE[name])
    assert findings, f"{name} passed the allowlist"
    assert all(finding.fix for finding in findings)


@pytest.mark.parametrize("name", SAFE)
def test_what_markdown_and_our_diagrams_make_passes(name):
    assert check_fragment(SAFE[name]) == []


def test_the_finding_names_the_line_of_the_markdown_source():
    source = "---\ntitle: x\n---\n# Side\n\nTekst.\n\n<img src=\"a.png\" alt=\"a\" onerror=\"alert(1)\">\n"
    [finding] = check_fragment('<h1>Side</h1><p>Tekst.</p><img src="a.png" alt="a" onerror="alert(1)">')
    assert finding.line_in(source) == 8
    assert "onerror" in finding.message


def test_control_characters_are_shown_not_hidden_in_the_message():
    [finding] = check_fragment('<a href="java&#9;script:alert(1)">x</a>')
    assert "java\\x09script" in finding.message and "'javascript:'" in finding.message


@pytest.mark.parametrize("tag, attribute, value, allowed", [
    ("a", "href", "https://www.dmi.dk/", True),
    ("a", "href", "//www.dmi.dk/", True),
    ("a", "href", "JAVASCRIPT:alert(1)", False),
    ("a", "href", "\x01javascript:alert(1)", False),
    ("img", "src", "billede.png", True),
    ("img", "src", "http://evil.example/x.png", False),
    ("img", "src", "data:image/svg+xml;base64,PHN2Zz4=", True),
    ("img", "src", "data:text/html,x", False),
    ("blockquote", "cite", "file:///etc/passwd", False),
])
def test_url_schemes(tag, attribute, value, allowed):
    assert (url_problem(tag, attribute, value) is None) is allowed
