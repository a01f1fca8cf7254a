"""_ungvejen.csp: what the Content-Security-Policy would block, the hashes of the inline
scripts it allows, and the header files for static hosts and nginx."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import pytest

from _ungvejen import csp
from _ungvejen.csp import (
    HEADERS_FILE, LONG_CACHE, NGINX_FILE, content_security_policy, csp_hash, fingerprinted_assets,
    headers_file, nginx_file, scan_site, security_headers,
)

PAGE = "<!doctype html><html lang=\"da\"><head><title>T</title></head><body>{}</body></html>"


def browser_hash(text: str) -> str:
    """What a browser computes for an inline script: sha256 of its UTF-8 text after newline
    normalisation (CR LF -> LF), base64, in a CSP source expression."""
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    return "'sha256-" + base64.b64encode(hashlib.sha256(normalised.encode("utf-8")).digest()).decode() + "'"


def site_with(tmp_path: Path, pages: dict[str, str | bytes]) -> Path:
    for name, body in pages.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        content = body if isinstance(body, bytes) else PAGE.format(body)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return tmp_path


def full_parse(text: str) -> tuple[list[str], list[str]]:
    """The slow, exact path for one page: hashes and problems as scan_site reports them."""
    scan = csp._PageScan()
    scan.feed(text)
    scan.close()
    problems = scan.problems + ["<style>. Sådan retter du: flyt reglerne til docs/assets/stylesheets/ungvejen.css"
                                for _ in scan.inline_styles]
    return sorted({csp_hash(script) for script in scan.inline_scripts}), sorted(set(problems))


# -- hashes


def test_csp_hash_matches_the_documented_example():
    # The example in MDN's Content-Security-Policy script-src documentation.
    assert csp_hash("var inline = 1;") == "'sha256-B2yPHKaXnvFWtRChIbabYmUBFZdVfKKXHbWtWidDVF8='"


def test_inline_script_hash_is_the_browsers_after_newline_normalisation(tmp_path):
    script = "var a = 1;\r\nvar b = 'æøå';\r\n"
    page = ("<html><body><script>" + script + "</script></body></html>").encode("utf-8")
    hashes, problems = scan_site(site_with(tmp_path, {"index.html": page}))
    assert hashes == [browser_hash(script)]
    assert hashes == [browser_hash("var a = 1;\nvar b = 'æøå';\n")]
    assert hashes != [csp_hash(script)]  # the raw CR LF text would be refused by the browser
    assert problems == {}


def test_same_script_on_many_pages_gives_one_hash(tmp_path):
    site = site_with(tmp_path, {"a.html": "<script>go()</script>", "b/index.html": "<script>go()</script>",
                                "c.html": "<script type=\"module\">mod()</script>"})
    hashes, problems = scan_site(site)
    assert hashes == sorted([browser_hash("go()"), browser_hash("mod()")])
    assert problems == {}


@pytest.mark.parametrize("data_type", ["application/ld+json", "application/json", "text/template",
                                       "APPLICATION/LD+JSON; charset=utf-8"])
def test_data_blocks_are_not_hashed(tmp_path, data_type):
    body = f'<script type="{data_type}">{{"@type": "WebPage"}}</script><script>run()</script>'
    hashes, problems = scan_site(site_with(tmp_path, {"index.html": body}))
    assert hashes == [browser_hash("run()")]
    assert problems == {}


def test_data_blocks_are_not_hashed_on_a_page_that_gets_the_full_parse(tmp_path):
    body = ('<p style="x">a</p><script type="application/ld+json">{"a": 1}</script>'
            '<script type="text/javascript">run()</script>')
    hashes, _ = scan_site(site_with(tmp_path, {"index.html": body}))
    assert hashes == [browser_hash("run()")]


def test_external_script_of_our_own_is_not_hashed_and_not_a_problem(tmp_path):
    body = '<script src="../assets/javascripts/exit.js"></script><script src="/x.js" defer></script>'
    assert scan_site(site_with(tmp_path, {"index.html": body})) == ([], {})


# -- problems, one kind per page


PROBLEM_PAGES = {
    "onclick.html": ('<button onclick="go()">Gå</button>',
                     ["<button onclick=...>. Sådan retter du: flyt koden til en script-fil"]),
    "javascript.html": ('<a href="javascript:void(0)">Klik</a>',
                        ['<a href="javascript:...">. Sådan retter du: flyt koden til en script-fil']),
    "external.html": ('<script src="https://cdn.example.com/x.js"></script>',
                      ['<script src="https://cdn.example.com/x.js">. Sådan retter du: læg scriptet på siden selv '
                       "(docs/assets/javascripts/)"]),
    "protocol-relative.html": ('<script src="//cdn.example.com/y.js"></script>',
                               ['<script src="//cdn.example.com/y.js">. Sådan retter du: læg scriptet på siden selv '
                                "(docs/assets/javascripts/)"]),
    "style-attribute.html": ('<p style="color: red">Rød</p>',
                             ['<p style="color: red">. Sådan retter du: brug en klasse fra '
                              "docs/assets/stylesheets/ungvejen.css"]),
    "style-element.html": ("<style>p { color: red }</style><p>Rød</p>",
                           ["<style>. Sådan retter du: flyt reglerne til docs/assets/stylesheets/ungvejen.css"]),
}


@pytest.mark.parametrize("name", PROBLEM_PAGES)
def test_each_kind_of_problem_is_reported_on_its_own(tmp_path, name):
    body, expected = PROBLEM_PAGES[name]
    hashes, problems = scan_site(site_with(tmp_path, {name: body, "clean.html": "<p>Intet her</p>"}))
    assert problems == {name: expected}
    assert hashes == []


def test_a_page_whose_only_problem_is_a_style_attribute_is_reported(tmp_path):
    # No script, no <style>, no event handler: only the style attribute makes the page suspect.
    body = '<div class="x"><span style="display:none">skjult</span></div>'
    _, problems = scan_site(site_with(tmp_path, {"temaer/x/index.html": body}))
    assert problems == {"temaer/x/index.html": [
        '<span style="display:none">. Sådan retter du: brug en klasse fra docs/assets/stylesheets/ungvejen.css']}


def test_every_problem_of_a_page_is_listed_once_and_sorted(tmp_path):
    body = ('<p style="a">x</p><p style="a">x</p><img src="x.png" onerror="f()">'
            '<style>a{}</style><style>b{}</style>')
    _, problems = scan_site(site_with(tmp_path, {"index.html": body}))
    assert problems == {"index.html": sorted([
        "<img onerror=...>. Sådan retter du: flyt koden til en script-fil",
        '<p style="a">. Sådan retter du: brug en klasse fra docs/assets/stylesheets/ungvejen.css',
        "<style>. Sådan retter du: flyt reglerne til docs/assets/stylesheets/ungvejen.css",
    ])}


def test_long_style_values_are_cut_at_40_characters(tmp_path):
    value = "color: red; background: blue; border: 1px solid green"
    _, problems = scan_site(site_with(tmp_path, {"index.html": f'<p style="{value}">x</p>'}))
    assert problems["index.html"] == [f'<p style="{value[:40]}">. Sådan retter du: brug en klasse fra '
                                      "docs/assets/stylesheets/ungvejen.css"]


def test_words_in_the_text_do_not_make_problems(tmp_path):
    # "style=" and "javascript:" as escaped text trigger the full parse, which finds nothing.
    body = "<p>Skriv aldrig &lt;p style=&quot;x&quot;&gt; eller javascript: i et link.</p><code> onclick=</code>"
    assert scan_site(site_with(tmp_path, {"index.html": body})) == ([], {})


# What a browser still reads as a handler or a javascript: URL. The fast scan once let the
# first four through (it looked only for white space before a handler), and the full parse
# the last four (it read "javascript:" only as written, and not in an SVG link).
OBFUSCATED = {
    "slash-before-handler": ('<img/alt="x"/src="x"/onerror=alert(1)>', "<img onerror=...>"),
    "svg-slash-handler": ("<svg/onload=alert(1)></svg>", "<svg onload=...>"),
    "quote-before-handler": ('<img src="x"onerror="alert(1)">', "<img onerror=...>"),
    "quote-before-style": ("<p class='x'style='color:red'>x</p>", '<p style="color:red">'),
    "tab-in-javascript": ('<a href="java\tscript:alert(1)">x</a>', '<a href="javascript:...">'),
    "newline-in-javascript": ('<a href="java\nscript:alert(1)">x</a>', '<a href="javascript:...">'),
    "control-before-javascript": ('<a href=" \x01javascript:alert(1)">x</a>', '<a href="javascript:...">'),
    "svg-xlink-javascript": ('<svg><a xlink:href="javascript:alert(1)">x</a></svg>', '<a xlink:href="javascript:...">'),
}


@pytest.mark.parametrize("name", OBFUSCATED)
def test_obfuscated_handlers_and_javascript_urls_are_problems(tmp_path, name):
    body, problem = OBFUSCATED[name]
    _, problems = scan_site(site_with(tmp_path, {"index.html": PAGE.format(body).encode("utf-8")}))
    assert [line.split(". Sådan retter du")[0] for line in problems["index.html"]] == [problem]


def test_attribute_like_words_in_text_and_class_names_need_no_full_parse():
    # "contact" holds "on…" and data-onclick is no handler: the fast path stays fast.
    assert not csp.looks_suspect('<p class="ung-contact" data-onclick="x">Person=1, contact=2</p>')


# The fast path must give what the full parse gives, page by page.
FAST_PATH_CASES = {
    "plain": "<p>Hej</p><script>a()</script>",
    "uppercase-script": "<SCRIPT>Up()</SCRIPT>",
    "script-with-markup-inside": '<script>if (a < b) x("</p>")</script>',
    "module-and-data": '<script type="module">m()</script><script type="application/json">{}</script>',
    "local-src": '<script src="assets/x.js"></script><script>after()</script>',
    "data-src-attribute": '<script data-src="x">inline()</script>',
    "src-on-its-own-line": '<script\nsrc="assets/x.js"></script><script>b()</script>',
    "commented-out-script": "<!-- <script>old()</script> --><p>x</p>",
    "external-src-with-spaces": '<script src = "https://cdn.example.com/x.js"></script>',
    "data-url-script": '<script src="data:text/javascript,alert(1)"></script>',
    "entity-encoded-javascript-url": '<a href="&#106;avascript:alert(1)">x</a>',
    **{f"obfuscated-{name}": body for name, (body, _) in OBFUSCATED.items()},
}


@pytest.mark.parametrize("name", FAST_PATH_CASES)
def test_scan_site_gives_what_the_full_parse_gives(tmp_path, name):
    text = PAGE.format(FAST_PATH_CASES[name])
    hashes, problems = scan_site(site_with(tmp_path, {"index.html": text.encode("utf-8")}))
    expected_hashes, expected_problems = full_parse(text)
    assert (hashes, problems.get("index.html", [])) == (expected_hashes, expected_problems)


# -- the policy and the files


def test_policy_lists_the_hashes_in_script_src():
    policy = content_security_policy(["'sha256-AAA='", "'sha256-BBB='"])
    directives = dict(part.split(" ", 1) for part in policy.split("; "))
    assert directives["script-src"] == "'self' 'wasm-unsafe-eval' 'sha256-AAA=' 'sha256-BBB='"
    assert directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["img-src"] == "'self' data:"
    assert policy.startswith("default-src 'self'; ")
    assert "unsafe-inline" not in policy


def test_security_headers_names_and_values():
    headers = dict(security_headers([]))
    assert list(headers) == ["Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy",
                             "Permissions-Policy", "X-Frame-Options", "Cross-Origin-Opener-Policy",
                             "Cross-Origin-Resource-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["X-Frame-Options"] == "DENY"
    assert "camera=()" in headers["Permissions-Policy"].split(", ")
    assert "geolocation=()" in headers["Permissions-Policy"].split(", ")


def test_headers_file_lines():
    text = headers_file([("X-Frame-Options", "DENY"), ("Referrer-Policy", "no-referrer")],
                        ["/assets/app.1234abcd.min.js"])
    assert HEADERS_FILE == "_headers"
    assert text.splitlines() == [
        "# Written by hooks/security_headers.py at build time. Do not edit.",
        "/*",
        "  X-Frame-Options: DENY",
        "  Referrer-Policy: no-referrer",
        "/assets/app.1234abcd.min.js",
        f"  Cache-Control: {LONG_CACHE}",
    ]
    assert text.endswith("\n") and LONG_CACHE == "public, max-age=31536000, immutable"


def test_nginx_file_lines():
    text = nginx_file([("Content-Security-Policy", "default-src 'self'"), ("X-Content-Type-Options", "nosniff")])
    assert NGINX_FILE == "_nginx_headers.conf"
    assert text.splitlines()[2:] == [
        "set $ungvejen_content_security_policy \"default-src 'self'\";",
        "add_header Content-Security-Policy $ungvejen_content_security_policy_for_documents always;",
        'add_header X-Content-Type-Options "nosniff" always;',
    ]
    assert text.splitlines()[0].startswith("# Written by hooks/security_headers.py")
    assert text.endswith("\n")


def test_nginx_file_for_the_real_headers_has_one_line_per_header_or_two_for_documents():
    headers = security_headers([csp_hash("a()")])
    lines = nginx_file(headers).splitlines()[2:]
    assert len(lines) == len(headers) + len(csp.DOCUMENT_ONLY)
    assert 'add_header Referrer-Policy "no-referrer" always;' in lines
    assert "add_header X-Frame-Options $ungvejen_x_frame_options_for_documents always;" in lines


@pytest.mark.parametrize("value", ['say "hi"', "a $host b", "back\\slash", "two\nlines"])
def test_nginx_file_refuses_values_it_cannot_quote(value):
    with pytest.raises(ValueError, match="X-Test cannot be written as an nginx string"):
        nginx_file([("X-Test", value)])


def test_fingerprinted_assets(tmp_path):
    for name in ("assets/javascripts/bundle.79ae519e.min.js", "assets/stylesheets/main.484c7ddc.min.css",
                 "assets/javascripts/lunr/min/lunr.da.min.js", "assets/stylesheets/ungvejen.css",
                 "assets/javascripts/x.NOTAHASH.min.js", "assets/images/logo.12345678.min.svg"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    (tmp_path / "pagefind" / "index").mkdir(parents=True)
    assert fingerprinted_assets(tmp_path) == [
        "/pagefind/index/*",
        "/assets/javascripts/bundle.79ae519e.min.js",
        "/assets/stylesheets/main.484c7ddc.min.css",
    ]


def test_only_trusted_scripts_are_hashed_and_others_are_problems():
    from _ungvejen.csp import csp_hash, inline_scripts, scan_page

    template = '<script>__md_scope=new URL("..",location)</script>'
    trusted = frozenset(inline_scripts(template))
    page = template + "<p>Rusmidler<script>document.title='XSS'</script></p>"
    hashes, problems = scan_page(page, trusted)
    assert hashes == {csp_hash('__md_scope=new URL("..",location)')}
    assert len(problems) == 1 and "ikke kommer fra sidens skabeloner" in problems[0]
    assert "document.title='XSS'" in problems[0]
    # Without a trusted set (trusted=None) every inline script is taken as it is.
    assert len(scan_page(page)[0]) == 2


def test_a_blocked_script_is_traced_to_the_line_it_comes_from(tmp_path):
    from _ungvejen.csp import scan_page, source_line

    (tmp_path / "docs").mkdir()
    page = tmp_path / "docs" / "titel.md"
    page.write_text("---\ntitle: \"Rusmidler<script>document.title='XSS'</script>\"\n---\n# Side\n", encoding="utf-8")
    template = tmp_path / "main.html"
    template.write_text("<p>\n<a href=\"#\" onclick=\"go()\">x</a>\n</p>\n", encoding="utf-8")
    _, problems = scan_page("<html><script>document.title='XSS'</script><a onclick='go()'>x</a></html>", frozenset())
    located = {problem.split(" ", 1)[0]: source_line(problem, [page, template], tmp_path) for problem in problems}
    assert located == {"et": "docs/titel.md:2", "<a": "main.html:2"}, problems
    assert source_line("<p style=\"color: red\">. Sådan retter du", [page], tmp_path) is None
