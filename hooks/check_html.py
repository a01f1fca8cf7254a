"""Hook: the HTML in a page's text must be on our allowlist (_ungvejen/html_allowlist.py).

Runs on each page's converted HTML before anything of ours is added to it (review dates,
print addresses, shortcode blocks come later), so it sees exactly what the editor's
Markdown produced. A script, a style, an event handler, an embedded frame, a `<base>` or
`<meta>` redirect, an image from another host or a `javascript:`/`file:` link is a warning
naming the Markdown file and line – the strict build stops – because the site must run only
the code our templates write, and load nothing from other hosts.
"""

from _ungvejen.build import build_state
from _ungvejen.html_allowlist import check_fragment
from _ungvejen.paths import source_path
from _ungvejen.problems import Problem


def on_page_content(html, page, config, files):
    state = build_state(config)
    source = page.file.content_string
    for finding in check_fragment(html):
        state.warn(Problem(source_path(page.file.src_uri), finding.line_in(source), 0, finding.message, finding.fix))
    return html
